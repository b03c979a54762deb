"""Hostile inputs and faults across the whole pipeline, through the CLI a user runs.

The corpus in tests/data/hostile/ (made by its make.py; manifest.json says which command each file is given
to) is walked through ``claimstance.cli.main``: every bad input must give one line on stderr naming the file
and line (or task) and what to do, a non-zero exit, no traceback, and leave every existing file as it was
(no partial output). Inputs that are awkward but valid (HTML, right-to-left text, 10,000-character sentences,
a 50 MB line) must go through with exact offsets. Then: the retry policy against a tiny local HTTP server
that fails on purpose, tokens that must never be printed, annotator e-mails that must never be stored, and
property tests of the export parser and of ingest + segment.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from claimstance import config, io, labelstudio
from claimstance.cli import main
from claimstance.errors import (
    AuthenticationError,
    ClaimstanceError,
    LabelStudioError,
    ServerUnavailableError,
)
from claimstance.ingest import ingest_text
from claimstance.labelstudio import Connection, server
from claimstance.labelstudio.labeling_config import CHOICE_CONTROLS, TEXT_CONTROLS
from claimstance.labelstudio.payloads import IMPORT_RESPONSE
from claimstance.schema import Annotation, ClaimUnit, Document
from claimstance.segment import segment
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

HOSTILE = Path(__file__).parent / "data" / "hostile"
REPO_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))["cases"]
ERRORS = [c for c in MANIFEST if c["exit"] != 0]
ACCEPTED = [c for c in MANIFEST if c["exit"] == 0]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """Run the CLI in this process as a user would; an exception other than SystemExit fails the test."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (temporary files included: none may be left behind)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def scratch(tmp_path: Path) -> Path:
    """Outputs of an earlier, successful run, which a failing command must leave exactly as they are."""
    out = tmp_path / "out"
    (out / "annotations").mkdir(parents=True)
    (out / "documents.jsonl").write_text("previous documents\n")
    (out / "units.jsonl").write_text("previous units\n")
    (out / "predictions.jsonl").write_text("previous predictions\n")
    shutil.copy(HOSTILE / "annotations_ok.jsonl", out / "annotations" / "claimstance-seeds.jsonl")
    (out / "annotations" / "claimstance-seeds.gold.jsonl").write_text("previous gold labels\n")
    return out


def expand(args: list[str], out: Path, url: str) -> list[str]:
    values = {"data": str(HOSTILE), "out": str(out), "seeds": str(REPO_ROOT / "seeds"), "url": url}
    return [arg.format(**values) for arg in args]


@pytest.fixture
def nowhere() -> str:
    """An address where nothing listens: a push that gets past its input checks fails there with exit 4."""
    return f"http://127.0.0.1:{server.find_free_port()}"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Push locks and the guidelines default live under the project root: keep them in the test's folder.
    monkeypatch.setenv("CLAIMSTANCE_LS_DATA_DIR", str(tmp_path / "ls-data"))
    monkeypatch.setenv("CLAIMSTANCE_RETRIES", "0")


# ---- the corpus -------------------------------------------------------------------------------------------


def test_the_corpus_is_large_and_varied_enough() -> None:
    stages = {c["args"][0] for c in ERRORS}
    assert len(ERRORS) >= 30 and len({c["file"] for c in MANIFEST}) >= 30
    assert {"ingest", "segment", "push", "predict", "pull", "agree", "adjudicate", "publish", "schema"} <= stages
    for c in MANIFEST:
        assert (HOSTILE / c["file"]).exists(), c["file"]


@pytest.mark.parametrize("case", ERRORS, ids=[f"{c['args'][0]}-{c['file']}" for c in ERRORS])
def test_a_bad_input_is_one_line_and_changes_nothing(
    case: dict[str, Any], tmp_path: Path, nowhere: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = scratch(tmp_path)
    for before in case.get("before", []):
        assert cli(capsys, *expand(before, out, nowhere)).code == 0
    for target, source in case.get("setup", {}).items():
        shutil.copy(HOSTILE / source, out / target)
    corpus, previous = snapshot(HOSTILE), snapshot(out)

    run = cli(capsys, *expand(case["args"], out, nowhere))

    assert run.code == case["exit"], run.err
    assert "Traceback" not in run.err + run.out
    assert run.out == ""
    first = run.lines[0]
    assert first.startswith("claimstance: error: "), run.err
    assert len(run.lines) == 1 or case.get("detail"), run.err  # only a diff may follow, after the one line
    for words in case["words"]:
        assert words.lower() in first.lower(), f"{words!r} not in {first!r}"
    assert re.search(r"\(.+\)$", first), f"no hint (what to do) in {first!r}"
    assert snapshot(out) == previous, "a failing command changed or left files"
    assert snapshot(HOSTILE) == corpus


def test_html_and_scripts_are_kept_verbatim_with_exact_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, _docs, units = ingest_and_segment(capsys, tmp_path, "seed_html_and_scripts.txt")
    text = "".join(u.text for u in units)
    for markup in ["<script>alert('x')</script>", "&amp;", "&lt;mostly&gt;", "onerror=alert(1)", "<!-- a comment -->"]:
        assert markup in raw and markup in text
    assert any("President Aliyev said" in u.text and u.speaker.name for u in units)


def test_right_to_left_and_combining_characters_keep_exact_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _raw, _docs, units = ingest_and_segment(capsys, tmp_path, "seed_rtl_combining.txt")
    assert any("حدود أذربيجان" in u.text for u in units)
    assert any("ראש הממשלה" in u.text for u in units)
    assert any("Cafe\u0301" in u.text for u in units)  # the combining accent stays with its letter
    assert any("\u202e" in u.text for u in units)  # a bidi override is text, not an error
    assert not any(u.text[0] in "\u0301\u0308\u0336" for u in units)  # no unit starts on a combining mark


def test_ten_thousand_character_sentences_are_units_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _raw, _docs, units = ingest_and_segment(capsys, tmp_path, "seed_10000_char_sentences.txt")
    assert len(units) == 3
    assert all(9_900 <= len(u.text) <= 10_000 and u.text.endswith(".") for u in units)


def test_windows_line_ends_count_in_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _raw, _docs, units = ingest_and_segment(capsys, tmp_path, "seed_crlf.txt")
    assert [u.text for u in units] == ["The border is safe.", "It was said twice.", "The vote was fair."]


def ingest_and_segment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> tuple[str, list[Document], list[ClaimUnit]]:
    """Ingest and segment one corpus seed through the CLI; check every offset against the raw file."""
    documents, units_path = tmp_path / "documents.jsonl", tmp_path / "units.jsonl"
    assert cli(capsys, "ingest", str(HOSTILE / name), "-o", str(documents)).code == 0
    assert cli(capsys, "segment", str(documents), "-o", str(units_path)).code == 0
    raw = (HOSTILE / name).read_bytes().decode("utf-8")
    docs = list(io.read_jsonl(documents, Document))
    units = list(io.read_jsonl(units_path, ClaimUnit))
    by_id = {d.id: d for d in docs}
    for doc in docs:
        assert raw[doc.raw_start : doc.raw_end].startswith(doc.text[:20])
    for unit in units:
        assert by_id[unit.doc_id].text[unit.char_start : unit.char_end] == unit.text
    assert cli(capsys, "validate", str(documents), str(units_path)).code == 0
    return raw, docs, units


def test_an_export_whose_predictions_are_ids_is_pulled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case,) = [c for c in ACCEPTED if c["file"] == "export_predictions_as_ids.json"]
    run = cli(capsys, *expand(case["args"], tmp_path, ""))
    assert run.code == 0, run.err
    (record,) = io.read_jsonl(tmp_path / "annotations" / "claimstance-seeds.jsonl", Annotation)
    assert record.stance_territorial_integrity is not None and record.stance_territorial_integrity.value == "support"


def test_a_50_mb_line_is_ingested_whole_and_a_record_past_the_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = " ".join(["Armenia and Azerbaijan discussed the border"] * 20) + ". "
    line = (sentence * (50_000_000 // len(sentence) + 1))[:50_000_000].rstrip() + "\n"
    seed, documents = tmp_path / "one_line.txt", tmp_path / "documents.jsonl"
    seed.write_text(line, encoding="utf-8")
    assert cli(capsys, "ingest", str(seed), "-o", str(documents)).code == 0
    (doc,) = io.read_jsonl(documents, Document)  # the next stage reads what ingest wrote
    assert doc.text == line.strip() and (doc.raw_start, doc.raw_end) == (0, len(line) - 1)
    del doc

    monkeypatch.setattr(io, "MAX_LINE_CHARS", 32 * 2**20)  # a smaller limit, to see the refusal
    units = tmp_path / "units.jsonl"
    units.write_text("previous\n")
    run = cli(capsys, "segment", str(documents), "-o", str(units))
    assert run.code == 2 and len(run.lines) == 1
    assert f"{documents}:1: record is over 32 MB" in run.err and "split it" in run.err
    assert units.read_text() == "previous\n"


def test_a_rewritten_output_keeps_its_file_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    documents = tmp_path / "documents.jsonl"
    assert cli(capsys, "ingest", str(HOSTILE / "seed_crlf.txt"), "-o", str(documents)).code == 0
    documents.chmod(0o644)
    assert cli(capsys, "ingest", str(HOSTILE / "seed_crlf.txt"), "-o", str(documents)).code == 0
    assert documents.stat().st_mode & 0o777 == 0o644  # rewritten atomically, not made private


# ---- retries against a server that fails on purpose ------------------------------------------------------


@dataclass
class Misbehaving:
    """A tiny HTTP server on 127.0.0.1 whose answer each test chooses; it counts requests and keeps headers."""

    answer: Callable[[int], tuple[int, float, object]] = lambda n: (500, 0.0, {"detail": "boom"})
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def misbehaving() -> Iterator[Misbehaving]:
    state = Misbehaving()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _reply(self) -> None:
            state.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            status, delay, body = state.answer(len(state.requests))
            time.sleep(delay)
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout): expected
                pass

        do_GET = do_POST = do_PATCH = do_DELETE = _reply

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def fake_settings(url: str, *, retries: int, timeout: float = 5.0, api_key: str = "legacy-test-token") -> Any:
    return config.server_settings(url=url, api_key=api_key, timeout=timeout, retries=retries)


def one_user(email: str) -> list[dict[str, object]]:
    """What Label Studio answers for its users: one user with this e-mail."""
    return [{"id": 1, "email": email, "username": email}]


def test_a_server_answering_500_is_retried_a_bounded_number_of_times_with_backoff(misbehaving: Misbehaving) -> None:
    started = time.monotonic()
    with pytest.raises(ServerUnavailableError) as caught:
        labelstudio.list_users(settings=fake_settings(misbehaving.url, retries=2))
    elapsed = time.monotonic() - started
    assert len(misbehaving.requests) == 3  # the first try and 2 retries, no more
    assert 1.4 <= elapsed < 6  # backoff 0.5 s then 1 s: waited, but not for long
    message = str(caught.value)
    assert "\n" not in message and "HTTP 500" in message and "see the server's log" in message


def test_a_server_that_never_answers_in_time_is_a_timeout_after_bounded_tries(misbehaving: Misbehaving) -> None:
    waits: list[float] = []
    misbehaving.answer = lambda n: (200, 3.0, one_user("late@example.org"))
    started = time.monotonic()
    conn = Connection(fake_settings(misbehaving.url, retries=1, timeout=1.0), sleep=waits.append)
    with conn, pytest.raises(ServerUnavailableError) as caught:
        labelstudio.list_users(connection=conn)
    assert len(misbehaving.requests) == 2 and len(waits) == 1
    assert time.monotonic() - started < 4  # two 1 s timeouts, not the server's 3 s each
    message = str(caught.value)
    assert "did not answer within 1 s" in message and "CLAIMSTANCE_TIMEOUT" in message and "\n" not in message


def test_a_slow_server_within_the_timeout_is_waited_for_once(misbehaving: Misbehaving) -> None:
    misbehaving.answer = lambda n: (200, 0.5, one_user("slow@example.org"))
    settings = fake_settings(misbehaving.url, retries=3, timeout=5)
    assert labelstudio.list_users(settings=settings) == {1: "slow@example.org"}
    assert len(misbehaving.requests) == 1


def test_a_passing_503_is_retried_and_the_call_succeeds(misbehaving: Misbehaving) -> None:
    misbehaving.answer = lambda n: (503, 0.0, {}) if n < 3 else (200, 0.0, one_user("back@example.org"))
    with Connection(fake_settings(misbehaving.url, retries=3), sleep=lambda seconds: None) as conn:
        assert labelstudio.list_users(connection=conn) == {1: "back@example.org"}
    assert len(misbehaving.requests) == 3


def test_an_import_that_failed_with_500_is_not_sent_again(misbehaving: Misbehaving) -> None:
    conn = Connection(fake_settings(misbehaving.url, retries=4))
    with conn, pytest.raises(ServerUnavailableError, match="HTTP 500"):
        conn.post("api/projects/1/import", {}, [{"data": {"unit_id": "u"}}], "importing 1 tasks", IMPORT_RESPONSE)
    assert [(m, p.split("?")[0]) for m, p, _ in misbehaving.requests] == [("POST", "/api/projects/1/import")]


def test_a_closed_port_is_retried_a_bounded_number_of_times(nowhere: str) -> None:
    waits: list[float] = []
    conn = Connection(fake_settings(nowhere, retries=3), sleep=waits.append)
    with conn, pytest.raises(ServerUnavailableError) as caught:
        labelstudio.list_users(connection=conn)
    assert waits == sorted(waits) and len(waits) == 3 and max(waits) <= 8
    assert "cannot reach Label Studio" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("body", [b"<html>captive portal</html>", "a JSON string", ["a", "list"]])
def test_something_else_than_label_studio_answering_is_one_line(misbehaving: Misbehaving, body: object) -> None:
    misbehaving.answer = lambda n: (200, 0.0, body)
    settings = fake_settings(misbehaving.url, retries=0)
    calls = [
        lambda: labelstudio.task_ids("p", settings=settings),
        lambda: labelstudio.export_tasks("p", settings=settings),
    ]
    for call in calls:
        with pytest.raises(LabelStudioError, match="did not answer like Label Studio") as caught:
            call()
        assert "check LABEL_STUDIO_URL" in str(caught.value) and "\n" not in str(caught.value)


# ---- secrets and privacy -----------------------------------------------------------------------------------

LS_TOKEN = "RECOGNISABLE-ls-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0"
HF_TOKEN = "hf_RecognisableFakeToken0123456789abcdefXYZ"


def test_a_wrong_label_studio_token_never_appears_in_output(
    misbehaving: Misbehaving, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", LS_TOKEN)
    misbehaving.answer = lambda n: (401, 0.0, {"detail": "Invalid token."})
    units = str(HOSTILE / "units_ok.jsonl")
    guidelines = str(HOSTILE / "guidelines.md")
    runs = [
        cli(capsys, "push", units, "--url", misbehaving.url, "--guidelines", guidelines),
        cli(capsys, "pull", "--url", misbehaving.url, "--dir", str(tmp_path / "annotations")),
    ]
    assert all(f"Token {LS_TOKEN}" in headers.get("authorization", "") for _, _, headers in misbehaving.requests)
    for run in runs:
        assert run.code == 4 and len(run.lines) == 1 and "rejected the API token" in run.err
        assert LS_TOKEN not in run.err + run.out and LS_TOKEN[:20] not in run.err + run.out
    assert not (tmp_path / "annotations").exists()


def segmented_seeds(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """The units and documents of the repository's seeds, made through the CLI: (units, documents)."""
    documents, units = tmp_path / "documents.jsonl", tmp_path / "units.jsonl"
    assert cli(capsys, "ingest", str(REPO_ROOT / "seeds"), "-o", str(documents)).code == 0
    assert cli(capsys, "segment", str(documents), "-o", str(units)).code == 0
    return units, documents


def test_the_hugging_face_token_never_appears_when_the_hub_refuses(
    misbehaving: Misbehaving, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HF_TOKEN", HF_TOKEN)
    monkeypatch.setenv("HF_ENDPOINT", misbehaving.url)
    misbehaving.answer = lambda n: (401, 0.0, {"error": f"Invalid credentials in Authorization header {HF_TOKEN}"})
    (tmp_path / "annotations").mkdir()
    units, documents = segmented_seeds(capsys, tmp_path)
    run = cli(
        capsys, "publish", "--units", str(units), "--documents", str(documents), "--out", str(tmp_path / "dataset"),
        "--dir", str(tmp_path / "annotations"), "--push-to-hub", "someone/claims",
    )  # fmt: skip
    assert misbehaving.requests and any(HF_TOKEN in h.get("authorization", "") for _, _, h in misbehaving.requests)
    assert run.code == 5 and "refused the upload" in run.err and "Traceback" not in run.err
    assert HF_TOKEN not in run.err + run.out and HF_TOKEN[3:20] not in run.err + run.out


def test_annotator_emails_never_reach_annotations_or_the_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emails = ["Annotator.One@Example.org", "annotator.two@example.org"]
    units_path, documents = segmented_seeds(capsys, tmp_path)
    units = list(io.read_jsonl(units_path, ClaimUnit))[:3]
    tasks = []
    for n, unit in enumerate(units):
        annotations = []
        for k, email in enumerate(emails):
            result = [
                {"from_name": "stance_territorial_integrity", "to_name": "text", "type": "choices",
                 "value": {"choices": ["support" if (n + k) % 2 else "neutral"]}},
                {"from_name": "comment", "to_name": "text", "type": "textarea",
                 "value": {"text": [f"unsure, ask me: {email.lower()}"]}},
            ]  # fmt: skip
            completed_by: object = {"id": 10 + k, "email": email} if n % 2 else 10 + k
            annotations.append({"id": 100 * n + k, "completed_by": completed_by, "result": result})
        tasks.append({"id": n + 1, "project": 3, "data": {"unit_id": unit.id}, "annotations": annotations})
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks))
    directory, dataset = tmp_path / "annotations", tmp_path / "dataset"
    assert cli(capsys, "pull", "--from-export", str(export), "--dir", str(directory)).code == 0
    run = cli(
        capsys, "publish", "--units", str(units_path), "--documents", str(documents), "--out", str(dataset),
        "--dir", str(directory),
    )  # fmt: skip
    assert run.code == 0, run.err

    written = b"".join(snapshot(directory).values()) + b"".join(snapshot(dataset).values())
    for email in emails:
        assert email.lower().encode() not in written.lower()
    records = list(io.read_jsonl(directory / "claimstance-seeds.jsonl", Annotation))
    assert len(records) == 6 and all(r.annotator.startswith("annotator-") for r in records)
    assert {r.comment for r in records if r.unit_id == units[1].id} == {
        f"unsure, ask me: {labelstudio.pseudonym(e)}" for e in emails
    }


def test_an_error_message_never_shows_a_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", LS_TOKEN)
    monkeypatch.setenv("HF_TOKEN", HF_TOKEN)
    error = AuthenticationError(f"sent {LS_TOKEN} and Bearer {HF_TOKEN}", hint=f"not {LS_TOKEN}")
    assert LS_TOKEN not in error.one_line() and HF_TOKEN not in error.one_line()


# ---- properties: any export parses or gives our error; any text ingests and segments exactly --------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=6),
    st.sampled_from(["support", "fair", "yes", "no", "choices", "textarea", "is_claim", "comment", "7", "", "@"]),
)  # fmt: skip
KEYS = st.sampled_from(["id", "value", "choices", "text", "from_name", "type", "result", "data", "unit_id",
                        "annotations", "completed_by", "email", "project", "was_cancelled", "lead_time"])  # fmt: skip
JSON = st.recursive(SCALARS, lambda c: st.lists(c, max_size=3) | st.dictionaries(KEYS, c, max_size=4), max_leaves=10)
CONTROLS = st.sampled_from([*CHOICE_CONTROLS, *TEXT_CONTROLS, "sentiment", None])
CHOICES = st.lists(
    st.sampled_from(["support", "oppose", "fair", "unfair", "yes", "no", "neutral", "bogus"]), max_size=2
)
KINDS = st.sampled_from(["choices", "textarea", "labels", None])
ITEM = st.fixed_dictionaries(
    {"from_name": CONTROLS, "to_name": st.just("text"), "type": KINDS},
    optional={"value": JSON | st.fixed_dictionaries({"choices": CHOICES}) | st.fixed_dictionaries({"text": JSON})},
)
ANNOTATION = JSON | st.fixed_dictionaries(
    {"id": st.integers(0, 10**6) | JSON, "result": st.lists(ITEM, max_size=3) | JSON},
    optional={"completed_by": JSON | st.fixed_dictionaries({"id": st.integers(), "email": st.emails()}),
              "lead_time": JSON, "created_at": JSON | st.just("2024-09-04T09:15:02Z"), "was_cancelled": JSON},
)  # fmt: skip
TASK = JSON | st.fixed_dictionaries(
    {"id": st.integers(0, 10**6) | JSON, "data": st.fixed_dictionaries({"unit_id": st.text(max_size=5)}) | JSON,
     "annotations": st.lists(ANNOTATION, max_size=3) | JSON},
    optional={"project": st.integers(0, 3) | JSON},
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(TASK, max_size=4), st.none() | st.integers(0, 3), st.none() | st.dictionaries(st.integers(), st.emails())
)
# a superscript digit is a digit to str.isdigit() but no number to int(): the id check raised ValueError
@example(tasks=[{"id": "¹", "data": {"unit_id": ""}, "annotations": []}], project_id=None, users=None)
def test_any_export_parses_or_is_an_export_error(tasks: list[Any], project_id: int | None, users: Any) -> None:
    try:
        records = list(labelstudio.parse_export(tasks, project="p", project_id=project_id, users=users))
    except ClaimstanceError as exc:
        assert "\n" not in exc.one_line()
        return
    assert len({r.id for r in records}) == len(records)
    assert not any("@" in r.annotator for r in records)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=3000))
def test_any_export_file_reads_or_is_an_input_error(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("export") / "export.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        tasks = labelstudio.read_export(path)
        list(labelstudio.parse_export(tasks, project="p"))
    except ClaimstanceError as exc:
        assert "\n" not in exc.one_line()


PIECES = st.sampled_from(
    ["The border is safe.", "Aliyev said", '"We won," he said.', "<script>x()</script>", "&amp;", "قال الرئيس.",
     "שלום.", "e\u0301", "\u202e", "\u200f", "Mr.", "U.S.", "\n", "\n\n", "\r\n", " ", "- 2 September 2024, 16:05",
     "-----", "president.az", "Share", "BAKU, 2 September 2024 –", "Dear Sir,", "\t", "…", "1.", "\ufeff"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES | st.text(max_size=12), min_size=1, max_size=30).map("".join))
@example(raw="The border is safe.\x1f1.\r?")  # a separator before a list number: pysbd's int() raised
def test_any_text_ingests_and_segments_to_exact_slices_or_says_it_is_empty(raw: str) -> None:
    try:
        documents = list(ingest_text(raw, "h.txt"))
    except ClaimstanceError as exc:
        assert "noise" in exc.message or "empty" in exc.message
        return
    for doc in documents:
        assert 0 <= doc.raw_start <= doc.raw_end <= len(raw)
        for unit in segment(doc):
            assert doc.text[unit.char_start : unit.char_end] == unit.text and unit.text.strip() == unit.text
