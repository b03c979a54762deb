"""Clauses that a cue's subject phrase takes in before the speaker's name (news reporting, fifth round).

"The talks resumed on Monday and Berg said ...": the words before "and" are a clause of their own, and the
speaker is the name after it. A clause is told by a finite verb: a form of "be" or "have", or a past form
ending in "-ed" that is followed by a preposition, a day or nothing ("resumed on Monday", "ended").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import ORG_HEADS, words
from claimstance.schema import Attribution, Speaker, UnitKind
from claimstance.segment.names import BE, parse_speaker_phrase, strip_article
from claimstance.segment.spans import UnitSpan
from claimstance.segment.validate import PERSON_NOUNS, check_name

_AFTER_VERB = words(
    """on in at to for from with after before over during by into across against monday tuesday wednesday thursday
    friday saturday sunday today yesterday"""
)
_AND = re.compile(r"\s+and\s+")
NAME_THEN_VERB = re.compile(r"\b[A-Z][\w'’.-]*\s+([a-z]{3,}ed)\b")
"""A name, then a past-tense verb: where a noun phrase cut from "a statement by ..." ends ("the Freedom Party |
called ...")."""
DATELINE = re.compile(
    r"[A-Z]{2,}(?:[ -][A-Z]{2,})*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\([^()]{1,40}\)\s*)?[:–—-]\s+"
)
"""A dateline opening a sentence: "OLDTOWN, Northland:", "OLDTOWN (Agency) –"."""
SUBORDINATORS = frozenset(words("while although though whereas because if unless when"))
"""Words that open a subordinate clause: its verb of saying is not the sentence's ("While speakers had praised
the plan, he said ...")."""
OWNED_DOCUMENT = re.compile(
    r"(?:[Tt]he\s+)?(?P<who>.+?)['’]s?\s+(?:joint\s+|written\s+)?(?:statement|letter|message|communiqu[eé]|readout"
    r"|press\s+release)"
)
# "the Ministry statement", "A White House statement", "Information on the Defence Ministry's website": the issuer
ISSUER_DOCUMENT = re.compile(
    r"(?:.+?\s(?:on|from)\s+(?:the\s+)?|(?:[Tt]he|[Aa]n?)\s+)?(?!(?:The|An?)\s)(?P<who>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,5}?)"
    r"(?:['’]s?)?\s+(?:statement|communiqu[eé]|press\s+release|readout|website|web\s+site)"
)


def _a_clause(phrase: str) -> bool:
    """Whether ``phrase`` holds a finite verb in lower case (see the module docstring)."""
    tokens = phrase.split()
    for k, token in enumerate(tokens):
        if not token[:1].islower():
            continue
        if token in BE:
            return True
        after = tokens[k + 1].lower() if k + 1 < len(tokens) else ""
        if k > 0 and token.endswith("ed") and (not after or after in _AFTER_VERB):
            return True
    return False


def after_clause(subject: str) -> str:
    """The subject phrase without a clause joined to it by "and": "The talks resumed on Monday and Berg" ->
    "Berg"; a phrase of names ("Serbia and Russia", "the president and his allies") is kept whole."""
    if " and " not in subject:
        return subject
    last = list(_AND.finditer(subject))[-1]
    left, right = subject[: last.start()], subject[last.end() :]
    if (right[:1].isupper() or right.split()[0] in ("the", "a", "an")) and _a_clause(left):
        return right
    return subject


_ARTICLES = words("the a an")


def sentence_subject(masked: str) -> str | None:
    """The noun phrase a sentence opens with, up to its verb: "Three callers asked ..., saying ..."."""
    tokens: list[str] = []
    dateline = DATELINE.match(masked)  # "OLDTOWN, Northland: Thousands of supporters protested ..., demanding"
    for token in masked[dateline.end() if dateline else 0 :].split():
        bare = token.strip(",;:()")
        after_of = bool(tokens) and tokens[-1].lower() == "of"  # "Tens of thousands of protesters"
        # "Opposition candidates are calling ...", "Thousands of opposition supporters": a noun of people ends the
        # subject
        people = bare in PERSON_NOUNS and (len(tokens) == 1 or tokens[-2:-1] == ["of"])
        # "An opposition coalition that includes ...", "The ruling party": a group noun after its modifiers
        people = people or (bare in PERSON_NOUNS and 1 < len(tokens) < 4 and tokens[0].lower() in _ARTICLES)
        lower_word = bare[:1].islower() and bare.lower() not in ("of", "the", "and") and not people
        ends = token.startswith("(") or (lower_word and not after_of)
        determiner = len(tokens) == 1 and tokens[0].lower() in ("the", "a", "an", "one", "two", "three", "some")
        if tokens and ends and not determiner:
            break
        tokens.append(bare)
        if token.endswith(","):
            break
    return " ".join(tokens) if 0 < len(tokens) <= 6 else None


_NOUN_BEFORE = words(
    """all the its their his her our these those such many several numerous repeated renewed growing fresh new
    recent earlier international public urgent loud fierce clarion further no any some mounting"""
)
"""Words that make a stance verb's form a noun: "all calls for a ceasefire", "Fierce Calls for Reform"."""
NOUNS_TOO = frozenset(("calls", "hopes", "demands", "vows", "claims", "states"))
"""Verb forms that are plural nouns as well ("the hopes of millions")."""
# "as independent states", "the 57 participating States": the countries, not "the report states"
_STATES_BEFORE = words(
    """independent sovereign member participating neighbouring neighboring island small smaller large larger
    nuclear non-nuclear coastal other both two three four five six seven eight nine ten separate new"""
)


def a_noun(text: str, verb_start: int) -> bool:
    """Whether the verb form at ``verb_start`` ("calls", "demands", "vows") is a noun: a determiner or an
    adjective of number or manner stands before it."""
    before = text[max(0, verb_start - 30) : verb_start].split()
    if not before:
        return False
    last = before[-1].lower()
    states = text[verb_start : verb_start + 6].lower() == "states"
    return last in _NOUN_BEFORE or (states and (last in _STATES_BEFORE or last.isdigit()))


_ADVERBS = frozenset(["also", "further", "then", "later", "again", "warmly", "fondly", "briefly"])


def coordinated_subject(masked: str) -> str | None:
    """The subject of a sentence whose verb of saying is the second of two ("A Palace statement called the vote
    illegal and said ..."): the words before the first past-tense verb, if a short noun phrase; else None."""
    tokens = masked.split()
    for k, token in enumerate(tokens[:9]):
        if k > 1 and token[:1].islower() and token.endswith("ed") and tokens[k - 1].lower() not in ("the", "a", "an"):
            while k > 1 and tokens[k - 1] in _ADVERBS:
                k -= 1  # "The Prime Minister also reflected on ... and underscored": the adverb is no part of it
            return " ".join(tokens[:k])
        if not token[:1].isalpha():
            return None
    return None


_FOR_OUTLET = re.compile(r"\s*For\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*,")
_ON_SITE = re.compile(r"\s+on\s+(?:the\s+)?[A-Z][^,;:\x00]{2,80}?\s(?:website|web\s+site|site|account|page)\b")


def not_a_speakers(subject: str, masked: str, verb: str, after: str) -> bool:
    """Whether a verb of saying and its subject name no speaker of the sentence: the verb of a subordinate clause
    ("While speakers had praised the plan, he said ..."), or "X reports" of the outlet's own correspondent ("For
    Radio North, Anna Berg reports that ...", "as Radio North's Anna Berg reports from Oldtown, ...")."""
    if subject and subject.split()[0].lower() in SUBORDINATORS:
        return True
    return verb in ("reports", "reported") and (_FOR_OUTLET.match(masked) is not None or after.startswith(" from "))


def reporting_for(rest: str, phrase: str) -> bool:
    """Whether "according to X" names the outlet's correspondent ("according to Anna Berg, reporting for Radio
    North from Oldtown"), who relays, not a speaker."""
    return rest[len(phrase) :].lstrip(", ").startswith(("reporting for", "reporting from", "reports for"))


def posted_on(subject: tuple[str, str | None] | None, after: str) -> tuple[str, str | None] | None:
    """The subject of "posted": for "A statement posted on the Northland Ministry website claims ...", the
    document with the site it was posted on, whose owner speaks (no subject when ``after`` names no site); any
    other subject as it is ("Olsen posted on his account that ...")."""
    if subject is None or check_name(subject[0]) != "document":
        return subject
    site = _ON_SITE.match(after)
    return (f"{subject[0]} posted{site.group()}", None) if site is not None else None


def an_office_of(tokens: list[str]) -> bool:
    """Whether a long subject phrase is one office or body of another ("The leader of Northland's main opposition
    Freedom Party", "The observer mission from the Organization for Security and Cooperation in Europe"): an
    article, a noun of people, then "of", "from" or "for"; at most 14 words."""
    if len(tokens) > 14 or tokens[0].lower() not in ("the", "a", "an"):
        return False
    return tokens[1] in PERSON_NOUNS and any(t in ("of", "from", "for") for t in tokens[2:4])


_BARE_VERBS = frozenset(("said", "announced", "stated", "declared", "stressed", "noted", "explained"))
_ONLY_CIRCUMSTANCES = re.compile(
    r"(?:\s+(?:in|at|on|during|to|with|after|before|while|when|later|earlier|today|yesterday)\b[^,;:\x00\"“”]*)?"
    r"\s*[.!?]?\s*$"
)


def bare(masked: str, subject: str, verb: str, after: str) -> bool:
    """Whether a sentence is only a subject and a verb of saying with where and when ("Foreign Minister Karl Olsen
    announced in an interview with Radio North."): what was said is in the sentences before it, as with "X said
    this"; not where the sentence holds a quotation ('"...," the minister said in a statement.')."""
    if verb not in _BARE_VERBS or "\x00" in masked or not " ".join(masked.split()).startswith(subject):
        return False
    return _ONLY_CIRCUMSTANCES.match(after) is not None and " that " not in after


_AGENCY_TAIL = re.compile(r",\s*[A-Z]{2,}[A-Za-z.-]*\s+(?:reports|reported)\.?\s*$")


def without_agency_tail(masked: str) -> str:
    """A sentence without the ", NPA reports." of agency copy, blanked (offsets kept): the agency relays what
    the sentence's own cue says ("..., Foreign Minister Karl Olsen said at the meeting, NPA reports.")."""
    tail = _AGENCY_TAIL.search(masked) if masked.endswith(("reports.", "reported.", "reports", "reported")) else None
    return masked if tail is None else masked[: tail.start()] + " " * (len(masked) - tail.start())


def lead_in_end(text: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence may lead in to a block: it ends in a colon, or in a full stop after "the following"
    ("X released the following statement on the vote."); a cheap test before the lead-in pattern is tried."""
    end = text[sentence[1] - 1]
    return end == ":" or (end == "." and text.find(" following ", *sentence) >= 0)


# A lead's unnamed speaker: "an opposition candidate", "Northland's main opposition party"
_MODIFIERS = re.compile(r"\b[a-z][a-z-]+\b")
_DESCRIPTOR = re.compile(r"(?:an?\s+|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+)(?:[a-z-]+\s+){0,3}(?P<head>[a-z-]+)")


def named_later(text: str, units: Sequence[UnitSpan], speakers: list[Speaker]) -> list[Speaker]:
    """The speakers, with a lead's unnamed one ("An opposition candidate insists ...", "Northland's main opposition
    party says ...") named by the next sentence when it opens with one of that kind: a person who said something
    ("Karl Olsen said ...") or a body of the same head noun ("The opposition Freedom Party ...")."""
    named = list(speakers)
    for i, speaker in enumerate(speakers):
        name = speaker.name or ""
        found = _DESCRIPTOR.fullmatch(name) if name[:1] in "aA" or "s " in name else None
        if found is None or speaker.attribution is not Attribution.REPORTED or found["head"] not in PERSON_NOUNS:
            continue
        nxt = next((j for j in range(i + 1, len(units)) if units[j].sentence != units[i].sentence), None)
        if nxt is None or units[nxt].kind is not UnitKind.CLAIM or units[nxt].block != units[i].block:
            continue
        later = speakers[nxt].name if speakers[nxt].attribution is Attribution.REPORTED else None
        body = found["head"] in ORG_HEADS or found["head"] == "party"
        if body:  # "The opposition Freedom Party stopped short ...": the body the next sentence opens with
            later = sentence_subject(text[units[nxt].sentence[0] : units[nxt].sentence[1]])
            parsed = parse_speaker_phrase(later) if later else None
            later = parsed.name if parsed is not None and parsed.name.split()[-1].lower() == found["head"] else None
            # "The ruling Unity Party said ...": a rival, not the lead's "main opposition party"
            rival = parsed is not None and not set(_MODIFIERS.findall(parsed.role or "")) <= set(name.split())
            later = None if rival else later
        else:
            parsed = parse_speaker_phrase(later) if later else None
            later = later if later and parsed is not None and parsed.person and " " in later else None
            # "President Karl Olsen said ...": an official of another kind than the lead's "opposition candidate"
            role = speakers[nxt].role
            later = later if not role or found["head"] in role.lower() else None
        if later:
            role = strip_article(name) if name[:1].islower() else speaker.role
            named[i] = speaker.model_copy(update={"name": later, "role": role})
    return named
