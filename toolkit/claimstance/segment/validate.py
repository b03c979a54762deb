"""The check every attribution passes: a speaker name must name a person, an organisation or a group.

A name is refused, with the reason counted, when it is

* a **clause fragment**: it opens with a preposition, conjunction, pronoun, quantifier or sentence adverb ("in a
  separate statement", "Despite the delays the count", "Many", "Secondly", "which", "Everyone"), or holds
  a verb or a pronoun in lower case ("the information released", "I can");
* a **date** ("Monday", "last week");
* a piece of a bracket ("Germany)" of "Anna Berg (EPP, Germany)");
* a **document** rather than who wrote it ("a report", "the statement");
* a **lower-case phrase** whose head noun names no person or group ("the intention", "official results");
  "the opposition", "international observers", "a spokesman", "the two sides" pass.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from claimstance.lexicon import ORG_HEADS, words

_OPENERS = words(
    """in on at by for from to with of into onto during after before since despite although though while whereas
    because if when as and but or nor so then however meanwhile moreover furthermore nevertheless secondly firstly
    thirdly finally also which who whom whose that this these those it its he she they we i you me us him them there
    here what many some most several such other another each every any no not let only just even still
    including besides unlike like everyone everybody nobody anyone anybody someone somebody now thus hence"""
) | (
    LOOSE_PREPOSITIONS := words(
        "between among amid amidst against about toward towards within without via regarding concerning upon throughout"
    )
)
_QUANTIFIERS = words("other another several")
_BODIES = words("parties countries states governments organisations organizations groups unions movements factions")
_COUNTS = words("thousands hundreds dozens tens millions scores")
_MEDIA = words("television tv radio media newspaper newspapers agency broadcaster daily weekly")
_ADVERBS = words(
    """now thus therefore hence indeed instead again perhaps clearly certainly obviously naturally unfortunately
    regrettably sadly yes well lastly accordingly consequently ultimately importantly notably similarly likewise
    later earlier recently already currently contrary following nobody everybody everyone anyone anybody someone
    somebody none sorry please thanks okay ok"""
)
"""Sentence adverbs, indefinite pronouns and interjections a cue can take for a subject ("Now, in the regions it
claims ...", "Nobody believes this", "Sorry, say again?"): no speaker."""
_NORMS = words(
    """standard standards price prices law laws rule rules regulation regulations schedule schedules plan plans
    term terms norm norms procedure procedures principle principles constitution estimate estimates figure figures
    calculation calculations poll polls census tradition traditions custom customs practice practices rate rates
    timetable protocol protocols"""
)
"""Heads of a norm or measure: "according to Russian standards and Russian prices" names no speaker."""
_MODIFIERS = words("member party state government opposition security peace border election")
"""Nouns that modify a head after them ("member states", "party leaders"): never a group's last word after "All"."""
_CLAUSE_WORDS = words(
    """is are was were be been being has have had will would could should can may might must did does do it he she
    they we i you me us him them which who that released issued published said says told"""
)
_TO_NOUN = words("the a an his her its their our this that these those")
"""Words after "to" in a name ("Ambassador to the UN"); any other lower-case word after it is a verb."""
_DATE_WORDS = words(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow january february march
    april may june july august september october november december week month year morning evening night last
    next this"""
)
_PREPOSITIONS = words("of from for in at on with around across to by")
DOCUMENT_NOUNS = words(
    """statement statements report reports information release text document documents resolution resolutions
    results result data letter letters article articles paper declaration declarations communique communiqué
    readout law laws constitution figures estimates poll polls survey census rules treaty charter records
    agreement agreements accord accords"""
)
"""Nouns of texts: "the statement said" names a document, whose issuer is the speaker."""
PERSON_NOUNS = words(
    """official officials observer observers expert experts analyst analysts diplomat diplomats resident residents
    protester protesters witness witnesses critic critics source sources activist activists voter voters lawmaker
    lawmakers deputy deputies monitor monitors journalist journalists reporter reporters police investigators
    organizer organizers organiser organisers participant participants opponent opponents supporter supporters side
    sides party parties leader leaders minister ministers member members authorities opposition government
    ministry military army ally allies staff caller callers speaker speakers delegate delegates delegation
    delegations representative representatives mission country countries people commission council committee
    spokesman spokeswoman spokesperson president premier chairman chairwoman secretary ambassador envoy questioner
    moderator correspondent parliamentarian oppositionist alliance department office agency organization
    organisation union bloc coalition movement campaign court board bureau cabinet service presidency embassy
    administration kremlin head heads chief director general commander governor mayor senator lawyer lawyers prosecutor
    prosecutors judge judges student students worker workers doctor doctors citizen citizens villager villagers
    man men woman women group groups faction factions candidate candidates challenger challengers rival rivals
    rebel rebels separatist separatists insurgent insurgents militant militants demonstrator demonstrators
    legislator legislators senators negotiator negotiators mediator mediators inspector inspectors researcher
    researchers economist economists commentator commentators campaigner campaigners advocate advocates farmer
    farmers teacher teachers refugee refugees survivor survivors relative relatives family families soldier
    soldiers troops officer officers veteran veterans elder elders cleric clerics priest priests bishop bishops
    spokesmen spokeswomen organizer organiser lawyer scholar scholars professor professors historian historians
    ally prosecutor investigator businessman businessmen entrepreneur entrepreneurs employer employers union
    unions trade-unionist protestors protestor candidates nominee nominees incumbent regime junta crowd crowds
    audience presidents ambassadors envoys governors mayors commanders chiefs heads directors chairmen secretaries
    spokespersons premiers
    """
)
"""Heads of lower-case phrases that name a person or a group ("the opposition", "a senior official")."""


_CONTRACTION = re.compile(r"^(i|we|you|he|she|it|they)'(?:ve|d|ll|re|m|s)$")
"""The verb a pronoun takes in a contraction ("I've", "we'd", "they're", "she's"): cut to leave the pronoun."""


def list_limit(phrase: str) -> int:
    """The most words a speaker phrase may have: 12, or 24 for a list of names ("A, B, C and D": a release's
    members, each with an office)."""
    return 24 if ", " in phrase and " and " in phrase else 12


@lru_cache(maxsize=4096)
def check_name(name: str) -> str | None:
    """Why ``name`` names no person, organisation or group (see the module docstring), or None when it does."""
    tokens = name.replace("’", "'").split()
    if not tokens or len(tokens) > list_limit(name):
        return "no noun phrase"
    # a pronoun's contraction is the pronoun: "as I've said", "All we've asked for" name nobody but the speaker
    lower = [_CONTRACTION.sub(r"\1", t.lower().strip(".,;:'\"“”()")) for t in tokens]
    # "another caller", "Several opposition parties": a group; not "Many", nor the hedge "some experts"; "several"
    # only before bodies (a crowd, "Several callers", is nobody), and not "Several of the ..."
    group = lower[0] in _QUANTIFIERS and len(tokens) > 1 and tokens[-1].islower() and lower[-1] in PERSON_NOUNS
    group = group and (lower[0] != "several" or ("of" not in lower and lower[-1] in _BODIES))
    if lower[0] in _OPENERS and not (len(tokens[0]) > 1 and tokens[0].isupper()) and not group:
        return "clause fragment"  # "US", "UN" are names; "other opposition parties", "another caller" are groups
    if lower[0] in _ADVERBS:
        return "clause fragment"
    if len(tokens) == 2 and lower[0] in ("all", "both") and tokens[1].islower() and lower[1] in _MODIFIERS:
        return "clause fragment"  # "All member" (states ...): a noun's modifier, the head taken for a verb
    if tokens[-1][:1].islower() and lower[-1] in _NORMS:
        return "norm or measure"
    # set checks first (most names hold no such word), then the word-by-word test
    clause_word = not _CLAUSE_WORDS.isdisjoint(lower)
    if clause_word and any(t in _CLAUSE_WORDS for t, token in zip(lower, tokens, strict=True) if token[:1].islower()):
        return "clause fragment"
    if "to" in tokens and any(t == "to" and u[:1].islower() and u not in _TO_NOUN for t, u in pairwise(tokens)):
        return "clause fragment"  # "Northland continued to mass troops": an infinitive, a clause's verb
    acronym = len(tokens[-1]) > 1 and tokens[-1].isupper()  # "US", "the UN": names, not "us"
    if (lower[-1] in _OPENERS and not acronym) or lower[-1] in _PREPOSITIONS or lower[-1] in ("the", "a", "an"):
        return "clause fragment"  # "Tens of": a phrase cut off before its head
    if "I" in tokens[1:] or (lower[0].endswith(("ing", "ed")) and len(lower) > 1 and lower[1] in _PREPOSITIONS):
        return "clause fragment"  # "the people I met", "speaking in Oldtown on Monday", "signed by Olsen"
    if tokens[0][:1].isdigit():
        return "clause fragment"  # "05 The interior ministry": a time stamp taken in
    if name.count("(") != name.count(")"):
        return "clause fragment"  # "Germany)" of "Karl Olsen (EPP, Germany)": a bracket cut in two
    if tokens[-1].endswith("'s"):
        return "clause fragment"  # "Southland's" (claims have no basis): a possessive, its noun taken for a verb
    if _DATE_WORDS.issuperset(lower):
        return "date"
    # "the resolutions of the Security Council": the head, before the first preposition, is a text
    cut = len(lower)
    if not _PREPOSITIONS.isdisjoint(lower[1:]):
        cut = next(k for k, t in enumerate(lower) if k > 0 and t in _PREPOSITIONS)
    proper_tail = cut < len(lower) and tokens[-1][:1].isupper()  # "Ministry of Information": a body's name
    if (lower[-1] in DOCUMENT_NOUNS and not proper_tail) or lower[cut - 1] in DOCUMENT_NOUNS:
        return "document"
    common = len(tokens) > 1 and tokens[0][1:].islower() and all(t.isalpha() and t.islower() for t in tokens[1:])
    # the head, before the first preposition ("Senior police officers at the scene"), or after a count's "of"
    head = lower[-1] if lower[0] in _COUNTS else lower[cut - 1]
    if common and head not in PERSON_NOUNS and head not in ORG_HEADS and head not in _MEDIA:
        return "lower-case phrase"  # "Voter registration" (has concluded): capitalised only to open the sentence
    if tokens[0][:1].isupper() or any(t[:1].isupper() or t[:1].isdigit() for t in tokens[1:]):
        return None  # a proper name, maybe after a descriptor: "the main opposition Civic Platform"
    # "representative of the mission", "ministers and representatives from around the world": the head
    # comes before the first preposition
    if lower[cut - 1].removesuffix("'s") not in PERSON_NOUNS:
        return "lower-case phrase"
    return None
