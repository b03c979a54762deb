"""Speakers in parliamentary debates, written answers and floor remarks (issue 15, fifth round, second pass).

Every text is invented, in the styles of parliament sites' debate extracts, Hansard speaker tags, the
Congressional Record and European Parliament verbatim reports. The rule: a member's own words are the member's,
the House they speak in and their own government included."""

from __future__ import annotations

from claimstance.ingest import ingest_text
from claimstance.schema import UnitKind
from claimstance.segment import segment


def page_names(raw: str) -> list[str | None]:
    return [u.speaker.name for doc in ingest_text(raw, "page.txt") for u in segment(doc) if u.kind is UnitKind.CLAIM]


def test_the_member_a_debate_extract_pictures_speaks_the_motion_and_the_speech() -> None:
    raw = (
        "Harbour Dispute\n\n"
        "Photo of Jane Doe Jane Doe Chair, Trade Committee 2:19, 8 May 2015\n\n"
        "I beg to move,\n\nThat this House\nregrets the closure of the harbour;\n\n"
        "The motion stands in my name. Southland has closed the harbour without warning. "
        "Its conduct cannot be ignored any longer.\n"
    )
    assert set(page_names(raw)) == {"Jane Doe"}


def test_a_minister_pictured_with_the_office_answers_in_the_first_person() -> None:
    raw = (
        "Relations with Southland\n\n"
        "Karl Olsen Portrait The Minister of State for Trade (Karl Olsen)\n"
        "- Hansard - Excerpts\n\n"
        "I congratulate the hon. Member on securing this debate. My Government remains committed to the treaty. "
        "The talks will resume in June.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.author_role) == ("Karl Olsen", "Minister of State for Trade")
    assert set(page_names(raw)) == {"Karl Olsen"}


def test_two_members_pictured_name_no_author() -> None:
    raw = (
        "Harbour Dispute\n\n"
        "Photo of Jane Doe Jane Doe Chair, Trade Committee\n\nI beg to move the motion. We must act.\n\n"
        "Photo of Karl Olsen Karl Olsen Minister for Trade\n\nI thank the hon. Lady. We will act.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author is None


def test_a_statement_a_press_release_frames_as_the_following_is_the_ministers() -> None:
    raw = (
        "OLDTOWN, Northland – Jane Doe, minister of trade, today issued the following statement on the vote in "
        "Southland:\n\n"
        "“The regime has silenced the press. It has jailed its opponents.\n"
        "“We will continue to press for the release of all political prisoners.\n"
    )
    assert page_names(raw) == [None, "Jane Doe", "Jane Doe", "Jane Doe"]  # the frame is the release's own


def test_the_congressional_records_tags_give_each_member_and_the_chair_their_turn() -> None:
    raw = (
        "HARBOUR RIGHTS; Congressional Record Vol. 1, No. 2\n\n"
        "  The SPEAKER pro tempore. The Chair recognizes the gentleman from \nNorthland (Mr. Doe) for 5 minutes.\n"
        "  Mr. DOE. Mr. Speaker, I rise today in support of the harbour \nworkers of Northland.\n"
        "  Southland closed the harbour last month. The closure was \nunlawful.\n"
    )
    got = page_names(raw)
    assert got[got.index("the Speaker pro tempore") + 1 :] == ["the Speaker pro tempore"] + ["Doe"] * 4


def test_a_european_parliament_verbatim_tag_opens_the_members_turn() -> None:
    raw = (
        "Verbatim report of proceedings\n\nTrade with Southland (debate)\n\n"
        "  Jane Doe (Group of the Greens). – Madam President, I am angry at this process. "
        "Southland does not speak for us.\n"
        "  Karl Olsen, on behalf of the Liberal Group. – Madam President, we welcome the deal.\n"
    )
    assert page_names(raw)[-5:] == ["Jane Doe"] * 3 + ["Karl Olsen"] * 2


def test_a_joint_transcripts_tags_with_the_office_after_the_name_open_turns() -> None:
    raw = (
        "Joint press conference, Oldtown\n\n"
        "Jane Doe, Northland Minister of Foreign Affairs and Trade: (TRANSLATION) We met the President yesterday. "
        "We talked about the border.\n\n"
        "The talks went very well.\n\n"
        "Karl Olsen, Foreign Minister: Thank you, Minister Doe. I am pleased to be here again.\n"
    )
    assert page_names(raw)[-4:] == ["Jane Doe", "Jane Doe", "Karl Olsen", "Karl Olsen"]
    headline = "Jane Doe, Minister of Trade: We will never give up\n\nThe minister spoke in Oldtown. Prices rose.\n"
    assert page_names(headline)[-2:] == [None, None]  # a headline's tag opens no turn


def test_a_written_question_is_the_askers_and_the_answer_below_it_the_offices() -> None:
    raw = (
        "Written answers\n\nQuestion:\n\n"
        "12. Deputy Jane Doe asked the Minister for Trade and Industry if he has assessed the cost of the harbour "
        "closure; and if he will make a statement on the matter.\n\n"
        "Answer\n\n"
        "My Department has studied the closure. The Government has no plans to reopen the harbour this year.\n\n"
        "We will keep the matter under review.\n"
    )
    got = page_names(raw)
    assert got[-5:] == ["Jane Doe", "Jane Doe"] + ["Minister for Trade and Industry"] * 3


def test_a_news_paragraph_where_a_senator_asks_a_body_is_no_written_question() -> None:
    raw = (
        "Count delayed in Northland\n\n"
        "Voters queued for hours on Sunday.\n\n"
        "Senator Karl Olsen asked the Election Commission to explain the delays.\n\n"
        "The count continues in the capital.\n"
    )
    assert page_names(raw)[-3:] == [None, "Karl Olsen", None]


def test_notes_to_editors_end_the_block_a_release_frames_as_its_ministers() -> None:
    raw = (
        "Harbour ruling: government statement\n\n"
        "Jane Doe said:\n\n"
        "We respect the ruling of the court today.\n\n"
        "Notes to editors:\n\n"
        "The court heard the case over two days in May.\n"
    )
    assert page_names(raw)[-3:] == ["Jane Doe", None, None]
