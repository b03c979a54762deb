"""Spans of a document's text: trimmed offsets, matched quotations, and the units the segmenter cuts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimstance.schema import UnitKind

Span = tuple[int, int]

ASKERS = frozenset(["questioner", "Reporter", "Journalist", "Correspondent", "reporter", "journalist", "correspondent"])
"""The names a questioner's turn takes: "questioner" for "Question:", else the tag's own noun ("Reporter:")."""
TURN_LABEL = re.compile(
    r"(?:(?:[A-Z][A-Z.'’\-]+|[A-Z]\.?)\s+){0,4}(?:(?:Ma?c)?[A-Z][A-Z.'’\-]+|Q|A):(?=\s|$|[A-Z“\"‘][\s\w’'])"
)
"""A transcript's speaker tag: "SECRETARY KERRY:", "QUESTION:", "MR. PRICE:", "Q:", "A:", also run together with
the turn's first word as scraped pages do ("JANE DOE:I have ...")."""
Q_TURN = re.compile(r"Q(?=[ \t]+[A-Z“\"])")
"""A question's tag without a colon, as White House transcripts write it: "Q Mr. President, will you ..."."""


@dataclass(frozen=True)
class UnitSpan:
    """A unit as the segmenter cut it: span, kind, blank-line block, paragraph, and the sentence it is part of."""

    start: int
    end: int
    kind: UnitKind
    block: int
    paragraph: int
    sentence: Span


def lstrip(text: str, start: int, end: int) -> int:
    """The first offset of ``text[start:end]`` that is not whitespace (``end`` if there is none)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def rstrip(text: str, start: int, end: int) -> int:
    """Just past the last offset of ``text[start:end]`` that is not whitespace (``start`` if there is none)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def opens_line(text: str, start: int) -> bool:
    """Whether ``start`` is the first offset of a line of ``text``."""
    return start == 0 or text[start - 1] == "\n"


def own_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole line of ``text``."""
    return opens_line(text, start) and (end == len(text) or text[end] == "\n")


def trim(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` without the whitespace around it, as offsets."""
    start = lstrip(text, start, end)
    return start, rstrip(text, start, end)


def inside_any(position: int, spans: Sequence[Span]) -> bool:
    """Whether ``position`` lies strictly inside one of ``spans``."""
    return any(a < position < b for a, b in spans)


_QUOTE_CHARS = re.compile(r"[“”„«»\"]")
_QUOTE_CHARS_SINGLE = re.compile(r"[“”„«»\"‘’]")  # only where a ‘ opens one: a ’ is mostly an apostrophe


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans (from the opening mark to just past the closing one) of the matched quotations.

    Double quotes and curly single ones (‘...’; a ’ before a letter is an apostrophe). Curly quotes pair by
    direction, straight quotes by position (an opener follows a space or bracket);
    a curly closer also closes any straight quote left open inside it (or a straight opener, when no curly
    one is open: pages mix the two), and unmatched marks are ignored,
    so a stray quote never swallows the rest of a paragraph.
    """
    stop = len(text) if end is None else end
    return [(start + a, start + b) for a, b in _quote_spans(text[start:stop])]


# The segmenter asks for the quotations of the same sentence several times (clauses, speakers, first person):
# they are a pure function of its text, kept in a bounded cache.
@lru_cache(maxsize=4096)
def _quote_spans(text: str) -> tuple[Span, ...]:
    start, stop = 0, len(text)
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []
    chars = _QUOTE_CHARS_SINGLE if text.find("‘", start, stop) >= 0 else _QUOTE_CHARS
    for m in chars.finditer(text, start, stop):
        i, ch = m.start(), m.group()
        if ch in "“„«‘":
            stack.append((i, ch))
        elif ch == "’":
            # a closing single quote, unless it is an apostrophe ("don’t", "Azerbaijan’s")
            nxt = text[i + 1] if i + 1 < stop else " "
            found = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == "‘"), None)
            if found is not None and not nxt.isalnum():
                spans.append((stack[found][0], i + 1))
                del stack[found:]
        elif ch in "”»":
            wanted = "«" if ch == "»" else "“„"
            found = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] in wanted), None)
            if found is None and ch == "”":
                # '"We are ready," he said' typed with a straight opener and a curly closer
                found = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == '"'), None)
            if found is not None:
                spans.append((stack[found][0], i + 1))
                del stack[found:]
        else:
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < stop else " "
            opener = (prev.isspace() or prev in "([{—–-/“„«") and not nxt.isspace()
            closer_index = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == '"'), None)
            if opener or closer_index is None:
                if not nxt.isspace():
                    stack.append((i, ch))
            else:
                spans.append((stack[closer_index][0], i + 1))
                del stack[closer_index:]
    spans.sort()
    return tuple(spans)


def mask_quotes(text: str, quotes: Sequence[Span], offset: int) -> str:
    """``text`` with the inside of every quotation replaced by NULs (cues inside quotes do not count)."""
    if not quotes:
        return text
    chars = list(text)
    for a, b in quotes:
        for k in range(max(a - offset + 1, 0), min(b - offset - 1, len(chars))):
            chars[k] = "\x00"
    return "".join(chars)
