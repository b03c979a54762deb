"""Speaker attribution in news items and releases (issue 15, seventh round, third pass): one invented text per
rule."""

from __future__ import annotations

from claimstance.schema import Attribution
from claimstance.segment.validate import check_name
from conftest import claim_speakers as claims

A = Attribution


def test_he_after_a_sentence_naming_an_agreement_is_no_agreement() -> None:
    text = (
        "Chancellor Anna Berg has ruled out early elections.\n\n"
        "Instead, the chancellor called for a return to the Northland Peace Accord and to talks.\n\n"
        "“We have to rebuild trust first,” he told reporters.\n"
    )
    assert all(name != "Northland Peace Accord" for name, _ in claims(text))
    assert check_name("the Good Harbour Agreement") == "document"
    assert check_name("Agreement Party") is None  # a party named after one: its head is the party


def test_a_straight_opener_closed_the_typewriter_way_is_a_quotation_of_the_speaker_it_names() -> None:
    text = (
        "Senator Karl Olsen said the plan had been discussed \"for well over a year now'', and the vote was near.\n"
        "But what would happen if both parties backed the plan? \"The voters would have no choice at all,'' he said.\n"
        "\"They would simply pick between two parties.'' The vote would have to be held before June.\n"
    )
    speakers = claims(text)
    assert speakers[0] == ("Karl Olsen", A.DIRECT_QUOTE)
    assert speakers[2:4] == [("Karl Olsen", A.DIRECT_QUOTE)] * 2


def test_a_headless_release_opening_with_its_body_in_the_present_tense_is_the_bodys_own_voice() -> None:
    text = (
        "The Department of External Affairs of Northland expresses its deep concern over the detention of "
        "opposition leaders in Southland. The arrests, on the eve of a “free” vote, undermine any claim to "
        "democracy.\n\n"
        "Southland must release all political prisoners without delay.\n"
    )
    body = "Department of External Affairs of Northland"
    assert claims(text) == [(body, A.AUTHOR)] * 3
    reported = text.replace("expresses", "expressed")  # a news item reports the body in the past tense
    assert all(name is None for name, _ in claims(reported)[1:])


def test_members_listed_with_their_offices_and_districts_after_today_are_the_releases_joint_voice() -> None:
    text = (
        "OLDTOWN – Today, House Majority Leader Anna Berg (OR-05), Natural Resources Committee Chair Tom Field "
        "(ID-02), Rep. Lia Moss (UT-01), Rep. Karl Olsen (NV-03), Resident Commissioner Jane Roe (PR-AL), Rep. "
        "Ian Park (WA-07), announced agreement on the River Act.\n\n"
        '"We are pleased to announce this agreement. It will clean the river."\n'
    )
    joint = "Anna Berg, Tom Field, Lia Moss, Karl Olsen, Jane Roe and Ian Park"
    assert [name for name, _ in claims(text)] == [joint, joint]
    aside = "After talks with Senators Anna Berg (D-NL) and Tom Field (R-SL), Governor Lia Moss announced a plan.\n"
    assert claims(aside)[0][0] == "Lia Moss"  # members named as others, not the subject


def test_single_quoted_paragraphs_left_open_run_on_as_the_speakers_words() -> None:
    text = (
        "Chancellor Anna Berg has ruled out a snap referendum on the harbour treaty in Northland this spring.\n"
        "‘For the first time since the republic was founded, the governing coalition has lost three by-elections "
        "in a single year,’ Berg said.\n"
        "‘Nobody should read too much into one season of protests in the capital — it was a hard winter. Still, "
        "the opposition parties don’t command a majority of their own in the chamber either.\n"
        "‘They are well short of the seats they would need to carry a motion of no confidence against the "
        "government of the day. ‘\n"
        "‘A referendum now would split the country down the middle. Nobody would thank us for that.’\n"
    )
    assert claims(text)[1:] == [("Anna Berg", A.DIRECT_QUOTE)] * 5
