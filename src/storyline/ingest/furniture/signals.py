"""The scored furniture signals of a unit: each a named kind of furniture with its weight.

Vocabulary here names *kinds* of furniture (social networks, calls to action addressed to the
reader, credit words), never the wording of one outlet.
"""

from __future__ import annotations

import re

from storyline.ingest.furniture.datelines import is_date_only
from storyline.ingest.furniture.lines import WORD, Unit, ends_sentence
from storyline.ingest.furniture.prose import function_ratio, sentences
from storyline.ingest.furniture.tuning import HINT, MEDIUM, SHORT_LINE_WORDS, STRONG, WEAK
from storyline.ingest.furniture.vocabulary import AGENCY, AGENCY_ONLY, choices, wordset

_SOCIAL = (
    r"facebook|twitter|x|instagram|whatsapp|telegram|linkedin|youtube|tiktok|pinterest|reddit"
    r"|snapchat|threads|bluesky|mastodon|flipboard|messenger|viber|google news"
)
_SHARE_TOOLS = wordset(
    f"""{_SOCIAL.replace("|", " ")} email e-mail mail print pdf share shares tweet copy link save
    comment comments bookmark friendly"""
)
_CREDIT_WORDS = (
    r"photo|photos|photograph|picture|pic|image|images|credit|credits|file|getty|courtesy"
    r"|handout|supplied|shutterstock|alamy|istock|via|illustration|screenshot|screengrab"
    r"|video|footage"
)
# A trailing bracket that holds a credit: "[Getty]", "(photo credit: NAME/REUTERS)".
CREDIT_BRACKET = re.compile(r"[\[(]([^\[\]()]{1,80})[\])]\s*$")
_SLASH_NAME = re.compile(r"\w\s*/\s*[A-Z]")  # "AL-MARJANI/REUTERS", not "$4.99/mo"
_CREDIT_WORD = re.compile(rf"\b(?:{_CREDIT_WORDS})\b", re.IGNORECASE)
# "NAME/AFP via Getty Images", "Jane Doe / Reuters": a slash credit naming an agency or library.
_PICTURE_SOURCES = rf"(?i:getty|shutterstock|alamy|istock)|{AGENCY}"
_PICTURE_SOURCE = re.compile(_PICTURE_SOURCES)
_GALLERY_COUNTER = re.compile(
    r"^\W*(?:image|photo|picture|slide|pic)\s+\d+\s+(?:of|/)\s+\d+\W*$", re.IGNORECASE
)
_SLASH_CREDIT = re.compile(
    rf"\S\s*/\s*(?:{_PICTURE_SOURCES})\b|(?i:\bvia getty\b|\bgetty images\b)"
)
# A caption whose credit was a stripped link: "US – Iraq flags. Source:".
DANGLING_CREDIT = re.compile(
    r"\b(?:source|sources|credit|credits|photo|image|picture|courtesy)\s*:\s*$", re.IGNORECASE
)
# "Read also: ...", "Tags: ...", "Photo: ...": a short label the site puts before a link.
_LABEL = re.compile(r"^\W{0,2}([A-Za-z][A-Za-z' ]{0,24}?)\s*(?::|\||»|›|>)\s*(.*)$")
_LABELS: dict[str, str] = {
    **dict.fromkeys(
        choices(
            """read also|also read|read more|more|related|related articles|related stories
            |related news|recommended|see also|more on this|more from|don't miss|most read
            |trending|popular|watch|watch now|listen|video|also on|further reading|more stories
            |editor's picks|top stories"""
        ),
        "read-more link",
    ),
    **dict.fromkeys(choices("tags|tag|topics|topic|filed under|categories|category"), "tags"),
    **dict.fromkeys(
        choices("photo|photos|image|images|picture|pictures|credit|photo credit|caption"),
        "caption",
    ),
    **dict.fromkeys(choices("source|sources"), "source credit"),
    **dict.fromkeys(choices("share|share on|share this|share via|share article"), "share prompt"),
    **dict.fromkeys(choices("sponsored|advertisement|ad|promoted|partner content"), "advert"),
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


def _call_to_action(text: str) -> str | None:
    for sentence in sentences(text):
        # Quoted speech is never the site talking to the reader: "“Join us,” he said."
        bare = re.sub(r"^[^\w\"“‘']+", "", sentence)
        for label, pattern in _CALLS_TO_ACTION:
            if pattern.search(bare):
                return label
    return None


def _credit_bracket(text: str) -> bool:
    match = CREDIT_BRACKET.search(text)
    if match is None:
        return False
    content = match.group(1)
    if _CREDIT_WORD.search(content) or _SLASH_NAME.search(content):
        return True
    if AGENCY_ONLY.fullmatch(content.strip()):
        return True
    # Two or more words in capitals: a photographer's name as credit lines print it.
    caps = [
        word
        for word in WORD.findall(content)
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
    if len(items) < 3 or ends_sentence(text) or function_ratio(words) > 0.1:
        return False
    return all(len(item.split()) <= 3 and item[:1].isupper() for item in items)


def furniture_signals(unit: Unit) -> list[tuple[str, int]]:
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
    if DANGLING_CREDIT.search(text) and n <= 2 * SHORT_LINE_WORDS:
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
    if _DANGLING_END.search(text) and not ends_sentence(text):
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
    if len(items) < 2 or ends_sentence(text):
        return 0
    return len(items) if all(1 <= len(item.split()) <= 3 for item in items) else 0


def _is_wire_credit_only(words: list[str]) -> bool:
    """A line that only names agencies, as credits print them: "AFP", "— With Reuters"."""
    if not words or len(words) > 5:
        return False
    rest = " ".join(word for word in words if word.lower() not in {"with", "and", "by"})
    return bool(rest) and AGENCY_ONLY.fullmatch(rest) is not None
