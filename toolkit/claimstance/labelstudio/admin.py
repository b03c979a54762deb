"""Account changes made in the local server's own database (:mod:`.admin_script` run by its Python).

Label Studio Community's API cannot set a password, replace a legacy token or turn an account off, so
these go through Django inside ``.venv-ls``, with the same environment as the server (same database, same
settings). Only the local server can be changed this way; the request travels on stdin.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimstance.errors import LabelStudioError, ServerUnavailableError
from claimstance.labelstudio import admin_script
from claimstance.labelstudio.admin_script import RESULT_PREFIX
from claimstance.labelstudio.credentials import Credentials

SCRIPT = Path(admin_script.__file__)
TIMEOUT = 300.0
"""Seconds for one action: Django's start-up takes ~3 s, a pending migration much longer."""


@dataclass(frozen=True)
class Account:
    """One account of the local server."""

    id: int
    email: str
    active: bool
    admin: bool


def python_of(binary: Path) -> Path:
    """The Python interpreter of the virtual environment ``binary`` (``label-studio``) belongs to."""
    return binary.parent / "python"


def run(action: str, request: Mapping[str, Any], *, python: Path, env: Mapping[str, str], cwd: Path) -> Any:
    """Run one action of the script and return its JSON result; a failure is one clear error."""
    if not python.exists():
        raise ServerUnavailableError(
            f"Label Studio's Python is not installed at {python}",
            hint="run 'make setup' (it installs label-studio into .venv-ls), or set CLAIMSTANCE_LS_BIN",
        )
    try:
        done = subprocess.run(
            [str(python), str(SCRIPT), action],
            input=json.dumps(dict(request)),
            capture_output=True,
            text=True,
            env=dict(env),
            cwd=cwd,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ServerUnavailableError(
            f"Label Studio's database did not answer within {TIMEOUT:.0f} s ({action})",
            hint="the machine may be busy; try again",
        ) from None
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX) :])
    tail = "\n".join(done.stderr.splitlines()[-15:])
    raise LabelStudioError(
        f"changing accounts in Label Studio's database failed ({action}, exit {done.returncode})",
        path=cwd,
        hint="see the lines below; is the data folder from another Label Studio version?",
        detail=tail,
    )


def rotate(credentials: Credentials, *, python: Path, env: Mapping[str, str], cwd: Path) -> None:
    """Make the database hold ``credentials``: admin password and token, demo annotator's password."""
    request = {
        "admin_email": credentials.admin_email,
        "admin_password": credentials.admin_password.get_secret_value(),
        "api_token": credentials.api_token.get_secret_value(),
        "demo_email": credentials.demo_email,
        "demo_password": credentials.demo_password.get_secret_value(),
    }
    run("rotate", request, python=python, env=env, cwd=cwd)


def accounts(*, python: Path, env: Mapping[str, str], cwd: Path) -> list[Account]:
    """Every account of the local server, administrators included."""
    result = run("list", {}, python=python, env=env, cwd=cwd)
    return [Account(int(a["id"]), str(a["email"]), bool(a["active"]), bool(a["admin"])) for a in result["accounts"]]


def deactivate(who: str, *, python: Path, env: Mapping[str, str], cwd: Path) -> tuple[int, bool]:
    """Turn off the annotator account ``who`` (e-mail or user id); return its id and whether it was active."""
    request = {"id": int(who)} if who.isdecimal() else {"email": who}
    result = run("deactivate", request, python=python, env=env, cwd=cwd)
    if not result["found"]:
        raise LabelStudioError("no such account on the local server", hint="see: claimstance annotators list")
    if result["admin"]:
        raise LabelStudioError(
            f"user {result['id']} is an administrator, not an annotator", hint="administrators are not deactivated here"
        )
    return int(result["id"]), bool(result["was_active"])
