"""Who published an article and who wrote it, where no dateline or agency line says so (issue 15).

* **Byline**: "By JANE DOE, Associated Press Writer" (the journalist, and the agency after the name), "By
  Northpress Staff" (the outlet, no journalist), or the reporter a lead names ("VOA's Jane Doe reports").
* **Publisher**: what the page's furniture names ("Follow the Foreign Office on Twitter", "Source: X", "© 2024
  X", a newsroom's address "news@northpress.com", "Contact the X Team", "Official website of X", an archive's
  citation line; it outranks a house-style guess), a standfirst's "The press release issued by X", or the
  outlet the body says it was told or sent the news ("received by IRIN", "told VOA", "an Interfax
  correspondent reported").
* **Release date**: a standfirst's "issued on 29 September 2023".

Pure functions over short strings; each pattern runs only where a substring check finds its word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from claimstance.ingest.agencies import FROM_BUREAU, REPORTS_FOR, agency_name, for_reporter
from claimstance.ingest.namelines import name_line
from claimstance.lexicon import DATE, ORG_HEADS, ROLE_WORDS, Published, classify_line, date_of, is_noise_line, words

_FOLLOW = re.compile(
    r"\b(?:Follow|Find)\s+(?:the\s+)?(?P<name>[A-Z][\w&.\-]*(?:\s+(?:&\s+|of\s+)?[A-Z][\w&.\-]*){0,4})\s+on\s+"
    r"(?i:twitter|facebook|instagram|youtube|linkedin|telegram|x)\b"
)
_ISSUED_BY = re.compile(
    r"^[ \t]*(?:The\s+)?(?:press|news)\s+release\s+(?:was\s+)?(?:issued|published)\s+by\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.\-]*(?:\s+(?:&\s+|of\s+)?[A-Z][\w&.\-]*){0,5})",
    re.MULTILINE,
)
_RECEIVERS = (
    # (a word the pattern needs, the pattern): a substring check spares the scan on most pages
    ("told", re.compile(r"told\s+(?:the\s+)?(?P<name>[A-Z][A-Z/\-]{1,7})\b(?!\s+[A-Z])")),
    ("faxed to", re.compile(r"faxed\s+to\s+(?:the\s+)?(?P<name>[A-Z][A-Z/\-]{1,7})\b(?!\s+[A-Z])")),
    ("sent to", re.compile(r"sent\s+to\s+(?:the\s+)?(?P<name>[A-Z][A-Z/\-]{1,7})\b(?!\s+[A-Z])")),
    ("received by", re.compile(r"received\s+by\s+(?:the\s+)?(?P<name>[A-Z][A-Z/\-]{1,7})\b(?!\s+[A-Z])")),
    (
        "interview",
        re.compile(
            r"\b(?:[Ii]n\s+an?\s+(?P<name>[A-Z][A-Z/\-]{1,7})\s+interview|interview\s+with\s+"
            r"(?:the\s+)?(?P<with>[A-Z][A-Z/\-]{1,7}\b(?!\s+[A-Z])|(?P<outlet>Voice|Radio)\s+(?:of\s+)?[A-Z][\w\-]+"
            r"(?:\s+[A-Z][\w\-]+){0,2}))"
        ),
    ),
    ("correspondent", re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<name>[A-Z][\w\-]+)\s+correspondent\b")),
)


_ISSUED_ON = re.compile(
    r"\b(?:issued|published|released|posted)\s+(?:by\s+[^.\n]{1,60}?\s+)?on\s+(?:\w+day,?\s+)?"
    r"(?=\d{1,2}(?:st|nd|rd|th)?\s|[A-Z][a-z]+\.?\s+\d)"
)


def issued_on(text: str) -> date | None:
    """The date a page's own standfirst gives its release ("The press release issued by X on 29 September
    2023."), within its first lines: a date with its year only."""
    head = text[:1500]
    if not ("issued" in head or "published" in head or "released" in head or "posted" in head):
        return None
    for found in _ISSUED_ON.finditer(head):
        full = DATE.match(text, found.end(), found.end() + 30)
        if full is not None:
            return date_of(full)
    return None


_CREDIT = re.compile(
    r"^[ \t]*(?:(?:Source|Via)\s*[:\-–—]\s*(?P<source>[A-Z][\w&.'’/\- ]{1,40}?)"
    r"|(?:Copyright\s*(?:©|\([Cc]\))?|©|\([Cc]\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:The\s+)?"
    r"(?P<owner>[A-Z][\w&.'’/\-]*(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w&.'’/\-]*){0,4}?)(?:,?\s*\d{4})?"
    r"(?:\.?\s+All\s+rights\b.*|\s+\|\s+[^\n]*)?)"  # "© Northpress | Jane Doe, Foreign Minister": a photo's credit
    r"[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)


# A newsroom's address in the furniture ("Contact the newsroom: news@northpress.com"): its domain is the outlet;
# a person's or a webmail address says nothing of who publishes.
_NEWSROOM_MAIL = re.compile(
    r"^[^\n@]{0,60}\b(?:news|newsroom|editor|editors|editorial|desk|tips|letters|feedback)@"
    r"(?!(?:gmail|yahoo|hotmail|outlook|aol|icloud|proton|protonmail|mail|yandex)\.)"
    r"(?P<domain>(?:[a-z0-9\-]+\.)+[a-z]{2,24})[ \t.]*$",
    re.MULTILINE,
)


# "From: Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP", "FROM: U.S. STATE DEPARTMENT":
# the office that issues a government page (the person after "and" is its minister)
_FROM = re.compile(
    r"^[ \t]*(?:From|FROM)\s*:\s*(?:the\s+)?(?P<name>[A-Z][\w&.,'’\- ]{2,80}?)(?:\s+and\s+[^\n]*)?[ \t.]*$",
    re.MULTILINE,
)


# "From Wikinews, the free news source", "This article was produced by Northern News Service while ..."
_PRODUCED_BY = re.compile(
    r"^[ \t]*(?:From\s+(?P<free>[A-Z][\w.]*),\s+the\s+free\s|(?:This|The)\s+(?:article|story|report|item)\s+"
    r"(?:was|is)\s+(?:produced|written|published|prepared|provided)\s+by\s+(?:the\s+)?"
    r"(?P<by>[A-Z][\w&.'’\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.'’\-]*){0,5}))",
    re.MULTILINE,
)


# "Contact the FCDO Communication Team", "Contact the Northpress newsroom": the office or outlet that answers for
# the page
_CONTACT = re.compile(
    r"\bContact\s+the\s+(?P<name>[A-Z][\w&.\-]*(?:\s+(?:&\s+|of\s+)?[A-Z][\w&.\-]*){0,4}?)\s+"
    r"(?i:(?:press|media|news|communications?)\s+(?:team|office|desk)|press\s+office|newsroom)\b"
)
# "Official website of the President of Northland": a site's name for itself on a line of its own
_OFFICIAL_SITE = re.compile(
    r"^[ \t]*(?P<name>(?:The\s+)?[Oo]fficial\s+(?:web\s?site|portal)\s+of\s+[^\n]{3,80}?)[ \t]*$", re.MULTILINE
)
# An archive's citation line: "Jane Doe, Remarks on ... Online by John Roe and Ann Poe, The Northland Papers Project
# https://...": the archive whose page it is
_CITATION = re.compile(
    r"\bOnline\s+by\s+[A-Z][^,\n]{2,80},\s+(?P<name>(?:The\s+)?[A-Z][\w&.'’\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.'’\-]*){0,5})"
    r"\s+https?://"
)

# "Posted by Harbourline Bloggers", "Posted by the Harbour Notes Blog Team": a team blog's poster line names the blog
_BLOG_TEAM = re.compile(
    r"^[ \t]*Posted\s+by\s+(?:the\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}?)\s+"
    r"(?:Bloggers|Blog\s+(?:Team|Staff|Editors))[ \t]*$",
    re.MULTILINE,
)

# An author box under the story: "NPN News" over "The Northland Public Network provides news in twelve languages ...":
# the desk's outlet
_DESK_BOX = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,2})\s+News[ \t]*\n(?:[ \t]*\n)*"
    r"[ \t]*(?:The\s+)?[A-Z][^\n]{0,80}?\s(?:provides|delivers|brings)\s+news\b",
    re.MULTILINE,
)

# A media contact block: "Harbours Media Relations Office" / "Department of Harbours and Fisheries" / "555-010-2030":
# the department under its press desk, a telephone number or an e-mail address under it
_MEDIA_CONTACT = re.compile(
    r"^[^\n]{0,60}\bMedia\s+Relations(?:\s+(?:Office|Unit|Team))?[ \t]*\n[ \t]*(?P<name>[A-Z][^\n\d@:]{5,80}?)[ \t]*\n"
    r"[ \t]*(?:\+?\(?\d[\d ().\-]{6,}|[\w.\-]+@)",
    re.MULTILINE,
)

_PRODUCED_HINTS = (*(f"was {v} by " for v in ("produced", "written", "published", "prepared", "provided")), "the free ")


_SMALL_WORDS = frozenset(["of", "the", "and", "for", "on", "in", "to", "at"])


def _title_case(name: str) -> str:
    """A name given in capitals, as a name is written: "U.S. STATE DEPARTMENT" -> "U.S. State Department",
    "MINISTRY OF FOREIGN AFFAIRS" -> "Ministry of Foreign Affairs" (a short word that is no small word is an
    acronym: "UN", "EU")."""
    return " ".join(
        w.lower() if k and w.lower() in _SMALL_WORDS else w if "." in w or len(w) <= 2 else w.capitalize()
        for k, w in enumerate(name.split())
    )


@lru_cache(maxsize=8)
def _followed(page: str) -> str | None:
    """The publisher a page's furniture names, once per page (cached: every article of a page asks; str
    hashes are cached too): "Follow the Foreign Office on Twitter", "Source: Northpress", "© 2024 Northpress"."""
    ends = page[:3000] + "\n" + page[-3000:] if len(page) > 6000 else page  # furniture is above or below
    produced = _PRODUCED_BY.search(ends) if any(hint in ends for hint in _PRODUCED_HINTS) else None
    if produced is not None:
        return agency_name(produced["free"] or produced["by"])
    top = page[:3000]
    sender = _FROM.search(page, 0, 3000) if "From:" in top or "FROM:" in top or "From :" in top else None
    if sender is not None and any(t.lower() in ORG_HEADS for t in sender["name"].split()):
        name = sender["name"]
        return _title_case(name) if name.isupper() else name  # "FROM: U.S. STATE DEPARTMENT"
    contact = _MEDIA_CONTACT.search(ends) if "Media Relations" in ends else None
    if contact is not None and _department(contact["name"]):
        return contact["name"]
    box = _DESK_BOX.search(ends) if " news" in ends else None
    if box is not None:
        return box["name"]
    blog = _BLOG_TEAM.search(top) if "Posted by" in top else None
    if blog is not None:
        return blog["name"]
    own = _OFFICIAL_SITE.search(top) if "fficial" in top else None
    if own is not None:
        return own["name"]
    found = _followed_office(ends) if "Follow" in ends or "Find" in ends else None
    found = found or (_CONTACT.search(ends) if "Contact the" in ends else None)
    found = found or (_CITATION.search(ends) if "Online by" in ends else None)
    if found is not None:
        return found["name"]
    mail = _NEWSROOM_MAIL.search(ends) if "@" in ends else None
    if mail is not None:
        return mail["domain"]
    if "Source" in ends or "Via" in ends or "©" in ends or "opyright" in ends or "(c)" in ends or "(C)" in ends:
        for credit in _CREDIT.finditer(ends):
            name = credit["source"] or credit["owner"]
            if name and name.lower() not in ("all", "all rights"):
                return agency_name(name.strip().rstrip("."))
    return None


def _department(name: str) -> bool:
    """Whether a contact block's line names a department ("Foreign Affairs and Trade Northland"), not its officer."""
    tokens = name.split()
    if not all(t[:1].isupper() or t in _SMALL_WORDS for t in tokens):
        return False
    return any(t.lower() in ORG_HEADS or t == "Affairs" for t in tokens)


def _followed_office(ends: str) -> re.Match[str] | None:
    """The first "Follow X on Twitter" line whose X is an office or outlet: "Follow the Foreign Secretary on
    Twitter" and "Follow Foreign Office Minister Jane Doe on Twitter" name a person (an office word in the
    name), the page's office comes after them ("Follow the Foreign Office on Twitter")."""
    for found in _FOLLOW.finditer(ends):
        if not any(t.lower() in _OFFICE_HOLDERS for t in found["name"].split()):
            return found
    return None


_OFFICE_HOLDERS = words("minister secretary president ambassador spokesperson spokesman spokeswoman envoy commissioner")
"""Words that make a "Follow X on Twitter" line a person's account ("Foreign Office" stays an office)."""


@lru_cache(maxsize=8)  # every article of a page asks: once per page
def publisher_named(page: str) -> str | None:
    """The publisher a page's furniture names in so many words ("From: X", "Follow X on Twitter", "© X"): the
    page naming itself, which outranks a guess from its house style; a short form written out as the page's
    text gives it in full ("Foreign Office" -> "Foreign & Colonial Office")."""
    name = _followed(page)
    return fullest_form(name, page) if name is not None else None


def fullest_form(name: str, page: str) -> str:
    """``name`` in the one longer form the head of ``page`` gives: the same first and last word with up to three
    capitalised words (or "&", "and") between them, not the name itself and another ("X and Y"); several longer
    forms, or none, leave ``name`` as it is."""
    tokens = name.split()
    if len(tokens) < 2 or tokens[0] == tokens[-1]:
        return name
    between = r"(?:(?:[A-Z][\w'’\-]*|&|and)\s+){1,3}"
    pattern = rf"\b{re.escape(tokens[0])}\s+{between}{re.escape(tokens[-1])}\b"
    found = {" ".join(m.group().split()) for m in re.finditer(pattern, page[:FULLEST_CHARS])}
    found.discard(name)
    # "Harbour Office and Northland’s coast guard": the name and another one, a list of two
    found = {form for form in found if not form.startswith(f"{name} and ")}
    return found.pop() if len(found) == 1 else name


FULLEST_CHARS = 3000
"""A publisher's full name is looked for in a page's head (its standfirst and first paragraphs)."""


def publisher_in_text(text: str, page: str = "") -> str | None:
    """The outlet or office a page's own text names as its publisher, when no dateline, byline or site line
    does: "Follow the Foreign Office on Twitter", "The press release issued by X on ...", or the outlet the body
    says was told or sent the news ("received by IRIN", "told VOA", "an Interfax correspondent reported").
    ``page`` is the whole page, whose furniture ("Follow ...") may lie outside the article's text."""
    followed = _followed(page or text)
    if followed is not None:
        return followed
    head = text[:3000]
    if "release" in head:
        found = _ISSUED_BY.search(head)
        if found is not None:
            return found["name"]
    for needed, pattern in _RECEIVERS:
        for found in pattern.finditer(head) if needed in head else ():
            name = found["name"] or found.groupdict().get("with")
            if name and name.lower() not in ROLE_WORDS and text.count(name) <= 3:
                return agency_name(name)  # an acronym the story also quotes at length is a speaker, no outlet
    return None


# ------------------------------------------------------------------------------------------------ bylines

_NAME = r"[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}"
_BY_LINE = re.compile(
    rf"(?i:by)\s+(?P<who>{_NAME}(?:\s+and\s+{_NAME})?)"  # "By JANE DOE and JOHN ROE"
    r"(?:\s*,\s*(?P<agency>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}?)"
    r"(?:\s+(?:Staff\s+)?(?:Writer|Correspondent|Reporter|Editor))?)?"
)
_STAFF_BYLINE = re.compile(
    r"(?:(?i:by)\s+)?(?:the\s+)?(?P<outlet>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}?)\s+"
    r"(?i:staff|newsroom|news\s+desk|desk)(?:\s+(?:Report|Writer)s?|\s+and\s+agencies)?"
)
_OUTLET_REPORTER = re.compile(
    rf"(?:(?i:by)\s+)?(?:(?P<who>{_NAME}),\s+)?(?:the\s+)?(?P<outlet>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){{0,2}}?)"
    r"(?:['’]s)?\s+(?:(?i:senior|chief|special|foreign|political|diplomatic|staff)\s+)*"
    r"(?i:correspondent|reporter|writer)(?:\s+in\s+[A-Z][\w ]{1,30})?"
)
_REPORTER = re.compile(
    r"\b[A-Z][\w.\-/]*['’]s\s+(?P<who>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2})(?:\s+in\s+[A-Z][\w ]{2,30}?)?"
    r"\s+(?:reports|reported|has\s+more|has\s+this\s+report)\b"
)

_FROM_PLACE = re.compile(
    r"(?:^|(?<=[.!?]\s))From\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?,?\s+"
    r"(?P<who>[A-Z][\w'’\-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’\-]+)\s+(?:has\s+more|reports|has\s+this\s+report)\.",
    re.MULTILINE,
)


def byline_line(line: str) -> tuple[str | None, str | None] | None:
    """The journalist a byline of its own names, and the agency after the name, if any ("By Northpress Staff":
    no journalist, the agency).

    >>> byline_line("By JANE DOE, Associated Press Writer")
    ('Jane Doe', 'Associated Press')
    """
    line = line.lstrip("•·▪●*-–— \t")  # a bulleted byline: "• Northpress Staff"
    staff = _STAFF_BYLINE.fullmatch(line.strip())
    if staff is not None:
        return None, agency_name(staff["outlet"])  # "By Northpress Staff": the outlet, no journalist
    reporter = _OUTLET_REPORTER.fullmatch(line.strip())
    if reporter is not None:  # "Jane Doe, Northpress correspondent in Oldtown", "Northpress correspondent"
        who = reporter["who"]
        return (who.title() if who and who.isupper() else who), agency_name(reporter["outlet"])
    found = _BY_LINE.fullmatch(line.strip())
    if found is None or any(t.lower() in ROLE_WORDS for t in found["who"].split()):
        return None  # "by NATO Secretary General Jane Doe": a transcript's author, not a journalist
    who = found["who"]
    if who.isupper():
        who = " ".join(w.capitalize() for w in who.split())
    agency = found["agency"]
    return who, agency_name(agency) if agency else None


def reporter_in_lead(lead: str) -> str | None:
    """The journalist a lead names as its reporter: "VOA's Jane Doe in Oldtown reports ..." -> "Jane Doe"."""
    head = lead[:600]
    found = _REPORTER.search(head) if "'s " in head or "’s " in head else None
    if found is None and "report" in head and " for " in head:
        found = REPORTS_FOR.search(head)  # "as Jane Doe reports for VOA from Oldtown"
    if found is None and "For " in head and "report" in head:
        found = for_reporter(head)  # "For VOA, Jane da Doe reports that ..."
    if found is None and "From " in head:
        found = _FROM_PLACE.search(head)  # "From Oldtown Jane Doe has more."
    if found is None and " from " in head and ("ureau" in head or "desk" in head or "newsroom" in head):
        found = FROM_BUREAU.search(head)  # "Jane Doe has more from VOA's West Africa Bureau"
    return found["who"] if found is not None else None


_OUTLET = re.compile(r"[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,2}")


def name_and_outlet(line: str) -> tuple[str, str] | None:
    """A byline without "By": "Jane Doe | Northpress", "Jane Doe - Northpress" (a person, then an outlet)."""
    if " | " not in line and " - " not in line and " – " not in line and " — " not in line:
        return None
    parts = re.split(r"\s+[|–—-]\s+", line.strip())
    if len(parts) != 2 or _OUTLET.fullmatch(parts[1]) is None or is_noise_line(parts[1]):
        return None
    person = name_line(parts[0])
    if person is None or person[1] is not None or any(t.lower() in ROLE_WORDS for t in parts[1].split()):
        return None
    return person[0], agency_name(parts[1])


_PIECES = re.compile(r"\s+[|•·]\s+")
_CREDIT_HINT = re.compile(r"(?i:by\s|staff|desk|newsroom|correspondent|reporter|writer)")
"""What separates a byline from its date on one line: "By Jane Doe | 2 September 2024"."""


def header_credits(
    heads: Sequence[str], byline: str | None, agency: str | None
) -> tuple[str | None, str | None, Published | None]:
    """The journalist, the outlet and a date the header's byline lines give: "By Jane Doe | 2 September 2024",
    "Jane Doe | Northpress", "By Jane Doe" / "Northpress correspondent", "Jane Doe" / "Northpress Staff Writer"."""
    published: Published | None = None
    for i, head in enumerate(heads):
        pair = name_and_outlet(head) if byline is None else None
        if pair is not None:
            byline, agency = pair[0], agency or pair[1]
            continue
        if _CREDIT_HINT.search(head) is None:
            continue  # no "By", "Staff", "correspondent" or "desk": no byline
        pieces = _PIECES.split(head)
        for piece in pieces:
            by = byline_line(piece)
            if by is None:
                continue
            person = name_line(heads[i - 1]) if by[0] is None and byline is None and i > 0 else None
            if person is not None and person[1] is None:
                byline = person[0]  # "Jane Doe" over "Northpress Staff Writer"
            if byline is None and by[0] is not None:
                byline = by[0]
                stamps = [classify_line(p.strip()) for p in pieces if p is not piece]
                published = next((c.published for c in stamps if c.stamp and c.published), None)
            agency = agency or by[1]
            break
        if byline is not None and agency is not None:
            break
    return byline, agency, published
