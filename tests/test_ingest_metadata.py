"""Document metadata on unseen pages (issue 15, fifth round): titles, dates, sources and run-on lines that the
earlier rounds got wrong on pages no rule was written for; every page here is invented."""

from __future__ import annotations

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.headers import choose_title
from claimstance.schema import Document


def _docs(raw: str) -> list[Document]:
    return list(ingest_text(raw, "page.txt"))


# ------------------------------------------------------------------------------------------------ titles


@pytest.mark.parametrize(
    "furniture",
    [
        "Jump to content",
        "An official website of the Northland Government Here's how you know",
        "Official websites use .gov",
        "Showing posts with label OLDTOWN. Show all posts",
        "The page has not been checked",
        "Statements by the Spokesperson",
        "Speeches, interviews, articles",
    ],
)
def test_site_furniture_and_section_names_are_no_headline(furniture: str) -> None:
    assert choose_title([furniture]) is None
    headline = "Northland minister quits over port deal"
    assert choose_title([furniture, headline]) == headline


def test_a_headline_that_opens_with_a_place_and_an_office_is_kept() -> None:
    # "North Land" + "Prime Minister resigns" reads like a name and an office; the verb in lower case says headline
    assert choose_title(["North Land Prime Minister resigns"]) == "North Land Prime Minister resigns"
    assert choose_title(["Jane Doe", "Secretary of State"]) is None


def test_a_transcript_title_in_capitals_naming_an_office_is_the_title() -> None:
    assert choose_title(["ADDRESS BY PRESIDENT OF THE REPUBLIC OF NORTHLAND"]) == (
        "ADDRESS BY PRESIDENT OF THE REPUBLIC OF NORTHLAND"
    )


def test_a_venue_above_a_transcripts_time_is_no_title() -> None:
    raw = "East Room\n\n4:10 P.M. EST\n\nTHE PRESIDENT:  Thank you all for coming today, it is good to see you.\n"
    assert _docs(raw)[0].title is None


def test_a_videos_title_above_its_player_is_no_headline() -> None:
    raw = (
        "News / World\n\nOldtown Votes to Leave the Union\n\nIn Tense Ballot, Oldtown Backs Secession\n|| 0:00:00\n"
        "Jane Doe\nMarch 3, 2021 8:15 PM\n"
        "Officials in the breakaway region of Oldtown say most voters backed secession in the ballot.\n"
    )
    assert _docs(raw)[0].title == "Oldtown Votes to Leave the Union"


# ------------------------------------------------------------------------------------------------ sources

_BODY = "The minister said the talks would resume next week in the capital.\n\n"


@pytest.mark.parametrize(
    ("furniture", "source"),
    [
        ("Find the Ministry of Trade on Twitter, Facebook & Instagram.", "Ministry of Trade"),
        ("Contact the NTO Communication Team via email in the first instance.", "NTO"),
        ("Contact the Northpress press office for interviews.", "Northpress"),
        (
            "Jane Doe, Remarks on the Port Deal Online by John Roe and Ann Poe, The Northland Papers Project "
            "https://papers.example.org/node/12",
            "The Northland Papers Project",
        ),
        ("FROM:  NORTHLAND FOREIGN MINISTRY", "Northland Foreign Ministry"),
    ],
)
def test_the_page_names_its_publisher_in_its_furniture(furniture: str, source: str) -> None:
    assert _docs(f"Talks to resume next week\n\n{_BODY}{furniture}\n")[0].source == source


def test_a_photo_credit_with_a_copyright_sign_in_the_header_names_the_outlet() -> None:
    raw = f"Minister rejects the appeal\n\n© Northpress | Jane Doe, Foreign Minister\n\n{_BODY}"
    assert _docs(raw)[0].source == "Northpress"


def test_a_site_naming_itself_outranks_the_house_style_it_shows() -> None:
    raw = (
        "Official website of the President of Northland\n\nMeeting with the Prime Minister\n\n"
        "The President met the Prime Minister to discuss the budget and the harvest.\n\n"
        "President of Northland Karl Olsen: Good afternoon, colleagues. Let us begin with the budget.\n"
    )
    assert _docs(raw)[0].source == "Official website of the President of Northland"
