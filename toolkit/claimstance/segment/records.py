"""Who speaks in an official report's lines (pure): a seat or office line ("The First Minister (Jane Doe)", "Jane
Doe (Oldtown North) (Con)", "Mr. Jane Doe (Oldtown North)"), a member named again on a line of their own ("Mr.
Doe"), a written answers page's section-marked member ("§ Mr. Jane DoeTo ask ..."), and the Lords' "The noble
Lord said:" after the line where the member rose ("... (Lord Doe) rose to move, ...")."""

from __future__ import annotations

import re

from claimstance.lexicon import ROLE_WORDS, words
from claimstance.schema import Attribution, Speaker
from claimstance.segment.names import NameIndex, office_head, parse_speaker_phrase
from claimstance.segment.spans import own_line
from claimstance.segment.validate import check_name

_OFFICES = words(
    """president vice-president minister secretary secretary-general ambassador envoy spokesperson spokesman
    spokeswoman governor mayor senator chancellor premier commissioner representative king queen"""
)
"""The offices a tag in mixed case may name with no person ("The Prime Minister: ..."): not "Opposition:"."""


def office_tag(name: str) -> bool:
    """Whether a tag's phrase is one holder's office: "Prime Minister", "Minister for Trade", "Foreign Secretary"."""
    return office_head(name.lower().split(), ("of", "for")) in _OFFICES


_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.?"
_SEAT_LINE = re.compile(
    r"(?:The\s+(?P<office>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the)){0,6})\s+\((?P<holder>[^()\n]{3,60})\)"
    r"|(?P<member>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3})\s+\([^()\n]{3,60}\)\s+\([A-Z][\w/&]{1,12}\)"
    rf"|{_TITLE}\s+(?P<titled>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})\s+\([^()\n]{{3,80}}\))"
)
"""A speaker's line in an official report: "The First Minister (Jane Doe)", "Jane Doe (Oldtown North) (Con)",
"Mr. Jane Doe (Oldtown North)"."""


def seat_line(text: str, start: int, end: int) -> Speaker | None:
    """The speaker a line of its own names in an official report's form: an office with its holder in
    brackets, or a member with a seat and a party; None for "Meeting of the Parliament (Hybrid)"."""
    if not own_line(text, start, end):
        return None
    found = _SEAT_LINE.fullmatch(text, start, end)
    if found is None:
        return None
    name = found["holder"] or found["member"] or found["titled"]
    role = found["office"]
    if role is not None and not office_tag(role) and role.split()[-1].lower() not in ROLE_WORDS:
        return None
    parsed = parse_speaker_phrase(name)
    if parsed is None or not parsed.person or " " not in parsed.name or check_name(parsed.name) is not None:
        return None
    return Speaker(name=parsed.name, role=role, attribution=Attribution.AUTHOR, cue=":")


_MEMBER_AGAIN = re.compile(rf"{_TITLE}\s+(?P<surname>[A-Z][\w'’-]+)")
"""A member the record names again on a line of its own by title and surname: "Mr. Doe"."""


def member_again(text: str, start: int, end: int, index: NameIndex) -> Speaker | None:
    """The member a line of its own names again ("Mr. Doe"), where a line above gave them a seat or an office ("Mr.
    Jane Doe (Oldtown North)", "The Minister (Mr. Jane Doe)"); None elsewhere (a news page's "Mr. Doe" alone is
    no turn)."""
    if not own_line(text, start, end):
        return None
    found = _MEMBER_AGAIN.fullmatch(text, start, end)
    if found is None or re.search(rf"\b{re.escape(found['surname'])}(?:\s+\(|\))", text[:start]) is None:
        return None
    parsed = parse_speaker_phrase(text[start:end])
    entry = index.resolve(parsed) if parsed is not None else None
    if entry is None or check_name(entry[0]) is not None:
        return None
    return Speaker(name=entry[0], attribution=Attribution.AUTHOR, cue=":")


MARKED_MEMBER = re.compile(
    rf"§[ \t]*(?P<who>{_TITLE}[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{0,3}}[A-Z][\w'’-]*[a-z])"
    r"(?:(?=[A-Z])|:[ \t])"
)
"""A written answers page's turn: the section mark, the member and their words run together ("§ Mr. Jane
DoeTo ask the Secretary of State ...", "§ Mr. DoeThe Government ...") or after a colon."""


def marked_member(text: str, start: int, end: int, index: NameIndex) -> Speaker | None:
    """The member whose question or answer a line opening with the section mark gives ("§ Mr. Jane DoeTo ask")."""
    found = MARKED_MEMBER.match(text, start, end)
    parsed = parse_speaker_phrase(found["who"]) if found is not None else None
    entry = index.resolve(parsed) if parsed is not None else None
    if entry is None or check_name(entry[0]) is not None:
        return None
    return Speaker(name=entry[0], attribution=Attribution.AUTHOR, cue=":")


_PEERS = r"(?:Lord|Baroness|Lady|Earl|Viscount|Marquess|Duke)"
_ROSE = re.compile(rf"\((?P<who>{_PEERS}\s+[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){{0,3}})\)\s+rose\b")
"""The Lords record's line where a member rises: "The Minister of State, Northland Office (Lord Doe) rose to move"."""
_NOBLE_SAID = re.compile(rf"The\s+noble\s+(?:and\s+(?:learned|gallant)\s+)?{_PEERS}\s+said:")
_ROSE_CHARS = 3000


def noble_said(text: str, start: int, end: int) -> Speaker | None:
    """The member whose speech "The noble Lord said: My Lords, ..." opens: the one the record's line above says
    rose ("(Lord Doe) rose to move, That ..."); None where no member rose just above."""
    if _NOBLE_SAID.match(text, start, end) is None:
        return None
    rises = [found["who"] for found in _ROSE.finditer(text, max(0, start - _ROSE_CHARS), start)]
    if not rises or check_name(rises[-1]) is not None:  # the last member to rise above the speech
        return None
    return Speaker(name=rises[-1], attribution=Attribution.AUTHOR, cue=":")
