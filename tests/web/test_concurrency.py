"""Identical submissions racing against a running server create one article."""

from __future__ import annotations

import threading

import httpx
import pytest

pytest.importorskip("fastapi")


def test_concurrent_identical_submissions_create_the_article_once(live, loaded):
    text = (
        "Flood waters rose in Valencia on Thursday after 312 millimetres of rain fell in a day, "
        "the regional government said. Mayor Lucia Ortega said 1,200 residents were moved.\n\n"
        '"We have never seen water this high," Ortega told reporters on Thursday evening.'
    )
    results: list[httpx.Response] = []
    barrier = threading.Barrier(6)

    def post() -> None:
        barrier.wait()
        response = httpx.post(
            f"{live.url}/api/articles", json={"id": "flood.txt", "text": text}, timeout=60
        )
        results.append(response)

    threads = [threading.Thread(target=post) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.status_code for r in results) == [200] * 5 + [201]
    assert len({r.json()["article_id"] for r in results}) == 1
    assert len({r.json()["story_id"] for r in results}) == 1
    found = httpx.get(f"{live.url}/api/search", params={"q": "Valencia Ortega"}).json()
    assert found["total"] == 1
