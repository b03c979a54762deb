"""The validation step: a speaker name must name a person, an organisation or a group."""

from __future__ import annotations

import pytest
from claimstance.segment.validate import check_name


@pytest.mark.parametrize(
    "name",
    [
        "Jane Doe",
        "Civic Platform",
        "the opposition",
        "international observers",
        "a senior official",
        "the two sides",
        "US State Department",
        "an official representative of the Northland Foreign Ministry",
        "ministers and representatives from around the world",
        "One caller",
        "US",
        "the UN",
        "Election Observation Alliance (EOA)",
    ],
)
def test_people_organisations_and_groups_pass(name: str) -> None:
    assert check_name(name) is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("in a separate statement", "clause fragment"),
        ("Despite the delays the count", "clause fragment"),
        ("Many", "clause fragment"),
        ("Secondly", "clause fragment"),
        ("which", "clause fragment"),
        ("I can", "clause fragment"),
        ("the information released", "clause fragment"),
        ("Monday", "date"),
        ("a report", "document"),
        ("the intention", "lower-case phrase"),
        ("official results", "document"),
        ("Tens of", "clause fragment"),
        ("Leaders of the", "clause fragment"),
        ("05 The interior ministry", "clause fragment"),
        ("the people I met", "clause fragment"),
        ("speaking in Oldtown on Monday", "clause fragment"),
        ("the resolutions of the Security Council", "document"),
        ("Everyone", "clause fragment"),
        ("Now", "clause fragment"),
        ("signed by Olsen and Berg", "clause fragment"),
        ("Germany)", "clause fragment"),
        ("Anna Berg (EPP, Germany", "clause fragment"),
    ],
)
def test_fragments_dates_documents_and_lower_case_phrases_are_refused(name: str, reason: str) -> None:
    assert check_name(name) == reason


def test_a_possessive_is_no_speaker() -> None:
    assert check_name("Southland's") == "clause fragment"  # "Southland's claims have no basis": a noun, no verb
    assert check_name("Northland’s") == "clause fragment"
    assert check_name("Anna Berg") is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("between Northland and Southland", "clause fragment"),
        ("amid the protests Olsen", "clause fragment"),
        ("Northland continued to mass troops", "clause fragment"),
        ("Northland Ministry of Information", None),
        ("Ambassador to the UN Karl Olsen", None),
        ("other opposition parties", None),
        ("another caller", None),
        ("some experts", "clause fragment"),
    ],
)
def test_fifth_round_loose_prepositions_infinitives_bodies_named_for_a_document_and_quantified_groups(
    name: str, reason: str | None
) -> None:
    assert check_name(name) == reason
