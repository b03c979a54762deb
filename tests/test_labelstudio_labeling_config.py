"""labelstudio.labeling_config: the configs built from the label sets, and how two configs differ."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from claimstance import schema
from claimstance.errors import ProjectConfigError
from claimstance.labelstudio import labeling_config as lc

CONFIG = lc.annotation_config()


def test_labeling_config_offers_every_label_with_its_definition() -> None:
    root = ET.fromstring(CONFIG)
    for field, enum in schema.STANCE_TARGETS.items():
        [control] = [el for el in root.iter("Choices") if el.get("name") == field]
        assert [(c.get("value"), c.get("hint")) for c in control] == [(m.value, m.description) for m in enum]
    assert lc.CHOICE_CONTROLS["is_claim"] == ["yes", "no"]
    assert {el.get("name") for el in root.iter("TextArea")} == set(lc.TEXT_CONTROLS)
    assert [c.get("hotkey") for c in root.iter("Choice")] == [*"12345678", "y", "n"]


def test_the_config_is_the_committed_schema_file() -> None:
    assert lc.generated_files() == {"labeling_config.xml": CONFIG}
    assert CONFIG.startswith('<View style="max-width: 960px">\n  <!-- claimstance schema ')


def test_adjudication_config_adds_the_labels_text_and_keeps_every_control() -> None:
    root = ET.fromstring(lc.adjudication_config())
    names = [el.get("name") for el in root.iter() if el.get("name")]
    original = [el.get("name") for el in ET.fromstring(CONFIG).iter() if el.get("name")]
    assert "annotator_labels" in names
    assert [n for n in names if n != "annotator_labels"] == original
    [text] = [el for el in root.iter("Text") if el.get("name") == "annotator_labels"]
    assert text.get("value") == "$annotator_labels"
    assert lc.config_changes(CONFIG, lc.adjudication_config()) == lc.ConfigChanges(
        [], ["object 'annotator_labels' added"]
    )


def test_same_config_ignores_formatting_but_not_content() -> None:
    assert lc.same_config(CONFIG, CONFIG.replace(" />", "/>").replace("\n  ", "\n    "))
    assert not lc.same_config(CONFIG, CONFIG.replace('size="5"', 'size="4"'))
    assert not lc.same_config(CONFIG, "")


def test_identical_or_cosmetic_config_changes_break_nothing() -> None:
    assert lc.config_changes(CONFIG, CONFIG) == lc.ConfigChanges([], [])
    cosmetic = CONFIG.replace('size="5"', 'size="4"').replace("The speaker upholds", "The speaker defends")
    assert lc.config_changes(CONFIG, cosmetic) == lc.ConfigChanges([], [])


def test_removed_or_renamed_label_breaks_annotations() -> None:
    renamed = CONFIG.replace('<Choice value="oppose"', '<Choice value="against"')
    changes = lc.config_changes(CONFIG, renamed)
    assert changes.breaking == ["label 'oppose' of 'stance_territorial_integrity' removed or renamed"]
    assert changes.added == ["label 'against' added to 'stance_territorial_integrity'"]
    removed = re.sub(r'\s*<Choice value="unfair"[^>]*/>', "", CONFIG)
    assert lc.config_changes(CONFIG, removed).breaking == [
        "label 'unfair' of 'stance_election_fairness' removed or renamed"
    ]


def test_added_labels_and_controls_are_compatible() -> None:
    added = CONFIG.replace(
        '<Choice value="neutral" hint="The unit is about territorial',
        '<Choice value="mixed" hint="Both."/>\n    <Choice value="neutral" hint="The unit is about territorial',
    ).replace("</View>", '  <TextArea name="note" toName="text"/>\n</View>')
    changes = lc.config_changes(CONFIG, added)
    assert changes.breaking == []
    assert changes.added == ["label 'mixed' added to 'stance_territorial_integrity'", "control 'note' added"]


def test_removed_control_changed_tag_and_removed_object_break_annotations() -> None:
    no_comment = re.sub(r'\s*<TextArea name="comment"[^>]*/>', "", CONFIG)
    assert lc.config_changes(CONFIG, no_comment).breaking == ["control 'comment' removed or renamed"]
    as_text = CONFIG.replace('<TextArea name="comment" toName="text"', '<Choices name="comment" toName="text"')
    assert "control 'comment' changed from <TextArea> to <Choices>" in lc.config_changes(CONFIG, as_text).breaking
    no_context = CONFIG.replace('<HyperText name="context" value="$context_html" inline="true" />', "")
    assert no_context != CONFIG
    assert lc.config_changes(CONFIG, no_context).breaking == ["object 'context' removed or renamed"]


def test_config_that_is_not_xml_is_a_config_error() -> None:
    with pytest.raises(ProjectConfigError, match="not valid XML"):
        lc.config_changes(CONFIG, "<View><Choices name='x'></View>")


def test_the_speaker_choice_takes_its_options_from_the_task_and_is_optional() -> None:
    root = ET.fromstring(CONFIG)
    [control] = [el for el in root.iter("Choices") if el.get("name") == lc.SPEAKER_CONTROL]
    assert control.get("value") == "$speakers" and list(control) == []  # the options are each task's own
    assert control.get("required") is None  # nothing chosen: the speaker shown stands
    [box] = [el for el in root.iter("TextArea") if el.get("name") == "speaker_correction"]
    assert (box.get("rows"), box.get("maxSubmissions")) == ("1", "1")  # Enter adds the name and closes the box
    # A project made before the speaker choice takes the new config without breaking its annotations.
    before = re.sub(r'\s*<Header value="Right speaker[^>]*/>\s*<Choices name="speaker"[^>]*/>', "", CONFIG)
    assert "speaker" not in {el.get("name") for el in ET.fromstring(before).iter("Choices")}
    assert lc.config_changes(before, CONFIG) == lc.ConfigChanges(breaking=[], added=["control 'speaker' added"])


def test_both_configs_hide_the_side_panels_with_css_the_editor_keeps_intact() -> None:
    for config in (CONFIG, lc.adjudication_config()):
        [style] = ET.fromstring(config).iter("Style")
        css = style.text or ""
        assert ".lsf-sidepanels__wrapper { display: none !important; }" in css
        assert "padding-right: 0 !important" in css and "padding-left: 0 !important" in css
        assert not set("<>&") & set(css)  # the editor's HTML sanitiser would escape these inside <style>
