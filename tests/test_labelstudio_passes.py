"""Designed assignment: every unit in exactly ``overlap`` pass projects, one per annotator, balanced and seeded."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import httpx
import pytest
from claimstance import api, io, layout
from claimstance.errors import InputError
from claimstance.labelstudio import create_user, list_tasks, passes
from claimstance.labelstudio.client import Connection
from claimstance.schema import Annotation, AnnotationLabels, Attribution, ClaimUnit, Speaker, StanceTerritorialIntegrity
from conftest import FakeServer, LabelStudioServer, annotate, recorded

UNIT_IDS = [f"u{i:02d}" for i in range(20)]


def _placements(held: dict[int, set[str]]) -> Counter[str]:
    return Counter(u for units in held.values() for u in units)


def _apply(held: dict[int, set[str]], added: dict[int, list[str]]) -> dict[int, set[str]]:
    return {n: held.get(n, set()) | set(added.get(n, [])) for n in held.keys() | added.keys()}


@pytest.mark.parametrize(("overlap", "annotators", "units"), [(2, 3, 20), (1, 1, 5), (3, 4, 7), (2, 5, 1), (2, 2, 9)])
def test_every_unit_is_in_exactly_overlap_distinct_passes_of_balanced_size(
    overlap: int, annotators: int, units: int
) -> None:
    held = _apply({}, passes.assign(UNIT_IDS[:units], {}, passes.Design(overlap, annotators)))
    assert _placements(held) == Counter({u: overlap for u in UNIT_IDS[:units]})  # a set per pass: distinct
    sizes = [len(held.get(n, set())) for n in range(1, annotators + 1)]
    assert max(sizes) - min(sizes) <= 1


def test_the_assignment_is_seeded_and_crosses_every_pair_of_annotators() -> None:
    first = passes.assign(UNIT_IDS, {}, passes.Design(2, 3, seed=1))
    assert first == passes.assign(UNIT_IDS, {}, passes.Design(2, 3, seed=1))
    assert first != passes.assign(UNIT_IDS, {}, passes.Design(2, 3, seed=2))
    held = _apply({}, first)
    pairs = Counter(tuple(n for n in sorted(held) if u in held[n]) for u in UNIT_IDS)
    assert set(pairs) == {(1, 2), (1, 3), (2, 3)} and max(pairs.values()) - min(pairs.values()) <= 1


def test_assigning_again_adds_only_new_units_and_raising_the_overlap_adds_passes() -> None:
    held = _apply({}, passes.assign(UNIT_IDS[:10], {}, passes.Design(2, 3)))
    assert passes.assign(UNIT_IDS[:10], held, passes.Design(2, 3)) == {1: [], 2: [], 3: []}  # idempotent
    grown = _apply(held, passes.assign(UNIT_IDS, held, passes.Design(2, 3)))
    assert all(held[n] <= grown[n] for n in held)  # nothing moves
    assert _placements(grown) == Counter({u: 2 for u in UNIT_IDS})
    raised = _apply(grown, passes.assign(UNIT_IDS, grown, passes.Design(3, 3)))
    assert all(raised[n] == set(UNIT_IDS) for n in raised)


def test_lowering_the_overlap_plans_the_passes_afresh_and_balanced() -> None:
    held = _apply({}, passes.assign(UNIT_IDS, {}, passes.Design(3, 4)))
    added, removed = passes.plan(UNIT_IDS, held, passes.Design(2, 4))
    lowered = {n: (held[n] - set(removed[n])) | set(added[n]) for n in held}
    assert _placements(lowered) == Counter({u: 2 for u in UNIT_IDS})
    assert max(map(len, lowered.values())) - min(map(len, lowered.values())) <= 1
    assert passes.plan(UNIT_IDS, lowered, passes.Design(2, 4)) == ({1: [], 2: [], 3: [], 4: []}, {})


def test_a_design_needs_as_many_annotators_as_its_overlap_and_keeps_existing_passes() -> None:
    with pytest.raises(InputError, match="overlap 3 needs at least 3 annotators, not 2"):
        passes.assign(UNIT_IDS, {}, passes.Design(3, 2))
    with pytest.raises(InputError, match="already has pass 4, more than 3 annotators"):
        passes.assign(UNIT_IDS, {4: {"u00"}}, passes.Design(2, 3))


def test_pass_titles_and_the_design_they_state_read_back() -> None:
    assert passes.pass_title("seeds", 2) == "seeds-pass-2"
    assert passes.pass_number("seeds", "seeds-pass-12") == 12
    assert passes.pass_number("seeds", "seeds-pass-0") is None
    assert passes.pass_number("seeds", "seeds-2-pass-1") is None
    assert passes.read_overlap(passes.describe("seeds", 1, passes.Design(2, 3, seed=4))) == 2
    assert passes.read_overlap("a project of someone else") is None


def _units(n: int) -> list[ClaimUnit]:
    speaker = Speaker(name="A. Speaker", attribution=Attribution.REPORTED, cue="said")
    texts = [f"Unit {i} says something." for i in range(n)]
    return [
        ClaimUnit(
            id=f"pass-d0-u{i}", doc_id="pass-d0", index=i, text=text, char_start=30 * i,
            char_end=30 * i + len(text), context=text, speaker=speaker,
        )
        for i, text in enumerate(texts)
    ]  # fmt: skip


def _held(conn: Connection, project: str) -> dict[int, set[str]]:
    found = passes.find_passes(conn, project)
    return {n: {str(row["data"]["unit_id"]) for row in list_tasks(conn, d["id"], "id,data")} for n, d in found.items()}


LABELS = AnnotationLabels(stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT, is_claim=True)


@pytest.mark.integration
def test_passes_on_a_real_server_are_resumable_raised_refused_lowered_and_pulled_as_one_project(
    label_studio: LabelStudioServer, ls_project: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError, match="too long for passes"):
        passes.push_passes(
            _units(1), "p" * 45, design=passes.Design(1, 1), guidelines="", settings=label_studio.settings()
        )
    ls_project = f"passes-{ls_project[-6:]}"
    settings = label_studio.settings()
    units = _units(9)
    push = {"guidelines": "# Guidelines\n", "settings": settings, "data_dir": label_studio.data_dir}
    report = passes.push_passes(units[:6], ls_project, design=passes.Design(2, 3, seed=3), **push)
    assert report.sizes == {1: 4, 2: 4, 3: 4}
    again = passes.push_passes(units, ls_project, design=passes.Design(2, 3, seed=3), **push)  # 3 units more
    assert sum(p.created for p in again.pushes.values()) == 6 and sorted(again.sizes.values()) == [6, 6, 6]
    with Connection(settings) as conn:
        held = _held(conn, ls_project)
        found = passes.find_passes(conn, ls_project)
    assert _placements(held) == Counter({u.id: 2 for u in units})
    assert all(d.get("maximum_annotations") == 1 and not d.get("show_collab_predictions") for d in found.values())

    raised = passes.push_passes(units, ls_project, design=passes.Design(3, 3, seed=3), **push)
    assert sum(raised.added.values()) == 9 and set(raised.sizes.values()) == {9}

    # pass 1 and pass 2 get an annotation of the same unit from one user (not independent), pass 3 from another
    one, two = (create_user(f"pass.annotator{n}@example.org", settings=settings) for n in (1, 2))
    with Connection(settings) as conn:
        tasks = {n: {str(r["data"]["unit_id"]): r["id"] for r in list_tasks(conn, d["id"], "id,data")}
                 for n, d in found.items()}  # fmt: skip
    unit = units[0].id
    annotate(label_studio, tasks[1][unit], LABELS, user_id=one)
    annotate(label_studio, tasks[2][unit], LABELS, user_id=one)
    annotate(label_studio, tasks[3][unit], LABELS, user_id=two)
    with pytest.raises(InputError, match=r"has annotations in pass 1: its overlap cannot go from 3 down to 2"):
        passes.push_passes(units, ls_project, design=passes.Design(2, 3, seed=3), **push)

    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    directory = tmp_path / "annotations"
    summary = api.pull(ls_project, directory=directory, settings=settings)
    assert (summary.total, summary.repeated) == (3, 1)
    records = list(io.read_jsonl(layout.annotations_path(ls_project, directory), Annotation))
    assert {(r.assigned_pass, r.repeated_annotator, r.influenced) for r in records} == {
        (1, False, False), (2, True, True), (3, False, False)
    }  # fmt: skip
    assert all(r.project == ls_project and r.designed_overlap == 3 for r in records)
    assert api.pull(ls_project, directory=directory, settings=settings).written is False  # incremental, unchanged
    annotate(label_studio, tasks[2][units[1].id], LABELS, user_id=two)
    later = api.pull(ls_project, directory=directory, settings=settings)  # incremental: only pass 2 changed
    assert (later.total, later.added, later.updated, later.repeated) == (4, 1, 0, 1)
    full = api.pull(ls_project, directory=tmp_path / "full", settings=settings, full=True)
    assert full.path.read_bytes() == later.path.read_bytes()  # the same file as a full pull's


def test_every_pass_offers_the_speakers_of_the_whole_document_not_only_of_its_own_units(
    fake: FakeServer, tmp_path: Path
) -> None:
    # Three units of one document, each by another speaker, in 1 of 3 passes: a pass holds one unit, yet the
    # speaker choice must offer the same three names in every pass (annotators of one unit see the same list).
    units = _units(3)
    units = [u.model_copy(update={"speaker": u.speaker.model_copy(update={"name": n})}) for u, n in
             zip(units, ["Ann Lee", "Bo Chan", "Cy Diaz"], strict=True)]  # fmt: skip
    ids = iter(range(41, 44))
    detail = recorded("project_detail.json")
    fake.on("GET", "/api/projects/", {"count": 0, "next": None, "previous": None, "results": []})
    fake.on("POST", "/api/projects/", lambda r: httpx.Response(201, json={**detail, "id": next(ids)}))
    fake.on("POST", r"/api/projects/4\d/import", {"task_ids": [101]}, status=201)
    fake.on("GET", r"/api/projects/4\d/", detail)
    fake.on("PATCH", r"/api/projects/4\d/", detail)
    report = passes.push_passes(
        units, "team", design=passes.Design(1, 3), guidelines="# G\n", connection=fake.connect(), data_dir=tmp_path
    )
    assert report.sizes == {1: 1, 2: 1, 3: 1}
    imported = [json.loads(r.content) for r in fake.calls("POST", r"/api/projects/4\d/import")]
    offered = {tuple(o["value"] for o in task["data"]["speakers"]) for tasks in imported for task in tasks}
    assert offered == {("Ann Lee", "Bo Chan", "Cy Diaz", "other", "unattributed")}


def test_passes_are_refused_for_a_title_that_is_already_one_shared_project(fake: FakeServer, tmp_path: Path) -> None:
    # Its annotations would never be pulled again: pull reads the passes of a project that has them.
    detail = {**recorded("project_detail.json"), "id": 7, "title": "team"}
    fake.on("GET", "/api/projects/", {"count": 1, "next": None, "previous": None, "results": [detail]})
    fake.on("GET", "/api/projects/7/", detail)
    with pytest.raises(InputError, match=r"project 'team' is one shared project.*new project title"):
        passes.push_passes(
            _units(2), "team", design=passes.Design(1, 2), guidelines="# G\n", connection=fake.connect(),
            data_dir=tmp_path,
        )  # fmt: skip
    assert not [r for r in fake.requests if r.method != "GET"]
