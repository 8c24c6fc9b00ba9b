"""What a plain text says about itself: title, byline, wire credit, outlet, publication date.

Read from the header lines the cleaner identified (``CleanedText``), the furniture it removed
(copyright and credit lines), the first paragraph (a wire dateline such as ``BAGHDAD (AFP) -``)
and the article's URL when there is one.

What a user expects from each field, and so what we report:

* ``title``: the first heading-like line of the header; a title printed twice counts once.
* ``byline``: the credit line as the page states it, without its label ("By", "Source:"):
  ``By Jane Doe`` gives ``Jane Doe``, ``Source: Azad Lashkari, Reuters`` gives
  ``Azad Lashkari, Reuters``, a name printed next to the dateline gives that name.
* ``wire_credit``: the news agency the article credits ("Reuters" in that ``Source:`` line,
  ``(AFP)`` in a wire dateline, ``© Reuters``). It is *not* the outlet: an outlet that runs
  AFP copy is still the outlet the reader read, and provenance needs both (the agency is the
  origin of the passages, the outlet is who republished them).
* ``outlet``: who published the page. A URL says it best: its host, as the registrable domain
  (``www.bbc.co.uk`` gives ``bbc.co.uk``). We do not guess a display name from a domain
  (``thenewarab`` is not safely "The New Arab"): the domain is readable, verifiable and the
  same for every article of the outlet, which is what grouping by outlet needs. A wire agency's
  own site is reported by the agency's name. Without a URL, a copyright line ("© 2021 The
  Example Times") names the outlet, unless it names an agency (then it is a wire credit).
* ``published``: only an explicit dateline in the header zone (``Mon 28 Sep 2020 | 11:15 AM``,
  ``Published: 28 September 2020``, ``Updated 2020-09-28 10:00 GMT``), parsed by
  ``parse_explicit_date``. A date inside the story ("On Wednesday, September 30, 2020, the
  minister ...") is the date of an event, never the publication date: without a dateline the
  date is ``UNKNOWN_DATE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from storyline.ingest.furniture import WIRE_AGENCIES, CleanedText, dateline_date
from storyline.model import UNKNOWN_DATE, PublicationDate

OutletSource = Literal["url", "text"]


@dataclass(frozen=True)
class TextMetadata:
    """Metadata found in a plain text (and its URL). ``None`` when the text does not say."""

    title: str | None = None
    byline: str | None = None
    wire_credit: str | None = None
    outlet: str | None = None
    outlet_source: OutletSource | None = None
    published: PublicationDate = UNKNOWN_DATE


def find_text_metadata(cleaned: CleanedText, *, url: str | None = None) -> TextMetadata:
    """Title, byline, wire credit, outlet and publication date stated by the text or its URL."""
    byline, byline_agency = parse_byline(cleaned.byline) if cleaned.byline else (None, None)
    outlet, outlet_source = None, None
    if url:
        outlet = outlet_from_url(url)
        outlet_source = "url" if outlet else None
    text_outlet, text_agency = _copyright_holder(cleaned)
    if outlet is None and text_outlet is not None:
        outlet, outlet_source = text_outlet, "text"
    wire = byline_agency or _wire_dateline_agency(cleaned.text) or _credit_line_agency(cleaned)
    return TextMetadata(
        title=cleaned.title,
        byline=byline,
        wire_credit=wire or text_agency,
        outlet=outlet,
        outlet_source=outlet_source,
        published=publication_date(cleaned.dateline),
    )


# --------------------------------------------------------------------------------------------
# Publication date


def publication_date(dateline: str | None) -> PublicationDate:
    """The date of an explicit dateline line, with the line as evidence; else unknown."""
    if not dateline:
        return UNKNOWN_DATE
    value = dateline_date(dateline)
    if value is None:
        return UNKNOWN_DATE
    return PublicationDate(value=value, source="dateline", evidence=dateline)


# --------------------------------------------------------------------------------------------
# Byline and wire credit

_BYLINE_LABEL = re.compile(
    r"^\W*(?:by|written by|words by|story by|text by|reported by|source|sources|credit|author"
    r"|authors)\b\s*:?\s*",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"\s+[|•·—–]\s+|\s+-\s+|\s*\|\s*")
_CREDIT_PARTS = re.compile(r"\s*(?:,|/|;|\band\b|&|\|)\s*", re.IGNORECASE)
_FILLER = re.compile(r"\b(?:the|staff|reporters?|correspondents?|news|wire|desk|with)\b", re.I)


def agency_name(text: str) -> str | None:
    """The wire agency a short credit names ("Reuters", "AFP staff", "the AP"), else None."""
    key = " ".join(text.lower().replace(".", "").split())
    if key in WIRE_AGENCIES:
        return WIRE_AGENCIES[key]
    key = " ".join(_FILLER.sub(" ", key).split())
    return WIRE_AGENCIES.get(key)


def parse_byline(line: str) -> tuple[str | None, str | None]:
    """``(byline, wire credit)`` of a byline line, as the page states it minus its label.

    A dateline that carries the byline ("By Jane Doe | 28 September 2020") gives the part
    that is not the date.
    """
    segments = [segment for segment in _SEGMENTS.split(line) if segment.strip()]
    named = [s for s in segments if dateline_date(s) is None and re.search(r"[^\W\d_]", s)]
    if not named:
        return None, None
    byline = _BYLINE_LABEL.sub("", named[0]).strip(" ,;:-–—")
    parts = [_BYLINE_LABEL.sub("", part) for s in named for part in _CREDIT_PARTS.split(s)]
    agency = next((name for name in map(agency_name, parts) if name), None)
    return byline or None, agency


# A wire dateline opens wire copy: "BAGHDAD (AFP) - ...", "(Reuters) — ...".
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.,'’ -]{0,60}?\s*\(([A-Za-z. ]{2,30})\)\s*[-–—:]|^\(([A-Za-z. ]{2,30})\)\s*[-–—:]"
)


def _wire_dateline_agency(text: str) -> str | None:
    match = _WIRE_DATELINE.match(text)
    if match is None:
        return None
    return agency_name(match.group(1) or match.group(2))


def _credit_line_agency(cleaned: CleanedText) -> str | None:
    """An agency credited on a removed line of its own: "— With AFP", "(Reuters)"."""
    for removed in cleaned.removed:
        if removed.reason == "wire credit":
            words = re.sub(r"[^\w\s-]", " ", removed.text).split()
            for size in (3, 2, 1):
                for start in range(len(words) - size + 1):
                    name = agency_name(" ".join(words[start : start + size]))
                    if name:
                        return name
    return None


# --------------------------------------------------------------------------------------------
# Outlet

_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^.|©]+?)\s*(?:\.|\||all rights reserved|$)",
    re.IGNORECASE,
)


def _copyright_holder(cleaned: CleanedText) -> tuple[str | None, str | None]:
    """``(outlet, agency)`` named by a removed copyright line; an agency is not the outlet."""
    for removed in cleaned.removed:
        if removed.reason not in {"copyright", "caption"}:
            continue
        match = _COPYRIGHT_HOLDER.search(removed.text)
        if match is None:
            continue
        name = match.group("name").strip(" ,;:-–—")
        if not name or re.fullmatch(r"(?i)all rights reserved", name):
            continue
        agency = agency_name(name)
        if agency:
            return None, agency
        if removed.reason == "copyright":
            return name, None
    return None, None


#: The sites of wire agencies, reported by the agency's name (a tiny table on purpose).
_AGENCY_SITES = {
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "aa.com.tr": "Anadolu Agency",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "tass.com": "TASS",
    "dpa.com": "dpa",
    "efe.com": "EFE",
    "ansa.it": "ANSA",
    "upi.com": "UPI",
}
# Second-level labels under which a country code registers names: bbc.co.uk, abc.net.au.
_SECOND_LEVEL = frozenset(
    ["co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "nic", "mil"]
)


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL names: its registrable domain (``www.bbc.co.uk`` gives ``bbc.co.uk``),
    or the agency's name for a wire agency's own site. None for a URL without a host name."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return None
    labels = host.lower().rstrip(".").split(".")
    size = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    domain = ".".join(labels[-size:])
    return _AGENCY_SITES.get(domain, domain)
