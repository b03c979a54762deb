"""claimstance anywhere: the wheel in a fresh environment, a study outside the repository, the pre-commit hook.

Slow (each test installs claimstance and its dependencies into a new virtual environment), so ``integration``.
The Label Studio environment is the repository's ``.venv-ls`` (the one the session server fixture uses), given
to ``claimstance server install`` through ``CLAIMSTANCE_LS_VENV`` so that it is reused, not installed again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from claimstance import config, labelstudio
from claimstance.labelstudio import credentials, server
from claimstance.schema import AnnotationLabels, StanceElectionFairness, StanceTerritorialIntegrity

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
LS_VENV = (REPO / ".venv-ls").resolve()
UNSHARED = ("PYTHONPATH", "CLAIMSTANCE_ROOT", "CLAIMSTANCE_LS_DATA_DIR", "CLAIMSTANCE_LS_BIN", "VIRTUAL_ENV")
UNSHARED += ("LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY")

SEED = """Statement by the Minister of Foreign Affairs

BAKU, 3 May 2024

The minister said the elections were held in full accordance with the law. "Every vote was counted
fairly," he told reporters. Observers from the mission said the vote was marred by restrictions on the press.
The ministry reaffirmed its support for the territorial integrity of the country within its recognised borders.
"""


def _run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 900) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in UNSHARED}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel (and sdist, which twine must accept), built from a copy of the repository's sources."""
    work = tmp_path_factory.mktemp("build")
    junk = shutil.ignore_patterns(".git", ".venv*", "var", "build", "dist", "*.egg-info", "__pycache__", ".*cache")
    source = Path(shutil.copytree(REPO, work / "src", ignore=junk))
    _run([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(source)], cwd=work, env=_clean_env())
    built = sorted((work / "dist").iterdir(), key=lambda p: p.suffix)
    assert [p.suffix for p in built] == [".gz", ".whl"]
    _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, built)], cwd=work, env=_clean_env())
    return built[1]


@pytest.fixture(scope="module")
def venv_bin(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with nothing but the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=venv.parent, env=_clean_env())
    _run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], cwd=venv.parent, env=_clean_env())
    return venv / "bin"


def _files(root: Path, skip: tuple[str, ...] = (".git", "__pycache__")) -> dict[str, float]:
    return {
        str(p.relative_to(root)): p.stat().st_mtime
        for p in root.rglob("*")
        if p.is_file() and not any(part in skip for part in p.relative_to(root).parts)
    }


@pytest.fixture
def study_env(venv_bin: Path, tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """An empty work folder outside the repository, a home folder of its own, and the fresh environment first."""
    home = tmp_path / "home"
    home.mkdir()
    env = _clean_env(
        PATH=f"{venv_bin}{os.pathsep}{os.environ['PATH']}",
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        HF_DATASETS_CACHE=str(tmp_path / "hf-cache"),
        HF_HUB_OFFLINE="1",
        CLAIMSTANCE_LS_VENV=str(LS_VENV),
    )
    (tmp_path / "work").mkdir()
    yield tmp_path / "work", env
    leftovers = [p for p in _files(home) if not p.startswith(".local/share/claimstance/")]
    assert not leftovers, f"written to the home folder: {leftovers}"


def _annotate(url: str, token: str, task_id: int, labels: AnnotationLabels, user_id: int | None = None) -> None:
    body: dict[str, object] = {"result": labelstudio.labels_to_result(labels)}
    if user_id is not None:
        body["completed_by"] = user_id
    headers = {"Authorization": f"Token {token}"}
    httpx.post(f"{url}/api/tasks/{task_id}/annotations/", json=body, headers=headers, timeout=120).raise_for_status()


def test_the_wheel_runs_a_whole_study_outside_the_repository(
    venv_bin: Path, study_env: tuple[Path, dict[str, str]]
) -> None:
    work, env = study_env
    before = _files(REPO, (".git", "__pycache__", ".venv", ".venv-ls"))
    where = "import claimstance; print(claimstance.__file__)"
    located = _run([str(venv_bin / "python"), "-c", where], cwd=work, env=env)
    assert located.startswith(str(venv_bin.parent))

    port = server.find_free_port()
    url = f"http://127.0.0.1:{port}"
    out = _run(["claimstance", "init", "study", "--project", "e2e", "--url", url], cwd=work, env=env)
    assert "claimstance server install" in out
    study = work / "study"
    (study / "seeds" / "statement.txt").write_text(SEED, encoding="utf-8")
    codebook = study / "guidelines.md"
    codebook.write_text(codebook.read_text(encoding="utf-8").replace("version 1.0.0,", "version 1.1.0,"), "utf-8")
    _run(["claimstance", "schema", "export", "--dir", "schema"], cwd=study, env=env)
    for committed in (REPO / "schema").iterdir():  # the installed package makes the JSON Schemas and config
        assert (study / "schema" / committed.name).read_bytes() == committed.read_bytes(), committed.name
    assert "wrote 1 documents" in _run(["claimstance", "ingest", "-o", "documents.jsonl"], cwd=study, env=env)
    _run(["claimstance", "segment", "documents.jsonl", "-o", "units.jsonl"], cwd=study, env=env)
    out = _run(["claimstance", "server", "install"], cwd=study, env=env)
    assert f"Label Studio {config.LABEL_STUDIO_VERSION} already installed in {LS_VENV}" in out
    try:
        _run(["claimstance", "server", "start", "--port", str(port)], cwd=study / "seeds", env=env)
        assert (study / "var" / "label-studio" / "label_studio.sqlite3").is_file()
        out = _run(["claimstance", "push", "units.jsonl", "--documents", "documents.jsonl"], cwd=study, env=env)
        assert "project 'e2e'" in out and "guidelines 1.1.0" in out

        token = credentials.local(study / "var" / "label-studio").api_token.get_secret_value()
        settings = config.server_settings(url=url, api_key=token)
        second = labelstudio.create_user("second@e2e.local", settings=settings)
        fair, unfair = StanceElectionFairness.FAIR, StanceElectionFairness.UNFAIR
        tasks = sorted(labelstudio.task_ids("e2e", settings=settings).values())
        n_tasks = len(tasks)
        for n, task_id in enumerate(tasks):
            labels = AnnotationLabels(
                stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT if n % 2 else None,
                stance_election_fairness=fair if n % 3 else unfair,
                is_claim=True,
            )
            _annotate(url, token, task_id, labels)
            _annotate(url, token, task_id, labels if n else labels.model_copy(update={"is_claim": False}), second)

        out = _run(["claimstance", "pull"], cwd=study, env=env)
        assert "annotations/e2e.jsonl" in out
        agree = ["claimstance", "agree", "--json", "--resamples", "50"]
        report = json.loads(subprocess.run(agree, cwd=study, env=env, capture_output=True, check=True).stdout)
        assert len(report["annotators"]) == 2 and report["n_annotations"] == 2 * n_tasks
        fairness = next(t for t in report["targets"] if t["target"] == "stance_election_fairness")
        assert fairness["raw_agreement"] == 1.0
        _run(["claimstance", "publish", "--out", "dataset"], cwd=study, env=env)
        assert "a claimstance dataset" in _run(["claimstance", "check-dataset", "dataset"], cwd=study, env=env)
        card = (study / "dataset" / "README.md").read_text(encoding="utf-8")
        assert "guidelines version 1.1.0" in card
        load = "import datasets; d = datasets.load_dataset('dataset', 'units'); print('rows', sum(d.num_rows.values()))"
        loaded = _run([str(venv_bin / "python"), "-c", load], cwd=study, env=env)
        n_units = len((study / "units.jsonl").read_text(encoding="utf-8").splitlines())
        assert f"rows {n_units}\n" in loaded
    finally:
        out = _run(["claimstance", "server", "stop"], cwd=study, env=env)
    assert "Label Studio stopped" in out
    assert _files(REPO, (".git", "__pycache__", ".venv", ".venv-ls")) == before, "the repository was touched"


def test_the_pre_commit_hook_validates_another_repositorys_jsonl(tmp_path: Path) -> None:
    data_repo = tmp_path / "dataset-repo"
    data_repo.mkdir()
    env = _clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"))
    _run(["git", "init", "-q"], cwd=data_repo, env=env)
    good = (REPO / "annotations" / "claimstance-seeds.jsonl").read_text(encoding="utf-8")
    (data_repo / "good.jsonl").write_text(good, encoding="utf-8")
    (data_repo / "bad.jsonl").write_text(good.splitlines()[0] + "\n{oops\n", encoding="utf-8")
    _run(["git", "add", "."], cwd=data_repo, env=env)
    try_repo = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "claimstance-validate", "--files"]
    out = _run([*try_repo, "good.jsonl"], cwd=data_repo, env=env)
    assert "claimstance records match the schema" in out and "Passed" in out
    done = subprocess.run([*try_repo, "bad.jsonl"], cwd=data_repo, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode != 0 and "Failed" in done.stdout
    assert "claimstance: error: bad.jsonl:2: malformed JSON" in done.stdout
