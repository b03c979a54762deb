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

from claimstance.lexicon import FIRST_PERSON, ORG_HEADS, ROLE_WORDS, is_honorific, words
from claimstance.schema import Attribution, Speaker
from claimstance.segment.cues import Cue
from claimstance.segment.names import NameIndex, is_plain, parse_speaker_phrase
from claimstance.segment.spans import TURN_LABEL, UnitSpan
from claimstance.segment.standfirst import author_tag
from claimstance.segment.validate import check_name

_SPEAKING_TAG = re.compile(
    r"[\[(](?P<who>[A-Z][^,\])]{1,40}),\s*(?:speaking|said|says|talking|addressing)\b[^\])]*[\])]"
)
_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪●]|\d{1,2}[.)])[ \t]+")
_STAGE_HEADING = re.compile(r"[\[(][^\])]{1,60}[\])]")
_TURN_NOUNS = {"question": "questioner", "q": "questioner", "questions": "questioner"}
_OFFICE_TAGS = words("official officials briefer spokesperson spokesman spokeswoman participant representative")
"""Heads of a tag that names an office and no person ("SENIOR ADMINISTRATION OFFICIAL:")."""
_FIELDS = words(
    """from to subject date re cc bcc attention attn source sources note notes update updated editor contact
    contacts media location venue time ends end begin background tags topics photo release embargo"""
)
"""Memo and press-release fields ("FROM:", "SUBJECT:", "CONTACT:"): labels, not speakers' tags."""
_INLINE_TAG = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,6}[A-Z][\w'’-]*)(?:\s+\([^()\n]{1,40}\)){0,2}:[ \t]+(?=[A-Z“\"‘'(\[])"
)
"""A turn's tag at the head of a paragraph, in mixed case: "Vladimir Putin: ...", "Question: ...", "Mr. Hall
(Northland) (spoke in French): ...", "President of Southland Anna Berg (retranslated): ..."."""
_CHAIR = re.compile(r"The\s+(?:Acting\s+)?(?:President|Chair|Chairman|Chairwoman|Chairperson|Speaker|Moderator)")
"""The presiding officer of a meeting's record ("The President: I give the floor to ..."), once turns run."""
_INLINE_NOUNS = frozenset(["question", "moderator", "interpreter"])
"""The nouns an inline tag may be ("Question: ..."): a person's name otherwise."""
_TAG_NOUNS = {
    **dict.fromkeys(["question", "q", "journalist", "reporter", "interviewer"], "questioner"),
    "moderator": "moderator",
    "interpreter": "interpreter",
}
# "Question: ...", "Anna Berg: ...": a tag at a line's start, in mixed case (capitals are headings of their own)
_LINE_TAG = re.compile(r"^([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE)
_TAG_AFTER_BREAK = re.compile(_LINE_TAG.pattern.replace("^", "\n", 1))
""":data:`_LINE_TAG` after a line break (a search for a character, not a test at every offset)."""
_ATTRIBUTABLE = re.compile(r"\b(?:is\s+|are\s+)?attributable\s+to\s+(?P<who>[A-Z][^:]{2,80}?)\s*:\s*$")
"""A readout's frame: "The following is attributable to Spokesperson Jane Doe:" (the block below is hers)."""
_AGREES = re.compile(r"\s*(?:I|We)\s+(?:fully\s+|entirely\s+|also\s+)?(?:agree|concur)\s+with\b")
"""The author agreeing: "I agree with what Mr Olsen said" is the author's claim, not Olsen's."""
_WE_AMONG = re.compile(r"\b(?:of\s+us|of\s+our\s+\w+|among\s+us)\b", re.IGNORECASE)
_AGAINST = re.compile(
    r"\s*(?:[Bb]ut\s+|[Aa]nd\s+)?(?:[Cc]ontrary\s+to|[Dd]espite|[Uu]nlike|[Ww]hatever)\s+(?:what\b|the\s+claims?\b|claims?\b|\w+\s+(?:says?|claims?)\b)"
)
"""The author arguing against another side: "Contrary to what X asserted, the vote was not free" is the author's."""
_OPENING = re.compile(
    r"(?:[Ff]ollowing|[Aa]fter|[Bb]efore|[Dd]uring|[Aa]t|[Ii]n|[Oo]n|[Aa]head\s+of)\s+(?:the|a|an|this|his|her|their|its)"
    r"(?:\s+(?!(?:with|of|by|for|to|in|on|at|from|and|the|a|an)\b)[a-z][\w-]*){1,2}\s+(?=(?:the|a|an)\s+|[A-Z])"
)
"""An opening adverbial before the subject without a comma: "Following the meeting the Minister said:"."""
_WHO = r"(?P<who>[A-Z][^,;:“\"]{1,80}?)"
_SPEECH_REPORTS = (
    # "We heard the delegate of Northland claim that ...", "we listened to X say ..."
    re.compile(
        r"\b(?:heard|hear|listened\s+to)\s+(?P<who>(?:the\s+|a\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,7}?)\s+"
        r"(?:claim|say|assert|argue|state|allege|insist|suggest|tell\s+\w+)\s+that\b"
    ),
    # "Northland would have us believe that ...", "X wants the world to believe ..."
    re.compile(
        rf"^{_WHO}\s+(?:would\s+have|wants|want|would\s+like)\s+(?:us|the\s+world|everyone|you)\s+"
        r"(?:to\s+)?believe\b"
    ),
    # "In the words of the Secretary-General, ...", "To quote the High Commissioner: ..." ("Let me quote X:": cues)
    re.compile(r"^(?:[Ii]n\s+the\s+words\s+of|[Tt]o\s+quote)\s+(?P<who>[^,:;]{2,80}?)\s*[,:]"),
    # "And Northland is trying to present these attacks as a response ...": a claim the speech reports to reject;
    # "trying to persuade X to ...", "trying to show strength" are acts, and only "... that" gives their claim
    re.compile(
        rf"^(?:(?:And|But|Yet|Now)\s+)?{_WHO}\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?trying\s+to\s+"
        r"(?:present|portray|claim|depict|argue|(?:convince|persuade|show|prove)\b[^.;:!?]{0,80}?\bthat)\b"
    ),
    # "The Northland Government claim that ...": a collective noun with a plural verb
    re.compile(rf"^{_WHO}\s+(?:claim|assert|allege|argue|insist|maintain|contend)\s+that\b"),
)
"""How a speaker reports another party that the news cues miss: perception verbs, "would have us believe",
"in the words of", and a collective subject with a plural verb ("The Government claim that")."""
_SPEECH_TRIGGER = re.compile(
    r"hear|listened|believe|words\s+of|quote|claim|assert|allege|argu|insist|maintain|contend|trying"
)
"""A cheap test before :data:`_SPEECH_REPORTS` (no word boundaries: twice as fast, and the patterns decide)."""
_FIRST_PERSON_WHO = frozenset(["i", "we", "you"])
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+[A-Z“\"]")
_OPENING_MARKS = frozenset('“"«‘')
_STATEMENT_TITLE = re.compile(
    r"\S+(?:\s+\S+){2,}:\s+(?:[A-Z][\w'’.&-]*\s+){0,4}(?i:statement|speech|remarks|address|letter)\b[^:]*"
)
"""A statement's title that states its claim: "Northland's referendum is a sham: UK statement to the OSCE"."""
_READOUT = re.compile(
    r"(?P<who>(?:All\s+of\s+the|All\s+the|The|Both)\s+(?:two\s+|three\s+|four\s+)?(?:leaders|sides|ministers"
    r"|presidents|delegations|parties|President|Secretary|Prime\s+Minister|Minister|Chancellor|Foreign\s+Secretary))"
    r"\s+(?:also\s+|further\s+)?(?P<verb>agreed\s+(?:on|that)|made\s+(?:it\s+)?clear\s+that)\b"
)
"""A readout's position: "The leaders agreed on the need for ...", "The President made clear that ..."."""
_OFFICE_ACTS = re.compile(
    r"(?P<who>The\s+(?:[A-Z][a-z]+\s+){0,2}(?:Secretary|Minister|President|Chancellor|Spokesperson|Spokesman"
    r"|Spokeswoman|Ambassador|Secretary-General|Representative))\s+(?:also\s+|strongly\s+|firmly\s+)?"
    r"(?P<verb>condemns|welcomes|urges|calls\s+on|commends|deplores|regrets|reiterates)\b"
)
"""A release's office acting in the present: "The Foreign Secretary condemns ..." (its holder's, where named)."""
_OUR_SIDE = re.compile(
    r"(?:[Oo]ur|[Mm]y)\s+(?:own\s+)?(?:government|country|nation|people|party|delegation|side|administration|ministry"
    r"|state|team|position)\b"
)
"""The author's own side: "Our government considers that ..." is the author's."""
_SPEAKER_AND_I = re.compile(r"\b(?:and|with)\s+(?:I|me|we|us)\b|^(?:I|We)\s+and\b")
_AS_SAID = re.compile(r"\s*(?:[Aa]nd\s+|[Bb]ut\s+)?[Aa]s\s")
_SAID = frozenset(["said", "says", "told", "added", "stated", "noted", "declared", "announced"])
_VAGUE = frozenset(["many", "some", "most", "several", "others", "few"])
"""Quantifiers that report an unnamed crowd ("Many say ..."): in a speech, such a sentence is not the author's."""


_PERFORMS = re.compile(
    r"(?:The\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+(?:also\s+|further\s+|strongly\s+|firmly\s+)?"
    r"(?:urges|calls\s+(?:on|upon)|welcomes|condemns|commends|deplores|reiterates\s+its|stands\s+ready|is\s+ready"
    r"|remains\s+(?:committed|ready))\b"
)
"""A statement's issuer acting in its own name, in the present ("The Union urges ...", "The Council stands ready
..."): reported parties are given a verb of saying ("Northland said", "X claims that")."""
_BUT_OURS = re.compile(r",\s+(?:but|yet|while|whereas)\s+(?:(?:I|we)\b|(?:our|my)\s)")


@dataclass
class Turn:
    """Whose own words run on: a transcript tag's speaker (until the next tag), an "X said:" block's (until the
    next heading) or an editor's "[X, speaking at ...]" tag's (until the paragraph ends)."""

    speaker: Speaker
    scope: Literal["tag", "block", "paragraph"]
    paragraph: int = -1
    bullets: bool | None = None
    """Whether a block is a list ("The ministry said:" and bullets): it then ends with the list."""


def block_goes_on(text: str, unit: UnitSpan, turn: Turn) -> Turn | None:
    """The block turn, or None where a list below "X said:" has ended (a line that is no bullet)."""
    line_start = text.rfind("\n", 0, unit.sentence[0]) + 1
    bullet = _BULLET.fullmatch(text, line_start, unit.sentence[0]) is not None
    if turn.bullets is None:
        turn.bullets = bullet
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
        if not written.isupper() and written[:1].isupper():
            return written
    return word.title()


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
        noun = _TURN_NOUNS.get(words[0].lower(), words[0].lower())
        return Speaker(name=noun, attribution=Attribution.AUTHOR, cue=":")
    phrase = " ".join(w if is_honorific(w) and len(w) <= 3 else _as_written(w, index.text) for w in words)
    parsed = parse_speaker_phrase(phrase)
    entry = index.resolve(parsed) if parsed is not None else None
    if entry is None:
        return None
    if " " not in entry[0] and (is_plain(entry[0]) or entry[0].lower() in _OFFICE_TAGS):
        # "SENIOR STATE DEPARTMENT OFFICIAL": an office that names nobody, said as the tag says it
        return Speaker(name=label.lower(), attribution=Attribution.AUTHOR, cue=":")
    return Speaker(name=entry[0], role=entry[1], attribution=Attribution.AUTHOR, cue=":")


def inline_tag(text: str, unit: UnitSpan, transcript: bool = False) -> str | None:
    """The speaker phrase of a turn's tag at the head of a paragraph ("Vladimir Putin: Good afternoon ..."), or None.

    Only a person's name (two words at least, maybe after a title) or "Question"/"Moderator" (with a line after
    it) is a tag, and only where the words after it run on in the first person or as a question, or where a
    transcript's turns already run ("Dmitry Peskov: Last question, please."): "Turnout: 37%." is a label,
    "Northland: talks collapse" a headline.
    """
    if unit.sentence[0] > 0 and text[unit.sentence[0] - 1] != "\n":
        return None
    if text.find(":", unit.sentence[0], min(unit.sentence[1], unit.sentence[0] + 120)) < 0:
        return None  # no colon near the head of the line: no tag (most lines), spared the pattern below
    tag = _INLINE_TAG.match(text, unit.sentence[0], unit.sentence[1])
    if tag is None:
        return None
    who = tag["who"]
    if who == "Answer" or (transcript and _CHAIR.fullmatch(who)):
        return who
    if who.lower() in _INLINE_NOUNS:  # a lone "Question: ..." with nothing after it to answer is no turn
        end = text.find("\n", tag.end())
        return who if transcript or (end >= 0 and text[end:].strip()) else None
    parsed = parse_speaker_phrase(who)
    titled = parsed is not None and (parsed.role is not None or is_honorific(who.split()[0]))
    named = parsed is not None and parsed.person and (" " in parsed.name or titled)
    if parsed is None or not named or who.lower().split()[0] in _FIELDS:
        return None
    end = text.find("\n", tag.end())
    said = text[tag.end() : end if end >= 0 else len(text)]
    asks = said.rstrip().endswith("?")
    # a headline "Karl Olsen: We will never give up" is one sentence; a turn runs on
    runs_on = _SENTENCE_BREAK.search(said) is not None and FIRST_PERSON.search(said) is not None
    return who if transcript or asks or runs_on else None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STAMPED_TAG = re.compile(
    r"(?i:(?:date|posted|published)[:\s]+)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"(?:[ \t]+\d{1,2}:\d{2})?[ \t]+(?P<tag>" + TURN_LABEL.pattern.removesuffix(r"(?=\s|$)") + r")[ \t]+(?=\S)"
)
"""A transcript's first tag after a date stamp on its line, as a republished page runs them together: "date
2022-11-08 SECRETARY DOE: Welcome ...", "November 8, 2022 MR. OLSEN: Thank you."."""


def stamped_tag(text: str, unit: UnitSpan) -> str | None:
    """The tag in capitals after a date stamp at the head of a paragraph ("2022-11-08 SECRETARY DOE: ..."), or
    None."""
    start = unit.sentence[0]
    if (start > 0 and text[start - 1] != "\n") or not text[start : start + 1].isalnum():
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
    r"\n(?:(?:[A-Z][\w.'’-]*|of|the)[ \t]+){0,6}[A-Z][\w'’-]*(?:[ \t]+\([^()\n]{1,40}\)){0,2}:[ \t]"
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
    # a lone tag (a statement a news report reproduces) holds its paragraph; where tags recur, each runs to the next
    runs = transcript or _LATER_TAG.search(text, unit.end) is not None
    return Turn(speaker, "tag" if runs else "paragraph", unit.paragraph)


def recurring_tags(text: str) -> frozenset[str]:
    """The mixed-case tags that open two lines or more of a page ("Question:", "Anna Berg:"): an interview or a
    press conference's turns. A tag used once is a headline's "X: claim" or a label."""
    if ":" not in text:
        return frozenset()
    found = chain([_LINE_TAG.match(text)], _TAG_AFTER_BREAK.finditer(text))  # the same tags as a finditer
    counts = Counter(m[1] for m in found if m is not None and not m[1].isupper())
    return frozenset(tag for tag, n in counts.items() if n >= 2)


def line_tag(text: str, start: int, tags: frozenset[str]) -> str | None:
    """The recurring tag that opens the line at ``start``, if any."""
    m = _LINE_TAG.match(text, start) if start == 0 or text[start - 1] == "\n" else None
    return m[1] if m is not None and m[1] in tags else None


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
    entry = index.resolve(parsed) if parsed is not None and (parsed.person or not full_name) else None
    if entry is None or (full_name and " " not in entry[0]):
        return None
    return Speaker(name=entry[0], role=entry[1], attribution=Attribution.AUTHOR, cue=":")


_CLAUSE_SUBJECT = re.compile(
    r"(?:When|After|Before|As|While|Once|Although|Though|Since)\s+(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
    r"\s+(?:spoke|addressed|wrote|appeared|came|met|visited|took|was|had|stood)\b[^,;]{0,120},\s+(?:he|she)\s"
)


def clause_subject(text: str, start: int) -> str | None:
    """The person a sentence's opening clause names as its subject, whom the "he" after it is: "When President
    Olsen spoke here in 2010, he said ..." -> "Olsen"; None otherwise."""
    found = _CLAUSE_SUBJECT.match(text, start, start + 300) if text[start : start + 1].isupper() else None
    parsed = parse_speaker_phrase(found["who"]) if found is not None else None
    return parsed.name if parsed is not None and parsed.person else None


_READ_OUT = re.compile(
    r"\b(?:text|statement|declaration|communiqu[eé]|letter|message|resolution|wording)\b[^:]{0,80}?\b"
    r"(?:agreed|adopted|issued|signed|approved|written|sent|drafted)\s+by\s+(?P<who>[^:,;]{2,80}?)"
    r"(?:\s+(?:that|which)\s+(?:goes|reads|runs|says)(?:\s+as\s+follows)?)?\s*:$"
)


def read_out(text: str, start: int, end: int) -> tuple[str, str] | None:
    """Who wrote a text a speaker reads out below a lead-in ("I read you the text as agreed by the heads of
    state that goes as follows:"): the quotation below is theirs, not the speaker's; None otherwise."""
    found = _READ_OUT.search(text, start, end) if text.find(" by ", start, end) >= 0 else None
    return (found["who"], "read out") if found is not None else None


def attributable_to(sentence: str) -> tuple[str, str] | None:
    """Who a readout's frame names ("The below is attributable to Spokesperson Jane Doe:"), or None."""
    found = _ATTRIBUTABLE.search(sentence) if sentence.endswith(":") else None
    return (found["who"], "attributable to") if found is not None else None


def _author_among(phrase: str) -> bool:
    """Whether a crowd that speaks includes the author ("Many of us highlighted ...", "Some of our partners")."""
    return _WE_AMONG.search(phrase) is not None and phrase.split()[0].lower() in ("many", "some", "most", "all")


def opens_quote(text: str, unit: UnitSpan) -> bool:
    """Whether the unit's paragraph opens with a quotation mark (a quotation set out below "X said:")."""
    line_start = text.rfind("\n", 0, unit.sentence[0]) + 1
    return text[line_start : line_start + 1] in _OPENING_MARKS


def _argues_against(text: str, start: int, end: int) -> bool:
    """Whether an author's sentence opens by arguing against another side ("Contrary to what X claimed, ...") or
    by agreeing with it ("I agree with what X said"): either way the claim is the author's."""
    return _AGAINST.match(text, start, end) is not None or _AGREES.match(text, start, end) is not None


def after_opening(phrase: str, verb: str) -> str:
    """A subject without the adverbial before it: "Following the meeting the Minister" -> "the Minister" (verbs
    of saying only: "In the post-election period the UK calls on ..." is a speech's own sentence, whole)."""
    opening = _OPENING.match(phrase) if verb in _SAID else None
    return phrase[opening.end() :] if opening is not None else phrase


def may_report(text: str, start: int, end: int) -> bool:
    """Whether a speech's sentence reports another party in a way :func:`speech_report` reads (a cheap test
    first: most sentences of a speech name nobody)."""
    return _SPEECH_TRIGGER.search(text, start, end) is not None and speech_report(text[start:end]) is not None


def speech_report(sentence: str) -> tuple[str, str] | None:
    """The party a speech's sentence reports and the words that report it, where news cues miss it: "We heard
    the delegate of Northland claim that ..." -> ("the delegate of Northland", "claim"); None for the first
    person ("We claim that ...")."""
    for pattern in _SPEECH_REPORTS:
        found = pattern.search(sentence)
        if found is not None:
            who = found["who"].strip()
            if who.split()[0].lower() in _FIRST_PERSON_WHO:
                return None
            return who, found.group().split()[-1].lower()
    return None


def _institution(name: str) -> bool:
    """Whether a subject is an institution or union that issues statements ("the European Union", "the EU"), not
    a country a statement may report ("Northland calls on ...")."""
    tokens = name.split()
    return tokens[-1].lower() in ORG_HEADS or (len(tokens) == 1 and 2 <= len(name) <= 5 and name.isupper())


_YOU_SAID = re.compile(
    r"(?:(?:But|And|Now|Sir|Mr\.?\s+\w+),?\s+)?[Yy]ou(?:\s+have|['’]ve)?\s+(?:said|told|stated|claimed|argued|suggested"
    r"|insisted)\b"
)


def _asks(sentence: str) -> bool:
    """Whether a sentence is a question (its quotation marks and brackets aside)."""
    return sentence.rstrip(" \n”\"’'»)").endswith("?")


def says_you(text: str, start: int, end: int) -> bool:
    """Whether a questioner's sentence puts the answerer's own words to them ("You said yesterday that ..."): a
    claim that is the answerer's, not a question (which stays the asker's)."""
    return _YOU_SAID.match(text, start, end) is not None and not _asks(text[start:end])


def one_unnamed(cue: Cue | None) -> bool:
    """Whether a cue whose speaker could not be named names one person ("Another said ..."), whom a "he" after
    it may be; a crowd ("Many criticised ...") is no "he"."""
    words = cue.phrase.split() if cue is not None else []
    return cue is not None and (not words or words[0].lower() not in _VAGUE)


def reports_another(cued: Speaker, cue: Cue | None, own: Speaker, text: str, unit: UnitSpan) -> bool:
    """Whether an author's (or turn speaker's) sentence reports a third party rather than their own view.

    "Many say ..." reports somebody the validation refused to name: the sentence is nobody's, not the author's.
    """
    if _AS_SAID.match(text, unit.sentence[0], unit.sentence[1]) is not None or _argues_against(text, *unit.sentence):
        return False  # "As X said, ...": the author agrees; the claim is the author's
    if cue is not None and cue.cue == ":" and own.cue == ":":
        return False  # "Question: Will you ...": a turn's own tag, not a report
    if _asks(text[unit.sentence[0] : unit.sentence[1]]):
        return False  # "Is the truce dead, as the rebels claim?": the asker's question asserts nothing of theirs
    if cue is not None and (_SPEAKER_AND_I.search(cue.phrase) is not None or _author_among(cue.phrase)):
        return False  # "My colleague and I stressed ...", "Many of us said ...": the author is among them
    if cue is not None and _OUR_SIDE.match(cue.phrase) is not None:
        return False  # "Our government considers that ...": the author's side is the author
    performs = _PERFORMS.match(text, unit.sentence[0], unit.sentence[1]) if own.cue != ":" else None
    if performs is not None and _institution(performs["who"]):
        return False  # "The Union urges both sides to ...": a statement's issuer acting in its own name
    if _BUT_OURS.search(text, unit.sentence[0], unit.sentence[1]) is not None:
        return False  # "X declared this long ago, but our partners refuse it": the author sets X against their view
    if cued.attribution is Attribution.UNATTRIBUTED:
        return cue is not None and cue.phrase.split()[0].lower() in _VAGUE
    return cued.name is not None and cued.name != own.name


def states_claim(heading: str) -> bool:
    """Whether a heading is a statement's title stating the statement's claim (the author's, where known)."""
    return ":" in heading and _STATEMENT_TITLE.fullmatch(heading) is not None


_SAID_AT_END = re.compile(
    r",\s+(?:according\s+to\s+[^,]{2,80}|[^,]{2,80}?\s+(?:said|says|told\s+[\w ]{1,30}?|added|stated|announced))"
    r"\s*[.!]?[”\"’]?\s*$"
)
"""A news sentence's closing attribution: "..., his spokesman told reporters.", "..., officials said."."""


def readout_cue(sentence: str) -> Cue | None:
    """The cue of a readout's position ("The leaders agreed that ...", "The Secretary made clear that ..."; "agreed
    to meet" is an act), or None; None too where the sentence ends saying who said it ("The President urges calm,
    his spokesman said."): that source is its speaker, as in any news sentence."""
    found = _READOUT.match(sentence) if "agreed" in sentence or "clear" in sentence else None
    found = found or (_OFFICE_ACTS.match(sentence) if sentence.startswith("The ") else None)
    if found is None or ("," in sentence and _SAID_AT_END.search(sentence, found.end()) is not None):
        return None
    who = re.sub(r"^All\s+(?:of\s+)?[Tt]he", "the", found["who"])  # "All of the leaders" are the leaders
    return Cue(found.start("verb"), who, found["verb"].split()[0])
