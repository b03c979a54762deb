"""The library API a researcher calls from Python; the CLI is a thin layer over these functions.

Stage modules never import each other; this module is where stages meet: it reads a stage's input from
disk, calls the stage, and writes its output atomically. Heavy stages (Label Studio, datasets) are imported
inside the functions that need them, so ``import claimstance.api`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from claimstance import config, io, layout
from claimstance import schema as _schema
from claimstance.config import ServerSettings
from claimstance.errors import ClaimstanceError, EmptyInputError, InputError
from claimstance.layout import Study as Study  # re-exported: the CLI imports only api
from claimstance.layout import StudyConfig as StudyConfig
from claimstance.schema import Annotation, ClaimUnit, Document, GoldLabel, Prediction

if TYPE_CHECKING:
    from rich.table import Table

    from claimstance.agree import AgreementReport
    from claimstance.labelstudio import AnnotatorAccount, NewAnnotator, PushReport
    from claimstance.labelstudio.server import InstallReport, ServerInfo
    from claimstance.progress import ProjectProgress
    from claimstance.publish import PublishReport
    from claimstance.pull import PullSummary
    from claimstance.sample import SamplingReport

T = TypeVar("T")
Tracker = Callable[[Iterable[T]], Iterable[T]]

RECORD_MODELS = _schema.RECORD_MODELS
"""Record types that live in JSONL files, by the name ``claimstance validate --model`` takes."""

count_lines = io.count_lines


def _identity(items: Iterable[T]) -> Iterable[T]:
    return items


def ingest(seeds: Iterable[str | Path], out: str | Path, *, progress: Tracker[Document] | None = None) -> int:
    """Ingest seed files or folders into a documents JSONL file; return the number of documents."""
    from claimstance.ingest import ingest_paths

    track = progress or _identity
    seeds = list(seeds)
    empty = EmptyInputError("no documents found", path=", ".join(str(s) for s in seeds))
    return io.write_jsonl(out, track(ingest_paths(seeds)), empty=empty)


def segment(
    inputs: str | Path | Iterable[str | Path],
    out: str | Path,
    *,
    workers: int = 1,
    tasks: int | None = None,
    fmt: Literal["jsonl", "parquet"] = "jsonl",
    executor: Literal["local", "ray"] = "local",
) -> int:
    """Segment documents (or seed pages, ingested on the way) into claim units; return the number of units.

    ``inputs``: a documents JSONL file, seed ``.txt`` files, documents as JSON Lines or Parquet, or folders of
    them, local or fsspec URLs. ``out`` ending in ``.jsonl`` is one file (the same bytes for any ``workers``);
    otherwise a folder of shards. Runs as a datatrove pipeline (:mod:`claimstance.pipeline`) with ``workers``
    processes, or on the Ray cluster ``ray.init()`` finds. A failed run leaves ``out`` untouched and keeps its
    finished shards: running it again redoes only the failed ones.
    """
    from claimstance.pipeline import segment_corpus

    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    return segment_corpus(paths, out, workers=workers, tasks=tasks, fmt=fmt, executor=executor)


def submit_segment(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    partition: str,
    time: str = "4:00:00",
    tasks: int | None = None,
    fmt: Literal["jsonl", "parquet"] = "jsonl",
    venv: str | None = None,
) -> Path:
    """Submit the segment pipeline as a Slurm job array writing shards into ``out``; return its sbatch script."""
    from claimstance.pipeline import slurm_script

    return slurm_script(inputs, out, tasks=tasks, fmt=fmt, partition=partition, time=time, venv=venv)


def unit_files(units: str | Path) -> list[Path]:
    """A units JSONL file, or the JSONL shards of a folder (``claimstance segment -o FOLDER``) in order."""
    path = Path(units)
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("*.jsonl"))
    if not files:
        raise InputError("folder holds no .jsonl files", path=path, hint="pass a units file or a folder of shards")
    return files


@dataclass(frozen=True)
class DedupSummary:
    """What ``dedup`` read and wrote."""

    units: int
    kept: int
    duplicates: int
    groups: int
    out: Path
    duplicates_path: Path


def dedup(units: str | Path, out: str | Path, *, duplicates: str | Path | None = None) -> DedupSummary:
    """Group near-duplicate units (:mod:`claimstance.dedup`): representatives to ``out``, the others to ``duplicates``.

    ``duplicates`` (default ``<out>.duplicates.jsonl``) holds one ``Duplicate`` per unit left out, naming the
    representative whose labels it carries. ``out`` keeps the input's order.
    """
    import tempfile

    from claimstance import dedup as _dedup

    files = unit_files(units)
    ids: list[str] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool:

        def spooled() -> Iterator[ClaimUnit]:
            # each unit is kept as the line write_jsonl writes, so the second pass copies lines, not records
            for unit in (u for f in files for u in io.read_jsonl(f, ClaimUnit)):
                spool.write(io.dump_record(unit) + "\n")
                ids.append(unit.id)
                yield unit

        found = list(_dedup.find_duplicates(spooled()))
        if not ids:
            raise EmptyInputError("no units", path=units)
        dropped = {d.unit_id for d in found}
        spool.seek(0)
        with io.atomic_writer(out) as fh:
            fh.writelines(line for ident, line in zip(ids, spool, strict=True) if ident not in dropped)
    path = Path(duplicates) if duplicates else _dedup.duplicates_path(out)
    kept = len(ids) - len(found)
    io.write_jsonl(path, found)
    groups = len({d.duplicate_of for d in found})
    return DedupSummary(kept + len(found), kept, len(found), groups, Path(out), path)


def sample(
    units: str | Path,
    out: str | Path,
    *,
    size: int,
    seed: int = 0,
    strata: Iterable[str] = (),
    allocation: Literal["proportional", "equal"] = "proportional",
    documents: str | Path | None = None,
    match: str | None = None,
    predictions: str | Path | None = None,
    min_score: float = 0.0,
    duplicates: str | Path | None = None,
) -> SamplingReport:
    """Draw the batch to annotate (:mod:`claimstance.sample`): units to ``out``, the report beside it.

    Relevance is ``match`` (a regular expression) or ``predictions`` (a stance other than not_applicable),
    or every unit; ``duplicates`` (from ``dedup``) are left out and counted. The report goes to
    ``<out>.sampling.json``; the batch keeps the input's order.
    """
    import hashlib

    from claimstance import sample as _sample

    files = unit_files(units)
    fields = _sample.check_strata(strata, documents=documents is not None)
    relevance: tuple[Callable[[ClaimUnit], bool], str] = (_sample.every_unit, "none")
    if match is not None:
        relevance = _sample.keyword_rule(match)
    elif predictions is not None:
        preds = {p.unit_id: p for p in io.read_jsonl(predictions, Prediction)}
        relevance = _sample.prediction_rule(preds, min_score=min_score)
    chosen, report = _sample.draw_batch(
        (u for path in files for u in io.read_jsonl(path, ClaimUnit)),
        size=size,
        seed=seed,
        strata=fields,
        allocation=allocation,
        documents=io.read_jsonl(documents, Document) if documents else (),
        relevance=relevance,
        duplicates=io.read_jsonl(duplicates, _schema.Duplicate) if duplicates else (),
    )
    if not chosen:
        raise EmptyInputError("no unit to draw from", path=units, hint=f"check the relevance rule ({report.relevance})")
    io.write_jsonl(out, (u for path in files for u in io.read_jsonl(path, ClaimUnit) if u.id in chosen))
    digest = hashlib.sha256(Path(out).read_bytes()).hexdigest()
    report = report.model_copy(update={"batch": Path(out).name, "batch_sha256": digest})
    io.write_text_atomic(_sample.report_path(out), report.model_dump_json(indent=2) + "\n")
    return report


def validate(path: str | Path, *, model: str | None = None) -> tuple[int, list[ClaimstanceError]]:
    """Check every record of a JSONL file; return the number of good records and one error per bad line.

    Unlike the stage readers, this keeps going after a bad line so a user can fix them all at once (see
    :func:`io.check_jsonl`). ``model`` is a name of :data:`RECORD_MODELS`; by default the record type is
    recognised from the first record.
    """
    return io.check_jsonl(path, RECORD_MODELS[model] if model else None)


def schema_export(directory: str | Path = "schema") -> list[Path]:
    """Write the generated schema files (JSON Schemas, labels, labeling config) into ``directory``."""
    from claimstance import labelstudio

    return _schema.export(directory, labelstudio.generated_files())


def schema_check(directory: str | Path = "schema") -> None:
    """Raise :class:`~claimstance.errors.SchemaDriftError` with a diff when ``directory`` is out of date."""
    from claimstance import labelstudio

    _schema.check(directory, labelstudio.generated_files())


# ---- the study folder -------------------------------------------------------------------------------------


def study(root: str | Path | None = None) -> Study:
    """The study at ``root``, or the one the current directory is in (see :func:`config.project_root`)."""
    return config.study(root)


def init(root: str | Path, settings: StudyConfig | None = None) -> tuple[Study, list[Path]]:
    """Make ``root`` a study folder (config file, ``seeds/``, ``annotations/``, an editable codebook)."""
    return layout.create_study(root, settings or StudyConfig())


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
    from claimstance import labelstudio

    if overlap < 1:
        raise InputError(f"overlap {overlap} is not a number of annotators", hint="pass --overlap 1 or more")

    records = io.read_jsonl_checked(units, ClaimUnit)
    preds = io.read_jsonl(predictions, Prediction) if predictions else ()
    by_unit = labelstudio.checked_predictions(preds, {u.id for u in records}, path=predictions, units=units)
    instructions = labelstudio.read_guidelines(guidelines)
    docs = io.read_jsonl(documents, Document) if documents else None
    titles = labelstudio.checked_doc_titles(docs, records, path=documents, source=units) if docs else None
    return labelstudio.push(
        records,
        project,
        guidelines=instructions,
        predictions=by_unit,
        model_version=model_version,
        doc_titles=titles,
        settings=settings,
        progress=progress,
        lock_timeout=wait,
        team=labelstudio.TeamSettings(overlap=overlap, show_predictions=show_predictions),
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
    from claimstance import labelstudio
    from claimstance import pull as _pull
    from claimstance.labelstudio import incremental

    if from_export is not None or not project:
        title, records = labelstudio.pull_annotations(project, from_export=from_export, settings=settings)
        return _pull.update_annotations(layout.annotations_path(title, directory), records)
    path, state_path = layout.annotations_path(project, directory), layout.pull_state_path(project, directory)
    with labelstudio.Connection(settings) as conn:
        previous = incremental.read_state(state_path)
        changes = incremental.pull_changes(project, previous=previous, annotations=path, full=full, connection=conn)
        if changes.changed is None:
            summary = _pull.update_annotations(path, changes.records)
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
        names = ", ".join(Path(f).stem for f in files)
        raise InputError(
            f"{len(files)} projects ({names}): agreement is measured per project, never pooled",
            path=directory,
            hint="pass one project's file, or name the files of the projects to combine",
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


def predict(units: str | Path, out: str | Path) -> int:
    """Write keyword-baseline pre-annotations (``Prediction`` JSONL) for a units file; return the count."""
    from claimstance.predict import predict_units

    return io.write_jsonl(out, predict_units(io.read_jsonl_checked(units, ClaimUnit)))


def evaluate_predictions(units: str | Path, gold: str | Path) -> dict[str, tuple[float | None, int]]:
    """The keyword baseline's macro-F1 per target (and units compared) against a gold-labels file."""
    from claimstance.predict import evaluate, predict_units

    return evaluate(predict_units(io.read_jsonl_checked(units, ClaimUnit)), io.read_jsonl(gold, GoldLabel))


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


# ---- publish and the demo ----------------------------------------------------------------------------------


def publish(
    out: str | Path,
    *,
    units: str | Path = "units.jsonl",
    documents: str | Path = "documents.jsonl",
    directory: str | Path = "annotations",
    seed: int = 0,
    n_boot: int = 1000,
    push_to_hub: str | None = None,
    token: str | None = None,
    guidelines: str | Path | None = None,
) -> PublishReport:
    """Build the Hugging Face dataset from units, documents and pulled annotations (and upload it if asked).

    ``units`` and ``documents`` are the files ``claimstance segment`` and ``ingest`` wrote, read as streams.
    Annotations come from every project file in ``directory``, adjudications from its
    ``*-adjudication.jsonl`` files, the card's facts from its ``card.yaml``; the card states the version of
    the codebook (``guidelines``, as for :func:`push`) unless ``card.yaml`` does. An annotation for a unit that
    ``units`` does not hold stops the build: publishing it would orphan a label.
    """
    import dataclasses

    from claimstance import adjudicate as _adjudicate
    from claimstance import agree as _agree
    from claimstance import labelstudio
    from claimstance import publish as _publish
    from claimstance.publish.card import CardInfo, read_card_info

    made_by = f"make it with 'claimstance segment {documents} -o {units}'"
    unit_ids = {unit.id for unit in io.read_jsonl(units, ClaimUnit, missing_hint=made_by)}
    made_by = f"make it with 'claimstance ingest SEEDS -o {documents}'"
    docs = io.read_jsonl(documents, Document, missing_hint=made_by)
    info = read_card_info(layout.card_path(directory))
    if info.guidelines_version == CardInfo().guidelines_version:
        codebook = labelstudio.read_guidelines(guidelines)
        info = dataclasses.replace(info, guidelines_version=_schema.guidelines_version(codebook))
    files, review_files = layout.annotation_files(directory)
    annotations: list[Annotation] = []  # agreement and gold labels need them all
    for path in files:
        records = list(io.read_jsonl(path, Annotation))
        _schema.check_no_orphans(records, unit_ids, path=path, units=units)
        annotations += records
    agreement = _agree.agreement(annotations, seed=seed, n_boot=n_boot).to_dict() if annotations else None
    gold = _adjudicate.gold_labels(annotations, read_annotations(review_files))
    result = _publish.build_dataset(
        out,
        units=io.read_jsonl(units, ClaimUnit),
        documents=docs,
        annotations=annotations,
        gold=gold,
        agreement=agreement,
        seed=seed,
        card_info=info,
    )
    if push_to_hub:
        _publish.push_to_hub(out, push_to_hub, token)
    return result


def check_dataset(folder: str | Path) -> dict[str, int]:
    """Check a published dataset folder (card, configs, features, no e-mail addresses); data files per config."""
    from claimstance import publish as _publish

    return _publish.check_dataset(folder)


DEMO_PROJECT = "claimstance-demo"
DEMO_ANNOTATOR_EMAIL = config.DEMO_ANNOTATOR_EMAIL


@dataclass(frozen=True)
class DemoSummary:
    """Where the demo left everything, for the closing message."""

    url: str
    project: str
    annotator_email: str
    annotator_password: str = field(repr=False)
    documents: int
    units: int
    push: PushReport
    dataset: Path
    dataset_rows: dict[str, dict[str, int]]


def demo(
    *, root: str | Path | None = None, port: int | None = None, step: Callable[[str], None] | None = None
) -> DemoSummary:
    """The whole pipeline on the project's ``seeds/`` against the local Label Studio.

    Starts the server (or reuses it), ingests and segments the seeds, suggests labels with the keyword
    baseline, creates a demo annotator, pushes the units with their pre-annotations (idempotent: a second run
    creates nothing), and publishes the dataset from ``annotations/`` into ``var/demo/dataset``. The demo
    annotator's password is generated with the server's credentials and returned to be printed.
    """
    from claimstance import labelstudio

    say = step or (lambda _: None)
    here = config.study(root)
    work = here.var / "demo"
    say("starting Label Studio (the first start sets up its database, about 30 s)")
    info = labelstudio.server.start(port, config.data_dir(root=here.root))
    secrets = labelstudio.credentials.local(info.data_dir)
    settings = config.server_settings(url=info.url, api_key=secrets.api_token.get_secret_value())
    password = secrets.demo_password.get_secret_value()
    say("ingesting seeds/")
    n_docs = ingest([here.seeds], work / "documents.jsonl")
    say("segmenting into claim units")
    n_units = segment(work / "documents.jsonl", work / "units.jsonl")
    predict(work / "units.jsonl", work / "predictions.jsonl")
    say("creating the demo annotator")
    labelstudio.create_user(DEMO_ANNOTATOR_EMAIL, password=password, settings=settings)
    say(f"pushing units to project {DEMO_PROJECT!r}")
    pushed = push(
        work / "units.jsonl",
        DEMO_PROJECT,
        documents=work / "documents.jsonl",
        predictions=work / "predictions.jsonl",
        guidelines=here.own_guidelines,
        settings=settings,
    )
    say("publishing the dataset from annotations/")
    published = publish(
        work / "dataset",
        units=work / "units.jsonl",
        documents=work / "documents.jsonl",
        directory=here.annotations,
    )
    return DemoSummary(
        url=info.url,
        project=DEMO_PROJECT,
        annotator_email=DEMO_ANNOTATOR_EMAIL,
        annotator_password=password,
        documents=n_docs,
        units=n_units,
        push=pushed,
        dataset=work / "dataset",
        dataset_rows=published.rows,
    )
