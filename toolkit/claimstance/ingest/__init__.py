"""Ingest stage: cut raw scraped pages (``.txt``) into ``Document`` records, one per news item or speech.

A page is read line by line and every line is classified as text, strong, weak or tentative noise, or blank
(:func:`claimstance.lexicon.classify_line` says which line is which).

Items are separated by *runs* of noise (blank lines inside a run are allowed; blank lines alone never split).
A run separates items when it holds a strong line or at least two noise lines; a single weak line between
two paragraphs (a ``Photo`` placeholder inside an article) is dropped from the text and does not split it, and
neither does a run of labels alone (``Share`` / ``Print``) between an article's prose and more prose with no
headline of its own.
A short hyphen-bulleted line that is not in the vocabulary (``- Gallery of the week``) counts as noise only
inside a run that separates items; elsewhere it is text.

Each item becomes a ``Document`` whose ``text`` is ``raw[raw_start:raw_end]``: a contiguous slice from the
item's first text line to its last, trimmed of surrounding whitespace. The only exception is a single noise
line *inside* an item: it is cut out of ``text`` (with the blank lines that follow it), so ``text`` is then the
slice minus those lines while ``raw_start``/``raw_end`` still span the whole item.

What the noise said is kept as facts about the item:

* a site name in the run before an item is its ``source`` (one after the last item, its ``source`` if unset);
  an agency the item's dateline, header or lead names comes first (:mod:`claimstance.ingest.headers`);
* timestamps are footers on most sites (the seed page ends each item with ``-`` and a time), so a timestamp
  belongs to the item above it; a page that *starts* with a timestamp puts them above items instead, and
  then every timestamp belongs to the item below it. When a run between two items holds two timestamps, the
  first goes above and the last below. "Last update" stamps are never a date, "Updated:" ones only when the
  run has no other. An item with no timestamp takes its date from a dateline (``BAKU, 2 September 2024 –``)
  in its header or first line of prose; a day and month without a year take the year from the page;
* an item of headlines and labels alone, with no line of prose (``Headline`` / ``- 2 September 2024, 16:05``
  / body), is not an item of its own: it opens the body below, and the noise lines are cut out of its text;
  and furniture after the last article (related headlines, share lines) is no document at all;
* the ``title`` is the headline among the item's header lines, the lines before its first line of prose
  (:func:`claimstance.ingest.headers.choose_title`); otherwise a transcript header (``Statement by President
  Ilham Aliyev``) is the title;
* a transcript header gives the ``author`` ("Ilham Aliyev") and a role ("President"); the fullest role the
  document gives next to the author's name ("President of the Republic of Azerbaijan Ilham Aliyev") wins.

Everything streams: lines are found with ``str.find``, long lines are never matched against the line
patterns, and an item keeps only its span, its first lines and the noise cut out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from claimstance import io
from claimstance.errors import EmptyInputError, InputError
from claimstance.ingest.agencies import agency_in_lead, agency_line
from claimstance.ingest.authors import fullest_role, header_author, opens_turn, split_author, transcript_header
from claimstance.ingest.bodies import body_voice
from claimstance.ingest.credits import header_credits, issued_on, publisher_in_text, publisher_named, reporter_in_lead
from claimstance.ingest.headers import (
    Dateline,
    above_player,
    choose_title,
    dated_head,
    read_dateline,
    section_label,
    today_dated,
    venue_line,
    year_from_page,
)
from claimstance.ingest.issuers import (
    agenda_item,
    banner_source,
    committee_in_lead,
    dated_issuer,
    domain_dateline,
    header_issuer,
    is_site_line,
    issuer_in_lead,
    issuer_line,
    record_credit,
    record_heading,
    release_issuer,
    sitting_line,
    source_credit,
    title_body,
)
from claimstance.ingest.lines import BLANK, STRONG, WEAK, Line, Run, is_comment, runs_and_text
from claimstance.ingest.members import (
    apposed_holder,
    floor_speaker,
    joint_issuers,
    member_statement,
    record_member,
    titled_member,
)
from claimstance.ingest.namelines import is_label_line, name_line
from claimstance.ingest.prose import is_prose
from claimstance.ingest.styles import bracketed_today, house_source, lead_date
from claimstance.lexicon import Published
from claimstance.schema import Document

__all__ = ["ingest_file", "ingest_paths", "ingest_text", "seed_files", "split_author"]


# ------------------------------------------------------------------------------------------------ items

MAX_HEADER_LINES = 15
"""An article's header (the lines before its first line of prose) is read up to this many lines."""
LEAD_CHARS = 600
_MAY_NAME_AGENCY = re.compile(r"[(/]|,[^,]*,")
_NON_BLANK = re.compile(r"\S")
WRAPPED = 0.7
"""A line at least this share of the widest line next to it, running on into the next, is hard-wrapped prose."""
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 50, 100
"""Wire copy is wrapped at 60 to 80 characters: lines narrower than the first are no wrapped prose, and lines wider
than the second are a page's own unwrapped paragraphs (a long headline over its lead is no wrapped line)."""


EARLY_LINES, EARLY_CHARS = 8, 80
"""A standfirst's furniture: short lines among an item's first lines, after its lead ("Jane Doe" under a
"Speech" label's standfirst, "March 18, 2014 17:00 The Palace, Oldtown" under a transcript's)."""


def _header_and_lead(raw: str, item: _Item) -> tuple[list[Line], Line | None]:
    """The item's header lines and its first line of prose, hard-wrapped prose moved out of the header.

    "A threatening statement by Armenian Defence Minister Mikayel" / "Harutyunyan once again shows ..." /
    "state. The ...": lines wrapped at a fixed width run on into the prose line after them.
    """
    heads, lead = list(item.header_lines), item.lead
    if lead is None or not heads:
        return heads, lead
    width = max(line.end - line.start for line in [*heads, lead])
    while heads and MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        last = heads[-1]
        adjacent = raw.count("\n", last.end, lead.start) == 1
        text = raw[last.start : last.end]
        if not adjacent or len(text) < WRAPPED * width or text.isupper() or dated_head([text]) is not None:
            break  # a line in capitals, or one that gives a date ("Politics 25 March 2019 14:12"), runs on into nothing
        lead = heads.pop()
    return heads, lead


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    header_lines: list[Line] = field(default_factory=list)  # text lines before the first line of prose
    lead: Line | None = None  # the first line of prose
    lines: int = 0
    header: tuple[str, str | None, str | None] | None = None
    drops: list[tuple[int, int]] = field(default_factory=list)
    stamp: Published | None = None
    source: str | None = None
    above_stamp: int | None = None  # how many header lines stand above the item's first timestamp
    early: list[str] = field(default_factory=list)  # short lines just under the lead: a date line, a name line

    def add(self, raw: str, line: Line) -> None:
        self.end = line.end
        self.lines += 1
        if self.lead is None:
            if is_prose(raw, line):
                self.lead = line
            elif len(self.header_lines) < MAX_HEADER_LINES:
                self.header_lines.append(line)
        elif self.lines <= EARLY_LINES and line.short is not None and len(line.short) <= EARLY_CHARS:
            self.early.append(line.short)
        if self.header is None and self.lead is not None:
            self.header = transcript_header(line.short, possessive=False)


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


@lru_cache(maxsize=8)  # every article of a file asks: the path is parsed once per file
def _stem(seed_file: str) -> str:
    return Path(seed_file).stem


def _document(raw: str, item: _Item, seed_file: str, ordinal: int) -> Document:
    text = _text(raw, item)
    header_lines, lead_line = _header_and_lead(raw, item)
    heads = [line.short for line in header_lines if line.short]
    # a video's title, and a venue over a transcript's time ("Oval Office"), are no headline
    venues = {line.start for line in header_lines if venue_line(raw, line.start, line.end)}
    titles = [
        line.short
        for line in header_lines
        if line.short and line.start not in venues and not above_player(raw, line.end)
    ]
    above = (
        [line.short for line in header_lines[: item.above_stamp] if line.short and line.start not in venues]
        if item.above_stamp
        else []
    )
    above = above if any(is_label_line(line) for line in above) else []  # a transcript's header block
    title = choose_title(above) if above and item.lines > 1 else None
    if title is None and item.lines > 1 and len(above) < len(heads):
        title = choose_title(titles)
    top = header_lines[0] if header_lines else lead_line
    sitting = sitting_line(raw[top.start : top.end]) if top is not None else None
    # "Heading – in the House of X at 2:19 pm on 8 May 2015."; a record's heading; the agenda item a record page shows
    title = agenda_item(text) or title or (sitting[0] if sitting else None) or record_heading(titles)
    author = role = None
    found = header_author(title, heads, text, item.header, item.early)
    if found is not None:
        header, author, role = found
        title = title or (header if header is None or not section_label(header) else None)
        if title is not None and author is not None and (name_line(title) or ("",))[0] == author:
            title = None  # "Jane Doe" / "Ambassador": the speaker's name line is no headline
        holder = apposed_holder(title)  # "Address by the Senator, Mr Jane Roe, at ...": the office, then its holder
        author, role = (holder, role or author) if holder is not None and author != holder else (author, role)
        member = titled_member(author) if author is not None else None  # "... Co-Chairman Sen. Jane Roe"
        author, role = (member[0], member[1] or role) if member is not None else (author, role)
        if author is not None:
            role = fullest_role(text, author, role)
    if author is None:  # "Roe Statement on ...", a congressional record's "HON. JANE ROE" heading
        author, role = (
            member_statement(title, text)
            or record_member(heads, text)
            or floor_speaker(text)
            or body_voice(text)
            or (None, None)
        )
    joint = joint_issuers(title, text)  # "Joint statement by A and B on ...": both, where a rule read one
    author, role = (joint, None) if joint is not None else (author, role)
    lead = raw[lead_line.start : min(item.end, lead_line.start + LEAD_CHARS)] if lead_line else ""
    dateline = None
    for line in [*([lead_line] if lead_line else []), *reversed(header_lines[-2:])]:
        opening = raw[line.start : min(line.end, line.start + LEAD_CHARS)]
        if item.stamp is not None and not _MAY_NAME_AGENCY.search(opening, 0, 90):
            continue  # the date is known: a dateline could only add an agency, and this one names none
        dateline = read_dateline(opening)
        if dateline is not None:
            break
    if dateline is None and lead_line is not None and item.stamp is None:
        # a standfirst, then the body's dateline: "OLDTOWN, MARCH 3, NORTHPRESS: ..." opens the second paragraph
        second = _NON_BLANK.search(raw, lead_line.end, item.end)
        if second is not None:
            dateline = read_dateline(raw[second.start() : min(item.end, second.start() + LEAD_CHARS)])
    published = item.stamp
    if published is None and dateline is not None:
        published = dateline.published
        if published is None and dateline.month_day is not None:
            published = year_from_page(dateline.month_day, raw)
    published = published or issued_on(text) or dated_head([*heads, *item.early]) or (sitting[2] if sitting else None)
    published = published or lead_date(lead) or today_dated(text) or bracketed_today(text)
    if published is not None and dateline is not None and dateline.agency is not None:
        published = _wire_date(dateline, published)
    agency = dateline.agency if dateline is not None else None
    for head in heads:
        agency = agency or agency_line(head)
    byline, agency, stamped = header_credits(heads, dateline.author if dateline is not None else None, agency)
    published = published or stamped
    if title is not None and byline is not None and (name_line(title) or ("",))[0] == byline:
        title = None  # "Jane Doe" over "Northpress Staff Writer": a byline is no headline
    site = next((head for head in heads if is_site_line(head, heads)), None)
    agency = agency or agency_in_lead(lead) or domain_dateline(raw[top.start : top.end] if top else lead)
    # the page naming itself comes before the office whose house style it shows
    named = (
        agency
        or dated_issuer(heads)
        or release_issuer(heads)
        or item.source
        or site
        or next((found for found in map(agency_line, item.early) if found), None)  # "NPA News" under the lead
        or publisher_named(raw)
        or house_source(raw, item.start)
        or record_credit(raw)
        or source_credit(raw)
        or (sitting[1] if sitting else None)
        or issuer_line(titles)
        or header_issuer(titles, title)
        or issuer_in_lead(raw, [line.start for line in (top, lead_line) if line], item.end)
        or committee_in_lead(lead)
        or title_body(title)
        or banner_source(raw, title)
    )
    return Document(
        id=f"{_stem(seed_file)}-d{ordinal:02d}",
        seed_file=seed_file,
        source=named or publisher_in_text(text, raw),
        title=title,
        author=author,
        author_role=role,
        byline=byline or reporter_in_lead(lead),
        published=published,
        text=text,
        raw_start=item.start,
        raw_end=item.end,
    )


WIRE_DAYS = 3
"""A repost's timestamp comes at most this many days after the wire story its dateline dates."""


def _wire_date(dateline: Dateline, stamp: Published) -> Published:
    """The date of a wire story a page reposts: its dateline's ("OLDTOWN, Feb. 1 (Northpress) --", the year from
    the repost's stamp), when the repost's stamp comes a day or few later; else the stamp."""
    day = stamp.date() if isinstance(stamp, datetime) else stamp
    own = dateline.published
    if own is None and dateline.month_day is not None:
        month, on = dateline.month_day
        try:
            own = date(day.year - (month > day.month), month, on)  # a story of 31 December reposted on 1 January
        except ValueError:
            return stamp
    own_day = own.date() if isinstance(own, datetime) else own
    if own_day is None or not 0 < (day - own_day).days <= WIRE_DAYS:
        return stamp
    return own_day


def ingest_text(raw: str, seed_file: str) -> Iterator[Document]:
    """Cut one raw page into its documents, in page order (pure: the same text gives the same documents).

    ``raw`` is the file's text as :func:`claimstance.io.read_text` returns it; offsets are offsets into it.
    Raises :class:`EmptyInputError` naming ``seed_file`` when the page holds nothing but scraping noise.
    """
    headers_above = False  # True when the page opens with a timestamp: then timestamps head their items
    before: Run | None = None  # the run before the current item (or before the first one)
    after: Run | None = None  # the run after the current item's last text line so far
    item: _Item | None = None
    kept: list[_Item] = []  # the last item of prose, held back until the next one shows it is not the last
    ordinal = 0
    for piece in runs_and_text(raw):
        if isinstance(piece, Run):
            if item is None:
                before = piece
            else:
                after = piece
            continue
        if item is not None and after is not None:
            first = ordinal == 0 and not kept
            if (
                not after.separates
                or _header_over_stamp(item, after)
                or (first and _standfirst_over_stamp(item, after))
                or (first and item.lead is not None and after.site is None and opens_turn(raw[piece.start : piece.end]))
                or (first and _caption_over_turn(raw, item, after, piece))
                or _prose_goes_on(raw, item, after, piece)
            ):
                item.drops.extend(after.drops())
                if item.lead is None and after.stamps and item.above_stamp is None:
                    item.above_stamp = len(item.header_lines)  # the headline comes above its date
                item.stamp = item.stamp or next(iter(after.stamps), None)
                after = None
            else:
                _close(item, after, below=True, headers_above=headers_above)
                if item.lead is not None and not (kept and is_comment(item.header_lines)):  # a reader's comment: none
                    if kept:
                        ordinal += 1
                        yield _document(raw, kept.pop(), seed_file, ordinal)
                    kept.append(item)
                elif kept and kept[-1].source is None:
                    kept[-1].source = after.site  # site furniture after the article: its site is the article's
                item, before, after = None, after, None
        if item is None:
            if ordinal == 0 and not kept and before is not None:
                headers_above = bool(before.stamps)
            item = _Item(piece.start, piece.end)
            _open(item, before, headers_above=headers_above)
        item.add(raw, piece)
    if item is None:
        raise EmptyInputError(
            "holds only scraping noise (dashes, category words, timestamps), no text",
            path=seed_file,
            hint="remove the file or check what was scraped",
        )
    if after is not None:
        _close(item, after, below=False, headers_above=headers_above)
    if kept and (item.lead is None or is_comment(item.header_lines)):
        # Furniture after the last article (related headlines, share lines, a repeat cut short): no article.
        kept[-1].source = kept[-1].source or item.source
        item = kept.pop()
    for last in [*kept, item]:
        ordinal += 1
        yield _document(raw, last, seed_file, ordinal)


def _prose_goes_on(raw: str, item: _Item, run: Run, following: Line) -> bool:
    """Whether a run of furniture inside an article ("Share" / "Tweet", "Advertisement" / "Photo", "* * *") only
    interrupts it: the article has prose, the text after the run is prose with no headline of its own, and the
    run holds labels alone (no rule, timestamp or site, which end items on pages of items, and no "Related")."""
    if item.lead is None or run.site is not None or any(line.kind is STRONG for line in run.lines):
        return False
    return not run.related and is_prose(raw, following)


def _header_over_stamp(item: _Item, run: Run) -> bool:
    """Whether an item of headlines and labels alone opens the text after the run (headline, date, body)."""
    return item.lead is None and run.site is None


_PUBLISHED_LABEL = re.compile(r"(?i:published|posted|first\s+published|date)\b")
STANDFIRST_CHARS = 400
"""A standfirst and a "From:" line under it, at most."""


def _standfirst_over_stamp(item: _Item, run: Run) -> bool:
    """Whether a header and one-line standfirst stand above "Published" and a date (GOV.UK) or a date and a time."""
    lead, shown = item.lead, [line for line in run.lines if line.kind is not BLANK]
    if lead is None or item.end - lead.start > STANDFIRST_CHARS or run.site is not None:
        return False
    if len(shown) >= 2 and all(line.stamp for line in shown):
        return True  # kremlin.ru: "March 18, 2014" / "15:50" on lines of their own
    return any(line.short and _PUBLISHED_LABEL.match(line.short) for line in shown if line.stamp or line.kind is WEAK)


# "Reporter: ...", "Q: ...", "Ambassador Roe: ...": a transcript's turn label, a person or not
_TURN_LABEL = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*:\s")


def _caption_over_turn(raw: str, item: _Item, run: Run, following: Line) -> bool:
    """Whether a transcript's header and a one-line caption or standfirst stand above its date, and its first turn
    ("Reporter: So far, ...") follows: the turns are the header's transcript, not an item of their own."""
    lead = item.lead
    if lead is None or item.end - lead.start > STANDFIRST_CHARS or run.site is not None:
        return False
    return _TURN_LABEL.match(raw, following.start, following.end) is not None


def _open(item: _Item, run: Run | None, *, headers_above: bool) -> None:
    """Give a new item what the run above it says: its site, and a timestamp when it is the item's."""
    if run is not None:
        item.source = run.site
        stamps = run.stamps
        if stamps and (headers_above or len(stamps) > 1):
            item.stamp = stamps[-1]


def _close(item: _Item, run: Run, *, below: bool, headers_above: bool) -> None:
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
