"""Publishing a sample: corpus -> dedup -> sample -> (annotations) -> publish, as a researcher runs it.

The dataset holds the batch and the near-duplicates of its units, which carry the annotated unit's gold labels
marked as propagated; the card states the sampling frame; a batch without its report, a changed batch, or a
forgotten ``--batch`` is refused with one line, a non-zero exit and nothing written. Loads use a fresh
``HF_DATASETS_CACHE``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from claimstance import api, io
from claimstance.cli import main
from claimstance.schema import (
    Annotation,
    Attribution,
    ClaimUnit,
    Document,
    Duplicate,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)

CITIES = ("Ganja", "Shaki", "Lankaran", "Quba")
ANNOTATORS = ("annotator-0a1b2c3d4e", "annotator-5f6a7b8c9d")


def sentences(i: int) -> list[str]:
    return [
        f"Observers from the mission said the vote in the northern district number {i} was calm and orderly.",
        f"The commission counted {i + 10} complaints about the ballots in {CITIES[i]} during the day.",
        f"Turnout in {CITIES[i]} reached {40 + i} percent by the evening, the election office reported.",
    ]


def write_corpus(root: Path) -> tuple[Path, Path]:
    """Four news items and four wire copies of them (an exclamation mark for a full stop): 24 units."""
    documents, units = [], []
    for d in range(8):
        lines = sentences(d % 4)
        if d >= 4:
            lines = [line[:-1] + "!" for line in lines]
        text = " ".join(lines)
        doc = Document(
            id=f"doc{d}", seed_file="news.txt", source=("a.az", "b.rs")[d % 2], text=text,
            raw_start=0, raw_end=len(text),
        )  # fmt: skip
        documents.append(doc)
        for k, line in enumerate(lines):
            start = text.index(line)
            unit = ClaimUnit(
                id=f"doc{d}-u{k}", doc_id=doc.id, index=k, text=line, char_start=start,
                char_end=start + len(line), context=text, speaker=Speaker(attribution=Attribution.AUTHOR),
            )  # fmt: skip
            units.append(unit)
    io.write_jsonl(root / "documents.jsonl", documents)
    io.write_jsonl(root / "units.jsonl", units)
    return root / "units.jsonl", root / "documents.jsonl"


def annotate(root: Path, batch: Path) -> dict[str, str]:
    """Two annotators agree on every unit of the batch; the election label each unit got."""
    labels = list(StanceElectionFairness)
    records, chosen = [], {}
    for n, unit in enumerate(io.read_jsonl(batch, ClaimUnit)):
        chosen[unit.id] = labels[n % 3].value
        for k, who in enumerate(ANNOTATORS):
            record = Annotation(
                id=f"ls-1-{n * 10 + k}", unit_id=unit.id, annotator=who, project="study", ls_project_id=1,
                ls_task_id=n, ls_annotation_id=n * 10 + k, stance_election_fairness=labels[n % 3],
                stance_territorial_integrity=StanceTerritorialIntegrity.NOT_APPLICABLE, is_claim=True,
            )  # fmt: skip
            records.append(record)
    (root / "annotations").mkdir()
    io.write_jsonl(root / "annotations" / "study.jsonl", records)
    return chosen


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The documented workflow up to the annotations, in one folder; a fresh datasets cache, offline."""
    import datasets

    cache = tmp_path / "hf-cache"
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", cache)
    units, documents = write_corpus(tmp_path)
    kept = api.dedup(units, tmp_path / "kept.jsonl")
    batch = tmp_path / "batch.jsonl"
    api.sample(kept.out, batch, size=6, seed=1, strata=["source"], documents=documents, duplicates=kept.duplicates_path)
    return {
        "root": tmp_path, "units": units, "documents": documents, "kept": kept, "batch": batch, "cache": cache,
        "labels": annotate(tmp_path, batch), "out": tmp_path / "dataset",
    }  # fmt: skip


def publish_args(s: dict[str, Any], *, units: Path | None = None, batch: bool = True, dups: bool = True) -> list[str]:
    args = ["publish", "-o", str(s["out"]), "--units", str(units or s["units"]), "--documents", str(s["documents"])]
    args += ["--dir", str(s["root"] / "annotations")]
    args += ["--batch", str(s["batch"])] if batch else []
    return args + (["--duplicates", str(s["kept"].duplicates_path)] if dups else [])


def refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code != 0
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_sample_publishes_its_frame_and_its_near_duplicates_with_propagated_labels(
    study: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    import datasets

    assert (study["kept"].units, study["kept"].kept) == (24, 12)
    shards = study["root"] / "units"  # the near-duplicates' records come from a folder of shards, as segment writes
    lines = study["units"].read_text(encoding="utf-8").splitlines(keepends=True)
    shards.mkdir()
    (shards / "00000.jsonl").write_text("".join(lines[:10]), encoding="utf-8")
    (shards / "00001.jsonl").write_text("".join(lines[10:]), encoding="utf-8")
    main(publish_args(study, units=shards))
    assert "6 near-duplicate rows carry their annotated unit's labels" in capsys.readouterr().err
    loaded = datasets.load_dataset(str(study["out"]), "units", cache_dir=str(study["cache"]))
    rows = [row for split in loaded.values() for row in split]
    features = next(iter(loaded.values())).features
    fairness, origin = features["stance_election_fairness"], features["stance_election_fairness_origin"]
    batch_ids = set(study["labels"])
    members = {d.unit_id: d.duplicate_of for d in io.read_jsonl(study["kept"].duplicates_path, Duplicate)}
    assert {r["unit_id"] for r in rows} == batch_ids | {m for m, rep in members.items() if rep in batch_ids}
    assert len(rows) == 12
    for row in rows:
        source = row["propagated_from"]
        if row["unit_id"] in batch_ids:
            assert source is None and origin.int2str(row["stance_election_fairness_origin"]) == "unanimous"
            assert len(row["annotators"]) == 2
        else:
            assert source == members[row["unit_id"]] and source in batch_ids
            assert origin.int2str(row["stance_election_fairness_origin"]) == "propagated"
            assert row["annotators"] == []
        assert fairness.int2str(row["stance_election_fairness"]) == study["labels"][source or row["unit_id"]]

    card = (study["out"] / "README.md").read_text(encoding="utf-8")
    assert "## Sampling frame" in card and "| corpus | 24 units |" in card
    assert "| near-duplicates left out | 12 " in card and "seed 1" in card and "| a.az | 6 | 3 |" in card
    assert "6 rows are near-duplicates of an annotated unit and carry its gold labels" in card
    assert "drop rows with `propagated_from`" in card


def test_a_batch_whose_report_is_missing_is_refused_and_nothing_is_written(
    study: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    (study["root"] / "batch.sampling.json").unlink()
    line = refused(publish_args(study), capsys)
    assert "batch.jsonl holds 6 of the corpus's 24 units, and no sampling report says how they were chosen" in line
    assert "batch.sampling.json" in line and "claimstance sample" in line
    assert not study["out"].exists()


def test_a_batch_changed_after_its_draw_is_refused(study: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    batch: Path = study["batch"]
    lines = batch.read_text(encoding="utf-8").splitlines(keepends=True)
    batch.write_text("".join(reversed(lines)), encoding="utf-8")
    assert "changed after it was sampled" in refused(publish_args(study), capsys)
    batch.write_text("".join(lines[:-1]), encoding="utf-8")
    line = refused(publish_args(study), capsys)
    assert "holds 5 units, and its sampling report says 6 were drawn" in line
    assert not study["out"].exists()


def test_forgetting_the_batch_is_refused(study: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    line = refused(publish_args(study, batch=False, dups=False), capsys)
    assert "every annotation is on a unit of" in line and "pass --batch" in line and "batch.jsonl" in line
    shards = study["root"] / "shards"
    shards.mkdir()
    shutil.copy(study["units"], shards / "00000.jsonl")
    line = refused(publish_args(study, units=shards, batch=False, dups=False), capsys)
    assert "every annotation is on a unit of" in line and "pass --batch" in line
    line = refused(publish_args(study, units=study["batch"], batch=False, dups=False), capsys)
    assert "12 near-duplicates were left out of the sample" in line and "--duplicates" in line
    line = refused(publish_args(study, units=study["batch"], batch=False), capsys)
    assert "is a near-duplicate of unit" in line and "pass the units that dedup read as --units" in line
    assert not study["out"].exists()


def test_the_near_duplicates_come_from_the_units_dedup_read(
    study: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(publish_args(study, units=study["kept"].out), capsys)
    assert "is a near-duplicate of unit" in line and "the units lack" in line
    assert not study["out"].exists()


def test_a_batch_drawn_without_dedup_publishes_when_named_as_the_units(
    study: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    import datasets

    root: Path = study["root"]
    report = api.sample(study["units"], study["batch"], size=6, seed=1)
    assert report.duplicates_removed == 0
    shutil.rmtree(root / "annotations")
    annotate(root, study["batch"])
    main(publish_args(study, units=study["batch"], batch=False, dups=False))
    loaded = datasets.load_dataset(str(study["out"]), "units", cache_dir=str(study["cache"]))
    assert sum(len(split) for split in loaded.values()) == 6
    card = (study["out"] / "README.md").read_text(encoding="utf-8")
    assert "| corpus | 24 units |" in card and "| near-duplicates left out | 0 " in card
    assert "0 rows are near-duplicates" in card
