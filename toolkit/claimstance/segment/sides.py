"""Whose side a statement speaks for: "The UK calls on ..." in a UK statement is the author's own voice (pure)."""

from __future__ import annotations

import re

from claimstance.schema import Document

_ISSUER = re.compile(r"\b(?P<side>(?:[A-Z][\w.]*\s){0,2}[A-Z][\w.]*)\s+(?i:statement|government|delegation)\b")
"""A side that issues the statement its title names: "...: UK statement to the OSCE"."""
_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<side>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")
"""A side the title speaks for: "Statement by the High Representative on behalf of the EU"."""
_LEADING_SIDE = re.compile(r"(?P<side>(?:[A-Z]\.){2,}|[A-Z]{2,4}|United\s+(?:States|Kingdom))\s")
"""A country before an office or institution: "U.S. Permanent Representative", "U.S. Department of State"."""


def side_key(name: str) -> str:
    """A side's name reduced to compare its forms: "the United Kingdom", "UK" and "U.K." all give "UK"."""
    words = [w for w in name.replace(".", "").split() if w.lower() != "the"]
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return "".join(w[0] for w in words)
    return words[0].upper() if len(words) == 1 else ""


def own_sides(document: Document) -> frozenset[str]:
    """The sides a statement says it speaks for: the issuer its title names ("UK statement", "on behalf of the
    EU") and the country before the author's office or the page's institution ("U.S. Permanent
    Representative"). Topics the title names ("Northland: Statement by ...") are no side."""
    sides: set[str] = set()
    title = document.title or ""
    for pattern in (_ISSUER, _BEHALF):
        sides.update(side_key(found["side"]) for found in pattern.finditer(title))
    for office in (document.author_role, document.source):
        found = _LEADING_SIDE.match(office or "")
        if found is not None:
            sides.add(side_key(found["side"]))
    sides.discard("")
    return frozenset(sides)


def speaks_for(name: str | None, sides: frozenset[str]) -> bool:
    """Whether a speaker a sentence names is the statement's own side ("The UK notes ..." in a UK statement)."""
    return name is not None and bool(sides) and side_key(name) in sides


_READOUT_OF = re.compile(
    r"Readout\s+of\s+(?:the\s+)?(?P<office>(?:Vice\s+)?President|Secretary|Prime\s+Minister|Chancellor)['’]s\s+"
    r"(?:[\w-]+\s+){0,3}?(?:Calls?|Meetings?|Conversations?)\s+with\s+(?P<other>.+)"
)


def principal(title: str | None) -> str | None:
    """The office a readout's title is about when the party it met holds the same office ("Readout of the
    President's Call with President Olsen of Northland" -> "President"): the bare "the President" of the readout
    is then its principal, never that party, whom the readout names."""
    found = _READOUT_OF.search(title) if title and "Readout" in title else None
    return found["office"] if found is not None and found["office"] in found["other"] else None
