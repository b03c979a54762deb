"""The API of the study and the dataset: the study folder, publish, check a published folder, the demo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimstance import config, layout
from claimstance.api._annotation import push
from claimstance.api._corpus import ingest, predict, segment
from claimstance.layout import Study, StudyConfig

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
    wrote, read as streams. Annotations come from the one project file in ``directory`` (or the ``projects``
    named), adjudications from their ``<project>-adjudication.jsonl`` files, the card's facts from its
    ``card.yaml``; the card states the version of the codebook (``guidelines``, as for :func:`push`) unless
    ``card.yaml`` does. An annotation for a unit that was not pushed stops the build: publishing it would
    orphan a label.

    When the annotated units are a sample (``batch``, the file ``claimstance sample`` wrote, or ``units``
    itself when its ``.sampling.json`` report sits beside it), the dataset holds the batch's units, and the
    card states the sampling frame; the report must be there and describe the batch as it is. ``duplicates``
    (what ``claimstance dedup`` wrote) adds each near-duplicate of a published annotated unit, with that
    unit's gold labels marked as propagated (its record is read from ``units``, the units dedup read).
    Without a batch every unit is published; annotations that all lie on a batch that ``sample`` drew
    beside ``units`` stop the build, since its frame would go unstated.
    """
    from claimstance import publish as _publish
    from claimstance import release

    result = release.build(
        out,
        units=units,
        documents=documents,
        directory=directory,
        batch=batch,
        duplicates=duplicates,
        seed=seed,
        n_boot=n_boot,
        guidelines=guidelines,
        projects=projects,
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
    annotator_id: int
    annotator_pseudonym: str
    login_file: Path
    """Where the demo annotator's e-mail and password are (``demo_email``, ``demo_password``): never printed."""
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
    annotator's password is generated with the server's credentials and kept with its e-mail in their
    (owner-only) file: the summary names the account by user id and pseudonym and says where that file is.
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
    annotator = labelstudio.create_user(secrets.demo_email, password=password, settings=settings)
    login_file = labelstudio.credentials.demo_login(info.data_dir)
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
        annotator_id=annotator,
        annotator_pseudonym=labelstudio.pseudonym(secrets.demo_email),
        login_file=login_file,
        documents=n_docs,
        units=n_units,
        push=pushed,
        dataset=work / "dataset",
        dataset_rows=published.rows,
    )
