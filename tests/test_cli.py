"""The command line: thin over the library, one line per user error, a non-zero exit."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from claimstance import api, labelstudio
from claimstance.cli import main
from claimstance.labelstudio import PushReport
from claimstance.labelstudio.users import NewAnnotator
from claimstance.schema import SCHEMA_VERSION, Document


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _doc(ident: str) -> str:
    return Document(id=ident, seed_file="a.txt", text="Hello.", raw_start=0, raw_end=6).model_dump_json()


def test_validate_reports_every_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [_doc("a-d01"), "{oops", _doc("a-d02"), '{"seed_file": "a.txt"}', _doc("a-d01")]
    path.write_text("\n".join(lines) + "\n")
    code, _, err = run(["validate", str(path)], capsys)
    assert code == 2
    assert f"{path}:2: malformed JSON" in err
    assert f"{path}:4: not a valid Document" in err
    assert f"{path}:5: duplicate id 'a-d01' (first on line 1)" in err
    assert "Traceback" not in err


def test_validate_refuses_a_foreign_schema_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(_doc("a-d01").replace(f'"schema_version":"{SCHEMA_VERSION}"', '"schema_version":"9.0.0"') + "\n")
    code, _, err = run(["validate", str(path)], capsys)
    assert code == 2 and "schema_version 9.0.0" in err


def test_validate_accepts_good_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(_doc("a-d01") + "\n")
    code, _, err = run(["validate", str(path)], capsys)
    assert code == 0 and "1 valid records" in err


def test_schema_check_fails_with_a_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema", "export", "--dir", str(tmp_path)], capsys)[0] == 0
    (tmp_path / "labels.json").write_text("{}\n")
    code, _, err = run(["schema", "check", "--dir", str(tmp_path)], capsys)
    assert code == 3
    assert err.splitlines()[0].startswith(f"claimstance: error: {tmp_path}: 1 generated file(s)")
    assert '+  "schema_version"' in err


def test_missing_input_is_one_line_and_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "units.jsonl"
    code, _, err = run(["segment", str(tmp_path / "missing.jsonl"), "--out", str(out)], capsys)
    assert code == 2
    assert err.strip().count("\n") == 0 and "missing.jsonl: no such file" in err
    assert not out.exists()


def test_publish_without_units_says_how_to_make_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "documents.jsonl").write_text(_doc("a-d01") + "\n")
    args = ["publish", "--units", str(tmp_path / "units.jsonl"), "--documents", str(tmp_path / "documents.jsonl")]
    code, _, err = run([*args, "--dir", str(tmp_path / "annotations"), "--out", str(tmp_path / "dataset")], capsys)
    assert code == 2 and err.strip().count("\n") == 0
    assert f"{tmp_path / 'units.jsonl'}: no such file (make it with 'claimstance segment" in err
    assert not (tmp_path / "dataset").exists()


def test_the_installed_command_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimstance.cli", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("claimstance, version")


def test_agree_adjudicate_and_publish_refuse_to_pool_the_projects_of_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimstance.schema import Annotation, StanceTerritorialIntegrity

    for project in ("team-a", "team-b"):
        records = [
            Annotation(
                id=f"ls-1-{n}",
                unit_id=f"u{n % 3}",
                annotator=f"annotator-{n % 2}",
                project=project,
                ls_task_id=n % 3,
                ls_annotation_id=n,
                stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT,
            )
            for n in range(6)
        ]
        (tmp_path / f"{project}.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records))
    code, _, err = run(["agree", "--dir", str(tmp_path), "--resamples", "0"], capsys)
    assert code == 2 and "2 projects (team-a, team-b)" in err and len(err.strip().splitlines()) <= 2
    code, out, _ = run(["agree", str(tmp_path / "team-a.jsonl"), "--resamples", "0"], capsys)
    assert code == 0 and "territorial" in out
    # adjudicate (without --project) and publish (without --project) refuse the folder too
    units = tmp_path / "work" / "units.jsonl"
    units.parent.mkdir()
    units.write_text("")
    (tmp_path / "claimstance.toml").write_text('project = "team-a"\n')
    monkeypatch.chdir(tmp_path)
    publish = ["publish", "-o", str(tmp_path / "out"), "--units", str(units), "--documents", str(units)]
    for command in (["adjudicate", str(units), "--no-push"], publish):
        code, _, err = run([*command, "--dir", str(tmp_path)], capsys)
        assert code == 2 and "2 projects (team-a, team-b)" in err and len(err.strip().splitlines()) <= 2


# ---- the study folder ----------------------------------------------------------------------------------------


def test_init_makes_a_study_and_prints_the_next_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["init", "pilot", "--project", "pilot-2024", "--overlap", "3"], capsys)
    assert code == 0
    written = tomllib.loads((tmp_path / "pilot" / "claimstance.toml").read_text(encoding="utf-8"))
    assert written == {"project": "pilot-2024", "overlap": 3}
    assert "cd pilot" in out and "claimstance server install" in out and "claimstance push units.jsonl" in out
    assert f"created {tmp_path / 'pilot' / 'guidelines.md'}" in err
    code, _, err = run(["init", "pilot"], capsys)
    assert code == 2 and "is already a study" in err and err.count("\n") == 1


def test_outside_any_study_a_command_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMSTANCE_ROOT", raising=False)
    monkeypatch.delenv("CLAIMSTANCE_LS_DATA_DIR", raising=False)
    for args in (["agree"], ["server", "status"], ["push", "units.jsonl"], ["ingest", "-o", "d.jsonl"]):
        code, _, err = run(args, capsys)
        assert code == 2, args
        assert err == (
            f"claimstance: error: {tmp_path}: not inside a claimstance study (no claimstance.toml here or above) "
            "(create one with 'claimstance init DIR', or pass --study DIR)\n"
        )
    assert not list(tmp_path.iterdir())


def test_study_option_runs_a_command_on_a_study_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["init", str(tmp_path / "study")], capsys)
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    for seed in seeds.glob("*.txt"):
        (tmp_path / "study" / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    code, _, err = run(["ingest", "--study", str(tmp_path / "study"), "-o", "documents.jsonl"], capsys)
    assert code == 0 and "wrote 6 documents to documents.jsonl" in err
    code, _, err = run(["agree", "--study", str(tmp_path / "study")], capsys)
    assert code == 2 and "no annotations" in err  # the study's own (empty) annotations/, not the repository's
    code, _, err = run(["agree", "--study", str(tmp_path / "elsewhere")], capsys)
    assert code == 2 and f"{tmp_path / 'elsewhere'}: not a study folder (no claimstance.toml)" in err


def test_push_with_passes_needs_as_many_annotators_as_the_overlap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "claimstance.toml").write_text('project = "pilot"\nannotators = 1\n')
    (tmp_path / "units.jsonl").write_text("")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["push", "units.jsonl", "--overlap", "2"], capsys)  # the study's annotators: 1
    assert code == 2 and "overlap 2 needs at least 2 annotators, not 1" in err and len(err.strip().splitlines()) <= 2


def test_push_annotators_0_pushes_one_shared_project_whatever_the_study_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "claimstance.toml").write_text('project = "pilot"\nannotators = 1\n')
    (tmp_path / "units.jsonl").write_text("")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["push", "units.jsonl", "--overlap", "2", "--annotators", "0"], capsys)
    # the shared push reads the units (and finds none) instead of planning passes for 1 annotator
    assert code == 2 and "needs at least" not in err and "units.jsonl: no ClaimUnit records" in err


# ---- annotator e-mails are never printed ---------------------------------------------------------------------

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def test_the_demo_names_its_annotator_by_id_and_pseudonym_and_points_to_the_login_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    login = tmp_path / "var" / "label-studio" / "credentials.json"
    summary = api.DemoSummary(
        url="http://127.0.0.1:8089",
        project="claimstance-demo",
        annotator_id=3,
        annotator_pseudonym="annotator-0123456789",
        login_file=login,
        documents=6,
        units=66,
        push=PushReport(project="claimstance-demo", project_id=1, created=66),
        dataset=tmp_path / "var" / "demo" / "dataset",
        dataset_rows={"units": {"train": 66}},
    )
    monkeypatch.setattr(api, "demo", lambda **_: summary)
    run(["init", str(tmp_path)], capsys)
    code, out, err = run(["demo", "--study", str(tmp_path)], capsys)
    assert code == 0 and not EMAIL.search(out + err)
    assert "user 3, annotator-0123456789" in out and f"demo_email and demo_password in {login}" in out


def test_annotators_add_hands_over_the_password_and_names_the_account_by_id_and_pseudonym(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    email = "jane.doe@uni.example.org"
    new = NewAnnotator(7, email, labelstudio.pseudonym(email), "s3cret-once-only-24chars", "http://127.0.0.1:8089")
    monkeypatch.setattr(api, "add_annotator", lambda *_a, **_k: new)
    code, out, err = run(["annotators", "add", email], capsys)
    assert code == 0 and not EMAIL.search(out + err) and "jane" not in out + err
    assert out == f"log in at http://127.0.0.1:8089 with your e-mail address and password {new.password}\n"
    assert f"user 7, {labelstudio.pseudonym(email)}" in err and new.password not in err
