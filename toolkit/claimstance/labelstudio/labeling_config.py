"""The labeling configs, built with ElementTree from the schema's label sets, and how two configs differ.

The annotation config shows a unit's document (title, source, date), its speaker and cue, and its context with
the claim marked inside it, and offers one required ``<Choices>`` per stance target and ``is_claim`` (each label
with its definition written out, not only as a hover hint), the speaker check (a choice among the
document's speakers, read from the task's ``speakers``, plus "other" and "no speaker"; nothing chosen: the
shown speaker stands) with its "other" box, and a comment box; the adjudication config is
the same view plus the annotators' labels, so adjudications pull with the same parser as annotations.
``schema/labeling_config.xml`` is :func:`annotation_config` (written by ``claimstance schema export``).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from xml.etree import ElementTree

from claimstance.errors import ProjectConfigError
from claimstance.schema import IS_CLAIM_CHOICES, SCHEMA_VERSION, STANCE_TARGETS

CHOICE_CONTROLS: dict[str, list[str]] = {
    **{field: enum.names() for field, enum in STANCE_TARGETS.items()},
    "is_claim": list(IS_CLAIM_CHOICES),
}
"""Every single-choice control of the labeling config, with its allowed values."""
TEXT_CONTROLS: tuple[str, ...] = ("speaker_correction", "comment")
"""Every free-text (TextArea) control of the labeling config."""
SPEAKER_CONTROL = "speaker"
"""The speaker choice: dynamic ``<Choices>`` whose options are each task's ``speakers`` (any value is allowed)."""
SPEAKER_HOTKEYS = "asdfgjlqtc"
"""Hotkeys of the document's speakers, in the order the task lists them (speakers beyond these have none)."""
SPEAKER_EXTRA_HOTKEYS = {"other": "x", "unattributed": "z"}
"""Hotkeys of the two choices every task offers after the document's speakers."""
OBJECT = "text"
"""The object every control labels (the unit's text)."""
HOTKEYS = ("1234", "5678")
"""Keyboard shortcuts of the stance choices, per target, in label order (documented for annotators)."""
IS_CLAIM_HINTS = {
    "yes": ("y", "States something true or false, or takes a position."),
    "no": ("n", "A greeting, heading, dateline or courtesy formula."),
}
"""Hotkey and hint of each ``is_claim`` choice."""
PANEL_CSS = (
    ".lsf-sidepanels { padding-left: 0 !important; padding-right: 0 !important; }"
    " .lsf-sidepanels__wrapper { display: none !important; }"
)
"""CSS the editor injects (``<Style>``, not scoped): the regions/relations and info/history side panels take no
width, as a unit has no regions. ``!important`` beats the panels' inline widths; no ``>`` or ``&``, which the
editor's HTML sanitiser would escape inside the style."""
FILE_NAME = "labeling_config.xml"
GENERATED = "generated, do not edit: claimstance schema export"


def _human(field: str) -> str:
    return field.removeprefix("stance_").replace("_", " ")


def _header(view: ElementTree.Element, text: str, size: int) -> None:
    ElementTree.SubElement(view, "Header", value=text, size=str(size))


def _choices(view: ElementTree.Element, name: str, choices: list[tuple[str, str, str]]) -> None:
    # required: Label Studio refuses to submit an annotation that leaves a target empty (no partial labels).
    control = ElementTree.SubElement(
        view,
        "Choices",
        name=name,
        toName=OBJECT,
        choice="single-radio",
        required="true",
        requiredMessage=f"Choose a label for '{_human(name)}' before submitting.",
    )
    for value, hint, hotkey in choices:
        # html shows the definition next to the label (the exported value stays ``value``).
        shown = f"<b>{escape(value)}</b> <span style='color:#555'>{escape(hint)}</span>"
        ElementTree.SubElement(control, "Choice", value=value, hint=hint, hotkey=hotkey, html=shown)


def _text_area(view: ElementTree.Element, name: str, header: str, rows: int) -> None:
    _header(view, header, 6)
    ElementTree.SubElement(
        view, "TextArea", name=name, toName=OBJECT, maxSubmissions="1", rows=str(rows), editable="true"
    )


def _view(*, adjudication: bool) -> ElementTree.Element:
    view = ElementTree.Element("View", style="max-width: 960px")
    view.append(ElementTree.Comment(f" claimstance schema {SCHEMA_VERSION}; {GENERATED} "))
    ElementTree.SubElement(view, "Style").text = PANEL_CSS
    _header(view, "$doc_title", 5)
    _header(view, "Speaker: $speaker_display", 6)
    _header(view, "Claim (marked) in its context", 6)
    # The context is built by claimstance with every character escaped and only the claim wrapped in <mark>.
    ElementTree.SubElement(view, "HyperText", name="context", value="$context_html", inline="true")
    # The controls label the unit's text; it is already marked in the context, so it is not shown twice.
    hidden = ElementTree.SubElement(view, "View", style="display: none")
    ElementTree.SubElement(hidden, "Text", name=OBJECT, value="$text", granularity="word")
    if adjudication:
        _header(view, "Annotators' labels (disputed: $disputed_targets)", 6)
        ElementTree.SubElement(view, "Text", name="annotator_labels", value="$annotator_labels")
    for (field, enum), keys in zip(STANCE_TARGETS.items(), HOTKEYS, strict=True):
        _header(view, f"Stance on {_human(field)}", 5)
        _choices(view, field, [(m.value, m.description, key) for m, key in zip(enum, keys, strict=True)])
    _header(view, "Is this a claim?", 5)
    _choices(view, "is_claim", [(value, hint, key) for value, (key, hint) in IS_CLAIM_HINTS.items()])
    _header(view, "Right speaker (only if the one above is wrong)", 5)
    # Options come from the task (value="$speakers": the document's speakers, 'other', 'unattributed').
    ElementTree.SubElement(
        view, "Choices", name=SPEAKER_CONTROL, toName=OBJECT, choice="single-radio", value="$speakers", layout="inline"
    )
    # One line: Enter adds the typed name and closes the box (maxSubmissions 1), so Ctrl+Enter then submits.
    _text_area(view, "speaker_correction", "Other speaker's name (Enter adds it)", rows=1)
    _text_area(view, "comment", "Comment", rows=2)
    return view


def _serialised(view: ElementTree.Element) -> str:
    ElementTree.indent(view, space="  ")
    return ElementTree.tostring(view, encoding="unicode") + "\n"


def annotation_config() -> str:
    """The annotation project's labeling config, derived from the label sets (one ``<Choices>`` per target)."""
    return _serialised(_view(adjudication=False))


def adjudication_config() -> str:
    """The adjudication project's labeling config: the annotation config plus the annotators' labels."""
    return _serialised(_view(adjudication=True))


def generated_files() -> dict[str, str]:
    """The files of ``schema/`` this package generates, by name, with their exact contents."""
    return {FILE_NAME: annotation_config()}


def same_config(old: str, new: str) -> bool:
    """Whether two configs are the same XML (formatting aside, comments included)."""
    try:
        return ElementTree.canonicalize(old, strip_text=True, with_comments=True) == ElementTree.canonicalize(
            new, strip_text=True, with_comments=True
        )
    except ElementTree.ParseError:
        return False


@dataclass(frozen=True)
class ConfigChanges:
    """How a labeling config differs from the one a project has: what breaks annotations, what is new."""

    breaking: list[str]
    added: list[str]


def _config_tags(xml: str) -> tuple[dict[str, tuple[str, str | None, list[str]]], set[str]]:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ProjectConfigError(f"labeling config is not valid XML ({exc})") from None
    controls: dict[str, tuple[str, str | None, list[str]]] = {}
    objects: set[str] = set()
    for element in root.iter():
        name = element.get("name")
        if name is None:
            continue
        if element.get("toName") is not None:
            values = [v for child in element for v in [child.get("alias") or child.get("value")] if v is not None]
            controls[name] = (element.tag, element.get("toName"), values)
        elif (element.get("value") or "").startswith("$"):
            objects.add(name)
    return controls, objects


def config_changes(old: str, new: str) -> ConfigChanges:
    """Compare two labeling configs: a removed or renamed control, label or object breaks annotations."""
    old_controls, old_objects = _config_tags(old)
    new_controls, new_objects = _config_tags(new)
    breaking = [f"object '{name}' removed or renamed" for name in sorted(old_objects - new_objects)]
    added = [f"object '{name}' added" for name in sorted(new_objects - old_objects)]
    for name, (tag, to_name, values) in old_controls.items():
        if name not in new_controls:
            breaking.append(f"control '{name}' removed or renamed")
            continue
        new_tag, new_to, new_values = new_controls[name]
        if new_tag != tag:
            breaking.append(f"control '{name}' changed from <{tag}> to <{new_tag}>")
        if new_to != to_name:
            breaking.append(f"control '{name}' now labels '{new_to}' instead of '{to_name}'")
        breaking += [f"label '{v}' of '{name}' removed or renamed" for v in values if v not in new_values]
        added += [f"label '{v}' added to '{name}'" for v in new_values if v not in values]
    added += [f"control '{name}' added" for name in new_controls if name not in old_controls]
    return ConfigChanges(breaking=breaking, added=added)
