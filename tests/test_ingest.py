"""Ingest cuts scraped pages into one document per news item, drops the noise and keeps what it said."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from claimstance import io
from claimstance.errors import DecodeError, EmptyInputError, InputError, InputTooLargeError
from claimstance.ingest import (
    ingest_file,
    ingest_paths,
    ingest_text,
    seed_files,
    split_author,
)
from claimstance.schema import Document
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPEECH_SEED = SEEDS / "000_4ba2a8cfc94be69f.txt"
NEWS_SEED = SEEDS / "001_3d74908e3d683dad.txt"
DATA = Path(__file__).resolve().parent / "data" / "ingest"

# The noise lines of the news seed, exactly as they stand in the file.
SEED_NOISE = {"-", "- Photo sessions", "Politics", "president.az"}
SEED_STAMP = re.compile(r"- \d{1,2} September 2024,? \d\d:\d\d")


def _docs(raw: str, name: str = "page.txt") -> list[Document]:
    return list(ingest_text(raw, name))


def _assert_spans(raw: str, docs: list[Document]) -> None:
    for doc in docs:
        assert doc.text == raw[doc.raw_start : doc.raw_end], doc.id
        assert doc.text == doc.text.strip()


# ------------------------------------------------------------------------------------------------ the seeds


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, list[Document]]:
    if not SPEECH_SEED.exists() or not NEWS_SEED.exists():
        pytest.fail(f"the seed texts are missing from {SEEDS}")
    return {path.name: list(ingest_file(path)) for path in (SPEECH_SEED, NEWS_SEED)}


def test_the_speech_seed_is_one_document_with_its_author(seed_docs: dict[str, list[Document]]) -> None:
    raw = io.read_text(SPEECH_SEED)
    [doc] = seed_docs[SPEECH_SEED.name]
    assert doc.id == f"{SPEECH_SEED.stem}-d01"
    assert doc.seed_file == SPEECH_SEED.name
    # The news lede, the header, the greetings and the speech: blank lines never split a document.
    assert doc.text.startswith("Serbia and Azerbaijan always defend")
    assert doc.text.endswith("Thank you again for your hospitality and attention.")
    assert "\nStatement by President Ilham Aliyev\n" in doc.text
    assert (doc.raw_start, doc.raw_end) == (0, len(raw.rstrip()))
    assert doc.author == "Ilham Aliyev"
    # The header says "President"; the lede gives the fuller role, which wins.
    assert doc.author_role == "President of the Republic of Azerbaijan"
    assert doc.title == "Statement by President Ilham Aliyev"
    assert doc.source is None
    assert doc.published is None  # "on November 23" has no year
    _assert_spans(raw, [doc])


def test_the_news_seed_is_five_items_with_their_sources_titles_and_times(
    seed_docs: dict[str, list[Document]],
) -> None:
    raw = io.read_text(NEWS_SEED)
    docs = seed_docs[NEWS_SEED.name]
    assert [d.id for d in docs] == [f"{NEWS_SEED.stem}-d0{n}" for n in range(1, 6)]
    openings = [
        "Ilham Aliyev: Azerbaijan and Serbia are strategic partners\nAzerbaijani President Ilham Aliyev has today",
        "BAKU, 2 September 2024 – Azerbaijan's early parliamentary elections",
        "The early parliamentary elections on September 1 were accompanied",
        "Russian Foreign Minister Sergei Lavrov said",
        "During the special elections for the Milli Mejlis",
    ]
    endings = [
        "the sides exchanged views on various areas of cooperation.",
        "international observers said in a statement today.",
        "the fairness and transparency of the elections.",
        "but this is not happening.",
        "said Rahimova.",
    ]
    for doc, opening, ending in zip(docs, openings, endings, strict=True):
        assert doc.text.startswith(opening)
        assert doc.text.endswith(ending)
    assert [d.source for d in docs] == ["president.az", None, None, None, None]
    assert [d.title for d in docs] == ["Ilham Aliyev: Azerbaijan and Serbia are strategic partners", *[None] * 4]
    # Each footer timestamp belongs to the item above it; the last item has none (and no dateline).
    assert [d.published for d in docs] == [
        datetime(2024, 9, 1, 14, 18),
        datetime(2024, 9, 2, 16, 5),  # the full timestamp beats the dateline's bare date
        datetime(2024, 9, 2, 15, 56),
        datetime(2024, 9, 2, 15, 37),
        None,
    ]
    assert all(d.author is None and d.author_role is None for d in docs)
    _assert_spans(raw, docs)


def test_no_noise_line_is_left_in_a_seed_document(seed_docs: dict[str, list[Document]]) -> None:
    for docs in seed_docs.values():
        for doc in docs:
            for line in doc.text.splitlines():
                assert line.strip() not in SEED_NOISE, (doc.id, line)
                assert not SEED_STAMP.fullmatch(line.strip()), (doc.id, line)


def test_every_text_line_of_the_news_seed_lands_in_exactly_one_document(
    seed_docs: dict[str, list[Document]],
) -> None:
    raw = io.read_text(NEWS_SEED)
    text_lines = [
        line for line in raw.splitlines() if line.strip() and line not in SEED_NOISE and not SEED_STAMP.fullmatch(line)
    ]
    kept = [line for doc in seed_docs[NEWS_SEED.name] for line in doc.text.splitlines()]
    assert kept == text_lines


def test_ids_and_documents_are_the_same_on_every_run(seed_docs: dict[str, list[Document]]) -> None:
    again = [d.model_dump() for d in ingest_paths([SEEDS])]
    assert again == [d.model_dump() for docs in seed_docs.values() for d in docs]


# ------------------------------------------------------------------------------------------------ invented pages


def test_an_invented_news_page_splits_at_noise_and_keeps_sources_titles_and_times() -> None:
    raw = io.read_text(DATA / "news_page.txt")
    docs = _docs(raw, "news_page.txt")
    assert [d.id for d in docs] == ["news_page-d01", "news_page-d02", "news_page-d03"]
    budget, vote, lavrov = docs
    assert budget.source == "apa.az"
    assert budget.title == "Government approves new budget for 2025"
    assert budget.published == datetime(2023, 3, 12, 9, 10)
    assert budget.text.endswith("spending on reconstruction would rise.")
    assert vote.title == 'Opposition calls vote "a farce"'
    assert vote.published == datetime(2023, 3, 13, 19, 45)  # "March 13, 2023 at 7:45 pm"
    assert lavrov.title is None  # a one-line item has no headline
    assert lavrov.published == date(2023, 3, 14)  # no timestamp: the dateline's date
    assert lavrov.source == "Reuters"  # the agency its dateline names (issue 15)
    for doc in docs:
        for noise in ("Share", "Print", "Video", "World", "Politics", "apa.az", "Photo"):
            assert noise not in doc.text.splitlines()
        assert not re.search(r"^- ", doc.text, re.MULTILINE)


def test_a_noise_line_inside_an_item_is_cut_from_its_text_but_not_from_its_span() -> None:
    raw = io.read_text(DATA / "news_page.txt")
    vote = _docs(raw)[1]
    span = raw[vote.raw_start : vote.raw_end]
    assert "\nPhoto\n" in span
    assert vote.text == span.replace("Photo\n", "")
    assert "fair.\nThe party said its observers" in vote.text


def test_a_lone_label_between_paragraphs_does_not_split_and_blank_lines_close_up() -> None:
    raw = "Para one.\n\nShare\n\nPara two.\n* * *\nPara three.\n"
    [doc] = _docs(raw)
    assert doc.text == "Para one.\n\nPara two.\nPara three."
    assert raw[doc.raw_start : doc.raw_end] == raw.strip()


def test_an_invented_speech_gets_its_author_and_the_fullest_role() -> None:
    raw = io.read_text(DATA / "speech.txt")
    [doc] = _docs(raw, "speech.txt")
    assert doc.author == "Sergei Lavrov"
    assert doc.author_role == "Russian Foreign Minister"
    assert doc.title == "Remarks by Foreign Minister Sergei Lavrov at the Primakov Readings"
    assert doc.published is None  # a date inside the lede is not a dateline
    assert "– Dear colleagues," in doc.text  # a transcript dash is text, not a bullet
    _assert_spans(raw, [doc])


@pytest.mark.parametrize(
    ("raw", "published"),
    [
        # The page opens with a timestamp: every timestamp heads the item below it.
        (
            "- 12 March 2023 09:10\nFirst headline\nBody one.\n-\n- 13 March 2023 10:00\nBody two.\n",
            [datetime(2023, 3, 12, 9, 10), datetime(2023, 3, 13, 10, 0)],
        ),
        # Footers: the timestamp under an item is its own; the item after the last footer has none.
        (
            "Body one.\n-\n- 12 March 2023 09:10\nBody two.\n-\n- 13 March 2023\nBody three.\n",
            [datetime(2023, 3, 12, 9, 10), date(2023, 3, 13), None],
        ),
        # Two timestamps between two items: the first closes the item above, the last opens the one below.
        (
            "Body one.\n- 1 May 2023 10:00\nShare\n- 2 May 2023 11:00\nBody two.\n",
            [datetime(2023, 5, 1, 10, 0), datetime(2023, 5, 2, 11, 0)],
        ),
    ],
)
def test_timestamps_go_to_the_item_they_belong_to(raw: str, published: list[object]) -> None:
    docs = _docs(raw)
    assert [d.published for d in docs] == published
    _assert_spans(raw, docs)


@pytest.mark.parametrize(
    "noise",
    [
        "-\n- 12 March 2023 09:10",
        "—\nVideo",
        "• • •",
        "Updated: Tuesday, 12 March 2023 | 09:10 GMT+4",
        "12.03.2023 09:10",
        "https://www.trend.az/",
        "- Gallery of the week\n-",
        "Read more\n\nTags: politics, economy",
    ],
)
def test_noise_variants_separate_items_and_never_reach_the_text(noise: str) -> None:
    raw = f"Officials said the vote was calm.\n{noise}\nObservers reported violations.\n"
    docs = _docs(raw)
    assert [d.text for d in docs] == ["Officials said the vote was calm.", "Observers reported violations."]
    _assert_spans(raw, docs)


@pytest.mark.parametrize("noise", ["Share\nPrint", "• Photo (12)\n• Share", "Advertisement\nPhoto"])
def test_labels_alone_inside_prose_interrupt_the_article_and_never_reach_the_text(noise: str) -> None:
    # A share bar or an advert in the middle of an article: the prose after it has no headline of its own
    raw = f"Officials said the vote was calm.\n{noise}\nObservers reported violations.\n"
    [doc] = _docs(raw)
    assert doc.text == "Officials said the vote was calm.\nObservers reported violations."


def test_a_headline_with_its_timestamp_under_it_opens_the_body_below() -> None:
    raw = (
        "Aliyev receives Serbian minister\n02 September 2024, 16:05\nPresident Ilham Aliyev received Marko Djuric.\n"
        "-\nHeadline B\n- 2 September 2024, 15:00\n\nBody B.\n"
    )
    first, second = _docs(raw)
    assert first.title == "Aliyev receives Serbian minister"
    assert first.published == datetime(2024, 9, 2, 16, 5)
    assert first.text == "Aliyev receives Serbian minister\nPresident Ilham Aliyev received Marko Djuric."
    assert raw[first.raw_start : first.raw_end].startswith("Aliyev receives")
    assert (second.title, second.published, second.text) == (
        "Headline B",
        datetime(2024, 9, 2, 15),
        "Headline B\n\nBody B.",  # the blank line under the stamp keeps the headline apart from the body
    )


def test_a_dateline_alone_on_its_line_is_text_and_dates_the_item() -> None:
    [doc] = _docs("BAKU, 2 September 2024\nThe vote was calm.\n")
    assert doc.text == "BAKU, 2 September 2024\nThe vote was calm."
    assert doc.published == date(2024, 9, 2)
    assert doc.title is None


def test_a_short_bulleted_line_inside_an_item_is_text() -> None:
    raw = "Item one.\n-\n- 1 May 2023 10:00\nItem two.\n- Yes\nMore of item two.\n"
    docs = _docs(raw)
    assert docs[1].text == "Item two.\n- Yes\nMore of item two."


def test_sentences_made_of_navigation_words_stay_text() -> None:
    [doc] = _docs("More.\nNext.\nSee also the statement of the ministry.\n")
    assert doc.text == "More.\nNext.\nSee also the statement of the ministry."


def test_a_site_name_after_the_last_item_is_its_source() -> None:
    [doc] = _docs("Body one.\nBody two.\n-\nturan.az\n")
    assert doc.source == "turan.az"
    assert doc.text == "Body one.\nBody two."


def test_windows_line_endings_keep_exact_offsets() -> None:
    raw = "Title here\r\nBody.\r\n-\r\n- 1 May 2023 10:00\r\nNext one.\r\n\r\n"
    docs = _docs(raw)
    assert [d.text for d in docs] == ["Title here\r\nBody.", "Next one."]
    assert docs[0].title == "Title here"
    _assert_spans(raw, docs)


def test_one_huge_line_is_one_document() -> None:
    raw = "The commission said the vote was calm. " * 50_000  # 2 MB, no newline
    [doc] = _docs(raw)
    assert (doc.raw_start, doc.raw_end) == (0, len(raw) - 1)
    assert doc.title is None


# ------------------------------------------------------------------------------------------------ parts


@pytest.mark.parametrize(
    ("who", "name", "role"),
    [
        ("President Ilham Aliyev", "Ilham Aliyev", "President"),
        (
            "President of the Republic of Azerbaijan Ilham Aliyev",
            "Ilham Aliyev",
            "President of the Republic of Azerbaijan",
        ),
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Russian Foreign Minister"),
        ("President Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "President"),
        ("Mr. Charles Michel", "Charles Michel", None),
        ("the Ministry of Foreign Affairs of Azerbaijan", "Ministry of Foreign Affairs of Azerbaijan", None),
    ],
)
def test_a_header_names_its_author_and_role(who: str, name: str, role: str | None) -> None:
    assert split_author(who) == (name, role)


@pytest.mark.parametrize(
    "header",
    ["Speech by Ilham Aliyev at the opening ceremony", "Address by Ilham Aliyev", "Remarks by Ilham Aliyev:"],
)
def test_header_variants_give_the_author(header: str) -> None:
    [doc] = _docs(f"{header}\n\nDear friends,\n\nWe restored our territorial integrity.\n")
    assert doc.author == "Ilham Aliyev"
    assert doc.author_role is None
    assert doc.title == header


# A page built from items and noise runs: ingest must find exactly the items, whatever the noise.
_VOCABULARY = "Officials said the vote was calm observers reported violations in Baku on Monday"
_WORDS = st.sampled_from(_VOCABULARY.split(" "))
_TEXT_LINE = st.lists(_WORDS, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
_ITEM = st.lists(st.tuples(_TEXT_LINE, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=4).map(
    lambda lines: "".join(text + sep for text, sep in lines).rstrip("\n")
)
_STRONG = st.sampled_from(["-", "- 2 September 2024, 16:05", "— 1 September 2024 14:18", "president.az", "–"])
_WEAK = st.sampled_from(["- Photo sessions", "Politics", "Share", "Print", "Video", "", "  "])
_RUN = st.tuples(_STRONG, st.lists(_WEAK, max_size=3)).map(lambda r: "\n".join([r[0], *r[1]]))


@settings(max_examples=60, deadline=None)
@given(items=st.lists(_ITEM, min_size=1, max_size=5), runs=st.lists(_RUN, min_size=6, max_size=6))
def test_any_page_of_items_and_noise_gives_back_exactly_the_items(items: list[str], runs: list[str]) -> None:
    raw = runs[0] + "\n" + "".join(item + "\n" + run + "\n" for item, run in zip(items, runs[1:], strict=False))
    docs = _docs(raw)
    assert [d.text for d in docs] == items
    _assert_spans(raw, docs)


# ------------------------------------------------------------------------------------------------ bad input


def test_a_page_of_only_noise_is_an_empty_input_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_text("-\n-\n- Photo sessions\n- 1 September 2024 14:18\nPolitics\n-\n", encoding="utf-8")
    with pytest.raises(EmptyInputError) as info:
        list(ingest_file(path))
    assert str(path) in info.value.one_line()
    assert "noise" in info.value.one_line()


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"caf\xe9 au lait", DecodeError, "UTF-8"),
        (b"\x7fELF\x00\x01\x02", DecodeError, "NUL"),
        (b"", EmptyInputError, "empty"),
    ],
)
def test_ingest_file_refuses_what_is_not_text(tmp_path: Path, data: bytes, error: type, words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        list(ingest_file(path))
    assert words in str(info.value)
    assert str(path) in info.value.one_line()


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io, "MAX_TEXT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Officials said the vote was calm. " * 100, encoding="utf-8")
    with pytest.raises(InputTooLargeError):
        list(ingest_file(path))


def test_paths_are_checked_before_any_document_is_made(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(InputError) as info:
        next(ingest_paths([NEWS_SEED, missing]))
    assert str(missing) in info.value.one_line()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("Not a seed.", encoding="utf-8")
    with pytest.raises(InputError) as info:
        next(ingest_paths([empty]))
    assert str(empty) in info.value.one_line()
    assert ".txt" in info.value.one_line()


def test_folders_and_files_are_read_once_in_name_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    files = seed_files([tmp_path / "b.txt", tmp_path])
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    assert [d.id for d in ingest_paths([tmp_path / "b.txt", tmp_path])] == ["a-d01", "b-d01"]


def test_two_seed_files_with_the_same_name_are_refused(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(InputError, match=r"page\.txt"):
        seed_files([tmp_path / "one", tmp_path / "two"])


def test_a_related_story_after_the_article_gives_it_neither_its_text_nor_its_date() -> None:
    body = "Northland's parliament voted on Tuesday to approve the new border treaty with Southland, ending months."
    raw = f"Parliament approves border treaty\n\n{body}\n\nRelated\nSouthland elects new president\n5 May 2021\n"
    (doc,) = ingest_text(raw, "page.txt")
    assert doc.published is None
    assert "Southland elects" not in doc.text
