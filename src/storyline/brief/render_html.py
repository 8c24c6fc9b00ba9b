"""``brief.html``: one self-contained page (no network needed) rendered with Jinja2.

Article text is untrusted. Autoescaping is on for every value, and the page carries a
Content-Security-Policy that forbids scripts, plugins, frames and any network access, so even
a mistake in a template could not run an article's markup.
"""

from __future__ import annotations

from typing import Any

import jinja2

from storyline.brief.article_view import article_view
from storyline.brief.claims_view import claims_view
from storyline.brief.story_view import story_view
from storyline.brief.summary_view import citation_highlights, origin_highlights, summary_view
from storyline.brief.templating import environment

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
)


def _environment() -> jinja2.Environment:
    return environment("storyline.brief")


def render_html(brief: dict[str, Any]) -> str:
    template = _environment().get_template("brief.html.j2")
    entity_names = {entity["id"]: entity["name"] for entity in brief.get("entities", [])}
    cited = citation_highlights(brief)
    copied = origin_highlights(brief)
    views = {
        article["id"]: article_view(
            article, entity_names, cited.get(article["id"], []) + copied.get(article["id"], [])
        )
        for article in brief["articles"]
    }
    summaries = {
        story["id"]: summary_view(story, brief["articles"]) for story in brief.get("stories", [])
    }
    stories = [story_view(story, brief["articles"]) for story in brief.get("stories", [])]
    contradictions = brief.get("contradictions", [])
    claims = {
        story["id"]: claims_view(story, contradictions, brief["articles"])
        for story in brief.get("stories", [])
    }
    page = template.render(
        brief=brief,
        csp=CONTENT_SECURITY_POLICY,
        views=views,
        stories=stories,
        claims=claims,
        summaries=summaries,
    )
    return page.rstrip("\n") + "\n"
