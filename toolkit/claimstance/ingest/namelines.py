"""Lines of a transcript's header that name its speaker, an office or a label (pure): "Jane Doe" / "Secretary of
State", "JANE DOE, SECRETARY OF STATE", "Remarks", "As Delivered"; and the contact block that signs a press
release ("Jane DOE" / "Lead Spokesperson"); whether a text speaks in the first person; the member a debate's
extract pictures, the institution a statement's title names as its issuer, and the fullest office the text gives
an author."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from claimstance.ingest.styles import NOT_FIRST, VENUE_WORDS
from claimstance.lexicon import (
    FUNCTION_WORDS,
    LOWER_LETTERS,
    MEMBER_NAME_LINE,
    ORG_HEADS,
    ROLE_WORDS,
    TRANSCRIPT_HEADER,
    UPPER_LETTERS,
    is_honorific,
    words,
)

TRANSCRIPT_START = re.compile(rf"(?i:{TRANSCRIPT_HEADER})\b")
KIND_WORDS = words("statement speech remarks address message interview briefing declaration comment comments")
"""Kinds of text a header names ("Daily Briefing"): never part of a person's name."""
ROLE_CONNECTORS = words("of the and for on to")
ROLE_OR_ORG = ROLE_WORDS | ORG_HEADS


NAME_WORD = rf"(?:[{UPPER_LETTERS}][{LOWER_LETTERS}]+|[A-Z](?=['’]))(?:['’\-]?[{UPPER_LETTERS}][{LOWER_LETTERS}]+)*"
"""A capitalised name: "Doe", "McCormack", "O’Brien", "Jean-Luc", "Štefan Füle" (not "UN", not "Doe’s")."""
_PERSON_LINE = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+(?:[A-Z]\.|{NAME_WORD}|de|van|von|al)){{1,3}})(?P<role>\s+.+)?")


_OFFICE_PLURALS = words("affairs nations rights relations forces islands arts works services operations")


def _headline_verb(token: str) -> bool:
    """Whether a capitalised word may be a headline's verb in the present ("Hails", "Elects", "Wins"): a consonant
    before its final "s" (not "Carlos", "James", "Harris"), no office's plural ("Affairs")."""
    word = token.lower()
    return len(word) > 3 and word[-1] == "s" and word[-2] not in "aeiouys'’" and word not in _OFFICE_PLURALS


def name_line(line: str, *, office_after: bool = False) -> tuple[str, str | None] | None:
    """A transcript's speaker on a line of their own, maybe with the office: "Jane Doe Secretary of State",
    "JANE DOE, SECRETARY OF STATE" (``office_after``: the person's part of such a line, before its comma)."""
    if "," in line:
        person, _, office = line.partition(",")
        if line.isupper():
            person, office = person.title(), office.title()
        named = name_line(person.strip(), office_after=True)
        if named is None or named[1] is not None or not is_role_line(office.strip()):
            return None
        return named[0], office.strip()
    found = _PERSON_LINE.fullmatch(line)
    if found is None:
        return None
    name_tokens = found["name"].split()
    if any(t.endswith(("'s", "’s")) or t.lower() in KIND_WORDS for t in name_tokens):
        return None  # "Secretary’s Calls Discussing Gaza", "Daily Briefing": a headline, a label
    if name_tokens[0].lower() in NOT_FIRST or any(t.lower() in VENUE_WORDS for t in name_tokens):
        return None  # "Via Teleconference", "Oval Office", "South Lawn": where or how it was said, not who
    # before ", Minister of Trade" three words are a name block ("Jane Roberts Doe"); alone they may be a headline
    if not (office_after and len(name_tokens) == 3) and any(
        _headline_verb(t) and name_tokens[k + 1].lower() not in ROLE_WORDS for k, t in enumerate(name_tokens[1:-1], 1)
    ):
        return None  # "Oldtown Hails Harbour Vote": a headline's verb inside, no surname ("Mary Roberts") ending it
    if found["role"] and len(name_tokens) > 2 and _headline_verb(name_tokens[-1]):
        return None  # "Northern Rebel Region Elects President": a verb third or later, an office as its object
    # The name ends where the office begins: "John Kerry Secretary of State".
    for i, token in enumerate(name_tokens):
        if token.lower() in ROLE_WORDS or token.lower() in FUNCTION_WORDS:
            name_tokens = name_tokens[:i]
            break
    role = line[len(" ".join(name_tokens)) :].strip() or None
    if role is not None and len(name_tokens) > 2 and " " not in role and _headline_verb(name_tokens[-1]):
        return None  # "Rebel Region Elects President": a verb third or later, a one-word office as its object
    if len(name_tokens) < 2 or len(line) > 80:
        return None
    if role is not None and (role.split()[0].lower() not in ROLE_WORDS or len(role.split()) > 6):
        return None
    return " ".join(name_tokens), role


def is_role_line(line: str) -> bool:
    """Whether a short line names an office alone: "Secretary of State", "Department Spokesperson",
    "Minister for Foreign Affairs of Northland", "Assistant Secretary, Bureau of Public Affairs"."""
    first = line.split(",")[0]
    tokens = first.replace("-", " ").split()
    lead = next((k for k, t in enumerate(tokens[:3]) if t.lower() in ROLE_OR_ORG), None)
    if lead is None or len(line) > 100 or not all(t[:1].isupper() for t in tokens[:lead]):
        return False  # a country or nationality may come first: "U.S. Permanent Representative to the UN"
    tokens = tokens[lead:]
    if not any(t.lower() in ROLE_WORDS for t in tokens):
        return False
    place = False  # after "of": a place or institution in capitals ("of the Republic of Northland")
    for k, token in enumerate(tokens):
        lower = token.lower()
        if lower in ("of", "to"):
            if not place and len(tokens) - k - 1 > _PLACE_WORDS:
                return False  # "President of Northland Receives Delegation of ...": a Title Case headline
            place = True
        elif lower in ROLE_CONNECTORS or lower in ROLE_WORDS or lower in ORG_HEADS:
            continue
        elif not (place and token[:1].isupper()):
            return False
    return True


_PLACE_WORDS = 5
"""An office's place or institution ("of the Republic of Northland") is at most this many words."""


_DELIVERY = re.compile(r"(?i:as\s+delivered|as\s+prepared(?:\s+for\s+delivery)?|check\s+against\s+delivery)")
_LABEL_LINE = re.compile(rf"(?:[A-Z]\w*\s+)?(?i:{TRANSCRIPT_HEADER})")


def is_label_line(line: str) -> bool:
    """A transcript's label on a line of its own: "Remarks", "Press Statement", "Daily Press Briefing",
    "Speech", or a speech's delivery note ("As Delivered")."""
    line = line.strip("[]()")  # "[Check Against Delivery]"
    return len(line) <= 40 and (_LABEL_LINE.fullmatch(line) is not None or _DELIVERY.fullmatch(line) is not None)


def name_under_label(title: str | None, heads: Sequence[str]) -> tuple[str, str | None] | None:
    """The speaker a transcript's header gives on a name line under its label or title, with the office on the
    same line or the next ("Remarks" / "Jane Doe" / "Secretary of State")."""
    labelled = title is not None and TRANSCRIPT_START.match(title) is not None
    label = next((i for i, line in enumerate(heads) if is_label_line(line) or (labelled and line == title)), None)
    if label is None:
        return None
    if _DELIVERY.fullmatch(heads[label].strip("[]()")):
        label = -1  # "Jane Doe" / "Ambassador" / "AS DELIVERED": the note comes under the name
    for i, line in enumerate(heads[label + 1 :], start=label + 1):  # the name comes under the label
        person = name_line(line) or _addressed(line)
        if person is None or person[0].split()[-1].lower() in _PLACE_TAILS:
            continue  # "New York City" under a mission's name is where it was said
        following = heads[i + 1] if i + 1 < len(heads) else ""
        if person[1] is None and is_role_line(following):
            return person[0], following
        return person
    return None


_PLACE_TAILS = words("city county province district region")


def _addressed(line: str) -> tuple[str, str | None] | None:
    """A name line under a transcript's label that opens with a form of address or an office ("Ambassador Jane
    Anne Roe"): the name; the office line under it, when there is one, says more than the title."""
    title, _, rest = line.partition(" ")
    if title.lower().rstrip(".") not in ROLE_WORDS and not is_honorific(title):
        return None
    named = name_line(rest)
    return (named[0], None) if named is not None and named[1] is None else None


_SIGNATURE = re.compile(
    r"(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+(?P<last>[A-Z][A-Za-z'’\-]+)[ \t]*(?:\([^()\n]{0,40}\))?"
)
_SIGNATURE_CHARS = 2000
_CONTACT_LABEL = re.compile(
    r"(?i:(?:media|press)\s+(?:contacts?|enquiries|inquiries)|contacts?|enquiries|inquiries"
    r"|for\s+(?:more|further)\s+information|more\s+information)\b[^\n]{0,30}"
)
# Who answers a release's press calls ("Press Secretary", "Head of Press Office"): a statement with no header naming
# its author is the office's, not theirs
_PRESS_STAFF = words("press media communications communication information")


def signed_by(text: str, office: str | None) -> tuple[str, str] | None:
    """The holder of ``office`` a press release's contact block names at its foot: a name line ("Jane DOE(link
    sends e-mail)") over a line with the office ("Lead Spokesperson for Foreign Affairs"); any office when
    ``office`` is None ("Minister for Foreign Affairs"), but no press officer's and no name under a contact
    label ("Media contact", "For more information"): they answer calls about the release, they did not make it."""
    heads = {office.split()[-1].lower()} if office else ROLE_WORDS
    lines = [line.strip() for line in text[-_SIGNATURE_CHARS:].split("\n") if line.strip()]
    for k, line in enumerate(lines[:-1]):
        found = _SIGNATURE.fullmatch(line) if len(line) <= 60 else None
        role = lines[k + 1]
        if found is None or len(role) > 100 or not role[:1].isupper() or heads.isdisjoint(role.lower().split()[:3]):
            continue
        if office is None and (
            (k > 0 and _CONTACT_LABEL.fullmatch(lines[k - 1].rstrip(":")))
            or not _PRESS_STAFF.isdisjoint(role.lower().split())
        ):
            continue
        if any(t.lower() in ROLE_OR_ORG or t.lower() in FUNCTION_WORDS for t in (found["first"], found["last"])):
            continue  # "Press Officer": an office, no name
        last = found["last"].title() if found["last"].isupper() else found["last"]
        return f"{found['first']} {last}", role
    return None


FIRST_PERSON_WORD = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")
QUOTED = re.compile(r"[“\"][^”\"\n]*[”\"]")
"""A quotation on one line: a report quotes a speech's "we", a speech says it."""


def first_person(paragraphs: Sequence[str]) -> bool:
    """Whether most paragraphs from a tag on speak in the first person, as a speech under a blog's intro does."""
    return len(paragraphs) >= 3 and sum(FIRST_PERSON_WORD.search(p) is not None for p in paragraphs) >= 0.6 * len(
        paragraphs
    )


def speaks_itself(text: str) -> bool:
    """Whether most of the text's first paragraphs speak in the first person outside quotations: a statement."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text[:4000]) if len(p) > 80][:6]
    return first_person([QUOTED.sub(" ", p) for p in paragraphs])


_PHOTO_LINE = re.compile(
    rf"^(?:Photo\s+of\s+(?P<photo>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s*(?P=photo)\b"
    rf"|(?P<portrait>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s+Portrait\s+(?P<office>[^\n()]{{3,120}}?)\s*"
    rf"\((?P=portrait)\))",
    re.MULTILINE,
)
"""A parliament site's speaker line: "Photo of Jane DoeJane Doe (Northtown, Independent)" (the portrait's alt
text, then the name), "Jane Doe Portrait The Minister of State for Europe (Jane Doe)"."""
_PHOTO_CHARS = 6000


def pictured_speaker(text: str) -> tuple[str, str | None] | None:
    """The one member a debate's extract pictures above their speech, with the office the line gives, when the
    lines below speak in the first person; two members pictured (a debate of several turns) name no author."""
    if "Photo of " not in text[:_PHOTO_CHARS] and " Portrait " not in text[:_PHOTO_CHARS]:
        return None
    found = list(_PHOTO_LINE.finditer(text))
    if len({m["photo"] or m["portrait"] for m in found}) != 1:
        return None
    line = found[0]
    end = text.find("\n", line.end())
    below = [p for p in text[end if end >= 0 else len(text) :].split("\n") if p.strip()][:3]
    if not any(FIRST_PERSON_WORD.search(QUOTED.sub(" ", p)) for p in below):
        return None
    office = line["office"]
    role = office.removeprefix("The ").strip() if office else None
    return line["photo"] or line["portrait"], role


_ISSUER_TITLE = re.compile(
    r"(?P<issuer>(?:[A-Z][\w.'’-]*\s+){0,3}(?P<head>[A-Z][a-z]+))\s+"
    r"(?:Stands|Calls|Condemns|Welcomes|Urges|Reiterates|Reaffirms|Rejects|Notes|Expresses|Regrets|Deplores)\b"
)
"""A statement's title naming its issuer, in the present tense: "Northland Embassy Stands by its Assessment"."""


def issuing_institution(title: str | None, text: str) -> str | None:
    """The institution a statement speaking in the first person ("We urge ...") names as its issuer in its
    title ("Northland Embassy Welcomes ..."), written as the text names it in full ("The Northland Embassy in
    Oldtown ..."); None where the title names no institution in the present tense."""
    found = _ISSUER_TITLE.match(title or "")
    if found is None or found["head"].lower() not in ORG_HEADS or not speaks_itself(text):
        return None
    head = found["head"]
    fuller = re.search(rf"\b[Tt]he\s+(?P<org>(?:[A-Z][\w.'’-]*\s+){{1,4}}{head})\b", text[:2000])
    return fuller["org"] if fuller is not None else found["issuer"]


_DELEGATION_LINE = re.compile(
    r"^(?P<who>[A-Z]{2,4})\s+[Ss]tatement\s+(?:in\s+[Rr]esponse\s+to|to|on|at|for|following)\s+[^\n]{3,200}$",
    re.MULTILINE,
)
"""A delegation's statement at a meeting, headed by its acronym: "NU Statement in Response to the Report of ..."."""
_DELEGATION_CHARS = 1500
_PARAGRAPH_CHARS = 80
"""A line this long is a paragraph, not a link in a list."""


def delegation_statement(text: str) -> tuple[str, None] | None:
    """The delegation a first-person statement's heading names by its acronym ("NU Statement to the Council ..."),
    written as the text below first names it: "the Northern Union" (words with the acronym's initials) or the
    acronym itself; None where no such heading opens the text or the text does not speak for itself."""
    found = _DELEGATION_LINE.search(text, 0, _DELEGATION_CHARS)
    while found is not None and not _stands_alone(text, found.start(), found.end()):
        found = _DELEGATION_LINE.search(text, found.end(), _DELEGATION_CHARS)  # a link in a list: not the heading
    if found is None:
        return None
    if not _lines_speak(text, found.end()):
        return None
    acronym = found["who"]
    if acronym.lower() in ROLE_WORDS:
        return None  # "PM statement at the press conference": an office, not a delegation
    spelled = r"\s+".join(rf"{letter}[a-z]+" for letter in acronym)
    for named in re.finditer(rf"\b(?:{acronym}|{spelled})\b", text[found.end() :]):
        if not any(word.lower() in ROLE_WORDS for word in named.group().split()):
            return named.group(), None  # not "Under Secretary" for "US": an office, not the delegation
    return acronym, None


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the line from ``start`` to ``end`` has no short line right above or below it, as a heading has (a
    blank line, the text's edge or a paragraph); a list of links ("Most read" over one headline a line) does not."""
    previous = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)].strip()
    after = text.find("\n", end + 1)
    following = text[end + 1 : after if after >= 0 else len(text)].strip()
    return all(not line or len(line) >= _PARAGRAPH_CHARS for line in (previous, following))


def _lines_speak(text: str, start: int) -> bool:
    """Whether enough of the first lines from ``start`` speak in the first person outside quotations, as no
    report does: a meeting's statement is a few numbered points, often one line each, under the site's furniture
    (a venue line, a "published under" notice)."""
    lines = [QUOTED.sub(" ", line) for line in text[start : start + 4000].split("\n") if len(line) > 40]
    speaking = sum(FIRST_PERSON_WORD.search(line) is not None for line in lines[:8])
    return speaking >= 2 and speaking >= 0.4 * len(lines[:8])


_STANDFIRST = re.compile(
    rf"(?P<who>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,5}}?\s+{NAME_WORD}\s+{NAME_WORD})\s+[a-z]{{3,}}s\s+\S"
)
"""A standfirst that tells what the speaker does in the present tense: "Ambassador Jane Roe underlines ..."."""
_THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|him)\b")
"""The speaker in the third person under a standfirst: a report or an interview, not the speaker's statement."""


def standfirst_speaker(text: str) -> tuple[str, str] | None:
    """The speaker an office-and-name standfirst under the title names ("Ambassador Jane Roe underlines
    Northland's support ...", as GOV.UK heads a speech), when the lines below speak in the first person; the
    office is the words before the name that are all role words."""
    lines = text[:1500].split("\n")
    heads = [i for i, line in enumerate(lines) if line.strip()][:3]
    for i in heads[1:]:
        found = _STANDFIRST.match(lines[i].strip())
        if found is None:
            continue
        tokens = found["who"].split()
        role = tokens[:-2]
        offices = [t.lower() in ROLE_OR_ORG for t in role]  # "The Northern Kingdom commends ...": a country
        if role and offices[0] and all(o or t.lower() in ROLE_CONNECTORS for o, t in zip(offices, role, strict=True)):
            start = sum(len(line) + 1 for line in lines[: i + 1])
            below = QUOTED.sub(" ", text[start : start + 1500])
            if _THIRD_PERSON.search(below) or re.search(rf"\b{re.escape(tokens[-1])}\b", below):
                return None  # "I met him ... he told me": an interviewer's first person, the speaker in the third
            return (" ".join(tokens[-2:]), " ".join(role)) if _lines_speak(text, start) else None
    return None


_EXCELLENCY = re.compile(r"H\.?\s?E\.?")
_ROLE_JOINS = words("of the and for")


_STYLES = words("honourable honorable hon rt")
"""A minister's style before the name: "the Honourable", "the Rt. Hon." (not "Right" alone: "Right Sector")."""


def honorific(token: str) -> bool:
    """Whether a token is an honorific ("Mr.", "Dr", "H.E.", "Honourable")."""
    return is_honorific(token) or token.lower().rstrip(".") in _STYLES or _EXCELLENCY.fullmatch(token) is not None


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
            if token.lower() in KIND_WORDS:
                break  # "Speech of Prime Minister X": the header's kind is no part of the office
            if token[:1].isupper() or token in _ROLE_JOINS:
                phrase.insert(0, token)
                continue
            break
        while phrase and (phrase[0] in _ROLE_JOINS or honorific(phrase[0])):
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


def surname_first(text: str, name: str) -> str:
    """A surname alone written out in surname-first order when the text gives it after an office with a
    hyphenated given name ("President Lin" -> "Lin Mei-hua" from "President Lin Mei-hua"); one such name only."""
    if " " in name or not name[:1].isupper():
        return name
    given = r"[A-Z][a-z]+-[a-z]+\b(?![ \t]+[A-Z][a-z])"
    found = {
        m.group(2)
        for m in re.finditer(rf"\b([A-Z][a-z]+)[ \t]+{re.escape(name)}[ \t]+({given})", text)
        if m.group(1).lower() in ROLE_WORDS
    }
    return f"{name} {found.pop()}" if len(found) == 1 else name


_BLOCK_LINES = 8


def minister_block(lines: Sequence[str], text: str) -> tuple[str, str | None] | None:
    """The author a minister's name block at the head of a page names ("Rt Hon Jane Doe" / "Minister of Trade"),
    where the text speaks in the first person, a byline names the same minister, or a third-person release under
    the block and its office names the minister again ("Foreign Minister Jane Doe said today"); None over a report
    or a communiqué the block only heads."""
    for i, line in enumerate(lines[:_BLOCK_LINES]):
        found = MEMBER_NAME_LINE.fullmatch(line.strip())
        named = name_line(found["name"]) if found is not None else None
        if named is None or named[1] is not None:
            continue
        surname = named[0].split()[-1]
        bylined = any(other.startswith("By ") and other.endswith(surname) for other in lines)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        office = following if is_role_line(following) else None
        first_person = speaks_itself(text)
        told = first_person and _THIRD_PERSON.search(QUOTED.sub(" ", text[:4000])) is not None
        # a release in the third person names its minister again below the block ("Foreign Minister Jane Doe said")
        mentions = len(re.findall(rf"\b{re.escape(named[0])}\b", text)) - (line.strip() in text)
        released = office is not None and not first_person and mentions > 0
        if not (bylined or released or (first_person and not told)):
            return None  # a report or communiqué the block only heads, or a writer's "I asked her ... she told me"
        return named[0], office
    return None
