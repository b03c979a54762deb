"""Headlines' speakers: "X: claim", "claim: X", and "X says / urges / rejects ..." in any case."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import AGENCY_WORDS, ORG_HEADS, TRANSCRIPT_HEADER, words
from claimstance.segment.clauses import a_noun
from claimstance.segment.cues import SPEECH_VERBS, STANCE_VERBS, Cue
from claimstance.segment.names import is_name_token, is_plain
from claimstance.segment.subjects import trim_np
from claimstance.segment.validate import check_name

_HEADLINE_LABELS = words(
    """note update photo photos video watch opinion analysis editorial exclusive breaking interview live comment read
    related source sources tag tags politics economy society world sport sports culture region official important
    warning press release explainer timeline factbox factfile fact check profile review feature insight briefing
    obituary podcast listen map graphic quiz recap question answer"""
)
_FEELINGS = words("concerned troubled alarmed saddened dismayed")
"""What a release's headline says its subject is, dropping the "is": "Northland concerned by ..."."""
# headlines write the plural present without "that": "Separatists Claim 89 Percent Voted for Independence"
_HEADLINE_VERB = re.compile(
    rf"\b(?i:{SPEECH_VERBS}|{STANCE_VERBS}|slams|slammed|claim|warn|insist|deny|reject|urge|demand|accuse|vow"
    r"|slam|condemn|welcome|dismiss|regrets|expresses|express|stands\s+by"
    # the present a headline writes where the body has the past: "Opposition Alleges Fraud", "X Congratulates Y"
    # (not "promises", "highlights", "declares": "Storm Promises Rain", "Museum Highlights Coins" say nothing)
    r"|alleges|congratulates|congratulate|confirms|pledges|reaffirms|underlines|cautions|disputes|decries"
    # a release's headline drops the "is": "Northland concerned by Southland's latest measures"
    rf"|(?:deeply\s+)?(?:{'|'.join(sorted(_FEELINGS))})\s+(?:by|about|over|at))\b"
)
_HEADLINE = re.compile(r"([^:]{2,60}):\s+\S")
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")
_LABEL = re.compile(
    r"(?i:video|photo|photos|watch|update|updated|breaking|exclusive|press\s+release|statement|opinion|analysis)"
    r"\s*:\s*"
)
_TRAILING_SPEAKER = re.compile(r"(?::|\s[-–—])\s+(?P<who>[^:\-–—]{2,40})$")  # "...: Southland FM", "... - Anna Berg"
_FULL_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}")
_OUTLET_HEADS = AGENCY_WORDS | words(
    "times post news herald journal mail telegraph guardian independent express tribune gazette observer monitor"
    " standard chronicle daily weekly online"
)
"""Last words of a newspaper's name: "Headline - Sunday Times" is how a page titles itself, no speaker."""
_SUBJECT_ADVERBS = re.compile(r"\s+(?:once\s+again|again|also|still|now|too)$")
_SAYS_AFTER_TOPIC = re.compile(
    r"\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?P<verb>(?i:says|said|tells|told|warns|claims|insists))\s"
)
_TRANSCRIPT_AFTER = re.compile(rf":\s+(?i:{TRANSCRIPT_HEADER})\s+(?:by|of|from)\b")
# "Anna Berg, NLP: 5,574,761 votes", "Voter turnout: 37%": a label and its figure, as in a list of results
# (each run of blanks is read once, possessively: four optional runs in a row backtracked for minutes on a long line)
_FIGURE_AFTER = re.compile(
    r":\s+\d[\d,.]*(?:\s\d[\d,.]*)*+(?:\s*+(?:%|(?:per\s*cent|percent|votes?|seats?)\b))?\s*+"
    r"(?:[,;(]|representing\b|\.?\s*$)"
)


def headline_colon(line: str) -> int | None:
    """Where the colon of an "X: claim" headline is, if the part before it names a speaker; else None."""
    m = _HEADLINE.match(line)
    if not m:
        return None
    prefix = m.group(1).strip()
    tokens = prefix.split()
    if not 1 <= len(tokens) <= 5:
        return None
    if not all(is_name_token(t) or is_plain(t) or _ABBREVIATION.fullmatch(t) for t in tokens):
        return None
    if is_plain(tokens[-1]) and not _role_of_someone(tokens) and tokens[-1].lower() not in ORG_HEADS:
        return None
    if len(tokens) == 1 and (tokens[0].lower() in _HEADLINE_LABELS or line.rstrip().endswith(".")):
        return None  # "Turnout: 37%." is a label and a figure, not a surname's headline
    if tokens[0].lower() in _HEADLINE_LABELS:
        return None
    rest = line[m.end(1) + 1 :].split()
    if len(tokens) == 1 and len(rest) >= 4 and sum(w[:1].isupper() for w in rest) >= 0.8 * len(rest):
        return None  # "Northland: Border Residents Continue Vote": a topic before a title-case headline
    if line[m.end(1) + 1 : m.end(1) + 3].strip()[:1].isdigit() and _FIGURE_AFTER.match(line, m.end(1)) is not None:
        return None
    if _TRANSCRIPT_AFTER.match(line, m.end(1)) is not None:
        return None  # "Northland: Statement by the Spokesperson on ...": a topic before a transcript's header
    return m.end(1)


def _role_of_someone(tokens: Sequence[str]) -> bool:
    """ "Armenian FM", "Azerbaijani President": a place and an office name the office's holder."""
    return len(tokens) >= 2 and tokens[-1].lower() in ("fm", "president", "pm", "minister", "premier")


def headline_cue(line: str) -> Cue | None:
    """The speaker of a headline: "X: claim", "claim: X", or "X says / urges / rejects ..." in any case."""
    label = _LABEL.match(line)
    line = line[label.end() :] if label else line  # "Video: ...", "PRESS RELEASE : ..."
    colon = headline_colon(line)
    topic = _SAYS_AFTER_TOPIC.match(line, colon + 1) if colon is not None and " " not in line[:colon] else None
    if colon is not None and topic is not None:  # "Southland: Northland says ...": a topic, then the speaker
        return Cue(topic.start("verb"), topic["who"], topic["verb"].lower())
    if colon is not None:
        return Cue(0, line[:colon], ":")
    trailing = _TRAILING_SPEAKER.search(line)
    who = trailing["who"].strip() if trailing is not None else ""
    dashed = trailing is not None and not trailing.group().startswith(":")
    person = dashed and _FULL_NAME.fullmatch(who) is not None and not any(is_plain(t) for t in who.split())
    person = person and who.split()[-1].lower() not in _OUTLET_HEADS
    if trailing is not None and (_role_of_someone(who.split()) or person):  # "... - Anna Berg"
        return Cue(trailing.start(), who, ":")
    verb = next((v for v in _HEADLINE_VERB.finditer(line) if not a_noun(line, v.start())), None)
    if verb is None or verb.start() == 0:
        return None
    subject = line[: verb.start()].strip()
    if subject.endswith(","):  # "Treaty 'a betrayal', says opposition": the speaker follows the verb
        after = trim_np(line[verb.end() :].strip())
        if after and check_name(after) is None:
            return Cue(verb.start(), after, verb.group().lower())
        subject = subject.split(",")[0]  # "Chamber Speaker, with Eye on Youth, Vows to ...": the speaker before
    subject = _SUBJECT_ADVERBS.sub("", subject)  # "US again calls for ..."
    dropped_is = verb.group().split()[0].lower() in _FEELINGS | {"deeply"}
    if dropped_is and any(t[:1].islower() for t in subject.split()):
        return None  # "Prices rise as traders grow concerned about supply": no one's dropped "is"
    if len(subject.split()) > 6 or not subject[:1].isupper():
        return None
    # "NORTHLAND SPOKESMAN SLAMS ...": a headline in capitals tells no name from a word; the body has to
    capitals = subject.isupper() and (" " in subject or line.isupper())
    return Cue(verb.start(), subject, verb.group().lower(), capitals=capitals)
