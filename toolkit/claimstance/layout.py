"""Where a study keeps its files: the one home of the annotations folder's layout.

Every stage that reads or writes a project's annotations, its gold labels, its adjudication project or the
card's facts asks here, so the layout is written once. The functions are pure path arithmetic: nothing is read
or created.
"""

from __future__ import annotations

import re
from pathlib import Path

from claimstance.errors import InputError

ANNOTATIONS_DIR = "annotations"
DEFAULT_PROJECT = "claimstance-seeds"
ADJUDICATION_SUFFIX = "-adjudication"
GOLD_SUFFIX = ".gold.jsonl"
PULL_STATE_SUFFIX = ".pull-state.json"
CARD_FILE = "card.yaml"
"""Optional file in the annotations folder: what the card says about who annotated and how (CardInfo fields)."""


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
