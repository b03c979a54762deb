"""The command group, its shared options and helpers, the entry point and the generated reference."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimstance import __version__, api, config
from claimstance.errors import ClaimstanceError

T = TypeVar("T")

err_console = Console(stderr=True, highlight=False, soft_wrap=True)
out_console = Console(highlight=False, soft_wrap=True)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def _track(items: Iterable[T], progress: Progress, description: str, total: int | None = None) -> Iterator[T]:
    task = progress.add_task(description, total=total)
    for item in items:
        yield item
        progress.advance(task)


STUDY = click.option(
    "--study",
    type=click.Path(path_type=Path, file_okay=False),
    expose_value=False,
    callback=lambda ctx, _param, value: ctx.meta.update({"claimstance.study": value}),
    help="study folder [default: the one holding claimstance.toml, here or above]",
)


def _study(needed: bool = True) -> api.Study:
    """The study (--study, CLAIMSTANCE_ROOT, or walking up); if not ``needed`` and there is none, the cwd."""
    given = click.get_current_context().meta.get("claimstance.study")
    if not needed and given is None and config.find_project_root() is None:
        return api.Study(Path.cwd(), api.StudyConfig())
    return api.study(given)


def _data_dir() -> Path:
    given = click.get_current_context().meta.get("claimstance.study")
    return config.data_dir(root=api.study(given).root if given else None)  # CLAIMSTANCE_LS_DATA_DIR may set it


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimstance")
def cli() -> None:
    """Turn political news and speech texts into a claim-and-stance dataset.

    The pipeline: ingest -> segment -> push (Label Studio) -> pull -> agree / adjudicate -> publish.
    """


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning claimstance errors into one line and an exit code."""
    try:
        cli.main(args=argv, prog_name="claimstance", standalone_mode=False)
    except ClaimstanceError as exc:
        err_console.print(f"claimstance: error: {exc.one_line()}", markup=False, soft_wrap=True)
        if exc.detail:
            err_console.print(exc.detail, markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        err_console.print("claimstance: aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("claimstance: interrupted; nothing was half-written")
        sys.exit(130)


# ---- Label Studio -------------------------------------------------------------------------------------------

PROJECT = click.option("--project", "-p", help="Label Studio project title [default: the study's project]")
URL = click.option("--url", help="Label Studio address [env LABEL_STUDIO_URL, the study's label_studio_url, local]")
DIR = click.option(
    "--dir",
    "directory",
    type=click.Path(path_type=Path),
    help="annotations folder [default: the study's annotations/]",
)


def _settings(url: str | None, study: api.Study) -> config.ServerSettings:
    return config.server_settings(url=url, study_url=study.config.label_studio_url)


def _walk(command: click.Command, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            sub = command.commands[name]
            if not sub.hidden:
                yield from _walk(sub, (*path, name))


def reference_markdown() -> str:
    """The CLI reference (docs/cli.md): every command's ``--help``, generated so it cannot drift."""
    parts = [
        "# CLI reference\n",
        "Generated from `--help` by `claimstance.cli.reference_markdown()`; `tests/test_docs.py` fails when a",
        "command is missing or its help changed. Every command is a thin call into `claimstance.api`.\n",
    ]
    for path, command in _walk(cli, ("claimstance",)):
        settings = {"terminal_width": 100, "max_content_width": 100, "help_option_names": ["-h", "--help"]}
        with click.Context(command, info_name=" ".join(path), **settings) as ctx:  # type: ignore[arg-type]
            text = command.get_help(ctx)
        parts.append(f"## {' '.join(path)}\n\n```\n{text}\n```\n")
    return "\n".join(parts)


def _json_out(value: object) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))
