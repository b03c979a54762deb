"""Reporting cues: where a sentence says who speaks, and the noun phrase that names the speaker.

Cues, outside quotation marks: "X said / told Y / noted / ...", "..., said X", "according to X", "a statement
by X", "X said in a statement", "X quoted Y as saying" (Y speaks), stance verbs that report a position ("X
rejected / urged / accused / called for ..."), a progressive "X is saying / is urging" (a headline's "X: claim"
or "claim: X": :mod:`claimstance.segment.headlines`). :mod:`claimstance.segment.subjects` cuts the phrase where
the noun phrase ends; :mod:`claimstance.segment.names` splits it into name and role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from claimstance.lexicon import by_first_letter, words
from claimstance.segment import clauses, subjects
from claimstance.segment.issuers import joint_issuers
from claimstance.segment.names import BE, PRONOUNS, parse_speaker_phrase, strip_article
from claimstance.segment.signed import signature
from claimstance.segment.spans import Span, mask_quotes
from claimstance.segment.subjects import ends_with_name, subject_before, trim_np
from claimstance.segment.validate import LOOSE_PREPOSITIONS, check_name

SPEECH_VERBS = (
    r"said|says|say|told|tells|noted|notes|added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined"
    r"|underscored|stated|states|wrote|writes|concluded|described|recogni[sz]ed|recogni[sz]es|expressed|declared"
    r"|announced|announces|claimed|claims|argued|argues|insisted|insists|warned|warns|explained|pointed\s+out"
    r"|reiterated|reiterates|affirmed|confirmed|believes|reported|asserted|urged|urges|denied|denies|criticized"
    r"|criticised|condemned|welcomed|praised|was\s+quoted\s+as\s+saying|saying|urging|insisting|warning|claiming|reads"
    r"|assured|promised|pledged|acknowledged|admitted|alleged|highlighted|reaffirmed|replied|answered|maintained"
    r"|maintains|regretted|lamented|predicted|predicts|conceded|concedes|retorted|remarked|cautioned"
    r"|contended|contends|opined|read(?=:)|put\s+it(?=\s*[,:])|tell|tweeted|posted(?=\s+on\s)"
    r"|consider(?=\s+(?:these|those|the|this|that|it|them)\b[^.,;:]{0,80}?\s+to\s+be\s)"  # "Experts consider X to be"
    # "X informed the Vice President that ...": the one who informs reports (not "informed voters of the hours")
    r"|informed(?=\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+that\b)"
    # verbs that report only with a "that" clause: "X agreed that ..." (not "both sides agreed to accept"),
    # "X observed that ..." (not "observers observed the vote"), "X recalled that ..." (not "recalled its envoy")
    r"|(?:agreed|agrees|observed|indicated|signalled|signaled|hinted|revealed|disclosed|estimated|felt|believed"
    r"|believe|think|thinks|considers|consider|considered|objected|responded|clarified|specified|informed"
    r"|mentioned|feared|fears|hoped|hopes|doubted|doubts|charged|repeated|forecast|speculated|recalled|recalls"
    r"|reminded|reminds|countered|commented|reports|claim|argue|insist|maintain|allege|assert|contend|warn|convinced"
    r"|confident|certain|concerned|worried|regretting|determined|ruled|feels"
    # "the Foreign Minister made it clear that ...": a position stated, as "said that" (not "made clear our aims")
    r"|made\s+(?:it\s+)?(?:very\s+|quite\s+|abundantly\s+|absolutely\s+)?clear)(?=\s+that\b)"
)
# "X is convinced that ...": an adjective of conviction after "is", like a progressive's participle
_SAYING = re.compile(r"said|says|told|tells|stated|added|noted|explained")
_CONVICTION = words("convinced confident certain concerned worried")
# Verbs of stance-taking: "X rejected the proposal" reports X's position as much as "X said".
STANCE_VERBS = (
    r"rejected|rejects|accused|accuses|blamed|blames|demanded|demands|denounced|denounces|vowed|vows"
    r"|called\s+(?:on|for)|calls\s+(?:on|for)|congratulated|suggested|suggests|complained|complains|proposed"
    r"|threatened|threatens|hailed|hails|dismissed|dismisses|rejecting|(?:(?<=statement\s)|(?<=resolution\s)|(?<=letter\s))condemning|accusing|demanding|complaining|scoffed"
    r"|thanked|thanks|asked\s+for|pointed\s+to|stating|noting|adding|stressing|slammed|slams|blasted|blasts|blaming|alleging|disputing"
    r"|calling\s+(?:on|for)|condemns|welcomes|praises|criticizes|criticises|hopes|insists?\s+on"
    # "Opposition candidates are challenging the results": a position on the outcome, not "a challenging year";
    # "contesting the election" is running in it, so "contesting" takes only a result or a count
    r"|(?:(?<=\bare\s)|(?<=\bis\s))(?:challenging(?=\s+(?:the\s+)?(?:official\s+|provisional\s+)?"
    r"(?:results?|outcome|vote|election|count|tally))|contesting(?=\s+(?:the\s+)?(?:official\s+|provisional\s+)?"
    r"(?:(?:election\s+|vote\s+)?results?|outcome|count|tally)))"
    # "X refused to recognize the elections": a position on the vote, not on a state ("... as independent")
    r"|(?:refused|refuses|refusing)\s+to\s+recogni[sz]e(?=\s+(?:the\s+|these\s+|those\s+)?(?:[\w'’-]+\s+)?"
    r"(?:results?|outcome|votes?|elections?|polls?|ballots?)\b)"
    r"|lambasted|cited|ruled\s+out|rules\s+out|downplayed|played\s+down|voiced|voices|raised\s+concerns?"
    # a release's verbs of position: "The Council deplores ...", "The embassy calls upon ...", "took note of"
    r"|asked(?=\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s+to\s+[a-z\"“\x00])"  # "asked the government to"
    r"|decried|decries|applauds|applauded|deplores|deplored|commends|commended|calls\s+upon|called\s+upon"
    # "has encouraged the presidents of both countries to talk": a position on what others should do (not a
    # feeling: "felt encouraged enough to run", "was encouraged by the figures to buy")
    r"|(?<!\bfelt\s)(?<!\bfeel\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bfeels\s)"
    r"encouraged(?=\s+(?:[\w'’-]+\s+){1,6}?to\s+[a-z])"
    # "took note of the report / that ...", not "took note of the time"
    r"|(?:took|takes)\s+note(?=\s+(?:with\s+\w+\s+)?(?:that\b|of\s+(?:\S+\s+){0,5}?(?:statements?|reports?|decisions?"
    r"|announcements?|remarks|proposals?|resolutions?|concerns?|progress|efforts?|results?|outcome|conclusions"
    r"|recommendations|plans?|requests?|letters?|commitments?|declarations?|steps?|dates?|elections?|votes?"
    r"|agreements?|situation|developments?|work|views?|positions?)\b))"
    # "expects all parties / Southland to ...": what a body asks of others; not a forecast ("expects inflation to
    # fall"). "understands the concerns of": not a newsroom's "understands the minister will resign" (its reporting)
    r"|expects(?=\s+(?:all\s+|both\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*|parties|sides|states|governments?|authorities"
    r"|leaders|everyone)\b)|understands(?=\s+(?:illegitimate|illegal|unacceptable"
    r"|the\s(?!(?:[\w'’-]+\s+){1,4}(?:will|would|has|had|have|is|was|are|were|could|may|might|plans|intends)\b)))"
    # "considers the vote illegitimate / a step": a judgement; not a house's "considers the bill this week"
    r"|considers(?=\s+(?:illegitimate|illegal"
    r"|unacceptable|the\s+(?:[\w'’-]+\s+){1,4}(?:an?|to\s+be|(?:il)?legitimate|(?:il)?legal|(?:in)?valid"
    r"|unacceptable|credible|fair|free|essential|important|vital)\b))"
    r"|(?:called|calls|calling)(?=\s+(?:it|this|that|them)\s|\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+[\"“‘«])"
)
OWN_VOICE = frozenset(
    ("applauds", "deplores", "commends", "calls upon", "takes note", "expects", "considers", "understands")
)
"""Present-tense verbs of position a body or a speaker uses of itself: in a statement, the author's own voice
("The United Kingdom commends ...", "Egypt expects ..."), never a report of another party."""
_TRIGGER_WORDS = by_first_letter(  # grouped: a search tries a few branches at each word, not all of them
    rf"{SPEECH_VERBS}|{STANCE_VERBS}|[Aa]ccording|statement|release|readout|communiqu|quoted|continued"
    r"|mentioned|recalled|quote|deemed|judged"
)
TRIGGER = re.compile(rf"\b(?:{_TRIGGER_WORDS})\b")
"""Any word a cue needs: a sentence without one has no cue."""
_PARTICIPLE = re.compile(r",\s*(?:also\s+)?$")
# "..., announced by the Foreign Secretary today": a passive with its agent.
# "The result has been rejected by challenger Karl Olsen", 'The vote was deemed "fair" by observers': a stance in the
# passive, with its agent. Not a vote, a margin or a means: "rejected by a vote of 52 to 48", "by a wide margin",
# "criticised by name", "welcomed by phone".
_BY_AGENT = re.compile(
    r"\b(?:announced|said|stated|confirmed|declared|reported|denied|rejected|disputed|condemned|critici[sz]ed"
    r"|welcomed|(?:deemed|judged|described\s+as)\s+[“\"«]?\x00+[”\"»]?)\s+by\s+(?=[A-Za-z])"
    r"(?!(?:an?\s+|the\s+)?(?:(?:wide|narrow|large|slim|clear|big|huge|overwhelming|two-thirds|simple)\s+)?"
    r"(?:votes?|margin|majority|name|(?:tele)?phone|video|letter|e-?mail|mail|decree|acclamation|show\s+of\s+hands)\b)"
)
_VERB = re.compile(rf"\b(?<!-)(?:{by_first_letter(f'{SPEECH_VERBS}|{STANCE_VERBS}')})\b")  # not "self-declared"
_INVERTED = re.compile(
    r"(?:^|[,\x00”\"»:]\s*(?:[-–—]\s*)?)(said|says|added|noted|stressed|wrote|continued|concluded|explained"
    r"|insisted|warned|emphasi[sz]ed|(?<=[”\"»]\s)read)\s+(?=\S)"
)
# "Northland rejected the plan, Foreign Minister Anna Berg said on Monday.": the verb that ends the sentence
# after a comma says whose the whole sentence is, whatever verb the reported clause has.
_TRAILING_SAY = re.compile(
    r",\s*[^,\x00]{2,80}?\s(?:also\s+)?(said|says|added|adds|noted|stressed|stated|told(?:\s+[A-Z][\w.]*){1,4}"
    r"|told\s+(?:reporters|journalists|the\s+press)|wrote|explained|insisted|argued|claimed)"
    r"(?:\s+(?:on|in|at|during|after|before|late|earlier|later|today|yesterday|this|last)\b[^,\x00]{0,50})?[.!?]?\s*$"
)
_TRAILING_WORDS = words("said says told add noted stat stressed wrote explained insisted argued claimed")
# Layered sourcing goes to the innermost speaker: "X told Y that President Z had said ...": Z.
_INNER_SAY = re.compile(
    r"\bthat\s+(?P<who>(?:[A-Z]|the\s)[^,;:\x00]{1,60}?)\s+(?:had\s+|has\s+|have\s+)?(?:said|told|stated|announced"
    r"|declared|claimed|warned)\b"
)
# "Northpress was informed by the press service of the President that ...": the press service reports.
# "Karl Olsen was quoted by Northpress as saying ...": Olsen, the subject, speaks; Northpress only reports.
_QUOTED_BY = re.compile(r"\s(?:was|were|is|are)\s+(?:quoted|cited)\s+by\s+[^,;:\x00]{2,60}?\s+as\s+saying\b")
_INFORMED_BY = re.compile(r"\b(?:was|were|has\s+been|had\s+been)\s+(?:informed|told)\s+(?:from|by|at)\s+")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
# "In his words, ...", "In the opinion of the commission, ...": an "according to" by other words.
_IN_WORDS = re.compile(r"\b[Ii]n\s+(?:(?P<pronoun>his|her|their|its)\s+|the\s+)(?:words|view|opinion)\b(?:\s+of\s+)?")
_PRONOUN_OF = {"his": "he", "her": "she", "their": "they", "its": "it"}
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
# "Let me quote the Southland foreign minister: ..." in a speech: the quotation is the minister's
_QUOTE_LEAD = re.compile(
    r"\b(?:[Ll]et\s+me\s+|I\s+(?:will\s+|would\s+like\s+to\s+)?)quote\s+(?P<who>[^:,;\x00]{2,60}?)\s*:"
)
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^.;:\x00]{2,80}?)\s+as\s+say(?:ing|s)\b")
_STATEMENT_BY = re.compile(
    r"\b(?:joint\s+)?(?:statement|press\s+release|readout|communiqu[eé])\s+(?:(?:issued|released|published)\s+)?"
    r"(?:by|of|from)\s+"
)
_IN_A_STATEMENT = re.compile(r"\s+in\s+(?:a|an|the|its|his|her|their)\s+(?:joint\s+)?statement\b")
# "according to a statement by X", "according to the latest figures from X", "according to preliminary results
# released by X": X
_DOCUMENT_BY = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:(?:joint|latest|new|official|preliminary|final|recent|initial)\s+){0,2}(?:statement|report"
    r"|press\s+release|readout|information|figures|data|results|estimates|survey|poll|census)\s+"
    r"(?:(?:issued|released|published|compiled|conducted)\s+)?(?:by|of|from)\s+"
)
_TRAILING_TITLE = re.compile(r",\s*([^,;:!?\x00]+?)[.!?]?\s*$")
# "That is what the minister told reporters.": the sentence sums up the quotation before it, like "X said this".
_SUMMING = re.compile(r"\s*(?:That|This)\s+(?:is|was)\s+(?:what|how)\s+")
_THIS = re.compile(
    r"\s+this\b(?=\s*(?:[,.;]|$|(?:while|when|at|in|on|during|after|before|to|responding|speaking|commenting"
    r"|answering|referring)\b))"
)
# '"We will never give up," Olsen quipped.' / '..., shouted Olsen.': after a quotation, a subject and any verb
# ending the sentence attribute it, whatever the verb ("quipped", "joked", "asked", "wondered")
# each run of blanks has one way to match ("\s*(?:[.!?]\s*)?", not "\s*[.!?]?\s*"): no quadratic backtracking
_WHEN_TAIL = r"(?:\s+(?:on|in|at|late|earlier|later|today|yesterday|this|last)\b[^,.;!?\x00]{0,40})?\s*(?:[.!?]\s*)?$"
_AFTER_QUOTE = re.compile(
    r"\s*[\"“«‘'](?:\x00|\s)*[\"”»’']\s*(?:[,—–-]\s*)?(?:(?P<who>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)"
    r"\s+(?P<verb>[a-z]{3,}ed)|(?P<inverted>[a-z]{3,}ed)\s+(?P<after>(?:[Tt]he\s+|[Aa]n?\s+)?[A-Za-z][^,;!?\x00]{1,60}?))"
    + _WHEN_TAIL
)
# "Yang made the remarks at a press conference.": like "X said this", X's are the sentences before it
_MADE_REMARKS = re.compile(r"\s(?:made|delivered)\s+(?:the|these|those|his|her|such)\s+(?:remarks|comments)\b")
# "Those were the words of the minister.": like "X said this", the sentence gives X the sentences before it.
_WORDS_OF = re.compile(r"\s*(?:Those|These|Such|That|This)\s+(?:were|are|was|is)\s+the\s+words\s+of\s+")
# "They say that every year.": "that" is what they say, not a clause: the sentence comments, it reports nothing
# "what the Isles says is", "which officials said was": a hedge inside the outlet's noun phrase (with is/was after)
_WHAT_SAYS = re.compile(r"\b(?:what|which)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}$")
_THAT_OBJECT = re.compile(r"\s+that\s+(?:(?:every|each)\s+\w+|again|often|always|too|all\s+the\s+time)\s*[.!?]?\s*$")
# 'Olsen was defiant: "We will win."', 'Olsen's reply was blunt: "Never."': a named subject, a word of manner and
# a colon that opens a quotation
_COLON_QUOTE = re.compile(
    r"\s*(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}?)(?:['’]s\s+(?:response|reply|answer|message|verdict"
    r"|reaction|tone))?\s+(?P<how>(?:was|were|is|are|remained|sounded)\s+(?:(?:more|less|very|equally)\s+)?[a-z]+):"
    r"\s*[\"“«‘]"
)
# "New Zealand is sending observers to the vote said Foreign Minister Anna Berg.": a release's inverted verb
# with no comma before it, its speaker's name closing the sentence (capitalised words only: not "said Russia would")
_FINAL_SAID = re.compile(
    r"[\w)]\s+(said|says|added|stated)\s+(?P<who>(?:[A-Z][\w.'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,5}[A-Z][\w'’-]+)"
    r"\s*[.!]?\s*$"
)
FOLLOWING = (  # with no noun only where the line ends in a colon: "released the following after the vote:"
    r"the\s+following(?:\s+(?:joint\s+|written\s+)?(?:statement|remarks|comments)\b"
    r"|(?=\s*:|\s+(?:after|on|upon|regarding|today|in\s+response)\b[^:\n]{0,200}:\s*$))"
)
"""What a lead-in line sets out below it: "... the following statement:", "... the following comments:"."""
# "Anna Berg, minister of foreign affairs, today issued the following statement on the vote:": a lead-in line
_FOLLOWING = re.compile(rf"\s(issued|released|made|delivered|gave)\s+{FOLLOWING}")
# "The commission denied accreditation to observers": an act, not a denial of a claim
_DENIED_ACT = re.compile(r"\s+(?:\w+\s+)?(?:access|entry|accreditation|visas?|permission|bail|registration)\b")
# "Olsen falsely claimed (a landslide) victory": the outlet's judgement of an act, not a claim it reports
_CLAIMED_ACT = re.compile(r"\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:victory|credit|win)\b")
_JUDGED = re.compile(r"\b(?:falsely|wrongly|baselessly|prematurely|fraudulently)\s+$")
# "Southland recognized the region as an independent state", "recognises the independence of": a state's act of
# recognition, not a report (not "recognized that mistakes were made")
_RECOGNISED_STATE = re.compile(
    r"\s+(?:the\s+(?:independence|sovereignty)\b|(?:[^\s.;:\x00]+\s+){1,12}?as\s+(?:an?\s+|the\s+)?"
    r"(?:independent|sovereign|separate|legitimate|lawful|states?|countr(?:y|ies)|nations?|republics?)\b)"
)
_FINAL_ACCORDING = re.compile(r",\s+according\s+to\s+[^,;:\x00]{2,80}(?:,\s+or\s+[A-Z]{2,6})?\s*[.!?]?\s*$")
_STATEMENT_BEFORE = re.compile(r"(?:,|\bin|\bto|^)\s*(?:[Aa]|[Aa]n|[Tt]he)?\s*(?:joint\s+|new\s+|separate\s+)?$")


@dataclass(frozen=True)  # frozen: _masked_cue's cache hands the same Cue to every caller
class Cue:
    """A reporting cue found in a sentence: where, the phrase naming the speaker, the cue words, a role.

    ``backward`` marks "X said this": the cue sums up what the sentences before it said; ``capitals`` a
    headline in capitals, whose subject the body has to name; ``trailing`` a sentence-final "..., X said.",
    which sums up its paragraph's sentences before it when it closes the paragraph.
    """

    position: int
    phrase: str
    cue: str
    role: str | None = None
    backward: bool = False
    capitals: bool = False
    trailing: bool = False


def find_cue(sentence: str, quotes: Sequence[Span], offset: int = 0) -> Cue | None:
    """The first reporting cue of a sentence outside its quotations, with the phrase naming the speaker."""
    if sentence[:1] in '“"«' and not any(a == offset for a, _ in quotes):
        return None  # a quotation left open to the sentence's end: '"They said we would lose': its words, no cue
    return _masked_cue(clauses.without_agency_tail(mask_quotes(sentence, quotes, offset)))


# News repeats its sentences (agency copy, "X said." tails, boilerplate): the cue is a pure function of the
# masked sentence, and a bounded cache keeps memory flat over a stream.
@lru_cache(maxsize=8192)
def _masked_cue(masked: str) -> Cue | None:
    signed = signature(masked) if "–" in masked or "—" in masked else None
    if signed is not None:  # '"..." – Rep. Jane Doe': the quotation above the dash is the signer's
        return Cue(signed[0], signed[1], "–", backward=True, trailing=True)
    found: list[Cue] = []
    # Substring checks first: each pattern below is a scan of the sentence, and most sentences need none.
    for m in _ACCORDING.finditer(masked) if "ccording" in masked else ():
        rest = masked[m.end() :]
        by = _DOCUMENT_BY.match(rest)
        phrase = trim_np(rest[by.end() :] if by else rest)
        phrase = _OBJECT_PRONOUNS.get(phrase, phrase)  # "According to him, ...": whoever "he" is
        if phrase and not clauses.reporting_for(rest, phrase):  # "according to Anna Berg, reporting for VOA"
            found.append(Cue(m.start(), phrase, "according to"))
    told = "informed" in masked or "n told " in masked or "e told " in masked  # "was told by", "were informed"
    for m in _INFORMED_BY.finditer(masked) if told else ():
        phrase = trim_np(masked[m.end() :])
        if phrase:
            found.append(Cue(m.start(), phrase, "informed by"))
    for m in _IN_WORDS.finditer(masked) if " words" in masked or " view" in masked or " opinion" in masked else ():
        phrase = _PRONOUN_OF[m["pronoun"]] if m["pronoun"] else trim_np(masked[m.end() :])
        if phrase and (m["pronoun"] or m.group().rstrip().endswith("of")):
            found.append(Cue(m.start(), phrase, "according to"))
    for m in _QUOTED_BY.finditer(masked) if "as saying" in masked else ():
        quoted = subject_before(masked, m.start() + 1, progressive=False)
        if quoted is not None and parse_speaker_phrase(quoted[0]) is not None:
            found.append(Cue(m.start(), quoted[0], "quoted as saying", quoted[1]))
    for m in _QUOTE_LEAD.finditer(masked) if " quote " in masked else ():
        found.append(Cue(m.start(), m["who"], "quote"))
    for m in _QUOTED_AS.finditer(masked) if "quoted" in masked else ():
        found.append(Cue(m.start(), m["who"], "quoted as saying"))
    has_by = " by " in masked
    for m in _BY_AGENT.finditer(masked) if has_by else ():
        phrase = trim_np(masked[m.end() :])
        if phrase:
            found.append(Cue(m.start(), phrase, m.group().split()[0]))
    for m in _STATEMENT_BY.finditer(masked) if has_by or " of " in masked or " from " in masked else ():
        # ", a statement by X (said)" and "in a statement by X"; not "A threatening statement by X shows ...",
        # where the statement is what the sentence talks about
        before = masked[max(0, m.start() - 40) : m.start()]
        if _STATEMENT_BEFORE.search(before) is None:
            continue
        phrase = trim_np(masked[m.end() :])
        if phrase:
            found.append(Cue(m.start(), phrase, "a statement by"))
    following = _FOLLOWING.search(masked) if " following " in masked else None
    issuer = subject_before(masked, following.start() + 1, progressive=False) if following is not None else None
    issuer = subjects.issuer(masked[: following.start()], *(issuer or ("", None))) if following else None
    joint = joint_issuers(masked[: following.start()]) if following is not None else None
    issuer = (joint, None) if joint is not None else issuer  # "Minister A and Minister B issued ...": both
    if following is not None and issuer is not None and issuer[0] and parse_speaker_phrase(issuer[0]) is not None:
        found.append(Cue(following.start(1), issuer[0], f"{following[1]} the following statement", issuer[1]))
    remarks = _MADE_REMARKS.search(masked) if " remarks" in masked or " comments" in masked else None
    made_by = subject_before(masked, remarks.start() + 1, progressive=False) if remarks is not None else None
    if remarks is not None and made_by is not None and _a_person(made_by[0]):
        found.append(Cue(remarks.start(), made_by[0], "made the remarks", made_by[1], backward=True))
    words_of = _WORDS_OF.match(masked) if " words of " in masked else None
    words_by = trim_np(masked[words_of.end() :]) if words_of is not None else ""
    if words_of is not None and words_by and parse_speaker_phrase(words_by) is not None:
        found.append(Cue(words_of.end(), words_by, "the words of", backward=True))
    summing = _SUMMING.match(masked) if masked[:4] in ("That", "This") else None
    if summing is not None:
        masked = "\x00" * summing.end() + masked[summing.end() :]
    comma = masked.rfind(",")  # the sentence-final "..., X said." follows the last comma
    near_end = comma >= 0 and len(masked) - comma < 200 and _has_trailing_word(masked[comma:])
    trailing = _TRAILING_SAY.match(masked, comma) if near_end else None
    verbs: Iterable[re.Match[str]] = _VERB.finditer(masked)
    first = _VERB.match(masked, trailing.start(1)) if trailing is not None else None
    if first is not None:  # that verb first, then the rest in order
        verbs = chain([first], verbs)
    pronoun_said = False
    for m in verbs:
        verb = " ".join(m.group().split())
        after = masked[m.end() :]
        if after[:6] == " that " and _THAT_OBJECT.match(after):
            continue
        nothing = after.startswith((" nothing", " little about", " with ", "'", "’"))  # "replied with", "states'"
        nothing = nothing or (verb[:4] == "deni" and _DENIED_ACT.match(after) is not None)
        nothing = nothing or (verb[:6] == "recogn" and _RECOGNISED_STATE.match(after) is not None)
        judged = verb[:5] == "claim" and _JUDGED.search(masked, max(0, m.start() - 16), m.start()) is not None
        nothing = nothing or (judged and _CLAIMED_ACT.match(after) is not None)
        if nothing or (verb.split()[0] in clauses.NOUNS_TOO and clauses.a_noun(masked, m.start())):
            continue  # "Olsen said nothing about the talks": no claim reported; "all calls for": a noun
        held = after[:4] in (" is ", " was", " are", " wer")
        if held and _WHAT_SAYS.search(masked, max(0, m.start() - 60), m.start()) is not None:
            continue  # "... and what Northland says is evidence of ...": a claim held in narration, nobody's
        statement = _IN_A_STATEMENT.match(after)
        cue = f"{verb} in a statement" if statement else verb
        participle = verb.endswith("ing") and _PARTICIPLE.search(masked, max(0, m.start() - 12), m.start()) is not None
        subject: tuple[str, str | None] | None = None
        if participle:  # "Three callers asked about ..., saying ...": the sentence's subject speaks
            opening = clauses.sentence_subject(masked)
            subject = (opening, None) if opening else None
        else:
            progressive = verb.split()[0].endswith("ing") or verb in _CONVICTION
            subject = subject_before(masked, m.start(), progressive=progressive)
            # "X called it illegal and said", "The Prime Minister offered his congratulations and said": the
            # sentence's subject, when the words before "and" are a predicate, not a name
            joined = masked[: m.start()].endswith(" and ") and (subject is None or check_name(subject[0]) is not None)
            if joined:  # no subject at all when none is coordinated ("I back X denouncing A and B and demanding")
                coordinated = clauses.coordinated_subject(masked)
                subject = (coordinated, None) if coordinated else None
            listed = subjects.members(masked[: m.start()]) if "(" in masked[: m.start()] else None
            if listed is None and " and " in masked[: m.start()] and (subject is None or " and " in subject[0]):
                listed = joint_issuers(masked[: m.start()])  # "Foreign Minister A and Trade Minister B congratulated"
            subject = (listed, None) if listed is not None else subject  # "Senators A (D-NL), ..., and B (R-SL)"
        if subject and verb in _INVERTIBLE and subject[0] not in PRONOUNS:
            comma = masked[: m.start()].rstrip().endswith(",")
            clause = not comma and _clause_subject(masked, subject[0])
            named_after = _named_after(after) if comma or clause else None
            if named_after is not None and not comma:  # "Thousands marched on Sunday said AFP.": AFP said it
                found.append(Cue(m.start(), named_after, verb))
                break
            dated = comma and named_after is None and (after.split() or [""])[0].rstrip(".") in _DAYS
            if named_after is not None or clause or dated:
                continue  # "Prices rose, said Anna Berg.": the inverted cue below; "... passed(,) said Monday.": nobody
        if subject and subject[0] not in PRONOUNS and check_name(subject[0]) is not None:  # a clause, no subject
            if masked[: m.start()].rstrip().endswith(","):
                continue  # "..., said the Defence Ministry": the inverted cue below names the speaker
            loose = verb.endswith("ing") and subject[0].split()[0] in LOOSE_PREPOSITIONS  # "Olsen ... saying that"
            subject = (clauses.sentence_subject(masked) or subject[0], None) if loose else subject
        if verb[:6] == "report" and subject and subject[0].split()[-1].lower() in _CORRESPONDENTS:
            continue  # "..., a Northpress correspondent reported.": an outlet's own reporting, its narration
        if clauses.not_a_speakers(subject[0] if subject else "", masked, verb, after):
            continue  # "While speakers had praised the plan, he said ...", "For Radio North, Anna Berg reports"
        subject = clauses.posted_on(subject, after) if verb == "posted" else subject  # "... posted on X's website"
        if subject and parse_speaker_phrase(subject[0]) is not None:
            summed = summing is not None or _THIS.match(after) is not None or m is first
            backward = summed or clauses.bare(masked, subject[0], verb, after)  # "X announced in an interview."
            said = _innermost(Cue(m.start(), subject[0], cue, subject[1], backward, trailing=m is first), after)
            if pronoun_said and not (_SAYING.fullmatch(verb) and _a_person(said.phrase)):
                continue  # "Northland rejected the plan, he said.": he said it
            found.append(said)
            if m is first and subject[0].lower() in PRONOUNS:
                # "The head of the commission, Roman Lyagin, told VOA ..., he said.": "he" is the person named before,
                # who said it
                pronoun_said = True
                continue
            break  # later verbs cannot come first
    for m in _INVERTED.finditer(masked):
        rest = masked[m.end() :]
        phrase = trim_np(rest)
        if phrase and parse_speaker_phrase(phrase) is not None:
            # '..., said Mazahir Panahov, head of the election commission.'
            title = _TRAILING_TITLE.match(rest, len(phrase))
            role = strip_article(title.group(1)) if title and not (set(title.group(1).split()) & BE) else None
            named = parse_speaker_phrase(role) if role is not None and not phrase[:1].isupper() else None
            if role is not None and named is not None and named.person and named.role is None:
                phrase, role = role, strip_article(phrase)  # "..., said the head of the delegation, Karl Olsen."
            found.append(Cue(m.start(1), phrase, m.group(1), role))
            break
    final = _FINAL_SAID.search(masked) if not found and masked[-1:] != ":" else None
    if final is not None and ends_with_name(final["who"]) and check_name(final["who"]) is None:
        found.append(Cue(final.start(1), final["who"], final[1]))
    # only where no verb attributes the quotation: 'Turnout was high: "...," one voter said.' is the voter's
    colon_quote = _COLON_QUOTE.match(masked) if not found and ": " in masked else None
    if colon_quote is not None and ends_with_name(colon_quote["who"]):
        found.append(Cue(0, colon_quote["who"], colon_quote["how"]))
    after_quote = _AFTER_QUOTE.match(masked) if not found and "\x00" in masked[:4] else None
    if after_quote is not None:  # no verb of saying: '"We will never give up," Olsen quipped.'
        who = after_quote["who"] or after_quote["after"]
        if parse_speaker_phrase(who) is not None:
            verb = after_quote["verb"] or after_quote["inverted"]
            found.append(Cue(after_quote.start("who" if after_quote["who"] else "after"), who, verb))
    first_cue = min(found, key=lambda c: c.position) if found else None
    last = found[0] if found and found[0].cue == "according to" else None  # found first: the "according to" loop
    spoken = first_cue is not None and (_SAYING.fullmatch(first_cue.cue) is not None or first_cue.cue[:4] == "warn")
    if last is not None and first_cue is not last and not spoken and _FINAL_ACCORDING.search(masked) is not None:
        first_cue = last  # "X claimed victory in 18 states, according to the election commission.": its source;
        # not "Olsen said the vote was rigged, according to state media.": Olsen's words, the media relay them
    if first_cue is not None and first_cue.cue in ("reported", "reports") and " citing " in masked:
        # "Northpress reported, citing a source in the ministry, that ...": the source speaks, the outlet relays
        cited = trim_np(masked[masked.index(" citing ") + 8 :])
        if cited and parse_speaker_phrase(cited) is not None:
            return Cue(masked.index(" citing ") + 1, cited, "citing")
    return first_cue


_CORRESPONDENTS = words("correspondent correspondents reporter reporters")
_INVERTIBLE = words("said says added noted stressed wrote explained insisted warned")
_TIME_WORDS = words(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later late on in at
    this last"""
)
_DAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_END_AFTER_NAME = re.compile(r"\s*(?:[.!?]\s*$|$|,|(?:on|in|at|late|earlier|today|yesterday|this|last)\b)")


def _named_after(after: str) -> str | None:
    """The speaker a sentence-final "said X" names: "said AFP.", "said the Red Cross on Friday."; not a time
    ("said Monday.") and not the subject of a clause ("said the plan was dead.")."""
    rest = after.lstrip()
    phrase = trim_np(rest) if rest[:1].isupper() or rest[:4] == "the " else ""
    if not phrase or not rest.startswith(phrase) or phrase.split()[0].lower() in _TIME_WORDS:
        return None
    if _END_AFTER_NAME.match(rest, len(phrase)) is None or parse_speaker_phrase(phrase) is None:
        return None
    return phrase


def _clause_subject(masked: str, subject: str) -> bool:
    """Whether a verb's subject phrase is a clause: the sentence's subject, then a past-tense verb ("The army
    entered the town", "Thousands marched through the capital"); not a participle ("the official tasked with")."""
    if " " not in subject or not any(w.endswith("ed") or w in BE for w in subject.split()[1:]):
        return False  # most subjects: no verb in them to make a clause
    opening = clauses.sentence_subject(masked)
    if not opening or not subject.startswith(opening) or len(subject) <= len(opening):
        return False
    tokens = subject[len(opening) :].split()
    verb = tokens[0]
    return verb.islower() and (verb in BE or verb.endswith("ed")) and tokens[1:2] not in (["by"], ["with"], ["as"])


def _a_person(phrase: str) -> bool:
    parsed = parse_speaker_phrase(phrase)
    return parsed is not None and parsed.person


def _has_trailing_word(tail: str) -> bool:
    """Whether the part after a sentence's last comma holds a verb of _TRAILING_SAY (substring checks: cheap)."""
    return any(word in tail for word in _TRAILING_WORDS)


def _innermost(cue: Cue, after: str) -> Cue:
    """The cue, or the speaker its "that" clause reports in turn ("X told Y that Z said ..." -> Z)."""
    inner = _INNER_SAY.search(after, 0, 120) if after.find("that ", 0, 120) >= 0 else None
    if inner is None or cue.backward:
        return cue
    parsed = parse_speaker_phrase(inner["who"])
    if parsed is None or parsed.name in ("he", "she", "they", "it", "i", "we"):
        return cue
    return Cue(cue.position, inner["who"], f"{cue.cue} that {inner.group().split()[-1]}")
