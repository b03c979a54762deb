"""The layers of docs/architecture.md are enforced by import-linter; these tests keep the contracts complete."""

from __future__ import annotations

import tomllib
from pathlib import Path

import claimstance

PACKAGE = Path(claimstance.__file__).parent
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def _top_level_modules() -> set[str]:
    names = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    return {f"claimstance.{name}" for name in names}


def test_every_module_has_a_place_in_the_layers() -> None:
    layers = _contracts()["layers"]["layers"]
    assert isinstance(layers, list)
    listed = {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}
    assert listed == _top_level_modules(), "a new module must be placed in a layer of pyproject.toml"


def test_the_cli_may_reach_nothing_but_api_config_and_errors() -> None:
    forbidden = _contracts()["thin-cli"]["forbidden_modules"]
    assert isinstance(forbidden, list)
    allowed = {"claimstance.cli", "claimstance.api", "claimstance.config", "claimstance.errors"}
    assert set(forbidden) == _top_level_modules() - allowed
