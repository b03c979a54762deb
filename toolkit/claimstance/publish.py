"""Publish: a folder in the Hugging Face Hub's layout that ``datasets.load_dataset(folder)`` reads.

The folder holds Parquet files for two configs and a ``README.md`` dataset card, no loading script::

    README.md                               card: YAML metadata (configs, features, split sizes) + body
    units/train-<hash>.parquet ...          one row per unit (``schema.DatasetRecord``), the default config
    annotations/train-<hash>.parquet ...    one row per annotation, in the split of its unit's document

Decisions a researcher should know:

- **Every unit is published**, claims and non-claims (headings, greetings, datelines), with ``kind`` as a
  ``ClassLabel`` to filter on: claim detection is part of the data.
- **Features come from the schema**: each field of ``DatasetRecord`` (and of ``Annotation``, less the
  Label Studio internals in :data:`ANNOTATION_EXCLUDED`) is mapped by its type; a label enum becomes a
  ``ClassLabel`` in its declared order, a list of labels a ``Sequence(ClassLabel)``. A missing label is
  ``-1`` (the ``ClassLabel`` convention); in the per-annotator lists ``-1`` means the annotator left that
  target empty, so the lists stay aligned with ``annotators``.
- **Splits are by document** (:func:`split_documents`): a document's units, and their annotations, are
  all in one split. Too few documents give fewer splits, with a note, rather than a leak.
- **Data file names carry a hash of their content**: ``datasets`` caches a local folder by its file
  paths, not their contents (a changed file with the same name loads stale rows), so a changed dataset
  gets new paths and the old files are removed.
- **Privacy**: annotators appear only as pseudonyms (an ``@`` in one stops the build); annotators'
  comments are not published; e-mail addresses and tokens are removed from speaker corrections; the card
  is checked for e-mail addresses, tokens and local paths before it is written. Source texts are
  published verbatim (offsets must stay exact); units whose text holds an e-mail address are counted in
  a note.

Only this module imports ``datasets`` (and ``huggingface_hub``), inside the functions that use them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import types
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from claimstance import config
from claimstance.card import EMAIL, MARKER, SPLIT_NAMES, CardInfo, check_card_text, describe, render_body
from claimstance.errors import PublishError
from claimstance.schema import (
    SCHEMA_VERSION,
    STANCE_TARGETS,
    Annotation,
    Attribution,
    ClaimUnit,
    DatasetRecord,
    Document,
    GoldLabel,
    GoldOrigin,
    LabelEnum,
    UnitKind,
    recency,
)

if TYPE_CHECKING:
    import pyarrow as pa
    from datasets import Features

__all__ = [
    "ANNOTATION_EXCLUDED",
    "CONFIGS",
    "SPLIT_NAMES",
    "CardInfo",
    "PublishReport",
    "build_dataset",
    "features",
    "push_to_hub",
    "split_documents",
]

CONFIGS = ("units", "annotations")
_TRUE = {"1", "ON", "YES", "TRUE"}
CHUNK = 20_000
"""Rows gathered as Python objects before they become an Arrow record batch (bounds publish's memory)."""
ROW_GROUP_SIZE = 10_000
"""Rows per Parquet row group: small enough for the Hub's viewer to page through, large enough to compress."""
ANNOTATION_EXCLUDED: dict[str, str] = {
    "schema_version": "the same on every row; the card gives it",
    "project": "a Label Studio project title, local to the team",
    "ls_project_id": "Label Studio's internal id",
    "ls_task_id": "Label Studio's internal id",
    "ls_annotation_id": "Label Studio's internal id",
    "comment": "free text written for the adjudicator; it may hold personal information",
    "deleted": "annotations deleted in Label Studio are not published",
    "ground_truth": "a Label Studio flag that claimstance does not use",
    "history": "earlier versions of an annotation are kept in the project, not published",
}
"""Fields of ``schema.Annotation`` left out of the ``annotations`` config, and why."""

_ANNOTATION_ADDED: dict[str, tuple[type, str]] = {
    "doc_id": (str, "Document of the unit; the annotation is in that document's split."),
    "counted": (bool, "True for the annotation that counts: not skipped, the annotator's latest on the unit."),
}


@dataclass(frozen=True)
class PublishReport:
    """What :func:`build_dataset` wrote."""

    out_dir: Path
    splits: dict[str, list[str]]
    """Document ids per split."""
    rows: dict[str, dict[str, int]]
    """Rows per config and split."""
    files: list[str]
    """Files written, relative to ``out_dir``."""
    removed: list[str] = field(default_factory=list)
    """Data files of an earlier publish that were removed (relative to ``out_dir``)."""
    notes: list[str] = field(default_factory=list)


# ---- features ---------------------------------------------------------------------------------------------


def _feature(annotation: Any) -> Any:
    from datasets import ClassLabel, Sequence, Value

    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _feature(args[0])
    elif origin is list:
        return Sequence(_feature(get_args(annotation)[0]))
    elif isinstance(annotation, type) and issubclass(annotation, LabelEnum):
        return ClassLabel(names=annotation.names())
    simple = {bool: "bool", int: "int64", float: "float64", str: "string", datetime: "timestamp[us, tz=UTC]"}
    if annotation in simple:
        return Value(simple[annotation])
    raise TypeError(f"no dataset feature for the schema type {annotation!r}")


def _annotation_fields() -> dict[str, tuple[Any, str | None]]:
    # Who annotated what first, then the labels and the rest in the schema's order.
    fields = {
        n: (i.annotation, i.description) for n, i in Annotation.model_fields.items() if n not in ANNOTATION_EXCLUDED
    }
    first = {n: fields.pop(n) for n in ("id", "unit_id")} | {"doc_id": _ANNOTATION_ADDED["doc_id"]}
    first["annotator"] = fields.pop("annotator")
    return first | fields | {"counted": _ANNOTATION_ADDED["counted"]}


def _schema_fields(config_name: str) -> dict[str, tuple[Any, str | None]]:
    if config_name == "units":
        return {name: (info.annotation, info.description) for name, info in DatasetRecord.model_fields.items()}
    if config_name == "annotations":
        return _annotation_fields()
    raise PublishError(f"unknown config {config_name!r}", hint=f"use one of {', '.join(CONFIGS)}")


def features(config_name: str) -> Features:
    """The ``datasets.Features`` of a config (``units`` or ``annotations``), derived from the schema models."""
    from datasets import Features

    return Features({name: _feature(kind) for name, (kind, _) in _schema_fields(config_name).items()})


def _field_rows(config_name: str) -> list[tuple[str, str, str]]:
    """(name, type, description) of every field of a config, for the card."""
    rows = []
    for name, feature in features(config_name).items():
        inner = getattr(feature, "feature", None)
        if inner is not None:
            kind = f"Sequence({'ClassLabel' if hasattr(inner, 'names') else inner.dtype})"
        else:
            kind = "ClassLabel" if hasattr(feature, "names") else str(feature.dtype)
        rows.append((name, kind, describe(config_name, name, _schema_fields(config_name)[name][1])))
    return rows


# ---- splits -----------------------------------------------------------------------------------------------


def _check_ratios(ratios: Sequence[float]) -> list[float]:
    weights = [float(w) for w in ratios]
    if not 1 <= len(weights) <= len(SPLIT_NAMES) or any(w < 0 or math.isnan(w) for w in weights):
        raise PublishError(f"ratios {tuple(weights)} must be 1 to 3 numbers >= 0", hint="e.g. (0.8, 0.1, 0.1)")
    if weights[0] <= 0 or abs(sum(weights) - 1) > 1e-6:
        raise PublishError(f"ratios {tuple(weights)} must sum to 1 with train > 0", hint="e.g. (0.8, 0.1, 0.1)")
    return weights


def split_documents(
    doc_ids: Iterable[str],
    seed: int = 0,
    ratios: Sequence[float] = (0.8, 0.1, 0.1),
    *,
    sizes: Mapping[str, int] | None = None,
) -> dict[str, list[str]]:
    """Assign whole documents to ``train``/``validation``/``test`` by ``ratios``; deterministic for a seed.

    Which splits exist depends on the number of documents: a split is written only when ``round(n * ratio)``
    documents is at least one (train always), so too few documents give fewer splits, never a document
    divided between two. Documents are taken in an order fixed by a hash of (seed, id), so the order of
    ``doc_ids`` does not matter; validation, then test, take each document that brings them closer to their
    share of ``sizes`` (units per document, 1 each when not given), at least one each, and train takes the
    rest, so the ratios hold for units even when documents differ in length.
    Returns ``{split: sorted doc ids}``, non-empty splits only.
    """
    weights = _check_ratios(ratios)
    remaining = sorted(set(doc_ids), key=lambda d: (hashlib.sha256(f"{seed}\x1f{d}".encode()).digest(), d))
    n = len(remaining)
    counts = [math.floor(n * w + 0.5) for w in weights[1:]]
    for i in reversed(range(len(counts))):  # the last split gives way first so that train keeps a document
        counts[i] -= min(counts[i], max(0, sum(counts) - (n - 1)))
    others = [(name, w) for name, w, c in zip(SPLIT_NAMES[1:], weights[1:], counts, strict=False) if c > 0]
    weight = {d: max(1, sizes.get(d, 1)) if sizes else 1 for d in remaining}
    total = sum(weight.values()) / (weights[0] + sum(w for _, w in others))
    result: dict[str, list[str]] = {}
    for k, (name, w) in enumerate(others):
        later = len(others) - k  # splits still to fill after this one, train included: each keeps a document
        taken: list[str] = []
        filled = 0
        for d in remaining:
            if filled + weight[d] / 2 < w * total and len(remaining) - len(taken) > later:
                taken.append(d)
                filled += weight[d]
        chosen = set(taken or [min(remaining, key=lambda d: weight[d])])
        result[name] = sorted(chosen)
        remaining = [d for d in remaining if d not in chosen]
    if remaining:
        result = {SPLIT_NAMES[0]: sorted(remaining), **result}
    return result


def _split_notes(n_docs: int, splits: Mapping[str, list[str]], ratios: Sequence[float]) -> list[str]:
    missing = [f"{name} ({w:g})" for name, w in zip(SPLIT_NAMES, ratios, strict=False) if w > 0 and name not in splits]
    if not missing:
        return []
    return [
        f"only {n_docs} document(s): no {' or '.join(missing)} split, which would get less than half a "
        "document; documents are never divided between splits, so their share went to the splits written"
    ]


# ---- rows -------------------------------------------------------------------------------------------------


def _scrub(text: str | None) -> str | None:
    """Annotators' free text without e-mail addresses or tokens."""
    if text is None:
        return None
    return config.redact(EMAIL.sub("[e-mail removed]", text))


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class _Batches:
    """Column lists that become Arrow record batches every :data:`CHUNK` rows, so Python objects never pile up."""

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.columns: dict[str, list[Any]] = {name: [] for name in schema.names}
        self.batches: list[pa.RecordBatch] = []
        self.rows = 0

    def added(self) -> None:
        self.rows += 1
        if self.rows % CHUNK == 0:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.columns[self.schema.names[0]]:
            self.batches.append(pa.RecordBatch.from_pydict(self.columns, schema=self.schema))
            for values in self.columns.values():
                values.clear()

    def table(self) -> pa.Table:
        import pyarrow as pa

        self.flush()
        return pa.Table.from_batches(self.batches, schema=self.schema)


def _index(enum: type[LabelEnum]) -> dict[Any, int]:
    # Enum members hash by name, not value, so members and strings need separate lookups.
    return {**{m: i for i, m in enumerate(enum)}, **{m.value: i for i, m in enumerate(enum)}}


def _read_documents(documents: Iterable[Document]) -> dict[str, tuple[str | None, str | None, str | None]]:
    docs: dict[str, tuple[str | None, str | None, str | None]] = {}
    for doc in documents:
        if doc.id in docs:
            raise PublishError(f"document {doc.id!r} is given twice", hint="each document id must be unique")
        docs[doc.id] = (doc.title, doc.source, _iso(doc.published))
    return docs


def _read_gold(gold: Iterable[GoldLabel]) -> dict[str, list[int]]:
    """Gold label and origin codes per unit: ``[label, origin]`` for each stance target in order, -1 if none."""
    targets = list(STANCE_TARGETS)
    label_index = {t: _index(e) for t, e in STANCE_TARGETS.items()}
    origin_index = _index(GoldOrigin)
    golden: dict[str, list[int]] = {}
    for g in gold:
        if g.target not in label_index:
            continue  # is_claim has no column in DatasetRecord; annotators' answers are in `annotations`
        row = golden.setdefault(g.unit_id, [-1] * (2 * len(targets)))
        slot = 2 * targets.index(g.target)
        if row[slot + 1] != -1:
            raise PublishError(f"two gold labels for unit {g.unit_id!r} and {g.target}", hint="adjudicate again")
        row[slot] = -1 if g.label is None else label_index[g.target][g.label]
        row[slot + 1] = origin_index[g.origin]
    return golden


@dataclass
class _Annotations:
    table: pa.Table
    """Every published annotation, without ``doc_id`` and ``counted`` (known only once units are read)."""
    counted: bytearray
    per_unit: dict[str, list[tuple[str, int]]]
    """(annotator, row) of the annotations that count, per unit."""
    labels: dict[str, array[int]]
    """Label codes per stance target, by row."""


def _read_annotations(annotations: Iterable[Annotation]) -> _Annotations:
    import pyarrow as pa

    targets = list(STANCE_TARGETS)
    label_index = {t: _index(e) for t, e in STANCE_TARGETS.items()}
    full = features("annotations").arrow_schema
    batches = _Batches(pa.schema([f for f in full if f.name not in ("doc_id", "counted")], metadata=full.metadata))
    cols = batches.columns
    labels = {t: array("b") for t in targets}
    best: dict[tuple[str, str], tuple[float, int, int]] = {}
    interned: dict[str, str] = {}
    for a in annotations:
        if a.deleted:
            continue
        if "@" in a.annotator:
            raise PublishError(
                f"annotation {a.id!r} names its annotator by e-mail, not by a pseudonym",
                hint="pull the annotations again with 'claimstance pull'",
            )
        row_no = batches.rows
        unit_id = interned.setdefault(a.unit_id, a.unit_id)
        annotator = interned.setdefault(a.annotator, a.annotator)
        cols["id"].append(a.id)
        cols["unit_id"].append(unit_id)
        cols["annotator"].append(annotator)
        for t in targets:
            value = getattr(a, t)
            code = -1 if value is None else label_index[t][value]
            cols[t].append(code)
            labels[t].append(code)
        cols["is_claim"].append(a.is_claim)
        cols["speaker_correction"].append(_scrub(a.speaker_correction))
        cols["lead_time"].append(a.lead_time)
        cols["created_at"].append(a.created_at)
        cols["updated_at"].append(a.updated_at)
        cols["cancelled"].append(a.cancelled)
        batches.added()
        if not a.cancelled:  # the same choice as schema.current_annotations, without keeping the records
            key = (unit_id, annotator)
            when = (*recency(a), -row_no)  # on a tie the earlier record stays, as in current_annotations
            if key not in best or when > best[key]:
                best[key] = when
    counted = bytearray(batches.rows)
    per_unit: dict[str, list[tuple[str, int]]] = {}
    for (unit_id, annotator), (_, _, negative_row) in sorted(best.items()):
        counted[-negative_row] = 1
        per_unit.setdefault(unit_id, []).append((annotator, -negative_row))
    return _Annotations(batches.table(), counted, per_unit, labels)


def _read_units(
    units: Iterable[ClaimUnit],
    docs: Mapping[str, tuple[str | None, str | None, str | None]],
    golden: Mapping[str, list[int]],
    anns: _Annotations,
) -> pa.Table:
    targets = list(STANCE_TARGETS)
    kind_index, attribution_index = _index(UnitKind), _index(Attribution)
    batches = _Batches(features("units").arrow_schema)
    cols = batches.columns
    seen: set[str] = set()
    no_gold = [-1] * (2 * len(targets))
    for u in units:
        if u.id in seen:
            raise PublishError(f"unit {u.id!r} is given twice", hint="segment the documents again")
        if u.doc_id not in docs:
            raise PublishError(f"unit {u.id!r} belongs to document {u.doc_id!r}, which is not among the documents")
        seen.add(u.id)
        title, source, published = docs[u.doc_id]
        speaker = u.speaker
        for name, value in (
            ("unit_id", u.id), ("doc_id", u.doc_id), ("doc_title", title), ("source", source),
            ("published", published), ("index", u.index), ("text", u.text), ("context", u.context),
            ("char_start", u.char_start), ("char_end", u.char_end), ("kind", kind_index[u.kind]),
            ("speaker_name", speaker.name), ("speaker_role", speaker.role),
            ("speaker_attribution", attribution_index[speaker.attribution]), ("speaker_cue", speaker.cue),
        ):  # fmt: skip
            cols[name].append(value)
        codes = golden.get(u.id, no_gold)
        for i, t in enumerate(targets):
            cols[t].append(codes[2 * i])
            cols[f"{t}_origin"].append(codes[2 * i + 1])
        current = anns.per_unit.get(u.id, ())
        cols["annotators"].append([name for name, _ in current])
        for t in targets:
            column = anns.labels[t]
            cols[f"{t}_annotations"].append([column[r] for _, r in current])
        batches.added()
    if not seen:
        raise PublishError("no units to publish", hint="segment documents first")
    unknown = sorted(set(golden) - seen)
    if unknown:
        raise PublishError(
            f"gold label for unit {unknown[0]!r}, which is not among the units ({len(unknown)} unit(s) in all)",
            hint="publish with the units file the annotations were made on",
        )
    return batches.table()


def _finish_annotations(anns: _Annotations, units: pa.Table) -> pa.Table:
    """Add each annotation's ``doc_id`` (from its unit) and ``counted``, in the features' column order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = anns.table
    where = pc.index_in(table["unit_id"], value_set=units["unit_id"])
    if where.null_count:
        missing = table["unit_id"].filter(pc.is_null(where)).unique()
        raise PublishError(
            f"annotation for unit {missing[0].as_py()!r}, which is not among the units ({len(missing)} unit(s) in all)",
            hint="publish with the units file the annotations were made on",
        )
    flags = pa.Array.from_buffers(pa.uint8(), len(anns.counted), [None, pa.py_buffer(bytes(anns.counted))])
    extra = {"doc_id": units["doc_id"].take(where), "counted": flags.cast(pa.bool_())}
    schema = features("annotations").arrow_schema
    return pa.Table.from_arrays([extra[n] if n in extra else table[n] for n in schema.names], schema=schema)


def _tables(
    units: Iterable[ClaimUnit],
    documents: Iterable[Document],
    annotations: Iterable[Annotation],
    gold: Iterable[GoldLabel],
) -> dict[str, pa.Table]:
    """Both configs as Arrow tables, each input read once (documents, gold, annotations, units), sorted."""
    docs = _read_documents(documents)
    golden = _read_gold(gold)
    anns = _read_annotations(annotations)
    unit_table = _read_units(units, docs, golden, anns)
    tables = {"units": unit_table, "annotations": _finish_annotations(anns, unit_table)}
    keys = {"units": ("doc_id", "index", "unit_id"), "annotations": ("unit_id", "annotator", "id")}
    return {name: t.sort_by([(k, "ascending") for k in keys[name]]) for name, t in tables.items()}


# ---- writing ----------------------------------------------------------------------------------------------


def _by_split(table: pa.Table, splits: Mapping[str, list[str]]) -> dict[str, pa.Table]:
    import pyarrow as pa
    import pyarrow.compute as pc

    out: dict[str, pa.Table] = {}
    for name, doc_ids in splits.items():
        part = table.filter(pc.is_in(table["doc_id"], value_set=pa.array(doc_ids, pa.string())))
        if part.num_rows:
            out[name] = part.combine_chunks()
    return out


def _parquet_bytes(table: pa.Table) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, row_group_size=ROW_GROUP_SIZE, compression="zstd")
    return bytes(sink.getvalue())


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise PublishError("exists and is not a folder", path=out, hint="pass a new or empty folder")
    if out.is_dir() and any(out.iterdir()) and not _is_ours(out):
        raise PublishError(
            "folder is not empty and was not written by claimstance publish",
            path=out,
            hint="pass a new or empty folder",
        )


def _is_ours(out: Path) -> bool:
    readme = out / "README.md"
    return readme.is_file() and MARKER in readme.read_text(encoding="utf-8", errors="replace")


def build_dataset(
    out_dir: str | Path,
    *,
    units: Iterable[ClaimUnit],
    documents: Iterable[Document],
    annotations: Iterable[Annotation],
    gold: Iterable[GoldLabel],
    agreement: Mapping[str, Any] | None = None,
    seed: int = 0,
    ratios: Sequence[float] = (0.8, 0.1, 0.1),
    card_info: CardInfo | None = None,
) -> PublishReport:
    """Write the dataset folder (Parquet per config and split, ``README.md`` card) and report what was written.

    Inputs are streamed once each (documents, gold, annotations, then units), so generators reading JSONL
    files keep memory low. Nothing is written until every input and the card have been checked; the card
    is written after the data files, so a crash leaves the previous dataset loadable; stale data files of
    an earlier publish are removed last.
    """
    out = Path(out_dir)
    info = card_info or CardInfo()
    _check_ratios(ratios)
    _check_card_info(info)
    _check_out_dir(out)
    whole = _tables(units, documents, annotations, gold)
    per_doc = {row["values"]: row["counts"] for row in whole["units"]["doc_id"].value_counts().to_pylist()}
    doc_ids = sorted(per_doc)
    splits = split_documents(doc_ids, seed, ratios, sizes=per_doc)
    notes = _split_notes(len(doc_ids), splits, ratios)
    tables = {name: _by_split(table, splits) for name, table in whole.items()}
    del whole
    if not tables["annotations"]:
        notes.append("no annotations: the 'annotations' config is left out")
        del tables["annotations"]
    else:
        notes += [
            f"no annotations in the {s} split of the 'annotations' config"
            for s in splits
            if s not in tables["annotations"]
        ]
    emails = sum(_count_emails(t) for t in tables["units"].values())
    if emails:
        notes.append(f"{emails} unit text(s) quote an e-mail address from the source text; published verbatim")

    blobs: dict[str, bytes] = {}
    for config_name, parts in tables.items():
        for split, table in parts.items():
            data = _parquet_bytes(table)
            blobs[f"{config_name}/{split}-{hashlib.sha256(data).hexdigest()[:16]}.parquet"] = data
    body = render_body(
        tables,
        fields={name: _field_rows(name) for name in CONFIGS},
        excluded=ANNOTATION_EXCLUDED,
        splits=splits,
        seed=seed,
        ratios=ratios,
        notes=notes,
        agreement=agreement,
        info=info,
    )
    card = f"---\n{_metadata(tables, blobs, info).rstrip()}\n---\n{body}"
    check_card_text(card, out)
    for rel, data in blobs.items():
        _write_bytes(out / rel, data)
    _write_bytes(out / "README.md", card.encode("utf-8"))
    removed: list[str] = []
    for config_name in CONFIGS:
        for path in sorted((out / config_name).glob("*.parquet")):
            if f"{config_name}/{path.name}" not in blobs:
                path.unlink()
                removed.append(f"{config_name}/{path.name}")
    return PublishReport(
        out_dir=out,
        splits=splits,
        rows={name: {split: t.num_rows for split, t in parts.items()} for name, parts in tables.items()},
        files=[*blobs, "README.md"],
        removed=removed,
        notes=notes,
    )


def _count_emails(table: pa.Table) -> int:
    import pyarrow.compute as pc

    return int(pc.sum(pc.match_substring_regex(table["text"], EMAIL.pattern)).as_py() or 0)


# ---- the dataset card -------------------------------------------------------------------------------------


def _check_card_info(info: CardInfo) -> None:
    from importlib.resources import files

    resources = files("datasets.utils.resources")
    creators = json.loads((resources / "creators.json").read_text(encoding="utf-8"))["annotations"]
    languages = json.loads((resources / "languages.json").read_text(encoding="utf-8"))
    bad = [c for c in info.annotations_creators if c not in creators] + [x for x in info.language if x not in languages]
    if bad:
        raise PublishError(f"card value {bad[0]!r} is not one the Hub accepts", hint="see CardInfo's docs")
    if info.license == "other" and not (info.license_name and info.license_link):
        raise PublishError("license 'other' needs license_name and license_link", hint="set them in CardInfo")


def _size_category(n: int) -> str:
    names = ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M"]
    return names[min(len(names) - 1, max(0, len(str(max(n, 1))) - 4))]


def _metadata(tables: Mapping[str, Mapping[str, pa.Table]], blobs: Mapping[str, bytes], info: CardInfo) -> str:
    from datasets import DatasetInfo, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict
    from datasets.utils.metadata import MetadataConfigs
    from huggingface_hub import DatasetCardData

    n_units = sum(t.num_rows for t in tables["units"].values())
    data = DatasetCardData(
        pretty_name=info.pretty_name,
        license=info.license,
        license_name=info.license_name,
        license_link=info.license_link,
        language=list(info.language),
        multilinguality=["monolingual" if len(info.language) == 1 else "multilingual"],
        size_categories=[_size_category(n_units)],
        source_datasets=["original"],
        task_categories=["text-classification"],
        task_ids=["multi-class-classification"],
        annotations_creators=list(info.annotations_creators),
        language_creators=["found"],
        tags=list(info.tags),
    )
    configs: dict[str, dict[str, Any]] = {}
    infos: dict[str, Any] = {}
    for name, parts in tables.items():
        paths = {rel.split("/")[1].split("-")[0]: rel for rel in blobs if rel.startswith(f"{name}/")}
        configs[name] = {"data_files": [{"split": s, "path": paths[s]} for s in SPLIT_NAMES if s in parts]}
        if name == "units":
            configs[name]["default"] = True
        split_dict = SplitDict()
        for s in SPLIT_NAMES:
            if s in parts:
                split_dict.add(SplitInfo(name=s, num_bytes=parts[s].nbytes, num_examples=parts[s].num_rows))
        infos[name] = DatasetInfo(
            features=features(name),
            splits=split_dict,
            download_size=sum(len(b) for rel, b in blobs.items() if rel.startswith(f"{name}/")),
            dataset_size=sum(t.nbytes for t in parts.values()),
        )
    MetadataConfigs(configs).to_dataset_card_data(data)
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return str(data.to_yaml())


# ---- Hub --------------------------------------------------------------------------------------------------


def push_to_hub(out_dir: str | Path, repo_id: str, token: str | None = None, *, private: bool | None = None) -> str:
    """Upload a published folder to the Hub as dataset ``repo_id``; return the commit URL.

    The token is the argument, else ``HF_TOKEN`` (read now), else the login saved by ``hf auth login``;
    it is never printed. ``HF_ENDPOINT`` (read now) points at another Hub; ``HF_HUB_OFFLINE`` (read now)
    stops the upload before any request. Data files the folder no longer has are deleted from the
    repository in the same commit. Any failure is one :class:`PublishError` line.
    """
    from huggingface_hub import HfApi, get_token
    from huggingface_hub import constants as hub_constants
    from huggingface_hub import errors as hub

    transport_error = getattr(hub, "HTTPError", OSError)  # the HTTP client's base error, as the Hub client names it

    out = Path(out_dir)
    if not _is_ours(out):
        raise PublishError("not a published dataset folder", path=out, hint="run 'claimstance publish --out DIR' first")
    if any(
        config.resolve(None, name, "").strip().upper() in _TRUE for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    ):
        raise PublishError("offline mode is on: nothing was uploaded", hint="unset HF_HUB_OFFLINE to upload")
    resolved = token or config.resolve(None, "HF_TOKEN", "") or get_token()
    if not resolved:
        raise PublishError("no Hugging Face token", hint="set HF_TOKEN to a token with write access")
    endpoint = config.resolve(None, "HF_ENDPOINT", "") or None
    api = HfApi(endpoint=endpoint, token=resolved)
    data = [f"{name}/*.parquet" for name in CONFIGS]
    # The Hub client reads HF_HUB_OFFLINE once, at import; the environment was checked just now instead.
    frozen, hub_constants.HF_HUB_OFFLINE = hub_constants.HF_HUB_OFFLINE, False
    try:
        api.create_repo(repo_id, repo_type="dataset", exist_ok=True, private=private)
        commit = api.upload_folder(
            repo_id=repo_id,
            folder_path=out,
            repo_type="dataset",
            allow_patterns=["README.md", *data],
            delete_patterns=data,
            commit_message=f"claimstance publish (schema {SCHEMA_VERSION})",
        )
    except hub.HFValidationError as exc:
        raise PublishError(f"invalid repository id {repo_id!r}: {exc}", hint="use 'owner/name'") from None
    except hub.HfHubHTTPError as exc:
        status = exc.response.status_code if exc.response is not None else None
        hint = "check that the token has write access" if status in (401, 403) else None
        raise PublishError(f"the Hub refused the upload to {repo_id} (HTTP {status})", hint=hint) from None
    except (transport_error, OSError) as exc:
        raise PublishError(
            f"cannot reach the Hub at {endpoint or 'huggingface.co'}: {type(exc).__name__}: {exc}",
            hint="check the network and HF_ENDPOINT",
        ) from None
    finally:
        hub_constants.HF_HUB_OFFLINE = frozen
    return str(getattr(commit, "commit_url", commit))
