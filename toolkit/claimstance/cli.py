"""The ``claimstance`` command: a thin layer over the library, one command per pipeline stage.

Each command parses its options, calls one library function (see :mod:`claimstance.api`) and reports.
A :class:`~claimstance.errors.ClaimstanceError` becomes one line on stderr and the error's exit code; any
other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimstance import __version__, api
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


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimstance")
def cli() -> None:
    """Turn political news and speech texts into a claim-and-stance dataset.

    The pipeline: ingest -> segment -> push (Label Studio) -> pull -> agree / adjudicate -> publish.
    """


@cli.command()
@click.argument("seeds", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="documents JSONL to write")
def ingest(seeds: tuple[Path, ...], out: Path) -> None:
    """Read seed .txt files or folders and write one document per news item to OUT."""
    with _progress() as progress:
        count = api.ingest(seeds, out, progress=lambda docs: _track(docs, progress, "ingest"))
    err_console.print(f"wrote {count} documents to {out}")


@cli.command()
@click.argument("documents", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="claim units JSONL to write")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64), help="processes")
def segment(documents: Path, out: Path, workers: int) -> None:
    """Split DOCUMENTS into claim-sized units with their speakers and write them to OUT."""
    with _progress() as progress:
        count = api.segment(
            documents, out, workers=workers, progress=lambda docs, total: _track(docs, progress, "segment", total)
        )
    err_console.print(f"wrote {count} units to {out}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--model",
    type=click.Choice(sorted(api.RECORD_MODELS)),
    help="record type (default: recognised from the first record)",
)
def validate(files: tuple[Path, ...], model: str | None) -> None:
    """Check JSONL files of claimstance records against the schema; report every bad line."""
    bad = 0
    for path in files:
        good, errors = api.validate(path, model=model)
        for error in errors:
            err_console.print(f"claimstance: error: {error.one_line()}", markup=False, soft_wrap=True)
        bad += len(errors)
        if not errors:
            err_console.print(f"{path}: {good} valid records", markup=False)
    if bad:
        raise SystemExit(2)


@cli.group()
def schema() -> None:
    """Generated schema files (JSON Schema, labeling config, label sets) in schema/."""


@schema.command("export")
@click.option("--dir", "directory", default="schema", show_default=True, type=click.Path(path_type=Path))
def schema_export(directory: Path) -> None:
    """Write every generated file into DIR."""
    for path in api.schema_export(directory):
        err_console.print(f"wrote {path}", markup=False)


@schema.command("check")
@click.option("--dir", "directory", default="schema", show_default=True, type=click.Path(path_type=Path))
def schema_check(directory: Path) -> None:
    """Fail with a diff when the files in DIR are not what the schema generates."""
    api.schema_check(directory)
    err_console.print(f"{directory}: up to date")


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


def _json_out(value: object) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
