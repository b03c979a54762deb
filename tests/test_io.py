"""Reading is strict and names the file and line; writing is atomic."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimstance import io
from claimstance.errors import DecodeError, EmptyInputError, InputError, InputTooLargeError, RecordError
from claimstance.schema import Document


def _doc_line(ident: str = "a-d01") -> str:
    return Document(id=ident, seed_file="a.txt", text="Hello.", raw_start=0, raw_end=6).model_dump_json()


def test_read_text_keeps_offsets_and_drops_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffOne.\r\nTwo.".encode())
    assert io.read_text(path) == "One.\r\nTwo."


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"caf\xe9 au lait", DecodeError, "not valid UTF-8"),
        ("UTF-16 text".encode("utf-16"), DecodeError, "UTF-16"),
        (b"ELF\x00\x01\x02", DecodeError, "NUL"),
        (b"", EmptyInputError, "empty"),
        (b"  \n\n ", EmptyInputError, "empty"),
    ],
)
def test_read_text_refuses_what_is_not_utf8_text(tmp_path: Path, data: bytes, error: type, words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        io.read_text(path)
    assert words in str(info.value)
    assert str(path) in info.value.one_line()


def test_read_text_refuses_a_missing_file_and_a_huge_one(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        io.read_text(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(InputTooLargeError, match="limit"):
        io.read_text(big, max_bytes=1000)


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(_doc_line() + "\n\n" + '{"id": "x", "seed_file": "a.txt"}\n')
    records = io.read_jsonl(path, Document)
    assert next(records).id == "a-d01"
    with pytest.raises(RecordError) as info:
        next(records)
    assert info.value.line == 3
    assert "text" in info.value.one_line() and f"{path}:3" in info.value.one_line()


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('{"id": "a", ', "malformed JSON"),
        ("[" * 5000 + "]" * 5000, "nested"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_read_jsonl_refuses_malformed_records(tmp_path: Path, line: str, words: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(RecordError, match=words):
        list(io.read_jsonl(path, Document))


def test_write_jsonl_leaves_the_old_file_when_the_stream_fails(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("previous\n")

    def records():  # type: ignore[no-untyped-def]
        yield Document.model_validate_json(_doc_line())
        raise RecordError("bad record", path="in.jsonl", line=2)

    with pytest.raises(RecordError):
        io.write_jsonl(path, records())
    assert path.read_text() == "previous\n"
    assert list(tmp_path.iterdir()) == [path]


def test_write_jsonl_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    doc = Document.model_validate_json(_doc_line())
    assert io.write_jsonl(path, [doc, doc.model_copy(update={"id": "a-d02"})]) == 2
    assert [d.id for d in io.read_jsonl(path, Document)] == ["a-d01", "a-d02"]
