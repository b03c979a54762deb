"""Everything about Label Studio: the only package that imports ``label_studio_sdk``.

- :mod:`.client`: :class:`Connection`, the SDK and plain JSON calls with our retries and one-line errors;
- :mod:`.payloads`: every payload sent or received, as a ``TypedDict``;
- :mod:`.labeling_config`: the annotation and adjudication configs, built from the schema's label sets;
- :mod:`.tasks`: units (and disputes) as task payloads, the guidelines, the inputs a push is given;
- :mod:`.plan` and :mod:`.projects`: projects and an idempotent push, never overwriting annotated work;
- :mod:`.results` and :mod:`.export`: results both ways, exports into pseudonymous ``Annotation`` records;
- :mod:`.users`: annotator accounts; :mod:`.server`: the local server process.

The names below are what the rest of claimstance (its ``api``) uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimstance.config import ServerSettings
from claimstance.labelstudio import server
from claimstance.labelstudio.client import Connection
from claimstance.labelstudio.export import export_tasks, pull_annotations, read_export
from claimstance.labelstudio.labeling_config import adjudication_config, annotation_config, generated_files
from claimstance.labelstudio.projects import (
    PushReport,
    TeamSettings,
    ensure_project,
    list_tasks,
    push,
    push_tasks,
    task_ids,
)
from claimstance.labelstudio.results import labels_to_result, parse_export, pseudonym
from claimstance.labelstudio.tasks import (
    Dispute,
    adjudication_tasks,
    checked_doc_titles,
    checked_predictions,
    read_guidelines,
    task_data,
)
from claimstance.labelstudio.users import create_user, list_users
from claimstance.schema import ClaimUnit

__all__ = [
    "Connection",
    "Dispute",
    "PushReport",
    "TeamSettings",
    "adjudication_config",
    "adjudication_tasks",
    "annotation_config",
    "checked_doc_titles",
    "checked_predictions",
    "create_user",
    "ensure_project",
    "export_tasks",
    "generated_files",
    "labels_to_result",
    "list_tasks",
    "list_users",
    "parse_export",
    "pseudonym",
    "pull_annotations",
    "push",
    "push_disputes",
    "push_tasks",
    "read_export",
    "read_guidelines",
    "server",
    "task_data",
    "task_ids",
]


def push_disputes(
    units: Iterable[ClaimUnit],
    disputes: Iterable[Dispute],
    project: str,
    *,
    guidelines: str,
    settings: ServerSettings | None = None,
    data_dir: str | Path | None = None,
    connection: Connection | None = None,
) -> PushReport:
    """Push disputed units to the adjudication ``project``, under the adjudication config (idempotent).

    See :func:`.tasks.adjudication_tasks` for what each task shows and :func:`.projects.push_tasks` for the push.
    """
    return push_tasks(
        adjudication_tasks(units, disputes),
        project,
        label_config=adjudication_config(),
        guidelines=guidelines,
        settings=settings,
        data_dir=data_dir,
        connection=connection,
    )
