"""A team in the browser: three annotators, ``--overlap 2``, 20 units, "Label All Tasks" with the keyboard only.

The units are pushed with designed assignment (``push --annotators 3 --overlap 2``): one pass project per
annotator, every unit in exactly two passes. Each annotator logs in through the web UI, opens the projects
page, and works their own pass's label stream with hotkeys and Ctrl+Enter, all three at the same time. The
test checks what issue 10 promises: every unit ends with exactly two annotations by two different annotators,
every stream runs dry, no annotator is ever sent or shown another annotator's labels or e-mail, a submit with
a stance left empty is refused, a comment typed, left with Tab and submitted with Ctrl+Enter (no
Shift+Enter, no "Add") arrives in ``pull``, and ``agree`` reports alpha on the 20 units. Keystrokes per unit
are counted and printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from claimstance import api, cli, io, labelstudio, layout
from claimstance.labelstudio import passes
from claimstance.schema import (
    Annotation,
    AnnotationLabels,
    Attribution,
    ClaimUnit,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)
from conftest import LabelStudioServer
from playwright.sync_api import Browser, Page, Response, expect
from test_browser import GUIDELINES_PATH, VIEWPORT, WAIT_MS, chromium

pytestmark = [pytest.mark.integration, pytest.mark.browser]
__all__ = ["chromium"]  # the fixture, imported so that pytest finds it here

PASSWORD = "label-as-a-team-42"
EMAILS = [f"team.annotator{n}@example.org" for n in (1, 2, 3)]
UNITS = 20
OVERLAP = 2
SEED = 7
COMMENT = "Quoted from the minister's opening remarks."
SPEAKER = Speaker(name="Sergey Lavrov", role="Russian Foreign Minister", attribution=Attribution.REPORTED, cue="said")


def team_unit(index: int) -> ClaimUnit:
    text = f"Statement {index}: the borders of the region must be respected by every side."
    context = f"The talks resumed on Monday. {text} Both delegations left without comment."
    return ClaimUnit(
        id=f"team-d0-u{index}",
        doc_id="team-d0",
        index=index,
        text=text,
        char_start=100 * index,
        char_end=100 * index + len(text),
        context=context,
        speaker=SPEAKER,
    )


def hotkeys(annotator: int, index: int) -> list[str]:
    """The three hotkeys an annotator presses for a unit: mostly shared judgements, some disagreement."""
    territorial = "1" if index % 3 else "4"
    if annotator == 1 and index % 5 == 0:
        territorial = "3"
    election = "8" if index % 4 else "6"
    return [territorial, election, "y" if index % 7 else "n"]


@dataclass
class Annotator:
    """One annotator's browser page and what it saw and did."""

    number: int
    email: str
    page: Page
    keys: int = 0
    units: list[str] = field(default_factory=list)
    done: bool = False
    others_seen: list[str] = field(default_factory=list)

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.keys += 1


def log_in(browser: Browser, url: str, email: str) -> Page:
    context = browser.new_context(viewport=VIEWPORT, base_url=url)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto("/user/login/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/user/login"), timeout=WAIT_MS)
    return page


def is_next_task(response: Response) -> bool:
    return "/api/dm/actions" in response.url and "next_task" in response.url


def others_in(payload: object, own_id: int) -> list[str]:
    """Every annotation (or draft) in a server answer that another user made."""
    found: list[str] = []
    if isinstance(payload, dict):
        for key in ("annotations", "drafts"):
            for item in payload.get(key) or []:
                author = item.get("completed_by") if key == "annotations" else item.get("user")
                author_id = author.get("id") if isinstance(author, dict) else author
                if author_id not in (None, own_id):
                    found.append(f"{key[:-1]} {item.get('id')} by user {author_id}")
    return found


def shown_unit(annotator: Annotator, response: Response, own_id: int, emails: list[str]) -> str | None:
    """The unit the stream handed out (None once it is empty), after checking the page shows nobody else."""
    if response.status == 404:
        return None
    assert response.status == 200, response.text()
    task = response.json()
    annotator.others_seen += others_in(task, own_id)
    unit_id = task["data"]["unit_id"]
    view = annotator.page.locator(".lsf-main-view__annotation")
    text = task["data"]["text"]
    expect(view.locator("mark", has_text=text)).to_be_visible(timeout=WAIT_MS)
    html = annotator.page.content()
    annotator.others_seen += [f"e-mail of {e}" for e in emails if e != annotator.email and e in html]
    assert view.get_by_role("radio", checked=True).count() == 0, "the unit opened with labels already chosen"
    return str(unit_id)


@pytest.fixture
def team_pages(chromium: Callable[[], Browser], label_studio: LabelStudioServer) -> Iterator[list[Page]]:
    pages: list[Page] = []
    settings = label_studio.settings()
    for email in EMAILS:
        labelstudio.create_user(email, password=PASSWORD, settings=settings)
        pages.append(log_in(chromium(), label_studio.url, email))
    yield pages
    for page in pages:
        page.context.close()


def test_three_annotators_label_all_tasks_with_the_keyboard_at_overlap_two(
    team_pages: list[Page],
    label_studio: LabelStudioServer,
    ls_project: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ls_project = f"team-{ls_project[-6:]}"  # short enough for '-pass-3' (Label Studio allows 50 characters)
    settings = label_studio.settings()
    units = [team_unit(i) for i in range(UNITS)]
    by_id = {u.id: u for u in units}
    guidelines = GUIDELINES_PATH.read_text(encoding="utf-8")
    design = passes.Design(overlap=OVERLAP, annotators=len(EMAILS), seed=SEED)
    report = passes.push_passes(
        units, ls_project, design=design, guidelines=guidelines, settings=settings, data_dir=label_studio.data_dir
    )
    assert sorted(report.sizes.values()) == [13, 13, 14]  # 40 placements over 3 passes, sizes within one
    user_ids = {email.lower(): uid for uid, email in labelstudio.list_users(settings=settings).items()}
    team = [Annotator(n, email, page) for n, (email, page) in enumerate(zip(EMAILS, team_pages, strict=True))]
    refused = commented = False

    for member in team:  # the projects page, then "Label All Tasks" in their own pass (the lead told them which)
        pass_id = report.pushes[member.number + 1].project_id
        member.page.goto("/projects/")
        expect(member.page.get_by_text(passes.pass_title(ls_project, member.number + 1)).first).to_be_visible()
        html = member.page.content()
        member.others_seen += [f"e-mail of {e} on the projects page" for e in EMAILS if e != member.email and e in html]
        with member.page.expect_response(is_next_task, timeout=WAIT_MS) as first:
            member.page.goto(f"/projects/{pass_id}/data?labeling=1")
        unit_id = shown_unit(member, first.value, user_ids[member.email], EMAILS)
        member.units.append(unit_id) if unit_id else None
        member.done = unit_id is None
        instructions = member.page.get_by_text("Labeling Instructions", exact=True)
        if instructions.is_visible():  # shown on entering the stream: Escape closes them
            member.press("Escape")
            expect(instructions).to_be_hidden()

    while not all(m.done for m in team):
        for member in team:
            if member.done:
                continue
            unit = by_id[member.units[-1]]
            page = member.page
            keys = hotkeys(member.number, unit.index)
            if not refused:  # a stance left empty: Label Studio must refuse the submit
                member.press(keys[0])
                member.press(keys[2])
                member.press("Control+Enter")
                warning = page.get_by_text("Choose a label for 'election fairness' before submitting.")
                expect(warning).to_be_visible()
                page.keyboard.press("Escape")  # close the warning; not counted: a correct submit never sees it
                expect(warning).to_be_hidden()
                refused = True
                member.press(keys[1])
            else:
                for key in keys:
                    member.press(key)
            if not commented and member.number == 1:
                page.locator("textarea[name=comment]").focus()  # reached with Tab in practice: counted as one key
                member.keys += 1
                page.keyboard.type(COMMENT)
                member.keys += 1  # the comment itself counts as one action, whatever its length
                # Ctrl+Enter inside a text box does nothing in Label Studio 1.23; Tab leaves the box, and the
                # submit then takes the typed text along (no Shift+Enter or "Add" needed).
                member.press("Tab")
                commented = True
            with page.expect_response(is_next_task, timeout=WAIT_MS) as following:
                member.press("Control+Enter")
            unit_id = shown_unit(member, following.value, user_ids[member.email], EMAILS)
            if unit_id is None:
                member.done = True
            else:
                member.units.append(unit_id)

    assert refused and commented
    for member in team:
        assert member.others_seen == [], f"{member.email} was shown: {member.others_seen}"
    assert all(len(set(m.units)) == len(m.units) for m in team)  # nobody is handed a unit twice
    assert [len(m.units) for m in team] == [report.sizes[m.number + 1] for m in team]  # each stream ran dry
    print(
        "\nkeystrokes per unit: "
        + ", ".join(f"annotator {m.number + 1}: {m.keys / len(m.units):.2f} ({len(m.units)} units)" for m in team)
    )

    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    directory = tmp_path / "annotations"
    cli.main(["pull", "--project", ls_project, "--url", label_studio.url, "--dir", str(directory)])
    path = layout.annotations_path(ls_project, directory)
    records = list(io.read_jsonl(path, Annotation))
    # exactly two annotations per unit, by two different annotators, none beyond the design
    assert Counter(r.unit_id for r in records) == Counter({u.id: OVERLAP for u in units})
    for unit in units:
        mine = [r for r in records if r.unit_id == unit.id]
        assert len({r.annotator for r in mine}) == OVERLAP and len({r.assigned_pass for r in mine}) == OVERLAP
    assert all(r.project == ls_project and r.designed_overlap == OVERLAP for r in records)
    assert not any(r.beyond_overlap or r.repeated_annotator or r.missing_targets or r.suggestion_shown for r in records)
    assert all(r.influenced is False for r in records)
    assert [r.comment for r in records if r.comment] == [COMMENT]
    print(f"annotations: {len(records)} for {UNITS} units, pass sizes {sorted(report.sizes.values())}")

    agreement = api.agree([path], n_boot=200, independent=True)
    for target in agreement.targets:
        print(f"{target.target}: alpha {target.alpha} on {target.n_pairable_units} units")
        assert target.n_pairable_units == UNITS and target.alpha is not None


def test_a_pass_that_shows_suggestions_records_them_per_annotation_and_accepting_is_one_key(
    chromium: Callable[[], Browser],
    label_studio: LabelStudioServer,
    ls_project: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opted-in predictions (``--show-predictions``) open the unit pre-filled: Ctrl+Enter alone accepts it,
    and every pulled annotation says it was made with a suggestion shown (Label Studio's parent_prediction)."""
    ls_project = f"hint-{ls_project[-6:]}"
    settings = label_studio.settings()
    email = "team.suggested@example.org"
    labelstudio.create_user(email, password=PASSWORD, settings=settings)
    units = [team_unit(i) for i in range(3)]
    suggestion = AnnotationLabels(
        stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT,
        stance_election_fairness=StanceElectionFairness.NOT_APPLICABLE,
        is_claim=True,
    )
    report = passes.push_passes(
        units,
        ls_project,
        design=passes.Design(overlap=1, annotators=1, show_predictions=True),
        guidelines=GUIDELINES_PATH.read_text(encoding="utf-8"),
        predictions={u.id: suggestion for u in units},
        model_version="keywords",
        settings=settings,
        data_dir=label_studio.data_dir,
    )
    page = log_in(chromium(), label_studio.url, email)
    keys: list[int] = []
    with page.expect_response(is_next_task, timeout=WAIT_MS) as response:
        page.goto(f"/projects/{report.pushes[1].project_id}/data?labeling=1")
    instructions = page.get_by_text("Labeling Instructions", exact=True)
    while response.value.status == 200:
        view = page.locator(".lsf-main-view__annotation")
        expect(view.locator("mark", has_text=response.value.json()["data"]["text"])).to_be_visible()
        if instructions.is_visible():
            page.keyboard.press("Escape")
        expect(view.get_by_role("radio", checked=True)).to_have_count(3)  # the suggestion, pre-filled
        pressed = ["Control+Enter"] if len(keys) != 1 else ["3", "Control+Enter"]  # the second: one label changed
        with page.expect_response(is_next_task, timeout=WAIT_MS) as response:
            for key in pressed:
                page.keyboard.press(key)
        keys.append(len(pressed))
    page.context.close()
    assert response.value.status == 404 and len(keys) == len(units)
    print(f"\nkeystrokes with a suggestion shown: {keys} (accept, change one label, accept)")

    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    directory = tmp_path / "annotations"
    cli.main(["pull", "--project", ls_project, "--url", label_studio.url, "--dir", str(directory)])
    records = list(io.read_jsonl(layout.annotations_path(ls_project, directory), Annotation))
    assert len(records) == len(units)
    assert all(r.suggestion_shown is True and r.influenced is True for r in records)
    territorial = sorted(str(r.stance_territorial_integrity) for r in records)
    assert territorial.count(str(StanceTerritorialIntegrity.SUPPORT)) == 2
