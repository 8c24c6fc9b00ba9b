"""Server-rendered pages (Jinja2, autoescape on): stories, a story, an article, search.

The pages read what the API reads (stored briefs, the store's lists and search) and reuse the
brief's view objects; ``static/app.js`` is the only script (the CSP allows no other).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from storyline.brief.claims_view import claims_view
from storyline.brief.story_view import story_view
from storyline.brief.templating import environment
from storyline.web import views
from storyline.web.api import MAX_PAGE, article_entry, search_articles
from storyline.web.problems import Problem
from storyline.web.service import StoryService

PAGE_SIZE = 20


def _environment() -> jinja2.Environment:
    return environment("storyline.web")


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    page = _environment().get_template(template).render(**context)
    return HTMLResponse(page, status_code=status)


def build_pages(service: StoryService) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def stories_page(page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
        with service.store() as store:
            total, records = store.list_stories(PAGE_SIZE, (page - 1) * PAGE_SIZE)
        pages = max(1, -(-total // PAGE_SIZE))
        newest = records[0].activity if records and page == 1 else 0
        return render(
            "stories.html.j2",
            title="Stories",
            stories=records,
            total=total,
            page=page,
            pages=pages,
            newest=newest,
        )

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        text = service.ensure_brief(story_id) if len(story_id) <= 64 else None
        if text is None:
            raise Problem(404, f"no story {story_id!r}")
        brief = json.loads(text)
        story = brief["stories"][0]
        view = story_view(story, brief["articles"])
        claims = claims_view(story, brief.get("contradictions", []), brief["articles"])
        texts = {article["id"]: article.get("text") or "" for article in brief["articles"]}
        labels = {ref.id: ref.outlet or ref.label for ref in view.articles}
        timeline_links = [
            _sentence_link(texts, row.article_id, row.text) for row in claims.timeline
        ]
        return render(
            "story.html.j2",
            title=view.label,
            story=story,
            view=view,
            claims=claims,
            summary=views.summary(story, labels),
            facts=views.facts(claims, texts),
            disputes=views.disputes(brief, claims),
            speakers=views.quotes_by_speaker(brief),
            timeline=list(zip(claims.timeline, timeline_links, strict=True)),
            timeline_svg=views.timeline_svg(claims.timeline, timeline_links),
            graph_svg=views.copy_graph_svg(view),
        )

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(
        article_id: str,
        start: Annotated[int | None, Query(ge=0)] = None,
        end: Annotated[int | None, Query(ge=0)] = None,
    ) -> HTMLResponse:
        entry = article_entry(service, article_id) if len(article_id) <= 64 else None
        if entry is None:
            raise Problem(404, f"no article {article_id!r}")
        brief = story = None
        if entry.get("story_id"):
            text = service.ensure_brief(entry["story_id"])
            if text is not None:
                brief = json.loads(text)
                story = brief["stories"][0]
        cited = (start, end) if start is not None and end is not None else None
        page = views.article_page(entry, story, brief, cited)
        return render(
            "article.html.j2",
            title=entry.get("title") or entry["source_id"],
            article=entry,
            story=story,
            page=page,
        )

    @router.get("/search", response_class=HTMLResponse)
    def search_page(
        q: Annotated[str, Query(max_length=500)] = "",
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        total, items = (0, [])
        if q.strip():
            total, items = search_articles(service, q, MAX_PAGE, (page - 1) * MAX_PAGE)
        hits = [(item, views.snippet_markup(item.snippet, item.highlights)) for item in items]
        return render("search.html.j2", title="Search", query=q, total=total, hits=hits)

    return router


def _sentence_link(texts: dict[str, str], article_id: str, sentence: str) -> str:
    text = texts.get(article_id, "")
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return f"/articles/{article_id}"
    return views.cite_link(article_id, start, start + len(sentence))
