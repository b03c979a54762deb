"""Commands from texts to units: init, ingest, segment, dedup, sample, validate, predict, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from claimstance import api
from claimstance.cli._app import (
    STUDY,
    _progress,
    _study,
    _track,
    cli,
    err_console,
    out_console,
)


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--project", "-p", default=api.DEFAULT_PROJECT, show_default=True, help="Label Studio project title")
@click.option("--url", help="Label Studio address [default: the local server]")
@click.option("--overlap", default=2, show_default=True, type=click.IntRange(1, 20), help="annotators per unit")
def init(directory: Path, project: str, url: str | None, overlap: int) -> None:
    """Make DIRECTORY a study folder: claimstance.toml, seeds/, annotations/ and an editable guidelines.md."""
    study, created = api.init(directory, api.StudyConfig(project=project, label_studio_url=url, overlap=overlap))
    err_console.print("\n".join(f"created {path}" for path in created), markup=False)
    out_console.print(f"Study {study.config.project!r} in {study.root}. Next:\n  cd {directory}" + NEXT, markup=False)


NEXT = """
  # put your texts (.txt) into seeds/; edit guidelines.md if your codebook differs
  claimstance server install      # once per machine: Label Studio in its own environment
  claimstance server start
  claimstance ingest -o documents.jsonl
  claimstance segment documents.jsonl -o units.jsonl
  claimstance push units.jsonl
  # annotate in Label Studio, then:
  claimstance pull && claimstance agree
  claimstance publish --out dataset"""


@cli.command()
@click.argument("seeds", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="documents JSONL to write")
@STUDY
def ingest(seeds: tuple[Path, ...], out: Path) -> None:
    """Read seed .txt files or folders (default: the study's seeds/) and write one document per news item to OUT."""
    paths = seeds or (_study().seeds,)
    with _progress() as progress:
        count = api.ingest(paths, out, progress=lambda docs: _track(docs, progress, "ingest"))
    err_console.print(f"wrote {count} documents to {out}")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", required=True, help="claim units: a .jsonl file, or a folder of shards")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64), help="processes")
@click.option(
    "--tasks", type=click.IntRange(1), help="shards [default: a multiple of WORKERS, about 32 MB of input each]"
)
@click.option(
    "--format", "fmt", default="jsonl", show_default=True, type=click.Choice(["jsonl", "parquet"]), help="of shards"
)
@click.option(
    "--executor",
    default="local",
    show_default=True,
    type=click.Choice(["local", "ray", "slurm"]),
    help="this machine, the Ray cluster ray.init() finds, or a Slurm job array (needs --partition)",
)
@click.option("--partition", help="Slurm partition")
@click.option("--time", "time_limit", default="4:00:00", show_default=True, help="Slurm time limit per task")
@click.option("--venv", help="virtual environment the Slurm tasks activate")
def segment(
    inputs: tuple[str, ...],
    out: str,
    workers: int,
    tasks: int | None,
    fmt: str,
    executor: str,
    partition: str | None,
    time_limit: str,
    venv: str | None,
) -> None:
    """Split documents into claim-sized units with their speakers and write them to OUT.

    INPUTS are a documents JSONL file (from ingest), seed .txt files (ingested on the way), documents as JSON
    Lines or Parquet, or folders of them; local paths or fsspec URLs (s3://...). A failed run keeps the shards
    it finished: run the same command again to do the rest.
    """
    form: Literal["jsonl", "parquet"] = "parquet" if fmt == "parquet" else "jsonl"
    if executor == "slurm":
        if not partition:
            raise click.UsageError("--executor slurm needs --partition")
        script = api.submit_segment(inputs, out, partition=partition, time=time_limit, tasks=tasks, fmt=form, venv=venv)
        err_console.print(f"submitted {script}; shards will be in {out}", markup=False)
        return
    count = api.segment(
        inputs, out, workers=workers, tasks=tasks, fmt=form, executor="ray" if executor == "ray" else "local"
    )
    err_console.print(f"wrote {count} units to {out}", markup=False)


@cli.command()
@click.argument("units", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="units JSONL to write, one per group")
@click.option(
    "--duplicates", type=click.Path(path_type=Path), help="the groups' other units [default: OUT.duplicates.jsonl]"
)
def dedup(units: Path, out: Path, duplicates: Path | None) -> None:
    """Group near-duplicate UNITS (wire copies, re-publications, corrections); keep one per group.

    Units with the same kind and speaker whose texts are the same up to small edits (MinHash/LSH on character
    5-grams, Jaccard 0.8; see docs/architecture.md) form a group; its first unit goes to OUT, the others to the
    duplicates file with the unit they repeat, so that they can carry its labels when the dataset is published.
    UNITS is a JSONL file or a folder of shards.
    """
    summary = api.dedup(units, out, duplicates=duplicates)
    err_console.print(
        f"{summary.units} units: {summary.duplicates} near-duplicates in {summary.groups} groups; "
        f"wrote {summary.kept} units to {summary.out} and the duplicates to {summary.duplicates_path}",
        markup=False,
    )


@cli.command()
@click.argument("units", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="the batch of units to push")
@click.option("--size", "-n", required=True, type=click.IntRange(1), help="units to draw")
@click.option("--seed", default=0, show_default=True, type=int, help="the same seed draws the same batch")
@click.option(
    "--by", "strata", multiple=True, help="stratify by this field (repeatable): source, month, year, author, kind, ..."
)
@click.option(
    "--allocation",
    default="proportional",
    show_default=True,
    type=click.Choice(["proportional", "equal"]),
    help="units per stratum: as the strata's sizes, or the same for each",
)
@click.option("--documents", type=click.Path(path_type=Path), help="documents JSONL (for source, month, ...)")
@click.option("--match", help="relevant: the text matches this regular expression (case-insensitive)")
@click.option("--predictions", type=click.Path(path_type=Path), help="relevant: a predicted stance (predict's JSONL)")
@click.option("--min-score", default=0.0, show_default=True, type=float, help="with --predictions: lowest score kept")
@click.option("--duplicates", type=click.Path(path_type=Path), help="dedup's duplicates file: left out, counted")
def sample(
    units: Path,
    out: Path,
    size: int,
    seed: int,
    strata: tuple[str, ...],
    allocation: str,
    documents: Path | None,
    match: str | None,
    predictions: Path | None,
    min_score: float,
    duplicates: Path | None,
) -> None:
    """Draw a documented sample of UNITS to annotate: relevant, stratified, of a given size and seed.

    Writes the batch to OUT and the sampling report (corpus size, filter, strata, sizes, seed, duplicates
    removed), which the dataset card states, to OUT.sampling.json. UNITS is a JSONL file or a folder of shards.
    """
    report = api.sample(
        units,
        out,
        size=size,
        seed=seed,
        strata=strata,
        allocation="equal" if allocation == "equal" else "proportional",
        documents=documents,
        match=match,
        predictions=predictions,
        min_score=min_score,
        duplicates=duplicates,
    )
    counts = f"{report.sampled} of {report.relevant_units} relevant units ({report.corpus_units} in the corpus"
    err_console.print(f"drew {counts}, {len(report.cells)} strata) into {out}; the report is beside it", markup=False)


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


@cli.command()
@click.argument("units", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="predictions JSONL to write")
@click.option("--evaluate", "gold", type=click.Path(path_type=Path), help="gold labels JSONL: print macro-F1")
def predict(units: Path, out: Path, gold: Path | None) -> None:
    """Suggest labels for UNITS with the keyword baseline (pre-annotations for push --predictions).

    With --evaluate GOLD, print the baseline's macro-F1 per target against those gold labels: a baseline,
    not a model.
    """
    count = api.predict(units, out)
    err_console.print(f"wrote {count} predictions to {out}")
    if gold is not None:
        for target, (f1, n) in api.evaluate_predictions(units, gold).items():
            shown = "—" if f1 is None else f"{f1:.3f}"
            out_console.print(f"{target}: macro-F1 {shown} on {n} units", markup=False)


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
