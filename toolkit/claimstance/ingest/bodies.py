"""A body's statement in its own voice, with no header naming it: the text's opening paragraph names the body as
the subject of a present-tense verb of position ("The Ministry of Foreign Affairs of Northland expresses its
regret ...", "The Commission welcomes ...") (pure; issue 15, session 7)."""

from __future__ import annotations

import re

from claimstance.lexicon import ORG_HEADS, SELF_STATING_BODIES

_OF = r"(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and))*)"
_VERBS = (
    r"expresses|welcomes|condemns|regrets|reiterates|reaffirms|deplores|considers|urges|calls\s+(?:up)?on"
    r"|notes\s+with"
)
# A paragraph opening "The [Foreign] Ministry [of Northland] expresses ...": the body's own voice, in the present
# tense (a news report gives a body's words in the past: "the ministry said", "the Commission welcomed")
_OPENS = re.compile(
    rf"^The\s+(?P<who>(?:[A-Z][\w.'’&-]*\s+){{0,4}}{SELF_STATING_BODIES}{_OF}{{0,2}})\s+(?:(?:also|strongly|firmly|warmly)\s+)?"
    rf"(?:{_VERBS})\b",
    re.MULTILINE,
)
_OPENING_CHARS = 1500
"""The body's opening paragraph comes this far into the text at most (under a site's own blurb)."""
# A report's words: "..., the ministry said", "EU ministers condemned ...", "the spokesperson noted this"
_REPORTED = re.compile(
    r"\b(?:said|says|told|noted|stated|according\s+to|condemned|welcomed|adopted|confirmed|expressed|called)\b"
)


def body_voice(text: str) -> tuple[str, None] | None:
    """The body a statement opens in its own voice, as its first such paragraph names it ("Ministry of Foreign
    Affairs of Northland", "Commission"); None where no paragraph near the top opens so, or that paragraph or one
    above it reports ("..., the ministry said", "EU ministers condemned ..."): a news item or a meeting's report,
    not the body's statement."""
    found = _OPENS.search(text, 0, _OPENING_CHARS)
    if found is None:
        return None
    end = text.find("\n", found.end())
    if _REPORTED.search(text, 0, end if end >= 0 else len(text)) is not None:
        return None
    who = found["who"]
    if who.split()[-1].lower() not in ORG_HEADS and " of " not in who and " for " not in who:
        return None
    return who, None
