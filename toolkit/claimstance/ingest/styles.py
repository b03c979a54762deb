"""House styles of government speeches and transcripts: who their headers name (pure).

* **A surname alone** in a title ("Remarks by President Smith Before Marine One Departure", "Secretary Doe's
  Remarks") is the person the page names in full ("President Joseph Smith", a name line "Jane Doe"), when it
  names one person of that surname.
* **GOV.UK speeches**: a page labelled "Speech" (or "Oral statement to Parliament") whose "From:" line names one
  person beside its departments ("Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP") is
  that person's; an office its title names ("Foreign Secretary's speech at ...") is that person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import FUNCTION_WORDS, ORG_HEADS, ROLE_WORDS, is_honorific, words

_GIVEN = r"(?:[A-Z][a-z'’\-]+|[A-Z]\.)"
_NOT_GIVEN = ROLE_WORDS | FUNCTION_WORDS | ORG_HEADS | words("mr mrs ms dr madam sir dame lord")


def fuller_name(text: str, name: str) -> str:
    """``name`` written out when it is a surname alone and the text gives one person of that surname in full
    ("Smith" -> "Joseph R. Smith"); else ``name`` itself."""
    if " " in name or not name[:1].isupper():
        return name
    found: set[str] = set()
    for match in re.finditer(rf"((?:{_GIVEN}[ \t]+){{1,3}}){re.escape(name)}\b(?!['’]?[ \t]*[A-Z][a-z])", text):
        given = match.group(1).split()
        while given and (given[0].lower().rstrip(".") in _NOT_GIVEN or is_honorific(given[0])):
            given = given[1:]  # "President Joseph Smith": the office is no given name
        if given and given[0][:1].isupper() and not given[0].endswith("."):
            found.add(" ".join([*given, name]))
    firsts = {candidate.split()[0] for candidate in found}
    return max(found, key=len) if len(firsts) == 1 else name


_SPEECH_LABEL = frozenset(["speech", "oral statement to parliament", "written statement to parliament"])
_POST_NOMINALS = words("mp cmg kcmg gcmg obe mbe cbe qc kc pc msp ms")
_FROM_PART = re.compile(r",\s+|\s+and\s+")
_PERSON = re.compile(
    r"(?:The\s+)?(?:Rt\.?\s+Hon\.?\s+)?(?P<name>(?:(?:Sir|Dame|Lord|Baroness|Lady)\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})"
)


def from_line_person(heads: Sequence[str], lines: Sequence[str]) -> str | None:
    """The one person a GOV.UK speech's "From:" line names beside its departments, when the header's label
    says "Speech"; several persons, or none, name nobody."""
    if not any(head.lower() in _SPEECH_LABEL for head in heads[:3]):
        return None
    for line in lines:
        parts = [part.strip() for part in _FROM_PART.split(line) if part.strip()]
        if len(parts) < 2 or not any(t.lower() in ORG_HEADS for part in parts for t in part.split()):
            continue  # the line names a department: "Foreign, Commonwealth & Development Office and ..."
        persons = []
        for part in parts:
            tokens = [t for t in part.split() if t.lower().strip(".") not in _POST_NOMINALS]
            found = _PERSON.fullmatch(" ".join(tokens))
            if found is not None and not any(t.lower() in ORG_HEADS | ROLE_WORDS for t in tokens):
                persons.append(found["name"])
        if persons:
            return persons[0] if len(persons) == 1 else None
    return None
