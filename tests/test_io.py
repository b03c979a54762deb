"""Reading is strict and names the file and line; writing is atomic."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from claimstance import io
from claimstance.errors import (
    ClaimstanceError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    RecordError,
)
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


def test_a_missing_file_is_refused_before_the_stream_is_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file \(make it first\)"):
        io.read_jsonl(tmp_path / "units.jsonl", Document, missing_hint="make it first")
    with pytest.raises(InputError, match="is a folder"):
        io.read_jsonl(tmp_path, Document)


def test_a_bom_starts_the_first_line_only(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\xef\xbb\xbf\n" + _doc_line().encode() + b"\n")
    assert [number for number, _ in io.iter_json_lines(path)] == [2]


def test_lenient_reading_reports_each_bad_line_and_keeps_going(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [b"{}", b"\x00\x01", b"caf\xe9", b"", b'{"id": ', b"NaN", b"[1]"]
    path.write_bytes(b"\n".join(lines) + b"\n")
    errors: list[ClaimstanceError] = []
    values = list(io.iter_json_lines(path, errors=errors))
    assert values == [(1, {}), (7, [1])]
    assert [(e.line, type(e)) for e in errors] == [
        (2, DecodeError),
        (3, DecodeError),
        (5, RecordError),
        (6, RecordError),
    ]
    assert "NUL byte" in errors[0].message and "malformed JSON" in errors[2].message
    with pytest.raises(DecodeError) as info:  # strict: the first bad line stops the reading
        list(io.iter_json_lines(path))
    assert info.value.line == 2


def test_lenient_reading_still_stops_at_a_line_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io, "MAX_LINE_CHARS", 100)
    path = tmp_path / "docs.jsonl"
    path.write_text("{}\n" + "x" * 500 + "\n{}\n")
    errors: list[ClaimstanceError] = []
    with pytest.raises(InputTooLargeError) as info:
        list(io.iter_json_lines(path, errors=errors))
    assert info.value.line == 2 and errors == []


def test_check_jsonl_recognises_the_record_type_and_reports_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = ['{"what": 1}', _doc_line(), "{oops", '{"seed_file": "a.txt"}', _doc_line()]
    path.write_text("\n".join(lines) + "\n")
    good, errors = io.check_jsonl(path)
    assert good == 1
    assert [(e.line, e.message.split(" (")[0][:30]) for e in errors] == [
        (1, "cannot tell which record type "),
        (3, "malformed JSON"),
        (4, "not a valid Document: id: Fiel"),
        (5, "duplicate id 'a-d01'"),
    ]
    good, errors = io.check_jsonl(path, Document)
    assert good == 1 and "not a valid Document" in errors[0].message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (None, "no such file"),
        (b"", "no records"),
        ("UTF-16 text\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_check_jsonl_reports_a_bad_file_once(tmp_path: Path, data: bytes | None, words: str) -> None:
    path = tmp_path / "docs.jsonl"
    if data is not None:
        path.write_bytes(data)
    good, errors = io.check_jsonl(path)
    assert good == 0 and len(errors) == 1 and words in errors[0].message


def test_write_jsonl_writes_what_model_dump_json_gives(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    doc = Document(id="ä-d01", seed_file="ä.txt", text="Qu\u2019il «dit»\n\u2028", raw_start=0, raw_end=10)
    io.write_jsonl(path, [doc])
    assert path.read_bytes() == (doc.model_dump_json() + "\n").encode("utf-8")


def test_bytes_are_written_atomically_with_the_replaced_files_mode(tmp_path: Path) -> None:
    fresh, kept = tmp_path / "new.bin", tmp_path / "old.bin"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    io.write_bytes_atomic(fresh, b"\x00\x01")
    io.write_bytes_atomic(kept, b"new")
    assert fresh.read_bytes() == b"\x00\x01" and kept.read_bytes() == b"new"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert stat.S_IMODE(fresh.stat().st_mode) != 0o600  # the umask's mode, not mkstemp's private one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bin", "old.bin"]
