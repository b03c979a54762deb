"""The body that issues a page, where no dateline, byline or site line names an outlet (issue 15, fifth round).

* **An organisation's name on a line of its own** in the header ("Northland Government", "Office of the Harbour
  Commissioner", "Ministry of Fisheries Press Team"): a repost host's credit for the issuing body, or the
  issuing site's own name above its headline; a desk's name gives its body ("NPA Press Team" -> "NPA"). Such a
  line is no headline either.

Pure functions over short strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimstance.lexicon import ORG_WORDS, words

_CONNECTORS = words("of the for and on in to")
_DESK = re.compile(r"\s+(?i:press\s+(?:team|office|service|desk)|media\s+(?:team|office|desk)|newsroom|news\s+desk)$")
# "Office of the Press Secretary", "Office of Press Relations", "Office of the Spokesperson": a desk with no body
_DESK_ONLY = re.compile(r"(?i:office\s+of\s+(?:the\s+)?(?:press|media|spokesperson|spokesman|communications?)\b)")
MAX_ISSUER_WORDS = 9
_NOT_NAMES = words("breaking news latest home menu search")


def org_line(line: str) -> str | None:
    """The organisation a header line names and nothing else, or None: every word capitalised (or a connector:
    "of", "the", "and", "&"), and an organisation's word at its end ("Harbour Office") or at its start before
    "of" ("Ministry of Fisheries"); a desk's name gives its body. "Office of the Press Secretary" names a desk,
    no body."""
    tokens = line.split()
    if any(t.lower() in _NOT_NAMES for t in tokens):
        return None  # "Breaking News Office": a site's label
    if not 2 <= len(tokens) <= MAX_ISSUER_WORDS or ":" in line or line[-1] in ".,;!?" or _DESK_ONLY.match(line):
        return None  # "Tag: Harbour Office" is a label
    if not all(t[:1].isupper() or t.lower() in _CONNECTORS or t == "&" for t in tokens):
        return None
    desk = _DESK.search(line)
    if desk is not None:
        body = line[: desk.start()]
        return body if body.split()[0][:1].isupper() else None
    last, first = tokens[-1].lower(), tokens[0].lower()
    if last in ORG_WORDS or (first in ORG_WORDS and tokens[1].lower() == "of"):
        return line
    return None


def issuer_line(heads: Sequence[str]) -> str | None:
    """The issuing body the first organisation line among an article's header lines names (see :func:`org_line`);
    the caller leaves out venues ("Oval Office" over a transcript's time)."""
    for head in heads:
        found = org_line(head)
        if found is not None:
            return found
    return None
