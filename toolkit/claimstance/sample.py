"""Sample stage: draw the batch to annotate from a corpus of units, and record how it was drawn.

Researchers rarely annotate every unit: they keep the relevant ones (a keyword rule, or the predictions of a
model), spread the batch over sources and months so that no outlet or period dominates, fix its size and seed,
and say all of this in the dataset card so that readers know what the labels represent. :func:`draw` does the
drawing and :class:`SamplingReport` is the record; :func:`card_section` renders the report for the card and
:func:`check_frame` refuses to publish a batch that is a part of the corpus without one.

The draw is reproducible and does not depend on the order or sharding of the input: every unit gets a priority,
a hash of the seed and its id, and each stratum keeps the units of smallest priority (a uniform sample without
replacement of that stratum). Sizes per stratum are proportional to the strata's sizes (largest remainders) or
equal (each stratum as many as it can give, the rest shared among the others).
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimstance.errors import InputError, PublishError
from claimstance.schema import SCHEMA_VERSION, ClaimUnit, Document, Duplicate, Prediction, label_of

Allocation = Literal["proportional", "equal"]
UNKNOWN = "unknown"
"""A stratum value the unit or its document does not give."""

UNIT_FIELDS: dict[str, Callable[[ClaimUnit], str | None]] = {
    "kind": lambda u: u.kind.value,
    "speaker": lambda u: u.speaker.name,
    "attribution": lambda u: u.speaker.attribution.value,
    "doc_id": lambda u: u.doc_id,
}
DOCUMENT_FIELDS: dict[str, Callable[[Document], str | None]] = {
    "source": lambda d: d.source,
    "month": lambda d: d.published.isoformat()[:7] if d.published else None,
    "year": lambda d: d.published.isoformat()[:4] if d.published else None,
    "author": lambda d: d.author,
    "seed_file": lambda d: d.seed_file,
}
"""Fields a sample can be stratified by: the unit's own, and its document's (``--documents`` needed)."""


class Cell(BaseModel):
    """One stratum: its values, how many relevant units it holds, how many were drawn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stratum: dict[str, str]
    population: int = Field(ge=0)
    sampled: int = Field(ge=0)


class SamplingReport(BaseModel):
    """How a batch was drawn from its corpus: what the dataset card states as the sampling frame."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: str = SCHEMA_VERSION
    corpus_units: int = Field(ge=0, description="Units read from the corpus.")
    duplicates_removed: int = Field(ge=0, description="Units left out as near-duplicates of a unit kept.")
    relevance: str = Field(description="The relevance rule, in words ('none': every unit is relevant).")
    relevant_units: int = Field(ge=0, description="Units the rule kept: the population sampled.")
    strata: list[str] = Field(description="Fields the population was stratified by (none: one stratum).")
    allocation: Allocation
    size: int = Field(ge=1, description="Units asked for.")
    seed: int
    sampled: int = Field(ge=0, description="Units drawn (fewer than asked when the population is smaller).")
    cells: list[Cell]
    batch: str = Field(description="File name of the batch of units written.")
    batch_sha256: str = Field(description="SHA-256 of the batch file, to tell a changed batch.")


# ------------------------------------------------------------------------------------------------ the frame


def check_strata(fields: Iterable[str], *, documents: bool) -> list[str]:
    """The strata fields, checked: known, and document fields only with documents."""
    chosen = list(fields)
    for name in chosen:
        if name not in UNIT_FIELDS and name not in DOCUMENT_FIELDS:
            known = ", ".join([*UNIT_FIELDS, *DOCUMENT_FIELDS])
            raise InputError(f"cannot stratify by {name!r}", hint=f"use one of: {known}")
        if name in DOCUMENT_FIELDS and not documents:
            raise InputError(f"stratifying by {name!r} needs the documents", hint="pass --documents DOCUMENTS.jsonl")
    return chosen


def document_values(document: Document, fields: Iterable[str]) -> dict[str, str | None]:
    """A document's values of the document fields among ``fields`` (what the draw keeps of a document)."""
    return {name: DOCUMENT_FIELDS[name](document) for name in fields if name in DOCUMENT_FIELDS}


def stratum(unit: ClaimUnit, fields: list[str], document: Mapping[str, str | None] | None) -> tuple[str, ...]:
    """The unit's values of the strata fields (:data:`UNKNOWN` where neither it nor its document gives one)."""
    values: list[str] = []
    for name in fields:
        value = UNIT_FIELDS[name](unit) if name in UNIT_FIELDS else (document or {}).get(name)
        values.append(value or UNKNOWN)
    return tuple(values)


def keyword_rule(pattern: str) -> tuple[Callable[[ClaimUnit], bool], str]:
    """Relevant: the unit's text matches the regular expression (case-insensitive); and the rule in words."""
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"not a regular expression: {pattern!r} ({exc})", hint="fix --match") from None
    return (lambda unit: compiled.search(unit.text) is not None), f"text matches /{pattern}/i"


def every_unit(_unit: ClaimUnit) -> bool:
    """No relevance filter: every unit is relevant."""
    return True


def prediction_rule(
    predictions: Mapping[str, Prediction], *, min_score: float = 0.0
) -> tuple[Callable[[ClaimUnit], bool], str]:
    """Relevant: a prediction gives the unit a stance other than ``not_applicable`` on a target."""
    models = sorted({p.model_version for p in predictions.values()})

    def relevant(unit: ClaimUnit) -> bool:
        prediction = predictions.get(unit.id)
        if prediction is None or (prediction.score is not None and prediction.score < min_score):
            return False
        stances = (
            label_of(prediction, target) for target in ("stance_territorial_integrity", "stance_election_fairness")
        )
        return any(label not in (None, "not_applicable") for label in stances)

    rule = f"predictions of {', '.join(models) or 'no model'} give a stance other than not_applicable"
    return relevant, rule + (f" with a score of at least {min_score:g}" if min_score else "")


# ------------------------------------------------------------------------------------------------ the draw


def priority(seed: int, unit_id: str) -> int:
    """A unit's place in the draw: the same seed and id give the same number on any machine."""
    return int.from_bytes(hashlib.blake2b(f"{seed}\x1f{unit_id}".encode(), digest_size=8).digest(), "big")


def allocate(
    populations: Mapping[tuple[str, ...], int], size: int, allocation: Allocation
) -> dict[tuple[str, ...], int]:
    """How many units each stratum gives, ``size`` in all (or every unit when there are fewer).

    Proportional: ``size * population / total``, rounded by largest remainders (ties to the first stratum in
    sorted order). Equal: each stratum the same share, a small stratum all it has and the rest shared out.
    """
    strata = sorted(populations)
    total = sum(populations.values())
    if total <= size:
        return dict(populations)
    if allocation == "proportional":
        exact = {s: size * populations[s] / total for s in strata}
        sizes = {s: int(exact[s]) for s in strata}
        order = sorted(strata, key=lambda s: (-(exact[s] - sizes[s]), s))
        for s in order[: size - sum(sizes.values())]:
            sizes[s] += 1
        return sizes
    sizes = dict.fromkeys(strata, 0)
    left, open_strata = size, [s for s in strata if populations[s] > 0]
    while left and open_strata:
        share, extra = divmod(left, len(open_strata))
        for i, s in enumerate(open_strata):
            sizes[s] += min(share + (i < extra), populations[s] - sizes[s])
        left = size - sum(sizes.values())
        open_strata = [s for s in open_strata if sizes[s] < populations[s]]
    return sizes


def draw(
    units: Iterable[tuple[str, tuple[str, ...]]], *, size: int, seed: int, allocation: Allocation
) -> tuple[set[str], dict[tuple[str, ...], tuple[int, int]]]:
    """Draw ``size`` unit ids from ``(id, stratum)`` pairs; return them and, per stratum, (population, drawn).

    Memory: at most ``size`` ids per stratum, however many units stream past.
    """
    heaps: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    populations: dict[tuple[str, ...], int] = {}
    for unit_id, key in units:
        populations[key] = populations.get(key, 0) + 1
        heap = heaps.setdefault(key, [])
        entry = (-priority(seed, unit_id), unit_id)  # a max-heap of the smallest priorities
        if len(heap) < size:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
    sizes = allocate(populations, size, allocation)
    chosen: set[str] = set()
    for key, heap in heaps.items():
        chosen.update(unit_id for _, unit_id in heapq.nlargest(sizes[key], heap))
    return chosen, {key: (populations[key], sizes[key]) for key in sorted(populations)}


def draw_batch(
    units: Iterable[ClaimUnit],
    *,
    size: int,
    seed: int,
    strata: list[str],
    allocation: Allocation,
    documents: Iterable[Document] = (),
    relevance: tuple[Callable[[ClaimUnit], bool], str] = (every_unit, "none"),
    duplicates: Iterable[Duplicate] = (),
) -> tuple[set[str], SamplingReport]:
    """Draw from a stream of units (read once); return the ids drawn and the report (without the batch's name).

    ``duplicates`` are left out of the population and counted; ``documents`` give the document fields.
    """
    docs = {d.id: document_values(d, strata) for d in documents}
    dropped = {d.unit_id for d in duplicates}
    rule, rule_text = relevance
    seen = {"corpus": 0, "dropped": 0}

    def population() -> Iterator[tuple[str, tuple[str, ...]]]:
        for unit in units:
            seen["corpus"] += 1
            if unit.id in dropped:
                seen["dropped"] += 1
            elif rule(unit):
                yield unit.id, stratum(unit, strata, docs.get(unit.doc_id))

    chosen, cells = draw(population(), size=size, seed=seed, allocation=allocation)
    report = SamplingReport(
        corpus_units=seen["corpus"] + len(dropped) - seen["dropped"],  # the input may be dedup's kept units
        duplicates_removed=len(dropped),
        relevance=rule_text,
        relevant_units=sum(n for n, _ in cells.values()),
        strata=strata,
        allocation=allocation,
        size=size,
        seed=seed,
        sampled=len(chosen),
        cells=[
            Cell(stratum=dict(zip(strata, key, strict=True)), population=n, sampled=k) for key, (n, k) in cells.items()
        ],
        batch="",
        batch_sha256="",
    )
    return chosen, report


def report_path(batch: str | Path) -> Path:
    """Where ``sample`` writes the report of a batch: ``<batch without .jsonl>.sampling.json`` beside it."""
    p = Path(batch)
    return p.with_name(f"{p.name.removesuffix('.jsonl')}.sampling.json")


def read_report(batch: str | Path) -> SamplingReport | None:
    """The sampling report beside ``batch`` (:func:`report_path`), or None when there is none."""
    path = report_path(batch)
    if not path.is_file():
        return None
    try:
        return SamplingReport.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise PublishError(
            f"not a sampling report ({where}: {first['msg']})", path=path, hint="draw the batch again"
        ) from None


# ------------------------------------------------------------------------------------------------ the card


def card_section(report: SamplingReport, *, max_cells: int = 40) -> str:
    """The dataset card's section on the sampling frame, in Markdown (pure)."""
    strata = " × ".join(report.strata) if report.strata else "none (one stratum)"
    lines = [
        "## Sampling frame",
        "",
        "The annotated units are a sample of a larger corpus, drawn with `claimstance sample`.",
        "",
        "| | |",
        "| --- | --- |",
        f"| corpus | {report.corpus_units:,} units |",
        f"| near-duplicates left out | {report.duplicates_removed:,} (not drawn; those repeating a sampled unit are"
        " published with its labels) |",
        f"| relevance filter | {report.relevance} ({report.relevant_units:,} units kept) |",
        f"| strata | {strata}, {report.allocation} allocation |",
        f"| sample | {report.sampled:,} units (asked for {report.size:,}), seed {report.seed} |",
    ]
    if report.strata:
        lines += ["", f"| {' | '.join(report.strata)} | relevant units | sampled |"]
        lines.append("| " + " | ".join(["---"] * len(report.strata)) + " | ---: | ---: |")
        for cell in report.cells[:max_cells]:
            values = " | ".join(cell.stratum[name] for name in report.strata)
            lines.append(f"| {values} | {cell.population:,} | {cell.sampled:,} |")
        if len(report.cells) > max_cells:
            rest = report.cells[max_cells:]
            lines.append(
                f"| and {len(rest):,} more strata |{' |' * (len(report.strata) - 1)}"
                f" {sum(c.population for c in rest):,} | {sum(c.sampled for c in rest):,} |"
            )
    return "\n".join(lines) + "\n"


def check_frame(
    report: SamplingReport | None, *, batch: str | Path, batch_sha256: str, batch_units: int, corpus_units: int
) -> None:
    """Refuse to publish a batch that is a part of the corpus with no report, or that changed since its draw.

    Raises :class:`~claimstance.errors.PublishError` naming the report the batch needs.
    """
    where = report_path(batch)
    if report is None:
        if batch_units < corpus_units:
            raise PublishError(
                f"{batch} holds {batch_units:,} of the corpus's {corpus_units:,} units, and no sampling report "
                "says how they were chosen",
                path=where,
                hint="draw the batch with 'claimstance sample', which writes the report, or publish every unit",
            )
        return
    if report.sampled != batch_units:
        raise PublishError(
            f"{batch} holds {batch_units:,} units, and its sampling report says {report.sampled:,} were drawn",
            path=where,
            hint="pass the batch the report describes, or draw it again with 'claimstance sample'",
        )
    if report.batch_sha256 != batch_sha256:
        raise PublishError(
            f"{batch} changed after it was sampled (its SHA-256 is not the report's)",
            path=where,
            hint="draw the batch again with 'claimstance sample'",
        )
