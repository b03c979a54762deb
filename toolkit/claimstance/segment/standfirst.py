"""Where a transcript's own words begin under its header: past a standfirst that tells of the author (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import TRANSCRIPT_HEADER
from claimstance.schema import Document, UnitKind
from claimstance.segment.spans import UnitSpan

_STATEMENT_HEADER = re.compile(rf"{TRANSCRIPT_HEADER}\b", re.IGNORECASE)
_OPENING_MARKS = frozenset('“"«')
_FRAME = re.compile(r"\battributable\s+to\b[^:]*:$")
STANDFIRST_UNITS = 3
"""A standfirst is a sentence or three between the transcript's header and the next heading."""


def past_standfirst(text: str, units: Sequence[UnitSpan], start: int, surname: str) -> int:
    """The first unit of the author's own words, from ``start`` (just under the header): past a standfirst of one
    paragraph that names the author in the third person and the heading under it ("Address by the President" /
    "Vladimir Putin addressed the Federal Assembly." / "The Kremlin, Moscow" / "Members of the Council, ...").
    The standfirst, or a lead-in that ends in a colon ("Here is the full text of the address X delivered:"), is
    the site's narration, not the author's words."""
    paragraph = None
    for i in range(start, min(len(units), start + STANDFIRST_UNITS + 1)):
        unit = units[i]
        if unit.kind is UnitKind.HEADING:
            if paragraph is not None:
                return i + 1
            continue  # more of the header: a byline, a place, a date
        if paragraph is None:
            said = text[unit.start : unit.end]
            if surname not in said or re.search(rf"\b{re.escape(surname)}\s+[a-z]+s\b", said) is not None:
                # the words under the header are the author's, or report the author's stand in the present
                # tense ("Ambassador X condemns ...", as GOV.UK's standfirsts do): the author's either way
                return start
            paragraph = unit.paragraph
        elif unit.paragraph != paragraph:
            # "Here is the full text of the address X delivered on Sunday:": a lead-in, then the speech; or a
            # standfirst, then the speech in quotation marks ('X spoke in parliament.' / '"Today we ...')
            lead_in = text[units[i - 1].start : units[i - 1].end].rstrip().endswith(":")
            return i if lead_in or text[unit.start : unit.start + 1] in _OPENING_MARKS else start
    return start


_TEXT_BELOW = re.compile(
    r"(?:The\s+|A\s+)?(?:full\s+)?(?:text|transcript)\s+of\s+[^.:\n]{3,120}?\s+"
    r"(?:is\s+(?:below|as\s+follows)|follows)\s*[.:]"
)
_INTRO_UNITS = 8
"""How far under the header an intro may say where the statement's text begins, in units that are no heading."""


def statement_start(document: Document, units: Sequence[UnitSpan]) -> int | None:
    """Index of the first unit of the author's own statement, or None when the document has no author: past the
    heading that names the author or the statement (and its standfirst), else from the author's own first tag
    ("President of Northland Karl Olsen: ...") in a transcript its header does not title, else the start; and
    in any case past an intro's "The full text of X's statement is below." or "A transcript ... follows:"."""
    start = _statement_start(document, units)
    if start is None:
        return None
    seen = 0  # the site's menu and header lines above the intro do not count
    for i in range(start, len(units)):
        unit = units[i]
        if unit.kind is UnitKind.HEADING:
            continue
        if unit.kind is UnitKind.CLAIM and _TEXT_BELOW.fullmatch(document.text, unit.start, unit.end):
            return i + 1
        seen += 1
        if seen >= _INTRO_UNITS:
            break
    return start


def _statement_start(document: Document, units: Sequence[UnitSpan]) -> int | None:
    if not document.author:
        return None
    surname = document.author.split()[-1]
    for i, unit in enumerate(units):
        if unit.kind is UnitKind.HEADING:
            heading = document.text[unit.start : unit.end]
            if surname in heading or _STATEMENT_HEADER.match(heading):
                return past_standfirst(document.text, units, i + 1, surname)
    titled = _past_title(document, units)
    if titled is not None:  # a title the segmenter read as prose ("Stress has a context. X's speech at ...")
        first, after = titled
        start = past_standfirst(document.text, units, after, surname)
        return start if start > after else first  # a title that quotes the speech is the author's words
    for i, unit in enumerate(units):
        opens = unit.kind is UnitKind.CLAIM and unit.start == unit.sentence[0]
        if opens and author_tag(document.text, unit.start, document.author):
            return i
        if opens and document.text[unit.sentence[1] - 1] == ":" and _FRAME.search(document.text, *unit.sentence):
            return i + 1  # "The below is attributable to Spokesperson X:": the site's frame, then X's words
    return 0


def author_tag(text: str, start: int, author: str | None) -> bool:
    """Whether the line at ``start`` opens with a tag that names the document's author ("... Karl Olsen: ...")."""
    colon = text.find(": ", start, start + 120) if author else -1
    tag = text[start:colon] if colon > 0 else "\n"
    return author is not None and "\n" not in tag and author.split()[-1] in tag


def _past_title(document: Document, units: Sequence[UnitSpan]) -> tuple[int, int] | None:
    """The first unit of the document's title and the first after it, where the title was cut into claims, not
    a heading; else None."""
    at = document.text.find(document.title) if document.title else -1
    if at < 0 or document.title is None:
        return None
    end = at + len(document.title)
    inside = [i for i, unit in enumerate(units) if at <= unit.start < end]
    if not any(units[i].kind is UnitKind.CLAIM for i in inside):
        return None
    return inside[0], inside[-1] + 1
