"""What a publish releases: the sampling frame checked, the units and their near-duplicates, the gold labels.

This module wires the stages that ``publish`` needs (``sample``'s frame, ``agree``, ``adjudicate``, ``predict``'s
baseline, the ``publish`` package) so that :func:`claimstance.api.publish` stays a facade; like
:mod:`claimstance.pipeline` it sits between ``api`` and the stages.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimstance import adjudicate as _adjudicate
from claimstance import agree as _agree
from claimstance import io, labelstudio, layout, sample
from claimstance import publish as _publish
from claimstance import schema as _schema
from claimstance.errors import InputError, PublishError
from claimstance.predict import evaluate, predict_units
from claimstance.publish.card import CardInfo, read_card_info
from claimstance.schema import Annotation, ClaimUnit, Document


def build(
    out: str | Path,
    *,
    units: str | Path,
    documents: str | Path,
    directory: str | Path,
    batch: str | Path | None,
    duplicates: str | Path | None,
    seed: int,
    n_boot: int,
    guidelines: str | Path | None,
    projects: Sequence[str] | None,
) -> _publish.PublishReport:
    """Build the dataset folder ``out`` (see :func:`claimstance.api.publish` for what it holds and refuses)."""
    if not Path(units).exists():
        raise InputError("no such file", path=units, hint=f"make it with 'claimstance segment {documents} -o {units}'")
    release = _release(units, batch, duplicates)
    made_by = f"make it with 'claimstance ingest SEEDS -o {documents}'"
    docs = io.read_jsonl(documents, Document, missing_hint=made_by)
    info = read_card_info(layout.card_path(directory))
    if info.guidelines_version == CardInfo().guidelines_version:
        codebook = labelstudio.read_guidelines(guidelines)
        info = dataclasses.replace(info, guidelines_version=_schema.guidelines_version(codebook))
    files, review_files = layout.project_files(directory, projects)
    annotations: list[Annotation] = []  # agreement and gold labels need them all
    for path in files:
        records = list(io.read_jsonl(path, Annotation))
        _schema.check_no_orphans(records, release.annotated, path=path, units=release.batch or units)
        annotations += records
    if release.batch is None:
        _forgotten_batch(units, {a.unit_id for a in annotations if not a.deleted})
    agreement = _agree.agreement(annotations, seed=seed, n_boot=n_boot).to_dict() if annotations else None
    gold = _adjudicate.gold_labels(annotations, [r for p in review_files for r in io.read_jsonl(p, Annotation)])
    if agreement is not None:  # the card states the baseline's figures, so nobody mistakes it for a model
        agreement["baseline_macro_f1"] = _baseline(units, gold)
    return _publish.build_dataset(
        out,
        units=_published_units(units, release),
        documents=docs,
        annotations=annotations,
        gold=gold,
        agreement=agreement,
        seed=seed,
        card_info=info,
        propagate=release.propagate,
        frame=release.frame,
    )


@dataclass(frozen=True)
class _Release:
    """Which units a publish writes: the ids annotators saw, near-duplicates to label, the card's frame."""

    annotated: set[str]
    """Ids annotations may name: the batch's, or every unit's."""
    propagate: dict[str, str]
    frame: str | None
    batch: Path | None


def _release(units: str | Path, batch: str | Path | None, duplicates: str | Path | None) -> _Release:
    """What to publish, with the sampling frame checked (see :func:`build`)."""
    files = layout.unit_files(units)
    if batch is None and not Path(units).is_dir() and sample.report_path(units).is_file():
        batch = units  # sample wrote these units: they are a batch, whatever option named them
    dups = list(io.read_jsonl(duplicates, _schema.Duplicate)) if duplicates else []
    if batch is None:
        return _Release({u.id for f in files for u in io.read_jsonl(f, ClaimUnit)}, _duplicates(dups, None), None, None)
    made_by = "draw it with 'claimstance sample'"
    ids = {u.id for u in io.read_jsonl(batch, ClaimUnit, missing_hint=made_by)}
    report = sample.read_report(batch)
    # the corpus size decides only without a report (a batch of every unit needs none): count it only then
    corpus = len(ids) if report else sum(1 for f in files for _ in io.read_jsonl(f, ClaimUnit))
    digest = hashlib.sha256(Path(batch).read_bytes()).hexdigest()
    sample.check_frame(report, batch=batch, batch_sha256=digest, batch_units=len(ids), corpus_units=corpus)
    if report and report.duplicates_removed and duplicates is None:
        raise PublishError(
            f"{report.duplicates_removed:,} near-duplicates were left out of the sample of {batch}, and no "
            "duplicates file says whose labels they carry",
            path=sample.report_path(batch),
            hint="pass --duplicates with the file 'claimstance dedup' wrote, and the units it read as --units",
        )
    return _Release(ids, _duplicates(dups, ids), sample.card_section(report) if report else None, Path(batch))


def _duplicates(dups: list[_schema.Duplicate], batch: set[str] | None) -> dict[str, str]:
    """Near-duplicate -> representative, for the representatives annotated (every one without a batch)."""
    return {
        d.unit_id: d.duplicate_of for d in dups if batch is None or (d.duplicate_of in batch and d.unit_id not in batch)
    }


def _published_units(units: str | Path, release: _Release) -> Iterator[ClaimUnit]:
    """The units to publish, streamed: the batch and its near-duplicates, or every unit; a batch unit missing stops."""
    records = (u for f in layout.unit_files(units) for u in io.read_jsonl(f, ClaimUnit))
    if release.batch is None:
        yield from records
        return
    wanted, found = release.annotated | set(release.propagate), set()
    for unit in records:
        if unit.id in wanted:
            found.add(unit.id)
            yield unit
    missing = sorted(release.annotated - found)
    if missing:
        raise PublishError(
            f"{release.batch} holds unit {missing[0]!r}, which {units} does not hold ({len(missing):,} in all)",
            hint="pass the units the batch was drawn from (or the units dedup read) as --units",
        )


def _forgotten_batch(units: str | Path, annotated: set[str]) -> None:
    """Refuse to publish a whole corpus when every annotation is on a batch that ``sample`` drew beside it.

    Beside: a ``*.sampling.json`` report (and its batch) in the folder that holds ``units`` (file or folder).
    """
    folder = Path(units).parent  # the folder holding the units file, or the folder of shards
    for report in sorted(folder.glob("*.sampling.json")):
        batch = report.with_name(report.name.removesuffix(".sampling.json") + ".jsonl")
        if not annotated or not batch.is_file() or sample.read_report(batch) is None:
            continue
        if annotated <= {u.id for u in io.read_jsonl(batch, ClaimUnit)}:
            raise PublishError(
                f"every annotation is on a unit of {batch}, a sample of {units} drawn by 'claimstance sample'",
                path=report,
                hint=f"pass --batch {batch}, and the card will state how it was drawn",
            )


def _baseline(units: str | Path, gold: list[_schema.GoldLabel]) -> dict[str, dict[str, float | int | None]]:
    """The keyword baseline's macro-F1 per target against ``gold`` (as ``predict --evaluate`` prints it)."""
    decided = {g.unit_id for g in gold}
    decided_units = (u for f in layout.unit_files(units) for u in io.read_jsonl(f, ClaimUnit) if u.id in decided)
    predictions = predict_units(decided_units)
    return {t: {"macro_f1": f1, "n_units": n} for t, (f1, n) in evaluate(predictions, gold).items()}
