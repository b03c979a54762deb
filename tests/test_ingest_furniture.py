"""Page furniture of government sites and wire copy no rule was written for (invented pages, fourth round)."""

from __future__ import annotations

from datetime import date

from claimstance.ingest import ingest_text
from claimstance.ingest.headers import agency_in_lead, choose_title
from claimstance.schema import Document


def _doc(raw: str) -> Document:
    [doc] = ingest_text(raw, "page.txt")
    return doc


def test_a_reporter_filing_for_an_outlet_names_the_source_and_the_byline() -> None:
    raw = (
        "Southland Opposition Rejects Poll\n\n"
        "The opposition called the vote a fraud on Monday, according to Jane Roe, reporting for Northpress from "
        "Oldtown. The government denied it.\n"
    )
    doc = _doc(raw)
    assert (doc.source, doc.byline) == ("Northpress", "Jane Roe")
    lead = "Crowds gathered in the capital. But as John Doe reports for Northpress from Oldtown, not all cheered."
    assert agency_in_lead(lead) == "Northpress"
    assert agency_in_lead("Jane Roe reported for years on the war. She said it was over.") is None


def test_a_bulleted_staff_byline_names_the_outlet() -> None:
    doc = _doc("Ministers Meet in Oldtown\n\n  • Northpress Staff\n\nMinisters met on Monday. They agreed on a plan.\n")
    assert doc.source == "Northpress"


def test_a_place_a_single_word_or_a_release_label_is_no_title() -> None:
    assert choose_title(["Oldtown"]) is None  # a dateline's place above its date
    assert choose_title(["Washington, DC", "New York, NY"]) is None
    assert choose_title(["For Immediate Release", "AS DELIVERED"]) is None
    assert _doc("Oldtown\n17 February 2008\nCrowds danced in the streets. The vote was unanimous.\n").title is None


def test_a_line_the_header_repeats_is_the_site_not_the_headline() -> None:
    raw = (
        "Northland Ministry of Foreign Affairs\nNorthland Ministry of Foreign Affairs\n"
        "Northland Ministry of Foreign Affairs\nDaily Briefing\nJane Doe, Spokesperson\n\n"
        "MS. DOE: Good morning. We have a few announcements today.\n"
    )
    doc = _doc(raw)
    assert doc.title == "Daily Briefing"
    assert doc.source == "Northland Ministry of Foreign Affairs"
    assert (doc.author, doc.author_role) == ("Jane Doe", "Spokesperson")


def test_a_labelled_date_line_gives_the_date_and_is_no_title() -> None:
    raw = "Skip to main content\n\nVolume 580: debated on Tuesday 13 May 2014\n\nWith permission, I will speak.\n"
    doc = _doc(raw)
    assert (doc.title, doc.published) == (None, date(2014, 5, 13))


def test_a_speech_name_block_over_a_delivery_note_gives_the_author() -> None:
    raw = (
        "FROM: NORTHLAND FOREIGN MINISTRY\nJane McDoe\nNorthland Permanent Representative to the United Nations\n"
        "New York, NY\nNovember 25, 2014\nAS DELIVERED\nWe are deeply concerned about the situation. We urge calm.\n"
    )
    doc = _doc(raw)
    assert (doc.author, doc.author_role) == ("Jane McDoe", "Northland Permanent Representative to the United Nations")
    assert doc.title is None
    assert doc.published == date(2014, 11, 25)
