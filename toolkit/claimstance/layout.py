"""Where a study keeps its files: the one home of the study folder's layout.

A study is a folder holding ``claimstance.toml`` (its :class:`StudyConfig`), ``seeds/`` (the raw texts),
``annotations/`` (pulled annotations, gold labels, the card's facts), ``var/`` (the local Label Studio's data,
never committed) and optionally ``guidelines.md`` (the study's own codebook; the one shipped with the package
otherwise). Commands find it by walking up from the current directory to ``claimstance.toml``, as git does.

Every stage that reads or writes a project's annotations, its gold labels, its adjudication project or the
card's facts asks here, so the layout is written once. Apart from :func:`find_study_root` (which looks for the
config file) and :func:`read_study` (which reads it), the functions are pure path arithmetic.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimstance.errors import InputError, NotAStudyError

ANNOTATIONS_DIR = "annotations"
DEFAULT_PROJECT = "claimstance-seeds"
ADJUDICATION_SUFFIX = "-adjudication"
GOLD_SUFFIX = ".gold.jsonl"
PULL_STATE_SUFFIX = ".pull-state.json"
CARD_FILE = "card.yaml"
"""Optional file in the annotations folder: what the card says about who annotated and how (CardInfo fields)."""
STUDY_FILE = "claimstance.toml"
SEEDS_DIR = "seeds"
VAR_DIR = "var"
GUIDELINES_FILE = "guidelines.md"
CODEBOOK: Traversable = files("claimstance") / "data" / GUIDELINES_FILE
"""The codebook shipped with the package (``docs/guidelines.md`` is a copy a test keeps equal)."""
DEFAULT_OVERLAP = 2


class StudyConfig(BaseModel):
    """What ``claimstance.toml`` may say; every field has a default, so an empty file is a study."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    project: str = Field(DEFAULT_PROJECT, min_length=1, description="the Label Studio project title")
    label_studio_url: str | None = Field(
        None, description="the Label Studio address [default: the local server]", examples=["http://127.0.0.1:8089"]
    )
    overlap: int = Field(DEFAULT_OVERLAP, ge=1, description="annotators per unit")
    annotators: int | None = Field(
        None,
        ge=1,
        description="one pass project per annotator, each unit in `overlap` of them [default: one shared project]",
        examples=[3],
    )


@dataclass(frozen=True)
class Study:
    """A study folder and its config: where each of its files lives."""

    root: Path
    config: StudyConfig

    @property
    def config_file(self) -> Path:
        """``claimstance.toml``."""
        return self.root / STUDY_FILE

    @property
    def seeds(self) -> Path:
        """The raw texts, ``seeds/``."""
        return self.root / SEEDS_DIR

    @property
    def annotations(self) -> Path:
        """Pulled annotations, gold labels and the card's facts, ``annotations/``."""
        return self.root / ANNOTATIONS_DIR

    @property
    def var(self) -> Path:
        """What is made and never committed (``var/``): the local Label Studio's data, the demo's files."""
        return self.root / VAR_DIR

    @property
    def data_dir(self) -> Path:
        """The local Label Studio's database, media and logs, ``var/label-studio``."""
        return self.var / "label-studio"

    @property
    def guidelines(self) -> Path:
        """The study's own codebook, ``guidelines.md``; it may not exist (see :attr:`own_guidelines`)."""
        return self.root / GUIDELINES_FILE

    @property
    def own_guidelines(self) -> Path | None:
        """The study's ``guidelines.md`` when it has one; ``None`` means the packaged :data:`CODEBOOK`."""
        return self.guidelines if self.guidelines.is_file() else None


def find_study_root(start: str | Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``claimstance.toml``, or ``None``."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / STUDY_FILE).is_file():
            return folder
    return None


def read_study(root: str | Path) -> Study:
    """The study at ``root`` with its validated config; a missing or bad ``claimstance.toml`` is one clear error."""
    folder = Path(root).resolve()
    path = folder / STUDY_FILE
    if not path.is_file():
        raise NotAStudyError(f"not a study folder (no {STUDY_FILE})", path=folder)
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"not valid TOML ({exc})", path=path, hint="fix it; 'claimstance init' writes one") from None
    try:
        return Study(folder, StudyConfig.model_validate(values))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        known = ", ".join(StudyConfig.model_fields)
        raise InputError(f"{where}: {first['msg']}", path=path, hint=f"the known keys are {known}") from None


def create_study(root: str | Path, config: StudyConfig) -> tuple[Study, list[Path]]:
    """Make ``root`` a study: config file, ``seeds/``, ``annotations/``, the codebook, a ``.gitignore`` for ``var/``.

    Files that exist are left as they are, except that a second ``claimstance.toml`` is refused. Returns the
    study and the paths created.
    """
    folder = Path(root).resolve()
    if (folder / STUDY_FILE).exists():
        raise InputError("is already a study", path=folder / STUDY_FILE, hint="edit it, or init another folder")
    study = Study(folder, config)
    created: list[Path] = []
    for directory in (study.seeds, study.annotations):
        if not directory.is_dir():
            directory.mkdir(parents=True)
            created.append(directory)
    contents = {
        study.guidelines: CODEBOOK.read_text(encoding="utf-8"),
        folder / ".gitignore": f"{VAR_DIR}/\n",
        study.config_file: study_config_text(config),  # last: a folder is a study only once the rest is there
    }
    for path, text in contents.items():
        if not path.exists():
            path.write_text(text, encoding="utf-8")
            created.append(path)
    return study, created


def study_config_text(config: StudyConfig) -> str:
    """``claimstance.toml`` for ``config``, each key with its meaning (what ``claimstance init`` writes)."""
    lines = ["# A claimstance study: the commands run inside this folder find it by this file.\n"]
    for name, field in StudyConfig.model_fields.items():
        value = getattr(config, name)
        lines.append(f"# {field.description}")
        if value is None:
            lines.append(f"# {name} = {json.dumps((field.examples or [''])[0])}")
        else:
            lines.append(f"{name} = {json.dumps(value)}")  # a JSON string or number is valid TOML
    return "\n".join(lines) + "\n"


def annotations_path(project: str, directory: str | Path = ANNOTATIONS_DIR) -> Path:
    """Where a project's annotations live: ``<directory>/<project title as a file name>.jsonl``."""
    stem = re.sub(r"[^\w.-]+", "-", project.strip(), flags=re.UNICODE).strip("-.").lower()
    return Path(directory) / f"{stem or 'project'}.jsonl"


def pull_state_path(project: str, directory: str | Path = ANNOTATIONS_DIR) -> Path:
    """What the last pull of ``project`` saw (for the next, incremental, pull): beside its annotations file."""
    return annotations_path(project, directory).with_suffix(PULL_STATE_SUFFIX)


def adjudication_project(project: str) -> str:
    """The title of the project where ``project``'s disputed units are adjudicated."""
    return f"{project}{ADJUDICATION_SUFFIX}"


def gold_path(project: str, directory: str | Path = ANNOTATIONS_DIR) -> Path:
    """Where the gold labels of ``project`` are written (``<directory>/<project>.gold.jsonl``)."""
    return Path(directory) / f"{project}{GOLD_SUFFIX}"


def card_path(directory: str | Path = ANNOTATIONS_DIR) -> Path:
    """The card's facts file of the annotations folder (``<directory>/card.yaml``); it may not exist."""
    return Path(directory) / CARD_FILE


def annotation_files(directory: str | Path = ANNOTATIONS_DIR) -> tuple[list[Path], list[Path]]:
    """The annotation files in ``directory``: (annotator projects, adjudication projects)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError("no such folder", path=folder, hint="run 'claimstance pull' first")
    files = sorted(p for p in folder.glob("*.jsonl") if not p.name.endswith(GOLD_SUFFIX))
    adjudications = [p for p in files if p.stem.endswith(ADJUDICATION_SUFFIX)]
    return [p for p in files if p not in adjudications], adjudications


def unit_files(units: str | Path) -> list[Path]:
    """A units JSONL file, or the JSONL shards of a folder (``claimstance segment -o FOLDER``) in order."""
    path = Path(units)
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("*.jsonl"))
    if not files:
        raise InputError("folder holds no .jsonl files", path=path, hint="pass a units file or a folder of shards")
    return files


def several_projects(files: Iterable[Path | str], directory: str | Path, what: str, hint: str) -> InputError:
    """The error for a folder of several projects where one is needed: it names them, and says what to do."""
    names = [Path(f).stem for f in files]
    return InputError(
        f"{len(names)} projects ({', '.join(names)}): {what} per project, never pooled",
        path=directory,
        hint=hint,
    )


def project_files(directory: str | Path, projects: Iterable[str] | None) -> tuple[list[Path], list[Path]]:
    """The annotation files (and adjudication files) of the named ``projects`` in ``directory``.

    Without ``projects`` the folder must hold one project: several are refused with their names. Only the
    adjudication files of these projects are returned (another project's, e.g. a pilot's, is left out).
    """
    files, reviews = annotation_files(directory)
    if projects is None:
        if len(files) > 1:
            raise several_projects(
                files, directory, "a dataset is built", "name the projects to publish together with --project"
            )
        projects = [f.stem for f in files]
    wanted = [annotations_path(p, directory) for p in projects]
    missing = [p for p, path in zip(projects, wanted, strict=True) if path not in files]
    if missing:
        raise InputError(f"no annotations of project {missing[0]!r}", path=directory, hint="pull it first")
    names = {annotations_path(adjudication_project(p), directory) for p in projects}
    return wanted, [r for r in reviews if r in names]


def sole_project(directory: str | Path, default: str) -> str:
    """``default``, once ``directory`` holds no other project's annotations (several are refused by name)."""
    folder = Path(directory)
    files = annotation_files(folder)[0] if folder.is_dir() else []
    if len(files) > 1:
        raise several_projects(files, folder, "gold labels are decided", "name one with --project")
    return default
