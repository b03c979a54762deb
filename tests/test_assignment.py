"""The wiring of pushes and pulls: a title is one shared project or the passes of designed assignment."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimstance import assignment, io
from claimstance.errors import InputError
from claimstance.schema import Attribution, ClaimUnit, Speaker
from conftest import FakeServer, recorded


def _units(n: int) -> list[ClaimUnit]:
    speaker = Speaker(name="A. Speaker", attribution=Attribution.REPORTED, cue="said")
    return [
        ClaimUnit(
            id=f"a-d0-u{i}", doc_id="a-d0", index=i, text=f"Unit {i}.", char_start=10 * i,
            char_end=10 * i + len(f"Unit {i}."), context=f"Unit {i}.", speaker=speaker,
        )
        for i in range(n)
    ]  # fmt: skip


def test_a_shared_push_is_refused_for_a_title_that_has_passes(fake: FakeServer, tmp_path: Path) -> None:
    passed = {**recorded("project_detail.json"), "id": 8, "title": "team-pass-1"}
    fake.on("GET", "/api/projects/", {"count": 1, "next": None, "previous": None, "results": [passed]})
    fake.on("GET", "/api/projects/8/", passed)
    units = tmp_path / "units.jsonl"
    io.write_jsonl(units, _units(2))
    with pytest.raises(InputError, match=r"project 'team' has 1 pass projects.*--annotators"):
        assignment.push(units, "team", guidelines=None, connection=fake.connect(), data_dir=tmp_path)
    assert not [r for r in fake.requests if r.method != "GET"]
