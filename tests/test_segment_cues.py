"""Reporting cues on sentences no seed has: stance verbs, participles, passive agents, layered sourcing."""

from __future__ import annotations

import time

import pytest
from claimstance.segment.cues import find_cue
from claimstance.segment.headlines import headline_colon, headline_cue
from claimstance.segment.spans import quote_spans


def phrase(sentence: str) -> tuple[str, str] | None:
    cue = find_cue(sentence, quote_spans(sentence))
    return (cue.phrase, cue.cue) if cue is not None else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Northland has rejected a proposal for new talks.", ("Northland", "rejected")),
        ("Southland is urging the council to act.", ("Southland", "urging")),
        ("Two callers asked about the lists, saying they were wrong.", ("Two callers", "saying")),
        ("Tens of thousands of protesters marched, claiming fraud.", ("Tens of thousands of protesters", "claiming")),
        ("Northland rejected the plan on Monday, Anna Berg said.", ("Anna Berg", "said")),
        ("Berg told the radio that the prime minister had said no.", ("the prime minister", "told that said")),
        (
            "New sanctions were imposed, announced by the Foreign Secretary today.",
            ("the Foreign Secretary", "announced"),
        ),
        ("The agency quoted John Smith as saying that the vote was fair.", ("John Smith", "quoted as saying")),
        ("The deputy, in particular, noted that the movement was old.", ("The deputy", "noted")),
        ("At a press conference in Oldtown on the eve of the meeting Smith said no.", ("Smith", "said")),
        (
            "In a statement issued late Monday, the Northland Foreign Ministry said no.",
            ("the Northland Foreign Ministry", "said"),
        ),
        ("The campaign meanwhile issued a statement saying the leader was detained.", ("The campaign", "saying")),
        ("A threatening statement by Minister John Smith shows his intentions.", None),
        ("They say it; the envoy, however, was not told.", ("They", "say")),
    ],
)
def test_a_cue_names_the_speaker_phrase(sentence: str, expected: tuple[str, str] | None) -> None:
    assert phrase(sentence) == expected


def test_told_names_no_speaker_after_it() -> None:
    assert phrase(", told the council that the city would never give in.") is None


def test_said_this_sums_up_the_sentences_before() -> None:
    cue = find_cue("Spokesman John Smith said this while commenting on the remarks.", [])
    assert cue is not None and cue.backward


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("President Jane Doe Says Northland Will Never Give In", "President Jane Doe"),
        ("Northland urges Southland to stop the exercises", "Northland"),
        ("Southland must comply with the ruling: Northland FM", "Northland FM"),
        ("Video: Jane Doe Announces a Ceasefire", "Jane Doe"),
        ("Southland: Northland says the vote was fair", "Northland"),
        ("SG Smith: the door remains open", "SG Smith"),
        ("Ministry: the border is calm", "Ministry"),
        ("Ministers meet in Oldtown", None),
    ],
)
def test_a_headline_names_its_speaker(headline: str, speaker: str | None) -> None:
    cue = headline_cue(headline)
    assert (cue.phrase if cue is not None else None) == speaker
    assert cue is None or not cue.capitals


def test_a_headline_in_capitals_is_marked_for_the_body_to_name_its_subject() -> None:
    cue = headline_cue("NORTHLAND SPOKESMAN SLAMS REMARKS")
    assert cue is not None and cue.capitals and cue.phrase == "NORTHLAND SPOKESMAN"


def test_a_tag_label_and_a_headline_in_capitals_name_nobody_but_an_acronym_does() -> None:
    assert headline_cue("Tag: Foreign Office") is None
    cue = headline_cue("PRESS RELEASE : UK announces new sanctions")
    assert cue is not None and cue.phrase == "UK"


def test_a_topic_before_a_transcripts_header_names_no_speaker() -> None:
    assert headline_colon("Northland/Southland: Statement by the Spokesperson on the border") is None
    assert headline_colon("Northland: Remarks of the High Representative at the press conference") is None
    assert headline_colon("Olsen: Statements by Southland are lies") is not None  # a claim about statements


@pytest.mark.parametrize("site", ["Sunday Times", "Kyiv Post", "Northland Herald", "Daily Mail"])
def test_an_outlet_after_a_headlines_dash_is_the_page_title_not_a_speaker(site: str) -> None:
    # "Headline - Site" is how pages title themselves; "... - Anna Berg" names a speaker
    assert headline_cue(f"Voters head to the polls - {site}") is None
    cue = headline_cue("Voters head to the polls - Anna Berg")
    assert cue is not None and cue.phrase == "Anna Berg"


def test_a_quotation_before_a_long_run_of_blanks_names_nobody() -> None:
    """A page that pads a line with thousands of blanks after a quotation: no cue, whatever follows the blanks.
    (That it is read in linear time is measured in bench/segment.py, row "a quotation, then blanks".)"""
    sentence = "“We will win,”" + " " * 10_000 + "x"
    assert find_cue(sentence, quote_spans(sentence)) is None
    padded = "“We will win,” Olsen quipped" + " " * 10_000 + "x"
    assert find_cue(padded, quote_spans(padded)) is None


def test_a_label_and_its_figure_is_no_headline_and_a_long_line_of_blanks_is_read_in_time() -> None:
    assert headline_colon("Anna Berg, NLP: 5,574,761 votes, or 52 percent.") is None
    assert headline_colon("Voter turnout: 37%") is None
    started = time.perf_counter()
    headline_colon("Anna Berg, NLP: 5" + " " * 10_000 + "x")
    assert time.perf_counter() - started < 0.5  # was minutes: four runs of blanks in a row backtracked
