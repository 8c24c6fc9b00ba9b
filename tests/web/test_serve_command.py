"""`storyline serve` starts one process serving the API and the pages on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from web.live import free_port

pytest.importorskip("uvicorn")


def test_serve_starts_answers_and_stops(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyline.cli",
            "serve",
            "--db",
            str(tmp_path / "s.db"),
            "--port",
            str(port),
            "--token",
            "t0k",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(process.stderr.read() if process.stderr else "") from None
                time.sleep(0.2)
        assert health.json()["status"] == "ok" and health.json()["articles"] == 0
        refused = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "x"})
        assert refused.status_code == 401
        assert "paths" in httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=20)
