"""A statement's own side speaking is the author's voice, another side's words are that side's (invented pages)."""

from __future__ import annotations

from claimstance.ingest import ingest_text
from claimstance.schema import Document
from claimstance.segment import segment
from claimstance.segment.sides import own_sides, principal, side_key, speaks_for


def _speakers(raw: str) -> dict[str, str | None]:
    [doc] = ingest_text(raw, "page.txt")
    return {u.text: u.speaker.name for u in segment(doc)}


def test_the_side_a_statement_speaks_for_is_the_authors_own_voice() -> None:
    speakers = _speakers(
        "Northland: Statement by the High Representative on behalf of the EU on the so-called elections\n"
        "Brussels, 12.09.2026\n\n"
        "The European Union does not recognise the so-called elections. They are illegitimate. "
        "The EU reiterates its support for Northland's sovereignty. Southland claims the vote was free.\n"
    )
    assert speakers["The EU reiterates its support for Northland's sovereignty."] == "High Representative"
    assert speakers["Southland claims the vote was free."] == "Southland"  # the other side stays reported


def test_a_topic_of_the_title_is_no_side() -> None:
    [doc] = ingest_text("Northland: Statement by the Spokesperson on Southland\n\nWe are concerned.\n", "p.txt")
    assert own_sides(doc) == frozenset()
    assert side_key("the United Kingdom") == side_key("UK") == side_key("U.K.") == "UK"
    assert speaks_for("United States", frozenset({"US"})) and not speaks_for("Southland", frozenset({"US"}))


def test_the_country_before_the_authors_office_is_their_side() -> None:
    speakers = _speakers(
        "Remarks at a UN Security Council Briefing on Northland\nJane Roe\n"
        "U.S. Representative to the United Nations\nNew York, New York\nMarch 12, 2026\n\n"
        "Thank you, Madam President. The United States condemns Southland's aggression. Southland claims that "
        "it acts in self-defence.\n"
    )
    assert speakers["The United States condemns Southland's aggression."] == "Jane Roe"
    assert speakers["Southland claims that it acts in self-defence."] == "Southland"


def test_a_readouts_bare_office_is_its_principal_not_the_party_of_the_same_office_it_called() -> None:
    title = "Readout of the President's Call with President Karl Olsen of Northland"
    assert principal(title) == "President"
    assert principal("Readout of the President's Call with Prime Minister Anna Berg") is None
    text = (
        f"{title}\n\nThe President spoke today with President Karl Olsen of Northland. President Olsen noted the "
        "shelling of the border. The President noted the urgency of humanitarian aid.\n"
    )
    doc = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, title=title)
    said = {u.text[:12]: u.speaker.name for u in segment(doc) if u.kind.value == "claim"}
    assert said["President Ol"] == "Karl Olsen"
    assert said["The Presiden"] == "President"  # the readout's own President, not Olsen
