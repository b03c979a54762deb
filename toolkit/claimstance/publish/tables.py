"""The published rows as Arrow tables, built column by column from the records as they stream past.

Values go straight from the models into column lists, which become Arrow record batches every
:data:`CHUNK` rows, so Python objects never pile up. Per annotation only its label codes are kept, and per
unit and annotator the key and recency of the latest annotation (the choice ``schema.current_annotations``
makes, without keeping the records). Annotators' comments are not published, and e-mail addresses and
tokens are removed from speaker corrections.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from claimstance import config
from claimstance.errors import PublishError
from claimstance.publish.card import EMAIL
from claimstance.publish.features import features
from claimstance.schema import (
    SPEAKER_TARGET,
    STANCE_TARGETS,
    Annotation,
    Attribution,
    ClaimUnit,
    Document,
    GoldLabel,
    GoldOrigin,
    LabelEnum,
    UnitKind,
    recency,
)

if TYPE_CHECKING:
    import pyarrow as pa

CHUNK = 20_000
"""Rows gathered as Python objects before they become an Arrow record batch (bounds publish's memory)."""


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


_DocFields = tuple[str | None, str | None, str | None, str | None]
"""A document's title, source, published date (ISO) and byline, as every unit row of it carries them."""


def _read_documents(documents: Iterable[Document]) -> dict[str, _DocFields]:
    docs: dict[str, _DocFields] = {}
    for doc in documents:
        if doc.id in docs:
            raise PublishError(f"document {doc.id!r} is given twice", hint="each document id must be unique")
        docs[doc.id] = (doc.title, doc.source, _iso(doc.published), doc.byline)
    return docs


SpeakerGold = dict[str, tuple[str | None, int]]
"""Per unit, its speaker gold (a name, ``unattributed``, or None when unresolved) and origin code."""


def _read_gold(gold: Iterable[GoldLabel]) -> tuple[dict[str, list[int]], SpeakerGold]:
    """Gold label and origin codes per unit: ``[label, origin]`` for each stance target in order, -1 if none;
    and the speaker gold per unit."""
    targets = list(STANCE_TARGETS)
    label_index = {t: _index(e) for t, e in STANCE_TARGETS.items()}
    origin_index = _index(GoldOrigin)
    golden: dict[str, list[int]] = {}
    speakers: SpeakerGold = {}
    for g in gold:
        if g.target == SPEAKER_TARGET:
            if g.unit_id in speakers:
                raise PublishError(f"two speaker gold labels for unit {g.unit_id!r}", hint="adjudicate again")
            speakers[g.unit_id] = (_scrub(g.label), origin_index[g.origin])
            continue
        if g.target not in label_index:
            continue  # is_claim has no column in DatasetRecord; annotators' answers are in `annotations`
        row = golden.setdefault(g.unit_id, [-1] * (2 * len(targets)))
        slot = 2 * targets.index(g.target)
        if row[slot + 1] != -1:
            raise PublishError(f"two gold labels for unit {g.unit_id!r} and {g.target}", hint="adjudicate again")
        row[slot] = -1 if g.label is None else label_index[g.target][g.label]
        row[slot + 1] = origin_index[g.origin]
    return golden, speakers


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
        cols["speaker_choice"].append(_scrub(a.speaker_choice))
        cols["speaker_shown"].append(a.speaker_shown)
        cols["lead_time"].append(a.lead_time)
        cols["created_at"].append(a.created_at)
        cols["updated_at"].append(a.updated_at)
        cols["cancelled"].append(a.cancelled)
        cols["designed_overlap"].append(a.designed_overlap)
        cols["beyond_overlap"].append(a.beyond_overlap)
        cols["suggestion_shown"].append(a.suggestion_shown)
        cols["influenced"].append(a.influenced)
        cols["assigned_pass"].append(a.assigned_pass)
        cols["repeated_annotator"].append(a.repeated_annotator)
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


def _propagated(codes: list[int]) -> list[int]:
    """A representative's gold codes as its duplicate carries them: each label marked ``propagated``."""
    mark = _index(GoldOrigin)[GoldOrigin.PROPAGATED]
    return [code if i % 2 == 0 or codes[i - 1] == -1 else mark for i, code in enumerate(codes)]


def _read_units(
    units: Iterable[ClaimUnit],
    docs: Mapping[str, _DocFields],
    golden: Mapping[str, list[int]],
    anns: _Annotations,
    propagate: Mapping[str, str],
    speakers: SpeakerGold,
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
        title, source, published, byline = docs[u.doc_id]
        speaker = u.speaker
        for name, value in (
            ("unit_id", u.id), ("doc_id", u.doc_id), ("doc_title", title), ("source", source),
            ("published", published), ("byline", byline), ("index", u.index), ("text", u.text), ("context", u.context),
            ("char_start", u.char_start), ("char_end", u.char_end), ("kind", kind_index[u.kind]),
            ("speaker_name", speaker.name), ("speaker_role", speaker.role),
            ("speaker_attribution", attribution_index[speaker.attribution]), ("speaker_cue", speaker.cue),
        ):  # fmt: skip
            cols[name].append(value)
        codes = golden.get(u.id)
        source = propagate.get(u.id) if codes is None else None  # a unit's own gold labels win
        if source not in golden and source not in speakers:
            source = None  # its annotated unit has no gold label yet: nothing to carry
        if codes is None:
            codes = _propagated(golden[source]) if source is not None and source in golden else no_gold
        speaker_gold, speaker_origin = speakers.get(u.id, (None, -1))
        if source is not None and source in speakers and u.id not in speakers:
            # dedup groups only units of one speaker, so the representative's speaker gold holds for its copies
            # (an unresolved one stays unresolved, as a stance label does)
            speaker_gold, speaker_origin = speakers[source]
            if speaker_gold is not None:
                speaker_origin = _index(GoldOrigin)[GoldOrigin.PROPAGATED]
        cols["speaker_gold"].append(speaker_gold)
        cols["speaker_gold_origin"].append(speaker_origin)
        for i, t in enumerate(targets):
            cols[t].append(codes[2 * i])
            cols[f"{t}_origin"].append(codes[2 * i + 1])
        cols["propagated_from"].append(source)
        current = anns.per_unit.get(u.id, ())
        cols["annotators"].append([name for name, _ in current])
        for t in targets:
            column = anns.labels[t]
            cols[f"{t}_annotations"].append([column[r] for _, r in current])
        batches.added()
    if not seen:
        raise PublishError("no units to publish", hint="segment documents first")
    unknown = sorted((set(golden) | set(speakers)) - seen)
    if unknown:
        raise PublishError(
            f"gold label for unit {unknown[0]!r}, which is not among the units ({len(unknown)} unit(s) in all)",
            hint="publish with the units file the annotations were made on",
        )
    orphan = next(((m, s) for m, s in propagate.items() if m not in seen or s not in seen), None)
    if orphan is not None:
        raise PublishError(
            f"unit {orphan[0]!r} is a near-duplicate of unit {orphan[1]!r}, and the units lack "
            f"{orphan[0] if orphan[0] not in seen else orphan[1]!r}",
            hint="pass the units that dedup read as --units, and the duplicates file it wrote for them",
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


def build_tables(
    units: Iterable[ClaimUnit],
    documents: Iterable[Document],
    annotations: Iterable[Annotation],
    gold: Iterable[GoldLabel],
    propagate: Mapping[str, str] | None = None,
) -> dict[str, pa.Table]:
    """Both configs as Arrow tables, each input read once (documents, gold, annotations, units), sorted.

    ``propagate`` maps a near-duplicate's unit id to its representative's: a duplicate without gold labels of
    its own gets the representative's, with origin ``propagated`` and ``propagated_from`` set.
    """
    docs = _read_documents(documents)
    golden, speakers = _read_gold(gold)
    anns = _read_annotations(annotations)
    unit_table = _read_units(units, docs, golden, anns, propagate or {}, speakers)
    tables = {"units": unit_table, "annotations": _finish_annotations(anns, unit_table)}
    keys = {"units": ("doc_id", "index", "unit_id"), "annotations": ("unit_id", "annotator", "id")}
    return {name: t.sort_by([(k, "ascending") for k in keys[name]]) for name, t in tables.items()}


def count_emails(table: pa.Table) -> int:
    """Rows of a ``units`` table whose text holds an e-mail address."""
    import pyarrow.compute as pc

    return int(pc.sum(pc.match_substring_regex(table["text"], EMAIL.pattern)).as_py() or 0)
