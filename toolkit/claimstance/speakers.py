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
   unit in the same paragraph (a quotation in the next paragraph continues it too); an agentless cue with
   nobody to continue is ``unattributed``.
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ROLE_WORDS = _words(
    """president presidents vice prime minister ministers foreign deputy secretary secretary-general general chairman
    chairwoman chair co-chair speaker spokesman spokeswoman spokesperson ambassador envoy head chief director senator
    governor mayor chancellor king queen prince princess emir sheikh pope commissioner representative special member
    mp leader commander colonel lieutenant major captain defense defence interior economy finance justice state affairs
    assistant advisor adviser press mr mrs ms dr prof professor high supreme former acting opposition candidate
    ombudsman first lady majesty excellency republic federation kingdom united nations executive officer ceo founder
    analyst expert political scientist journalist editor activist parliamentary parliament mejlis milli observer fm
    mfa pm h.e. his her their its our my your dear friend colleague honorable honourable esteemed"""
)
_PLACE_WORDS = _words(
    """azerbaijan azerbaijani azerbaijan's russia russian russia's serbia serbian serbia's armenia armenian armenia's
    turkey türkiye turkish georgia georgian iran iranian ukraine ukrainian belarus belarusian kazakhstan kazakh
    uzbekistan uzbek turkmen turkmenistan kyrgyz tajik china chinese japan japanese india indian pakistan pakistani
    israel israeli palestine palestinian egypt egyptian france french germany german britain british uk us u.s. usa
    america american italy italian spain spanish poland polish hungary hungarian greece greek bulgaria bulgarian
    romania romanian croatia croatian bosnia bosnian montenegro montenegrin albania albanian kosovo macedonia
    macedonian slovenia slovenian slovakia slovak czech austria austrian switzerland swiss netherlands dutch belgium
    belgian sweden swedish norway norwegian finland finnish denmark danish estonia estonian latvia latvian lithuania
    lithuanian moldova moldovan syria syrian iraq iraqi saudi arabia qatar qatari uae emirati kuwait kuwaiti jordan
    jordanian lebanon lebanese afghanistan afghan canada canadian mexico mexican brazil brazilian argentina argentine
    korea korean north south vietnam vietnamese eu european asian african balkan caucasus baku moscow belgrade
    yerevan tbilisi ankara tehran kyiv washington london paris berlin brussels nakhchivan karabakh nagorno-karabakh
    states emirates west east"""
)
_STOP_WORDS = _words(
    """the a an as at in on by for from to with and but or if when while according after before during since of
    that this these those it its he she they we i you meanwhile however also then there here what which who whom
    whose both all some many most other another"""
)
_PARTICLES = _words("de da del della di van von der den bin ibn al el la le dos du ben")
_ORG_HEADS = _words(
    """alliance ministry commission council committee organization organisation agency office party union assembly
    parliament government court mission center centre service institute association foundation movement network
    coalition front bank fund group department embassy university observers society administration cabinet kremlin
    presidency secretariat delegation team board authority authorities website portal newspaper channel tv radio
    outlet press news media bureau forum platform congress senate duma mejlis"""
)
_COLLECTIVES = _words(
    """officials observers experts analysts diplomats residents protesters witnesses critics sources activists voters
    lawmakers deputies monitors journalists reporters police investigators organizers participants opponents
    supporters sides parties leaders ministers members authorities"""
)
_APPOSITIVE_START = _words("a an the who which whose in at on during speaking according as while after")
_NOT_A_ROLE = _words("who which whose in at on during while")
_AUX = _words(
    """also further later earlier then again once previously repeatedly reportedly recently today yesterday has have
    had will would already"""
)
_PRONOUNS = _words("he she they it i we")
_BE = _words("was were is are be been being has have had will would could should did does do")
_HEADLINE_LABELS = _words(
    """note update photo photos video watch opinion analysis editorial exclusive breaking interview live comment read
    related source sources tags politics economy society world sport sports culture region official important
    warning"""
)

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
_SUBJECT_DELIMS = re.compile(r"[,;:\x00“”\"«»–—]|\bthat\b|\s-\s")
# A noun phrase ends at punctuation, but not at the stop of a title or an initial ("Dr. Marko Djuric").
_NP_END = re.compile(
    r"[,;:!?\x00“”\"«»()–—]|\s-\s"
    r"|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\bGen)(?<!\bSen)(?<!\bSt)(?<!\b[A-Z])\.(?:\s|$)"
)
_HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Madam)\.?\s*)+$")
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
_INITIAL = re.compile(r"[A-Z]\.")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_ACRONYM_AT = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_NP_TAIL = re.compile(r"\s+(?:on|in|at|during|while|after|before|to|who|which|that|when|speaking|today|yesterday)\b")
_DOCUMENT_BY = re.compile(r"(?:a|the)\s+(?:joint\s+)?(?:statement|report|press\s+release)\s+(?:by|of|from)\s+")
_TRAILING_TITLE = re.compile(r",\s*([^,;:!?\x00]+?)[.!?]?\s*$")
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
    if _INITIAL.fullmatch(token) or (t[0].isupper() and any(c.islower() for c in t)):
        return t.lower() not in _STOP_WORDS
    return False


def _is_plain(token: str) -> bool:
    return token.lower().strip(",.") in _ROLE_WORDS or token.lower().strip(",.") in _PLACE_WORDS


@dataclass
class SpeakerPhrase:
    """A speaker noun phrase split up: the name, the role before or around it, person or group."""

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
    return _ARTICLE.sub("", phrase)


def parse_speaker_phrase(phrase: str) -> SpeakerPhrase | None:
    """Split a speaker noun phrase into name and role, or None if it names nobody.

    "Russian Foreign Minister Sergei Lavrov" -> ("Sergei Lavrov", "Russian Foreign Minister"); organisations
    ("the Election Observation Alliance (EOA)") and collectives ("international observers") keep the phrase.
    """
    np = _clean_np(phrase)
    acronym = None
    m = _ACRONYM.search(np)
    if m:
        acronym = m.group(1)
        np = np[: m.start()].strip()
    tokens = np.split()
    if not tokens or len(tokens) > 12 or any(t.lower() in _BE for t in tokens):
        return None
    if len(tokens) == 1 and tokens[0].lower() in _PRONOUNS:
        return SpeakerPhrase(tokens[0].lower(), None, person=False)
    article = tokens[0].lower() in ("the", "a", "an")
    proper = len(tokens) > 1 and tokens[1][:1].isupper()
    if tokens[-1].lower().strip(".,") in _ORG_HEADS or acronym:
        return SpeakerPhrase(_strip_article(np) if article and proper else _lower_first(np), None, False, acronym)
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        particle = tok.lower() in _PARTICLES and i < len(tokens) and i > 1 and _is_name_token(tokens[i - 2])
        if (_is_name_token(tok) and not _is_plain(tok)) or particle:
            i -= 1
        else:
            break
    name_tokens = tokens[i:]
    if len(tokens) == 1 and tokens[0].lower() in _COLLECTIVES:
        name_tokens = []
    if name_tokens and len(name_tokens) <= 4:
        role = _strip_article(" ".join(tokens[:i]).strip(" ,")) or None
        if role and _HONORIFICS.match(role):
            role = None  # "Mr.", "Dr." say nothing about the speaker's office
        return SpeakerPhrase(" ".join(name_tokens), role, person=True)
    if len(tokens) > 6:
        return None
    if article and proper:
        return SpeakerPhrase(_strip_article(np), None, person=False)  # "the United States"
    return SpeakerPhrase(_lower_first(np), None, person=False)


def _lower_first(np: str) -> str:
    """ "The sides" / "Officials" at the start of a sentence -> "the sides" / "officials"; names keep capitals."""
    first = np.split()[0]
    if first.lower() in ("the", "a", "an") or first.lower() in _COLLECTIVES:
        return first.lower() + np[len(first) :]
    return np


Entry = tuple[str, str | None]


class _NameIndex:
    """Full names (and roles) met so far in one document, for resolving short names and pronouns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_alias: dict[str, Entry] = {}
        self.last_person: Entry | None = None
        self.last_group: Entry | None = None
        self.roles: list[tuple[str, Entry]] = []
        self.titles: dict[str, str | None] = {}
        self.holders: dict[str, Entry | None] = {}

    def register(self, entry: Entry, person: bool, acronym: str | None = None) -> None:
        name, role = entry
        if person:
            known = self.by_alias.get(name)
            if known is not None and role is None:
                entry = known
            self.by_alias[name] = entry
            self.by_alias.setdefault(name.split()[-1], entry)
            self.last_person = entry
            if entry[1]:
                self.roles.append((entry[1].lower(), entry))
        else:
            self.last_group = entry
        if acronym:
            self.by_alias[acronym] = entry

    def role_in_text(self, name: str) -> str | None:
        """The title before a full name in the text: "Azerbaijani President Ilham Aliyev" -> "Azerbaijani President"."""
        if name not in self.titles:
            self.titles[name] = None
            at = self.text.find(name)
            while at >= 0 and self.titles[name] is None:
                before = self.text[max(0, at - 80) : at]
                words: list[str] = []
                for word in reversed(before.split() if before[-1:].isspace() else []):
                    if not (_is_plain(word) or word in ("of", "the")) or len(words) == 6:
                        break
                    words.insert(0, word)
                while words and not (words[0][:1].isupper() and _is_plain(words[0])):
                    words.pop(0)
                if words and not _HONORIFICS.match(" ".join(words)):
                    self.titles[name] = " ".join(words)
                at = self.text.find(name, at + len(name))
        return self.titles[name]

    def only_holder(self, role_word: str) -> Entry | None:
        """The one person the text titles with ``role_word`` ("Foreign Minister Jeyhun Bayramov"), if just one."""
        if role_word not in self.holders:
            pattern = r"\b((?:[A-Z][\w'’-]*\s+){0,3}(?i:" + re.escape(role_word) + r")(?:\s+[A-Z][\w'’-]*){2,3})"
            holders: dict[str, Entry] = {}
            for m in re.finditer(pattern, self.text):
                parsed = parse_speaker_phrase(m.group(1))
                if parsed is not None and parsed.person and " " in parsed.name:
                    holders[parsed.name] = (parsed.name, parsed.role)
            self.holders[role_word] = next(iter(holders.values())) if len(holders) == 1 else None
        return self.holders[role_word]

    def resolve(self, parsed: SpeakerPhrase) -> Entry | None:
        """The fullest known form of a name; None for a pronoun with nobody to refer to."""
        name = parsed.name
        if name in _PRONOUNS:
            if name in ("he", "she"):
                return self.last_person
            return self.last_group if name in ("they", "it") else None
        if name in self.by_alias:
            full, role = self.by_alias[name]
            return full, parsed.role or role
        if not parsed.person:
            role_word = _strip_article(name).lower()
            if " " in role_word or role_word not in _ROLE_WORDS:
                return name, None
            for role, entry in reversed(self.roles):
                if role.endswith(role_word):
                    return entry  # "the minister" -> the last minister quoted
            return self.only_holder(role_word) or (name, None)
        if " " not in name:
            pattern = r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+" + re.escape(name) + r"\b"
            for m in re.finditer(pattern, self.text):
                first = m.group(1)
                if first.lower() not in _STOP_WORDS and not _is_plain(first):
                    full = f"{first} {name}"
                    return full, parsed.role or self.role_in_text(full)
            return name, parsed.role
        return name, parsed.role or self.role_in_text(name)


# -------------------------------------------------------------------------------------------------- cues


@dataclass
class Cue:
    """A reporting cue found in a sentence: where, the phrase naming the speaker, the cue words, a role."""

    position: int
    phrase: str
    cue: str
    role: str | None = None


def _trim_np(fragment: str) -> str:
    """The noun phrase at the start of ``fragment`` (after "said", "according to", "a statement by")."""
    m = _NP_END.search(fragment)
    np = fragment[: m.start()] if m else fragment
    if m and m.group() == "(":
        acronym = _ACRONYM_AT.match(fragment, m.start())
        if acronym:  # "the Organization for Security and Co-operation in Europe (OSCE)": keep it whole
            return (np + acronym.group()).strip()
    np = _NP_TAIL.split(np, maxsplit=1)[0]
    return np.strip()


def _ends_with_name(segment: str) -> bool:
    words = segment.split()
    return bool(words) and _is_name_token(words[-1]) and not _is_plain(words[-1])


def _subject_before(masked: str, verb_start: int) -> tuple[str, str | None] | None:
    """The subject phrase ending just before a reporting verb, skipping auxiliaries and an appositive."""
    words = masked[:verb_start].split()
    while words and words[-1].lower() in _AUX:
        words.pop()
    if words and words[-1].lower() in _BE:
        return None  # passive: "it was noted", handled as an agentless cue
    left = " ".join(words).rstrip(" ,")
    segments = [seg.strip() for seg in _SUBJECT_DELIMS.split(left)]
    if not segments or not segments[-1]:
        return None
    subject = segments[-1]
    role = None
    first = subject.split()[0].lower()
    previous = segments[-2] if len(segments) >= 2 else ""
    # "Rahida Rahimova, a member of the commission, told ..." / "Lavrov, Russia's foreign minister, said ..."
    appositive = first in _APPOSITIVE_START or first.endswith("ing") or not _ends_with_name(subject)
    if appositive and _ends_with_name(previous) and len(previous.split()) <= 6:
        if not (first.endswith("ing") or first in _NOT_A_ROLE):
            role = _strip_article(subject)
        subject = previous
    if len(subject.split()) > 8 or subject.split()[-1].lower() in _BE:
        return None
    return subject, role


def find_cue(sentence: str, quotes: Sequence[Span], offset: int = 0) -> Cue | None:
    """The first reporting cue of a sentence outside its quotations, with the phrase naming the speaker."""
    masked = _masked(sentence, quotes, offset)
    found: list[Cue] = []
    for m in _ACCORDING.finditer(masked):
        rest = masked[m.end() :]
        by = _DOCUMENT_BY.match(rest)
        phrase = _trim_np(rest[by.end() :] if by else rest)
        if phrase:
            found.append(Cue(m.start(), phrase, "according to"))
    for m in _STATEMENT_BY.finditer(masked):
        phrase = _trim_np(masked[m.end() :])
        if phrase:
            found.append(Cue(m.start(), phrase, "a statement by"))
    for m in _VERB.finditer(masked):
        verb = " ".join(m.group().split())
        after = masked[m.end() :]
        statement = _IN_A_STATEMENT.match(after)
        cue = f"{verb} in a statement" if statement else verb
        subject = _subject_before(masked, m.start())
        if subject and parse_speaker_phrase(subject[0]) is not None:
            found.append(Cue(m.start(), subject[0], cue, subject[1]))
            break  # later verbs cannot come first
    for m in _INVERTED.finditer(masked):
        rest = masked[m.end() :]
        phrase = _trim_np(rest)
        if phrase and parse_speaker_phrase(phrase) is not None:
            # '..., said Mazahir Panahov, head of the election commission.'
            title = _TRAILING_TITLE.match(rest, len(phrase))
            role = _strip_article(title.group(1)) if title and not (set(title.group(1).split()) & _BE) else None
            found.append(Cue(m.start(1), phrase, m.group(1), role))
            break
    return min(found, key=lambda c: c.position) if found else None


def headline_colon(line: str) -> int | None:
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
    if len(tokens) == 1 and (tokens[0].lower() in _HEADLINE_LABELS or line.rstrip().endswith(".")):
        return None  # "Turnout: 37%." is a label and a figure, not a surname's headline
    return m.end(1)


# ----------------------------------------------------------------------------------------------- attribute


@dataclass(frozen=True)
class UnitSpan:
    """A unit as the segmenter cut it: span, kind, blank-line block, paragraph, and the sentence it is part of."""

    start: int
    end: int
    kind: UnitKind
    block: int
    paragraph: int
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


@dataclass
class _Previous:
    """The last attributed claim unit's speaker and paragraph (None after narration or a heading)."""

    speaker: Speaker | None = None
    paragraph: int = -1


def attribute(document: Document, units: Sequence[UnitSpan]) -> list[Speaker]:
    """A Speaker for every unit of ``document`` (pure; units in document order)."""
    text = document.text
    index = _NameIndex(text)
    if document.author:
        index.register((document.author, document.author_role), person=True)
    narrator = Speaker(name=document.source, attribution=Attribution.AUTHOR)
    author = Speaker(name=document.author, role=document.author_role, attribution=Attribution.AUTHOR)
    statement_from = _statement_start(document, units)
    speakers: list[Speaker] = []
    previous = _Previous()
    by_sentence: dict[Span, Speaker | None] = {}
    for i, unit in enumerate(units):
        in_statement = statement_from is not None and i >= statement_from
        if unit.kind is not UnitKind.CLAIM:
            speakers.append(author if in_statement and unit.kind is UnitKind.GREETING else narrator)
            if unit.kind is UnitKind.HEADING:
                previous = _Previous()
            continue
        if in_statement:
            speakers.append(author)
            continue
        quotes = quote_spans(text, unit.sentence[0], unit.sentence[1])
        if unit.sentence not in by_sentence:  # clauses of one sentence share its cue
            by_sentence[unit.sentence] = _cued_speaker(text, unit, quotes, index, previous)
        speaker = by_sentence[unit.sentence] or _continued(text, unit, quotes, previous) or narrator
        speakers.append(speaker)
        attributed = speaker.attribution in (Attribution.REPORTED, Attribution.DIRECT_QUOTE)
        previous = _Previous(speaker, unit.paragraph) if attributed else _Previous()
    return speakers


def _cued_speaker(
    text: str, unit: UnitSpan, quotes: Sequence[Span], index: _NameIndex, previous: _Previous
) -> Speaker | None:
    """The speaker a cue in the unit's sentence names (headline, reporting verb, passive), or None."""
    sentence = text[unit.sentence[0] : unit.sentence[1]]
    kind = Attribution.DIRECT_QUOTE if _mostly_quote(text, unit.sentence, quotes) else Attribution.REPORTED
    at_line_start = unit.sentence[0] == 0 or text[unit.sentence[0] - 1] == "\n"
    colon = headline_colon(sentence) if at_line_start else None
    cue = Cue(0, sentence[:colon], ":") if colon is not None else find_cue(sentence, quotes, unit.sentence[0])
    parsed = parse_speaker_phrase(cue.phrase) if cue is not None else None
    if cue is not None and parsed is not None:
        if cue.cue == ":":
            kind = Attribution.REPORTED
        entry = index.resolve(parsed)
        if entry is None:
            return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=cue.cue)
        entry = (entry[0], entry[1] or cue.role)
        if parsed.person and entry[1] is None:
            entry = (entry[0], index.role_in_text(entry[0]))
        index.register(entry, parsed.person, parsed.acronym)
        return Speaker(name=entry[0], role=entry[1], attribution=kind, cue=cue.cue)
    passive = _PASSIVE.search(_masked(sentence, quotes, unit.sentence[0]))
    if passive is not None:
        phrase = passive.group().lower()
        if previous.speaker is not None and previous.paragraph == unit.paragraph:
            return Speaker(name=previous.speaker.name, role=previous.speaker.role, attribution=kind, cue=phrase)
        return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=phrase)
    return None


def _continued(text: str, unit: UnitSpan, quotes: Sequence[Span], previous: _Previous) -> Speaker | None:
    """The previous speaker, when this unit continues the same statement: same paragraph, or a quotation."""
    if previous.speaker is None:
        return None
    quoted = _mostly_quote(text, unit.sentence, quotes)
    if previous.paragraph == unit.paragraph or (quoted and previous.paragraph >= unit.paragraph - 1):
        kind = Attribution.DIRECT_QUOTE if quoted else Attribution.REPORTED
        return Speaker(
            name=previous.speaker.name, role=previous.speaker.role, attribution=kind, cue=previous.speaker.cue
        )
    return None
