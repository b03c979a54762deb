"""Speakers in speeches, floor speeches and press briefings whose tags give no first name (issue 15, seventh round,
third pass): a titled surname tag kept as the page titles it, a lone surname tag opening a floor speech, a
Congressional Record style "Speaker Doe." tag. Every text is invented; precision first: a name only where the
text gives one."""

from __future__ import annotations

from conftest import claim_speaker_names as names


def test_a_titled_surname_tag_on_a_page_with_no_first_name_keeps_its_title() -> None:
    # a republished Senate record: "SENATOR BRANDT:" is the page's only form of the senator's name
    text = (
        "Resolution 12 Passage\n\nTHE CLERK: S. Res. 12, a resolution on the status of the islands. "
        "SENATOR BRANDT: Mr. President, I am pleased to support this resolution. "
        "The islanders deserve a vote on their future.\n"
    )
    assert names(text)[-2:] == ["Senator Brandt", "Senator Brandt"]


def test_a_titled_surname_tag_with_a_full_name_on_the_page_is_resolved() -> None:
    text = (
        "Remarks by Senator Karl Brandt\n\nSENATOR BRANDT: Mr. President, I support this resolution. "
        "The islanders deserve a vote.\n"
    )
    assert names(text)[-1] == "Karl Brandt"


def test_a_briefings_titled_tag_the_page_names_no_further_runs_to_the_next_tag() -> None:
    # a press briefing's transcript: "Ambassador Holm:" answers each "Reporter:" question for several sentences
    text = (
        "Reporter: How do you see the vote so far?\n\n"
        "Ambassador Holm:  Well it has been calm so far.  I think the parties have done well.  We hope the count "
        "goes smoothly.\n\nReporter: Do you fund the opposition?\n\n"
        "Ambassador Holm:  We don't support either side.  We never do.\n"
    )
    said = names(text)
    assert said.count("Holm") == 5
    assert said.count("Reporter") == 2


def test_a_lone_surname_tag_opening_a_floor_speech_is_the_speakers() -> None:
    # a senator's office page: the speech under a single "HOLLAND:" tag, in the first person
    text = (
        "HOLLAND: Mr. President, I rise today to speak about the floods in the north. Thousands of families have "
        "lost their homes.\n\nThe region has a long history of neglect. I visited it in 2004.\n"
    )
    assert set(names(text)) == {"Holland"}


def test_a_lone_capitals_word_opening_a_news_item_is_no_speaker() -> None:
    # a dateline in capitals with a third-person report after it: no first person, no speaker's tag
    text = "NORTHPORT: The council voted on Monday to close the harbour. Fishermen protested outside.\n"
    assert "Northport" not in names(text)


def test_a_speakers_record_tag_opens_her_turn() -> None:
    # a Speaker's office page reprinting a floor speech: "Speaker Moore." heads the speech, as "Mr. DOE." does
    text = (
        "Speaker Jane Moore delivered remarks on the Floor in support of the bill. Below are her remarks:\n\n"
        "Speaker Moore.  I thank the gentleman for yielding.  We won the election because people were tired.\n\n"
        "We will pass this bill.\n"
    )
    said = names(text)
    assert said[-3:] == ["Jane Moore", "Jane Moore", "Jane Moore"]


def test_a_ministrys_comment_opening_with_its_own_position_is_its_own_voice() -> None:
    # a ministry's comment stored with no headline: it names itself once, then speaks on in its own voice
    text = (
        "The Ministry of Foreign Affairs of Northland expresses its deep concern over the vote held in the "
        "occupied district. Such a vote has no legal force. The so-called results will not be recognised.\n"
        "The international community stands united on this question.\n"
    )
    assert set(names(text)) == {"Ministry of Foreign Affairs of Northland"}


def test_a_headline_naming_a_body_is_no_comment_in_its_voice() -> None:
    # a news item whose first line is a one-sentence headline: the body is reported, the rest is the outlet's
    text = (
        "The Council welcomes the deal on fishing rights\n\n"
        "Ministers met in Oldtown on Monday. Fishermen protested outside the hall.\n"
    )
    assert "Council" not in names(text)[1:]


def test_a_persons_speech_opening_with_the_body_they_serve_is_no_comment_in_its_voice() -> None:
    text = (
        "The Commission welcomes the high turnout in the elections. Turnout rose in most states. "
        "I call on the governments to do more.\n"
    )
    assert names(text)[1:] == [None, None]  # the speaker's own, whose name the page does not give
