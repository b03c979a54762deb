"""Label Studio results both ways: labels to ``result`` items, and exported annotations to ``Annotation`` records.

Exports come from the API (:func:`claimstance.labelstudio.export.export_tasks`) or from the UI's "JSON"
download. Both vary between Label Studio versions and options, and the parser accepts every shape we have
seen: ``completed_by`` as a user object or a bare user id, ``predictions`` as objects or ids, annotation ids
as numbers or numeric strings. An export is plain JSON here (``object``): what the parser cannot use it
refuses with an :class:`~claimstance.errors.ExportFormatError` naming the task: a control our labeling config
does not have (an export of another project), a label value outside our label sets, a task without
``unit_id``.

Annotators are pseudonymous from the first moment: :func:`pseudonym` is a keyed hash of the e-mail (or of
``user-<id>`` when the export carries only the id), and no e-mail is ever stored: an annotator's e-mail
in a comment or speaker correction (their own, or any user's the server lists) becomes their pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from pydantic import ValidationError

from claimstance import config, schema
from claimstance.errors import ExportFormatError
from claimstance.labelstudio.labeling_config import CHOICE_CONTROLS, OBJECT, SPEAKER_CONTROL, TEXT_CONTROLS
from claimstance.labelstudio.payloads import ResultItem
from claimstance.schema import STANCE_TARGETS, Annotation, AnnotationLabels

PSEUDONYM_SALT_ENV = "CLAIMSTANCE_PSEUDONYM_SALT"
DEFAULT_PSEUDONYM_SALT = "claimstance-pseudonym-v1"
"""Used when ``CLAIMSTANCE_PSEUDONYM_SALT`` is unset. A public salt only hides e-mails from casual readers
(anyone can hash a guessed address): set your own salt before publishing, and keep it for the project's
lifetime, since changing it changes every pseudonym."""


def labels_to_result(labels: AnnotationLabels) -> list[ResultItem]:
    """Label Studio ``result`` items for ``labels`` (an annotation's or a prediction's), in config order."""
    items: list[ResultItem] = []
    for target in STANCE_TARGETS:
        value = getattr(labels, target)
        if value is not None:
            items.append(_item(target, value.value))
    if labels.is_claim is not None:
        items.append(_item("is_claim", "yes" if labels.is_claim else "no"))
    if labels.speaker_choice:
        items.append(_item(SPEAKER_CONTROL, labels.speaker_choice))
    for name in TEXT_CONTROLS:
        text = getattr(labels, name)
        if text:
            items.append(_item(name, text, textarea=True))
    return items


def _item(control: str, value: str, *, textarea: bool = False) -> ResultItem:
    ident = schema.stable_id(control, value, length=10)
    if textarea:
        return {"id": ident, "from_name": control, "to_name": OBJECT, "type": "textarea", "value": {"text": [value]}}
    return {"id": ident, "from_name": control, "to_name": OBJECT, "type": "choices", "value": {"choices": [value]}}


def pseudonym(identity: str, *, salt: str | None = None) -> str:
    """A stable pseudonym for an annotator: ``annotator-`` and a short keyed hash of ``identity``.

    ``identity`` is an e-mail or ``user-<id>``; e-mails are compared case-insensitively. The salt is the
    argument, else ``CLAIMSTANCE_PSEUDONYM_SALT`` (read at call time), else :data:`DEFAULT_PSEUDONYM_SALT`.
    """
    key = config.resolve(salt, PSEUDONYM_SALT_ENV, DEFAULT_PSEUDONYM_SALT)
    digest = hmac.new(key.encode("utf-8"), identity.strip().lower().encode("utf-8"), hashlib.sha256)
    return f"annotator-{digest.hexdigest()[:10]}"


def _identity(completed_by: object, users: Mapping[int, str] | None) -> str:
    """Who made an annotation, as an e-mail or ``user-<id>``: only ever fed to :func:`pseudonym`."""
    known = users or {}
    if isinstance(completed_by, Mapping):
        email = completed_by.get("email")
        if isinstance(email, str) and email.strip():
            return email
        completed_by = completed_by.get("id")
    if isinstance(completed_by, bool):
        completed_by = None
    if isinstance(completed_by, int):
        return known.get(completed_by) or f"user-{completed_by}"
    if isinstance(completed_by, str) and completed_by.strip():
        # json-min style exports and some tools put the e-mail itself here.
        text = completed_by.strip()
        if not text.isdecimal():
            return text
        return known.get(int(text)) or f"user-{text}"
    # The user was deleted from Label Studio (the foreign key is nulled): one shared, explicit identity.
    return "user-unknown"


def _as_id(value: object, what: str, *, source: str, task_id: int | None) -> int:
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value)
    raise ExportFormatError(f"{what} is {value!r}, not a number", path=source, task_id=task_id)


class _Context:
    """Where a problem is, for error messages: the export and the task."""

    def __init__(self, source: str, task_id: int) -> None:
        self.source = source
        self.task_id = task_id

    def error(self, message: str, hint: str | None = None) -> ExportFormatError:
        return ExportFormatError(message, path=self.source, task_id=self.task_id, hint=hint)


def _choice(item: Mapping[str, object], control: str, where: _Context) -> str:
    value = item.get("value")
    choices = value.get("choices") if isinstance(value, Mapping) else None
    if not isinstance(choices, list) or not choices:
        raise where.error(f"control {control!r} has no choice in its result")
    if len(choices) > 1:
        raise where.error(f"control {control!r} holds {len(choices)} choices, but it is single-choice")
    choice = choices[0]
    if control == SPEAKER_CONTROL:  # its options are each task's own (dynamic choices): any name
        if not isinstance(choice, str) or not choice.strip():
            raise where.error(f"control {control!r} holds {choice!r}, not a speaker's name")
        return choice.strip()
    allowed = CHOICE_CONTROLS[control]
    if choice not in allowed:
        raise where.error(
            f"unknown value {choice!r} for {control} (expected one of {', '.join(allowed)})",
            hint="was the export made with another labeling config or label set?",
        )
    return str(choice)


def _text(item: Mapping[str, object], control: str, where: _Context) -> str:
    value = item.get("value")
    text = value.get("text") if isinstance(value, Mapping) else None
    if isinstance(text, str):
        return text
    if isinstance(text, list) and all(isinstance(t, str) for t in text):
        return "\n".join(text)
    raise where.error(f"control {control!r} has no text in its result")


def _labels(result: object, where: _Context) -> dict[str, str | bool | None]:
    """The values of an annotation's ``result`` list, by control name, checked against our config."""
    if result is None:
        return {}
    if not isinstance(result, list):
        raise where.error(f"annotation result is a JSON {type(result).__name__}, not a list")
    single = [*CHOICE_CONTROLS, SPEAKER_CONTROL]
    known = [*single, *TEXT_CONTROLS]
    choices: dict[str, str] = {}
    texts: dict[str, list[str]] = {}
    for item in result:
        if not isinstance(item, Mapping):
            raise where.error("annotation result holds something that is not an object")
        control = item.get("from_name")
        kind = str(item.get("type") or "").lower()
        if not isinstance(control, str) or control not in known:
            name = control if isinstance(control, str) else f"<{kind or 'unnamed'} result>"
            raise where.error(
                f"unknown control {name!r}; the claimstance labeling config has {', '.join(known)}",
                hint="this export comes from a project with another labeling config",
            )
        expected = "choices" if control in single else "textarea"
        if kind and kind != expected:
            raise where.error(f"control {control!r} is a {kind!r} result here, but a {expected!r} in claimstance")
        if control in single:
            choice = _choice(item, control, where)
            if choices.setdefault(control, choice) != choice:
                raise where.error(f"control {control!r} has two different choices in one annotation")
        else:
            texts.setdefault(control, []).append(_text(item, control, where))
    labels: dict[str, str | bool | None] = dict(choices)
    if SPEAKER_CONTROL in labels:
        labels["speaker_choice"] = labels.pop(SPEAKER_CONTROL)
    if "is_claim" in labels:
        labels["is_claim"] = labels["is_claim"] == "yes"
    for control, parts in texts.items():
        joined = "\n".join(parts).strip()
        labels[control] = joined or None
    return labels


def _without_emails(text: str, identities: Iterable[str]) -> str:
    """Free text with every known annotator's e-mail replaced by that annotator's pseudonym."""
    for identity in identities:
        if "@" in identity and identity.strip().lower() in text.lower():
            text = re.sub(re.escape(identity.strip()), pseudonym(identity), text, flags=re.IGNORECASE)
    return text


def _annotation(
    task: Mapping[str, object],
    raw: object,
    *,
    project: str,
    project_id: int | None,
    users: Mapping[int, str] | None,
    where: _Context,
    predictions_visible: bool,
    designed_overlap: int | None,
) -> Annotation:
    if not isinstance(raw, Mapping):
        raise where.error("an annotation of this task is not an object")
    # Controls first: an export of another project is best explained by its unknown control.
    labels = _labels(raw.get("result"), where)
    data = task.get("data")
    unit_id = data.get("unit_id") if isinstance(data, Mapping) else None
    if not isinstance(unit_id, str) or not unit_id:
        raise where.error(
            "task data has no unit_id", hint="only tasks pushed by claimstance (with data.unit_id) can be pulled"
        )
    annotation_id = _as_id(raw.get("id"), "annotation id", source=where.source, task_id=where.task_id)
    identity = _identity(raw.get("completed_by"), users)
    for control in (*TEXT_CONTROLS, "speaker_choice"):
        text = labels.get(control)
        if isinstance(text, str):
            labels[control] = _without_emails(text, [identity, *(users or {}).values()])
    fields: dict[str, object] = {
        **labels,
        "id": f"ls-{project_id if project_id is not None else project}-{annotation_id}",
        "unit_id": unit_id,
        "annotator": pseudonym(identity),
        "project": project,
        "ls_project_id": project_id,
        "ls_task_id": where.task_id,
        "ls_annotation_id": annotation_id,
        "lead_time": raw.get("lead_time"),
        "created_at": raw.get("created_at"),
        "updated_at": raw.get("updated_at"),
        "cancelled": bool(raw.get("was_cancelled", False)),
        "ground_truth": bool(raw.get("ground_truth", False)),
        "suggestion_shown": _suggestion_shown(task, raw, predictions_visible=predictions_visible),
        "designed_overlap": designed_overlap,
        "speaker_shown": _speaker_shown(data),
    }
    if not fields["cancelled"]:
        fields["missing_targets"] = [t for t in schema.TARGETS if labels.get(t) is None]
    try:
        return Annotation.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise where.error(f"annotation {annotation_id}: {loc}: {first['msg']}") from None


def _speaker_shown(data: object) -> str | None:
    """The toolkit's speaker a claimstance task showed (None for a task without the speaker fields)."""
    if not isinstance(data, Mapping) or "speaker_attribution" not in data:
        return None
    name = data.get("speaker_name")
    return schema.speaker_value(name if isinstance(name, str) else None)


def _suggestion_shown(task: Mapping[str, object], raw: Mapping[str, object], *, predictions_visible: bool) -> bool:
    """Whether a prediction was on the annotator's screen, recorded per annotation.

    Label Studio's editor starts an annotation from a prediction it shows and sends that prediction's id as
    ``parent_prediction`` (1.23.2: ``tasks/models.py`` ``Annotation.parent_prediction``, "the prediction from
    which this annotation was created"; the editor's submit payload carries it), and every export states the
    field. Only an export without the field (made by another tool) falls back on the project's setting:
    the task has a prediction and ``predictions_visible``.
    """
    if "parent_prediction" in raw:
        return raw.get("parent_prediction") not in (None, 0)
    predictions = task.get("predictions")
    return predictions_visible and isinstance(predictions, list) and len(predictions) > 0


def _export_users(tasks: Sequence[object]) -> dict[int, str]:
    """User id -> e-mail for every user object (``completed_by``) an export holds."""
    found: dict[int, str] = {}
    for task in tasks:
        annotations = task.get("annotations") if isinstance(task, Mapping) else None
        for raw in annotations if isinstance(annotations, list) else []:
            user = raw.get("completed_by") if isinstance(raw, Mapping) else None
            if isinstance(user, Mapping):
                uid, email = user.get("id"), user.get("email")
                if isinstance(uid, int) and not isinstance(uid, bool) and isinstance(email, str) and email.strip():
                    found.setdefault(uid, email)
    return found


def parse_export(
    tasks: Iterable[object],
    *,
    project: str,
    project_id: int | None = None,
    users: Mapping[int, str] | None = None,
    source: str = "<export>",
    predictions_visible: bool = True,
    designed_overlap: int | None = None,
) -> Iterator[Annotation]:
    """Yield one :class:`Annotation` per annotation in a Label Studio export, in export order.

    ``project`` is the project title; ``project_id`` its Label Studio id (when omitted, the ``project``
    field tasks carry is used). ``users`` maps user ids to e-mails, so that an export with bare user ids
    gives the same pseudonyms as one with user objects. ``source`` names the export in error messages.
    Skipped tasks become records with ``cancelled=True``; predictions and drafts are not annotations and
    are left out, but an annotation of a task with a prediction records ``suggestion_shown`` when
    ``predictions_visible`` (the project shows predictions to annotators; assume so when unknown). A
    non-skipped annotation lists the targets it leaves empty in ``missing_targets``; each records the
    project's ``designed_overlap`` when given. Raises ``ExportFormatError`` naming the task for anything
    that does not fit our config.
    """
    seen: set[int] = set()
    first_project: int | None = None
    if isinstance(tasks, Sequence):
        # A list (a downloaded export) is read twice: a user it names by e-mail anywhere gets the same pseudonym
        # where it names them by bare id, and their e-mail is known for removal from free text everywhere.
        users = {**_export_users(tasks), **(users or {})}
    for task in tasks:
        if not isinstance(task, Mapping):
            raise ExportFormatError("a task of the export is not an object", path=source)
        task_id = _as_id(task.get("id"), "task id", source=source, task_id=None)
        where = _Context(source, task_id)
        pid = project_id
        task_project = task.get("project")
        if isinstance(task_project, int) and not isinstance(task_project, bool):
            # Without a project id given, the first task's project is the export's: one file, one project.
            expected = project_id if project_id is not None else first_project
            if expected is not None and task_project != expected:
                raise where.error(
                    f"task belongs to Label Studio project {task_project}, not {expected}",
                    hint="export the project you are pulling",
                )
            first_project = task_project if first_project is None else first_project
            pid = task_project
        annotations = task.get("annotations") or []
        if not isinstance(annotations, list):
            raise where.error("'annotations' is not a list")
        for raw in annotations:
            record = _annotation(
                task,
                raw,
                project=project,
                project_id=pid,
                users=users,
                where=where,
                predictions_visible=predictions_visible,
                designed_overlap=designed_overlap,
            )
            if record.ls_annotation_id in seen:
                raise where.error(f"annotation {record.ls_annotation_id} appears twice in the export")
            seen.add(record.ls_annotation_id)
            yield record
