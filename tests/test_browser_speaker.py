"""The speaker check in a real browser, through to the published dataset's ``speaker_gold``.

An annotator works Label Studio's own stream with the keyboard: on one unit they pick another of the document's
speakers by its hotkey, on another they choose "other" and type a name, on the rest they let the shown speaker
stand. The page must offer the document's speakers (and no other document's), nothing chosen in advance.
``pull`` must hold both choices, ``adjudicate`` turn them into speaker gold, and ``publish`` show them as
``speaker_gold`` (read back with ``datasets.load_dataset``), with the toolkit's accuracy against it in the card.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from claimstance import api, cli, io, labelstudio, layout
from claimstance.schema import Annotation, Attribution, ClaimUnit, Document, Speaker
from conftest import LabelStudioServer
from playwright.sync_api import Browser, Page, Response, expect
from test_browser import GUIDELINES_PATH, VIEWPORT, WAIT_MS, chromium

pytestmark = [pytest.mark.integration, pytest.mark.browser]
__all__ = ["chromium"]  # the fixture, imported so that pytest finds it here

EMAIL = "speaker.annotator@example.org"
PASSWORD = "check-the-speaker-42"
ALIYEV = Speaker(name="Ilham Aliyev", role="President", attribution=Attribution.AUTHOR)
LAVROV = Speaker(name="Sergey Lavrov", attribution=Attribution.REPORTED, cue="said")
MICHEL = Speaker(name="Charles Michel", attribution=Attribution.REPORTED, cue="said")
OTHER_NAME = "Hikmet Hajiyev"
SENTENCES = {
    "spk-d0": [
        ("Our borders are recognised by the whole world.", ALIYEV),
        ("The talks in Moscow were useful, Lavrov said.", LAVROV),
        ("We will not give up a single metre of our land.", ALIYEV),
    ],
    "spk-d1": [("The European Union supports the peace process, Michel said.", MICHEL)],
}


def corpus() -> tuple[list[Document], list[ClaimUnit]]:
    """Two documents; each unit's text is its slice of its document."""
    documents, units = [], []
    for doc_id, sentences in SENTENCES.items():
        text = " ".join(sentence for sentence, _ in sentences)
        documents.append(
            Document(id=doc_id, seed_file="speaker.txt", title=f"Report {doc_id}", text=text, raw_start=0, raw_end=1)
        )
        start = 0
        for index, (sentence, speaker) in enumerate(sentences):
            units.append(
                ClaimUnit(
                    id=f"{doc_id}-u{index}",
                    doc_id=doc_id,
                    index=index,
                    text=sentence,
                    char_start=start,
                    char_end=start + len(sentence),
                    context=text,
                    speaker=speaker,
                )
            )
            start += len(sentence) + 1
    return documents, units


def is_next_task(response: Response) -> bool:
    return "/api/dm/actions" in response.url and "next_task" in response.url


@pytest.fixture
def annotator_page(chromium: Callable[[], Browser], label_studio: LabelStudioServer) -> Iterator[Page]:
    labelstudio.create_user(EMAIL, password=PASSWORD, settings=label_studio.settings())
    context = chromium().new_context(viewport=VIEWPORT, base_url=label_studio.url)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto("/user/login/")
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/user/login"), timeout=WAIT_MS)
    yield page
    context.close()


def speaker_radio(page: Page, name: str) -> Any:
    return page.locator(".lsf-main-view__annotation").get_by_role("radio", name=re.compile(f"^{re.escape(name)}"))


def check_choices(page: Page, unit: ClaimUnit) -> None:
    """The speaker choice offers the unit's document's speakers, 'other' and 'no speaker'; nothing chosen."""
    view = page.locator(".lsf-main-view__annotation")
    expect(view.locator("mark", has_text=unit.text)).to_be_visible(timeout=WAIT_MS)
    own = [s.name for _, s in SENTENCES[unit.doc_id]]
    foreign = [s.name for doc, sentences in SENTENCES.items() if doc != unit.doc_id for _, s in sentences]
    for name in [*dict.fromkeys(own), "other", "no speaker"]:
        expect(speaker_radio(page, str(name))).to_have_count(1)
    for name in set(foreign) - set(own):
        expect(speaker_radio(page, str(name))).to_have_count(0)
    assert view.get_by_role("radio", checked=True).count() == 0, "the unit opened with a choice already made"


def test_speaker_choices_by_hotkey_and_other_become_speaker_gold(
    annotator_page: Page,
    label_studio: LabelStudioServer,
    ls_project: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datasets

    settings = label_studio.settings()
    documents, units = corpus()
    by_id = {u.id: u for u in units}
    report = labelstudio.push(
        units,
        ls_project,
        guidelines=GUIDELINES_PATH.read_text(encoding="utf-8"),
        settings=settings,
        data_dir=label_studio.data_dir,
        team=labelstudio.TeamSettings(overlap=1),
    )
    page = annotator_page
    with page.expect_response(is_next_task, timeout=WAIT_MS) as first:
        page.goto(f"/projects/{report.project_id}/data?labeling=1")
    instructions = page.get_by_text("Labeling Instructions", exact=True)
    seen: list[str] = []
    response = first.value
    ctrl_enter_in_box = None
    while response.status != 404:
        unit = by_id[response.json()["data"]["unit_id"]]
        seen.append(unit.id)
        check_choices(page, unit)
        if instructions.is_visible():  # shown on entering the stream: Escape closes them
            page.keyboard.press("Escape")
        for key in ("1", "8", "y"):
            page.keyboard.press(key)
        if unit.id == "spk-d0-u0":  # the second of the document's speakers, by its hotkey
            page.keyboard.press("s")
            expect(speaker_radio(page, "Sergey Lavrov")).to_be_checked()
        elif unit.id == "spk-d0-u1":  # someone not listed: 'other' by its hotkey, then the name in its box
            page.keyboard.press("x")
            expect(speaker_radio(page, "other")).to_be_checked()
            box = page.locator("input[name=speaker_correction]")
            box.click()
            page.keyboard.type(OTHER_NAME)
            # Ctrl+Enter inside the box: Label Studio binds submit only outside text boxes (see docs/annotators.md).
            page.keyboard.press("Control+Enter")
            page.wait_for_timeout(1500)
            ctrl_enter_in_box = box.count() == 0
            if box.count():
                page.keyboard.press("Enter")  # adds the name and closes the box, so Ctrl+Enter reaches Label Studio
            expect(box).to_have_count(0)
            expect(page.get_by_text(OTHER_NAME, exact=True)).to_be_visible()
        with page.expect_response(is_next_task, timeout=WAIT_MS) as following:
            page.keyboard.press("Control+Enter")
        response = following.value
    print(f"\nCtrl+Enter inside the 'other speaker' box added the name: {ctrl_enter_in_box}")
    assert sorted(seen) == sorted(by_id)

    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    directory = tmp_path / "annotations"
    cli.main(["pull", "--project", ls_project, "--url", label_studio.url, "--dir", str(directory)])
    records = {r.unit_id: r for r in io.read_jsonl(layout.annotations_path(ls_project, directory), Annotation)}
    assert (records["spk-d0-u0"].speaker_choice, records["spk-d0-u0"].speaker_correction) == ("Sergey Lavrov", None)
    assert (records["spk-d0-u1"].speaker_choice, records["spk-d0-u1"].speaker_correction) == ("other", OTHER_NAME)
    assert all(records[u].speaker_choice is None for u in ("spk-d0-u2", "spk-d1-u0"))
    assert {u: r.speaker_shown for u, r in records.items()} == {u.id: u.speaker.name for u in units}

    units_path, documents_path = tmp_path / "units.jsonl", tmp_path / "documents.jsonl"
    io.write_jsonl(units_path, units)
    io.write_jsonl(documents_path, documents)
    summary = api.adjudicate(units_path, ls_project, directory=directory, push=False)
    assert summary.disputed == 0
    out = tmp_path / "dataset"
    api.publish(out, units=units_path, documents=documents_path, directory=directory, n_boot=0)
    cache = tmp_path / "hf-cache"
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", cache)
    loaded = datasets.load_dataset(str(out), "units", cache_dir=str(cache))
    origin = loaded[next(iter(loaded))].features["speaker_gold_origin"]
    rows = {row["unit_id"]: row for split in loaded.values() for row in split}
    assert {u: (r["speaker_gold"], origin.int2str(r["speaker_gold_origin"])) for u, r in rows.items()} == {
        "spk-d0-u0": ("Sergey Lavrov", "unanimous"),
        "spk-d0-u1": (OTHER_NAME, "unanimous"),
        "spk-d0-u2": ("Ilham Aliyev", "unanimous"),
        "spk-d1-u0": ("Charles Michel", "unanimous"),
    }
    assert rows["spk-d0-u0"]["speaker_name"] == "Ilham Aliyev"  # the toolkit's speaker stays beside the gold
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "the toolkit's speaker is right on 2 of 4 units (50.0%)" in card
