"""Article body and metadata from one HTML page.

The cascade, on a single parse of the page:

1. parse with lxml (through trafilatura's loader), after removing control characters, and cap
   attribute values so that pathological markup cannot make the extractors' regexes crawl;
2. metadata (title, author, site name, canonical URL) by trafilatura, publication date by
   htmldate from the markup only; metadata given by the input itself wins over the page;
3. the body by trafilatura in precision mode, with a recall-mode run as the fallback for the
   pages where precision mode collapses;
4. paragraph post-filters for site furniture that survives extraction (the headline repeated at
   the top, share and newsletter prompts, read-more links, comment counters, …), recorded as
   ``RemovedText``.

Tuned constants were tuned on the Article Extraction Benchmark (AEB, 181 pages; see
``storyline.evaluate.extraction``) and chosen in the middle of the range that scored best, so
that they are not fitted to a single page.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from storyline.errors import ExtractionError
from storyline.ingest.dates import parse_explicit_date
from storyline.model import UNKNOWN_DATE, Extraction, PublicationDate, RawDocument, RemovedText

# Control characters other than tab and newlines: lxml refuses or truncates text holding them.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Attribute values longer than this are cut. Real class, id, style or URL values are far
# shorter (a long data: URI is cut too, which loses nothing for text); a 10 MB class attribute
# made trafilatura's class regexes take 10 s on one page, capped it takes milliseconds.
MAX_ATTRIBUTE_LENGTH = 2000
# Likewise the number of attributes of one element (real pages stay under 30): trafilatura
# serialises and re-parses parts of the tree, and libxml2 checks attributes pairwise, so 50,000
# of them cost seconds at every re-parse.
MAX_ATTRIBUTES = 100

# A body shorter than this is not an article but a leftover: a menu, a cookie notice, a caption.
# The shortest AEB article has 66 words; a one-sentence wire flash still has more than this.
MIN_BODY_WORDS = 8

# libxml2 stops descending below 256 levels of nesting; a page that failed and is this deep
# was most likely cut off by the parser, which is a clearer reason to report.
_PARSER_DEPTH_LIMIT = 255

# Pin htmldate's latest acceptable date: its default is "today", which would make the result
# depend on the day it runs. Future dates in markup are rare and not worth that.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,  # publication, not last-modified
    "extensive_search": False,  # markup only, never a date guessed from the body text
    "max_date": "2099-12-31",
}

# Switch to the recall-mode body when the precision-mode body has fewer than this share of its
# words. On AEB any value from 0.1 to 0.6 scored the same (one page where precision mode kept 7%
# of the article); from 0.61 up, trimmed-but-right precision bodies were replaced by noisier
# ones. 0.25 only catches collapses.
RECALL_FALLBACK_SHARE = 0.25

# The furniture filters only look at paragraphs of at most this many words: a prompt is a line
# or two, and a long paragraph that mentions a newsletter is content. AEB F1 was flat from 15 to
# 100 words; 40 keeps well clear of real paragraphs.
MAX_FURNITURE_WORDS = 40

# How far down the headline may be repeated (after a kicker, a date line or a byline).
_TITLE_SEARCH_PARAGRAPHS = 3
# A paragraph that is only part of the title must have this many words to count as a repeat.
_MIN_PARTIAL_TITLE_WORDS = 4

_WORD = re.compile(r"\w+")
# A whole page starts (after an optional BOM, comments and whitespace) with a doctype or <html>.
_DOCUMENT_START = re.compile(
    r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype|html)", re.IGNORECASE | re.DOTALL
)

# Paragraphs that are site furniture, by reason. On AEB they remove 44 lines, 3 of which the
# ground truth counts as body (a copyright line, a newsletter mention, a "follow" line); the
# repeated-title rule removes 30 lines, 2 of them in the truth.
_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "share prompt",
            r"^(did you )?(like|liked|enjoy|enjoyed|love) (this|the) (story|article|post)\b"
            r"|\bshare (it|this( story| article)?) with (a|your) friends?\b",
        ),
        (
            "newsletter prompt",
            r"\b(sign up|subscribe)\b.*\b(newsletters?|inbox|updates)\b"
            r"|\bdelivered (straight |right )?to your inbox\b"
            r"|\b(get|receive) the latest\b.*\binbox\b",
        ),
        (
            "social prompt",
            r"^(follow|like) (us|him|her|them|me)\b.*\b(twitter|facebook|instagram|linkedin)\b"
            r"|^follow\b.{0,60}\bon (twitter|facebook|instagram)\b",
        ),
        (
            "read-more link",
            r"^(read more|see more|related( (stories|articles|coverage|post))?|also on [\w.]+"
            r"|also read|don'?t miss|you (may|might) also like|more from|recommended|more)"
            r"\s*[:.…\-]"
            r"|^(you (may|might) also like|don'?t miss|related (stories|articles))\W*$",
        ),
        (
            "comment prompt",
            r"^\W*(\d+\s+)?comments?\W*$|^(leave|add|post) a comment\b|^tell us what you think\b",
        ),
        ("advertisement", r"^\W*(advertisement|advertising|sponsored|ad)\W*$"),
        ("copyright notice", r"^\W*(©|\(c\)|copyright\b)"),
        ("tag list", r"^(tags|filed under)\s*:"),
    )
)

# A date in a URL path: /2020/09/28/ or /2020-09-28-… (day and month in range, checked later).
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)")

# Names of markup that states a publication date rather than a modification date: such an
# element is preferred as the evidence quoted for the date htmldate found.
_PUBLISHED_HINT = re.compile(r"publish|issued|created|release|dateposted|^date$", re.IGNORECASE)


@dataclass(frozen=True)
class _PageMetadata:
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    sitename_from_url: bool = False
    url: str | None = None


# --------------------------------------------------------------------------- entry point


def extract_html(doc: RawDocument) -> Extraction:
    """The article body of an HTML page, with title, byline, outlet, date and URL.

    Metadata given by the input (``doc.title``, ``doc.outlet``, ``doc.byline``,
    ``doc.published``, ``doc.url``) wins over what the page says. Paragraphs are separated by a
    blank line. Raises ``ExtractionError`` when the page holds no article body, including when
    the markup defeats the parser.
    """
    tree = _parse(doc.content)
    # the body first: a page without one is refused before any metadata work
    paragraphs = _body_paragraphs(tree, doc.url)
    meta = _page_metadata(tree, doc.url)
    titles = [t for t in (doc.title, meta.title) if t]
    paragraphs, removed = _drop_furniture(paragraphs, titles)
    if _word_total(paragraphs) < MIN_BODY_WORDS:
        raise ExtractionError("no article body found in the HTML (only site furniture)")
    url = doc.url or meta.url
    published = _publication_date(doc, tree, url)
    if doc.outlet:
        outlet, outlet_source = doc.outlet, "input-metadata"
    elif meta.sitename:
        outlet = meta.sitename
        outlet_source = "url" if meta.sitename_from_url else "html-metadata"
    else:
        outlet, outlet_source = None, None
    return Extraction(
        text="\n\n".join(paragraphs),
        removed=tuple(removed),
        title=doc.title or meta.title,
        byline=doc.byline or meta.author,
        outlet=outlet,
        outlet_source=outlet_source,
        published=published,
        url=url,
    )


# --------------------------------------------------------------------------- parsing


def _parse(content: str) -> HtmlElement:
    import trafilatura

    content = _CONTROL_CHARS.sub("", content)
    if not content.strip():
        raise ExtractionError("empty HTML document (nothing but whitespace or control characters)")
    if not _DOCUMENT_START.match(content):
        # Feed entries and JSON Lines `html` fields are fragments ("<p>…</p>"); trafilatura's
        # loader refuses markup that does not look like a whole page, so give it one.
        content = f"<html><body>{content}</body></html>"
    try:
        tree = trafilatura.load_html(content)
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as error:
        raise ExtractionError(f"HTML could not be parsed ({type(error).__name__})") from error
    if tree is None:
        raise ExtractionError("not an HTML document (the parser found no markup)")
    _cap_attributes(tree)
    return tree


def _cap_attributes(tree: HtmlElement) -> None:
    # XPath finds the few offending elements in C; walking every attribute in Python costs more.
    for element in tree.xpath(f"//*[count(@*) > {MAX_ATTRIBUTES}]"):
        # by name, from the front: items() and deleting one by one are quadratic in lxml
        kept = [(name, element.get(name)) for name in element.keys()[:MAX_ATTRIBUTES]]
        element.attrib.clear()
        for name, value in kept:
            element.set(name, value)
    for value in tree.xpath(f"//@*[string-length(.) > {MAX_ATTRIBUTE_LENGTH}]"):
        value.getparent().set(value.attrname, str(value)[:MAX_ATTRIBUTE_LENGTH])


def _too_deep(tree: HtmlElement) -> bool:
    return bool(tree.xpath(f"boolean(//*[ancestor::*[{_PARSER_DEPTH_LIMIT}]])"))


# --------------------------------------------------------------------------- metadata


def _page_metadata(tree: HtmlElement, url: str | None) -> _PageMetadata:
    import trafilatura

    try:
        found = trafilatura.extract_metadata(tree, default_url=url, date_config=dict(_DATE_PARAMS))
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        # Metadata is a bonus: a page whose head defeats the extractor may still have a body.
        return _PageMetadata()
    sitename = found.sitename or None
    # trafilatura falls back to the URL's domain when the page names no site
    from_url = bool(sitename and found.url and sitename == _domain_label(found.url))
    return _PageMetadata(
        title=found.title or None,
        author=found.author or None,
        sitename=sitename,
        sitename_from_url=from_url,
        url=found.url or None,
    )


def _domain_label(url: str) -> str | None:
    # the same pattern trafilatura applies for its fallback
    match = re.match(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)", url)
    return match[1] if match else None


def _publication_date(doc: RawDocument, tree: HtmlElement, url: str | None) -> PublicationDate:
    if doc.published:
        value = parse_explicit_date(doc.published)
        if value is not None:
            return PublicationDate(value, "input-metadata", doc.published)
    markup = _markup_date(tree)
    if markup is not None:
        return markup
    if url:
        match = _URL_DATE.search(url)
        if match:
            try:
                day = dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return UNKNOWN_DATE
            return PublicationDate(day.isoformat(), "url", url)
    return UNKNOWN_DATE


def _markup_date(tree: HtmlElement) -> PublicationDate | None:
    from htmldate import find_date

    try:
        # url="" keeps htmldate from reading the date out of the canonical URL: a URL date is
        # weaker evidence and is labelled as such by the caller.
        day = find_date(tree, url="", **_DATE_PARAMS)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return None
    if not day:
        return None
    evidence, stamp = _date_evidence(tree, day)
    return PublicationDate(stamp or day, "html-metadata", evidence)


def _date_evidence(tree: HtmlElement, day: str) -> tuple[str, str | None]:
    """The markup that states ``day`` (quoted for the reader), and its full timestamp if it
    gives one. htmldate reports only the date, so the element is looked up again."""
    candidates: list[tuple[int, str, str]] = []
    for element in tree.xpath(
        "//meta[starts-with(normalize-space(@content), $day)]"
        " | //time[starts-with(normalize-space(@datetime), $day)]"
        " | //*[@itemprop][starts-with(normalize-space(@content), $day)]",
        day=day,
    ):
        value_attribute = "datetime" if element.tag == "time" else "content"
        value = (element.get(value_attribute) or "").strip()
        name_attribute = next(
            (name for name in ("property", "name", "itemprop") if element.get(name)), None
        )
        name = element.get(name_attribute) if name_attribute else ""
        rank = 0 if element.tag == "time" or _PUBLISHED_HINT.search(name or "") else 1
        label = f' {name_attribute}="{name}"' if name_attribute else ""
        candidates.append((rank, f'<{element.tag}{label} {value_attribute}="{value}">', value))
    if not candidates:
        return f"page markup (htmldate): {day}", None
    _, evidence, value = min(candidates, key=lambda candidate: candidate[0])
    return evidence, _timestamp(value, day)


def _timestamp(value: str, day: str) -> str | None:
    """``value`` as an ISO date-time with its offset, when it is one on ``day``."""
    if len(value) <= len(day) or value[len(day)] not in "T ":
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.date().isoformat() != day:
        return None
    return parsed.isoformat(timespec="seconds")


# --------------------------------------------------------------------------- body


def _body_paragraphs(tree: HtmlElement, url: str | None) -> list[str]:
    precise = _trafilatura_paragraphs(tree, url, favor_precision=True)
    precise_words = _word_total(precise)
    # The recall run can only win when the precision body is short even against all the text
    # of the page (which bounds what recall mode can find): on most pages it is not, and the
    # second run is skipped (on AEB: 158 of 181 pages, 1 ms to count against 5 ms to run).
    if precise_words < RECALL_FALLBACK_SHARE * _visible_word_total(tree):
        # fast mode (no external fallbacks) is cheap, and on AEB a balanced or full recall run
        # found nothing more
        fallback = _trafilatura_paragraphs(tree, url, favor_recall=True, fast=True)
        if precise_words < RECALL_FALLBACK_SHARE * _word_total(fallback):
            precise = fallback
    if _word_total(precise) < MIN_BODY_WORDS:
        if _too_deep(tree):
            raise ExtractionError(
                f"no article body found: the HTML is nested deeper than the parser's "
                f"{_PARSER_DEPTH_LIMIT + 1}-level limit"
            )
        raise ExtractionError(
            f"no article body found in the HTML (at most {_word_total(precise)} words of text)"
        )
    return precise


_VISIBLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def _visible_word_total(tree: HtmlElement) -> int:
    return sum(len(_WORD.findall(text)) for text in _VISIBLE_TEXT(tree))


def _trafilatura_paragraphs(tree: HtmlElement, url: str | None, **options: bool) -> list[str]:
    import trafilatura

    try:
        # bare_extraction works on a copy of the tree, so both runs start from the same page.
        document = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, with_metadata=False, **options
        )
    except RecursionError as error:
        raise ExtractionError("HTML nested too deeply to extract a body") from error
    except (ValueError, TypeError, etree.LxmlError) as error:
        raise ExtractionError(f"article extraction failed ({type(error).__name__})") from error
    text = getattr(document, "text", None) or ""
    # trafilatura ends every block (paragraph, heading, list item, table row) with a newline.
    return [line.strip() for line in text.split("\n") if line.strip()]


def _word_total(paragraphs: list[str]) -> int:
    return sum(len(_WORD.findall(paragraph)) for paragraph in paragraphs)


# --------------------------------------------------------------------------- post-filters


def _drop_furniture(
    paragraphs: list[str], titles: list[str]
) -> tuple[list[str], list[RemovedText]]:
    removed: list[RemovedText] = []
    kept = list(paragraphs)
    title_index = _repeated_title_index(kept, titles)
    if title_index is not None:
        removed.append(RemovedText(kept.pop(title_index), "repeated title"))
    result = []
    for paragraph in kept:
        reason = _furniture_reason(paragraph)
        if reason is None:
            result.append(paragraph)
        else:
            removed.append(RemovedText(paragraph, reason))
    return result, removed


def _normalised_words(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _repeated_title_index(paragraphs: list[str], titles: list[str]) -> int | None:
    """Index of a top paragraph that repeats the headline (alone or as part of the <title>,
    which often adds the site's name)."""
    wanted = [_normalised_words(title) for title in titles]
    wanted = [title for title in wanted if title]
    for index, paragraph in enumerate(paragraphs[:_TITLE_SEARCH_PARAGRAPHS]):
        words = _normalised_words(paragraph)
        if not words:
            continue
        for title in wanted:
            if words == title:
                return index
            if len(words.split()) >= _MIN_PARTIAL_TITLE_WORDS and words in title:
                return index
    return None


def _furniture_reason(paragraph: str) -> str | None:
    if len(_WORD.findall(paragraph)) > MAX_FURNITURE_WORDS:
        return None
    for reason, pattern in _FURNITURE:
        if pattern.search(paragraph):
            return reason
    return None
