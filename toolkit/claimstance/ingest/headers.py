"""What the first lines of an article say about it: headline, dateline, agency, and the author of a transcript.

A page opens with a header: site furniture ("Accessibility links", breadcrumbs, tickers), the headline (often
twice), a byline, timestamps, a dateline; the body starts at the first line of prose (a line that ends a
sentence, or a long one). Everything here reads those header lines and the body's first lines (pure).

* **Title**: the longest headline-like header line: no bullet, breadcrumb, byline, dateline, label ("Tag:"),
  agency or section name; a line of one or two words only when a "by ..." line completes it ("Press
  conference" / "by NATO Secretary General ..."). No header line, no title.
* **Dateline**: "PLACE, DATE (Agency) –", "PLACE, DAY MONTH, AGENCY.", "Place, City, Date / Agency Author /":
  its date (a day and month alone get their year from the page), its agency and author.
* **Agency**: the dateline's; a header line of its own ("(Xinhua)", "Interfax News Agency"); a lead that opens
  with the agency ("ArmInfo.", "PanARMENIAN.Net -") or says it ("VOA's Jane Doe reports", "APA reported
  citing ..."). Abbreviations of wire agencies are written out ("AP" -> "Associated Press").
* **Author of a transcript**: "Statement by X", "Press conference by X", "X's speech at ...", or a transcript
  titled "Remarks With Y" with X's name on a line of its own under the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claimstance.lexicon import (
    AGENCY_WORDS,
    DATE,
    DAY_MONTH,
    FUNCTION_WORDS,
    MONTHS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    TRANSCRIPT_HEADER,
    WIRE_AGENCIES,
    Published,
    date_of,
    is_honorific,
    words,
)

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25
MAX_HEADER_CHARS = 240

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


# ------------------------------------------------------------------------------------------------ agencies

_AGENCY_LINE = re.compile(
    rf"\(?(?:The\s+)?(?P<name>[A-Z][\w&.\-/]*(?:\s+[A-Z][\w&.\-/]*){{0,3}}?)(?:\s+(?i:{'|'.join(AGENCY_WORDS)}))*\)?"
)
_LEAD_AGENCY = re.compile(r"(?P<name>[A-Z][a-z]*[A-Z][\w]*(?:\.[A-Za-z]{2,4})?)(?:\.|\s+[-–—])\s+(?=[A-Z\"“])")
_REPORTS = re.compile(
    r"\b(?P<name>[A-Z][\w.\-/]*)['’]s\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}(?:\s+in\s+[A-Z][\w ]{2,30}?)?"
    r"\s+(?:reports|reported|has\s+more|has\s+this\s+report)\b"
)
_CITING = re.compile(r",\s*(?P<name>[A-Z][\w.\-/]*)\s+(?:reports|reported)\s+citing\b")


def agency_name(text: str) -> str:
    """An agency as a dateline or credit names it, with wire abbreviations written out ("AP" -> ...)."""
    name = text.strip(" ()")
    return WIRE_AGENCIES.get(name.lower(), name)


def agency_line(line: str, known: Sequence[str] = ()) -> str | None:
    """The agency a header line of its own names: "(Xinhua)", "Interfax News Agency", "The Associated Press"."""
    if len(line) > 40:
        return None
    paren = line.startswith("(") and line.endswith(")")
    tokens = line.strip("()").split()
    found = _AGENCY_LINE.fullmatch(line)
    if found is None or not tokens:
        return None
    name = found["name"]
    said = paren or tokens[-1].lower() in AGENCY_WORDS or name.lower() in WIRE_AGENCIES or name in known
    whole = " ".join(t for t in tokens if t != "The" or t is not tokens[0])
    return agency_name(whole if not paren else name) if said and len(tokens) <= 4 else None


def agency_in_lead(lead: str) -> str | None:
    """The agency a body's first lines open with or name as the reporter ("ArmInfo.", "VOA's X reports")."""
    found = _LEAD_AGENCY.match(lead)
    if found is not None and not found["name"].isupper():
        return agency_name(found["name"])
    head = lead[:600]
    # Substring checks first: most leads hold neither "X's Jane Doe reports" nor "X reported citing".
    possessive = ("'s " in head or "’s " in head) and ("report" in head or " has " in head)
    found = _REPORTS.search(head) if possessive else None
    if found is None and "citing" in head:
        found = _CITING.search(head)
    return agency_name(found["name"]) if found is not None else None


# ------------------------------------------------------------------------------------------------ authors

TRANSCRIPT_START = re.compile(rf"(?i:{TRANSCRIPT_HEADER})\b")
"""A title that opens like a transcript's: "Remarks With ...", "Press conference"."""
_HEADER = re.compile(rf"(?=[A-Z])(?i:{TRANSCRIPT_HEADER})\s+(?:by|of)\s+(?P<who>[^\n]+?)\s*[:.]?")
_POSSESSIVE = re.compile(
    rf"(?:^|[-–—:”\"]\s*)(?P<who>[A-Z][^\n:”\"]{{2,100}}?)['’]s\s+(?i:{TRANSCRIPT_HEADER})\b(?:\s+(?:and|at|to|on|in|before"
    r"|following|with)\b|\s*$)"
)
_WHO_END = re.compile(
    r",|\s(?:to|at|on|with|in|during|before|after|for|regarding|about|concerning|upon|via|from|and|following)\s"
    r"|\s[–—-]\s"
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
    if role and role[-1].lower() in ("of", "the"):
        if len(name) <= 2:  # "President of South Korea": a place ends the office, and no name follows
            return None, " ".join(t for t in tokens if not is_honorific(t))
        # "... of the Republic of Azerbaijan Ilham Aliyev": the place ends the role, the last two words are the name
        role, name = role + name[:-2], name[-2:]
    role_text = " ".join(t for t in role if not is_honorific(t)) or None
    return " ".join(name), role_text


def transcript_header(
    text: str | None, *, possessive: bool = True, holder_text: str | None = None
) -> tuple[str, str | None, str | None] | None:
    """``(header line, author, role)`` when a short line is a transcript header ("Remarks by X", "X's speech").

    The possessive form ("X's speech at ...") is tried only when ``possessive`` (on an article's header lines);
    a header that names only an office ("Address by the President of Northland") names its holder when
    ``holder_text`` (the document) gives one.
    """
    if text is None or len(text) > MAX_HEADER_CHARS:
        return None
    if " by " not in text and " of " not in text and (not possessive or ("'s " not in text and "’s " not in text)):
        return None  # neither "Remarks by X" nor "X's remarks": spare the patterns
    found = _HEADER.fullmatch(text)
    if found is not None:
        who = found["who"]
    else:
        possessive_form = _POSSESSIVE.search(text) if possessive else None
        if possessive_form is None:
            return None
        who = possessive_form["who"]
    cut = _WHO_END.search(who)
    if cut:
        who = who[: cut.start()]
    name, role = split_author(who.strip(" :."))
    if name is None and role is not None and holder_text is not None:
        name = role_holder(holder_text, role)  # "Address by the President of Northland": who holds it
    if name is None or not name[:1].isupper():
        return None
    return text, name, role


def role_holder(text: str, role: str) -> str | None:
    """The person a text names with ``role``: "President of Northland Jane Doe", "President Jane Doe"."""
    office = role.split()[0]
    for pattern in (re.escape(role), re.escape(office)):
        found = re.search(pattern + r"\s+((?:[A-Z][a-z'’\-]+\s+){1,2}[A-Z][a-z'’\-]+)\b", text)
        if found is not None:
            name, _ = split_author(found.group(1))
            if name is not None and " " in name:
                return name
    return None


_PERSON_LINE = re.compile(
    r"(?P<name>[A-Z][a-z'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’\-]+|de|van|von|al)){1,3})(?P<role>\s+.+)?"
)


def name_line(line: str) -> tuple[str, str | None] | None:
    """A transcript's speaker on a line of their own, maybe with the office: "Jane Doe Secretary of State"."""
    found = _PERSON_LINE.fullmatch(line)
    if found is None:
        return None
    name_tokens = found["name"].split()
    # The name ends where the office begins: "John Kerry Secretary of State".
    for i, token in enumerate(name_tokens):
        if token.lower() in ROLE_WORDS or token.lower() in FUNCTION_WORDS:
            name_tokens = name_tokens[:i]
            break
    role = line[len(" ".join(name_tokens)) :].strip() or None
    if len(name_tokens) < 2 or len(line) > 80:
        return None
    if role is not None and (role.split()[0].lower() not in ROLE_WORDS or len(role.split()) > 6):
        return None
    return " ".join(name_tokens), role


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


# ------------------------------------------------------------------------------------------------ titles

_NOT_A_TITLE = re.compile(
    r"(?:[•·▪●*\-–—]|\d{1,2}\.\s|by\s|(?i:accessibility|skip\s+to|breaking\s+news|tags?\s*:|category\s*:"
    r"|section\s*:|filed\s+under|home$|menu$|search$))"
)
_TITLE_END = frozenset(".,;:–—-…")
# A photo caption or a share bar under the headline: "... (Photo: Jane Doe/Northpress)", "Share on Facebook"
_CAPTION = re.compile(
    r"(?i:\b(?:photo|photograph|image|picture|credit)\s*[:/]|\bgetty\s+images\b|^share\s+(?:on|this|via)\b)"
)


def is_headline(text: str | None) -> bool:
    """Whether a short line reads like a headline (capital or quote first, no closing full stop, not too long)."""
    if text is None or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'‘"):
        return False
    return text.rstrip("\"”»'’)]")[-1:] not in _TITLE_END and read_dateline(text) is None


def choose_title(lines: Sequence[str]) -> str | None:
    """The headline among an article's header lines (see the module docstring), or None.

    The longest headline-like line wins; a line of one or two words ("Breaking News", "Remarks") only when
    there is no longer one; a line the header gives twice (the page's title and its headline) before any other:
    headlines of other stories around it (tickers, "Latest news") are given once.
    """
    best: tuple[bool, bool, int, str] | None = None
    twice = {line for line in lines if lines.count(line) > 1}
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if following.startswith("by ") and is_headline(line):
            line = f"{line} {following}"  # "Press conference" / "by NATO Secretary General ..."
        elif not is_headline(line) or _NOT_A_TITLE.match(line):
            continue
        if agency_line(line) is not None or name_line(line) is not None or _CAPTION.search(line):
            continue
        if " | " in line and all(len(part.split()) <= 4 for part in line.split(" | ")[1:]):
            line = line.split(" | ")[0]  # "Headline | Northpress News": the page title names its site
        key = (len(line.split()) > 2, line in twice, len(line), line)
        if best is None or key[:3] > best[:3]:
            best = key
    return best[3] if best else None
