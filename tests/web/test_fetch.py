"""Fetching by URL: private addresses refused, also after a redirect; size cap; page types."""

from __future__ import annotations

import pytest

httpx = pytest.importorskip("httpx")

from storyline.errors import FetchError  # noqa: E402
from storyline.web.fetch import check_address, fetch_url  # noqa: E402

PUBLIC = "93.184.215.14"


def resolver(table):
    return lambda host, port: table[host]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.8",
        "172.16.4.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "240.0.0.1",
    ],
)
def test_non_global_addresses_are_refused(address):
    with pytest.raises(FetchError, match="refused"):
        check_address(address)


def test_a_name_that_resolves_to_a_private_address_is_refused():
    with pytest.raises(FetchError, match="refused"):
        fetch_url("http://intranet.example/", resolve=resolver({"intranet.example": ["10.0.0.5"]}))


def test_a_redirect_to_a_private_address_is_refused():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["host"]))
        return httpx.Response(302, headers={"location": "http://127.0.0.1:8000/admin"})

    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1"):
        fetch_url(
            "http://news.example/a",
            resolve=resolver({"news.example": [PUBLIC]}),
            transport=httpx.MockTransport(handler),
        )
    # the request went to the checked address, the name in the Host header
    assert seen == [(f"http://{PUBLIC}/a", "news.example")]


def test_a_page_is_fetched_and_a_large_one_refused():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/big":
            return httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/html"})
        if request.url.path == "/image":
            return httpx.Response(200, content=b"GIF89a", headers={"content-type": "image/gif"})
        return httpx.Response(
            200, content=b"<html><p>Hello</p></html>", headers={"content-type": "text/html"}
        )

    options = {
        "resolve": resolver({"news.example": [PUBLIC]}),
        "transport": httpx.MockTransport(handler),
        "max_bytes": 1000,
    }
    page = fetch_url("http://news.example/ok", **options)
    assert page.kind == "html" and "Hello" in page.content
    with pytest.raises(FetchError, match="limit"):
        fetch_url("http://news.example/big", **options)
    with pytest.raises(FetchError, match="not a page"):
        fetch_url("http://news.example/image", **options)
