"""Signed quotations: a release's '"..." – Rep. Jane Doe', the speaker's name after a dash past the closing mark.

Member and committee releases list several members' words one paragraph each, each quotation closed and signed
with a dash and the member's name and title, no verb ("said") at all. The name runs to the end of the sentence:
words in capitals with a title's dots, "of", "the", "and" and commas between them ("Jane Doe, Minister of
Justice"); anything more (a verb, a lower-case clause) is a sentence going on after a dash, not a signature.
"""

from __future__ import annotations

import re

from claimstance.segment.names import parse_speaker_phrase

_WORD = r"[A-Z][\w'’.-]*"
_SIGNED = re.compile(rf"[”\"]\s*[–—]\s*(?P<who>{_WORD}(?:,?\s+(?:{_WORD}|of|the|and|for|on))*)\s*$")


def signature(masked: str) -> tuple[int, str] | None:
    """Where a sentence's signature dash stands and the name after it, or None (quotations masked)."""
    m = _SIGNED.search(masked.rstrip())
    if m is None or parse_speaker_phrase(m["who"]) is None:
        return None
    return m.start(), m["who"]
