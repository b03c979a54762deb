"""Who a sentence mentions: the first person it names in full, or the crowd of people one of whom speaks next.

:mod:`claimstance.segment.speakers` asks these when a sentence's "he" or "One said" points back to the sentence
before it.
"""

from __future__ import annotations

import re

from claimstance.segment.names import is_plain, office_before
from claimstance.segment.validate import check_name

_SURNAME_SUBJECT = re.compile(r"(?:^\s*|,\s+)([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=,|\s+[a-z]+\b)")
_CREDIT = re.compile(r"(?:[Cc]redit|[Pp]hoto|[Ii]mage|[Pp]icture|©)\s*:?\s*$")
_PLACE_BEFORE = re.compile(r"\b(?:in|into|across|throughout|within|from)\s+(?:the\s+)?$")
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,4}\b")


def person_named(sentence: str) -> str | None:
    """The first full personal name in a sentence ("Prime Minister John Smith" -> "John Smith"), or None."""
    for found in _FULL_NAME.finditer(sentence):
        if _CREDIT.search(sentence, max(0, found.start() - 12), found.start()) is not None:
            continue  # "Credit: Kate Stanworth": a photographer, not a speaker
        if _PLACE_BEFORE.search(sentence, max(0, found.start() - 12), found.start()) is not None:
            continue  # "the concerns of many in Northern Ireland": a place, not a person
        tokens = found.group().split()[1 if office_before(sentence, found.start()) else 0 :]  # "Chief of Staff"
        plain = [k for k, t in enumerate(tokens) if is_plain(t) or t in ("The", "A", "An")]
        tokens = tokens[plain[-1] + 1 :] if plain else tokens  # "Electoral Chairman Karl Olsen": after the office
        if len(tokens) >= 2 and not any(is_plain(t) for t in tokens) and check_name(" ".join(tokens)) is None:
            return " ".join(tokens)  # not "On Monday"
    # "Olsen arrived in Oldtown on Monday.", "On Monday, Olsen struck a defiant tone.": a surname as subject
    # ("The mayor of Oldtown said no.", "However, ...": an article or function word, no surname)
    subject = _SURNAME_SUBJECT.search(sentence)
    if subject is None or is_plain(subject[1]) or check_name(subject[1]) is not None:
        return None
    return subject[1]


_CROWD = re.compile(
    r"\b(?:callers|residents|voters|protesters|witnesses|observers|officials|diplomats|experts|analysts|delegates"
    r"|lawmakers|deputies|members|participants|speakers|students|workers|villagers|citizens|women|men|people)\b",
    re.IGNORECASE,
)
_IRREGULAR = {"women": "woman", "men": "man", "people": "person", "witnesses": "witness", "deputies": "deputy"}


def crowd_member(text: str, start: int, end: int) -> str | None:
    """The singular of the last crowd of people named in ``text[start:end]`` ("Several callers criticised the
    plan." gives "caller"), whom a following "One said ..." is one of; None when no crowd is named."""
    crowd = _CROWD.findall(text, start, end)
    if not crowd:
        return None
    noun = str(crowd[-1]).lower()
    return _IRREGULAR.get(noun, noun.removesuffix("s"))
