"""Units of a document: paragraphs, their kinds (dateline, heading, greeting, claim) and semicolon clauses.

A document is read line by line; a line that wraps into a lowercase continuation joins the line above it,
and so does a line of hard-wrapped wire copy whose first word would not have fitted on the line above
(:func:`_runs_on`). Blank lines and scraping noise lines (:func:`claimstance.lexicon.is_noise_line`) end a
block and produce no unit. A paragraph's leading dateline ("BAKU, 2 September 2024 –") is a unit of its own;
a short line with no closing punctuation is a heading, unless it is an "X: claim" headline or a transcript
turn; a line with no word at all (a currency ticker) is a heading too; everything else is split into
sentences (:mod:`claimstance.segment.sentences`), and a sentence into clauses where a semicolon joins
independent claims. A speaker's tag ("SECRETARY KERRY:") or a stage direction ("(Via interpreter)") before a
sentence is a heading of its own. Greetings ("Ladies and gentlemen,") are units of their own kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from claimstance.lexicon import DAY_MONTH, is_noise_line
from claimstance.schema import Document, UnitKind
from claimstance.segment.headlines import headline_colon
from claimstance.segment.sentences import split_sentences
from claimstance.segment.spans import Q_TURN, TURN_LABEL, Span, UnitSpan, inside_any, lstrip, quote_spans, rstrip, trim

_LEADING_MARKS = re.compile(r"[\s\-–—•*·]+")
_FIRST_WORD = re.compile(r"\S+")
_CAPS_DATELINE = re.compile(r"[A-Z][A-Z'.\-]{2,}(?:[ /][A-Z][A-Z'.\-]+){0,3},")
_LETTER = re.compile(r"[^\W\d_]{2}")
MIN_WRAP_WIDTH = 50
MAX_WRAP_WIDTH = 100
"""Wire copy is hard-wrapped at 60 to 80 characters: blocks of three lines or more whose median line is in this
range may be wrapped."""
_STAGE = re.compile(r"[\[(][^\])\n]{2,60}[\])](?:\s+(?=[A-Z“\"‘])|\s*$)")
"""A stage direction or editor's tag before a sentence: "(Via interpreter)", "[Ibrahim, speaking at ...]"."""
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


def _block_lines(text: str) -> list[list[Span] | None]:
    """The document's lines, trimmed, grouped into blocks (None stands for a blank or noise line)."""
    lines: list[Span | None] = []
    pos = 0
    n = len(text)
    while pos <= n:
        newline = text.find("\n", pos)
        line_end = n if newline < 0 else newline
        s, e = trim(text, pos, line_end)
        lines.append(None if s == e or is_noise_line(text[s:e]) else (s, e))
        pos = line_end + 1
    blocks: list[list[Span] | None] = []
    current: list[Span] = []
    for line in lines:
        if line is None:
            if current:
                blocks.append(current)
                current = []
            blocks.append(None)
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _runs_on(text: str, prev: Span, line: Span, width: int) -> bool:
    """Whether ``line`` continues the sentence of the line above it rather than starting a paragraph.

    A soft wrap: the line starts in lower case after a line that ends no sentence. A hard wrap (wire copy
    broken at a fixed width): the block is narrow, and the line's first word would not have fitted on the line
    above; a heading in capitals, a bullet, a speaker's tag or a dateline starts a line of its own.
    """
    if text[line[0]].islower() and text[prev[1] - 1] not in '.!?:;"”':
        return True
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return False
    first_word = _FIRST_WORD.match(text, line[0], line[1])
    fits = prev[1] - prev[0] + 1 + (first_word.end() - line[0] if first_word else 0) <= width
    if fits or text[prev[0] : prev[1]].isupper():
        return False
    own_line = _LEADING_MARKS, TURN_LABEL, _CAPS_DATELINE  # a bullet, a speaker's tag, "YEREVAN, Armenia:"
    return not any(pattern.match(text, line[0], line[1]) for pattern in own_line)


def _paragraphs(text: str) -> list[_Paragraph]:
    """Paragraphs of a document: lines, joined where a line runs on from the one above (soft or hard wrap).

    Blank lines and noise lines start a new block (the unit of continuation and context); noise lines
    (only dashes or bullets, a bare timestamp or site name, a navigation label) produce no paragraph at all.
    """
    paragraphs: list[_Paragraph] = []
    block = 0
    for lines in _block_lines(text):
        if lines is None:
            if paragraphs and paragraphs[-1].block == block:
                block += 1
            continue
        # The wrap width: the median line, as a few lines of a hard-wrapped page may run longer.
        width = sorted(e - s for s, e in lines)[len(lines) // 2] if len(lines) >= 3 else 0
        start, end = lines[0]
        for prev, line in pairwise(lines):
            if _runs_on(text, prev, line, width):
                end = line[1]
            else:
                paragraphs.append(_Paragraph(start, end, block, len(paragraphs)))
                start, end = line
        paragraphs.append(_Paragraph(start, end, block, len(paragraphs)))
    return paragraphs


def _is_heading(text: str, start: int, end: int) -> bool:
    if "\n" in text[start:end] or text[end - 1] in _TERMINAL:
        return False
    first = text[start]
    if not (first.isupper() or first.isdigit() or text.startswith("by ", start)):
        return False  # "by NATO Secretary General ..." completes a title on the line above
    line = text[start:end]
    return len(line.split()) <= 20 and _INNER_BOUNDARY.search(line) is None


def is_greeting(text: str, span: Span) -> bool:
    """Whether ``span`` is a greeting ("Ladies and gentlemen,", "Good morning."): a unit of its own kind."""
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
        tagged = TURN_LABEL.match(line) is not None  # "QUESTION: But they're saying ..." is a turn, not a title
        if not _LETTER.search(line):  # "$ 1.7", "14:05": a ticker or a number, no text to label
            units.append(UnitSpan(start, para.end, UnitKind.HEADING, para.block, para.number, (start, para.end)))
            continue
        if not tagged and headline_colon(line) is not None and "\n" not in line and _INNER_STOP.search(line) is None:
            units.append(UnitSpan(start, para.end, UnitKind.CLAIM, para.block, para.number, (start, para.end)))
            continue
        if not tagged and _is_heading(text, start, para.end):
            units.append(UnitSpan(start, para.end, UnitKind.HEADING, para.block, para.number, (start, para.end)))
            continue
        for sentence in split_sentences(text, start, para.end, fast=fast):
            tag = TURN_LABEL.match(text, sentence[0], sentence[1]) or _STAGE.match(text, sentence[0], sentence[1])
            if tag is None and sentence[0] == start and text.startswith("Q", start):
                tag = Q_TURN.match(text, sentence[0], sentence[1])
            while tag is not None:  # "SECRETARY KERRY:", "(Via interpreter)": a heading before the sentence
                label_end = rstrip(text, sentence[0], tag.end())
                units.append(UnitSpan(sentence[0], label_end, UnitKind.HEADING, para.block, para.number, sentence))
                sentence = (lstrip(text, tag.end(), sentence[1]), sentence[1])
                tag = _STAGE.match(text, sentence[0], sentence[1]) if sentence[0] < sentence[1] else None
            if sentence[0] >= sentence[1]:
                continue
            if is_greeting(text, sentence):
                units.append(UnitSpan(sentence[0], sentence[1], UnitKind.GREETING, para.block, para.number, sentence))
                continue
            for clause in split_clauses(text, sentence):
                units.append(UnitSpan(clause[0], clause[1], UnitKind.CLAIM, para.block, para.number, sentence))
    return units
