"""Cleaning plain text as scraped: site furniture out, every sentence of the article body kept.

A scraped article carries the page around it: the title (often twice), a standfirst, a byline
and a dateline, photo captions and their credits, "3 min read", share and follow prompts, "Read
also" links, mastheads, copyright lines, an author bio. What stays is every sentence about the
story: the body, its subheadings, and the standfirst (the outlet's own summary, kept as the first
paragraph unless the body repeats it). They are told apart by a general method, per document,
in two layers:

1. **Structure.** The text is cut into units (lines; hard-wrapped paragraphs are joined again).
   The body runs from the first run of prose units (long lines that end as sentences) to the
   last prose unit; before it is the *header zone*, after it the *footer zone*. In the header,
   the title, the dateline, the byline, a masthead and the standfirst are named by position and
   shape. Text shown twice (a repeated title, a caption repeated without its credit, a
   standfirst that is also the first sentence) is removed where it is not body. An author bio
   closing the text is removed.
2. **Score.** Every other unit gets a furniture score: the sum of named signals (a credit in
   brackets, "N min read", a call to action addressed to the reader, the residue of stripped
   links, ...) minus the evidence that it is prose. A unit goes when its score reaches the
   threshold of its zone. The threshold is higher inside the body, because losing a sentence of
   the article is worse than keeping a piece of furniture.

The result depends on the input alone (no batch statistics, no model): an article's id is a hash
of its clean text, so the same input must always give the same clean text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from storyline.ingest.dates import parse_explicit_date
from storyline.model import RemovedText
from storyline.textnorm import normalise_for_identity

# --------------------------------------------------------------------------------------------
# Public records


@dataclass(frozen=True)
class CleanedText:
    """The article body of a scraped text, what was removed, and the header lines found.

    ``text`` holds the kept units as paragraphs joined by a blank line. ``removed`` lists every
    unit taken out, with a short reason and its 1-based line in the raw text: together the two
    account for every non-blank line of the input. ``title``, ``standfirst``, ``byline`` and
    ``dateline`` are the header lines as they stand (whitespace normalised); the byline or
    dateline may be the same line when the page prints them together.
    """

    text: str
    removed: tuple[RemovedText, ...] = ()
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None


#: Wire agencies as credits name them (lower case) and the name we report. Small on purpose:
#: it only tells a credit ("Source: Reuters", "(AFP)") from a person's name.
WIRE_AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "upi": "UPI",
    "pti": "PTI",
    "ani": "ANI",
    "ians": "IANS",
    "bloomberg": "Bloomberg",
    "pa": "PA Media",
    "pa media": "PA Media",
    "aap": "AAP",
    "irna": "IRNA",
    "wafa": "WAFA",
    "ina": "INA",
}

# --------------------------------------------------------------------------------------------
# Tuned constants. Set by hand on the five reference articles and the hand-made pages of other
# (imaginary) outlets in tests/ingest/test_furniture.py, then checked for false removals on the
# 181 AEB pages of real outlets (benchmarks/furniture_aeb.py): the weights and the two
# thresholds are the ones at which the fixtures' furniture goes and under 1% of AEB body lines
# are removed, nearly all lines we count as furniture (tweet signatures, bare URLs, "© Reuters",
# "(Reporting by ...)", "Click here ...", "Sign up for ..." in a list of deals). Measured
# alternatives: BODY_THRESHOLD 2 doubles the AEB body lines removed (40 -> 89, list items and a
# quoted review among them); 4 spares only two "Click here to ..." prompts. EDGE_THRESHOLD 3 removes fewer
# AEB lines (16: bare URLs, tweet signatures) but leaves section paths ("World | Europe") to be
# taken for the title.

STRONG = 6  # a signal that is furniture on its own ("3 min read", "[Getty]", "Follow us on ...")
MEDIUM = 3  # furniture unless the unit reads as prose
HINT = 2  # furniture outside the body; inside it, only with company
WEAK = 1  # a hint that needs company

EDGE_THRESHOLD = 2  # header and footer zones: outside the body, doubt goes to removal
BODY_THRESHOLD = 3  # inside the body: doubt goes to keeping

LONG_PROSE_WORDS = 12  # a unit this long that ends as a sentence is very likely body
MEDIUM_PROSE_WORDS = 6
BODY_RUN_MIN_WORDS = 8  # a unit that can start the body run
SHORT_LINE_WORDS = 10  # "short": where share/count vocabulary is furniture, not prose
MAX_TITLE_WORDS = 30
MIN_REPEAT_WORDS = 5  # a repeat shorter than this may be a coincidence ("Background")
MAX_SENTENCES_FOR_RUNS = 30  # longer units are matched by whole sentences, not runs of them
NEAR_TITLE_JACCARD = 0.8  # word-set overlap at which a line is the title again
HARD_WRAP_MIN_LINES = 6  # hard-wrapping is only judged on texts with this many lines
HARD_WRAP_MAX_WIDTH = 100  # texts with longer lines are not hard-wrapped
HARD_WRAP_MIN_WIDTH = 40  # nor are texts of short lines only (lists, headings)
HARD_WRAP_FULL_SHARE = 0.5  # share of lines near the wrap width in a hard-wrapped text
HARD_WRAP_NEAR = 0.7  # "near the wrap width": at least this share of the longest line

# --------------------------------------------------------------------------------------------
# Normalisation and units

# Odd spaces (NBSP, thin, ideographic, tabs) become plain spaces; invisible marks go.
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_SPACES = re.compile(r" {2,}")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)


def normalise_whitespace(raw: str) -> list[str]:
    """The lines of ``raw`` with odd whitespace normalised and line ends stripped."""
    text = _LINE_BREAKS.sub("\n", raw)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


@dataclass
class _Unit:
    """A line (or a rejoined hard-wrapped paragraph) under analysis. Mutable, private."""

    line: int  # 1-based first raw line
    text: str
    block: int  # index of its blank-line separated block
    words: list[str] = field(default_factory=list)
    label: str | None = None  # why it is removed; None while kept
    score: int = 0
    signals: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return normalise_for_identity(self.text)


def _units(lines: list[str]) -> list[_Unit]:
    """Units of text: non-blank lines, with hard-wrapped paragraphs joined again."""
    wrap_width = _hard_wrap_width(lines)
    units: list[_Unit] = []
    block = 0
    previous_blank = True
    for number, line in enumerate(lines, start=1):
        if not line:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        last = units[-1] if units and not previous_blank else None
        if last is not None and _continues(last.text, line, wrap_width):
            last.text = f"{last.text} {line}"
        else:
            units.append(_Unit(line=number, text=line, block=block))
        previous_blank = False
    for unit in units:
        unit.words = _WORD.findall(unit.text)
    return units


def _hard_wrap_width(lines: list[str]) -> int | None:
    """The wrap width of a hard-wrapped text (paragraphs broken at ~70 columns), else None."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < HARD_WRAP_MIN_LINES or max(lengths) > HARD_WRAP_MAX_WIDTH:
        return None
    width = max(lengths)
    if width < HARD_WRAP_MIN_WIDTH:
        return None
    near = sum(1 for length in lengths if length >= HARD_WRAP_NEAR * width)
    return width if near / len(lengths) >= HARD_WRAP_FULL_SHARE else None


def _continues(previous: str, line: str, wrap_width: int | None) -> bool:
    """Whether ``line`` continues the paragraph of ``previous`` (same block, no blank).

    Only a line that does not end a sentence is continued: a wrong join would glue furniture
    to the body, a missed one only splits a paragraph in two.
    """
    if _ends_sentence(previous) or previous.endswith(":"):
        return False
    if wrap_width is not None and len(previous) >= HARD_WRAP_NEAR * wrap_width:
        # In a hard-wrapped text a line near the full width was broken by the wrapper.
        return not line.startswith(("-", "*", "•"))
    # A line that starts in lower case continues a sentence broken by an inline element.
    return line[0].islower() and len(_WORD.findall(previous)) >= MEDIUM_PROSE_WORDS


# --------------------------------------------------------------------------------------------
# Shape of a unit


def _wordset(words: str) -> frozenset[str]:
    """A vocabulary written as one string of words, as long word lists read best."""
    return frozenset(words.split())


def _choices(phrases: str) -> list[str]:
    """Phrases written as one string separated by ``|``."""
    return [phrase.strip() for phrase in phrases.split("|") if phrase.strip()]


_ENDS_SENTENCE = re.compile(r"(?:[.!?…][\"'”’»)\]]*|[”\"»])\s*$")
_FUNCTION_WORDS = _wordset(
    """a an the of to in on at for with by from and or but nor that this these those is are was
    were be been being has have had will would could should may might can not no it its he she
    they we his her their our as than which who whom whose said says also if into after before
    about over under between against during while because since there what when where how"""
)


def _ends_sentence(text: str) -> bool:
    # Only the tail is searched: a search over a long unit would make joining quadratic.
    return bool(_ENDS_SENTENCE.search(text[-16:]))


def _function_ratio(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for word in words if word.lower() in _FUNCTION_WORDS) / len(words)


def _is_prose(words: list[str]) -> bool:
    """Reads like running text: enough function words and lower-case words."""
    if len(words) < 4:
        return False
    lower = sum(1 for word in words if word[:1].islower())
    return _function_ratio(words) >= 0.12 and lower / len(words) >= 0.3


def _prose_evidence(unit: _Unit, in_body: bool) -> int:
    """How strongly a unit reads as a sentence of the article (subtracted from its score)."""
    n = len(unit.words)
    if _ends_sentence(unit.text) and _is_prose(unit.words):
        if n >= LONG_PROSE_WORDS:
            return 4
        if n >= MEDIUM_PROSE_WORDS:
            return 3
    if _ends_sentence(unit.text):
        return 1
    if in_body and n >= BODY_RUN_MIN_WORDS and _is_prose(unit.words):
        return 1  # a body paragraph that ends without a full stop
    return 0


def _is_body_like(unit: _Unit) -> bool:
    """A unit that can anchor the body span: a long prose line ending as a sentence, which
    its furniture signals would not remove from inside the body."""
    return (
        len(unit.words) >= BODY_RUN_MIN_WORDS
        and _ends_sentence(unit.text)
        and _is_prose(unit.words)
        and unit.score - _prose_evidence(unit, in_body=True) < BODY_THRESHOLD
    )


# --------------------------------------------------------------------------------------------
# Scored signals. Vocabulary here names *kinds* of furniture (social networks, calls to action
# addressed to the reader, credit words), never the wording of one outlet.

_SOCIAL = (
    r"facebook|twitter|x|instagram|whatsapp|telegram|linkedin|youtube|tiktok|pinterest|reddit"
    r"|snapchat|threads|bluesky|mastodon|flipboard|messenger|viber|google news"
)
_SHARE_TOOLS = _wordset(
    f"""{_SOCIAL.replace("|", " ")} email e-mail mail print pdf share shares tweet copy link save
    comment comments bookmark friendly"""
)
# Agencies are matched as credits print them ("AFP", "Reuters", "REUTERS"), case-sensitively:
# in lower case several are ordinary words in some language ("ina", "pa", "ap").
_AGENCY_NAMES = sorted(
    {name for canonical in WIRE_AGENCIES.values() for name in (canonical, canonical.upper())},
    key=len,
    reverse=True,
)
_AGENCY = "|".join(re.escape(name) for name in _AGENCY_NAMES)
_CREDIT_WORDS = (
    r"photo|photos|photograph|picture|pic|image|images|credit|credits|file|getty|courtesy"
    r"|handout|supplied|shutterstock|alamy|istock|via|illustration|screenshot|screengrab"
    r"|video|footage"
)
# A trailing bracket that holds a credit: "[Getty]", "(photo credit: NAME/REUTERS)".
_CREDIT_BRACKET = re.compile(r"[\[(]([^\[\]()]{1,80})[\])]\s*$")
_SLASH_NAME = re.compile(r"\w\s*/\s*[A-Z]")  # "AL-MARJANI/REUTERS", not "$4.99/mo"
_AGENCY_ONLY = re.compile(rf"(?:{_AGENCY})(?:\s*(?:,|/|and)\s*(?:{_AGENCY}))*")
_CREDIT_WORD = re.compile(rf"\b(?:{_CREDIT_WORDS})\b", re.IGNORECASE)
# "NAME/AFP via Getty Images", "Jane Doe / Reuters": a slash credit naming an agency or library.
_PICTURE_SOURCES = rf"(?i:getty|shutterstock|alamy|istock)|{_AGENCY}"
_PICTURE_SOURCE = re.compile(_PICTURE_SOURCES)
_GALLERY_COUNTER = re.compile(
    r"^\W*(?:image|photo|picture|slide|pic)\s+\d+\s+(?:of|/)\s+\d+\W*$", re.IGNORECASE
)
_SLASH_CREDIT = re.compile(
    rf"\S\s*/\s*(?:{_PICTURE_SOURCES})\b|(?i:\bvia getty\b|\bgetty images\b)"
)
# A caption whose credit was a stripped link: "US – Iraq flags. Source:".
_DANGLING_CREDIT = re.compile(
    r"\b(?:source|sources|credit|credits|photo|image|picture|courtesy)\s*:\s*$", re.IGNORECASE
)
# "Read also: ...", "Tags: ...", "Photo: ...": a short label the site puts before a link.
_LABEL = re.compile(r"^\W{0,2}([A-Za-z][A-Za-z' ]{0,24}?)\s*(?::|\||»|›|>)\s*(.*)$")
_LABELS: dict[str, str] = {
    **dict.fromkeys(
        _choices(
            """read also|also read|read more|more|related|related articles|related stories
            |related news|recommended|see also|more on this|more from|don't miss|most read
            |trending|popular|watch|watch now|listen|video|also on|further reading|more stories
            |editor's picks|top stories"""
        ),
        "read-more link",
    ),
    **dict.fromkeys(_choices("tags|tag|topics|topic|filed under|categories|category"), "tags"),
    **dict.fromkeys(
        _choices("photo|photos|image|images|picture|pictures|credit|photo credit|caption"),
        "caption",
    ),
    **dict.fromkeys(_choices("source|sources"), "source credit"),
    **dict.fromkeys(_choices("share|share on|share this|share via|share article"), "share prompt"),
    **dict.fromkeys(_choices("sponsored|advertisement|ad|promoted|partner content"), "advert"),
}
_READ_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min|mins|minutes?)\s*(?:read|reading|listen)\b"
    r"|\breading time\s*:?\s*\d|\bread time\b",
    re.IGNORECASE,
)
_RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?)"
    r"\s+ago\b|\b(?:last )?updated\s*:?\s*(?:just now|today|yesterday|\d+\s*\w+\s+ago)\b"
    r"|^(?:updated|published|posted)\s*:?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b\s*(?:©|\d{4})|all rights reserved", re.I)
_URL = re.compile(r"https?://|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}")
_ADVERT = re.compile(
    r"^\W*(?:advertisement|advertising|advert|sponsored(?: content)?|ad|promoted|paid content"
    r"|(?:story|article) continues(?: below)?(?: advertisement)?|continue reading(?: below)?"
    r"|scroll (?:down )?to continue(?: with content)?)\W*$",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"^\W*(?:[A-Za-z]+\s*){1,2}\(\s*\d[\d,.]*\s*[kKmM]?\s*\)\W*$"
    r"|^\W*\d[\d,.]*\s*[kKmM]?\s+(?:comments?|shares?|likes?|views?|reactions?|replies)\W*$",
)
# Two or more separators in a row are what is left of a list of links: "websites:,,,, and".
_LINK_RESIDUE = re.compile(r"[,;:](?:\s*[,;]){2,}|:\s*,")
_DANGLING_END = re.compile(
    r"\b(?:at|to|on|in|from|via|with|by|of|and|or|the|our|visit|here|see)\s*$", re.IGNORECASE
)
_STAFF_CREDIT = re.compile(
    r"^\W*(?:additional )?(?:reporting|writing|editing|compiled|translated|produced|"
    r"research|graphics|design)\s+by\b|;\s*editing by\b",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions) expressed\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b",
    re.IGNORECASE,
)
_PATH_SEPARATOR = re.compile(r"\s[|>›»/]\s")

# Calls to action: an imperative addressed to the reader, at the start of a sentence. Each
# pattern is a verb with the object that makes it a prompt ("Follow us", not "Follow the money").
_CALLS_TO_ACTION: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern, re.IGNORECASE))
    for label, pattern in (
        ("follow prompt", r"^(?:follow|like|join|find|connect with|add)\s+(?:us|our)\b"),
        ("follow prompt", rf"^follow\s+(?:\w+\s+){{0,3}}on\s+(?:{_SOCIAL})\b"),
        ("follow prompt", r"^stay (?:connected|tuned|updated|informed|in the loop)\b"),
        (
            "share prompt",
            r"^(?:share|tweet|email|e-mail|print|save|bookmark|send)\s+"
            r"(?:this|the)\s+(?:article|story|page|post|link|piece|video)\b",
        ),
        ("share prompt", rf"^(?:share|tweet|post)\s+(?:it\s+)?(?:on|via|to)\s+(?:{_SOCIAL})\b"),
        ("share prompt", r"^(?:share|tweet|email|print|save)\s*[!:]?\s*$"),
        ("signup prompt", r"^(?:subscribe|sign[ -]?up|register|log[ -]?in|sign[ -]?in)\b"),
        (
            "signup prompt",
            r"^(?:get|download|install|try|receive)\s+(?:\w+\s+){0,3}"
            r"(?:app|newsletter|alerts?|updates|briefing|digest|notifications)\b",
        ),
        (
            "signup prompt",
            r"^(?:support (?:us|our|independent|quality)|become an? (?:member"
            r"|subscriber|supporter|patron)|donate (?:to us|now|today)|never miss"
            r"|don't miss (?:a|out|our)|want more)\b",
        ),
        (
            "comment prompt",
            r"^(?:post|leave|add|write|join|view|show|read|see|load)\s+"
            r"(?:a|your|all|the|\d+)?\s*(?:comments?|conversation|discussion)\b",
        ),
        ("contact prompt", r"^(?:get in touch|contact us|email us|write to us|tell us|send us)\b"),
        ("link prompt", r"^(?:click|tap|press)\s+(?:here|on|the|this|to|below)\b"),
        (
            "link prompt",
            r"^(?:read|see|watch|listen to|view|explore|continue reading|go to)\s+"
            r"(?:more|also|the full|this|our|all|the latest|related|more)\b",
        ),
        ("link prompt", r"^(?:listen|watch)\s*(?:now|live)?\s*[:!]?\s*$"),
    )
)


def _sentences(text: str) -> list[str]:
    """Rough sentence split: after . ! ? … (and closing quotes) before a capital letter."""
    parts = re.split(r"(?:(?<=[.!?…])|(?<=[.!?…][”\"’')\]]))\s+(?=[\"“‘'(\[]?[A-Z0-9])", text)
    return [part.strip() for part in parts if part.strip()]


def _call_to_action(text: str) -> str | None:
    for sentence in _sentences(text):
        # Quoted speech is never the site talking to the reader: "“Join us,” he said."
        bare = re.sub(r"^[^\w\"“‘']+", "", sentence)
        for label, pattern in _CALLS_TO_ACTION:
            if pattern.search(bare):
                return label
    return None


def _credit_bracket(text: str) -> bool:
    match = _CREDIT_BRACKET.search(text)
    if match is None:
        return False
    content = match.group(1)
    if _CREDIT_WORD.search(content) or _SLASH_NAME.search(content):
        return True
    if _AGENCY_ONLY.fullmatch(content.strip()):
        return True
    # Two or more words in capitals: a photographer's name as credit lines print it.
    caps = [
        word
        for word in _WORD.findall(content)
        if word.isupper() and len(word) > 1 and not any(char.isdigit() for char in word)
    ]
    return len(caps) >= 2


def _label_prefix(text: str) -> tuple[str, str] | None:
    """``(reason, rest)`` when the unit opens with a known site label such as "Read also:"."""
    match = _LABEL.match(text)
    if match is None:
        return None
    label = match.group(1).strip().lower().replace("’", "'")
    reason = _LABELS.get(label)
    return (reason, match.group(2)) if reason else None


def _share_tool_list(words: list[str]) -> bool:
    """A row of share buttons ("Print Friendly, PDF & Email", "Facebook Twitter WhatsApp") or
    one button on a line of its own ("WhatsApp")."""
    if not words or len(words) > 8:
        return False
    tools = sum(1 for word in words if word.lower() in _SHARE_TOOLS)
    return tools == len(words) == 1 or (tools >= 2 and len(words) - tools <= 2)


def _credit_only(words: list[str], text: str) -> bool:
    """A credit on a line of its own ("Getty", "AFP/Getty Images") or a gallery counter
    ("Image 5 of 5")."""
    if _GALLERY_COUNTER.match(text):
        return True
    if not words or len(words) > 4:
        return False
    return all(_PICTURE_SOURCE.fullmatch(word) or word.lower() == "images" for word in words)


def _list_of_tags(text: str, words: list[str]) -> bool:
    """A bare list of short capitalised items ("Iraq, US, Middle East"), as tag rows print."""
    items = [item.strip() for item in re.split(r"\s*[,|•·]\s*", text) if item.strip()]
    if len(items) < 3 or _ends_sentence(text) or _function_ratio(words) > 0.1:
        return False
    return all(len(item.split()) <= 3 and item[:1].isupper() for item in items)


def _signals(unit: _Unit) -> list[tuple[str, int]]:
    """The named furniture signals of a unit, with their weights."""
    text, words = unit.text, unit.words
    n = len(words)
    short = n <= SHORT_LINE_WORDS
    found: list[tuple[str, int]] = []
    if _READ_TIME.search(text) and n <= SHORT_LINE_WORDS:
        found.append(("read time", STRONG))
    if _RELATIVE_TIME.search(text) and short:
        found.append(("timestamp", STRONG))
    if _credit_bracket(text) or (_SLASH_CREDIT.search(text) and n <= 2 * SHORT_LINE_WORDS):
        found.append(("caption", STRONG))
    if _credit_only(words, text):
        found.append(("caption", STRONG))
    if _DANGLING_CREDIT.search(text) and n <= 2 * SHORT_LINE_WORDS:
        found.append(("caption", STRONG))
    labelled = _label_prefix(text)
    if labelled is not None:
        found.append((labelled[0], STRONG))
    action = _call_to_action(text)
    if action is not None and n <= 3 * SHORT_LINE_WORDS:
        found.append((action, STRONG))
    if _share_tool_list(words):
        found.append(("share prompt", STRONG))
    if _COPYRIGHT.search(text) and n <= 3 * SHORT_LINE_WORDS:
        found.append(("copyright", STRONG))
    if _ADVERT.match(text):
        found.append(("advert", STRONG))
    if _COUNTER.match(text):
        found.append(("counter", STRONG))
    if _STAFF_CREDIT.search(text) and n <= 3 * SHORT_LINE_WORDS:
        found.append(("staff credit", STRONG))
    if _DISCLAIMER.search(text):
        found.append(("disclaimer", MEDIUM))
    path = _section_path(text)
    if path:
        found.append(("breadcrumb", STRONG if path >= 3 else HINT))
    if _LINK_RESIDUE.search(text):
        found.append(("stripped link", STRONG))
    if _DANGLING_END.search(text) and not _ends_sentence(text):
        found.append(("stripped link", WEAK))
    if _URL.search(text):
        found.append(("link", HINT if short else WEAK))
    if is_date_only(text):
        found.append(("date stamp", STRONG))
    if _list_of_tags(text, words):
        found.append(("tags", HINT))
    if _is_wire_credit_only(words):
        found.append(("wire credit", STRONG))
    return found


def _section_path(text: str) -> int:
    """Number of items of a section path ("Home > News > Middle East", "World | Europe"),
    0 when the unit is not one."""
    items = _PATH_SEPARATOR.split(text)
    if len(items) < 2 or _ends_sentence(text):
        return 0
    return len(items) if all(1 <= len(item.split()) <= 3 for item in items) else 0


def _is_wire_credit_only(words: list[str]) -> bool:
    """A line that only names agencies, as credits print them: "AFP", "— With Reuters"."""
    if not words or len(words) > 5:
        return False
    rest = " ".join(word for word in words if word.lower() not in {"with", "and", "by"})
    return bool(rest) and _AGENCY_ONLY.fullmatch(rest) is not None


# --------------------------------------------------------------------------------------------
# Header: title, dateline, byline, masthead, standfirst

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
_ZONE = (
    r"gmt|utc|z|bst|cet|cest|eet|eest|wet|west|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt"
    r"|ast|ist|msk|jst|aest|aedt|sast|pkt|wib"
)
_DATE_LABEL = (
    r"published|updated|posted|modified|created|date|dated|last|first|on|at|time|am|pm|a\.m|p\.m"
)
_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTH}|{_WEEKDAY}|{_ZONE}|{_DATE_LABEL}|of|\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}}"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm)?|[+-]\d{2}:?\d{2}|utc[+-]\d{1,2})$",
    re.IGNORECASE,
)
_DATE_SEPARATORS = re.compile(r"[|•·,()]|\s[-–—]\s|\s/\s")
_DATE_LABELS_AT_START = re.compile(
    r"^\W*(?:(?:first |last )?(?:published|updated|posted|modified|created)(?: on| at)?"
    r"|date(?:d)?)\s*:?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SEGMENT_SPLIT = re.compile(r"\s+[|•·—–]\s+|\s+-\s+|\s{0,1}\|\s{0,1}")
_BY = re.compile(r"^\W*(?:by|written by|words by|story by|text by|reported by)\s*:?\s+", re.I)
_BYLINE_PARTS = re.compile(r"\s*(?:,|/|&|\band\b|\|)\s*")
_ROLE = re.compile(
    r"\b(?:editor|editor-in-chief|chief|supervisor|publisher|founder|co-founder|managing"
    r"|deputy|executive|ceo|owner|chairman|chairwoman|director)\b",
    re.IGNORECASE,
)
_NAME_PARTICLES = _wordset("and de da del der di du al el bin ibn van von la le y")


def _only_date_tokens(text: str) -> bool:
    """Every token is part of a date or time, a date label or a separator."""
    tokens = _DATE_SEPARATORS.sub(" ", text).split()
    tokens = [token.strip(".:,;") for token in tokens]
    tokens = [token for token in tokens if token and token not in {"-", "–", "—", "/"}]
    return bool(tokens) and all(_DATE_TOKEN.match(token) for token in tokens)


def is_date_only(text: str) -> bool:
    """The unit is a date (and time) with labels and separators, nothing else, with a year."""
    return bool(_YEAR.search(text)) and _only_date_tokens(text)


def date_text(text: str) -> str:
    """The part of a dateline to hand to the date parser: labels and separators dropped."""
    text = _DATE_LABELS_AT_START.sub("", text)
    return re.sub(r"\s+", " ", re.sub(r"[|•·]", " ", text)).strip()


def dateline_date(text: str) -> str | None:
    """ISO date of a dateline unit (one segment may be a byline), else None."""
    segments = [segment for segment in _SEGMENT_SPLIT.split(text) if segment.strip()]
    # A date and its time may sit in two segments: "Mon 28 Sep 2020 | 11:15 AM".
    dates = [segment for segment in segments if _only_date_tokens(segment)]
    if not any(_YEAR.search(segment) for segment in dates):
        return None
    others = [segment for segment in segments if segment not in dates]
    if not all(is_byline(segment) or _is_name_like(segment) for segment in others):
        return None
    with_year = next(segment for segment in dates if _YEAR.search(segment))
    joined = " ".join(date_text(segment) for segment in dates)
    return parse_explicit_date(joined) or parse_explicit_date(date_text(with_year))


def _is_name_like(text: str) -> bool:
    """A short run of capitalised words: "H-Tayea", "Jane Doe", "Ahmed al-Rubaie"."""
    words = text.strip().split()
    if not 1 <= len(words) <= 5 or text.endswith(("!", "?", ":")):
        return False
    if text.endswith(".") and len(words[-1]) > 2:  # "Jane Doe." is a sentence; "J." is not
        return False
    if any(char.isdigit() for char in text) or _ROLE.search(text):
        return False
    for word in words:
        bare = word.strip(",")
        if bare.lower() in _NAME_PARTICLES:
            continue
        if not (bare[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.-]*", bare)):
            return False
    return words[0][:1].isupper()


def is_byline(text: str) -> bool:
    """A "By ..." credit naming people or an agency: "By Jane Doe and John Roe, Reuters",
    not a sentence that starts with "By" ("By Tuesday, the rebels had left the city.")."""
    match = _BY.match(text)
    if match is None:
        return False
    parts = [part for part in _BYLINE_PARTS.split(text[match.end() :]) if part]
    if not parts or len(parts) > 6:
        return False
    return all(
        _is_name_like(part) or _AGENCY_ONLY.fullmatch(part) or _is_staff_title(part)
        for part in parts
    )


def _is_staff_title(text: str) -> bool:
    """A job title after a name in a byline: "Middle East correspondent", "Staff writer"."""
    words = text.split()
    return 1 <= len(words) <= 4 and bool(
        re.search(r"(?i)\b(?:correspondent|reporter|writer|editor|staff|bureau|desk)\b", text)
    )


def _is_masthead(unit: _Unit) -> bool:
    """A staff line: "Editor in Chief Jane Doe", "Publisher: John Roe"."""
    if len(unit.words) > 8 or _ends_sentence(unit.text) or not _ROLE.search(unit.text):
        return False
    rest = [word for word in unit.words if not _ROLE.fullmatch(word)]
    rest = [word for word in rest if word.lower() not in {"in", "of", "the", "and"}]
    return bool(rest) and all(word[:1].isupper() for word in rest)


def _is_heading_like(unit: _Unit) -> bool:
    """Could be a title: a short line that does not end with a full stop."""
    n = len(unit.words)
    if not 2 <= n <= MAX_TITLE_WORDS or unit.text.rstrip("”\"’'").endswith((".", ":", ",")):
        return False
    # Two capitalised words may be a name (a byline); three are a title ("Iraq Embassy Threat").
    return not is_date_only(unit.text) and not (n <= 2 and _is_name_like(unit.text))


_HEADER_LABELS = frozenset({"dateline", "byline", "repeated title", "masthead"})


@dataclass
class _Header:
    title: _Unit | None = None
    standfirst: _Unit | None = None
    byline: _Unit | None = None
    dateline: _Unit | None = None


def _read_header(units: list[_Unit], body_start: int) -> _Header:
    """Name the header units before ``body_start``: masthead, dateline, byline, title."""
    header = _Header()
    zone = units[:body_start]
    datelines: list[int] = []
    for index, unit in enumerate(zone):
        if unit.label is not None:
            continue
        if _is_masthead(unit):
            unit.label = "masthead"
        elif len(unit.words) <= 2 * SHORT_LINE_WORDS and dateline_date(unit.text):
            unit.label = "dateline"
            datelines.append(index)
            if any(is_byline(part) for part in _SEGMENT_SPLIT.split(unit.text)):
                header.byline = header.byline or unit
        elif is_byline(unit.text):
            unit.label = "byline"
            header.byline = header.byline or unit
        elif unit.score >= EDGE_THRESHOLD and any(
            label == "source credit" for label, _ in unit.signals
        ):
            # "Source: Jane Doe, Reuters" under a title: the credit the page gives the story.
            unit.label = "byline"
            header.byline = header.byline or unit
    if datelines:
        # The publication date is the first dateline that is not an update stamp.
        published = [
            i for i in datelines if not re.match(r"\W*(?:last )?updated", zone[i].text, re.I)
        ]
        header.dateline = zone[(published or datelines)[0]]
        # A name-like line next to a dateline is the byline ("Mon 28 Sep 2020" / "H-Tayea").
        for index in datelines:
            for near in (index - 1, index + 1):
                if not 0 <= near < len(zone) or zone[near].label is not None:
                    continue
                if _is_name_like(zone[near].text):
                    zone[near].label = "byline"
                    header.byline = header.byline or zone[near]
    for unit in zone:
        if unit.label is None and unit.score < EDGE_THRESHOLD and _is_heading_like(unit):
            unit.label = "title"
            header.title = unit
            break
    return header


def _mark_title_repeats(units: list[_Unit], title: _Unit, body: range) -> None:
    """The title shown again (the page heading and the article heading) counts once."""
    title_words = {word.lower() for word in title.words}
    for index, unit in enumerate(units):
        if unit is title or unit.label is not None:
            continue
        if unit.key == title.key:
            unit.label = "repeated title"
            continue
        words = {word.lower() for word in unit.words}
        overlap = len(words & title_words) / max(1, len(words | title_words))
        # A sentence of the body that happens to share the title's words stays.
        inside = index in body and _ends_sentence(unit.text)
        if overlap >= NEAR_TITLE_JACCARD and not inside:
            unit.label = "repeated title"


def _mark_standfirst(units: list[_Unit], header: _Header, body_start: int) -> None:
    """Find the summary printed under the title; remove it only when the body repeats it.

    A prose line after the title in the header zone is the standfirst when header-only
    furniture (read time, byline, dateline) follows it before the body starts, when its text
    is repeated in the body, or when it ends without a full stop and sits in one block with the
    header lines. Otherwise it is not named: it may just as well be the first paragraph.

    A standfirst is the outlet's own summary *of the story*, so its sentences stay in the text
    (as the first paragraph) like any other sentence of the article; it is only removed when
    the body repeats it word for word, where the text keeps it once anyway.
    """
    if header.title is None:
        return
    start = units.index(header.title) + 1
    for index in range(start, body_start):
        unit = units[index]
        if unit.label is not None:
            continue
        if len(unit.words) < BODY_RUN_MIN_WORDS or not _is_prose(unit.words):
            return
        # Header-only furniture after it (a caption may sit between two body paragraphs).
        later_furniture = any(
            units[j].label in _HEADER_LABELS or _is_header_kind(units[j])
            for j in range(index + 1, body_start)
        )
        repeated = any(_contains(units[j], unit) for j in range(body_start, len(units)))
        # "Attached" means in one block with a header line, in a text that separates its
        # paragraphs by blank lines (so the body starts in another block).
        previous = units[index - 1]
        attached = (
            previous.block == unit.block != units[body_start].block and previous.label is not None
        )
        if later_furniture or repeated or (attached and not _ends_sentence(unit.text)):
            header.standfirst = unit
            if repeated:
                unit.label = "repeated standfirst"
        return


# --------------------------------------------------------------------------------------------
# Repeats and the author bio


def _sentence_keys(text: str) -> list[str]:
    return [normalise_for_identity(sentence) for sentence in _sentences(text)]


def _contains(container: _Unit, unit: _Unit) -> bool:
    """``unit`` equals ``container`` or a run of its whole sentences."""
    if container is unit or len(unit.words) < MIN_REPEAT_WORDS:
        return False
    if container.key == unit.key:
        return True
    if len(unit.key) >= len(container.key):
        return False
    sentences = _sentence_keys(container.text)
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences) + 1):
            if " ".join(sentences[i:j]) == unit.key:
                return True
    return False


_CREDIT_TAIL = re.compile(
    r"\s*\b(?:photo|photos|image|picture|credit|photo credit|source)\s*:.*$", re.IGNORECASE
)


def _without_credit(text: str) -> str:
    """A caption without its credit: the trailing bracket, "Image: ..." tail or dangling label."""
    text = _CREDIT_BRACKET.sub("", text)
    text = _DANGLING_CREDIT.sub("", text)
    text = _CREDIT_TAIL.sub("", text) or text
    return normalise_for_identity(text.rstrip(" .,:;–—-"))


def _sentence_runs(text: str) -> set[str]:
    """The keys of every run of whole sentences of a text (the text itself included)."""
    sentences = _sentence_keys(text)
    if len(sentences) > MAX_SENTENCES_FOR_RUNS:  # a very long unit: whole sentences only
        return {*sentences, normalise_for_identity(text)}
    return {
        " ".join(sentences[i:j])
        for i in range(len(sentences))
        for j in range(i + 1, len(sentences) + 1)
    }


def _mark_repeats(units: list[_Unit], body: range) -> None:
    """Text shown twice: remove the copy that is not body, so the text keeps it once."""
    captions = {_without_credit(u.text) for u in units if u.label == "caption"}
    # Where each run of sentences of a kept unit occurs: one pass, not a pairwise search.
    occurs: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.label is None:
            for key in _sentence_runs(unit.text):
                occurs.setdefault(key, []).append(index)
    for index, unit in enumerate(units):
        if unit.label is not None or len(unit.words) < MIN_REPEAT_WORDS:
            continue
        if normalise_for_identity(unit.text.rstrip(" .,:;–—-")) in captions:
            unit.label = "repeated caption"
            continue
        for other_index in occurs.get(unit.key, ()):
            if other_index == index or units[other_index].label is not None:
                continue
            # Keep the copy inside the body; of two copies inside it, keep the first.
            if index not in body or (other_index in body and other_index < index):
                unit.label = "repeated line"
                break


_BIO_START = re.compile(
    r"^\W{0,3}(?:the|this) (?:writer|author|columnist|contributor|reporter|journalist)\b"
    r"|^\W{0,3}about the (?:author|writer)\b",
    re.IGNORECASE,
)


def _mark_bio(units: list[_Unit]) -> None:
    """An author bio closing the text: "The writer holds a PhD ...", "About the author".

    Removed, because it is about the writer, not the story: its sentences would otherwise be
    read as statements of the article ("He currently works as a lecturer ..." would even be
    resolved to the last man the story named). It stays in ``removed`` for who wants it.
    """
    kept = [unit for unit in units if unit.label is None]
    if kept and _BIO_START.search(kept[-1].text) and len(kept) > 1:
        kept[-1].label = "author bio"


# --------------------------------------------------------------------------------------------
# The cascade


#: Signals of furniture that only a header carries. A prose line followed by one of these is
#: still in the header (a standfirst), not the first paragraph of the body.
_HEADER_SIGNALS = frozenset({"read time", "timestamp", "date stamp"})


def _is_header_kind(unit: _Unit) -> bool:
    if any(label in _HEADER_SIGNALS for label, _ in unit.signals):
        return True
    return is_byline(unit.text)


def _starts_body(units: list[_Unit], index: int) -> bool:
    """A body-like unit whose next unit, past furniture that also sits between paragraphs
    (ads, prompts, captions), is body-like too, with no header-only furniture in between."""
    if not _is_body_like(units[index]):
        return False
    for unit in units[index + 1 :]:
        if _is_header_kind(unit):
            return False
        if unit.score - _prose_evidence(unit, in_body=True) >= BODY_THRESHOLD:
            continue
        return _is_body_like(unit)
    return False


def _body_span(units: list[_Unit]) -> range:
    """Indexes of the body: from the first run of two body-like units (furniture between them
    allowed) to the last body-like unit."""
    body_like = [index for index, unit in enumerate(units) if _is_body_like(unit)]
    if not body_like:
        return range(0, len(units))
    start = next((i for i in body_like if _starts_body(units, i)), body_like[0])
    return range(start, body_like[-1] + 1)


def _mark_scored(units: list[_Unit], body: range) -> None:
    for index, unit in enumerate(units):
        if unit.label is not None or not unit.signals:
            continue
        in_body = index in body
        score = unit.score - _prose_evidence(unit, in_body)
        if score >= (BODY_THRESHOLD if in_body else EDGE_THRESHOLD):
            unit.label = max(unit.signals, key=lambda signal: signal[1])[0]


def clean_scraped_text(raw: str) -> CleanedText:
    """Remove site furniture from a plain-text article as scraped, keeping every body sentence.

    Deterministic and per document. See the module docstring for the method.
    """
    # NFC only composes what is already there (e + combining accent = é): the text as written.
    units = _units(normalise_whitespace(unicodedata.normalize("NFC", raw)))
    if not units:
        return CleanedText(text="")
    for unit in units:
        unit.signals = _signals(unit)
        unit.score = sum(weight for _, weight in unit.signals)
    body = _body_span(units)
    header = _read_header(units, body.start)
    if header.title is not None:
        _mark_title_repeats(units, header.title, body)
    _mark_standfirst(units, header, body.start)
    # Section labels and kickers before the title ("World", "Middle East"): short, no sentence.
    if header.title is not None:
        for unit in units[: units.index(header.title)]:
            if unit.label is None and len(unit.words) <= 4 and not _ends_sentence(unit.text):
                unit.label = "section label"
    _mark_scored(units, body)
    _mark_repeats(units, body)
    _mark_bio(units)
    kept = [unit.text for unit in units if unit.label is None]
    removed = tuple(
        RemovedText(text=unit.text, reason=unit.label, line=unit.line)
        for unit in units
        if unit.label is not None
    )
    return CleanedText(
        text="\n\n".join(kept),
        removed=removed,
        title=header.title.text if header.title else None,
        standfirst=header.standfirst.text if header.standfirst else None,
        byline=header.byline.text if header.byline else None,
        dateline=header.dateline.text if header.dateline else None,
    )
