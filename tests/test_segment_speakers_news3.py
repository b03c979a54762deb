"""Speaker attribution in news items and releases (issue 15, seventh round, third pass): one invented text per
rule."""

from __future__ import annotations

from claimstance.schema import Attribution
from claimstance.segment.validate import check_name
from conftest import claim_speakers as claims

A = Attribution


def test_he_after_a_sentence_naming_an_agreement_is_no_agreement() -> None:
    text = (
        "Chancellor Anna Berg has ruled out early elections.\n\n"
        "Instead, the chancellor called for a return to the Northland Peace Accord and to talks.\n\n"
        "“We have to rebuild trust first,” he told reporters.\n"
    )
    assert all(name != "Northland Peace Accord" for name, _ in claims(text))
    assert check_name("the Good Harbour Agreement") == "document"
    assert check_name("Agreement Party") is None  # a party named after one: its head is the party
