"""What a speech or statement reports of other sides, and whom a readout's sentence names.

A speaker's sentence can report another party without a news cue: "We heard the delegate of Northland claim
that ...", "Northland would have us believe ...", "In the words of X, ...", a questioner's "You said ..." put to
the answerer, a readout's "The leaders agreed on ...", a text read out "as agreed by X:". These decide whether a
cued sentence in a speech is the author's own or reported (:func:`reports_another`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import FIRST_PERSON, ORG_HEADS, ROLE_WORDS, words
from claimstance.schema import Attribution, Speaker
from claimstance.segment.cues import Cue
from claimstance.segment.names import office_head, parse_speaker_phrase
from claimstance.segment.sides import side_key
from claimstance.segment.spans import Span, UnitSpan, mask_quotes, quote_spans
from claimstance.segment.turns import after_tag
from claimstance.segment.validate import check_name

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
    r"(?:[Oo]ur|[Mm]y)\s+(?:own\s+)?(?i:government|country|nation|people|party|delegation|side|administration|ministry"
    r"|state|team|position)\b"
    r"|(?:[Tt]hat\s+)?[Tt]his\s+(?:House|Chamber|Parliament|Assembly|Senate|Seanad|Dáil)\b"
)
"""The author's own side: "Our government considers that ...", "My Government remains committed ..." and, in a
debate, "That this House notes ..." (a member's motion; the House the member speaks in) are the author's."""
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
    claim that is the answerer's, not a question (which stays the asker's). A turn's tag heading the sentence
    ("Question: You said ...", "Q: You said ...") is skipped."""
    start = after_tag(text, start, end)
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
    if cue is not None and (own.name or "").startswith("the ") and cue.phrase.startswith("The Chair"):
        return False  # "The Chair recognizes ...": a presiding officer speaks of itself as the Chair
    performs = _PERFORMS.match(text, unit.sentence[0], unit.sentence[1]) if own.cue != ":" else None
    if performs is not None and _institution(performs["who"]):
        return False  # "The Union urges both sides to ...": a statement's issuer acting in its own name
    if _BUT_OURS.search(text, unit.sentence[0], unit.sentence[1]) is not None:
        return False  # "X declared this long ago, but our partners refuse it": the author sets X against their view
    if cued.attribution is Attribution.UNATTRIBUTED:
        return cue is not None and cue.phrase.split()[0].lower() in _VAGUE
    if cued.name is not None and cued.name.isupper() and own.name and side_key(own.name) == cued.name:
        return False  # "The AU reiterates ..." in the African Union's own statement: its acronym, itself
    return cued.name is not None and cued.name != own.name


def states_claim(heading: str) -> bool:
    """Whether a heading is a statement's title stating the statement's claim (the author's, where known)."""
    return ":" in heading and _STATEMENT_TITLE.fullmatch(heading) is not None


_SAID_AT_END = re.compile(
    r",\s+(?:according\s+to\s+[^,]{2,80}|[^,]{2,80}?\s+(?:said|says|told\s+[\w ]{1,30}?|added|stated|announced))"
    r"\s*[.!]?[”\"’]?\s*$"
)
"""A news sentence's closing attribution: "..., his spokesman told reporters.", "..., officials said."."""


# A readout's opening: "Secretary Anna J. Berg spoke today with Northland Prime Minister Karl Olsen." (an initial's
# stop is no sentence's end), after the date line a stored page opens with
_SPOKE_WITH = re.compile(
    r"(?:^|\n)\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?P<a>[A-Z](?:[^.\n]|(?<=\s[A-Z])\.){2,80}?)\s+spoke\s+(?:today\s+|by\s+(?:tele)?phone\s+)?(?:with|to)\s+"
    r"(?P<b>[A-Z](?:[^.,\n]|(?<=\s[A-Z])\.){2,80}?)"
    r"(?:\s+(?:today|tonight|this\s+(?:morning|afternoon|evening)|about|on|to|regarding)\b|[.,])"
)
# Both of them as a sentence's subject, with a verb of their position: "Both leaders reiterated ...", "The Prime
# Minister and the Secretary reviewed ...", "They also welcomed ..." (not "discussed": a topic, no position)
_PAIR_ACTS = re.compile(
    r"(?:(?:Both|The\s+two|The)\s+leaders|The\s+[A-Z][\w ]{2,40}?\s+and\s+the\s+[A-Z][\w ]{2,40}?|They)\s+"
    r"(?:also\s+|further\s+|(?:warmly|fondly)\s+)?(?P<verb>reviewed|reiterated|reaffirmed|affirmed|underscored"
    r"|emphasi[sz]ed|expressed|welcomed|noted|agreed(?!\s+to\s)|committed|recalled)\b"
)
# the same pair closing the sentence: "From trade to security, the partnership was strong, the leaders agreed."
_PAIR_AFTER = re.compile(
    r".*,\s+(?:both|the\s+two|the)\s+leaders\s+(?:also\s+)?(?P<verb>agreed|noted|underscored|reiterated)[.!]?\s*$"
)


def _readout_pair(text: str, at: int | None = None) -> str | None:
    """ "A and B", the two a readout's first lines say spoke with each other, each by the fullest name given; with
    ``at``, only for a sentence there in the paragraph that says so ("They" further on may be anyone named since)."""
    found = _SPOKE_WITH.search(text, 0, 1200)
    if found is not None and at is not None and "\n" in text[found.end() : at]:
        return None
    phrases = [found["a"], found["b"]] if found is not None else []
    pair = [parse_speaker_phrase(phrase) for phrase in phrases]
    # each a person or an office ("The Prime Minister spoke to President-elect Anna Berg")
    if len(pair) != 2 or any(p is None or not (p.person or an_office(p.name)) or check_name(p.name) for p in pair):
        return None
    names = [p.name for p in pair if p is not None]
    # a surname alone keeps its title, as the readout writes it: "Vice President Biden and President Poroshenko"
    written = [n if " " in n or n not in f else f[: f.index(n) + len(n)] for n, f in zip(names, phrases, strict=True)]
    return " and ".join(written)


def readout_cue(sentence: str, text: str = "", at: int = 0) -> Cue | None:
    """The cue of a readout's position ("The leaders agreed that ...", "The Secretary made clear that ..."; "agreed
    to meet" is an act), or None; None too where the sentence ends saying who said it ("The President urges calm,
    his spokesman said."): that source is its speaker, as in any news sentence. In a readout that opens "A spoke
    with B", "Both leaders" / "The two leaders" / "They" (in that paragraph) reiterating are "A and B"; ``at`` is
    where the sentence starts in ``text``."""
    pair = _PAIR_ACTS.match(sentence) if " spoke " in text[:1200] else None
    pair = pair or (_PAIR_AFTER.match(sentence) if " leaders " in sentence and " spoke " in text[:1200] else None)
    loose = pair is not None and " leaders " not in pair.group()  # "They", "The Senate and the Assembly"
    named = _readout_pair(text, at if loose else None) if pair is not None else None
    if pair is not None and named is not None:
        return Cue(pair.start("verb"), named, pair["verb"])
    found = _READOUT.match(sentence) if "agreed" in sentence or "clear" in sentence else None
    found = found or (_OFFICE_ACTS.match(sentence) if sentence.startswith("The ") else None)
    if found is None or ("," in sentence and _SAID_AT_END.search(sentence, found.end()) is not None):
        return None
    who = re.sub(r"^All\s+(?:of\s+)?[Tt]he", "the", found["who"])  # "All of the leaders" are the leaders
    return Cue(found.start("verb"), who, found["verb"].split()[0])


_BREAKS = re.compile(r"\n\s*")


def an_office(name: str) -> bool:
    """Whether a speaker's name is one person's office ("representative of Northland", "Secretary-General")."""
    head = office_head(name.lower().split(), ("of", "for", "at", "from"))
    return head in ROLE_WORDS or head in ("delegate", "official", "diplomat")


def near(text: str, start: int, end: int) -> bool:
    """Whether ``start`` is in the paragraph of ``end`` or the one before it (one break between at most)."""
    return len(_BREAKS.findall(text, start, end)) <= 1


_OWN_POSITION = words(
    "condemns welcomes commends urges deplores applauds reaffirms reiterates supports considers expects regrets"
) | {"calls on", "calls upon", "calls for"}
_WE_OURS = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
# a reporter's verb in the same sentence makes the "we" or "us" the newsroom's: "The EU condemns the attack, a
# spokesman told us", "The Council welcomes the ceasefire, our correspondent reports"
_REPORTED = re.compile(r"\b(?:told|tells|said|says|reports|reported|according\s+to)\b")


def holds_with_us(text: str, start: int, end: int, cue: Cue | None) -> bool:
    """Whether a sentence states a body's present-tense position and says "we" outside its quotation marks ("The
    EU condemns the vote, which we consider illegal"): the speaker speaks as one of that body, in their own
    voice; no report of it."""
    if cue is None or cue.cue not in _OWN_POSITION:
        return False
    masked = mask_quotes(text[start:end], quote_spans(text, start, end), start)
    return _WE_OURS.search(masked) is not None and _REPORTED.search(masked) is None


def outside_quotes_first_person(text: str, sentence: Span, quotes: Sequence[Span]) -> bool:
    """Whether a sentence speaks in the first person outside its quotation marks."""
    if FIRST_PERSON.search(text, max(0, sentence[0] - 1), sentence[1]) is None:
        return False  # no first person at all: nothing to mask
    masked = mask_quotes(text[sentence[0] : sentence[1]], quotes, sentence[0])
    return FIRST_PERSON.search(masked) is not None
