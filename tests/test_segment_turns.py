"""Tests for claimstance.segment.turns: the tags that open an interview's turns."""

from __future__ import annotations

from claimstance.segment.turns import line_tag, recurring_tags


def test_recurring_tags_counts_the_first_line_and_lines_after_breaks() -> None:
    text = (
        "Anna Berg: Thank you for coming.\n"
        "Question: Will the border open?\n"
        "Anna Berg: Not this year.\n"
        "Question: Why not?\n"
        "Note: the interview was edited.\n"
        "SPEAKER: Thank you.\nSPEAKER: Goodbye."
    )
    assert recurring_tags(text) == frozenset({"Anna Berg", "Question"})  # once, or in capitals: no turn
    assert line_tag(text, 0, recurring_tags(text)) == "Anna Berg"
    assert recurring_tags("No tags in this text.") == frozenset()
