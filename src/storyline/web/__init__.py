"""``storyline serve``: the HTTP API and the web app over one store.

Public API::

    create_app(store_path, token=None, *, max_body_bytes=…, max_batch_bytes=…, fetch_urls=True)
        -> fastapi.FastAPI

FastAPI, uvicorn and httpx are the ``serve`` extra: ``pip install 'storyline[serve]'``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

INSTALL_HINT = "the web app needs the serve extra: pip install 'storyline[serve]'"


def create_app(store_path: str | Path, token: str | None = None, **options: Any) -> FastAPI:
    try:
        from storyline.web.app import create_app as _create_app
    except ImportError as error:  # fastapi, starlette or httpx missing
        raise ImportError(f"{INSTALL_HINT} ({error})") from error
    return _create_app(store_path, token, **options)


__all__ = ["INSTALL_HINT", "create_app"]
