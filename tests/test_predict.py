"""The keyword baseline gives annotators a sensible starting point, never more."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_macro_f1_averages_the_labels_that_occur() -> None:
    from claimstance.predict import macro_f1

    labels = ["support", "oppose", "neutral", "not_applicable"]
    assert macro_f1([("support", "support"), ("not_applicable", "not_applicable")], labels) == 1.0
    # support: tp 1, fp 1 -> 2/3; oppose: fn 1 -> 0; not_applicable: tp 1 -> 1
    pairs = [("support", "support"), ("support", "oppose"), ("not_applicable", "not_applicable")]
    assert macro_f1(pairs, labels) == pytest.approx((2 / 3 + 0 + 1) / 3)
    assert macro_f1([], labels) is None


def test_predict_evaluate_prints_the_baseline_macro_f1_per_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimstance import cli, io
    from claimstance.schema import GoldLabel, GoldOrigin

    units = [
        ClaimUnit(id="d0-u0", doc_id="d0", index=0, text="Sovereignty over Karabakh is ours.", char_start=0,
                  char_end=34, context="Sovereignty over Karabakh is ours.",
                  speaker=Speaker(attribution=Attribution.AUTHOR)),
        ClaimUnit(id="d0-u1", doc_id="d0", index=1, text="The weather was mild.", char_start=35, char_end=56,
                  context="The weather was mild.", speaker=Speaker(attribution=Attribution.AUTHOR)),
    ]  # fmt: skip
    gold = [
        GoldLabel(unit_id="d0-u0", target="stance_territorial_integrity", label="oppose", origin=GoldOrigin.UNANIMOUS),
        GoldLabel(
            unit_id="d0-u1", target="stance_territorial_integrity", label="not_applicable", origin=GoldOrigin.UNANIMOUS
        ),
    ]
    io.write_jsonl(tmp_path / "units.jsonl", units)
    io.write_jsonl(tmp_path / "gold.jsonl", gold)
    out = tmp_path / "predictions.jsonl"
    cli.main(["predict", str(tmp_path / "units.jsonl"), "-o", str(out), "--evaluate", str(tmp_path / "gold.jsonl")])
    printed = capsys.readouterr().out
    # the baseline says support on u0 (gold oppose) and not_applicable on u1: F1 0 (support), 0 (oppose), 1 (n/a)
    assert "stance_territorial_integrity: macro-F1 0.333 on 2 units" in printed
    assert "stance_election_fairness: macro-F1 — on 0 units" in printed
