"""The people a joint statement's lead-in line names as its issuers (pure).

"Foreign Minister Anna Berg and Trade Minister Karl Olsen today issued the following statement:", "The
Honourable Anna Berg, Minister of Foreign Affairs, and the Honourable Karl Olsen, Minister of Trade, issued
...": the statement below is the words of them all, "Anna Berg and Karl Olsen". :func:`claimstance.segment.
subjects.issuer` reads members of a legislature with party and state; this reads a list of office holders.
"""

from __future__ import annotations

import re

from claimstance.segment.names import NameIndex, SpeakerPhrase, parse_speaker_phrase
from claimstance.segment.validate import check_name

# "July 9, 2012 - ", "OTTAWA, Northland – ": a dateline before the issuers
_DATELINE = re.compile(r"^.*(?:\s[-–—]|[–—])\s*")
# "(EPP, Northland)", "(D-NL)": a member's party and place, no part of the name
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_WHEN = re.compile(r",?\s+(?:today|jointly|(?:on|this)\s+\w+)$")
# the list's separators: "A, office, and B", "A and B", "A, B and C"
_SEPARATOR = re.compile(r"(\s*,\s*(?:and\s+)?|\s+and\s+)")
_LINKS = frozenset(["of", "for", "on", "to", "the", "and", "in", "at"])
_OFFICE_OPENINGS = ("Minister", "Secretary", "Chair", "Member", "Leader", "President", "the ")


def _an_office(role: str) -> bool:
    """Whether the words before a name are an office ("Foreign Minister", "Chair of the Committee on Trade"), not
    a clause ("After talks with Senators")."""
    return all(w[:1].isupper() or w in _LINKS for w in role.split())


def joint_issuers(before: str) -> str | None:
    """ "A and B" (or "A, B and C") when ``before``, the words of a lead-in line before its verb ("issued the
    following statement"), is a list of two or more people, each with an office before the name or in apposition
    ("Anna Berg, Minister of Trade"); None for one person or anything else in the list (a clause, "both members
    of ...", a body)."""
    text = _WHEN.sub("", _PARENTHESIS.sub("", _DATELINE.sub("", before.strip())).rstrip(" ,"))
    parts = _SEPARATOR.split(text)
    segments, joins = parts[::2], [""] + [j.strip() for j in parts[1::2]] + [""]
    people: list[str] = []
    office_before = False  # the segment before was an office: "the Chair of the delegation, Karl Olsen"
    for k, segment in enumerate(segments):
        parsed = parse_speaker_phrase(segment) if segment else None
        words = parsed.name.split() if parsed is not None else []
        # a name in apposition to an office by a comma: "Minister of Trade, Karl Olsen", "Karl Olsen, Minister of"
        beside = (office_before and joins[k].startswith(",")) or (
            joins[k + 1].startswith(",") and k + 1 < len(segments) and segments[k + 1].startswith(_OFFICE_OPENINGS)
        )
        named = parsed is not None and parsed.person and 2 <= len(words) <= 4 and check_name(parsed.name) is None
        titled = parsed is not None and parsed.role is not None and _an_office(parsed.role)
        if named and parsed is not None and (titled or beside) and all(w[:1].isupper() for w in words):
            people.append(parsed.name)
            office_before = False
        elif office_before and joins[k] == "and":
            continue  # the office goes on: "Minister of Trade and Culture"
        elif segment.startswith(("the ", "The ")) or (parsed is not None and not parsed.person):
            office_before = True  # an office: "Minister of Trade", "the rapporteur on Northland"
        else:
            return None  # a name with no office, a clause: not a list of office holders
    if len(people) < 2:
        return None
    return " and ".join([", ".join(people[:-1]), people[-1]])


_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def full_names(listed: str, index: NameIndex) -> tuple[str, None]:
    """A list of surnames with each person's full name, when the text gives every one ("Berg, Olsen and Roe" ->
    "Anna Berg, Karl Olsen and Jane Roe"); the list as it is when any is no surname the text completes."""
    parts = _LIST_SEPARATOR.split(listed)
    if len(parts) < 2 or any(" " in part or not part[:1].isupper() for part in parts):
        return listed, None
    full = [index.resolve(SpeakerPhrase(part, None, person=True)) for part in parts]
    names = [entry[0] for entry in full if entry is not None and " " in entry[0] and check_name(entry[0]) is None]
    if len(names) < len(parts):
        return listed, None
    return " and ".join([", ".join(names[:-1]), names[-1]]), None
