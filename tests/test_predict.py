"""The keyword baseline gives annotators a sensible starting point, never more."""

from __future__ import annotations

from claimstance.predict import MODEL_VERSION, predict
from claimstance.schema import Attribution, ClaimUnit, Speaker, UnitKind, label_of


def _unit(text: str, kind: UnitKind = UnitKind.CLAIM) -> ClaimUnit:
    return ClaimUnit(
        id="d-u",
        doc_id="d",
        index=0,
        text=text,
        char_start=0,
        char_end=len(text),
        context=text,
        speaker=Speaker(attribution=Attribution.AUTHOR),
        kind=kind,
    )


def _labels(text: str) -> tuple[str | None, str | None]:
    p = predict(_unit(text))
    return label_of(p, "stance_territorial_integrity"), label_of(p, "stance_election_fairness")


def test_non_claims_are_suggested_as_such() -> None:
    p = predict(_unit("Dear Mr. President,", UnitKind.GREETING))
    assert p.is_claim is False and p.stance_territorial_integrity is not None
    assert p.stance_territorial_integrity.value == "not_applicable" and p.model_version == MODEL_VERSION


def test_election_complaints_are_suggested_unfair_and_praise_fair() -> None:
    assert _labels("The elections were marred by serious violations.")[1] == "unfair"
    assert _labels("The vote was free and fair.")[1] == "fair"
    assert _labels("The election was not legitimate.")[1] == "unfair"
    assert _labels("Voting starts at 8.")[1] == "neutral"


def test_territory_claims_are_suggested_support_and_topics_neutral() -> None:
    assert _labels("We restored our territorial integrity.")[0] == "support"
    assert _labels("Talks on border delimitation continue.")[0] == "neutral"
    assert _labels("Gas exports grew.")[0] == "not_applicable"
