"""The agency or outlet a page's header or lead names: a header line of its own ("(Xinhua)", "Interfax News
Agency"), a repost's credit line, or a lead that opens with the agency ("ArmInfo.", "PanARMENIAN.Net -") or says
it ("VOA's Jane Doe reports", "APA reported citing ..."). Abbreviations of wire agencies are written out ("AP" ->
"Associated Press"). Pure functions, read by :mod:`claimstance.ingest.headers` and the ingest stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.ingest.namelines import name_line
from claimstance.lexicon import AGENCY_WORDS, ROLE_WORDS, WIRE_AGENCIES, words

_AGENCY_LINE = re.compile(
    rf"\(?(?:The\s+)?(?P<name>[A-Z][\w&.\-/]*(?:\s+[A-Z][\w&.\-/]*){{0,3}}?)(?:\s+(?i:{'|'.join(AGENCY_WORDS)}))*\)?"
)
_LEAD_AGENCY = re.compile(r"(?P<name>[A-Z][a-z]*[A-Z][\w]*(?:\.[A-Za-z]{2,4})?)(?:\.|\s+[-–—])\s+(?=[A-Z\"“])")
_REPORTS = re.compile(
    r"\b(?P<name>[A-Z][\w.\-/]*)['’]s\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}(?:\s+in\s+[A-Z][\w ]{2,30}?)?"
    r"\s+(?:reports|reported|has\s+more|has\s+this\s+report)\b"
)
# "as Jane Doe reports for VOA from Oldtown", "according to Jane Doe, reporting for VOA from Oldtown"
REPORTS_FOR = re.compile(
    r"\b(?P<who>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2}),?\s+(?:reports|reported|reporting)\s+for\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.\-/]*(?:\s+[A-Z][\w.\-/]*){0,2})\s+(?:from|in)\s+[A-Z]"
)
# "For Northpress, Jane da Doe reports that ...": the outlet first, then its reporter, who reports in the present
# (a past "reported" is news: "For Northland, Karl Olsen reported progress") unless it says from where
FOR_REPORTS = re.compile(
    r"\bFor\s+(?:the\s+)?(?P<name>[A-Z][\w.\-/]*(?:\s+[A-Z][\w.\-/]*){0,2}),\s+"
    r"(?P<who>[A-Z][\w'’\-]+(?:\s+(?:(?:da|de|del|van|von|al|bin)\s+)?[A-Z][\w'’\-]+){1,2})\s+"
    r"(?:reports\b|reported\s+from\s+[A-Z])"
)


def for_reporter(text: str) -> re.Match[str] | None:
    """ "For Northpress, Jane Doe reports ...": the outlet and its reporter; "For Northland, President Karl Olsen
    reported ..." names a country and its president, no outlet."""
    found = FOR_REPORTS.search(text)
    return found if found is not None and found["who"].split()[0].lower() not in ROLE_WORDS else None


# "Jane Doe has more from NPA's West Africa Bureau in Oldtown", "Jane Doe reports from the NPA Oldtown bureau": a
# reporter's credit that names the outlet's bureau
FROM_BUREAU = re.compile(
    r"\b(?P<who>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2})\s+(?:has\s+more|reports|reported)\s+from\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.\-/]*)(?:['’]s)?(?:\s+(?:[A-Z][\w'’\-]*|and|of|for)){0,6}\s+(?i:bureau|desk|newsroom)\b"
)
_REPORTS_END = re.compile(
    r",\s*(?:the\s+)?(?P<name>[A-Z][\w.\-/]*\s+(?:reports|informs)|[A-Z]{2,}[\w.\-/]*\s+reported)\.(?=\s|$)"
)
# "OLDTOWN (Northpress) -", "Oldtown, Northland (NPA) —": a dateline with its agency and no date
_PLACE_AGENCY = re.compile(
    r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})?"
    r"\s*\((?P<name>[A-Z][\w&.\-/]*(?:\s+[A-Z][\w&.\-/]*){0,3})\)\s*(?:[-–—]{1,2}|:)\s"
)
# "AFP, MOSCOW", "AP, OLDTOWN, Northland -": a wire's abbreviation, then the place in capitals (Taipei Times style)
_AGENCY_CITY = re.compile(
    r"(?P<name>[A-Z]{2,6}),\s+[A-Z][A-Z.'’\-]{2,}(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][a-z]+)*(?:\s*[-–—:]|\s|$)"
)
# "ArmInfo: ...", "Agenda.ge: ...": an agency's name in CamelCase or with its domain, then a colon
_AGENCY_COLON = re.compile(r"(?P<name>[A-Z][a-z]*[A-Z][\w]*|[A-Z][\w\-]*\.[a-z]{2,4}):\s+(?=[A-Z\"“])")
_NOT_AGENCIES = words("update updated photo video exclusive breaking live watch listen read note editor")
_CITING = re.compile(r",\s*(?P<name>[A-Z][\w.\-/]*)\s+(?:reports|reported)\s+citing\b")


_ACRONYM_NEWS = re.compile(r"^([A-Z]{2,}(?:/[A-Z]{2,})?)\s+News$")


def agency_name(text: str) -> str:
    """An agency as a dateline or credit names it, with wire abbreviations written out ("AP" -> ...); a long
    name in capitals ("NORTHPRESS:") is written as a name, an acronym ("NPA") as it is."""
    name = text.strip(" ()")
    name = _ACRONYM_NEWS.sub(r"\1", name)  # "IRIN News", "VOA News": the acronym's outlet
    if name.isupper() and " " not in name and sum(c.isalpha() for c in name) >= LONG_CAPITALS:
        name = name.capitalize()
    return WIRE_AGENCIES.get(name.lower(), name)


LONG_CAPITALS = 7
"""A word in capitals this long is a name set in capitals ("NORTHPRESS"), not an acronym ("UNICEF")."""
_OUTLET_WORDS = r"[A-Z][\w&.\-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)*[A-Z][\w&.\-]*){0,5}"
# "Voice of Northland (Oldtown, NL)": a repost's credit, the outlet and its seat (city and region)
_OUTLET_SEAT = re.compile(rf"(?P<name>{_OUTLET_WORDS})\s+\((?P<seat>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,\s+[A-Z][\w.]*)\)")
# "Public Television of Northland, Oldtown,": a monitoring service's source line, the broadcaster and its city, a
# comma after it (the date follows on the next line)
_BROADCASTER_CITY = re.compile(rf"(?P<name>{_OUTLET_WORDS}),\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?,")


def _outlet_line(line: str) -> str | None:
    """The outlet a repost's credit line names: "Voice of Northland (Oldtown, NL)", "Northland Radio, Oldtown,"."""
    seat = _OUTLET_SEAT.fullmatch(line) if line.endswith(")") else None
    if seat is not None and len(seat["name"].split()) >= 2 and name_line(seat["name"]) is None:
        return seat["name"]
    found = _BROADCASTER_CITY.fullmatch(line) if "," in line else None
    if found is not None and any(t.lower() in AGENCY_WORDS for t in found["name"].split()):
        return found["name"]
    return None


def agency_line(line: str, known: Sequence[str] = ()) -> str | None:
    """The agency a header line of its own names: "(Xinhua)", "Interfax News Agency", "The Associated Press"."""
    if len(line) > 40:
        return None
    acronym = _ACRONYM_NEWS.fullmatch(line) or _AGENCY_CITY.fullmatch(line)
    if acronym is not None:
        return agency_name(acronym.group(1))  # "VOA News": a wire's or broadcaster's desk; "AFP, MOSCOW"
    outlet = _outlet_line(line) if not line.startswith("(") else None
    if outlet is not None:
        return outlet
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
    capitals = lead[1:2].isupper()  # "AFP, MOSCOW": capitals first
    found = _PLACE_AGENCY.match(lead) if "(" in lead[:80] else _AGENCY_CITY.match(lead) if capitals else None
    if found is None and ":" in lead[:30]:
        found = _AGENCY_COLON.match(lead)
        found = None if found is None or found["name"].isupper() else found  # "PUTIN:" is a speaker's tag
    if found is not None and found["name"].lower() not in _NOT_AGENCIES:
        return agency_name(found["name"])
    head = lead[:600]
    # Substring checks first: most leads hold neither "X's Jane Doe reports" nor "X reported citing".
    possessive = ("'s " in head or "’s " in head) and ("report" in head or " has " in head)
    found = _REPORTS.search(head) if possessive else None
    if found is None and "citing" in head:
        found = _CITING.search(head)
    if found is None and ("reports." in head or "informs." in head or "reported." in head):
        found = _REPORTS_END.search(head)  # "..., Northpress reports.", "..., NPA reported."
    if found is None and "report" in head and " for " in head:
        found = REPORTS_FOR.search(head)  # "reports for", "reported for", "reporting for": spare the scan
    if found is None and "For " in head and "report" in head:
        found = for_reporter(head)
    if found is None and " from " in head and ("ureau" in head or "desk" in head or "newsroom" in head):
        found = FROM_BUREAU.search(head)
    return agency_name(found["name"].split()[0]) if found is not None else None
