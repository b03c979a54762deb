"""The API of the Label Studio side: the local server, annotator accounts, push, pull, progress, agree, adjudicate."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimstance import io, layout
from claimstance import schema as _schema
from claimstance.config import ServerSettings
from claimstance.errors import EmptyInputError
from claimstance.schema import Annotation, ClaimUnit

if TYPE_CHECKING:
    from rich.table import Table

    from claimstance.agree import AgreementReport
    from claimstance.labelstudio import AnnotatorAccount, NewAnnotator, PushReport
    from claimstance.labelstudio.passes import PassesReport
    from claimstance.labelstudio.server import InstallReport, ServerInfo
    from claimstance.progress import ProjectProgress
    from claimstance.pull import PullSummary


# ---- Label Studio: server, push, pull ---------------------------------------------------------------------

DEFAULT_PROJECT = layout.DEFAULT_PROJECT


def install_server(venv: str | Path | None = None) -> InstallReport:
    """Install Label Studio into its own environment in the user's data directory (reused when it is there)."""
    from claimstance.labelstudio import server

    return server.install(venv)


def start_server(
    port: int | None = None,
    data_dir: str | Path | None = None,
    *,
    host: str | None = None,
    public_url: str | None = None,
    backend: str = "sqlite",
    workers: int = 4,
) -> ServerInfo:
    """Start the local Label Studio (or return the one already running) and wait until it is healthy.

    ``host`` and ``public_url`` open it to a team (see ``docs/team-server.md``); by default it listens on
    127.0.0.1 only. ``backend="postgres"`` runs it on PostgreSQL behind uwsgi with ``workers`` processes
    (``var/postgres`` and ``var/label-studio-pg`` beside ``data_dir``); the default is the SQLite
    development server in ``data_dir``.
    """
    from claimstance.labelstudio import server, uwsgi

    if backend == "postgres":
        folder = None if data_dir is None else Path(data_dir).parent / uwsgi.DATA_DIR_NAME
        return uwsgi.start(port, folder, workers=workers, host=host, public_url=public_url)
    return server.start(port, data_dir, host=host, public_url=public_url)


def server_advice(info: ServerInfo, host: str | None = None, public_url: str | None = None) -> list[str]:
    """What the lead must put in front of a server opened with ``host``/``public_url`` (TLS, firewall)."""
    from claimstance.labelstudio import exposure

    return exposure.advice(exposure.plan(host, info.port, public_url))


def add_annotator(email: str, *, settings: ServerSettings | None = None) -> NewAnnotator:
    """Make an annotator account with a generated password, returned once (never stored or logged)."""
    from claimstance import labelstudio

    return labelstudio.add_annotator(email, settings=settings)


def list_annotators(data_dir: str | Path | None = None) -> list[AnnotatorAccount]:
    """The local server's annotators: user id, pseudonym, masked e-mail, whether they can log in."""
    from claimstance import labelstudio

    return labelstudio.annotators(data_dir)


def deactivate_annotator(who: str, data_dir: str | Path | None = None) -> tuple[int, bool]:
    """Turn off an annotator of the local server (e-mail or user id); return its id and whether it was active."""
    from claimstance import labelstudio

    return labelstudio.deactivate_annotator(who, data_dir)


def stop_server(data_dir: str | Path | None = None) -> bool:
    """Stop the local Label Studio, either backend (and its PostgreSQL); False when none was running."""
    from claimstance.labelstudio import server, uwsgi

    stopped = server.stop(data_dir)
    return uwsgi.stop(None if data_dir is None else Path(data_dir).parent / uwsgi.DATA_DIR_NAME) or stopped


def server_status(data_dir: str | Path | None = None) -> ServerInfo | None:
    """The local Label Studio's address and health (SQLite first, then PostgreSQL), or None when neither runs."""
    from claimstance.labelstudio import server, uwsgi

    return server.status(data_dir) or uwsgi.status(
        None if data_dir is None else Path(data_dir).parent / uwsgi.DATA_DIR_NAME
    )


def push(
    units: str | Path,
    project: str = DEFAULT_PROJECT,
    *,
    documents: str | Path | None = None,
    predictions: str | Path | None = None,
    model_version: str | None = None,
    guidelines: str | Path | None = None,
    settings: ServerSettings | None = None,
    progress: Callable[[int], None] | None = None,
    wait: float = 0.0,
    overlap: int = 2,
    show_predictions: bool = False,
) -> PushReport:
    """Push a units JSONL file to a Label Studio project, idempotently (see :func:`labelstudio.push`).

    ``documents`` gives the tasks their titles (every unit must be a slice of its document), ``predictions``
    their pre-annotations, ``guidelines`` the project's instructions (default: the study's own
    ``guidelines.md``, else the codebook shipped with claimstance). The project collects ``overlap``
    independent annotations per unit; predictions are hidden from annotators unless ``show_predictions``.
    """
    from claimstance import assignment

    return assignment.push(
        units,
        project,
        documents=documents,
        predictions=predictions,
        model_version=model_version,
        guidelines=guidelines,
        settings=settings,
        progress=progress,
        wait=wait,
        overlap=overlap,
        show_predictions=show_predictions,
    )


def push_passes(
    units: str | Path,
    project: str = DEFAULT_PROJECT,
    *,
    annotators: int,
    overlap: int = 2,
    seed: int = 0,
    documents: str | Path | None = None,
    predictions: str | Path | None = None,
    model_version: str | None = None,
    guidelines: str | Path | None = None,
    settings: ServerSettings | None = None,
    progress: Callable[[int], None] | None = None,
    wait: float = 0.0,
    show_predictions: bool = False,
) -> PassesReport:
    """Push units as ``annotators`` pass projects ``<project>-pass-<n>``, each unit in exactly ``overlap``.

    Designed assignment (see :mod:`claimstance.labelstudio.passes`): one pass per annotator, balanced and
    seeded by ``seed``; running it again imports only what is missing, and a higher ``overlap`` adds passes.
    The other arguments are :func:`push`'s. A title that is already one shared project is refused (and a
    shared push to a title with passes): pull reads the passes of a project that has them.
    """
    from claimstance import assignment
    from claimstance.labelstudio import passes

    return assignment.push_passes(
        units,
        project,
        design=passes.Design(overlap, annotators, seed, show_predictions),
        documents=documents,
        predictions=predictions,
        model_version=model_version,
        guidelines=guidelines,
        settings=settings,
        progress=progress,
        wait=wait,
    )


def pull(
    project: str | None = DEFAULT_PROJECT,
    *,
    from_export: str | Path | None = None,
    directory: str | Path = "annotations",
    settings: ServerSettings | None = None,
    full: bool = False,
) -> PullSummary:
    """Pull a project's annotations (or a downloaded JSON export) into ``annotations/<project>.jsonl``.

    From the server, only the tasks changed since the last pull are fetched (unless ``full``, or the labeling
    config or the file changed); the file is the same as a full pull's.
    """
    from claimstance import assignment, labelstudio
    from claimstance import pull as _pull
    from claimstance.labelstudio import incremental, passes

    if from_export is not None or not project:
        title, records = labelstudio.pull_annotations(project, from_export=from_export, settings=settings)
        return _pull.update_annotations(layout.annotations_path(title, directory), records)
    path, state_path = layout.annotations_path(project, directory), layout.pull_state_path(project, directory)
    with labelstudio.Connection(settings) as conn:
        found = passes.find_passes(conn, project)
        if found:
            return assignment.pull_passes(project, found, path, directory, conn, full=full)
        previous = incremental.read_state(state_path)
        changes = incremental.pull_changes(project, previous=previous, annotations=path, full=full, connection=conn)
        if changes.changed is None:
            summary = _pull.update_annotations(path, changes.records, ordered=True)
        else:
            summary = _pull.update_changed(path, changes.records, changes.changed, changes.gone)
    incremental.write_state(state_path, changes.state, path)
    return summary


def read_annotations(paths: Iterable[str | Path]) -> list[Annotation]:
    """Every annotation record of the given files (validated)."""
    return [record for path in paths for record in io.read_jsonl(path, Annotation)]


def agree(
    paths: Iterable[str | Path] | None = None,
    *,
    directory: str | Path = "annotations",
    seed: int = 0,
    n_boot: int = 1000,
    independent: bool = False,
) -> AgreementReport:
    """Inter-annotator agreement per target over annotation files (default: the one project in ``directory``).

    A ``directory`` holding several projects is refused: name the files to combine them.

    ``independent`` leaves out annotations that could have been influenced (see ``Annotation.influenced``).
    """
    from claimstance import agree as _agree

    files = list(paths) if paths else layout.annotation_files(directory)[0]
    if not paths and len(files) > 1:
        raise layout.several_projects(
            files,
            directory,
            "agreement is measured",
            "pass one project's file, or name the files of the projects to combine",
        )
    records = read_annotations(files)
    if not records:
        raise EmptyInputError("no annotations", path=", ".join(str(f) for f in files) or directory)
    return _agree.agreement(records, seed=seed, n_boot=n_boot, independent=independent)


MIN_OVERLAPPING_UNITS = 10
"""Units labelled by two annotators or more before ``progress`` reports agreement so far."""


def progress(annotations: str | Path, units: str | Path) -> tuple[ProjectProgress, AgreementReport | None]:
    """One project's progress (its pulled file against the units pushed), with agreement once enough overlap."""
    from claimstance import agree as _agree
    from claimstance import progress as _progress

    records = read_annotations([annotations])
    unit_ids = [unit.id for unit in io.read_jsonl(units, ClaimUnit)]
    project = records[0].project if records else Path(annotations).stem
    report = _progress.progress(project, unit_ids, records)
    enough = report.overlapping_units >= MIN_OVERLAPPING_UNITS
    return report, (_agree.agreement(records, n_boot=200, independent=True) if enough else None)


def agreement_tables(report: AgreementReport) -> list[Table]:
    """The agreement report as terminal tables: summary, pairs, and the confusion of every target with a pair."""
    from claimstance.agree import renderables

    return renderables(report)


# ---- adjudication ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdjudicationSummary:
    """What ``adjudicate`` decided and sent to the adjudicators."""

    gold_path: Path
    origins: dict[str, int]
    disputed: int
    adjudication_project: str
    pushed: PushReport | None


def adjudicate(
    units: str | Path,
    project: str = DEFAULT_PROJECT,
    *,
    directory: str | Path = "annotations",
    push: bool = True,
    guidelines: str | Path | None = None,
    settings: ServerSettings | None = None,
) -> AdjudicationSummary:
    """Decide gold labels for ``project`` and send the disputed units to ``<project>-adjudication``.

    Gold labels (with their origin and votes) go to ``annotations/<project>.gold.jsonl``. Adjudicators'
    choices come back with ``claimstance pull --project <project>-adjudication``; run ``adjudicate`` again to
    turn them into ``adjudicated`` gold labels.
    """
    from claimstance import adjudicate as _adjudicate
    from claimstance import labelstudio
    from claimstance import pull as _pull

    project_path = layout.annotations_path(project, directory)
    annotations = _pull.read_annotations(project_path, required=True)
    review = layout.adjudication_project(project)
    review_path = layout.annotations_path(review, directory)
    adjudications = _pull.read_annotations(review_path, missing_ok=True)
    # Every input is checked before the gold file is touched: a gold label for a unit that is gone is an orphan.
    records = io.read_jsonl_checked(units, ClaimUnit)
    known = {unit.id for unit in records}
    _schema.check_no_orphans(annotations, known, path=project_path, units=units)
    _schema.check_no_orphans(adjudications, known, path=review_path, units=units)
    gold = _adjudicate.gold_labels(annotations, adjudications)
    disputes = _adjudicate.disputes(annotations, adjudications)
    instructions = labelstudio.read_guidelines(guidelines) if push and disputes else None
    path = layout.gold_path(project, directory)
    io.write_jsonl(path, gold)
    pushed = None
    if instructions is not None:
        pushed = labelstudio.push_disputes(records, disputes, review, guidelines=instructions, settings=settings)
    return AdjudicationSummary(path, _adjudicate.origin_counts(gold), len(disputes), review, pushed)
