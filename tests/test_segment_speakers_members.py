"""Speakers of legislators' and committees' releases on sites no rule had seen (issue 15, seventh round, second
part): members named with party and state, a quoted statement that ends where the release's narration starts,
a quotation opened after a list's bullet. Every text is invented; precision first."""

from __future__ import annotations

import pytest
from claimstance.segment.cues import find_cue
from claimstance.segment.spans import quote_spans
from claimstance.segment.subjects import members
from conftest import claim_speaker_names as names

# ------------------------------------------------------------------------------ members with party and state


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (
            "OLDTOWN – U.S. Senators Anna Berg (D-NL), a member of the Committee on Trade (CT), and Karl Olsen "
            "(R-SL), a member of the Committee on Finance, ",
            "Anna Berg and Karl Olsen",
        ),
        ("Congresswoman Jane Roe (D-Wash.), a longtime advocate for fair elections, ", "Jane Roe"),
        ("Representative John Doe (NL-04) ", "John Doe"),
        (
            "Senators Anna Berg (D-NL), Karl Olsen (R-SL) as well as Representative Jane Roe (I-Vt.) released a "
            "joint statement",
            "Anna Berg, Karl Olsen and Jane Roe",
        ),
    ],
)
def test_members_that_open_a_sentence_are_its_subject(before: str, expected: str) -> None:
    assert members(before) == expected


@pytest.mark.parametrize(
    "before",
    [
        "Senator Anna Berg (D-NL) met with Senator Karl Olsen (R-SL) and ",  # the second is met, not a subject
        "After talks with Senators Anna Berg (D-NL) and Karl Olsen (R-SL), the governor ",
        "Senator Anna Berg (D-NL), who chairs the committee that heard Karl Olsen (R-SL), ",
        "The European Union (EU) ",  # an organisation's acronym is no party and state
    ],
)
def test_members_named_inside_a_clause_are_no_subject(before: str) -> None:
    assert members(before) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rep. John Doe (R-Texas), chairman of the committee, said the vote was rigged.", "Rep. John Doe"),
        ("U.S. Rep. John Doe, R-Texas, said the vote was rigged.", "U.S. Rep. John Doe"),
        (
            "Following the vote, Commission Co-Chair Sen. Mary Poe (MS) said it was rigged.",
            "Commission Co-Chair Sen. Mary Poe",
        ),
        ("The Palestinian Authority (PA) said the vote was rigged.", "The Palestinian Authority (PA)"),  # an acronym
    ],
)
def test_a_members_party_and_state_are_no_part_of_the_subject(sentence: str, expected: str) -> None:
    cue = find_cue(sentence, quote_spans(sentence))
    assert cue is not None
    assert cue.phrase == expected


def test_a_release_gives_its_lead_to_the_members_it_opens_with() -> None:
    text = (
        "Senators welcome vote\n\nOLDTOWN – U.S. Senators Anna Berg (D-NL), a member of the Committee on Trade, "
        "and Karl Olsen (R-SL), a member of the Committee on Finance, applauded the passage of their resolution "
        "today.\n"
    )
    assert names(text) == ["Anna Berg and Karl Olsen"]


def test_a_joint_statement_condemning_and_its_bulleted_quotations_are_the_members() -> None:
    text = (
        "Members condemn crackdown\n\nSenators Anna Berg (D-NL), Karl Olsen (R-SL) as well as Representative Jane "
        "Roe (R-NL) released a joint statement condemning the crackdown in Northland.\n\n"
        "  • “We stand united with the people of Northland. The evidence shows that the count was falsified.\n"
        "  • “The regime must release every detained observer.”\n"
    )
    assert set(names(text)) == {"Anna Berg, Karl Olsen and Jane Roe"}


def test_resolutions_condemning_a_country_report_no_position_of_their_subject() -> None:
    text = "Vote in the assembly\n\nThe delegation remains troubled by resolutions condemning Northland.\n"
    assert names(text) == [None]


# ------------------------------------------------------------------------------ a quoted statement ends


@pytest.mark.parametrize("closing", ["”", "“"])  # the second: a closing mark printed the wrong way round
def test_a_quoted_statement_ends_where_the_narration_of_the_release_starts(closing: str) -> None:
    text = (
        "Berg condemns vote\n\nOLDTOWN—Following the election in Northland, Commission Co-Chair Sen. Anna Berg "
        "(MS) issued the following statement:\n\n“The vote was a sham and a fraud. The people of Northland deserve "
        f"a free and fair election.{closing}\n\nIn June, the president of Northland jailed his main rival. Observers "
        "were barred from the count.\n"
    )
    said = names(text)
    assert said[0] is None
    assert said[1] == "Anna Berg"
    assert said[-2:] == [None, None]


def test_a_statement_whose_quotation_runs_on_over_paragraphs_stays_the_members() -> None:
    # releases often leave a statement's quotation open over its paragraphs without opening each again
    text = (
        "Member on the vote\n\nOLDTOWN – Congressman John Doe (NL-04) released the following statement:\n\n"
        '"I am deeply troubled by today\'s vote. It was a sham.\n\nNo assembly can vote freely under occupation."\n'
    )
    assert names(text)[-1] == "John Doe"


def test_a_surname_in_a_headlines_compound_takes_no_given_name_from_the_headline() -> None:
    # "Senate Approves Berg-Olsen Resolution": title case, and "Berg-" is no surname standing alone
    text = (
        "Senate Approves Berg-Olsen Resolution on Northland\n\nOLDTOWN – U.S. Senators Anna Berg (D-NL) and Karl "
        "Olsen (R-SL) welcomed the vote today.\n\n“This is a dangerous time for Northland,” Sen. Berg said.\n"
    )
    assert names(text)[-1] == "Anna Berg"


@pytest.mark.parametrize(
    "lead_in",
    [
        "OLDTOWN – Congressman John Doe (FL-04) released the following after the results of the vote were announced:",
        "The Ministry of Foreign Affairs of Northland released the following on the referendum in Southland:",
    ],
)
def test_the_following_with_no_noun_leads_in_the_statement_below(lead_in: str) -> None:
    text = f"On the vote\n\n{lead_in}\n\n“The time to act is now. Northland will never accept this so-called vote.”\n"
    speaker = names(text)[-1]
    assert speaker is not None
    assert speaker in ("John Doe", "Ministry of Foreign Affairs of Northland")


def test_an_office_named_in_apposition_with_its_holder_is_that_person_later() -> None:
    # "the Parliament delegation head to the Observation Mission (IEOM), Anna Berg," then the office alone
    text = (
        "Delegation on the vote\n\nAfter the election in Northland, the Parliament delegation head to the "
        "International "
        "Observation Mission (IEOM), Anna Berg, made a statement on 22 April.\n\n“The vote was calm and orderly,” "
        "Berg said.\n\n“I regret that many citizens could not vote,” the Parliament delegation head to the IEOM "
        "stressed.\n"
    )
    assert names(text)[-1] == "Anna Berg"


# ------------------------------------------------------------------------------ a list of names as the subject


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Berg, Olsen and Roe said the vote was rigged.", "Berg, Olsen and Roe"),
        (
            "OLDTOWN – Anna Berg, Karl Olsen and Jane Roe said the vote was rigged.",
            "Anna Berg, Karl Olsen and Jane Roe",
        ),
        ("Berg and Olsen recently introduced a bipartisan resolution rejecting the results.", "Berg and Olsen"),
        ("In Oldtown, Berg and Olsen said no.", "Berg and Olsen"),  # a list that does not open the sentence
    ],
)
def test_a_list_of_names_is_the_subject_whole(sentence: str, expected: str) -> None:
    cue = find_cue(sentence, quote_spans(sentence))
    assert cue is not None
    assert cue.phrase == expected


def test_a_list_of_surnames_is_the_people_the_text_names_in_full() -> None:
    # a wire story's style: the full names first, then the surnames as the subject of a later sentence
    text = (
        "Lawmakers back opposition\n\nThree lawmakers, Anna Berg, Karl Olsen and Jane Roe, met the opposition leader "
        "on Monday.\n\nBerg, Olsen and Roe said the vote had been rigged from the start.\n"
    )
    assert names(text)[-1] == "Anna Berg, Karl Olsen and Jane Roe"


def test_a_list_with_a_surname_the_text_never_completes_stays_as_written() -> None:
    text = "Lawmakers back opposition\n\nAnna Berg met the opposition.\n\nBerg and Olsen said the vote was rigged.\n"
    assert names(text)[-1] == "Berg and Olsen"


# ------------------------------------------------------------------------------ a quotation that runs on


def test_a_quotation_runs_on_after_its_cue_when_the_paragraph_closes_it() -> None:
    # '"...," said X. More of X's words."': the release left out the mark that reopens the quotation
    text = (
        'Member backs elections\n\n"Without good governance, aid is unlikely to help the people of Northland," said '
        "Congresswoman Roe. Free and timely elections are critical for the country's development.\"\n\n"
        "The hearing lasted three hours.\n"
    )
    assert names(text) == ["Roe", "Roe", None]


def test_a_closing_mark_left_alone_stays_with_its_sentence() -> None:
    from claimstance.segment.sentences import split_sentences

    text = 'Jane Roe spoke first. Free and timely elections are critical for development."'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Jane Roe spoke first.",
        'Free and timely elections are critical for development."',
    ]


def test_members_who_introduce_a_resolution_condemning_state_their_position() -> None:
    text = (
        "Doe, Roe on Northland\n\nOLDTOWN – Congressman John Doe (R-TX) and Congresswoman Jane Roe (D-NY) today "
        "introduced a resolution condemning the fraudulent elections in Northland.\n"
    )
    assert names(text) == ["John Doe and Jane Roe"]


@pytest.mark.parametrize("title", ["Rep.", "Gov.", "Amb.", "Hon."])
def test_a_title_with_a_stop_after_said_keeps_the_name(title: str) -> None:
    sentence = f"“This bill sends a clear message to the regime,” said {title} Jane Roe."
    cue = find_cue(sentence, quote_spans(sentence))
    assert cue is not None
    assert cue.phrase == f"{title} Jane Roe"


def test_two_office_holders_as_the_subject_of_any_verb_both_speak() -> None:
    # a government release: each minister titled before the name, the verb a stance ("congratulated")
    sentence = (
        "Foreign Affairs Minister Anna Berg and International Trade Minister Karl Olsen today congratulated the "
        "people of Northland on the first round of the elections."
    )
    cue = find_cue(sentence, quote_spans(sentence))
    assert cue is not None
    assert cue.phrase == "Anna Berg and Karl Olsen"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Experts consider these numbers to be highly inaccurate.", "Experts"),
        ("Observers consider the vote to be neither free nor fair.", "Observers"),
        ("The council will consider the proposal next week.", None),  # to weigh it: no view stated
    ],
)
def test_consider_something_to_be_states_a_view(sentence: str, expected: str | None) -> None:
    cue = find_cue(sentence, quote_spans(sentence))
    assert (cue.phrase if cue is not None else None) == expected
