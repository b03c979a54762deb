"""progress: a lead's view of one project, from its pulled annotations and the units pushed to it."""

from __future__ import annotations

from typing import Any

from claimstance.progress import progress
from claimstance.schema import Annotation, StanceTerritorialIntegrity


def _ann(number: int, unit: str, annotator: str, **fields: Any) -> Annotation:
    return Annotation(
        id=f"ls-3-{number}",
        unit_id=unit,
        annotator=annotator,
        project="team",
        ls_task_id=number,
        ls_annotation_id=number,
        designed_overlap=2,
        stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT,
        **fields,
    )


def test_progress_counts_units_by_annotations_annotators_and_skips() -> None:
    records = [
        _ann(1, "u0", "annotator-a", lead_time=4.0),
        _ann(2, "u0", "annotator-b", lead_time=10.0),
        _ann(3, "u1", "annotator-a", lead_time=6.0),
        _ann(4, "u2", "annotator-b", cancelled=True),
        _ann(5, "u0", "annotator-c", beyond_overlap=True, lead_time=2.0),
        _ann(6, "u1", "annotator-b", deleted=True),
    ]
    report = progress("team", ["u0", "u1", "u2", "u3"], records)
    assert report.by_count == {0: 2, 1: 1, 2: 0, 3: 1}  # u2 (skipped) and u3 none; u1 one; u0 three; 0..2 shown
    assert [(a.annotator, a.annotated, a.skipped, a.median_seconds) for a in report.annotators] == [
        ("annotator-a", 2, 0, 5.0),
        ("annotator-b", 1, 1, 10.0),
        ("annotator-c", 1, 0, 2.0),
    ]
    assert (report.skipped_units, report.beyond_overlap, report.overlapping_units) == (1, 1, 1)
    assert report.designed_overlap == 2 and report.notes == []


def test_progress_notes_annotated_units_that_were_not_pushed() -> None:
    report = progress("team", ["u0"], [_ann(1, "u9", "annotator-a")])
    assert report.by_count == {0: 1, 1: 0, 2: 0} and report.notes == [
        "1 annotated units are not among the units given (e.g. u9)"
    ]


def test_progress_shows_the_passes_each_annotator_worked_in() -> None:
    records = [
        _ann(1, "u0", "annotator-a", assigned_pass=1),
        _ann(2, "u0", "annotator-b", assigned_pass=2),
        _ann(3, "u1", "annotator-a", assigned_pass=3),  # annotator-a also took pass 3: the lead sees it
    ]
    report = progress("team", ["u0", "u1"], records)
    assert [(a.annotator, a.passes) for a in report.annotators] == [("annotator-a", (1, 3)), ("annotator-b", (2,))]
    assert report.by_count == {0: 0, 1: 1, 2: 1}
