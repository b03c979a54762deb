"""A page's lines and the runs of noise between its text lines (see :mod:`claimstance.ingest` for how they cut
items): each line classified once (:func:`claimstance.lexicon.classify_line`), long lines never matched."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from claimstance.lexicon import OTHER_STORIES, SHORT_LINE, WORLD_CLOCK, LineKind, Published, Updated, classify_line

# ------------------------------------------------------------------------------------------------ lines

_CLOCK = re.compile(WORLD_CLOCK)

TEXT, BLANK, STRONG, WEAK, TENTATIVE = LineKind.TEXT, LineKind.BLANK, LineKind.STRONG, LineKind.WEAK, LineKind.TENTATIVE


@dataclass(slots=True)
class Line:
    """One line of a page: its kind, where its text starts and ends, and what a noise line said."""

    kind: LineKind
    line_start: int
    start: int  # first non-blank character (line_start for a blank line)
    end: int  # just past the last non-blank character
    short: str | None  # the stripped line, when it is short enough to look at
    stamp: bool = False
    published: Published | None = None
    site: str | None = None
    updated: Updated = Updated.PLAIN


# An archived site's banner over every page ("This is historical material ...", "This page has been archived"):
# furniture, never an article's lead
_ARCHIVED = re.compile(
    r"(?:National\s+Archives\s+)?This\s+(?:is\s+historical\s+material|(?:page|content|website)\s+(?:has\s+been|is)"
    r"\s+archived|is\s+an\s+archived\s+(?:page|site|website))\b"
)
# what a banner says after it; without one, "This is historical material that every citizen should read, the mayor
# said" is a sentence of the article
_ARCHIVE_NOTE = re.compile(
    r"\s*[.:;!\"“”]?\s*$|.*?\b(?:no\s+longer|frozen|first\s+published|for\s+reference|on\s+the\s+web)\b", re.I
)


def _classify(raw: str, line_start: int, line_end: int) -> Line:
    segment = raw[line_start:line_end]
    stripped = segment.strip()
    if not stripped:
        return Line(BLANK, line_start, line_start, line_start, None)
    start = line_start + segment.find(stripped[0])
    end = start + len(stripped)
    banner = _ARCHIVED.match(stripped) if stripped[0] in "TN" else None
    if banner is not None and _ARCHIVE_NOTE.match(stripped, banner.end()) is not None:
        return Line(WEAK, line_start, start, end, None)
    if len(stripped) > SHORT_LINE:
        return Line(TEXT, line_start, start, end, None)
    found = classify_line(stripped)
    return Line(found.kind, line_start, start, end, stripped, found.stamp, found.published, found.site, found.updated)


def _lines(raw: str) -> Iterator[Line]:
    position, size = 0, len(raw)
    while position < size:
        newline = raw.find("\n", position)
        end = size if newline < 0 else newline
        yield _classify(raw, position, end)
        position = end + 1


# "Jane in Oldtown writes:": a reader's comment under a post
_COMMENTER = re.compile(
    r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}\s+in\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}\s+(?:writes|wrote):"
)


def is_comment(header: list[Line]) -> bool:
    """Whether an item's header lines open a reader's comment ("Jane in Oldtown writes:"): no article of its own."""
    return any(line.short and line.short[-1] == ":" and _COMMENTER.fullmatch(line.short) for line in header)


REPOST_DAYS = 3
"""A repost host stamps a release at most this many days after the release's own date."""


def _repost_over_release(first: Line, stamp: Published, own: Published) -> bool:
    """Whether a host's "Published: Tue 4 Mar 2003 09:10 AM" stands over the release's own date line ("3 March
    2003"), a bare date up to :data:`REPOST_DAYS` earlier: the release's date is the article's."""
    if not (first.short or "").startswith("Published") or isinstance(own, datetime):
        return False
    day = stamp.date() if isinstance(stamp, datetime) else stamp
    return 0 < (day - own).days <= REPOST_DAYS


@dataclass(slots=True)
class Run:
    """Consecutive non-text lines, and the offset of the text line after them (len(raw) at the end)."""

    lines: list[Line]
    next_start: int
    stamps: list[Published] = field(init=False)
    """The dates of the run's timestamps: plain ones, or "Updated:" ones if there are none ("Last update" never)."""

    def __post_init__(self) -> None:
        dated = [line for line in self.lines if line.stamp and line.published is not None] if self.lines else []
        if dated and any(line.short and _CLOCK.fullmatch(line.short) for line in self.lines):
            dated = [line for line in dated if not self._above_clock(line)]
        kept = [line for line in dated if line.updated is Updated.PLAIN]
        plain = [line.published for line in kept if line.published is not None]
        if len(plain) >= 2 and _repost_over_release(kept[0], plain[0], plain[1]):
            plain = [plain[1], plain[0], *plain[2:]]
        updated = [line.published for line in dated if line.updated is Updated.UPDATED and line.published is not None]
        self.stamps = plain or updated

    def _above_clock(self, line: Line) -> bool:
        """Whether a date line heads a world clock ("28 June 2022" / "Oldtown: 15:46" / "Newtown: 13:46"): the
        site's today, not the article's date."""
        at = self.lines.index(line)
        following = next((n for n in self.lines[at + 1 :] if n.kind is not BLANK), None)
        return following is not None and following.short is not None and _CLOCK.fullmatch(following.short) is not None

    @property
    def separates(self) -> bool:
        """Whether the run ends one item and opens the next: a strong noise line, two weak ones, or a related list."""
        noise = [line for line in self.lines if line.kind in (STRONG, WEAK)]
        if any(line.kind is STRONG for line in noise) or len(noise) >= 2:
            return True
        return self.related  # "Related", "Read more": other stories' headlines (and dates) follow, not the article

    @property
    def related(self) -> bool:
        """Whether a noise line of the run heads other stories ("Related", "Read more")."""
        noise = [line for line in self.lines if line.kind in (STRONG, WEAK)]
        return any(line.short is not None and line.short.lower().rstrip(":") in OTHER_STORIES for line in noise)

    @property
    def site(self) -> str | None:
        """The site the run's last site line names ("northpress.com"), or None."""
        sites = [line.site for line in self.lines if line.site]
        return sites[-1] if sites else None

    def drops(self) -> Iterator[tuple[int, int]]:
        """Spans of the noise lines, each with the blank lines after it (for a run kept inside an item); a noise
        line right under a text line keeps one blank line ("Headline" / "March 20, 2026" / "" / body)."""
        for i, line in enumerate(self.lines):
            if line.kind in (STRONG, WEAK):
                after = next((k for k in range(i + 1, len(self.lines)) if self.lines[k].kind != BLANK), len(self.lines))
                end = self.lines[after].line_start if after < len(self.lines) else self.next_start
                under = all(n.kind != BLANK for n in self.lines[:i]) and after > i + 1
                yield line.line_start, end - 1 if under else end


def runs_and_text(raw: str) -> Iterator[Line | Run]:
    """Text lines one by one, and the runs of other lines between them, with bullet labels decided."""
    pending: list[Line] = []
    for line in _lines(raw):
        if line.kind != TEXT:
            pending.append(line)
            continue
        yield from _settle(pending, line.line_start)
        pending = []
        yield line
    yield from _settle(pending, len(raw))


def _settle(lines: list[Line], next_start: int) -> Iterator[Line | Run]:
    run = Run(lines, next_start)
    if not lines:
        return
    if run.separates or all(line.kind != TENTATIVE for line in lines):
        for line in lines:
            if line.kind == TENTATIVE:
                line.kind = WEAK
        yield run
        return
    # No separator here: a bulleted short line is text after all (a transcript's "- Yes" or a list item).
    part: list[Line] = []
    for line in lines:
        if line.kind == TENTATIVE:
            line.kind = TEXT
            if part:
                yield Run(part, line.line_start)
            part = []
            yield line
        else:
            part.append(line)
    if part:
        yield Run(part, next_start)
