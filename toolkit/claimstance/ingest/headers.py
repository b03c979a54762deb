"""What the first lines of an article say about it: headline, dateline, agency, and the author of a transcript.

A page opens with a header: site furniture ("Accessibility links", breadcrumbs, tickers), the headline (often
twice), a byline, timestamps, a dateline; the body starts at the first line of prose (a line that ends a
sentence, or a long one). Everything here reads those header lines and the body's first lines (pure).

* **Title**: the longest headline-like header line: no bullet, breadcrumb, byline, dateline, label ("Tag:"),
  agency or section name, site furniture ("Jump to content"), venue ("Oval Office") or video title; a line of
  one or two words only when a "by ..." line completes it ("Press conference" / "by NATO Secretary General
  ..."). No header line, no title.
* **Dateline**: "PLACE, DATE (Agency) –", "PLACE, DAY MONTH, AGENCY.", "Place, City, Date / Agency Author /":
  its date (a day and month alone get their year from the page), its agency and author.
* **Agency**: the dateline's; a header line of its own or the lead's: :mod:`claimstance.ingest.agencies`.
* The author of a speech or transcript: :mod:`claimstance.ingest.authors`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claimstance.ingest.agencies import agency_line, agency_name
from claimstance.ingest.issuers import QUOTE_HEADLINE, is_site_line, org_line
from claimstance.ingest.namelines import TRANSCRIPT_START, is_role_line, name_line
from claimstance.ingest.styles import DEB_CITATION, FRAMED_HEADLINE, NUMBERED_DATE, PLACE_LINE, framed_date
from claimstance.lexicon import (
    DATE,
    DAY_MONTH,
    FUNCTION_WORDS,
    MEMBER_NAME_LINE,
    MONTHS,
    Published,
    Updated,
    classify_line,
    date_of,
    parse_published,
    stamp_kind,
    words,
)

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25

# ------------------------------------------------------------------------------------------------ datelines

_PLACE = r"[A-Z][A-Za-z'’.\-]+(?:\s[A-Z][A-Za-z'’.\-]+){0,3}"
_DATELINE = re.compile(
    rf"(?:date\s+(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b"
    rf"|(?:{_PLACE}(?:\s*\([^)\n]{{1,40}}\))?,\s*){{1,3}}(?P<date>{DAY_MONTH})"
    r"(?:\s*\((?P<paren>[^)\n]{1,30})\)\s*(?:[-–—]{1,2}|$)"
    r"|,\s*(?P<caps>[A-Z][A-Za-z.]{2,30})\s*[.:]\s"
    r"|\s*/\s*(?P<slash>[A-Z][\w.\-]{1,30})(?:\s+(?P<by>[^/\n]{2,40}?))?\s*/"
    r"|\s*(?:[-–—]{1,2}|:|$)))"
)
_DIGIT_OR_BRACKET = re.compile(r"[\d(/]")
_DATELINE_START = re.compile(r"date\s|[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,3}(?:\s*\([^)\n]{1,40}\))?,")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTH_DAY = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]+)|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})")


@dataclass(frozen=True)
class Dateline:
    """A dateline read: its date (or day and month without a year), its agency and author, where it ends."""

    end: int
    published: Published | None
    month_day: tuple[int, int] | None
    agency: str | None
    author: str | None


def read_dateline(line: str) -> Dateline | None:
    """The dateline at the start of ``line``, if there is one (see the module docstring for its forms)."""
    if _DATELINE_START.match(line) is None or _DIGIT_OR_BRACKET.search(line, 0, 90) is None:
        return None  # a place and a comma, then a date or an "(Agency)": spare the long pattern
    found = _DATELINE.match(line)
    if found is None:
        return None
    if found["iso"]:  # a stored page's crawl line: " date 2017-11-15 ..."
        return Dateline(found.end(), date.fromisoformat(found["iso"]), None, None, None)
    text = found["date"]
    full = DATE.match(text)
    published = date_of(full) if full is not None and full.end() == len(text) else None
    month_day = None
    if published is None:
        md = _MONTH_DAY.fullmatch(text.rstrip(". "))
        if md is not None:
            month = (md["m"] or md["m2"] or "").lower().rstrip(".")
            day = int(md["d"] or md["d2"] or 0)
            month_day = (MONTHS[month], day) if month in MONTHS and 1 <= day <= 31 else None
    agency = found["paren"] or found["caps"] or found["slash"]
    return Dateline(found.end(), published, month_day, agency_name(agency) if agency else None, found["by"])


@lru_cache(maxsize=8)
def _latest_date(raw: str) -> date | None:
    """The latest full date a page gives (cached: every item of a page asks; str hashes are cached too).

    Years first, latest first: the full date pattern runs only around the latest year that makes a date.
    """
    at_year: dict[str, list[int]] = {}
    for year in _YEAR.finditer(raw):
        at_year.setdefault(year.group(), []).append(year.start())
    for year_text in sorted(at_year, reverse=True):
        dates = []
        for start in at_year[year_text]:
            m = DATE.search(raw, max(0, start - 20), start + 10)
            found = date_of(m) if m is not None else None
            if found is not None and found.year == int(year_text):
                dates.append(found)
        if dates:
            return max(dates)
    return None


def year_from_page(month_day: tuple[int, int], raw: str) -> date | None:
    """The date of a dateline's day and month: on or after the latest full date the page gives, else None."""
    latest = _latest_date(raw)
    if latest is None:
        return None
    month, day = month_day
    for year in (latest.year, latest.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= latest:
            return candidate
    return None  # pragma: no cover - the next year is always late enough


_HEAD_DATE_FIRST = re.compile(
    rf"(?:[A-Z][a-z]+day,?\s+)?(?P<day>(?:{DATE.pattern})(?:,?\s+\d{{1,2}}:\d{{2}})?)(?=,?\s|$)"
)
# "Briefing by X, Oldtown, March 4, 2022", "Speech in Oldtown: 4 March 2022"
_HEAD_DATE_LAST = re.compile(rf"[,:]\s*(?P<day>{DATE.pattern})$")
# "(House of Burgesses - September 15, 2020)": a record's chamber and day; "Wednesday, 5 April 2017 - Oldtown Revised
# edition": a record's day and place
_CHAMBER_DAY = re.compile(rf"\([A-Z][\w'’ ]{{2,60}}?\s+[-–—]\s+(?P<day>{DATE.pattern})\)$")
# "[Northland Record Volume 16, Number 17 (Tuesday, December 8, 2015)]": a record's volume and issue, then its day
_VOLUME_DAY = re.compile(
    rf"\[?[A-Z][\w ]{{2,60}}?\s+Volume\s+\d+,\s+Number\s+\d+\s+\((?:\w+day,?\s+)?(?P<day>{DATE.pattern})\)"
)
_DAY_PLACE = re.compile(rf"(?:\w+day,?\s+)?(?P<day>{DATE.pattern})\s+[-–—]\s+[A-Z]")
_SECTION_BEFORE = re.compile(r"(?:[A-Z][\w&'’\-]*\s+){1,3}(?=\d)")
"""A section's label before a timestamp on one line: "Northland Materials 25 March 2019 14:12 (UTC +04:00)"."""
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}\b")
"""A time of day: a stamp's, where a headline's "Talks Resume 25 March 2025" names the day the news is about."""
_STAMP_PARTS = re.compile(r"\s*[|•·]\s*")


# "13 May 04": a monitoring service's date line, the year in two digits
_SHORT_YEAR = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3,9}\.?)\s+(?P<y>\d{2})")
SHORT_YEAR_PIVOT = 50
"""A two-digit year below this is of the 2000s, else of the 1900s."""


# "Press Briefing by Jane Doe, 6/27/16": a transcript title's date in numbers, after a comma at its end
_NUMERIC_END = re.compile(r",\s+(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})$")


def _numeric_end(head: str) -> date | None:
    """The date a title's numeric ending gives when only one order makes a date ("6/27/16": 27 is no month);
    "11/7/16" (7 November or 11 July) gives none."""
    found = _NUMERIC_END.search(head)
    if found is None:
        return None
    a, b, year = int(found["a"]), int(found["b"]), int(found["y"])
    if (a > 12) == (b > 12):
        return None
    month, day = (a, b) if b > 12 else (b, a)
    year = year if year > 100 else year + (2000 if year < SHORT_YEAR_PIVOT else 1900)
    try:
        return date(year, month, day)
    except ValueError:
        return None


_PLACE_DAY = re.compile(rf"{_PLACE},\s*(?P<day>{DATE.pattern})")


# "Today, <date>," opens the text or the statement under a lead-in's colon: not a quotation a speech recalls
# ("“Today, June 6, 1944, troops landed,” the radio announced") after a paragraph of its own
_TODAY = re.compile(rf"(?:\A\s*|:[ \t]*\n\s*)[“\"]?Today,\s+(?:\w+day,\s+)?(?P<day>{DATE.pattern}),")
_TODAY_CHARS = 1500


def today_dated(text: str) -> Published | None:
    """The date a release gives its own day in its opening ("“Today, July 9, 2011, Northland declared ...")."""
    found = _TODAY.search(text, 0, _TODAY_CHARS) if "Today, " in text[:_TODAY_CHARS] else None
    return parse_published(found["day"]) if found is not None else None


def dated_head(heads: Sequence[str]) -> Published | None:
    """The date a header line gives when no stamp or dateline does: with its label ("Volume 580: debated on
    Tuesday 13 May 2014"), beside a label ("SEPTEMBER 01, 2021•SPEECHES AND REMARKS"), before a place ("March
    18, 2014 17:00 The Palace, Oldtown") or after a transcript's title ("Briefing by X, Oldtown, March 4, 2022")."""
    for head in heads:
        if not any(c.isdigit() for c in head) or photo_caption(head):
            continue  # no date without a digit; a photo's date is the picture's
        framed = framed_date(head)
        if framed is not None:
            return framed
        short = _SHORT_YEAR.fullmatch(head)
        if short is not None and short["m"].lower().rstrip(".") in MONTHS:
            year = int(short["y"]) + (2000 if int(short["y"]) < SHORT_YEAR_PIVOT else 1900)
            try:
                return date(year, MONTHS[short["m"].lower().rstrip(".")], int(short["d"]))
            except ValueError:
                continue
        found = ON_DATE.search(head) or DEB_CITATION.match(head)
        if found is not None:
            return parse_published(head[found.end() :])
        for piece in _STAMP_PARTS.split(head) if "|" in head or "•" in head or "·" in head else ():
            stamp = classify_line(piece)
            if stamp.stamp and stamp.published is not None and stamp.updated is Updated.PLAIN:
                return stamp.published
            placed = _PLACE_DAY.fullmatch(piece)  # "Washington, July 12, 2024 | comments"
            if placed is not None:
                return parse_published(placed["day"])
        label = _SECTION_BEFORE.match(head) if _CLOCK_TIME.search(head) else None
        labelled = (
            classify_line(head[label.end() :]) if label is not None and stamp_kind(head) is Updated.PLAIN else None
        )
        if labelled is not None and labelled.stamp and labelled.published and labelled.updated is Updated.PLAIN:
            return labelled.published
        record = _CHAMBER_DAY.match(head) or _DAY_PLACE.match(head) or _VOLUME_DAY.match(head)
        if record is not None:
            return parse_published(record["day"])
        at = _HEAD_DATE_FIRST.match(head) or _HEAD_DATE_LAST.search(head) or NUMBERED_DATE.match(head)
        if at is not None and stamp_kind(head) is Updated.PLAIN:
            return parse_published(at["day"])
        numeric = _numeric_end(head) if "/" in head else None
        if numeric is not None:
            return numeric
    return None


# ------------------------------------------------------------------------------------------------ titles

# A record's dated heading: "Northland Assembly Debate, Thursday - 7 November 2019" (case-insensitive fragment)
_SITTING_DATE = rf".{{0,60}}\b(?:debates?|proceedings|sitting)\s*[,\-–—]\s*(?:\w+day\s*[,\-–—]?\s*)?{DATE.pattern}$"
# A debate's rubric: "Question for Short Debate", "Assembly matters - Commencement Matters" (case-insensitive fragment)
_RUBRIC = (
    r"(?:.{0,60}\s[-–—]\s)?(?:question\s+for\s+short\s+debate|motion\s+to\s+take\s+note|commencement\s+matters"
    r"|(?:private\s+notice|urgent)\s+question|asked\s+by)$"
)
_NOT_A_TITLE = re.compile(
    r"(?:[•·▪●*\-–—]|\d{1,2}\.\s|\d{1,2}:\d{2}\s|by\s|(?i:posted\s+by\s|accessibility|skip\s+to|breaking\s+news|tags?\s*:|category\s*:"
    r"|section\s*:|filed\s+under|home$|menu$|search$|for\s+immediate\s+release|as\s+delivered|as\s+prepared"
    r"|check\s+against\s+delivery|embargoed|subjects?\s*:|more\s+(?:photos|videos)\s*:"  # subjects, a gallery link
    # a site's own furniture: skip links, a government banner, a blog's label listing
    r"|skip\s+(?:all|first)\s+menus?\b|sautez\s+(?:tous\s+les|le\s+premier)\s+menus?\b"
    r"|jump\s+to\s+(?:content|navigation|main)|an\s+official\s+website\s+of\b|(?:official|secure)\s+(?:\.gov\s+)?"
    r"websites\s+use\b|showing\s+posts\s+(?:with|for)\b|printable\s+version\b"
    # the skip link of a bilingual Irish site, a record's dated heading ("Northland Assembly Debate, Thursday - 7
    # November 2019"), a speech's label before its speaker ("Prepared Floor Remarks by Senator Jane Doe")
    rf"|léim\s+ar\s+aghaidh\b|{_SITTING_DATE}"
    r"|(?:(?:prepared|floor|opening|closing|keynote)\s+)+remarks\s+(?:by|of)\s"
    r"|(?:questions|ceisteanna|written\s+answers|oral\s+answers)\s*\(\d+\)$"  # a record's numbered section
    # a debate's rubric ("Question for Short Debate", "Motion to Take Note") or its citation ("HC Deb 4 May 1998 vol 3")
    rf"|{_RUBRIC}"
    # a member's name with the constituency, a record's speaker line ("Mr. Jane Doe (Oldtown and Northby)")
    r"|(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}\s*\([^()]{2,60}\)$"
    rf"|h[cl]\s+deb\b|{MEMBER_NAME_LINE.pattern}$"  # a name block, in any case ("THE HON. JANE DOE MP")
    r"|from\s+the\s+.{0,60}\bonline\s+(?:through|via)\b|.{3,200}\|\s*\w+(?:\s+\w+){0,3}\s+source$"  # credit, link
    # a cookie notice; a release's kind over its section ("Press Release ● Foreign Affairs")
    r"|by\s+(?:continuing\s+to\s+use|using)\s+(?:our|this)\s+(?:web)?site\b|(?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b"
    r"|cookies?\s+(?:management|consent|policy|settings)\b|(?:press\s+)?releases?\s*[●•|]\s"
    r"|[^\d\n]{2,60}\s\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}$))"  # a press contact: "Jane Roe, 202-555-0100"
)
_SECTIONS = (
    r"(?i:statements|speeches|(?:press\s+|news\s+)?releases?|readouts|briefings|messages|interviews|transcripts"
    r"|articles)"
)
# A section of a site's releases: "Statements by the Spokesperson", "SPEECHES, INTERVIEWS, ARTICLES", "Statements and
# messages of the Prime Minister" (kinds in the plural, then at most whose they are)
_SECTION = re.compile(
    rf"{_SECTIONS}(?:\s*(?:,|and|&)\s*{_SECTIONS})*"
    r"(?:\s+(?i:by|of|from)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w.]*){0,5})?"
)
# A media player's line under a video's title: "|| 0:00:00", "0:00 / 2:41"
_PLAYER = re.compile(r"[|\s▶►]*\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?")
# "Volume 580: debated on Tuesday 13 May 2014", "Delivered on: 11 March 2024": the date of a text, no headline
ON_DATE = re.compile(
    rf"\b(?i:debated|delivered|published|posted|released|issued|dated)\b(?:\s+on)?\s*:?\s*(?:\w+day,?\s+)?"
    rf"(?={DATE.pattern})"
)
_DIGIT = re.compile(r"\d")
# "Northpress Staff Writer", "Jane Doe, Northpress correspondent in Oldtown": a byline, no headline
_BYLINE_TAIL = re.compile(
    r"\b(?i:staff(?:\s+(?:writer|reporter)s?)?|correspondent|reporter|news\s+desk)(?:\s+in\s+[A-Z][\w ]+)?$"
)
_PLACE_LINE = re.compile(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")
"""A place on a line of its own ("Washington, DC", "New York, NY", "Oldtown, Northland"): no headline."""
_TITLE_END = frozenset(".,;:–—-…")
# A photo caption or a share bar under the headline: "... (Photo: Jane Doe/Northpress)", "Share on Facebook"
_CAPTION = re.compile(
    r"(?i:\b(?:photo|photograph|image|picture|credit)\s*[:/]|\bgetty\s+images\b|^share\s+(?:on|this|via)\b)"
)
# a photo's caption: who does what "in Oldtown, Northland, Aug. 26, 2011" (a wire's caption style)
_CAPTION_END = re.compile(
    rf"\s(?:in|at|near)\s+[A-Z][\w'’.\-]*(?:[ ,]+[A-Z][\w'’.\-]*){{0,4}},\s+(?:{DATE.pattern})\.?$"
)
# "NLO Standing Council No. 812 Oldtown, 14 March 2024": a meeting's name, its number, place and date (a dateline)
_MEETING_DATELINE = re.compile(
    rf"\b(?:No\.\s*\d+|\d+(?:st|nd|rd|th)\s+(?i:meeting|session|sitting))[,\s]+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)?"
    rf",\s+(?:{DATE.pattern})$"
)
CAPTION_WORDS = 8
"""A caption is a sentence of this many words at least; a headline that ends with its place and date is shorter."""


def photo_caption(line: str) -> bool:
    """Whether a header line is a photo's caption: a sentence (not Title Case) of eight words or more that ends with
    where and when the picture was taken ("... casts his ballot in Oldtown, Aug. 26, 2011")."""
    return (
        len(line.split()) >= CAPTION_WORDS
        and _CAPTION_END.search(line) is not None
        and not title_cased(line[: line.rfind(",")])
    )


LONG_TITLE_CHARS, LONG_TITLE_WORDS = 320, 50
"""A headline in title case may run this long: "Readout of the President's Calls with President X of Y, ..."."""
_MINOR = FUNCTION_WORDS | words("is are to")


def title_cased(text: str) -> bool:
    """Whether most words of a line are capitalised, as a Title Case headline's are (prose's are not)."""
    tokens = [t for t in text.split() if t.lower() not in _MINOR]
    return bool(tokens) and sum(t[:1].isupper() or t[:1].isdigit() for t in tokens) >= 0.8 * len(tokens)


def _menu(text: str) -> bool:
    """A navigation bar: many capitalised words and no function word ("Home Issues & Press Travel & ...")."""
    tokens = text.split()
    if len(tokens) < 8 or any(t.lower() in _MINOR for t in tokens):
        return False
    return "&" in tokens or len(tokens) >= 10


def above_player(raw: str, end: int) -> bool:
    """Whether the line ending at ``end`` stands right above a media player's time ("|| 0:00:00"): a video's
    title, not the article's headline."""
    start = raw.find("\n", end) + 1
    if start == 0:
        return False
    stop = raw.find("\n", start)
    return _PLAYER.fullmatch(raw[start : stop if stop >= 0 else len(raw)].strip()) is not None


def venue_line(raw: str, start: int, end: int) -> bool:
    """Whether the line ``raw[start:end]`` is a place over a transcript's time ("Oval Office" / "4:10 P.M. EST"): two
    or three capitalised words, the last a venue's, and a time on the next line of text; a headline may end in such
    a word ("Olsen Leaves Office") and no time comes under it."""
    tokens = raw[start:end].split()
    if not (2 <= len(tokens) <= 3 and tokens[-1].lower() in _VENUES and all(t[:1].isupper() for t in tokens)):
        return False
    below = _NEXT_TEXT.search(raw, end)
    return below is not None and _CLOCK_TIME.match(raw, below.start()) is not None


_NEXT_TEXT = re.compile(r"\S")


_VENUES = words("office room lawn garden house building palace residence hotel airport tarmac hall chamber auditorium")


_BREADCRUMB = re.compile(r"\s[»›]\s|^Home\s+[>/]\s")


INITIALS_END = re.compile(r"(?!(?:The|A|An|It|He|She|We|They|I|This|These)\s)(?:(?![.!?…]\s).)*\s[A-Z]\.[A-Z]\.")
"""A line whose only full stops are a place's initials at its end ("Results announced in Washington, D.C."), and
that opens with no article or pronoun: "The ministers met in Washington, D.C." is a lead's sentence."""


def is_headline(text: str | None) -> bool:
    """Whether a short line reads like a headline (capital or quote first, no closing full stop, not too long)."""
    if text is None or len(text) > LONG_TITLE_CHARS or len(text.split()) > LONG_TITLE_WORDS:
        return False
    if (len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS) and not title_cased(text):
        return False
    if _menu(text) or _BREADCRUMB.search(text) is not None:
        return False  # "Home » UK Government » Foreign Secretary statement ...": the page's place in its site
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'‘"):
        return False
    closed = text.rstrip("\"”»'’)]")[-1:] in _TITLE_END and QUOTE_HEADLINE.fullmatch(text) is None  # 'Chair: "No."'
    closed = closed and INITIALS_END.fullmatch(text) is None
    return not closed and read_dateline(text) is None


# a dateline run into a headline in capitals opens it, its dash after "D.C." or right after the place: not the
# spaced dash of a headline's own kicker ("BREXIT — WHAT HAPPENS NEXT")
_RELEASE_PLACE = re.compile(r"^[A-Z]{3,}(?:\s[A-Z]{3,})?(?:,\s*(?:[A-Z]\.){2}\s*)?[—–]\s*(?=[A-Z]{2,}\s[A-Z]{2,})")
_VOLUME = re.compile(r";\s+[A-Z][\w ]{2,60}?\s+Vol\.\s*\d+(?:,\s*No\.\s*\d+)?$")
_SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+(?:www\.)?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}$")


def _dated(line: str) -> bool:
    """Whether a line dates the page ("Delivered on 4 March 2022", "Tuesday, March 4, 2022, 8:46 Front Hall")."""
    return ON_DATE.search(line) is not None or (_HEAD_DATE_FIRST.match(line) or NUMBERED_DATE.match(line)) is not None


_DOCUMENT_TYPES = frozenset(
    ["news story", "world news story", "press release", "speech", "oral statement to parliament",
     "written statement to parliament", "statement", "news release", "media release", "transcript"]
)  # fmt: skip
"""A government site's label of a document's type: the headline comes right under it, its summary after."""
_RECORD_DATE = re.compile(rf"Volume\s+\d+:\s+debated\s+on\b|(?i:{_SITTING_DATE})")
_RECORD_RUBRIC = re.compile(rf"(?i:{_RUBRIC})")


def _record_heading(lines: Sequence[str], i: int) -> bool:
    """Whether header line ``i`` is a record's heading: right above its dated line ("Volume 556: debated on ...",
    "Northland Assembly Debate, Thursday - 7 November 2019") or right under its rubric ("... - Commencement
    Matters"): the debate's title, however short or name-like ("Harbour Law", "Northern Region" are no persons)."""
    above = i + 1 < len(lines) and _RECORD_DATE.match(lines[i + 1]) is not None
    return above or (i > 0 and _RECORD_RUBRIC.match(lines[i - 1]) is not None)


_ROMANCE_WORDS = words("de la le les du des sur et pour au aux en del los las por para el y")
_ENGLISH_WORDS = words("the of and on for to by in with at")


def _translated(line: str) -> bool:
    """Whether a headline is in French or Spanish ("Déclaration de la Haute-Représentante sur le ..."): two of
    their function words in lower case (not the "De La" or "Los" of a name) and none of English's."""
    tokens = line.split()
    return sum(t in _ROMANCE_WORDS for t in tokens) >= 2 and not any(t.lower() in _ENGLISH_WORDS for t in tokens)


def section_label(line: str) -> bool:
    """Whether a header line names a site's section ("Statements by the Spokesperson", "Press Releases"): no
    headline, even when it heads a transcript."""
    return _SECTION.fullmatch(line) is not None


def choose_title(lines: Sequence[str]) -> str | None:
    """The headline among an article's header lines (see the module docstring), or None.

    The longest headline-like line wins (never a single word, or a line the header repeats three times: a site's
    name); a line of two words ("Breaking News", "Remarks") only when
    there is no longer one; a line the header gives twice (the page's title and its headline) before any other:
    headlines of other stories around it (tickers, "Latest news") are given once.
    """
    best: tuple[bool, bool, bool, bool, int, str] | None = None
    native: tuple[bool, bool, bool, bool, int, str] | None = None
    twice = {line for line in lines if lines.count(line) > 1}
    sites = {line for line in twice if is_site_line(line, lines)}
    for i, line in enumerate(lines):
        framed = FRAMED_HEADLINE.fullmatch(line) if "/" in line else None
        line = framed["title"] if framed is not None else line
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if following.startswith("by ") and is_headline(line):
            line = f"{line} {following}"  # "Press conference" / "by NATO Secretary General ..."
        elif not is_headline(line) or _NOT_A_TITLE.match(line) or (_DIGIT.search(line) and _dated(line)):
            continue
        if _SECTION.fullmatch(line):
            continue  # a section's name
        if len(line.split()) < 2 or any(site in line for site in sites) or PLACE_LINE.fullmatch(line):
            continue  # "Rome" above a date is a dateline's place; a line given three times is the site's name
        role = is_role_line(line) and TRANSCRIPT_START.match(line) is None  # "ADDRESS BY PRESIDENT OF ..." is a title
        if agency_line(line) is not None or role or _CAPTION.search(line) or _BYLINE_TAIL.search(line):
            continue
        if _DIGIT.search(line) and (photo_caption(line) or _MEETING_DATELINE.search(line)):
            continue
        if org_line(line) is not None:
            continue  # "Northland Government": the issuing body's name over its release
        line = _RELEASE_PLACE.sub("", line)  # "WASHINGTON, D.C.—HOUSE PASSES ...": a release's dateline run in
        line = _VOLUME.sub("", line)  # "HEADLINE; Northland Record Vol. 166, No. 159": the page title cites its record
        if " | " in line and all(len(part.split()) <= 4 for part in line.split(" | ")[1:]):
            line = line.split(" | ")[0]  # "Headline | Northpress News": the page title names its site
        site = _SITE_SUFFIX.search(line) if "." in line else None
        line = line[: site.start()] if site else line  # "Headline - northpress.com"
        person = name_line(line) if not _record_heading(lines, i) else None
        if person is not None and (person[1] is None or title_cased(person[1])):
            continue  # "Jane Doe": a byline's or speaker's name line (a short Title Case headline is lost with it)
        # "Press Statement", or a long Title Case line: only when no other line is a headline
        label = TRANSCRIPT_START.fullmatch(line) is not None or len(line) > MAX_TITLE_CHARS
        typed = i > 0 and lines[i - 1].lower() in _DOCUMENT_TYPES  # "World news story" over the headline
        key = (typed, not label, len(line.split()) > 2, line in twice, len(line), line)
        if best is None or key[:5] > best[:5]:
            best = key
        if not _translated(line) and (native is None or key[:5] > native[:5]):
            native = key
    best = native or best  # a bilingual header: the translation does not win by length
    return best[5] if best else None
