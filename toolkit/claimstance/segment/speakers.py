"""Who says each unit: speaker attribution from reporting cues, authorship, turns and licensed continuation.

Rules, in order, for each unit (see ``tests/data/seeds_gold.jsonl`` and ``bench/data/attribution`` for the
judgement calls):

1. **Own words.** Inside a statement (the document has an author and the unit follows its header, e.g.
   "Statement by President Ilham Aliyev") a unit is the author's; inside a transcript turn ("SECRETARY
   KERRY:", "QUESTION:") it is the turn's speaker's. A sentence there that reports another party ("the
   opposition claims ...", "according to Baku, ...") is that party's, for that sentence only; "As President
   Vucic has said, ..." and first-person cues stay with the author. A reported speaker never carries over.
   Turns, blocks and the ways a speech reports another party are in :mod:`claimstance.segment.turns`.
2. **Cues** (:mod:`claimstance.segment.cues`): "X: claim" headlines, "X said / told / noted / ...", "..., said
   X", "according to X", "a statement by X", "quoted X as saying", stance verbs ("X rejected ..."). A unit
   that is mostly a quotation is a ``direct_quote``, otherwise ``reported``. "X said this" also gives X the
   sentences before it in its paragraph that nobody else was given.
3. **Validation** (:mod:`claimstance.segment.validate`): a name that is no person, organisation or group is
   refused and the unit is ``unattributed`` with no name; each refusal is counted when a counter is passed.
4. **Continuation, only where the text licenses it**: in news, a unit with no cue continues the speaker of
   the previous attributed unit in the same paragraph; a quotation, or a sentence in the first person (which
   the outlet never uses), continues it into the next paragraph. Nothing carries over a heading.
5. Anything else is narration: the outlet (``document.source``, possibly None) as ``author``.

Headlines (units of kind ``heading``) get the speaker a headline cue names ("X says ...", "X: ...",
"...: X"), so that a statement headline is attributed like a sentence; their kind stays ``heading``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimstance.lexicon import FUNCTION_WORDS, ROLE_WORDS
from claimstance.schema import Attribution, Document, Speaker, UnitKind
from claimstance.segment.clauses import ISSUER_DOCUMENT, OWNED_DOCUMENT, lead_in_end, named_later
from claimstance.segment.cues import FOLLOWING, OWN_VOICE, TRIGGER, Cue, find_cue
from claimstance.segment.headlines import headline_colon, headline_cue
from claimstance.segment.issuers import full_names
from claimstance.segment.mentions import crowd_member, person_named
from claimstance.segment.names import (
    NameIndex,
    SpeakerPhrase,
    parse_speaker_phrase,
    strip_article,
)
from claimstance.segment.reports import (
    after_opening,
    an_office,
    clause_subject,
    holds_with_us,
    may_report,
    near,
    one_unnamed,
    opens_quote,
    outside_quotes_first_person,
    read_out,
    readout_cue,
    reports_another,
    says_you,
    speech_report,
    states_claim,
)
from claimstance.segment.runs import give_back, inside_open_quote, mostly_quote, opened_before, release_voice
from claimstance.segment.sides import own_sides, principal, speaks_for
from claimstance.segment.spans import ASKERS, Span, UnitSpan, mask_quotes, opens_line, quote_spans
from claimstance.segment.standfirst import statement_start
from claimstance.segment.turns import (
    Turn,
    attributable_to,
    block_goes_on,
    first_person,
    heading_turn,
    line_tag,
    paragraph_turn,
    record_turn,
    recurring_tags,
    tag_speaker,
)
from claimstance.segment.validate import PERSON_NOUNS, check_name

_PASSIVE = re.compile(
    r"\b(?:[Ii]t|[Tt]his)\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(noted|stressed|emphasi[sz]ed|underlined"
    r"|said|stated|announced|reported|mentioned|pointed\s+out|underscored|recalled)\b"
)
_THE_DOCUMENT = re.compile(
    r"the\s+(?:joint\s+|new\s+)?(?:statement|report|press\s+release|release|communiqu[eé]|declaration|letter|readout"
    r"|text|document|resolution|message)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"\b(?:said|says|stated|added|noted|declared|announced|wrote|continued|reads|read)"
    r"(?:\s+(?:in\s+(?:a|an|the|its|his|her|their)\s+(?:joint\s+|written\s+)?statement"
    r"|in\s+particular|among\s+other\s+things|today))?\s*:\s*$"
    rf"|\b{FOLLOWING}[^:\n]{{0,200}}[:.]\s*$"
)
_ISSUED_BY = re.compile(
    r"\s*(?P<who>[A-Z][^,;:.]{1,60}?)\s+(?:meanwhile\s+|separately\s+|later\s+|earlier\s+)?(?:has\s+|had\s+|also\s+)?"
    r"(?:issued|released|published|put\s+out|sent|addressed|wrote)\s+(?:a|an)\s+(?:joint\s+|new\s+|written\s+|open\s+)?"
    r"(?:statement|communiqu[eé]|press\s+release|letter|message)"
)


@dataclass
class _Previous:
    """The last attributed claim unit's speaker and paragraph (None after narration or a heading)."""

    speaker: Speaker | None = None
    paragraph: int = -1


@dataclass
class _Context:
    """What attribution needs besides the unit: the text, names met so far, and the refusal counter."""

    text: str
    index: NameIndex
    rejected: Counter[str] | None
    previous_sentence: str = ""
    position: int = 0
    """Offset of the sentence being attributed."""
    unnamed: bool = False
    """Whether the sentence before had a cue whose speaker could not be named ("Another said ...")."""
    own_voice: bool = False
    """Whether the document's own narration has spoken in the first person (a speech whose author is not known)."""
    narrated: list[tuple[int, Span]] = field(default_factory=list)
    """Paragraph and sentence of the claims left to the narration, not yet looked at for a first person."""
    claimed: set[int] = field(default_factory=set)
    author: Speaker | None = None
    """The document's author (its name None when the header names none): an interview's "A:" turns are theirs."""
    office: tuple[str, str | None, int] | None = None
    """The last office that spoke ("representative of Northland"), its role and where: a "he" in its paragraph."""
    """Paragraphs an "X said this" gave to X: their first person is X's, not the narration's."""


def attribute(
    document: Document, units: Sequence[UnitSpan], rejected: Counter[str] | None = None, heads: list[int] | None = None
) -> list[Speaker]:
    """A Speaker for every unit of ``document`` (pure; units in document order).

    ``rejected``, when given, counts the names the validation step refused, by reason; ``heads``, when given,
    gets the index of each claim unit whose head is a turn's tag in mixed case ("Jane Doe: ...").
    """
    opened = heads if heads is not None else []
    text = document.text
    ctx = _Context(text, NameIndex(text), rejected)
    if document.author:
        ctx.index.register((document.author, document.author_role), person=True)
    if (office := principal(document.title)) is not None:  # a readout's bare "the President" is its principal
        ctx.index.by_alias[office] = (office, None)
    narrator = Speaker(name=document.source, attribution=Attribution.AUTHOR)
    author = Speaker(name=document.author, role=document.author_role, attribution=Attribution.AUTHOR)
    ctx.author = author
    statement_from = statement_start(document, units)
    if statement_from is None and not document.author and (voice := release_voice(text)) is not None:
        ctx.author, author, statement_from = voice, voice, 0  # "The Embassy understands ... We urge ...": its own
    tags = recurring_tags(text)
    sides = own_sides(document)  # "The UK calls on ..." in a UK statement is the author's own voice
    speakers: list[Speaker] = []
    backward: list[int] = []
    put_to: list[int] = []  # a questioner's "You said yesterday that ...": the answerer's claim, put to them
    quoted_before: list[int] = []
    previous = _Previous()
    turn: Turn | None = None
    quoting: Speaker | None = None
    by_sentence: dict[Span, tuple[Speaker | None, Cue | None]] = {}
    prior_of: dict[Span, tuple[str, int]] = {}  # the sentence before each sentence, and its paragraph
    last_paragraph = -1
    for i, unit in enumerate(units):
        if turn is not None and turn.scope == "paragraph" and unit.paragraph != turn.paragraph:
            turn = turn.ended(unit.paragraph)
        if unit.kind is UnitKind.HEADING:
            turn = heading_turn(text[unit.start : unit.end], unit.paragraph, ctx.index, ctx.author, turn)
            tagged = turn is not None and turn.paragraph == unit.paragraph and turn.scope != "block"
            titled = author.name is not None and states_claim(text[unit.start : unit.end])
            speakers.append(narrator if tagged else (author if titled else _headline_speaker(unit, ctx)) or narrator)
            previous = _Previous()
            continue
        if turn is not None and turn.scope == "block" and unit.kind is UnitKind.CLAIM:
            turn = block_goes_on(text, unit, turn)
        tag = line_tag(text, unit.start, tags) if tags and unit.kind is UnitKind.CLAIM else None
        if tag is not None:  # "Question: ...", "Anna Berg: ...": a turn of an interview or a briefing
            tagged_speaker = tag_speaker(tag, ctx.index, ctx.author, full_name=True)
            turn = Turn(tagged_speaker, "tag", unit.paragraph) if tagged_speaker is not None else None
            if tagged_speaker is not None:
                if tagged_speaker.name in ASKERS and says_you(text, *unit.sentence):  # "Question: You said"
                    put_to.append(i)
                speakers.append(tagged_speaker)
                opened.append(i)
                previous = _Previous()
                continue
        elif unit.kind is UnitKind.CLAIM and (record := record_turn(text, unit, ctx.index)) is not None:
            turn = record  # "  Mr. DOE. Mr. Speaker, I rise ...": the Congressional Record's turn
            opened.extend([i] if text.startswith("§", unit.start) else [])  # "§ Mr. DoeThe ...": a tag to cut
            if text.startswith("The noble ", unit.start):  # "The noble Lord said: My Lords": the member's, no cue
                by_sentence[unit.sentence] = (None, None)
        elif unit.kind is UnitKind.CLAIM and unit.start == unit.sentence[0] and opens_line(text, unit.start):
            new = paragraph_turn(text, unit, ctx.index, ctx.author, turn is not None and turn.scope == "tag")
            if new is not None:
                turn = new
                opened.append(i)
        in_statement = statement_from is not None and i >= statement_from
        own = turn.speaker if turn is not None else (author if in_statement else None)
        if unit.kind is not UnitKind.CLAIM:
            speakers.append(own if own is not None and unit.kind is UnitKind.GREETING else narrator)
            continue
        quoting = quoting if own is not None and quoting is not None and opens_quote(text, unit) else None
        if quoting is not None:  # a speech's "X said last week:" and the quotation below it: X's words
            speakers.append(quoting)
            continue
        if own is not None and text[unit.sentence[1] - 1] == ":" and (read := read_out(text, *unit.sentence)):
            quoting = _party(read, Attribution.DIRECT_QUOTE, ctx)[0]  # "I read you the text agreed by X:"
        at_line_start = opens_line(text, unit.sentence[0])
        if (
            own is not None
            and not at_line_start
            and TRIGGER.search(text, *unit.sentence) is None
            and not may_report(text, *unit.sentence)
        ):
            speakers.append(own)  # the author's sentence names nobody else: nothing to look for
            ctx.previous_sentence = text[unit.sentence[0] : unit.sentence[1]]  # "He" in the next is not before it
            previous = _Previous()
            continue
        quotes = quote_spans(text, unit.sentence[0], unit.sentence[1])
        if unit.sentence not in by_sentence:  # clauses of one sentence share its cue
            prior_of[unit.sentence] = (ctx.previous_sentence, last_paragraph)
            last_paragraph = unit.paragraph
            ctx.position = unit.sentence[0]
            by_sentence[unit.sentence] = _cued_speaker(unit, quotes, ctx, previous)
            ctx.previous_sentence = text[unit.sentence[0] : unit.sentence[1]]
            found, found_cue = by_sentence[unit.sentence]
            ctx.unnamed = found is not None and found.name is None and one_unnamed(found_cue)  # not "Many"
        cued, cue = by_sentence[unit.sentence]
        cued, cue = (None, None) if own is None and holds_with_us(text, *unit.sentence, cue) else (cued, cue)
        theirs = cued is not None and own is not None and reports_another(cued, cue, own, text, unit)
        if own is not None and not theirs and may_report(text, *unit.sentence):  # "We heard X claim that": X's
            cued, cue = _party(speech_report(text[unit.sentence[0] : unit.sentence[1]]), Attribution.REPORTED, ctx)
        lead_in = lead_in_end(text, unit.sentence) and _LEAD_IN.search(text, *unit.sentence) is not None
        framing = lead_in and turn is not None and turn.scope == "block" and cued is not None and cued.name is not None
        if own is not None and own.name in ASKERS and says_you(text, *unit.sentence):
            put_to.append(i)
            speakers.append(own)  # the answerer's once an answer names them; never a name read off the tag
            previous = _Previous()
            continue
        if own is not None and not framing:  # a block's next "Commenting on this, X said:" frames a new block
            if cued is not None and (speaks_for(cued.name, sides) or (cue is not None and cue.cue in OWN_VOICE)):
                cued = None  # "The EU reiterates ..." in a statement on behalf of the EU: the author's own voice
            speakers.append(cued if cued is not None and reports_another(cued, cue, own, text, unit) else own)
            if text[unit.sentence[1] - 1] == ":" and speakers[-1] is cued and cued is not None:
                quoting = cued.model_copy(update={"attribution": Attribution.DIRECT_QUOTE})
            previous = _Previous()
            continue
        colon = text[unit.sentence[1] - 1] == ":" and not lead_in
        framed = attributable_to(text[unit.sentence[0] : unit.sentence[1]]) if colon else None
        framer = _party(framed, Attribution.AUTHOR, ctx)[0] if framed is not None else None
        if framer is not None and framer.name is not None:  # "... is attributable to Spokesperson X:": X's
            turn = Turn(framer, "block")
            speakers.append(narrator)
            previous = _Previous()
            continue
        if cue is not None and cued is not None and cued.name is not None and lead_in:
            # "A Foreign Office spokesperson said:" frames the block below, which is the spokesperson's
            turn = Turn(cued.model_copy(update={"attribution": Attribution.DIRECT_QUOTE}), "block")
            speakers.append(narrator)
            previous = _Previous()
            continue
        named = cue is not None and cued is not None and cued.name is not None
        if named and cued is not None and cued.attribution is Attribution.DIRECT_QUOTE:
            quoted_before.append(i)
        if named and cue is not None and cue.backward:
            backward.append(i)
            ctx.claimed.add(unit.paragraph)
        refused = cued is not None and cued.attribution is Attribution.UNATTRIBUTED
        speaker = (None if refused else cued) or _continued(text, unit, quotes, previous, ctx) or cued or narrator
        if speaker is narrator and cue is None and mostly_quote(text, unit.sentence, quotes):
            speaker = _quoted_subject(*prior_of[unit.sentence], unit.paragraph, ctx) or narrator
        if speaker is narrator and not ctx.own_voice:
            ctx.narrated.append((unit.paragraph, unit.sentence))
        speakers.append(speaker)
        attributed = speaker.attribution in (Attribution.REPORTED, Attribution.DIRECT_QUOTE)
        headline = cue is not None and cue.cue in ":–"  # "X: claim", '"..." – X' (signed): nothing runs on
        previous = _Previous(speaker, unit.paragraph) if attributed and not headline else _Previous()
    for i in put_to:
        answerer = next((s for s in speakers[i + 1 :] if s.cue == ":" and s.name not in ASKERS), None)
        speakers[i] = answerer.model_copy(update={"attribution": Attribution.REPORTED}) if answerer else speakers[i]
    for i in backward:
        cue_of = by_sentence[units[i].sentence][1]
        give_back(text, units, speakers, i, narrator, trailing=cue_of is not None and cue_of.trailing)
    for i in quoted_before:
        for j in opened_before(text, units, i):
            if speakers[j] == narrator:
                speakers[j] = speakers[i]
    return [_validated(speaker, narrator, ctx) for speaker in named_later(text, units, speakers)]


def _party(found: tuple[str, str] | None, kind: Attribution, ctx: _Context) -> tuple[Speaker | None, Cue | None]:
    """The speaker a phrase found by a speech or readout rule names, with its cue, or (None, None)."""
    parsed = parse_speaker_phrase(found[0]) if found is not None else None
    if found is None or parsed is None:
        return None, None
    cue = Cue(0, found[0], found[1])
    return _named(parsed, cue, kind, ctx, None), cue


def _validated(speaker: Speaker, narrator: Speaker, ctx: _Context) -> Speaker:
    """The speaker, or an unattributed one when its name is no person, organisation or group (counted)."""
    if speaker.name is None or speaker is narrator:
        return speaker
    reason = check_name(speaker.name)
    if reason is None:
        return speaker
    if ctx.rejected is not None:
        ctx.rejected[reason] += 1
    return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=speaker.cue)


def _headline_speaker(unit: UnitSpan, ctx: _Context) -> Speaker | None:
    """The speaker a headline names ("X says ...", "X: ...", "...: Eritrean FM"), or None."""
    cue = headline_cue(ctx.text[unit.start : unit.end])
    if cue is not None and cue.capitals:
        cue = _in_capitals(cue, ctx)
    parsed = parse_speaker_phrase(cue.phrase) if cue is not None else None
    if cue is None or parsed is None or parsed.name in ("he", "she", "they", "it", "i", "we"):
        return None
    words = cue.phrase.split()
    if len(words) > 1 and words[-1].lower() in PERSON_NOUNS and words[-1].endswith("s"):
        # "Ukraine Separatists Claim ...": title case makes a group's noun look like a surname
        parsed = SpeakerPhrase(" ".join([*words[:-1], words[-1].lower()]), None, person=False)
    return _named(parsed, cue, Attribution.REPORTED, ctx, None)


def _in_capitals(cue: Cue, ctx: _Context) -> Cue | None:
    """A headline in capitals ("NORTHLAND SPOKESMAN SLAMS ..."): its subject as the body writes it ("Putin",
    "European Union"), or the one person the body gives its office ("spokesman"); None when neither."""
    phrase = " ".join(w.capitalize() for w in cue.phrase.split())
    if phrase in ctx.text:
        return Cue(cue.position, phrase, cue.cue)
    holder = ctx.index.holder(phrase) or ctx.index.only_holder(phrase.split()[-1].lower())
    return Cue(cue.position, holder[0], cue.cue) if holder is not None else None


def _named(parsed: SpeakerPhrase, cue: Cue, kind: Attribution, ctx: _Context, previous: Speaker | None) -> Speaker:
    """The speaker a parsed phrase names, resolved in the document and validated (unattributed if refused)."""
    owned = None if parsed.person else OWNED_DOCUMENT.fullmatch(parsed.name) or ISSUER_DOCUMENT.fullmatch(cue.phrase)
    issuing = parse_speaker_phrase(owned["who"].removesuffix("’s").removesuffix("'s")) if owned is not None else None
    if issuing is not None and owned is not None:  # "the ministry's statement read: ...": the ministry, a body
        parsed = issuing if owned.re is OWNED_DOCUMENT else SpeakerPhrase(issuing.name, issuing.role, False)
    elif not parsed.person and _THE_DOCUMENT.fullmatch(parsed.name):
        # "the statement said": the speaker is whoever issued it: the speaker before, the one the sentence before
        # says issued it ("The ministry issued a statement on Monday."), else the last organisation named
        issued = _ISSUED_BY.match(ctx.previous_sentence)
        issuer_phrase = parse_speaker_phrase(issued["who"]) if issued is not None else None
        if previous is None and issuer_phrase is not None:
            previous = _named(issuer_phrase, cue, kind, ctx, None)
        issuer = previous or (Speaker(name=ctx.index.last_group[0], attribution=kind) if ctx.index.last_group else None)
        if issuer is not None and issuer.name is not None:
            return Speaker(name=issuer.name, role=issuer.role, attribution=kind, cue=cue.cue)
    if parsed.name == "One":
        # "Several callers criticised the plan. One said ...": one of the crowd named before ("Another", like
        # "Many", stays nobody's: the validation step refuses it)
        member = crowd_member(ctx.text, max(0, ctx.position - 600), ctx.position)
        if member is None:
            return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=cue.cue)
        parsed = SpeakerPhrase(f"one {member}", None, person=False)
    if parsed.role is not None and " and " in parsed.role:  # "The President and Prime Minister Berg": both speak
        parsed = SpeakerPhrase(strip_article(cue.phrase), None, person=False)
    if ctx.unnamed and parsed.name in ("he", "she", "they"):
        # "Another said ... He said ...": the pronoun is the speaker nobody could name, not someone named before
        return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=cue.cue)
    entry = ctx.index.resolve(parsed)
    entry = full_names(parsed.name, ctx.index) if " and " in parsed.name and entry == (parsed.name, None) else entry
    went_on = cue.cue in ("added", "adds", "continued") and previous is not None and previous.name in ctx.index.by_alias
    if went_on and previous is not None and previous.name and entry == (parsed.name, None) and an_office(parsed.name):
        entry = (previous.name, previous.role)  # "Karl Olsen said ... The president added ...": the same person
    if parsed.name in ("he", "she") and previous is not None and previous.name and an_office(previous.name):
        # "The representative of Northland said ... He called for ...": the office that spoke just before
        entry = (previous.name, previous.role)
    if parsed.name in ("he", "she") and previous is None:
        # "When President Olsen spoke here, he said ...": the subject of the clause the sentence opens with; else
        # "Hashim Thaci also addressed the Council. He told reporters ...": the person the sentence before names
        named = (subject := clause_subject(ctx.text, ctx.position)) or person_named(ctx.previous_sentence)
        person = ctx.index.resolve(SpeakerPhrase(named, None, True)) if named and check_name(named) is None else None
        if person is not None and (" " in person[0] or subject):  # a surname alone where the text gives no more
            entry = person
        elif entry is None and ctx.office is not None and near(ctx.text, ctx.office[2], ctx.position):
            entry = ctx.office[:2]  # "The representative of Northland said ... . ... . He called for ..."
    if entry == (parsed.name, None) and cue.cue != ":" and an_office(parsed.name) and parsed.name[:1].isupper():
        entry = ctx.index.titled_surname(parsed.name) or entry  # "the Foreign Minister", titled "Minister Olsen"
    if entry is None:
        return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=cue.cue)
    reason = check_name(entry[0])
    if reason is not None:
        if ctx.rejected is not None:
            ctx.rejected[reason] += 1
        return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=cue.cue)
    entry = (entry[0], entry[1] or cue.role)
    if parsed.person and entry[1] is None:
        entry = (entry[0], ctx.index.role_in_text(entry[0]))
    ctx.index.register(entry, parsed.person or parsed.name in ("he", "she"), parsed.acronym)
    if not parsed.person and an_office(entry[0]):
        ctx.office = (entry[0], entry[1], ctx.position)
    return Speaker(name=entry[0], role=entry[1], attribution=kind, cue=cue.cue)


def _quoted_subject(before: str, paragraph: int, now: int, ctx: _Context) -> Speaker | None:
    """The speaker of a quotation no cue attributes: the person the sentence before it, in its paragraph, opens
    with as its subject ('Karl Olsen was in no mood for compromise. "We will win."'), if the text names them in
    full; else None."""
    subject: list[str] = []
    for token in before.split() if paragraph == now else ():
        if not token[:1].isupper() and token not in ROLE_WORDS:  # "Opposition leader Karl Olsen spoke"
            break
        subject.append(token)
    opens = 0 < len(subject) < len(before.split()) and subject[0].lower() not in FUNCTION_WORDS  # not "On Monday"
    parsed = parse_speaker_phrase(" ".join(subject)) if opens else None
    entry = ctx.index.resolve(parsed) if parsed is not None and parsed.person else None
    if entry is None or " " not in entry[0] or check_name(entry[0]) is not None:
        return None
    return Speaker(name=entry[0], role=entry[1], attribution=Attribution.DIRECT_QUOTE)


def _cued_speaker(
    unit: UnitSpan, quotes: Sequence[Span], ctx: _Context, previous: _Previous
) -> tuple[Speaker | None, Cue | None]:
    """The speaker a cue in the unit's sentence names (headline, reporting verb, passive), or None."""
    text = ctx.text
    sentence = text[unit.sentence[0] : unit.sentence[1]]
    kind = Attribution.DIRECT_QUOTE if mostly_quote(text, unit.sentence, quotes) else Attribution.REPORTED
    at_line_start = opens_line(text, unit.sentence[0])
    colon = headline_colon(sentence) if at_line_start else None
    cue = Cue(0, sentence[:colon], ":") if colon is not None else find_cue(sentence, quotes, unit.sentence[0])
    cue = readout_cue(sentence, text, unit.sentence[0]) or cue  # the subject that opens the sentence comes first
    if cue is not None and after_opening(cue.phrase, cue.cue) != cue.phrase:
        cue = Cue(cue.position, after_opening(cue.phrase, cue.cue), cue.cue, cue.role, cue.backward, cue.capitals)
    parsed = parse_speaker_phrase(cue.phrase) if cue is not None else None
    same = previous.speaker if previous.paragraph == unit.paragraph else None
    mine = cue is not None and parsed is not None and first_person(parsed.name, cue.phrase)
    if mine and kind is Attribution.REPORTED:
        return None, None  # "I think that ...", "We believe that ...": the text's own voice, no report of another
    if cue is not None and parsed is not None:
        if cue.cue == ":":
            kind = Attribution.REPORTED
        return _named(parsed, cue, kind, ctx, same), cue
    passive = _PASSIVE.search(mask_quotes(sentence, quotes, unit.sentence[0]))
    if passive is not None:
        phrase = passive.group().lower()
        if same is not None:
            return Speaker(name=same.name, role=same.role, attribution=kind, cue=phrase), None
        if _THE_DOCUMENT.search(sentence, passive.end()) is not None:
            # "It is noted in the statement that ...": whoever issued the statement
            document = Cue(passive.start(), "the statement", phrase)
            return _named(SpeakerPhrase("the statement", None, person=False), document, kind, ctx, None), None
        return Speaker(name=None, attribution=Attribution.UNATTRIBUTED, cue=phrase), None
    return None, None


def _own_voice(ctx: _Context, paragraph: int) -> bool:
    """Whether the narration has spoken in the first person in a paragraph before ``paragraph`` that no "X said
    this" claimed (looked at only when a first-person sentence could continue a quotation: the rare case)."""
    while not ctx.own_voice and ctx.narrated and ctx.narrated[0][0] < paragraph:
        narrated, sentence = ctx.narrated.pop(0)
        if narrated not in ctx.claimed:
            ctx.own_voice = outside_quotes_first_person(ctx.text, sentence, quote_spans(ctx.text, *sentence))
    return ctx.own_voice


def _continued(text: str, unit: UnitSpan, quotes: Sequence[Span], previous: _Previous, ctx: _Context) -> Speaker | None:
    """The previous speaker, where the text licenses it (rule 4 of the module docstring).

    A quotation continues the speaker into the next paragraph; so does a sentence in the first person after
    a quotation (an unquoted block of the speaker's words), unless the document's own narration has already
    spoken in the first person: then it is a speech, and "we" is its author. A plain sentence continues a
    statement or report ("a statement by X", "X said in a statement") within its paragraph, as news
    paraphrases a document sentence by sentence, but not "X said ...", which news follows with its own
    narration ("He was commenting on ...", "That sets the stage for ...").
    """
    if previous.speaker is None or previous.speaker.name is None:
        return None
    quoted = mostly_quote(text, unit.sentence, quotes) or inside_open_quote(text, unit.sentence[0])
    first_person = (
        previous.speaker.attribution is Attribution.DIRECT_QUOTE
        and outside_quotes_first_person(text, unit.sentence, quotes)
        and not _own_voice(ctx, unit.paragraph)
    )
    licensed = quoted or first_person
    document = any(w in (previous.speaker.cue or "") for w in ("statement", "informed by"))  # not "X informed Y"
    if (previous.paragraph == unit.paragraph and document) or (licensed and previous.paragraph >= unit.paragraph - 1):
        # an unquoted first-person sentence after a quotation gives the speaker's words verbatim
        kind = Attribution.DIRECT_QUOTE if quoted or first_person else Attribution.REPORTED
        return Speaker(
            name=previous.speaker.name, role=previous.speaker.role, attribution=kind, cue=previous.speaker.cue
        )
    return None
