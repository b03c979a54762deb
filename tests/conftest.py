"""Shared pytest fixtures (each helper keeps its fixtures in its own delimited block)."""

from __future__ import annotations

# ---- Label Studio server: one real server per test session, one project per test (labelstudio) ----------
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from claimstance import config, server
from claimstance.config import ServerSettings

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class LabelStudioServer:
    """The session's Label Studio: where it runs, how to reach it, and how to kill and restart it."""

    data_dir: Path
    port: int
    info: server.ServerInfo

    @property
    def url(self) -> str:
        return self.info.url

    def settings(self, *, api_key: str | None = None, retries: int = 1, timeout: float = 120.0) -> ServerSettings:
        """Settings for this server (few retries, so that tests of failures stay fast)."""
        return config.server_settings(
            url=self.url, api_key=api_key or config.LOCAL_ADMIN_TOKEN, timeout=timeout, retries=retries
        )

    def ensure_running(self) -> None:
        """Start the server again if a test stopped or killed it (the data folder is kept)."""
        self.info = server.start(self.port, self.data_dir, binary=REPO_ROOT / ".venv-ls" / "bin" / "label-studio")


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabelStudioServer]:
    """A real Label Studio on a free port with its data in a temporary folder, stopped at the end."""
    binary = REPO_ROOT / ".venv-ls" / "bin" / "label-studio"
    if not binary.exists():
        pytest.fail(f"Label Studio is not installed at {binary}: run 'make setup'")
    data_dir = tmp_path_factory.mktemp("label-studio")
    port = server.find_free_port()
    handle = LabelStudioServer(data_dir, port, server.start(port, data_dir, binary=binary))
    try:
        yield handle
    finally:
        server.stop(data_dir)


@pytest.fixture
def ls_project(request: pytest.FixtureRequest, label_studio: LabelStudioServer) -> str:
    """A project title no other test uses (the project is created by the test's first push)."""
    label_studio.ensure_running()
    name = request.node.name.replace("[", "-").replace("]", "")[:40]
    return f"{name}-{secrets.token_hex(3)}"


# ---- end of Label Studio server block -------------------------------------------------------------------


# ---- Payloads recorded from Label Studio 1.23.2 by tests/data/labelstudio/record.py (labelstudio, tasks) --
import json  # noqa: E402
from typing import Any  # noqa: E402

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
