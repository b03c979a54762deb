"""Spans: matched quotations and trimmed offsets."""

from __future__ import annotations

from claimstance.segment.spans import quote_spans, trim


def test_quote_spans_pair_curly_and_straight_quotes_and_survive_stray_marks() -> None:
    lavrov = "Lavrov said that “If they want talks without us, then \"for God's sake,” Lavrov said."
    [(a, b)] = quote_spans(lavrov)
    assert lavrov[a:b] == "“If they want talks without us, then \"for God's sake,”"
    nested = '“He said "no" to us,” she said.'
    assert [nested[a:b] for a, b in quote_spans(nested)] == ['“He said "no" to us,”', '"no"']
    assert quote_spans('A stray " mark and “another one.') == []


def test_trim_gives_the_offsets_of_the_text_without_its_whitespace() -> None:
    assert trim("  We won.\n", 0, 10) == (2, 9)
    assert trim("   ", 0, 3) == (3, 3)


def test_a_straight_opener_closed_by_a_curly_mark_is_one_quotation() -> None:
    text = '"We are ready. The ball is in their court,” Smith said.'
    assert quote_spans(text) == [(0, text.index("”") + 1)]


def test_curly_single_quotes_pair_but_an_apostrophe_closes_nothing() -> None:
    text = "‘Southland’s plan is illegal,’ he said."
    assert quote_spans(text) == [(0, text.index(",’") + 2)]
