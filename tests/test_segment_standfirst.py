"""A transcript's standfirst is the site's narration, not the author's words (invented kremlin.ru-style pages)."""

from __future__ import annotations

from claimstance.ingest import ingest_text
from claimstance.schema import Attribution
from claimstance.segment import segment


def _speakers(raw: str) -> dict[str, tuple[str | None, Attribution]]:
    [doc] = ingest_text(raw, "page.txt")
    return {u.text: (u.speaker.name, u.speaker.attribution) for u in segment(doc)}


def test_a_standfirst_that_tells_of_the_author_is_narration() -> None:
    speakers = _speakers(
        "Address by President of the Russian Federation\n"
        "Vladimir Putin addressed State Duma deputies and Federation Council members in the Kremlin.\n"
        "March 18, 2026\n15:50\nThe Kremlin, Moscow\n\n"
        "President of Russia Vladimir Putin: Members of the Federation Council, good afternoon.\n\n"
        "We have gathered here today in connection with an issue of vital significance. This is not true.\n"
    )
    standfirst = "Vladimir Putin addressed State Duma deputies and Federation Council members in the Kremlin."
    assert speakers[standfirst][0] != "Vladimir Putin"  # before: the author's own words
    assert speakers["This is not true."] == ("Vladimir Putin", Attribution.AUTHOR)


def test_words_under_the_header_that_do_not_tell_of_the_author_stay_the_authors() -> None:
    speakers = _speakers(
        "Statement by President Karl Olsen\n\nWe reject these claims. Our position has not changed.\n\n"
        "Oldtown\n\nThe border is ours.\n"
    )
    assert speakers["We reject these claims."] == ("Karl Olsen", Attribution.AUTHOR)
    assert speakers["The border is ours."] == ("Karl Olsen", Attribution.AUTHOR)


def test_a_lead_in_to_the_full_text_is_the_outlets() -> None:
    speakers = _speakers(
        "Full text: President Olsen's address to the nation\nBy Jane Doe\nMarch 12, 2026\n\n"
        "Here is the full text of the address President Karl Olsen delivered on Sunday evening:\n\n"
        "My fellow citizens. Tonight I speak to you at a difficult hour. Our land is ours.\n"
    )
    lead_in = "Here is the full text of the address President Karl Olsen delivered on Sunday evening:"
    assert speakers[lead_in][0] is None  # before: the author's
    assert speakers["Our land is ours."] == ("Karl Olsen", Attribution.AUTHOR)


def test_a_standfirst_reporting_the_authors_stand_stays_the_authors() -> None:
    speakers = _speakers(
        "Speech\n\nSouthland is undermining peace: UK statement to the OSCE\n\n"
        "Ambassador John Roe condemns Southland holding elections on the territory of Northland.\n\n"
        "John Roe\n\nThank you, Mr Chair. Once again we must raise Southland's aggression.\n"
    )
    standfirst = "Ambassador John Roe condemns Southland holding elections on the territory of Northland."
    assert speakers[standfirst][0] == "John Roe"


def test_the_frame_that_attributes_a_readout_to_its_spokesperson_is_the_sites_not_the_spokespersons() -> None:
    speakers = _speakers(
        "Office of the Spokesperson\n\nThe below is attributable to Spokesperson Jane Doe:\n\n"
        "The Secretary spoke with the Prime Minister of Northland today. We support the talks.\n"
    )
    assert speakers["The below is attributable to Spokesperson Jane Doe:"][0] != "Jane Doe"
    assert speakers["We support the talks."][0] == "Jane Doe"


def test_an_intro_that_says_the_full_text_is_below_is_narration_up_to_that_line() -> None:
    speakers = _speakers(
        "Prime Minister's statement on the vote\n\n"
        "PM updates Parliament on the result.\n\n"
        "The Prime Minister today pledged to protect the country's place in the union.\n\n"
        "The full text of the Prime Minister's statement to Parliament is below.\n\n"
        "This is not a statement I wanted to make. We did not want this result.\n"
    )
    assert speakers["PM updates Parliament on the result."][0] is None  # the office's site tells of the author
    pledged = speakers["The Prime Minister today pledged to protect the country's place in the union."]
    assert pledged[1] is not Attribution.AUTHOR  # reported, not the statement's own words
    assert speakers["The full text of the Prime Minister's statement to Parliament is below."][0] is None
    assert speakers["We did not want this result."] == ("Prime Minister", Attribution.AUTHOR)
    speakers = _speakers(
        "President Olsen's remarks at a reception for the press\n\n"
        "On Monday, President Karl Olsen met the foreign press corps.\n\n"
        "A transcript of the president's opening remarks follows:\n\n"
        "I have no more important duty than to defend our democracy.\n"
    )
    assert speakers["On Monday, President Karl Olsen met the foreign press corps."][0] is None
    assert speakers["I have no more important duty than to defend our democracy."][0] == "Karl Olsen"
