"""The API from texts to units: ingest, segment (one process or datatrove), dedup, sample, predict, validate, schema."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from claimstance import io, layout
from claimstance import schema as _schema
from claimstance.errors import ClaimstanceError, EmptyInputError
from claimstance.schema import ClaimUnit, Document, GoldLabel, Prediction

if TYPE_CHECKING:
    from claimstance.sample import SamplingReport

T = TypeVar("T")
Tracker = Callable[[Iterable[T]], Iterable[T]]

RECORD_MODELS = _schema.RECORD_MODELS
"""Record types that live in JSONL files, by the name ``claimstance validate --model`` takes."""

count_lines = io.count_lines


def _identity(items: Iterable[T]) -> Iterable[T]:
    return items


def ingest(seeds: Iterable[str | Path], out: str | Path, *, progress: Tracker[Document] | None = None) -> int:
    """Ingest seed files or folders into a documents JSONL file; return the number of documents."""
    from claimstance.ingest import ingest_paths

    track = progress or _identity
    seeds = list(seeds)
    empty = EmptyInputError("no documents found", path=", ".join(str(s) for s in seeds))
    return io.write_jsonl(out, track(ingest_paths(seeds)), empty=empty)


def segment(
    inputs: str | Path | Iterable[str | Path],
    out: str | Path,
    *,
    workers: int = 1,
    tasks: int | None = None,
    fmt: Literal["jsonl", "parquet"] = "jsonl",
    executor: Literal["local", "ray"] = "local",
) -> int:
    """Segment documents (or seed pages, ingested on the way) into claim units; return the number of units.

    ``inputs``: a documents JSONL file, seed ``.txt`` files, documents as JSON Lines or Parquet, or folders of
    them, local or fsspec URLs. ``out`` ending in ``.jsonl`` is one file (the same bytes for any ``workers``);
    otherwise a folder of shards. Runs as a datatrove pipeline (:mod:`claimstance.pipeline`) with ``workers``
    processes, or on the Ray cluster ``ray.init()`` finds. A failed run leaves ``out`` untouched and keeps its
    finished shards: running it again redoes only the failed ones.
    """
    from claimstance.pipeline import segment_corpus

    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    return segment_corpus(paths, out, workers=workers, tasks=tasks, fmt=fmt, executor=executor)


def submit_segment(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    partition: str,
    time: str = "4:00:00",
    tasks: int | None = None,
    fmt: Literal["jsonl", "parquet"] = "jsonl",
    venv: str | None = None,
) -> Path:
    """Submit the segment pipeline as a Slurm job array writing shards into ``out``; return its sbatch script."""
    from claimstance.pipeline import slurm_script

    return slurm_script(inputs, out, tasks=tasks, fmt=fmt, partition=partition, time=time, venv=venv)


@dataclass(frozen=True)
class DedupSummary:
    """What ``dedup`` read and wrote."""

    units: int
    kept: int
    duplicates: int
    groups: int
    out: Path
    duplicates_path: Path


def dedup(units: str | Path, out: str | Path, *, duplicates: str | Path | None = None) -> DedupSummary:
    """Group near-duplicate units (:mod:`claimstance.dedup`): representatives to ``out``, the others to ``duplicates``.

    ``duplicates`` (default ``<out>.duplicates.jsonl``) holds one ``Duplicate`` per unit left out, naming the
    representative whose labels it carries. ``out`` keeps the input's order.
    """
    import tempfile

    from claimstance import dedup as _dedup

    files = layout.unit_files(units)
    ids: list[str] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool:

        def spooled() -> Iterator[ClaimUnit]:
            # each unit is kept as the line write_jsonl writes, so the second pass copies lines, not records
            for unit in (u for f in files for u in io.read_jsonl(f, ClaimUnit)):
                spool.write(io.dump_record(unit) + "\n")
                ids.append(unit.id)
                yield unit

        found = list(_dedup.find_duplicates(spooled()))
        if not ids:
            raise EmptyInputError("no units", path=units)
        dropped = {d.unit_id for d in found}
        spool.seek(0)
        with io.atomic_writer(out) as fh:
            fh.writelines(line for ident, line in zip(ids, spool, strict=True) if ident not in dropped)
    path = Path(duplicates) if duplicates else _dedup.duplicates_path(out)
    kept = len(ids) - len(found)
    io.write_jsonl(path, found)
    groups = len({d.duplicate_of for d in found})
    return DedupSummary(kept + len(found), kept, len(found), groups, Path(out), path)


def sample(
    units: str | Path,
    out: str | Path,
    *,
    size: int,
    seed: int = 0,
    strata: Iterable[str] = (),
    allocation: Literal["proportional", "equal"] = "proportional",
    documents: str | Path | None = None,
    match: str | None = None,
    predictions: str | Path | None = None,
    min_score: float = 0.0,
    duplicates: str | Path | None = None,
) -> SamplingReport:
    """Draw the batch to annotate (:mod:`claimstance.sample`): units to ``out``, the report beside it.

    Relevance is ``match`` (a regular expression) or ``predictions`` (a stance other than not_applicable),
    or every unit; ``duplicates`` (from ``dedup``) are left out and counted. The report goes to
    ``<out>.sampling.json``; the batch keeps the input's order.
    """
    import hashlib

    from claimstance import sample as _sample

    files = layout.unit_files(units)
    fields = _sample.check_strata(strata, documents=documents is not None)
    relevance: tuple[Callable[[ClaimUnit], bool], str] = (_sample.every_unit, "none")
    if match is not None:
        relevance = _sample.keyword_rule(match)
    elif predictions is not None:
        preds = {p.unit_id: p for p in io.read_jsonl(predictions, Prediction)}
        relevance = _sample.prediction_rule(preds, min_score=min_score)
    chosen, report = _sample.draw_batch(
        (u for path in files for u in io.read_jsonl(path, ClaimUnit)),
        size=size,
        seed=seed,
        strata=fields,
        allocation=allocation,
        documents=io.read_jsonl(documents, Document) if documents else (),
        relevance=relevance,
        duplicates=io.read_jsonl(duplicates, _schema.Duplicate) if duplicates else (),
    )
    if not chosen:
        raise EmptyInputError("no unit to draw from", path=units, hint=f"check the relevance rule ({report.relevance})")
    io.write_jsonl(out, (u for path in files for u in io.read_jsonl(path, ClaimUnit) if u.id in chosen))
    digest = hashlib.sha256(Path(out).read_bytes()).hexdigest()
    report = report.model_copy(update={"batch": Path(out).name, "batch_sha256": digest})
    io.write_text_atomic(_sample.report_path(out), report.model_dump_json(indent=2) + "\n")
    return report


def validate(path: str | Path, *, model: str | None = None) -> tuple[int, list[ClaimstanceError]]:
    """Check every record of a JSONL file; return the number of good records and one error per bad line.

    Unlike the stage readers, this keeps going after a bad line so a user can fix them all at once (see
    :func:`io.check_jsonl`). ``model`` is a name of :data:`RECORD_MODELS`; by default the record type is
    recognised from the first record.
    """
    return io.check_jsonl(path, RECORD_MODELS[model] if model else None)


def schema_export(directory: str | Path = "schema") -> list[Path]:
    """Write the generated schema files (JSON Schemas, labels, labeling config) into ``directory``."""
    from claimstance import labelstudio, schema_files

    return schema_files.export(directory, labelstudio.generated_files())


def schema_check(directory: str | Path = "schema") -> None:
    """Raise :class:`~claimstance.errors.SchemaDriftError` with a diff when ``directory`` is out of date."""
    from claimstance import labelstudio, schema_files

    schema_files.check(directory, labelstudio.generated_files())


def predict(units: str | Path, out: str | Path) -> int:
    """Write keyword-baseline pre-annotations (``Prediction`` JSONL) for a units file; return the count."""
    from claimstance.predict import predict_units

    return io.write_jsonl(out, predict_units(io.read_jsonl_checked(units, ClaimUnit)))


def evaluate_predictions(units: str | Path, gold: str | Path) -> dict[str, tuple[float | None, int]]:
    """The keyword baseline's macro-F1 per target (and units compared) against a gold-labels file."""
    from claimstance.predict import evaluate, predict_units

    return evaluate(predict_units(io.read_jsonl_checked(units, ClaimUnit)), io.read_jsonl(gold, GoldLabel))
