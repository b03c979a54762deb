"""Bylines, publishers and release dates that no dateline or agency line gives (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.credits import byline_line, fullest_form, issued_on, publisher_in_text, reporter_in_lead
from claimstance.schema import Document


def _docs(raw: str) -> list[Document]:
    return list(ingest_text(raw, "page.txt"))


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


# ------------------------------------------------------------------------- furniture on pages of other outlets

_BODY = (
    "Northland's parliament voted on Tuesday to approve the new border treaty with Southland, ending months of "
    "debate.\n\nThe opposition said the vote was rushed and promised to challenge it in court.\n"
)


@pytest.mark.parametrize(
    ("raw", "source"),
    [
        (
            "Parliament approves border treaty\n\n" + _BODY + "\nContact the newsroom: news@northpress.com\n",
            "northpress.com",
        ),
        ("Parliament approves border treaty\n\n" + _BODY + "\nContact: jane.doe@gmail.com\n", None),
        ("Parliament approves border treaty\nNorthpress staff\n12 March 2024\n\n" + _BODY, "Northpress"),
        ("Parliament approves border treaty\nNorthpress staff and agencies\n\n" + _BODY, "Northpress"),
        ("Northpress | Home | World | Politics\nParliament approves border treaty\n\n" + _BODY, "Northpress"),
        (
            "Parliament approves border treaty\n\n"
            + _BODY
            + "\nThe Guardian reported last week that it was delayed.\n",
            None,
        ),
    ],
)
def test_the_source_is_the_outlet_the_furniture_names_never_one_the_text_mentions(raw: str, source: str | None) -> None:
    (doc,) = _docs(raw)
    assert doc.source == source
    assert doc.title == "Parliament approves border treaty"


def test_a_published_and_updated_stamp_line_gives_the_published_date_and_is_no_title() -> None:
    raw = "Parliament approves border treaty\nPublished: 12 March 2024 | Updated: 14 March 2024\n\n" + _BODY
    (doc,) = _docs(raw)
    assert (doc.title, doc.published) == ("Parliament approves border treaty", date(2024, 3, 12))


@pytest.mark.parametrize(
    ("poster", "source"),
    [
        ("Posted by Harbourline Bloggers", "Harbourline"),
        ("Posted by the Harbour Notes Blog Team", "Harbour Notes"),
        ("Posted by Jane Doe", None),  # a person's post names no outlet
    ],
)
def test_a_team_blogs_poster_line_names_the_blog(poster: str, source: str | None) -> None:
    raw = "Parliament approves border treaty\n\n" + poster + "\nMarch 12, 2024\n\n" + _BODY
    (doc,) = _docs(raw)
    assert doc.source == source
    assert (doc.title, doc.published) == ("Parliament approves border treaty", date(2024, 3, 12))


def test_an_author_box_naming_a_news_desk_over_its_outlets_blurb_names_the_outlet() -> None:
    box = (
        "\n  • 16x9 Image\n\n    NPN News\n\n    The Northland Public Network provides news in twelve languages to "
        "listeners around the world.\n"
    )
    body = _BODY + "".join(f"\nSpeaker {n} said the treaty would hold.\n" for n in range(8))  # a box far below
    (doc,) = _docs("Parliament approves border treaty\n\n" + body + box)
    assert doc.source == "NPN"
    (other,) = _docs("Parliament approves border treaty\n\n" + body + "\nHarbour News\n\nMore stories below.\n")
    assert other.source is None


def test_a_media_contact_block_names_the_department_under_its_desk() -> None:
    contact = (
        "\nFor further information, media representatives may contact:\n\nHarbours Media Relations Office\n"
        "Department of Harbours and Fisheries Northland\n555-010-2030\n"
    )
    (doc,) = _docs("Parliament approves border treaty\n\n" + _BODY + contact)
    assert doc.source == "Department of Harbours and Fisheries Northland"
    person = "\nMedia Relations Office\nJane Doe Smith\n555-010-2030\n"  # a press officer is no publisher
    (other,) = _docs("Parliament approves border treaty\n\n" + _BODY + person)
    assert other.source is None


def test_readers_comments_under_a_post_are_no_articles() -> None:
    post = "Harbour photo of the week\n\nPosted by Harbourline Bloggers\nMarch 12, 2024\n\n" + _BODY
    comments = (
        "\n\n\nOldtown\nMarch 13, 2024\n\nJane in Oldtown writes:\n\nThe fleet is a fine sight. I hope it sails.\n"
        "\n\n\nNewtown\nMarch 14, 2024\n\nJohn in Newtown writes:\n\nWe should all visit the harbour. It is lovely.\n"
    )
    docs = _docs(post + comments)
    assert [d.title for d in docs] == ["Harbour photo of the week"]
    assert "fine sight" not in docs[0].text
    (alone,) = _docs("Letters\n\nJane in Oldtown writes:\n\nThe fleet is a fine sight. I hope it sails.\n")
    assert "fine sight" in alone.text  # a page of nothing but a letter keeps it


def test_a_name_and_another_name_is_a_list_of_two_not_the_names_fuller_form() -> None:
    page = "Like us: Harbour Affairs Northland and Northland’s coast guard - Harbour Affairs Northland\n"
    assert fullest_form("Harbour Affairs Northland", page) == "Harbour Affairs Northland"
    assert fullest_form("Harbour Office", "The Harbour and Fisheries Office said") == "Harbour and Fisheries Office"
