"""House styles of government speeches and transcripts: who their headers name (pure).

* **A surname alone** in a title ("Remarks by President Smith Before Marine One Departure", "Secretary Doe's
  Remarks") is the person the page names in full ("President Joseph Smith", a name line "Jane Doe"), when it
  names one person of that surname.
* **GOV.UK speeches**: a page labelled "Speech" (or "Oral statement to Parliament") whose "From:" line names one
  person beside its departments ("Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP") is
  that person's; an office its title names ("Foreign Secretary's speech at ...") is that person.
* **Dates in a house style's numbers** (sixth round): a debate's citation ("HC Deb 12 June 1998 vol 314"), a
  release's number ("HB12- 4 March 2005"), an editorial's headline framed by its dates, a European service's
  "Oldtown, 03/07/2019 - 16:20" and a release's lead opening with its date and a dash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from claimstance.lexicon import (
    DATE,
    FUNCTION_WORDS,
    LOWER_LETTERS,
    MONTH,
    MONTHS,
    ORG_HEADS,
    ROLE_WORDS,
    UPPER_LETTERS,
    date_of,
    is_honorific,
    words,
)

# "HC Deb 12 June 1998 vol 314 cc515-590": a debate record's citation dates its sitting
DEB_CITATION = re.compile(rf"H[CL]\s+Deb\s+(?={DATE.pattern})")
# "HB12- 4 March 2005": a release's number and date
NUMBERED_DATE = re.compile(rf"[A-Z]{{1,4}}\d{{1,4}}\s*[-–—]\s*(?P<day>{DATE.pattern})$")
# "4/7/06 - HARBOUR REFORM IN NORTHLAND - 2006-04-07": an editorial's headline between its short and its full date
FRAMED_HEADLINE = re.compile(
    r"\d{1,2}/\d{1,2}/\d{2,4}\s+[-–—]\s+(?P<title>\S.*?)\s+[-–—]\s+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
)

# "Oldtown, 03/07/2019 - 16:20, UNIQUE ID: 190703_4": a European service's place, day-first date and 24-hour time
_DAY_FIRST = re.compile(
    r"[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*){0,2},\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s+[-–—]\s+"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\s*[AaPp]\.?[Mm])"
)


def framed_date(head: str) -> date | None:
    """The date a header line gives in a house style's numbers: an editorial's headline framed by its dates
    (:data:`FRAMED_HEADLINE`), a European service's "Place, DD/MM/YYYY - HH:MM" (a 12-hour clock is no proof of a
    day-first date)."""
    found = (FRAMED_HEADLINE.fullmatch(head) or _DAY_FIRST.match(head)) if "/" in head else None
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"])) if found is not None else None
    except ValueError:
        return None  # "31/02/2019": no day


# "April 2, 2013 - Harbour Minister Jane Doe today announced ...": a release's lead opening with its date
_DASH_AFTER = re.compile(r"\s+[-–—]{1,2}\s+(?=[A-Z\"“])")


def lead_date(lead: str) -> date | None:
    """The date a release's lead opens with before a dash (see ``_DASH_AFTER``); a date in a sentence is none."""
    full = DATE.match(lead) if lead[:1].isalnum() else None
    return date_of(full) if full is not None and _DASH_AFTER.match(lead, full.end()) is not None else None


PLACE_LINE = re.compile(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2},\s[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}")
"""A place on a line of its own ("Washington, DC", "New York, NY", "Oldtown, Northland"): no headline."""

VENUE_WORDS = ORG_HEADS | words(
    """teleconference telephone videoconference video phone call conference room lawn garden house building
    palace residence hotel airport headquarters tarmac chamber theater theatre auditorium"""
)
"""Words of a place or medium line under a transcript's title ("Via Teleconference", "Oval Office")."""
NOT_FIRST = FUNCTION_WORDS | words("via aboard")

# "... agreed to table a motion today (2 October) ...": a release's own day in brackets, its year left out
_BRACKETED_TODAY = re.compile(
    rf"\btoday\s+\((?:\w+day,?\s+)?(?:(?P<d1>\d{{1,2}})(?i:st|nd|rd|th)?\s+(?P<m1>{MONTH})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?i:st|nd|rd|th)?)\)"
)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH})\s+(?P<y>(?:19|20)\d\d)\b")
_BRACKETED_CHARS = 1500


def bracketed_today(text: str) -> date | None:
    """The day a release's opening gives as "today (2 October)", in the year of the latest month the text names
    with its year ("a statement in July 2018"), or the year after when that month comes later in the year; None
    when the text names no month with a year (the year is not on the page)."""
    found = _BRACKETED_TODAY.search(text, 0, _BRACKETED_CHARS) if "today (" in text[:_BRACKETED_CHARS] else None
    named = [(int(m["y"]), MONTHS[m["m"].rstrip(".").lower()]) for m in _MONTH_YEAR.finditer(text)]
    if found is None or not named:
        return None
    month = MONTHS[(found["m1"] or found["m2"]).rstrip(".").lower()]
    year, latest = max(named)
    try:
        return date(year + (month < latest), month, int(found["d1"] or found["d2"]))
    except ValueError:  # "today (31 February)"
        return None


_GIVEN = rf"(?:[{UPPER_LETTERS}][{LOWER_LETTERS}'’\-]+|[A-Z]\.)"  # "Stéphane" too
_NOT_GIVEN = (
    ROLE_WORDS | FUNCTION_WORDS | ORG_HEADS | words("mr mrs ms dr madam sir dame lord hon honourable honorable")
)


def fuller_name(text: str, name: str) -> str:
    """``name`` written out when it is a surname alone and the text gives one person of that surname in full
    ("Smith" -> "Joseph R. Smith"); else ``name`` itself."""
    if " " in name or not name[:1].isupper():
        return name
    found: set[str] = set()
    for match in re.finditer(rf"((?:{_GIVEN}[ \t]+){{1,3}}){re.escape(name)}\b(?!['’]?[ \t]*[A-Z][a-z])", text):
        given = match.group(1).split()
        # "President Joseph Smith", "Follow Minister Smith on ...": an office, and any word before it, is no given name
        offices = [k for k, t in enumerate(given) if t.lower().rstrip(".") in _NOT_GIVEN or is_honorific(t)]
        given = given[offices[-1] + 1 :] if offices else given
        if given and given[0][:1].isupper() and not given[0].endswith("."):
            found.add(" ".join([*given, name]))
    firsts = {candidate.split()[0] for candidate in found}
    return max(found, key=len) if len(firsts) == 1 else name


# "Members", "Lawmakers", "Senators": people in the plural (never "Affairs", an office's plural)
_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ers|ors|ists|ants|ents)")


def group_subject(who: str) -> bool:
    """Whether a headline's subject is a group ("Members of Congress Condemn ...", "Leader Roe, Group of Members
    Release ..."): people in the plural before its last word (the last may be a surname: "Sanders")."""
    return any(_PEOPLE.fullmatch(token.strip(",")) for token in who.split()[:-1])


def fuller_institution(text: str, name: str) -> str:
    """An institution named alone ("the Embassy", "the Ministry") written out as the page names it once: "Embassy
    of Northland" (from "Embassy of Northland in London"); several, or none, leave ``name`` as it is."""
    if " " in name or name.lower() not in ORG_HEADS:
        return name
    found = {
        m.group()
        for m in re.finditer(rf"\b{re.escape(name)}\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}}", text)
    }
    return found.pop() if len(found) == 1 else name


_SPEECH_LABEL = frozenset(["speech", "oral statement to parliament", "written statement to parliament"])
_POST_NOMINALS = words("mp cmg kcmg gcmg obe mbe cbe qc kc pc msp ms")
_FROM_PART = re.compile(r",\s+|\s+and\s+")
_PERSON = re.compile(
    r"(?:The\s+)?(?:Rt\.?\s+Hon\.?\s+)?(?P<name>(?:(?:Sir|Dame|Lord|Baroness|Lady)\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})"
)


def from_line_person(heads: Sequence[str], lines: Sequence[str], text: str = "") -> str | None:
    """The one person a GOV.UK speech's "From:" line (among ``lines`` and the first lines of ``text``) names
    beside its departments, when the header's label says "Speech"; several persons, or none, name nobody."""
    if not any(head.lower() in _SPEECH_LABEL for head in heads[:3]):
        return None
    for line in [*lines, *text[:1500].split("\n")[:15]]:
        parts = [part.strip() for part in _FROM_PART.split(line) if part.strip()]
        if len(parts) < 2 or not any(t.lower() in ORG_HEADS for part in parts for t in part.split()):
            continue  # the line names a department: "Foreign, Commonwealth & Development Office and ..."
        persons = []
        for part in parts:
            tokens = [t for t in part.split() if t.lower().strip(".") not in _POST_NOMINALS]
            found = _PERSON.fullmatch(" ".join(tokens))
            if found is not None and not any(t.lower() in ORG_HEADS | ROLE_WORDS for t in tokens):
                persons.append(found["name"])
        if persons:
            return persons[0] if len(persons) == 1 else None
    return None


_HOUSE_MARKS = (
    # a meeting's record or a document symbol of UN meetings coverage: "14th Meeting (AM)", "GA/12452"
    (("Meeting (", "GA/", "SC/", "SG/SM/", "ECOSOC/"),
     re.compile(r"^\d+(?:st|nd|rd|th)\s+Meeting\s+\((?:AM|PM|Night)\)|^(?:GA|SC|SG/SM|ECOSOC)/\d{3,5}\b", re.M),
     "United Nations"),
    (("debated on",), re.compile(r"^Volume\s+\d+:\s+debated\s+on\b", re.M), "Hansard"),
    # whitehouse.gov's date-and-section line, its press office
    (("•", "Office of the Press Secretary", "THE WHITE HOUSE"),
     re.compile(r"•\s*(?:SPEECHES AND REMARKS|STATEMENTS AND RELEASES|PRESS BRIEFINGS)\b"
                r"|^(?:Office of the Press Secretary|THE WHITE HOUSE)[ \t]*$", re.M), "The White House"),
    # state.gov's press office and the offices under a transcript's title
    (("Office of the Spokesperson", "Secretary of State", "Department Spokesperson", "State Department Official"),
     re.compile(r"^(?:Office of the Spokesperson|(?:[A-Z][\w.’'-]*,?\s+){0,4}Secretary of State"
                r"|(?:Deputy\s+)?Department\s+Spokesperson|Senior State Department Official)[ \t]*$", re.M),
     "U.S. Department of State"),
    # kremlin.ru's speaker tags, in capitals on reposts: "PRESIDENT OF RUSSIA VLADIMIR PUTIN:"
    (("President of Russia", "PRESIDENT OF RUSSIA"),
     re.compile(r"^(?:President\s+of\s+Russia\s+[A-Z][\w-]+\s+[A-Z][\w-]+|PRESIDENT\s+OF\s+RUSSIA\s+[A-Z-]+\s+[A-Z-]+):",
                re.M),
     "The Kremlin"),
)  # fmt: skip
HOUSE_CHARS = 2000
"""The markers of a house style stand in a page's header and first turns."""


@lru_cache(maxsize=8)
def _marks_at(raw: str) -> tuple[tuple[int, int], ...]:
    """Where a page shows any house marker, each occurrence's start and end (once a page, cached: every item of
    a page asks; str hashes are cached too)."""
    found: list[tuple[int, int]] = []
    for mark in (mark for marks, _, _ in _HOUSE_MARKS for mark in marks):
        at = raw.find(mark)
        while at >= 0:
            found.append((at, at + len(mark)))
            at = raw.find(mark, at + 1)
    return tuple(found)


def house_source(raw: str, start: int = 0) -> str | None:
    """The government office whose house style the head of a page shows (its header's markers), or None:
    "14th Meeting (AM)" (the UN's meetings coverage), "Volume 580: debated on ..." (Hansard), "MARCH 5,
    2026•STATEMENTS AND RELEASES" (the White House), "Office of the Spokesperson" or an office line "Secretary
    of State" under a transcript's title (the State Department), "President of Russia X Y:" (the Kremlin); a
    repost keeps the office whose text it is."""
    if not any(start <= at and end <= start + HOUSE_CHARS for at, end in _marks_at(raw)):
        return None  # most pages: no marker at all
    head = raw[start : start + HOUSE_CHARS]
    for marks, pattern, owner in _HOUSE_MARKS:
        if any(mark in head for mark in marks) and pattern.search(head) is not None:
            return owner
    return None
