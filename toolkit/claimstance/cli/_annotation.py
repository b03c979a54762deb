"""Commands of the annotation round: push, pull, progress, agree, adjudicate."""

from __future__ import annotations

from pathlib import Path

import click

from claimstance import api
from claimstance.cli._app import (
    DIR,
    PROJECT,
    STUDY,
    URL,
    _json_out,
    _progress,
    _settings,
    _study,
    cli,
    err_console,
    out_console,
)


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
@click.option(
    "--annotators",
    type=click.IntRange(0),
    help="one pass project per annotator, each unit in OVERLAP of them; 0: one shared project "
    "[default: the study's annotators, else 0]",
)
@click.option("--seed", default=0, show_default=True, help="seed of the assignment of units to passes")
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
    annotators: int | None,
    seed: int,
) -> None:
    """Push UNITS to a Label Studio project: idempotent, never overwriting annotated tasks.

    With --annotators K (designed assignment, for exactly OVERLAP annotations per unit), the project becomes
    K projects PROJECT-pass-1 ... PROJECT-pass-K, one per annotator, and every unit is put in exactly OVERLAP
    of them (balanced, seeded); pushing again adds what is missing, a higher OVERLAP adds passes. Without it,
    one project hands each unit to OVERLAP annotators through "Label All Tasks" (annotators working at the
    same time can exceed it: pull flags the extra annotations). Pre-annotations are pushed but hidden unless
    --show-predictions.
    """
    study = _study(needed=project is None)
    annotators = study.config.annotators if annotators is None else annotators
    if annotators:
        _push_passes(
            units,
            project or study.config.project,
            url,
            documents,
            predictions,
            guidelines,
            wait,
            overlap or study.config.overlap,
            show_predictions,
            annotators,
            seed,
        )
        return
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


def _push_passes(
    units: Path,
    project: str,
    url: str | None,
    documents: Path | None,
    predictions: Path | None,
    guidelines: Path | None,
    wait: float,
    overlap: int,
    show_predictions: bool,
    annotators: int,
    seed: int,
) -> None:
    study = _study(needed=False)
    with _progress() as progress:
        lines = api.count_lines(units)
        task = progress.add_task("push", total=None if lines is None else lines * overlap)
        report = api.push_passes(
            units,
            project,
            annotators=annotators,
            overlap=overlap,
            seed=seed,
            documents=documents,
            predictions=predictions,
            guidelines=guidelines or study.own_guidelines,
            settings=_settings(url, study),
            progress=lambda n: progress.advance(task, n),
            wait=wait,
            show_predictions=show_predictions,
        )
    err_console.print(f"project {project!r}: {annotators} passes, every unit in {overlap} (seed {seed})", markup=False)
    for number, pushed in report.pushes.items():
        err_console.print(
            f"  {pushed.project!r} (id {pushed.project_id}): {report.sizes[number]} units "
            f"({pushed.created} created, {pushed.updated} updated, {report.removed[number]} removed)",
            markup=False,
        )
        for conflict in pushed.conflicts:
            err_console.print(
                f"  not updated: unit {conflict.unit_id} (task {conflict.task_id}): {conflict.reason}", markup=False
            )
    err_console.print("give each annotator one pass: see docs/annotators.md, 'Your pass'", markup=False)


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
    if summary.repeated:
        err_console.print(f"{summary.repeated} annotations by an annotator who had labelled the unit in another pass")
    if summary.incomplete:
        tasks = ", ".join(str(t) for t in summary.incomplete)
        err_console.print(f"warning: annotations leave a required target empty in tasks {tasks} (missing_targets)")


@cli.command()
@click.argument("annotations", type=click.Path(path_type=Path))
@click.option("--units", required=True, type=click.Path(path_type=Path), help="the units JSONL pushed to it")
def progress(annotations: Path, units: Path) -> None:
    """A lead's view of one pulled project (all its passes): units by annotation count, annotators, skips, agreement.

    Pull the project first (``claimstance pull`` merges its passes into one file).
    """
    report, agreement = api.progress(annotations, units)
    overlap = report.designed_overlap or "?"
    counts = ", ".join(f"{n} annotations: {units_}" for n, units_ in report.by_count.items())
    out_console.print(f"{report.project}: {report.units} units, designed overlap {overlap}; {counts}", markup=False)
    for a in report.annotators:
        median = "—" if a.median_seconds is None else f"{a.median_seconds:.1f} s"
        where = f" (pass {', '.join(map(str, a.passes))})" if a.passes else ""
        out_console.print(
            f"  {a.annotator}{where}: {a.annotated} units, {a.skipped} skipped, median {median} per unit",
            markup=False,
        )
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
    """Gold labels with their origin; disputed UNITS go to the <project>-adjudication project.

    Without --project, a DIR holding several projects is refused: gold labels are decided per project.
    """
    study = _study(needed=project is None or directory is None)
    folder = directory or study.annotations
    summary = api.adjudicate(
        units,
        project or api.sole_project(folder, study.config.project),
        directory=folder,
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
