"""Fixtures of the web tests: the reference story submitted through the API once, and a real
uvicorn server on a free port of 127.0.0.1 for the browser and concurrency tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from web.live import LiveServer

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "iraq-embassy-2020"

pytest.importorskip("fastapi")


def reference_payloads() -> list[dict[str, str]]:
    if not REFERENCE.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE}")
    return [{"id": path.name, "text": path.read_text()} for path in sorted(REFERENCE.iterdir())]


@pytest.fixture(scope="session")
def loaded(tmp_path_factory):
    """An app whose store holds the reference story, submitted article by article."""
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    path = tmp_path_factory.mktemp("served") / "store.db"
    app = create_app(path)
    client = TestClient(app)
    results = []
    for payload in reference_payloads():
        response = client.post("/api/articles", json=payload)
        assert response.status_code == 201, response.text
        results.append(response.json())
    return {"app": app, "client": client, "path": path, "submitted": results}


@pytest.fixture(scope="session")
def live(loaded) -> Iterator[LiveServer]:
    with LiveServer(loaded["app"]) as server:
        yield server
