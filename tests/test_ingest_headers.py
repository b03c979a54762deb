"""An article's header on unseen pages: headline, date, agency, transcript author, one document per article."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.headers import (
    agency_in_lead,
    agency_line,
    byline_line,
    choose_title,
    issued_on,
    name_line,
    publisher_in_text,
    read_dateline,
    reporter_in_lead,
    transcript_header,
    year_from_page,
)
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
    assert found is not None and found.month_day == (4, 9) and found.agency == "NORTHPRESS"
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
    ],
)
def test_the_lead_names_its_agency(lead: str, agency: str | None) -> None:
    assert agency_in_lead(lead) == agency


def test_the_agency_of_the_dateline_is_the_documents_source() -> None:
    [doc] = _docs("Talks fail in Oldtown\nOLDTOWN, Dec 14, 2004 (Reuters) — The talks failed, officials said.\n")
    assert doc.source == "Reuters"


# ------------------------------------------------------------------------------------------------ authors


def test_a_possessive_title_names_the_speech_author() -> None:
    found = transcript_header("“We will not give up” - Jane Doe’s Speech at the Party Congress")
    assert found is not None and found[1:] == ("Jane Doe", None)
    found = transcript_header("Northland Foreign Minister John Smith’s remarks and answers to media questions")
    assert found is not None and found[1:] == ("John Smith", "Northland Foreign Minister")


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


def test_a_header_naming_only_an_office_names_its_holder_when_the_text_does() -> None:
    raw = (
        "Address by the President of Northland\n\n"
        "President of Northland Jane Doe addressed the nation.\n\nWe will not give up.\n"
    )
    [doc] = _docs(raw)
    assert (doc.author, doc.author_role) == ("Jane Doe", "President of Northland")
    [doc] = _docs("Address by the President of Northland\n\nWe will not give up. Our door is open.\n")
    assert doc.author is None


# ------------------------------------------------------------------------------------------------ bylines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By JANE DOE, Associated Press Writer", ("Jane Doe", "Associated Press")),
        ("By Jane Doe", ("Jane Doe", None)),
        ("By Jane Doe and John Roe, Northpress", ("Jane Doe and John Roe", "Northpress")),
        ("by NATO Secretary General Jane Doe", None),
        ("By the way, the talks failed", None),
    ],
)
def test_a_byline_names_the_journalist_and_the_agency_after_the_name(
    line: str, expected: tuple[str, str | None] | None
) -> None:
    assert byline_line(line) == expected


def test_a_lead_names_its_reporter() -> None:
    assert reporter_in_lead("The vote was close. VOA's Jane Doe in Oldtown reports the count goes on.") == "Jane Doe"
    assert reporter_in_lead("Northland's President John Carter said the count goes on.") is None


def test_the_byline_is_the_documents_byline_and_its_agency_the_source() -> None:
    raw = (
        "Northland rejects the plan\nBy JANE DOE, Associated Press Writer\n"
        "OLDTOWN, Northland (AP) — Northland rejected the plan on Monday, its foreign minister said.\n"
    )
    [document] = _docs(raw)
    assert (document.byline, document.source, document.author) == ("Jane Doe", "Associated Press", None)


# ------------------------------------------------------------------------------------------------ publishers


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Text.\nFollow the Foreign Office on Twitter @fo and Facebook\n", "Foreign Office"),
        ("  The press release issued by the Foreign Office on 29 September 2023.\nText.", "Foreign Office"),
        ("In a statement received by IRIN on Monday, the commission said no.", "IRIN"),
        ("The minister told VOA the vote was fair.", "VOA"),
        ("Protesters built barricades, an Interfax correspondent reported.", "Interfax"),
        ("The minister told Parliament the vote was fair.", None),
        ("The minister told the Security Council the vote was fair.", None),
        ("The minister told John Carter the vote was fair.", None),
    ],
)
def test_the_text_names_its_publisher_where_no_header_does(text: str, publisher: str | None) -> None:
    assert publisher_in_text(text) == publisher


def test_a_standfirst_gives_the_release_date_with_its_year_only() -> None:
    assert issued_on("The press release issued by the Foreign Office on 29 September 2023.") == date(2023, 9, 29)
    assert issued_on("The statement was published on Monday, 3 May 2021, in Oldtown.") == date(2021, 5, 3)
    assert issued_on("The report was released on 3 May.") is None


def test_a_documents_file_written_before_the_byline_field_still_reads() -> None:
    from claimstance import io

    older = {
        "schema_version": "1.1.0",
        "id": "p-d00",
        "seed_file": "p.txt",
        "text": "Northland rejected the plan.",
        "raw_start": 0,
        "raw_end": 28,
    }
    document = io.validate_record(Document, older, path="documents.jsonl", line=1)
    assert document.byline is None and document.text == "Northland rejected the plan."


@pytest.mark.parametrize(
    ("page", "publisher"),
    [
        ("The talks failed.\nSource: Northpress\n", "Northpress"),
        ("The talks failed.\n© 2024 Northpress. All rights reserved.\n", "Northpress"),
        ("The talks failed.\nCopyright (c) 2008 Northpress News Agency\n", "Northpress News Agency"),
        ("The talks failed.\n© 2024 AP\n", "Associated Press"),
        ("The talks failed. The source: a minister.\n", None),
    ],
)
def test_a_credit_or_copyright_line_names_the_publisher(page: str, publisher: str | None) -> None:
    assert publisher_in_text(page) == publisher


def test_a_staff_byline_names_the_outlet_and_no_journalist() -> None:
    assert byline_line("By Northpress Staff") == (None, "Northpress")
    assert byline_line("By the Northpress News Desk") == (None, "Northpress")


def test_a_byline_and_its_date_on_one_line_give_both() -> None:
    raw = "Northland rejects the plan\nBy Jane Doe | 2 September 2024\nNorthland rejected the plan, she said.\n"
    [document] = _docs(raw)
    assert (document.byline, document.published) == ("Jane Doe", date(2024, 9, 2))


def test_a_stamp_with_its_poster_is_a_stamp() -> None:
    raw = "Northland rejects the plan\nPosted on 2 September 2024 by Jane Doe\nNorthland rejected the plan.\n"
    [document] = _docs(raw)
    assert document.published == date(2024, 9, 2)
    assert "Posted on" not in document.text
