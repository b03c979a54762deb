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


# ------------------------------------------------------------------------------------------------ hard wraps


WIRE = (
    "Supporters of the former minister, who lost what he calls a rigged\n"
    "vote, built barricades in the centre of Oldtown on Saturday to keep\n"
    "the police away, a correspondent reported.\n"
    "At a rally next to the town hall that brought together thousands,\n"
    "speakers demanded a recount.\n"
    "The count went on.\n"
)


def test_hard_wrapped_wire_copy_is_cut_into_sentences_not_lines() -> None:
    assert texts(WIRE) == [
        WIRE.split("\nAt a rally")[0],
        "At a rally next to the town hall that brought together thousands,\nspeakers demanded a recount.",
        "The count went on.",
    ]


def test_a_short_line_ends_its_paragraph_in_wrapped_text() -> None:
    document = Document(id="t-d0", seed_file="t.txt", text=WIRE.strip(), raw_start=0, raw_end=len(WIRE.strip()))
    paragraphs = sorted({u.paragraph for u in unit_spans(document)})
    assert len(paragraphs) == 3  # each ends on a line shorter than the wrap width


def test_lines_of_a_narrow_block_are_never_joined() -> None:
    assert texts("John Doe\nSecretary of State\nGrand Hotel\nOldtown") == [
        "John Doe",
        "Secretary of State",
        "Grand Hotel",
        "Oldtown",
    ]


# ------------------------------------------------------------------------------------------------ transcripts


def test_speaker_tags_and_stage_directions_are_headings_of_their_own() -> None:
    got = spans("QUESTION: Is the ceasefire over?\n\nMINISTER SMITH: (Via interpreter) Thank you. It is not.")
    assert got == [
        (UnitKind.HEADING, "QUESTION:"),
        (UnitKind.CLAIM, "Is the ceasefire over?"),
        (UnitKind.HEADING, "MINISTER SMITH:"),
        (UnitKind.HEADING, "(Via interpreter)"),
        (UnitKind.CLAIM, "Thank you."),
        (UnitKind.CLAIM, "It is not."),
    ]


def test_a_by_line_under_a_title_and_a_ticker_are_headings() -> None:
    got = spans("Press conference\n\nby Secretary General Jane Doe, after the summit\n\n$ 1.7\n\nThe summit ended.")
    assert [kind for kind, _ in got] == [UnitKind.HEADING, UnitKind.HEADING, UnitKind.HEADING, UnitKind.CLAIM]


def test_a_dateline_starts_a_line_of_its_own_in_wrapped_text() -> None:
    text = (
        "Thousands of opposition supporters protested for a third day on Thursday, the\n"
        "agency said, in the largest rally since the vote of last week in the capital.\n"
        "OLDTOWN, Northland: Police stood by as the crowd marched to the square.\n"
    )
    document = Document(id="t-d0", seed_file="t.txt", text=text.strip(), raw_start=0, raw_end=len(text.strip()))
    assert len({u.paragraph for u in unit_spans(document)}) == 2
