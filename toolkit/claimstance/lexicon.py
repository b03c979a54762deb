"""The text grammar the text stages share: dates, scraping-noise lines, and the words of roles and organisations.

One definition of each, for ``ingest`` (a page's timestamps, noise lines and transcript headers),
``segment`` (noise lines between paragraphs, datelines) and its speaker attribution (names against roles).
Pure: patterns, word sets and small functions over short strings.

**Dates.** A date needs a year ("2 September 2024", "September 2, 2024", "02.09.2024", "11/19/2021",
"2024-09-02"); a time ("16:05", "7:45 pm") may come with it. :func:`parse_published` reads them. A stamp that
says the page was updated ("Last update: ...") is marked as such: it is no article's date.

**Noise lines.** :func:`classify_line` tells what one line of a scraped page is:

* **text** - anything a reader would read (headlines, transcript headers and datelines included), and every
  line longer than :data:`SHORT_LINE`;
* **strong noise** - a line of dashes or bullets, a bare timestamp (``- 2 September 2024, 16:05``), a bare
  site name (``president.az``);
* **weak noise** - a line made only of navigation or category words (``Photo sessions``, ``Share``,
  ``Politics``, ``Read more``), or of marks that end a section (``* * *``, ``...``, ``###``);
* **tentative noise** - a bulleted line of at most four words that is not in the vocabulary (``- Gallery of
  the week``, ``– Yes``): ingest decides from the lines around it whether it is a label or a list item;
* **blank**.

**Roles and names.** Office words ("president", "minister", "spokesman"), honorifics ("Mr.", "His
Excellency"), the nouns that make a phrase an organisation, the particles inside names ("de", "bin"), the
function words that are never part of a name, and the words that open a transcript's header ("Statement by").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum

Published = date | datetime


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for the word lists below)."""
    return frozenset(text.split())


def by_first_letter(alternation: str) -> str:
    """The words of a regex alternation regrouped under their first letters (``said|says|[Aa]ccording`` ->
    ``s(?:aid|ays)|A(?:ccording)|a(?:ccording)``): the engine then tries one branch a letter at each offset,
    not every word. It matches what the alternation matches, in the same order (``(?:a|b)X`` is spread to
    ``aX|bX``; words under one letter keep their order, and words of two letters never start at one offset),
    when every branch starts with a letter; a branch that does not is tried last."""
    grouped: dict[str, list[str]] = {}
    kept: list[str] = []
    pending = _top_level(alternation)
    while pending:
        branch = pending.pop(0)
        close = _group_end(branch) if branch.startswith("(?:") else -1
        if close > 0 and not branch[close + 1 :].startswith(("?", "*", "+", "{")):
            pending[:0] = [inner + branch[close + 1 :] for inner in _top_level(branch[3:close])]
        elif re.match(r"\[[A-Za-z]+\]", branch):
            letters = branch[1 : branch.index("]")]
            pending[:0] = [letter + branch[len(letters) + 2 :] for letter in letters]
        elif branch[:1].isalpha() and branch[1:2] not in ("?", "*", "+", "{"):
            grouped.setdefault(branch[0], []).append(branch[1:])
        else:
            kept.append(branch)
    return "|".join([f"{letter}(?:{'|'.join(rests)})" for letter, rests in grouped.items()] + kept)


def _top_level(alternation: str) -> list[str]:
    """The branches of a regex alternation (its ``|`` outside groups, classes and escapes)."""
    cuts = [i for i, depth in _depths(alternation) if depth == 0 and alternation[i] == "|"]
    return [alternation[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(alternation)], strict=True)]


def _group_end(branch: str) -> int:
    """Where the group that opens ``branch`` closes."""
    return next(i for i, depth in _depths(branch) if depth == 0 and branch[i] == ")")


def _depths(pattern: str) -> Iterator[tuple[int, int]]:
    """The offsets of a regex's characters outside escapes and classes, each with its group depth after it."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield i, depth
        i += 1


# ------------------------------------------------------------------------------------------------ dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Month names and their abbreviations, lower case, with the month's number."""
MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
"""A month name or abbreviation in any case, with an optional full stop (a pattern fragment)."""
_ORD = r"(?i:st|nd|rd|th)?"
DAY_MONTH = rf"(?:\d{{1,2}}{_ORD}\s+{MONTH}(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}{_ORD}(?:,?\s+\d{{4}})?)"
"""A day and a month, the year optional ("3 Sept.", "September 2, 2024"): as a dateline gives it."""
# Day-month-year, month-day-year, dd.mm.yyyy and dd-mm-yyyy (the European numeric forms), mm/dd/yyyy (the
# American one) and ISO; a year is always required.
DATE = re.compile(
    rf"(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>{MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
    r"|(?<![\d-])(?P<d3>\d{1,2})(?P<sep>[.-])(?P<m3>\d{1,2})(?P=sep)(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    r"|(?P<m5>\d{1,2})/(?P<d5>\d{1,2})/(?P<y5>\d{4})",
)
"""A date with its year; :func:`date_of` turns a match into a ``date``."""
TIME = re.compile(r"(?<!\d)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?", re.I)
# What may surround the date and time on a timestamp line: separators, weekdays, "Updated:", a time zone.
_STAMP_REST = re.compile(
    r"(?:[\s,|/–—\-:()+.#\d]|\b(?:updated|update|published|posted|submitted|modified|date|last|on|at|am|pm|gmt|utc"
    r"|edt|est|cet|cest|eet|eest|msk|bst|pst|pdt|cst|cdt|time|t|z"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)*",
    re.IGNORECASE,
)


_STAMP_BY = re.compile(r"\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")


def date_of(match: re.Match[str]) -> date | None:
    """The date a :data:`DATE` match stands for, or None when there is no such day (31 February)."""
    g = match.groupdict()
    for n in "12345":
        if g[f"y{n}"] is not None:
            month_text = g[f"m{n}"].rstrip(".").lower()
            month = MONTHS[month_text] if month_text in MONTHS else int(month_text)
            day = int(g[f"d{n}"])
            if n == "5" and month > 12:  # 19/11/2021: the day comes first after all
                month, day = day, month
            try:
                return date(int(g[f"y{n}"]), month, day)
            except ValueError:  # 31 February: looks like a date, is none
                return None
    return None  # pragma: no cover - one alternative always matched


def _with_time(day: date, match: re.Match[str]) -> Published:
    hour, minute = int(match["h"]), int(match["mi"])
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:  # 25:70 is no time; keep the day
        return day


def _date_and_time(text: str) -> tuple[Published | None, str, bool]:
    """The date (with its time) in a short text, what is left around them, and whether either was there."""
    found = DATE.search(text)
    rest = text if found is None else f"{text[: found.start()]} {text[found.end() :]}"
    clock = TIME.search(rest)
    if clock is not None:
        rest = f"{rest[: clock.start()]} {rest[clock.end() :]}"
    day = date_of(found) if found is not None else None
    value = _with_time(day, clock) if day is not None and clock is not None else day
    return value, rest, found is not None or clock is not None


def parse_published(text: str) -> Published | None:
    """The date (with its time, when one is given) a short text states, or None: the text must hold a year.

    "2 September 2024, 16:05" gives ``datetime(2024, 9, 2, 16, 5)``; "on November 23" gives None.
    """
    return _date_and_time(text)[0]


def _timestamp(text: str) -> tuple[bool, Published | None]:
    """Whether a (stripped, bullet-free) line is a bare timestamp, and its value (None for a bare "16:05")."""
    value, rest, found = _date_and_time(text)
    if not found:
        return False, None
    if _STAMP_REST.fullmatch(rest) is None:
        # "Posted on 2 September 2024 by Jane Doe": a stamp with its poster
        by = _STAMP_BY.search(rest) if " by " in rest else None
        if by is None or _STAMP_REST.fullmatch(rest[: by.start()]) is None:
            return False, None
    return True, value


# ------------------------------------------------------------------------------------------------ noise lines

SHORT_LINE = 300
"""Lines longer than this are always text: no noise pattern is tried on them (a 50 MB line stays cheap)."""
MAX_STAMP_CHARS = 80

NOISE_WORDS = words(
    """photo photos photosession photosessions photo-session photo-sessions session sessions gallery galleries
    video videos audio podcast multimedia infographic infographics share shares print printable version email
    e-mail mail comment comments tweet facebook twitter telegram whatsapp vk instagram youtube linkedin copy link
    links read more see also related news latest top popular most tags tag subscribe advertisement advertising
    ads sponsored menu home back next previous prev category categories follow us politics political economy
    business finance society world international region regions regional local sport sports culture
    analytics analysis opinion opinions interview interviews official chronicle domestic foreign policy incidents
    science technology tech health education lifestyle entertainment weather views view reads feed rss archive all
    main page full"""
)
"""Navigation and category words: a line made only of them is a site's label, not text."""
_DASHES = re.compile(r"[\-–—‒―•·▪●|_=~\s]+")
# Asterisms and other runs of marks that end a section: "* * *", "...", "###", "-*-".
_MARKS = re.compile(r"[\-–—‒―•·▪●|_=~*⁂✱#.\s]+")
_BULLET = re.compile(r"[\-–—•*·▪●]+\s*")
# A bare domain; the top-level part must be lower case so that "Mr.Smith" or "Baku.Today" are no sites.
_SITE = re.compile(r"(?i:https?://)?(?:www\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[a-z]{2,24}/?")
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# No full stop: "Next." or "More." alone on a line is a short sentence, not a navigation label.
_LABEL_CHARS = re.compile(r"[\w\s()|:/&,\-–]+")
_LABEL_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SHORT_LABEL = re.compile(r"[\w&'’]+(?:\s+[\w&'’]+){0,3}")


# Site furniture in sentences: audio players, reading times, cookie banners, newsletter boxes, rights lines, and
# credit lines ("From: Foreign Office", "Source: Northpress"; ingest reads the publisher from the page itself).
WORLD_CLOCK = r"(?-i:[A-Z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]*){0,3}):\s*\d{1,2}:\d{2}"
"""A world clock's line, a place in capitalised words and its time ("Oldtown: 15:46", "New York: 09:46"); a
timetable's "Polls open: 07:00" is the text's."""
_FURNITURE = re.compile(
    r"(?i:listen\s+to\s+(?:this\s+)?(?:article|story)\b|\d{1,3}[\s-]*min(?:ute)?s?\s+read$|reading\s+time\s*:"
    r"|cookie\s+(?:settings|policy|preferences)$|we\s+use\s+cookies\b|accept\s+(?:all|all\s+cookies|cookies)$"
    # a cookie banner's second line, a video player's fallback, GOV.UK's banner over a past government's pages
    r"|find\s+out\s+more\s+(?:on|about)\s+how\s+we\s+use\s+cookies\b|your\s+browser\s+does(?:n['’]t|\s+not)\s+support\b"
    r"|this\s+was\s+published\s+under\s+the\s+\d{4}\s+to\s+\d{4}\b"
    r"|(?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the)\s+(?:\w+\s+)?newsletters?\b"
    r"|(?:copyright|©).{0,80}all\s+rights\s+reserved\.?$|all\s+rights\s+reserved\.?$"
    r"|from\s+\w+,\s+the\s+free\s|this\s+page\s+is\s+archived\b|(?:from|source|via)\s*:\s*[A-Z]"
    # a wiki's review notice, a world clock ("Oldtown: 15:46")
    r"|page\s+version\s+status$|the\s+page\s+has\s+not\s+been\s+checked$|there\s+are\s+no\s+reviewed\s+versions\b"
    rf"|{WORLD_CLOCK}$"
    # a government page's field labels alone ("Published" / "12 March 2024") and its delivery notes
    r"|(?:published|first\s+published|last\s+updated|delivered\s+on|from)\s*:?$"
    r"|(?:format|content\s+format|countr(?:y|ies)|themes?|disaster\s+types?|language|labels)\s*:\s*[A-Z]"
    r"|.{0,40}\((?:transcript\s+of\s+the\s+speech|original\s+script|speaker['’]s\s+notes)\b[^()]*\)$"
    # a translation's notice, a record display's notice, a press office's contact line ("Media Contact 202-555-0147")
    r"|\(?\s*\*?\s*this\s+is\s+an?\s+(?:provisional\s+|unofficial\s+)?translation\b"
    r"|formatting\s+necessary\s+for\s+an\s+accurate\s+reading\b|(?:media|press)\s+contacts?\s*:?\s*[+\d(][\d\s().\-]{6,}$)"
)


# An e-mail alert's preamble on a repost: "You are subscribed to Press Releases for X. This information has recently
# been updated, and is now available." (looked for only where "subscribed" is)
_ALERT = re.compile(
    r"(?i:\byou\s+are\s+subscribed\s+to\b.{0,120}\bthis\s+information\s+has\s+recently\s+been\s+updated\b)"
)


class Updated(IntEnum):
    """What a timestamp says of its date: the article's (plain), an update ("Updated:"), a last change."""

    PLAIN = 0
    UPDATED = 1
    LAST = 2


_UPDATED = re.compile(r"\b(?:(last)\s+)?(?:updated?|(modified))\b", re.IGNORECASE)


def stamp_kind(text: str) -> Updated:
    """Whether a timestamp's text marks an update ("Updated: ...") or a last change ("Last update", "Modified")."""
    found = _UPDATED.search(text)
    if found is None:
        return Updated.PLAIN
    return Updated.LAST if found.group(1) or found.group(2) else Updated.UPDATED


class LineKind(IntEnum):
    """What one line of a scraped page is (see the module docstring)."""

    TEXT = 0
    BLANK = 1
    STRONG = 2
    WEAK = 3
    TENTATIVE = 4


@dataclass(frozen=True, slots=True)
class LineClass:
    """A line's kind, and what a noise line said: a timestamp (with its value, if it has a date) or a site."""

    kind: LineKind
    stamp: bool = False
    published: Published | None = None
    site: str | None = None
    updated: Updated = Updated.PLAIN


_TEXT = LineClass(LineKind.TEXT)
_BLANK = LineClass(LineKind.BLANK)
_RULE = LineClass(LineKind.STRONG)
_WEAK = LineClass(LineKind.WEAK)
_TENTATIVE = LineClass(LineKind.TENTATIVE)


def _is_label(text: str) -> bool:
    if len(text) > 60 or _LABEL_CHARS.fullmatch(text) is None:
        return False
    found = _LABEL_WORD.findall(text.lower())
    return bool(found) and all(w in NOISE_WORDS for w in found)


def classify_line(line: str) -> LineClass:
    """What one stripped line of a page is: text, blank, or strong, weak or tentative noise."""
    if not line:
        return _BLANK
    if len(line) > SHORT_LINE:
        return _TEXT
    if _DASHES.fullmatch(line):
        return _RULE
    if _MARKS.fullmatch(line):
        return _WEAK
    bullet = _BULLET.match(line)
    rest = line[bullet.end() :] if bullet else line
    if len(rest) <= MAX_STAMP_CHARS and _DIGIT.search(rest):
        is_stamp, published = _timestamp(rest)
        if is_stamp:
            return LineClass(LineKind.STRONG, stamp=True, published=published, updated=stamp_kind(rest))
    if _SITE.fullmatch(rest):
        return LineClass(LineKind.STRONG, site=_SCHEME.sub("", rest).rstrip("/"))
    piped = _piped(rest) if "|" in rest else None
    if piped is not None:
        return piped
    if _is_label(rest) or _FURNITURE.match(rest) or ("subscribed" in rest and _ALERT.search(rest, 0, 200)):
        return _WEAK
    if bullet and len(rest) <= 40 and _SHORT_LABEL.fullmatch(rest):
        return _TENTATIVE
    return _TEXT


def _piped(line: str) -> LineClass | None:
    """A furniture line of parts between bars: "Published: 12 March 2024 | Updated: 14 March 2024" (stamps and
    labels: the first stamp that is no update) or "Northpress | Home | World" (a site name, then labels)."""
    parts = [p.strip() for p in line.split("|")]
    if not all(parts):
        return None
    kinds = [classify_line(p) for p in parts]
    stamps = [k for k in kinds if k.stamp]
    if stamps and all(k.stamp or k.kind is LineKind.WEAK for k in kinds):  # "12.03.2024 | 1,204 views"
        return min(stamps, key=lambda k: k.updated)
    name, labels = parts[0], kinds[1:]
    named = name[:1].isupper() and _SHORT_LABEL.fullmatch(name) is not None and not _is_label(name)
    if len(parts) >= 3 and named and all(k.kind is LineKind.WEAK for k in labels):
        return LineClass(LineKind.STRONG, site=name)
    return None


def is_noise_line(line: str) -> bool:
    """Whether a stripped, non-blank line is scraping noise of any kind (tentative included)."""
    return classify_line(line).kind >= LineKind.STRONG


OTHER_STORIES = frozenset(
    ["related", "read more", "read also", "see also", "more news", "latest news", "most read", "recommended",
     "related articles", "related news", "related stories", "more on this story", "also read"]
)  # fmt: skip
"""Labels over other stories' headlines ("Related", "Read more"): what follows is not the article."""


# ------------------------------------------------------------------------------------------------ roles and names

HONORIFICS = words("mr mrs ms dr prof sir madam his her excellency majesty highness")
"""Forms of address, lower case without their full stop: they say nothing about a speaker's office."""
ROLE_WORDS = words(
    """president presidents vice vice-president prime minister ministers premier chairman chairwoman chair co-chair
    speaker secretary secretary-general ambassador envoy king queen prince princess emperor chancellor governor
    mayor spokesman spokeswoman spokesperson head leader deputy director commissioner representative pope sheikh
    emir sultan ombudsman senator senators sen rep congressman congresswoman member mp chief commander general colonel
    lieutenant captain assistant adviser advisor counselor professor lord first lady high supreme special permanent
    acting former opposition candidate foreign defence defense interior economy finance justice state affairs
    press executive officer ceo founder analyst expert political scientist journalist editor activist
    parliamentary observer fm mfa pm"""
)
"""The words of offices and titles ("Foreign Minister", "Speaker of Parliament"), lower case."""
ORG_WORDS = words(
    """ministry office committee commission party council alliance mission department embassy government
    service union organization organisation administration parliament assembly agency bureau secretariat
    presidency center centre movement coalition"""
)
"""Nouns that make a phrase an institution wherever they stand ("the Ministry of Foreign Affairs")."""
ORG_HEADS = ORG_WORDS | words(
    """court institute association foundation network front bank fund group university observers society cabinet
    kremlin delegation team board authority authorities website portal newspaper channel tv radio outlet press
    news media forum platform congress senate duma mejlis bloc faction camp"""
)
"""Nouns that make a phrase an organisation when they end it ("the Constitutional Court"): :data:`ORG_WORDS` and
words that mark one only there, as they also stand in a person's office ("Press Secretary", "Speaker of the
Senate")."""
FUNCTION_WORDS = words(
    """the a an as at in on by for from to with and but or if when while according after before during since of
    that this these those it its he she they we i you meanwhile however moreover thus so also then there here
    today yesterday earlier later speaking dear what which who whom whose both all some many most other another"""
)
"""Lower-case function words (and sentence openers) that are never part of a name or a role phrase."""
FIRST_PERSON = re.compile(r"(?:^|[\s(“\"‘«—])(?:I|I['’](?:m|ve|ll|d)|[Ww]e|[Ww]e['’](?:re|ve|ll)|[Oo]ur|[Mm]y|us|me)\b")
"""A word of the speaker's own person ("I", "we're", "our", "me"; "us" in lower case only, not "US"), after a
blank, a bracket, a dash or an opening quotation mark."""

TRANSCRIPT_HEADER = (
    r"(?:(?:opening|closing|welcoming|keynote|joint|press|video|televised|inaugural|official|final)\s+)?"
    r"(?:statement|speech|remarks|address|message|interview|briefing|declaration|comments?|press\s+conference"
    r"|answers?|press\s+(?:gaggle|availability))"
)
"""What opens a transcript's header: "Statement", "Opening remarks", "Joint press conference" (a lower-case
pattern fragment: compile it case-insensitively)."""
PARTICLES = words("de da del della di du dos van von der den bin ibn ben al el la le")
"""Lower-case words inside personal names ("Charles de Gaulle")."""
UPPER_LETTERS = "A-ZÀ-ÖØ-ÞĆČĎĐĘĚŁŃŇŐŒŘŚŠŤŮŰŹŻŽ"
LOWER_LETTERS = "a-zß-öø-ÿāăąćčďđēėęěğīįıķĺľłńņňōőœŕřśşšţťūůűųźżž"
"""The letters of names written with accents, for a character class ("Štefan Füle", "Stéphane", "Łukasz")."""
# A U.S. legislator's title before the name, one or several ("Senator", "U.S. Senators", "Rep.", "Congresswoman")
LEGISLATOR_TITLE = (
    r"(?:U\.S\.\s+)?(?:Senators?|Sens?\.|Representatives?|Reps?\.|Congress(?:wo)?m[ae]n|Delegates?"
    r"|Resident\s+Commissioner)"
)
# The heads of a body's name when the body speaks for itself in a statement ("The Ministry of ... expresses",
# "The Embassy welcomes"): ingest reads them for the author, segment for the release's own voice
SELF_STATING_BODIES = (
    r"(?:Embassy|Consulate|Council|Government|Ministry|Department|Commission|Delegation|Mission|Presidency"
    r"|Secretariat)"
)
# A Westminster member's style before the name ("The Hon.", "Rt Hon", "The Right Honourable", "Hon"), the head of
# a name block over its office or constituency line, and that name line whole ("The Hon. Jane Doe, MP")
MEMBER_STYLE = r"(?:The\s+)?(?:R(?:igh)?t\.?\s+)?Hon(?:ou?rable)?\.?"
MEMBER_NAME_LINE = re.compile(
    rf"{MEMBER_STYLE}\s+(?P<name>[A-Z][^\n,]{{2,60}}?)(?:,?\s+(?:MP|M\.P\.|MHR|MLA|MSP|QC|KC|TD))*"
)


def is_honorific(token: str) -> bool:
    """Whether a token is a form of address: "Mr.", "Dr", "Excellency"."""
    return token.lower().rstrip(".") in HONORIFICS


def role_word(token: str, vocabulary: frozenset[str] = ROLE_WORDS) -> bool:
    """Whether a token is a word of ``vocabulary`` (any case; office words unless told), or words of it joined by a
    slash, as one holder's offices are ("High Representative/Vice-President", "Minister/Spokesperson")."""
    lower = token.lower()
    return lower in vocabulary or ("/" in lower and all(part in vocabulary for part in lower.split("/")))


# ------------------------------------------------------------------------------------------------ agencies

WIRE_AGENCIES = {
    "ap": "Associated Press", "afp": "Agence France-Presse", "upi": "United Press International",
    "dpa": "Deutsche Presse-Agentur", "ria": "RIA Novosti", "itar-tass": "TASS",
}  # fmt: skip
"""Wire agencies that datelines name by an abbreviation ("(AP)"), lower case, with the name they stand for."""
AGENCY_WORDS = words("agency press service wire tv television radio")
"""Words that end an agency's or outlet's name on a line of its own ("Interfax News Agency", "Azad TV")."""
