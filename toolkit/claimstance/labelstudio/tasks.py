"""What a claim unit looks like as a Label Studio task (no server), and what a push is given to show.

Label Studio Community has no upsert, so a push makes one: every task carries a unit id (``unit_id``) and a
content hash (``unit_hash``) in its data, which :mod:`.plan` compares with what a project holds. Unit tasks
come from :func:`unit_tasks`, adjudication tasks from :func:`adjudication_tasks`; any task a push is given
goes through :func:`checked_tasks`. The instructions panel shows the guidelines as :func:`guidelines_html`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from claimstance import config, io, layout, schema
from claimstance.errors import InputError
from claimstance.labelstudio.labeling_config import SPEAKER_EXTRA_HOTKEYS, SPEAKER_HOTKEYS, TEXT_CONTROLS
from claimstance.labelstudio.payloads import (
    AdjudicationTaskData,
    ImportTask,
    PredictionPayload,
    SpeakerOption,
    UnitTaskData,
)
from claimstance.labelstudio.results import labels_to_result
from claimstance.schema import (
    SPEAKER_OTHER,
    TARGETS,
    UNATTRIBUTED,
    Annotation,
    AnnotationLabels,
    ClaimUnit,
    Document,
    Prediction,
    Speaker,
    effective_speaker,
)

HASH_FIELD = "unit_hash"
DEFAULT_MODEL_VERSION = "claimstance"
TaskData = dict[str, object]
"""A task's data as a push handles it: any JSON object with a ``unit_id`` and a fresh ``unit_hash``."""


# --- unit tasks ------------------------------------------------------------------------------------------


def speaker_display(speaker: Speaker) -> str:
    """One line naming who speaks and how it is attributed, shown above each claim in Label Studio."""
    who = speaker.name or "unknown speaker"
    if speaker.role:
        who = f"{who} ({speaker.role})"
    how = speaker.attribution.value.replace("_", " ")
    return f"{who} · {how}" + (f" · '{speaker.cue}'" if speaker.cue else "")


CLAIM_MARK = '<mark style="font-weight: bold">'
"""How the claim is marked in its context: highlighted and bold, as the guidelines say."""


def context_html(unit: ClaimUnit) -> str:
    """The unit's context as HTML: every character escaped, the claim (its first occurrence) in ``<mark>``.

    A context that does not contain the claim (an edited units file) shows the claim marked after it.
    """
    marked = f"{CLAIM_MARK}{html.escape(unit.text)}</mark>"
    start = unit.context.find(unit.text)
    if start < 0:
        return f"{html.escape(unit.context)} {marked}"
    before, after = unit.context[:start], unit.context[start + len(unit.text) :]
    return f"{html.escape(before)}{marked}{html.escape(after)}"


NO_DOCUMENT_LINE = "Untitled document (no source or date)"
"""The document line of a task whose document has no title, source or date, or was pushed without documents:
annotators are shown no internal id, which would tell them nothing."""


def document_line(doc: Document) -> str:
    """One line naming a document for annotators: its title, source and date (those it has; else
    :data:`NO_DOCUMENT_LINE`)."""
    parts = [doc.title, doc.source, doc.published.isoformat()[:10] if doc.published else None]
    return " · ".join(part for part in parts if part) or NO_DOCUMENT_LINE


def document_speakers(units: Iterable[ClaimUnit]) -> dict[str, list[str]]:
    """The speakers each document's units are attributed to, by document id, in order of first appearance.

    Only names: a unit without one adds nothing, and a "name" holding an ``@`` (an e-mail address the
    segmenter took for a speaker) is left out, as annotators' choices must never show one.
    """
    found: dict[str, dict[str, None]] = {}
    for unit in units:
        names = found.setdefault(unit.doc_id, {})
        name = (unit.speaker.name or "").strip()
        if name and "@" not in name:
            names.setdefault(name, None)
    return {doc_id: list(names) for doc_id, names in found.items()}


def speaker_options(names: Sequence[str]) -> list[SpeakerOption]:
    """The speaker choice's options: the document's speakers (with hotkeys), then 'other' and 'unattributed'."""
    options: list[SpeakerOption] = []
    for position, name in enumerate(names):
        option: SpeakerOption = {"value": name, "html": html.escape(name)}
        if position < len(SPEAKER_HOTKEYS):
            option["hotkey"] = SPEAKER_HOTKEYS[position]
        options.append(option)
    options.append(
        {
            "value": SPEAKER_OTHER,
            "html": "<i>other</i> (type the name below)",
            "hotkey": SPEAKER_EXTRA_HOTKEYS[SPEAKER_OTHER],
        }
    )
    options.append(
        {
            "value": UNATTRIBUTED,
            "html": "<i>no speaker</i> can be named",
            "hotkey": SPEAKER_EXTRA_HOTKEYS[UNATTRIBUTED],
        }
    )
    return options


def content_hash(data: Mapping[str, object]) -> str:
    """A hash of the unit a task carries: equal units, equal hash.

    The document title is left out: it is optional context (``push`` without ``--documents`` has none), and
    a push that omits it must not count every task as changed. So are the speaker choice's ``speakers``: they
    come from the document's other units, and tasks pushed before they existed must not all count as changed
    (such a task offers no speaker choice; its "other speaker" box still takes a name).
    """
    payload = {k: v for k, v in data.items() if k not in (HASH_FIELD, "doc_title", "speakers")}
    return schema.stable_id(json.dumps(payload, sort_keys=True, ensure_ascii=False), length=16)


def task_data(unit: ClaimUnit, doc_title: str | None = None, speakers: Sequence[str] | None = None) -> UnitTaskData:
    """The ``data`` of the task for ``unit``: what the labeling config shows, ids, offsets and a hash.

    ``speakers`` are the names the speaker choice offers (see :func:`document_speakers`; default: the unit's
    own speaker's name).
    """
    names = speakers if speakers is not None else document_speakers([unit]).get(unit.doc_id, [])
    data: UnitTaskData = {
        "text": unit.text,
        "context": unit.context,
        "context_html": context_html(unit),
        "speaker_display": speaker_display(unit.speaker),
        "unit_id": unit.id,
        "doc_id": unit.doc_id,
        "doc_title": doc_title or NO_DOCUMENT_LINE,
        "index": unit.index,
        "kind": unit.kind.value,
        "char_start": unit.char_start,
        "char_end": unit.char_end,
        "speaker_name": unit.speaker.name,
        "speaker_role": unit.speaker.role,
        "speaker_attribution": unit.speaker.attribution.value,
        "speaker_cue": unit.speaker.cue,
        "speakers": speaker_options(names),
        "unit_hash": "",
    }
    data["unit_hash"] = content_hash(data)
    return data


def unit_tasks(
    units: Iterable[ClaimUnit],
    *,
    predictions: Mapping[str, AnnotationLabels] | None = None,
    model_version: str | None = None,
    doc_titles: Mapping[str, str | None] | None = None,
    speakers: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[ImportTask]:
    """Each unit's task, streaming: its :func:`task_data` and its ``predictions`` labels, if any.

    ``doc_titles`` maps document ids to the titles the data carries, ``speakers`` to the names the speaker
    choice offers (:func:`document_speakers` of all the units; a document it lacks offers its unit's own).
    A prediction is tagged ``model_version`` (else a ``Prediction``'s own, else
    :data:`DEFAULT_MODEL_VERSION`) and left out when none of the unit's labels is set.
    """
    predictions = predictions or {}
    titles = doc_titles or {}
    for unit in units:
        names = speakers.get(unit.doc_id) if speakers is not None else None
        task: ImportTask = {"data": task_data(unit, titles.get(unit.doc_id), names)}
        labels = predictions.get(unit.id)
        result = labels_to_result(labels) if labels is not None else []
        if result:
            version = model_version or (labels.model_version if isinstance(labels, Prediction) else None)
            task["predictions"] = [{"model_version": version or DEFAULT_MODEL_VERSION, "result": result}]
        yield task


# --- adjudication tasks ----------------------------------------------------------------------------------


class Dispute(Protocol):
    """A disputed unit, as the adjudicate stage decides it (any object with these attributes)."""

    @property
    def unit_id(self) -> str: ...

    @property
    def targets(self) -> Sequence[str]:
        """The disputed targets, in ``schema.TARGETS`` order."""

    @property
    def votes(self) -> Mapping[str, Mapping[str, int]]:
        """Per target, how many annotators chose each label (label-set order, chosen labels only)."""

    @property
    def annotations(self) -> Sequence[Annotation]:
        """The unit's annotations that count, one per annotator."""


def _title(target: str) -> str:
    return target.removeprefix("stance_").replace("_", " ")


def annotator_labels(dispute: Dispute) -> str:
    """The text an adjudicator reads: the disputed targets with their votes, then each annotator's labels."""
    lines = []
    for target in dispute.targets:
        counts = ", ".join(f"{label} ×{n}" for label, n in dispute.votes.get(target, {}).items())
        lines.append(f"Disagreement on {_title(target)}: {counts}")
    for annotation in dispute.annotations:
        lines.append("")
        lines.append(annotation.annotator)
        for target in TARGETS:
            lines.append(f"  {_title(target)}: {schema.label_of(annotation, target) or '(none)'}")
        chosen = annotation.speaker_choice or annotation.speaker_correction
        if chosen:
            lines.append(f"  speaker: {effective_speaker(annotation) or '(other, no name typed)'}")
        for name in TEXT_CONTROLS:
            value = getattr(annotation, name)
            if value:
                lines.append(f"  {name.replace('_', ' ')}: {' / '.join(value.splitlines())}")
    return "\n".join(lines)


def adjudication_tasks(units: Iterable[ClaimUnit], disputes: Iterable[Dispute]) -> list[ImportTask]:
    """One task per disputed unit, in the disputes' order: the unit's task data plus what annotators chose.

    Besides :func:`task_data`, each task shows ``annotator_labels`` (each annotator's labels, comments and
    speaker corrections under their pseudonym) and ``disputed_targets``, and lists the ``annotators``.
    Raises ``InputError`` when a disputed unit is missing from ``units``.
    """
    by_unit = {unit.id: unit for unit in units}
    speakers = document_speakers(by_unit.values())
    tasks: list[ImportTask] = []
    for dispute in disputes:
        unit = by_unit.get(dispute.unit_id)
        if unit is None:
            raise InputError(
                f"unit {dispute.unit_id!r} is disputed but not in the units given", hint="pass the project's units file"
            )
        data: AdjudicationTaskData = {
            **task_data(unit, speakers=speakers.get(unit.doc_id)),
            "annotator_labels": annotator_labels(dispute),
            "disputed_targets": ", ".join(_title(t) for t in dispute.targets),
            "annotators": [a.annotator for a in dispute.annotations],
        }
        tasks.append({"data": data})
    return tasks


# --- tasks a push is given -------------------------------------------------------------------------------


def _checked(task: Mapping[str, object], position: int) -> tuple[TaskData, PredictionPayload | None]:
    where = f"task {position + 1} of the input"
    data = task.get("data") if isinstance(task, Mapping) else None
    if not isinstance(data, Mapping):
        raise InputError(f"{where} has no 'data' object", hint='give each task as {"data": {...}}')
    extra = sorted(str(key) for key in task if key not in ("data", "predictions"))
    if extra:
        raise InputError(f"{where} has {', '.join(extra)} besides 'data'", hint="give only data and predictions")
    unit_id = data.get("unit_id")
    if not isinstance(unit_id, str) or not unit_id:
        raise InputError(f"{where} has no 'unit_id' in its data", hint="give each task the id of its unit")
    predictions = task.get("predictions") or []
    if not isinstance(predictions, list) or len(predictions) > 1 or not all(isinstance(p, dict) for p in predictions):
        raise InputError(
            f"{where} (unit '{unit_id}') must have a list of at most one prediction",
            hint="a push adds a prediction only to a task that has none",
        )
    fresh: TaskData = {str(key): value for key, value in data.items() if key != HASH_FIELD}
    try:
        fresh[HASH_FIELD] = content_hash(fresh)
    except (TypeError, ValueError) as exc:
        raise InputError(f"the data of unit '{unit_id}' is not JSON ({exc})", hint="give only JSON values") from None
    # A prediction is passed on as given: Label Studio checks it against the labeling config at import.
    prediction: PredictionPayload | None = predictions[0] if predictions else None
    return fresh, prediction


def checked_tasks(tasks: Iterable[ImportTask]) -> Iterator[tuple[TaskData, PredictionPayload | None]]:
    """Each task's data, with a fresh content hash, and its prediction (or None), streaming.

    A task is ``{"data": {...}}`` plus, optionally, ``"predictions": [one prediction]``. Its data must
    name its unit (``unit_id``: a push matches tasks by it) and be JSON; a ``unit_hash`` it carries is
    replaced, as it may predate other fields. A malformed task or a unit id seen twice is an ``InputError``.
    """
    seen: set[object] = set()
    for position, task in enumerate(tasks):
        data, prediction = _checked(task, position)
        if data["unit_id"] in seen:
            raise InputError(f"unit id '{data['unit_id']}' appears twice in the input", hint="remove the duplicate")
        seen.add(data["unit_id"])
        yield data, prediction


# --- what a push shows besides the units -----------------------------------------------------------------


def read_guidelines(path: str | Path | None = None) -> str:
    """The codebook shown to annotators as the project's instructions.

    By default the study's own ``guidelines.md`` when the current study has one, else the codebook shipped
    with claimstance (:data:`layout.CODEBOOK`).
    """
    if path is not None:
        return io.read_text(path)
    root = config.find_project_root()
    own = layout.Study(root, layout.StudyConfig()).guidelines if root is not None else None
    if own is not None and own.is_file():
        return io.read_text(own)
    return layout.CODEBOOK.read_text(encoding="utf-8")


def guidelines_html(markdown: str) -> str:
    """The annotation guidelines (Markdown) as the HTML Label Studio shows in its instructions panel."""
    from markdown_it import MarkdownIt

    # Raw HTML in the guidelines is escaped, not passed through: the panel renders whatever it gets.
    return str(MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown))


def checked_predictions(
    predictions: Iterable[Prediction], unit_ids: Container[str], *, path: str | Path | None, units: str | Path
) -> dict[str, Prediction]:
    """Pre-annotations by unit id; one for a unit that ``units`` (the units file) does not hold is refused.

    ``path`` names the predictions file in the error. A later prediction of a unit replaces an earlier one.
    """
    by_unit = {prediction.unit_id: prediction for prediction in predictions}
    unknown = sorted(unit for unit in by_unit if unit not in unit_ids)
    if unknown:
        raise InputError(
            f"prediction for unknown unit {unknown[0]!r} ({len(unknown)} in all)",
            path=path,
            hint=f"make the predictions from {units} again with 'claimstance predict'",
        )
    return by_unit


def checked_doc_titles(
    documents: Iterable[Document], units: Iterable[ClaimUnit], *, path: str | Path | None, source: str | Path
) -> dict[str, str | None]:
    """Document id -> :func:`document_line` (title, source, date), once every unit is a slice of its document.

    A unit whose document is missing, or whose offsets do not give its text, comes from other documents (or
    an edited file): pushing it would show annotators text its document does not hold. ``path`` names the
    documents file and ``source`` the units file in the error.
    """
    docs = {doc.id: doc for doc in documents}
    for unit in units:
        doc = docs.get(unit.doc_id)
        if doc is None:
            raise InputError(
                f"unit {unit.id!r} belongs to document {unit.doc_id!r}, which {path} does not hold",
                path=source,
                hint="pass the documents file the units were segmented from",
            )
        if doc.text[unit.char_start : unit.char_end] != unit.text:
            raise InputError(
                f"unit {unit.id!r}: characters {unit.char_start}-{unit.char_end} of document {unit.doc_id!r} "
                "are not the unit's text",
                path=source,
                hint="segment the documents again: the units do not match them",
            )
    return {doc_id: document_line(doc) for doc_id, doc in docs.items()}
