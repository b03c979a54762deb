"""Dedup stage: group units that are the same claim up to small edits; one representative per group is annotated.

Wire copy repeats itself: one agency story reprinted by twenty outlets, with a new headline, a dateline added, a
sentence cut or a typo fixed, becomes twenty copies of most of its units. Two units are near-duplicates when

* they have the same ``kind`` and the same speaker name (the same words said by someone else are another claim),
* and their texts, lowercased with every run of punctuation and spaces as one space, have character 5-gram sets
  with a Jaccard similarity of at least :data:`THRESHOLD` (0.8), or one text's 5-grams lie at least
  :data:`CONTAINED` (0.9) inside the other's with a Jaccard similarity of at least :data:`FLOOR` (0.6): words
  added at one end, such as a dateline or "UPDATE:". One fixed typo in a 20-word sentence leaves about 0.93;
  two sentences of one template with other names and numbers usually fall below 0.7 and are not contained,
* and the facts of one text are all among the other's, facts being its numbers and its capitalised words after
  the first: "turnout was 45 percent" and "turnout was 54 percent", or "talks in Moscow" and "talks in Ankara",
  are two claims however alike (a dateline added before a sentence only adds facts). A capitalised word with a
  typo fixed still counts as the same fact; a number must be the same.

Finding the pairs without comparing every unit with every other is MinHash with LSH: each text gets
:data:`PERMUTATIONS` (48) min-hashes of its 5-grams, cut into :data:`BANDS` (16) bands of :data:`ROWS` (3);
units sharing a whole band (and kind and speaker) are candidates. A pair at similarity s shares a band with
probability ``1 - (1 - s**3)**16``: 0.99999 at 0.8, 0.88 at 0.5, 0.36 at 0.3. Candidates are then checked on
their exact 5-gram sets, so only pairs meeting the rule above are joined; groups are the connected pairs, and a
group's representative is its first unit in input order. Units whose normalised texts are equal are grouped
before any hashing (similarity 1).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from claimstance.schema import ClaimUnit, Duplicate

SHINGLE = 5
BANDS = 16
ROWS = 3
PERMUTATIONS = BANDS * ROWS
THRESHOLD = 0.8
CONTAINED = 0.9
FLOOR = 0.6
BATCH = 5_000
"""Texts hashed at a time (bounds the memory of the 5-gram arrays)."""

_NON_WORD = re.compile(r"[\W_]+")
_FACT = re.compile(r"\d+|\b[^\W\d_][\w'’-]*")
_MASK64 = (1 << 64) - 1
_rng = np.random.default_rng(20240902)  # fixed: the same units always give the same groups
_A = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)


def normalise(text: str) -> str:
    """The text as it is compared: lowercase, every run of spaces and punctuation one space."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def shingles(text: str) -> set[str]:
    """The character 5-grams of a normalised text (the whole text when it is shorter)."""
    if len(text) <= SHINGLE:
        return {text}
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """|a & b| / |a | b| (1 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def near(a: set[str], b: set[str]) -> bool:
    """Whether two 5-gram sets are near-duplicates by the module's rule (similar, or one inside the other)."""
    common = len(a & b)
    similarity = common / (len(a) + len(b) - common)
    return similarity >= THRESHOLD or (similarity >= FLOOR and common >= CONTAINED * min(len(a), len(b)))


def _mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """A 64-bit finaliser (splitmix64): nearby inputs give unrelated outputs."""
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def signatures(texts: list[str]) -> npt.NDArray[np.uint32]:
    """The MinHash signature (``PERMUTATIONS`` values) of each normalised text's byte 5-grams, vectorised.

    One hash per 5-gram, not one per permutation: the hash picks one of ``PERMUTATIONS`` bins and the signature
    keeps each bin's smallest value (one-permutation hashing); a bin no 5-gram fell in takes the value of the
    next filled bin to its right, shifted by the distance (densification), so two texts still agree on a bin
    with a probability close to their similarity.
    """
    out = np.empty((len(texts), PERMUTATIONS), dtype=np.uint32)
    empty = np.uint64(_MASK64)
    for first in range(0, len(texts), BATCH):
        encoded = [t.encode("utf-8").ljust(SHINGLE) for t in texts[first : first + BATCH]]
        lengths = np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded))
        data = np.frombuffer(b"".join(encoded) + b"\0" * SHINGLE, dtype=np.uint8).astype(np.uint64)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        size = int(lengths.sum())
        packed = data[:size].copy()
        for k in range(1, SHINGLE):  # the 5 bytes from each position, packed into one integer
            packed |= data[k : size + k] << np.uint64(8 * k)
        owner = np.repeat(np.arange(len(encoded)), lengths)
        valid = np.arange(size) - starts[owner] <= (lengths - SHINGLE)[owner]
        hashed = _mix(packed[valid])
        slot = owner[valid] * PERMUTATIONS + (
            (hashed & np.uint64(0xFFFFFFFF)) * np.uint64(PERMUTATIONS) >> np.uint64(32)
        )
        flat = np.full(len(encoded) * PERMUTATIONS, empty, dtype=np.uint64)
        np.minimum.at(flat, slot.astype(np.int64), hashed >> np.uint64(32))
        table = flat.reshape(len(encoded), PERMUTATIONS)
        holes = table == empty
        rows = np.flatnonzero(holes.any(axis=1))
        for shift in range(1, PERMUTATIONS):
            if not len(rows):
                break
            sub = table[rows]
            right = np.roll(sub, -shift, axis=1)
            fill = (sub == empty) & (right != empty) & holes[rows]
            sub[fill] = (right[fill] + np.uint64(shift * 0x9E3779B9)) & np.uint64(0xFFFFFFFF)
            holes[rows] &= ~fill
            table[rows] = sub
            rows = rows[holes[rows].any(axis=1)]
        out[first : first + len(encoded)] = table.astype(np.uint32)
    return out


def _band_hashes(signature: npt.NDArray[np.uint32], keys: npt.NDArray[np.uint64]) -> list[npt.NDArray[np.uint64]]:
    """One hash per row and band: equal when the rows' key and min-hashes in that band are equal."""
    hashes: list[npt.NDArray[np.uint64]] = []
    with np.errstate(over="ignore"):
        for band in range(BANDS):
            rows = signature[:, band * ROWS : (band + 1) * ROWS].astype(np.uint64)
            bucket = keys.copy()
            for r in range(ROWS):
                bucket = _mix(bucket ^ (rows[:, r] * _A[r] + _B[band]))
            hashes.append(bucket)
    return hashes


def candidate_pairs(signature: npt.NDArray[np.uint32], keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """Pairs ``(i, j)``, ``i < j``, of rows sharing a band and a key.

    In each bucket every member is paired with the bucket's first row and with its neighbour when the bucket is
    ordered by the next band: a large bucket (texts sharing common 5-grams) would otherwise pair a copy only with
    an unrelated first row, while its original, sharing the next band too, sits next to it.
    """
    n = len(signature)
    found: list[npt.NDArray[np.int64]] = []  # a pair (i, j) as one integer i * n + j: compact, and fast to unique
    hashes = _band_hashes(signature, keys)
    for band, bucket in enumerate(hashes):
        order = np.lexsort((hashes[(band + 1) % BANDS], bucket))
        ordered = bucket[order]
        opens = np.ones(n, dtype=bool)
        opens[1:] = ordered[1:] != ordered[:-1]
        first = np.maximum.accumulate(np.where(opens, np.arange(n), 0))
        members = np.flatnonzero(~opens)
        mine = order[members]
        for other in (order[first[members]], order[members - 1]):
            found.append(np.minimum(other, mine) * n + np.maximum(other, mine))
    codes = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    return np.stack([codes // n, codes % n], axis=1)


@dataclass(frozen=True, slots=True)
class _Unit:
    id: str
    text: str
    """Normalised."""
    original: str
    key: tuple[str, str]


def facts(text: str) -> set[str]:
    """The numbers and capitalised words of a text, its first word left out (any sentence starts with a capital)."""
    found = _FACT.findall(text)[1:]
    return {word for word in found if word[0].isdigit() or word[0].isupper()}


def _key(unit: ClaimUnit) -> tuple[str, str]:
    return unit.kind, (unit.speaker.name or "").casefold()  # the kind is a str enum: no conversion needed


def _facts_agree(a: set[str], b: set[str]) -> bool:
    """Whether every fact of the text with fewer is in the other, up to a typo in a word."""
    few, many = (a, b) if len(a) <= len(b) else (b, a)
    others = [fact for fact in many - few if not fact[0].isdigit()]
    return all(not fact[0].isdigit() and any(_close(fact, other) for other in others) for fact in few - many)


def _close(a: str, b: str) -> bool:
    """Two words one or two typos apart."""
    return abs(len(a) - len(b)) <= 2 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def find_duplicates(units: Iterable[ClaimUnit]) -> Iterator[Duplicate]:
    """Every unit that repeats an earlier one up to small edits, with its group's representative (pure).

    Units are read once (only id, normalised text, kind and speaker are kept); duplicates come out in input
    order. A unit not listed is a representative, alone or of its group.
    """
    kept: list[_Unit] = []  # one per distinct (kind, speaker, normalised text), in input order
    exact: dict[tuple[tuple[str, str], str], int] = {}
    order: list[tuple[str, int]] = []  # every unit: (id, index of its text in kept)
    for unit in units:
        text, key = normalise(unit.text), _key(unit)
        index = exact.setdefault((key, text), len(kept))
        if index == len(kept):
            kept.append(_Unit(unit.id, text, unit.text, key))
        order.append((unit.id, index))
    parent = list(range(len(kept)))

    @functools.lru_cache(maxsize=8192)  # a 5-gram set weighs about 7 kB: keep only the recent ones
    def grams(i: int) -> set[str]:
        return shingles(kept[i].text)

    @functools.lru_cache(maxsize=65536)
    def facts_of(i: int) -> set[str]:
        return facts(kept[i].original)

    if len(kept) > 1:
        signature = signatures([u.text for u in kept])
        key_ids: dict[tuple[str, str], int] = {}
        keys = np.fromiter((key_ids.setdefault(u.key, len(key_ids)) for u in kept), dtype=np.uint64, count=len(kept))
        pairs = candidate_pairs(signature, _mix(keys + np.uint64(1)))
        # a cheap first look, in chunks: the share of equal min-hashes estimates the similarity
        likely = [
            chunk[(signature[chunk[:, 0]] == signature[chunk[:, 1]]).mean(axis=1) >= FLOOR - 0.15]
            for chunk in np.array_split(pairs, max(1, len(pairs) // BATCH))
        ]
        for i, j in np.concatenate(likely).tolist() if likely else []:
            if kept[i].key == kept[j].key and _facts_agree(facts_of(i), facts_of(j)) and near(grams(i), grams(j)):
                a, b = _find(parent, i), _find(parent, j)
                parent[max(a, b)] = min(a, b)  # the earliest unit stays the root
    for unit_id, index in order:
        root = _find(parent, index)
        if kept[root].id == unit_id:
            continue
        similarity = 1.0 if root == index else round(jaccard(grams(index), grams(root)), 4)
        # built without validation: ids come from validated units and similarity is a share in [0, 1]
        yield Duplicate.model_construct(unit_id=unit_id, duplicate_of=kept[root].id, similarity=similarity)


def duplicates_path(out: str | Path) -> Path:
    """Where ``dedup`` records the groups when not told: ``<out without .jsonl>.duplicates.jsonl`` beside ``out``."""
    p = Path(out)
    return p.with_name(f"{p.name.removesuffix('.jsonl')}.duplicates.jsonl")
