"""The speaker's noun phrase around a reporting verb: the subject before it and the phrase after it.

:func:`subject_before` walks back from a verb ("The Northland foreign minister on Tuesday said"), over
auxiliaries, adverbs and an appositive, to the subject phrase; :func:`trim_np` cuts the phrase after "said",
"according to" or "a statement by" where its noun phrase ends. :mod:`claimstance.segment.cues` finds the verbs.
"""

from __future__ import annotations

import re

from claimstance.lexicon import FUNCTION_WORDS, LEGISLATOR_TITLE, MEMBER_STYLE, ORG_HEADS, ROLE_WORDS, words
from claimstance.segment import clauses
from claimstance.segment.names import BE, PRONOUNS, is_name_token, is_plain, parse_speaker_phrase, strip_article
from claimstance.segment.validate import check_name

_APPOSITIVE_START = words("a an the who which whose speaking")
_ADVERBIAL = words("in for however meanwhile also though too moreover furthermore therefore nevertheless")
_NOT_A_ROLE = words("who which whose in at on during while")
_LINK_WORDS = words("in of for from at on to with by and")
_AUX = words(
    """also further later earlier then again once previously repeatedly reportedly recently today yesterday has have
    had will would already meanwhile separately firmly strongly just now still rightly correctly wrongly publicly
    openly privately explicitly clearly categorically flatly angrily bluntly sharply bitterly allegedly officially
    formally personally initially subsequently quickly immediately swiftly promptly specifically particularly
    notably proudly cautiously emphatically unequivocally frankly candidly directly even since continually
    consistently constantly"""
)
_PROGRESSIVE = words("am is are was were")
_DAY_PARTS = words("morning afternoon evening week")
"""A release's "The Council has this evening announced": the time, popped with its "this", is no subject."""
_DAY_NOTE = re.compile(r"\((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\)")
"""A release's "The Minister today (Monday) told ...": the day in brackets is no part of who spoke."""
# "Northland's president on Tuesday rejected ...": when the subject spoke is no part of who spoke
_WHEN = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|earlier|later"
    r"|last\s+(?:week|month|year|night))$"
)
_DATE_LEAD = words(
    "last next earlier later yesterday today monday tuesday wednesday thursday friday saturday sunday week month year"
)
_CONTRACTED_BE = re.compile(r"['’](?:re|s)$")
_SUBJECT_DELIMS = re.compile(r"[,;:\x00“”\"«»–—]|\bthat\b|\s-\s")
# A noun phrase ends at punctuation, but not at the stop of a title or an initial ("Dr. Marko Djuric").
_NP_END = re.compile(
    r"[,;:!?\x00“”\"«»()–—]|\s-\s"
    r"|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\bGen)(?<!\bSen)(?<!\bSt)(?<!\b[A-Z])(?<!\bRep)(?<!\bGov)"
    r"(?<!\bAmb)(?<!\bHon)\.(?:\s|$)"  # "said Rep. Jane Roe", "Gov.", "Amb.", "Hon.": a title's stop
)
_ACRONYM_AT = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_NP_TAIL = re.compile(
    r"\s+(?:on|in|at|during|while|after|before|to|who|which|that|when|speaking|today|yesterday|as|released"
    r"|issued|published|said|says|stated|states|noted|added|reported|announced|declared|wrote|told|reads|read)\b"
)
_ISSUED = re.compile(
    r"\s+(?:(?:meanwhile|also|later|earlier|recently|today)\s+)?(?:issued|released|published|put\s+out|introduced"
    r"|signed|sent)\s+(?:a|an)\s+(?:joint\s+|new\s+|bipartisan\s+)?(?:statement|communiqu[eé]|press\s+release"
    r"|resolution|letter)$"  # "... introduced a bipartisan resolution condemning ...": its sponsors' position
)
# "Voters interviewed by the agency in Oldtown said", "Diplomats who attended the meeting said": the speaker is
# the head before the relative clause, never a name inside it.
_RELATIVE = re.compile(r"\s(?:who\s|\w+ed\s+by\s)")


def _names_only(segment: str) -> bool:
    tokens = [t for t in segment.split() if t != "and"]
    return 0 < len(tokens) <= 8 and all(is_name_token(t) and not is_plain(t) for t in tokens)


def _listed(segments: list[str]) -> str | None:
    """A list of names that opens the sentence (after a dateline in capitals at most) and ends in "X and Y"
    ("Berg, Olsen and Roe", "Anna Berg, Karl Olsen and Jane Roe"), whole; None for anything else."""
    k = len(segments) - 1
    if not _names_only(segments[k]):
        return None
    while k > 0 and _names_only(segments[k - 1]) and " and " not in segments[k - 1]:
        k -= 1
    if k == len(segments) - 1 or (k > 0 and not segments[k - 1].isupper()):
        return None
    return ", ".join(segments[k:])


def trim_np(fragment: str) -> str:
    """The noun phrase at the start of ``fragment`` (after "said", "according to", "a statement by")."""
    m = _NP_END.search(fragment)
    np = fragment[: m.start()] if m else fragment
    if m and m.group() == "(":
        acronym = _ACRONYM_AT.match(fragment, m.start())
        if acronym:  # "the Organization for Security and Co-operation in Europe (OSCE)": keep it whole
            return (np + acronym.group()).strip()
    np = _NP_TAIL.split(np, maxsplit=1)[0]
    verb = clauses.NAME_THEN_VERB.search(np)  # "a statement by the Freedom Party called the result a fraud"
    return (np[: verb.start(1)] if verb else np).strip()


def ends_with_name(segment: str) -> bool:
    """Whether a phrase's last word is a name ("... Minister Olsen"), not a plain word."""
    tokens = segment.split()
    return bool(tokens) and is_name_token(tokens[-1]) and not is_plain(tokens[-1])


def _manner(tokens: list[str]) -> bool:
    """ "He warmly welcomed", "Olsen sharply criticised": an adverb in "-ly" between a pronoun or a name and its
    verb (not "its ally said", "the assembly noted": there the "-ly" word is the subject's noun)."""
    if len(tokens) < 2 or not tokens[-1].endswith("ly") or not tokens[-1].isalpha() or not tokens[-1].islower():
        return False
    return tokens[-2] in ("He", "She", "They", "he", "she", "they", "We", "we", "I") or is_name_token(tokens[-2])


def subject_before(masked: str, verb_start: int, progressive: bool) -> tuple[str, str | None] | None:
    """The subject phrase ending just before a reporting verb, skipping auxiliaries and an appositive."""
    left_text = masked[:verb_start].rstrip()
    if left_text.endswith(("statement", "release", "communique", "communiqué", "resolution", "letter")):
        left_text = _ISSUED.sub("", left_text)  # "X issued a statement saying ..."
    tokens = left_text.split()
    if len(tokens) > 2 and tokens[-2] == "this" and tokens[-1] in _DAY_PARTS:
        del tokens[-2:]
    while tokens and (
        tokens[-1].lower() in _AUX
        or (progressive and tokens[-1].lower() in _PROGRESSIVE)
        or (tokens[-1][:1] == "(" and _DAY_NOTE.fullmatch(tokens[-1]))
        or _manner(tokens)
    ):
        tokens.pop()
    if tokens[-3:] == ["went", "on", "to"]:  # "He went on to say ...", "The statement then went on to say ..."
        del tokens[-3:]
        while tokens and tokens[-1].lower() in _AUX:
            tokens.pop()
    if progressive and tokens and _CONTRACTED_BE.search(tokens[-1]):
        tokens[-1] = _CONTRACTED_BE.sub("", tokens[-1])  # "they’re saying"
    if tokens and tokens[-1].lower() in BE:
        return None  # passive: "it was noted", handled as an agentless cue
    left = " ".join(tokens).rstrip(" ,")
    # "Rep. John Doe (R-Texas), chairman of"; after "Jr." the tag stays for the suffix's own reading below
    left = cut_party(left) if (")" in left or "-" in left) and _SUFFIX_TAG.search(left) is None else left
    segments = [seg.strip() for seg in _SUBJECT_DELIMS.split(left)]
    for k in range(len(segments) - 1, 0, -1):  # "Senator John Doe, Jr. said", "John Doe, Jr., the chair, said"
        short = 0 < len(segments[k - 1].split()) <= 6  # a long office before the name: `issuer` reads it
        if short and (suffix := _GENERATION.fullmatch(segments[k])) is not None:
            segments[k - 1 : k + 1] = [f"{segments[k - 1]}, {suffix[1]}"]  # the party and state are no name
    if not segments or not segments[-1]:
        return None
    subject = segments[-1]
    if subject.isdigit() and len(segments) >= 2 and segments[-2]:
        segments.pop()  # "Carter, 71, said": an age between commas
        subject = segments[-1]
    if subject[:1].isdigit():  # a live blog's "14:05 The interior ministry says": the stamp is no name
        subject = subject.partition(" ")[2]
        if not subject:
            return None
    tokens = subject.split()
    if tokens[0].lower() in _DATE_LEAD and len(tokens) > 2:  # "Last year the Southland delegation told ..."
        k = next((k for k, t in enumerate(tokens) if t.lower() not in _DATE_LEAD), len(tokens))
        subject = " ".join(tokens[k:])
        if not subject:
            return None
    if subject.endswith(("day", "earlier", "later", "week", "month", "year", "night")):
        subject = _WHEN.sub("", subject)
    if subject.endswith(("'s", "’s")):
        return None  # "giving the lie to Northland's claim that ...": the verb was a noun
    last = subject.rsplit(" ", 1)
    if len(last) == 2 and last[1] in ("he", "she", "it", "they", "we", "I"):
        subject = last[1]  # "Now, in the regions it claims to have annexed, ...": the pronoun before the verb
    relative = _RELATIVE.search(subject) if " who " in subject or "ed by " in subject else None
    if relative is not None:
        subject = subject[: relative.start()]
    subject = clauses.after_clause(subject)  # "The talks resumed on Monday and Berg said": Berg
    if subject.endswith(")") and _GENERATION.fullmatch(subject) is None:  # "Jr. (D-NL)" is for `issuer`
        subject = cut_party(subject)  # "Sen. Anna Berg (MS)"
    if subject in ("Jr.", "Sr.") and len(segments) >= 2 and ends_with_name(segments[-2]):
        subject = f"{segments.pop(-2)}, {subject}"  # "John R. Doe, Jr. (D-NL) delivered": the suffix ends the name
    if " and " in subject and (listed := _listed([*segments[:-1], subject])) is not None:
        return listed, None  # "Berg, Olsen and Roe said": the whole list, not its last two
    role = None
    first = subject.split()[0].lower()
    if first in _ADVERBIAL and len(segments) >= 2 and len(subject.split()) <= 4:
        # "The deputy, in particular, noted ...": an adverbial between the subject and its verb
        segments.pop()
        subject = segments[-1]
        if not subject:
            return None
        first = subject.split()[0].lower()
    previous = segments[-2] if len(segments) >= 2 else ""
    previous = previous[4:] if previous[:4] in ("And ", "But ") else previous  # "And Olsen, whose ..., said"
    # "Rahida Rahimova, a member of the commission, told ..." / "Lavrov, Russia's foreign minister, said ...";
    # not "In a statement issued on Monday, the Foreign Ministry said": there the subject names its speaker.
    # "Olsen, he said, had no plan": a pronoun is the subject, never an appositive of the name before it
    # "Jane Doe, Minister for Foreign Affairs of Northland, said": a capitalised office is an appositive too
    titled = first in ROLE_WORDS and (" of " in subject or " for " in subject)
    appositive = first not in PRONOUNS and (
        first in _APPOSITIVE_START
        or first.endswith("ing")
        or subject[:1].islower()
        or titled
        or not ends_with_name(subject)
    )
    previous_first = previous.split()[0].lower() if previous else ""
    names_itself = first in ("the", "a", "an") and all(
        t[:1].isupper() or t in ("of", "and", "for", "&") for t in subject.split()[1:]
    )
    # "Responding, the representative of Southland said": an opening participle or adverb is no name
    opener = len(segments) == 2 and " " not in previous and previous.lower().endswith(("ing", "ly", "ed"))
    # "The European Union and the United States, which have both criticised the vote, said": a relative clause
    # allows a longer name before it
    named_before = (
        ends_with_name(previous) and len(previous.split()) <= 6 and previous_first not in FUNCTION_WORDS and not opener
    )
    if first in ("who", "which") and not named_before and previous[:1].isupper() and len(previous.split()) <= 10:
        # "The European Union and the United States, which have both criticised the vote, said": a relative
        # clause follows a name, however long
        opening = previous_first == "the" or previous_first not in FUNCTION_WORDS
        named_before = opening and previous.split()[-1][:1].isupper() and check_name(previous) is None
    if first in ("who", "which", "whose") and previous_first in ("the", "a", "an") and len(segments) >= 3:
        # "Karl Olsen, the leader of the Freedom Party, which won 12 seats, said": back over the appositive
        before = segments[-3]
        if ends_with_name(before) and len(before.split()) <= 6 and before.split()[0].lower() not in FUNCTION_WORDS:
            segments.pop()
            previous, previous_first, named_before = before, before.split()[0].lower(), True
    if first in ("who", "whose") and previous and not named_before and len(previous.split()) <= 8:
        # "The deputy minister, whose department oversees the border, said": an office, then its clause; "an
        # official from the central election commission, who did not wish to be named, said": an unnamed source
        office = parse_speaker_phrase(previous) if previous_first in ("the", "a", "an", "one") else None
        short = len(previous.split()) <= 5 and previous_first != "one"
        named_before = office is not None and not office.person and (short or check_name(previous) is None)
    if first.endswith("ing") and previous and not named_before and previous_first not in FUNCTION_WORDS:
        # "Southland's foreign minister, speaking in Oldtown on Monday, said": the participle describes the
        # subject before it
        named_before = parse_speaker_phrase(previous) is not None and len(previous.split()) <= 6
    if appositive and not names_itself and named_before:
        if not (first.endswith("ing") or first in _NOT_A_ROLE):
            role = strip_article(subject)
        subject = previous
    elif not appositive and previous_first in ("a", "an", "the") and len(previous.split()) <= 8:
        # "A spokesman for the ministry, Peter Hall, said ...": the office, then the name in commas
        office = parse_speaker_phrase(previous)
        if office is not None and not office.person and len(segments) == 2:
            role = strip_article(previous)
    if len(subject.split()) > 8:
        # "At a press conference in Baku on the eve of the meeting Mammadyarov said": the name ends the phrase
        tokens = subject.split()
        if clauses.an_office_of(tokens):  # "The leader of Northland's main opposition Freedom (FP) party told"
            return subject, None
        k = len(tokens)
        while k > 0 and is_name_token(tokens[k - 1]) and len(tokens) - k < 4:
            k -= 1
        if k == len(tokens) or k == 0 or not tokens[k - 1][:1].islower():
            return None
        if tokens[k - 1] in _LINK_WORDS:
            # "Observers from the Organization for Security and Cooperation in Europe said": a name after a
            # preposition is no subject; the whole phrase is, unless it opens as an adverbial ("During ...")
            return (subject, None) if tokens[0].lower() not in FUNCTION_WORDS and len(tokens) <= 12 else None
        subject = " ".join(tokens[k:])
    if subject.split()[-1].lower() in BE:
        return None
    return subject, role


# A member's title before the name, and the party and state after it: "U.S. Senators Anna Berg (D-NL)",
# "Rep. Karl Olsen", "The Honourable Anna Berg": no part of who speaks
_MEMBER_TITLE = re.compile(rf"^(?:{MEMBER_STYLE}|{LEGISLATOR_TITLE})\s+")
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR"
    "|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP|DC"
)
# "(D-NL)", "(R-Texas)", a state and district "(FL-09)"
_PARTY = r"(?:R|D|I|ID|DFL)-[A-Z][\w. ]{0,18}"
_PARTY_STATE = re.compile(rf"\s*\((?:{_PARTY}|[A-Z]{{2}}-(?:\d{{1,2}}|AL))\)")
_BODIES = frozenset(w.capitalize() for w in ORG_HEADS)
_STATE_ALONE = re.compile(rf"\s*\((?:{_STATES})\)$")  # "Sen. Anna Berg (MS)": the state alone
_WIRE_PARTY = re.compile(r",\s*(?:R|D|I)-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?=,|$)")  # wire style: "Rep. John Doe, R-Texas,"
# a generational suffix after the name's comma, maybe with the member's party and state: "Jr. (D-NL)"
_GENERATION = re.compile(rf"([JS]r\.)(?:\s*\({_PARTY}\))?")
_SUFFIX_TAG = re.compile(r"[JS]r\.\s*\(")
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
_MEMBER = re.compile(rf"({_NAME})(?={_PARTY_STATE.pattern})")
# an office in capitals before a member's name: "House Majority Leader", "Natural Resources Committee Chair"
_OFFICE = r"(?:[A-Z][a-z]+\s+){0,3}"
# What may come before the members who issue a release: nothing, or a dateline ("OLDTOWN – U.S. Senators A (D-NL)");
# not a phrase naming them as others ("After talks with Senators A (D-NL) and B (R-SL), Governor C released")
_BEFORE_MEMBERS = re.compile(
    rf"(?:[^\n]{{0,80}}?[–—-]\s*)?(?:(?:Today|Yesterday),\s+)?(?:The\s+)?(?:U\.S\.\s+)?{_OFFICE}"
)


# Between two members of a list: a comma, an appositive office at most ("(D-NL), a member of the committee,"),
# "and" or "as well as"; after the last: an appositive at most, and when ("today", "this week")
_MEMBER_GAP = re.compile(rf"\s*(?:,\s*(?:(?:an?|the)\s[^,]{{1,120}},\s*)?)?(?:(?:and|as\s+well\s+as)\s+)?{_OFFICE}")
_MEMBERS_END = re.compile(r"\s*(?:,\s*(?:an?|the)\s[^,]{1,120})?,?(?:\s+(?:today|also|jointly|this\s+week))?\s*")
_ASIDE = re.compile(r"\s*\([A-Z][A-Za-z]{1,9}\)")


def cut_party(phrase: str) -> str:
    """A subject without a member's party and state: "Sen. Anna Berg (D-NL)", "Rep. John Doe, R-Texas,",
    "Sen. Anna Berg (MS)" (a state alone only after a surname: "the Palestinian Authority (PA)" keeps it)."""
    phrase = _WIRE_PARTY.sub("", _PARTY_STATE.sub("", phrase))
    alone = _STATE_ALONE.search(phrase)
    last = phrase[: alone.start()].split()[-1:] if alone is not None else []
    if alone is not None and last and is_name_token(last[0]) and not is_plain(last[0]) and last[0] not in _BODIES:
        phrase = phrase[: alone.start()]
    return phrase


def members(before: str) -> str | None:
    """The members of a legislature, each with party and state, that open a sentence as its subject (after a
    dateline at most), up to ``before``'s end, where the verb is: "U.S. Senators A (D-NL), a member of the
    committee, and B (R-SL) applauded" -> "A and B", "Congresswoman A (D-NL), a strong advocate for ..., said"
    -> "A"; None when anything else stands between them ("A (D-NL) met with B (R-SL) and said")."""
    before = _ISSUED.sub("", before.rstrip())  # "... (R-SL) released a joint statement condemning ..."
    found = list(_MEMBER.finditer(before))
    if not found or _BEFORE_MEMBERS.fullmatch(before, 0, found[0].start()) is None:
        return None
    ends = [m.end() + len(tag.group()) for m in found if (tag := _PARTY_STATE.match(before, m.end())) is not None]
    gaps = [_ASIDE.sub("", before[end : m.start()]) for end, m in zip(ends, found[1:], strict=False)]
    if not all(_MEMBER_GAP.fullmatch(gap) for gap in gaps):
        return None
    if _MEMBERS_END.fullmatch(_ASIDE.sub("", before[ends[-1] :])) is None:
        return None
    parsed = [parse_speaker_phrase(_MEMBER_TITLE.sub("", m.group(1))) for m in found]
    names = [p.name for p in parsed if p is not None and p.person]  # "Ranking Member Jane Roe": Jane Roe
    if len(names) < len(found):
        return None
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def issuer(before: str, phrase: str, role: str | None) -> tuple[str, str | None]:
    """Who a release's "X released the following statement" names, from the text ``before`` the verb and the
    subject phrase found there: members with party and state ("Senators A (D-NL), chair of ..., and B (R-SL),
    Ranking Member ..." -> "A and B"); a name before its office ("Anna Berg, Minister of Foreign Affairs," ->
    Anna Berg); a title and party-state cut ("Rep. Karl Olsen", "Karl Olsen (R-Wash.)" -> "Karl Olsen")."""
    found = list(_MEMBER.finditer(before))
    opening = bool(found) and _BEFORE_MEMBERS.fullmatch(before, 0, found[0].start()) is not None
    members = [_MEMBER_TITLE.sub("", m.group(1)) for m in found] if opening else []
    members = [m for m in members if parse_speaker_phrase(m) is not None]
    if len(members) > 1:
        return " and ".join([", ".join(members[:-1]), members[-1]]), None
    parsed = parse_speaker_phrase(phrase) if phrase else None
    if members and (parsed is None or not parsed.person):  # "Senator A (D-NL), a member of the committee,"
        return members[0], phrase or None
    if role is None and phrase[:1].isupper() and (named := _name_before_office(before, phrase)) is not None:
        suffix = _GENERATION.fullmatch(phrase)  # "Joseph Doe, Jr. (D-NL)": the suffix ends the name, no office
        return (f"{named}, {suffix[1]}", None) if suffix is not None else (named, phrase)
    cut = _PARTY_STATE.sub("", _MEMBER_TITLE.sub("", phrase)).strip()
    return (cut, role) if cut and cut != phrase and parse_speaker_phrase(cut) is not None else (phrase, role)


def _name_before_office(before: str, office: str) -> str | None:
    """The person named before an office that ends a subject: "Anna Berg, Minister of Foreign Affairs,"."""
    parsed = parse_speaker_phrase(office)
    if parsed is None or parsed.person:
        return None
    found = re.search(rf"({_NAME}),\s+(?:the\s+)?{re.escape(office)}\s*,?(?:\s*(?:today|on\s+\w+))?\s*$", before)
    name = _MEMBER_TITLE.sub("", found.group(1)) if found is not None else ""
    named = parse_speaker_phrase(name) if name else None
    return name if named is not None and named.person else None
