"""The library API a researcher calls from Python; the CLI is a thin layer over these functions.

Stage modules never import each other; this module is where stages meet: it reads a stage's input from
disk, calls the stage, and writes its output atomically. Heavy stages (Label Studio, datasets) are imported
inside the functions that need them, so ``import claimstance.api`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel

from claimstance import config, io, layout
from claimstance import schema as _schema
from claimstance.config import ServerSettings
from claimstance.errors import ClaimstanceError, DecodeError, EmptyInputError, InputError
from claimstance.schema import Annotation, AnnotationLabels, ClaimUnit, Document, GoldLabel, Prediction

if TYPE_CHECKING:
    from rich.table import Table

    from claimstance.agree import AgreementReport
    from claimstance.card import CardInfo
    from claimstance.labelstudio import PushReport
    from claimstance.publish import PublishReport
    from claimstance.pull import PullSummary
    from claimstance.sample import SamplingReport
    from claimstance.server import ServerInfo

T = TypeVar("T")
Tracker = Callable[[Iterable[T]], Iterable[T]]

RECORD_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "claim_unit": ClaimUnit,
    "annotation": Annotation,
    "gold_label": GoldLabel,
    "prediction": Prediction,
}
"""Record types that live in JSONL files, by the name ``claimstance validate --model`` takes."""


def _identity(items: Iterable[T]) -> Iterable[T]:
    return items


def ingest(seeds: Iterable[str | Path], out: str | Path, *, progress: Tracker[Document] | None = None) -> int:
    """Ingest seed files or folders into a documents JSONL file; return the number of documents."""
    from claimstance.ingest import ingest_paths

    track = progress or _identity
    seeds = list(seeds)
    empty = EmptyInputError("no documents found", path=", ".join(str(s) for s in seeds))
    return io.write_jsonl(out, track(ingest_paths(seeds)), empty=empty)


def count_lines(path: str | Path) -> int | None:
    """Lines in a file (the records of a JSONL file, for progress bars), or None if unreadable."""
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return None


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


def detect_model(value: object) -> str:
    """Recognise the record type of one parsed JSON object by its distinctive fields."""
    if isinstance(value, dict):
        keys = set(value)
        if "seed_file" in keys:
            return "document"
        if "ls_task_id" in keys or "annotator" in keys:
            return "annotation"
        if "model_version" in keys:
            return "prediction"
        if "origin" in keys and "target" in keys:
            return "gold_label"
        if "doc_id" in keys and "char_start" in keys:
            return "claim_unit"
    raise InputError("cannot tell which record type this is", hint="pass --model")


def validate(path: str | Path, *, model: str | None = None) -> tuple[int, list[ClaimstanceError]]:
    """Check every record of a JSONL file; return the number of good records and one error per bad line.

    Unlike the stage readers, this keeps going after a bad line so a user can fix them all at once.
    Also reports duplicate ids and a schema version this toolkit does not read.
    """
    good = 0
    errors: list[ClaimstanceError] = []
    seen: dict[str, int] = {}
    name = model
    try:
        for number, value in _iter_lenient(path, errors):
            try:
                if name is None:
                    name = detect_model(value)
                record = io.validate_record(RECORD_MODELS[name], value, path=path, line=number)
            except ClaimstanceError as exc:
                if exc.line is None:
                    exc = type(exc)(exc.message, path=path, line=number, hint=exc.hint)
                errors.append(exc)
                continue
            problem = _version_problem(record)
            ident = getattr(record, "id", None)
            if problem is None and isinstance(ident, str) and ident in seen:
                problem = f"duplicate id {ident!r} (first on line {seen[ident]})"
            if problem:
                errors.append(InputError(problem, path=path, line=number))
                continue
            if isinstance(ident, str):
                seen[ident] = number
            good += 1
    except ClaimstanceError as exc:
        errors.append(exc)
    if good == 0 and not errors:
        errors.append(EmptyInputError("no records", path=path))
    return good, errors


def _iter_lenient(path: str | Path, errors: list[ClaimstanceError]) -> Iterator[tuple[int, object]]:
    """Like :func:`io.iter_json_lines`, but a malformed line is recorded and skipped, not fatal."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path=p, hint="check the path")
    with p.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                if b"\x00" in raw:
                    raise DecodeError("NUL byte in record (binary, not JSON Lines)", path=p, line=number)
                try:
                    text = raw.decode("utf-8").removeprefix("\ufeff")
                except UnicodeDecodeError:
                    raise DecodeError("not valid UTF-8", path=p, line=number) from None
                yield number, io.parse_json(text, path=p, line=number)
            except ClaimstanceError as exc:
                errors.append(exc)


def _version_problem(record: BaseModel) -> str | None:
    version = getattr(record, "schema_version", None)
    if not isinstance(version, str):
        return None
    ours = _schema.SCHEMA_VERSION.split(".")[0]
    if version.split(".")[0] != ours:
        return f"schema_version {version} is not readable by this toolkit (schema {_schema.SCHEMA_VERSION})"
    return None


def schema_export(directory: str | Path = "schema") -> list[Path]:
    """Write the generated schema files (JSON Schemas, labels, labeling config) into ``directory``."""
    return _schema.export(directory)


def schema_check(directory: str | Path = "schema") -> None:
    """Raise :class:`~claimstance.errors.SchemaDriftError` with a diff when ``directory`` is out of date."""
    _schema.check(directory)


# ---- Label Studio: server, push, pull ---------------------------------------------------------------------

DEFAULT_PROJECT = layout.DEFAULT_PROJECT


def start_server(port: int | None = None, data_dir: str | Path | None = None) -> ServerInfo:
    """Start the local Label Studio (or return the one already running) and wait until it is healthy."""
    from claimstance import server

    return server.start(port, data_dir)


def stop_server(data_dir: str | Path | None = None) -> bool:
    """Stop the local Label Studio; False when none was running."""
    from claimstance import server

    return server.stop(data_dir)


def server_status(data_dir: str | Path | None = None) -> ServerInfo | None:
    """The local Label Studio's address and health, or None when it is not running."""
    from claimstance import server

    return server.status(data_dir)


def read_guidelines(path: str | Path | None = None) -> str:
    """The codebook shown to annotators in Label Studio (``docs/guidelines.md`` of the project)."""
    return io.read_text(path or config.project_root() / "docs" / "guidelines.md")


def doc_titles(documents: str | Path | None) -> dict[str, str | None]:
    """Document id -> title, for showing titles in Label Studio tasks."""
    if documents is None:
        return {}
    return {doc.id: doc.title for doc in io.read_jsonl(documents, Document)}


def checked_doc_titles(
    units: Iterable[ClaimUnit], documents: str | Path, *, source: str | Path
) -> dict[str, str | None]:
    """Document id -> title, after checking that every unit is an exact slice of its document.

    A unit whose document is missing, or whose offsets do not give its text, comes from other documents (or
    an edited file): pushing it would show annotators text its document does not hold. ``source`` names the
    units file in the error.
    """
    docs = {doc.id: doc for doc in io.read_jsonl(documents, Document)}
    for unit in units:
        doc = docs.get(unit.doc_id)
        if doc is None:
            raise InputError(
                f"unit {unit.id!r} belongs to document {unit.doc_id!r}, which {documents} does not hold",
                path=source,
                hint="pass the documents file the units were segmented from",
            )
        if doc.text[unit.char_start : unit.char_end] != unit.text:
            raise InputError(
                f"unit {unit.id!r}: characters {unit.char_start}-{unit.char_end} of document {unit.doc_id!r} "
                "are not the unit's text",
                path=source,
                hint="segment the documents again: the units do not match them",
            )
    return {doc_id: doc.title for doc_id, doc in docs.items()}


def read_predictions(path: str | Path) -> dict[str, AnnotationLabels]:
    """Pre-annotations: a JSONL file of ``Prediction`` records, by unit id."""
    return {
        p.unit_id: AnnotationLabels(**p.model_dump(include=set(AnnotationLabels.model_fields)))
        for p in io.read_jsonl(path, Prediction)
    }


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
) -> PushReport:
    """Push a units JSONL file to a Label Studio project, idempotently (see :func:`labelstudio.push`)."""
    from claimstance import labelstudio

    records = io.read_jsonl_checked(units, ClaimUnit)
    preds = read_predictions(predictions) if predictions else None
    if preds:
        unknown = sorted(set(preds) - {u.id for u in records})
        if unknown:
            raise InputError(
                f"prediction for unknown unit {unknown[0]!r} ({len(unknown)} in all)",
                path=predictions,
                hint=f"make the predictions from {units} again with 'claimstance predict'",
            )
    return labelstudio.push(
        records,
        project,
        guidelines=read_guidelines(guidelines),
        predictions=preds,
        model_version=model_version or (_model_version(predictions) if predictions else None),
        doc_titles=checked_doc_titles(records, documents, source=units) if documents else {},
        settings=settings,
        progress=progress,
        lock_timeout=wait,
    )


def _model_version(path: str | Path) -> str | None:
    for record in io.read_jsonl(path, Prediction):
        return record.model_version
    return None


def pull(
    project: str | None = DEFAULT_PROJECT,
    *,
    from_export: str | Path | None = None,
    directory: str | Path = "annotations",
    settings: ServerSettings | None = None,
) -> PullSummary:
    """Pull a project's annotations (or a downloaded JSON export) into ``annotations/<project>.jsonl``."""
    from claimstance import pull as _pull

    if from_export is not None:
        name = project or Path(from_export).stem
        tasks = _pull.read_export(from_export)
        return _pull.update_annotations(
            layout.annotations_path(name, directory), tasks, project=name, source=str(from_export)
        )
    if not project:
        raise InputError("no project given", hint="pass --project NAME or --from-export FILE")
    from claimstance import labelstudio

    users = labelstudio.list_users(settings=settings)
    exported = labelstudio.export_tasks(project, settings=settings)
    return _pull.update_annotations(
        layout.annotations_path(project, directory),
        exported,
        project=project,
        users=users,
        source=f"project {project!r}",
    )


def read_annotations(paths: Iterable[str | Path]) -> list[Annotation]:
    """Every annotation record of the given files (validated)."""
    return [record for path in paths for record in io.read_jsonl(path, Annotation)]


def agree(
    paths: Iterable[str | Path] | None = None,
    *,
    directory: str | Path = "annotations",
    seed: int = 0,
    n_boot: int = 1000,
) -> AgreementReport:
    """Inter-annotator agreement per target over annotation files (default: every project in ``directory``)."""
    from claimstance import agree as _agree

    files = list(paths) if paths else layout.annotation_files(directory)[0]
    records = read_annotations(files)
    if not records:
        raise EmptyInputError("no annotations", path=", ".join(str(f) for f in files) or directory)
    return _agree.agreement(records, seed=seed, n_boot=n_boot)


def agreement_tables(report: AgreementReport) -> list[Table]:
    """The agreement report as terminal tables: summary, pairs, and the confusion of every target with a pair."""
    from claimstance.agree import renderables

    return renderables(report)


def predict(units: str | Path, out: str | Path) -> int:
    """Write keyword-baseline pre-annotations (``Prediction`` JSONL) for a units file; return the count."""
    from claimstance.predict import predict_units

    return io.write_jsonl(out, predict_units(io.read_jsonl_checked(units, ClaimUnit)))


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
    from claimstance import pull as _pull

    project_path = layout.annotations_path(project, directory)
    annotations = _pull.read_annotations(project_path)
    if not annotations:
        raise EmptyInputError("no annotations", path=project_path, hint="pull first")
    review = layout.adjudication_project(project)
    review_path = layout.annotations_path(review, directory)
    adjudications = _pull.read_annotations(review_path, missing_ok=True)
    # Every input is checked before the gold file is touched: a gold label for a unit that is gone is an orphan.
    records = io.read_jsonl_checked(units, ClaimUnit)
    known = {unit.id for unit in records}
    _schema.check_no_orphans(annotations, known, path=project_path, units=units)
    _schema.check_no_orphans(adjudications, known, path=review_path, units=units)
    gold = _adjudicate.gold_labels(annotations, adjudications)
    disputed = _adjudicate.disputed_units(annotations, adjudications)
    todo = None
    if push and disputed:
        from claimstance import tasks

        todo = _adjudicate.adjudication_tasks(records, annotations, adjudications, task_data=tasks.task_data)
        instructions = read_guidelines(guidelines)
    path = layout.gold_path(project, directory)
    io.write_jsonl(path, gold)
    origins: dict[str, int] = {}
    for label in gold:
        origins[label.origin.value] = origins.get(label.origin.value, 0) + 1
    pushed = None
    if todo is not None:
        from claimstance import labelstudio

        pushed = labelstudio.push_tasks(
            todo,
            review,
            label_config=_adjudicate.adjudication_labeling_config(),
            guidelines=instructions,
            settings=settings,
        )
    return AdjudicationSummary(path, origins, len(disputed), review, pushed)


# ---- publish and the demo ----------------------------------------------------------------------------------


def card_info(directory: str | Path = "annotations") -> CardInfo:
    """The dataset card's facts: ``CardInfo`` defaults, overridden by ``annotations/card.yaml`` when present."""
    import dataclasses

    import yaml

    from claimstance.card import CardInfo

    path = layout.card_path(directory)
    if not path.is_file():
        return CardInfo()
    try:
        values = yaml.safe_load(io.read_text(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise InputError(
            f"not valid YAML ({problem})",
            path=path,
            line=mark.line + 1 if mark is not None else None,
            hint="fix the YAML, or remove the file to use the defaults",
        ) from None
    if not isinstance(values, dict):
        raise InputError("expected a mapping of CardInfo fields", path=path)
    known = {f.name for f in dataclasses.fields(CardInfo)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise InputError(f"unknown card field {unknown[0]!r}", path=path, hint=f"known: {', '.join(sorted(known))}")
    converted: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    return CardInfo(**converted)


def _pipeline(seeds: Iterable[str | Path]) -> tuple[list[Document], list[ClaimUnit]]:
    from claimstance.ingest import ingest_paths
    from claimstance.segment import segment_documents

    documents = list(ingest_paths(seeds))
    return documents, list(segment_documents(documents))


def publish(
    out: str | Path,
    *,
    seeds: Iterable[str | Path] = ("seeds",),
    directory: str | Path = "annotations",
    seed: int = 0,
    n_boot: int = 1000,
    push_to_hub: str | None = None,
    token: str | None = None,
) -> PublishReport:
    """Build the Hugging Face dataset from seed texts and pulled annotations (and upload it if asked).

    Documents and units are made afresh from ``seeds`` (ingest and segment are deterministic); annotations
    come from every project file in ``directory``, adjudications from its ``*-adjudication.jsonl`` files.
    An annotation for a unit the seeds no longer produce stops the build: publishing it would orphan a label.
    """
    from claimstance import adjudicate as _adjudicate
    from claimstance import agree as _agree
    from claimstance import publish as _publish

    documents, units = _pipeline(seeds)
    files, review_files = layout.annotation_files(directory)
    annotations = [(path, record) for path in files for record in io.read_jsonl(path, Annotation)]
    adjudications = read_annotations(review_files)
    known = {u.id for u in units}
    for path, record in annotations:
        _schema.check_no_orphans([record], known, path=path, units="the seeds")
    records = [record for _, record in annotations]
    report = _agree.agreement(records, seed=seed, n_boot=n_boot).to_dict() if records else None
    result = _publish.build_dataset(
        out,
        units=units,
        documents=documents,
        annotations=records,
        gold=_adjudicate.gold_labels(records, adjudications),
        agreement=report,
        seed=seed,
        card_info=card_info(directory),
    )
    if push_to_hub:
        _publish.push_to_hub(out, push_to_hub, token)
    return result


DEMO_PROJECT = "claimstance-demo"
DEMO_ANNOTATOR_EMAIL = "annotator@claimstance.local"
DEMO_ANNOTATOR_PASSWORD = "annotate-claims"  # a demo account on 127.0.0.1 only; printed for the annotator


@dataclass(frozen=True)
class DemoSummary:
    """Where the demo left everything, for the closing message."""

    url: str
    project: str
    annotator_email: str
    annotator_password: str
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
    creates nothing), and publishes the dataset from ``annotations/`` into ``var/demo/dataset``.
    """
    from claimstance import labelstudio, server

    say = step or (lambda _: None)
    base = config.project_root(root)
    work = base / "var" / "demo"
    say("starting Label Studio (the first start sets up its database, about 30 s)")
    info = server.start(port, config.data_dir(root=base))
    settings = config.server_settings(url=info.url, api_key=config.LOCAL_ADMIN_TOKEN)
    say("ingesting seeds/")
    n_docs = ingest([base / "seeds"], work / "documents.jsonl")
    say("segmenting into claim units")
    n_units = segment(work / "documents.jsonl", work / "units.jsonl")
    predict(work / "units.jsonl", work / "predictions.jsonl")
    say("creating the demo annotator")
    labelstudio.create_user(DEMO_ANNOTATOR_EMAIL, password=DEMO_ANNOTATOR_PASSWORD, settings=settings)
    say(f"pushing units to project {DEMO_PROJECT!r}")
    pushed = push(
        work / "units.jsonl",
        DEMO_PROJECT,
        documents=work / "documents.jsonl",
        predictions=work / "predictions.jsonl",
        guidelines=base / "docs" / "guidelines.md",
        settings=settings,
    )
    say("publishing the dataset from annotations/")
    published = publish(work / "dataset", seeds=[base / "seeds"], directory=base / "annotations")
    return DemoSummary(
        url=info.url,
        project=DEMO_PROJECT,
        annotator_email=DEMO_ANNOTATOR_EMAIL,
        annotator_password=DEMO_ANNOTATOR_PASSWORD,
        documents=n_docs,
        units=n_units,
        push=pushed,
        dataset=work / "dataset",
        dataset_rows=published.rows,
    )
