from __future__ import annotations

from pathlib import Path

import pytest
from claimstance import layout
from claimstance.errors import InputError


def test_annotations_path_is_a_safe_file_name() -> None:
    assert layout.annotations_path("Claimstance / pilot 2024") == Path("annotations/claimstance-pilot-2024.jsonl")
    assert layout.annotations_path("..", "out") == Path("out/project.jsonl")


def test_annotation_files_tell_projects_from_adjudications_and_leave_gold_out(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.jsonl", "a-adjudication.jsonl", "a.gold.jsonl", "notes.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    projects, reviews = layout.annotation_files(tmp_path)
    assert projects == [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    assert reviews == [tmp_path / "a-adjudication.jsonl"]
    assert layout.gold_path("a", tmp_path) == tmp_path / "a.gold.jsonl"
    assert layout.annotations_path(layout.adjudication_project("a"), tmp_path) == reviews[0]


def test_a_missing_annotations_folder_says_to_pull_first(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        layout.annotation_files(tmp_path / "nowhere")
    assert "claimstance pull" in info.value.one_line()
