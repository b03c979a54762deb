"""labelstudio.task_list: the one pager of the data manager's task list, as a push reads it.

The pages replayed are Label Studio 1.23.2's: ``tasks_page.json`` (a push's listing of the 'recorded' project)
and ``tasks_listing.json`` (a pull's listings: the tasks updated since a time, two a page, then the 404 past
the last page; every task id; an empty project's one page), both written by tests/data/labelstudio/record.py.
How a pull pages is tested in test_labelstudio_incremental.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from claimstance.errors import LabelStudioError
from claimstance.labelstudio import projects
from conftest import FakeServer, Responder, recorded, recorded_units

GUIDELINES = "# Guidelines\n\nRead *everything*."  # what record.py pushed


def cut(page: dict[str, Any], size: int) -> list[dict[str, Any]]:
    """A recorded page as pages of ``size`` tasks (a server started with ``TASK_API_PAGE_SIZE_MAX=size``)."""
    rows = page["tasks"]
    return [{**page, "tasks": rows[start : start + size]} for start in range(0, len(rows), size)] or [page]


def replay(pages: list[dict[str, Any]], *, total: bool = True) -> Responder:
    """``GET /api/tasks/?page=N`` answered with the N-th of ``pages`` (without their ``total`` if not
    ``total``), and past the last with the 404 Label Studio sent there."""
    past = recorded("tasks_listing.json")["past_the_end"]

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        if number > len(pages):
            return httpx.Response(past["status"], json=past["body"])
        page = pages[number - 1]
        return httpx.Response(200, json=page if total else {k: v for k, v in page.items() if k != "total"})

    return answer


def _repush(fake: FakeServer, tmp_path: Path) -> projects.PushReport:
    return projects.push(
        recorded_units(), "recorded", guidelines=GUIDELINES, connection=fake.connect(), data_dir=tmp_path
    )


def _pages_asked(fake: FakeServer) -> list[str]:
    return [r.url.params["page"] for r in fake.calls("GET", "/api/tasks/")]


def test_a_server_that_cuts_pages_short_still_lists_every_task_so_a_repush_imports_nothing(
    fake: FakeServer, tmp_path: Path
) -> None:
    # A push asks 1,000 tasks a page; a server with TASK_API_PAGE_SIZE_MAX=2 sends two, and a short page is
    # not the last: the list ends at its total (no request past it).
    fake.recorded_project()
    fake.on("GET", "/api/tasks/", replay(cut(recorded("tasks_page.json"), 2)))
    report = _repush(fake, tmp_path)
    assert (report.created, report.unchanged, report.duplicates_removed) == (0, 3, 0)
    assert not [r for r in fake.requests if r.method != "GET"]
    assert _pages_asked(fake) == ["1", "2"]
    params = fake.calls("GET", "/api/tasks/")[0].url.params
    assert (params["page_size"], params["include"], params["fields"]) == ("1000", projects.TASK_FIELDS, "task_only")
    assert params["resolve_uri"] == "false" and "query" not in params


def test_pages_without_a_total_are_read_to_the_404_past_the_last(fake: FakeServer, tmp_path: Path) -> None:
    # Without a total a short page says nothing about the end: stopping there would import the units of
    # the pages never read a second time.
    fake.recorded_project()
    fake.on("GET", "/api/tasks/", replay(cut(recorded("tasks_page.json"), 2), total=False))
    report = _repush(fake, tmp_path)
    assert (report.created, report.unchanged) == (0, 3)
    assert not fake.calls("POST", r"/api/projects/\d+/import")
    assert _pages_asked(fake) == ["1", "2", "3"]


def test_an_empty_project_is_one_empty_page_and_every_unit_is_imported(fake: FakeServer, tmp_path: Path) -> None:
    fake.recorded_project()
    fake.on("GET", "/api/tasks/", replay([recorded("tasks_listing.json")["empty_project_page"]]))
    fake.on("POST", r"/api/projects/\d+/import", {"task_ids": [1, 2, 3]}, status=201)
    report = _repush(fake, tmp_path)
    assert (report.created, report.unchanged) == (3, 0)
    assert _pages_asked(fake) == ["1"]


def test_a_server_that_ignores_the_page_number_is_an_error_not_an_endless_listing(
    fake: FakeServer, tmp_path: Path
) -> None:
    # Without a total only an empty page or a 404 ends the list; a server (or proxy) that drops the page
    # parameter would send page 1 for ever, and the push would never finish.
    fake.recorded_project()
    first = {k: v for k, v in recorded("tasks_page.json").items() if k != "total"}
    fake.on("GET", "/api/tasks/", lambda request: httpx.Response(200, json=first))
    with pytest.raises(LabelStudioError, match="page 2 repeats page 1") as caught:
        _repush(fake, tmp_path)
    assert "\n" not in str(caught.value)
    assert _pages_asked(fake) == ["1", "2"]
    assert not [r for r in fake.requests if r.method != "GET"]
