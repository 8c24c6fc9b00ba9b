"""Word lists as the cleaner writes them, and the one vocabulary several steps share: the wire
agencies, which tell a credit from a person's name."""

from __future__ import annotations

import re


def wordset(words: str) -> frozenset[str]:
    """A vocabulary written as one string of words, as long word lists read best."""
    return frozenset(words.split())


def choices(phrases: str) -> list[str]:
    """Phrases written as one string separated by ``|``."""
    return [phrase.strip() for phrase in phrases.split("|") if phrase.strip()]


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

# Agencies are matched as credits print them ("AFP", "Reuters", "REUTERS"), case-sensitively:
# in lower case several are ordinary words in some language ("ina", "pa", "ap").
_AGENCY_NAMES = sorted(
    {name for canonical in WIRE_AGENCIES.values() for name in (canonical, canonical.upper())},
    key=len,
    reverse=True,
)
AGENCY = "|".join(re.escape(name) for name in _AGENCY_NAMES)
AGENCY_ONLY = re.compile(rf"(?:{AGENCY})(?:\s*(?:,|/|and)\s*(?:{AGENCY}))*")
