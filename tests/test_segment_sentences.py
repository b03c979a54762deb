"""Sentence boundaries: the Golden Rules, news abbreviations and quotations, and the fast path against pysbd."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimstance.schema import Document
from claimstance.segment.sentences import split_sentences
from claimstance.segment.units import unit_spans
from hypothesis import example, given, settings
from hypothesis import strategies as st

GOLDEN_RULES = Path(__file__).resolve().parents[2] / "shared" / "golden-rules" / "english.jsonl"


def sentences(text: str, *, fast: bool = True) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, fast=fast)]


# ------------------------------------------------------------------------------------------ golden rules


def golden_rules() -> list[dict[str, object]]:
    if not GOLDEN_RULES.exists():
        pytest.skip(f"Golden Rules set not found at {GOLDEN_RULES} (it lives in ../shared, beside the repo)")
    return [json.loads(line) for line in GOLDEN_RULES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_golden_rules_at_least_47_of_48() -> None:
    cases = golden_rules()
    passed = [c["rule"] for c in cases if sentences(str(c["text"])) == c["sentences"]]
    failed = sorted(set(c["rule"] for c in cases) - set(passed))  # type: ignore[misc]
    assert len(cases) == 48
    assert len(passed) >= 47, f"failed rules: {failed}"


def test_golden_rules_fast_path_draws_pysbds_boundaries() -> None:
    for case in golden_rules():
        text = str(case["text"])
        assert sentences(text, fast=True) == sentences(text, fast=False), case["rule"]


def test_fast_path_and_pysbd_everywhere_cut_the_seeds_alike(seed_documents: list[Document]) -> None:
    for document in seed_documents:
        assert unit_spans(document, fast=True) == unit_spans(document, fast=False)


# ------------------------------------------------------------------------------------ boundary behaviour


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Aliyev met Dr. Smith. They talked.", ["Mr. Aliyev met Dr. Smith.", "They talked."]),
        (
            "Voting at School No. 23 was disrupted. Observers left.",
            ["Voting at School No. 23 was disrupted.", "Observers left."],
        ),
        (
            "The U.N. Security Council met. It adopted a resolution.",
            ["The U.N. Security Council met.", "It adopted a resolution."],
        ),
        (
            "H. E. Ilham Aliyev spoke. Jonas E. Smith listened.",
            ["H. E. Ilham Aliyev spoke.", "Jonas E. Smith listened."],
        ),
        ("Turnout was 37.5 percent. The count went on.", ["Turnout was 37.5 percent.", "The count went on."]),
        (
            "It costs approx. 5 mln. manat, incl. VAT. Nobody objected.",
            ["It costs approx. 5 mln. manat, incl. VAT.", "Nobody objected."],
        ),
        ("The budget is 2.5 bn. manat this year.", ["The budget is 2.5 bn. manat this year."]),
        ("The polls closed.The count began at once.", ["The polls closed.", "The count began at once."]),
        (
            "Write to info@cec.az.It is the site president.az here.",
            ["Write to info@cec.az.It is the site president.az here."],
        ),
        (
            '"We won. The vote was fair," Aliyev said. He left.',
            ['"We won. The vote was fair," Aliyev said.', "He left."],
        ),
        (
            '"We won. The vote was fair." - Aliyev said. He left.',
            ['"We won. The vote was fair." - Aliyev said.', "He left."],
        ),
        ("“The vote was fair. No doubt.” He left.", ["“The vote was fair. No doubt.”", "He left."]),
        ("A stray “quote. Then more text. And more.", ["A stray “quote.", "Then more text.", "And more."]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert sentences(text, fast=False) == expected


# ------------------------------------------------------------------------------------------- properties

VOCABULARY = (
    "the vote was fair Aliyev Mr. Dr. No. 23 2020 10,000 U.S. U.N. E.U. 2.5 5 co. St. e.g. i.e. approx. mln. bn. "
    "incl. Jan. E. I a.m. P.M. Inc. Gen. Smith said (EOA) site.az word.Word , ; : - In How However Did It I'm "
    '" “ ” « » won." fair," “Yes.” court.” (see below) below.) \'quoted\' -" He'
)
WORDS = st.sampled_from(VOCABULARY.split())
SENTENCE = st.tuples(
    st.sampled_from(["The", "We", "Observers", "He", "It", "In", "I", "Mr.", "“We", '"We', "(The", "1.", "a)"]),
    st.lists(WORDS, min_size=1, max_size=8),
    st.sampled_from([".", "!", "?", ".”", '."', ".)", ",", "", "..", "?!"]),
).map(lambda t: " ".join([t[0], *t[1]]) + t[2])


@settings(max_examples=400, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join))
def test_fast_path_draws_the_same_boundaries_as_pysbd_everywhere(text: str) -> None:
    assert split_sentences(text, fast=True) == split_sentences(text, fast=False)


@settings(max_examples=200, deadline=None)
@example([('The -" (EOA).', "\n"), ('The the.) "We the.', " ")])  # quotes around brackets across a line break
@given(st.lists(st.tuples(SENTENCE, st.sampled_from([" ", "\n"])), min_size=1, max_size=6))
def test_fast_path_draws_pysbds_boundaries_across_hard_line_breaks(pieces: list[tuple[str, str]]) -> None:
    # A hard-wrapped paragraph holds newlines where the page broke its lines: pysbd reads them as spaces.
    text = "".join(sentence + gap for sentence, gap in pieces).rstrip()
    assert split_sentences(text, fast=True) == split_sentences(text, fast=False)


@pytest.mark.parametrize("run", ["A.", "A. ", "U.S."])
def test_a_ten_thousand_character_run_of_initials_stays_one_sentence_after_the_one_before_it(run: str) -> None:
    # A scraped page can hold such a line; each of its 5,000 stops once re-read the whole run (5 s a line).
    # Its speed is measured in bench/segment.py (pathological lines against news text of the same length).
    line = (run * 5000)[:10_000].rstrip()
    text = f"The talks resumed on Monday. {line} He left."
    cut = sentences(text)
    assert cut[0] == "The talks resumed on Monday."
    assert cut[1].startswith(line[:100]) and "".join(cut).replace(" ", "") == text.replace(" ", "")
    if run != "U.S.":  # pysbd restores "U.S." only as a word of its own; the fast path keeps the run whole
        assert cut == sentences(text, fast=False) == ["The talks resumed on Monday.", f"{line} He left."]


def test_a_ten_thousand_character_line_of_quoted_initials_is_one_sentence_between_its_neighbours() -> None:
    # Each stop was checked against every quotation of the line (2,500 x 2,500); one sweep now.
    line = ('"A." ' * 2500)[:10_000].rstrip()
    text = f"The talks resumed on Monday. {line} He left."
    assert sentences(text) == sentences(text, fast=False) == ["The talks resumed on Monday.", line, "He left."]
