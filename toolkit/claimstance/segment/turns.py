"""Turns: whose own words run on over several units. A transcript tag's ("SECRETARY KERRY:", "QUESTION:", and
mixed-case tags a page repeats: "Question:", "Anna Berg:") until the next tag, an "X said:" block's until the
next heading (a list's until the list ends), and an editor's "[X, speaking at ...]" tag's to the paragraph's end."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from claimstance.lexicon import is_honorific, words
from claimstance.schema import Attribution, Speaker
from claimstance.segment.names import NameIndex, parse_speaker_phrase
from claimstance.segment.spans import TURN_LABEL, UnitSpan

_SPEAKING_TAG = re.compile(
    r"[\[(](?P<who>[A-Z][^,\])]{1,40}),\s*(?:speaking|said|says|talking|addressing)\b[^\])]*[\])]"
)
_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪●]|\d{1,2}[.)])[ \t]+")
_STAGE_HEADING = re.compile(r"[\[(][^\])]{1,60}[\])]")
_TURN_NOUNS = {"question": "questioner", "q": "questioner", "questions": "questioner"}
# "Question: ...", "Anna Berg: ...": a tag at a line's start, in mixed case (capitals are headings of their own)
_LINE_TAG = re.compile(r"^([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE)
_MEMO_LABELS = words("from to date subject re cc bcc source note contact media photo release embargo update end")
_ASKING = frozenset(["question", "q", "journalist", "reporter", "interviewer"])


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


def heading_turn(unit: UnitSpan, text: str, index: NameIndex, author: Speaker | None, turn: Turn | None) -> Turn | None:
    """The turn after a heading: a tag opens one, a stage direction keeps it, any other heading ends a block."""
    heading = text[unit.start : unit.end]
    if TURN_LABEL.fullmatch(heading) or heading == "Q":
        speaker = turn_speaker(heading.removesuffix(":"), index, author)
        return Turn(speaker, "tag", unit.paragraph) if speaker is not None else None
    tag = _SPEAKING_TAG.fullmatch(heading)
    if tag is not None:
        parsed = parse_speaker_phrase(tag["who"])
        entry = index.resolve(parsed) if parsed is not None and parsed.person else None
        if entry is not None:
            return Turn(
                Speaker(name=entry[0], role=entry[1], attribution=Attribution.DIRECT_QUOTE), "paragraph", unit.paragraph
            )
    if turn is not None and turn.scope == "block" and not _STAGE_HEADING.fullmatch(heading):
        return None
    return turn


def turn_speaker(label: str, index: NameIndex, author: Speaker | None) -> Speaker | None:
    """The speaker a transcript tag names: "SECRETARY KERRY" -> John Kerry, "QUESTION" -> questioner."""
    words = label.split()
    if words in (["A"], ["ANSWER"]) and author is not None:  # an interview's answer: the interviewee's
        return author.model_copy(update={"cue": ":"})
    if len(words) == 1 and words[0].lower() in _MEMO_LABELS:
        return None  # "FROM:", "SUBJECT:": a memo's or a release's header, nobody's turn
    if len(words) == 1 and (words[0].lower() in _TURN_NOUNS or not index.knows(_as_written(words[0], index.text))):
        noun = _TURN_NOUNS.get(words[0].lower(), words[0].lower())
        return Speaker(name=noun, attribution=Attribution.AUTHOR, cue=":")
    phrase = " ".join(w if is_honorific(w) and len(w) <= 3 else _as_written(w, index.text) for w in words)
    parsed = parse_speaker_phrase(phrase)
    entry = index.resolve(parsed) if parsed is not None else None
    if entry is None:
        return None
    return Speaker(name=entry[0], role=entry[1], attribution=Attribution.AUTHOR, cue=":")


def recurring_tags(text: str) -> frozenset[str]:
    """The mixed-case tags that open two lines or more of a page ("Question:", "Anna Berg:"): an interview or a
    press conference's turns. A tag used once is a headline's "X: claim" or a label."""
    if ":" not in text:
        return frozenset()
    counts = Counter(m[1] for m in _LINE_TAG.finditer(text) if not m[1].isupper())
    return frozenset(tag for tag, n in counts.items() if n >= 2)


def line_tag(text: str, start: int, tags: frozenset[str]) -> str | None:
    """The recurring tag that opens the line at ``start``, if any."""
    m = _LINE_TAG.match(text, start) if start == 0 or text[start - 1] == "\n" else None
    return m[1] if m is not None and m[1] in tags else None


def tag_speaker(tag: str, index: NameIndex, author: Speaker | None) -> Speaker | None:
    """Whose turn a recurring tag opens: the questioner's ("Question", "Journalist"), the interviewee's ("A"), or
    a person's the text names in full ("Berg" -> "Anna Berg"); None for any other tag ("Photo", "Northpress")."""
    if tag.lower() in _ASKING:
        return Speaker(name="questioner", attribution=Attribution.AUTHOR, cue=":")
    if tag in ("A", "Answer"):
        return author.model_copy(update={"cue": ":"}) if author is not None and author.name else None
    parsed = parse_speaker_phrase(tag)
    entry = index.resolve(parsed) if parsed is not None and parsed.person else None
    if entry is None or " " not in entry[0]:
        return None
    return Speaker(name=entry[0], role=entry[1], attribution=Attribution.AUTHOR, cue=":")


def _as_written(word: str, text: str) -> str:
    """A tag's word in capitals as the text writes it elsewhere ("MCCORMACK" -> "McCormack"), else title case."""
    titled = word.title()
    if titled in text or not word.isupper():
        return titled
    for m in re.finditer(re.escape(word), text, re.IGNORECASE):
        if not m.group().isupper():
            return m.group()
    return titled
