"""Who says each unit: speaker attribution from reporting cues, statement authorship and continuation.

Rules, in order, for each claim unit (see ``tests/data/seeds_gold.jsonl`` for the judgement calls):

1. Inside a statement (the document has an author and the unit follows its header, e.g. "Statement by
   President Ilham Aliyev") every unit is the author's, attribution ``author``: the author asserts what he
   says, even "As President Vucic has said, ...".
2. A headline "X: claim" is X's (``reported``, cue ":").
3. The first reporting cue outside quotation marks gives the speaker: "X said / told Y / noted / added /
   stressed / ...", "..., said X", "according to X", "a statement by X", "X said in a statement", and
   quotes attributed after the quote ('"...", - X said'). A unit that is mostly a quotation is a
   ``direct_quote``, otherwise ``reported``.
4. Agentless "It was noted that ..." and a unit with no cue continue the speaker of the previous attributed
   unit in the same block (a quote paragraph continues the previous speaker across blocks); an agentless
   cue with nobody to continue is ``unattributed``.
5. Anything else is narration: the outlet (``document.source``, possibly None) as ``author``.

Names resolve to the fullest form the document gives: "Rahimova" -> "Rahida Rahimova", "he" -> the last
person quoted, "EOA" -> "Election Observation Alliance", "the minister" -> the last speaker with that role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimstance.schema import Attribution, Document, Speaker, UnitKind

Span = tuple[int, int]

_ROLE_WORDS = frozenset(
    """president presidents vice prime minister ministers foreign deputy secretary secretary-general general chairman
    chairwoman chair co-chair speaker spokesman spokeswoman spokesperson ambassador envoy head chief director senator
    governor mayor chancellor king queen prince princess emir sheikh pope commissioner representative special member
    mp leader commander colonel lieutenant major captain defense defence interior economy finance justice state affairs
    assistant advisor adviser press mr mrs ms dr prof professor high supreme former acting opposition candidate
    ombudsman first lady majesty excellency republic federation kingdom united nations executive officer ceo founder
    analyst expert political scientist journalist editor activist parliamentary parliament mejlis milli observer
    fm mfa pm h.e. his her their its our my your dear friend colleague honorable honourable esteemed""".split()
)
_PLACE_WORDS = frozenset(
    """azerbaijan azerbaijani azerbaijan's russia russian russia's serbia serbian serbia's armenia armenian armenia's
    turkey türkiye turkish georgia georgian iran iranian ukraine ukrainian belarus belarusian kazakhstan kazakh
    uzbekistan uzbek turkmen turkmenistan kyrgyz tajik china chinese japan japanese india indian pakistan pakistani
    israel israeli palestine palestinian egypt egyptian france french germany german britain british uk us u.s.
    usa america american italy italian spain spanish poland polish hungary hungarian greece greek bulgaria
    bulgarian romania romanian croatia croatian bosnia bosnian montenegro montenegrin albania albanian kosovo
    macedonia macedonian slovenia slovenian slovakia slovak czech austria austrian switzerland swiss netherlands
    dutch belgium belgian sweden swedish norway norwegian finland finnish denmark danish estonia estonian latvia
    latvian lithuania lithuanian moldova moldovan syria syrian iraq iraqi saudi arabia qatar qatari uae emirati
    kuwait kuwaiti jordan jordanian lebanon lebanese afghanistan afghan canada canadian mexico mexican brazil
    brazilian argentina argentine korea korean north south vietnam vietnamese eu european asian african balkan
    caucasus baku moscow belgrade yerevan tbilisi ankara tehran kyiv washington london paris berlin brussels
    nakhchivan karabakh nagorno-karabakh""".split()
)
_STOP_WORDS = frozenset(
    """the a an as at in on by for from to with and but or if when while according after before during since
    of that this these those it its he she they we i you meanwhile however also then there here what which who
    whom whose both all some many most other another""".split()
)
_PARTICLES = frozenset("de da del della di van von der den bin ibn al el la le dos du ben".split())
_ORG_HEADS = frozenset(
    """alliance ministry commission council committee organization organisation agency office party union
    assembly parliament government court mission center centre service institute association foundation movement
    network coalition front bank fund group department embassy university observers society administration
    cabinet kremlin presidency secretariat delegation team board authority authorities website portal newspaper
    channel tv radio outlet press news media bureau forum platform congress senate duma mejlis""".split()
)
_APPOSITIVE_START = frozenset("a an the who which whose in at on during speaking according as while after".split())
_AUX = frozenset(
    """also further later earlier then again once previously repeatedly reportedly recently today yesterday has have
    had will would has_also already once_again""".split()
)
_PRONOUNS = frozenset("he she they it i we".split())

_VERBS = (
    r"said|says|say|told|tells|noted|added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|underscored"
    r"|stated|wrote|writes|concluded|described|recogni[sz]ed|recogni[sz]es|expressed|declared|announced|claimed"
    r"|argued|argues|insisted|insists|warned|warns|explained|pointed\s+out|reiterated|affirmed|confirmed|believes"
    r"|reported|asserted|urged|denied|denies|criticized|criticised|condemned|welcomed|praised|was\s+quoted\s+as\s+saying"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_INVERTED = re.compile(
    r"(?:^|[,\x00”\"»:]\s*(?:[-–—]\s*)?)(said|says|added|noted|stressed|told|wrote|continued|concluded|explained"
    r"|insisted|warned|emphasi[sz]ed)\s+(?=\S)"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_STATEMENT_BY = re.compile(r"\b(?:joint\s+)?statement\s+(?:issued\s+)?(?:by|of|from)\s+")
_PASSIVE = re.compile(
    r"\b(?:[Ii]t|[Tt]his)\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?(noted|stressed|emphasi[sz]ed|underlined"
    r"|said|stated|announced|reported|mentioned|pointed\s+out|underscored|recalled)\b"
)
_IN_A_STATEMENT = re.compile(r"\s+in\s+(?:a|an|the|its|his|her|their)\s+(?:joint\s+)?statement\b")
_SUBJECT_DELIMS = re.compile(r"[,;:\x00“”\"«»()–—]|\bthat\b|\s-\s")
_NP_END = re.compile(r"[,;:!?\x00“”\"«»()–—]|\.(?:\s|$)|\s-\s")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)\s*$")
_LEADING_CONJ = re.compile(
    r"^(?:and|but|as|while|whereas|so|then|meanwhile|however|although|though|because|also)\s+", re.IGNORECASE
)
_STATEMENT_HEADER = re.compile(
    r"^(?:joint\s+|press\s+|opening\s+|closing\s+)?(?:statement|speech|address|remarks|interview|message|"
    r"press\s+conference|briefing)\b",
    re.IGNORECASE,
)
_QUOTE_CHARS = re.compile(r"[“”„«»\"]")
_HEADLINE = re.compile(r"([^:]{2,60}):\s+\S")
QUOTE_MIN_WORDS = 4
"""A quotation of fewer words is a scare quote, not a direct quote."""


# ------------------------------------------------------------------------------------------------ quotes


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans (from the opening mark to just past the closing one) of the matched double quotations.

    Curly quotes pair by direction, straight quotes by position (an opener follows a space or bracket);
    a curly closer also closes any straight quote left open inside it, and unmatched marks are ignored,
    so a stray quote never swallows the rest of a paragraph.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []
    for m in _QUOTE_CHARS.finditer(text, start, stop):
        i, ch = m.start(), m.group()
        if ch in "“„«":
            stack.append((i, ch))
        elif ch in "”»":
            wanted = "«" if ch == "»" else "“„"
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][1] in wanted:
                    spans.append((stack[j][0], i + 1))
                    del stack[j:]
                    break
        else:
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < stop else " "
            opener = (prev.isspace() or prev in "([{—–-/“„«") and not nxt.isspace()
            closer_index = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == '"'), None)
            if opener or closer_index is None:
                if not nxt.isspace():
                    stack.append((i, ch))
            else:
                spans.append((stack[closer_index][0], i + 1))
                del stack[closer_index:]
    spans.sort()
    return spans


def _masked(text: str, quotes: Sequence[Span], offset: int) -> str:
    """``text`` with the inside of every quotation replaced by NULs (cues inside quotes do not count)."""
    chars = list(text)
    for a, b in quotes:
        for k in range(max(a - offset + 1, 0), min(b - offset - 1, len(chars))):
            chars[k] = "\x00"
    return "".join(chars)


# ------------------------------------------------------------------------------------------------- names


def _is_name_token(token: str) -> bool:
    t = token.strip(",.;:()\"“”'")
    if not t:
        return False
    if re.fullmatch(r"[A-Z]\.", token) or (t[0].isupper() and any(c.islower() for c in t)):
        return t.lower() not in _STOP_WORDS
    return False


def _is_plain(token: str) -> bool:
    return token.lower().strip(",.") in _ROLE_WORDS or token.lower().strip(",.") in _PLACE_WORDS


@dataclass
class _Parsed:
    name: str
    role: str | None
    person: bool
    acronym: str | None = None


def _clean_np(np: str) -> str:
    np = np.strip(" ,;:–—-\"“”'\x00")
    previous = None
    while previous != np:
        previous = np
        np = _LEADING_CONJ.sub("", np).strip()
    return np


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.IGNORECASE)


def parse_speaker_phrase(phrase: str) -> _Parsed | None:
    """Split a speaker noun phrase into name and role: "Russian Foreign Minister Sergei Lavrov" ->
    ("Sergei Lavrov", "Russian Foreign Minister"); organisations and collectives keep the whole phrase."""
    np = _clean_np(phrase)
    acronym = None
    m = _ACRONYM.search(np)
    if m:
        acronym = m.group(1)
        np = np[: m.start()].strip()
    tokens = np.split()
    if not tokens or len(tokens) > 12:
        return None
    if len(tokens) == 1 and tokens[0].lower() in _PRONOUNS:
        return _Parsed(tokens[0].lower(), None, person=False)
    head = tokens[-1].lower().strip(".,")
    if head in _ORG_HEADS or (acronym and not _is_name_token(tokens[-1])):
        return _Parsed(_strip_article(np), None, person=False, acronym=acronym)
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        if _is_name_token(tok) and not _is_plain(tok):
            i -= 1
        elif tok.lower() in _PARTICLES and i < len(tokens) and i - 1 > 0 and _is_name_token(tokens[i - 2]):
            i -= 1
        else:
            break
    name_tokens = tokens[i:]
    if name_tokens and len(name_tokens) <= 4:
        role = _strip_article(" ".join(tokens[:i]).strip(" ,")) or None
        return _Parsed(" ".join(name_tokens), role, person=True, acronym=acronym)
    if len(tokens) > 6:
        return None
    if tokens[0].lower() in ("the", "a", "an") and len(tokens) > 1 and tokens[1][:1].isupper():
        return _Parsed(_strip_article(np), None, person=False, acronym=acronym)
    lowered = np[0].lower() + np[1:] if tokens[0].lower() in ("the", "a", "an") else np
    return _Parsed(lowered, None, person=False, acronym=acronym)


class _NameIndex:
    """Full names (and roles) met so far in one document, for resolving short names and pronouns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_alias: dict[str, tuple[str, str | None]] = {}
        self.last_person: tuple[str, str | None] | None = None
        self.last_group: tuple[str, str | None] | None = None
        self.roles: list[tuple[str, str]] = []

    def register(self, name: str, role: str | None, person: bool, acronym: str | None = None) -> None:
        if person and role is None:
            role = self._role_in_text(name)
        entry = (name, role)
        if person:
            self.by_alias.setdefault(name.split()[-1], entry)
            self.by_alias[name] = entry
            self.last_person = entry
            if role:
                self.roles.append((role.lower(), name))
        else:
            self.last_group = entry
        if acronym:
            self.by_alias[acronym] = entry

    def _role_in_text(self, name: str) -> str | None:
        m = re.search(r"((?:[A-Z][\w'’-]*\s+|of\s+|the\s+){1,6})" + re.escape(name) + r"\b", self.text)
        if not m:
            return None
        words = m.group(1).split()
        while words and not (words[0][:1].isupper() and _is_plain(words[0])):
            words.pop(0)
        keep = [w for w in words if _is_plain(w) or w in ("of", "the")]
        return " ".join(words) if words and len(keep) == len(words) else None

    def resolve(self, parsed: _Parsed) -> tuple[str, str | None]:
        name = parsed.name
        if name in ("he", "she") and self.last_person:
            return self.last_person
        if name in ("they", "it") and self.last_group:
            return self.last_group
        if not parsed.person:
            role_word = _strip_article(name).lower()
            for role, full in reversed(self.roles):
                if role_word and role.endswith(role_word):
                    return self.by_alias.get(full, (full, role))
            if name in self.by_alias:
                return self.by_alias[name]
            return name, parsed.role
        if name in self.by_alias:
            full, role = self.by_alias[name]
            return full, parsed.role or role
        if " " not in name:
            for m in re.finditer(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+" + re.escape(name) + r"\b", self.text):
                first = m.group(1)
                if first.lower() not in _STOP_WORDS and not _is_plain(first):
                    return f"{first} {name}", parsed.role or self._role_in_text(f"{first} {name}")
        return name, parsed.role


# -------------------------------------------------------------------------------------------------- cues


@dataclass
class _Cue:
    position: int
    phrase: str
    cue: str
    role: str | None = None


def _trim_np(fragment: str) -> str:
    """The noun phrase at the start of ``fragment`` (after "said", "according to", "a statement by")."""
    m = _NP_END.search(fragment)
    np = fragment[: m.start()] if m else fragment
    np = re.split(r"\s+(?:on|in|at|during|while|after|before|to|who|which|that|when|speaking|today|yesterday)\b", np)[0]
    return np.strip()


def _subject_before(masked: str, verb_start: int) -> tuple[str, str | None] | None:
    """The subject phrase ending just before a reporting verb, skipping auxiliaries and an appositive."""
    left = masked[:verb_start].rstrip()
    words = left.split(" ")
    while words and words[-1].lower() in _AUX:
        words.pop()
    left = " ".join(words).rstrip()
    segments = _SUBJECT_DELIMS.split(left)
    if not segments:
        return None
    subject = segments[-1].strip()
    role = None
    first = subject.split()[0].lower() if subject.split() else ""
    if (first in _APPOSITIVE_START or first.endswith("ing")) and len(segments) >= 2:
        previous = segments[-2].strip()
        if previous and _is_name_token(previous.split()[-1]):
            if first in ("a", "an", "the"):
                role = _strip_article(subject)
            subject = previous
    if not subject or len(subject.split()) > 8:
        return None
    return subject, role


def find_cue(sentence: str, quotes: Sequence[Span], offset: int = 0) -> _Cue | None:
    """The first reporting cue of a sentence outside its quotations, with the phrase naming the speaker."""
    masked = _masked(sentence, quotes, offset)
    found: list[_Cue] = []
    for m in _ACCORDING.finditer(masked):
        rest = masked[m.end() :]
        by = re.match(r"(?:a|the)\s+(?:joint\s+)?(?:statement|report|press\s+release)\s+(?:by|of|from)\s+", rest)
        phrase = _trim_np(rest[by.end() :] if by else rest)
        if phrase:
            found.append(_Cue(m.start(), phrase, "according to"))
    for m in _STATEMENT_BY.finditer(masked):
        phrase = _trim_np(masked[m.end() :])
        if phrase:
            found.append(_Cue(m.start(), phrase, "a statement by"))
    for m in _VERB.finditer(masked):
        verb = " ".join(m.group().split())
        after = masked[m.end() :]
        statement = _IN_A_STATEMENT.match(after)
        cue = f"{verb} in a statement" if statement else verb
        subject = _subject_before(masked, m.start())
        if subject and parse_speaker_phrase(subject[0]) is not None:
            found.append(_Cue(m.start(), subject[0], cue, subject[1]))
            continue
    for m in _INVERTED.finditer(masked):
        phrase = _trim_np(masked[m.end() :])
        if phrase and parse_speaker_phrase(phrase) is not None:
            found.append(_Cue(m.start(1), phrase, m.group(1)))
    return min(found, key=lambda c: c.position) if found else None


def headline_colon(line: str, document_text: str = "") -> int | None:
    """Where the colon of an "X: claim" headline is, if the part before it names a speaker; else None."""
    m = _HEADLINE.match(line)
    if not m:
        return None
    prefix = m.group(1).strip()
    tokens = prefix.split()
    if not 1 <= len(tokens) <= 5 or not all(_is_name_token(t) or _is_plain(t) for t in tokens):
        return None
    if _is_plain(tokens[-1]):
        return None
    if len(tokens) == 1 and not re.search(r"\b[A-Z][a-z]+\s+" + re.escape(tokens[0]) + r"\b", document_text):
        return None
    return m.end(1)


# ----------------------------------------------------------------------------------------------- attribute


@dataclass(frozen=True)
class UnitSpan:
    """A unit as the segmenter cut it: its span, kind, blank-line block and the sentence it belongs to."""

    start: int
    end: int
    kind: UnitKind
    block: int
    sentence: Span


def _mostly_quote(text: str, span: Span, quotes: Sequence[Span]) -> bool:
    return any(len(text[a:b].split()) >= QUOTE_MIN_WORDS for a, b in quotes if a >= span[0] and b <= span[1])


def _statement_start(document: Document, units: Sequence[UnitSpan]) -> int | None:
    """Index of the first unit of the author's own statement, or None when the document has no author."""
    if not document.author:
        return None
    surname = document.author.split()[-1]
    for i, unit in enumerate(units):
        if unit.kind is UnitKind.HEADING:
            heading = document.text[unit.start : unit.end]
            if surname in heading or _STATEMENT_HEADER.match(heading):
                return i + 1
    return 0


def attribute(document: Document, units: Sequence[UnitSpan]) -> list[Speaker]:
    """A Speaker for every unit of ``document`` (pure; units in document order)."""
    text = document.text
    index = _NameIndex(text)
    if document.author:
        index.register(document.author, document.author_role, person=True)
    narrator = Speaker(name=document.source, attribution=Attribution.AUTHOR)
    author = Speaker(name=document.author, role=document.author_role, attribution=Attribution.AUTHOR)
    statement_from = _statement_start(document, units)
    speakers: list[Speaker] = []
    previous: Speaker | None = None
    previous_block = -1
    by_sentence: dict[Span, Speaker | None] = {}
    for i, unit in enumerate(units):
        in_statement = statement_from is not None and i >= statement_from
        if unit.kind is not UnitKind.CLAIM:
            speakers.append(author if in_statement and unit.kind is UnitKind.GREETING else narrator)
            if unit.kind is UnitKind.HEADING:
                previous = None
            continue
        if in_statement:
            speakers.append(author)
            continue
        quotes = quote_spans(text, unit.sentence[0], unit.sentence[1])
        if unit.sentence not in by_sentence:
            by_sentence[unit.sentence] = _cued_speaker(text, unit, quotes, index, previous, previous_block)
        speaker = by_sentence[unit.sentence]
        if speaker is None:
            speaker = _continued(text, unit, quotes, previous, previous_block) or narrator
        speakers.append(speaker)
        if speaker.attribution in (Attribution.REPORTED, Attribution.DIRECT_QUOTE):
            previous, previous_block = speaker, unit.block
        else:
            previous = None
    return speakers


def _cued_speaker(
    text: str,
    unit: UnitSpan,
    quotes: Sequence[Span],
    index: _NameIndex,
    previous: Speaker | None,
    previous_block: int,
) -> Speaker | None:
    sentence = text[unit.sentence[0] : unit.sentence[1]]
    quoted = _mostly_quote(text, unit.sentence, quotes)
    kind = Attribution.DIRECT_QUOTE if quoted else Attribution.REPORTED
    at_line_start = unit.sentence[0] == 0 or text[unit.sentence[0] - 1] == "\n"
    colon = headline_colon(sentence, text) if at_line_start else None
    if colon is not None:
        parsed = parse_speaker_phrase(sentence[:colon])
        if parsed is not None:
            index.register(parsed.name, parsed.role, parsed.person, parsed.acronym)
            name, role = index.resolve(parsed)
            return Speaker(name=name, role=role, attribution=Attribution.REPORTED, cue=":")
    cue = find_cue(sentence, quotes, unit.sentence[0])
    if cue is not None:
        parsed = parse_speaker_phrase(cue.phrase)
        if parsed is not None:
            if parsed.person and " " in parsed.name or parsed.acronym or not parsed.person and parsed.name not in _PRONOUNS:
                index.register(parsed.name, parsed.role or cue.role, parsed.person, parsed.acronym)
            name, role = index.resolve(parsed)
            role = role or cue.role
            if parsed.person and " " not in name:
                index.register(name, role, person=True)
            elif parsed.person:
                index.last_person = (name, role)
            return Speaker(name=name, role=role, attribution=kind, cue=cue.cue)
    passive = _PASSIVE.search(_masked(sentence, quotes, unit.sentence[0]))
    if passive is not None:
        phrase = passive.group().lower()
        if previous is not None and previous_block == unit.block:
            return Speaker(name=previous.name, role=previous.role, attribution=kind, cue=phrase)
        return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=phrase)
    return None


def _continued(
    text: str, unit: UnitSpan, quotes: Sequence[Span], previous: Speaker | None, previous_block: int
) -> Speaker | None:
    """The previous speaker, when this unit continues the same statement."""
    if previous is None:
        return None
    quoted = _mostly_quote(text, unit.sentence, quotes)
    if previous_block == unit.block or quoted:
        kind = Attribution.DIRECT_QUOTE if quoted else Attribution.REPORTED
        return Speaker(name=previous.name, role=previous.role, attribution=kind, cue=previous.cue)
    return None
