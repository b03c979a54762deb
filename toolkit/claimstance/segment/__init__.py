"""Segment stage: cut a Document into claim-sized units, each with its kind and speaker.

A unit is one sentence, or one clause where a semicolon joins independent claims; greetings, headings and
datelines become units of a non-claim ``kind``, and scraping noise lines become no unit at all
(:mod:`claimstance.segment.units`). Sentence boundaries come from pysbd behind a fast path
(:mod:`claimstance.segment.sentences`); speakers from :mod:`claimstance.segment.speakers`, with reporting
cues from :mod:`claimstance.segment.cues`, names from :mod:`claimstance.segment.names` and the check every
name passes from :mod:`claimstance.segment.validate`. Every unit is mapped back to exact offsets:
``document.text[char_start:char_end] == text`` always.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from claimstance.schema import ClaimUnit, Document, stable_id
from claimstance.segment.spans import UnitSpan
from claimstance.segment.speakers import attribute
from claimstance.segment.tags import cut_tags
from claimstance.segment.units import unit_spans


def _context(text: str, units: Sequence[UnitSpan], i: int) -> str:
    """From the start of the previous unit to the end of the next one, within the same block."""
    unit = units[i]
    start, end = unit.start, unit.end
    if i > 0 and units[i - 1].block == unit.block:
        start = units[i - 1].start
    if i + 1 < len(units) and units[i + 1].block == unit.block:
        end = units[i + 1].end
    return text[start:end]


def _curly(document: Document) -> Document:
    """The document as the speakers are read from it: the Congressional Record's typewriter quotes (``U.S. policy
    ...'') as curly ones, two for two so every offset stays; the units are cut from the page's own text."""
    if "``" not in document.text and "''" not in document.text:
        return document  # also a straight opener closed the typewriter way: '"for a year now'''
    return document.model_copy(update={"text": document.text.replace("``", "““").replace("''", "””")})


def segment(document: Document, *, rejected: Counter[str] | None = None) -> Iterator[ClaimUnit]:
    """Cut one document into claim units with kinds, speakers, exact offsets and context (pure).

    ``document.text[u.char_start:u.char_end] == u.text`` for every unit; units are in order and never
    overlap; ids are ``<doc id>-<hash of text>`` with ``-2``, ``-3`` for repeated text in the document.
    ``rejected``, when given, counts the speaker names the validation step refused, by reason.
    """
    text = document.text
    units = unit_spans(document)
    tagged: list[int] = []  # the units a mixed-case tag heads ("Jane Doe: ..."): cut off once speakers are known
    units, speakers = cut_tags(document, units, attribute(_curly(document), units, rejected, tagged), tagged)
    seen: dict[str, int] = {}
    for i, (unit, speaker) in enumerate(zip(units, speakers, strict=True)):
        unit_text = text[unit.start : unit.end]
        base = f"{document.id}-{stable_id(unit_text, length=10)}"
        seen[base] = seen.get(base, 0) + 1
        yield ClaimUnit(
            id=base if seen[base] == 1 else f"{base}-{seen[base]}",
            doc_id=document.id,
            index=i,
            text=unit_text,
            char_start=unit.start,
            char_end=unit.end,
            context=_context(text, units, i),
            speaker=speaker,
            kind=unit.kind,
        )


def segment_documents(documents: Iterable[Document]) -> Iterator[ClaimUnit]:
    """Segment a stream of documents in order, one at a time (memory does not grow with the stream).

    Several processes or machines: :mod:`claimstance.pipeline` runs :func:`segment` as a datatrove step.
    """
    for document in documents:
        yield from segment(document)
