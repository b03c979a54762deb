"""The documentation cannot drift: the CLI reference is generated, every command is listed, examples run."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import click
import pytest
from claimstance.cli import cli, reference_markdown

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_cli_reference_is_generated_from_help() -> None:
    expected = reference_markdown()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/cli.md is out of date: run\n  .venv/bin/python -c "
        "'from claimstance.cli import reference_markdown as r; print(r(), end=\"\")' > docs/cli.md"
    )


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented(name: str) -> None:
    command = cli.commands[name]
    assert command.help and len(command.help) > 20, f"claimstance {name} has no real help text"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"claimstance {name}" in readme, f"README.md does not mention 'claimstance {name}'"
    if isinstance(command, click.Group):
        for sub in command.commands:
            assert f"## claimstance {name} {sub}" in reference_markdown()


def test_docs_link_only_to_files_that_exist() -> None:
    for doc in DOCS:
        for target in re.findall(r"\]\(([^)#:]+)\)", doc.read_text(encoding="utf-8")):
            assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"


@pytest.mark.parametrize("doc", [d for d in DOCS if PYTHON_BLOCK.search(d.read_text(encoding="utf-8"))], ids=str)
def test_python_examples_run(doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file's examples run in order, in a copy of the project's seeds and annotations."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "annotations", tmp_path / "annotations")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    blocks = PYTHON_BLOCK.findall(doc.read_text(encoding="utf-8"))
    for number, block in enumerate(blocks, start=1):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(block, f"{doc.name}, example {number}", "exec"), {"__name__": "__docs__"})
        assert output.getvalue().strip(), f"{doc.name} example {number} printed nothing"


def test_the_docs_codebook_is_the_one_shipped_with_the_package() -> None:
    from claimstance.layout import CODEBOOK

    assert (ROOT / "docs" / "guidelines.md").read_text(encoding="utf-8") == CODEBOOK.read_text(encoding="utf-8"), (
        "docs/guidelines.md differs from the shipped codebook: edit toolkit/claimstance/data/guidelines.md, then\n"
        "  cp toolkit/claimstance/data/guidelines.md docs/guidelines.md"
    )
