"""Agreement: how far annotators agree, per stance target and for ``is_claim``, and on the speaker.

For each target the report gives Krippendorff's alpha (nominal, tolerant of missing annotations; its closed
form, equal to the ``krippendorff`` package's) with a 95% bootstrap confidence interval, Cohen's kappa for every pair of
annotators who share units (``sklearn.metrics.cohen_kappa_score``), raw agreement, the numbers of units and
annotators, and the confusion between annotators.

What is counted: skipped (``cancelled``) and ``deleted`` annotations are ignored, and when an annotator
has several annotations of one unit only the latest counts. A label left empty for one target is missing
for that target only. The speaker is compared as each annotation's effective speaker
(:func:`claimstance.schema.effective_speaker`: chosen, typed, or the shown one let stand), its labels the
names found; it is reported apart (``AgreementReport.speaker``), and only when annotations record one.

Nothing here crashes on thin data: when a coefficient is undefined (one annotator, no unit labelled twice,
every label the same) its value is ``None`` and a note says why. The report never holds NaN.

The bootstrap resamples units (those labelled at least twice) with replacement, ``n_boot`` times, from
``numpy.random.default_rng(seed)``: the same data and seed give the same interval. Resamples in which
alpha is undefined (every resampled label the same) are left out and counted in a note.
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np

from claimstance.schema import (
    SPEAKER_TARGET,
    TARGETS,
    Annotation,
    current_annotations,
    effective_speaker,
    label_of,
    target_labels,
)

if TYPE_CHECKING:
    from rich.table import Table

FEW_UNITS = 10
"""Below this many units labelled twice, the report warns that alpha rests on very little data."""


@dataclass(frozen=True)
class PairAgreement:
    """Agreement between two annotators on the units both labelled."""

    annotator_a: str
    annotator_b: str
    n_units: int
    kappa: float | None
    raw_agreement: float
    confusion: list[list[int]] = field(repr=False)
    """Rows: ``annotator_a``'s labels; columns: ``annotator_b``'s; both in the target's label order (empty for
    the speaker, whose labels are the names found)."""
    note: str | None = None


@dataclass(frozen=True)
class TargetAgreement:
    """Agreement on one target."""

    target: str
    labels: list[str]
    n_units: int
    """Units with at least one label for this target."""
    n_pairable_units: int
    """Units labelled by at least two annotators: the only ones agreement is measured on."""
    n_annotators: int
    n_labels: int
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    """95% percentile bootstrap interval of alpha, or None when it cannot be estimated."""
    n_boot_used: int
    raw_agreement: float | None
    """Share of pairs of labels on the same unit that agree, pooled over units."""
    mean_kappa: float | None
    """Unweighted mean of the defined pairwise kappas."""
    pairs: list[PairAgreement]
    confusion: list[list[int]] = field(repr=False)
    """Pooled over annotator pairs, counted both ways: cell (i, j) is how often one annotator chose label i
    on a unit where another chose label j. Symmetric; the diagonal is twice the agreeing pairs. Empty for the
    speaker (an open set of names)."""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementReport:
    """Agreement on every target, and what was counted."""

    targets: list[TargetAgreement]
    annotators: list[str]
    n_units: int
    n_annotations: int
    """Annotations counted (latest per unit and annotator, not skipped, not deleted)."""
    n_ignored: dict[str, int]
    """Annotations left out, by reason: ``cancelled``, ``deleted``, ``superseded``."""
    seed: int
    n_boot: int
    notes: list[str] = field(default_factory=list)
    speaker: TargetAgreement | None = None
    """Agreement on the speaker; None when no annotation records one (pulled before schema 1.2.0)."""

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-serialisable data (``None`` where a value is undefined)."""
        return asdict(self)

    def target(self, name: str) -> TargetAgreement:
        """The agreement on one target (or the speaker), by name."""
        for item in [*self.targets, *([self.speaker] if self.speaker else [])]:
            if item.target == name:
                return item
        raise KeyError(name)


@dataclass(frozen=True)
class _Cells:
    """A (units x labels) count matrix of the units labelled twice or more, kept sparse: one cell per label a
    unit received. The speaker's labels are every name found, so a dense matrix would grow as units x names."""

    unit: np.ndarray[Any, np.dtype[np.int64]]
    label: np.ndarray[Any, np.dtype[np.int64]]
    count: np.ndarray[Any, np.dtype[np.float64]]
    n_units: int
    n_labels: int

    def totals(self, weights: np.ndarray[Any, np.dtype[np.float64]]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """How often each label was given, each unit counted ``weights`` times."""
        totals = np.bincount(self.label, weights=self.count * weights[self.unit], minlength=self.n_labels)
        return np.asarray(totals, dtype=np.float64)


def _alpha(cells: _Cells, weights: np.ndarray[Any, np.dtype[np.float64]] | None = None) -> float | None:
    """Nominal alpha over ``cells``, each unit counted ``weights`` times (default once, a bootstrap resample's
    multiplicities otherwise); None when there is no variation to measure.

    Krippendorff's closed form for nominal data, ``1 - (n - 1) (n - sum_c o_cc) / (n^2 - sum_c n_c^2)``, where
    ``o_cc = sum_u n_uc (n_uc - 1) / (m_u - 1)`` and ``n_c`` are the label totals: the ``krippendorff``
    package's value (a test compares them) in time and memory linear in the cells, not the units x labels x
    labels array the package builds, which the speaker's open set of names (hundreds in a corpus) cannot afford.
    """
    w = np.ones(cells.n_units) if weights is None else weights
    totals = cells.totals(w)
    if int(np.count_nonzero(totals)) < 2:
        return None
    per_unit = np.bincount(cells.unit, weights=cells.count, minlength=cells.n_units)
    same = np.bincount(cells.unit, weights=cells.count * (cells.count - 1), minlength=cells.n_units)
    n = float((per_unit * w).sum())
    agreeing = float((same / (per_unit - 1) * w).sum())
    return 1.0 - (n - 1.0) * (n - agreeing) / (n * n - float((totals * totals).sum()))


def _bootstrap(cells: _Cells, *, seed: int, n_boot: int) -> tuple[tuple[float, float] | None, int]:
    rng = np.random.default_rng(seed)
    n = cells.n_units
    values: list[float] = []
    for _ in range(n_boot):  # a resample of units, as each unit's multiplicity in it
        weights = np.bincount(rng.integers(0, n, size=n), minlength=n).astype(np.float64)
        sample = _alpha(cells, weights)
        if sample is not None:
            values.append(sample)
    if not values:
        return None, 0
    low, high = np.percentile(values, [2.5, 97.5])
    return (float(low), float(high)), len(values)


def _pair(
    a: str, b: str, units: list[str], table: dict[str, dict[str, str]], labels: list[str], *, closed: bool = True
) -> PairAgreement:
    """One pair's kappa, raw agreement and confusion; an open set (``closed`` False: the speaker's names) has no
    confusion (a names x names table per pair) and is never quoted in a note (it ends up in the dataset card)."""
    from sklearn.metrics import cohen_kappa_score

    ya = [table[u][a] for u in units]
    yb = [table[u][b] for u in units]
    raw = sum(x == y for x, y in zip(ya, yb, strict=True)) / len(units)
    confusion: list[list[int]] = []
    if closed:  # counted here: sklearn's confusion_matrix warns on a set of one label
        index = {label: i for i, label in enumerate(labels)}
        confusion = [[0] * len(labels) for _ in labels]
        for x, y in zip(ya, yb, strict=True):
            confusion[index[x]][index[y]] += 1
    kappa: float | None = None
    note = None
    if len(set(ya) | set(yb)) < 2:
        note = f"kappa undefined: both chose {repr(ya[0]) if closed else 'the same'} on every shared unit"
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # labels absent from both lists change no kappa: an open set passes only the pair's own
            value = float(cohen_kappa_score(ya, yb, labels=labels if closed else None))
        kappa = None if math.isnan(value) else value
    return PairAgreement(a, b, len(units), kappa, raw, confusion, note)


def _label(annotation: Annotation, target: str) -> str | None:
    return effective_speaker(annotation) if target == SPEAKER_TARGET else label_of(annotation, target)


def _target(current: list[Annotation], target: str, *, seed: int, n_boot: int) -> TargetAgreement:
    table: dict[str, dict[str, str]] = {}
    for annotation in current:
        label = _label(annotation, target)
        if label is not None:
            table.setdefault(annotation.unit_id, {})[annotation.annotator] = label
    if target == SPEAKER_TARGET:  # an open set: the names found
        labels = sorted({label for row in table.values() for label in row.values()})
    else:
        labels = target_labels(target)
    annotators = sorted({a for row in table.values() for a in row})
    pairable = sorted(u for u, row in table.items() if len(row) >= 2)
    notes: list[str] = []
    index = {label: i for i, label in enumerate(labels)}
    given = [(i, index[label], k) for i, u in enumerate(pairable) for label, k in Counter(table[u].values()).items()]
    unit_of, label_of_cell, count = zip(*given, strict=True) if given else ((), (), ())
    cells = _Cells(
        np.asarray(unit_of, dtype=np.int64),
        np.asarray(label_of_cell, dtype=np.int64),
        np.asarray(count, dtype=np.float64),
        len(pairable),
        len(labels),
    )

    alpha: float | None = None
    ci: tuple[float, float] | None = None
    used = 0
    raw: float | None = None
    if not pairable:
        if not annotators:
            reason = "no annotator chose a label"
        elif len(annotators) == 1:
            reason = "only one annotator"
        else:
            reason = "no unit was labelled by two annotators"
        notes.append(f"no agreement to measure: {reason}")
    else:
        per_unit = np.bincount(cells.unit, weights=cells.count, minlength=cells.n_units)
        pairs_total = float((per_unit * (per_unit - 1) / 2).sum())
        raw = float((cells.count * (cells.count - 1) / 2).sum()) / pairs_total
        alpha = _alpha(cells)
        if alpha is None:
            # A speaker is free text: the note does not quote it (it ends up in the dataset card).
            most = int(np.argmax(cells.totals(np.ones(cells.n_units))))
            only = "the same" if target == SPEAKER_TARGET else repr(labels[most])
            notes.append(f"alpha undefined: every label on units labelled twice is {only} (no variation)")
        elif n_boot > 0:
            ci, used = _bootstrap(cells, seed=seed, n_boot=n_boot)
            if ci is None:
                notes.append("no confidence interval: every bootstrap resample had a single label")
            elif used < n_boot:
                notes.append(f"{n_boot - used} of {n_boot} bootstrap resamples had a single label and were left out")
        if len(pairable) < FEW_UNITS and alpha is not None:
            notes.append(f"only {len(pairable)} units labelled twice: read alpha with care")

    pairs: list[PairAgreement] = []
    closed = target != SPEAKER_TARGET  # the speaker's labels are the names found: no names x names confusion
    confusion = np.zeros((len(labels), len(labels)) if closed else (0, 0), dtype=int)
    for a, b in combinations(annotators, 2):
        shared = [u for u in sorted(table) if a in table[u] and b in table[u]]
        if shared:
            pair = _pair(a, b, shared, table, labels, closed=closed)
            pairs.append(pair)
            if closed:
                matrix = np.asarray(pair.confusion, dtype=int)
                confusion += matrix + matrix.T
    kappas = [p.kappa for p in pairs if p.kappa is not None]
    if pairs and not kappas:
        notes.append("kappa undefined for every pair")
    return TargetAgreement(
        target=target,
        labels=labels,
        n_units=len(table),
        n_pairable_units=len(pairable),
        n_annotators=len(annotators),
        n_labels=sum(len(row) for row in table.values()),
        alpha=alpha,
        alpha_ci=ci,
        n_boot_used=used,
        raw_agreement=raw,
        mean_kappa=float(np.mean(kappas)) if kappas else None,
        pairs=pairs,
        confusion=confusion.tolist(),
        notes=notes,
    )


def agreement(
    annotations: Iterable[Annotation], *, seed: int = 0, n_boot: int = 1000, independent: bool = False
) -> AgreementReport:
    """Measure inter-annotator agreement on every target (see the module docstring for what counts).

    With ``independent``, annotations that could have been influenced (a suggestion shown, or made beyond
    the designed overlap where others' labels show) are left out and counted as ``influenced``.
    """
    if n_boot < 0:
        raise ValueError("n_boot must be 0 or more")
    everything = list(annotations)
    influenced = [a for a in everything if independent and a.influenced and not (a.deleted or a.cancelled)]
    current = current_annotations([a for a in everything if not (independent and a.influenced)])
    ignored = Counter("deleted" if a.deleted else "cancelled" for a in everything if a.deleted or a.cancelled)
    live = sum(1 for a in everything if not (a.deleted or a.cancelled))
    n_ignored = {
        "cancelled": ignored["cancelled"],
        "deleted": ignored["deleted"],
        "superseded": live - len(influenced) - len(current),
        **({"influenced": len(influenced)} if independent else {}),
    }
    notes = [] if current else ["no annotations to compare (after leaving out skipped and deleted ones)"]
    speaker = any(_label(a, SPEAKER_TARGET) is not None for a in current)
    return AgreementReport(
        targets=[_target(current, t, seed=seed, n_boot=n_boot) for t in TARGETS],
        annotators=sorted({a.annotator for a in current}),
        n_units=len({a.unit_id for a in current}),
        n_annotations=len(current),
        n_ignored=n_ignored,
        seed=seed,
        n_boot=n_boot,
        notes=notes,
        speaker=_target(current, SPEAKER_TARGET, seed=seed, n_boot=n_boot) if speaker else None,
    )


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _title(target: str) -> str:
    return target.removeprefix("stance_").replace("_", " ")


def render_table(report: AgreementReport) -> Table:
    """The summary table for the terminal: one row per target."""
    from rich.table import Table

    ignored = ", ".join(f"{n} {why}" for why, n in report.n_ignored.items() if n) or "none"
    table = Table(
        title="Inter-annotator agreement",
        caption=(
            f"{report.n_annotations} annotations by {len(report.annotators)} annotators on {report.n_units} units; "
            f"left out: {ignored}; bootstrap: {report.n_boot} resamples, seed {report.seed}"
        ),
    )
    table.add_column("target")
    for name in ("units (×2)", "annotators", "alpha", "95% CI", "raw agr.", "mean kappa"):
        table.add_column(name, justify="right")
    table.add_column("notes")
    for t in [*report.targets, *([report.speaker] if report.speaker else [])]:
        ci = "—" if t.alpha_ci is None else f"{t.alpha_ci[0]:.3f} – {t.alpha_ci[1]:.3f}"
        table.add_row(
            _title(t.target),
            f"{t.n_units} ({t.n_pairable_units})",
            str(t.n_annotators),
            _num(t.alpha),
            ci,
            _num(t.raw_agreement),
            _num(t.mean_kappa),
            "; ".join(t.notes),
        )
    return table


def render_pairs(report: AgreementReport) -> Table:
    """Pairwise Cohen's kappa and raw agreement, one row per target and annotator pair."""
    from rich.table import Table

    table = Table(title="Pairwise agreement (Cohen's kappa)")
    for name in ("target", "annotator A", "annotator B", "shared units", "kappa", "raw agr.", "note"):
        table.add_column(name)
    for t in [*report.targets, *([report.speaker] if report.speaker else [])]:
        for p in t.pairs:
            row = [_title(t.target), p.annotator_a, p.annotator_b, str(p.n_units), _num(p.kappa)]
            table.add_row(*row, _num(p.raw_agreement), p.note or "")
    return table


def render_confusion(target: TargetAgreement) -> Table:
    """The pooled confusion between annotators on one target (see :attr:`TargetAgreement.confusion`)."""
    from rich.table import Table

    table = Table(title=f"Confusion between annotators: {_title(target.target)}")
    table.add_column("one chose \\ another chose")
    for label in target.labels:
        table.add_column(label, justify="right")
    for label, row in zip(target.labels, target.confusion, strict=True):
        table.add_row(label, *(str(n) for n in row))
    return table


def renderables(report: AgreementReport) -> list[Table]:
    """Everything the terminal shows: summary, pairs, a confusion table per target with any pair."""
    confusions = [render_confusion(t) for t in report.targets if t.pairs]
    return [render_table(report), render_pairs(report), *confusions]
