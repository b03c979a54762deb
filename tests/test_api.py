"""The library API end to end: the repository's own seed dataset, built and loaded as a researcher would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from claimstance import api, io
from claimstance.errors import InputError
from claimstance.schema import Annotation, Document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh_hf_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """datasets caches local folders by path; a fresh cache per test keeps results honest (datasets #2956)."""
    cache = tmp_path / "hf-cache"
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return cache


def test_the_seed_dataset_loads_with_counts_features_and_exact_slices(tmp_path: Path, fresh_hf_cache: Path) -> None:
    import datasets

    out = tmp_path / "dataset"
    units = tmp_path / "units.jsonl"
    api.segment(_documents(tmp_path), units)
    folder = tmp_path / "annotations"  # the seeds' annotations beside another project's: never pooled unnamed
    shutil.copytree(ROOT / "annotations", folder)
    (folder / "pilot.jsonl").write_text((folder / "claimstance-seeds.jsonl").read_text().replace("seeds", "pilot"))
    with pytest.raises(InputError, match=r"2 projects \(claimstance-seeds, pilot\): a dataset is built per project"):
        api.publish(out, units=units, documents=_documents(tmp_path), directory=folder)
    report = api.publish(
        out, units=units, documents=_documents(tmp_path), directory=folder, projects=["claimstance-seeds"]
    )
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "The keyword baseline" in card and "| stance_territorial_integrity |" in card.split("keyword baseline")[1]
    units = datasets.load_dataset(str(out), "units")
    annotations = datasets.load_dataset(str(out), "annotations")

    assert sum(len(split) for split in units.values()) == 66
    assert sum(len(split) for split in annotations.values()) == 132
    assert report.rows["units"] == {name: len(split) for name, split in units.items()}
    features = units["train"].features
    assert features["stance_territorial_integrity"].names == ["support", "oppose", "neutral", "not_applicable"]
    assert features["stance_election_fairness"].names == ["fair", "unfair", "neutral", "not_applicable"]
    assert features["stance_election_fairness_annotations"].feature.names == features["stance_election_fairness"].names

    documents = {d.id: d for d in io.read_jsonl(_documents(tmp_path), Document)}
    seen_docs: dict[str, str] = {}
    for split, rows in units.items():
        for row in rows:
            doc = documents[row["doc_id"]]
            assert doc.text[row["char_start"] : row["char_end"]] == row["text"]
            assert seen_docs.setdefault(row["doc_id"], split) == split, "a document leaked across splits"
            assert len(row["annotators"]) == 2
    gold = [
        features["stance_election_fairness"].int2str(row["stance_election_fairness"])
        for rows in units.values()
        for row in rows
    ]
    assert gold.count("unfair") == 5


def _documents(tmp_path: Path) -> Path:
    path = tmp_path / "documents.jsonl"
    if not path.exists():
        api.ingest([ROOT / "seeds"], path)
    return path


def test_committed_annotations_are_valid_and_hold_no_email() -> None:
    for path in sorted((ROOT / "annotations").glob("*.jsonl")):
        good, errors = api.validate(path)
        assert not errors, errors[0].one_line()
        assert good > 0
        assert "@" not in path.read_text(encoding="utf-8")
    records = list(io.read_jsonl(ROOT / "annotations" / "claimstance-seeds.jsonl", Annotation))
    assert len({r.annotator for r in records}) == 2


def test_publish_refuses_annotations_for_units_that_no_longer_exist(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.txt").write_text("The vote was free and fair, the minister said.\n", encoding="utf-8")
    ann = tmp_path / "annotations"
    ann.mkdir()
    record = json.loads((ROOT / "annotations" / "claimstance-seeds.jsonl").read_text().splitlines()[0])
    (ann / "p.jsonl").write_text(json.dumps(record) + "\n")
    documents, units, out = tmp_path / "documents.jsonl", tmp_path / "units.jsonl", tmp_path / "dataset"
    api.ingest([seeds], documents)
    api.segment(documents, units)
    with pytest.raises(InputError, match=f"which {units} does not hold") as info:
        api.publish(out, units=units, documents=documents, directory=ann)
    assert str(ann / "p.jsonl") in info.value.one_line()
    assert not out.exists()


def test_pull_from_a_downloaded_export_writes_annotations(tmp_path: Path) -> None:
    summary = api.pull("ui", from_export=ROOT / "tests" / "data" / "ls_export_ui.json", directory=tmp_path)
    assert summary.path == tmp_path / "ui.jsonl" and summary.total > 0
    again = api.pull("ui", from_export=ROOT / "tests" / "data" / "ls_export_ui.json", directory=tmp_path)
    assert not again.written, "pulling the same export twice must leave the file byte-identical"
