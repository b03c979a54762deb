"""No secret in the repository: no 40-hex token and no password literal outside tests/."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{40}(?![0-9A-Za-z])")
"""A legacy Label Studio token (or any 40-hex secret) standing on its own."""
PASSWORD_LITERAL = re.compile(
    r"""(?ix)
    \b[\w.]*(?:password|passwd|secret|token|api_key)[\w.]*["']?   # a name that holds a secret
    \s*(?:=|:|/)\s*                                               # assigned, a dict entry, or 'login / password'
    (?:SecretStr\()?["']([^"'{}\s]{6,})["']                        # a quoted literal, not an f-string field
    """
)
ALLOWED_LITERALS = {
    "LABEL_STUDIO_API_KEY",
    "LABEL_STUDIO_USER_TOKEN",
    "HF_TOKEN",
    "HUGGING_FACE_HUB_TOKEN",
    "credentials.json",
    "secret_key",
}
"""Names of environment variables and files, not secrets."""


def tracked_files() -> list[Path]:
    """Every file git tracks (or would: new files count too), tests and binaries left out."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    files = [ROOT / name for name in listing if not name.startswith("tests/")]
    return [f for f in files if f.is_file() and f.suffix not in {".png", ".parquet", ".arrow"}]


def findings(text: str, name: str) -> list[str]:
    """Each 40-hex token and password literal in ``text``, as ``name:line: what``."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if TOKEN.search(line):
            found.append(f"{name}:{number}: a 40-hex token")
        for match in PASSWORD_LITERAL.finditer(line):
            if match.group(1) not in ALLOWED_LITERALS:
                found.append(f"{name}:{number}: a password literal")
    return found


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""  # a binary file


def test_the_repository_holds_no_token_or_password_outside_tests() -> None:
    files = tracked_files()
    assert any(f.name == "config.py" for f in files) and any(f.name == "_dataset.py" for f in files)
    problems = [problem for path in files for problem in findings(read(path), str(path.relative_to(ROOT)))]
    assert problems == []


@pytest.mark.parametrize(
    "line",
    [
        'LOCAL_ADMIN_TOKEN = "c1a1e5ba5e0000000000000000000000000000aa"',
        'LOCAL_ADMIN_PASSWORD = "claimstance-local-admin"',
        'DEMO_ANNOTATOR_PASSWORD = "annotate-claims"  # a demo account',
        'create_user(email, password="annotate-claims", settings=settings)',
        '{"admin_password": "hunter2hunter2"}',
    ],
)
def test_the_scan_finds_what_earlier_versions_published(line: str) -> None:
    assert findings(f"x = 1\n{line}\n", "config.py") != []
    assert findings(f"x = 1\n{line}\n", "config.py")[0].startswith("config.py:2: ")
