"""Sharded corpora: inputs cut into contiguous pieces, read in tasks, written as one shard per task.

A run is planned before any task starts: the inputs (``.txt`` pages, JSON Lines or Parquet documents, local or
behind an fsspec URL) are listed in the order one process reads them and cut into ``tasks`` contiguous slices of
about the same size (a page is never cut; JSON Lines at line starts; Parquet between row groups). Task ``r`` reads
slice ``r`` and writes shard ``r``, so the shards laid end to end hold the records in one process's order.
Records travel between datatrove steps as the validated models (:func:`carry`, :func:`record_of`), and every
problem with an input is an :class:`~claimstance.errors.InputError` naming the file (and line or row).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, TypeVar, get_args, get_origin

from datatrove.data import Document as Carrier
from pydantic import BaseModel

from claimstance import io
from claimstance.errors import ClaimstanceError, DecodeError, InputError, InputTooLargeError, RecordError

if TYPE_CHECKING:
    import pyarrow as pa
    from fsspec import AbstractFileSystem

M = TypeVar("M", bound=BaseModel)
Format = Literal["txt", "jsonl", "parquet"]
RECORD = "record"
"""The key of a carrier's metadata that holds the claimstance record (or :class:`Page`)."""


class Piece(TypedDict):
    """A contiguous slice of one input file, read by one task (saved in the run's ``plan.json``)."""

    path: str
    """The file as the user named it (in error messages)."""
    url: str
    """Where to read it from any working folder: an absolute local path, or the URL."""
    format: Format
    start: int
    """First byte (JSON Lines) or row group (Parquet); 0 for a page."""
    end: int | None
    """Byte or row group just past the slice; None for the end of the file."""
    line: int
    """Number of the slice's first line (JSON Lines) or row (Parquet), from 1."""


@dataclass(frozen=True, slots=True)
class Page:
    """A raw seed page, before ingest cuts it into documents."""

    path: str
    name: str
    raw: str


def carry(record: BaseModel | Page) -> Carrier:
    """Wrap a record for datatrove: its text and id on the carrier, the record itself in its metadata."""
    if isinstance(record, Page):
        return Carrier(text=record.raw, id=record.path, metadata={RECORD: record})
    return Carrier(text=getattr(record, "text", ""), id=getattr(record, "id", ""), metadata={RECORD: record})


def record_of(carrier: Carrier) -> BaseModel | Page:
    """The record a carrier holds."""
    record: BaseModel | Page = carrier.metadata[RECORD]
    return record


# ------------------------------------------------------------------------------------------------ listing


def _is_url(path: str) -> bool:
    return "://" in path


def _fs(path: str) -> tuple[AbstractFileSystem, str]:
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(path)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package is missing
        raise InputError(f"cannot open this URL ({exc})", path=path, hint="check the URL's protocol") from None
    return fs, root


def _absolute(path: str) -> str:
    """The path from any working folder (its folder resolved once, not each of a folder's many files)."""
    if _is_url(path):
        return path
    folder, name = os.path.split(path)
    return os.path.join(_resolved(folder or "."), name)


@functools.lru_cache(maxsize=256)
def _resolved(folder: str) -> str:
    return str(Path(folder).resolve())


def _format(name: str) -> Format:
    if name.endswith(".txt"):
        return "txt"
    return "parquet" if name.endswith(".parquet") else "jsonl"


def _expand(given: str) -> list[str]:
    """The files an input names: itself, or a folder's ``.txt`` files, else its ``.jsonl``, else ``.parquet``."""
    if not _is_url(given):
        p = Path(given)
        if p.is_file():
            return [given]
        if not p.is_dir():
            raise InputError("no such file or folder", path=given, hint="check the path")
        with os.scandir(p) as entries:  # one pass, no stat per file: a corpus folder may hold 100,000s
            names = [e.name for e in entries if e.name[0] != "." and e.is_file()]
        for suffix in (".txt", ".jsonl", ".parquet"):
            chosen = sorted(name for name in names if name.endswith(suffix))
            if chosen:
                return [str(p / name) for name in chosen]
        raise InputError("folder holds no .txt, .jsonl or .parquet files", path=given, hint="pass a folder of them")
    fs, root = _fs(given)
    try:
        if not fs.isdir(root):
            if not fs.isfile(root):
                raise InputError("no such file or folder", path=given, hint="check the URL")
            return [given]
        base = given.rstrip("/")
        for suffix in (".txt", ".jsonl", ".parquet"):
            names = sorted(Path(f).name for f in fs.glob(f"{root.rstrip('/')}/*{suffix}"))
            if names:
                return [f"{base}/{name}" for name in names if name[0] != "."]
    except ClaimstanceError:
        raise
    except Exception as exc:  # fsspec backends raise their own types (aiohttp, botocore, ...): name the URL
        raise InputError(f"cannot list ({type(exc).__name__}: {exc})", path=given, hint="check the URL") from None
    raise InputError("folder holds no .txt, .jsonl or .parquet files", path=given, hint="pass a folder of them")


def list_inputs(inputs: Iterable[str | Path]) -> list[tuple[str, Format]]:
    """Every input file with its format, in the order the single-process stages read them.

    Seed pages are ordered and checked as :func:`claimstance.ingest.seed_files` orders and checks them (by name,
    each once, no two with the same name); pages and document files cannot be mixed in one run.
    """
    files = [path for given in inputs for path in _expand(str(given))]
    if not files:
        raise InputError("no input given", hint="pass seed .txt files, or documents as .jsonl or .parquet")
    formats = {_format(f) for f in files}
    if "txt" in formats and len(formats) > 1:
        raise InputError(
            "seed .txt pages and document files are mixed", path=files[0], hint="segment them in separate runs"
        )
    if "txt" not in formats:
        return [(f, _format(f)) for f in files]
    found: dict[str, str] = {}
    for f in files:
        found.setdefault(_absolute(f), f)
    by_stem: dict[str, str] = {}
    for f in found.values():
        stem = Path(f).stem
        other = by_stem.setdefault(stem, f)
        if other != f:
            raise InputError(
                f"two seed files share the name {stem!r} ({other} and {f})",
                path=f,
                hint="rename one: document ids are made from the file name",
            )
    return [(f, "txt") for f in sorted(found.values(), key=lambda f: (Path(f).name, f))]


def describe(path: str) -> tuple[int, str]:
    """A file's size and what changes when it changes (size and modification time, or the store's own key)."""
    if not _is_url(path):
        try:
            info = os.stat(path)
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", path=path) from None
        return info.st_size, f"{info.st_size}:{info.st_mtime_ns}"
    fs, root = _fs(path)
    try:
        return int(fs.size(root)), str(fs.ukey(root))
    except Exception as exc:  # see _expand: any backend error names the file
        raise InputError(f"cannot read ({type(exc).__name__}: {exc})", path=path) from None


# ------------------------------------------------------------------------------------------------ planning


def _line_starts(path: str, cuts: list[int]) -> list[tuple[int, int]]:
    """For each byte offset in ``cuts`` (ascending), the next line start at or after it and its line number."""
    found: list[tuple[int, int]] = []
    with open(path, "rb") as fh:
        position, line = 0, 1
        for cut in cuts:
            if position < cut:  # else the line start found for an earlier cut is past this one too
                while position < cut - 1:  # count the newlines before the cut, a MiB at a time
                    chunk = fh.read(min(1 << 20, cut - 1 - position))
                    if not chunk:
                        break
                    line += chunk.count(b"\n")
                    position += len(chunk)
                rest = fh.readline()
                position += len(rest)
                line += rest.endswith(b"\n")
            found.append((position, line))
    return found


def _row_groups(path: str) -> list[tuple[int, int]]:
    """(rows, bytes) of every row group of a Parquet file."""
    import pyarrow.parquet as pq

    fs, root = _fs(path)
    with fs.open(root, "rb") as fh:
        meta = pq.ParquetFile(fh).metadata
        return [(meta.row_group(i).num_rows, meta.row_group(i).total_byte_size) for i in range(meta.num_row_groups)]


def plan(files: list[tuple[str, Format]], sizes: list[int], tasks: int) -> list[list[Piece]]:
    """Cut the files (of the given sizes) into ``tasks`` contiguous slices of about equal size (some may be empty).

    Slice ``r`` comes before slice ``r + 1`` in reading order, so shards concatenated in task order hold what
    one process would have written.
    """
    total = max(1, sum(sizes))

    def task_at(position: int) -> int:
        return min(tasks - 1, position * tasks // total)

    slices: list[list[Piece]] = [[] for _ in range(tasks)]
    offset = 0
    for (path, fmt), size in zip(files, sizes, strict=True):
        if fmt == "jsonl" and not _is_url(path) and tasks > 1:
            bounds = [-(-total * t // tasks) - offset for t in range(1, tasks)]  # ceiling: a cut opens task t
            starts = [(0, 1), *_line_starts(path, [b for b in bounds if 0 < b < size])]
            ends = [s for s, _ in starts[1:]] + [size]
            for (start, line), end in zip(starts, ends, strict=True):
                if end > start:
                    slices[task_at(offset + start)].append(
                        Piece(path=path, url=_absolute(path), format=fmt, start=start, end=end, line=line)
                    )
        elif fmt == "parquet" and tasks > 1:
            groups = _row_groups(path)
            weight = max(1, sum(b for _, b in groups))
            position, row = 0, 1
            for index, (rows, size_bytes) in enumerate(groups):
                task = task_at(offset + (position + size_bytes // 2) * size // weight)
                last = slices[task][-1] if slices[task] else None
                if last is not None and last["path"] == path and last["end"] == index:
                    last["end"] = index + 1
                else:
                    slices[task].append(
                        Piece(path=path, url=_absolute(path), format=fmt, start=index, end=index + 1, line=row)
                    )
                position += size_bytes
                row += rows
        else:
            slices[task_at(offset + size // 2)].append(
                Piece(path=path, url=_absolute(path), format=fmt, start=0, end=None, line=1)
            )
        offset += size
    return slices


# ------------------------------------------------------------------------------------------------ reading


@contextlib.contextmanager
def _local_file(piece: Piece) -> Iterator[str]:
    """A local file with the piece's file's contents (the file itself when it is local).

    Errors naming that local file are raised again naming the file as the user gave it.
    """
    with contextlib.ExitStack() as stack:
        local = piece["url"]
        if _is_url(local):
            fs, root = _fs(local)
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="claimstance-"))
            local = os.path.join(folder, Path(root).name)
            try:
                fs.get_file(root, local)
            except Exception as exc:  # see _expand
                raise InputError(
                    f"cannot read ({type(exc).__name__}: {exc})", path=piece["path"], hint="check the URL"
                ) from None
        try:
            yield local
        except ClaimstanceError as exc:
            if exc.path != local:
                raise
            raise type(exc)(exc.message, path=piece["path"], line=exc.line, hint=exc.hint) from None


def _page(piece: Piece) -> Page:
    with _local_file(piece) as local:
        return Page(path=piece["path"], name=Path(piece["path"]).name, raw=io.read_text(local))


def _json_lines(piece: Piece) -> Iterator[tuple[int, object]]:
    """(line number, value) of the piece's lines, checked as :func:`claimstance.io.iter_json_lines` checks a file."""
    path, limit = piece["path"], io.MAX_LINE_CHARS
    with _local_file(piece) as local, open(local, "rb") as fh:
        fh.seek(piece["start"])
        end = piece["end"]
        number = piece["line"] - 1
        while end is None or fh.tell() < end:
            raw = fh.readline(limit + 1)
            if not raw:
                break
            number += 1
            if len(raw) > limit:
                raise InputTooLargeError(f"record is over {limit // 2**20} MB", path=path, line=number)
            if number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise DecodeError(
                    "file is UTF-16, not UTF-8", path=path, hint="convert it with: iconv -f UTF-16 -t UTF-8"
                )
            if b"\x00" in raw:
                raise DecodeError("NUL byte in record (binary, not JSON Lines)", path=path, line=number)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise DecodeError("not valid UTF-8", path=path, line=number, hint="convert the file to UTF-8") from None
            if number == 1:
                text = text.removeprefix("\ufeff")
            if text.strip():
                yield number, io.parse_json(text, path=path, line=number)


def _parquet_rows(piece: Piece) -> Iterator[tuple[int, object]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = piece["path"]
    fs, root = _fs(piece["url"])
    try:
        with fs.open(root, "rb") as fh:
            parquet = pq.ParquetFile(fh)
            end = piece["end"] if piece["end"] is not None else parquet.metadata.num_row_groups
            number = piece["line"]
            for batch in parquet.iter_batches(row_groups=range(piece["start"], end), batch_size=4096):
                for row in batch.to_pylist():
                    yield number, row
                    number += 1
    except (pa.ArrowException, OSError) as exc:
        raise DecodeError(f"not a readable Parquet file ({exc})", path=path, hint="write the file again") from None


def read_piece(piece: Piece, model: type[M]) -> Iterator[M | Page]:
    """The records of one piece: a :class:`Page` for a seed page, else ``model`` records, validated.

    Ids must not repeat within a piece (as :func:`claimstance.io.read_jsonl` refuses them within a file).
    """
    if piece["format"] == "txt":
        yield _page(piece)
        return
    rows = _parquet_rows(piece) if piece["format"] == "parquet" else _json_lines(piece)
    seen: dict[str, int] = {}
    for number, value in rows:
        record = io.validate_record(model, value, path=piece["path"], line=number)
        ident = getattr(record, "id", None)
        if isinstance(ident, str) and seen.setdefault(ident, number) != number:
            raise RecordError(f"duplicate id {ident!r} (first on line {seen[ident]})", path=piece["path"], line=number)
        yield record


# ------------------------------------------------------------------------------------------------ writing


def _arrow_type(annotation: Any) -> pa.DataType:
    import datetime
    import enum
    import types
    import typing

    import pyarrow as pa

    origin, args = get_origin(annotation), get_args(annotation)
    if origin is typing.Annotated:
        return _arrow_type(args[0])
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        if all(a in (datetime.date, datetime.datetime) for a in kept):
            return pa.string()  # JSON mode writes dates as ISO strings, and either may occur
        return _arrow_type(kept[0])
    if origin is list:
        return pa.list_(_arrow_type(args[0]))
    if origin is dict:
        return pa.map_(_arrow_type(args[0]), _arrow_type(args[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([(name, _arrow_type(f.annotation)) for name, f in annotation.model_fields.items()])
    simple = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string()}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return pa.string()
    if annotation in (datetime.date, datetime.datetime):
        return pa.string()
    return simple[annotation]


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Arrow schema of a model's JSON form (enums and dates as strings, nested models as structs)."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(field.annotation)) for name, field in model.model_fields.items()])


PARQUET_BATCH = 10_000
"""Records per Parquet row group."""


def _write_parquet(tmp: str, fs: AbstractFileSystem, records: Iterable[BaseModel], model: type[BaseModel]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(model)
    count = 0
    with fs.open(tmp, "wb") as fh, pq.ParquetWriter(fh, schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []
        for record in records:
            rows.append(record.model_dump(mode="json"))
            if len(rows) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count, rows = count + len(rows), []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return count + len(rows)


def write_shard(
    folder: str, rank: int, records: Iterable[BaseModel], *, model: type[BaseModel], fmt: Format = "jsonl"
) -> int:
    """Write one task's records as ``<folder>/<rank:05d>.<fmt>``; return how many.

    The shard appears only when complete (written beside and renamed), so a failed task leaves no partial shard
    and a rerun writes it once. JSON Lines are exactly what :func:`claimstance.io.write_jsonl` writes.
    """
    fs, root = _fs(folder)
    fs.makedirs(root, exist_ok=True)
    final = f"{root.rstrip('/')}/{shard_name(rank, fmt)}"
    tmp = f"{final}.tmp"
    try:
        if fmt == "parquet":
            count = _write_parquet(tmp, fs, records, model)
        else:
            count = 0
            with fs.open(tmp, "wb") as fh:
                for record in records:
                    fh.write(io.dump_record(record).encode("utf-8") + b"\n")
                    count += 1
        fs.mv(tmp, final)
    except BaseException:
        with contextlib.suppress(Exception):
            fs.rm(tmp)
        raise
    return count


def shard_name(rank: int, fmt: Format) -> str:
    """The file name of task ``rank``'s shard."""
    return f"{rank:05d}.{fmt}"


def count_records(path: str | Path) -> int:
    """Records in a written shard (lines of JSON Lines, rows of Parquet)."""
    p = Path(path)
    if p.suffix == ".parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(p).metadata.num_rows)
    with p.open("rb") as fh:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))


def concatenate(shards: Iterable[str | Path], out: str | Path, *, empty: InputError) -> int:
    """Lay JSON Lines shards end to end into one file, atomically; return the records written.

    With no records at all, ``empty`` is raised and a file already at ``out`` is left as it was.
    """
    count = 0
    with io.atomic_writer(out) as fh:
        for shard in shards:
            with open(shard, encoding="utf-8", newline="") as part:
                while chunk := part.read(1 << 20):
                    fh.write(chunk)
                    count += chunk.count("\n")
        if count == 0:
            raise empty
    return count


def remove_tree(path: str | Path) -> None:
    """Remove a local folder and everything in it, if it exists."""
    shutil.rmtree(path, ignore_errors=True)
