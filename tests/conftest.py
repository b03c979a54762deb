"""Shared pytest fixtures (each helper keeps its fixtures in its own delimited block)."""

from __future__ import annotations

# ---- Label Studio server: one real server per test session, one project per test (labelstudio) ----------
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from claimstance import config
from claimstance.config import ServerSettings
from claimstance.labelstudio import credentials, labels_to_result, server, uwsgi
from claimstance.schema import AnnotationLabels

REPO_ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("sqlite", "postgres")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--ls-backend",
        choices=(*BACKENDS, "both"),
        default=os.environ.get("CLAIMSTANCE_TEST_BACKEND", "sqlite"),
        help="which local Label Studio the integration tests run against (both: each test once per backend)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Session scope: pytest groups the tests by backend, so one server of each kind runs at a time.
    if "ls_backend" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("--ls-backend")
        metafunc.parametrize("ls_backend", BACKENDS if chosen == "both" else (chosen,), scope="session")


@dataclass
class LabelStudioServer:
    """The session's Label Studio: where it runs, how to reach it, and how to kill and restart it."""

    data_dir: Path
    port: int
    info: server.ServerInfo
    backend: str = "sqlite"

    @property
    def url(self) -> str:
        return self.info.url

    @property
    def token(self) -> str:
        """The admin's API token, generated on the server's first start and read from its data folder."""
        return credentials.local(self.data_dir).api_token.get_secret_value()

    def settings(self, *, api_key: str | None = None, retries: int = 1, timeout: float = 120.0) -> ServerSettings:
        """Settings for this server (few retries, so that tests of failures stay fast)."""
        return config.server_settings(url=self.url, api_key=api_key or self.token, timeout=timeout, retries=retries)

    def ensure_running(self) -> None:
        """Start the server again if a test stopped or killed it (the data folder is kept)."""
        deadline = time.monotonic() + 30
        # A killed server's processes may hold the port for a moment after it is reported gone.
        while server.status(self.data_dir) is None and server.port_in_use(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.info = _start(self.backend, self.port, self.data_dir)


def _start(backend: str, port: int, data_dir: Path) -> server.ServerInfo:
    binary = REPO_ROOT / ".venv-ls" / "bin" / "label-studio"
    if backend == "postgres":
        return uwsgi.start(port, data_dir, binary=binary, workers=2)  # 2 cores: faster restarts after kills
    return server.start(port, data_dir, binary=binary)


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory: pytest.TempPathFactory, ls_backend: str) -> Iterator[LabelStudioServer]:
    """A real Label Studio on a free port with its data in a temporary folder, stopped at the end.

    ``--ls-backend`` chooses the SQLite development server, PostgreSQL behind uwsgi, or both in turn.
    """
    binary = REPO_ROOT / ".venv-ls" / "bin" / "label-studio"
    if not binary.exists():
        pytest.fail(f"Label Studio is not installed at {binary}: run 'make setup'")
    port = server.find_free_port()
    if ls_backend == "sqlite":
        data_dir = tmp_path_factory.mktemp("label-studio")
        handle = LabelStudioServer(data_dir, port, _start(ls_backend, port, data_dir))
        try:
            yield handle
        finally:
            server.stop(data_dir)
        return
    # As root, PostgreSQL runs as the 'postgres' user, which must be able to enter every parent folder:
    # pytest's own temporary root is private (0700), so this one lives beside it.
    var = Path(tempfile.mkdtemp(prefix="claimstance-pg-"))
    var.chmod(0o711)
    data_dir = var / uwsgi.DATA_DIR_NAME
    try:
        handle = LabelStudioServer(data_dir, port, _start(ls_backend, port, data_dir), backend=ls_backend)
        yield handle
    finally:
        uwsgi.stop(data_dir)
        shutil.rmtree(var, ignore_errors=True)


@pytest.fixture
def ls_project(request: pytest.FixtureRequest, label_studio: LabelStudioServer) -> str:
    """A project title no other test uses (the project is created by the test's first push)."""
    label_studio.ensure_running()
    name = request.node.name.replace("[", "-").replace("]", "")[:40]
    return f"{name}-{secrets.token_hex(3)}"


def annotate(
    ls: LabelStudioServer,
    task_id: int,
    labels: AnnotationLabels,
    *,
    user_id: int | None = None,
    lead_time: float | None = None,
    api_key: str | None = None,
) -> int:
    """Record an annotation as the web UI would (as ``user_id`` when given: the admin token may act for others)."""
    body: dict[str, object] = {"result": labels_to_result(labels)}
    if user_id is not None:
        body["completed_by"] = user_id
    if lead_time is not None:
        body["lead_time"] = lead_time
    headers = {"Authorization": f"Token {api_key or ls.token}"}
    response = httpx.post(f"{ls.url}/api/tasks/{task_id}/annotations/", json=body, headers=headers, timeout=120)
    response.raise_for_status()
    return int(response.json()["id"])


# ---- end of Label Studio server block -------------------------------------------------------------------


# ---- Logging in through Label Studio's form (secrets) -----------------------------------------------------
def logs_in(url: str, email: str, password: str) -> bool:
    """Whether Label Studio's login form accepts ``email`` and ``password`` (it redirects when it does)."""
    with httpx.Client(base_url=url, timeout=60) as browser:
        browser.get("/user/login/")
        form = {"email": email, "password": password, "csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")}
        return browser.post("/user/login/", data=form).status_code == 302


# ---- end of logging in block ------------------------------------------------------------------------------


# ---- Payloads recorded from Label Studio 1.23.2 by tests/data/labelstudio/record.py (labelstudio) -------
import json  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

from claimstance.labelstudio import Connection  # noqa: E402
from claimstance.schema import Attribution, ClaimUnit, Speaker  # noqa: E402

LS_DATA = Path(__file__).parent / "data" / "labelstudio"


def recorded(name: str) -> Any:
    """A recorded payload, as the server sent it."""
    return json.loads((LS_DATA / name).read_text(encoding="utf-8"))


def recorded_units() -> list[ClaimUnit]:
    """The units record.py pushed (so their hashes must match the recorded tasks)."""
    texts = ["Armenia must respect the borders.", "The vote was free and fair.", "Dear Mr. President,"]
    speaker = Speaker(name="Ilham Aliyev", role="President", attribution=Attribution.AUTHOR)
    return [
        ClaimUnit(
            id=f"rec-d0-u{i}",
            doc_id="rec-d0",
            index=i,
            text=t,
            char_start=0,
            char_end=len(t),
            context=t,
            speaker=speaker,
        )
        for i, t in enumerate(texts)
    ]


Responder = Callable[[httpx.Request], httpx.Response]
FAKE_URL = "http://ls.test:8089"
FAKE_TOKEN = "legacy-token-for-tests-0123456789"


class FakeServer:
    """An httpx transport answering from recorded payloads; it keeps every request it saw and every wait."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Responder]] = []
        self.requests: list[httpx.Request] = []
        self.waits: list[float] = []

    def on(self, method: str, path: str, answer: object = None, status: int = 200) -> FakeServer:
        def respond(request: httpx.Request) -> httpx.Response:
            if isinstance(answer, Exception):
                raise answer
            if callable(answer):
                result: httpx.Response = answer(request)
                return result
            if isinstance(answer, bytes):
                return httpx.Response(status, content=answer)
            return httpx.Response(status, json=answer)

        self.routes.insert(0, (method, re.compile(path + "$"), respond))
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        for method, pattern, respond in self.routes:
            if request.method == method and pattern.fullmatch(request.url.path):
                return respond(request)
        return httpx.Response(404, json={"detail": f"not recorded: {request.method} {request.url.path}"})

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and re.fullmatch(path, r.url.path)]

    def recorded_project(self) -> FakeServer:
        """The 'recorded' project as Label Studio listed and described it."""
        detail = recorded("project_detail.json")
        pid = detail["id"]
        self.on("GET", "/api/projects/", recorded("projects_list.json"))
        self.on("GET", f"/api/projects/{pid}/", detail)
        self.on("GET", "/api/tasks/", recorded("tasks_page.json"))
        self.on("PATCH", f"/api/projects/{pid}/", detail)
        return self

    def settings(self, retries: int = 2, api_key: str = FAKE_TOKEN) -> ServerSettings:
        return config.server_settings(url=FAKE_URL, api_key=api_key, timeout=5, retries=retries)

    def connect(self, retries: int = 2, api_key: str = FAKE_TOKEN) -> Connection:
        """A connection to this fake server (its backoff waits are recorded in ``waits``, not slept)."""
        transport = httpx.MockTransport(self)
        return Connection(self.settings(retries, api_key), transport=transport, sleep=self.waits.append)


@pytest.fixture
def fake() -> FakeServer:
    """A Label Studio that answers from recorded payloads (routes added with ``on``)."""
    return FakeServer()


# ---- end of recorded payloads block ---------------------------------------------------------------------


# ---- Seed documents cut by hand the way ingest cuts them (segment, speakers) -----------------------------
from claimstance.schema import Document  # noqa: E402

SEEDS_DIR = REPO_ROOT / "seeds"
# Each seed's documents: (first words, last words, source, title, author, author role). Ingest's decisions:
# seed 000 is one statement; seed 001 is five news items with the scraping noise between them left out.
SEED_ITEMS: dict[str, list[tuple[str, str, str | None, str | None, str | None, str | None]]] = {
    "000_4ba2a8cfc94be69f.txt": [
        (
            "Serbia and Azerbaijan always defend",
            "for your hospitality and attention.",
            None,
            "Statement by President Ilham Aliyev",
            "Ilham Aliyev",
            "President of the Republic of Azerbaijan",
        )
    ],
    "001_3d74908e3d683dad.txt": [
        (
            "Ilham Aliyev: Azerbaijan",
            "on various areas of cooperation.",
            "president.az",
            "Ilham Aliyev: Azerbaijan and Serbia are strategic partners",
            None,
            None,
        ),
        ("BAKU, 2 September 2024", "said in a statement today.", None, None, None, None),
        ("The early parliamentary elections on", "transparency of the elections.", None, None, None, None),
        ("Russian Foreign Minister Sergei Lavrov said", "but this is not happening.", None, None, None, None),
        ("During the special elections", "said Rahimova.", None, None, None, None),
    ],
}


def cut_seed_documents() -> list[Document]:
    """The seeds' documents: each text a contiguous slice of its raw seed, as ingest makes them."""
    documents: list[Document] = []
    for name, items in SEED_ITEMS.items():
        raw = (SEEDS_DIR / name).read_text(encoding="utf-8")
        for ordinal, (first, last, source, title, author, role) in enumerate(items):
            start = raw.index(first)
            end = raw.index(last, start) + len(last)
            documents.append(
                Document(
                    id=f"{Path(name).stem}-d{ordinal}",
                    seed_file=name,
                    source=source,
                    title=title,
                    author=author,
                    author_role=role,
                    text=raw[start:end],
                    raw_start=start,
                    raw_end=end,
                )
            )
    return documents


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    """The six documents of the two seeds (one statement, five news items)."""
    return cut_seed_documents()


# ---- end of seed documents block ------------------------------------------------------------------------


# ---- Speakers of an invented text's claim units (segment rules) ------------------------------------------

from claimstance.schema import UnitKind  # noqa: E402
from claimstance.segment import segment  # noqa: E402


def claim_speakers(text: str, **fields: object) -> list[tuple[str | None, Attribution]]:
    """The speaker name and attribution of each claim unit ``segment`` cuts from ``text`` (name None: nobody's
    but the outlet's); ``fields`` are the document's other fields (title, author, ...)."""
    values: dict[str, object] = {"id": "t-d0", "seed_file": "t.txt", "raw_start": 0, "raw_end": len(text)}
    values.update(fields)
    units: list[ClaimUnit] = list(segment(Document(text=text, **values)))  # type: ignore[arg-type]
    return [(u.speaker.name, u.speaker.attribution) for u in units if u.kind is UnitKind.CLAIM]


def claim_speaker_names(text: str, **fields: object) -> list[str | None]:
    """The speaker name of each claim unit ``segment`` cuts from ``text`` (None: nobody's but the outlet's)."""
    return [name for name, _ in claim_speakers(text, **fields)]


# ---- end of claim speakers block --------------------------------------------------------------------------
