"""Authors and documents in the house styles of government transcripts and releases (invented pages)."""

from __future__ import annotations

from datetime import date

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.namelines import name_line
from claimstance.ingest.styles import bracketed_today, from_line_person, fuller_institution, fuller_name
from claimstance.segment import segment

_BODY = "\n\nTHE PRESIDENT: Hello, everybody. We had a good day today. The economy is growing.\n"


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Remarks by President Smith Before Marine One Departure", ("Smith", "President")),
        ("Remarks by President Smith In Press Availability", ("Smith", "President")),
        ("Remarks by Vice President Anna Berg At a Campaign Event", ("Anna Berg", "Vice President")),
        ("Remarks by President Smith and President Berg of Northland Before Bilateral Meeting", ("Smith", "President")),
        ("Press Gaggle by Press Secretary Anna Lee Aboard Air Force One En Route", ("Anna Lee", "Press Secretary")),
    ],
)  # fmt: skip
def test_a_title_case_header_ends_the_author_where_its_occasion_begins(title: str, author: tuple[str, str]) -> None:
    [doc] = ingest_text(f"{title}\nNOVEMBER 10, 2026•SPEECHES AND REMARKS\n\nSouth Lawn{_BODY}", "page.txt")
    assert (doc.author, doc.author_role) == author
    turn = [u.speaker.name for u in segment(doc) if u.text == "We had a good day today."]
    if author[1] == "President":
        assert turn == [author[0]]  # "THE PRESIDENT:" resolves through the header's author


@pytest.mark.parametrize("line", ["Via Teleconference", "Oval Office", "South Lawn", "Presidential Palace"])
def test_a_place_or_medium_line_is_no_speakers_name_line(line: str) -> None:
    assert name_line(line) is None
    assert name_line("Peter Hall") == ("Peter Hall", None)  # a surname that is also a noun stays a name


def test_a_briefing_by_an_anonymous_official_names_no_author() -> None:
    raw = (
        "Briefing With Senior State Department Official On the Secretary's Upcoming Travel\n"
        "Special Briefing\nSenior State Department Official\nVia Teleconference\nMarch 3, 2026\n\n"
        "MODERATOR: Thank you, everyone, for joining us today.\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL: Thanks so much. The Secretary will travel to Oldtown next week.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author is None
    speakers = {u.text: u.speaker.name for u in segment(doc)}
    assert speakers["The Secretary will travel to Oldtown next week."] == "senior state department official"


def test_a_surname_alone_is_written_out_as_the_page_names_its_one_holder() -> None:
    assert fuller_name("President Joseph R. Smith spoke today.", "Smith") == "Joseph R. Smith"
    assert fuller_name("Jane Smith met John Smith.", "Smith") == "Smith"  # two people of that name: no guess
    assert fuller_name("The Smith Institute said.", "Smith") == "Smith"


def test_a_surname_is_written_out_past_a_follow_link_and_a_style_with_accented_given_names() -> None:
    text = (
        "The Honourable Stéphane Doe, Minister of Trade, issued this statement.\n"
        "Follow Minister Doe on Twitter: @NorthlandTrade\n"
    )
    assert fuller_name(text, "Doe") == "Stéphane Doe"
    assert fuller_name("Follow Minister Doe on Twitter: @NorthlandTrade\n", "Doe") == "Doe"  # no given name at all
    raw = (
        "Secretary Doe's Remarks to the Press\nRemarks\nJane Doe, Secretary of State\nOldtown, Northland\n"
        "March 4, 2026\n\nSECRETARY DOE: Thank you very much. We made real progress.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author == "Jane Doe"


_GOVUK = (
    "{label}\n{title}\n{standfirst}\nFrom:\n{origin}\nPublished\n12 March 2026\nDelivered on\n"
    "11 March 2026 (Transcript of the speech, exactly as it was delivered)\n\n"
    "Thank you very much. It is a pleasure to be in Oldtown. The UK stands with Northland.\n\n"
    "We will not be deterred.\n"
)


def test_a_govuk_speech_is_one_document_by_the_person_its_from_line_names() -> None:
    raw = _GOVUK.format(
        label="Speech",
        title="Foreign Secretary's speech at the Northland Security Conference",
        standfirst="The Foreign Secretary set out the UK's support for Northland at the annual security conference.",
        origin="Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP",
    )
    [doc] = ingest_text(raw, "page.txt")  # before: two documents, cut at "Published" / "12 March 2026"
    assert (doc.author, doc.author_role) == ("Jane Doe", "Foreign Secretary")
    assert doc.title == "Foreign Secretary's speech at the Northland Security Conference"
    assert str(doc.published) == "2026-03-12"
    speakers = {u.text: u.speaker.name for u in segment(doc)}
    assert speakers["We will not be deterred."] == "Jane Doe"


def test_a_govuk_press_release_or_a_from_line_of_two_people_names_no_author() -> None:
    origin = "Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP"
    assert from_line_person(["Press release", "UK condemns the vote"], [origin]) is None
    assert from_line_person(["Speech", "UK statement"], ["Foreign Office, Jane Doe and Karl Smith MP"]) is None
    assert from_line_person(["Speech", "UK statement"], ["Cabinet Office and Prime Minister's Office"]) is None
    assert from_line_person(["Speech", "UK statement"], [origin]) == "Jane Doe"


def test_an_office_with_its_remit_before_statement_is_its_holders() -> None:
    raw = (
        "Statement\nMinister for Europe statement on the Northland elections\n"
        "Minister for Europe Karl Smith has issued a statement on the parliamentary elections in Northland.\n"
        "From:\nForeign, Commonwealth & Development Office and Karl Smith MP\nPublished\n2 November 2026\n\n"
        "Irregularities were reported. We urge the authorities to address them.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.author_role) == ("Karl Smith", "Minister for Europe")


def test_a_kremlin_transcript_header_with_date_and_time_lines_opens_the_text_below() -> None:
    raw = (
        "Address by President of the Russian Federation\n"
        "Vladimir Putin addressed State Duma deputies and Federation Council members in the Kremlin.\n"
        "March 18, 2026\n15:50\nThe Kremlin, Moscow\n\n"
        "President of Russia Vladimir Putin: Members of the Federation Council, good afternoon.\n\n"
        "We have gathered here today in connection with an issue of vital significance. This is not true.\n"
    )
    [doc] = ingest_text(raw, "page.txt")  # before: two documents, the header's and the speech's
    assert (doc.author, doc.title) == ("Vladimir Putin", "Address by President of the Russian Federation")
    assert str(doc.published) == "2026-03-18"


@pytest.mark.parametrize(
    ("header", "owner"),
    [
        ("Seventy-ninth Session,\n12th Meeting (PM)\n\nAssembly Adopts Text\n", "United Nations"),
        ("Ukraine\nVolume 612: debated on Tuesday 13 May 2026\n", "Hansard"),
        ("Statement from President Smith\nMARCH 5, 2026•STATEMENTS AND RELEASES\n", "The White House"),
        ("Remarks With Foreign Minister Berg\nJane Doe\nSecretary of State\nOldtown\n", "U.S. Department of State"),
        ("Call\nOffice of the Spokesperson\n\nThe below is attributable to X:\n", "U.S. Department of State"),
        ("Meeting\nMarch 18, 2026\n\nPresident of Russia Vladimir Putin: Good afternoon.\n", "The Kremlin"),
    ],
)  # fmt: skip
def test_a_page_in_a_government_house_style_is_that_offices(header: str, owner: str) -> None:
    [doc] = ingest_text(f"{header}\nWe discussed the situation in the region. We agreed to meet again soon.\n", "p.txt")
    assert doc.source == owner


def test_no_house_style_names_no_office() -> None:
    raw = "Northland votes\nBy Jane Doe\n\nOLDTOWN - Voters went to the polls on Sunday. The count began at dusk.\n"
    [doc] = ingest_text(raw, "page.txt")
    assert doc.source is None  # "Secretary of State" in a sentence, a meeting in prose: no house style


def test_a_place_line_ending_in_a_full_stop_stays_in_the_header() -> None:
    raw = (
        "Secretary Smith With Northland Foreign Minister Anna Berg Before Their Meeting\nRemarks\n"
        "Antony Smith, Secretary of State\nWashington, D.C.\nMarch 9, 2026\n\n"
        "SECRETARY SMITH: Well, good afternoon, everyone. We have a lot to discuss.\n\n"
        "FOREIGN MINISTER BERG: Thank you, Tony. We are grateful for your support.\n"
    )
    [doc] = ingest_text(raw, "page.txt")  # before: two documents, cut under "Washington, D.C." (taken for prose)
    assert (doc.author, doc.source) == ("Antony Smith", "U.S. Department of State")
    speakers = {u.text: u.speaker.name for u in segment(doc)}
    assert speakers["We have a lot to discuss."] == "Antony Smith"
    assert speakers["We are grateful for your support."] == "Anna Berg"


def test_an_answer_to_a_media_question_is_the_spokespersons() -> None:
    raw = (
        "Answer by Foreign Ministry Spokeswoman Maria Ivanova to a media question on the situation in Northland\n\n"
        "Question: How would you comment on the statements by Southland officials?\n\n"
        "Answer: We regard these statements as provocative. They do not help the peace process.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.author_role) == ("Maria Ivanova", "Foreign Ministry Spokeswoman")
    speakers = {u.text: u.speaker.name for u in segment(doc)}
    assert speakers["They do not help the peace process."] == "Maria Ivanova"  # before: the questioner's


def test_a_headline_over_its_date_stays_apart_from_the_first_paragraph() -> None:
    raw = (
        "Joseph Smith\nReadout of the President's Call with President Berg of Northland\nMarch 20, 2026\n\n"
        "The President spoke today with President Anna Berg of Northland. The President reaffirmed his support.\n"
    )
    [doc] = ingest_text(raw, "page.txt")  # before: the headline and the first sentence made one unit
    units = {u.text: u.speaker.name for u in segment(doc)}
    assert "The President spoke today with President Anna Berg of Northland." in units
    assert units["The President reaffirmed his support."] == "President"  # not Anna Berg, whom he called


def test_a_reposts_fields_are_furniture_and_its_topic_label_no_speaker() -> None:
    raw = (
        "Northland/Southland: Statement by the Spokesperson on recent developments at the border\n"
        "Format: News and Press Release\nSource: EEAS\nPosted: 14 Sep 2026\nOriginally published: 14 Sep 2026\n\n"
        "The European Union is deeply concerned by the fighting at the border. The attacks are unacceptable.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.source) == ("Spokesperson", "EEAS")
    names = {u.speaker.name for u in segment(doc)}
    assert "Format" not in names and "Northland/Southland" not in names  # before: both were speakers


def test_a_breadcrumb_is_no_headline() -> None:
    raw = (
        "Home » UK Government » Foreign Secretary statement following the Northland elections\n"
        "Foreign Secretary statement following the Northland elections\n"
        "Posted on March 19, 2026 by Breaking News Team\n\n"
        "Foreign Secretary Jane Doe said:\n\nThe elections were held in a climate of repression.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title == "Foreign Secretary statement following the Northland elections"


def test_read_the_full_transcript_of_x_speech_names_x() -> None:
    raw = (
        "Read the full transcript of Prime Minister Berg's speech to parliament\nNorthpress\n12 March 2026\n\n"
        "Mr Speaker, honourable members. We meet at a time of great danger.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.author_role) == ("Berg", "Prime Minister")


def test_an_institution_named_alone_is_written_out_as_the_page_names_it() -> None:
    raw = (
        "Embassy of Northland in London\nPress release\nStatement by the Embassy on the recent provocations\n"
        "14 April 2026\n\nThe Embassy is deeply concerned by the statements of Southland officials.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author == "Embassy of Northland"
    assert fuller_institution("The Embassy of Northland and the Embassy of Southland met.", "Embassy") == "Embassy"


def test_a_blog_reposts_labels_line_is_furniture() -> None:
    raw = (
        "Monday, March 2, 2026\nSecretary Smith's Remarks at the Northland Donors Conference\nRemarks\nAntony Smith\n"
        "Secretary of State\nOldtown, Northland\nMarch 2, 2026\n\n"
        "SECRETARY SMITH: Thank you all for being here. The United States pledges new aid.\n\n"
        "Posted by Brandt at 9:12 AM\nLabels: NORTHLAND\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.source) == ("Antony Smith", "U.S. Department of State")
    assert "Labels: NORTHLAND" not in {u.text for u in segment(doc)}  # before: a claim of the author's


def test_a_releases_bracketed_day_takes_the_year_of_the_latest_month_the_text_names() -> None:
    text = (
        "The Harbour Board has agreed today (14 March) to publish its plan for the ferries.\n\n"
        "The plan follows a review the Board began in November 2020."
    )
    assert bracketed_today(text) == date(2021, 3, 14)  # March comes before November: the year after


def test_a_bracketed_day_with_no_year_on_the_page_stays_undated() -> None:
    assert bracketed_today("The Board agreed today (14 March) to publish its plan.") is None
