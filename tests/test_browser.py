"""The labeling view in a real browser: Debian's Chromium, driven by Playwright, against the session's Label Studio.

An annotator logs in through the web UI, reads a pushed unit (claim, context, speaker, guidelines), labels it
and submits; ``claimstance pull`` must then hold exactly that annotation, attributed to that annotator. A unit
whose text carries HTML and a script must show as inert text. ``CLAIMSTANCE_UPDATE_SCREENSHOT=1`` rewrites
``docs/labeling-view.png`` from the first test.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from claimstance import cli, io, labelstudio, layout
from claimstance.schema import (
    Annotation,
    AnnotationLabels,
    Attribution,
    ClaimUnit,
    Speaker,
    StanceElectionFairness,
    StanceTerritorialIntegrity,
)
from conftest import REPO_ROOT, LabelStudioServer
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


ALIYEV = Speaker(name="Ilham Aliyev", role="President of Azerbaijan", attribution=Attribution.AUTHOR)
CLAIM = unit(
    0,
    "Those resolutions demanded an immediate, unconditional and complete withdrawal of the Armenian armed forces "
    "from Azerbaijani lands.",
    "Among them, of course, I should mention the four resolutions of the UN Security Council. Those resolutions "
    "demanded an immediate, unconditional and complete withdrawal of the Armenian armed forces from Azerbaijani "
    "lands. The UN General Assembly adopted similar resolutions.",
    ALIYEV,
)
OTHER = unit(
    1, "Our lands were under occupation for many years.", "Our lands were under occupation for many years.", ALIYEV
)
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


def push(label_studio: LabelStudioServer, units: list[ClaimUnit], project: str) -> tuple[int, dict[str, int]]:
    """Push units with the real guidelines; return the project id and each unit's task id."""
    settings = label_studio.settings()
    guidelines = GUIDELINES_PATH.read_text(encoding="utf-8")
    report = labelstudio.push(units, project, guidelines=guidelines, settings=settings, data_dir=label_studio.data_dir)
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


def test_annotator_labels_a_task_in_the_browser_and_pull_attributes_it(
    log_in: Callable[[], Page],
    label_studio: LabelStudioServer,
    ls_project: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = log_in()
    project_id, ids = push(label_studio, [CLAIM, OTHER], ls_project)
    view = open_task(page, project_id, ids[CLAIM.id])

    visible(view.locator("mark", has_text=CLAIM.text))  # the claim, marked inside its context
    visible(view.get_by_text(CLAIM.context.split(CLAIM.text)[0].strip()))
    assert view.locator("mark").count() == 1  # the claim is marked once, inside its context
    visible(view.get_by_role("heading", name="Speaker: Ilham Aliyev (President of Azerbaijan) · author", exact=True))
    visible(view.get_by_text("The speaker upholds a state's territorial integrity or sovereignty over its land."))

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
        return response.request.method == "POST" and f"/api/tasks/{ids[CLAIM.id]}/annotations" in response.url

    with page.expect_response(annotation_saved, timeout=WAIT_MS) as saved:
        page.get_by_role("button", name="Submit current annotation").click()
    assert saved.value.status == 201

    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    cli.main(["pull", "--project", ls_project, "--url", label_studio.url, "--dir", str(tmp_path / "annotations")])
    records = list(io.read_jsonl(layout.annotations_path(ls_project, tmp_path / "annotations"), Annotation))

    assert len(records) == 1
    (record,) = records
    assert (record.unit_id, record.ls_task_id) == (CLAIM.id, ids[CLAIM.id])
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
