"""Speaker names: a noun phrase split into name and role, and the names a document has given so far.

"Russian Foreign Minister Sergei Lavrov" is the name "Sergei Lavrov" with the role "Russian Foreign Minister";
"the Election Observation Alliance (EOA)" is an organisation known also as "EOA"; "international observers" a
group. Names resolve to the fullest form the document gives: "Rahimova" -> "Rahida Rahimova", "he" -> the last
person quoted, "EOA" -> "Election Observation Alliance", "the minister" -> the last speaker with that role.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimstance.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    is_honorific,
    role_word,
    words,
)
from claimstance.segment.validate import check_name, list_limit

_TITLE_WORDS = (
    ROLE_WORDS
    | HONORIFICS
    | words(
        """republic federation kingdom united nations parliament mejlis milli h.e. their its our my your dear friend
        colleague honorable honourable esteemed major"""
    )
)
"""Words that are no part of a person's name: offices, forms of address, and what stands with them in a title
("Major" too, although a header's "Prime Minister John Major" keeps it: a speaker named Major is rarer)."""
_PLACE_WORDS = words(
    """azerbaijan azerbaijani azerbaijan's russia russian russia's serbia serbian serbia's armenia armenian armenia's
    turkey türkiye turkish georgia georgian iran iranian ukraine ukrainian belarus belarusian kazakhstan kazakh
    uzbekistan uzbek turkmen turkmenistan kyrgyz tajik china chinese japan japanese india indian pakistan pakistani
    israel israeli palestine palestinian egypt egyptian france french germany german britain british uk us u.s. usa
    america american italy italian spain spanish poland polish hungary hungarian greece greek bulgaria bulgarian
    romania romanian croatia croatian bosnia bosnian montenegro montenegrin albania albanian kosovo macedonia
    macedonian slovenia slovenian slovakia slovak czech austria austrian switzerland swiss netherlands dutch belgium
    belgian sweden swedish norway norwegian finland finnish denmark danish estonia estonian latvia latvian lithuania
    lithuanian moldova moldovan syria syrian iraq iraqi saudi arabia qatar qatari uae emirati kuwait kuwaiti jordan
    jordanian lebanon lebanese afghanistan afghan canada canadian mexico mexican brazil brazilian argentina argentine
    korea korean north south vietnam vietnamese eu european asian african balkan caucasus baku moscow belgrade
    yerevan tbilisi ankara tehran kyiv washington london paris berlin brussels nakhchivan karabakh nagorno-karabakh
    states emirates west east"""
)
_COLLECTIVES = words(
    """officials observers experts analysts diplomats residents protesters witnesses critics sources activists voters
    lawmakers deputies monitors journalists reporters police investigators organizers participants opponents
    supporters sides parties leaders ministers members authorities"""
)
_PLAIN = _TITLE_WORDS | _PLACE_WORDS | ORG_WORDS
PRONOUNS = words("he she they it i we")
BE = words("was were is are be been being has have had will would could should did does do")
"""Forms of "be", "have" and auxiliaries: a phrase holding one is a clause, not a speaker."""
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)\s*$")
_LEADING_CONJ = re.compile(
    r"^(?:and|but|as|while|whereas|so|then|meanwhile|however|although|though|because|also|today|yesterday|earlier"
    r"|later|now|recently|previously|separately|both(?=\s.+\sand\s))\s+",  # "Both A and B": A and B
    re.IGNORECASE,
)
_INITIAL = re.compile(r"[A-Z]\.")
_GIVEN = re.compile(r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+){1,3})$")
_LINKS = words("of for from at in on to with and the")
_FOLLOWERS = words("supporters followers members allies relatives lawyers friends backers loyalists")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_ROLE_HEADS = words(
    """president minister premier chairman chairwoman chair speaker secretary secretary-general ambassador envoy
    spokesman spokeswoman spokesperson head leader director commissioner representative governor mayor chancellor
    king queen commander chief adviser advisor senator ombudsman"""
)
"""Nouns of offices that one person holds: "the Northland president" names whoever the text gives that office."""
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
_ROLE_SHORT = {"fm": "foreign minister", "pm": "prime minister", "sg": "secretary general", "mfa": "foreign ministry"}
"""Offices that headlines abbreviate ("Northland FM"), written out so that "the minister" finds them."""
_POSSESSIVE_S = re.compile(r"['’]s\b")
_POSSESSIVE = re.compile(r"['’]s$")
_OFFICE_OF = re.compile(r"\b([A-Za-z-]+)\s+(?:of|for)\s+(?:the\s+)?$")
_OFFICE_TAIL = r"(?:\s+(?:for|of|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})?(?:\s+\([A-Z]{2,8}\))?"
_CAPS_SURNAME = re.compile(r"[A-Z]{3,}(?:-[A-Z]{2,})*")  # a surname in capitals, EP style: "Jean-Claude JUNCKER"


def is_name_token(token: str) -> bool:
    """Whether a token can be part of a name: capitalised with a lower-case letter ("Aliyev"), or an initial."""
    t = token.strip(",.;:()\"“”'")
    if not t:
        return False
    if (t[0].isupper() and any(c.islower() for c in t)) or _INITIAL.fullmatch(token):
        return t.lower() not in FUNCTION_WORDS
    return False


def office_before(text: str, start: int) -> bool:
    """Whether ``text`` just before ``start`` is an office and "of" or "for" ("Chief of ", "Minister for the "):
    the capitalised word at ``start`` then completes the office ("Chief of Staff"), it does not open a name."""
    found = _OFFICE_OF.search(text, max(0, start - 40), start)
    return found is not None and found[1].lower() in ROLE_WORDS


def is_plain(token: str) -> bool:
    """Whether a token is a title or place word ("Minister", "Azerbaijani", "Representative/Vice-President")."""
    return role_word(token.strip(",."), _PLAIN)


def _only_honorifics(phrase: str) -> bool:
    return all(is_honorific(t) for t in phrase.split())


@dataclass(frozen=True)
class SpeakerPhrase:
    """A speaker noun phrase split up: the name, the role before or around it, person or group."""

    name: str
    role: str | None
    person: bool
    acronym: str | None = None


def _clean_np(np: str) -> str:
    np = np.strip(" ,;:–—-\"“”'\x00")
    previous = None
    while previous != np:
        previous = np
        np = _LEADING_CONJ.sub("", np).strip()
    return np


def strip_article(phrase: str) -> str:
    """``phrase`` without a leading "a", "an" or "the"."""
    return _ARTICLE.sub("", phrase)


def office_head(tokens: Sequence[str], links: Collection[str]) -> str:
    """An office phrase's head word: the last before the first of ``links`` after the first word ("minister" in
    "minister for trade", "secretary" in "foreign secretary"); "" for no words."""
    cut = next((k for k, t in enumerate(tokens) if k > 0 and t in links), len(tokens))
    return tokens[cut - 1] if tokens else ""


def _described(tokens: list[str], acronym: str | None) -> SpeakerPhrase | None:
    """An organisation's name after the article and a descriptor in lower case ("the ruling Unity Party of
    Northland" -> "Unity Party of Northland", role "ruling"), or None."""
    first_proper = next((k for k, t in enumerate(tokens) if t[:1].isupper() and k > 0), 0)
    descriptor = tokens[1:first_proper]
    if first_proper > 1 and all(t.islower() and t not in _LINKS for t in descriptor):
        return SpeakerPhrase(" ".join(tokens[first_proper:]), " ".join(descriptor), False, acronym)
    return None


@lru_cache(maxsize=8192)
def parse_speaker_phrase(phrase: str) -> SpeakerPhrase | None:
    """Split a speaker noun phrase into name and role, or None if it names nobody (cached: a pure function).

    "Russian Foreign Minister Sergei Lavrov" -> ("Sergei Lavrov", "Russian Foreign Minister"); organisations
    ("the Election Observation Alliance (EOA)") and collectives ("international observers") keep the phrase.
    """
    np = _clean_np(phrase)
    acronym = None
    m = _ACRONYM.search(np)
    if m:
        acronym = m.group(1)
        np = np[: m.start()].strip()
    tokens = np.split()
    if not tokens or len(tokens) > list_limit(np) or not BE.isdisjoint(map(str.lower, tokens)):
        return None
    caps = len(tokens) >= 2 and _CAPS_SURNAME.fullmatch(tokens[-1]) is not None and _given(tokens[:-1])
    caps = caps and tokens[-1].lower() not in _ROLE_SHORT  # "Southland MFA" is an office
    acronym = None if caps else acronym  # "Manfred WEBER (DE)": a member's country, not an organisation's acronym
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return SpeakerPhrase(tokens[0].lower(), None, person=False)
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0].lower() in _FOLLOWERS:  # "Supporters of Karl Olsen"
        return SpeakerPhrase(_lower_first(np), None, person=False)
    if "and" in tokens:
        both = _coordinated(tokens)
        if both is not None:
            return both
    article = tokens[0].lower() in ("the", "a", "an")
    proper = len(tokens) > 1 and tokens[1][:1].isupper()
    member = _member_of(tokens)
    if member is not None:
        return member
    if tokens[-1].lower().strip(".,") in ORG_HEADS or acronym:
        if article and (described := _described(tokens, acronym)) is not None:
            return described  # "the main opposition United Democratic Force"
        return SpeakerPhrase(strip_article(np) if article and proper else _lower_first(np), None, False, acronym)
    of_place = _person_of_place(tokens)
    if of_place is not None:
        return of_place
    owner = next((k for k, t in enumerate(tokens[:-2]) if _POSSESSIVE.search(t)), None)
    named = tokens[owner + 1 :] if owner is not None else []
    if 2 <= len(named) <= 4 and all(t[:1].isupper() and not is_plain(t) for t in named):
        # "Amnesty International's Maria Lund": the person, and whom the person speaks for as the role
        owner_words = [*tokens[: owner + 1 if owner is not None else 0]]
        owner_words[-1] = _POSSESSIVE.sub("", owner_words[-1])
        return SpeakerPhrase(" ".join(named), strip_article(" ".join(owner_words)) or None, person=True)
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        particle = tok.lower() in PARTICLES and i < len(tokens) and i > 1 and is_name_token(tokens[i - 2])
        if (is_name_token(tok) and not is_plain(tok)) or particle or (caps and i == len(tokens)):
            i -= 1
        else:
            break
    name_tokens = tokens[i:]
    if name_tokens and i > 1 and tokens[i - 1].lower() in ("of", "for", "&"):
        if len(name_tokens) >= 3 and tokens[i - 2].lower() in ROLE_WORDS:
            # "Deputy Foreign Minister of Northland Karl Olsen": the place ends the office, two words the name
            return SpeakerPhrase(" ".join(name_tokens[-2:]), " ".join(tokens[: len(tokens) - 2]), person=True)
        # "the Democratic Party of Northland", "Bank of England": an institution named after a place
        if article and (described := _described(tokens, acronym)) is not None:
            return described  # "the ruling Unity Party of Northland"
        return SpeakerPhrase(strip_article(np) if article else np, None, person=False)
    if name_tokens and i > 1 and tokens[i - 1].lower() in _LINKS:
        # "the Organisation for Security and Co-operation in Europe", "protesters in Oldtown": the place ends
        # the phrase, it is not the speaker
        return SpeakerPhrase(strip_article(np) if article else _lower_first(np), None, person=False)
    if len(tokens) == 1 and tokens[0].lower() in _COLLECTIVES:
        name_tokens = []
    if name_tokens and len(name_tokens) <= 4:
        role = strip_article(" ".join(tokens[:i]).strip(" ,")) or None
        if role and _only_honorifics(role):
            role = None  # "Mr.", "Dr." say nothing about the speaker's office
        return SpeakerPhrase(" ".join(name_tokens), role, person=True)
    if len(tokens) > 8:
        return None
    if article and proper:
        return SpeakerPhrase(strip_article(np), None, person=False)  # "the United States"
    return SpeakerPhrase(_lower_first(np), None, person=False)


def _member_of(tokens: list[str]) -> SpeakerPhrase | None:
    """ "challenger Karl Olsen of the Freedom Party": a person's full name, a lower-case descriptor before it at
    most, then "of" and the body the person belongs to (the role); None for any other phrase ("Bank of England",
    "the Democratic Party of Northland", "President of Northland Karl Olsen")."""
    if "of" not in tokens or tokens.index("of") < 2 or tokens.index("of") > 4:
        return None
    k = tokens.index("of")
    names, before = tokens[k - 2 : k], tokens[: k - 2]
    if not all(is_name_token(t) and not is_plain(t) and t.lower() not in ORG_HEADS for t in names):
        return None
    if before and not (len(before) == 1 and before[0].isalpha() and before[0].islower()):
        return None
    if before and (before[0] in FUNCTION_WORDS or before[0] in ("the", "a", "an")):
        return None  # "the University College of London": an article opens an institution's name
    body = strip_article(" ".join(tokens[k + 1 :]))
    if not body[:1].isupper():
        return None
    return SpeakerPhrase(" ".join(names), " ".join([*before, "of", body]) if before else body, person=True)


def _given(tokens: list[str]) -> bool:
    """A given name before a surname in capitals, not an organisation's end after "of" ("of Northland Energy")."""
    k = len(tokens)
    while k and is_name_token(t := tokens[k - 1]) and not is_plain(t) and t.lower() not in ROLE_WORDS:
        k -= 1
    return k < len(tokens) and not (0 < k < len(tokens) - 1 and tokens[k - 1] in ("of", "the", "at", "from", "for"))


def _coordinated(tokens: list[str]) -> SpeakerPhrase | None:
    """ "Northland and its ally Southland", "Jane Doe and John Roe": both speak, never the second alone."""
    k = tokens.index("and")
    left, right = tokens[:k], tokens[k + 1 :]
    if right and right[0].lower() in ("its", "his", "her", "their"):
        right = right[next((j for j, t in enumerate(right) if t[:1].isupper()), len(right)) :]
    names = all(t[:1].isupper() and t.lower() not in _LINKS for t in (*left, *right))
    if not names or not 0 < len(left) <= 4 or not 0 < len(right) <= 4:
        return None
    return SpeakerPhrase(f"{' '.join(left)} and {' '.join(right)}", None, person=False)


def _person_of_place(tokens: list[str]) -> SpeakerPhrase | None:
    """ "President John Carter of Northland", "Foreign Minister Berg of Southland": the person before "of"."""
    if "of" not in tokens:
        return None
    cut = len(tokens) - 1 - tokens[::-1].index("of")
    left, right = tokens[:cut], [t for t in tokens[cut + 1 :] if t.lower() != "the"]
    if len(left) < 2 or not right or not all(t[:1].isupper() for t in right):
        return None
    parsed = parse_speaker_phrase(" ".join(left))
    titled = parsed is not None and (parsed.role is not None or is_honorific(left[0]))
    # "Maria Lund of Amnesty International": a bare full name, then whom the person speaks for
    bare = parsed is not None and parsed.role is None and len(left) in (2, 3) and not any(map(is_plain, left))
    if parsed is None or not parsed.person or not (titled or bare) or " of " in (parsed.role or ""):
        return None  # "Bank of England", "Head of the Election Mission Jane Doe": no person before "of"
    if bare and not titled:
        return SpeakerPhrase(parsed.name, " ".join(tokens[cut + 1 :]), person=True)
    role = " ".join(x for x in (parsed.role, "of", *tokens[cut + 1 :]) if x)
    return SpeakerPhrase(parsed.name, role, person=True)


def _lower_first(np: str) -> str:
    """ "The sides" / "Officials" at the start of a sentence -> "the sides" / "officials"; names keep capitals."""
    first = np.split()[0]
    if first.lower() in ("the", "a", "an") or first.lower() in _COLLECTIVES:
        return first.lower() + np[len(first) :]
    return np


Entry = tuple[str, str | None]


class NameIndex:
    """Full names (and roles) met so far in one document, for resolving short names and pronouns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_alias: dict[str, Entry] = {}
        self.last_person: Entry | None = None
        self.last_group: Entry | None = None
        self.groups: list[Entry] = []
        self.roles: list[tuple[str, Entry]] = []
        self.titles: dict[str, str | None] = {}
        self.holders: dict[str, dict[str, tuple[Entry, str]]] = {}

    def register(self, entry: Entry, person: bool, acronym: str | None = None) -> None:
        name, role = entry
        if person:
            known = self.by_alias.get(name)
            if known is not None and role is None:
                entry = known
            self.by_alias[name] = entry
            self.by_alias.setdefault(name.split()[-1], entry)
            self.last_person = entry
            if entry[1]:
                words_ = [_ROLE_SHORT.get(w, w) for w in _POSSESSIVE_S.sub("", entry[1].lower()).split()]
                self.roles.append((" ".join(words_), entry))  # "Northland FM" -> "northland foreign minister"
        else:
            self.last_group = entry
            self.groups.append(entry)
        if acronym:
            self.by_alias[acronym] = entry

    def knows(self, token: str) -> bool:
        """Whether the document names someone ``token`` ("Kerry" in "John Kerry ..."): a speaker's tag."""
        pattern = r"\b[A-Z][a-z]+\s+" + re.escape(token) + r"\b"
        return token in self.by_alias or re.search(pattern, self.text) is not None

    def role_in_text(self, name: str) -> str | None:
        """The title before a full name in the text: "Azerbaijani President Ilham Aliyev" -> "Azerbaijani President"."""
        if name not in self.titles:
            self.titles[name] = None
            at = self.text.find(name)
            while at >= 0 and self.titles[name] is None:
                before = self.text[max(0, at - 80) : at]
                title: list[str] = []
                for word in reversed(before.split() if before[-1:].isspace() else []):
                    if not (is_plain(word) or word in ("of", "the")) or len(title) == 6 or word.endswith(","):
                        break  # "the Southland Foreign Ministry, Anna Berg": an office in apposition, no title
                    title.insert(0, word)
                while title and not (title[0][:1].isupper() and is_plain(title[0])):
                    title.pop(0)
                if title and not _only_honorifics(" ".join(title)):
                    self.titles[name] = " ".join(title)
                at = self.text.find(name, at + len(name))
        return self.titles[name]

    def holder(self, phrase: str) -> Entry | None:
        """The person an office phrase stands for ("the Northland foreign minister", "the ministry's spokesman",
        "a spokesman for the Foreign Ministry"): the last speaker with that office, else the one person the text
        gives it, whose title holds every qualifier ("northland", "foreign", "ministry"); None if no such one."""
        if not any(w in _ROLE_HEADS or w in _ROLE_SHORT for w in phrase.lower().split()):
            return None  # no office in the phrase: the usual case, spared the work below
        tokens = [_POSSESSIVE.sub("", t.strip(",.")).lower() for t in strip_article(phrase).split()]
        tokens = [w for t in tokens for w in _ROLE_SHORT.get(t, t).split()]  # "Southland FM": foreign minister
        head = office_head(tokens, ("for", "of", "at", "to"))  # "the delegation head to the mission"
        if head not in _ROLE_HEADS:
            return None
        # "azerbaijani" finds "President of Azerbaijan", "russian" "Russia's Foreign Minister": a stem will do
        qualifiers = [t[:6] for t in tokens if t != head and t not in FUNCTION_WORDS and t not in _LINKS]
        for role, entry in reversed(self.roles):
            if head in role.split() and all(q in role for q in qualifiers):
                return entry  # "the minister" -> the last minister quoted
        return self.only_holder(head, qualifiers) or self._headline_holder(head, qualifiers)

    def _headline_holder(self, role_word: str, qualifiers: list[str]) -> Entry | None:
        """The one person a line of the text opens with by office and surname alone ("Minister Berg addresses
        ..."), a release's headline, when the text titles nobody else with the office: "The Minister for Trade
        told the assembly" below it is Berg; "The Prime Minister" is not "Finance Minister Berg"."""
        pattern = r"^((?:[A-Z][\w'’-]*\s+){0,2}?)(?i:" + re.escape(role_word) + r")\s+([A-Z][a-z'’-]+)\s+[a-z]"
        found = re.finditer(pattern, self.text, re.MULTILINE)
        surnames = {m[2] for m in found if not m[1] or all(q in m[1].lower() for q in qualifiers)}
        if len(surnames) != 1 or self._holders(role_word):
            return None
        surname = surnames.pop()
        if is_plain(surname) or check_name(surname) is not None or self._met_by_the(role_word, surname):
            return None
        self.last_person = (surname, role_word.capitalize())  # the person that a "he" after the office means
        return self.last_person

    def _holders(self, role_word: str) -> dict[str, tuple[Entry, str]]:
        """The people the text titles with ``role_word``, each with the words around the title (lower case)."""
        if role_word not in self.holders:
            role = re.escape(role_word)
            # "Northland Foreign Minister Anna Berg", "President of Northland John Carter"
            of = r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*){1,3}?)?"
            # "Secretary Antony J. Blinken": an initial is a word of the name; a name never runs on to the next line
            pattern = r"\b((?:[A-Z][\w'’-]* +){0,3}(?i:" + role + r")" + of + r"(?: +(?:[A-Z]\.|[A-Z][\w'’-]*)){2,3})"
            holders: dict[str, tuple[Entry, str]] = {}
            for m in re.finditer(pattern, self.text):
                parsed = parse_speaker_phrase(m.group(1))
                if parsed and parsed.person and " " in parsed.name and not check_name(parsed.name):  # not "Call With"
                    of_place = _OF_PLACE.match(self.text, m.end())
                    around = (m.group(1) + (of_place.group() if of_place else "")).lower()
                    holders[parsed.name] = ((parsed.name, parsed.role), around)
            # "the spokesman, Peter Hall, ...", "Minister for Europe, Sir Peter Hall,": the office, then the name
            office = r"\b(?i:" + role + r")" + _OFFICE_TAIL
            knight = r"(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms)\.?\s+)?"
            for m in re.finditer(office + r",\s+" + knight + r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),", self.text):
                if not any(is_plain(t) for t in m.group(1).split()):
                    around = self.text[max(0, m.start() - 40) : m.end()].lower()
                    holders[m.group(1)] = ((m.group(1), None), around)
            self.holders[role_word] = holders
        return self.holders[role_word]

    def only_holder(self, role_word: str, qualifiers: Sequence[str] = ()) -> Entry | None:
        """The one person the text titles with ``role_word`` ("Foreign Minister Jeyhun Bayramov") and whose title
        holds every qualifier ("foreign"), if just one."""
        found = [e for e, around in self._holders(role_word).values() if all(q in around for q in qualifiers)]
        if len(found) != 1 or (not qualifiers and self._met_by_the(role_word, found[0][0])):
            return None
        return found[0]

    def titled_surname(self, office: str) -> Entry | None:
        """The one surname the text gives ``office`` as its title anywhere ("Foreign Minister Olsen and I talked",
        "President Berg also feels"): "the Foreign Minister made clear that ..." is Olsen; None when the text
        titles two people so, or sets "the President" apart from the one it titles ("the President met President
        Berg")."""
        pattern = r"(?<![\w-])" + re.escape(office) + r"\s+([A-Z][a-z'’-]+)\b(?![ \t]*[A-Z])"
        surnames = {m[1] for m in re.finditer(pattern, self.text)}
        surname = surnames.pop() if len(surnames) == 1 else ""
        if not surname or is_plain(surname) or check_name(surname) is not None:
            return None
        return None if self._met_by_the(office.lower(), surname) else (surname, office)

    def _met_by_the(self, role_word: str, name: str) -> bool:
        """Whether the text sets "the President" apart from this holder: "the President's call with President
        Anna Berg of Northland", "The President spoke today with President Berg" (a readout's two leaders)."""
        role, surname = re.escape(role_word), re.escape(name.split()[-1])
        meeting = rf"\b(?i:the\s+{role})(?:['’]s)?\s[^.\n]{{0,60}}?\bwith\s+(?i:{role})\s+"
        return re.search(meeting + rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}{surname}\b", self.text) is not None

    def _given_names(self, surname: str) -> Iterator[str]:
        """The capitalised words just before each whole-word ``surname`` ("Mohamed Kamel" Amr; not "Berg-Olsen")."""
        at = self.text.find(surname)
        while at >= 0:
            end = at + len(surname)
            if (end == len(self.text) or (not self.text[end].isalnum() and self.text[end] != "-")) and at > 0:
                found = _GIVEN.search(self.text, max(0, at - 60), at)
                # not "Staff" of "Chief of Staff Anna" Berg: the word completes the office
                given = found[1].split()[int(office_before(self.text, found.start())) :] if found is not None else []
                if given:
                    yield " ".join(given)
            at = self.text.find(surname, end)

    def resolve(self, parsed: SpeakerPhrase) -> Entry | None:
        """The fullest known form of a name; None for a pronoun with nobody to refer to."""
        name = parsed.name
        if name in PRONOUNS:
            if name in ("he", "she"):
                return self.last_person
            return self.last_group if name in ("they", "it") else None
        if name in self.by_alias:
            full, role = self.by_alias[name]
            return full, parsed.role or role
        if not parsed.person:
            bare = strip_article(name).lower()
            if self.last_group is not None and bare in ORG_HEADS and bare in self.last_group[0].lower():
                return self.last_group  # "the mission noted" after "the Election Mission said"
            headed = " " in bare and bare.rsplit(" ", 1)[-1] in ORG_HEADS  # "the electoral commission in Northland"
            fuller = next((g for g in reversed(self.groups) if bare in g[0].lower()), None) if headed else None
            if fuller is not None:
                return fuller
            return self.holder(name) or (name, None)
        if " " not in name:
            # "Amr" -> "Mohamed Kamel Amr": up to three given names before the surname somewhere in the text
            for given_text in self._given_names(name):
                given = given_text.split()
                titled = [k for k, word in enumerate(given) if is_plain(word) or word.lower() in FUNCTION_WORDS]
                if titled and given[titled[-1]].lower() in FUNCTION_WORDS and given[titled[-1]] != "The":
                    continue  # "Vote On Joining Northland": a headline's title case, no given name
                given = given[titled[-1] + 1 :] if titled else given  # "Northland President John" Carter
                if given:
                    full = " ".join([*given, name])
                    return full, parsed.role or self.role_in_text(full)
            knight = r"\b(?:Sir|Dame)\s+" + re.escape(name) + r"\s+([A-Z][a-z'’-]+)\b"
            # a plain substring test first: most texts have no knight, and the search is spared
            knighted = re.search(knight, self.text) if "Sir " in self.text or "Dame " in self.text else None
            if knighted is not None:  # "Sir Alan" is Sir Alan Duncan: a knight goes by his given name
                return f"{name} {knighted[1]}", parsed.role
            return name, parsed.role
        return name, parsed.role or self.role_in_text(name)
