"""Designed assignment: one "pass" project per annotator, every unit in exactly ``overlap`` passes.

Label Studio Community Edition cannot hand a unit to exactly N annotators through its own label stream: the
"Label All Tasks" button sends ``selectedItems``, which takes the data-manager path of ``next_task`` and
ignores task locks, so annotators working at the same time get the same unit (1.23.2,
``projects/functions/next_task.py``: ``dm_queue``), and it has no task assignment or roles. So the design is
made outside it: a study project ``P`` becomes ``annotators`` projects ``P-pass-1`` ... ``P-pass-K`` with the
same labeling config and settings, each taking one annotation per task (``maximum_annotations`` 1), and
every unit is placed in exactly ``overlap`` distinct passes, pass sizes differing by at most one
(:func:`assign`, seeded). Each pass is pushed with the ordinary, resumable push (:func:`.projects.push`),
so running the push again imports only what is missing; raising the overlap adds passes to each unit,
lowering it re-plans the passes, and is refused once a pass holds annotations. ``pull`` merges all passes
into ``P``'s one file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimstance.config import ServerSettings
from claimstance.errors import InputError, LabelStudioError
from claimstance.labelstudio.client import Connection, connected
from claimstance.labelstudio.payloads import PROJECT_DETAIL, PROJECTS_PAGE, ProjectDetail
from claimstance.labelstudio.projects import (
    PushReport,
    TeamSettings,
    delete_tasks,
    find_project,
    list_tasks,
    project_lock,
    projects_titled,
    push,
)
from claimstance.labelstudio.tasks import document_speakers
from claimstance.schema import Annotation, AnnotationLabels, ClaimUnit

PASS_INFIX = "-pass-"
TITLE_LIMIT = 50
"""Characters Label Studio allows in a project title (1.23.2: ``projects/models.py``, ``title``)."""
DEFAULT_SEED = 0
_DESIGN = re.compile(r"every unit in (\d+) of (\d+) passes \(seed (-?\d+)\)")


@dataclass(frozen=True)
class Design:
    """How a project's units are spread over its passes: ``overlap`` of ``annotators`` passes per unit."""

    overlap: int
    annotators: int
    seed: int = DEFAULT_SEED
    show_predictions: bool = False

    def check(self) -> None:
        """Refuse a design that cannot give every unit ``overlap`` distinct passes."""
        if self.overlap < 1 or self.annotators < self.overlap:
            raise InputError(
                f"overlap {self.overlap} needs at least {max(self.overlap, 1)} annotators, not {self.annotators}",
                hint="pass --annotators K with K >= --overlap N (one pass project per annotator)",
            )


def pass_title(project: str, number: int) -> str:
    """The title of pass ``number`` (from 1) of ``project``."""
    return f"{project}{PASS_INFIX}{number}"


def pass_number(project: str, title: str) -> int | None:
    """The pass number a project ``title`` has within ``project``, or None when it is not one of its passes."""
    found = re.fullmatch(re.escape(project) + re.escape(PASS_INFIX) + r"([1-9]\d*)", title)
    return int(found.group(1)) if found else None


def describe(project: str, number: int, design: Design) -> str:
    """The pass project's description: who it is for, and the design (read back by :func:`read_overlap`)."""
    return (
        f"Pass {number} of project '{project}': for one annotator only. claimstance designed assignment: "
        f"every unit in {design.overlap} of {design.annotators} passes (seed {design.seed})."
    )


def read_overlap(description: str | None) -> int | None:
    """The overlap a pass project's description states (see :func:`describe`), or None."""
    found = _DESIGN.search(description or "")
    return int(found.group(1)) if found else None


# --- the assignment (pure) -----------------------------------------------------------------------------------


def assign(unit_ids: Sequence[str], held: Mapping[int, Iterable[str]], design: Design) -> dict[int, list[str]]:
    """The units to add to each pass so that every unit is in ``design.overlap`` distinct passes (pure).

    ``held`` maps pass numbers (1..annotators) to the units they already hold. Units short of passes are
    taken in an order shuffled with ``design.seed`` and each is put in the passes holding the fewest units
    (ties: lowest number), which keeps pass sizes within one of each other when they start so, and crosses
    every pair of annotators. Units already in enough passes are left where they are.
    """
    design.check()
    passes = {number: set(held.get(number, ())) for number in range(1, design.annotators + 1)}
    unknown = sorted(set(held) - set(passes))
    if unknown:
        raise InputError(
            f"the project already has pass {unknown[-1]}, more than {design.annotators} annotators",
            hint=f"pass --annotators {unknown[-1]} or more (passes are never removed)",
        )
    short = sorted({u for u in unit_ids if sum(u in units for units in passes.values()) < design.overlap})
    random.Random(design.seed).shuffle(short)
    added: dict[int, list[str]] = {number: [] for number in passes}
    for unit_id in short:
        free = [n for n in passes if unit_id not in passes[n]]
        missing = design.overlap - (len(passes) - len(free))
        for number in sorted(free, key=lambda n: (len(passes[n]), n))[:missing]:
            passes[number].add(unit_id)
            added[number].append(unit_id)
    return added


def plan(
    unit_ids: Sequence[str], held: Mapping[int, Iterable[str]], design: Design
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The units to add to and to remove from each pass (pure): :func:`assign`, unless the overlap was lowered.

    When a unit is in more passes than ``design.overlap`` (the overlap was lowered), the assignment is made
    afresh for every unit and the passes are moved to it (the caller refuses this once a pass holds
    annotations), so that pass sizes stay within one of each other.
    """
    placed = {u: sum(u in set(units) for units in held.values()) for units in held.values() for u in units}
    if all(n <= design.overlap for n in placed.values()):
        return assign(unit_ids, held, design), {}
    fresh = assign(sorted(set(unit_ids) | set(placed)), {}, design)
    current = {n: set(held.get(n, ())) for n in fresh}
    added = {n: [u for u in fresh[n] if u not in current[n]] for n in fresh}
    removed = {n: sorted(current[n] - set(fresh[n])) for n in fresh}
    return added, removed


# --- on the server -------------------------------------------------------------------------------------------


def find_passes(conn: Connection, project: str) -> dict[int, ProjectDetail]:
    """The pass projects of ``project`` on the server, by pass number (empty when it has none)."""
    found: dict[int, int] = {}
    what = f"looking up the passes of '{project}'"
    for body in projects_titled(conn, project + PASS_INFIX, what, PROJECTS_PAGE):
        for ref in body["results"]:
            number = pass_number(project, ref["title"])
            if number is not None:
                if number in found:
                    raise LabelStudioError(f"two projects are named '{ref['title']}'", hint="rename all but one")
                found[number] = ref["id"]
    return {
        number: conn.get(f"api/projects/{pid}/", {}, f"reading project {pid}", PROJECT_DETAIL)
        for number, pid in sorted(found.items())
    }


@dataclass
class PassesReport:
    """What a push of passes did: the design, each pass's push, and the units each pass was given or lost."""

    project: str
    design: Design
    pushes: dict[int, PushReport] = field(default_factory=dict)
    added: dict[int, int] = field(default_factory=dict)
    removed: dict[int, int] = field(default_factory=dict)
    sizes: dict[int, int] = field(default_factory=dict)


def push_passes(
    units: Sequence[ClaimUnit],
    project: str,
    *,
    design: Design,
    guidelines: str,
    predictions: Mapping[str, AnnotationLabels] | None = None,
    model_version: str | None = None,
    doc_titles: Mapping[str, str | None] | None = None,
    settings: ServerSettings | None = None,
    progress: Callable[[int], None] | None = None,
    lock_timeout: float = 0.0,
    data_dir: str | Path | None = None,
    connection: Connection | None = None,
) -> PassesReport:
    """Push ``units`` as ``design.annotators`` pass projects of ``project``, each unit in ``design.overlap``.

    Reads what each pass holds, places the units that lack passes (:func:`plan`; when the overlap was
    lowered and no pass holds an annotation, the passes are planned afresh); then pushes each pass
    with :func:`.projects.push` (one annotation per task, predictions hidden unless ``design.show_predictions``)
    and states the design in its description. Idempotent and resumable like a single push.
    """
    design.check()
    longest = pass_title(project, design.annotators)
    if len(longest) > TITLE_LIMIT:
        raise InputError(
            f"project title '{project}' is too long for passes: '{longest}' has more than {TITLE_LIMIT} characters",
            hint=f"use a project title of at most {len(project) - len(longest) + TITLE_LIMIT} characters",
        )
    with (
        connected(settings, connection) as conn,
        project_lock(conn.settings.url, project, data_dir=data_dir, timeout=lock_timeout),
    ):
        if find_project(conn, project) is not None:  # pull reads the passes only: its annotations would be lost
            raise InputError(
                f"project '{project}' is one shared project on {conn.settings.url}: passes of it would leave its "
                "annotations out of every pull",
                hint="push the passes to a new project title, or push without --annotators",
            )
        existing = find_passes(conn, project)
        rows = {n: list(list_tasks(conn, detail["id"], "id,data")) for n, detail in existing.items()}
        held = {n: {str(row["data"].get("unit_id")) for row in rows[n]} for n in rows}
        added, removed = plan([u.id for u in units], held, design)
        if any(removed.values()):
            _refuse_lowering(project, existing, design)
        for number, unit_ids in removed.items():
            ids = [row["id"] for row in rows.get(number, []) if row["data"].get("unit_id") in set(unit_ids)]
            if ids:
                delete_tasks(conn, existing[number]["id"], ids)
            held[number] = held.get(number, set()) - set(unit_ids)
        report = PassesReport(project, design)
        team = TeamSettings(overlap=1, show_predictions=design.show_predictions)
        speakers = document_speakers(units)  # every pass offers a document's speakers, not only its own units'
        for number in range(1, design.annotators + 1):
            wanted = held.get(number, set()) | set(added[number])
            report.pushes[number] = push(
                [u for u in units if u.id in wanted],
                pass_title(project, number),
                guidelines=guidelines,
                predictions=predictions,
                model_version=model_version,
                doc_titles=doc_titles,
                progress=progress,
                lock_timeout=lock_timeout,
                data_dir=data_dir,
                connection=conn,
                team=team,
                speakers=speakers,
            )
            _describe(conn, report.pushes[number].project_id, describe(project, number, design))
            report.added[number] = len(added[number])
            report.removed[number] = len(removed.get(number, []))
            report.sizes[number] = len(wanted)
        return report


def _refuse_lowering(project: str, existing: Mapping[int, ProjectDetail], design: Design) -> None:
    """Lowering the overlap moves units between passes: refused once any pass holds an annotation."""
    annotated = [
        n
        for n, detail in existing.items()
        if (detail.get("total_annotations_number") or 0) + (detail.get("skipped_annotations_number") or 0)
    ]
    if annotated:
        before = max((read_overlap(existing[n].get("description")) or 0) for n in existing) or "more"
        raise InputError(
            f"project '{project}' has annotations in pass {annotated[0]}: its overlap cannot go from {before} "
            f"down to {design.overlap}",
            hint=f"push with --overlap {before} (or more), or to a new project",
        )


def _describe(conn: Connection, project_id: int, text: str) -> None:
    detail = conn.get(f"api/projects/{project_id}/", {}, f"reading project {project_id}", PROJECT_DETAIL)
    if detail.get("description") != text:
        conn.call(f"describing project {project_id}", lambda: conn.sdk.projects.update(project_id, description=text))


def as_project(records: Iterable[Annotation], project: str, number: int, overlap: int | None) -> Iterator[Annotation]:
    """A pass's pulled records as records of ``project``: its title, its designed ``overlap``, the pass number."""
    for record in records:
        yield record.model_copy(update={"project": project, "designed_overlap": overlap, "assigned_pass": number})
