"""labelstudio.tasks: what a unit (or a dispute) looks like as a Label Studio task, and a push's other inputs."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from claimstance.adjudicate import disputes
from claimstance.errors import InputError
from claimstance.labelstudio import annotation_config, labels_to_result, tasks
from claimstance.schema import (
    Annotation,
    AnnotationLabels,
    Attribution,
    ClaimUnit,
    Document,
    Prediction,
    Speaker,
    StanceTerritorialIntegrity,
)
from conftest import recorded, recorded_units

CONFIG = annotation_config()


# --- unit tasks ------------------------------------------------------------------------------------------


def test_task_data_carries_what_the_config_shows_and_what_pull_needs() -> None:
    unit = recorded_units()[0].model_copy(
        update={
            "speaker": Speaker(name="S. Lavrov", role="Foreign Minister", attribution=Attribution.REPORTED, cue="said")
        }
    )
    data = tasks.task_data(unit, doc_title="Lavrov on borders")
    variables = set(re.findall(r"\$(\w+)", CONFIG))
    assert variables <= data.keys()
    assert data["speaker_display"] == "S. Lavrov (Foreign Minister) · reported · 'said'"
    assert (data["unit_id"], data["doc_id"], data["doc_title"]) == (unit.id, unit.doc_id, "Lavrov on borders")
    assert (data["char_start"], data["char_end"], data["kind"]) == (0, len(unit.text), "claim")
    assert data["speaker_attribution"] == "reported" and data["speaker_cue"] == "said"
    assert tasks.task_data(unit, doc_title="Lavrov on borders") == data  # stable hash
    changed = tasks.task_data(unit.model_copy(update={"context": "More context."}), "Lavrov on borders")
    assert changed[tasks.HASH_FIELD] != data[tasks.HASH_FIELD]


def test_recorded_tasks_hash_the_same_today() -> None:
    """If this fails, every re-push would 'update' every task: the task payload format changed.

    The recorded tasks predate the speaker choice's ``speakers`` and show the document line of their time
    ("Document <id>"): the hash leaves both out for this reason.
    """
    rows = recorded("tasks_page.json")["tasks"]
    for unit, row in zip(recorded_units(), rows, strict=True):
        data = dict(tasks.task_data(unit))
        assert data.pop("speakers")[-2:] == tasks.speaker_options([])
        assert data.pop("doc_title") == tasks.NO_DOCUMENT_LINE and row["data"].pop("doc_title").startswith("Document ")
        assert data == row["data"]


def test_guidelines_become_html_with_raw_html_escaped() -> None:
    html = tasks.guidelines_html("# Codebook\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>")
    assert "<h1>Codebook</h1>" in html and "<table>" in html
    assert "<script>" not in html


def test_unit_tasks_carry_titles_and_only_predictions_with_labels() -> None:
    units = recorded_units()
    support = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT)
    predictions = {units[0].id: support, units[1].id: AnnotationLabels(), "not-a-unit": support}
    made = list(tasks.unit_tasks(units, predictions=predictions, doc_titles={"rec-d0": "Borders"}))
    assert [t["data"] for t in made] == [tasks.task_data(u, "Borders") for u in units]
    assert made[0]["predictions"] == [{"model_version": "claimstance", "result": labels_to_result(support)}]
    assert "predictions" not in made[1] and "predictions" not in made[2]  # empty labels predict nothing
    tagged = next(tasks.unit_tasks(units[:1], predictions=predictions, model_version="rules-v2"))
    assert (
        tagged["predictions"][0]["model_version"] == "rules-v2"
        and tagged["data"]["doc_title"] == tasks.NO_DOCUMENT_LINE
    )


def test_checked_tasks_hash_the_data_afresh_and_pass_predictions_on() -> None:
    unit = recorded_units()[0]
    stale = {**tasks.task_data(unit), "annotator_labels": "annotator-1: support"}  # added after hashing
    prediction = {"model_version": "m", "result": []}
    ((data, predicted),) = tasks.checked_tasks([{"data": stale, "predictions": [prediction]}])
    assert data["annotator_labels"] == "annotator-1: support" and predicted == prediction
    assert data[tasks.HASH_FIELD] == tasks.content_hash(stale) != stale[tasks.HASH_FIELD]
    ((plain, none),) = tasks.checked_tasks([{"data": tasks.task_data(unit)}])
    assert plain == tasks.task_data(unit) and none is None  # unit tasks keep the hash they were recorded with


@pytest.mark.parametrize(
    ("task", "message"),
    [
        ({"text": "no data key"}, "task 2 of the input has no 'data' object"),
        ({"data": {"unit_id": "u2"}, "annotations": []}, "task 2 of the input has annotations besides 'data'"),
        ({"data": {"text": "x"}}, "task 2 of the input has no 'unit_id' in its data"),
        ({"data": {"unit_id": "u2"}, "predictions": [{}, {}]}, "unit 'u2'.* at most one prediction"),
        ({"data": {"unit_id": "u2", "when": object()}}, "the data of unit 'u2' is not JSON"),
        ({"data": {"unit_id": "u1"}}, "unit id 'u1' appears twice in the input"),
    ],
)
def test_malformed_or_repeated_tasks_are_input_errors(task: dict[str, Any], message: str) -> None:
    checked = tasks.checked_tasks([{"data": {"unit_id": "u1"}}, task])
    assert next(checked)[0]["unit_id"] == "u1"
    with pytest.raises(InputError, match=message):
        next(checked)


# --- adjudication tasks ------------------------------------------------------------------------------------


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


def _unit(ident: str, text: str = "The vote was held in a restricted environment.") -> ClaimUnit:
    speaker = Speaker(name="OSCE observers", attribution=Attribution.REPORTED, cue="said")
    context = f"Turnout was 76 percent. {text}"
    return ClaimUnit(
        id=ident, doc_id="doc-d01", index=1, text=text, char_start=0, char_end=len(text), context=context,
        speaker=speaker,
    )  # fmt: skip


def test_adjudication_tasks_show_each_annotators_labels_under_their_pseudonym() -> None:
    records = [
        _ann(1, "u1", "annotator-a", stance_election_fairness="unfair", is_claim=True),
        _ann(
            2, "u1", "annotator-b", stance_election_fairness="neutral", is_claim=True, comment="Hedged:\n'restricted'"
        ),
        _ann(3, "u2", "annotator-a", stance_election_fairness="fair"),
        _ann(4, "u2", "annotator-b", stance_election_fairness="fair"),
    ]
    units = [_unit("u1"), _unit("u2", "All is well.")]
    [task] = tasks.adjudication_tasks(units, disputes(records))
    data: Any = task["data"]
    assert {k: v for k, v in data.items() if k in tasks.task_data(units[0])} == tasks.task_data(units[0])
    assert data["disputed_targets"] == "election fairness"
    assert data["annotators"] == ["annotator-a", "annotator-b"]
    shown = data["annotator_labels"]
    assert shown.splitlines()[0] == "Disagreement on election fairness: unfair ×1, neutral ×1"
    assert "annotator-a\n  territorial integrity: (none)\n  election fairness: unfair\n  is claim: yes" in shown
    assert "  comment: Hedged: / 'restricted'" in shown
    json.dumps(task)  # Label Studio takes it as JSON


def test_adjudication_tasks_need_every_disputed_unit() -> None:
    records = [_ann(1, "u1", "annotator-a", is_claim=True), _ann(2, "u1", "annotator-b", is_claim=False)]
    with pytest.raises(InputError, match="'u1' is disputed"):
        tasks.adjudication_tasks([_unit("u9")], disputes(records))


# --- what a push is given besides the units ----------------------------------------------------------------


def test_predictions_must_be_for_units_of_the_units_file(tmp_path: Path) -> None:
    first = Prediction(unit_id="u1", model_version="rules-v1", is_claim=True)
    later = Prediction(unit_id="u1", model_version="rules-v2", is_claim=False)
    assert tasks.checked_predictions([first, later], {"u1"}, path="p.jsonl", units="units.jsonl") == {"u1": later}
    stray = [first, Prediction(unit_id="u9", model_version="m"), Prediction(unit_id="u8", model_version="m")]
    with pytest.raises(InputError) as caught:
        tasks.checked_predictions(stray, {"u1"}, path="p.jsonl", units="units.jsonl")
    assert caught.value.one_line() == (
        "p.jsonl: prediction for unknown unit 'u8' (2 in all) "
        "(make the predictions from units.jsonl again with 'claimstance predict')"
    )


def test_a_prediction_keeps_its_own_model_version_unless_one_is_given() -> None:
    unit = recorded_units()[0]
    prediction = Prediction(unit_id=unit.id, model_version="rules-v3", is_claim=True)
    (own,) = tasks.unit_tasks([unit], predictions={unit.id: prediction})
    (given,) = tasks.unit_tasks([unit], predictions={unit.id: prediction}, model_version="override")
    assert own["predictions"][0]["model_version"] == "rules-v3"
    assert given["predictions"][0]["model_version"] == "override"


def test_doc_titles_need_every_unit_to_be_a_slice_of_its_document() -> None:
    unit = recorded_units()[0]
    text = f"Preamble. {unit.text}"
    moved = unit.model_copy(update={"char_start": 10, "char_end": 10 + len(unit.text)})
    doc = Document(id=unit.doc_id, seed_file="s.txt", title="Borders", text=text, raw_start=0, raw_end=len(text))
    assert tasks.checked_doc_titles([doc], [moved], path="d.jsonl", source="u.jsonl") == {unit.doc_id: "Borders"}
    with pytest.raises(InputError, match="are not the unit's text"):
        tasks.checked_doc_titles([doc], [unit], path="d.jsonl", source="u.jsonl")
    with pytest.raises(InputError, match=r"which d\.jsonl does not hold"):
        tasks.checked_doc_titles([], [unit], path="d.jsonl", source="u.jsonl")


def test_document_line_shows_title_source_and_date_never_the_internal_id() -> None:
    text = "Text."
    doc = Document(id="pa-2024-0001", seed_file="s.txt", text=text, raw_start=0, raw_end=len(text))
    dated = doc.model_copy(update={"source": "president.az", "published": date(2024, 2, 14)})
    titled = dated.model_copy(update={"title": "Speech at the inauguration"})
    assert tasks.document_line(titled) == "Speech at the inauguration · president.az · 2024-02-14"
    assert tasks.document_line(dated) == "president.az · 2024-02-14"  # untitled: its source and date alone
    assert tasks.document_line(doc) == tasks.NO_DOCUMENT_LINE and "pa-2024" not in tasks.NO_DOCUMENT_LINE


def test_guidelines_default_to_the_studys_own_codebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "claimstance.toml").write_text("", encoding="utf-8")
    (tmp_path / "guidelines.md").write_text("# Codebook\n\nGuidelines version 2.0.0.\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    monkeypatch.chdir(tmp_path / "seeds")
    assert tasks.read_guidelines() == "# Codebook\n\nGuidelines version 2.0.0.\n"


def test_without_its_own_codebook_a_study_uses_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # in no study at all
    shipped = tasks.read_guidelines()
    assert shipped.startswith("# Annotation guidelines (codebook)")
    assert "stance_territorial_integrity" in shipped or "Territorial integrity" in shipped


def test_the_claim_is_marked_inside_its_escaped_context() -> None:
    unit = recorded_units()[0].model_copy(
        update={"context": "Before <b>x</b>. " + recorded_units()[0].text + " After."}
    )
    shown = tasks.context_html(unit)
    assert shown == f"Before &lt;b&gt;x&lt;/b&gt;. {tasks.CLAIM_MARK}{unit.text}</mark> After."
    elsewhere = unit.model_copy(update={"context": "Only the neighbours."})
    assert tasks.context_html(elsewhere).endswith(f"{tasks.CLAIM_MARK}{unit.text}</mark>")


# --- the speaker choice ------------------------------------------------------------------------------------


def _spoken(ident: str, doc: str, name: str | None) -> ClaimUnit:
    speaker = Speaker(name=name, attribution=Attribution.REPORTED if name else Attribution.UNATTRIBUTED)
    return _unit(ident).model_copy(update={"doc_id": doc, "speaker": speaker})


def test_each_document_offers_its_own_named_speakers_in_order_without_e_mails() -> None:
    units = [
        _spoken("u1", "d1", "Ilham Aliyev"),
        _spoken("u2", "d1", None),
        _spoken("u3", "d2", "Charles Michel"),
        _spoken("u4", "d1", "press@mfa.example.org"),
        _spoken("u5", "d1", "Sergey Lavrov"),
        _spoken("u6", "d1", "Ilham Aliyev"),
    ]
    speakers = tasks.document_speakers(units)
    assert speakers == {"d1": ["Ilham Aliyev", "Sergey Lavrov"], "d2": ["Charles Michel"]}
    data = [task["data"] for task in tasks.unit_tasks(units, speakers=speakers)]
    assert [o["value"] for o in data[1]["speakers"]] == ["Ilham Aliyev", "Sergey Lavrov", "other", "unattributed"]
    assert [o["value"] for o in data[2]["speakers"]] == ["Charles Michel", "other", "unattributed"]
    # Without the document's speakers a task offers its own unit's (none for an unattributed one).
    alone = [task["data"]["speakers"] for task in tasks.unit_tasks(units[:2])]
    assert [[o["value"] for o in options] for options in alone] == [
        ["Ilham Aliyev", "other", "unattributed"],
        ["other", "unattributed"],
    ]


def test_speaker_options_have_hotkeys_escaped_names_and_leave_the_hash_alone() -> None:
    names = [f"Speaker <{n}>" for n in range(12)]
    options = tasks.speaker_options(names)
    assert [o.get("hotkey") for o in options] == [*"asdfgjlqtc", None, None, "x", "z"]
    assert options[0]["html"] == "Speaker &lt;0&gt;" and options[0]["value"] == "Speaker <0>"
    # Every hotkey is free: none is a stance's or is_claim's.
    assert not {o.get("hotkey") for o in options} & {*"12345678", "y", "n"}
    unit = _unit("u1")
    assert tasks.task_data(unit, speakers=names)["unit_hash"] == tasks.task_data(unit)["unit_hash"]


def test_adjudicators_see_the_annotators_speakers_and_choose_among_the_documents() -> None:
    records = [
        _ann(1, "u1", "annotator-a", speaker_shown="OSCE observers"),
        _ann(2, "u1", "annotator-b", speaker_shown="OSCE observers", speaker_choice="other", speaker_correction="CEC"),
    ]
    units = [_unit("u1"), _spoken("u2", "doc-d01", "Central Election Commission")]
    [task] = tasks.adjudication_tasks(units, disputes(records))
    data: Any = task["data"]
    assert data["disputed_targets"] == "speaker"
    assert data["annotator_labels"].splitlines()[0] == "Disagreement on speaker: CEC ×1, OSCE observers ×1"
    assert "annotator-b\n" in data["annotator_labels"] and "  speaker: CEC\n" in data["annotator_labels"]
    values = [o["value"] for o in data["speakers"]]
    assert values == ["OSCE observers", "Central Election Commission", "other", "unattributed"]
