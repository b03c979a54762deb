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

Units where annotators disagree (:func:`disputed_units`) go to an adjudication project in Label Studio;
:func:`adjudication_tasks` builds its tasks, each showing every annotator's labels under their pseudonym,
and :func:`adjudication_labeling_config` the matching labeling config (the annotation config plus that
text). The adjudication project is pulled like any other, and its records are the ``adjudications``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from claimstance.errors import InputError
from claimstance.schema import (
    TARGETS,
    Annotation,
    ClaimUnit,
    GoldLabel,
    GoldOrigin,
    current_annotations,
    label_of,
    labeling_config,
    recency,
    target_labels,
)

TaskData = Callable[[ClaimUnit], dict[str, Any]]


class _Votes:
    """Annotator votes and adjudicator rulings, by unit and target."""

    def __init__(self, annotations: Iterable[Annotation], adjudications: Iterable[Annotation]) -> None:
        everything = list(annotations)
        self.current = current_annotations(everything)
        # Units everyone skipped still get (unresolved) gold labels: a unit must never vanish silently.
        self.units = {a.unit_id for a in everything if not a.deleted}
        self.votes: dict[tuple[str, str], Counter[str]] = {}
        for annotation in self.current:
            for target in TARGETS:
                label = label_of(annotation, target)
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

    def decide(self, unit: str, target: str, min_annotators: int) -> GoldLabel:
        votes = self.votes.get((unit, target), Counter())
        ordered = {label: votes[label] for label in target_labels(target) if votes[label]}
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
    (even a skipped one) or an adjudication gets a label for every target, ``unresolved`` if need be.
    """
    if min_annotators < 1:
        raise ValueError("min_annotators must be 1 or more")
    state = _Votes(annotations, adjudications)
    return [state.decide(unit, target, min_annotators) for unit in sorted(state.units) for target in TARGETS]


def disputed_units(
    annotations: Iterable[Annotation], adjudications: Iterable[Annotation] = (), *, unresolved_only: bool = False
) -> list[str]:
    """Units where annotators disagree on some target that no adjudication has settled, sorted.

    By default any disagreement counts, even one a majority decides (2 of 3); with ``unresolved_only`` only
    those without a strict majority do. Units whose adjudicators disagree are disputed again.
    """
    state = _Votes(annotations, adjudications)
    return sorted(unit for unit in state.units if any(state.disputed(unit, t, unresolved_only) for t in TARGETS))


def _title(target: str) -> str:
    return target.removeprefix("stance_").replace("_", " ")


def speaker_display(unit: ClaimUnit) -> str:
    """The speaker line shown above a unit: ``name (role) — attribution``."""
    speaker = unit.speaker
    text = speaker.name or "unknown speaker"
    if speaker.role:
        text += f" ({speaker.role})"
    return f"{text} — {speaker.attribution.value.replace('_', ' ')}"


def default_task_data(unit: ClaimUnit) -> dict[str, Any]:
    """The task data the labeling config needs for a unit (``$text``, ``$context``, ``$speaker_display``)."""
    return {
        "unit_id": unit.id,
        "doc_id": unit.doc_id,
        "text": unit.text,
        "context": unit.context,
        "speaker_display": speaker_display(unit),
    }


def _summary(unit: str, annotations: list[Annotation], state: _Votes, disputed: list[str]) -> str:
    """The text an adjudicator reads: the disputed targets with their votes, then each annotator's labels."""
    lines = []
    for target in disputed:
        votes = state.votes.get((unit, target), Counter())
        counts = ", ".join(f"{label} ×{votes[label]}" for label in target_labels(target) if votes[label])
        lines.append(f"Disagreement on {_title(target)}: {counts}")
    for annotation in annotations:
        lines.append("")
        lines.append(annotation.annotator)
        for target in TARGETS:
            lines.append(f"  {_title(target)}: {label_of(annotation, target) or '(none)'}")
        for name in ("speaker_correction", "comment"):
            value = getattr(annotation, name)
            if value:
                lines.append(f"  {name.replace('_', ' ')}: {' / '.join(value.splitlines())}")
    return "\n".join(lines)


def adjudication_tasks(
    units: Iterable[ClaimUnit],
    annotations: Iterable[Annotation],
    adjudications: Iterable[Annotation] = (),
    *,
    task_data: TaskData | None = None,
    unresolved_only: bool = False,
) -> list[dict[str, Any]]:
    """Label Studio tasks (``{"data": {...}}``) for every disputed unit, in unit order.

    Each task's data is ``task_data(unit)`` (default :func:`default_task_data`: what the annotation config
    shows) plus ``annotator_labels``, the text an adjudicator reads (each annotator's labels, comments and
    speaker corrections under their pseudonym), ``disputed_targets`` and ``annotators``. Raises
    ``InputError`` when a disputed unit is missing from ``units``.
    """
    everything = list(annotations)
    state = _Votes(everything, adjudications)
    by_unit = {unit.id: unit for unit in units}
    make = task_data or default_task_data
    tasks = []
    for unit_id in disputed_units(everything, adjudications, unresolved_only=unresolved_only):
        unit = by_unit.get(unit_id)
        if unit is None:
            raise InputError(
                f"unit {unit_id!r} is disputed but not in the units given", hint="pass the project's units file"
            )
        targets = [t for t in TARGETS if state.disputed(unit_id, t, unresolved_only)]
        mine = [a for a in state.current if a.unit_id == unit_id]
        data = {
            **make(unit),
            "unit_id": unit_id,
            "doc_id": unit.doc_id,
            "annotator_labels": _summary(unit_id, mine, state, targets),
            "disputed_targets": ", ".join(_title(t) for t in targets),
            "annotators": [a.annotator for a in mine],
        }
        tasks.append({"data": data})
    return tasks


def adjudication_labeling_config() -> str:
    """The adjudication project's labeling config: the annotation config plus the annotators' labels.

    The controls are the same, so adjudications pull with the same parser as annotations.
    """
    lines = labeling_config().splitlines(keepends=True)
    anchor = next(i for i, line in enumerate(lines) if '<Text name="context"' in line)
    extra = [
        '  <Header value="Annotators\' labels (disputed: $disputed_targets)" size="6"/>\n',
        '  <Text name="annotator_labels" value="$annotator_labels"/>\n',
    ]
    return "".join([*lines[: anchor + 1], *extra, *lines[anchor + 1 :]])


def gold_by_unit(gold: Iterable[GoldLabel]) -> Mapping[str, dict[str, GoldLabel]]:
    """Gold labels grouped as ``{unit_id: {target: GoldLabel}}`` (what the publish stage looks up)."""
    grouped: dict[str, dict[str, GoldLabel]] = {}
    for label in gold:
        grouped.setdefault(label.unit_id, {})[label.target] = label
    return grouped
