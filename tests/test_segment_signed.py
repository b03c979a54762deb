"""Signed quotations in releases (issue 15, seventh round, third pass): '"..." – Rep. Jane Doe'."""

from __future__ import annotations

from claimstance.schema import Attribution
from claimstance.segment.signed import signature
from conftest import claim_speakers as claims

A = Attribution


def test_each_signed_quotation_is_its_signers_and_an_unsigned_one_after_it_is_nobodys() -> None:
    text = (
        "Yesterday, Senator Mary Holt (D-Ore.) and Representative Tom Field (R-Idaho) held a press conference "
        "on a bill to clean the Snake River.\n\n"
        "“This bill is long overdue. Families along the river deserve clean water.” – Senator Mary Holt\n\n"
        "“I am proud to join this effort. The river belongs to all of us.” — Rep. Tom Field\n\n"
        "“Clean water is a right. We will keep working on it.\n"
    )
    speakers = claims(text)
    assert speakers[1:3] == [("Mary Holt", A.DIRECT_QUOTE), ("Tom Field", A.DIRECT_QUOTE)]
    assert all(name is None for name, _ in speakers[3:])  # the signature closed the one before it


def test_a_signature_is_a_name_with_its_title_to_the_end_of_the_sentence_and_nothing_else() -> None:
    assert signature("“\x00\x00\x00” – Anna Berg, Minister of Justice") == (4, "Anna Berg, Minister of Justice")
    assert signature("called it “\x00\x00\x00” — Olsen has ruled since 2001") is None  # a sentence going on
    assert signature("Northland – Southland talks resume") is None  # no quotation closes before the dash
