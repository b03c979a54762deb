"""A speaker's tag in mixed case heading a turn is a heading unit of its own, as a tag in capitals is (issue 15,
sixth round).

Every text is invented. The tag ("Jane Doe:", "Mr. Olsen:", "Berg, Northland Daily:") is no part of the claim
that follows it: the claim unit's text starts after it, where an annotator reads the speaker's own words. Lines
whose colon is no turn's tag ("Note:", "Update:", "Turnout was high:", a news headline "X: claim") stay whole.
"""

from __future__ import annotations

from claimstance.schema import Document, UnitKind
from claimstance.segment import segment
from claimstance.segment.turns import recurring_tags


def units(text: str, **fields: object) -> list[tuple[str, str, str | None]]:
    """Each unit's kind, text and speaker name."""
    values: dict[str, object] = {"id": "t-d0", "seed_file": "t.txt", "raw_start": 0, "raw_end": len(text)}
    values.update(fields)
    got = segment(Document(text=text, **values))  # type: ignore[arg-type]
    return [(u.kind.value, u.text, u.speaker.name) for u in got]


def claims(text: str, **fields: object) -> list[tuple[str, str | None]]:
    """Each claim unit's text and speaker name."""
    return [(t, name) for kind, t, name in units(text, **fields) if kind == UnitKind.CLAIM.value]


def test_a_name_tag_in_mixed_case_is_cut_off_its_turn_as_a_tag_in_capitals_is() -> None:
    text = "Jane Doe: Thank you, Chair. We will vote for the motion.\nMr. Olsen: I thank the member. We will not.\n"
    assert units(text) == [
        ("heading", "Jane Doe:", None),
        ("claim", "Thank you, Chair.", "Jane Doe"),
        ("claim", "We will vote for the motion.", "Jane Doe"),
        ("heading", "Mr. Olsen:", None),
        ("claim", "I thank the member.", "Olsen"),
        ("claim", "We will not.", "Olsen"),
    ]
    capitals = text.replace("Jane Doe:", "MS. DOE:").replace("Mr. Olsen:", "MR. OLSEN:")
    assert [t for t, _ in claims(capitals)] == [t for t, _ in claims(text)]  # the same claims either way


def test_a_tag_with_an_office_or_an_outlet_after_the_name_is_cut_off_whole() -> None:
    text = (
        "Jane Doe, Minister for Trade: We signed the deal today. I am glad.\n"
        "Berg, Northland Daily: Will you sign more?\n"
        "Jane Doe, Minister for Trade: Yes, we will.\n"
    )
    assert claims(text) == [
        ("We signed the deal today.", "Jane Doe"),
        ("I am glad.", "Jane Doe"),
        ("Will you sign more?", "Berg"),
        ("Yes, we will.", "Jane Doe"),
    ]
    headings = [t for kind, t, _ in units(text) if kind == UnitKind.HEADING.value]
    assert headings == ["Jane Doe, Minister for Trade:", "Berg, Northland Daily:", "Jane Doe, Minister for Trade:"]


def test_a_lone_tag_in_a_news_report_is_cut_off_and_its_paragraph_stays_its_speakers() -> None:
    text = (
        "Crowds gathered in Oldtown on Monday.\n\n"
        "Karl Olsen: We will not accept this. I have asked our lawyers to go to court.\n\n"
        "The commission is expected to publish final figures on Friday.\n"
    )
    assert claims(text) == [
        ("Crowds gathered in Oldtown on Monday.", None),
        ("We will not accept this.", "Karl Olsen"),
        ("I have asked our lawyers to go to court.", "Karl Olsen"),
        ("The commission is expected to publish final figures on Friday.", None),
    ]


def test_a_greeting_after_a_mixed_case_tag_is_a_greeting_as_after_a_tag_in_capitals() -> None:
    text = "Question: Will you meet them?\nKarl Olsen: Good morning. I will meet them next week.\n"
    assert units(text)[-3:] == [
        ("heading", "Karl Olsen:", None),
        ("greeting", "Good morning.", "Karl Olsen"),
        ("claim", "I will meet them next week.", "Karl Olsen"),
    ]
    capitals = units(text.replace("Karl Olsen:", "MR. OLSEN:"))
    assert [kind for kind, _, _ in capitals] == [kind for kind, _, _ in units(text)]


def test_a_colon_that_heads_no_turn_stays_inside_its_unit() -> None:
    text = (
        "Note: The figures are provisional. We will update them.\n"
        "Update: The count has ended. I am told it was fair.\n"
        "Turnout was high: Many voted. We saw queues.\n"
    )
    got = [t for _, t, _ in units(text)]
    assert "Note: The figures are provisional." in got
    assert "Update: The count has ended." in got
    assert "Turnout was high: Many voted." in got
    assert not any(kind == UnitKind.HEADING.value for kind, _, _ in units(text))


def test_a_news_headline_with_a_speakers_colon_stays_one_claim() -> None:
    text = "Karl Olsen: We will never give up\n\nThe talks in Oldtown ended on Monday without an agreement.\n"
    assert claims(text)[0] == ("Karl Olsen: We will never give up", "Karl Olsen")
    text = "Ilham Aliyev: Azerbaijan and Serbia are strategic partners\nThe two presidents met in Baku.\n"
    assert claims(text)[0][0] == "Ilham Aliyev: Azerbaijan and Serbia are strategic partners"


def test_a_headline_a_page_repeats_is_no_recurring_tag() -> None:
    # the same "X: claim" line above and below a photo is one headline twice, not two turns of X's
    text = (
        "Karl Olsen: Northland's door remains open\n\nKarl Olsen: Northland's door remains open\n\n"
        "Foreign Minister Karl Olsen said on Monday that talks would resume. Officials gave no date.\n"
    )
    assert recurring_tags(text) == frozenset()
    assert claims(text)[0] == ("Karl Olsen: Northland's door remains open", "Karl Olsen")
    assert claims(text)[-1] == ("Officials gave no date.", None)  # the outlet's narration, no turn of Olsen's


def test_an_office_tag_in_mixed_case_is_its_holders_turn_and_cut_off_as_one_in_capitals_is() -> None:
    text = (
        "Prime Minister Karl Olsen met the press on Monday.\n\n"
        "The Prime Minister: We will not accept this. I have asked our lawyers to go to court.\n"
        "Question: Will you appeal?\n"
        "The Prime Minister: Yes. We will.\n"
    )
    got = units(text)
    assert got[1:4] == [
        ("heading", "The Prime Minister:", None),
        ("claim", "We will not accept this.", "Karl Olsen"),  # the office's holder, as the text names him
        ("claim", "I have asked our lawyers to go to court.", "Karl Olsen"),
    ]
    assert got[-2:] == [("claim", "Yes.", "Karl Olsen"), ("claim", "We will.", "Karl Olsen")]
    unnamed = "Crowds gathered.\n\nThe Foreign Secretary: We will not accept this. I have asked our lawyers.\n"
    assert claims(unnamed)[1:] == [
        ("We will not accept this.", "Foreign Secretary"),
        ("I have asked our lawyers.", "Foreign Secretary"),
    ]
    # a group or a label before a colon is no office: no turn, nothing cut
    assert claims("Opposition: We will boycott the vote. Our members agree.\n")[0][1] is None
