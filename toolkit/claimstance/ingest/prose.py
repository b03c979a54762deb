"""Whether a page's line is prose or a headline: the body of an item starts at its first line of prose (a line
that ends a sentence, holds a sentence end, or is long), unless a kicker, a quoted headline or a ticker's columns
make it a headline (pure; :mod:`claimstance.ingest` cuts items with it)."""

from __future__ import annotations

import re

from claimstance.ingest.headers import INITIALS_END, LONG_TITLE_CHARS, MAX_TITLE_CHARS, title_cased
from claimstance.ingest.issuers import quoted_headline
from claimstance.ingest.lines import Line
from claimstance.ingest.styles import PLACE_LINE

# a sentence's end, not a title's abbreviation ("The Hon. Jane Doe, MP" is a name block)
_PROSE_END = re.compile(r"[.!?…][\"”»'’)\]]*$|[a-z]{2}(?<!\bHon)(?<!\bRev)[.!?][\"”]?\s+[A-Z]")
_SHORT_HEAD = 100


def is_prose(raw: str, line: Line) -> bool:
    """Whether a text line is prose (it ends a sentence, holds a sentence end, or is long), not a headline."""
    length = line.end - line.start
    if length > MAX_TITLE_CHARS and _columns(raw, line):
        return False
    if length > LONG_TITLE_CHARS:
        return True
    initials = length <= _SHORT_HEAD and raw[line.end - 1] == "." and raw[line.end - 3] == "."
    if initials and INITIALS_END.fullmatch(raw, line.start, line.end) is not None:
        return False  # "Vote results announced in Washington, D.C.": a headline ends on a place's initials
    if _PROSE_END.search(raw, line.start, line.end) is not None:
        if length <= MAX_TITLE_CHARS and (_kicker(raw, line) or quoted_headline(raw, line.start, line.end)):
            return False
        return line.short is None or PLACE_LINE.fullmatch(line.short) is None  # "Washington, D.C." is a place
    # long, unless a Title Case headline ends without a full stop
    return length > MAX_TITLE_CHARS and not title_cased(raw[line.start : line.end])


_SENTENCE_END = frozenset(".!?…:;,\"”»'’)]")


def _kicker(raw: str, line: Line) -> bool:
    """Whether a short line that holds a sentence end is a headline with a kicker ("Tension has a cause. The Prime
    Minister's speech in Parliament"): it does not end a sentence and a blank line sets it apart (a hard-wrapped
    line runs on into the next line; a headline stands alone)."""
    if raw[line.end - 1] in _SENTENCE_END or not raw[line.end - 1].isalnum():
        return False
    newline = raw.find("\n", line.end)
    after = raw.find("\n", newline + 1) if newline >= 0 else -1
    return after >= 0 and not raw[newline + 1 : after].strip()


_COLUMN_GAP = re.compile(r" {12,}")
"""Columns laid out with spaces: a ticker's items on one line, each with a wide gap after it."""


def _columns(raw: str, line: Line) -> bool:
    """Whether a long line is a ticker's or a table's columns set apart by wide gaps, each headline-like (no
    sentence end): "1,577 days since the incident - no answer<many spaces>1,569 days since ... - no answer"."""
    text = raw[line.start : line.end]
    if "            " not in text:
        return False
    pieces = _COLUMN_GAP.split(text)
    return len(pieces) > 1 and all(len(p) <= MAX_TITLE_CHARS and _PROSE_END.search(p) is None for p in pieces)
