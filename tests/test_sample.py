"""Sample stage: the allocation, a draw that only the seed decides, the report, its card section and the check."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from claimstance import io, sample
from claimstance.cli import main
from claimstance.errors import InputError, PublishError
from claimstance.schema import Attribution, ClaimUnit, Document, Duplicate, Prediction, Speaker
from hypothesis import given
from hypothesis import strategies as st


def unit(i: int, doc: str, text: str = "The vote was fair.") -> ClaimUnit:
    return ClaimUnit(
        id=f"u{i}", doc_id=doc, index=i, text=text, char_start=0, char_end=len(text), context=text,
        speaker=Speaker(attribution=Attribution.AUTHOR),
    )  # fmt: skip


def test_proportional_allocation_rounds_by_largest_remainders() -> None:
    sizes = sample.allocate({("a",): 50, ("b",): 30, ("c",): 20}, 7, "proportional")
    assert sizes == {("a",): 4, ("b",): 2, ("c",): 1}  # exact 3.5, 2.1, 1.4: the extra unit goes to a
    assert sample.allocate({("a",): 2, ("b",): 1}, 10, "proportional") == {("a",): 2, ("b",): 1}


def test_equal_allocation_gives_a_small_stratums_share_to_the_others() -> None:
    assert sample.allocate({("a",): 100, ("b",): 100, ("c",): 2}, 30, "equal") == {("a",): 14, ("b",): 14, ("c",): 2}


@given(st.dictionaries(st.text(max_size=3), st.integers(0, 50), max_size=6), st.integers(1, 120))
def test_allocations_never_exceed_a_stratum_and_add_up(populations: dict[str, int], size: int) -> None:
    keyed = {(k,): n for k, n in populations.items()}
    for allocation in ("proportional", "equal"):
        sizes = sample.allocate(keyed, size, allocation)  # type: ignore[arg-type]
        assert all(0 <= sizes[k] <= n for k, n in keyed.items())
        assert sum(sizes.values()) == min(size, sum(populations.values()))


def test_the_draw_depends_on_the_seed_not_on_the_order() -> None:
    units = [(f"u{i}", ("a" if i % 3 else "b",)) for i in range(300)]
    chosen, cells = sample.draw(units, size=30, seed=1, allocation="proportional")
    again, _ = sample.draw(reversed(units), size=30, seed=1, allocation="proportional")
    other, _ = sample.draw(units, size=30, seed=2, allocation="proportional")
    assert chosen == again and chosen != other and len(chosen) == 30
    assert cells == {("a",): (200, 20), ("b",): (100, 10)}
    assert Counter("b" if int(u[1:]) % 3 == 0 else "a" for u in chosen) == {"a": 20, "b": 10}


def test_the_frame_is_checked() -> None:
    with pytest.raises(InputError, match="cannot stratify by 'colour'"):
        sample.check_strata(["colour"], documents=True)
    with pytest.raises(InputError, match="needs the documents"):
        sample.check_strata(["source"], documents=False)
    with pytest.raises(InputError, match="not a regular expression"):
        sample.keyword_rule("(unclosed")


def test_the_prediction_rule_keeps_units_with_a_stance() -> None:
    predictions = {
        "u1": Prediction(unit_id="u1", model_version="m1", stance_election_fairness="unfair"),  # type: ignore[arg-type]
        "u2": Prediction(unit_id="u2", model_version="m1", stance_election_fairness="not_applicable"),  # type: ignore[arg-type]
    }
    relevant, rule = sample.prediction_rule(predictions)
    assert [relevant(unit(i, "d")) for i in range(3)] == [False, True, False]
    assert rule == "predictions of m1 give a stance other than not_applicable"


def make_corpus(tmp_path: Path) -> tuple[Path, Path]:
    docs = [
        Document(id=f"d{k}", seed_file="a.txt", source=src, published=f"2024-0{m}-02", text="x", raw_start=0, raw_end=1)  # type: ignore[arg-type]
        for k, (src, m) in enumerate([("a.az", 1), ("a.az", 2), ("b.rs", 1), ("b.rs", 2)])
    ]
    units = [unit(i, f"d{(i // 2) % 4}", "The election was unfair." if i % 2 else "Weather report.") for i in range(80)]
    io.write_jsonl(tmp_path / "documents.jsonl", docs)
    io.write_jsonl(tmp_path / "units.jsonl", units)
    return tmp_path / "units.jsonl", tmp_path / "documents.jsonl"


def test_the_command_writes_the_batch_and_its_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units, documents = make_corpus(tmp_path)
    io.write_jsonl(tmp_path / "dups.jsonl", [Duplicate(unit_id="u1", duplicate_of="u3", similarity=0.9)])
    batch = tmp_path / "batch.jsonl"
    args = ["sample", str(units), "-o", str(batch), "-n", "8", "--by", "source", "--by", "month", "--seed", "3"]
    main([*args, "--documents", str(documents), "--match", "unfair", "--duplicates", str(tmp_path / "dups.jsonl")])
    assert "drew 8 of 39 relevant units (80 in the corpus, 4 strata)" in capsys.readouterr().err
    drawn = [u.id for u in io.read_jsonl(batch, ClaimUnit)]
    assert len(drawn) == 8 and drawn == sorted(drawn, key=lambda i: int(i[1:])) and "u1" not in drawn
    report = sample.SamplingReport.model_validate_json((tmp_path / "batch.sampling.json").read_text())
    assert report.batch_sha256 == hashlib.sha256(batch.read_bytes()).hexdigest()
    assert (report.corpus_units, report.duplicates_removed, report.relevant_units) == (80, 1, 39)
    assert report.relevance == "text matches /unfair/i" and report.strata == ["source", "month"]
    assert next((c.stratum, c.population, c.sampled) for c in report.cells) == (
        {"source": "a.az", "month": "2024-01"},
        9,
        2,
    )

    section = sample.card_section(report)
    assert "| corpus | 80 units |" in section and "seed 3" in section and "| a.az | 2024-01 | 9 | 2 |" in section
    sample.check_frame(report, batch=batch, batch_sha256=report.batch_sha256, batch_units=8, corpus_units=80)
    with pytest.raises(PublishError, match="changed after it was sampled"):
        sample.check_frame(report, batch=batch, batch_sha256="0" * 64, batch_units=8, corpus_units=80)
    with pytest.raises(PublishError, match="holds 7 units, and its sampling report says 8 were drawn"):
        sample.check_frame(report, batch=batch, batch_sha256=report.batch_sha256, batch_units=7, corpus_units=80)
    assert sample.read_report(batch) == report
    (tmp_path / "batch.sampling.json").write_text('{"seed": 1}', encoding="utf-8")
    with pytest.raises(PublishError, match="not a sampling report") as failure:
        sample.read_report(batch)
    assert failure.value.path == str(tmp_path / "batch.sampling.json")
    assert sample.read_report(tmp_path / "other.jsonl") is None


def test_publishing_part_of_the_corpus_needs_a_report(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    with pytest.raises(PublishError) as failure:
        sample.check_frame(None, batch=batch, batch_sha256="", batch_units=8, corpus_units=80)
    assert failure.value.path == str(tmp_path / "batch.sampling.json")
    assert "holds 8 of the corpus's 80 units" in failure.value.message
    sample.check_frame(None, batch=batch, batch_sha256="", batch_units=80, corpus_units=80)  # the whole corpus


def test_a_rule_that_keeps_nothing_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    units, _ = make_corpus(tmp_path)
    with pytest.raises(InputError, match="no unit to draw from"):
        from claimstance import api

        api.sample(units, tmp_path / "batch.jsonl", size=5, match="no such words")
    assert not (tmp_path / "batch.jsonl").exists() and not (tmp_path / "batch.sampling.json").exists()
    assert json.loads((tmp_path / "documents.jsonl").read_text().splitlines()[0])["id"] == "d0"
