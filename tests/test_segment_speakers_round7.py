"""Speakers of kinds of text seen on several pages of the evaluation's dev half (issue 15, seventh round): a
position stated with "made (it) clear that", an office resolved to the one person the text titles with it.
Every text is invented; precision first: a name only where the text gives one."""

from __future__ import annotations

import pytest
from claimstance.schema import ClaimUnit, Document, UnitKind
from claimstance.segment import segment
from conftest import claim_speaker_names as names


def units_of(text: str) -> list[ClaimUnit]:
    return list(segment(Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text)))


# ------------------------------------------------------------------------------ "made it clear that"


def test_made_clear_that_reports_the_position_of_its_subject() -> None:
    text = (
        "Border talks end without a deal\n\nNorthland's Foreign Minister Anna Berg met Karl Olsen on Monday.\n\n"
        "But the Foreign Minister made clear that Northland would not accept the new line.\n"
    )
    assert names(text)[-1] == "Anna Berg"


def test_made_clear_with_no_that_clause_is_no_report() -> None:
    # "made clear our aims" states what was shown, not a position someone took: the narration's sentence
    text = "Talks resume\n\nThe envoy Anna Berg made clear our aims were shared by the whole region.\n"
    assert names(text) == [None]


# ------------------------------------------------------------------------------ an office and its one holder


def test_an_office_is_the_one_person_a_speech_titles_with_it_by_surname() -> None:
    # a press availability: "Foreign Minister Olsen and I talked" titles one person; "the Foreign Minister made it
    # clear that" is his position, not the speaker's own
    text = (
        "Press Availability in Geneva\n\nSecretary Jane Roe\n\nGood afternoon. Foreign Minister Olsen and I talked "
        "for six hours today. We put forward ideas on behalf of the President. However, the Foreign Minister made "
        "it clear that Southland is not prepared to delay the vote. We will not recognise its result.\n"
    )
    said = names(text)
    assert "Olsen" in said
    assert said[-1] != "Olsen"


def test_an_office_the_text_gives_two_people_stays_unresolved() -> None:
    text = (
        "Leaders meet\n\nIn Geneva on Monday, President Berg met President Olsen for talks.\n\n"
        "The President made clear that the border would stay open.\n"
    )
    assert names(text)[-1] not in ("Berg", "Olsen")


# ------------------------------------------------------------------------------ a joint statement's issuers


def test_two_ministers_who_issue_a_statement_are_its_speakers() -> None:
    text = (
        "Northland welcomes the vote\n\nMay 2, 2024 - Foreign Minister Anna Berg and Trade Minister Karl Olsen "
        "today issued the following statement:\n\n“Northland welcomes the peaceful vote. We urge all sides to "
        "accept the result.”\n"
    )
    assert names(text)[-1] == "Anna Berg and Karl Olsen"


def test_ministers_named_before_their_offices_are_all_speakers() -> None:
    text = (
        "Joint statement on the vote\n\nThe Honourable Anna Berg, Minister of Foreign Affairs, and the Honourable "
        "Karl Olsen, Minister of Trade and Culture, today issued the following statement:\n\n“Northland "
        "congratulates the winner of the election.”\n"
    )
    assert names(text)[-1] == "Anna Berg and Karl Olsen"


def test_three_members_with_offices_in_apposition_are_all_speakers() -> None:
    text = (
        "Members condemn the vote\n\nThe Chair of the Committee on Foreign Affairs Anna Berg (EPP, Northland), the "
        "Chair of the delegation to Southland, Karl Olsen (ECR, Eastmark) and the rapporteur on Southland, Jan Holm "
        "(EPP, Westmark), issued the following statement on Wednesday.\n\n“We condemn the sham vote.”\n"
    )
    assert names(text)[-1] == "Anna Berg, Karl Olsen and Jan Holm"


def test_one_minister_with_an_office_joined_by_and_stays_one_speaker() -> None:
    # "Minister of Trade and Culture": the office's "and" joins no second person
    text = (
        "Statement on the vote\n\nThe Honourable Anna Berg, Minister of Trade and La Culture, today issued the "
        "following statement:\n\n“Northland congratulates the winner of the election.”\n"
    )
    assert names(text)[-1] == "Anna Berg"


# ------------------------------------------------------------------------------ a readout's principal


def test_an_adverb_before_the_first_of_two_verbs_is_no_part_of_the_subject() -> None:
    text = (
        "PM call with Chancellor Berg\n\nThe Prime Minister spoke to Chancellor Anna Berg this evening.\n\n"
        "The Prime Minister also reflected on the situation in the region and underscored the need for calm.\n"
    )
    assert names(text)[-1] == "Prime Minister"


def test_feels_that_reports_the_subjects_view() -> None:
    text = "Trade talks\n\nNorthland's Trade Minister Karl Olsen also feels that the deal is within reach.\n"
    assert names(text) == ["Karl Olsen"]


def test_the_authors_own_feeling_stays_the_authors() -> None:
    text = "Why the vote matters\n\nI feel that the count must be open.\n"
    assert names(text) == [None]


# ------------------------------------------------------------------------------ a union's statement in its own voice


def test_a_unions_statement_that_names_itself_and_says_we_is_the_unions() -> None:
    # a statement to a council, numbered, whose heading names no speaker: the union names itself once
    text = (
        "Permanent Council No. 12, Vienna, 3 May 2024\n\n1. The African Union warmly welcomes the Chair's report. "
        "We urge all sides to respect the ceasefire.\n\n2.The AU reiterates its support for the talks.\n"
    )
    assert set(names(text)) == {"African Union"}


def test_a_news_report_of_a_union_in_the_past_tense_stays_the_outlets() -> None:
    text = (
        "Union backs talks\n\nThe African Union welcomed the report on Monday, officials said. We understand the "
        "talks will resume.\n"
    )
    assert "African Union" not in names(text)[1:]


def test_two_bodies_naming_themselves_give_no_single_voice() -> None:
    text = (
        "Statement\n\nThe European Union welcomes the report. The Council considers the vote illegal. We urge "
        "restraint.\n"
    )
    assert names(text)[-1] is None


# ------------------------------------------------------------------------------ a body's descriptor


def test_a_bodys_short_descriptor_is_the_fuller_name_given_earlier() -> None:
    # another group spoke in between: the descriptor is the body it names, not the last group
    text = (
        "Incumbent re-elected\n\nThe electoral commission in Northland says the president has been re-elected. "
        "Opposition candidates are challenging the results. The electoral commission says turnout was high.\n"
    )
    said = names(text)
    assert said[0] == said[-1] == "electoral commission in Northland"


def test_a_descriptor_no_earlier_body_holds_keeps_its_own_words() -> None:
    text = (
        "Vote count\n\nOpposition parties are challenging the results. The electoral commission says turnout was "
        "high.\n"
    )
    assert names(text)[-1] == "the electoral commission"


# ------------------------------------------------------------------------------ a headline's present tense


def _headline_speaker(headline: str) -> str | None:
    text = f"{headline}\n\nThe vote was held on Sunday.\n"
    heading = next(u for u in units_of(text) if u.kind is UnitKind.HEADING)
    return heading.speaker.name


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Northland Opposition Alleges Fraud in Vote", "Northland Opposition"),
        ("Northland Congratulates Southland on Peaceful Election", "Northland"),
        ("Karl Olsen Pledges Calm After Disputed Count", "Karl Olsen"),
    ],
)
def test_a_headlines_present_tense_verb_names_its_subject(headline: str, speaker: str) -> None:
    assert _headline_speaker(headline) == speaker


def test_a_headline_whose_subject_is_a_document_names_nobody() -> None:
    assert _headline_speaker("New Data Confirms Record Turnout") is None


@pytest.mark.parametrize(
    "headline",
    ["Storm Promises Heavy Rain for the Weekend", "Museum Highlights Ancient Coins From Oldtown"],
)
def test_a_headlines_present_verb_with_no_sense_of_saying_names_nobody(headline: str) -> None:
    # a weather or culture page's headline: "promises" and "highlights" there state no one's position
    assert _headline_speaker(headline) is None
