"""The schema is the contract: its files in schema/ are current and its models refuse bad records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from claimstance import schema, schema_files
from claimstance.errors import SchemaDriftError
from claimstance.schema import (
    Attribution,
    ClaimUnit,
    Document,
    GoldLabel,
    GoldOrigin,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)
from pydantic import ValidationError

ROOT = Path(__file__).resolve().parents[1]


def _unit(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "d-u1",
        "doc_id": "d",
        "index": 0,
        "text": "We agree.",
        "char_start": 10,
        "char_end": 19,
        "context": "We agree.",
        "speaker": {"name": "Ilham Aliyev", "attribution": "author"},
    }
    data.update(overrides)
    return data


def test_committed_schema_files_are_current() -> None:
    schema_files.check(ROOT / "schema")


def test_check_reports_a_diff_when_a_file_drifts(tmp_path: Path) -> None:
    schema_files.export(tmp_path)
    path = tmp_path / "labels.json"
    path.write_text(path.read_text().replace('"value": "oppose"', '"value": "against"'))
    with pytest.raises(SchemaDriftError) as info:
        schema_files.check(tmp_path)
    assert "labels.json" in (info.value.detail or "")
    assert '+        "value": "oppose",' in (info.value.detail or "")
    assert "claimstance schema export" in info.value.one_line()


def test_extra_generated_files_are_written_and_checked_too(tmp_path: Path) -> None:
    written = schema_files.export(tmp_path, {"view.xml": "<View/>\n"})
    assert tmp_path / "view.xml" in written and (tmp_path / "view.xml").read_text() == "<View/>\n"
    schema_files.check(tmp_path, {"view.xml": "<View/>\n"})
    with pytest.raises(SchemaDriftError) as info:
        schema_files.check(tmp_path, {"view.xml": "<View></View>\n"})
    assert "view.xml (generated)" in (info.value.detail or "")


def test_stance_labels_are_exactly_the_declared_ones_in_order() -> None:
    assert StanceTerritorialIntegrity.names() == ["support", "oppose", "neutral", "not_applicable"]
    assert StanceElectionFairness.names() == ["fair", "unfair", "neutral", "not_applicable"]
    assert all(member.description for member in StanceTerritorialIntegrity)
    assert StanceElectionFairness("unfair") is StanceElectionFairness.UNFAIR


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        ClaimUnit.model_validate(_unit(colour="red"))


def test_offsets_must_match_the_text_length() -> None:
    with pytest.raises(ValidationError, match="char_end - char_start"):
        ClaimUnit.model_validate(_unit(char_end=25))


def test_unknown_attribution_is_refused() -> None:
    with pytest.raises(ValidationError):
        Speaker.model_validate({"name": "X", "attribution": "rumour"})
    assert Speaker(attribution=Attribution.REPORTED, cue="said").cue == "said"


def test_document_span_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="raw_end"):
        Document(id="a-d01", seed_file="a.txt", text="x", raw_start=5, raw_end=2)


def test_gold_label_must_come_from_its_target_set() -> None:
    GoldLabel(unit_id="u", target="stance_election_fairness", label="unfair", origin=GoldOrigin.MAJORITY)
    with pytest.raises(ValidationError, match="not one of"):
        GoldLabel(unit_id="u", target="stance_election_fairness", label="support", origin=GoldOrigin.MAJORITY)
    with pytest.raises(ValidationError, match="unresolved"):
        GoldLabel(unit_id="u", target="is_claim", label=None, origin=GoldOrigin.MAJORITY)


def test_stable_id_is_the_same_on_every_call() -> None:
    # A plain SHA-256 of the parts, so ids do not depend on the process (no hash randomisation) or machine.
    assert schema.stable_id("a", 1) == hashlib.sha256(b"a\x1f1").hexdigest()[:12] == "839e11a421d3"
    assert schema.stable_id("a", 1) != schema.stable_id("a", 2)


def test_json_schema_files_carry_the_version() -> None:
    data = json.loads((ROOT / "schema" / "claim_unit.schema.json").read_text())
    assert data["x-claimstance-schema-version"] == schema.SCHEMA_VERSION
    assert data["additionalProperties"] is False


@pytest.mark.parametrize(
    ("fields", "model"),
    [
        ({"seed_file": "a.txt"}, schema.Document),
        ({"annotator": "a"}, schema.Annotation),
        ({"model_version": "v"}, schema.Prediction),
        ({"origin": "majority", "target": "is_claim"}, schema.GoldLabel),
        ({"doc_id": "d", "char_start": 0}, schema.ClaimUnit),
        ({"id": "x"}, None),
        ([1], None),
    ],
)
def test_detect_model_recognises_a_record_by_its_fields(fields: object, model: type | None) -> None:
    assert schema.detect_model(fields) is model
    assert model is None or model in schema.RECORD_MODELS.values()


def test_a_codebook_states_its_version_on_its_version_line() -> None:
    shipped = (Path(__file__).resolve().parents[1] / "docs" / "guidelines.md").read_text(encoding="utf-8")
    assert schema.guidelines_version(shipped) == schema.GUIDELINES_VERSION
    assert schema.guidelines_version("# Ours\n\nGuidelines version 2.1.0-pilot, adapted.\n") == "2.1.0-pilot"
    assert schema.guidelines_version("# Ours\n\nNo version line.\n") == "unversioned"


def _annotation(**fields: object) -> schema.Annotation:
    return schema.Annotation.model_validate(
        {"id": "ls-1-1", "unit_id": "u1", "annotator": "annotator-a", "project": "p", "ls_task_id": 1}
        | {"ls_annotation_id": 1}
        | fields
    )


def test_the_effective_speaker_is_the_choice_the_typed_name_or_the_speaker_left_standing() -> None:
    shown = {"speaker_shown": "Ilham Aliyev"}
    assert schema.effective_speaker(_annotation(**shown)) == "Ilham Aliyev"  # nothing chosen: it stands
    assert schema.effective_speaker(_annotation(**shown, speaker_choice="Sergey Lavrov")) == "Sergey Lavrov"
    other = _annotation(**shown, speaker_choice="other", speaker_correction="  OSCE ")
    assert schema.effective_speaker(other) == "OSCE"
    assert schema.effective_speaker(_annotation(**shown, speaker_choice="other")) is None  # no name typed
    assert schema.effective_speaker(_annotation(**shown, speaker_choice="unattributed")) == schema.UNATTRIBUTED
    assert schema.speaker_value(None) == schema.speaker_value("  ") == "unattributed"


def test_an_annotation_written_before_schema_1_2_still_reads_and_says_nothing_about_the_speaker() -> None:
    old = _annotation(schema_version="1.1.0", stance_territorial_integrity="support", designed_overlap=2)
    assert (old.speaker_choice, old.speaker_shown) == (None, None)
    assert schema.effective_speaker(old) is None
    typed = _annotation(schema_version="1.0.0", speaker_correction="OSCE/ODIHR")  # the old free-text box
    assert schema.effective_speaker(typed) == "OSCE/ODIHR"


def test_speaker_gold_is_any_name_but_never_blank() -> None:
    gold = schema.GoldLabel(unit_id="u1", target="speaker", label="Nikol Pashinyan", origin=GoldOrigin.MAJORITY)
    assert gold.label == "Nikol Pashinyan"
    with pytest.raises(ValidationError, match="a name or 'unattributed'"):
        schema.GoldLabel(unit_id="u1", target="speaker", label=" ", origin=GoldOrigin.MAJORITY)
    with pytest.raises(ValidationError, match="None exactly when"):
        schema.GoldLabel(unit_id="u1", target="speaker", label=None, origin=GoldOrigin.MAJORITY)
