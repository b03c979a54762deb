"""Adjudication: one gold label per unit and target, and the record of how it was decided.

Rules, applied per unit and target (the two stances and ``is_claim``, as ``yes``/``no``), on the annotations
that count (not skipped, not deleted, the latest per unit and annotator):

1. **adjudicated** — an adjudicator's label (pulled from the adjudication project) wins over any vote.
   If two adjudicators chose different labels the target stays **unresolved** and the unit is disputed
   again: we do not pick between adjudicators.
2. **unanimous** — every annotator who labelled the target chose the same label.
3. **majority** — one label has a strict majority (more than half the votes), e.g. 2 of 3.
4. **unresolved** — anything else (a tie such as 1-1 or 2-2, no label at all, or fewer annotators than
   ``min_annotators``); ``label`` is None.

A unit labelled by a **single annotator** is ``unanimous`` (every annotator did choose that label), and its
``votes`` (``{"support": 1}``) show there was only one. The origin set has no "single" value, and calling it
``majority`` would claim a vote that never happened. Pass ``min_annotators=2`` to leave such units
``unresolved`` instead, e.g. when publishing only doubly-annotated data.

Every gold label carries ``votes`` (how many annotators chose each label), so nothing is decided silently.

The **speaker** is decided the same way, on each annotation's effective speaker
(:func:`claimstance.schema.effective_speaker`: the speaker chosen or typed, else the toolkit's speaker the
task showed, which the annotator let stand), for every unit with at least one: a name, or ``unattributed``.
An adjudicator's speaker is a ruling when they chose or typed one, or when the speaker is disputed (then the
shown speaker they let stand is their ruling). Annotations pulled before 1.2.0 record no shown speaker:
only their typed corrections count.

Units where annotators disagree (:func:`disputes`, :func:`disputed_units`) go to an adjudication project in
Label Studio, whose tasks show each :class:`Dispute` (built by ``claimstance.labelstudio``). The adjudication
project is pulled like any other, and its records are the ``adjudications``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimstance.schema import (
    SPEAKER_TARGET,
    TARGETS,
    Annotation,
    GoldLabel,
    GoldOrigin,
    current_annotations,
    effective_speaker,
    label_of,
    recency,
    target_labels,
)


def _label(annotation: Annotation, target: str) -> str | None:
    return effective_speaker(annotation) if target == SPEAKER_TARGET else label_of(annotation, target)


ALL_TARGETS = (*TARGETS, SPEAKER_TARGET)
"""Every target with a gold label: the annotators' targets, then the speaker."""


class _Votes:
    """Annotator votes and adjudicator rulings, by unit and target."""

    def __init__(self, annotations: Iterable[Annotation], adjudications: Iterable[Annotation]) -> None:
        everything = list(annotations)
        self.current = current_annotations(everything)
        # Units everyone skipped still get (unresolved) gold labels: a unit must never vanish silently.
        self.units = {a.unit_id for a in everything if not a.deleted}
        self.votes: dict[tuple[str, str], Counter[str]] = {}
        for annotation in self.current:
            for target in ALL_TARGETS:
                label = _label(annotation, target)
                if label is not None:
                    self.votes.setdefault((annotation.unit_id, target), Counter())[label] += 1
        rulings = sorted(current_annotations(adjudications), key=recency)
        self.rulings: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for ruling in rulings:
            self.units.add(ruling.unit_id)
            for target in TARGETS:
                label = label_of(ruling, target)
                if label is not None:
                    self.rulings.setdefault((ruling.unit_id, target), []).append((ruling.annotator, label))
            speaker = effective_speaker(ruling)
            explicit = bool(ruling.speaker_choice or ruling.speaker_correction)
            if speaker is not None and (explicit or len(self.votes.get((ruling.unit_id, SPEAKER_TARGET), ())) > 1):
                self.rulings.setdefault((ruling.unit_id, SPEAKER_TARGET), []).append((ruling.annotator, speaker))

    def ordered_votes(self, unit: str, target: str) -> dict[str, int]:
        """How many annotators chose each label, in label-set order, chosen labels only."""
        votes = self.votes.get((unit, target), Counter())
        if target == SPEAKER_TARGET:  # an open set: most votes first, then by name
            return dict(sorted(votes.items(), key=lambda item: (-item[1], item[0])))
        return {label: votes[label] for label in target_labels(target) if votes[label]}

    def decide(self, unit: str, target: str, min_annotators: int) -> GoldLabel:
        ordered = self.ordered_votes(unit, target)
        gold: dict[str, Any] = {"unit_id": unit, "target": target, "votes": ordered}
        rulings = self.rulings.get((unit, target), [])
        chosen = {label for _, label in rulings}
        if len(chosen) == 1:
            # Rulings are oldest first; the latest adjudicator is named.
            return GoldLabel(**gold, label=rulings[-1][1], origin=GoldOrigin.ADJUDICATED, adjudicator=rulings[-1][0])
        unresolved = GoldLabel(**gold, label=None, origin=GoldOrigin.UNRESOLVED)
        total = sum(ordered.values())
        if chosen or total == 0 or total < min_annotators:
            return unresolved
        top, count = max(ordered.items(), key=lambda item: item[1])
        if len(ordered) == 1:
            return GoldLabel(**gold, label=top, origin=GoldOrigin.UNANIMOUS)
        if 2 * count > total:
            return GoldLabel(**gold, label=top, origin=GoldOrigin.MAJORITY)
        return unresolved

    def has_speaker(self, unit: str) -> bool:
        key = (unit, SPEAKER_TARGET)
        return key in self.votes or key in self.rulings

    def disputed(self, unit: str, target: str, unresolved_only: bool) -> bool:
        chosen = {label for _, label in self.rulings.get((unit, target), [])}
        if len(chosen) == 1:
            return False
        if len(chosen) > 1:
            return True  # adjudicators disagree: back to adjudication
        votes = self.votes.get((unit, target), Counter())
        if len(votes) < 2:
            return False
        if not unresolved_only:
            return True
        return 2 * max(votes.values()) <= sum(votes.values())


def gold_labels(
    annotations: Iterable[Annotation], adjudications: Iterable[Annotation] = (), *, min_annotators: int = 1
) -> list[GoldLabel]:
    """One gold label per unit and target, sorted by unit then target (see the module docstring for rules).

    ``adjudications`` are the records pulled from the adjudication project. Every unit with an annotation
    (even a skipped one) or an adjudication gets a label for every target, ``unresolved`` if need be, and a
    speaker label when an annotation or adjudication of it gives a speaker.
    """
    if min_annotators < 1:
        raise ValueError("min_annotators must be 1 or more")
    state = _Votes(annotations, adjudications)
    return [
        state.decide(unit, target, min_annotators)
        for unit in sorted(state.units)
        for target in ALL_TARGETS
        if target != SPEAKER_TARGET or state.has_speaker(unit)
    ]


@dataclass(frozen=True)
class Dispute:
    """A unit whose annotators disagree on some target that no adjudication has settled."""

    unit_id: str
    targets: tuple[str, ...]
    """The disputed targets, in ``ALL_TARGETS`` order (the speaker last)."""
    votes: dict[str, dict[str, int]]
    """Per disputed target, how many annotators chose each label (label-set order, chosen labels only)."""
    annotations: tuple[Annotation, ...]
    """The unit's annotations that count (the latest per annotator), by annotator."""


def disputes(
    annotations: Iterable[Annotation], adjudications: Iterable[Annotation] = (), *, unresolved_only: bool = False
) -> list[Dispute]:
    """Every disputed unit, sorted by unit id, with what its annotators chose.

    By default any disagreement counts, even one a majority decides (2 of 3); with ``unresolved_only`` only
    those without a strict majority do. Units whose adjudicators disagree are disputed again.
    """
    state = _Votes(annotations, adjudications)
    by_unit: dict[str, list[Annotation]] = {}
    for annotation in state.current:
        by_unit.setdefault(annotation.unit_id, []).append(annotation)
    found = []
    for unit in sorted(state.units):
        targets = tuple(t for t in ALL_TARGETS if state.disputed(unit, t, unresolved_only))
        if targets:
            votes = {target: state.ordered_votes(unit, target) for target in targets}
            found.append(Dispute(unit, targets, votes, tuple(by_unit.get(unit, []))))
    return found


def disputed_units(
    annotations: Iterable[Annotation], adjudications: Iterable[Annotation] = (), *, unresolved_only: bool = False
) -> list[str]:
    """The ids of :func:`disputes`' units, sorted."""
    return [dispute.unit_id for dispute in disputes(annotations, adjudications, unresolved_only=unresolved_only)]


def origin_counts(gold: Iterable[GoldLabel]) -> dict[str, int]:
    """How many gold labels each origin decided, by origin value."""
    return dict(Counter(label.origin.value for label in gold))
