"""Ingest stage: cut raw scraped pages (``.txt``) into ``Document`` records, one per news item or speech.

A page is read line by line and every line is classified as text, strong, weak or tentative noise, or blank
(:func:`claimstance.lexicon.classify_line` says which line is which).

Items are separated by *runs* of noise (blank lines inside a run are allowed; blank lines alone never split).
A run separates items when it holds a strong line or at least two noise lines; a single weak line between
two paragraphs (a ``Photo`` placeholder inside an article) is dropped from the text and does not split it.
A short hyphen-bulleted line that is not in the vocabulary (``- Gallery of the week``) counts as noise only
inside a run that separates items; elsewhere it is text.

Each item becomes a ``Document`` whose ``text`` is ``raw[raw_start:raw_end]``: a contiguous slice from the
item's first text line to its last, trimmed of surrounding whitespace. The only exception is a single noise
line *inside* an item: it is cut out of ``text`` (with the blank lines that follow it), so ``text`` is then the
slice minus those lines while ``raw_start``/``raw_end`` still span the whole item.

What the noise said is kept as facts about the item:

* a site name in the run before an item is its ``source`` (one after the last item, its ``source`` if unset);
* timestamps are footers on most sites (the seed page ends each item with ``-`` and a time), so a timestamp
  belongs to the item above it; a page that *starts* with a timestamp puts them above items instead, and
  then every timestamp belongs to the item below it. When a run between two items holds two timestamps, the
  first goes above and the last below. An item with no timestamp takes its date from a dateline
  (``BAKU, 2 September 2024 – ...``) in its first two lines; a date without a year is never a date;
* an item that is a lone headline with a timestamp under it (``Headline`` / ``- 2 September 2024, 16:05`` /
  body) is not an item of its own: it opens the body below, and the timestamp lines are cut out of its text;
* the first line of an item of several lines is its ``title`` when it reads like a headline (short, no
  closing full stop); otherwise a transcript header (``Statement by President Ilham Aliyev``) is the title;
* a transcript header gives the ``author`` ("Ilham Aliyev") and a role ("President"); the fullest role the
  document gives next to the author's name ("President of the Republic of Azerbaijan Ilham Aliyev") wins.

Everything streams: lines are found with ``str.find``, long lines are never matched against the line
patterns, and an item keeps only its span, its first lines and the noise cut out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimstance import io
from claimstance.errors import EmptyInputError, InputError
from claimstance.lexicon import (
    DATE,
    FUNCTION_WORDS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    SHORT_LINE,
    TRANSCRIPT_HEADER,
    LineKind,
    Published,
    classify_line,
    date_of,
    is_honorific,
    words,
)
from claimstance.schema import Document

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25
MAX_HEADER_CHARS = 160


# ------------------------------------------------------------------------------------------------ datelines

_DATELINE_PLACE = re.compile(
    r"[A-Z][A-Za-z'’.\-]+(?:\s[A-Z][A-Za-z'’.\-]+){0,3}(?:\s*\([^)\n]{1,40}\))?"
    r"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})?,\s*"
)
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:[–—\-/:]|$)")


def _dateline(raw: str, start: int, end: int) -> Published | None:
    """The date of a dateline ("BAKU, 2 September 2024 – ...") at ``raw[start:]``, if there is one."""
    place = _DATELINE_PLACE.match(raw, start, min(end, start + 160))
    if place is None:
        return None
    found = DATE.match(raw, place.end(), min(end, place.end() + 40))
    if found is None or _DATELINE_END.match(raw, found.end(), min(end, found.end() + 50)) is None:
        return None
    return date_of(found)


# ------------------------------------------------------------------------------------------------ lines

TEXT, BLANK, STRONG, WEAK, TENTATIVE = LineKind.TEXT, LineKind.BLANK, LineKind.STRONG, LineKind.WEAK, LineKind.TENTATIVE


@dataclass(slots=True)
class _Line:
    kind: LineKind
    line_start: int
    start: int  # first non-blank character (line_start for a blank line)
    end: int  # just past the last non-blank character
    short: str | None  # the stripped line, when it is short enough to look at
    stamp: bool = False
    published: Published | None = None
    site: str | None = None


def _classify(raw: str, line_start: int, line_end: int) -> _Line:
    segment = raw[line_start:line_end]
    stripped = segment.strip()
    if not stripped:
        return _Line(BLANK, line_start, line_start, line_start, None)
    start = line_start + segment.find(stripped[0])
    end = start + len(stripped)
    if len(stripped) > SHORT_LINE:
        return _Line(TEXT, line_start, start, end, None)
    found = classify_line(stripped)
    return _Line(found.kind, line_start, start, end, stripped, found.stamp, found.published, found.site)


def _lines(raw: str) -> Iterator[_Line]:
    position, size = 0, len(raw)
    while position < size:
        newline = raw.find("\n", position)
        end = size if newline < 0 else newline
        yield _classify(raw, position, end)
        position = end + 1


@dataclass(slots=True)
class _Run:
    """Consecutive non-text lines, and the offset of the text line after them (len(raw) at the end)."""

    lines: list[_Line]
    next_start: int

    @property
    def separates(self) -> bool:
        noise = [line.kind for line in self.lines if line.kind in (STRONG, WEAK)]
        return STRONG in noise or len(noise) >= 2

    @property
    def stamps(self) -> list[Published]:
        return [line.published for line in self.lines if line.stamp and line.published is not None]

    @property
    def site(self) -> str | None:
        sites = [line.site for line in self.lines if line.site]
        return sites[-1] if sites else None

    def drops(self) -> Iterator[tuple[int, int]]:
        """Spans of the noise lines, each with the blank lines after it (for a run kept inside an item)."""
        for i, line in enumerate(self.lines):
            if line.kind in (STRONG, WEAK):
                following = (n.line_start for n in self.lines[i + 1 :] if n.kind != BLANK)
                yield line.line_start, next(following, self.next_start)


def _runs_and_text(raw: str) -> Iterator[_Line | _Run]:
    """Text lines one by one, and the runs of other lines between them, with bullet labels decided."""
    pending: list[_Line] = []
    for line in _lines(raw):
        if line.kind != TEXT:
            pending.append(line)
            continue
        yield from _settle(pending, line.line_start)
        pending = []
        yield line
    yield from _settle(pending, len(raw))


def _settle(lines: list[_Line], next_start: int) -> Iterator[_Line | _Run]:
    run = _Run(lines, next_start)
    if not lines:
        return
    if run.separates or all(line.kind != TENTATIVE for line in lines):
        for line in lines:
            if line.kind == TENTATIVE:
                line.kind = WEAK
        yield run
        return
    # No separator here: a bulleted short line is text after all (a transcript's "- Yes" or a list item).
    part: list[_Line] = []
    for line in lines:
        if line.kind == TENTATIVE:
            line.kind = TEXT
            if part:
                yield _Run(part, line.line_start)
            part = []
            yield line
        else:
            part.append(line)
    if part:
        yield _Run(part, next_start)


# ------------------------------------------------------------------------------------------------ headers

_HEADER = re.compile(rf"(?=[A-Z])(?i:{TRANSCRIPT_HEADER})\s+(?:by|of)\s+(?P<who>[^\n]+?)\s*[:.]?")
_WHO_END = re.compile(
    r",|\s(?:to|at|on|with|in|during|before|after|for|regarding|about|concerning|upon|via|from)\s|\s[–—-]\s"
)
_CONNECTORS = words("of the and for")


def split_author(who: str) -> tuple[str | None, str | None]:
    """Split a header's "President Ilham Aliyev" into ``(name, role)``; an organisation is a name alone.

    >>> split_author("President of the Republic of Azerbaijan Ilham Aliyev")
    ('Ilham Aliyev', 'President of the Republic of Azerbaijan')
    """
    tokens = who.split()
    while tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    if not tokens:
        return None, None
    if any(t.lower().strip(".,") in ORG_WORDS for t in tokens):
        return " ".join(tokens), None
    i = len(tokens)
    while i > 0:
        token = tokens[i - 1]
        if token.lower() in ROLE_WORDS or is_honorific(token):
            break
        if token[:1].isupper() or (token in PARTICLES and i - 1 > 0 and tokens[i - 2][:1].isupper()):
            i -= 1
            continue
        break
    name = tokens[i:]
    role = tokens[:i]
    if not name:  # "Statement by the President": a role, no name
        return None, " ".join(role) or None
    if role and role[-1].lower() in ("of", "the") and len(name) > 2:
        # "... of the Republic of Azerbaijan Ilham Aliyev": the place ends the role, the last two words are the name
        role, name = role + name[:-2], name[-2:]
    role_text = " ".join(t for t in role if not is_honorific(t)) or None
    return " ".join(name), role_text


def _header(text: str | None) -> tuple[str, str | None, str | None] | None:
    """``(header line, author, role)`` when a short line is a transcript header."""
    if text is None or len(text) > MAX_HEADER_CHARS:
        return None
    found = _HEADER.fullmatch(text)
    if found is None:
        return None
    who = found["who"]
    cut = _WHO_END.search(who)
    if cut:
        who = who[: cut.start()]
    name, role = split_author(who.strip(" :."))
    if name is None:
        return None
    return text, name, role


def _mentioned_roles(text: str, name: str, limit: int = 100) -> Iterator[str]:
    """Role phrases written just before ``name`` in ``text``: "Azerbaijani President", "President of ..."."""
    start = 0
    for _ in range(limit):
        at = text.find(name, start)
        if at < 0:
            return
        start = at + len(name)
        window = text[max(0, at - 160) : at]
        window = window[window.rfind("\n") + 1 :]
        phrase: list[str] = []
        for token in reversed(window.split()):
            if token[-1] in ',.;:!?"”)' or (token[:1].isupper() and token.lower() in FUNCTION_WORDS):
                break
            if token[:1].isupper() or token in _CONNECTORS:
                phrase.insert(0, token)
                continue
            break
        while phrase and (phrase[0] in _CONNECTORS or is_honorific(phrase[0])):
            phrase.pop(0)
        if any(t.lower() in ROLE_WORDS for t in phrase):
            yield " ".join(phrase)


def fullest_role(text: str, name: str, role: str | None) -> str | None:
    """The longest role the text gives next to ``name`` that agrees with the header's ``role``."""
    best = role
    key = set(role.lower().split()) if role else set()
    for candidate in _mentioned_roles(text, name):
        if key and not key <= set(candidate.lower().split()):
            continue
        if best is None or len(candidate) > len(best):
            best = candidate
    return best


def _is_title(text: str | None, raw: str, line: _Line) -> bool:
    if text is None or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'‘"):
        return False
    if text.rstrip("\"”»'’)]")[-1:] in (".", ",", ";", ":", "–", "—", "-", "…"):
        return False
    return _dateline(raw, line.start, line.end) is None


# ------------------------------------------------------------------------------------------------ items


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    heads: list[_Line] = field(default_factory=list)  # the first two text lines
    lines: int = 0
    header: tuple[str, str | None, str | None] | None = None
    drops: list[tuple[int, int]] = field(default_factory=list)
    stamp: Published | None = None
    source: str | None = None

    def add(self, line: _Line) -> None:
        self.end = line.end
        self.lines += 1
        if len(self.heads) < 2:
            self.heads.append(line)
        if self.header is None:
            self.header = _header(line.short)


def _text(raw: str, item: _Item) -> str:
    if not item.drops:
        return raw[item.start : item.end]
    pieces: list[str] = []
    cursor = item.start
    for start, end in item.drops:
        pieces.append(raw[cursor:start])
        cursor = end
    pieces.append(raw[cursor : item.end])
    return "".join(pieces)


def _document(raw: str, item: _Item, seed_file: str, ordinal: int) -> Document:
    text = _text(raw, item)
    first = item.heads[0]
    title: str | None = None
    if item.lines > 1 and _is_title(first.short, raw, first):
        title = first.short
    author = role = None
    if item.header is not None:
        header, author, role = item.header
        title = title or header
        if author is not None:
            role = fullest_role(text, author, role)
    published = item.stamp
    if published is None:
        for line in item.heads:
            published = _dateline(raw, line.start, line.end)
            if published is not None:
                break
    return Document(
        id=f"{Path(seed_file).stem}-d{ordinal:02d}",
        seed_file=seed_file,
        source=item.source,
        title=title,
        author=author,
        author_role=role,
        published=published,
        text=text,
        raw_start=item.start,
        raw_end=item.end,
    )


def ingest_text(raw: str, seed_file: str) -> Iterator[Document]:
    """Cut one raw page into its documents, in page order (pure: the same text gives the same documents).

    ``raw`` is the file's text as :func:`claimstance.io.read_text` returns it; offsets are offsets into it.
    Raises :class:`EmptyInputError` naming ``seed_file`` when the page holds nothing but scraping noise.
    """
    headers_above = False  # True when the page opens with a timestamp: then timestamps head their items
    before: _Run | None = None  # the run before the current item (or before the first one)
    after: _Run | None = None  # the run after the current item's last text line so far
    item: _Item | None = None
    ordinal = 0
    for piece in _runs_and_text(raw):
        if isinstance(piece, _Run):
            if item is None:
                before = piece
            else:
                after = piece
            continue
        if item is not None and after is not None:
            if not after.separates or _headline_over_stamp(raw, item, after):
                item.drops.extend(after.drops())
                item.stamp = item.stamp or next(iter(after.stamps), None)
                after = None
            else:
                _close(item, after, below=True, headers_above=headers_above)
                ordinal += 1
                yield _document(raw, item, seed_file, ordinal)
                item, before, after = None, after, None
        if item is None:
            if ordinal == 0 and before is not None:
                headers_above = bool(before.stamps)
            item = _Item(piece.start, piece.end)
            _open(item, before, headers_above=headers_above)
        item.add(piece)
    if item is None:
        raise EmptyInputError(
            "holds only scraping noise (dashes, category words, timestamps), no text",
            path=seed_file,
            hint="remove the file or check what was scraped",
        )
    if after is not None:
        _close(item, after, below=False, headers_above=headers_above)
    yield _document(raw, item, seed_file, ordinal + 1)


def _headline_over_stamp(raw: str, item: _Item, run: _Run) -> bool:
    """Whether a lone headline and the timestamp under it open the text that follows (headline, date, body)."""
    line = item.heads[0]
    return item.lines == 1 and run.site is None and bool(run.stamps) and _is_title(line.short, raw, line)


def _open(item: _Item, run: _Run | None, *, headers_above: bool) -> None:
    """Give a new item what the run above it says: its site, and a timestamp when it is the item's."""
    if run is not None:
        item.source = run.site
        stamps = run.stamps
        if stamps and (headers_above or len(stamps) > 1):
            item.stamp = stamps[-1]


def _close(item: _Item, run: _Run, *, below: bool, headers_above: bool) -> None:
    """Give a finished item what the run below it says: its timestamp (footer), a site at the page end."""
    stamps = run.stamps
    if stamps and item.stamp is None and (not headers_above or len(stamps) > 1 or not below):
        item.stamp = stamps[0]
    if not below and item.source is None:
        item.source = run.site


# ------------------------------------------------------------------------------------------------ files


def ingest_file(path: str | Path) -> Iterator[Document]:
    """The documents of one seed file (read strictly with :func:`claimstance.io.read_text`)."""
    p = Path(path)
    raw = io.read_text(p)
    try:
        yield from ingest_text(raw, p.name)
    except EmptyInputError as exc:  # name the file as the user gave it, not just its name
        raise EmptyInputError(exc.message, path=p, hint=exc.hint) from None


def seed_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.txt`` files named by ``paths`` (files, or folders of them), sorted by name, each once.

    Raises :class:`InputError` naming the path for a path that does not exist, a folder without ``.txt``
    files, and two different files with the same name (their document ids would clash).
    """
    found: dict[Path, Path] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            files = [f for f in p.glob("*.txt") if f.is_file() and not f.name.startswith(".")]
            if not files:
                raise InputError("folder holds no .txt files", path=p, hint="pass a folder of seed .txt files")
        elif p.is_file():
            files = [p]
        else:
            raise InputError("no such file or folder", path=p, hint="check the path")
        for f in files:
            found.setdefault(f.resolve(), f)
    by_stem: dict[str, Path] = {}
    for f in found.values():
        other = by_stem.setdefault(f.stem, f)
        if other is not f:
            raise InputError(
                f"two seed files share the name {f.stem!r} ({other} and {f})",
                path=f,
                hint="rename one: document ids are made from the file name",
            )
    return sorted(found.values(), key=lambda f: (f.name, str(f)))


def ingest_paths(paths: Iterable[str | Path]) -> Iterator[Document]:
    """The documents of every seed file under ``paths``, file by file in name order (deterministic).

    Every path is checked before the first document is produced, so a typo fails fast.
    """
    for path in seed_files(paths):
        yield from ingest_file(path)
