"""The shared text grammar: dates, noise lines, and role words, as ingest and segment both read them."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from claimstance.ingest import ingest_text, split_author
from claimstance.lexicon import (
    DAY_MONTH,
    MEMBER_NAME_LINE,
    LineKind,
    Updated,
    by_first_letter,
    classify_line,
    is_honorific,
    is_noise_line,
    parse_published,
    role_word,
)
from claimstance.schema import Document
from claimstance.segment import segment
from claimstance.segment.names import parse_speaker_phrase

# ------------------------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 September 2024, 16:05", datetime(2024, 9, 2, 16, 5)),
        ("1 September 2024 14:18", datetime(2024, 9, 1, 14, 18)),
        ("September 2, 2024", date(2024, 9, 2)),
        ("2nd Sept. 2024", date(2024, 9, 2)),
        ("2ND SEPT. 2024", date(2024, 9, 2)),
        ("March 13, 2023 at 7:45 pm", datetime(2023, 3, 13, 19, 45)),
        ("2024-09-02", date(2024, 9, 2)),
        ("02.09.2024", date(2024, 9, 2)),
        ("on November 23", None),
        ("31 February 2024", None),
    ],
)
def test_published_dates_need_a_year(text: str, expected: object) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    ("text", "matches"),
    [("3 Sept.", True), ("September 2, 2024", True), ("SEPT. 3", True), ("Mayor 3", False), ("3 Marchxyz", False)],
)
def test_a_dateline_date_is_a_day_and_a_month_by_name(text: str, matches: bool) -> None:
    assert (re.fullmatch(DAY_MONTH, text) is not None) is matches


# ------------------------------------------------------------------------------------------------ noise lines


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("-", LineKind.STRONG),
        ("— — —", LineKind.STRONG),
        ("- 2 September 2024, 16:05", LineKind.STRONG),
        ("Updated: Monday, 2 September 2024 16:05 GMT", LineKind.STRONG),
        ("16:05", LineKind.STRONG),
        ("2:05 P.M. EDT", LineKind.STRONG),
        ("Posted on 2 September 2024 by Jane Doe", LineKind.STRONG),
        ("president.az", LineKind.STRONG),
        ("https://report.az/", LineKind.STRONG),
        ("Photo sessions", LineKind.WEAK),
        ("- Photo sessions", LineKind.WEAK),
        ("Politics", LineKind.WEAK),
        ("Interview", LineKind.WEAK),
        ("Read more", LineKind.WEAK),
        ("* * *", LineKind.WEAK),
        ("...", LineKind.WEAK),
        ("###", LineKind.WEAK),
        ("- Gallery of the week", LineKind.TENTATIVE),
        ("– Yes", LineKind.TENTATIVE),
        ("* Item one", LineKind.TENTATIVE),
        ("- 2 September", LineKind.TENTATIVE),
        ("", LineKind.BLANK),
        ("Next.", LineKind.TEXT),
        ("Mr.Smith", LineKind.TEXT),
        ("- We will never accept the occupation of our lands.", LineKind.TEXT),
        ("BAKU, 2 September 2024 – The talks went on.", LineKind.TEXT),
        ("Statement by President Ilham Aliyev", LineKind.TEXT),
        ("- " * 200, LineKind.TEXT),  # longer than SHORT_LINE: never looked at
    ],
)
def test_every_line_of_a_page_is_text_or_one_kind_of_noise(line: str, kind: LineKind) -> None:
    assert classify_line(line.strip()).kind is kind
    assert is_noise_line(line.strip()) is (kind >= LineKind.STRONG)


def test_a_noise_line_says_what_it_was() -> None:
    stamp = classify_line("- 2 September 2024, 16:05")
    assert (stamp.stamp, stamp.published, stamp.site) == (True, datetime(2024, 9, 2, 16, 5), None)
    assert classify_line("16:05").published is None
    assert classify_line("https://www.report.az/").site == "www.report.az"


@pytest.mark.parametrize("noise", ["Politics", "president.az", "- 1 September 2024 14:18", "* * *", "Read more"])
def test_ingest_and_segment_drop_the_same_noise_lines(noise: str) -> None:
    page = f"The talks went on.\n\n{noise}\n\nThe vote was calm.\n"
    assert [d.text for d in ingest_text(page, "page.txt")] in (
        ["The talks went on.\n\nThe vote was calm."],  # a weak line inside an item: cut out of its text
        ["The talks went on.", "The vote was calm."],  # a strong line: between two items
    )
    whole = Document(id="p-d01", seed_file="page.txt", text=page, raw_start=0, raw_end=len(page))
    assert [u.text for u in segment(whole)] == ["The talks went on.", "The vote was calm."]


# ------------------------------------------------------------------------------------------------ roles


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The Hon. Jane Doe, MP", "Jane Doe"),
        ("Rt Hon Jane Doe MP", "Jane Doe"),
        ("The Right Honourable Jane Doe", "Jane Doe"),
        ("Hon Karl Olsen MLA", "Karl Olsen"),
        ("The Honorable Karl Olsen", "Karl Olsen"),
        ("Honest answers on the harbour, at last", None),
    ],
)
def test_a_westminster_members_name_line_gives_the_name_without_style_or_letters(line: str, name: str | None) -> None:
    found = MEMBER_NAME_LINE.fullmatch(line)
    assert (found["name"] if found is not None else None) == name


@pytest.mark.parametrize(("token", "honorific"), [("Mr.", True), ("Mr", True), ("Excellency", True), ("Mrs", True)])
def test_forms_of_address_are_honorifics(token: str, honorific: bool) -> None:
    assert is_honorific(token) is honorific
    assert not is_honorific("President")


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Congressman Joe Wilson", "Joe Wilson", "Congressman"),
        ("Vice-President Kamala Harris", "Kamala Harris", "Vice-President"),
        ("Permanent Representative Vasily Nebenzia", "Vasily Nebenzia", "Permanent Representative"),
        ("His Excellency Ilham Aliyev", "Ilham Aliyev", None),
    ],
)
def test_a_header_and_a_reported_speaker_split_name_and_role_alike(phrase: str, name: str, role: str | None) -> None:
    assert split_author(phrase) == (name, role)
    parsed = parse_speaker_phrase(phrase)
    assert parsed is not None
    assert (parsed.name, parsed.role) == (name, role)


# ------------------------------------------------------------------------------------------------ issue 15


def test_american_numeric_dates_read_month_first_unless_the_day_comes_first() -> None:
    assert parse_published("11/19/2021") == date(2021, 11, 19)
    assert parse_published("19/11/2021") == date(2021, 11, 19)


@pytest.mark.parametrize(
    ("line", "updated"),
    [
        ("2 September 2024, 16:05", Updated.PLAIN),
        ("Updated: 2013-04-16 13:38", Updated.UPDATED),
        ("Last update: 12 May 2019", Updated.LAST),
        ("Modified 3.4.2020", Updated.LAST),
        ("# 12 July 2018 09:21 (UTC +04:00)", Updated.PLAIN),
    ],
)
def test_a_timestamp_says_whether_it_dates_an_update(line: str, updated: Updated) -> None:
    found = classify_line(line)
    assert found.stamp and found.updated is updated


@pytest.mark.parametrize(
    ("line", "published", "site"),
    [
        ("Published: 12 March 2024 | Updated: 14 March 2024", date(2024, 3, 12), None),
        ("12.03.2024 | 1,204 views", date(2024, 3, 12), None),
        ("2024-03-12T10:42:00Z", datetime(2024, 3, 12, 10, 42), None),
        ("Northpress | Home | World | Politics", None, "Northpress"),
    ],
)
def test_furniture_lines_give_their_stamp_or_their_site(line: str, published: object, site: str | None) -> None:
    found = classify_line(line)
    assert found.kind is LineKind.STRONG
    assert (found.published, found.site) == (published, site)


def test_a_bar_between_words_of_a_sentence_is_no_furniture() -> None:
    assert classify_line("Voters said the count | was slow and the result | unclear").kind is LineKind.TEXT


def test_by_first_letter_groups_words_and_matches_the_same_sentences() -> None:
    words_ = r"said|says|[Aa]ccording|(?:agreed|argued)(?=\s+that\b)|put\s+it(?=\s*[,:])"
    grouped = by_first_letter(words_)
    assert grouped.startswith("s(?:aid|ays)|A(?:ccording)|a(?:ccording|greed(?=\\s+that\\b)|rgued(?=\\s+that\\b))")
    plain, fast = re.compile(rf"\b(?:{words_})\b"), re.compile(rf"\b(?:{grouped})\b")
    sentences = [
        "The minister said the talks had failed.",
        "According to the ministry, the border stays closed.",
        "Both sides agreed to meet again.",
        "Northland agreed that the vote was fair.",
        "As one delegate put it, the door is open.",
        "The saying goes that nothing is agreed.",
    ]
    assert [fast.search(s) is None for s in sentences] == [plain.search(s) is None for s in sentences]
    assert [fast.search(s) is None for s in sentences] == [False, False, True, False, False, True]


def test_offices_joined_by_a_slash_are_words_of_the_vocabulary_only_when_every_part_is() -> None:
    assert role_word("Minister") and role_word("Representative/Vice-President")  # one holder's two offices
    assert role_word("Minister/Spokesperson")
    assert not role_word("Olsen/Minister")  # every part an office: a name joined to an office is none
    assert not role_word("Olsen/Berg") and not role_word("Minister/")
    places = frozenset({"northland", "southland"})
    assert role_word("Northland/Southland", places) and not role_word("Minister", places)  # another word set
    # one helper, two readers: the header's office ("High Representative/Vice-President Jane Doe") and a name's
    assert split_author("High Representative/Vice-President Jane Doe") == (
        "Jane Doe",
        "High Representative/Vice-President",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14-03-2022 10:05", datetime(2022, 3, 14, 10, 5)),  # a site's dd-mm-yyyy stamp over its release
        ("7.11.2019", date(2019, 11, 7)),
        ("call 555-14-03-2022", None),  # a run of numbers joined by dashes is no date
        ("14.03-2022", None),  # the two separators differ
    ],
)
def test_day_month_year_with_dashes_is_a_date(text: str, expected: date | None) -> None:
    assert parse_published(text) == expected


def test_a_dashed_stamp_dates_its_release() -> None:
    page = (
        "Press Releases\n\n14-03-2022 10:05\n\nMinister opens the new harbour at Oldtown\n\n"
        "The Minister of Transport opened the new harbour at Oldtown on Monday, the ministry said in a statement.\n"
    )
    (document,) = ingest_text(page, "harbour.txt")
    assert document.published == datetime(2022, 3, 14, 10, 5)
