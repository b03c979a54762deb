"""The body that issues a page, where no dateline, byline or site line names an outlet (issue 15, fifth round).

* **An organisation's name on a line of its own** in the header ("Northland Government", "Office of the Harbour
  Commissioner", "Ministry of Fisheries Press Team"): a repost host's credit for the issuing body, or the
  issuing site's own name above its headline; a desk's name gives its body ("NPA Press Team" -> "NPA"). Such a
  line is no headline either.
* **The site's banner or footer** (issue 15, seventh round): the page's first line naming an organisation of three
  words or more ("European Union External Action" over the headline), or an organisation line among its last lines
  ("U.S. Department of State" over the site's motto): the site's own name, when nothing nearer the text names one.
* **An acronym body in a transcript's title** ("Press conference by NPA Secretary General Jane Doe"): the body
  whose officer speaks, on its own site.

Pure functions over short strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from claimstance.ingest.namelines import name_line
from claimstance.lexicon import (
    DATE,
    FIRST_PERSON,
    FUNCTION_WORDS,
    ORG_HEADS,
    ORG_WORDS,
    ROLE_WORDS,
    TRANSCRIPT_HEADER,
    Published,
    parse_published,
    words,
)

_CONNECTORS = words("of the for and on in to - –")
_DESK = re.compile(r"\s+(?i:press\s+(?:team|office|service|desk)|media\s+(?:team|office|desk)|newsroom|news\s+desk)$")
# "Office of the Press Secretary", "Office of Press Relations", "Office of the Spokesperson", "Media Center": a desk
# with no body
_DESK_ONLY = re.compile(
    r"(?i:office\s+of\s+(?:the\s+)?(?:press|media|spokesperson|spokesman|communications?)\b"
    r"|(?:media|press|news)\s+(?:cent(?:er|re)|room|office|team|desk)$)"  # "Media Center": a site's section
)
# "Doorstop, Department of Trade": a transcript's kind, then where it was given (a headline, no issuer's line)
_KIND_VENUE = re.compile(
    r"(?i:(?:joint\s+)?(?:doorstop(?:\s+interview)?|interview|(?:press|media)\s+(?:conference|briefing)|transcript)),\s"
)
MAX_ISSUER_WORDS = 9
_NOT_NAMES = words("breaking news latest home menu search")


def org_line(line: str) -> str | None:
    """The organisation a header line names and nothing else, or None: every word capitalised (or a connector:
    "of", "the", "and", "&"), and an organisation's word at its end ("Harbour Office") or at its start before
    "of" ("Ministry of Fisheries"); a desk's name gives its body. "Office of the Press Secretary" names a desk,
    no body."""
    tokens = line.split()
    if any(t.lower() in _NOT_NAMES for t in tokens):
        return None  # "Breaking News Office": a site's label
    if not 2 <= len(tokens) <= MAX_ISSUER_WORDS or ":" in line or line[-1] in ".,;!?" or _DESK_ONLY.match(line):
        return None  # "Tag: Harbour Office" is a label
    if "," in line and _KIND_VENUE.match(line):
        return None
    if not all(t[:1].isupper() or t.lower() in _CONNECTORS or t == "&" for t in tokens):
        return None
    desk = _DESK.search(line)
    if desk is not None:
        body = line[: desk.start()]
        return body if body.split()[0][:1].isupper() else None
    if any(_verb_like(t) for t in tokens[:-1]):
        return None  # "Olsen Leaves Office", "Oldtown Votes to Leave the Union": a headline in Title Case
    last = tokens[-1].lower()
    # "Ministry of Fisheries", "Northland Mission to the Harbour League", "Northland - Ministry of Fisheries"
    if last in ORG_WORDS or any(a.lower() in ORG_WORDS and b.lower() in ("of", "to") for a, b in pairwise(tokens)):
        return line
    return None


_PLURALS = words(
    """affairs nations states relations rights services forces islands ministers commons communications resources
    emirates representatives sciences arts operations studies elections fisheries industries communities territories
    veterans works customs oceans statistics"""
)


def _verb_like(token: str) -> bool:
    """Whether a capitalised word may be a headline's verb ("Leaves", "Votes"): it ends in a single "s" and is no
    plural that names an office ("Affairs", "Nations")."""
    word = token.lower()
    return word.endswith("s") and not word.endswith("ss") and word not in _PLURALS


_RELEASE_LABEL = re.compile(r"(?i:release|immediate|embargoed|statement)|[.,;:!?]$")  # "For Immediate Release"
_OFFICE_OF = re.compile(r"Office\s+of\s+(?:the\s+)?[A-Z]")
BODY_WORDS = 5
"""A body's name over its office's line is short ("The Harbour Palace")."""


def issuer_line(heads: Sequence[str]) -> str | None:
    """The issuing body the first organisation line among an article's header lines names (see :func:`org_line`);
    the caller leaves out venues ("Oval Office" over a transcript's time). A short capitalised name right above an
    "Office of the ..." line is the body the office belongs to ("The Harbour Palace" / "Office of the Vice
    President")."""
    for head, below in pairwise(heads):
        tokens = head.split()
        if _OFFICE_OF.match(below) is None or not 2 <= len(tokens) <= BODY_WORDS or _RELEASE_LABEL.search(head):
            continue
        if all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens) and not any(map(_verb_like, tokens[1:])):
            return head
    for head in heads:
        found = org_line(head)
        if found is not None:
            return found
    return None


# "March 3, 2021 - Halifax, Nova Scotia - Fisheries and Oceans Northland": a release's line of date, place and the
# department that issues it (Canada.ca's house style)
_DATE_PLACE_BODY = re.compile(
    rf"(?:{DATE.pattern})\s+[-–—]\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,2}}"
    rf"(?:,\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,2}})?\s+[-–—]\s+(?P<body>[A-Z][\w&'’.\- ]{{2,80}})"
)


def dated_issuer(heads: Sequence[str]) -> str | None:
    """The department a release's header line of date, place and body names ("March 3, 2021 - Halifax, Nova
    Scotia - Fisheries and Oceans Northland"): every word of the body capitalised or a connector, two words at
    least, no headline's verb ("Harbour Talks Collapse") and no person's name (a byline is no issuer)."""
    for head in heads:
        found = _DATE_PLACE_BODY.fullmatch(head) if " - " in head or " – " in head or " — " in head else None
        if found is None:
            continue
        tokens = found["body"].split()
        if 2 <= len(tokens) <= MAX_ISSUER_WORDS and all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens):
            headline = any(map(_verb_like, tokens))  # "Talks", "Rejects", "Quits"; not "Fisheries", "Oceans"
            return found["body"] if not headline and name_line(found["body"]) is None else None
    return None


# "NPA Statements", "NLOSCE Press Releases": the section of an acronym-named body's site
_ACRONYM_SECTION = re.compile(r"(?P<name>[A-Z]{3,10})\s+(?:Statements|Press\s+Releases|Speeches|Remarks|Transcripts)")
_SEPARATORS = (" - ", " – ", " — ", ": ")


_RELEASE_OF = re.compile(r"(?P<name>[A-Z]{3,10})\s+(?:Press|Media|News)\s+Release")


def release_issuer(heads: Sequence[str]) -> str | None:
    """The body whose release the page carries, from its label ("NLUN Press Release"): it outranks the name of the
    host site that reposts or archives the release."""
    for head in heads:
        found = _RELEASE_OF.fullmatch(head) if "Release" in head else None
        if found is not None:
            return found["name"]
    return None


def header_issuer(heads: Sequence[str], title: str | None) -> str | None:
    """The body an article's header names outside an organisation line: the section of an acronym-named body's site
    ("NPA Statements"), or a body's name (an organisation's noun last) that the headline opens with ("Harbour Forum
    Contact Group" over "Harbour Forum Contact Group - Outcomes Statement": a repost host's credit for its issuer)."""
    for head in heads:
        found = _ACRONYM_SECTION.fullmatch(head)
        if found is not None:
            return found["name"]
        tokens = head.split()
        if title is None or head == title or not 2 <= len(tokens) <= MAX_ISSUER_WORDS:
            continue
        body = tokens[-1].lower() in ORG_HEADS and all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens)
        if body and any(title.startswith(head + separator) for separator in _SEPARATORS):
            return head
    return None


SITE_REPEATS, SITE_WORDS, APART_SITE_WORDS = 3, 5, 7
"""A short header line given this often is the site's name (a logo, a menu, a footer repeated); a headline given
three times (page title, breadcrumb, heading) is longer and stays a headline. A longer one (up to seven words) is the
site's name only when its copies stand apart (banner, menus): a page gives its headline in a row."""


def is_site_line(line: str, lines: Sequence[str]) -> bool:
    """Whether a header line is the site's name: short, and given at least three times (see :data:`SITE_WORDS`)."""
    at = [i for i, other in enumerate(lines) if other == line]
    if len(at) < SITE_REPEATS:
        return False
    size = len(line.split())
    return size <= SITE_WORDS or (size <= APART_SITE_WORDS and at[-1] - at[0] >= len(at))


# ------------------------------------------------------------------------------------------------ records

# A parliamentary record's credits: "From the Northland Record Online through the Printing Office", "This
# information is provided by Northwatch and does not comprise part of the official record", a speaker's line ending
# in a link to the official source ("Jane Doe (Oldtown, Independent) | Hansard source")
_RECORD_CREDIT = re.compile(
    r"\bFrom\s+the\s+(?P<online>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4}?)\s+Online\s+(?:through|via|at)\b"
    r"|\b(?:This|The)\s+information\s+is\s+provided\s+by\s+(?P<by>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4})"
    r"|\|\s*(?P<link>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})\s+source[ \t]*$",
    re.MULTILINE,
)
_RECORD_HINTS = (" Online ", "provided by", " source")
RECORD_CHARS = 3000
"""A record's credit stands in its header."""


# every article of a page asks; once per page (str hashes are cached too)
@lru_cache(maxsize=8)
def record_credit(page: str) -> str | None:
    """The record or service a parliamentary page credits in its header (see :data:`_RECORD_CREDIT`)."""
    head = page[:RECORD_CHARS]
    if not any(hint in head for hint in _RECORD_HINTS):
        return None
    found = _RECORD_CREDIT.search(head)
    return (found["online"] or found["by"] or found["link"]) if found is not None else None


RECORD_HEADING_WORDS = 8
"""A record's heading under its credit is a short subject line ("Harbour", "HARBOUR DUES ACT")."""


def record_heading(heads: Sequence[str]) -> str | None:
    """The heading under a record's "From the ... Online through ..." credit: a record names its subject in as little as
    one word ("Harbour"), which a headline elsewhere never is."""
    for head, following in pairwise(heads):
        found = _RECORD_CREDIT.search(head) if " Online " in head else None
        if found is not None and found["online"] and following[:1].isupper():
            short = len(following.split()) <= RECORD_HEADING_WORDS and following[-1] not in ".,;:!?"
            return following if short else None
    return None


# "Agenda: Time for Reflection, Harbour Dues, Business Motion": a record's list of the day's items
_AGENDA = re.compile(r"^[ \t]*Agenda[ \t]*:[ \t]*(?P<items>[^\n]+)$", re.MULTILINE)
AGENDA_LINES = 6
"""The item a record page shows comes within a few lines of its agenda."""


def agenda_item(text: str) -> str | None:
    """The agenda item a record page shows: the first line after its "Agenda:" line that is one of the items."""
    found = _AGENDA.search(text) if "Agenda" in text else None
    if found is None:
        return None
    items = {item.strip() for item in found["items"].split(",")}
    after = text[found.end() :].splitlines()[1 : AGENDA_LINES + 1]
    return next((line.strip() for line in after if line.strip() in items), None)


# "Bill Presented — Harbour Bill – in the House of Commons at 2:19 pm on 8 January 2015.": a debate record's
# heading, then the chamber, the time and the day of the sitting
_SITTING = re.compile(
    rf"(?P<title>\S.{{2,200}}?)\s+[–—-]\s+in\s+the\s+(?P<house>[A-Z][\w'’]*(?:\s+(?:of\s+)?[A-Z][\w'’]*){{0,3}})"
    rf"\s+at\s+\d{{1,2}}[:.]\d{{2}}\s*(?i:[ap]\.?m\.?)?\s+on\s+(?P<date>{DATE.pattern})\.?"
)


def sitting_line(line: str) -> tuple[str | None, str, Published | None] | None:
    """A debate record's heading line: its headline, its chamber and the day of the sitting, or None."""
    if " in the " not in line or " on " not in line:
        return None
    found = _SITTING.fullmatch(line.strip())
    if found is None:
        return None
    title = None if found["title"].lower() == "part of the debate" else found["title"]  # a turn's link, no heading
    return title, found["house"], parse_published(found["date"])


# "【Source: Office of the President】", "Source: Ministry of Fisheries": a page's credit line for its issuer
_SOURCE_LINE = re.compile(r"^[ \t]*[\[【(]?[ \t]*Source[ \t]*:(?P<name>[^\n\]】)]+)[\]】)]?[ \t]*$", re.M)


# every article of a page asks; once per page (str hashes are cached too)
@lru_cache(maxsize=8)
def source_credit(page: str) -> str | None:
    """The organisation a "Source: ..." credit line names (see :func:`org_line`); "Source: the minister said so" is
    no credit."""
    for found in _SOURCE_LINE.finditer(page) if "Source" in page else ():
        name = org_line(found["name"].strip())  # stripped here: a lazy name before spaces is slow on long lines
        if name is not None:
            return name
    return None


# ------------------------------------------------------------------------------------------------ leads

# 'Harbour Chairman: "The dues will fall."' over "OLDTOWN – Representative Jane Doe today ...": a release's headline
# that quotes its speaker after a label, then the lead's bare dateline (a transcript's turn has no dateline under it)
QUOTE_HEADLINE = re.compile(r"[A-Z][^:\n]{2,60}:\s*[\"“][^\"”\n]+[\"”]")
_BARE_DATELINE = re.compile(r"(?:\r?\n[ \t]*)+[A-Z][A-Z.,'’ ]{2,40}[–—-]{1,2}\s")


def quoted_headline(raw: str, start: int, end: int) -> bool:
    """Whether the line from ``start`` to ``end`` is a headline quoting its speaker over a dateline's lead."""
    return QUOTE_HEADLINE.fullmatch(raw[start:end].strip()) is not None and _BARE_DATELINE.match(raw, end) is not None


# "OLDTOWN – Senator Jane Doe (N-NL), Chairman of the Senate Harbour Committee, today released ...": a committee's
# release introduces its chair or ranking member by that office, an observation mission's its chief observer ("Jane
# Doe, Chief Observer of the Harbour Union Election Observation Mission (HU EOM) to Northland"); "a member of the ...
# Committee" speaks for no one
_COMMITTEE_LEAD = re.compile(
    r"\b(?i:chairman|chairwoman|chair|ranking\s+member|lead\s+(?:republican|democrat)|chief\s+observer|head)\s+of\s+"
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w.'’\-]*\s+){1,5}(?:Committee|Mission(?:\s+\([A-Z][A-Za-z .]{1,12}\))?"
    r"(?:\s+to\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})?))(?=[\s,.;])"
)

_PLACE = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?"
# "Oldtown, NL (North.News) The following ...": a dateline whose outlet, a name with its domain, runs on into the
# lead with no dash
_DOMAIN_DATELINE = re.compile(rf"{_PLACE}\s*\((?P<name>[A-Z][\w\-]*\.[A-Za-z]{{2,6}})\)\s+(?=[A-Z\"“])")
# "Oldtown – The Northland Embassy is in receipt of ...", "OLDTOWN, NL – The Northland government’s Minister ...":
# a release whose bare dateline hands over to the body issuing it
_ISSUER_LEAD = re.compile(
    rf"{_PLACE}\s+[–—-]{{1,2}}\s+The\s+(?P<name>(?:[A-Z][\w.'’\-]*\s+){{1,4}}?(?P<head>[A-Za-z]+))(?:['’]s\s|\s+[a-z])"
)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
ISSUER_LEAD_CHARS = 1500
"""A release speaks for its issuer in the first person within its first paragraphs."""


_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s")  # not "(R-Fla.) introduced"
_RELEASE_VERB = re.compile(r"\b(?:released|issued|presented|introduced|unveiled|launched|published|announced)\b")


def committee_in_lead(lead: str) -> str | None:
    """The committee whose leader a release's lead introduces by that office (see ``_COMMITTEE_LEAD``), in a sentence
    saying the leader released, issued or introduced something."""
    found = _COMMITTEE_LEAD.search(lead[:ISSUER_LEAD_CHARS]) if "Committee" in lead or "Mission" in lead else None
    if found is None:
        return None
    stop = _SENTENCE_END.search(lead, found.end())
    # "..., Chairman of the X Committee, today released ...": the leader's own release; "..., told the minister":
    # a news item about her
    return found["name"] if _RELEASE_VERB.search(lead, found.end(), stop.start() if stop else len(lead)) else None


def domain_dateline(lead: str) -> str | None:
    """The outlet a dateline names by its domain-like name, the lead running on with no dash (``_DOMAIN_DATELINE``)."""
    found = _DOMAIN_DATELINE.match(lead) if "(" in lead[:80] else None
    return found["name"] if found is not None else None


def issuer_in_lead(raw: str, starts: Sequence[int], end: int) -> str | None:
    """The body a release's first line or lead names right after a bare dateline ("Oldtown – The Northland Embassy
    is ...", from one of ``starts`` to ``end`` in ``raw``), when the release then speaks in the first person outside
    quotation marks ("Based on our observations"); a news story's "The Northland government said" speaks of the
    body, not for it."""
    for start in starts:
        text = raw[start : min(end, start + ISSUER_LEAD_CHARS)]
        found = _ISSUER_LEAD.match(text) if " The " in text[:60] else None
        if found is None or found["head"].lower() not in ORG_WORDS:
            continue
        if FIRST_PERSON.search(_QUOTED.sub(" ", text), found.end()) is not None:
            return found["name"]
    return None


# ------------------------------------------------------------------------------------------------ banners and titles

BANNER_WORDS, FOOTER_LINES = 3, 3
"""A site's name in its banner or footer has at least this many words (two-word lines there are venues and desks:
"Oval Office", "Media Center"); a footer is the page's last lines."""
BANNER_CHARS = 1000
"""How far into a page's head and tail its banner and footer lines are looked for."""
_NOT_BANNER_FIRST = words("about contact follow media press news share related more")
_BANNER_MARKS = re.compile(r"\d|[:|]|[.,;!?]$")


def _banner_like(line: str) -> bool:
    """Whether a line may be a site's name: capitalised words (or connectors), no digit, colon or bar, no headline
    verb, not opening with a preposition, desk or link word ("About the Department", "Media Relations Office")."""
    tokens = line.split()
    if not BANNER_WORDS <= len(tokens) <= MAX_ISSUER_WORDS or _BANNER_MARKS.search(line) is not None:
        return False
    first = tokens[0].lower()
    if first in FUNCTION_WORDS or first in _NOT_BANNER_FIRST or any(map(_verb_like, tokens[:-1])):
        return False
    return all(t[:1].isupper() or t.lower() in _CONNECTORS for t in tokens)


def banner_source(page: str, title: str | None) -> str | None:
    """The site's name the page's first line gives (an organisation's word anywhere in it, and no connector after
    it: "European Union External Action"; or an organisation line), when that line is not the headline; else an
    organisation line among the page's last :data:`FOOTER_LINES` lines (its footer: "U.S. Department of State")."""
    return next((name for line, name in _banners(page) if line != title), None)


@lru_cache(maxsize=4)  # every document of a page asks
def _banners(page: str) -> tuple[tuple[str, str], ...]:
    """The page's banner and footer lines that name a site, with the name each gives (see :func:`banner_source`)."""
    found: list[tuple[str, str]] = []
    top = page[:BANNER_CHARS].lstrip().split("\n", 1)[0].strip()
    if _banner_like(top):
        named = org_line(top)
        tokens = top.split()
        at = next((i for i, t in enumerate(tokens) if t.lower() in ORG_WORDS), None)
        if named is None and at is not None and not any(t.lower() in _CONNECTORS or _verb_like(t) for t in tokens[at:]):
            named = top  # "European Union External Action": an organisation's word inside, no "of" or "in" after it
        if named is not None:
            found.append((top, named))
    foot = page[-BANNER_CHARS:].rstrip().rsplit("\n", 2 * FOOTER_LINES)
    foot = foot[1:] if len(page) > BANNER_CHARS else foot  # the first piece of a long page's tail is cut mid-line
    for line in [line.strip() for line in foot if line.strip()][-FOOTER_LINES:]:
        named = org_line(line) if _banner_like(line) else None
        if named is not None:
            found.append((line, named))
    return tuple(found)


# "Press conference by NPA Secretary General Jane Doe": a transcript's kind, then an acronym body and its officer
_TITLE_BODY = re.compile(
    rf"(?i:{TRANSCRIPT_HEADER})\s+(?:by|of)\s+(?:the\s+)?(?P<body>[A-Z]{{2,6}})\s+(?P<office>[A-Z][\w\-]*)"
)


_COUNTRIES = frozenset(["US", "USA", "UK"])
"""A country's letters before an office ("Address by the US Senator ..."): the officer's country, not the body
that issues the page."""


def title_body(title: str | None) -> str | None:
    """The acronym body a transcript's title names before its officer ("Press conference by NPA Secretary General
    ..." -> "NPA"); a title naming a person alone ("Statement by Minister Jane Doe") names no body."""
    found = _TITLE_BODY.match(title) if title else None
    if found is None or found["body"] in _COUNTRIES:
        return None
    return found["body"] if found["office"].lower() in ROLE_WORDS else None
