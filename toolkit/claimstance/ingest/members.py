"""Who a member's or an office's page speaks for, from kinds of header the older rules did not read (pure): the
holder named after the office ("Address by the Senator ..., Mr Jane Roe, at ..."), a legislator titled inside an
office phrase ("Commission Co-Chairman Sen. Jane Roe"), a member's release titled "Roe Statement on ...", a joint
statement's two issuers, a congressional record's "HON. JANE ROE" heading, and a floor speech's one turn label
("Mr. ROE. Mr. President, ...") (issue 15, session 7)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.ingest.namelines import NAME_WORD, ROLE_OR_ORG, honorific
from claimstance.ingest.styles import fuller_name
from claimstance.lexicon import FUNCTION_WORDS, LEGISLATOR_TITLE, ORG_HEADS, ROLE_WORDS, words

_PERSON = re.compile(rf"{NAME_WORD}(?:\s+(?:[A-Z]\.|{NAME_WORD}|de|van|von|al)){{0,3}}")
"""A person's name, or a surname alone: "Anna Berg", "Jane Q. Roe", "President Berg", "Berg"."""


_APPOSED = re.compile(
    rf"(?:Address|Statement|Remarks|Speech|Message)\s+(?:delivered\s+)?by\s+[^,\n]+,\s+(?:Mr|Mrs|Ms|Dr|Mme)\.?\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:[A-Z]\.|{NAME_WORD})){{1,3}})\s*"
    # where or when it was given ("..., at the congress"), or nothing: not a headline's verb ("..., draws protest")
    r"(?:,\s*(?:at|on|in|to|before|during|for|via|upon)\b|$)"
)
_LEGISLATOR = words("sen rep senator congressman congresswoman assemblyman assemblywoman")


def apposed_holder(title: str | None) -> str | None:
    """The holder a header names after the office: "Address by the Minister of Health, Ms Jane Roe, at ..."."""
    found = _APPOSED.match(title) if title is not None else None
    return found["name"] if found is not None else None


def titled_member(author: str) -> tuple[str, str | None] | None:
    """A legislator at the end of an office phrase: "Commission Co-Chairman Sen. Jane Roe" is Jane Roe."""
    tokens = author.split()
    title = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].lower().rstrip(".") in _LEGISLATOR), None)
    name = tokens[title + 1 :] if title is not None else []
    if title is None or not 2 <= len(name) <= 3 or not all(t[:1].isupper() for t in name):
        return None
    return " ".join(name), " ".join(tokens[:title]) or None


_SURNAME_STATEMENT = re.compile(
    r"(?P<surname>[A-Z][\w'’\-]+)\s+(?:Statement|Remarks)\s+(?:on|regarding|after|following|about|in)\s+[A-Z]"
)
# the member opens a paragraph, after its dateline at most, and issues the statement there ("WASHINGTON, D.C. –
# Congresswoman Jane Roe (NL-02) released the following ..."): not a news story's "A statement by Senator Jane Roe
# drew ..." nor "Markets fell after Representative Roe said ..." under a headline "Roe Statement on ..."
_MEMBER_LINE = (
    rf"(?:^|\n|\s[–—-]\s*|[–—]){LEGISLATOR_TITLE}\s+"
    r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){{0,2}}\s+{surname})\b"
    r"[^\n]{{0,200}}?\b(?:released|issued|made|delivered|gave)\s+(?:the\s+following|an?\s+statement)"
)
_MEMBER_CHARS = 1500


def member_statement(title: str | None, text: str) -> tuple[str, None] | None:
    """The member a release's title names before its kind ("Roe Statement on the Northland Vote"), written out
    as the release's opening names them ("Congresswoman Jane Roe (NL-02) released ...")."""
    found = _SURNAME_STATEMENT.match(title) if title is not None else None
    if found is None:
        return None
    member = re.search(_MEMBER_LINE.format(surname=re.escape(found["surname"])), text[:_MEMBER_CHARS])
    return (member["name"], None) if member is not None else None


_JOINT = re.compile(
    r"Joint\s+(?:press\s+)?(?:statement|declaration)\s+(?:by|of|from)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?P<who>[A-Z][^\n]*?\sand\s[^\n]*?)\s+(?:on|regarding|concerning|following|after|about|at)\s+"
)


def joint_issuers(title: str | None, text: str) -> str | None:
    """The people a joint statement's title names ("Joint statement by President Berg and President Olsen on
    ...", "Joint statement by ministers Berg and Olsen regarding ..."), a bare surname written out as the text
    gives it ("Anna Berg and Karl Olsen")."""
    found = _JOINT.match(title) if title is not None else None
    parts = found["who"].split(" and ") if found is not None else []
    named = [_PERSON.fullmatch(p) for p in parts]
    if len(parts) != 2 or not all(named) or any(len(p.split()) > 4 for p in parts):
        return None
    if any(
        all(t.lower() in ROLE_OR_ORG for t in p.split()) or any(t.lower() in ORG_HEADS for t in p.split())
        for p in parts
    ):
        return None  # "the Information and Press Department", "Prime Minister and President": offices, no people
    return " and ".join(_written_out(part, text) for part in parts)


def _written_out(part: str, text: str) -> str:
    if " " in part:
        return part
    for first in re.finditer(rf"\b({NAME_WORD})\s+{re.escape(part)}\b", text[:_MEMBER_CHARS]):
        if not honorific(first[1]) and first[1].lower() not in ROLE_WORDS | FUNCTION_WORDS:
            return f"{first[1]} {part}"
    return part


_CAPS_NAME = r"(?:Mc|Mac)?[A-Z][A-Z.'’\-]*"  # "ROE", "McROE", "O'ROE"
_RECORD_MEMBER = re.compile(rf"HON\.\s+(?P<name>{_CAPS_NAME}(?:\s+{_CAPS_NAME}){{1,3}})")
_RECORD_CHAMBER = re.compile(r"(?i:in\s+the\s+(?:house\s+of\s+representatives|senate\s+of\s+the\s+united\s+states))")


def record_member(heads: Sequence[str], text: str) -> tuple[str, None] | None:
    """The member a congressional record's extension of remarks heads: "HON. JANE ROE" / "of northland" / "in the
    house of representatives"; the name as the text writes it in mixed case, if it does, else in title case."""
    for i, line in enumerate(heads):
        found = _RECORD_MEMBER.fullmatch(line)
        if found is None or not any(_RECORD_CHAMBER.fullmatch(h) for h in heads[i + 1 : i + 3]):
            continue
        name = found["name"]
        forms = (
            m.group()
            for m in re.finditer(re.escape(name), text, re.IGNORECASE)
            if m.group() != name and not m.group().isupper()
        )
        return next(forms, name.title()), None
    return None


_FLOOR_TITLE = r"(?:Mr\.|Mrs\.|Ms\.|Madam|Speaker|Senator|Leader|Chairman|Chairwoman)"
# A record's turn label opening a paragraph: "Mr. ROE." or "Speaker Roe." (title, surname, full stop), or "ROE:"
# (the surname in capitals, a colon), then the floor's address or the member's first person.
_FLOOR_LABEL = re.compile(
    rf"^(?:{_FLOOR_TITLE}\s+(?P<named>{_CAPS_NAME}|{NAME_WORD})\.|(?P<caps>{_CAPS_NAME}):)[ \t]+"
    r"(?=(?:Mr\.|Madam)\s+(?:President|Speaker|Chairman|Chair)\b|I\s|Thank\s+you\b)",
    re.MULTILINE,
)
_ANY_LABEL = re.compile(r"^(?P<label>[A-Z][\w.'’ -]{0,60}?):\s", re.MULTILINE)
_LABEL_CHARS = 1500
"""The one turn label of a floor speech comes at most this far into its text (under a release's lead)."""


def floor_speaker(text: str) -> tuple[str, None] | None:
    """The member a floor speech's one turn label names ("Mr. ROE. Mr. President, I rise ...", "ROE: I rise ...",
    "Speaker Roe.  I thank the gentlelady ..."), written as the text gives the name in full ("Jane Roe") or in
    title case; None where no label opens a paragraph near the top, or labels name more than one person (a
    debate: each turn is its speaker's, not the page's)."""
    labels = list(_FLOOR_LABEL.finditer(text))
    if not labels or labels[0].start() > _LABEL_CHARS:
        return None
    names = {(found["named"] or found["caps"]).lower() for found in labels}
    others = {m["label"].lower() for m in _ANY_LABEL.finditer(text)} - names  # "MODERATOR:", "Q:": a transcript
    if len(names) != 1 or others:
        return None
    name = names.pop()
    if name in ROLE_WORDS | FUNCTION_WORDS or len(name) < 3:
        return None  # "STAFF:", "Mr. President.": an office or a word, no member
    written = next(
        (m.group() for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) if not m.group().isupper()),
        None,
    )
    return fuller_name(text, written or name.title()), None
