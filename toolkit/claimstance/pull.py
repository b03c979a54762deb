"""Pull: merge freshly pulled ``Annotation`` records into the annotations file, and keep every version.

Label Studio is the place annotators work; ``annotations/<project>.jsonl`` is the record we keep. The file
only ever grows in information: an annotation updated in Label Studio keeps its earlier version in
``history``, one deleted in Label Studio is marked ``deleted`` (never dropped), and pulling again with no
change rewrites nothing, so the file stays byte-identical. The records come from ``claimstance.labelstudio``
(an export of the server or a downloaded file, already parsed and pseudonymised).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimstance import io
from claimstance.errors import EmptyInputError, ExportFormatError, InputError, RecordError
from claimstance.schema import Annotation, AnnotationLabels, AnnotationRevision

LABEL_FIELDS: tuple[str, ...] = tuple(AnnotationLabels.model_fields)


def _revision(record: Annotation) -> AnnotationRevision:
    values = {field: getattr(record, field) for field in LABEL_FIELDS}
    return AnnotationRevision(
        **values, updated_at=record.updated_at, lead_time=record.lead_time, cancelled=record.cancelled
    )


def _content(record: Annotation) -> tuple[object, ...]:
    """What makes a new version: any label, the skipped flag, or Label Studio's update time."""
    return (*(getattr(record, f) for f in LABEL_FIELDS), record.cancelled, record.updated_at)


def _order(record: Annotation) -> tuple[str, int, int, str]:
    return (record.project, record.ls_task_id, record.ls_annotation_id, record.id)


def merge(previous: Iterable[Annotation], pulled: Iterable[Annotation]) -> list[Annotation]:
    """Combine the records we keep with a fresh pull; nothing is lost, and the order is deterministic.

    * new in ``pulled``: added;
    * changed (labels, skip flag or ``updated_at``): the pulled version, with the previous one appended to
      ``history``;
    * unchanged: the pulled version with the previous history (so a repeated pull changes nothing);
    * in ``previous`` but not in ``pulled``: kept and marked ``deleted`` (un-marked if it comes back).

    ``pulled`` must be the whole project: anything it lacks is taken as deleted in Label Studio.
    Records are sorted by project, task id and annotation id.
    """
    kept: dict[str, Annotation] = {}
    for record in previous:
        if record.id in kept:
            raise RecordError(f"annotation {record.id!r} appears twice in the annotations file")
        kept[record.id] = record
    merged: dict[str, Annotation] = {}
    for new in pulled:
        if new.id in merged:
            raise ExportFormatError(f"annotation {new.ls_annotation_id} appears twice", task_id=new.ls_task_id)
        old = kept.get(new.id)
        if old is None:
            merged[new.id] = new
        elif _content(old) == _content(new):
            merged[new.id] = new.model_copy(update={"history": old.history})
        else:
            merged[new.id] = new.model_copy(update={"history": [*old.history, _revision(old)]})
    for ident, old in kept.items():
        if ident not in merged:
            merged[ident] = old if old.deleted else old.model_copy(update={"deleted": True})
    return sorted(merged.values(), key=_order)


def _made(record: Annotation) -> tuple[float, int]:
    return (record.created_at.timestamp() if record.created_at else float("inf"), record.ls_annotation_id)


def flag_independence(records: Iterable[Annotation]) -> list[Annotation]:
    """Mark each record ``beyond_overlap``, ``repeated_annotator`` and ``influenced``, per unit, in order made.

    A unit's live annotations (neither skipped nor deleted) from its first ``designed_overlap`` annotators
    are within the design; a later one was made after the unit had left the label stream (through the data
    manager, where others' labels show) and is flagged, kept, and left out of independent-only figures.
    With designed assignment (records with an ``assigned_pass``) a unit counts one annotation per pass: a
    second one in a pass already done is beyond the design, and one by an author who already labelled the
    unit in another pass is a ``repeated_annotator``. An annotation is ``influenced`` when it is any of these
    or a suggestion was shown; ``None`` where neither is known (records pulled before schema 1.1).
    """
    ordered = list(records)
    counted: dict[str, list[str]] = {}
    passes: dict[str, set[int]] = {}
    beyond: set[str] = set()
    repeated: set[str] = set()
    for record in sorted(ordered, key=_made):
        if record.cancelled or record.deleted or record.designed_overlap is None:
            continue
        annotators = counted.setdefault(record.unit_id, [])
        done = passes.setdefault(record.unit_id, set())
        if record.assigned_pass is not None and record.annotator in annotators:
            repeated.add(record.id)
        elif record.annotator in annotators:
            annotators.append(record.annotator)
        elif record.assigned_pass in done or len(annotators) >= record.designed_overlap:
            beyond.add(record.id)
        else:
            annotators.append(record.annotator)
            done.update([record.assigned_pass] if record.assigned_pass is not None else [])
    flagged = []
    for record in ordered:
        extra, again = record.id in beyond, record.id in repeated
        known = record.designed_overlap is not None or record.suggestion_shown is not None
        influenced = (extra or again or bool(record.suggestion_shown)) if known else None
        update = {"beyond_overlap": extra, "repeated_annotator": again, "influenced": influenced}
        flagged.append(record.model_copy(update=update))
    return flagged


def read_annotations(path: str | Path, *, missing_ok: bool = False, required: bool = False) -> list[Annotation]:
    """Read an annotations JSONL file; with ``missing_ok`` a file that does not exist yet reads as empty.

    With ``required``, a file without annotations is an ``EmptyInputError`` (nothing pulled yet).
    """
    if missing_ok and not Path(path).exists():
        return []
    records = list(io.read_jsonl(path, Annotation))
    if required and not records:
        raise EmptyInputError("no annotations", path=path, hint="pull first")
    return records


def _render(records: Iterable[Annotation]) -> str:
    return "".join(io.dump_record(record) + "\n" for record in records)


def write_annotations(path: str | Path, records: Iterable[Annotation]) -> bool:
    """Write records as JSON Lines atomically; return False (and leave the file alone) when nothing changed."""
    text = _render(records)
    target = Path(path)
    if target.is_file() and target.read_bytes() == text.encode("utf-8"):
        return False
    io.write_text_atomic(target, text)
    return True


@dataclass(frozen=True)
class PullSummary:
    """What a pull changed in the annotations file."""

    path: Path
    total: int
    added: int
    updated: int
    deleted: int
    unchanged: int
    cancelled: int
    written: bool
    incomplete: list[int] = field(default_factory=list)
    """Task ids of annotations that leave a required target empty (kept, listed in ``missing_targets``)."""
    beyond_overlap: int = 0
    """Annotations made after their unit had its designed overlap (kept, flagged)."""
    repeated: int = 0
    """Annotations of a unit their author had already labelled in another pass (kept, flagged)."""


def update_pass_annotations(path: str | Path, pulled: Iterable[Annotation]) -> PullSummary:
    """Merge the pulled records of every pass of a project into its annotations file, in memory.

    Designed assignment gives a unit one task in each of its passes, so its independence flags need all of
    its tasks at once: unlike :func:`update_annotations`, which holds one task at a time, this reads the
    whole file. ``pulled`` is read completely before anything is written, so a bad export leaves the file
    untouched.
    """
    if Path(path).is_dir():
        raise InputError("is a folder, not an annotations file", path=path)
    previous = {r.id: r for r in read_annotations(path, missing_ok=True)}
    records = list(pulled)
    merged = flag_independence(merge(previous.values(), records))
    added = updated = deleted = unchanged = 0
    for record in merged:
        old = previous.get(record.id)
        if old is None:
            added += 1
        elif record.deleted and not old.deleted:
            deleted += 1
        elif record == old:
            unchanged += 1
        else:
            updated += 1
    written = write_annotations(path, merged)
    live = [r for r in merged if not r.deleted]
    cancelled = sum(1 for r in live if r.cancelled)
    incomplete = sorted({r.ls_task_id for r in live if r.missing_targets})
    beyond = sum(1 for r in live if r.beyond_overlap)
    repeated = sum(1 for r in live if r.repeated_annotator)
    return PullSummary(
        Path(path), len(merged), added, updated, deleted, unchanged, cancelled, written, incomplete, beyond, repeated
    )


# The file is written by dump_record: compact JSON, fields in model order, sorted by task. A top-level key is
# preceded by ',' (inside a string a quote is escaped); revisions in 'history' end with 'cancelled', so only a
# record's own flags read ',"cancelled":true,"deleted":false,'.
_TASK_ID = re.compile(rb',"ls_task_id":(\d+),')
_LIVE_CANCELLED = b',"cancelled":true,"deleted":false,'


class _Unchanged(Exception):
    """Raised inside the atomic writer to drop its temporary file: the merge wrote what the file holds."""


def _task_lines(path: Path) -> Iterator[tuple[int, list[tuple[int, bytes]]]]:
    """The file's lines grouped by task (numbered from 1), if it is sorted by task; else raises ``_Unsorted``."""
    group: list[tuple[int, bytes]] = []
    current = -1
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            found = _TASK_ID.search(line)
            if found is None or int(found.group(1)) < current:
                raise _Unsorted
            task = int(found.group(1))
            if task != current and group:
                yield current, group
                group = []
            current = task
            group.append((number, line))
    if group:
        yield current, group


class _Unsorted(Exception):
    """The annotations file is not one this module wrote (sorted by task): it is merged in memory instead."""


def _sorted_by_task(path: Path) -> bool:
    try:
        for _ in _task_lines(path):
            pass
    except _Unsorted:
        return False
    return True


def _previous_groups(path: Path) -> Iterator[tuple[int, list[Annotation], bytes]]:
    """The records already in the file, a task at a time, with the bytes they take there."""
    if not path.is_file():
        return
    if _sorted_by_task(path):
        for task, lines in _task_lines(path):
            records = [
                io.validate_record(
                    Annotation, io.parse_json(line.decode("utf-8"), path=path, line=number), path=path, line=number
                )
                for number, line in lines
            ]
            yield task, records, b"".join(line for _, line in lines)
        return
    # not sorted (another tool wrote it): read it whole, and never take the merge's output as unchanged
    records = sorted(read_annotations(path), key=lambda r: (r.ls_task_id, _order(r)))
    for task, group in itertools.groupby(records, key=lambda r: r.ls_task_id):
        yield task, list(group), b"\0"


def _pulled_groups(pulled: Iterator[Annotation]) -> Iterator[tuple[int, list[Annotation]]]:
    last = -1
    for task, group in itertools.groupby(pulled, key=lambda r: r.ls_task_id):
        if task <= last:
            raise ExportFormatError(f"the pulled records of task {task} are not in task order", task_id=task)
        last = task
        yield task, list(group)


def update_annotations(path: str | Path, pulled: Iterable[Annotation], *, ordered: bool = False) -> PullSummary:
    """Merge a whole project's pulled records into the annotations file at ``path`` and write it atomically.

    The file (sorted by task) and the pulled records are merged a task at a time, so memory holds one task's
    records, not the project's, when ``pulled`` comes ``ordered`` by task id (as a full pull's chunked export
    does; else it is sorted in memory first). A unit's annotations are one task's (push makes one task per
    unit), so the independence flags come out as :func:`flag_independence` over the whole file gives them.
    The file is written to a temporary file renamed over it at the end: a bad export or a bad line in the
    file raises and leaves the file as it was; a merge that changes nothing leaves it untouched.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError("is a folder, not an annotations file", path=target)
    stream = iter(pulled) if ordered else iter(sorted(pulled, key=_order))
    previous, fresh = _previous_groups(target), _pulled_groups(stream)
    old, new = next(previous, None), next(fresh, None)
    total = added = updated = deleted = cancelled = beyond = repeated = 0
    incomplete: list[int] = []
    same = True
    try:
        with io.atomic_writer(target, "wb") as out:
            while old is not None or new is not None:
                task = min(group[0] for group in (old, new) if group is not None)
                in_file, in_pull = old is not None and old[0] == task, new is not None and new[0] == task
                kept, before = (old[1], old[2]) if old is not None and in_file else ([], b"")
                records = new[1] if new is not None and in_pull else []
                merged = flag_independence(merge(kept, records))
                text = "".join(io.dump_record(record) + "\n" for record in merged).encode("utf-8")
                out.write(text)
                same = same and text == before
                earlier = {r.id: r for r in kept}
                for record in merged:
                    was = earlier.get(record.id)
                    added += was is None
                    deleted += was is not None and record.deleted and not was.deleted
                    updated += was is not None and not (record.deleted and not was.deleted) and record != was
                live = [r for r in merged if not r.deleted]
                cancelled += sum(r.cancelled for r in live)
                beyond += sum(r.beyond_overlap for r in live)
                repeated += sum(r.repeated_annotator for r in live)
                incomplete += [task] if any(r.missing_targets for r in live) else []
                total += len(merged)
                if in_file:
                    old = next(previous, None)
                if in_pull:
                    new = next(fresh, None)
            if same and target.is_file():
                raise _Unchanged
    except _Unchanged:
        pass
    unchanged = total - added - updated - deleted
    return PullSummary(
        target, total, added, updated, deleted, unchanged, cancelled, not same, incomplete, beyond, repeated
    )


def update_changed(
    path: str | Path, pulled: Iterable[Annotation], changed_tasks: set[int], gone_tasks: set[int]
) -> PullSummary:
    """Merge the records of ``changed_tasks`` only (an incremental pull) as a full pull would merge them.

    Every task not in ``changed_tasks`` is taken as unchanged since the last pull: a full pull would leave its
    records exactly as they are, so their lines are copied without being parsed, and the changed tasks' lines
    are found by bisection (the file must be one this module wrote, sorted by task: the caller checks its
    hash). The tasks in ``gone_tasks`` were deleted in Label Studio. The file written is byte for byte the one
    a full pull would write, in time that grows with the change rather than the project (independence flags
    depend only on a unit's own annotations, so the changed tasks' records are flagged as a full pull would).
    The summary's ``incomplete`` and ``beyond_overlap`` speak of the changed tasks only.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError("is a folder, not an annotations file", path=target)
    data = target.read_bytes() if target.is_file() else b""
    lines = data.splitlines(keepends=True)

    def task_of(line: bytes) -> int:
        found = _TASK_ID.search(line)
        if found is None:
            raise RecordError("not a line this version of claimstance wrote", path=target)
        return int(found.group(1))

    spans = {}
    touched: list[Annotation] = []
    for task in sorted(changed_tasks | gone_tasks):
        low = bisect.bisect_left(lines, task, key=task_of)
        high = bisect.bisect_right(lines, task, lo=low, key=task_of)
        spans[task] = (low, high)
        for number in range(low, high):
            value = io.parse_json(lines[number].decode("utf-8"), path=target, line=number + 1)
            touched.append(io.validate_record(Annotation, value, path=target, line=number + 1))
    previous = {r.id: r for r in touched}
    merged = flag_independence(merge(touched, pulled))
    by_task: dict[int, list[Annotation]] = {}
    added = updated = deleted = 0
    for record in merged:
        by_task.setdefault(record.ls_task_id, []).append(record)
        old = previous.get(record.id)
        added += old is None
        deleted += old is not None and record.deleted and not old.deleted
        updated += old is not None and not (record.deleted and not old.deleted) and record != old
    pieces: list[bytes] = []
    position = 0
    for task in sorted(by_task.keys() | spans.keys()):
        low, high = spans.get(task) or (bisect.bisect_left(lines, task, key=task_of),) * 2
        pieces += lines[position:low]
        pieces += [(io.dump_record(r) + "\n").encode("utf-8") for r in by_task.get(task, [])]
        position = max(position, high)
    pieces += lines[position:]
    text = b"".join(pieces)
    written = text != data
    if written:
        io.write_bytes_atomic(target, text)
    total = len(lines) - len(touched) + len(merged)
    cancelled = text.count(_LIVE_CANCELLED)
    unchanged = total - added - updated - deleted
    live = [r for r in merged if not r.deleted]
    incomplete = sorted({r.ls_task_id for r in live if r.missing_targets})
    beyond = sum(1 for r in live if r.beyond_overlap)
    return PullSummary(target, total, added, updated, deleted, unchanged, cancelled, written, incomplete, beyond)
