from __future__ import annotations

from pathlib import Path

import pytest
from claimstance import layout
from claimstance.errors import InputError, NotAStudyError


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


# ---- the study folder ----------------------------------------------------------------------------------------


def test_a_study_is_found_from_any_folder_inside_it(tmp_path: Path) -> None:
    study, _ = layout.create_study(tmp_path / "study", layout.StudyConfig(project="pilot"))
    deep = study.seeds / "2024" / "may"
    deep.mkdir(parents=True)
    assert layout.find_study_root(deep) == study.root
    assert layout.find_study_root(tmp_path) is None
    assert layout.read_study(deep.parents[1].parent).config.project == "pilot"


def test_init_writes_a_config_that_reads_back_and_an_editable_codebook(tmp_path: Path) -> None:
    wanted = layout.StudyConfig(project='pilot "2024"', label_studio_url="https://ls.example", overlap=3, annotators=4)
    study, created = layout.create_study(tmp_path, wanted)
    assert layout.read_study(tmp_path) == study and study.config == wanted
    assert study.seeds.is_dir() and study.annotations.is_dir()
    assert study.own_guidelines == tmp_path / "guidelines.md"
    assert study.guidelines.read_text(encoding="utf-8") == layout.CODEBOOK.read_text(encoding="utf-8")
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "var/\n"
    assert created[-1] == study.config_file
    with pytest.raises(InputError, match="is already a study"):
        layout.create_study(tmp_path, wanted)


def test_defaults_apply_to_an_empty_config_and_the_local_server_is_the_default(tmp_path: Path) -> None:
    (tmp_path / layout.STUDY_FILE).write_text("", encoding="utf-8")
    study = layout.read_study(tmp_path)
    assert study.config == layout.StudyConfig(project=layout.DEFAULT_PROJECT, label_studio_url=None, overlap=2)
    assert study.config.annotators is None  # one shared project unless the study asks for passes
    text = layout.study_config_text(study.config)
    assert '# label_studio_url = "http://127.0.0.1:8089"' in text and "# annotators = 3" in text
    assert study.own_guidelines is None  # the shipped codebook then
    assert study.data_dir == tmp_path / "var" / "label-studio"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("projekt = 'x'\n", "projekt: Extra inputs are not permitted (the known keys are project, label_studio_url"),
        ("overlap = 0\n", "overlap: Input should be greater than or equal to 1"),
        ("project = \n", "not valid TOML"),
    ],
)
def test_a_bad_config_file_is_one_line_naming_it(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / layout.STUDY_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        layout.read_study(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / layout.STUDY_FILE}: ")
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_folder_without_a_config_is_not_a_study(tmp_path: Path) -> None:
    with pytest.raises(NotAStudyError, match="not a study folder"):
        layout.read_study(tmp_path)


def test_the_repository_is_itself_the_seeds_study() -> None:
    root = Path(__file__).resolve().parents[1]
    study = layout.read_study(root)
    assert study.config.project == layout.DEFAULT_PROJECT
    assert sorted(p.name for p in study.seeds.glob("*.txt")) and layout.annotation_files(study.annotations)[0]


def test_a_project_is_published_with_its_own_adjudications_only(tmp_path: Path) -> None:
    # A pilot's adjudication file left in the folder must not decide the gold labels of the one project there.
    for name in ("main.jsonl", "main-adjudication.jsonl", "pilot-adjudication.jsonl", "main.gold.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    files, reviews = layout.project_files(tmp_path, None)
    assert (files, reviews) == ([tmp_path / "main.jsonl"], [tmp_path / "main-adjudication.jsonl"])
    assert layout.project_files(tmp_path, ["main"]) == (files, reviews)
