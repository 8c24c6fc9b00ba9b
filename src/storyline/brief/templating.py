"""The one Jinja2 set-up of every HTML page storyline renders (the brief, the web app): every
value autoescaped, undefined names an error, and the filters the templates share."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from storyline.brief.story_view import percent


@lru_cache(maxsize=4)
def environment(package: str) -> jinja2.Environment:
    """The environment for the templates in ``package``'s ``templates`` folder."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = percent
    return env
