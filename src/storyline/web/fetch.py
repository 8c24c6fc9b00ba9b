"""Fetching a page the user names by URL, without letting the server be used against its own
network.

Every hop (the URL, then each redirect, followed by hand) is checked before it is requested:
http or https only; the host is resolved and every address must be globally routable, so
loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, where cloud metadata
lives), carrier-grade NAT, multicast, reserved and unspecified addresses are refused, IPv4 and
IPv6 alike. The request then goes to the checked address itself (the ``Host`` header and TLS
server name carry the name), so a second DNS answer cannot swap in another address. Timeouts
bound each network step and the whole fetch; the body is read in chunks and abandoned past
``max_bytes``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from storyline.errors import FetchError

Resolver = Callable[[str, int], list[str]]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the URL asked for
    final_url: str  # after redirects
    kind: str  # "html" or "text"
    content: str


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve host {host!r}: {error.strerror}") from None
    return sorted({str(info[4][0]) for info in infos})


def check_address(address: str) -> None:
    """Refuse an address that is not globally routable (see the module docstring)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast:
        raise FetchError(f"refused: {address} is a private, loopback or reserved address")


def fetch_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    resolve: Resolver = system_resolver,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """The page at ``url``; ``FetchError`` with a one-line reason when refused or failed."""
    deadline = time.monotonic() + 3 * timeout
    current = _parse(url)
    with httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: the checked address is the peer
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            request = _pinned_request(client, current, resolve)
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as error:
                raise FetchError(f"cannot fetch {current}: {type(error).__name__}") from None
            try:
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"{current} redirects without a Location")
                    current = _parse(str(current.join(location)))
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{current} answered HTTP {response.status_code}")
                kind = _kind(response, current)
                body = _read_capped(response, max_bytes, deadline, current)
                encoding = response.charset_encoding or "utf-8"
                try:
                    content = body.decode(encoding, errors="replace")
                except LookupError:
                    content = body.decode("utf-8", errors="replace")
                return FetchedPage(url, str(current), kind, content)
            finally:
                response.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise FetchError(f"not a valid URL: {error}") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"refused: only http and https URLs are fetched, not {parsed.scheme!r}")
    if not parsed.host:
        raise FetchError("not a valid URL: no host")
    return parsed


def _pinned_request(client: httpx.Client, url: httpx.URL, resolve: Resolver) -> httpx.Request:
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    for address in addresses:
        check_address(address)
    pinned = url.copy_with(host=addresses[0])
    host_header = host if url.port is None else f"{host}:{url.port}"
    extensions = {"sni_hostname": host} if url.scheme == "https" else {}
    return client.build_request(
        "GET",
        pinned,
        headers={"Host": host_header, "User-Agent": "storyline", "Accept": "text/html, text/plain"},
        extensions=extensions,
    )


def _kind(response: httpx.Response, url: httpx.URL) -> str:
    media = response.headers.get("content-type", "text/html").split(";", 1)[0].strip().lower()
    kind = _KINDS.get(media)
    if kind is None:
        raise FetchError(f"{url} is {media}, not a page (HTML or plain text)")
    return kind


def _read_capped(
    response: httpx.Response, max_bytes: int, deadline: float, url: httpx.URL
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is {int(declared)} bytes, above the {max_bytes}-byte limit")
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url} is larger than the {max_bytes}-byte limit")
            if time.monotonic() > deadline:
                raise FetchError(f"{url} took too long to download")
            chunks.append(chunk)
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch {url}: {type(error).__name__}") from None
    return b"".join(chunks)
