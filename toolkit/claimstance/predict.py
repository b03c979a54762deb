"""Pre-annotations: a transparent keyword baseline that suggests labels for annotators to confirm or change.

The suggestions are pushed to Label Studio as predictions of ``model_version`` :data:`MODEL_VERSION`, so
annotators start from a filled form and the dataset records which labels a human changed. The rules are
deliberately simple and readable; a team with a trained model writes its own ``Prediction`` JSONL instead and
passes it to ``claimstance push --predictions``. Nothing here is used as a gold label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimstance.schema import ClaimUnit, Prediction, StanceElectionFairness, StanceTerritorialIntegrity, UnitKind

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
