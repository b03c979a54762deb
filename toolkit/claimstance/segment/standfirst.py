"""Where a transcript's own words begin under its header: past a standfirst that tells of the author (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from claimstance.schema import UnitKind
from claimstance.segment.spans import UnitSpan

STANDFIRST_UNITS = 3
"""A standfirst is a sentence or three between the transcript's header and the next heading."""


def past_standfirst(text: str, units: Sequence[UnitSpan], start: int, surname: str) -> int:
    """The first unit of the author's own words, from ``start`` (just under the header): past a standfirst of one
    paragraph that names the author in the third person and the heading under it ("Address by the President" /
    "Vladimir Putin addressed the Federal Assembly." / "The Kremlin, Moscow" / "Members of the Council, ...").
    The standfirst is the site's narration, not the author's words."""
    paragraph = None
    for i in range(start, min(len(units), start + STANDFIRST_UNITS + 1)):
        unit = units[i]
        if unit.kind is UnitKind.HEADING:
            return i + 1 if paragraph is not None else start
        if paragraph is None:
            if surname not in text[unit.start : unit.end]:
                return start  # the words under the header do not tell of the author: they are the author's
            paragraph = unit.paragraph
        elif unit.paragraph != paragraph:
            return start
    return start
