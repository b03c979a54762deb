"""I/O at the edges: reading text and JSON Lines safely, writing atomically.

Every reader turns bad input into a :class:`~claimstance.errors.InputError` naming the file and line; every
writer writes a temporary file beside the target and renames it, so a crash or an error never leaves a
half-written file and never touches the previous version.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TypeVar

from pydantic import BaseModel, ValidationError

from claimstance.errors import DecodeError, EmptyInputError, InputError, InputTooLargeError, RecordError
from claimstance.schema import SCHEMA_VERSION

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


def parse_json(text: str, *, path: str | Path | None = None, line: int | None = None) -> object:
    """Parse JSON text; malformed, truncated or absurdly nested JSON is a ``RecordError``."""
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise RecordError("JSON nested too deeply", path=path, line=line) from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if line is None else f"column {exc.colno}"
        what = exc.msg.removesuffix(" at")  # some messages end in "at": "Invalid control character at"
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        raise RecordError(
            f"malformed JSON ({what} at {where}{', where the text ends' if truncated else ''})",
            path=path,
            line=line,
            hint="the JSON is cut short: write or download it again" if truncated else None,
        ) from None
    except ValueError as exc:  # _no_constant
        raise RecordError(str(exc), path=path, line=line, hint="write numbers as numbers, or null") from None
    if _depth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise RecordError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", path=path, line=line)
    return value


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


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, parsed value)`` for every non-blank line of a JSONL file, streaming."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=p, hint="check the path") from None
    with fh:
        limit = MAX_LINE_CHARS
        # readline with a limit: a file without newlines (a disk image) is never read whole into memory.
        for number, raw in enumerate(iter(lambda: fh.readline(limit + 1), b""), start=1):
            if len(raw) > limit:
                raise InputTooLargeError(f"record is over {limit // 2**20} MB", path=p, line=number)
            if number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise DecodeError("file is UTF-16, not UTF-8", path=p, hint="convert it with: iconv -f UTF-16 -t UTF-8")
            if b"\x00" in raw:
                raise DecodeError("NUL byte in record (binary, not JSON Lines)", path=p, line=number)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise DecodeError("not valid UTF-8", path=p, line=number, hint="convert the file to UTF-8") from None
            if number == 1:
                text = text.removeprefix("\ufeff")
            if not text.strip():
                continue
            yield number, parse_json(text, path=p, line=number)


def read_jsonl(path: str | Path, model: type[M]) -> Iterator[M]:
    """Stream the records of a JSONL file as ``model`` instances; the first bad line raises.

    Records with an ``id`` must not repeat one (a second unit or annotation with the same id would be
    pushed, counted or published twice).
    """
    seen: dict[str, int] = {}
    for number, value in iter_json_lines(path):
        record = validate_record(model, value, path=path, line=number)
        ident = getattr(record, "id", None)
        if isinstance(ident, str):
            first = seen.setdefault(ident, number)
            if first != number:
                raise RecordError(
                    f"duplicate id {ident!r} (first on line {first})",
                    path=path,
                    line=number,
                    hint="remove one of the two records",
                )
        yield record


def read_jsonl_checked(path: str | Path, model: type[M]) -> list[M]:
    """Read a whole JSONL file, refusing an empty one; used where a stage needs every record."""
    records = list(read_jsonl(path, model))
    if not records:
        raise EmptyInputError(f"no {model.__name__} records", path=path)
    return records


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


@contextlib.contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO[str]]:
    """Open a temporary file beside ``path``; on success rename it over ``path``, on error remove it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600): give it the mode of the file it replaces, or the usual one.
        os.chmod(tmp, _mode_of(target))
        with os.fdopen(fd, mode, encoding="utf-8", newline="\n") as fh:
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


def write_jsonl(path: str | Path, records: Iterable[BaseModel], *, empty: InputError | None = None) -> int:
    """Write records as JSON Lines atomically (streaming: records may be a generator); return the count.

    With ``empty``, no records raises that error instead, and a file already at ``path`` is left as it was.
    """
    count = 0
    with atomic_writer(path) as fh:
        for record in records:
            fh.write(dump_record(record))
            fh.write("\n")
            count += 1
        if count == 0 and empty is not None:
            raise empty
    return count
