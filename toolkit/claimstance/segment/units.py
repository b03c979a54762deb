"""Units of a document: paragraphs, their kinds (dateline, heading, greeting, claim) and semicolon clauses.

A document is read line by line; a line that wraps into a lowercase continuation joins the line above it.
Blank lines and scraping noise lines (:func:`claimstance.lexicon.is_noise_line`) end a block and produce no
unit. A paragraph's leading dateline ("BAKU, 2 September 2024 –") is a unit of its own; a short line with no
closing punctuation is a heading, unless it is an "X: claim" headline; everything else is split into
sentences (:mod:`claimstance.segment.sentences`), and a sentence into clauses where a semicolon joins
independent claims. Greetings ("Ladies and gentlemen,") are units of their own kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimstance.lexicon import DAY_MONTH, is_noise_line
from claimstance.schema import Document, UnitKind
from claimstance.segment.sentences import split_sentences
from claimstance.segment.spans import Span, UnitSpan, inside_any, lstrip, quote_spans, trim
from claimstance.segment.speakers import headline_colon

_LEADING_MARKS = re.compile(r"[\s\-–—•*·]+")
_CAPS_PLACE = r"[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'\-]+(?:\s[A-Z][a-z'\-]+){0,2}"
_AGENCY = r"\([A-Za-z][\w .&/-]{0,30}\)"
_DATELINE = re.compile(
    rf"^(?:{_CAPS_PLACE}(?:,\s*{_TITLE_PLACE})?(?:,?\s*{DAY_MONTH})?(?:\s*{_AGENCY})?"
    rf"|{_TITLE_PLACE},\s*{DAY_MONTH}(?:\s*{_AGENCY})?)"
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
_INNER_BOUNDARY = re.compile(r"[.!?]\s+[A-Z]")
_INNER_STOP = re.compile(r"[.!?]\s")
_CLAUSE_SEMICOLON = re.compile(r";\s+")
MIN_CLAUSE_WORDS = 4
"""A semicolon splits a sentence only when both sides have at least this many words (independent claims)."""


def split_clauses(text: str, span: Span) -> list[Span]:
    """Split a sentence at semicolons that join independent claims (enough words on both sides, not quoted)."""
    quotes = quote_spans(text, span[0], span[1])
    pieces: list[Span] = []
    cursor = span[0]
    for m in _CLAUSE_SEMICOLON.finditer(text, span[0], span[1]):
        if inside_any(m.start(), quotes) or _in_brackets(text, span[0], m.start()):
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


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    block: int
    number: int


def _paragraphs(text: str) -> list[_Paragraph]:
    """Paragraphs of a document: lines, joined where a line wraps into a lowercase continuation.

    Blank lines and noise lines start a new block (the unit of continuation and context); noise lines
    (only dashes or bullets, a bare timestamp or site name, a navigation label) produce no paragraph at all.
    """
    paragraphs: list[_Paragraph] = []
    block = 0
    current: list[int] | None = None
    pos = 0
    n = len(text)
    while pos <= n:
        newline = text.find("\n", pos)
        line_end = n if newline < 0 else newline
        s, e = trim(text, pos, line_end)
        line = text[s:e]
        if s == e or is_noise_line(line):
            if current is not None:
                paragraphs.append(_Paragraph(current[0], current[1], block, len(paragraphs)))
                current = None
                block += 1
        elif current is not None and text[s].islower() and text[current[1] - 1] not in '.!?:;"”':
            current[1] = e
        else:
            if current is not None:
                paragraphs.append(_Paragraph(current[0], current[1], block, len(paragraphs)))
            current = [s, e]
        pos = line_end + 1
    if current is not None:
        paragraphs.append(_Paragraph(current[0], current[1], block, len(paragraphs)))
    return paragraphs


def _is_heading(text: str, start: int, end: int) -> bool:
    if "\n" in text[start:end] or text[end - 1] in _TERMINAL:
        return False
    first = text[start]
    if not (first.isupper() or first.isdigit()):
        return False
    line = text[start:end]
    return len(line.split()) <= 20 and _INNER_BOUNDARY.search(line) is None


def _is_greeting(text: str, span: Span) -> bool:
    unit = text[span[0] : span[1]]
    return len(unit.split()) <= 8 and (unit[-1] in ",.!:" or unit[-1].isalnum()) and bool(_GREETING.match(unit))


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
            units.append(UnitSpan(start, end, UnitKind.DATELINE, para.block, para.number, (start, end)))
            start = lstrip(text, end, para.end)
        line = text[start : para.end]
        if headline_colon(line) is not None and "\n" not in line and _INNER_STOP.search(line) is None:
            units.append(UnitSpan(start, para.end, UnitKind.CLAIM, para.block, para.number, (start, para.end)))
            continue
        if _is_heading(text, start, para.end):
            units.append(UnitSpan(start, para.end, UnitKind.HEADING, para.block, para.number, (start, para.end)))
            continue
        for sentence in split_sentences(text, start, para.end, fast=fast):
            if _is_greeting(text, sentence):
                units.append(UnitSpan(sentence[0], sentence[1], UnitKind.GREETING, para.block, para.number, sentence))
                continue
            for clause in split_clauses(text, sentence):
                units.append(UnitSpan(clause[0], clause[1], UnitKind.CLAIM, para.block, para.number, sentence))
    return units
