"""Where a speaker's words run: quotations left open across sentences and paragraphs, passages that an
"X said this" claims afterwards (rules 2 and 4 of :mod:`claimstance.segment.speakers`), and a body's release
that runs in its own voice from the first line to the last."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import SELF_STATING_BODIES
from claimstance.schema import Attribution, Speaker, UnitKind
from claimstance.segment.sides import side_key
from claimstance.segment.spans import Span, UnitSpan, quote_spans

QUOTE_MIN_WORDS = 4
"""A quotation of fewer words is a scare quote, not a direct quote."""
OPENING_QUOTE = re.compile(r"[“\"«‘']{1,2}\S")
# A paraphrase states or judges ("is", "will", "must"): a sentence without such a word tells an event
_STATES = re.compile(r"\b(?:is|are|has|have|will|would|can|could|must|should|may|might|cannot|won['’]t)\b")


def mostly_quote(text: str, span: Span, quotes: Sequence[Span]) -> bool:
    """Whether the sentence ``span`` is a direct quote: a quotation of some words, wholly quoted, or left open."""
    if not quotes:  # most sentences: only a quotation left open can make them one
        return OPENING_QUOTE.match(text, span[0], span[1]) is not None
    if any(len(text[a:b].split()) >= QUOTE_MIN_WORDS for a, b in quotes if a >= span[0] and b <= span[1]):
        return True
    if any(a == span[0] and b >= span[1] - 1 for a, b in quotes):
        return True  # '"It is illegal."': a whole sentence in quotation marks, however short
    # An opening mark with no closing one: news style leaves a quotation open to the paragraph's end.
    return OPENING_QUOTE.match(text, span[0], span[1]) is not None and not any(a == span[0] for a, _ in quotes)


# 'X said, "' / 'X said: "': a quotation a reporting verb opens in mid-paragraph (not a scare quote's 'the "plan')
_SAID_OPENS = re.compile(r"[,:]\s*[“\"]\S")
_SAID_BEFORE = re.compile(r"[,!?][”\"]\s+(?:said|says|added|stated)\s[^.!?\n“”\"]{2,60}[.!?]\s+$")
_CLOSED_LATER = re.compile(r"[^“”\"\n]{10,400}?[.!?][”\"][ \t]*(?:\n|$)")
_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪●][ \t]+)?")


def inside_open_quote(text: str, start: int) -> bool:
    """Whether a sentence starting at ``start`` lies inside a quotation opened earlier in its paragraph and not
    closed before it ('"The team leaves today. It will stay a month.': the second sentence is quoted too), at the
    paragraph's start or after a reporting verb's comma or colon ('X said, "The team leaves today. It ...')."""
    opened = text.rfind("\n", 0, start) + 1
    bullet = _BULLET.match(text, opened)  # "  • “The vote ...": the quotation opens after a list's bullet
    opened = bullet.end() if bullet is not None else opened
    if start <= opened:
        return False
    if not _unbalanced(text[opened:start]):  # '"... people," said X. Elections are key."': its opening mark left out
        return _SAID_BEFORE.search(text, opened, start) is not None and _CLOSED_LATER.match(text, start) is not None
    return OPENING_QUOTE.match(text, opened) is not None or _SAID_OPENS.search(text, opened, start) is not None


def give_back(
    text: str, units: Sequence[UnitSpan], speakers: list[Speaker], i: int, narrator: Speaker, trailing: bool = False
) -> None:
    """ "... X said this": X's are the sentences before it in its paragraph that were left to the outlet; when
    it opens its paragraph, a quotation in the paragraph before ('"A. B." / That is what X said.'). A trailing
    "..., X said." (``trailing``) gives back only the sentences before it that state or judge, and only when it
    closes its paragraph: news paraphrases a speaker for a few sentences and names them at the end."""
    if trailing and i + 1 < len(units) and units[i + 1].paragraph == units[i].paragraph:
        return
    j = i - 1
    while j >= 0 and units[j].paragraph == units[i].paragraph and units[j].kind is UnitKind.CLAIM:
        if speakers[j] != narrator:
            return
        if trailing and _STATES.search(text, units[j].start, units[j].end) is None:
            return  # "Police fired tear gas on Monday. ..., police said.": an event told, the outlet's narration
        speakers[j] = speakers[i].model_copy(update={"attribution": Attribution.REPORTED})
        j -= 1
    if (
        trailing
        or j < 0
        or j != i - 1
        or units[j].kind is not UnitKind.CLAIM
        or not OPENING_QUOTE.match(text, units[j].start)
    ):
        return
    paragraph = units[j].paragraph
    while j >= 0 and units[j].paragraph == paragraph and speakers[j] == narrator:
        speakers[j] = speakers[i].model_copy(update={"attribution": Attribution.DIRECT_QUOTE})
        j -= 1


def _unbalanced(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end (a single one only where it opens ``text``,
    "‘It’s four elections now. ...": a ’ is mostly an apostrophe, so the pairing tells)."""
    if text[:1] == "‘" and not any(a == 0 for a, _ in quote_spans(text)):
        return True
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _paragraph_back(units: Sequence[UnitSpan], i: int) -> list[int]:
    """Unit ``i`` and the units before it in its paragraph, last first."""
    found = [i]
    while found[-1] > 0 and units[found[-1] - 1].paragraph == units[i].paragraph:
        found.append(found[-1] - 1)
    return found


def opened_before(text: str, units: Sequence[UnitSpan], i: int) -> list[int]:
    """The units inside a quotation that opened before unit ``i`` and closes in it, where ``i`` names the
    speaker after the quote ('"A. B," X said.'), also back over paragraphs that news style leaves open ('"A.' /
    '"B," X said.'): the quotation's earlier sentences are X's."""
    para = _paragraph_back(units, i)
    first = para[-1]
    start = units[i].sentence[0]
    if _unbalanced(text[units[first].start : start]):
        inside: list[int] = []
        for j in para[1:]:  # back to the sentence that opened the quotation
            inside.append(j)
            if _unbalanced(text[units[j].start : start]):
                return [k for k in inside if units[k].kind is UnitKind.CLAIM]
        return []
    if start != units[first].start or not OPENING_QUOTE.match(text, start):
        return []
    given: list[int] = []
    j = first - 1
    while j >= 0 and units[j].kind is UnitKind.CLAIM:
        paragraph = _paragraph_back(units, j)
        top = paragraph[-1]
        if not (OPENING_QUOTE.match(text, units[top].start) and _unbalanced(text[units[top].start : units[j].end])):
            break
        given.extend(k for k in paragraph if units[k].kind is UnitKind.CLAIM)
        j = top - 1
    return given


_VOICE_VERBS = (
    r"understands|considers|calls\s+(?:up)?on|stands\s+(?:by|with|ready)|expects|welcomes|condemns|urges|reiterates"
    r"|reaffirms|applauds|supports|encourages|deplores|commends|recogni[sz]es|regrets|remains|expresses|is\s+(?:deeply\s+)?"
    r"(?:concerned|committed|confident)"
)
# "The United States Embassy understands ...", "The Council considers ...": a body naming itself as the subject
# of a present-tense verb of position, at the start of a sentence or after a dateline's dash
_SELF_NAMED = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n|\s[–—-]\s|\d\.\s*)The\s+(?P<who>(?:[A-Z][\w.'’&-]*\s+){0,5}"
    rf"(?:{SELF_STATING_BODIES}|Office|Administration|Union)|EU)\s+(?:(?:also|again|strongly|firmly|fully|warmly)\s+)?(?:"
    + _VOICE_VERBS
    + r")\b"
)
# "We urge ...", "we remain concerned": the body's "we" with a verb of position (not an editorial's "we think", nor a
# cookie banner's "we use cookies")
_WE = re.compile(
    r"(?:^|\s)[Ww]e\s+(?:(?:also|again|strongly|firmly|fully|will|continue\s+to)\s+)?(?:understand|consider"
    r"|call\s+(?:up)?on|stand\s+(?:by|with|ready)|expect|welcome|condemn|urge|reiterate|reaffirm|applaud|support"
    r"|encourage|deplore|commend|recogni[sz]e|regret|remain|are\s+(?:deeply\s+)?(?:concerned|committed|confident))\b"
)

# a first person singular with its verb ("I would like", "I've said"), not a numeral ("Title I of the Act")
_I = re.compile(r"(?<![\w.-])I(?:\s+(?!of\b|and\b|or\b|to\b|in\b)[a-z]|['’](?:m|ve|d|ll)\b)")


def release_voice(text: str) -> Speaker | None:
    """The body whose release ``text`` is, when the body speaks in its own voice: it names itself as the subject
    of a present-tense verb of position ("The Embassy understands ...", "The Council considers ...") and says
    "we" with a verb of position ("We urge ..."), with no quotation of anyone else; else None. News reports a
    body in the past tense ("the embassy said"); an editorial's "we think" and a cookie banner's "we use
    cookies" are not the body's "we"."""
    if (opening := _opening_voice(text)) is not None:
        return opening
    if '"' in text or "“" in text or "«" in text:
        return None  # a quotation: the release quotes someone, its words are not all one voice
    named = [m["who"] for m in _SELF_NAMED.finditer(text)]
    if not named or len({side_key(name) for name in named}) > 1:
        return None  # two bodies; "The European Union welcomes ... The EU reiterates ...": one, by its fullest name
    if _WE.search(text) is None:
        return None  # a news item on a body's meeting, an editorial's "we think": not the body's own "we urge"
    if _I.search(text) is not None:
        return None  # "I would like to make four points": a person's speech, "The EU condemns" in their words
    return Speaker(name=max(named, key=len), attribution=Attribution.AUTHOR)


_OPENING = re.compile(
    rf"\s*The\s+(?P<who>(?:{SELF_STATING_BODIES}|Office)(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*){{1,4}}){{0,2}})\s+(?:"
    + _VOICE_VERBS
    + r")\b"
)
"""A body's comment that opens with itself and a present-tense verb of position: "The Ministry of Foreign Affairs
of Northland expresses its regret ...", "The Embassy of Southland welcomes ..."."""
_ANY_WE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
_TWO_SENTENCES = re.compile(r"[.!?][”\"’]?\s+[A-Z“\"]")


def _opening_voice(text: str) -> Speaker | None:
    """The body a page's text opens with as the subject of its own position, on a first line that is a paragraph
    of two sentences or more (a page with no headline: a headline "The Council welcomes the deal" is one line of
    one sentence and is no comment's opening), with no "I" anywhere (a person's speech); else None. Quotations
    below it stay their speakers' (cues); the rest is the body's. A "we" that is no body's position ("We think its
    ministers should ...": an editorial's) or the body in the past tense later ("The Council took note ...": a
    report) make it no comment."""
    opening = _OPENING.match(text)
    if opening is None or _I.search(text) is not None or (_ANY_WE.search(text) and _WE.search(text) is None):
        return None
    past = re.compile(rf"\b[Tt]he\s+{re.escape(opening['who'])}\s+(?:\w+ed|said|told|took|met|held|gave|made)\b")
    if past.search(text) is not None:
        return None
    line = text[: text.find("\n", opening.end()) if "\n" in text[opening.end() :] else len(text)]
    return Speaker(name=opening["who"], attribution=Attribution.AUTHOR) if _TWO_SENTENCES.search(line) else None
