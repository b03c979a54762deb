"""The single source of truth: every record claimstance reads or writes, and the label sets.

The JSON Schemas in ``schema/``, the Label Studio labeling config (built by ``claimstance.labelstudio``),
the Hugging Face ``Features`` and the dataset card are all derived from the models and enums here; nothing is
written twice. This module knows nothing of Label Studio. ``SCHEMA_VERSION``
is semantic: removing, renaming or reordering a label needs a major bump (``tests/test_schema.py`` checks
this against the committed files in ``schema/``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Container, Iterable
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimstance.errors import InputError

SCHEMA_VERSION = "1.2.0"
GUIDELINES_VERSION = "1.1.0"
"""The version of the codebook shipped with claimstance; a study's own codebook states its own."""
_GUIDELINES_VERSION_LINE = re.compile(r"^Guidelines version (\S+?)[,.]?(?:\s|$)", re.MULTILINE)


def guidelines_version(markdown: str) -> str:
    """The version a codebook states on its ``Guidelines version X.Y.Z`` line, or ``"unversioned"``."""
    found = _GUIDELINES_VERSION_LINE.search(markdown)
    return found.group(1) if found else "unversioned"


class LabelEnum(str, Enum):
    """A label set whose members carry a one-line definition (shown as hints in Label Studio)."""

    description: str

    def __new__(cls, value: str, description: str = "") -> LabelEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    @classmethod
    def names(cls) -> list[str]:
        """The label values in their declared order (also the ClassLabel order)."""
        return [m.value for m in cls]


class StanceTerritorialIntegrity(LabelEnum):
    """Stance of the unit's speaker on a state's territorial integrity and sovereignty over its land."""

    SUPPORT = "support", "The speaker upholds a state's territorial integrity or sovereignty over its land."
    OPPOSE = "oppose", "The speaker rejects or undermines a state's territorial integrity or claim to land."
    NEUTRAL = "neutral", "The unit is about territorial integrity but the speaker takes no side."
    NOT_APPLICABLE = "not_applicable", "The unit is not about territorial integrity."


class StanceElectionFairness(LabelEnum):
    """Stance of the unit's speaker on whether an election was free and fair."""

    FAIR = "fair", "The speaker presents the election (or its conduct) as free, fair or legitimate."
    UNFAIR = "unfair", "The speaker presents the election as unfair, flawed, restricted or illegitimate."
    NEUTRAL = "neutral", "The unit is about the election's fairness but the speaker takes no side."
    NOT_APPLICABLE = "not_applicable", "The unit is not about an election's fairness."


class Attribution(LabelEnum):
    """How a unit is attributed to its speaker."""

    AUTHOR = "author", "The statement's own speaker, or the outlet for plain news narration."
    DIRECT_QUOTE = "direct_quote", "Quoted words of the speaker, inside quotation marks."
    REPORTED = "reported", "Reported speech: 'X said that ...', 'according to X', 'X told Y'."
    UNATTRIBUTED = "unattributed", "No speaker can be determined from the text."


class UnitKind(LabelEnum):
    """What a unit is: a claim to label, or a non-claim part of the text."""

    CLAIM = "claim", "A statement that can carry a stance; annotators label it."
    HEADING = "heading", "A title or transcript header such as 'Statement by President Ilham Aliyev'."
    GREETING = "greeting", "A salutation or courtesy formula such as 'Dear Mr. President,'."
    DATELINE = "dateline", "A place and date line such as 'BAKU, 2 September 2024 –'."


class GoldOrigin(LabelEnum):
    """How a gold label was decided."""

    UNANIMOUS = "unanimous", "Every annotator chose this label."
    MAJORITY = "majority", "A strict majority of annotators chose this label."
    ADJUDICATED = "adjudicated", "An adjudicator chose this label after annotators disagreed."
    UNRESOLVED = "unresolved", "Annotators disagreed and no adjudication has been recorded yet."
    # Added in 1.2.0 (appended: the ClassLabel ids of the others keep their meaning).
    PROPAGATED = "propagated", "Not annotated itself: a near-duplicate of an annotated unit, whose label it carries."


STANCE_TARGETS: dict[str, type[LabelEnum]] = {
    "stance_territorial_integrity": StanceTerritorialIntegrity,
    "stance_election_fairness": StanceElectionFairness,
}
"""Every stance target, by field name, in display order."""

IS_CLAIM_CHOICES = ("yes", "no")

# The speaker as a gold target; the choice of someone not listed (named in the box); no speaker can be named.
SPEAKER_TARGET, SPEAKER_OTHER, UNATTRIBUTED = "speaker", "other", "unattributed"


def stable_id(*parts: object, length: int = 12) -> str:
    """A short hex digest of ``parts``: the same input gives the same id on any machine."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


class Record(BaseModel):
    """Base of every model: unknown fields are errors, values are validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


NonNegInt = Annotated[int, Field(ge=0)]


class Document(Record):
    """One news item or speech, cut from a raw seed file, with its span in that file."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Stable id: '<seed file stem>-d<ordinal>' (same input, same id).")
    seed_file: str = Field(description="File name of the raw seed the document comes from.")
    source: str | None = Field(default=None, description="Outlet or site, e.g. 'president.az'.")
    title: str | None = Field(default=None, description="Headline or transcript header.")
    author: str | None = Field(
        default=None, description="Speaker of the whole text when it is a statement (from its header)."
    )
    author_role: str | None = Field(default=None, description="The author's role, when stated.")
    # Added in 1.2.0 (the default keeps 1.1 files readable).
    byline: str | None = Field(
        default=None, description="Journalist a byline names ('By Jane Doe', 'VOA's Jane Doe reports'), if any."
    )
    published: date | datetime | None = Field(default=None, description="Date or time given by the text.")
    text: str = Field(min_length=1, description="Clean text of the document.")
    raw_start: NonNegInt = Field(description="Character offset of the document's first line in the seed file.")
    raw_end: NonNegInt = Field(description="Character offset just past the document's last line in the seed.")

    @model_validator(mode="after")
    def _span(self) -> Document:
        if self.raw_end < self.raw_start:
            raise ValueError("raw_end is before raw_start")
        return self


class Speaker(Record):
    """Who makes a unit's claim, and the words that say so."""

    name: str | None = Field(default=None, description="Full name as the document gives it, or a collective.")
    role: str | None = Field(default=None, description="Role when stated, e.g. 'Russian Foreign Minister'.")
    attribution: Attribution = Field(description=" ".join(f"{m.value}: {m.description}" for m in Attribution))
    cue: str | None = Field(default=None, description="The attributing words: 'said', 'according to', ...")


class ClaimUnit(Record):
    """A claim-sized piece of a document (one sentence or clause) with its speaker."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Stable id: '<doc id>-<hash of the unit text>' (with '-2', '-3' for repeats).")
    doc_id: str
    index: NonNegInt = Field(description="Position of the unit in its document, from 0.")
    text: str = Field(min_length=1)
    char_start: NonNegInt = Field(description="doc.text[char_start:char_end] == text, always.")
    char_end: NonNegInt
    context: str = Field(description="The neighbouring sentences an annotator needs (includes the unit).")
    speaker: Speaker
    kind: UnitKind = UnitKind.CLAIM

    @model_validator(mode="after")
    def _offsets(self) -> ClaimUnit:
        if self.char_end - self.char_start != len(self.text):
            raise ValueError(
                f"char_end - char_start ({self.char_end - self.char_start}) != len(text) ({len(self.text)})"
            )
        return self


class AnnotationLabels(Record):
    """What an annotator chose for one unit (every field optional: a skipped task has none)."""

    stance_territorial_integrity: StanceTerritorialIntegrity | None = None
    stance_election_fairness: StanceElectionFairness | None = None
    is_claim: bool | None = None
    speaker_correction: str | None = Field(default=None, description="The right speaker, when ours is wrong.")
    comment: str | None = None
    speaker_choice: str | None = Field(  # added in 1.2.0
        default=None, description="A listed speaker, 'other' (typed in speaker_correction) or 'unattributed'."
    )


class Prediction(AnnotationLabels):
    """A pre-annotation for one unit, pushed to Label Studio as a prediction of ``model_version``."""

    schema_version: str = SCHEMA_VERSION
    unit_id: str
    model_version: str = Field(min_length=1, description="What made the prediction (a model or rule set).")
    score: float | None = Field(default=None, ge=0, le=1)


class AnnotationRevision(AnnotationLabels):
    """An earlier version of an annotation, kept when Label Studio reports an update."""

    updated_at: datetime | None = None
    lead_time: float | None = None
    cancelled: bool = False


class Annotation(AnnotationLabels):
    """One annotator's work on one unit, as pulled from Label Studio; nothing is ever dropped."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Stable id: 'ls-<project id>-<annotation id>'.")
    unit_id: str
    annotator: str = Field(description="Stable pseudonym ('annotator-<hash>'); never an e-mail.")
    project: str = Field(description="Label Studio project title.")
    ls_project_id: int | None = None
    ls_task_id: int
    ls_annotation_id: int
    lead_time: float | None = Field(default=None, description="Seconds the annotator spent.")
    created_at: datetime | None = None
    updated_at: datetime | None = None
    cancelled: bool = Field(default=False, description="The annotator skipped the task.")
    deleted: bool = Field(default=False, description="Deleted in Label Studio after an earlier pull.")
    ground_truth: bool = False
    history: list[AnnotationRevision] = Field(default_factory=list, description="Earlier versions, oldest first.")
    # Added in 1.1.0 (defaults keep 1.0 files readable: None means "not recorded").
    designed_overlap: int | None = Field(
        default=None, ge=1, description="Annotations per unit the project was set to collect (push --overlap)."
    )
    beyond_overlap: bool = Field(
        default=False, description="Made after the unit had its designed overlap (e.g. through the data manager)."
    )
    suggestion_shown: bool | None = Field(
        default=None, description="A pre-annotation (prediction) was visible to the annotator while labelling."
    )
    influenced: bool | None = Field(
        default=None, description="Another annotation or a suggestion could have been seen: not independent."
    )
    missing_targets: list[str] = Field(
        default_factory=list, description="Required targets the annotation leaves empty (not skipped)."
    )
    speaker_shown: str | None = Field(  # added in 1.2.0; None: not recorded
        default=None, description="The toolkit's speaker the task showed ('unattributed': none named)."
    )
    # Added in 1.2.0 (designed assignment: push --annotators).
    assigned_pass: int | None = Field(
        default=None, ge=1, description="The pass project (one per annotator) the annotation was made in."
    )
    repeated_annotator: bool = Field(
        default=False, description="Its author had already labelled the unit in another pass: not independent."
    )


def speaker_value(name: str | None) -> str:
    """A speaker as agreement and gold compare it: the name, or :data:`UNATTRIBUTED` when there is none."""
    return name.strip() if name and name.strip() else UNATTRIBUTED


def effective_speaker(annotation: AnnotationLabels) -> str | None:
    """The speaker an annotation gives its unit (None: it says nothing about it): the one chosen, the typed name
    for 'other' (or with no choice, as older projects had only the box), else the speaker shown, let stand."""
    typed = (annotation.speaker_correction or "").strip() or None
    if annotation.speaker_choice and annotation.speaker_choice != SPEAKER_OTHER:
        return annotation.speaker_choice
    if typed or annotation.speaker_choice == SPEAKER_OTHER:
        return typed
    return getattr(annotation, "speaker_shown", None)


class GoldLabel(Record):
    """The decided label of one unit for one target, and how it was decided."""

    schema_version: str = SCHEMA_VERSION
    unit_id: str
    target: Literal["stance_territorial_integrity", "stance_election_fairness", "is_claim", "speaker"]
    label: str | None = Field(
        description="A label of the target's set ('yes'/'no' for is_claim, a name for speaker); None if unresolved."
    )
    origin: GoldOrigin
    votes: dict[str, int] = Field(default_factory=dict, description="How many annotators chose each label.")
    adjudicator: str | None = None

    @model_validator(mode="after")
    def _label_in_set(self) -> GoldLabel:
        if self.target == SPEAKER_TARGET:
            if self.label is not None and not self.label.strip():
                raise ValueError("a speaker label must be a name or 'unattributed'")
        elif self.label is not None and self.label not in (allowed := target_labels(self.target)):
            raise ValueError(f"label {self.label!r} is not one of {allowed} for {self.target}")
        if (self.label is None) != (self.origin is GoldOrigin.UNRESOLVED):
            raise ValueError("label must be None exactly when origin is 'unresolved'")
        return self


TARGETS = (*STANCE_TARGETS, "is_claim")
"""Every target annotators label: the stances, then ``is_claim``."""


def target_labels(target: str) -> list[str]:
    """The label set of a target in declared order (``yes``/``no`` for ``is_claim``)."""
    return list(IS_CLAIM_CHOICES) if target == "is_claim" else STANCE_TARGETS[target].names()


def label_of(annotation: AnnotationLabels, target: str) -> str | None:
    """An annotation's label for ``target`` as a string of the target's label set, or None if left empty."""
    value = getattr(annotation, target)
    if value is None:
        return None
    if target == "is_claim":
        return "yes" if value else "no"
    return str(value.value)


def recency(annotation: Annotation) -> tuple[float, int]:
    """Sort key of an annotation's versions: last update (or creation) time, then Label Studio id."""
    when = annotation.updated_at or annotation.created_at
    if when is None:
        return (-math.inf, annotation.ls_annotation_id)
    if when.tzinfo is None:  # exports without a zone are in UTC, like Label Studio's own
        when = when.replace(tzinfo=UTC)
    return (when.timestamp(), annotation.ls_annotation_id)


def current_annotations(annotations: Iterable[Annotation]) -> list[Annotation]:
    """The annotations that count: not skipped, not deleted, the latest per (unit, annotator), sorted."""
    latest: dict[tuple[str, str], Annotation] = {}
    for annotation in annotations:
        if annotation.cancelled or annotation.deleted:
            continue
        key = (annotation.unit_id, annotation.annotator)
        if key not in latest or recency(annotation) > recency(latest[key]):
            latest[key] = annotation
    return [latest[key] for key in sorted(latest)]


def check_no_orphans(
    annotations: Iterable[Annotation], unit_ids: Container[str], *, path: str | Path, units: str | Path
) -> None:
    """Refuse annotations (read from ``path``) whose unit the units file ``units`` no longer holds.

    A deleted annotation may outlive its unit; a live one would become a label without a unit.
    """
    orphan = next((a for a in annotations if a.unit_id not in unit_ids and not a.deleted), None)
    if orphan is not None:
        raise InputError(
            f"annotation {orphan.id} is for unit {orphan.unit_id!r}, which {units} does not hold",
            path=path,
            hint="pass the units file that was pushed, or restore the unit",
        )


class Duplicate(Record):
    """A unit that repeats another up to small edits (a wire copy, a re-publication, a correction)."""

    schema_version: str = SCHEMA_VERSION
    unit_id: str = Field(description="The repeating unit: not annotated itself.")
    duplicate_of: str = Field(description="The group's representative: annotated, its labels stand for the group.")
    similarity: float = Field(
        ge=0, le=1, description="Jaccard similarity of the two texts' character 5-grams (1: the same words)."
    )


class DatasetRecord(Record):
    """One row of the published ``units`` config: a unit, its document, its speaker and its labels."""

    unit_id: str
    doc_id: str
    doc_title: str | None
    source: str | None
    published: str | None = Field(description="ISO date or datetime of the document, when known.")
    byline: str | None = Field(  # added in 1.2.0
        default=None, description=Document.model_fields["byline"].description
    )
    index: NonNegInt = Field(description="Position of the unit in its document, from 0.")
    text: str
    context: str = Field(description="The neighbouring sentences an annotator saw (includes the unit).")
    char_start: NonNegInt = Field(description="Offset of the unit's first character in its document's text.")
    char_end: NonNegInt
    kind: UnitKind
    speaker_name: str | None
    speaker_role: str | None
    speaker_attribution: Attribution
    speaker_cue: str | None
    speaker_gold: str | None = Field(
        default=None, description="The speaker annotators confirmed or corrected (a name or 'unattributed')."
    )
    speaker_gold_origin: GoldOrigin | None = Field(default=None, description="How the speaker gold was decided.")
    stance_territorial_integrity: StanceTerritorialIntegrity | None = Field(description="Gold label.")
    stance_territorial_integrity_origin: GoldOrigin | None
    stance_election_fairness: StanceElectionFairness | None = Field(description="Gold label.")
    stance_election_fairness_origin: GoldOrigin | None
    # Added in 1.2.0.
    propagated_from: str | None = Field(
        default=None, description="The annotated unit this near-duplicate repeats and whose gold labels it carries."
    )
    annotators: list[str] = Field(description="Pseudonyms of the annotators, aligned with the label lists.")
    stance_territorial_integrity_annotations: list[StanceTerritorialIntegrity]
    stance_election_fairness_annotations: list[StanceElectionFairness]


RECORD_MODELS: dict[str, type[Record]] = {
    "document": Document,
    "claim_unit": ClaimUnit,
    "annotation": Annotation,
    "gold_label": GoldLabel,
    "prediction": Prediction,
}
"""Record types that live in JSONL files, by the name ``claimstance validate --model`` takes."""


def detect_model(value: object) -> type[Record] | None:
    """The record type of one parsed JSON object, recognised by its distinctive fields; None if none fits."""
    if not isinstance(value, dict):
        return None
    keys = set(value)
    if "seed_file" in keys:
        return Document
    if "ls_task_id" in keys or "annotator" in keys:
        return Annotation
    if "model_version" in keys:
        return Prediction
    if "origin" in keys and "target" in keys:
        return GoldLabel
    if "doc_id" in keys and "char_start" in keys:
        return ClaimUnit
    return None
