"""Segment stage: sentence boundaries, unit kinds, exact offsets, ids, context and the parallel stream."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimstance.schema import ClaimUnit, Document, UnitKind
from claimstance.segment import segment, segment_documents, split_sentences, unit_spans
from hypothesis import given, settings
from hypothesis import strategies as st

DATA = Path(__file__).parent / "data"
GOLDEN_RULES = Path(__file__).resolve().parents[2] / "shared" / "golden-rules" / "english.jsonl"


def doc(text: str, **fields: object) -> Document:
    values: dict[str, object] = {"id": "t-d0", "seed_file": "t.txt", "raw_start": 0, "raw_end": len(text)}
    values.update(fields)
    return Document(text=text, **values)  # type: ignore[arg-type]


def sentences(text: str, *, fast: bool = True) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, fast=fast)]


def units(text: str, **fields: object) -> list[ClaimUnit]:
    return list(segment(doc(text, **fields)))


def load_gold() -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines()]


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


# -------------------------------------------------------------------------------------------- the seeds


def gold_view(documents: list[Document]) -> list[tuple[object, ...]]:
    """(seed, document ordinal in its seed, kind, text, speaker, role, attribution, cue) for every unit."""
    rows: list[tuple[object, ...]] = []
    ordinals: dict[str, int] = {}
    for document in documents:
        ordinal = ordinals[document.seed_file] = ordinals.get(document.seed_file, -1) + 1
        for u in segment(document):
            s = u.speaker
            rows.append((document.seed_file, ordinal, u.kind.value, u.text, s.name, s.role, s.attribution.value, s.cue))
    return rows


GOLD_FIELDS = ("seed", "doc", "kind", "text", "speaker", "role", "attribution", "cue")


def test_seed_units_match_the_hand_checked_gold(seed_documents: list[Document]) -> None:
    expected = [tuple(g[k] for k in GOLD_FIELDS) for g in load_gold()]
    assert [row[:4] for row in gold_view(seed_documents)] == [row[:4] for row in expected]


def test_ingested_seeds_segment_exactly_as_the_gold() -> None:
    from claimstance.ingest import ingest_paths

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    expected = [tuple(g[k] for k in GOLD_FIELDS) for g in load_gold()]
    assert gold_view(list(ingest_paths(seeds))) == expected


def test_seed_units_are_exact_slices_in_order(seed_documents: list[Document]) -> None:
    for document in seed_documents:
        previous_end = 0
        for i, unit in enumerate(segment(document)):
            assert unit.index == i
            assert document.text[unit.char_start : unit.char_end] == unit.text
            assert unit.char_start >= previous_end
            previous_end = unit.char_end


def test_fast_path_and_pysbd_everywhere_cut_the_seeds_alike(seed_documents: list[Document]) -> None:
    for document in seed_documents:
        assert unit_spans(document, fast=True) == unit_spans(document, fast=False)


def test_no_noise_line_of_a_raw_seed_becomes_a_unit() -> None:
    raw = (Path(__file__).resolve().parents[1] / "seeds" / "001_3d74908e3d683dad.txt").read_text(encoding="utf-8")
    texts = [u.text for u in units(raw)]
    for noise in ("-", "- Photo sessions", "- 1 September 2024 14:18", "Politics", "president.az", "- 2 September"):
        assert not any(t == noise or t.startswith(noise + " 2024") for t in texts), noise
    assert not any(t.startswith(("-", "president.az")) or t == "Politics" for t in texts)
    assert "Ilham Aliyev: Azerbaijan and Serbia are strategic partners" in texts


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


def test_semicolon_joining_independent_claims_splits_into_clauses() -> None:
    got = [u.text for u in units("The results are final; the commission will not recount the ballots.")]
    assert got == ["The results are final;", "the commission will not recount the ballots."]
    short = [u.text for u in units("Turnout: 37%; spoiled ballots: 2%.")]
    assert short == ["Turnout: 37%; spoiled ballots: 2%."]


def test_soft_wrapped_lines_make_one_sentence() -> None:
    text = "The observers said the vote was\nwell organised. Turnout was low."
    assert [u.text for u in units(text)] == ["The observers said the vote was\nwell organised.", "Turnout was low."]


# ------------------------------------------------------------------------------------------------ kinds


def test_datelines_greetings_and_headings_are_not_claims() -> None:
    text = (
        "Statement by the Foreign Ministry\n\nMOSCOW, Sept. 3 (Reuters) - The talks failed, the ministry said.\n\n"
        "Ladies and gentlemen,\n\nWe will continue."
    )
    got = [(u.kind, u.text) for u in units(text)]
    assert got == [
        (UnitKind.HEADING, "Statement by the Foreign Ministry"),
        (UnitKind.DATELINE, "MOSCOW, Sept. 3 (Reuters) -"),
        (UnitKind.CLAIM, "The talks failed, the ministry said."),
        (UnitKind.GREETING, "Ladies and gentlemen,"),
        (UnitKind.CLAIM, "We will continue."),
    ]


def test_a_headline_with_a_speaker_is_a_claim_but_a_title_is_a_heading() -> None:
    got = units("Pashinyan: Armenia is ready to sign the treaty\nPeace talks in Brussels\nThe talks began.")
    assert [(u.kind, u.text) for u in got] == [
        (UnitKind.CLAIM, "Pashinyan: Armenia is ready to sign the treaty"),
        (UnitKind.HEADING, "Peace talks in Brussels"),
        (UnitKind.CLAIM, "The talks began."),
    ]


# ------------------------------------------------------------------------------------- ids and context


def test_repeated_text_gets_numbered_ids_and_ids_are_stable() -> None:
    first = units("We won. We won. We won.")
    assert [u.id for u in first][1:] == [first[0].id + "-2", first[0].id + "-3"]
    assert first[0].id.startswith("t-d0-") and len(first[0].id) == len("t-d0-") + 10
    assert [u.id for u in units("We won. We won. We won.")] == [u.id for u in first]


def test_context_is_the_previous_and_next_unit_within_the_block() -> None:
    got = units("One claim here. Two claims here. Three claims here.\n\nA new block starts.")
    assert got[1].context == "One claim here. Two claims here. Three claims here."
    assert got[0].context == "One claim here. Two claims here."
    assert got[3].context == "A new block starts."


# ------------------------------------------------------------------------------------------- properties

TEXT_PIECES = st.sampled_from(
    [
        "Mr.",
        "No.",
        "U.S.",
        "the",
        "vote",
        "Aliyev",
        "said",
        "2.5",
        "23",
        "e.g.",
        "i.e.",
        "approx.",
        "incl.",
        ".",
        "!",
        "?",
        ",",
        ";",
        ":",
        '"',
        "“",
        "”",
        "'",
        "(",
        ")",
        "-",
        "–",
        "\n",
        "\n\n",
        " ",
        "  ",
        "a)",
        "1.",
        "BAKU,",
        "Dear",
        "Sir,",
        "word.Word",
        "site.az",
        "It",
        "was",
        "noted",
        "according to",
        "...",
        "•",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT_PIECES, min_size=1, max_size=40).map(" ".join) | st.text(min_size=1, max_size=200))
def test_units_are_in_bounds_ordered_disjoint_exact_slices(text: str) -> None:
    if not text.strip():
        return
    document = doc(text)
    got = list(segment(document))
    previous_end = 0
    for i, unit in enumerate(got):
        assert 0 <= unit.char_start < unit.char_end <= len(text)
        assert unit.char_start >= previous_end
        assert text[unit.char_start : unit.char_end] == unit.text
        assert unit.text == unit.text.strip()
        assert unit.text in unit.context and unit.context in text
        assert unit.index == i
        previous_end = unit.char_end
    assert len({u.id for u in got}) == len(got)


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


# ---------------------------------------------------------------------------------------------- streams


def test_segment_documents_keeps_order_and_matches_segment_with_two_workers(seed_documents: list[Document]) -> None:
    many = [d.model_copy(update={"id": f"{d.id}-{k}"}) for k in range(3) for d in seed_documents]
    expected = [u for d in many for u in segment(d)]
    assert list(segment_documents(many, workers=1)) == expected
    assert list(segment_documents(iter(many), workers=2)) == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_segment_documents_streams_an_endless_input(workers: int) -> None:
    def endless() -> Iterator[Document]:
        for k in itertools.count():
            yield doc("The vote was fair, observers said. Turnout was low.", id=f"t-d{k}")

    first = list(itertools.islice(segment_documents(endless(), workers=workers), 6))
    assert [u.doc_id for u in first] == ["t-d0", "t-d0", "t-d1", "t-d1", "t-d2", "t-d2"]
