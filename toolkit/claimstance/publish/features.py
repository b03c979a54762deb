"""The ``datasets.Features`` of both configs, derived from the schema models, and what each field holds.

Each field of ``schema.DatasetRecord`` (and of ``schema.Annotation``, less the Label Studio internals in
:data:`ANNOTATION_EXCLUDED`) is mapped by its type: a label enum becomes a ``ClassLabel`` in its declared
order, a list of labels a ``Sequence(ClassLabel)``. A missing label is ``-1`` (the ``ClassLabel``
convention); in the per-annotator lists ``-1`` means the annotator left that target empty, so the lists
stay aligned with ``annotators``.
"""

from __future__ import annotations

import types
from datetime import datetime
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from claimstance.errors import PublishError
from claimstance.schema import STANCE_TARGETS, Annotation, ClaimUnit, DatasetRecord, Document, LabelEnum, Speaker

if TYPE_CHECKING:
    from datasets import Features

CONFIGS = ("units", "annotations")
ANNOTATION_EXCLUDED: dict[str, str] = {
    "schema_version": "the same on every row; the card gives it",
    "project": "a Label Studio project title, local to the team",
    "ls_project_id": "Label Studio's internal id",
    "ls_task_id": "Label Studio's internal id",
    "ls_annotation_id": "Label Studio's internal id",
    "comment": "free text written for the adjudicator; it may hold personal information",
    "deleted": "annotations deleted in Label Studio are not published",
    "ground_truth": "a Label Studio flag that claimstance does not use",
    "history": "earlier versions of an annotation are kept in the project, not published",
    "missing_targets": "an empty target is already -1 in its column; pull reports it",
}
"""Fields of ``schema.Annotation`` left out of the ``annotations`` config, and why."""

_ANNOTATION_ADDED: dict[str, tuple[type, str]] = {
    "doc_id": (str, "Document of the unit; the annotation is in that document's split."),
    "counted": (bool, "True for the annotation that counts: not skipped, the annotator's latest on the unit."),
}

_FIELD_NOTES = {
    "unit_id": ClaimUnit.model_fields["id"].description,
    "doc_id": "Id of the unit's document ('<seed file stem>-d<ordinal>').",
    "doc_title": Document.model_fields["title"].description,
    "source": Document.model_fields["source"].description,
    "text": "The unit: doc text[char_start:char_end].",
    "char_end": "Offset just past the unit's last character in its document's text.",
    "kind": "What the unit is: a claim, or a heading, greeting or dateline (labels below).",
    "id": Annotation.model_fields["id"].description,
    "unit_id@annotations": "Id of the annotated unit.",
    **{f"{target}@annotations": "The annotator's label (-1: left empty)." for target in STANCE_TARGETS},
    **{
        f"{target}_annotations": "Each annotator's label, aligned with `annotators` (-1: left empty)."
        for target in STANCE_TARGETS
    },
    "is_claim": "The annotator's answer to 'Is this a claim?' (null: left empty).",
    "created_at": "When the annotation was first submitted (UTC).",
    "updated_at": "When it was last changed (UTC).",
}
"""Descriptions of fields whose schema models carry none (everything else is read from the models)."""


def _feature(annotation: Any) -> Any:
    from datasets import ClassLabel, Sequence, Value

    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _feature(args[0])
    elif origin is list:
        return Sequence(_feature(get_args(annotation)[0]))
    elif isinstance(annotation, type) and issubclass(annotation, LabelEnum):
        return ClassLabel(names=annotation.names())
    simple = {bool: "bool", int: "int64", float: "float64", str: "string", datetime: "timestamp[us, tz=UTC]"}
    if annotation in simple:
        return Value(simple[annotation])
    raise TypeError(f"no dataset feature for the schema type {annotation!r}")


def _annotation_fields() -> dict[str, tuple[Any, str | None]]:
    # Who annotated what first, then the labels and the rest in the schema's order.
    fields = {
        n: (i.annotation, i.description) for n, i in Annotation.model_fields.items() if n not in ANNOTATION_EXCLUDED
    }
    first = {n: fields.pop(n) for n in ("id", "unit_id")} | {"doc_id": _ANNOTATION_ADDED["doc_id"]}
    first["annotator"] = fields.pop("annotator")
    return first | fields | {"counted": _ANNOTATION_ADDED["counted"]}


def _schema_fields(config_name: str) -> dict[str, tuple[Any, str | None]]:
    if config_name == "units":
        return {name: (info.annotation, info.description) for name, info in DatasetRecord.model_fields.items()}
    if config_name == "annotations":
        return _annotation_fields()
    raise PublishError(f"unknown config {config_name!r}", hint=f"use one of {', '.join(CONFIGS)}")


def features(config_name: str) -> Features:
    """The ``datasets.Features`` of a config (``units`` or ``annotations``), derived from the schema models."""
    from datasets import Features

    return Features({name: _feature(kind) for name, (kind, _) in _schema_fields(config_name).items()})


def _describe(config_name: str, name: str, description: str | None) -> str:
    """What a published field holds: its schema description, else the note kept here for fields without one."""
    if description:
        return description
    if name.startswith("speaker_"):
        speaker = Speaker.model_fields[name.removeprefix("speaker_")].description
        if speaker:
            return str(speaker)
    if name.endswith("_origin"):
        return "How the gold label was decided (-1: no gold label)."
    for key in (f"{name}@{config_name}", name):
        if _FIELD_NOTES.get(key):
            return str(_FIELD_NOTES[key])
    return name.replace("_", " ").capitalize() + "."


def field_rows(config_name: str) -> list[tuple[str, str, str]]:
    """(name, type, description) of every field of a config, for the card."""
    rows = []
    for name, feature in features(config_name).items():
        inner = getattr(feature, "feature", None)
        if inner is not None:
            kind = f"Sequence({'ClassLabel' if hasattr(inner, 'names') else inner.dtype})"
        else:
            kind = "ClassLabel" if hasattr(feature, "names") else str(feature.dtype)
        rows.append((name, kind, _describe(config_name, name, _schema_fields(config_name)[name][1])))
    return rows
