"""A lead's view of one project's progress, from its pulled annotations file and the units pushed to it.

Per project (all its passes, under designed assignment): how many units have 0, 1, ... annotations (live:
neither skipped nor deleted, one per annotator), each annotator's count of annotated and skipped units with
their median seconds per unit and the passes they worked in, the units someone skipped, and how many units
are beyond the designed overlap. Agreement so far is the ``agree`` stage's business: :mod:`claimstance.api`
adds it once enough units overlap.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimstance.schema import Annotation, current_annotations


@dataclass(frozen=True)
class AnnotatorProgress:
    """One annotator's work in the project."""

    annotator: str
    annotated: int
    skipped: int
    median_seconds: float | None
    passes: tuple[int, ...] = ()
    """The pass projects they worked in (designed assignment); more than one means a unit may be labelled twice."""


@dataclass
class ProjectProgress:
    """Where a project stands; ``by_count[n]`` is the number of units with ``n`` live annotations."""

    project: str
    units: int
    designed_overlap: int | None
    by_count: dict[int, int]
    annotators: list[AnnotatorProgress]
    skipped_units: int
    beyond_overlap: int
    overlapping_units: int
    notes: list[str] = field(default_factory=list)


def progress(project: str, unit_ids: Iterable[str], annotations: Iterable[Annotation]) -> ProjectProgress:
    """Summarise ``annotations`` (one project's) against the ``unit_ids`` pushed to it."""
    records = [a for a in annotations if not a.deleted]
    units = set(unit_ids)
    live = current_annotations(records)
    per_unit = Counter(a.unit_id for a in live)
    strangers = sorted(set(per_unit) - units)
    notes = (
        [f"{len(strangers)} annotated units are not among the units given (e.g. {strangers[0]})"] if strangers else []
    )
    by_count = Counter(per_unit.get(unit_id, 0) for unit_id in units)
    annotators = []
    for name in sorted({a.annotator for a in records}):
        done = [a for a in live if a.annotator == name]
        times = [a.lead_time for a in done if a.lead_time is not None]
        skipped = {a.unit_id for a in records if a.annotator == name and a.cancelled}
        median = statistics.median(times) if times else None
        passes = tuple(sorted({a.assigned_pass for a in records if a.annotator == name and a.assigned_pass}))
        annotators.append(AnnotatorProgress(name, len(done), len(skipped), median, passes))
    overlaps = [a.designed_overlap for a in records if a.designed_overlap is not None]
    designed = overlaps[-1] if overlaps else None
    for n in range(designed + 1 if designed else 0):  # every count from 0 to the design, even when none yet
        by_count.setdefault(n, 0)
    return ProjectProgress(
        project=project,
        units=len(units),
        designed_overlap=designed,
        by_count=dict(sorted(by_count.items())),
        annotators=annotators,
        skipped_units=len({a.unit_id for a in records if a.cancelled}),
        beyond_overlap=sum(1 for a in live if a.beyond_overlap),
        overlapping_units=sum(1 for n in per_unit.values() if n >= 2),
        notes=notes,
    )
