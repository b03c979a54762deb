"""The data manager's task list (``GET /api/tasks/``), page by page: the one pager of push and pull.

A push lists the tasks of a project (ids, data, annotation counts) to plan its batches; a pull lists task ids
and update times, all of them or only those a filter ``query`` selects. Both read the rows of
:func:`task_rows`.

Where the list ends, in Label Studio 1.23.2 (``/api/tasks/`` is the data manager's ``TaskListAPI``:
``tasks/urls.py:15``, ``tasks/api.py:178``): every page carries ``total``, the number of tasks the whole
(filtered) list holds (``data_manager/api.py:308-316``); a page past the last is a 404
(``rest_framework/pagination.py:201-207``), and an empty project has one empty page (Django's paginator
allows an empty first page). A page may hold fewer rows than asked without being the last: a server started
with ``TASK_API_PAGE_SIZE_MAX`` cuts every page to that size (``core/settings/base.py:556``,
``data_manager/api.py:245``). So the list ends once the rows read reach ``total``, at an empty page, or at a
404; never at a short page. A page without ``total`` (from some other server) says nothing about the end:
the pages are read until an empty one or a 404, at the cost of one request more; a page that repeats the
one before (a server or proxy that drops the ``page`` parameter) stops the listing with an error, where
it would otherwise never end.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import TypeAdapter

from claimstance.errors import LabelStudioError
from claimstance.labelstudio.client import Connection
from claimstance.labelstudio.payloads import Row, TaskPage

PAGE_SIZE = 1000
"""Tasks per page: measured fastest on Label Studio 1.23 (see docs/performance.md)."""


def task_rows(
    conn: Connection,
    project_id: int,
    include: str,
    page_type: TypeAdapter[TaskPage[Row]],
    *,
    what: str = "listing tasks",
    query: str = "",
    page_size: int = PAGE_SIZE,
) -> Iterator[Row]:
    """Stream a project's tasks, only the ``include`` fields (validated by ``page_type``), ``page_size`` a
    request, in the list's order (by id unless ``query`` orders it), up to the last; ``query`` is the data
    manager's JSON query (filters, ordering). ``what`` names the listing in errors."""
    page, seen, previous = 1, 0, None
    while True:
        params: dict[str, str | int] = {
            "project": project_id,
            "page": page,
            "page_size": page_size,
            "include": include,
            "fields": "task_only",
            "resolve_uri": "false",  # the rows are read, not shown: no storage URL to turn into a proxy link
        }
        if query:
            params["query"] = query
        # Past the last page Label Studio answers 404 (the SDK's iter_pages() raises there): the list ends.
        body = conn.find("api/tasks/", params, what, page_type)
        if body is None or not body["tasks"]:
            return
        if body["tasks"] == previous:
            raise LabelStudioError(
                f"{what}: Label Studio's page {page} repeats page {page - 1} of project {project_id}",
                hint="the server or a proxy in front of it ignores the 'page' parameter of /api/tasks/",
            )
        previous = body["tasks"]
        yield from body["tasks"]
        seen += len(body["tasks"])
        total = body.get("total")
        if total is not None and seen >= total:
            return
        page += 1
