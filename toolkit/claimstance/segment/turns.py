"""Whose own words run on in speeches, transcripts and readouts: turns, blocks and the author's first person.

A transcript gives each turn to its speaker: a tag on a line of its own ("SECRETARY DOE:", "QUESTION:", "MR.
SMITH:"), at the head of a paragraph ("Vladimir Putin: Good afternoon ...") or at the head of lines a page
repeats it on ("Question:", "Anna Berg:"), up to the next tag. A block
framed by "X said:" or "The below is attributable to Spokesperson X:" is X's up to the next heading. An
editor's "[X, speaking at ...]" gives its paragraph to X. Memo fields ("FROM:", "SUBJECT:") are no speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import Literal

from claimstance.lexicon import FIRST_PERSON, ROLE_WORDS, is_honorific, words
from claimstance.schema import Attribution, Speaker
from claimstance.segment.names import NameIndex, is_plain, parse_speaker_phrase
from claimstance.segment.records import (
    MARKED_MEMBER,
    marked_member,
    member_again,
    noble_said,
    office_tag,
    seat_line,
)
from claimstance.segment.spans import TURN_LABEL, UnitSpan, opens_line
from claimstance.segment.standfirst import author_tag
from claimstance.segment.validate import check_name

_SPEAKING_TAG = re.compile(
    r"[\[(](?P<who>[A-Z][^,\])]{1,40}),\s*(?:speaking|said|says|talking|addressing)\b[^\])]*[\])]"
)
_CHAIR_LINE = re.compile(r"(?:Mr\.?|Madam)\s+(?:Deputy\s+)?Speaker")
_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪●]|\d{1,2}[.)])[ \t]+")
_STAGE_HEADING = re.compile(r"[\[(][^\])]{1,60}[\])]")
_TURN_NOUNS = {"question": "questioner", "q": "questioner", "questions": "questioner"}
_OFFICE_TAGS = words("official officials briefer spokesperson spokesman spokeswoman participant representative")
"""Heads of a tag that names an office and no person ("SENIOR ADMINISTRATION OFFICIAL:")."""
_COUNTS = words("one two three four five 1 2 3 4 5 #1 #2 #3")
"""What tells unnamed briefers apart ("SENIOR OFFICIAL ONE:", "OFFICIAL #2:")."""
_FIELDS = words(
    """from to subject date re cc bcc attention attn source sources note notes update updated editor contact
    contacts media location venue time ends end begin background tags topics photo release embargo"""
)
"""Memo and press-release fields ("FROM:", "SUBJECT:", "CONTACT:"): labels, not speakers' tags."""
_OFFICE_AFTER = r"(?:,[ \t]+[A-Z][^:\n]{2,80}?)?"
"""A speaker's office after the name in a joint transcript's tag: "Jane Doe, Minister for Trade: ..."."""
_INLINE_TAG = re.compile(
    rf"(?P<who>(?:(?:[A-Z][\w.'’-]*|of|the)\s+){{0,6}}[A-Z][\w'’-]*){_OFFICE_AFTER}(?:\s+\([^()\n]{{1,40}}\)){{0,2}}"
    r":[ \t]+(?=[A-Z“\"‘'(\[])"
)
"""A turn's tag at the head of a paragraph, in mixed case: "Vladimir Putin: ...", "Question: ...", "Mr. Hall
(Northland) (spoke in French): ...", "President of Southland Anna Berg (retranslated): ...", "Jane Doe, Minister
for Trade: ..."."""
_CHAIR = re.compile(r"The\s+(?:Acting\s+)?(?:President|Chair|Chairman|Chairwoman|Chairperson|Speaker|Moderator)")
"""The presiding officer of a meeting's record ("The President: I give the floor to ..."), once turns run."""
_INLINE_NOUNS = frozenset(["question", "moderator", "interpreter", "reporter", "journalist", "correspondent"])
"""The nouns an inline tag may be ("Question: ..."): a person's name otherwise."""
_TAG_NOUNS = {
    **dict.fromkeys(["question", "q", "interviewer"], "questioner"),
    **{noun: noun.title() for noun in ("journalist", "reporter", "correspondent")},  # "Reporter:": as the tag says
    "moderator": "moderator",
    "interpreter": "interpreter",
}
# "Question: ...", "Anna Berg: ...": a tag at a line's start, in mixed case (capitals are headings of their own)
_LINE_TAG = re.compile(r"^([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE)
_TAG_AFTER_BREAK = re.compile(_LINE_TAG.pattern.replace("^", "\n", 1))
""":data:`_LINE_TAG` after a line break (a search for a character, not a test at every offset)."""
_ATTRIBUTABLE = re.compile(r"\b(?:is\s+|are\s+)?attributable\s+to\s+(?P<who>[A-Z][^:]{2,80}?)\s*:\s*$")
"""A readout's frame: "The following is attributable to Spokesperson Jane Doe:" (the block below is hers)."""
_NOTES = re.compile(r"(?i:notes?\s+(?:to|for)\s+(?:editors?|journalists)|-*\s*ends\s*-*)\s*[:.]?\s*$")
"""What closes a release's quoted block: "Notes to editors:", "ENDS"."""
_OPENING_MARKS = frozenset('“"‘«')
_CLOSING_MARKS = frozenset('”"’»“')  # a line's last mark closes, whichever way it is printed
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+[A-Z“\"]")


@dataclass
class Turn:
    """Whose own words run on: a transcript tag's speaker (until the next tag), an "X said:" block's (until the
    next heading) or an editor's "[X, speaking at ...]" tag's (until the paragraph ends)."""

    speaker: Speaker
    scope: Literal["tag", "block", "paragraph"]
    paragraph: int = -1
    bullets: bool | None = None
    """Whether a block is a list ("The ministry said:" and bullets): it then ends with the list."""
    quoted: bool = False
    """Whether a block opens in quotation marks: it then ends at the first line that opens without one."""
    answerer: Speaker | None = None
    """Who speaks after a written question's paragraph: the office it is put to."""

    def ended(self, paragraph: int) -> Turn | None:
        """The turn after this paragraph turn ends: the answerer's, after a written question; else none."""
        return Turn(self.answerer, "tag", paragraph) if self.answerer is not None else None


def block_goes_on(text: str, unit: UnitSpan, turn: Turn) -> Turn | None:
    """The block turn, or None where a list below "X said:" has ended (a line that is no bullet)."""
    line_start = text.rfind("\n", 0, unit.sentence[0]) + 1
    if line_start == unit.sentence[0] and _NOTES.match(text, line_start, unit.sentence[1]) is not None:
        return None  # "Notes to editors:" below a spokesperson's words: the release's own notes
    bullet = _BULLET.fullmatch(text, line_start, unit.sentence[0]) is not None
    new_line = bullet or line_start == unit.sentence[0]
    quoted = new_line and text[unit.sentence[0] : unit.sentence[0] + 1] in _OPENING_MARKS
    if turn.bullets is None:
        turn.bullets, turn.quoted = bullet, quoted
    if turn.quoted and new_line and not quoted and text[:line_start].rstrip()[-1:] in _CLOSING_MARKS:  # '.”', '.“'
        return None  # 'X issued the following statement: / "... ." / Background: the release's own narration
    return None if turn.bullets and not bullet and line_start == unit.sentence[0] else turn


def heading_turn(
    heading: str, paragraph: int, index: NameIndex, author: Speaker | None, turn: Turn | None
) -> Turn | None:
    """The turn after a heading: a tag opens one, a stage direction keeps it, any other heading ends a block."""
    if TURN_LABEL.fullmatch(heading) or heading == "Q":
        if heading.removesuffix(":").strip().lower() in _FIELDS:
            return None  # "FROM:" heads a memo's field; it ends any turn and opens none
        speaker = turn_speaker(heading.removesuffix(":"), index, author)
        return Turn(speaker, "tag", paragraph) if speaker is not None else None
    if _CHAIR_LINE.fullmatch(heading):  # a Commons record's "Madam Speaker" on a line of its own: the chair's turn
        return Turn(Speaker(name=heading, attribution=Attribution.AUTHOR, cue=":"), "tag", paragraph)
    tag = _SPEAKING_TAG.fullmatch(heading)
    if tag is not None:
        parsed = parse_speaker_phrase(tag["who"])
        entry = index.resolve(parsed) if parsed is not None and parsed.person else None
        if entry is not None:
            return Turn(
                Speaker(name=entry[0], role=entry[1], attribution=Attribution.DIRECT_QUOTE), "paragraph", paragraph
            )
    if turn is not None and turn.scope == "block" and not _STAGE_HEADING.fullmatch(heading):
        return None
    return turn


def _as_written(word: str, text: str) -> str:
    """A tag's word in capitals as the text writes it elsewhere ("MCCORMACK" -> "McCormack"), else title case."""
    for found in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        written = found.group()
        if not written.isupper() and written[:1].isupper() and _MC.fullmatch(written) is None:
            return written
    prefixed = _MC.fullmatch(word)  # "MacLEOD" the text writes nowhere else: "MacLeod"
    return prefixed[1] + prefixed[2].title() if prefixed is not None and prefixed[1] else word.title()


def turn_speaker(label: str, index: NameIndex, author: Speaker | None) -> Speaker | None:
    """The speaker a transcript tag names: "SECRETARY KERRY" -> John Kerry, "QUESTION" -> questioner."""
    words = label.split()
    if words in (["A"], ["ANSWER"]) and author is not None:  # an interview's answer: the interviewee's
        return author.model_copy(update={"cue": ":"})
    if len(words) == 1 and words[0].lower() not in _TURN_NOUNS and words[0] != "Q":
        written = _as_written(words[0], index.text)
        if index.knows(written):
            words = [written]
    if len(words) == 1 and (words[0].lower() in _TURN_NOUNS or not index.knows(words[0].title())):
        if _surname_tag(words[0], index.text) or _speech_tag(words[0], index.text):  # "STEFANOVIC:", "DOE: I rise"
            return Speaker(name=_as_written(words[0], index.text), attribution=Attribution.AUTHOR, cue=":")
        noun = _TURN_NOUNS.get(words[0].lower(), words[0].lower())
        return Speaker(name=noun, attribution=Attribution.AUTHOR, cue=":")
    if len(words) >= 2 and words[-1].lower() in _COUNTS and words[-2].lower() in _OFFICE_TAGS:
        # "SENIOR STATE DEPARTMENT OFFICIAL ONE": the first of two unnamed briefers, told apart as the tag does
        return Speaker(name=label.title(), attribution=Attribution.AUTHOR, cue=":")
    phrase = " ".join(w if is_honorific(w) and len(w) <= 3 else _as_written(w, index.text) for w in words)
    parsed = parse_speaker_phrase(phrase)
    entry = index.resolve(parsed) if parsed is not None else None
    if entry is None:
        return None
    if " " not in entry[0] and (is_plain(entry[0]) or entry[0].lower() in _OFFICE_TAGS):
        # "SENIOR STATE DEPARTMENT OFFICIAL": an office that names nobody, said as the tag says it
        return Speaker(name=label.lower(), attribution=Attribution.AUTHOR, cue=":")
    name = entry[0]
    if " " not in name and len(words) == 2 and words[0].lower() in _MEMBER_TITLES:
        name = f"{_as_written(words[0], index.text)} {name}"  # "SENATOR DOE" on a page with no first name: as titled
    return Speaker(name=name, role=entry[1], attribution=Attribution.AUTHOR, cue=":")


_MEMBER_TITLES = words("senator sen congressman congresswoman representative rep deputy councillor delegate")
"""A member's title, kept before a surname the page gives no first name to ("Senator Doe"): the record's name."""
_PART_NOUNS = words(
    """host anchor presenter interviewer caller audience operator voice participant narrator translator member
    chair chairman chairwoman unidentified male female crosstalk applause laughter end"""
)
"""Single-word tags that name a part in a show or a meeting, no person ("HOST:", "OPERATOR:")."""


def _surname_tag(word: str, text: str) -> bool:
    """Whether a one-word tag in capitals is a person's surname: a word of letters that is no office, part or field
    and tags two turns or more ("STEFANOVIC:" ... "STEFANOVIC:")."""
    lower = word.lower()
    if not (word.isupper() and word.isalpha() and len(word) >= 3) or lower in _TURN_NOUNS or lower in _PART_NOUNS:
        return False
    if lower in ROLE_WORDS or lower in _OFFICE_TAGS or lower in _FIELDS or lower in _TAG_NOUNS or is_plain(word):
        return False
    return text.count(f"{word}:") >= 2


def _speech_tag(word: str, text: str) -> bool:
    """Whether a one-word tag in capitals is the surname of a floor speech's one speaker: it opens the text, and the
    line after it speaks in the first person ("DOE: Mr. President, I rise today ..."); no office, part or field."""
    lower = word.lower()
    if not (word.isupper() and word.isalpha() and len(word) >= 3) or lower in _TURN_NOUNS or lower in _PART_NOUNS:
        return False
    if lower in ROLE_WORDS or lower in _OFFICE_TAGS or lower in _FIELDS or lower in _TAG_NOUNS or is_plain(word):
        return False
    body = text.lstrip()
    if not body.startswith(f"{word}:") or text.count(f"{word}:") != 1:
        return False
    return FIRST_PERSON.search(body, len(word) + 1, min(_line_end(body, 0), _HEAD_CHARS)) is not None


def inline_tag(text: str, unit: UnitSpan, transcript: bool = False) -> str | None:
    """The speaker phrase of a turn's tag at the head of a paragraph ("Vladimir Putin: Good afternoon ..."), or None.

    Only a person's name (two words at least, maybe after a title) or "Question"/"Moderator" (with a line after
    it) is a tag, and only where the words after it run on in the first person or as a question, or where a
    transcript's turns already run ("Dmitry Peskov: Last question, please."): "Turnout: 37%." is a label,
    "Northland: talks collapse" a headline.
    """
    if not opens_line(text, unit.sentence[0]):
        return None
    if text.find(":", unit.sentence[0], min(unit.sentence[1], unit.sentence[0] + 120)) < 0:
        return None  # no colon near the head of the line: no tag (most lines), spared the pattern below
    tag = _INLINE_TAG.match(text, unit.sentence[0], unit.sentence[1])
    if tag is None:
        return None
    who = _cased(tag["who"])
    if who == "Answer" or (transcript and _CHAIR.fullmatch(who)):
        return who
    end = _line_end(text, tag.end())
    if who.lower() in _INLINE_NOUNS:  # a lone "Question: ..." with nothing after it to answer is no turn
        return who if transcript or text[end:].strip() else None
    said = text[tag.end() : end]
    asks = said.rstrip().endswith("?")
    parsed = parse_speaker_phrase(who)
    titled = parsed is not None and (parsed.role is not None or is_honorific(who.split()[0]))
    # "Berg, Northland Daily: Will you ...?": a press conference's questioner by surname and outlet
    # ... or by one name once a briefing's turns run ("Hugh: Sir, I am Hugh from Southwire. Did ...?")
    asker = asks and " " not in who and ("," in tag.group() or transcript) and who.lower() not in _FIELDS
    named = parsed is not None and parsed.person and (" " in parsed.name or titled or asker)
    named = named or (parsed is not None and office_tag(parsed.name) and not _CHAIR.fullmatch(who))
    if parsed is None or not named or who.lower().split()[0] in _FIELDS:
        return None
    # a headline "Karl Olsen: We will never give up" is one sentence; a turn runs on
    runs_on = _SENTENCE_BREAK.search(said) is not None and FIRST_PERSON.search(said) is not None
    return who if transcript or asks or runs_on else None


def _cased(who: str) -> str:
    """A chamber's tag with the member's name in capitals after a title ("Ms JANE ROE") as a name is written."""
    first, _, rest = who.partition(" ")
    # "McDERMOTT", "MacLEOD": a surname in capitals keeps its prefix's lower case
    capitals = [_MC.fullmatch(w) for w in rest.split()]
    if not rest or not is_honorific(first) or not all(m is not None for m in capitals):
        return who
    return f"{first} {' '.join(m[1] + m[2].title() for m in capitals if m is not None)}"


_MC = re.compile(r"((?:Ma?c)?)([A-Z][A-Z'’\-]*)")


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STAMPED_TAG = re.compile(
    r"(?i:(?:date|posted|published)[:\s]+)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"(?:[ \t]+\d{1,2}:\d{2})?[ \t]+(?P<tag>" + TURN_LABEL.pattern.rsplit("(?=", 1)[0] + r")[ \t]+(?=\S)"
)
"""A transcript's first tag after a date stamp on its line, as a republished page runs them together: "date
2022-11-08 SECRETARY DOE: Welcome ...", "November 8, 2022 MR. OLSEN: Thank you."."""


def stamped_tag(text: str, unit: UnitSpan) -> str | None:
    """The tag in capitals after a date stamp at the head of a paragraph ("2022-11-08 SECRETARY DOE: ..."), or
    None."""
    start = unit.sentence[0]
    if not opens_line(text, start) or not text[start : start + 1].isalnum():
        return None
    found = _STAMPED_TAG.match(text, start, unit.sentence[1])
    words = found["tag"].removesuffix(":").split() if found is not None else []
    # a person's tag has an office or a title ("SECRETARY DOE", "MR. OLSEN"); "WASHINGTON:" is a dateline's place
    person = any(w.lower() in ROLE_WORDS or is_honorific(w) or w.lower() in _TAG_NOUNS for w in words)
    return " ".join(words) if person else None


def stamped_turn(text: str, unit: UnitSpan, index: NameIndex, author: Speaker | None) -> Turn | None:
    """The turn a tag after a date stamp opens (:func:`stamped_tag`), or None."""
    tag = stamped_tag(text, unit)
    speaker = turn_speaker(tag, index, author) if tag is not None else None
    return Turn(speaker, "tag", unit.paragraph) if speaker is not None else None


_I_WOULD = re.compile(r"(?:[Aa]nd\s+|[Ss]o\s+|[Bb]ut\s+)?(?:I|[Ww]e)['’](?:d|ll|ve|m|re)\b")


def first_person(name: str, phrase: str) -> bool:
    """Whether a cue's speaker is the text's own first person: "I", "we", or one with its verb cut short ("And I'd
    simply say that ...")."""
    return name in ("i", "we") or _I_WOULD.match(phrase) is not None


_LATER_TAG = re.compile(
    rf"\n(?:(?:[A-Z][\w.'’-]*|of|the)[ \t]+){{0,6}}[A-Z][\w'’-]*{_OFFICE_AFTER}"
    r"(?:[ \t]+\([^()\n]{1,40}\)){0,2}:[ \t]"
)


def paragraph_turn(
    text: str, unit: UnitSpan, index: NameIndex, author: Speaker | None, transcript: bool
) -> Turn | None:
    """The turn a tag at the head of a paragraph opens ("Vladimir Putin: Good afternoon ..."), or None."""
    if (stamped := stamped_turn(text, unit, index, author)) is not None:  # "2022-11-08 SECRETARY DOE: ..."
        return stamped
    own = author_tag(text, unit.sentence[0], author.name if author else None)
    who = inline_tag(text, unit, transcript or own)  # the author's own tag is a turn however short its line
    speaker = tag_speaker(who, index, author) if who is not None else None
    if speaker is None or check_name(speaker.name or "") is not None:
        return None
    # a lone tag (a statement a news report reproduces) holds its paragraph; where tags recur, or on a page that
    # calls itself a transcript ("Transcript, E&OE" under the title), each runs to the next
    runs = transcript or _LATER_TAG.search(text, unit.end) is not None or declared_transcript(text)
    return Turn(speaker, "tag" if runs else "paragraph", unit.paragraph)


_TRANSCRIPT_LINE = re.compile(r"(?:^|\n)(?:Transcript|TRANSCRIPT)\b[^\n]{0,60}(?:\n|$)")
_HEAD_CHARS = 400
"""How far into a page its header runs: a "Transcript" line further down is a line of the text."""


def declared_transcript(text: str) -> bool:
    """Whether a line of the page's header calls it a transcript ("Transcript, E&OE, proof only")."""
    return _TRANSCRIPT_LINE.search(text, 0, _HEAD_CHARS) is not None


def recurring_tags(text: str) -> frozenset[str]:
    """The mixed-case tags that open two lines or more of a page ("Question:", "Anna Berg:"): an interview or a
    press conference's turns. A tag used once is a headline's "X: claim" or a label."""
    if ":" not in text:
        return frozenset()
    found = chain([_LINE_TAG.match(text)], _TAG_AFTER_BREAK.finditer(text))  # the same tags as a finditer
    # a headline a page repeats ("Karl Olsen: talks fail" above and below a photo) is one line twice, not two turns
    lines = {(m[1], text[m.end() : _line_end(text, m.end())]) for m in found if m is not None and not m[1].isupper()}
    counts = Counter(tag for tag, _ in lines)
    return frozenset(tag for tag, n in counts.items() if n >= 2)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def line_tag(text: str, start: int, tags: frozenset[str]) -> str | None:
    """The recurring tag that opens the line at ``start``, if any."""
    m = _LINE_TAG.match(text, start) if opens_line(text, start) else None
    return m[1] if m is not None and m[1] in tags else None


def after_tag(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin after a turn's tag heading its line ("Question: You said ..." -> the
    offset of "You"); ``start`` where no tag heads it."""
    if not opens_line(text, start):
        return start
    tag = (
        _LINE_TAG.match(text, start, end)
        or _INLINE_TAG.match(text, start, end)
        or MARKED_MEMBER.match(text, start, end)
    )
    return tag.end() if tag is not None else start


def tag_speaker(who: str, index: NameIndex, author: Speaker | None, full_name: bool = False) -> Speaker | None:
    """Whose turn a mixed-case tag opens: the questioner's ("Question", "Journalist"), the moderator's, the
    interviewee's ("A"), the meeting's chair ("The President"), or a person's resolved to the fullest name the
    text gives ("Berg" -> "Anna Berg"); with ``full_name``, None for a tag the text names no person by in full
    ("Photo", "Northpress")."""
    if who.lower() in _TAG_NOUNS:
        return Speaker(name=_TAG_NOUNS[who.lower()], attribution=Attribution.AUTHOR, cue=":")
    if who in ("A", "Answer"):
        return author.model_copy(update={"cue": ":"}) if author is not None and author.name else None
    if _CHAIR.fullmatch(who):
        return Speaker(name="t" + who[1:], attribution=Attribution.AUTHOR, cue=":")  # "the President" of the meeting
    parsed = parse_speaker_phrase(who)
    office = parsed is not None and office_tag(parsed.name)  # "The Prime Minister": its holder, where named
    entry = index.resolve(parsed) if parsed is not None and (parsed.person or not full_name or office) else None
    titled = parsed is not None and parsed.person and parsed.role is not None and " " not in parsed.name
    if titled and parsed is not None and (entry is None or " " not in entry[0]) and parsed.name[:1].isupper():
        # "Ambassador Holm:" on a page (or a part of one) that names no first name: the surname, "Senator Holm" as
        # tagged (a member's title is part of the name a record gives)
        member = parsed.role is not None and parsed.role.lower() in _MEMBER_TITLES
        return Speaker(name=who if member else parsed.name, role=parsed.role, attribution=Attribution.AUTHOR, cue=":")
    if entry is None or (full_name and " " not in entry[0]):
        return None
    return Speaker(name=entry[0], role=entry[1], attribution=Attribution.AUTHOR, cue=":")


def attributable_to(sentence: str) -> tuple[str, str] | None:
    """Who a readout's frame names ("The below is attributable to Spokesperson Jane Doe:"), or None. ("Jane Doe
    today issued the following statement:" is a lead-in cue: :data:`claimstance.segment.cues.FOLLOWING`.)"""
    found = _ATTRIBUTABLE.search(sentence) if sentence.endswith(":") else None
    return (found["who"], "attributable to") if found is not None else None


_RECORD_TAG = re.compile(
    r"(?P<chair>The\s+(?:ACTING\s+)?(?:SPEAKER|PRESIDING\s+OFFICER|PRESIDENT|CHAIR(?:MAN|WOMAN)?)(?:\s+pro\s+tempore)?)"
    r"|(?P<member>(?:Mr|Mrs|Ms|Miss|Dr)\.\s+[A-Z][A-Z'’-]+(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"|(?:Speaker|Leader|Senator|Chairman|Chairwoman)\s+[A-Z][a-z'’-]+)"
    r"|(?P<mep>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})(?:\s+\([^()\n]{1,30}\)|,\s+[^.–\n]{3,80})"
)
"""A tag ending in a full stop that opens a turn of a record: the Congressional Record's "Mr. DOE." and "The
SPEAKER pro tempore.", the European Parliament's "Jane Doe (Group). – Madam President, ..."."""
_RECORD_TAG_CHARS = 100


def record_turn(text: str, unit: UnitSpan, index: NameIndex) -> Turn | None:
    """The turn a record's tag opens, where the tag is a sentence of its own at the head of a line ("  Mr. DOE.
    Mr. Speaker, I rise ..."; "Jane Doe (Group). – Madam President, ..."), or a written question's (its
    asker's, then the answerer's), or None."""
    start, end = unit.sentence
    if start > 1 and text[start - 1] != "\n" and text[start - 2] not in " \t\n":
        return None  # most sentences follow another on their line ("... said. Then ...")
    asked = written_question(text, unit) if unit.start == start and _ASKER.match(text, start, end) else None
    if asked is not None:
        return asked
    if text.startswith("§", start) and (marked := marked_member(text, start, end, index)) is not None:
        return Turn(marked, "tag", unit.paragraph)
    if text[end - 1] == ")" and (seat := seat_line(text, start, end)) is not None:
        return Turn(seat, "tag", unit.paragraph)
    if (again := member_again(text, start, end, index)) is not None:
        return Turn(again, "tag", unit.paragraph)
    if text.startswith("The noble ", start) and (noble := noble_said(text, start, end)) is not None:
        return Turn(noble, "tag", unit.paragraph)  # "The noble Lord said: My Lords, ...": who rose above
    if end - start > _RECORD_TAG_CHARS or text[end - 1] != "." or text[start:end].isupper():
        return None
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip() or not text[start : start + 1].isupper():
        return None  # a tag heads its line (the record indents it)
    found = _RECORD_TAG.fullmatch(text, start, end - 1)
    if found is None or (found["mep"] and not text[end : end + 4].lstrip(" ").startswith(("–", "-"))):
        return None  # the European Parliament's tag is followed by a dash: "Jane Doe (Group). – ..."
    if found["chair"]:
        words = found["chair"].split()
        name = "the " + " ".join(w.title() if w.isupper() else w for w in words[1:])  # "the Speaker pro tempore"
    else:
        who = found["member"] or found["mep"]
        parsed = parse_speaker_phrase(" ".join(_as_written(w, index.text) if w.isupper() else w for w in who.split()))
        entry = index.resolve(parsed) if parsed is not None else None
        if entry is None:
            return None
        name = entry[0]
    speaker = Speaker(name=name, attribution=Attribution.AUTHOR, cue=":")
    return Turn(speaker, "tag", unit.paragraph) if check_name(name) is None else None


_ASKER = re.compile(r"\d{1,4}\.\s+(?:Deputy|Senator|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+[A-Z]")
_QUESTION = re.compile(
    r"\d{1,4}\.\s+(?:Deputy|Senator|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+(?P<asker>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"
    r"\s+asked\s+the\s+(?P<office>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|for|of|the)){0,12}?)"
    r"\s+(?:if|whether|what|when|how|why|to|about)\s"
)
"""A parliament's written question: "48. Deputy Jane Doe asked the Minister for Trade if he ...", its number
first (a news paragraph's "Senator Doe asked the commission to explain ..." is no question put on the record)."""


def written_question(text: str, unit: UnitSpan) -> Turn | None:
    """The asker's turn for a written question's paragraph, then the answer's for the office it is put to."""
    found = _QUESTION.match(text, *unit.sentence)
    if found is None or check_name(found["asker"]) is not None or check_name(found["office"]) is not None:
        return None
    asker = Speaker(name=found["asker"], attribution=Attribution.AUTHOR, cue=":")
    answerer = Speaker(name=found["office"], attribution=Attribution.AUTHOR, cue=":")
    return Turn(asker, "paragraph", unit.paragraph, answerer=answerer)
