"""Sharded corpora: inputs listed as one process reads them, cut at line starts, shards written whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from claimstance import io, shards
from claimstance.errors import EmptyInputError, InputError
from claimstance.schema import ClaimUnit, Document
from hypothesis import given, settings
from hypothesis import strategies as st


def documents(n: int, size: int = 40) -> list[Document]:
    return [
        Document(id=f"a-d{k:03d}", seed_file="a.txt", text="x" * (size + k % 7), raw_start=0, raw_end=1)
        for k in range(n)
    ]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 60), st.integers(1, 9), st.booleans())
def test_pieces_cover_every_line_once_in_order(
    tmp_path_factory: pytest.TempPathFactory, n: int, tasks: int, blank: bool
) -> None:
    folder = tmp_path_factory.mktemp("plan")
    path = folder / "documents.jsonl"
    records = documents(n)
    lines = [io.dump_record(d) for d in records]
    path.write_text("\n".join(line + ("\n" if blank and k % 5 == 0 else "") for k, line in enumerate(lines)) + "\n")
    files = shards.list_inputs([path])
    slices = shards.plan(files, [path.stat().st_size], tasks)
    assert len(slices) == tasks
    pieces = [piece for task in slices for piece in task]
    assert [p["start"] for p in pieces] == sorted(p["start"] for p in pieces)
    read = [r for piece in pieces for r in shards.read_piece(piece, Document)]
    assert read == records
    raw = path.read_bytes()
    for piece in pieces:  # each piece starts at a line start, and says which line that is
        assert piece["start"] == 0 or raw[piece["start"] - 1 : piece["start"]] == b"\n"
        assert piece["line"] == raw[: piece["start"]].count(b"\n") + 1


def test_inputs_are_listed_and_checked(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.")
    (tmp_path / "b" / "x.txt").write_text("Two.")
    (tmp_path / "b" / "docs.jsonl").write_text("")
    with pytest.raises(InputError, match="two seed files share the name 'x'"):
        shards.list_inputs([tmp_path / "a", tmp_path / "b"])
    with pytest.raises(InputError, match="mixed"):
        shards.list_inputs([tmp_path / "a", tmp_path / "b" / "docs.jsonl"])
    with pytest.raises(InputError, match="no such file or folder"):
        shards.list_inputs([tmp_path / "missing"])
    with pytest.raises(InputError, match="cannot open this URL"):
        shards.list_inputs(["nosuchprotocol://bucket/corpus"])
    assert shards.list_inputs([tmp_path / "b"]) == [(str(tmp_path / "b" / "x.txt"), "txt")]


def test_a_failed_shard_leaves_nothing_behind(tmp_path: Path) -> None:
    def failing() -> Iterator[ClaimUnit]:
        yield from ()
        raise InputError("bad input", path="x")

    with pytest.raises(InputError):
        shards.write_shard(str(tmp_path), 3, failing(), model=ClaimUnit)
    assert list(tmp_path.iterdir()) == []
    assert shards.write_shard(str(tmp_path), 3, iter([]), model=ClaimUnit) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["00003.jsonl"]


def test_the_arrow_schema_follows_the_model() -> None:
    schema = shards.arrow_schema(ClaimUnit)
    assert str(schema.field("index").type) == "int64"
    assert str(schema.field("speaker").type).startswith("struct<name: string")
    assert str(shards.arrow_schema(Document).field("published").type) == "string"


def test_concatenating_nothing_is_the_given_error(tmp_path: Path) -> None:
    (tmp_path / "00000.jsonl").write_text("")
    (tmp_path / "out.jsonl").write_text("before\n")
    with pytest.raises(EmptyInputError):
        shards.concatenate([tmp_path / "00000.jsonl"], tmp_path / "out.jsonl", empty=EmptyInputError("empty"))
    assert (tmp_path / "out.jsonl").read_text() == "before\n"
