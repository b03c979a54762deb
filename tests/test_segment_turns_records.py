"""Turns in transcripts and parliamentary records of the sixth round (issue 15): a page that calls itself a
transcript, a chamber's tag with the member's name in capitals, and an official report's member lines.

Every text is invented, in the styles of ministers' transcripts and parliaments' records."""

from __future__ import annotations

from claimstance.schema import ClaimUnit, Document, UnitKind
from claimstance.segment import segment


def claims(text: str) -> list[ClaimUnit]:
    units = segment(Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text))
    return [u for u in units if u.kind is not UnitKind.HEADING]


def names(text: str) -> list[str | None]:
    return [u.speaker.name for u in claims(text)]


def test_a_lone_tag_on_a_page_that_calls_itself_a_transcript_runs_past_its_paragraph() -> None:
    text = (
        "Joint press conference with the Trade Minister of Southland\n\nTranscript, proof only\n\n"
        "Her Excellency Anna Berg, Trade Minister, Government of Southland: Thank you all. We had good talks.\n\n"
        "I will leave the details to my colleague. Our markets are open to each other.\n"
    )
    assert names(text) == ["Anna Berg"] * 4


def test_a_lone_tag_in_a_news_page_still_holds_only_its_paragraph() -> None:
    text = (
        "Talks in Southland\n\n"
        "Her Excellency Anna Berg, Trade Minister, Government of Southland: Thank you all. We had good talks.\n\n"
        "The talks resume next week. The agenda was not published.\n"
    )
    assert names(text)[2:] == [None, None]


def test_a_chamber_s_tag_with_the_member_s_name_in_capitals_after_a_title_opens_their_turn() -> None:
    text = (
        "Question Time - Trade\n\nTranscript, proof only\n\n"
        "Ms JANE ROE (Oldtown—Minister for Trade) (14:45): I thank the member for his question. We act today.\n\n"
        "I condemn the tariffs in the strongest terms.\n"
    )
    assert names(text) == ["Jane Roe"] * 3


def test_a_commons_record_s_member_office_and_chair_lines_open_turns() -> None:
    text = (
        "HC Deb 3 June 1998 vol 100 cc1-50\n\nMadam Speaker\n\nI call the Minister.\n\n"
        "The Secretary of State for Trade (Mr. Karl Olsen)\n\nI beg to move the motion. The measure is simple.\n\n"
        "Mr. Hugh Berg (Oldtown and Newport)\n\nOn a point of order. Is the Minister in order?\n\n"
        "Mr. Olsen\n\nI am in order.\n\n"
        "Mr. Berg\n\nI doubt it.\n"
    )
    got = {u.text[:12]: u.speaker.name for u in claims(text)}
    assert got["I call the M"] == "Madam Speaker"
    assert got["I beg to mov"] == got["The measure "] == got["I am in orde"] == "Karl Olsen"
    assert got["On a point o"] == got["Is the Minis"] == got["I doubt it."] == "Hugh Berg"


def test_a_name_alone_on_a_line_in_a_news_page_opens_no_turn() -> None:
    text = "Trade talks resume\n\nMr. Olsen\n\nThe talks resume next week. The agenda was not published.\n"
    assert names(text)[-2:] == [None, None]


def test_a_written_answers_page_gives_the_question_to_its_asker_and_the_answer_to_the_minister() -> None:
    text = (
        "§ Mr. Hugh BergTo ask the Secretary of State for Trade what assessment he has made of tariffs on "
        "(a) steel and\n(b) wool; and if he will make a statement. [12345]\n"
        "§ Mr. OlsenThe Government keep tariffs under review. We published figures in May.\n"
        "Exports rose last year.\n"
    )
    got = names(text)
    assert got[:3] == ["Hugh Berg"] * 3
    assert got[3:] == ["Olsen"] * 3
    assert [u.text[:6] for u in claims(text)][::3] == ["To ask", "The Go"]  # the tags are cut off as headings


def test_a_section_mark_before_prose_opens_no_turn() -> None:
    text = "Trade report\n\n§ 4. The Government keep tariffs under review. Exports rose last year.\n"
    assert set(names(text)) == {None}


def test_a_tag_in_capitals_run_together_with_its_turn_still_opens_it() -> None:
    text = (
        "Doorstop, Oldtown\n\nTranscript, proof only\n\n"
        "ANNA BERG:I have asked the ambassador to come in today. We are concerned.\n\n"
        "JOURNALIST:Should sanctions be considered?\n\n"
        "ANNA BERG:No, at this stage we are taking it step by step.\n"
    )
    got = [(u.text[:6], u.speaker.name) for u in claims(text)]
    assert got == [
        ("I have", "Anna Berg"),
        ("We are", "Anna Berg"),
        ("Should", "journalist"),
        ("No, at", "Anna Berg"),
    ]


def test_an_intro_that_says_where_the_transcript_begins_is_found_below_many_furniture_lines() -> None:
    furniture = "".join(f"Menu item {k}\n\n" for k in range(8))
    text = (
        furniture + "On the morning of May 5, President Karl Olsen attended a reception in Oldtown.\n\n"
        "A transcript of the president's remarks follows:\n\n"
        "I have no more important duty than to keep our country free. We will hold elections.\n"
    )
    units = segment(
        Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Olsen Karl")
    )
    got = [u.speaker.name for u in units if u.kind is UnitKind.CLAIM]
    assert got == [None, None, "Olsen Karl", "Olsen Karl"]


def test_a_one_word_tag_asking_a_question_once_a_briefing_s_turns_run_is_that_questioner_s_turn() -> None:
    text = (
        "Weekly Media Briefing\n\n"
        "Anna Berg, Official Spokesperson: Good afternoon. I have no announcements today.\n"
        "Karl Olsen: Sir, I am Karl Olsen from Northpress. Is there an update on the appeal?\n"
        "Anna Berg, Official Spokesperson: We have filed it. We await the court.\n"
        "Hugh: Sir, I am Hugh from Southwire. Did the minister raise the appeal?\n"
        "Note: The briefing ended at noon.\n"
    )
    got = {u.text[:12]: u.speaker.name for u in claims(text)}
    assert got["Sir, I am Hu"] == got["Did the mini"] == "Hugh"
    assert got["We have file"] == "Anna Berg"


def test_a_lords_member_who_rose_to_move_speaks_after_the_noble_lord_said_until_the_next_member() -> None:
    text = (
        "HL Deb 04 May 2031 vol 700 cc10-20\n\n"
        "The Minister of State, Northland Office (Lord Oldbury) rose to move, That the draft order be approved.\n\n"
        "The noble Lord said: My Lords, I intend to discuss the two orders together. They set the date of the vote.\n\n"
        "I am pleased to present them. The first order fixes the date of the first meeting.\n\n"
        "Lord Hilltown: My Lords, we on these benches welcome the orders. We have one question.\n"
    )
    got = names(text)
    assert got[1:5] == ["Lord Oldbury"] * 4  # "rose to move" is the record's narration, then his speech
    assert "Lord Oldbury" not in got[-2:] and "the noble Lord" not in got
    news = "The noble Lord said: the orders were late. Critics agreed.\n"  # no member rose: no turn
    assert "Lord Oldbury" not in names(news)
