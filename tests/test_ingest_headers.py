"""An article's header on unseen pages: headline, date, agency, transcript author, one document per article."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.agencies import agency_in_lead, agency_line
from claimstance.ingest.authors import transcript_header
from claimstance.ingest.headers import (
    choose_title,
    dated_head,
    read_dateline,
    year_from_page,
)
from claimstance.ingest.namelines import name_line
from claimstance.schema import Document


def _docs(raw: str) -> list[Document]:
    return list(ingest_text(raw, "page.txt"))


# ------------------------------------------------------------------------------------------------ titles


def test_the_title_is_the_headline_not_site_furniture_breadcrumbs_or_bylines() -> None:
    lines = ["Skip to content", "Breaking News", "1. Home", "• Gallery", "By JANE DOE, Staff Writer", "Tag: Politics"]
    assert choose_title([*lines, "Ministers agree on a new border commission"]) == (
        "Ministers agree on a new border commission"
    )


def test_the_longest_headline_wins_and_a_by_line_completes_a_short_one() -> None:
    assert choose_title(["News and statements of the ministry", "Minister: we will sign the treaty next week"]) == (
        "Minister: we will sign the treaty next week"
    )
    assert choose_title(["Press conference", "by Secretary General Jane Doe, after the summit"]) == (
        "Press conference by Secretary General Jane Doe, after the summit"
    )


def test_a_headline_the_header_gives_twice_wins_over_longer_headlines_of_other_stories() -> None:
    lines = [
        "Northland and Southland sign a long agreement on fishing rights in the northern sea",
        "Berg: the talks are dead",
        "Ministers meet in Oldtown to discuss the budget for the coming year",
        "Berg: the talks are dead",
    ]
    assert choose_title(lines) == "Berg: the talks are dead"


def test_a_photo_caption_ending_with_place_and_date_is_neither_the_headline_nor_the_date() -> None:
    caption = "Rebel candidate Jane Doe casts her ballot at a polling station in Oldtown, Aug. 26, 2011"
    raw = (
        "Accessibility links\n\nBreaking News\n\nRebels in the north elect a leader\n\n"
        f"{caption}\n{caption}\n"
        "Residents of the breakaway region voted for a new leader on Friday. Three candidates ran.\n"
    )
    [doc] = _docs(raw)
    assert (doc.title, doc.published) == ("Rebels in the north elect a leader", None)
    title = "Remarks by the President at a Campaign Event in Oldtown, Northland, March 3, 2021"
    assert choose_title([title]) == title  # a transcript's Title Case headline with its place and date


def test_a_meetings_line_with_its_number_place_and_date_is_a_dateline_not_the_headline() -> None:
    raw = (
        "HLO Standing Council No. 812 Oldtown, 14 March 2024\n"
        "1. We welcome the Director and thank her for the report.\n2. The past year has been hard for the League.\n"
    )
    [doc] = _docs(raw)
    assert (doc.title, doc.published) == (None, date(2024, 3, 14))
    assert choose_title(["Harbour League Standing Council: the 812th meeting ends"]) is not None


def test_a_members_name_with_the_constituency_is_a_speakers_line_not_the_headline() -> None:
    assert choose_title(["Mr. Jane Doe (Oldtown and Northby)"]) is None
    assert choose_title(["Mrs. Jane Roe (Oldtown, Labour)"]) is None
    assert choose_title(["Harbour Bill (Second Reading)"]) == "Harbour Bill (Second Reading)"


@pytest.mark.parametrize("block", ["The Hon. Jane Doe, MP", "Rt Hon Jane Doe", "THE HON. JANE DOE MP"])
def test_a_westminster_members_name_line_in_any_case_is_no_headline(block: str) -> None:
    assert choose_title([block, "Harbour talks resume in Oldtown"]) == "Harbour talks resume in Oldtown"


def test_a_name_like_heading_over_a_records_dated_sitting_line_is_the_headline() -> None:
    lines = ["Southern Region", "Northland Assembly Debate, Thursday - 7 November 2019", "Questions (12)", "Jane Doe"]
    assert choose_title(lines) == "Southern Region"


def test_a_name_like_heading_under_a_records_rubric_is_the_headline() -> None:
    lines = ["Senate debates", "Senate matters - Commencement Matters", "Harbour Risk Review"]
    assert choose_title(lines) == "Harbour Risk Review"


@pytest.mark.parametrize("name", ["Micheál Doherty-Byrne", "Zoë Lindqvist", "Élise Marchand"])
def test_a_name_with_accented_letters_is_a_name_line_and_no_headline(name: str) -> None:
    assert name_line(name) == (name, None)
    assert choose_title([name, "Harbour reopens"]) == "Harbour reopens"


def test_a_short_title_case_line_over_a_records_debated_on_line_is_the_headline() -> None:
    lines = ["Skip to main content", "Harbour Law", "Volume 556: debated on Tuesday 15 January 2013"]
    assert choose_title(lines) == "Harbour Law"
    assert choose_title(["Skip to main content", "Jane Doe", "Northpress Staff Writer"]) is None


def test_the_line_under_a_document_type_label_is_the_headline_not_the_longer_summary() -> None:
    lines = [
        "World news story",
        "Northland statement to the League on elections",
        "The Harbour League holds its annual implementation meeting on democratic institutions, Oldtown, Northland",
    ]
    assert choose_title(lines) == "Northland statement to the League on elections"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Press Briefing by the Deputy Press Secretary Jane Doe, 6/27/16", date(2016, 6, 27)),
        ("1/3/05 - HARBOUR PROGRESS IN 2004 - 2005-01-03", date(2005, 1, 3)),
        ("Press Gaggle by the Press Secretary en route Oldtown, 11/7/16", None),  # 7 November or 11 July
    ],
)
def test_a_header_line_ending_with_a_numeric_date_dates_the_page(line: str, day: date | None) -> None:
    assert dated_head([line]) == day


def test_a_bilingual_headers_translated_headline_does_not_win_over_the_english_one_by_length() -> None:
    lines = [
        "Statement by High Representative/Vice-President Jane Doe on Northland",
        "Statements by the HR/VP",
        "Déclaration de la Haute-Représentante/Vice-Présidente Jane Doe sur le Northland",
    ]
    assert choose_title(lines) == "Statement by High Representative/Vice-President Jane Doe on Northland"
    assert choose_title(["Déclaration de la Haute-Représentante sur le port"]) == (
        "Déclaration de la Haute-Représentante sur le port"
    )
    english = "Los Angeles Mayor Meets De La Cruz"  # names with Spanish particles, capitalised: no translation
    assert choose_title([english, "Déclaration de la Haute-Représentante sur le port"]) == english


def test_a_page_without_a_headline_has_no_title() -> None:
    [doc] = _docs("The commission met on Monday. It approved the budget.\nThe vote was unanimous.\n")
    assert doc.title is None


def test_hard_wrapped_prose_under_the_headline_is_no_title() -> None:
    raw = (
        "TALKS RESUME IN GENEVA\n"
        "Northland Radio\n"
        "The delegations of the two neighbouring states met in Geneva on\n"
        "Tuesday to resume the talks that stalled last spring. The chief negotiator\n"
        "said the sides were closer than ever before.\n"
    )
    [doc] = _docs(raw)
    assert doc.title == "TALKS RESUME IN GENEVA"


# ------------------------------------------------------------------------------------------------ dates


def test_a_dateline_gives_date_and_agency() -> None:
    found = read_dateline("OLDTOWN, Northland, Dec 14, 2004 (AP) — The talks failed.")
    assert found is not None
    assert (found.published, found.agency) == (date(2004, 12, 14), "Associated Press")


def test_a_day_and_month_take_their_year_from_the_page() -> None:
    found = read_dateline("OLDTOWN, APRIL 9, NORTHPRESS. The talks failed.")
    assert found is not None and found.month_day == (4, 9) and found.agency == "Northpress"
    assert year_from_page((4, 9), "as agreed on November 9, 2020 and January 11, 2021") == date(2021, 4, 9)
    assert year_from_page((1, 5), "the vote of December 20, 2020") == date(2021, 1, 5)
    assert year_from_page((4, 9), "no full date anywhere") is None


def test_a_slash_dateline_names_agency_and_author() -> None:
    found = read_dateline("Northland, Oldtown, Sept. 7 / Wirenews J. Smith / The minister said ...")
    assert found is not None and (found.agency, found.author) == ("Wirenews", "J. Smith")


def test_a_last_update_stamp_is_never_the_date_and_an_update_stamp_only_when_alone() -> None:
    [doc] = _docs("Ministers meet in Oldtown\nLast update: 3 March 2021 10:00\nThe ministers met on Monday.\n")
    assert doc.published is None
    [doc] = _docs("Ministers meet in Oldtown\nUpdated: 2013-04-16 13:38\nThe ministers met on Monday.\n")
    assert doc.published == datetime(2013, 4, 16, 13, 38)


def test_american_numeric_dates_and_a_crawl_date_line() -> None:
    [doc] = _docs("Ministers meet in Oldtown\nSubmitted on Fri, 11/19/2021 - 11:51\nThe ministers met.\n")
    assert doc.published == datetime(2021, 11, 19, 11, 51)
    [doc] = _docs(" date 2017-11-15 The ministers met in Oldtown on Wednesday.\n")
    assert doc.published == date(2017, 11, 15)


# ------------------------------------------------------------------------------------------------ agencies


@pytest.mark.parametrize(
    ("line", "agency"),
    [("(Wirenews)", "Wirenews"), ("Northfax News Agency", "Northfax News Agency"), ("(AFP)", "Agence France-Presse")],
)
def test_an_agency_line_names_the_source(line: str, agency: str) -> None:
    assert agency_line(line) == agency


def test_breaking_news_is_no_agency() -> None:
    assert agency_line("Breaking News") is None


@pytest.mark.parametrize(
    ("lead", "agency"),
    [
        ("NorthInfo. The prime minister proposed talks.", "NorthInfo"),
        ("NorthNews.Net - During a press conference, the minister said ...", "NorthNews.Net"),
        ("Turnout was low. WNR's Jane Doe in Oldtown reports the opposition is angry.", "WNR"),
        ("The door is open, the minister said, NPA reported citing The Daily.", "NPA"),
        ("OLDTOWN - The minister said the door is open.", None),
        ("Turnout was low. Jane Doe has more from WNR's North and East Africa Bureau in Oldtown.", "WNR"),
        ("Turnout was low. Jane Doe reports from the NPA Oldtown bureau.", "NPA"),
        ("Turnout was low. Jane Doe has more from Oldtown's northern districts.", None),
    ],
)
def test_the_lead_names_its_agency(lead: str, agency: str | None) -> None:
    assert agency_in_lead(lead) == agency


def test_a_reporters_credit_from_the_outlets_bureau_names_the_source_and_the_byline() -> None:
    raw = (
        "Ruling party wins the vote\n\nThe ruling party won the vote, officials said on Thursday. Monitors criticised"
        " the count. Jane Doe has more from WNR's North and East Africa Bureau in Oldtown.\n\n"
        "The count was slow.\n"
    )
    doc = _docs(raw)[0]
    assert (doc.source, doc.byline) == ("WNR", "Jane Doe")


def test_the_agency_of_the_dateline_is_the_documents_source() -> None:
    [doc] = _docs("Talks fail in Oldtown\nOLDTOWN, Dec 14, 2004 (Reuters) — The talks failed, officials said.\n")
    assert doc.source == "Reuters"


# ------------------------------------------------------------------------------------------------ authors


def test_a_possessive_title_names_the_speech_author() -> None:
    found = transcript_header("“We will not give up” - Jane Doe’s Speech at the Party Congress")
    assert found is not None and found[1:] == ("Jane Doe", None)
    found = transcript_header("Northland Foreign Minister John Smith’s remarks and answers to media questions")
    assert found is not None and found[1:] == ("John Smith", "Northland Foreign Minister")


def test_a_title_case_headline_with_a_verb_inside_is_no_name_line() -> None:
    assert name_line("Oldtown Hails Harbour Vote") is None
    assert choose_title(["Accessibility links", "Oldtown Hails Harbour Vote"]) == "Oldtown Hails Harbour Vote"
    assert name_line("Mary Roberts") == ("Mary Roberts", None)  # a surname in "s" ends the name
    assert name_line("Juan Carlos Doe") == ("Juan Carlos Doe", None)
    assert name_line("John Williams Secretary of State") == ("John Williams", "Secretary of State")
    assert name_line("Northern Rebel Region Elects President") is None  # a verb third or later, an office after it
    assert name_line("Rebel Region Elects President") is None  # the office alone after the verb: its object
    assert name_line("Mary Ann Roberts Secretary of State") == ("Mary Ann Roberts", "Secretary of State")
    assert name_line("John Quincy Adams") == ("John Quincy Adams", None)


def test_a_three_word_name_before_a_comma_and_an_office_is_a_name_block() -> None:
    # a middle name shaped like a headline verb ("Roberts", "Williams") is a name before ", Minister of ..."
    assert name_line("Jane Roberts Doe, Minister of Trade") == ("Jane Roberts Doe", "Minister of Trade")
    assert name_line("JANE WILLIAMS DOE, MINISTER OF TRADE") == ("Jane Williams Doe", "Minister Of Trade")
    assert name_line("Oldtown Hails Harbour Vote, Minister of Trade") is None  # four words: still a headline
    assert name_line("Oldtown Hails Harbour Vote") is None
    assert name_line("Rebel Region Elects President") is None
    assert name_line("Jane Williams Doe") is None  # alone it reads as "Oldtown Hails Deal" does: left refused


def test_a_name_line_under_a_remarks_title_is_the_author() -> None:
    assert name_line("Jane Q. Doe Secretary of State") == ("Jane Q. Doe", "Secretary of State")
    assert name_line("Remarks With Foreign Minister John Smith") is None  # a title, not a name
    raw = (
        "Remarks With Foreign Minister John Smith\n\nJane Doe\nSecretary of State\nOldtown\n"
        "September 19, 2016\n\nQUESTION: Is the ceasefire over?\n"
    )
    [doc] = _docs(raw)
    assert (doc.author, doc.title, doc.published) == (
        "Jane Doe",
        "Remarks With Foreign Minister John Smith",
        date(2016, 9, 19),
    )


# ------------------------------------------------------------------------------------------------ documents


def test_site_furniture_after_the_article_is_no_document_and_gives_its_site() -> None:
    raw = (
        "Ministers agree on border commission\n\nThe ministers agreed on Monday to set up a commission.\n\n"
        "www.northnews.example\nSimilar news\nPresident visits the north\nPolitical News 10:30\nMarket opens\n"
    )
    [doc] = _docs(raw)
    assert doc.source == "www.northnews.example"
    assert doc.text.endswith("set up a commission.")


def test_a_header_of_headlines_and_labels_over_a_timestamp_opens_the_body() -> None:
    raw = "MINISTERS MEET\nNorthland Radio\nJan 21 2008\nNorthland\nThe ministers met on Monday.\n"
    [doc] = _docs(raw)
    assert doc.title == "MINISTERS MEET"
    assert doc.published == date(2008, 1, 21)
    assert doc.text.startswith("MINISTERS MEET")


def test_a_header_naming_only_an_office_names_its_holder_when_the_text_does_else_the_office() -> None:
    raw = (
        "Address by the President of Northland\n\n"
        "President of Northland Jane Doe addressed the nation.\n\nWe will not give up.\n"
    )
    [doc] = _docs(raw)
    assert (doc.author, doc.author_role) == ("Jane Doe", "President of Northland")
    [doc] = _docs("Address by the President of Northland\n\nWe will not give up. Our door is open.\n")
    assert (doc.author, doc.author_role) == ("President of Northland", None)
    raw = "Address by President of the Republic of Northland\n\nPresident of Northland Karl Olsen: Friends, we met.\n"
    assert _docs(raw)[0].author == "Karl Olsen"  # the office as the text words it: the same holder
    [doc] = _docs("Joint statement by the foreign ministers of Northland and Southland\n\nWe agreed to meet.\n")
    assert doc.author is None  # a group in lower case is no author


@pytest.mark.parametrize(
    "under",
    [
        "Lawmakers vote in Oldtown on Tuesday after a long debate (Photo: Jane Doe/Northpress)",
        "Share on Facebook Share on Twitter Share via e-mail to a friend",
    ],
)
def test_a_caption_or_share_bar_under_the_headline_is_no_title(under: str) -> None:
    assert choose_title(["Parliament approves border treaty", under]) == "Parliament approves border treaty"


def test_a_page_title_with_its_site_after_a_bar_gives_the_headline() -> None:
    assert choose_title(["Parliament approves border treaty | Northpress News"]) == "Parliament approves border treaty"


def test_a_records_volume_heading_and_a_press_conferences_day_and_place_date_the_page() -> None:
    volume = "[Northland Record Volume 16, Number 17 (Tuesday, December 8, 2015)]\n[House]\nHARBOUR DUES\n"
    assert _docs(volume + "  Mr. Speaker, the harbour dues must fall now.\n")[0].published == date(2015, 12, 8)
    conference = "Press Conference by Minister Jane Doe\nTuesday, November 1, 2016, 8:46 a.m. Front Hall, Oldtown\n"
    doc = _docs(conference + "Reporter: Will the quotas change?\nMs. Doe: They will not.\n")[0]
    assert (doc.title, doc.published) == ("Press Conference by Minister Jane Doe", datetime(2016, 11, 1, 8, 46))


def test_part_of_the_debate_is_no_headline() -> None:
    raw = "Part of the debate – in the House of Burgesses at 3:20 pm on 23 November 2022.\n"
    doc = _docs(raw + "Thank you for the question. The dues must fall, and they will.\n")[0]
    assert (doc.title, doc.source, doc.published) == (None, "House of Burgesses", date(2022, 11, 23))


def test_a_gallerys_more_photos_line_is_no_headline() -> None:
    lines = ["Photo of the Week: Harbour at Dawn", "Posted by Harbourline", "More photos: Harbour Office's photostream"]
    assert choose_title(lines) == "Photo of the Week: Harbour at Dawn"


@pytest.mark.parametrize("label", ["News Releases", "Press Release", "News Release"])
def test_a_releases_kind_over_an_untitled_release_is_no_title(label: str) -> None:
    raw = (
        f"{label}\n\nMarch 3, 2021\n\nOLDTOWN – Governor Jane Roe released the following statement today on the "
        "storm that hit the coast.\n\n“Our crews are working around the clock to restore power to every home.”\n"
    )
    [document] = ingest_text(raw, "page.txt")
    assert document.title is None
