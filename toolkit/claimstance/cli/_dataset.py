"""Commands that make and check the dataset: publish, check-dataset, demo."""

from __future__ import annotations

from pathlib import Path

import click

from claimstance import api, config
from claimstance.cli._app import (
    DIR,
    STUDY,
    _study,
    cli,
    err_console,
    out_console,
)


@cli.command()
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="dataset folder to write")
@click.option(
    "--units", type=click.Path(path_type=Path), help="units JSONL or shards folder [default: the study's units.jsonl]"
)
@click.option("--documents", type=click.Path(path_type=Path), help="documents JSONL [default: the study's one]")
@DIR
@click.option(
    "--batch",
    type=click.Path(path_type=Path, dir_okay=False),
    help="the units 'claimstance sample' drew and were annotated (its .sampling.json beside it)",
)
@click.option(
    "--duplicates",
    type=click.Path(path_type=Path, dir_okay=False),
    help="near-duplicates 'claimstance dedup' wrote: each carries its annotated unit's labels",
)
@click.option("--seed", default=0, show_default=True, help="seed of the document split and the bootstrap")
@click.option("--push-to-hub", "repo_id", help="also upload to this Hub dataset repo (token from HF_TOKEN)")
@click.option("--project", "projects", multiple=True, help="a project of DIR to publish (repeat to combine several)")
@STUDY
def publish(
    out: Path,
    units: Path | None,
    documents: Path | None,
    directory: Path | None,
    batch: Path | None,
    duplicates: Path | None,
    seed: int,
    repo_id: str | None,
    projects: tuple[str, ...],
) -> None:
    """Write the Hugging Face dataset (Parquet + card) from UNITS, DOCUMENTS and the annotations in DIR.

    With --batch (or UNITS that 'claimstance sample' drew) the dataset holds the batch, the card states its
    sampling frame, and a missing or outdated sampling report is refused; --duplicates adds every
    near-duplicate of an annotated unit, with that unit's gold labels marked as propagated. A DIR holding
    several projects is refused unless --project names the ones to publish together.
    """
    study = _study(needed=None in (units, documents, directory))
    with err_console.status("building the dataset"):
        report = api.publish(
            out,
            units=units or study.root / "units.jsonl",
            documents=documents or study.root / "documents.jsonl",
            directory=directory or study.annotations,
            batch=batch,
            duplicates=duplicates,
            seed=seed,
            push_to_hub=repo_id,
            guidelines=study.own_guidelines,
            projects=projects or None,
        )
    for config_name, splits in report.rows.items():
        sizes = ", ".join(f"{split} {n}" for split, n in splits.items())
        err_console.print(f"{config_name}: {sizes}", markup=False)
    for note in report.notes:
        err_console.print(f"note: {note}", markup=False)
    if report.propagated:
        err_console.print(f"{report.propagated} near-duplicate rows carry their annotated unit's labels", markup=False)
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
    """Run everything on seeds/ with a local Label Studio; print the login file, the load_dataset line."""
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
                f"  log in as the demo annotator (user {summary.annotator_id}, {summary.annotator_pseudonym}):"
                f" the e-mail and password are demo_email and demo_password in {summary.login_file}",
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
