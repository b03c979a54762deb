"""Units of a document: noise lines dropped, paragraphs and soft wraps, clauses, and the non-claim kinds."""

from __future__ import annotations

from pathlib import Path

from claimstance.schema import Document, UnitKind
from claimstance.segment.units import unit_spans


def spans(text: str) -> list[tuple[UnitKind, str]]:
    document = Document(id="t-d0", seed_file="t.txt", text=text, raw_start=0, raw_end=len(text))
    return [(u.kind, text[u.start : u.end]) for u in unit_spans(document)]


def texts(text: str) -> list[str]:
    return [t for _, t in spans(text)]


def test_no_noise_line_of_a_raw_seed_becomes_a_unit() -> None:
    raw = (Path(__file__).resolve().parents[1] / "seeds" / "001_3d74908e3d683dad.txt").read_text(encoding="utf-8")
    found = texts(raw)
    for noise in ("-", "- Photo sessions", "- 1 September 2024 14:18", "Politics", "president.az", "- 2 September"):
        assert not any(t == noise or t.startswith(noise + " 2024") for t in found), noise
    assert not any(t.startswith(("-", "president.az")) or t == "Politics" for t in found)
    assert "Ilham Aliyev: Azerbaijan and Serbia are strategic partners" in found


def test_semicolon_joining_independent_claims_splits_into_clauses() -> None:
    got = texts("The results are final; the commission will not recount the ballots.")
    assert got == ["The results are final;", "the commission will not recount the ballots."]
    short = texts("Turnout: 37%; spoiled ballots: 2%.")
    assert short == ["Turnout: 37%; spoiled ballots: 2%."]


def test_soft_wrapped_lines_make_one_sentence() -> None:
    text = "The observers said the vote was\nwell organised. Turnout was low."
    assert texts(text) == ["The observers said the vote was\nwell organised.", "Turnout was low."]


# ------------------------------------------------------------------------------------------------ kinds


def test_datelines_greetings_and_headings_are_not_claims() -> None:
    text = (
        "Statement by the Foreign Ministry\n\nMOSCOW, Sept. 3 (Reuters) - The talks failed, the ministry said.\n\n"
        "Ladies and gentlemen,\n\nWe will continue."
    )
    got = spans(text)
    assert got == [
        (UnitKind.HEADING, "Statement by the Foreign Ministry"),
        (UnitKind.DATELINE, "MOSCOW, Sept. 3 (Reuters) -"),
        (UnitKind.CLAIM, "The talks failed, the ministry said."),
        (UnitKind.GREETING, "Ladies and gentlemen,"),
        (UnitKind.CLAIM, "We will continue."),
    ]


def test_a_headline_with_a_speaker_is_a_claim_but_a_title_is_a_heading() -> None:
    got = spans("Pashinyan: Armenia is ready to sign the treaty\nPeace talks in Brussels\nThe talks began.")
    assert got == [
        (UnitKind.CLAIM, "Pashinyan: Armenia is ready to sign the treaty"),
        (UnitKind.HEADING, "Peace talks in Brussels"),
        (UnitKind.CLAIM, "The talks began."),
    ]
