"""Segment stage: the seeds against the hand-checked gold, exact offsets, ids, context and the stream."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from claimstance.schema import ClaimUnit, Document
from claimstance.segment import segment, segment_documents
from hypothesis import given, settings
from hypothesis import strategies as st

DATA = Path(__file__).parent / "data"


def doc(text: str, **fields: object) -> Document:
    values: dict[str, object] = {"id": "t-d0", "seed_file": "t.txt", "raw_start": 0, "raw_end": len(text)}
    values.update(fields)
    return Document(text=text, **values)  # type: ignore[arg-type]


def units(text: str, **fields: object) -> list[ClaimUnit]:
    return list(segment(doc(text, **fields)))


def load_gold() -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines()]


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
        # the words the speaker rules key on: reporting verbs and participles, joined subjects, member tags
        "and",
        "demanding",
        "denouncing",
        "saying",
        "told",
        "issued the following statement:",
        "Senators",
        "Rep.",
        "Jane Doe",
        "Jr.",
        "(D-NL)",
        "Minister",
        "of Foreign Affairs",
        "made clear that",
        "I",
        "we",
        "EU",
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


# ---------------------------------------------------------------------------------------------- streams


def test_segment_documents_keeps_order_and_matches_segment(seed_documents: list[Document]) -> None:
    many = [d.model_copy(update={"id": f"{d.id}-{k}"}) for k in range(3) for d in seed_documents]
    expected = [u for d in many for u in segment(d)]
    assert list(segment_documents(iter(many))) == expected


def test_segment_documents_streams_an_endless_input() -> None:
    def endless() -> Iterator[Document]:
        for k in itertools.count():
            yield doc("The vote was fair, observers said. Turnout was low.", id=f"t-d{k}")

    first = list(itertools.islice(segment_documents(endless()), 6))
    assert [u.doc_id for u in first] == ["t-d0", "t-d0", "t-d1", "t-d1", "t-d2", "t-d2"]
