"""Publish: a folder in the Hugging Face Hub's layout that ``datasets.load_dataset(folder)`` reads.

The folder holds Parquet files for two configs and a ``README.md`` dataset card, no loading script::

    README.md                               card: YAML metadata (configs, features, split sizes) + body
    units/train-<hash>.parquet ...          one row per unit (``schema.DatasetRecord``), the default config
    annotations/train-<hash>.parquet ...    one row per annotation, in the split of its unit's document

Decisions a researcher should know:

- **Every unit is published**, claims and non-claims (headings, greetings, datelines), with ``kind`` as a
  ``ClassLabel`` to filter on: claim detection is part of the data.
- **Near-duplicates carry their representative's gold labels** (origin ``propagated``, ``propagated_from``
  naming the annotated unit) when the caller maps them; a sample's frame is a card section the caller renders.
- **Features come from the schema** (:mod:`.features`): a label enum becomes a ``ClassLabel`` in its
  declared order, a list of labels a ``Sequence(ClassLabel)``; ``-1`` is a missing label.
- **Splits are by document** (:mod:`.splits`): a document's units, and their annotations, are all in one
  split. Too few documents give fewer splits, with a note, rather than a leak.
- **Data file names carry a hash of their content**: ``datasets`` caches a local folder by its file
  paths, not their contents (a changed file with the same name loads stale rows), so a changed dataset
  gets new paths and the old files are removed.
- **Privacy**: annotators appear only as pseudonyms (an ``@`` in one stops the build); annotators'
  comments are not published; e-mail addresses and tokens are removed from speaker corrections
  (:mod:`.tables`); the card is checked for e-mail addresses, tokens and local paths before it is written
  (:mod:`.card`). Source texts are published verbatim (offsets must stay exact); units whose text holds an
  e-mail address are counted in a note.

The package's modules: :mod:`.features`, :mod:`.splits`, :mod:`.tables` (rows as Arrow tables),
:mod:`.card` and :mod:`.card_body` (the dataset card), :mod:`.hub` (upload). Only this package imports
``datasets`` (and ``huggingface_hub``), inside the functions that use them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimstance import io
from claimstance.errors import PublishError
from claimstance.publish.card import CardInfo, check_card_info, check_card_text, is_published, metadata
from claimstance.publish.card_body import render_body
from claimstance.publish.check import check_dataset
from claimstance.publish.features import ANNOTATION_EXCLUDED, CONFIGS, features
from claimstance.publish.hub import push_to_hub
from claimstance.publish.splits import SPLIT_NAMES, by_split, check_ratios, split_documents, split_notes
from claimstance.publish.tables import build_tables, count_emails
from claimstance.schema import Annotation, ClaimUnit, Document, GoldLabel

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "ANNOTATION_EXCLUDED",
    "CONFIGS",
    "SPLIT_NAMES",
    "CardInfo",
    "PublishReport",
    "build_dataset",
    "check_dataset",
    "features",
    "push_to_hub",
    "split_documents",
]

ROW_GROUP_SIZE = 10_000
"""Rows per Parquet row group: small enough for the Hub's viewer to page through, large enough to compress."""


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
    propagated: int = 0
    """Rows of the ``units`` config carrying a near-duplicate's propagated gold labels."""


def _parquet_bytes(table: pa.Table) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, row_group_size=ROW_GROUP_SIZE, compression="zstd")
    return bytes(sink.getvalue())


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise PublishError("exists and is not a folder", path=out, hint="pass a new or empty folder")
    if out.is_dir() and any(out.iterdir()) and not is_published(out):
        raise PublishError(
            "folder is not empty and was not written by claimstance publish",
            path=out,
            hint="pass a new or empty folder",
        )


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
    propagate: Mapping[str, str] | None = None,
    frame: str | None = None,
) -> PublishReport:
    """Write the dataset folder (Parquet per config and split, ``README.md`` card) and report what was written.

    Inputs are streamed once each (documents, gold, annotations, then units), so generators reading JSONL
    files keep memory low. Nothing is written until every input and the card have been checked; the card
    is written after the data files, so a crash leaves the previous dataset loadable; stale data files of
    an earlier publish are removed last.

    ``propagate`` maps each near-duplicate (unit id) to the annotated unit whose gold labels it carries;
    ``frame`` is the card's "Sampling frame" section (Markdown) when the units are a sample of a corpus.
    """
    out = Path(out_dir)
    info = card_info or CardInfo()
    check_ratios(ratios)
    check_card_info(info)
    _check_out_dir(out)
    whole = build_tables(units, documents, annotations, gold, propagate)
    per_doc = {row["values"]: row["counts"] for row in whole["units"]["doc_id"].value_counts().to_pylist()}
    doc_ids = sorted(per_doc)
    splits = split_documents(doc_ids, seed, ratios, sizes=per_doc)
    notes = split_notes(len(doc_ids), splits, ratios)
    tables = {name: by_split(table, splits) for name, table in whole.items()}
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
    emails = sum(count_emails(t) for t in tables["units"].values())
    if emails:
        notes.append(f"{emails} unit text(s) quote an e-mail address from the source text; published verbatim")

    blobs: dict[str, bytes] = {}
    for config_name, parts in tables.items():
        for split, table in parts.items():
            data = _parquet_bytes(table)
            blobs[f"{config_name}/{split}-{hashlib.sha256(data).hexdigest()[:16]}.parquet"] = data
    body = render_body(
        tables, splits=splits, seed=seed, ratios=ratios, notes=notes, agreement=agreement, info=info, frame=frame
    )
    card = f"---\n{metadata(tables, blobs, info).rstrip()}\n---\n{body}"
    check_card_text(card, out)
    for rel, data in blobs.items():
        io.write_bytes_atomic(out / rel, data)
    io.write_text_atomic(out / "README.md", card)
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
        propagated=sum(len(t) - t["propagated_from"].null_count for t in tables["units"].values()),
        notes=notes,
    )
