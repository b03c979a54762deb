"""Exports: a project's tasks with their annotations, from the server or from a downloaded file.

:func:`export_tasks` makes a snapshot export on the server and streams it from a temporary file, so memory
stays flat however large the project; :func:`read_export` reads the UI's "JSON" download. Either goes
through :func:`.results.parse_export`; :func:`pull_annotations` does both steps, giving what ``claimstance
pull`` merges into the annotations file.
"""

from __future__ import annotations

import contextlib
import secrets
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimstance import io
from claimstance.config import ServerSettings
from claimstance.errors import ExportFormatError, InputError, LabelStudioError
from claimstance.labelstudio.client import Connection, connected, required_id
from claimstance.labelstudio.projects import find_project, read_team_settings, require_project
from claimstance.labelstudio.results import parse_export
from claimstance.labelstudio.users import list_users
from claimstance.schema import Annotation

CHUNK_SIZE = 1 << 18
"""Bytes per chunk when downloading an export."""


def iter_export(fh: IO[bytes], source: str) -> Iterator[object]:
    """The tasks of a JSON export file, parsed as they are read (``fh`` is closed when done)."""
    import ijson

    try:
        with fh:
            yield from ijson.items(fh, "item", use_float=True)
    except ijson.JSONError as exc:
        raise ExportFormatError(f"the export of project '{source}' is not valid JSON ({exc})") from None


def export_tasks(
    project: str,
    *,
    settings: ServerSettings | None = None,
    keep_snapshot: bool = False,
    connection: Connection | None = None,
) -> Iterator[object]:
    """The project's tasks as Label Studio's JSON export gives them (annotations, full predictions).

    Makes a snapshot export on the server (predictions whole, ``completed_by`` expanded to the user with
    its e-mail), downloads it to a temporary file and returns an iterator over its tasks, so memory stays
    flat however large the project. The snapshot is deleted from the server unless ``keep_snapshot``.
    The tasks are plain JSON: :func:`.results.parse_export` checks them.
    """
    with connected(settings, connection) as conn:
        return _export(conn, project, keep_snapshot=keep_snapshot)


def _export(conn: Connection, project: str, *, keep_snapshot: bool) -> Iterator[object]:
    from label_studio_sdk.types.serialization_option_request import SerializationOptionRequest as Option
    from label_studio_sdk.types.serialization_options_request import SerializationOptionsRequest

    project_id = require_project(conn, project)
    options = SerializationOptionsRequest(
        predictions=Option(only_id=False), drafts=Option(only_id=True), annotations_completed_by=Option(only_id=False)
    )
    snapshot = conn.call(
        f"exporting project '{project}'",
        lambda: conn.sdk.projects.exports.create(
            project_id, title=f"claimstance-{secrets.token_hex(4)}", serialization_options=options
        ),
        idempotent=False,
    )
    snapshot_id = required_id(snapshot.id, f"the export of project '{project}'")
    fh = tempfile.TemporaryFile(prefix="claimstance-export-")  # noqa: SIM115 (the iterator closes it)
    try:
        wait = 0.1
        status = snapshot.status
        while status not in ("completed", "failed"):
            # Community Edition exports synchronously; a server with a worker queue needs polling.
            time.sleep(wait)
            wait = min(wait * 1.5, 2.0)
            status = conn.call(
                "waiting for the export", lambda: conn.sdk.projects.exports.get(project_id, snapshot_id)
            ).status
        if status == "failed":
            raise LabelStudioError(f"Label Studio failed to export project '{project}'", hint="see the server's log")

        def download() -> None:
            fh.seek(0)
            fh.truncate()
            chunks = conn.sdk.projects.exports.download(
                project_id,
                snapshot_id,
                export_type="JSON",
                request_options={"chunk_size": CHUNK_SIZE, "timeout_in_seconds": int(conn.settings.timeout)},
            )
            for chunk in chunks:
                fh.write(chunk)

        conn.call(f"downloading the export of '{project}'", download)
        fh.seek(0)
    except BaseException:
        fh.close()
        raise
    finally:
        if not keep_snapshot:
            with contextlib.suppress(LabelStudioError):
                conn.call("deleting the export", lambda: conn.sdk.projects.exports.delete(project_id, snapshot_id))
    return iter_export(fh, project)


def read_export(path: str | Path) -> list[object]:
    """Read a Label Studio JSON export (the UI's "JSON" download or a snapshot) as a list of task objects.

    A single task object (some tools save one task per file) is accepted as a list of one. Anything that
    is not UTF-8 JSON holding tasks is an ``InputError`` naming the file.
    """
    value = io.parse_json(io.read_text(path), path=path)
    if isinstance(value, dict) and "data" in value:
        value = [value]
    if not isinstance(value, list):
        raise ExportFormatError(
            f"expected a JSON list of Label Studio tasks, got a JSON {type(value).__name__}",
            path=path,
            hint="download the project with Export > JSON in Label Studio",
        )
    for index, task in enumerate(value):
        if not isinstance(task, dict):
            raise ExportFormatError(
                f"item {index} of the export is a JSON {type(task).__name__}, not a task object", path=path
            )
    return value


def pull_annotations(
    project: str | None,
    *,
    from_export: str | Path | None = None,
    settings: ServerSettings | None = None,
    connection: Connection | None = None,
) -> tuple[str, Iterator[Annotation]]:
    """The project's title and its annotations, from a downloaded export when given, else from the server.

    The title of an export defaults to its file name. The export is read (or users and export fetched)
    now; the annotations are parsed as they are iterated. From the server, users are listed first, so that
    annotations whose export names only a user id still get the pseudonym of that user's e-mail.
    """
    if from_export is not None:
        title = project or Path(from_export).stem
        return title, parse_export(read_export(from_export), project=title, source=str(from_export))
    if not project:
        raise InputError("no project given", hint="pass --project NAME or --from-export FILE")
    with connected(settings, connection) as conn:
        users = list_users(connection=conn)
        detail = find_project(conn, project)
        team = read_team_settings(detail) if detail is not None else None
        exported = export_tasks(project, connection=conn)
    return project, parse_export(
        exported,
        project=project,
        users=users,
        source=f"project {project!r}",
        predictions_visible=team.show_predictions if team else True,
        designed_overlap=team.overlap if team else None,
    )
