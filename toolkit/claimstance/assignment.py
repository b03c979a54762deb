"""How a study's units reach Label Studio and come back: one shared project, or one pass project per annotator.

This module wires what :mod:`claimstance.api`'s ``push``, ``push_passes`` and ``pull`` need (the files a push
reads, :mod:`claimstance.labelstudio.passes`, the incremental pull and ``pull``'s merge), so that the API stays
a facade; like :mod:`claimstance.pipeline` and :mod:`claimstance.release` it sits between ``api`` and the
stages. A project title is either one shared project or the passes ``<project>-pass-<n>``, never both: pull
reads the passes of a project that has them, so a shared project beside them would never be pulled again.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from claimstance import io, labelstudio, layout
from claimstance import pull as _pull
from claimstance.config import ServerSettings
from claimstance.errors import InputError
from claimstance.labelstudio import incremental, passes
from claimstance.labelstudio.client import Connection, connected
from claimstance.labelstudio.payloads import ProjectDetail
from claimstance.schema import Annotation, ClaimUnit, Document, Prediction


@dataclass(frozen=True)
class PushInputs:
    """What a push reads, every file checked: the units, the instructions, predictions and titles."""

    units: list[ClaimUnit]
    guidelines: str
    predictions: dict[str, Prediction]
    doc_titles: dict[str, str | None] | None


def push_inputs(
    units: str | Path,
    documents: str | Path | None,
    predictions: str | Path | None,
    guidelines: str | Path | None,
) -> PushInputs:
    """The units, instructions, predictions by unit and document titles a push reads (all checked)."""
    records = io.read_jsonl_checked(units, ClaimUnit)
    preds = io.read_jsonl(predictions, Prediction) if predictions else ()
    by_unit = labelstudio.checked_predictions(preds, {u.id for u in records}, path=predictions, units=units)
    instructions = labelstudio.read_guidelines(guidelines)
    docs = io.read_jsonl(documents, Document) if documents else None
    titles = labelstudio.checked_doc_titles(docs, records, path=documents, source=units) if docs else None
    return PushInputs(list(records), instructions, by_unit, titles)


def push(
    units: str | Path,
    project: str,
    *,
    documents: str | Path | None = None,
    predictions: str | Path | None = None,
    model_version: str | None = None,
    guidelines: str | Path | None,
    settings: ServerSettings | None = None,
    progress: Callable[[int], None] | None = None,
    wait: float = 0.0,
    overlap: int = 2,
    show_predictions: bool = False,
    data_dir: str | Path | None = None,
    connection: Connection | None = None,
) -> labelstudio.PushReport:
    """Push a units file to one shared project (see :func:`claimstance.api.push`); a title with passes is refused."""
    if overlap < 1:
        raise InputError(f"overlap {overlap} is not a number of annotators", hint="pass --overlap 1 or more")
    inputs = push_inputs(units, documents, predictions, guidelines)
    with connected(settings, connection) as conn:
        found = passes.find_passes(conn, project)
        if found:
            raise InputError(
                f"project '{project}' has {len(found)} pass projects (designed assignment): a shared project of "
                "the same title would never be pulled",
                hint=f"push with --annotators {len(found)} (or more), or to a new project title",
            )
        return labelstudio.push(
            inputs.units,
            project,
            guidelines=inputs.guidelines,
            predictions=inputs.predictions,
            model_version=model_version,
            doc_titles=inputs.doc_titles,
            progress=progress,
            lock_timeout=wait,
            data_dir=data_dir,
            connection=conn,
            team=labelstudio.TeamSettings(overlap=overlap, show_predictions=show_predictions),
        )


def push_passes(
    units: str | Path,
    project: str,
    *,
    design: passes.Design,
    documents: str | Path | None = None,
    predictions: str | Path | None = None,
    model_version: str | None = None,
    guidelines: str | Path | None,
    settings: ServerSettings | None = None,
    progress: Callable[[int], None] | None = None,
    wait: float = 0.0,
) -> passes.PassesReport:
    """Push a units file as the pass projects of ``project`` (see :func:`claimstance.api.push_passes`)."""
    design.check()
    inputs = push_inputs(units, documents, predictions, guidelines)
    return passes.push_passes(
        inputs.units,
        project,
        design=design,
        guidelines=inputs.guidelines,
        predictions=inputs.predictions,
        model_version=model_version,
        doc_titles=inputs.doc_titles,
        settings=settings,
        progress=progress,
        lock_timeout=wait,
    )


def pull_passes(
    project: str, found: Mapping[int, ProjectDetail], path: Path, directory: str | Path, conn: Connection, *, full: bool
) -> _pull.PullSummary:
    """Pull every pass of ``project`` into its one annotations file (incrementally where every pass can be)."""
    titles = {n: passes.pass_title(project, n) for n in found}
    states = {n: layout.pull_state_path(title, directory) for n, title in titles.items()}

    def changes(number: int, whole: bool) -> incremental.Changes:
        previous = None if whole else incremental.read_state(states[number])
        return incremental.pull_changes(titles[number], previous=previous, annotations=path, connection=conn)

    pulled = {n: changes(n, full) for n in found}
    if any(c.changed is None for c in pulled.values()):  # one pass pulled whole: the file is rebuilt whole
        pulled = {n: c if c.changed is None else changes(n, True) for n, c in pulled.items()}
    overlap = max((passes.read_overlap(detail.get("description")) or 0 for detail in found.values()), default=0)
    records = [passes.as_project(c.records, project, n, overlap or None) for n, c in pulled.items()]
    touched = set().union(*((c.changed or set()) | c.gone for c in pulled.values()))
    kept: list[Annotation] = []
    if all(c.changed is not None for c in pulled.values()):  # the tasks no pass changed stay as they are
        kept = [r for r in _pull.read_annotations(path, missing_ok=True) if r.ls_task_id not in touched]
        kept = [r for r in kept if not r.deleted]
    summary = _pull.update_pass_annotations(path, itertools.chain(kept, *records))
    for number, change in pulled.items():
        incremental.write_state(states[number], change.state, path)
    return summary
