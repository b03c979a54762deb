"""The labeling view in a real browser: Debian's Chromium, driven by Playwright, against the session's Label Studio.

An annotator logs in through the web UI, opens the project's "Label All Tasks" stream, reads a seed unit (its
document's title, source and date, the claim marked in its context, speaker, guidelines) across the whole width
(no side panel), labels it and submits; ``claimstance pull`` must then hold exactly that annotation, attributed
to that annotator. A unit whose text carries HTML and a script must show as inert text.
``CLAIMSTANCE_UPDATE_SCREENSHOT=1`` rewrites ``docs/labeling-view.png`` from the first test.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from claimstance import api, cli, io, labelstudio, layout, segment
from claimstance.labelstudio import tasks
from claimstance.schema import (
    Annotation,
    AnnotationLabels,
    Attribution,
    ClaimUnit,
    Document,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)
from conftest import REPO_ROOT, SEEDS_DIR, LabelStudioServer
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Dialog,
    Locator,
    Page,
    Response,
    ViewportSize,
    expect,
    sync_playwright,
)

pytestmark = [pytest.mark.integration, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 60_000  # the first page of a cold Label Studio on a busy 2-core machine can take this long
VIEWPORT = ViewportSize(width=1280, height=900)
ANNOTATOR = "browser.annotator@example.org"
PASSWORD = "label-in-chromium-42"
GUIDELINES_PATH = REPO_ROOT / "docs" / "guidelines.md"
GUIDELINE_SENTENCE = "Always the stance of the unit's attributed speaker, never the outlet's and never your own."
SCREENSHOT = REPO_ROOT / "docs" / "labeling-view.png"
# What the hostile unit would set if Label Studio rendered it as HTML (its script, its onerror handler).
PWNED = "__claimstance_pwned"
HOSTILE = (
    f'Observers were blocked. <script>window.{PWNED} = "script"</script>'
    f"<img src=x onerror=\"window.{PWNED} = 'img'; alert('xss')\"> <b>bold</b>"
)


def unit(index: int, text: str, context: str, speaker: Speaker) -> ClaimUnit:
    start = 1000 * index
    return ClaimUnit(
        id=f"browser-d0-u{index}",
        doc_id="browser-d0",
        index=index,
        text=text,
        char_start=start,
        char_end=start + len(text),
        context=context,
        speaker=speaker,
    )


# The seed news item with a headline, an outlet and a date, and its unit the test labels (a reported claim).
SEED_DOC_TITLE = "Ilham Aliyev: Azerbaijan and Serbia are strategic partners"
SEED_CLAIM_START = "Serbia is a friend and strategic partner of Azerbaijan"


def seed_claim(tmp_path: Path) -> tuple[ClaimUnit, str]:
    """The seed claim, as ingest and segment make it, and its document's line (title, source, date)."""
    api.ingest([SEEDS_DIR], tmp_path / "documents.jsonl")
    [doc] = [d for d in io.read_jsonl(tmp_path / "documents.jsonl", Document) if d.title == SEED_DOC_TITLE]
    [claim] = [u for u in segment.segment_documents([doc]) if u.text.startswith(SEED_CLAIM_START)]
    return claim, labelstudio.checked_doc_titles([doc], [claim], path="documents", source="units")[doc.id] or ""


CHOSEN = AnnotationLabels(
    stance_territorial_integrity=StanceTerritorialIntegrity.SUPPORT,
    stance_election_fairness=StanceElectionFairness.NOT_APPLICABLE,
    is_claim=True,
)
# The radio buttons clicked for CHOSEN: (header of the choice group, label value).
CLICKS = [
    ("Stance on territorial integrity", "support"),
    ("Stance on election fairness", "not_applicable"),
    ("Is this a claim?", "yes"),
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Callable[[], Browser]]:
    """Debian's Chromium, headless, launched when a test first asks (so a missing one fails that test)."""
    with sync_playwright() as playwright:
        launched: list[Browser] = []

        def browser() -> Browser:
            if not launched:
                if not CHROMIUM.exists():
                    pytest.fail(f"Chromium is not installed at {CHROMIUM}: run 'make browser' (CI installs it)")
                # Playwright's own browser download cannot work offline: drive the system's Chromium.
                engine = playwright.chromium
                launched.append(engine.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS))
            return launched[0]

        yield browser
        for browser_ in launched:
            browser_.close()


@pytest.fixture
def log_in(chromium: Callable[[], Browser], label_studio: LabelStudioServer) -> Iterator[Callable[[], Page]]:
    """Opens a fresh browser session and logs in through Label Studio's login form, as the annotator."""
    contexts: list[BrowserContext] = []

    def page() -> Page:
        labelstudio.create_user(ANNOTATOR, password=PASSWORD, settings=label_studio.settings())
        context = chromium().new_context(viewport=VIEWPORT, base_url=label_studio.url)
        contexts.append(context)
        context.set_default_timeout(WAIT_MS)
        opened = context.new_page()
        opened.goto("/user/login/")
        opened.locator("input[name=email]").fill(ANNOTATOR)
        opened.locator("input[name=password]").fill(PASSWORD)
        opened.locator("button[type=submit]").click()
        expect(opened).not_to_have_url(re.compile(r"/user/login"), timeout=WAIT_MS)
        return opened

    yield page
    for context in contexts:
        context.close()


def push(
    label_studio: LabelStudioServer,
    units: list[ClaimUnit],
    project: str,
    doc_titles: dict[str, str | None] | None = None,
) -> tuple[int, dict[str, int]]:
    """Push units with the real guidelines; return the project id and each unit's task id."""
    settings = label_studio.settings()
    guidelines = GUIDELINES_PATH.read_text(encoding="utf-8")
    report = labelstudio.push(
        units, project, guidelines=guidelines, doc_titles=doc_titles, settings=settings, data_dir=label_studio.data_dir
    )
    return report.project_id, labelstudio.task_ids(project, settings=settings)


def open_task(page: Page, project_id: int, task_id: int) -> Locator:
    """Open a task in the labeling view; return the annotation area once the claim is drawn."""
    page.goto(f"/projects/{project_id}/data?task={task_id}")
    view = page.locator(".lsf-main-view__annotation")
    expect(view.get_by_role("heading", name="Claim (marked) in its context", exact=True)).to_be_visible(timeout=WAIT_MS)
    return view


def visible(locator: Locator) -> None:
    expect(locator).to_be_visible(timeout=WAIT_MS)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file (asserting it is one)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def width(locator: Locator) -> float:
    """The rendered width of every element the locator matches, summed (0 for one not displayed)."""
    return sum((box or {"width": 0.0})["width"] for box in (e.bounding_box() for e in locator.all()))


def test_annotator_labels_a_seed_claim_in_the_stream_and_pull_attributes_it(
    log_in: Callable[[], Page],
    label_studio: LabelStudioServer,
    ls_project: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim, doc_line = seed_claim(tmp_path)
    assert doc_line == f"{SEED_DOC_TITLE} · president.az · 2024-09-01"
    page = log_in()
    project_id, ids = push(label_studio, [claim], ls_project, {claim.doc_id: doc_line})
    page.goto("/projects/")  # the annotator's way in: the project, then "Label All Tasks"
    page.get_by_text(ls_project, exact=True).first.click()
    page.get_by_role("button", name="Label All Tasks").click()
    expect(page).to_have_url(re.compile(rf"/projects/{project_id}/data\?(tab=\d+&)?labeling=1$"))
    page.get_by_role("button", name="Close modal").click()  # the guidelines, shown on entering the stream
    view = page.locator(".lsf-main-view__annotation")

    visible(view.get_by_role("heading", name=doc_line, exact=True))  # title, source and date on top
    visible(view.locator("mark", has_text=claim.text))  # the claim, marked inside its context, once
    assert view.locator("mark").count() == 1 and claim.context.index(claim.text) > 0
    visible(view.get_by_text(claim.context.split(claim.text)[0].strip()))
    visible(view.get_by_role("heading", name=f"Speaker: {tasks.speaker_display(claim.speaker)}", exact=True))
    visible(view.get_by_text("The speaker upholds a state's territorial integrity or sovereignty over its land."))
    # No side panel (regions, relations, info, history: a unit has none) takes width; the task list is not shown.
    panels = page.locator(".lsf-sidepanels")
    visible(panels)
    wrappers = page.locator(".lsf-sidepanels__wrapper")
    assert wrappers.count() >= 1 and width(wrappers) == 0
    padding = panels.evaluate("e => [getComputedStyle(e).paddingLeft, getComputedStyle(e).paddingRight]")
    assert padding == ["0px", "0px"]
    shown = width(page.locator(".lsf-sidepanels__content"))
    print(f"labeling view: {shown:.0f} of {VIEWPORT['width']} px wide; side panels {width(wrappers):.0f} px")
    assert shown == width(panels) == VIEWPORT["width"]  # the whole width: no side panel, no task list
    for tab in ("Regions", "Relations", "Info", "History", "Compare All"):
        assert not any(e.is_visible() for e in page.get_by_text(tab, exact=True).all()), tab
    for button in ("Submit current annotation", "skip-task", "Instructions", "Undo"):
        visible(page.get_by_role("button", name=button))

    page.get_by_role("button", name="Instructions").click()
    visible(page.get_by_role("heading", name="Whose stance counts"))
    visible(page.get_by_text(GUIDELINE_SENTENCE, exact=True))
    page.get_by_role("button", name="Close modal").click()
    expect(page.get_by_text(GUIDELINE_SENTENCE, exact=True)).to_be_hidden(timeout=WAIT_MS)

    for header, value in CLICKS:
        group = view.locator(f"h4:text-is({header!r}) + .lsf-choices")
        radio = group.get_by_role("radio", name=re.compile(rf"^{re.escape(value)}\s"))
        radio.check()
        expect(radio).to_be_checked()
        assert group.get_by_role("radio", checked=True).count() == 1

    shot = SCREENSHOT if os.environ.get("CLAIMSTANCE_UPDATE_SCREENSHOT") == "1" else tmp_path / SCREENSHOT.name
    page.screenshot(path=shot)
    assert png_size(shot) == (VIEWPORT["width"], VIEWPORT["height"]) and shot.stat().st_size > 10_000

    def annotation_saved(response: Response) -> bool:
        return response.request.method == "POST" and f"/api/tasks/{ids[claim.id]}/annotations" in response.url

    with page.expect_response(annotation_saved, timeout=WAIT_MS) as saved:
        page.get_by_role("button", name="Submit current annotation").click()
    assert saved.value.status == 201

    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    cli.main(["pull", "--project", ls_project, "--url", label_studio.url, "--dir", str(tmp_path / "annotations")])
    records = list(io.read_jsonl(layout.annotations_path(ls_project, tmp_path / "annotations"), Annotation))

    assert len(records) == 1
    (record,) = records
    assert (record.unit_id, record.ls_task_id) == (claim.id, ids[claim.id])
    assert record.annotator == labelstudio.pseudonym(ANNOTATOR)
    assert not record.cancelled and not record.deleted
    assert AnnotationLabels.model_validate(record.model_dump(include=set(AnnotationLabels.model_fields))) == CHOSEN


def test_html_and_script_in_a_unit_show_as_inert_text(
    log_in: Callable[[], Page], label_studio: LabelStudioServer, ls_project: str
) -> None:
    page = log_in()
    name = f"Eve <img src=x onerror=\"window.{PWNED} = 'speaker'\">"
    speaker = Speaker(name=name, attribution=Attribution.REPORTED)
    hostile = unit(0, HOSTILE, f"Before. {HOSTILE} After.", speaker)
    project_id, ids = push(label_studio, [hostile], ls_project)
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    view = open_task(page, project_id, ids[hostile.id])

    visible(view.locator("mark", has_text=HOSTILE))  # the markup itself is what the annotator reads
    visible(view.get_by_text("Before."))
    visible(view.get_by_role("heading", name=f"Speaker: {name} · reported", exact=True))

    # An image with the same src, loaded now, has failed by the time this returns: so would the payload's.
    probe = "() => new Promise(done => { const i = new Image(); i.onerror = () => done('error'); i.src = 'x'; })"
    assert page.evaluate(probe) == "error"
    for frame in page.frames:
        assert frame.locator("img[src='x']").count() == 0
        assert frame.locator("b", has_text="bold").count() == 0
        assert frame.evaluate(f"() => typeof window.{PWNED}") == "undefined"
        assert frame.evaluate(f"() => [...document.scripts].some(s => s.text.includes('{PWNED}'))") is False
    assert dialogs == []
