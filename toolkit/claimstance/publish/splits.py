"""Document splits: a document's units, and their annotations, are all in one split.

Too few documents give fewer splits, with a note, rather than a document divided between two.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from claimstance.errors import PublishError

if TYPE_CHECKING:
    import pyarrow as pa

SPLIT_NAMES = ("train", "validation", "test")


def check_ratios(ratios: Sequence[float]) -> list[float]:
    """The split ratios as floats; refuse anything but 1 to 3 numbers >= 0 summing to 1, with train > 0."""
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
    weights = check_ratios(ratios)
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


def split_notes(n_docs: int, splits: Mapping[str, list[str]], ratios: Sequence[float]) -> list[str]:
    """What the card says when a split asked for by ``ratios`` was not written (too few documents)."""
    missing = [f"{name} ({w:g})" for name, w in zip(SPLIT_NAMES, ratios, strict=False) if w > 0 and name not in splits]
    if not missing:
        return []
    return [
        f"only {n_docs} document(s): no {' or '.join(missing)} split, which would get less than half a "
        "document; documents are never divided between splits, so their share went to the splits written"
    ]


def by_split(table: pa.Table, splits: Mapping[str, list[str]]) -> dict[str, pa.Table]:
    """The rows of ``table`` in each split, by their ``doc_id``; splits with no rows are left out."""
    import pyarrow as pa
    import pyarrow.compute as pc

    out: dict[str, pa.Table] = {}
    for name, doc_ids in splits.items():
        part = table.filter(pc.is_in(table["doc_id"], value_set=pa.array(doc_ids, pa.string())))
        if part.num_rows:
            out[name] = part.combine_chunks()
    return out
