"""Everything about Label Studio: the only package that imports ``label_studio_sdk``.

- :mod:`.client`: :class:`Connection`, the SDK and plain JSON calls with our retries and one-line errors;
- :mod:`.payloads`: every payload sent or received, as a ``TypedDict``;
- :mod:`.labeling_config`: the annotation and adjudication configs, built from the schema's label sets;
- :mod:`.tasks`: units (and disputes) as task payloads, the guidelines, the inputs a push is given;
- :mod:`.plan` and :mod:`.projects`: projects and an idempotent push, never overwriting annotated work;
- :mod:`.results` and :mod:`.export`: results both ways, exports into pseudonymous ``Annotation`` records;
  :mod:`.incremental`: pulls of what changed since the last one, and full pulls split into bounded exports;
- :mod:`.users`: annotator accounts; :mod:`.server`: the local server process (SQLite development server);
  :mod:`.postgres` and :mod:`.uwsgi`: the local server on PostgreSQL behind uwsgi, as a team runs it;
- :mod:`.credentials`: the local server's generated secrets; :mod:`.admin`: account changes made in its
  database; :mod:`.exposure`: opening it to a team.

The names below are what the rest of claimstance (its ``api``) uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimstance.config import ServerSettings
from claimstance.labelstudio import credentials, exposure, server
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
from claimstance.labelstudio.users import (
    AnnotatorAccount,
    NewAnnotator,
    add_annotator,
    annotators,
    create_user,
    deactivate_annotator,
    list_users,
)
from claimstance.schema import ClaimUnit

__all__ = [
    "AnnotatorAccount",
    "Connection",
    "Dispute",
    "NewAnnotator",
    "PushReport",
    "TeamSettings",
    "add_annotator",
    "adjudication_config",
    "adjudication_tasks",
    "annotation_config",
    "annotators",
    "checked_doc_titles",
    "checked_predictions",
    "create_user",
    "credentials",
    "deactivate_annotator",
    "ensure_project",
    "export_tasks",
    "exposure",
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
