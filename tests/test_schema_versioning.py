"""Label sets are versioned: a published ``ClassLabel`` id must keep its meaning within a major version.

The reference is ``schema/labels.json`` as committed (``git show <ref>:schema/labels.json``, ref ``HEAD`` or
``CLAIMSTANCE_SCHEMA_BASE``, e.g. ``origin/main`` in CI), and the file on disk where git is not available.
Compared with the label sets in ``schema.py``:

- a label removed, renamed or moved, or a label set removed, needs a **major** bump of ``SCHEMA_VERSION``;
- a label appended at the end of a set, or a new set, needs at least a **minor** bump;
- a changed definition needs at least a **patch** bump.
"""

from __future__ import annotations

import json
import os
import subprocess
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from claimstance import schema, schema_files
from claimstance.schema import LabelEnum

ROOT = Path(__file__).resolve().parents[1]
LABELS = "schema/labels.json"
RANK = {"patch": 0, "minor": 1, "major": 2}


def committed_label_sets() -> tuple[dict[str, Any], str]:
    """The label sets as committed, and where they were read from."""
    ref = os.environ.get("CLAIMSTANCE_SCHEMA_BASE") or "HEAD"
    try:
        shown = subprocess.run(
            ["git", "show", f"{ref}:{LABELS}"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
        )
        return json.loads(shown.stdout), f"git {ref}:{LABELS}"
    except (OSError, subprocess.SubprocessError):  # no git, not a checkout, or the file is not committed yet
        return json.loads((ROOT / LABELS).read_text(encoding="utf-8")), str(ROOT / LABELS)


def change_kind(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, str] | None:
    """The strongest change from ``old`` to ``new`` label sets, as (major|minor|patch, what changed)."""
    found: list[tuple[str, str]] = []
    for name, old_set in old["labels"].items():
        if name not in new["labels"]:
            found.append(("major", f"label set {name!r} removed"))
            continue
        before = [x["value"] for x in old_set]
        after = [x["value"] for x in new["labels"][name]]
        if after[: len(before)] != before:
            found.append(("major", f"{name}: {before} became {after} (a label removed, renamed or moved)"))
        elif len(after) > len(before):
            found.append(("minor", f"{name}: {after[len(before) :]} appended"))
        elif [x["description"] for x in old_set] != [x["description"] for x in new["labels"][name]]:
            found.append(("patch", f"{name}: a definition changed"))
    found += [("minor", f"label set {name!r} added") for name in new["labels"] if name not in old["labels"]]
    return max(found, key=lambda item: RANK[item[0]]) if found else None


def _version(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split("."))
    return major, minor, patch


def versioning_problem(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """Why ``new`` needs another schema version than it has, or None when its version fits its changes."""
    change = change_kind(old, new)
    if change is None:
        return None
    kind, what = change
    before, after = _version(old["schema_version"]), _version(new["schema_version"])
    enough = {"major": after[0] > before[0], "minor": after[:2] > before[:2], "patch": after > before}[kind]
    if enough:
        return None
    return f"{what}: needs a {kind} bump of SCHEMA_VERSION (now {new['schema_version']}, was {old['schema_version']})"


def test_schema_version_fits_the_label_changes_since_the_last_commit() -> None:
    old, source = committed_label_sets()
    problem = versioning_problem(old, schema_files.label_sets())
    assert problem is None, f"compared with {source}: {problem}"


def test_the_labels_file_on_disk_is_the_current_label_sets() -> None:
    on_disk = json.loads((ROOT / LABELS).read_text(encoding="utf-8"))
    assert on_disk == schema_files.label_sets(), "run 'claimstance schema export' and commit schema/"


def _edited(edit: str) -> dict[str, Any]:
    sets: dict[str, Any] = json.loads(json.dumps(schema_files.label_sets()))
    labels = sets["labels"]["stance_territorial_integrity"]
    if edit == "remove":
        labels.pop(2)
    elif edit == "rename":
        labels[1]["value"] = "against"
    elif edit == "reorder":
        labels[0], labels[1] = labels[1], labels[0]
    elif edit == "drop set":
        del sets["labels"]["kind"]
    elif edit == "append":
        labels.append({"value": "mixed", "description": "Both sides."})
    elif edit == "describe":
        labels[0]["description"] += " (clarified)"
    return sets


CHANGES = {"remove": "major", "rename": "major", "reorder": "major", "drop set": "major", "append": "minor"}
CHANGES["describe"] = "patch"


@pytest.mark.parametrize(("edit", "kind"), list(CHANGES.items()))
def test_each_kind_of_label_change_needs_its_bump(edit: str, kind: str) -> None:
    base = schema_files.label_sets()
    changed = _edited(edit)
    change = change_kind(base, changed)
    assert change is not None and change[0] == kind
    major, minor, patch = _version(base["schema_version"])
    bumps = {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}
    for bump, version in bumps.items():
        problem = versioning_problem(base, {**changed, "schema_version": version})
        assert (problem is None) == (RANK[bump] >= RANK[kind]), (edit, bump, problem)
    unbumped = versioning_problem(base, changed)
    assert unbumped is not None and f"needs a {kind} bump" in unbumped


def test_reordering_an_enum_in_schema_py_without_a_major_bump_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    members = [(m.name, (m.value, m.description)) for m in schema.StanceElectionFairness]
    members[0], members[1] = members[1], members[0]
    reordered = LabelEnum("StanceElectionFairness", members)  # type: ignore[arg-type]
    assert isinstance(reordered, type) and issubclass(reordered, Enum)
    monkeypatch.setitem(schema.STANCE_TARGETS, "stance_election_fairness", reordered)
    old, _ = committed_label_sets()
    problem = versioning_problem(old, schema_files.label_sets())
    assert problem is not None and "stance_election_fairness" in problem and "major" in problem
    monkeypatch.setattr(schema, "SCHEMA_VERSION", f"{_version(schema.SCHEMA_VERSION)[0] + 1}.0.0")
    assert versioning_problem(old, schema_files.label_sets()) is None
