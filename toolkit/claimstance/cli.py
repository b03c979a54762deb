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
from typing import Literal, TypeVar

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


@cli.group()
def server() -> None:
    """The local Label Studio: credentials generated in its data folder (owner-only).

    SQLite under var/label-studio by default; with --backend postgres, PostgreSQL (var/postgres) behind uwsgi
    (var/label-studio-pg). A team server elsewhere needs none of this: set LABEL_STUDIO_URL and
    LABEL_STUDIO_API_KEY.
    """


@server.command("install")
def server_install() -> None:
    """Install Label Studio (pinned) into its own environment in your data directory; reused when there."""
    with err_console.status("installing Label Studio into its own environment (a few minutes, once)"):
        report = api.install_server()
    state = f"Label Studio {report.version} {'already installed' if report.reused else 'installed'} in {report.venv}"
    err_console.print(f"{state}; in a study: claimstance server start", markup=False)


@server.command("start")
@click.option("--port", type=int, help="port [default: 8089]")
@click.option("--host", help="listen on this interface (IPv4) instead of 127.0.0.1: opens the server to a team")
@click.option("--public-url", help="the address annotators open, e.g. https://annotate.example.org (a TLS proxy)")
@click.option(
    "--backend",
    type=click.Choice(["sqlite", "postgres"]),
    default="sqlite",
    show_default=True,
    help="sqlite: the development server, for one person; postgres: PostgreSQL behind uwsgi, as a team runs it",
)
@click.option("--workers", type=click.IntRange(1, 32), default=4, show_default=True, help="uwsgi workers (postgres)")
@STUDY
def server_start(port: int | None, host: str | None, public_url: str | None, backend: str, workers: int) -> None:
    """Start Label Studio (or find it running) and wait until it answers /health.

    It listens on 127.0.0.1 unless --host or --public-url open it to a team: then it refuses weak
    credentials, accepts only that address, and prints what to put in front of it (docs/team-server.md).
    The admin's password and token are in credentials.json in its data folder (owner-only).
    """
    data_dir = _data_dir()
    first = "about 30 s" if backend == "sqlite" else "about 1-2 min"
    with err_console.status(f"starting Label Studio (the first start sets up its database, {first})"):
        info = api.start_server(port, data_dir, host=host, public_url=public_url, backend=backend, workers=workers)
    err_console.print(f"Label Studio is running at {info.url} (pid {info.pid}, data in {info.data_dir})")
    err_console.print(
        f"log in as {config.LOCAL_ADMIN_EMAIL} with the password in {info.data_dir / 'credentials.json'}",
        markup=False,
    )
    for line in api.server_advice(info, host, public_url):
        err_console.print(line, markup=False)


@server.command("stop")
@STUDY
def server_stop() -> None:
    """Stop the local Label Studio."""
    stopped = api.stop_server(_data_dir())
    err_console.print("Label Studio stopped" if stopped else "Label Studio was not running")


@server.command("status")
@STUDY
def server_status() -> None:
    """Say whether the local Label Studio runs, where, and whether it is healthy; exit 1 when it is down."""
    info = api.server_status(_data_dir())
    if info is None:
        err_console.print("Label Studio is not running (start it with: claimstance server start)")
        raise SystemExit(1)
    state = "healthy" if info.healthy else "NOT answering /health"
    err_console.print(f"Label Studio at {info.url}: {state} (pid {info.pid}, log {info.log_file})")
    if info.public_url:
        err_console.print(f"open to a team: annotators use {info.public_url}", markup=False)
    if not info.healthy:
        raise SystemExit(1)


@cli.group()
def annotators() -> None:
    """Annotator accounts: add one (its password is shown once), list them, deactivate one."""


@annotators.command("add")
@click.argument("email")
@URL
def annotators_add(email: str, url: str | None) -> None:
    """Make an account for EMAIL with a generated password, printed once on stdout for you to pass on.

    The password is not stored or logged anywhere: if it is lost, deactivate the account and add the
    annotator under another e-mail.
    """
    new = api.add_annotator(email, settings=config.server_settings(url=url))
    err_console.print(f"annotator added (user {new.id}); give them this line, it is not shown again:")
    click.echo(f"log in at {new.login_url} as {new.email} with password {new.password}")


@annotators.command("list")
def annotators_list() -> None:
    """The local server's annotators: user id, pseudonym (as in the dataset), masked e-mail, status."""
    accounts = api.list_annotators()
    for account in accounts:
        state = "active" if account.active else "deactivated"
        click.echo(f"{account.id}\t{account.pseudonym}\t{account.email_hint}\t{state}")
    if not accounts:
        err_console.print("no annotators yet (add one with: claimstance annotators add EMAIL)")


@annotators.command("deactivate")
@click.argument("who")
def annotators_deactivate(who: str) -> None:
    """Stop WHO (an e-mail or a user id) from logging in or using a token; their annotations stay."""
    user_id, was_active = api.deactivate_annotator(who)
    err_console.print(f"user {user_id} deactivated" if was_active else f"user {user_id} was already deactivated")


@cli.command()
@click.argument("units", type=click.Path(path_type=Path))
@PROJECT
@URL
@click.option("--documents", type=click.Path(path_type=Path), help="documents JSONL, to show titles")
@click.option("--predictions", type=click.Path(path_type=Path), help="pre-annotations (Prediction JSONL)")
@click.option(
    "--guidelines",
    type=click.Path(path_type=Path),
    help="codebook [default: the study's guidelines.md, else the shipped one]",
)
@click.option("--wait", default=0.0, show_default=True, help="seconds to wait for another push to finish")
@click.option(
    "--overlap", type=click.IntRange(1), help="independent annotations per unit [default: the study's overlap, 2]"
)
@click.option("--show-predictions", is_flag=True, help="show pre-annotations to annotators (anchors them)")
@STUDY
def push(
    units: Path,
    project: str | None,
    url: str | None,
    documents: Path | None,
    predictions: Path | None,
    guidelines: Path | None,
    wait: float,
    overlap: int | None,
    show_predictions: bool,
) -> None:
    """Push UNITS to a Label Studio project: idempotent, never overwriting annotated tasks.

    The project hands each unit to OVERLAP annotators through "Label All Tasks" (changing it re-spreads it);
    pre-annotations are pushed but hidden unless --show-predictions.
    """
    study = _study(needed=project is None)
    with _progress() as progress:
        task = progress.add_task("push", total=api.count_lines(units))
        report = api.push(
            units,
            project or study.config.project,
            documents=documents,
            predictions=predictions,
            guidelines=guidelines or study.own_guidelines,
            settings=_settings(url, study),
            progress=lambda n: progress.advance(task, n),
            wait=wait,
            overlap=overlap or study.config.overlap,
            show_predictions=show_predictions,
        )
    err_console.print(
        f"project {report.project!r} (id {report.project_id}): {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.predictions_added} predictions, "
        f"{report.duplicates_removed} duplicates removed; guidelines {report.guidelines_version}",
        markup=False,
    )
    for conflict in report.conflicts:
        err_console.print(
            f"not updated: unit {conflict.unit_id} (task {conflict.task_id}): {conflict.reason}", markup=False
        )


@cli.command()
@PROJECT
@URL
@click.option("--from-export", type=click.Path(path_type=Path), help="a JSON export downloaded from Label Studio")
@DIR
@click.option("--full", is_flag=True, help="export every task, not only those changed since the last pull")
@STUDY
def pull(project: str | None, url: str | None, from_export: Path | None, directory: Path | None, full: bool) -> None:
    """Pull every annotation of a project into DIR/<project>.jsonl, keeping history and deletions.

    After the first pull, only the tasks changed since the last one are exported (the file is the same).
    """
    study = _study(needed=project is None or directory is None)
    with err_console.status("exporting annotations"):
        summary = api.pull(
            project or study.config.project,
            from_export=from_export,
            directory=directory or study.annotations,
            settings=_settings(url, study),
            full=full,
        )
    state = "written" if summary.written else "unchanged"
    err_console.print(
        f"{summary.path}: {summary.total} annotations ({summary.added} new, {summary.updated} updated, "
        f"{summary.deleted} deleted in Label Studio, {summary.cancelled} skipped); file {state}",
        markup=False,
    )
    if summary.beyond_overlap:
        err_console.print(f"{summary.beyond_overlap} annotations beyond the designed overlap (kept, flagged)")
    if summary.incomplete:
        tasks = ", ".join(str(t) for t in summary.incomplete)
        err_console.print(f"warning: annotations leave a required target empty in tasks {tasks} (missing_targets)")


@cli.command()
@click.argument("annotations", type=click.Path(path_type=Path))
@click.option("--units", required=True, type=click.Path(path_type=Path), help="the units JSONL pushed to it")
def progress(annotations: Path, units: Path) -> None:
    """A lead's view of one pulled project: units by annotation count, annotators, skips, agreement so far."""
    report, agreement = api.progress(annotations, units)
    overlap = report.designed_overlap or "?"
    counts = ", ".join(f"{n} annotations: {units_}" for n, units_ in report.by_count.items())
    out_console.print(f"{report.project}: {report.units} units, designed overlap {overlap}; {counts}", markup=False)
    for a in report.annotators:
        median = "—" if a.median_seconds is None else f"{a.median_seconds:.1f} s"
        out_console.print(f"  {a.annotator}: {a.annotated} units, {a.skipped} skipped, median {median} per unit")
    out_console.print(f"  skipped units: {report.skipped_units}; beyond the overlap: {report.beyond_overlap}")
    for note in report.notes:
        out_console.print(f"  note: {note}", markup=False)
    if agreement is None:
        out_console.print(f"  agreement: after {api.MIN_OVERLAPPING_UNITS} units with two annotations")
    for target in agreement.targets if agreement else []:
        alpha = "—" if target.alpha is None else f"{target.alpha:.3f}"
        out_console.print(f"  {target.target}: alpha {alpha} on {target.n_pairable_units} units (independent)")


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@DIR
@click.option("--seed", default=0, show_default=True, help="seed of the bootstrap")
@click.option("--resamples", default=1000, show_default=True, help="bootstrap resamples")
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
@click.option("--independent", is_flag=True, help="leave out annotations made with a suggestion or others' labels")
@STUDY
def agree(
    files: tuple[Path, ...], directory: Path | None, seed: int, resamples: int, as_json: bool, independent: bool
) -> None:
    """Inter-annotator agreement per target (alpha with a 95% CI, kappa, raw agreement, confusion)."""
    folder = directory or _study(needed=not files).annotations
    report = api.agree(files or None, directory=folder, seed=seed, n_boot=resamples, independent=independent)
    if as_json:
        _json_out(report.to_dict())
        return
    for table in api.agreement_tables(report):
        out_console.print(table)


@cli.command()
@click.argument("units", type=click.Path(path_type=Path))
@PROJECT
@URL
@DIR
@click.option("--no-push", is_flag=True, help="decide gold labels only; do not send disputes to Label Studio")
@STUDY
def adjudicate(units: Path, project: str | None, url: str | None, directory: Path | None, no_push: bool) -> None:
    """Gold labels with their origin; disputed UNITS go to the <project>-adjudication project."""
    study = _study(needed=project is None or directory is None)
    summary = api.adjudicate(
        units,
        project or study.config.project,
        directory=directory or study.annotations,
        push=not no_push,
        guidelines=study.own_guidelines,
        settings=_settings(url, study),
    )
    origins = ", ".join(f"{n} {origin}" for origin, n in sorted(summary.origins.items()))
    err_console.print(f"{summary.gold_path}: {origins}", markup=False)
    if summary.pushed is not None:
        r = summary.pushed
        err_console.print(
            f"{summary.disputed} disputed units in project {summary.adjudication_project!r}: "
            f"{r.created} new, {r.updated} updated, {r.unchanged} already there; "
            f"pull their decisions with: claimstance pull --project {summary.adjudication_project}",
            markup=False,
        )
    elif summary.disputed:
        err_console.print(f"{summary.disputed} disputed units not sent (--no-push)")


@cli.command()
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="dataset folder to write")
@click.option("--units", type=click.Path(path_type=Path), help="units JSONL [default: the study's units.jsonl]")
@click.option("--documents", type=click.Path(path_type=Path), help="documents JSONL [default: the study's one]")
@DIR
@click.option("--seed", default=0, show_default=True, help="seed of the document split and the bootstrap")
@click.option("--push-to-hub", "repo_id", help="also upload to this Hub dataset repo (token from HF_TOKEN)")
@STUDY
def publish(
    out: Path, units: Path | None, documents: Path | None, directory: Path | None, seed: int, repo_id: str | None
) -> None:
    """Write the Hugging Face dataset (Parquet + card) from UNITS, DOCUMENTS and the annotations in DIR."""
    study = _study(needed=None in (units, documents, directory))
    with err_console.status("building the dataset"):
        report = api.publish(
            out,
            units=units or study.root / "units.jsonl",
            documents=documents or study.root / "documents.jsonl",
            directory=directory or study.annotations,
            seed=seed,
            push_to_hub=repo_id,
            guidelines=study.own_guidelines,
        )
    for config_name, splits in report.rows.items():
        sizes = ", ".join(f"{split} {n}" for split, n in splits.items())
        err_console.print(f"{config_name}: {sizes}", markup=False)
    for note in report.notes:
        err_console.print(f"note: {note}", markup=False)
    err_console.print(f"load it with: datasets.load_dataset({str(out)!r}, 'units')", markup=False)
    if repo_id:
        err_console.print(f"uploaded to https://huggingface.co/datasets/{repo_id}", markup=False)


@cli.command("check-dataset")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False))
def check_dataset(folders: tuple[Path, ...]) -> None:
    """Check published dataset FOLDERS: card, configs, data files, features, no e-mail addresses or tokens."""
    for folder in folders:
        counts = api.check_dataset(folder)
        files = ", ".join(f"{name} {n}" for name, n in counts.items())
        err_console.print(f"{folder}: a claimstance dataset (data files: {files})", markup=False)


@cli.command()
@click.option("--stop", is_flag=True, help="stop the demo's Label Studio and exit")
@click.option("--port", type=int, help="port of the local Label Studio [default: 8089]")
@STUDY
def demo(stop: bool, port: int | None) -> None:
    """Run everything on seeds/ with a local Label Studio; print the login and the load_dataset line."""
    study = _study()
    if stop:
        stopped = api.stop_server(config.data_dir(root=study.root))
        err_console.print("Label Studio stopped" if stopped else "Label Studio was not running")
        return
    with err_console.status("demo") as status:
        summary = api.demo(root=study.root, port=port, step=lambda message: status.update(message))
    p = summary.push
    rows = summary.dataset_rows.get("units", {})
    out_console.print(
        "\n".join(
            [
                f"{summary.documents} documents, {summary.units} units from seeds/",
                f"project {summary.project!r}: {p.created} tasks created, {p.unchanged} already there, "
                f"{p.updated} updated, {len(p.conflicts)} left alone (annotated)",
                "",
                "Annotators:",
                f"  open {summary.url}/projects/{p.project_id}/data",
                f"  log in as {summary.annotator_email} / {summary.annotator_password}",
                f"  guidelines: {summary.push.guidelines_version} (under 'Instructions' in the labeling view)",
                "",
                "Researchers:",
                "  import datasets",
                f"  units = datasets.load_dataset({str(summary.dataset)!r}, 'units')"
                f"  # {sum(rows.values())} rows in {', '.join(rows)}",
                "",
                "Stop the server with: claimstance demo --stop",
            ]
        ),
        markup=False,
    )


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


if __name__ == "__main__":
    main()
