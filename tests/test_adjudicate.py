"""Adjudication: every gold label says how it was decided, and disputes reach an adjudicator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimstance import adjudicate
from claimstance.labelstudio import parse_export, pseudonym, read_export
from claimstance.schema import Annotation, GoldLabel, GoldOrigin

DATA = Path(__file__).parent / "data"
TI, EF = "stance_territorial_integrity", "stance_election_fairness"
USERS = {2: "ayla.mammadova@example.org", 3: "jonas.keller@example.org"}


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


def _gold(labels: list[GoldLabel], unit: str, target: str) -> GoldLabel:
    [found] = [g for g in labels if g.unit_id == unit and g.target == target]
    return found


def test_unanimous_majority_and_tie() -> None:
    records = [
        _ann(1, "u-unanimous", "annotator-a", stance_territorial_integrity="support"),
        _ann(2, "u-unanimous", "annotator-b", stance_territorial_integrity="support"),
        _ann(3, "u-majority", "annotator-a", stance_territorial_integrity="oppose"),
        _ann(4, "u-majority", "annotator-b", stance_territorial_integrity="oppose"),
        _ann(5, "u-majority", "annotator-c", stance_territorial_integrity="neutral"),
        _ann(6, "u-tie", "annotator-a", stance_territorial_integrity="support"),
        _ann(7, "u-tie", "annotator-b", stance_territorial_integrity="oppose"),
    ]
    gold = adjudicate.gold_labels(records)
    unanimous = _gold(gold, "u-unanimous", TI)
    assert (unanimous.label, unanimous.origin, unanimous.votes) == ("support", GoldOrigin.UNANIMOUS, {"support": 2})
    majority = _gold(gold, "u-majority", TI)
    assert (majority.label, majority.origin) == ("oppose", GoldOrigin.MAJORITY)
    assert majority.votes == {"oppose": 2, "neutral": 1}
    tie = _gold(gold, "u-tie", TI)
    assert (tie.label, tie.origin, tie.votes) == (None, GoldOrigin.UNRESOLVED, {"support": 1, "oppose": 1})


def test_every_unit_gets_every_target_in_a_stable_order() -> None:
    records = [
        _ann(1, "u2", "annotator-a", is_claim=False),
        _ann(2, "u1", "annotator-a", cancelled=True),
        _ann(3, "u3", "annotator-a", is_claim=True, deleted=True),
    ]
    gold = adjudicate.gold_labels(records)
    assert [(g.unit_id, g.target) for g in gold] == [(u, t) for u in ("u1", "u2") for t in adjudicate.TARGETS]
    assert all(g.origin is GoldOrigin.UNRESOLVED and g.votes == {} for g in gold if g.unit_id == "u1")
    assert _gold(gold, "u2", "is_claim").label == "no"
    assert _gold(gold, "u2", TI).origin is GoldOrigin.UNRESOLVED  # nobody answered it


def test_a_single_annotator_is_unanimous_with_one_vote_unless_two_are_required() -> None:
    records = [_ann(1, "u1", "annotator-a", stance_election_fairness="fair")]
    single = _gold(adjudicate.gold_labels(records), "u1", EF)
    assert (single.label, single.origin, single.votes) == ("fair", GoldOrigin.UNANIMOUS, {"fair": 1})
    strict = _gold(adjudicate.gold_labels(records, min_annotators=2), "u1", EF)
    assert (strict.label, strict.origin, strict.votes) == (None, GoldOrigin.UNRESOLVED, {"fair": 1})


def test_an_adjudication_wins_and_names_the_adjudicator() -> None:
    records = [
        _ann(1, "u-tie", "annotator-a", stance_territorial_integrity="support"),
        _ann(2, "u-tie", "annotator-b", stance_territorial_integrity="oppose"),
        _ann(3, "u-major", "annotator-a", is_claim=True),
        _ann(4, "u-major", "annotator-b", is_claim=True),
        _ann(5, "u-major", "annotator-c", is_claim=False),
    ]
    rulings = [
        _ann(50, "u-tie", "annotator-lead", stance_territorial_integrity="oppose"),
        _ann(51, "u-major", "annotator-lead", is_claim=False),
    ]
    gold = adjudicate.gold_labels(records, rulings)
    tie = _gold(gold, "u-tie", TI)
    assert (tie.label, tie.origin, tie.adjudicator) == ("oppose", GoldOrigin.ADJUDICATED, "annotator-lead")
    assert tie.votes == {"support": 1, "oppose": 1}
    overruled = _gold(gold, "u-major", "is_claim")
    assert (overruled.label, overruled.origin, overruled.votes) == ("no", GoldOrigin.ADJUDICATED, {"yes": 2, "no": 1})
    # The adjudicator left the other targets empty: they are decided by the annotators' votes.
    assert _gold(gold, "u-tie", EF).origin is GoldOrigin.UNRESOLVED


def test_conflicting_adjudications_are_not_settled_silently() -> None:
    records = [
        _ann(1, "u1", "annotator-a", stance_territorial_integrity="support"),
        _ann(2, "u1", "annotator-b", stance_territorial_integrity="oppose"),
    ]
    rulings = [
        _ann(50, "u1", "annotator-lead", stance_territorial_integrity="oppose"),
        _ann(51, "u1", "annotator-second", stance_territorial_integrity="support"),
    ]
    assert _gold(adjudicate.gold_labels(records, rulings), "u1", TI).origin is GoldOrigin.UNRESOLVED
    assert adjudicate.disputed_units(records, rulings) == ["u1"]
    # A skipped or deleted ruling does not count.
    ignored = [rulings[0], rulings[1].model_copy(update={"deleted": True})]
    assert _gold(adjudicate.gold_labels(records, ignored), "u1", TI).origin is GoldOrigin.ADJUDICATED


def test_the_latest_annotation_of_an_annotator_counts() -> None:
    records = [
        _ann(1, "u1", "annotator-a", is_claim=True, updated_at=datetime(2024, 9, 1, tzinfo=UTC)),
        _ann(2, "u1", "annotator-b", is_claim=False),
        _ann(3, "u1", "annotator-a", is_claim=False, updated_at=datetime(2024, 9, 5, tzinfo=UTC)),
    ]
    claim = _gold(adjudicate.gold_labels(records), "u1", "is_claim")
    assert (claim.label, claim.origin, claim.votes) == ("no", GoldOrigin.UNANIMOUS, {"no": 2})
    assert adjudicate.disputed_units(records) == []


def test_disputed_units_include_majorities_unless_asked_for_unresolved_only() -> None:
    records = [
        _ann(1, "u-major", "annotator-a", is_claim=True),
        _ann(2, "u-major", "annotator-b", is_claim=True),
        _ann(3, "u-major", "annotator-c", is_claim=False),
        _ann(4, "u-tie", "annotator-a", stance_election_fairness="fair"),
        _ann(5, "u-tie", "annotator-b", stance_election_fairness="unfair"),
        _ann(6, "u-agreed", "annotator-a", stance_election_fairness="fair"),
        _ann(7, "u-agreed", "annotator-b", stance_election_fairness="fair"),
    ]
    assert adjudicate.disputed_units(records) == ["u-major", "u-tie"]
    assert adjudicate.disputed_units(records, unresolved_only=True) == ["u-tie"]
    settled = [_ann(50, "u-tie", "annotator-lead", stance_election_fairness="unfair")]
    assert adjudicate.disputed_units(records, settled) == ["u-major"]


def test_disputes_show_the_votes_and_the_annotations_that_count() -> None:
    records = [
        _ann(1, "u1", "annotator-b", stance_election_fairness="unfair", is_claim=True),
        _ann(2, "u1", "annotator-a", stance_election_fairness="neutral", is_claim=True),
        _ann(3, "u1", "annotator-a", stance_election_fairness="fair", updated_at=datetime(2024, 9, 1, tzinfo=UTC)),
        _ann(4, "u2", "annotator-a", is_claim=True),
    ]
    [dispute] = adjudicate.disputes(records)
    assert (dispute.unit_id, dispute.targets) == ("u1", (EF,))
    assert dispute.votes == {EF: {"unfair": 1, "neutral": 1}}  # label-set order; the older 'fair' is replaced
    assert [a.ls_annotation_id for a in dispute.annotations] == [2, 1]  # by annotator
    assert adjudicate.disputed_units(records) == ["u1"]


def test_origin_counts_count_each_origin() -> None:
    gold = adjudicate.gold_labels([_ann(1, "u1", "annotator-a", is_claim=True)])
    assert adjudicate.origin_counts(gold) == {"unresolved": 2, "unanimous": 1}


def test_recorded_adjudication_round_trip_gives_adjudicated_gold() -> None:
    annotations = list(parse_export(read_export(DATA / "ls_export_ui.json"), project="claimstance", users=USERS))
    disputed = adjudicate.disputed_units(annotations)
    assert disputed == ["president-az-d02-91e4c07b3a55"]  # unfair vs neutral on election fairness
    export = read_export(DATA / "ls_export_adjudication.json")
    assert export[0]["data"]["unit_id"] == disputed[0]
    assert all(name in export[0]["data"]["annotator_labels"] for name in export[0]["data"]["annotators"])
    rulings = list(parse_export(export, project="claimstance-adjudication"))
    gold = adjudicate.gold_labels(annotations, rulings)
    decided = _gold(gold, disputed[0], EF)
    assert (decided.label, decided.origin) == ("unfair", GoldOrigin.ADJUDICATED)
    assert decided.adjudicator == pseudonym("lead.adjudicator@example.org")
    assert decided.votes == {"unfair": 1, "neutral": 1}
    assert adjudicate.disputed_units(annotations, rulings) == []
    # Unit 103: one annotator skipped, the other said 'no' -> unanimous on a single vote.
    greeting = _gold(gold, "president-az-d02-0b8d2e6f14a9", "is_claim")
    assert (greeting.label, greeting.origin, greeting.votes) == ("no", GoldOrigin.UNANIMOUS, {"no": 1})
    assert {g.origin for g in gold} <= set(GoldOrigin)


# ---- speaker gold ------------------------------------------------------------------------------------------

SPK = "speaker"


def test_speaker_gold_counts_a_shown_speaker_left_standing_as_a_vote_for_it() -> None:
    records = [
        # both say Aliyev: one let the shown speaker stand, one chose it from the list
        _ann(1, "u-confirmed", "annotator-a", speaker_shown="Ilham Aliyev"),
        _ann(2, "u-confirmed", "annotator-b", speaker_shown="Ilham Aliyev", speaker_choice="Ilham Aliyev"),
        # two corrections to the same listed speaker against the shown one
        _ann(3, "u-corrected", "annotator-a", speaker_shown="Ilham Aliyev", speaker_choice="Sergey Lavrov"),
        _ann(4, "u-corrected", "annotator-b", speaker_shown="Ilham Aliyev", speaker_choice="Sergey Lavrov"),
        _ann(5, "u-corrected", "annotator-c", speaker_shown="Ilham Aliyev"),
        # 'other' stands for the typed name; 'unattributed' for no speaker
        _ann(6, "u-other", "annotator-a", speaker_shown="Many", speaker_choice="other", speaker_correction="OSCE"),
        _ann(7, "u-other", "annotator-b", speaker_shown="Many", speaker_choice="unattributed"),
    ]
    gold = adjudicate.gold_labels(records)
    confirmed = _gold(gold, "u-confirmed", SPK)
    assert (confirmed.label, confirmed.origin) == ("Ilham Aliyev", GoldOrigin.UNANIMOUS)
    assert confirmed.votes == {"Ilham Aliyev": 2}
    corrected = _gold(gold, "u-corrected", SPK)
    assert (corrected.label, corrected.origin) == ("Sergey Lavrov", GoldOrigin.MAJORITY)
    assert corrected.votes == {"Sergey Lavrov": 2, "Ilham Aliyev": 1}
    other = _gold(gold, "u-other", SPK)
    assert (other.label, other.origin, other.votes) == (None, GoldOrigin.UNRESOLVED, {"OSCE": 1, "unattributed": 1})
    [dispute] = [d for d in adjudicate.disputes(records, unresolved_only=True)]
    assert (dispute.unit_id, dispute.targets) == ("u-other", (SPK,))


def test_an_adjudicator_rules_on_the_speaker_by_choosing_or_by_letting_it_stand_when_disputed() -> None:
    records = [
        _ann(1, "u-disputed", "annotator-a", speaker_shown="Many"),
        _ann(2, "u-disputed", "annotator-b", speaker_shown="Many", speaker_choice="unattributed"),
        _ann(3, "u-agreed", "annotator-a", speaker_shown="Ilham Aliyev"),
        _ann(4, "u-agreed", "annotator-b", speaker_shown="Ilham Aliyev"),
    ]
    stand = [_ann(10, "u-disputed", "annotator-z", speaker_shown="Many", is_claim=True)]
    ruled = adjudicate.gold_labels(records, stand)
    assert (_gold(ruled, "u-disputed", SPK).label, _gold(ruled, "u-disputed", SPK).origin) == (
        "Many",
        GoldOrigin.ADJUDICATED,
    )
    # On a unit nobody disputed, an adjudicator who chooses nothing does not overrule the annotators ...
    untouched = adjudicate.gold_labels(records, [_ann(11, "u-agreed", "annotator-z", speaker_shown="X Y")])
    assert _gold(untouched, "u-agreed", SPK).origin is GoldOrigin.UNANIMOUS
    # ... but one who chooses a speaker does.
    chosen = [_ann(12, "u-agreed", "annotator-z", speaker_shown="Ilham Aliyev", speaker_choice="Sergey Lavrov")]
    overruled = _gold(adjudicate.gold_labels(records, chosen), "u-agreed", SPK)
    assert (overruled.label, overruled.origin, overruled.adjudicator) == (
        "Sergey Lavrov",
        GoldOrigin.ADJUDICATED,
        "annotator-z",
    )


def test_annotations_pulled_before_the_speaker_choice_give_speaker_gold_only_from_typed_corrections() -> None:
    records = [
        _ann(1, "u-old", "annotator-a", stance_territorial_integrity="support"),
        _ann(2, "u-typed", "annotator-a", speaker_correction="OSCE/ODIHR"),
    ]
    gold = adjudicate.gold_labels(records)
    assert [g.target for g in gold if g.unit_id == "u-old"] == [TI, EF, "is_claim"]
    assert _gold(gold, "u-typed", SPK).label == "OSCE/ODIHR"
