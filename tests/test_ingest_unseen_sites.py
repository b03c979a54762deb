"""A speech's or release's author on kinds of page no rule had seen (issue 15, session 7, round 2): a name with
accented letters in a name block under a bracketed delivery note, an office's holder in an appositive after the
office, a legislator's title inside a long office phrase.

Every text is invented, in the styles of the EU's, a press office's and a congressional commission's pages."""

from __future__ import annotations

from claimstance.ingest import ingest_text


def _author(raw: str) -> tuple[str | None, str | None]:
    [doc] = ingest_text(raw, "page.txt")
    return doc.author, doc.author_role


_SPEECH = (
    "Madam Chair,\n\nHonourable members,\n\n"
    "I would like to make three points on the situation in Northland. We condemn the vote organised there and we "
    "consider its outcome invalid.\n\nOur support for the people of Northland will not waver.\n"
)


def test_an_accented_name_under_a_bracketed_delivery_note_is_the_speeches_author() -> None:
    raw = (
        "European Commission\n\n[Check Against Delivery]\n\nŽofia Dvořák\n\n"
        "European Commissioner for Neighbourhood Policy\n\nNorthland vote: a threat to stability\n\n"
        "Strasbourg, 3 April 2019\n\n" + _SPEECH
    )
    assert _author(raw)[0] == "Žofia Dvořák"
