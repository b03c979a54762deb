"""Speaker attribution in news reporting, fifth round (issue 15): one invented text per rule."""

from __future__ import annotations

from conftest import claim_speaker_names as names


def test_a_clause_joined_by_and_before_the_speaker_is_no_part_of_the_name() -> None:
    text = "The talks resumed on Monday and Berg said the deal was close.\n"
    assert names(text) == ["Berg"]


def test_a_name_after_a_comma_and_said_is_the_speaker_not_the_clause_before() -> None:
    text = "In answer to the shelling, Northland continued to mass troops at the border, said the Defence Ministry.\n"
    assert names(text) == ["Defence Ministry"]


def test_a_phrase_opening_with_a_preposition_is_no_speaker() -> None:
    text = (
        "Olsen, on Monday, had spoken about the so-called “roadmap” between Northland and Southland saying that "
        "the talks “must go on”.\n"
    )
    assert names(text) == ["Olsen"]
