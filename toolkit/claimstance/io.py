"""I/O at the edges: reading text and JSON Lines safely, writing atomically.

Every reader turns bad input into a :class:`~claimstance.errors.InputError` naming the file and line; every
writer writes a temporary file beside the target and renames it, so a crash or an error never leaves a
half-written file and never touches the previous version.

JSON Lines go through the ``jsonlines`` package: its ``Reader`` reads the lines of a bounded ``readline``
with a strict ``loads`` (:func:`parse_json`'s rules), its ``Writer`` writes into the atomic writer.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, TypeVar, overload

import jsonlines
import pydantic_core
from pydantic import BaseModel, ValidationError

from claimstance.errors import (
    ClaimstanceError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    RecordError,
)
from claimstance.schema import SCHEMA_VERSION, detect_model

M = TypeVar("M", bound=BaseModel)

MAX_TEXT_BYTES = 64 * 1024 * 1024
"""Largest seed text accepted (a 50 MB single line is fine; a stray disk image is not)."""
MAX_LINE_CHARS = 4 * MAX_TEXT_BYTES
"""Longest JSONL record accepted, in bytes: a unit of a one-line seed holds its text twice (text and context),
JSON-escaped, so every file a stage writes from an accepted seed is one the next stage reads."""
MAX_JSON_DEPTH = 64


def read_text(path: str | Path, *, max_bytes: int | None = None) -> str:
    """Read a UTF-8 text file (a UTF-8 BOM is dropped); raise an ``InputError`` naming the file otherwise.

    Newlines are kept as they are (no universal-newline translation) so that offsets into the returned
    string are offsets into the file's characters.
    """
    p = Path(path)
    limit = MAX_TEXT_BYTES if max_bytes is None else max_bytes
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError("is a folder, not a text file", path=p, hint="pass a .txt file or a folder of them")
        if size > limit:
            raise InputTooLargeError(
                f"file is {size / 1e6:.0f} MB, over the {limit / 1e6:.0f} MB limit",
                path=p,
                hint="split it into smaller files",
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=p, hint="check the path") from None
    except PermissionError:
        raise InputError("permission denied", path=p) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("file is UTF-16, not UTF-8", path=p, hint="convert it with: iconv -f UTF-16 -t UTF-8")
    if b"\x00" in data:
        raise DecodeError("file holds NUL bytes (binary, not text)", path=p, hint="pass a UTF-8 .txt file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            path=p,
            line=line,
            hint="convert the file to UTF-8",
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyInputError("file is empty", path=p, hint="remove it or add text")
    return text


def _depth(value: object, limit: int) -> int:
    stack: list[tuple[object, int]] = [(value, 1)]
    deepest = 0
    while stack:
        item, d = stack.pop()
        deepest = max(deepest, d)
        if d > limit:
            return d
        if isinstance(item, dict):
            stack.extend((v, d + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, d + 1) for v in item)
    return deepest


def _no_constant(name: str) -> object:
    # Python's json reads NaN and Infinity, which JSON does not have; no tool we read from writes them.
    raise ValueError(f"{name} is not a JSON value")


def _strict_loads(text: str | bytes, *, one_line: bool = True) -> object:
    """``json.loads`` with the limits of every reader here; a ``RecordError`` that does not say where yet."""
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise RecordError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno} column {exc.colno}"
        what = exc.msg.removesuffix(" at")  # some messages end in "at": "Invalid control character at"
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        raise RecordError(
            f"malformed JSON ({what} at {where}{', where the text ends' if truncated else ''})",
            hint="the JSON is cut short: write or download it again" if truncated else None,
        ) from None
    except ValueError as exc:  # _no_constant
        raise RecordError(str(exc), hint="write numbers as numbers, or null") from None
    if _depth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise RecordError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _located(error: ClaimstanceError, path: str | Path | None, line: int | None) -> ClaimstanceError:
    return type(error)(error.message, path=path, line=line, hint=error.hint)


def parse_json(text: str, *, path: str | Path | None = None, line: int | None = None) -> object:
    """Parse JSON text; malformed, truncated or absurdly nested JSON is a ``RecordError``.

    With ``line``, ``text`` is that line of ``path`` and a position in it is a column; without, a position
    is a line and column of ``text``.
    """
    try:
        return _strict_loads(text, one_line=line is not None)
    except RecordError as exc:
        raise _located(exc, path, line) from None


def _validation_summary(exc: ValidationError) -> str:
    first = exc.errors()[0]
    loc = ".".join(str(x) for x in first["loc"]) or "record"
    more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{loc}: {first['msg']}{more}"


def _check_version(model: type[BaseModel], value: dict[str, object], path: str | Path | None, line: int | None) -> None:
    """A record of another major schema version means other labels or fields: refuse it rather than misread it."""
    version = value.get("schema_version")
    if "schema_version" not in model.model_fields or not isinstance(version, str):
        return
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise RecordError(
            f"schema_version {version} is not readable by this toolkit (schema {SCHEMA_VERSION})",
            path=path,
            line=line,
            hint="make the file again with this version of claimstance, or use the version that wrote it",
        )


def validate_record(model: type[M], value: object, *, path: str | Path | None = None, line: int | None = None) -> M:
    """Validate one parsed JSON value as ``model``; a mismatch is a ``RecordError`` naming field and line.

    A record of another major ``schema_version`` is refused too: its labels may mean something else.
    """
    if not isinstance(value, dict):
        raise RecordError(f"expected a JSON object, got {type(value).__name__}", path=path, line=line)
    _check_version(model, value, path, line)
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise RecordError(f"not a valid {model.__name__}: {_validation_summary(exc)}", path=path, line=line) from None


class _Lines:
    """A JSONL file's lines as text for ``jsonlines.Reader``, read with a bounded ``readline`` and checked.

    ``number`` is the number of the line read last. With ``errors``, a line that is not UTF-8 text is added
    to it and handed on as a blank line, which the reader skips, so its line numbers stay the file's.
    """

    def __init__(self, fh: IO[bytes], path: Path, errors: list[ClaimstanceError] | None) -> None:
        self._fh = fh
        self._path = path
        self._errors = errors
        self.number = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        # readline with a limit: a file without newlines (a disk image) is never read whole into memory.
        raw = self._fh.readline(MAX_LINE_CHARS + 1)
        if not raw:
            raise StopIteration
        self.number += 1
        if len(raw) > MAX_LINE_CHARS:
            raise InputTooLargeError(f"record is over {MAX_LINE_CHARS // 2**20} MB", path=self._path, line=self.number)
        if self.number == 1:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise DecodeError(
                    "file is UTF-16, not UTF-8", path=self._path, hint="convert it with: iconv -f UTF-16 -t UTF-8"
                )
            raw = raw.removeprefix(codecs.BOM_UTF8)  # so that a first line holding only a BOM is blank
        try:
            return self._decode(raw)
        except DecodeError as exc:
            if self._errors is None:
                raise
            self._errors.append(exc)
            return ""

    def _decode(self, raw: bytes) -> str:
        if b"\x00" in raw:
            raise DecodeError("NUL byte in record (binary, not JSON Lines)", path=self._path, line=self.number)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise DecodeError(
                "not valid UTF-8", path=self._path, line=self.number, hint="convert the file to UTF-8"
            ) from None


def _jsonl_file(path: str | Path, missing_hint: str | None) -> Path:
    """``path``, once it is known to be a file: a missing one is refused before anything is read."""
    p = Path(path)
    if p.is_dir():
        raise InputError("is a folder, not a JSON Lines file", path=p, hint="pass a .jsonl file")
    if not p.exists():
        raise InputError("no such file", path=p, hint=missing_hint or "check the path")
    return p


def iter_json_lines(
    path: str | Path, *, errors: list[ClaimstanceError] | None = None, missing_hint: str | None = None
) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, parsed value)`` for every non-blank line of a JSONL file, streaming.

    The first bad line raises. With ``errors`` the reading is lenient: a line that is not UTF-8 or not JSON
    is added to ``errors`` and skipped (a line over the size limit and a UTF-16 file still raise). A missing
    file raises at once, with ``missing_hint`` as what to do.
    """
    return _json_lines(_jsonl_file(path, missing_hint), errors)


def _json_lines(path: Path, errors: list[ClaimstanceError] | None) -> Iterator[tuple[int, object]]:
    with path.open("rb") as fh:
        lines = _Lines(fh, path, errors)
        reader = jsonlines.Reader(lines, loads=_strict_loads)
        while True:
            try:
                value = reader.read(allow_none=True, skip_empty=True)
            except EOFError:
                return
            except jsonlines.InvalidLineError as exc:
                cause = exc.__cause__
                assert isinstance(cause, RecordError)  # _strict_loads is the only source of invalid lines
                error = _located(cause, path, exc.lineno)
                if errors is None:
                    raise error from None
                errors.append(error)
                continue
            yield lines.number, value


def _check_unique(record: BaseModel, line: int, seen: dict[str, int], path: str | Path) -> None:
    """Records with an ``id`` must not repeat one (a unit or annotation would be pushed, counted or published twice)."""
    ident = getattr(record, "id", None)
    if isinstance(ident, str):
        first = seen.setdefault(ident, line)
        if first != line:
            raise RecordError(
                f"duplicate id {ident!r} (first on line {first})",
                path=path,
                line=line,
                hint="remove one of the two records",
            )


def read_jsonl(path: str | Path, model: type[M], *, missing_hint: str | None = None) -> Iterator[M]:
    """Stream the records of a JSONL file as ``model`` instances; the first bad line raises.

    Records with an ``id`` must not repeat one. A missing file raises at once (before the stream is read),
    with ``missing_hint`` as what to do.
    """
    return _records(iter_json_lines(path, missing_hint=missing_hint), path, model)


def _records(lines: Iterator[tuple[int, object]], path: str | Path, model: type[M]) -> Iterator[M]:
    seen: dict[str, int] = {}
    for number, value in lines:
        record = validate_record(model, value, path=path, line=number)
        _check_unique(record, number, seen, path)
        yield record


def read_jsonl_checked(path: str | Path, model: type[M]) -> list[M]:
    """Read a whole JSONL file, refusing an empty one; used where a stage needs every record."""
    records = list(read_jsonl(path, model))
    if not records:
        raise EmptyInputError(f"no {model.__name__} records", path=path)
    return records


def check_jsonl(path: str | Path, model: type[BaseModel] | None = None) -> tuple[int, list[ClaimstanceError]]:
    """Check every record of a JSONL file; return the number of good records and one error per bad line.

    Unlike :func:`read_jsonl`, this reads leniently and keeps going after a bad line (bad JSON, a schema
    violation, a repeated id), so a user can fix them all at once. Without ``model``, the record type is the
    one :func:`~claimstance.schema.detect_model` recognises in the first record it can.
    """
    errors: list[ClaimstanceError] = []
    seen: dict[str, int] = {}
    good = 0
    try:
        for number, value in iter_json_lines(path, errors=errors):
            model = model or detect_model(value)
            if model is None:
                errors.append(
                    InputError("cannot tell which record type this is", path=path, line=number, hint="pass --model")
                )
                continue
            try:
                _check_unique(validate_record(model, value, path=path, line=number), number, seen, path)
            except RecordError as exc:
                errors.append(exc)
                continue
            good += 1
    except ClaimstanceError as exc:  # the file as a whole: missing, UTF-16, a line over the limit
        errors.append(exc)
    if good == 0 and not errors:
        errors.append(EmptyInputError("no records", path=path))
    return good, errors


def count_lines(path: str | Path) -> int | None:
    """Lines in a file (the records of a JSONL file, for progress bars), or None if unreadable."""
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return None


def dump_record(record: BaseModel) -> str:
    """One record as a compact, deterministic JSON line (no newline)."""
    return record.model_dump_json(exclude_none=False)


def _mode_of(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@overload
def atomic_writer(
    path: str | Path, mode: Literal["w"] = "w", *, private: bool = False
) -> contextlib.AbstractContextManager[IO[str]]: ...


@overload
def atomic_writer(
    path: str | Path, mode: Literal["wb"], *, private: bool = False
) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_writer(
    path: str | Path, mode: Literal["w", "wb"] = "w", *, private: bool = False
) -> contextlib.AbstractContextManager[IO[Any]]:
    """Open a temporary file beside ``path`` for text (``"w"``, UTF-8) or bytes (``"wb"``).

    On success the file is flushed to disk and renamed over ``path``, with the mode of the file it replaces
    (or the usual one; ``private``: owner-only, 0600, from the first byte); on error it is removed and
    ``path`` is left as it was.
    """
    return _atomic_writer(Path(path), mode, private)


@contextlib.contextmanager
def _atomic_writer(target: Path, mode: str, private: bool) -> Iterator[IO[Any]]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if not private:  # mkstemp makes the file private (0600): give it the mode of the file it replaces
            os.chmod(tmp, _mode_of(target))
        fh: IO[Any] = os.fdopen(fd, "wb") if mode == "wb" else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically; return the path."""
    with atomic_writer(path) as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with atomic_writer(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def write_jsonl(path: str | Path, records: Iterable[BaseModel], *, empty: InputError | None = None) -> int:
    """Write records as JSON Lines atomically (streaming: records may be a generator); return the count.

    Each line is the record's ``model_dump_json`` (the same serializer, straight to UTF-8 bytes). With
    ``empty``, no records raises that error instead, and a file already at ``path`` is left as it was.
    """
    count = 0
    with atomic_writer(path, "wb") as fh, jsonlines.Writer(fh, dumps=pydantic_core.to_json) as writer:
        for record in records:
            writer.write(record)
            count += 1
        if count == 0 and empty is not None:
            raise empty
    return count
