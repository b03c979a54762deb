"""Dedup stage: wire copies grouped under their first unit, distinct claims kept apart, the CLI's two files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from claimstance import dedup, io
from claimstance.cli import main
from claimstance.schema import Attribution, ClaimUnit, Duplicate, Speaker, UnitKind

ORIGINAL = "The Central Election Commission said turnout stood at 45.3 percent by 8 p.m. on Sunday."


def unit(i: int, text: str, name: str | None = None, kind: UnitKind = UnitKind.CLAIM) -> ClaimUnit:
    speaker = Speaker(name=name, attribution=Attribution.REPORTED if name else Attribution.AUTHOR)
    return ClaimUnit(
        id=f"u{i}", doc_id=f"d{i}", index=0, text=text, char_start=0, char_end=len(text), context=text,
        speaker=speaker, kind=kind,
    )  # fmt: skip


def groups(*texts: str) -> dict[str, str]:
    """Unit id -> representative id, for units made of ``texts`` (u0, u1, ...)."""
    found = {d.unit_id: d.duplicate_of for d in dedup.find_duplicates(unit(i, t) for i, t in enumerate(texts))}
    return {f"u{i}": found.get(f"u{i}", f"u{i}") for i in range(len(texts))}


@pytest.mark.parametrize(
    "copy",
    [
        ORIGINAL.replace("Commission", "Commision"),  # a typo, in a name
        ORIGINAL.replace("turnout stood", "turnuot stood").replace("Sunday", "Sundya"),  # two typos
        "BAKU, Sept. 2 (AZERTAC) - " + ORIGINAL,  # a dateline added
        ORIGINAL.replace(" said ", " stated "),  # a word changed
        ORIGINAL.upper().replace(".", "!"),  # case and punctuation
    ],
)
def test_wire_copies_are_grouped_under_the_first_unit(copy: str) -> None:
    assert groups(ORIGINAL, copy) == {"u0": "u0", "u1": "u0"}
    assert groups(copy, ORIGINAL) == {"u0": "u0", "u1": "u0"}


@pytest.mark.parametrize(
    "other",
    [
        ORIGINAL.replace("45.3", "54.3"),  # another number: another claim
        ORIGINAL.replace("Sunday", "Monday"),  # another day
        "The Central Election Commission said turnout stood at 45.3 percent in Baku but fell in the regions.",
        "Observers said the vote was calm and well organised.",
    ],
)
def test_distinct_claims_stay_apart(other: str) -> None:
    assert groups(ORIGINAL, other) == {"u0": "u0", "u1": "u1"}


def test_the_same_words_by_another_speaker_or_of_another_kind_are_another_unit() -> None:
    units = [unit(0, ORIGINAL, "Ilham Aliyev"), unit(1, ORIGINAL, "Sergei Lavrov"), unit(2, ORIGINAL)]
    units.append(unit(3, ORIGINAL, kind=UnitKind.HEADING))
    units.append(unit(4, ORIGINAL, "ilham ALIYEV"))
    assert list(dedup.find_duplicates(units)) == [Duplicate(unit_id="u4", duplicate_of="u0", similarity=1.0)]


def test_a_group_lists_every_member_in_input_order_with_its_similarity() -> None:
    texts = [ORIGINAL, "Observers said the vote was calm.", ORIGINAL.replace("Commission", "Commision"), ORIGINAL]
    found = list(dedup.find_duplicates(unit(i, t) for i, t in enumerate(texts)))
    assert [(d.unit_id, d.duplicate_of) for d in found] == [("u2", "u0"), ("u3", "u0")]
    assert 0.8 <= found[0].similarity < 1 and found[1].similarity == 1.0


def test_signatures_agree_about_as_often_as_the_texts_overlap() -> None:
    base = dedup.normalise(ORIGINAL * 4)
    texts = [base, base, base.replace("turnout", "numbers"), "something else entirely, with other words in it"]
    sig = dedup.signatures(texts)
    assert sig.shape == (4, dedup.PERMUTATIONS) and sig.dtype == np.uint32
    agree = [(sig[0] == sig[i]).mean() for i in range(1, 4)]
    similarity = [dedup.jaccard(dedup.shingles(texts[0]), dedup.shingles(t)) for t in texts[1:]]
    assert agree[0] == 1.0
    assert abs(agree[1] - similarity[1]) < 0.25 and agree[2] < 0.2
    short = dedup.signatures(["a", "ab", ""])  # shorter than a 5-gram: one padded 5-gram each, no empty bin
    assert (short != np.uint32(0xFFFFFFFF)).all()


def test_candidate_pairs_share_a_band() -> None:
    sig = dedup.signatures([dedup.normalise(t) for t in [ORIGINAL, ORIGINAL + " Yes.", "Nothing alike here at all."]])
    pairs = dedup.candidate_pairs(sig, np.zeros(3, dtype=np.uint64))
    assert [0, 1] in pairs.tolist() and all(i < j for i, j in pairs.tolist())
    apart = dedup.candidate_pairs(sig, np.array([1, 2, 3], dtype=np.uint64))  # other keys never meet
    assert apart.tolist() == []


def test_the_command_writes_one_unit_per_group_and_the_groups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shards = tmp_path / "units"
    shards.mkdir()
    io.write_jsonl(shards / "00000.jsonl", [unit(0, ORIGINAL), unit(1, "Observers said the vote was calm.")])
    io.write_jsonl(shards / "00001.jsonl", [unit(2, "BAKU, Sept. 2 (AZERTAC) - " + ORIGINAL)])
    out = tmp_path / "kept.jsonl"
    main(["dedup", str(shards), "-o", str(out)])
    assert "3 units: 1 near-duplicates in 1 groups" in capsys.readouterr().err
    assert [u.id for u in io.read_jsonl(out, ClaimUnit)] == ["u0", "u1"]
    (duplicate,) = io.read_jsonl(tmp_path / "kept.duplicates.jsonl", Duplicate)
    assert (duplicate.unit_id, duplicate.duplicate_of) == ("u2", "u0")
