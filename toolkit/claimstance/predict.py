"""Pre-annotations: a transparent keyword baseline that suggests labels for annotators to confirm or change.

The suggestions are pushed to Label Studio as predictions of ``model_version`` :data:`MODEL_VERSION`, so
annotators start from a filled form and the dataset records which labels a human changed. The rules are
deliberately simple and readable; a team with a trained model writes its own ``Prediction`` JSONL instead and
passes it to ``claimstance push --predictions``. Nothing here is used as a gold label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimstance.schema import (
    TARGETS,
    ClaimUnit,
    GoldLabel,
    Prediction,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
    UnitKind,
    label_of,
    target_labels,
)

MODEL_VERSION = "keyword-baseline-1"

_TERRITORY = re.compile(
    r"territorial integrity|sovereignty|occupation|occupied|liberated lands|separatis|annex|"
    r"withdrawal of .{0,40}forces",
    re.IGNORECASE,
)
_TERRITORY_TOPIC = re.compile(r"\bborders?\b|delimitation|karabakh|\bregion's status\b", re.IGNORECASE)
_ELECTION = re.compile(r"\belection|\bvot(e|es|ers|ing)\b|polling|ballot|electoral", re.IGNORECASE)
_UNFAIR = re.compile(
    r"violation|fraud|irregular|restrict|did not offer|not genuine|disrupted|question[s]? the fairness|"
    r"legitimacy|stuffing|intimidat|pressure",
    re.IGNORECASE,
)
_FAIR = re.compile(r"free and fair|in line with international standards|no violations|legitimate", re.IGNORECASE)
_NEGATION = re.compile(r"\b(not|no|never|without)\b", re.IGNORECASE)


def predict(unit: ClaimUnit) -> Prediction:
    """Suggested labels for one unit (pure; the same unit always gets the same suggestion)."""
    if unit.kind is not UnitKind.CLAIM:
        return Prediction(
            unit_id=unit.id,
            model_version=MODEL_VERSION,
            is_claim=False,
            stance_territorial_integrity=StanceTerritorialIntegrity.NOT_APPLICABLE,
            stance_election_fairness=StanceElectionFairness.NOT_APPLICABLE,
            score=0.9,
        )
    text = unit.text
    if _TERRITORY.search(text):
        territory = StanceTerritorialIntegrity.SUPPORT
    elif _TERRITORY_TOPIC.search(text):
        territory = StanceTerritorialIntegrity.NEUTRAL
    else:
        territory = StanceTerritorialIntegrity.NOT_APPLICABLE
    if not _ELECTION.search(text):
        election = StanceElectionFairness.NOT_APPLICABLE
    elif _UNFAIR.search(text):
        election = StanceElectionFairness.UNFAIR
    elif _FAIR.search(text):
        # "not legitimate" is a complaint, not praise.
        election = StanceElectionFairness.UNFAIR if _NEGATION.search(text) else StanceElectionFairness.FAIR
    else:
        election = StanceElectionFairness.NEUTRAL
    return Prediction(
        unit_id=unit.id,
        model_version=MODEL_VERSION,
        is_claim=True,
        stance_territorial_integrity=territory,
        stance_election_fairness=election,
        score=0.5,
    )


def predict_units(units: Iterable[ClaimUnit]) -> Iterator[Prediction]:
    """Suggested labels for every unit, in order (a stream)."""
    for unit in units:
        yield predict(unit)


def macro_f1(pairs: Iterable[tuple[str, str]], labels: list[str]) -> float | None:
    """Macro-averaged F1 of (predicted, gold) pairs over the labels that occur in either; None without pairs."""
    counted = list(pairs)
    if not counted:
        return None
    scores = []
    for label in labels:
        tp = sum(1 for p, g in counted if p == label and g == label)
        fp = sum(1 for p, g in counted if p == label and g != label)
        fn = sum(1 for p, g in counted if p != label and g == label)
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def evaluate(predictions: Iterable[Prediction], gold: Iterable[GoldLabel]) -> dict[str, tuple[float | None, int]]:
    """The baseline against decided gold labels: per target, macro-F1 and the number of units compared.

    Unresolved gold labels and units without a prediction are left out.
    """
    decided = {(g.unit_id, g.target): g.label for g in gold if g.label is not None}
    by_unit = {p.unit_id: p for p in predictions}
    report: dict[str, tuple[float | None, int]] = {}
    for target in TARGETS:
        pairs = [
            (label_of(by_unit[unit_id], target) or "", label)
            for (unit_id, t), label in decided.items()
            if t == target and unit_id in by_unit and label is not None
        ]
        report[target] = (macro_f1(pairs, target_labels(target)), len(pairs))
    return report
