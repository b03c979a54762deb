"""check-dataset: a dataset folder as another repository's CI sees it (card, configs, features, no e-mail)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from claimstance import api
from claimstance.errors import ClaimstanceError
from claimstance.publish import check_dataset

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds dataset, published once for the module."""
    work = tmp_path_factory.mktemp("seeds-dataset")
    api.ingest([ROOT / "seeds"], work / "documents.jsonl")
    api.segment(work / "documents.jsonl", work / "units.jsonl")
    api.publish(
        work / "dataset",
        units=work / "units.jsonl",
        documents=work / "documents.jsonl",
        directory=ROOT / "annotations",
        n_boot=20,
    )
    return work / "dataset"


@pytest.fixture
def copy(dataset: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(dataset, tmp_path / "dataset"))


def test_a_published_folder_passes(dataset: Path) -> None:
    assert check_dataset(dataset) == {"annotations": 3, "units": 3}


def _card(folder: Path, old: str, new: str) -> None:
    readme = folder / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert old in text
    readme.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_problem_is_one_line_naming_the_file(dataset: Path, copy: Path) -> None:
    cases = [
        (lambda: _card(copy, "The project's maintainers", "annotator@example.org"), "contains an e-mail address"),
        (lambda: next((copy / "units").glob("*.parquet")).unlink(), "config 'units': data file units/"),
        (lambda: _card(copy, "- name: char_start\n    dtype: int64", "- name: char_start\n    dtype: string"),
         "config 'units': the card's features are not those of claimstance's 'units' records"),
        (lambda: _card(copy, "config_name: annotations", "config_name: extras"), "unknown config 'extras'"),
        (lambda: (copy / "README.md").write_text("# no metadata\n", encoding="utf-8"), "no YAML metadata block"),
        (lambda: (copy / "README.md").unlink(), "has no README.md"),
    ]  # fmt: skip
    for spoil, words in cases:
        spoil()
        with pytest.raises(ClaimstanceError) as caught:
            check_dataset(copy)
        assert words in str(caught.value) and str(copy) in str(caught.value)
        assert "\n" not in str(caught.value)
        shutil.rmtree(copy)
        shutil.copytree(dataset, copy)


def test_a_parquet_file_with_other_columns_is_refused(copy: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    victim = next((copy / "units").glob("*.parquet"))
    pq.write_table(pa.table({"id": ["x"]}), victim)
    with pytest.raises(ClaimstanceError, match="columns differ from the 'units' features"):
        check_dataset(copy)


def test_the_card_states_the_version_of_the_studys_own_codebook(tmp_path: Path) -> None:
    work = tmp_path
    api.ingest([ROOT / "seeds"], work / "documents.jsonl")
    api.segment(work / "documents.jsonl", work / "units.jsonl")
    (work / "annotations").mkdir()
    (work / "ours.md").write_text("# Our codebook\n\nGuidelines version 2.0.0-ours, for schema 1.0.0.\n", "utf-8")
    inputs = {"units": work / "units.jsonl", "documents": work / "documents.jsonl", "directory": work / "annotations"}
    api.publish(work / "dataset", **inputs, guidelines=work / "ours.md", n_boot=20)
    card = (work / "dataset" / "README.md").read_text(encoding="utf-8")
    assert "guidelines version 2.0.0-ours" in card and "guidelines version 1.0.0" not in card
    (work / "annotations" / "card.yaml").write_text("guidelines_version: 1.9.0\n", encoding="utf-8")
    api.publish(work / "dataset", **inputs, guidelines=work / "ours.md", n_boot=20)
    assert "guidelines version 1.9.0" in (work / "dataset" / "README.md").read_text(encoding="utf-8")
