"""The HTTP API under ``/api``: submit articles, list stories, read briefs and articles, search.

Routes are thin: they validate, call ``StoryService`` (writes, one at a time) or read the
store, and shape JSON. Every error is a problem document (``problems``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from storyline.errors import InputError
from storyline.model import RawDocument
from storyline.store import SNIPPET_CLOSE, SNIPPET_OPEN, StoryRecord
from storyline.web.problems import PROBLEM_JSON, PROBLEM_SCHEMA, Problem
from storyline.web.service import StoryService, SubmitResult

ID_PATTERN = r"^[0-9a-f]{16}$"
STORY_PATTERN = r"^story-[0-9a-f]{12}$"
MAX_TEXT = 2_000_000
MAX_META = 2_000
MAX_PAGE = 100
_WORD = re.compile(r"\w+")
_ERRORS = {status: PROBLEM_SCHEMA for status in (400, 401, 404, 413, 422)}
_BEARER = HTTPBearer(auto_error=False, description="The token given to `storyline serve`.")


class ArticleIn(BaseModel):
    """One article: ``text`` (already extracted) or ``html`` (a saved page), or only ``url`` to
    have the server fetch it. When both ``text`` and ``html`` are given, ``text`` wins."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, max_length=MAX_META, description="Your id for the input.")
    text: str | None = Field(None, max_length=MAX_TEXT)
    html: str | None = Field(None, max_length=MAX_TEXT)
    url: str | None = Field(
        None, max_length=MAX_META, description="Where it was published; fetched when alone."
    )
    title: str | None = Field(None, max_length=MAX_META)
    outlet: str | None = Field(None, max_length=MAX_META)
    byline: str | None = Field(None, max_length=MAX_META)
    published: str | None = Field(None, max_length=MAX_META, description="ISO 8601 date.")


class Submitted(BaseModel):
    article_id: str
    story_id: str
    created: bool = Field(description="False when the same text was already stored.")
    event: str = Field(description="started, joined or merged a story; existing if placed before")
    merged_ids: list[str]
    story_articles: int
    seconds: float | None = None


class BatchLine(BaseModel):
    line: int
    result: Submitted | None = None
    error: str | None = None


class BatchResult(BaseModel):
    accepted: int
    rejected: int
    lines: list[BatchLine]


class StoryItem(BaseModel):
    id: str
    label: str
    first_published: str | None
    last_published: str | None
    articles: int
    independent_sources: int | None = Field(description="None until the brief is built.")
    activity: int


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoryItem]


class SearchItem(BaseModel):
    article_id: str
    story_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="[start, end) of matches in snippet.")


class SearchPage(BaseModel):
    query: str
    total: int
    limit: int
    offset: int
    items: list[SearchItem]


def build_router(service: StoryService, token: str | None, *, fetch_enabled: bool) -> APIRouter:
    router = APIRouter(prefix="/api", responses=_ERRORS)

    def writer(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> None:
        if token is None:
            return
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise Problem(
                401,
                "this server needs a token for writes: Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )

    def submit(payload: ArticleIn, origin: str) -> Submitted:
        document = _document(payload, origin, fetch_enabled)
        result = service.submit(document)
        return _submitted(result)

    @router.post(
        "/articles",
        response_model=Submitted,
        status_code=201,
        dependencies=[Depends(writer)],
        summary="Submit one article",
        responses={200: {"model": Submitted, "description": "Already stored: nothing new."}},
    )
    async def post_article(payload: ArticleIn) -> Response:
        try:
            submitted = await run_in_threadpool(submit, payload, "api")
        except InputError as error:
            raise Problem(422, f"not an article: {error}") from None
        status = 201 if submitted.created else 200
        headers = {"Location": f"/api/articles/{submitted.article_id}"}
        return JSONResponse(submitted.model_dump(), status_code=status, headers=headers)

    @router.post(
        "/articles/batch",
        response_model=BatchResult,
        dependencies=[Depends(writer)],
        summary="Submit articles as JSON Lines (one ArticleIn object a line)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        },
    )
    async def post_batch(request: Request) -> BatchResult:
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media not in ("application/x-ndjson", "application/jsonl", "application/json-lines"):
            raise Problem(415, "send JSON Lines as application/x-ndjson, one article a line")
        body = await request.body()
        return await run_in_threadpool(_batch, body, submit)

    @router.get("/stories", response_model=StoryPage, summary="Stories, newest activity first")
    def list_stories(
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> StoryPage:
        with service.store() as store:
            total, records = store.list_stories(limit, offset)
        return StoryPage(
            total=total, limit=limit, offset=offset, items=[_story_item(r) for r in records]
        )

    @router.get(
        "/stories/{story_id}",
        summary="A story's brief (the same JSON as brief.json)",
        responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
    )
    def get_story(story_id: Annotated[str, _path(STORY_PATTERN)]) -> Response:
        brief = service.ensure_brief(story_id)
        if brief is None:
            raise Problem(404, f"no story {story_id!r}")
        return Response(brief, media_type="application/json")

    @router.get(
        "/articles/{article_id}",
        summary="An article with its annotations (sentences, entities, quotes, numbers, times)",
        responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
    )
    def get_article(article_id: Annotated[str, _path(ID_PATTERN)]) -> dict[str, Any]:
        found = article_entry(service, article_id)
        if found is None:
            raise Problem(404, f"no article {article_id!r}")
        return found

    @router.get("/search", response_model=SearchPage, summary="Full-text search over articles")
    def search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> SearchPage:
        total, items = search_articles(service, q, limit, offset)
        return SearchPage(query=q, total=total, limit=limit, offset=offset, items=items)

    @router.get("/health", summary="Counts, and how long the story index took to rebuild")
    def health() -> dict[str, Any]:
        with service.store() as store:
            articles = store.count_articles()
            stories, _ = store.list_stories(1)
        startup = service.startup
        return {
            "status": "ok",
            "articles": articles,
            "stories": stories,
            "index_rebuild_seconds": round(startup.seconds, 3),
        }

    return router


def _path(pattern: str) -> Any:
    from fastapi import Path as PathParam

    return PathParam(pattern=pattern, max_length=64)


def _document(payload: ArticleIn, origin: str, fetch_enabled: bool) -> RawDocument:
    kind, content, url = None, None, payload.url
    if payload.text is not None and payload.text.strip():
        kind, content = "text", payload.text
    elif payload.html is not None and payload.html.strip():
        kind, content = "html", payload.html
    elif payload.url:
        if not fetch_enabled:
            raise InputError("fetching URLs is turned off on this server; send text or html")
        from storyline.web.fetch import fetch_url

        page = fetch_url(payload.url)
        kind, content, url = page.kind, page.content, page.final_url
    if kind is None or content is None:
        raise InputError("give text, html or a url to fetch")
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    source_id = (payload.id or "").strip() or url or f"api:{digest[:16]}"
    return RawDocument(
        source_id=source_id,
        origin=origin,
        kind=kind,  # type: ignore[arg-type]
        content=content,
        input_format="api",
        url=url,
        title=payload.title,
        outlet=payload.outlet,
        byline=payload.byline,
        published=payload.published,
        raw_sha256=digest,
    )


def _submitted(result: SubmitResult) -> Submitted:
    total = result.timings.get("total")
    return Submitted(
        article_id=result.article_id,
        story_id=result.story_id,
        created=result.created,
        event=result.event,
        merged_ids=list(result.merged_ids),
        story_articles=result.story_articles,
        seconds=round(total, 4) if total is not None else None,
    )


def _batch(body: bytes, submit: Any) -> BatchResult:
    lines: list[BatchLine] = []
    for number, raw in enumerate(body.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            payload = ArticleIn.model_validate(json.loads(raw))
            lines.append(BatchLine(line=number, result=submit(payload, f"api:batch:{number}")))
        except (ValueError, ValidationError, RecursionError) as error:
            message = str(error).splitlines()[0][:300]
            lines.append(BatchLine(line=number, error=f"not a valid article object: {message}"))
        except InputError as error:
            lines.append(BatchLine(line=number, error=f"not an article: {error}"))
    accepted = sum(1 for line in lines if line.result is not None)
    return BatchResult(accepted=accepted, rejected=len(lines) - accepted, lines=lines)


def _story_item(record: StoryRecord) -> StoryItem:
    return StoryItem(
        id=record.id,
        label=record.label,
        first_published=record.first_published,
        last_published=record.last_published,
        articles=record.articles,
        independent_sources=record.independent_sources,
        activity=record.activity,
    )


def query_words(query: str) -> list[str]:
    return _WORD.findall(query)[:20]


def search_articles(
    service: StoryService, query: str, limit: int, offset: int
) -> tuple[int, list[SearchItem]]:
    words = query_words(query)
    if not words:
        return 0, []
    with service.store() as store:
        total, hits = store.search_articles(words, limit, offset)
    items = []
    for hit in hits:
        snippet, highlights = _unmark(hit.snippet)
        items.append(
            SearchItem(
                article_id=hit.article_id,
                story_id=hit.story_id,
                title=hit.title,
                outlet=hit.outlet,
                published=hit.published,
                snippet=snippet,
                highlights=highlights,
            )
        )
    return total, items


def _unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    length, opened = 0, None
    for char in snippet:
        if char == SNIPPET_OPEN:
            opened = length
        elif char == SNIPPET_CLOSE:
            if opened is not None:
                spans.append((opened, length))
            opened = None
        else:
            text.append(char)
            length += 1
    return "".join(text), spans


def article_entry(service: StoryService, article_id: str) -> dict[str, Any] | None:
    """The article as the brief shows it (text, sentences, entities, quotes, numbers, times),
    with its story id; an article in no story yet is returned without annotations."""
    with service.store() as store:
        article = store.get_article(article_id)
        story_id = store.story_of([article_id]).get(article_id)
    if article is None:
        return None
    if story_id is not None:
        brief = service.ensure_brief(story_id)
        if brief is not None:
            for entry in json.loads(brief)["articles"]:
                if entry["id"] == article_id:
                    return {**entry, "story_id": story_id}
    from storyline.model import to_dict

    return {**to_dict(article), "story_id": story_id}


__all__ = ["PROBLEM_JSON", "ArticleIn", "article_entry", "build_router", "search_articles"]
