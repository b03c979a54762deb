"""Speakers on news styles no evaluation page was read for (issue 15): wire copy, press releases, parliamentary
reports, interviews, live blogs, op-eds and speeches. Every text is invented; each test is a kind of sentence
that unseen pages hold, and precision comes first: a name only where the text gives one."""

from __future__ import annotations

import pytest
from claimstance.schema import Attribution, Document
from claimstance.segment import segment
from conftest import claim_speaker_names as names

A = Attribution


# ------------------------------------------------------------------------ people merely mentioned: no name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire copy: the arrested man is the object, his lawyer speaks
        (
            "OLDTOWN, March 3 (Reuters) - Northland police arrested opposition leader Karl Olsen on Tuesday, his "
            "lawyer said.\n\nThe arrest drew criticism from the European Union.\n",
            ["his lawyer", None],
        ),
        ("The minister met President John Carter in Oldtown on Monday. The two discussed trade.\n", [None, None]),
        ("Police questioned Anna Berg for three hours. She was later released without charge.\n", [None, None]),
        ("The agreement, which Foreign Minister Anna Berg signed last year, has not been ratified.\n", [None]),
        (
            "Supporters of President Carter rallied in Oldtown on Sunday. Carter has denied all wrongdoing.\n",
            [None, "Carter"],
        ),
    ],
)
def test_a_person_the_sentence_only_mentions_is_no_speaker(text: str, expected: list[str | None]) -> None:
    assert names(text) == expected


def test_a_place_inside_a_relative_clause_is_not_the_speaker() -> None:
    assert names("Voters interviewed by the agency in Oldtown said they had been pressured.\n") == ["voters"]
    assert names("Diplomats who attended the meeting said the talks had stalled.\n") == ["diplomats"]


def test_a_place_after_a_preposition_ends_the_name_of_a_group_or_organisation() -> None:
    text = "The Organisation for Security and Co-operation in Europe said the vote was not free.\n"
    assert names(text) == ["Organisation for Security and Co-operation in Europe"]
    assert names("Protesters in Oldtown said the count was rigged.\n") == ["protesters in Oldtown"]


def test_a_live_blog_time_stamp_is_no_part_of_the_name() -> None:
    text = "14:05 The interior ministry says turnout reached 40 percent by noon.\n"
    assert names(text) == ["the interior ministry"]


def test_a_leading_date_is_no_part_of_the_name() -> None:
    text = "Last year the Southland delegation told the assembly that it wanted peace.\n"
    assert names(text) == ["Southland delegation"]


def test_a_member_for_a_constituency_is_the_member_not_the_constituency() -> None:
    text = "The honourable member for Northshire has suggested that the budget is irresponsible.\n"
    assert names(text) == ["honourable member for Northshire"]


# ------------------------------------------------------------------------------- the dev half's miss kinds


def test_coordinated_speakers_speak_together() -> None:
    assert names("Northland and its ally Southland said the vote was rigged.\n") == ["Northland and Southland"]
    assert names("Jane Doe and John Roe said the vote was rigged.\n") == ["Jane Doe and John Roe"]


def test_one_of_a_crowd_named_before_is_one_of_that_crowd_and_another_is_nobody() -> None:
    text = 'Several callers criticised the plan. One said it was "a disgrace". Another said the vote was unfair.\n'
    assert names(text) == [None, "one caller", None]


def test_those_were_the_words_of_x_gives_x_the_passage_before_it() -> None:
    text = (
        "The border must be demarcated before any talks. Both sides must withdraw their troops. Those were the "
        "words of Foreign Minister Anna Berg at a news conference on Friday.\n"
    )
    assert names(text) == ["Anna Berg"] * 3


def test_a_statement_read_out_in_a_speech_stays_the_authors() -> None:
    text = (
        'Ladies and gentlemen,\n\nI will now read the statement of our government: "Northland will not accept any '
        'change of its borders." This is our firm position. We call on all parties to respect it.\n'
    )
    assert set(names(text, author="Anna Berg")) == {"Anna Berg"}


# ------------------------------------------------------------------ speeches: the author's words stay theirs


SPEAKER = "Anna Berg"


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Dear compatriots,\n\nYesterday the President of Southland said that our country was an aggressor. This "
            "is a lie. Our army has never crossed the border. We want peace with all our neighbours.\n",
            "President of Southland",
        ),
        (
            "We have built roads and schools. According to the opposition, nothing has changed. That is simply not "
            "true. Our economy grew by five percent last year.\n",
            "the opposition",
        ),
        (
            "The opposition says the elections were unfair. They say that every year. Observers from forty "
            "countries watched the vote.\n",
            "the opposition",
        ),
        (
            "Colleagues,\n\nMinister Olsen has just told us that Southland is ready for talks. We welcome that. But "
            "talks need a basis. Our proposal has been on the table for three years.\n",
            "Olsen",
        ),
        (
            "The honourable member for Northshire has suggested that the budget is irresponsible. He is wrong. This "
            "budget cuts the deficit in half.\n",
            "honourable member for Northshire",
        ),
        (
            "In his speech yesterday, the Southland president accused us of aggression, but he offered no "
            "evidence. Our patience is not unlimited. We will respond to any attack.\n",
            "Southland president",
        ),
    ],
)
def test_a_reported_voice_in_a_speech_never_takes_the_authors_next_sentences(text: str, reported: str) -> None:
    got = [name for name in names(text, author=SPEAKER) if name != SPEAKER]
    assert got == [reported]
    assert names(text, author=SPEAKER)[-1] == SPEAKER


def test_as_x_said_in_a_speech_is_the_author_agreeing() -> None:
    text = "As President Carter told me during our meeting, the region needs stability. We are ready to help.\n"
    assert names(text, author=SPEAKER) == [SPEAKER, SPEAKER]


def test_a_speech_without_a_known_author_keeps_its_first_person_after_a_report() -> None:
    text = (
        "Dear compatriots,\n\nYesterday the President of Southland said that our country was an aggressor.\n\n"
        "This is a lie. Our army has never crossed the border.\n"
    )
    assert names(text) == ["President of Southland", None, None]


def test_an_interviews_answers_are_the_interviewees_not_the_questioners() -> None:
    text = (
        "Q: Minister, is it true that you are preparing for war?\n\n"
        "A: We are preparing for nothing but peace. Our troops remain in their barracks.\n"
    )
    assert names(text, author=SPEAKER) == ["questioner", SPEAKER, SPEAKER]


# ---------------------------------------------------------------------------- press releases and reports


def test_a_press_release_quotes_its_secretary_and_then_speaks_for_itself() -> None:
    text = (
        "WASHINGTON - The Department of State today announced new sanctions on Northland officials.\n\n"
        '"These steps hold accountable those who undermine democracy," said Secretary Jane Doe.\n\n'
        "The sanctions take effect immediately. The Department will continue to monitor the situation.\n"
    )
    assert names(text) == ["Department of State", "Jane Doe", None, None]


def test_news_narration_after_said_is_the_outlets() -> None:
    text = (
        "Prime Minister Anna Berg said on Monday that taxes would rise. The announcement came a week after the "
        "budget was published.\n"
    )
    assert names(text) == ["Anna Berg", None]


def test_a_quote_then_he_added_goes_on_but_not_into_the_next_paragraph() -> None:
    text = (
        '"We will win," Carter said. He added that the campaign would focus on jobs.\n\nThe election is due in May.\n'
    )
    assert names(text) == ["Carter", "Carter", None]


def test_a_pronoun_between_commas_is_the_subject_not_an_appositive_of_the_name_before() -> None:
    text = "President John Carter criticised Karl Olsen's plan. Olsen, he said, had no plan for the economy.\n"
    assert names(text) == ["John Carter", "John Carter"]


def test_a_participle_between_commas_describes_the_subject_and_is_no_name() -> None:
    text = "Southland's foreign minister, speaking in Oldtown on Monday, said that his country would not negotiate.\n"
    assert names(text) == ["Southland's foreign minister"]


def test_a_phrase_holding_i_is_a_clause_and_no_name() -> None:
    text = "I have just returned from Southland. The people I met told me that they want peace.\n"
    assert names(text, author=SPEAKER) == [SPEAKER, SPEAKER]


def test_a_parliamentary_reply_is_the_ministers() -> None:
    text = "The Minister of State, Anna Berg, replied that the policy was under constant review.\n"
    assert names(text) == ["Anna Berg"]


def test_when_the_subject_spoke_is_no_part_of_the_name() -> None:
    assert names("Northland's president on Tuesday rejected calls for a new election.\n") == ["Northland's president"]


def test_an_office_before_a_whose_clause_is_the_speaker() -> None:
    text = "The deputy minister, whose department oversees the border, said the fence would be finished by May.\n"
    assert names(text) == ["the deputy minister"]


def test_he_after_a_speaker_nobody_could_name_is_not_someone_named_earlier() -> None:
    text = (
        "Election monitor Koul Panha said the vote was calm. Several callers disagreed. Another said he had been "
        "turned away. He said he hoped the next vote would be easier.\n"
    )
    assert names(text) == ["Koul Panha", None, None, None]


def heading_speaker(headline: str) -> str | None:
    text = f"{headline}\n\nNorthland's parliament voted on Tuesday to approve the new border treaty with Southland.\n"
    units = list(segment(Document(id="t-d0", seed_file="t.txt", text=text, raw_start=0, raw_end=len(text))))
    return units[0].speaker.name


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Explainer: Why the treaty matters", None),
        ("Timeline: Northland and Southland", None),
        ("Treaty 'a betrayal', says opposition", "opposition"),
        ("Police: 12 arrested after protest", "police"),
    ],
)
def test_a_headline_label_is_no_speaker_and_an_inverted_says_names_who_follows(
    headline: str, speaker: str | None
) -> None:
    assert heading_speaker(headline) == speaker


def test_an_age_between_commas_keeps_the_name_before_it() -> None:
    assert names("Carter, 71, said he would not run again.\n") == ["Carter"]
