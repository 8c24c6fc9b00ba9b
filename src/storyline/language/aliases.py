"""General knowledge about names: how to normalise them, and the few aliases no rule can infer.

Why tables here at all: "America" for the United States, "Washington" for its government or
"Daesh" for the Islamic State share no letters, initials or transliteration with what they
stand for, so no string method can connect them. The tables hold only world knowledge that is
true of any news story (country short forms, demonyms, capitals, a handful of groups with
well-known alternative names) and never anything read off one corpus.
"""

from __future__ import annotations

import re
import unicodedata

# Country names by every common short form, normalised (see ``normalise``).
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": (
        "united states",
        "united states of america",
        "us",
        "u s",
        "usa",
        "u s a",
        "america",
    ),
    "United Kingdom": ("united kingdom", "uk", "u k", "britain", "great britain"),
    "Russia": ("russia", "russian federation"),
    "China": ("china", "people s republic of china", "prc"),
    "Iran": ("iran", "islamic republic of iran"),
    "Iraq": ("iraq", "republic of iraq"),
    "Syria": ("syria",),
    "Turkey": ("turkey", "turkiye"),
    "Saudi Arabia": ("saudi arabia", "ksa"),
    "United Arab Emirates": ("united arab emirates", "uae"),
    "North Korea": ("north korea", "dprk"),
    "South Korea": ("south korea",),
    "Ukraine": ("ukraine",),
    "France": ("france",),
    "Germany": ("germany",),
    "Israel": ("israel",),
    "Lebanon": ("lebanon",),
    "Egypt": ("egypt",),
}
COUNTRY_ALIASES: dict[str, str] = {
    alias: name for name, aliases in _COUNTRIES.items() for alias in aliases
}

# Demonyms give a person's affiliation ("Iraqi Foreign Minister") and let "American Embassy"
# and "US Embassy" normalise alike.
DEMONYMS: dict[str, str] = {
    "american": "United States",
    "british": "United Kingdom",
    "russian": "Russia",
    "chinese": "China",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "syrian": "Syria",
    "turkish": "Turkey",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "israeli": "Israel",
    "lebanese": "Lebanon",
    "egyptian": "Egypt",
    "ukrainian": "Ukraine",
    "french": "France",
    "german": "Germany",
    "kurdish": "Kurdistan",
}

# Capitals stand for their country's government when they act ("Washington warned ...");
# ``entities`` decides from the syntax whether one does.
CAPITALS: dict[str, str] = {
    "washington": "United States",
    "london": "United Kingdom",
    "moscow": "Russia",
    "the kremlin": "Russia",
    "kremlin": "Russia",
    "beijing": "China",
    "tehran": "Iran",
    "baghdad": "Iraq",
    "damascus": "Syria",
    "ankara": "Turkey",
    "riyadh": "Saudi Arabia",
    "pyongyang": "North Korea",
    "seoul": "South Korea",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "paris": "France",
    "berlin": "Germany",
    "beirut": "Lebanon",
    "cairo": "Egypt",
}

# Groups whose other names are not acronyms of their canonical name.
GROUP_ALIASES: dict[str, str] = {
    "islamic state": "Islamic State",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "daesh": "Islamic State",
    "islamic state of iraq and syria": "Islamic State",
    "islamic state of iraq and the levant": "Islamic State",
}

# Trailing generic words that do not change what a name refers to ("the IS group").
GENERIC_TAILS = frozenset({"group", "militia", "movement", "organisation", "organization"})

# Arabic (and a few other) particles that are written, capitalised or hyphenated freely:
# "al-Kadhimi", "Al-Kadhimi" and "Kadhimi" are one name.
PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'"})
_NON_WORD = re.compile(r"[^a-z0-9']+")
_POSSESSIVE = re.compile(r"'s?$")


def fold(text: str) -> str:
    """Lower case, diacritics removed, one kind of apostrophe."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise(text: str) -> str:
    """A name's comparable form: folded, punctuation as spaces, leading "the" dropped."""
    words = _NON_WORD.sub(" ", fold(text)).split()
    words = [_POSSESSIVE.sub("", word) if word.endswith(("'s", "'")) else word for word in words]
    words = [word.replace("'", "") for word in words if word]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(word for word in words if word)


def name_tokens(text: str) -> tuple[str, ...]:
    """The words of a person's name that identify them: particles and hyphens removed."""
    return tuple(word for word in normalise(text).split() if word not in PARTICLES)


_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """A transliteration-tolerant key: "Kadhimi"/"Kadhemi", "Qassem"/"Qasem", "Arbil"/"Erbil"
    share one. Vowels carry most of the variation in romanised Arabic and Persian names."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word.replace("'", "")))


def canonical_alias(norm: str) -> tuple[str, str] | None:
    """(canonical name, kind) when a normalised name is a known alias, else None."""
    if norm in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[norm], "place"
    base = strip_generic_tail(norm)
    if base in GROUP_ALIASES:
        return GROUP_ALIASES[base], "organisation"
    return None


def strip_generic_tail(norm: str) -> str:
    words = norm.split()
    while len(words) > 1 and words[-1] in GENERIC_TAILS:
        words.pop()
    return " ".join(words)


# Written forms of well-known group names the small English model often leaves untagged. "IS"
# counts only before a word like "group" or "fighters": alone it is too easily something else.
GAZETTEER: dict[tuple[str, ...], str] = {
    ("Islamic", "State"): "organisation",
    ("ISIS",): "organisation",
    ("ISIL",): "organisation",
    ("Daesh",): "organisation",
}
ACRONYM_BEFORE = frozenset({"group", "fighters", "militants", "jihadists", "cells", "members"})
GUARDED_ACRONYMS: dict[str, str] = {"IS": "organisation"}
