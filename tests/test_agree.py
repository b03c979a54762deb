"""Agreement: coefficients checked against hand-worked examples; thin data never crashes or gives NaN."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from claimstance import agree
from claimstance.labelstudio import parse_export, read_export
from claimstance.schema import Annotation
from rich.console import Console

TI = "stance_territorial_integrity"
EXPORT = Path(__file__).parent / "data" / "ls_export_ui.json"


def _ann(number: int, unit: str, annotator: str, **fields: Any) -> Annotation:
    fields.setdefault("updated_at", datetime(2024, 9, 4, 9, 0, number % 60, tzinfo=UTC))
    return Annotation(
        id=f"ls-7-{number}",
        unit_id=unit,
        annotator=annotator,
        project="claimstance",
        ls_task_id=number,
        ls_annotation_id=number,
        **fields,
    )


# Two annotators, five units, territorial-integrity stance (s = support, o = oppose, n = neutral):
#   unit  u0 u1 u2 u3 u4
#   A      s  s  o  n  s
#   B      s  o  o  n  s
A_LABELS = ["support", "support", "oppose", "neutral", "support"]
B_LABELS = ["support", "oppose", "oppose", "neutral", "support"]


def _two_coders() -> list[Annotation]:
    a = [_ann(i, f"u{i}", "annotator-a", stance_territorial_integrity=v) for i, v in enumerate(A_LABELS)]
    b = [_ann(10 + i, f"u{i}", "annotator-b", stance_territorial_integrity=v) for i, v in enumerate(B_LABELS)]
    return a + b


def test_alpha_kappa_and_raw_agreement_match_the_hand_worked_example() -> None:
    # Coincidences (each unit has 2 values, so each ordered pair counts 1/(2-1) = 1):
    #   o_ss = 4 (u0, u4), o_oo = 2 (u2), o_nn = 2 (u3), o_so = o_os = 1 (u1); n = 10.
    #   n_s = 5, n_o = 3, n_n = 2.  D_o = 2/10.  D_e = 2(5·3 + 5·2 + 3·2)/(10·9) = 62/90.
    #   alpha = 1 - (2/10)/(62/90) = 1 - 18/62 = 22/31.
    # Cohen's kappa: p_o = 4/5; A: s3 o1 n1, B: s2 o2 n1 -> p_e = (3·2 + 1·2 + 1·1)/25 = 9/25;
    #   kappa = (4/5 - 9/25)/(1 - 9/25) = 11/16.
    report = agree.agreement(_two_coders(), n_boot=200)
    ti = report.target(TI)
    assert ti.alpha == pytest.approx(22 / 31)
    assert ti.raw_agreement == pytest.approx(4 / 5)
    [pair] = ti.pairs
    assert (pair.annotator_a, pair.annotator_b, pair.n_units) == ("annotator-a", "annotator-b", 5)
    assert pair.kappa == pytest.approx(11 / 16) and ti.mean_kappa == pytest.approx(11 / 16)
    assert (ti.n_units, ti.n_pairable_units, ti.n_annotators, ti.n_labels) == (5, 5, 2, 10)


def test_alpha_tolerates_missing_annotations() -> None:
    # A third annotator C labels u0 'oppose' and u5 alone (u5 cannot be paired, so it is left out).
    #   u0 now has (s, s, o): ordered pairs s-s 2, s-o 2, o-s 2, each weighted 1/(3-1), so it adds
    #   o_ss 1, o_so 1, o_os 1. With u1..u4 as before: o_ss = 3, o_so = o_os = 2, o_oo = 2, o_nn = 2; n = 11.
    #   n_s = 5, n_o = 4, n_n = 2.  D_o = 4/11.  D_e = 2(5·4 + 5·2 + 4·2)/(11·10) = 76/110.
    #   alpha = 1 - (4/11)/(76/110) = 1 - 10/19 = 9/19.
    records = [
        *_two_coders(),
        _ann(30, "u0", "annotator-c", stance_territorial_integrity="oppose"),
        _ann(31, "u5", "annotator-c", stance_territorial_integrity="oppose"),
    ]
    ti = agree.agreement(records, n_boot=0).target(TI)
    assert ti.alpha == pytest.approx(9 / 19)
    assert (ti.n_units, ti.n_pairable_units, ti.n_annotators) == (6, 5, 3)
    assert [(p.annotator_a, p.annotator_b, p.n_units) for p in ti.pairs] == [
        ("annotator-a", "annotator-b", 5),
        ("annotator-a", "annotator-c", 1),
        ("annotator-b", "annotator-c", 1),
    ]


def test_confusion_between_annotators_is_pooled_both_ways() -> None:
    ti = agree.agreement(_two_coders(), n_boot=0).target(TI)
    assert ti.labels == ["support", "oppose", "neutral", "not_applicable"]
    assert ti.pairs[0].confusion == [[2, 1, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]
    assert ti.confusion == [[4, 1, 0, 0], [1, 2, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0]]


def test_bootstrap_interval_is_reproducible_with_its_seed() -> None:
    records = _two_coders()
    first = agree.agreement(records, seed=3, n_boot=300).target(TI)
    again = agree.agreement(records, seed=3, n_boot=300).target(TI)
    other = agree.agreement(records, seed=4, n_boot=300).target(TI)
    assert first.alpha_ci is not None and first.alpha_ci == again.alpha_ci
    assert first.alpha_ci != other.alpha_ci
    low, high = first.alpha_ci
    assert low <= (first.alpha or 0) <= high <= 1
    # Some resamples draw only 'support' units, where alpha is undefined: they are counted, not hidden.
    assert 0 < first.n_boot_used < 300
    assert any("bootstrap resamples" in note for note in first.notes)
    assert agree.agreement(records, n_boot=0).target(TI).alpha_ci is None


def test_skipped_deleted_and_superseded_annotations_do_not_count() -> None:
    records = [
        *_two_coders(),
        # An older annotation of u1 by B (superseded by the later 'oppose'), a skip and a deleted one.
        _ann(
            40, "u1", "annotator-b", stance_territorial_integrity="support", updated_at=datetime(2024, 9, 1, tzinfo=UTC)
        ),
        _ann(41, "u2", "annotator-c", cancelled=True),
        _ann(42, "u3", "annotator-c", stance_territorial_integrity="oppose", deleted=True),
    ]
    report = agree.agreement(records, n_boot=0)
    assert report.target(TI).alpha == pytest.approx(22 / 31)
    assert report.n_ignored == {"cancelled": 1, "deleted": 1, "superseded": 1}
    assert report.annotators == ["annotator-a", "annotator-b"]


def test_identical_labels_give_explicit_undefined_values_not_nan() -> None:
    records = [_ann(i, f"u{i % 3}", f"annotator-{i // 3}", is_claim=True) for i in range(6)]
    report = agree.agreement(records)
    claim = report.target("is_claim")
    assert claim.alpha is None and claim.alpha_ci is None
    assert claim.raw_agreement == 1.0
    assert any("no variation" in note and "'yes'" in note for note in claim.notes)
    assert claim.pairs[0].kappa is None and "undefined" in (claim.pairs[0].note or "")
    json.dumps(report.to_dict(), allow_nan=False)


@pytest.mark.parametrize(
    ("records", "words"),
    [
        ([], "no annotations"),
        ([_ann(1, "u1", "annotator-a", is_claim=True), _ann(2, "u2", "annotator-a", is_claim=False)], "one annotator"),
        ([_ann(1, "u1", "annotator-a", is_claim=True), _ann(2, "u2", "annotator-b", is_claim=False)], "two annotators"),
    ],
)
def test_thin_data_is_explained_not_crashed_on(records: list[Annotation], words: str) -> None:
    report = agree.agreement(records)
    notes = " ".join([*report.notes, *report.target("is_claim").notes])
    assert words in notes
    assert report.target("is_claim").alpha is None
    json.dumps(report.to_dict(), allow_nan=False)


def test_agreement_on_a_recorded_label_studio_export() -> None:
    # Election fairness: unit 101 (n/a, n/a), unit 102 (unfair, neutral); n = 4, n_na = 2:
    #   D_o = 2/4, D_e = 2(2·1 + 2·1 + 1·1)/(4·3) = 10/12, alpha = 1 - 0.6 = 0.4.
    records = list(parse_export(read_export(EXPORT), project="claimstance"))
    report = agree.agreement(records, n_boot=100)
    assert report.target("stance_election_fairness").alpha == pytest.approx(0.4)
    claim = report.target("is_claim")  # unit 103 was skipped by one annotator: only two units pair
    assert (claim.n_units, claim.n_pairable_units, claim.alpha) == (3, 2, None)
    assert report.n_ignored["cancelled"] == 1


def test_the_terminal_table_and_json_show_every_target() -> None:
    report = agree.agreement(_two_coders(), n_boot=50)
    console = Console(record=True, width=200)
    for table in agree.renderables(report):
        console.print(table)
    text = console.export_text()
    for shown in ("territorial integrity", "election fairness", "is claim", "0.710", "0.688", "annotator-b"):
        assert shown in text
    data = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert [t["target"] for t in data["targets"]] == list(agree.TARGETS)
    assert data["seed"] == 0 and data["n_boot"] == 50


def test_independent_agreement_leaves_out_influenced_annotations() -> None:
    records = _two_coders()
    records[1] = records[1].model_copy(update={"influenced": True})  # A saw a suggestion on u1, where A and B differ
    pooled = agree.agreement(records, n_boot=0).target("stance_territorial_integrity")
    report = agree.agreement(records, n_boot=0, independent=True)
    independent = report.target("stance_territorial_integrity")
    assert (pooled.n_pairable_units, independent.n_pairable_units) == (5, 4)
    assert independent.alpha == 1.0 and pooled.alpha is not None and pooled.alpha < 1.0
    assert report.n_ignored["influenced"] == 1


def test_agreement_on_the_speaker_is_reported_apart_and_never_quotes_a_name() -> None:
    shown = "Ilham Aliyev"
    records = [
        _ann(1, "u1", "annotator-a", speaker_shown=shown),
        _ann(2, "u1", "annotator-b", speaker_shown=shown, speaker_choice=shown),
        _ann(3, "u2", "annotator-a", speaker_shown=shown),
        _ann(4, "u2", "annotator-b", speaker_shown=shown, speaker_choice="other", speaker_correction=" OSCE "),
    ]
    report = agree.agreement(records, n_boot=0)
    speaker = report.speaker
    assert speaker is not None and report.target("speaker") is speaker
    assert "speaker" not in [t.target for t in report.targets]
    assert (speaker.labels, speaker.n_pairable_units, speaker.raw_agreement) == (["Ilham Aliyev", "OSCE"], 2, 0.5)
    same = agree.agreement(records[:2], n_boot=0).speaker
    assert same is not None and same.alpha is None
    assert shown not in " ".join(same.notes + [p.note or "" for p in same.pairs])
    console = Console(record=True, width=200)
    console.print(agree.render_table(report))
    assert "│ speaker " in console.export_text()  # its own row in the terminal table
    assert json.loads(json.dumps(report.to_dict()))["speaker"]["n_pairable_units"] == 2
    # Annotations pulled before schema 1.2.0 record no speaker: no speaker row at all.
    assert agree.agreement([_ann(5, "u3", "annotator-a", is_claim=True)], n_boot=0).speaker is None


def test_alpha_is_krippendorffs_nominal_alpha_on_any_counts() -> None:
    import krippendorff
    import numpy as np

    rng = np.random.default_rng(5)
    for labels in (2, 3, 7, 40):
        counts = rng.integers(0, 3, size=(60, labels)).astype(np.float64)
        counts = counts[counts.sum(axis=1) >= 2]  # agreement is measured on units labelled twice or more
        expected = krippendorff.alpha(value_counts=counts, level_of_measurement="nominal")
        unit, label = np.nonzero(counts)
        cells = agree._Cells(unit, label, counts[unit, label], *counts.shape)
        assert agree._alpha(cells) == pytest.approx(expected, abs=1e-12)
        # a bootstrap resample, given as each unit's multiplicity, is the resampled matrix's alpha
        drawn = rng.integers(0, len(counts), size=len(counts))
        weights = np.bincount(drawn, minlength=len(counts)).astype(np.float64)
        resampled = krippendorff.alpha(value_counts=counts[drawn], level_of_measurement="nominal")
        assert agree._alpha(cells, weights) == pytest.approx(resampled, abs=1e-12)


def test_speaker_agreement_over_a_corpus_of_many_names_stays_small() -> None:
    # The speaker is an open set: a corpus names hundreds of people. Agreement on it must not grow with the
    # square of the names (a units x names x names array took 7.7 GB for 2,000 units and 400 names).
    import tracemalloc

    records = [
        _ann(3 * u + i, f"u{u}", who, speaker_shown=f"Person {u % 250}", speaker_choice=f"Person {(u + i // 2) % 250}")
        for u in range(500)
        for i, who in enumerate(("annotator-a", "annotator-b", "annotator-c"))
    ]
    tracemalloc.start()
    try:
        report = agree.agreement(records, n_boot=3)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    speaker = report.speaker
    assert speaker is not None and speaker.alpha is not None and speaker.n_pairable_units == 500
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MiB"
    assert speaker.confusion == [] and all(p.confusion == [] for p in speaker.pairs)  # no names x names table
