"""The API of the study and the dataset: the study folder, publish, check a published folder, the demo."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimstance import config, io, layout
from claimstance import schema as _schema
from claimstance.api._annotation import project_files, push, read_annotations
from claimstance.api._corpus import ingest, predict, segment, unit_files
from claimstance.errors import InputError, PublishError
from claimstance.layout import Study, StudyConfig
from claimstance.schema import Annotation, ClaimUnit, Document

if TYPE_CHECKING:
    from claimstance.labelstudio import PushReport
    from claimstance.publish import PublishReport

# ---- the study folder -------------------------------------------------------------------------------------


def study(root: str | Path | None = None) -> Study:
    """The study at ``root``, or the one the current directory is in (see :func:`config.project_root`)."""
    return config.study(root)


def init(root: str | Path, settings: StudyConfig | None = None) -> tuple[Study, list[Path]]:
    """Make ``root`` a study folder (config file, ``seeds/``, ``annotations/``, an editable codebook)."""
    return layout.create_study(root, settings or StudyConfig())


# ---- publish and the demo ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Release:
    """Which units a publish writes: the ids annotators saw, near-duplicates to label, the card's frame."""

    annotated: set[str]
    """Ids annotations may name: the batch's, or every unit's."""
    propagate: dict[str, str]
    frame: str | None
    batch: Path | None


def _release(units: str | Path, batch: str | Path | None, duplicates: str | Path | None) -> _Release:
    """What to publish, with the sampling frame checked (see :func:`publish`)."""
    from claimstance import sample as _sample

    files = unit_files(units)
    if batch is None and not Path(units).is_dir() and _sample.report_path(units).is_file():
        batch = units  # sample wrote these units: they are a batch, whatever option named them
    dups = list(io.read_jsonl(duplicates, _schema.Duplicate)) if duplicates else []
    if batch is None:
        return _Release({u.id for f in files for u in io.read_jsonl(f, ClaimUnit)}, _duplicates(dups, None), None, None)
    made_by = "draw it with 'claimstance sample'"
    ids = {u.id for u in io.read_jsonl(batch, ClaimUnit, missing_hint=made_by)}
    report = _sample.read_report(batch)
    # the corpus size decides only without a report (a batch of every unit needs none): count it only then
    corpus = len(ids) if report else sum(1 for f in files for _ in io.read_jsonl(f, ClaimUnit))
    digest = hashlib.sha256(Path(batch).read_bytes()).hexdigest()
    _sample.check_frame(report, batch=batch, batch_sha256=digest, batch_units=len(ids), corpus_units=corpus)
    if report and report.duplicates_removed and duplicates is None:
        raise PublishError(
            f"{report.duplicates_removed:,} near-duplicates were left out of the sample of {batch}, and no "
            "duplicates file says whose labels they carry",
            path=_sample.report_path(batch),
            hint="pass --duplicates with the file 'claimstance dedup' wrote, and the units it read as --units",
        )
    return _Release(ids, _duplicates(dups, ids), _sample.card_section(report) if report else None, Path(batch))


def _duplicates(dups: list[_schema.Duplicate], batch: set[str] | None) -> dict[str, str]:
    """Near-duplicate -> representative, for the representatives annotated (every one without a batch)."""
    return {
        d.unit_id: d.duplicate_of for d in dups if batch is None or (d.duplicate_of in batch and d.unit_id not in batch)
    }


def _published_units(units: str | Path, release: _Release) -> Iterator[ClaimUnit]:
    """The units to publish, streamed: the batch and its near-duplicates, or every unit; a batch unit missing stops."""
    records = (u for f in unit_files(units) for u in io.read_jsonl(f, ClaimUnit))
    if release.batch is None:
        yield from records
        return
    wanted, found = release.annotated | set(release.propagate), set()
    for unit in records:
        if unit.id in wanted:
            found.add(unit.id)
            yield unit
    missing = sorted(release.annotated - found)
    if missing:
        raise PublishError(
            f"{release.batch} holds unit {missing[0]!r}, which {units} does not hold ({len(missing):,} in all)",
            hint="pass the units the batch was drawn from (or the units dedup read) as --units",
        )


def _forgotten_batch(units: str | Path, annotated: set[str]) -> None:
    """Refuse to publish a whole corpus when every annotation is on a batch that ``sample`` drew beside it.

    Beside: a ``*.sampling.json`` report (and its batch) in the folder that holds ``units`` (file or folder).
    """
    from claimstance import sample as _sample

    folder = Path(units).parent  # the folder holding the units file, or the folder of shards
    for report in sorted(folder.glob("*.sampling.json")):
        batch = report.with_name(report.name.removesuffix(".sampling.json") + ".jsonl")
        if not annotated or not batch.is_file() or _sample.read_report(batch) is None:
            continue
        if annotated <= {u.id for u in io.read_jsonl(batch, ClaimUnit)}:
            raise PublishError(
                f"every annotation is on a unit of {batch}, a sample of {units} drawn by 'claimstance sample'",
                path=report,
                hint=f"pass --batch {batch}, and the card will state how it was drawn",
            )


def publish(
    out: str | Path,
    *,
    units: str | Path = "units.jsonl",
    documents: str | Path = "documents.jsonl",
    directory: str | Path = "annotations",
    batch: str | Path | None = None,
    duplicates: str | Path | None = None,
    seed: int = 0,
    n_boot: int = 1000,
    push_to_hub: str | None = None,
    token: str | None = None,
    guidelines: str | Path | None = None,
    projects: Sequence[str] | None = None,
) -> PublishReport:
    """Build the Hugging Face dataset from units, documents and pulled annotations (and upload it if asked).

    ``units`` and ``documents`` are what ``claimstance segment`` (a file or a folder of shards) and ``ingest``
    wrote, read as streams. Annotations come from every project file in ``directory``, adjudications from its
    ``*-adjudication.jsonl`` files, the card's facts from its ``card.yaml``; the card states the version of
    the codebook (``guidelines``, as for :func:`push`) unless ``card.yaml`` does. An annotation for a unit that
    was not pushed stops the build: publishing it would orphan a label.

    When the annotated units are a sample (``batch``, the file ``claimstance sample`` wrote, or ``units``
    itself when its ``.sampling.json`` report sits beside it), the dataset holds the batch's units, and the
    card states the sampling frame; the report must be there and describe the batch as it is. ``duplicates``
    (what ``claimstance dedup`` wrote) adds each near-duplicate of a published annotated unit, with that
    unit's gold labels marked as propagated (its record is read from ``units``, the units dedup read).
    Without a batch every unit is published; annotations that all lie on a batch that ``sample`` drew
    beside ``units`` stop the build, since its frame would go unstated.
    """
    import dataclasses

    from claimstance import adjudicate as _adjudicate
    from claimstance import agree as _agree
    from claimstance import labelstudio
    from claimstance import publish as _publish
    from claimstance.publish.card import CardInfo, read_card_info

    if not Path(units).exists():
        raise InputError("no such file", path=units, hint=f"make it with 'claimstance segment {documents} -o {units}'")
    release = _release(units, batch, duplicates)
    made_by = f"make it with 'claimstance ingest SEEDS -o {documents}'"
    docs = io.read_jsonl(documents, Document, missing_hint=made_by)
    info = read_card_info(layout.card_path(directory))
    if info.guidelines_version == CardInfo().guidelines_version:
        codebook = labelstudio.read_guidelines(guidelines)
        info = dataclasses.replace(info, guidelines_version=_schema.guidelines_version(codebook))
    files, review_files = project_files(directory, projects)
    annotations: list[Annotation] = []  # agreement and gold labels need them all
    for path in files:
        records = list(io.read_jsonl(path, Annotation))
        _schema.check_no_orphans(records, release.annotated, path=path, units=release.batch or units)
        annotations += records
    if release.batch is None:
        _forgotten_batch(units, {a.unit_id for a in annotations if not a.deleted})
    agreement = _agree.agreement(annotations, seed=seed, n_boot=n_boot).to_dict() if annotations else None
    gold = _adjudicate.gold_labels(annotations, read_annotations(review_files))
    if agreement is not None:  # the card states the baseline's figures, so nobody mistakes it for a model
        agreement["baseline_macro_f1"] = _baseline(units, gold)
    result = _publish.build_dataset(
        out,
        units=_published_units(units, release),
        documents=docs,
        annotations=annotations,
        gold=gold,
        agreement=agreement,
        seed=seed,
        card_info=info,
        propagate=release.propagate,
        frame=release.frame,
    )
    if push_to_hub:
        _publish.push_to_hub(out, push_to_hub, token)
    return result


def _baseline(units: str | Path, gold: list[_schema.GoldLabel]) -> dict[str, dict[str, float | int | None]]:
    """The keyword baseline's macro-F1 per target against ``gold`` (as ``predict --evaluate`` prints it)."""
    from claimstance.predict import evaluate, predict_units

    decided = {g.unit_id for g in gold}
    predictions = predict_units(u for f in unit_files(units) for u in io.read_jsonl(f, ClaimUnit) if u.id in decided)
    return {t: {"macro_f1": f1, "n_units": n} for t, (f1, n) in evaluate(predictions, gold).items()}


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
