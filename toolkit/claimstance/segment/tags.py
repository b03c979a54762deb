"""A turn's tag in mixed case, cut off the turn's first unit as a heading of its own.

:mod:`claimstance.segment.units` cuts a tag in capitals ("MS. DOE:") off its sentence without knowing the
page's names. A tag in mixed case ("Jane Doe: Thank you, Chair.", "Berg, Northland Daily: Will you ...?") looks
like a headline's "X: claim", a label's "Note: ..." or a clause's "Turnout was high: ...", so whether it is a tag
is the speakers' decision (:func:`claimstance.segment.turns.inline_tag`, :func:`~claimstance.segment.turns.line_tag`:
a name or office heading a paragraph, the words after it running on as a turn). The cut is made after
attribution, on the claim units that opened a turn by their tag: the tag becomes a heading unit (the outlet's,
as a tag in capitals is), and the claim starts where the speaker's own words do.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimstance.schema import Attribution, Document, Speaker, UnitKind
from claimstance.segment.spans import UnitSpan, lstrip, rstrip
from claimstance.segment.turns import after_tag
from claimstance.segment.units import is_greeting


def cut_tags(
    document: Document, units: Sequence[UnitSpan], speakers: Sequence[Speaker], tagged: Sequence[int]
) -> tuple[list[UnitSpan], list[Speaker]]:
    """The units and their speakers with the tag that heads each ``tagged`` unit cut off as a heading unit.

    A greeting after the tag ("Jane Doe: Good morning.") is a greeting unit, as after a tag in capitals.
    """
    if not tagged:
        return list(units), list(speakers)
    text = document.text
    narrator = Speaker(name=document.source, attribution=Attribution.AUTHOR)
    cut = set(tagged)
    new_units: list[UnitSpan] = []
    new_speakers: list[Speaker] = []
    for i, (unit, speaker) in enumerate(zip(units, speakers, strict=True)):
        end = after_tag(text, unit.start, unit.sentence[1]) if i in cut else unit.start
        start = lstrip(text, end, unit.end)
        if unit.start < end and start < unit.end:  # a tag, with the speaker's words after it in this unit
            label = UnitSpan(
                unit.start, rstrip(text, unit.start, end), UnitKind.HEADING, unit.block, unit.paragraph, unit.sentence
            )
            new_units.append(label)
            new_speakers.append(narrator)
            sentence = (start, unit.sentence[1])
            whole = unit.end == unit.sentence[1]  # a sentence not cut at a semicolon may be a greeting
            kind = UnitKind.GREETING if whole and is_greeting(text, sentence) else unit.kind
            unit = UnitSpan(start, unit.end, kind, unit.block, unit.paragraph, sentence)
        new_units.append(unit)
        new_speakers.append(speaker)
    return new_units, new_speakers
