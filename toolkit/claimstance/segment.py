"""Segment stage: cut a Document into claim-sized units, each with its kind and speaker.

A unit is one sentence, or one clause where a semicolon joins independent claims. Sentence boundaries come
from pysbd (extended with a few news abbreviations) and are then corrected where pysbd is known to go
wrong for this material:

* ``word.Word`` (a missing space after a full stop) is split; e-mail addresses, URLs and domains are not;
* a boundary inside a quotation is removed, and a quote keeps its ``"...," X said`` tail;
* every unit is mapped back to exact offsets: ``document.text[char_start:char_end] == text`` always.

pysbd is slow (~0.4 MB/s), so it only sees the stretches of a paragraph that hold an ambiguous full stop
(an abbreviation, an initial, a number, a quote or bracket); everywhere else a full stop after a plain word
followed by a capital is a boundary pysbd would also draw. ``split_sentences(..., fast=False)`` runs pysbd
on every paragraph; tests and the benchmark check that both give the same boundaries.

Greetings, headings and datelines become units of a non-claim ``kind``; scraping noise lines (dashes, bare
timestamps) become no unit at all. Speakers come from :mod:`claimstance.speakers`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.english import English
from pysbd.processor import Processor

from claimstance.schema import ClaimUnit, Document, Speaker, UnitKind, stable_id
from claimstance.speakers import UnitSpan, attribute, headline_colon, quote_spans

Span = tuple[int, int]

EXTRA_ABBREVIATIONS = ("incl", "approx", "appr", "mln", "mn", "bn", "bln", "thsd", "est", "ca")
"""Abbreviations news texts use that pysbd's English list lacks."""
NEVER_FINAL_ABBREVIATIONS = ("incl", "approx", "appr", "ca")
"""Of those, the ones that never end a sentence (so a capital after them starts no new one)."""


class _NewsEnglish(English):
    """pysbd's English rules with the extra abbreviations."""

    class Abbreviation(English.Abbreviation):  # type: ignore[misc]
        ABBREVIATIONS = [*English.Abbreviation.ABBREVIATIONS, *EXTRA_ABBREVIATIONS]
        PREPOSITIVE_ABBREVIATIONS = [*English.Abbreviation.PREPOSITIVE_ABBREVIATIONS, *NEVER_FINAL_ABBREVIATIONS]


_ABBREVIATIONS = frozenset(a for a in _NewsEnglish.Abbreviation.ABBREVIATIONS if "." not in a)
_EXCLAMATION_WORDS = frozenset(w.rstrip("!") for w in ExclamationWords.EXCLAMATION_WORDS)

# A terminator after a plain word, then one space run and a capital: where pysbd always splits, unless the
# word is an abbreviation or the stop sits inside quotes or brackets (both checked in _fast_cuts).
_CANDIDATE = re.compile(r"(?<=[A-Za-z])([.!?])(\s+)(?=[A-Z])")
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Za-z]+(?:[-'’][A-Za-z]+)*)$")
# Anything that makes pysbd's answer less obvious than "one sentence": a stop, bracket, list marker, quote.
_NEEDS_PYSBD = re.compile(r"[.!?)\]•⁃;]|--|\s'|‘")
_WORD_DOT_WORD = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_TOKEN_AROUND = re.compile(r"\S+$")
_TOKEN_AFTER = re.compile(r"^\S+")

_NOISE_LINE = re.compile(
    r"^[\s\-–—•*·_=~|#.]*$"
    r"|^[\s\-–—•*·]*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})(?:,?\s*\d{1,2}:\d{2})?\s*$"
    r"|^[\s\-–—•*·]*\d{1,2}:\d{2}\s*$"
)
_BULLET_MENU = re.compile(r"^\s*[-–—•*·]\s*\w+(?:\s+\w+){0,2}\s*$")
_LEADING_MARKS = re.compile(r"^[\s\-–—•*·]+")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
_CAPS_PLACE = r"[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'\-]+(?:\s[A-Z][a-z'\-]+){0,2}"
_AGENCY = r"\([A-Za-z][\w .&/-]{0,30}\)"
_DATELINE = re.compile(
    rf"^(?:{_CAPS_PLACE}(?:,\s*{_TITLE_PLACE})?(?:,?\s*{_DATE})?(?:\s*{_AGENCY})?"
    rf"|{_TITLE_PLACE},\s*{_DATE}(?:\s*{_AGENCY})?)"
    r"\s*[-–—]{1,2}(?=\s+\S)"
)
_GREETING = re.compile(
    r"^(?:(?:my\s+)?dear\b|distinguished\b|esteemed\b|honou?rable\b|respected\b|excellenc(?:y|ies)\b"
    r"|your\s+(?:excellency|majesty|highness)\b|ladies\s+and\s+gentlemen\b|good\s+(?:morning|afternoon|evening)\b"
    r"|hello\b|greetings\b|welcome\b"
    r"|(?:mr|madam|madame|mrs|ms)\.?\s+(?:president|chairman|chairwoman|speaker|secretary|prime\s+minister"
    r"|minister|ambassador)\s*[,!.:]?$)",
    re.IGNORECASE,
)
_TERMINAL = frozenset(".!?;:,\"”'’»)…")
_ATTRIBUTION_TAIL = re.compile(
    r"^[-–—]?\s*(?:(?:[A-Z][\w'’.-]*|the|a|an|he|she|they|it|we)\s+){0,6}?"
    r"(?:also\s+|further\s+|then\s+|later\s+)?"
    r"(?:said|says|added|adds|noted|stressed|told|wrote|stated|concluded|emphasi[sz]ed|explained|asked|replied)"
    r"\b[^.!?]{0,80}[.!?]?$"
)
_CLAUSE_SEMICOLON = re.compile(r";\s+")
MIN_CLAUSE_WORDS = 4
"""A semicolon splits a sentence only when both sides have at least this many words (independent claims)."""


# --------------------------------------------------------------------------------------------- sentences


@lru_cache(maxsize=1)
def _language() -> Any:
    return _NewsEnglish


def _pysbd_sentences(text: str) -> list[str]:
    # The Processor, not Segmenter.segment: the latter re-finds every sentence with a regex over the whole
    # text (quadratic) and silently drops sentences it cannot find again.
    result = Processor(text, _language()).process()
    return list(result) if result else []


def _align(text: str, start: int, end: int, sentences: Sequence[str]) -> list[int]:
    """Offsets in ``text`` where each of ``sentences`` (pysbd's output for text[start:end]) ends.

    pysbd strips and occasionally re-spaces its sentences, so they are matched character by character
    while skipping whitespace on both sides; a sentence that cannot be matched ends the alignment (the rest
    of the stretch stays one sentence: boundaries are lost, never text).
    """
    ends: list[int] = []
    pos = start
    for sentence in sentences:
        i = pos
        ok = True
        for ch in sentence:
            if ch.isspace():
                continue
            while i < end and text[i].isspace():
                i += 1
            if i >= end or text[i] != ch:
                ok = False
                break
            i += 1
        if not ok:
            break
        if i > pos:
            ends.append(i)
            pos = i
    return ends


def _fast_cuts(text: str, start: int, end: int) -> list[int]:
    """Positions (just past a terminator) where pysbd would certainly split text[start:end]."""
    cuts: list[int] = []
    chunk_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        stop = m.start(1)
        mark = m.group(1)
        word = _WORD_BEFORE.search(text, chunk_start, stop)
        if word is None:
            continue
        token = word.group(1)
        if len(token) < 2 or token.lower() in _ABBREVIATIONS:
            continue
        if mark == "!" and token in _EXCLAMATION_WORDS:
            continue
        if not _balanced(text, chunk_start, stop):
            continue
        cuts.append(stop + 1)
        chunk_start = m.end()
    return cuts


def _balanced(text: str, start: int, end: int) -> bool:
    """No quote or bracket is left open in text[start:end] (so a stop at ``end`` is outside them)."""
    s = text[start:end]
    return (
        s.count('"') % 2 == 0
        and s.count("“") == s.count("”")
        and s.count("«") == s.count("»")
        and s.count("(") == s.count(")")
        and s.count("[") == s.count("]")
        and "‘" not in s
        and " '" not in s
        and "--" not in s
    )


def _needs_pysbd(text: str, start: int, end: int) -> bool:
    body_end = end
    while body_end > start and text[body_end - 1] in ".!?":
        body_end -= 1
    return _NEEDS_PYSBD.search(text, start, body_end) is not None


def _pysbd_ends(text: str, start: int, end: int) -> list[int]:
    ends = _align(text, start, end, _pysbd_sentences(text[start:end]))
    if not ends or ends[-1] < _rstrip(text, start, end):
        ends.append(end)
    return ends


def _raw_sentence_ends(text: str, start: int, end: int, fast: bool) -> list[int]:
    if not fast:
        return _pysbd_ends(text, start, end)
    ends: list[int] = []
    chunk_start = start
    for cut in [*_fast_cuts(text, start, end), end]:
        if _needs_pysbd(text, chunk_start, cut):
            ends.extend(_pysbd_ends(text, chunk_start, cut))
        else:
            ends.append(cut)
        chunk_start = cut
    return ends


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _trim(text: str, start: int, end: int) -> Span:
    start = _lstrip(text, start, end)
    return start, _rstrip(text, start, end)


def _word_dot_word(text: str, span: Span) -> list[int]:
    """Split points for ``word.Word`` (a lost space), not inside e-mails, URLs, domains or quotes."""
    points: list[int] = []
    for m in _WORD_DOT_WORD.finditer(text, span[0], span[1]):
        before = _TOKEN_AROUND.search(text, span[0], m.start())
        after = _TOKEN_AFTER.search(text[m.end() : span[1]])
        token = (before.group() if before else "") + text[m.start()] + (after.group() if after else "")
        if "@" in token or "/" in token or "www" in token.lower() or token.count(".") > 1:
            continue
        points.append(m.end())
    return points


def _inside_any(position: int, spans: Sequence[Span]) -> bool:
    return any(a < position < b for a, b in spans)


def _is_attribution_tail(text: str, span: Span) -> bool:
    words = text[span[0] : span[1]].split()
    return len(words) <= 10 and _ATTRIBUTION_TAIL.match(text, span[0], span[1]) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None, *, fast: bool = True) -> list[Span]:
    """Sentence spans of one paragraph ``text[start:end]``, trimmed, in order, never overlapping.

    pysbd's boundaries (through the fast path unless ``fast=False``), then: ``word.Word`` split, no boundary
    inside a quotation, a quotation kept with an ``X said`` tail after it.
    """
    stop = len(text) if end is None else end
    start, stop = _trim(text, start, stop)
    if start >= stop:
        return []
    ends = _raw_sentence_ends(text, start, stop, fast)
    spans: list[Span] = []
    prev = start
    for e in ends:
        s, t = _trim(text, prev, e)
        if s < t:
            spans.append((s, t))
        prev = e
    # word.Word: pysbd protects "x.Y" as if it were an abbreviation or a domain.
    split: list[Span] = []
    for span in spans:
        cursor = span[0]
        for point in _word_dot_word(text, span):
            split.append(_trim(text, cursor, point))
            cursor = point
        split.append(_trim(text, cursor, span[1]))
    quotes = quote_spans(text, start, stop)
    merged: list[Span] = []
    for span in split:
        if merged and (
            _inside_any(span[0], quotes)
            or (text[merged[-1][1] - 1] in "\"”»'’" and _is_attribution_tail(text, span))
            or (text[span[0]].islower() and text[merged[-1][1] - 1] in "\"”»")
        ):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def split_clauses(text: str, span: Span) -> list[Span]:
    """Split a sentence at semicolons that join independent claims (enough words on both sides, not quoted)."""
    quotes = quote_spans(text, span[0], span[1])
    pieces: list[Span] = []
    cursor = span[0]
    for m in _CLAUSE_SEMICOLON.finditer(text, span[0], span[1]):
        if _inside_any(m.start(), quotes) or _in_brackets(text, span[0], m.start()):
            continue
        left = text[cursor : m.start()].split()
        right = text[m.end() : span[1]].split()
        if len(left) >= MIN_CLAUSE_WORDS and len(right) >= MIN_CLAUSE_WORDS:
            pieces.append((cursor, m.start() + 1))
            cursor = m.end()
    pieces.append((cursor, span[1]))
    return pieces


def _in_brackets(text: str, start: int, end: int) -> bool:
    s = text[start:end]
    return s.count("(") > s.count(")") or s.count("[") > s.count("]")


# --------------------------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    block: int


def _paragraphs(text: str) -> list[_Paragraph]:
    """Paragraphs of a document: lines, joined where a line wraps into a lowercase continuation.

    Blank lines and noise lines start a new block (the unit of continuation and context); noise lines
    (only dashes or bullets, a bare timestamp, a short bullet menu item) produce no paragraph at all.
    """
    paragraphs: list[_Paragraph] = []
    block = 0
    current: list[int] | None = None
    pos = 0
    n = len(text)
    while pos <= n:
        newline = text.find("\n", pos)
        line_end = n if newline < 0 else newline
        s, e = _trim(text, pos, line_end)
        line = text[s:e]
        if s == e or _NOISE_LINE.match(line) or _BULLET_MENU.match(line):
            if current is not None:
                paragraphs.append(_Paragraph(current[0], current[1], block))
                current = None
                block += 1
        elif current is not None and text[s].islower() and text[current[1] - 1] not in ".!?:;\"”":
            current[1] = e
        else:
            if current is not None:
                paragraphs.append(_Paragraph(current[0], current[1], block))
            current = [s, e]
        pos = line_end + 1
    if current is not None:
        paragraphs.append(_Paragraph(current[0], current[1], block))
    return paragraphs


def _is_heading(text: str, start: int, end: int) -> bool:
    if "\n" in text[start:end] or text[end - 1] in _TERMINAL:
        return False
    first = text[start]
    if not (first.isupper() or first.isdigit()):
        return False
    line = text[start:end]
    return len(line.split()) <= 20 and re.search(r"[.!?]\s+[A-Z]", line) is None


def _is_greeting(text: str, span: Span) -> bool:
    unit = text[span[0] : span[1]]
    return len(unit.split()) <= 8 and unit[-1] in ",.!:" + unit[-1:].strip(",.!:;?") and bool(_GREETING.match(unit))


def unit_spans(document: Document, *, fast: bool = True) -> list[UnitSpan]:
    """Every unit of a document as spans with their kind, before speakers are attached (pure)."""
    text = document.text
    units: list[UnitSpan] = []
    for para in _paragraphs(text):
        marks = _LEADING_MARKS.match(text, para.start, para.end)
        start = marks.end() if marks else para.start
        if start >= para.end:
            continue
        dateline = _DATELINE.match(text[start : para.end])
        if dateline:
            end = start + dateline.end()
            units.append(UnitSpan(start, end, UnitKind.DATELINE, para.block, (start, end)))
            start = _lstrip(text, end, para.end)
        line = text[start : para.end]
        if headline_colon(line, text) is not None and "\n" not in line and re.search(r"[.!?]\s", line) is None:
            units.append(UnitSpan(start, para.end, UnitKind.CLAIM, para.block, (start, para.end)))
            continue
        if _is_heading(text, start, para.end):
            units.append(UnitSpan(start, para.end, UnitKind.HEADING, para.block, (start, para.end)))
            continue
        for sentence in split_sentences(text, start, para.end, fast=fast):
            if _is_greeting(text, sentence):
                units.append(UnitSpan(sentence[0], sentence[1], UnitKind.GREETING, para.block, sentence))
                continue
            for clause in split_clauses(text, sentence):
                units.append(UnitSpan(clause[0], clause[1], UnitKind.CLAIM, para.block, sentence))
    return units


def _context(text: str, units: Sequence[UnitSpan], i: int) -> str:
    """From the start of the previous unit to the end of the next one, within the same block."""
    unit = units[i]
    start, end = unit.start, unit.end
    if i > 0 and units[i - 1].block == unit.block:
        start = units[i - 1].start
    if i + 1 < len(units) and units[i + 1].block == unit.block:
        end = units[i + 1].end
    return text[start:end]


def segment(document: Document) -> Iterator[ClaimUnit]:
    """Cut one document into claim units with kinds, speakers, exact offsets and context (pure).

    ``document.text[u.char_start:u.char_end] == u.text`` for every unit; units are in order and never
    overlap; ids are ``<doc id>-<hash of text>`` with ``-2``, ``-3`` for repeated text in the document.
    """
    text = document.text
    units = unit_spans(document)
    speakers = attribute(document, units)
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


def _segment_batch(documents: list[Document]) -> list[ClaimUnit]:
    return [unit for document in documents for unit in segment(document)]


BATCH_CHARS = 256 * 1024
"""Characters of document text sent to a worker at a time (large enough to amortise pickling)."""


def _batches(documents: Iterable[Document], max_chars: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    size = 0
    for document in documents:
        batch.append(document)
        size += len(document.text)
        if size >= max_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def segment_documents(documents: Iterable[Document], workers: int = 1) -> Iterator[ClaimUnit]:
    """Segment a stream of documents, in order, with ``workers`` processes when more than one.

    Streams with bounded memory: at most ``2 * workers`` batches of about ``BATCH_CHARS`` characters are
    in flight, however long the input is.
    """
    if workers <= 1:
        for document in documents:
            yield from segment(document)
        return
    import multiprocessing

    # spawn, not fork: the caller may run threads (a progress bar), and a forked lock would hang a worker.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[ClaimUnit]]] = deque()
        for batch in _batches(documents, BATCH_CHARS):
            pending.append(pool.submit(_segment_batch, batch))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
