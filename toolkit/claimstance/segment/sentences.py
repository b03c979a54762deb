"""Sentence boundaries: pysbd with a few news abbreviations, behind a fast path, with the boundaries fixed.

Sentence boundaries come from pysbd (extended with a few news abbreviations) and are then corrected where
pysbd is known to go wrong for this material:

* ``word.Word`` (a missing space after a full stop) is split; e-mail addresses, URLs and domains are not;
* a boundary inside a quotation is removed, and a quote keeps its ``"...," X said`` tail;
* every sentence is mapped back to exact offsets in the paragraph's text.

pysbd is slow (~0.4 MB/s), so it only sees the stretches of a paragraph that hold an ambiguous full stop
(an abbreviation, an initial, a number, a quote or bracket); everywhere else a full stop after a plain word
followed by a capital is a boundary pysbd would also draw. ``split_sentences(..., fast=False)`` runs pysbd
on every paragraph; tests and the benchmark check that both give the same boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.english import English
from pysbd.processor import Processor

from claimstance.segment.spans import Span, inside_any, quote_spans, rstrip, trim

EXTRA_ABBREVIATIONS = ("incl", "approx", "appr", "mln", "mn", "bn", "bln", "thsd", "est", "ca")
"""Abbreviations news texts use that pysbd's English list lacks."""
NEVER_FINAL_ABBREVIATIONS = ("incl", "approx", "appr", "ca")
"""Of those, the ones that never end a sentence (so a capital after them starts no new one)."""


class _NewsEnglish(English):  # type: ignore[misc]
    """pysbd's English rules with the extra abbreviations."""

    class Abbreviation(English.Abbreviation):  # type: ignore[misc]
        ABBREVIATIONS: ClassVar[list[str]] = [*English.Abbreviation.ABBREVIATIONS, *EXTRA_ABBREVIATIONS]
        PREPOSITIVE_ABBREVIATIONS: ClassVar[list[str]] = [
            *English.Abbreviation.PREPOSITIVE_ABBREVIATIONS,
            *NEVER_FINAL_ABBREVIATIONS,
        ]


_ABBREVIATIONS = frozenset(a for a in _NewsEnglish.Abbreviation.ABBREVIATIONS if "." not in a)
_EXCLAMATION_WORDS = frozenset(w.rstrip("!") for w in ExclamationWords.EXCLAMATION_WORDS)

# A terminator after a plain word or a 3+ digit number (1-2 digits may be a list item), then a capital: where
# pysbd always splits, unless the word is an abbreviation or the stop is inside quotes or brackets (_fast_cuts).
# The stop first and what precedes it in lookbehinds: re scans for a pattern's first character quickly.
_CANDIDATE = re.compile(r"([.!?])(?:(?<=[A-Za-z][.!?])|(?<=\d\d\d[.!?]))([\"”]?)(\s+)(?=[\"“]?[A-Z])")
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Za-z]+(?:[-'’][A-Za-z]+)*|\d{3,})$")
_STOP_INSIDE = re.compile(r"[.!?]")
_BRACKET_BEFORE_CAPITAL = re.compile(r"\)\s+[A-Z]")
# A list marker: "(a)", "12)", "•", "b. ", at the start or after a space. One pattern with "(?:^|\s)" in front
# is tried at every offset; split like this, each part starts with a character class re scans for quickly.
_MARKER_AT_START = re.compile(r"(?:\d{1,2}|[a-z]{1,4})\)|(?:\d{1,2}|[a-z])\.\s")
_BRACKET_MARKER = re.compile(r"[\s(](?:\d{1,2}|[a-z]{1,4})\)")
_DOT_MARKER = re.compile(r"\s(?:\d{1,2}|[a-z])\.\s")
# pysbd makes a bracket or quotation at the start of a sentence a sentence of its own when a capital follows.
_QUOTED_SENTENCE = re.compile(
    r"\s*(?:\((?:[^\)]){2,}\)(?=\s[A-Z])|\'(?:[^\'])*[^,]\'(?=\s[A-Z])|\"(?:[^\"])*[^,]\"(?=\s[A-Z])"
    r"|“(?:[^”])*[^,]”(?=\s[A-Z])|[（「])"
)
# pysbd cuts around these anywhere in the text, and reads a paragraph's newlines as spaces (hence DOTALL)
_PARENS_BETWEEN_QUOTES = re.compile(r'["”]\s\(.*\)\s["“]', re.DOTALL)
_DASH_QUOTE_CAPITAL = re.compile(r"-[\"'“”]\s[A-Z]")
_PROTECTING = re.compile(r"[\"“”«»()]")
_PREPOSITIVE = frozenset(_NewsEnglish.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
_NUMBER_ABBREVIATIONS = frozenset(_NewsEnglish.Abbreviation.NUMBER_ABBREVIATIONS)
_WORD_DOT_WORD = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_TOKEN_AROUND = re.compile(r"\S+$")
_TOKEN_AFTER = re.compile(r"^\S+")
_ATTRIBUTION_TAIL = re.compile(
    r"[-–—]?\s*(?:(?:[A-Z][\w'’.-]*|the|a|an|he|she|they|it|we)\s+){0,6}?"
    r"(?:also\s+|further\s+|then\s+|later\s+)?"
    r"(?:said|says|added|adds|noted|stressed|told|wrote|stated|concluded|emphasi[sz]ed|explained|asked|replied)"
    r"\b[^.!?]{0,80}[.!?]?$"
)


_AS_SPACE = str.maketrans(dict.fromkeys("\n\r\x1c\x1d\x1e\x1f", " "))


def _pysbd_sentences(text: str) -> list[str]:
    # The Processor, not Segmenter.segment: the latter re-finds every sentence with a regex over the whole
    # text (quadratic) and silently drops sentences it cannot find again.
    # pysbd cuts at every newline; a paragraph's newlines are soft wraps, so it sees spaces (same offsets). The
    # separators U+001C-U+001F are whitespace to its list regexes but not to int(): pysbd raised ValueError on
    # "safe.\x1f1. Next", so they become spaces too.
    result = Processor(text.translate(_AS_SPACE), _NewsEnglish).process()
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


class _Pairs:
    """Quotes and brackets open since the last cut, tracked the way pysbd pairs them (conservatively)."""

    __slots__ = ("blocked", "curly", "guillemet", "paren", "square", "straight")

    def __init__(self) -> None:
        self.straight = self.paren = self.square = 0
        self.curly = self.guillemet = self.blocked = False

    def feed(self, mark: str) -> None:
        if mark == '"':
            self.straight ^= 1
        elif mark in "“”":
            self.curly = mark == "“"  # pysbd pairs a “ with the next ”, whatever lies between
        elif mark in "«»":
            self.guillemet = mark == "«"
        elif mark in "()":
            self.paren = self.paren + 1 if mark == "(" else max(0, self.paren - 1)
        elif mark in "[]":
            self.square = self.square + 1 if mark == "[" else max(0, self.square - 1)
        else:  # single quotes and em-dash pairs: rare, left to pysbd
            self.blocked = True

    def closed(self) -> bool:
        return not (self.straight or self.paren or self.square or self.curly or self.guillemet or self.blocked)


_PAIRED = re.compile(r"[\"“”«»()\[\]‘]|--|(?<=\s)'")


def _fast_cuts(text: str, start: int, end: int) -> list[int]:
    """Positions (just past a terminator) where pysbd certainly splits text[start:end]; linear time."""
    cuts: list[int] = []
    pairs = _Pairs()
    scanned = start
    for m in _CANDIDATE.finditer(text, start, end):
        stop, after, quote = m.start(1), m.end(2), m.group(2)
        for p in _PAIRED.finditer(text, scanned, stop):
            pairs.feed(p.group())
        scanned = stop
        if quote:
            # '... neighbours." The': pysbd cuts after a quote that closes a quotation, when one space and a
            # capital follow; a stray closing mark starts the next sentence instead (left to pysbd).
            closes = pairs.straight == 1 if quote == '"' else pairs.curly
            pairs.feed(quote)
            scanned = after
            # pysbd sees a paragraph's newlines as spaces (a hard-wrapped line ends in a quote)
            if not closes or m.group(3) not in (" ", "\n") or not text[m.end(3)].isupper():
                continue
        if not pairs.closed():
            continue
        word = _WORD_BEFORE.search(text, max(start, stop - 48), stop)
        if word is None:
            continue
        token = word.group(1)
        if len(token) < 2 or token.lower() in _ABBREVIATIONS:
            continue
        if m.group(1) == "!" and token in _EXCLAMATION_WORDS:
            continue
        cuts.append(after)
        pairs = _Pairs()
    return cuts


def _protected(text: str, start: int, end: int) -> list[Span]:
    """Quotations and brackets whose punctuation pysbd masks: '"..."' paired in order, '“...”', '«...»', '(...)'."""
    spans: list[Span] = []
    straight = curly = guillemet = paren = -1
    for m in _PROTECTING.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch == '"':
            if straight < 0:
                straight = i
            else:
                spans.append((straight, i))
                straight = -1
        elif ch == "“" and curly < 0:
            curly = i
        elif ch == "”" and curly >= 0:
            spans.append((curly, i))
            curly = -1
        elif ch == "«" and guillemet < 0:
            guillemet = i
        elif ch == "»" and guillemet >= 0:
            spans.append((guillemet, i))
            guillemet = -1
        elif ch == "(":
            paren = i  # pysbd masks innermost brackets only
        elif ch == ")" and paren >= 0:
            spans.append((paren, i))
            paren = -1
    return spans


def _needs_pysbd(text: str, start: int, end: int) -> bool:
    """Whether pysbd could cut text[start:end] anywhere but at its end (else it is one sentence as it is)."""
    body_end = end
    if end - start >= 2 and text[end - 1] in '"”' and text[end - 2] in ".!?":
        # '... neighbours."' ends the chunk when the quote closes a quotation (a stray mark does not)
        if any(a < end - 2 and b == end - 1 for a, b in _protected(text, start, end)):
            body_end = end - 2
    elif end > start and text[end - 1] in ".!?":
        body_end = end - 1
    if _QUOTED_SENTENCE.match(text, start, end) or _BRACKET_BEFORE_CAPITAL.search(text, start, body_end):
        return True
    if _DASH_QUOTE_CAPITAL.search(text, start, end):
        return True
    stops = [m.start() for m in _STOP_INSIDE.finditer(text, start, body_end)]
    if not stops:
        return False
    # Quotations and brackets by their opening mark: a stop is inside one when the furthest close of those
    # opened before it lies beyond it (stops come in order, so one sweep: a line of quotes stays linear).
    protected = sorted(_protected(text, start, end)) if _PROTECTING.search(text, start, end) else []
    opened = 0
    furthest_close = -1
    inert_through = -1
    for i in stops:
        if i <= inert_through:
            continue  # a stop of a multi-period word already found inert whole: same word, same answer
        while opened < len(protected) and protected[opened][0] < i:
            furthest_close = max(furthest_close, protected[opened][1])
            opened += 1
        if furthest_close > i:
            # masked inside a quotation, unless it ends one before a capital: '... court." He'
            after_quote = text[i + 2 : i + 3]
            if not (text[i + 1 : i + 2] in "\"'“”" and after_quote in (" ", "\n") and text[i + 3 : i + 4].isupper()):
                continue
            return True
        inert_through = _inert_stop(text, i, start)
        if inert_through < 0:
            return True
    return False


_STARTERS = "|".join(English.AbbreviationReplacer.SENTENCE_STARTERS)
_AFTER_PLAIN_ABBREVIATION = re.compile(r"[.:\-?,]|\s(?:[a-z]|I\s|I'm|I'll|\d|\()")
_BEFORE_STARTER = re.compile(rf"\s(?:{_STARTERS})\s")
_MULTI_PERIOD = re.compile(r"[A-Za-z](?:\.[A-Za-z])+")
_SPACE_CAPITAL = re.compile(r"\s[A-Z]")
_AFTER_INITIAL = re.compile(r",?\s")
_AFTER_PREPOSITIVE = re.compile(r"\s|:\d")
_AFTER_NUMBER_ABBREVIATION = re.compile(r"\s\d|\s+\(")
_RESTORED_MULTI = frozenset(["U.S", "U.K", "E.U", "U.S.A", "i.v", "I.V"])


def _inert_stop(text: str, i: int, start: int) -> int:
    """Whether pysbd never cuts at this full stop, given what follows: "Mr. X", "No. 23", "2.5", "U.N.", "E. Smith".

    -1 if it may cut; else the last stop known inert along with it: ``i``, or the last stop of the
    multi-period word ``i`` is in, as all that word's stops get the same answer (a caller that skips them
    stays linear on a line like "A.A.A...", where each stop would otherwise re-read the whole word).
    Mirrors pysbd's own masking rules (abbreviations, initials, multi-period abbreviations, numbers); the
    property test comparing the fast path with pysbd everywhere keeps the two in step.
    """
    if text[i] != ".":
        return -1
    after = text[i + 1 : i + 2]
    j = i
    while j > start and (text[j - 1].isascii() and (text[j - 1].isalpha() or text[j - 1] == ".")):
        j -= 1
    token = text[j:i]
    before = text[j - 1] if j > start else " "
    if "." in token.strip(".") or (after.isascii() and after.isalpha() and len(token) == 1):
        # inside or at the end of "U.N." / "i.e." / "a.m."; pysbd masks them all, then restores a few
        whole_end = i
        while (
            whole_end + 2 <= len(text)
            and text[whole_end + 1 : whole_end + 2].isalpha()
            and text[whole_end + 2 : whole_end + 3] == "."
        ):
            whole_end += 2
        word = text[j:whole_end]
        if before.isalnum() or not _MULTI_PERIOD.fullmatch(word):
            return -1
        rest = text[whole_end + 1 : whole_end + 40]
        if word.lower() in ("a.m", "p.m"):
            inert = not _SPACE_CAPITAL.match(rest)
        elif word in _RESTORED_MULTI:
            inert = not _BEFORE_STARTER.match(rest)
        else:
            inert = True
        return whole_end if inert else -1
    if token and token[0].isdigit():
        return -1
    prev = text[i - 1] if i > start else " "
    if prev.isascii() and prev.isalnum() and after.isascii() and after.isalnum():
        # pysbd masks a period between two alphanumerics ("site.az", "2.5"); a lone letter may be a list marker
        return i if prev.isdigit() or (i - 2 >= start and text[i - 2].isascii() and text[i - 2].isalnum()) else -1
    if not token or not (before.isspace() or j == start) or "." in token:
        return -1
    if len(token) == 1 and token.isupper() and token != "I":
        return i if _AFTER_INITIAL.match(text, i + 1) else -1  # an initial: "Jonas E. Smith"
    lowered = token.lower()
    follows = text[i + 1 : i + 6]
    if lowered in _PREPOSITIVE:
        return i if _AFTER_PREPOSITIVE.match(follows) else -1
    if lowered in _NUMBER_ABBREVIATIONS:
        return i if _AFTER_NUMBER_ABBREVIATION.match(follows) else -1
    if lowered in _ABBREVIATIONS:
        return i if _AFTER_PLAIN_ABBREVIATION.match(follows) else -1
    return -1


def _pysbd_ends(text: str, start: int, end: int) -> list[int]:
    ends = _align(text, start, end, _pysbd_sentences(text[start:end]))
    if not ends or ends[-1] < rstrip(text, start, end):
        ends.append(end)
    return ends


def _has_list_marker(paragraph: str) -> bool:
    """Whether pysbd would number a list item somewhere in the paragraph."""
    return bool(
        _MARKER_AT_START.match(paragraph)
        or "•" in paragraph
        or "⁃" in paragraph
        or (")" in paragraph and _BRACKET_MARKER.search(paragraph))
        or _DOT_MARKER.search(paragraph)
    )


def _raw_sentence_ends(text: str, start: int, end: int, fast: bool) -> list[int]:
    # Work on the paragraph alone: pysbd sees nothing beyond it, so neither may the fast path's look-ahead.
    paragraph = text[start:end]
    n = len(paragraph)
    # pysbd numbers list items, cuts around '" (...) "' and honours backslash escapes across the whole
    # paragraph: such paragraphs go to it whole.
    whole = (
        _has_list_marker(paragraph)
        or ("(" in paragraph and _PARENS_BETWEEN_QUOTES.search(paragraph))
        or "\\" in paragraph
    )
    if not fast or whole:
        return [start + e for e in _pysbd_ends(paragraph, 0, n)]
    ends: list[int] = []
    chunk_start = 0
    for cut in [*_fast_cuts(paragraph, 0, n), n]:
        if _needs_pysbd(paragraph, chunk_start, cut):
            ends.extend(start + e for e in _pysbd_ends(paragraph, chunk_start, cut))
        else:
            ends.append(start + cut)
        chunk_start = cut
    return ends


def _word_dot_word(text: str, span: Span) -> list[int]:
    """Split points for ``word.Word`` (a lost space), not inside e-mails, URLs, domains or quotes."""
    points: list[int] = []
    for m in _WORD_DOT_WORD.finditer(text, span[0], span[1]):
        before = _TOKEN_AROUND.search(text, max(span[0], m.start() - 200), m.start())
        after = _TOKEN_AFTER.search(text[m.end() : span[1]])
        token = (before.group() if before else "") + text[m.start()] + (after.group() if after else "")
        if "@" in token or "/" in token or "www" in token.lower() or token.count(".") > 1:
            continue
        points.append(m.end())
    return points


def _is_attribution_tail(text: str, span: Span) -> bool:
    words = text[span[0] : span[1]].split()
    return len(words) <= 10 and _ATTRIBUTION_TAIL.match(text, span[0], span[1]) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None, *, fast: bool = True) -> list[Span]:
    """Sentence spans of one paragraph ``text[start:end]``, trimmed, in order, never overlapping.

    pysbd's boundaries (through the fast path unless ``fast=False``), then: ``word.Word`` split, no boundary
    inside a quotation, a quotation kept with an ``X said`` tail after it.
    """
    stop = len(text) if end is None else end
    return [(start + a, start + b) for a, b in _paragraph_sentences(text[start:stop], fast)]


# Every step below sees the paragraph alone, so its spans are a pure function of the paragraph's text; news
# repeats paragraphs (agency copy, boilerplate), and a bounded cache keeps memory flat over a stream.
@lru_cache(maxsize=4096)
def _paragraph_sentences(text: str, fast: bool) -> tuple[Span, ...]:
    start, stop = trim(text, 0, len(text))
    if start >= stop:
        return ()
    ends = _raw_sentence_ends(text, start, stop, fast)
    spans: list[Span] = []
    prev = start
    for e in ends:
        s, t = trim(text, prev, e)
        if s < t:
            spans.append((s, t))
        prev = e
    # word.Word: pysbd protects "x.Y" as if it were an abbreviation or a domain.
    split: list[Span] = []
    for span in spans:
        cursor = span[0]
        for point in _word_dot_word(text, span):
            split.append(trim(text, cursor, point))
            cursor = point
        split.append(trim(text, cursor, span[1]))
    quotes = quote_spans(text, start, stop)
    merged: list[Span] = []
    for span in split:
        if merged and (
            inside_any(span[0], quotes)
            or (text[merged[-1][1] - 1] in "\"”»'’" and _is_attribution_tail(text, span))
            or (text[span[0]].islower() and text[merged[-1][1] - 1] in '"”»')
            or not text[span[0] : span[1]].strip('"“”«»‘’')  # a closing mark left alone: '... development."'
        ):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return tuple(merged)
