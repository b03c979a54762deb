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

Names and roles are told apart, and resolved to the fullest form the document gives, by
:mod:`claimstance.segment.names`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimstance.lexicon import TRANSCRIPT_HEADER, words
from claimstance.schema import Attribution, Document, Speaker, UnitKind
from claimstance.segment.names import (
    BE,
    NameIndex,
    is_name_token,
    is_plain,
    parse_speaker_phrase,
    strip_article,
)
from claimstance.segment.spans import Span, UnitSpan, mask_quotes, quote_spans

_APPOSITIVE_START = words("a an the who which whose in at on during speaking according as while after")
_NOT_A_ROLE = words("who which whose in at on during while")
_AUX = words(
    """also further later earlier then again once previously repeatedly reportedly recently today yesterday has have
    had will would already"""
)
_HEADLINE_LABELS = words(
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
_STATEMENT_HEADER = re.compile(rf"{TRANSCRIPT_HEADER}\b", re.IGNORECASE)
_HEADLINE = re.compile(r"([^:]{2,60}):\s+\S")
_ACRONYM_AT = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_NP_TAIL = re.compile(r"\s+(?:on|in|at|during|while|after|before|to|who|which|that|when|speaking|today|yesterday)\b")
_DOCUMENT_BY = re.compile(r"(?:a|the)\s+(?:joint\s+)?(?:statement|report|press\s+release)\s+(?:by|of|from)\s+")
_TRAILING_TITLE = re.compile(r",\s*([^,;:!?\x00]+?)[.!?]?\s*$")
QUOTE_MIN_WORDS = 4
"""A quotation of fewer words is a scare quote, not a direct quote."""


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
    return bool(words) and is_name_token(words[-1]) and not is_plain(words[-1])


def _subject_before(masked: str, verb_start: int) -> tuple[str, str | None] | None:
    """The subject phrase ending just before a reporting verb, skipping auxiliaries and an appositive."""
    tokens = masked[:verb_start].split()
    while tokens and tokens[-1].lower() in _AUX:
        tokens.pop()
    if tokens and tokens[-1].lower() in BE:
        return None  # passive: "it was noted", handled as an agentless cue
    left = " ".join(tokens).rstrip(" ,")
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
            role = strip_article(subject)
        subject = previous
    if len(subject.split()) > 8 or subject.split()[-1].lower() in BE:
        return None
    return subject, role


def find_cue(sentence: str, quotes: Sequence[Span], offset: int = 0) -> Cue | None:
    """The first reporting cue of a sentence outside its quotations, with the phrase naming the speaker."""
    masked = mask_quotes(sentence, quotes, offset)
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
            role = strip_article(title.group(1)) if title and not (set(title.group(1).split()) & BE) else None
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
    if not 1 <= len(tokens) <= 5 or not all(is_name_token(t) or is_plain(t) for t in tokens):
        return None
    if is_plain(tokens[-1]):
        return None
    if len(tokens) == 1 and (tokens[0].lower() in _HEADLINE_LABELS or line.rstrip().endswith(".")):
        return None  # "Turnout: 37%." is a label and a figure, not a surname's headline
    return m.end(1)


# ----------------------------------------------------------------------------------------------- attribute


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
    index = NameIndex(text)
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
    text: str, unit: UnitSpan, quotes: Sequence[Span], index: NameIndex, previous: _Previous
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
    passive = _PASSIVE.search(mask_quotes(sentence, quotes, unit.sentence[0]))
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
