"""Who speaks in a speech, statement or transcript: the author its header names (pure).

* **"Kind by X"**: "Statement by President Jane Doe", "Speech of Prime Minister X at ...", "Message from the
  Secretary-General", "Press conference by NATO Secretary General X, following ..."; a label before it
  ("Southland: Statement by ...", "Transcript: ...") is passed over.
* **"X's kind"**: "Jane Doe's speech at the Party Congress", "Transcript: Foreign Minister X's interview".
* **"Office kind"**: "Foreign Secretary statement following ...", "...: Foreign Office statement": an office or
  institution, then the kind.
* **Name lines**: a transcript label or title ("Remarks", "Press Statement", "Opening remarks", "Remarks With
  ...") with the speaker's name on a line of its own ("Jane Doe" / "Secretary of State", "JANE DOE, SECRETARY OF
  STATE").

An office without a name ("Address by the President of Northland") is resolved to the one holder the text
names ("President of Northland Karl Olsen"); a capitalised office the text gives no holder for ("Statement by
the Spokesperson") is the author itself. A group in lower case ("the foreign ministers of ...") is no author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from claimstance.ingest.namelines import (
    FIRST_PERSON_WORD,
    QUOTED,
    ROLE_CONNECTORS,
    ROLE_OR_ORG,
    delegation_statement,
    first_person,
    honorific,
    issuing_institution,
    minister_block,
    name_under_label,
    pictured_speaker,
    signed_by,
    speaks_itself,
    standfirst_speaker,
    surname_first,
)
from claimstance.ingest.namelines import fullest_role as fullest_role  # re-exported: the ingest package uses it
from claimstance.ingest.styles import from_line_person, fuller_institution, fuller_name, group_subject
from claimstance.lexicon import (
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    TRANSCRIPT_HEADER,
    role_word,
    words,
)

MAX_HEADER_CHARS = 240
"""A title that opens like a transcript's: "Remarks With ...", "Press conference"."""
# "Statements by the Spokesperson", "Prepared Floor Remarks by Senator X" (a legislator's speech on the floor)
_KIND = rf"(?:transcript\s+of\s+(?:the\s+)?)?(?:(?:prepared|floor)\s+){{0,2}}{TRANSCRIPT_HEADER}s?"
_HEADER = re.compile(rf"(?=[A-Z])(?i:{_KIND})\s+(?:by|of|from)\s+(?P<who>[^\n]+?)\s*[:.]?")
_POSSESSIVE = re.compile(
    rf"(?:^|[-–—:”\"]\s*)(?:(?:Read\s+)?(?:the\s+)?(?:[Ff]ull\s+)?(?:[Tt]ext|[Tt]ranscript)\s+of\s+)?(?P<who>[A-Z][^\n:”\"]{{2,100}}?)['’]s\s+(?i:{TRANSCRIPT_HEADER})\b"
    r"(?:\s+(?:and|at|to|on|in|before|following|with|regarding|concerning)\b|\s*$)"
)
# "The Embassy's Press Officer replies to a media question regarding ...": a spokesperson's answers
_REPLIES = re.compile(
    r"^(?:The\s+)?(?P<who>[A-Z][\w'’.\-]*(?:\s+(?:of|the|[A-Z][\w'’.\-]*)){0,8})\s+(?:replies|answers|responds)(?:\s+to)?\s+"
    r"(?:a\s+|the\s+)?(?:media|journalists?['’]?s?|press|reporters?['’]?s?)\s+questions?\b"
)
# "Foreign Secretary statement following ...", "Azerbaijan elections: Foreign Office statement"
_OFFICE_KIND = re.compile(
    r"(?:^|:\s+)(?P<who>[A-Z][\w'’\-]*(?:\s+(?:&|of|the|for|[A-Z][\w'’\-]*)){0,6})\s+"
    r"(?i:statement|remarks|speech|address|message|comments?)"
    r"(?:\s+(?:on|following|after|at|to|in|about|regarding|concerning|for)\b|\s*$)"
)
# "Foreign Secretary gives keynote speech in Northland", "Jane Doe delivers address to the nation"
_DELIVERS = re.compile(
    r"(?:^|:\s+)(?P<who>[A-Z][\w'’.\-]*(?:\s+(?:&|of|the|for|[A-Z][\w'’.\-]*)){0,6})\s+"
    r"(?:gives|delivers|makes|attends|holds)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?i:speech|address|statement|remarks|lecture|(?:press\s+)?conference|briefing)\b"
)
_LEAD_CHARS = 800
"""How far into the text a report of the speech would name its speaker ("X said in a speech ...")."""
_LABEL = re.compile(r"[A-Z][^:\n]{0,40}:\s+(?=[A-Z])")
"""A label before a header: "Southland: Statement by ...", "Transcript: ..."."""
_WHO_END = re.compile(
    r",|\s(?:to|at|on|with|in|during|before|after|for|regarding|about|concerning|upon|via|from|and|following)\s"
    r"|\s[–—-]\s"
    # a Title Case header capitalises the occasion: "Remarks by President Smith Before Marine One Departure"
    r"|\s(?:Before|After|At|On|In|During|Following|With|Upon|Via|Regarding|About|Concerning|Ahead\s+of|Aboard"
    r"|En\s+Route|aboard|en\s+route)\s"
)
_OFFICE_WORDS = (ROLE_WORDS | ORG_HEADS) - words("press joint opening closing final official")
"""What makes "X statement" an office's: "Foreign Secretary statement", not "Press statement"."""
_OFFICE_KINDS = ("statement", "remarks", "speech", "address", "message", "comment")
_KINDS = (
    *_OFFICE_KINDS,
    "interview",
    "briefing",
    "declaration",
    "conference",
    "question",
    "answer",
    "gaggle",
    "availab",
)
_OFFICE_HEADS = words(
    """secretary minister president premier chancellor spokesman spokeswoman spokesperson ambassador envoy
    representative commissioner office ministry department embassy mission government presidency kremlin
    council commission committee secretariat delegation"""
)
"""What ends an office that issues statements: "Foreign Secretary statement", "Foreign Office statement"."""
_PHRASE_WORDS = ROLE_WORDS | PARTICLES | words("of the and for to on")
"""The lower-case words a speaker phrase may hold: "the foreign minister of Northland"."""


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
        person = _person_after_office(tokens)
        return person if person is not None else (" ".join(tokens), None)
    i = len(tokens)
    while i > 0:
        token = tokens[i - 1]
        if role_word(token) or honorific(token):
            break
        if token[:1].isupper() or (token in PARTICLES and i - 1 > 0 and tokens[i - 2][:1].isupper()):
            i -= 1
            continue
        break
    name = tokens[i:]
    role = tokens[:i]
    if not name:  # "Statement by the President": a role, no name
        return None, " ".join(role) or None
    if role and role[-1].lower() in ("of", "the", "for"):
        if len(name) <= 2:  # "President of South Korea", "Minister for Europe": a place ends the office, no name
            return _from_place(tokens) or (None, " ".join(t for t in tokens if not honorific(t)))
        # "... of the Republic of Azerbaijan Ilham Aliyev": the place ends the role, the last two words are the name
        role, name = role + name[:-2], name[-2:]
    role_text = " ".join(t for t in role if not honorific(t)) or None
    return " ".join(name), role_text


def _from_place(tokens: list[str]) -> tuple[str, str | None] | None:
    """A holder named before the place they stand for: "Senator Jane Doe of Northland" (a legislator's seat)."""
    if "of" not in tokens:
        return None
    at = len(tokens) - 1 - tokens[::-1].index("of")
    name, role = split_author(" ".join(tokens[:at])) if at > 1 else (None, None)
    return (name, role) if name is not None and role is not None and " " in name else None


def _person_after_office(tokens: list[str]) -> tuple[str, str | None] | None:
    """A person after an office that names an institution: "Foreign Ministry Spokeswoman Maria Doe",
    "Spokesperson of the Ministry of Northland Anna Berg" (after a place, the last two words are the name)."""
    start = len(tokens)
    while start > 0 and tokens[start - 1][:1].isupper() and tokens[start - 1].lower() not in _OFFICE_WORDS:
        start -= 1
    name = tokens[start:]
    if start > 0 and tokens[start - 1] == "of" and len(name) >= 3:
        start, name = len(tokens) - 2, tokens[-2:]  # "... of Northland Anna Berg"
    elif start == 0 or tokens[start - 1].lower() not in ROLE_WORDS:
        return None
    if not 2 <= len(name) <= 3:
        return None
    role = " ".join(t for t in tokens[:start] if not honorific(t))
    return " ".join(name), role or None


def _who(text: str) -> str:
    """The speaker phrase of a header up to where the occasion starts ("... at the general debate")."""
    cut = _WHO_END.search(text)
    while cut is not None and cut.group().strip() == "and":
        before, after = text[: cut.start()], text[cut.end() :]
        tail = _WHO_END.search(after)
        joined = after[: tail.start()] if tail else after
        if any(t.lower() in ORG_WORDS for t in before.split()) or not joined.split():
            break
        if joined.split()[-1].lower() not in ORG_WORDS:
            break
        # "the Information and Press Department": one institution, not two speakers
        cut = _WHO_END.search(text, cut.end() + (tail.start() if tail else len(after)))
        if cut is None:
            return text
    while cut is not None and _REMIT.match(text, cut.start()) and role_word(text[: cut.start()].split()[-1]):
        cut = _WHO_END.search(text, cut.end())  # "Minister for Foreign Affairs Jane Doe": the office's remit
    return text[: cut.start()] if cut else text


_REMIT = re.compile(r"\sfor\s+[A-Z]")


def transcript_header(
    text: str | None, *, possessive: bool = True, holder_text: str | None = None
) -> tuple[str, str | None, str | None] | None:
    """``(header line, author, role)`` when a short line is a transcript header ("Remarks by X", "X's speech").

    The possessive form ("X's speech at ...") is tried only when ``possessive`` (on an article's header lines);
    a header that names only an office ("Address by the President of Northland") names its holder when
    ``holder_text`` (the document) gives one, and is the office itself when it is capitalised ("Statement by
    the Spokesperson").
    """
    if text is None or len(text) > MAX_HEADER_CHARS:
        return None
    lower = text.lower()
    if not any(kind in lower for kind in _KINDS):
        return None  # every header names its kind ("Remarks by X", "X's speech", "Office statement")
    for line in _unlabelled(text):
        found = _header_author(line, possessive=possessive, holder_text=holder_text)
        if found is not None:
            return text, found[0], found[1]
    return None


def _unlabelled(text: str) -> Iterator[str]:
    yield text
    label = _LABEL.match(text)
    if label is not None:
        yield text[label.end() :]


def _header_author(text: str, *, possessive: bool, holder_text: str | None) -> tuple[str, str | None] | None:
    has_by = " by " in text or " of " in text or " from " in text
    has_own = possessive and ("'s " in text or "’s " in text)
    lower = text.lower()
    kinds = holder_text is not None and any(kind in lower for kind in _OFFICE_KINDS)
    office = _OFFICE_KIND.search(text) if kinds else None
    delivers = _DELIVERS.search(text) if holder_text is not None and " " in text else None
    if delivers is not None and _speech_below(delivers["who"], text, holder_text or ""):
        return _office_or_holder(delivers["who"], holder_text or "")
    if not has_by and not has_own and office is None and "question" not in lower:
        return None  # neither "Remarks by X" nor "X's remarks": spare the patterns
    found = _HEADER.fullmatch(text) if has_by else None
    if found is not None:
        who = found["who"]
    elif has_own and (own := _POSSESSIVE.search(text)) is not None:
        who = own["who"]
    elif (reply := _REPLIES.match(text)) is not None:
        who = reply["who"].replace("'s ", " ").replace("’s ", " ")  # "The Embassy's Press Officer"
    elif office is not None and _office_statement(office["who"], holder_text or ""):
        who = office["who"]  # the pattern ends it: "Minister for Europe" keeps its remit
        found = office
    else:
        return None
    who = (who if found is office else _who(who)).strip(" :.")
    if any(t[:1].islower() and t not in _PHRASE_WORDS for t in who.split()):
        return None  # "Statement by the President sparks outrage": a headline's verb, no speaker
    name, role = split_author(who)
    if name is None and role is not None and holder_text is not None:
        name = role_holder(holder_text, role)  # "Address by the President of Northland": who holds it
        alone = _office_alone(who) if name is None else None
        if alone is not None:
            return alone, None
    if name is None or not name[:1].isupper():
        return None
    return name, role


def _speech_below(who: str, title: str, text: str) -> bool:
    """Whether the text under a "X gives speech ..." title is the speech itself: it speaks in the first person (not
    only in quotations) and does not name its speaker near its head, as a report of the speech would ("X said in
    the speech ...")."""
    at = text.find(title)
    body = text[at + len(title) : at + len(title) + _LEAD_CHARS] if at >= 0 else text[:_LEAD_CHARS]
    last = who.split()[-1]
    unquoted = QUOTED.sub(" ", body)  # a report quotes the speech's "we"; the speech itself says it
    return FIRST_PERSON_WORD.search(unquoted) is not None and re.search(rf"\b{re.escape(last)}\b", body) is None


def _office_or_holder(who: str, text: str) -> tuple[str, str | None] | None:
    """The person ``who`` names, the holder the text gives an office alone, or the capitalised office itself."""
    name, role = split_author(who)
    if name is None and role is not None:
        name = role_holder(text, role)
        if name is None:
            tokens = who.split()[1:] if who.startswith("The ") else who.split()  # "The Minister makes ..."
            titled = len(tokens) <= 3 and all(t[:1].isupper() for t in tokens) and tokens[-1].lower() in ROLE_WORDS
            alone = _office_alone(who) or (" ".join(tokens) if titled else None)  # "Home Secretary", "Health Minister"
            return (alone, None) if alone is not None else None
    return (name, role) if name is not None and name[:1].isupper() else None


_FRAMED = re.compile(r"\b(?:said|says|stated|added)\s*:\s*$", re.MULTILINE)


def _office_statement(who: str, text: str) -> bool:
    """Whether "X statement" is an office's own statement: X ends in an office or institution ("Foreign
    Secretary", "Foreign Office"; not a capitals headline), and the text does not frame the words as a quotation
    ("A spokesperson said:"), which names their speaker itself."""
    tokens = who.split()
    remit = next((i for i, t in enumerate(tokens) if t in ("for", "of")), len(tokens))  # "Minister for Europe"
    if who.isupper() or remit == 0 or tokens[remit - 1].lower() not in _OFFICE_HEADS:
        return False
    return _FRAMED.search(text, 0, 3000) is None


def _office_alone(who: str) -> str | None:
    """A capitalised office with no holder: "the Spokesperson", "the High Representative" (not "the ministers")."""
    office = who.removeprefix("the ").strip()
    tokens = office.split()
    if not tokens or not tokens[0][:1].isupper() or tokens[0].lower() not in ROLE_OR_ORG:
        return None
    if tokens[-1].lower() not in ROLE_WORDS and "of" not in tokens:
        return None  # "Embassy Press Officer", "High Representative", "President of Northland"; not "Embassy"
    if tokens[-1].lower().endswith("s") and tokens[-1].lower().rstrip("s") in ROLE_WORDS:
        return None  # "the Foreign Ministers of ...": a group
    return office


def role_holder(text: str, role: str) -> str | None:
    """The person a text names with ``role``: "President of Northland Jane Doe", "President Jane Doe"."""
    office = role.split()[0]
    for pattern in (re.escape(role), re.escape(office)):
        found = re.search(pattern + r"[ \t]+((?:[A-Z][a-z'’\-]+[ \t]+){1,2}[A-Z][a-z\-]+)(?:['’]s)?\b", text)
        if found is not None:
            name, _ = split_author(found.group(1))
            if name is not None and " " in name:
                return name
    # "President of Russia Vladimir Putin" for "President of the Russian Federation": the office, a place, a name
    for found in re.finditer(re.escape(office) + r"((?:[ \t]+(?:of|the|[A-Z][a-z'’\-]+)){3,8})", text):
        name, _ = split_author(office + found.group(1))
        if name is not None and " " in name:
            return name
    return None


def header_author(
    title: str | None,
    heads: Sequence[str],
    text: str,
    lead_header: tuple[str, str | None, str | None] | None,
    early: Sequence[str] = (),
) -> tuple[str | None, str | None, str | None] | None:
    """``(header, author, role)`` of an article's header: a header line anywhere (the title first), the first
    line of prose (``lead_header``), a name line under a transcript label or title, or a GOV.UK speech's
    "From:" line; a surname alone is written out as the page gives it (:mod:`claimstance.ingest.styles`)."""
    found = _any_header_author(title, heads, text, lead_header, early)
    person = from_line_person(heads, [*heads, *early], text)
    if person is not None and (found is None or found[1] is None or _office_only(found[1])):
        return (found[0] if found else title), person, (found[1] if found else None)
    if found is None and speaks_itself(text):  # no header names its author: the block that signs it may
        signed = signed_by(text, None)
        issuer = issuing_institution(title, text) if signed is None else None  # "Northland Embassy Urges ..."
        return (title, signed[0], signed[1]) if signed is not None else (title, issuer, None) if issuer else None
    if found is None or found[1] is None:
        return found
    signed = signed_by(text, found[1]) if _office_only(found[1]) else None
    if signed is not None:  # "Statement by the Spokesperson" signed "Jane DOE" / "Lead Spokesperson for ..."
        return found[0], signed[0], signed[1]
    return found[0], fuller_institution(text, surname_first(text, fuller_name(text, found[1]))), found[2]


def _office_only(author: str) -> bool:
    """Whether an author is an office with no holder ("Foreign Secretary", "the Spokesperson")."""
    return all(t.lower() in ROLE_OR_ORG or t.lower() in ROLE_CONNECTORS for t in author.split())


def _any_header_author(
    title: str | None,
    heads: Sequence[str],
    text: str,
    lead_header: tuple[str, str | None, str | None] | None,
    early: Sequence[str],
) -> tuple[str | None, str | None, str | None] | None:
    for line in [title, *heads]:  # the title may join two lines: "Press conference" / "by X"
        header = transcript_header(line, holder_text=text) or _delivered_or_on(line, text)
        if header is not None:
            return header
    if lead_header is not None:
        return lead_header
    kicked = _kicked_header(text)
    if kicked is not None:
        return kicked
    for line in early:  # a blog's intro above the speech: "Address by President of Northland" below it
        found = transcript_header(line, possessive=False, holder_text=text)
        if found is not None:
            return title, found[1], found[2]
    person = name_under_label(title, [*heads, *early]) or _attributable(text) or _only_tag(text)
    person = person or minister_block([*heads, *early], text)  # "The Hon. Jane Doe, MP" over her release
    person = person or pictured_speaker(text) or delegation_statement(text) or standfirst_speaker(text)
    if person is not None:
        return title, person[0], person[1]
    return None


_AS_DELIVERED = re.compile(r"As\s+(?:delivered|prepared(?:\s+for\s+delivery)?)\s+by\s+(?P<who>[A-Z][^\n]{2,120})")
_ON_TOPIC = re.compile(r"(?P<who>[A-Z][^\n:]{2,80}?)\s+on\s+(?:the\s+)?[A-Z0-9][^\n]{0,120}")
_IRISH_OFFICES = words("taoiseach tánaiste tanaiste")
_POST_NOMINAL = re.compile(r"\s+(?:T\.D\.|TD|M\.P\.|MP|MSP|MLA|MEP)$")


def _delivered_or_on(line: str | None, text: str) -> tuple[str | None, str | None, str | None] | None:
    """A statement's delivery line ("As delivered by Ambassador Jane Roe to the Council"), or a header that names
    an office holder and a topic ("Prime Minister Jane Roe TD on the Assembly elections") over text in the first
    person that does not name her near its head (a report about her would)."""
    if line is None:
        return None
    delivered = _AS_DELIVERED.fullmatch(line)
    topic = _ON_TOPIC.fullmatch(line) if delivered is None else None
    if delivered is None and topic is None:
        return None
    who = _POST_NOMINAL.sub("", (_who(delivered["who"]) if delivered else topic["who"] if topic else "").strip())
    name, role = split_author(who)
    if role is None and name is not None and name.split()[0].lower() in _IRISH_OFFICES:
        role, _, name = name.partition(" ")  # "Taoiseach Jane Roe": an office the lexicon's English words lack
    if name is None or not name[:1].isupper() or " " not in name or group_subject(who):
        return None
    if topic is not None and (role is None or not _speech_below(who, line, text)):
        return None
    return (line if topic else None), name, role  # a delivery line is no headline


_KICKER = re.compile(r"[^\n]*?[a-z]{2}[.!?]\s+(?=[A-Z])")
_KICKER_LINES = 4


def _kicked_header(text: str) -> tuple[str, str | None, str | None] | None:
    """A header after a kicker sentence on one of the first lines ("Stress has a context. Prime Minister Karl
    Olsen's speech at the Assembly"), read as a header when the speech below speaks in the first person outside
    quotations (a report of the speech quotes its "we")."""
    lines = [line.strip() for line in text[:2000].split("\n") if line.strip()][:_KICKER_LINES]
    for line in lines:
        kicker = _KICKER.match(line) if len(line) <= MAX_HEADER_CHARS and line[-1] not in ".!?:" else None
        found = transcript_header(line[kicker.end() :], holder_text=text) if kicker is not None else None
        below = text[text.find(line) + len(line) :][:1500]
        if found is not None and found[1] is not None and FIRST_PERSON_WORD.search(QUOTED.sub(" ", below)) is not None:
            return line, found[1], found[2]
    return None


_ATTRIBUTABLE = re.compile(
    r"\b(?:is|are)\s+attributable\s+to\s+(?:the\s+)?(?P<who>[A-Z][^:\n]{2,80}?)\s*:", re.MULTILINE
)


def _attributable(text: str) -> tuple[str, str | None] | None:
    """A readout's speaker: "The following is attributable to Spokesperson Jane Doe:"."""
    found = _ATTRIBUTABLE.search(text, 0, 1500) if text.find("attributable", 0, 1500) >= 0 else None
    if found is None:
        return None
    name, role = split_author(_who(found["who"]))
    return (name, role) if name is not None and " " in name else None


_TAG = re.compile(r"(?P<who>[A-Z][\w'’.\-]*(?:[ \t]+(?:of|the|[A-Z][\w'’.\-]*)){1,8}):[ \t]+(?P<said>.*)")
_FIRST_TAG_LINES = 5
"""A single speaker's transcript opens with the tag: within this many lines of the text (headline, date, ...)."""
_INITIAL = re.compile(r"[A-Z]\.")
"""A middle initial in a tag's name: "Jane Q. Doe"."""
_SAID_END = re.compile(r"[.!?…][\"”»’']?$")


def _only_tag(text: str) -> tuple[str, str | None] | None:
    """The one person whose tag opens paragraphs of the text ("President of Northland Karl Olsen: Friends, ..."),
    as a transcript of one speaker writes it (kremlin.ru style); two tagged persons, or a tag on a headline
    (no sentence after it), name no author, nor does a first tag deep in the text unless a speech follows it."""
    found: dict[str, str | None] = {}
    if text.find(": ", 0, 20000) < 0:
        return None
    lines = [line for line in text[:20000].split("\n") if line.strip()]
    for number, line in enumerate(lines):
        colon = line.find(": ", 0, 120)
        tag = _TAG.match(line) if colon > 3 and line[:1].isupper() else None  # most lines hold no tag: spare it
        if tag is None:
            continue
        person = _tagged_person(tag)
        if person is None:
            continue
        tokens, role = person
        if not found and number >= _FIRST_TAG_LINES and not first_person(lines[number : number + 10]):
            return None  # a tag deep in a report ("Key quote - Jane Doe: ...") makes no transcript of it
        found.setdefault(" ".join(tokens), role)
    return next(iter(found.items())) if len(found) == 1 else None


def _tagged_person(tag: re.Match[str]) -> tuple[list[str], str | None] | None:
    """The person a tag line names, when a sentence follows it ("Karl Olsen: we will never give up" is a
    headline, not a turn)."""
    said = tag["said"]
    if len(said) < 30 or _SAID_END.search(said) is None:
        return None
    name, role = split_author(tag["who"])
    tokens = name.split() if name else []
    if not 2 <= len(tokens) <= 3 or any(
        not t[:1].isupper() or (t.isupper() and not _INITIAL.fullmatch(t)) or t.lower() in _OFFICE_WORDS for t in tokens
    ):
        return None
    return tokens, role


def opens_turn(line: str) -> bool:
    """Whether a line opens a person's turn in a transcript: "President of Northland Karl Olsen: Friends, ..."."""
    tag = _TAG.match(line) if line[:1].isupper() and line.find(": ", 0, 120) > 3 else None
    return tag is not None and _tagged_person(tag) is not None
