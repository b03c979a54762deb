"""Speakers in first-person pages of kinds first seen on sites no rule had seen (issue 15, seventh round):
a person's speech that names the body they serve, a speaker's "as I've said", a member's name with its
generational suffix. Every text is invented; precision first: a name only where the text gives one."""

from __future__ import annotations

import pytest
from claimstance.schema import Document
from claimstance.segment import segment
from claimstance.segment.validate import check_name
from conftest import claim_speaker_names as names


def test_a_persons_speech_that_names_the_union_is_not_the_unions_statement() -> None:
    # a commissioner's debate speech: "The EU condemns ..." and "we consider" are the speaker's words, not a
    # release in the union's own voice
    text = (
        "Northland vote: a threat to the region\n\nMadam President,\n\nI would like to make three points. "
        "The EU condemns the vote, which we consider illegal. We urge Northland to step back.\n"
    )
    said = names(text)
    assert said[0] is None  # "I would like ...": the speaker's, whose name the page does not give
    assert said[-1] != "EU"  # "We urge ...": the speaker's "we", not a union's release


def test_a_unions_statement_with_a_numeral_i_is_still_its_own_voice() -> None:
    text = (
        "Statement\n\nThe European Union welcomes Title I of the agreement. The Council considers the vote "
        "illegal. We urge both sides to talk.\n"
    )
    assert "European Union" in names(text)


@pytest.mark.parametrize("name", ["I've", "All we've", "They're", "we'd"])
def test_a_pronouns_contraction_is_no_speaker(name: str) -> None:
    assert check_name(name) == "clause fragment"


def test_a_name_with_an_apostrophe_still_passes() -> None:
    assert check_name("Sean O'Neill") is None


def test_a_speakers_as_ive_said_stays_the_speakers() -> None:
    text = (
        "Referendum Bill\n\nAll we've asked for is detail. But, as I've said, we want to be reasonable and "
        "consider the bill.\n"
    )
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Anna Berg")
    said = {u.speaker.name for u in segment(document) if u.kind.value == "claim"}
    assert said == {"Anna Berg"}


def test_a_generational_suffix_stays_with_the_members_name() -> None:
    text = (
        "Doe: the vote is a milestone\n\nChairman of the Northland Committee John Q. Doe, Jr. (D-NL) delivered "
        'the following remarks today at a hearing on the vote:\n\n"The vote was free and fair. Northland '
        'deserves our support."\n'
    )
    assert names(text)[-1] == "John Q. Doe, Jr."


def test_typewriter_quotes_of_a_floor_statement_are_quotations() -> None:
    # the Congressional Record's ``...'': the words inside are the quoted opposition's, whatever cue follows them
    text = (
        "Northland Vote\n\nMr. Speaker, the opposition has called the elections ``neither free nor fair,'' as the "
        "observers reported. I agree with them.\n"
    )
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Jane Roe")
    units = list(segment(document))
    assert [u.speaker.name for u in units[1:]] == ["the opposition", "Jane Roe"]
    assert all(document.text[u.char_start : u.char_end] == u.text for u in units)
    assert "``neither" in units[1].text  # the page's own characters


def test_both_before_a_pair_is_no_part_of_its_name() -> None:
    text = "Vote criticised\n\nBoth Northland and the Southern Union said the vote was rigged.\n"
    assert names(text) == ["Northland and the Southern Union"]


def test_a_bodys_position_the_speaker_holds_with_us_is_the_speakers() -> None:
    # a minister's floor speech with no name line: "Northland condemns ..., which we consider illegal" is said as
    # one of Northland, in the speaker's own voice
    text = (
        "Debate on the vote\n\nMr. Speaker,\n\nI thank the member for the question. Northland condemns the vote, "
        "which we consider illegal.\n"
    )
    assert names(text) == [None, None]


@pytest.mark.parametrize(
    "sentence",
    [
        # a wire story's "us" and "our" are the newsroom's: the body's position is reported
        "The EU condemns the attack, a spokesman told us on Monday.",
        "The Council welcomes the ceasefire, our correspondent in Oldtown reports.",
    ],
)
def test_a_bodys_position_a_reporter_tells_with_us_is_still_reported(sentence: str) -> None:
    assert names("Attack condemned\n\n" + sentence + "\n") in (["EU"], ["Council"])


def test_a_bodys_position_with_no_we_is_still_reported() -> None:
    text = "Vote condemned\n\nNorthland condemns the vote and calls for a new count.\n"
    assert names(text) == ["Northland"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Senator John Q. Doe, Jr. said the vote was rigged.", "John Q. Doe, Jr."),
        ("U.S. Representative John Doe, Jr. (D-NL) said the vote was rigged.", "John Doe, Jr."),
        ("Rep. John Doe, Jr., the ranking member, said the vote was rigged.", "John Doe, Jr."),
    ],
)
def test_a_generational_suffix_before_a_reporting_verb_stays_in_the_name(sentence: str, name: str) -> None:
    assert names(f"Vote\n\n{sentence}\n") == [name]


def test_a_coordinated_participle_with_no_subject_keeps_the_authors_words() -> None:
    # "... denouncing A and B and demanding that ...": the words before "and demanding" are no subject; this
    # crashed segment (an empty subject) on a candidate's statement page
    text = (
        "Statement on the conflict\n\nI support House Res. 99 denouncing Northland and Southland and demanding "
        "that the envoy secure a ceasefire.\n"
    )
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Jane Roe")
    assert [u.speaker.name for u in segment(document)][-1] == "Jane Roe"
