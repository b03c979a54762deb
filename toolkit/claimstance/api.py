"""The library API a researcher calls from Python; the CLI is a thin layer over these functions.

Stage modules never import each other; this module is where stages meet: it reads a stage's input from
disk, calls the stage, and writes its output atomically. Heavy stages (Label Studio, datasets) are imported
inside the functions that need them, so ``import claimstance.api`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from claimstance import io
from claimstance import schema as _schema
from claimstance.errors import ClaimstanceError, DecodeError, EmptyInputError, InputError
from claimstance.schema import Annotation, ClaimUnit, Document, GoldLabel

T = TypeVar("T")
Tracker = Callable[[Iterable[T]], Iterable[T]]

RECORD_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "claim_unit": ClaimUnit,
    "annotation": Annotation,
    "gold_label": GoldLabel,
}
"""Record types that live in JSONL files, by the name ``claimstance validate --model`` takes."""


def _identity(items: Iterable[T]) -> Iterable[T]:
    return items


def ingest(seeds: Iterable[str | Path], out: str | Path, *, progress: Tracker[Document] | None = None) -> int:
    """Ingest seed files or folders into a documents JSONL file; return the number of documents."""
    from claimstance.ingest import ingest_paths

    track = progress or _identity
    count = io.write_jsonl(out, track(ingest_paths(seeds)))
    if count == 0:
        raise EmptyInputError("no documents found", path=", ".join(str(s) for s in seeds))
    return count


def _count_lines(path: str | Path) -> int | None:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return None


def segment(
    documents: str | Path,
    out: str | Path,
    *,
    workers: int = 1,
    progress: Callable[[Iterable[Document], int | None], Iterable[Document]] | None = None,
) -> int:
    """Segment a documents JSONL file into a claim units JSONL file; return the number of units.

    The input is validated while it streams; the first bad record stops the run and ``out`` is untouched.
    """
    from claimstance.segment import segment_documents

    docs: Iterable[Document] = io.read_jsonl(documents, Document)
    if progress is not None:
        docs = progress(docs, _count_lines(documents))
    count = io.write_jsonl(out, segment_documents(docs, workers=workers))
    if count == 0:
        raise EmptyInputError("no documents to segment", path=documents)
    return count


def detect_model(value: object) -> str:
    """Recognise the record type of one parsed JSON object by its distinctive fields."""
    if isinstance(value, dict):
        keys = set(value)
        if "seed_file" in keys:
            return "document"
        if "ls_task_id" in keys or "annotator" in keys:
            return "annotation"
        if "origin" in keys and "target" in keys:
            return "gold_label"
        if "doc_id" in keys and "char_start" in keys:
            return "claim_unit"
    raise InputError("cannot tell which record type this is", hint="pass --model")


def validate(path: str | Path, *, model: str | None = None) -> tuple[int, list[ClaimstanceError]]:
    """Check every record of a JSONL file; return the number of good records and one error per bad line.

    Unlike the stage readers, this keeps going after a bad line so a user can fix them all at once.
    Also reports duplicate ids and a schema version this toolkit does not read.
    """
    good = 0
    errors: list[ClaimstanceError] = []
    seen: dict[str, int] = {}
    name = model
    try:
        for number, value in _iter_lenient(path, errors):
            try:
                if name is None:
                    name = detect_model(value)
                record = io.validate_record(RECORD_MODELS[name], value, path=path, line=number)
            except ClaimstanceError as exc:
                if exc.line is None:
                    exc = type(exc)(exc.message, path=path, line=number, hint=exc.hint)
                errors.append(exc)
                continue
            problem = _version_problem(record)
            ident = getattr(record, "id", None)
            if problem is None and isinstance(ident, str) and ident in seen:
                problem = f"duplicate id {ident!r} (first on line {seen[ident]})"
            if problem:
                errors.append(InputError(problem, path=path, line=number))
                continue
            if isinstance(ident, str):
                seen[ident] = number
            good += 1
    except ClaimstanceError as exc:
        errors.append(exc)
    if good == 0 and not errors:
        errors.append(EmptyInputError("no records", path=path))
    return good, errors


def _iter_lenient(path: str | Path, errors: list[ClaimstanceError]) -> Iterator[tuple[int, object]]:
    """Like :func:`io.iter_json_lines`, but a malformed line is recorded and skipped, not fatal."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path=p, hint="check the path")
    with p.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                if b"\x00" in raw:
                    raise DecodeError("NUL byte in record (binary, not JSON Lines)", path=p, line=number)
                try:
                    text = raw.decode("utf-8").removeprefix("\ufeff")
                except UnicodeDecodeError:
                    raise DecodeError("not valid UTF-8", path=p, line=number) from None
                yield number, io.parse_json(text, path=p, line=number)
            except ClaimstanceError as exc:
                errors.append(exc)


def _version_problem(record: BaseModel) -> str | None:
    version = getattr(record, "schema_version", None)
    if not isinstance(version, str):
        return None
    ours = _schema.SCHEMA_VERSION.split(".")[0]
    if version.split(".")[0] != ours:
        return f"schema_version {version} is not readable by this toolkit (schema {_schema.SCHEMA_VERSION})"
    return None


def schema_export(directory: str | Path = "schema") -> list[Path]:
    """Write the generated schema files (JSON Schemas, labels, labeling config) into ``directory``."""
    return _schema.export(directory)


def schema_check(directory: str | Path = "schema") -> None:
    """Raise :class:`~claimstance.errors.SchemaDriftError` with a diff when ``directory`` is out of date."""
    _schema.check(directory)
