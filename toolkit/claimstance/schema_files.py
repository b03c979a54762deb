"""The files of ``schema/``: a JSON Schema per public model and the label sets, derived from :mod:`.schema`.

``claimstance schema export`` writes them (with the labeling config ``claimstance.labelstudio`` builds, as
``extra`` files) and ``claimstance schema check`` fails with a diff when the committed ones are out of date.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claimstance import schema as _schema
from claimstance.errors import SchemaDriftError
from claimstance.io import write_text_atomic
from claimstance.schema import (
    STANCE_TARGETS,
    Annotation,
    Attribution,
    ClaimUnit,
    DatasetRecord,
    Document,
    Duplicate,
    GoldLabel,
    GoldOrigin,
    LabelEnum,
    Prediction,
    Speaker,
    UnitKind,
)

PUBLIC_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "speaker": Speaker,
    "claim_unit": ClaimUnit,
    "annotation": Annotation,
    "prediction": Prediction,
    "gold_label": GoldLabel,
    "duplicate": Duplicate,
    "dataset_record": DatasetRecord,
}
"""Every model with a JSON Schema in ``schema/``, by file stem."""


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model``, with the schema version and label definitions embedded."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["x-claimstance-schema-version"] = _schema.SCHEMA_VERSION
    return schema


def label_sets() -> dict[str, Any]:
    """Every label set in declared order with definitions: the file versioning tests compare against."""
    sets: dict[str, type[LabelEnum]] = {**STANCE_TARGETS, "attribution": Attribution, "kind": UnitKind}
    sets["gold_origin"] = GoldOrigin
    return {
        "schema_version": _schema.SCHEMA_VERSION,  # read at call time, as the versioning tests patch it
        "labels": {
            name: [{"value": m.value, "description": m.description} for m in enum] for name, enum in sets.items()
        },
    }


def generated_files() -> dict[str, str]:
    """Every file of ``schema/`` derived from this module, by name, with its exact contents."""
    files = {
        f"{stem}.schema.json": json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for stem, model in PUBLIC_MODELS.items()
    }
    files["labels.json"] = json.dumps(label_sets(), indent=2, ensure_ascii=False) + "\n"
    return files


def export(directory: str | Path, extra: Mapping[str, str] | None = None) -> list[Path]:
    """Write every generated file (and the ``extra`` ones, by name) into ``directory``; return their paths.

    Files are written atomically, one by one.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    files = {**generated_files(), **(extra or {})}
    return [write_text_atomic(out / name, text) for name, text in sorted(files.items())]


def check(directory: str | Path, extra: Mapping[str, str] | None = None) -> None:
    """Raise :class:`SchemaDriftError` with a unified diff when ``directory`` (or an ``extra`` file) is out of date."""
    out = Path(directory)
    problems: list[str] = []
    for name, expected in sorted({**generated_files(), **(extra or {})}.items()):
        path = out / name
        actual = path.read_text(encoding="utf-8") if path.exists() else ""
        if actual != expected:
            diff = difflib.unified_diff(
                actual.splitlines(keepends=True),
                expected.splitlines(keepends=True),
                f"{path} (on disk)",
                f"{path} (generated)",
            )
            problems.append("".join(diff))
    if problems:
        raise SchemaDriftError(
            f"{len(problems)} generated file(s) in {out} are out of date",
            path=out,
            hint="run 'claimstance schema export' and commit the result",
            detail="\n".join(problems),
        )
