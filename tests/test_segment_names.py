"""Speaker names: a noun phrase split into name and role; organisations, groups and clauses."""

from __future__ import annotations

import pytest
from claimstance.ingest import ingest_text
from claimstance.segment import segment
from claimstance.segment.mentions import person_named
from claimstance.segment.names import NameIndex, parse_speaker_phrase


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        (
            "President of the Republic of Azerbaijan Ilham Aliyev",
            "Ilham Aliyev",
            "President of the Republic of Azerbaijan",
        ),
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Russian Foreign Minister"),
        ("the Election Observation Alliance (EOA)", "Election Observation Alliance", None),
        ("international observers", "international observers", None),
        ("The sides", "the sides", None),
        ("French President Charles de Gaulle", "Charles de Gaulle", "French President"),
        ("President Karl Olsen of Southland", "Karl Olsen", "President of Southland"),
        ("Deputy Foreign Minister of Northland Karl Olsen", "Karl Olsen", "Deputy Foreign Minister of Northland"),
        ("the Democratic Party of Northland", "Democratic Party of Northland", None),
        ("Bank of England", "Bank of England", None),
    ],
)
def test_speaker_phrases_split_into_name_and_role(phrase: str, name: str, role: str | None) -> None:
    parsed = parse_speaker_phrase(phrase)
    assert parsed is not None
    assert (parsed.name, parsed.role) == (name, role)


def test_a_phrase_with_a_verb_names_nobody() -> None:
    assert parse_speaker_phrase("the West was") is None


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Amnesty International's Maria Lund", "Maria Lund", "Amnesty International"),
        ("VOA's Jane Doe", "Jane Doe", "VOA"),
        ("Maria Lund of Amnesty International", "Maria Lund", "Amnesty International"),
        ("Northland's President John Carter", "John Carter", "Northland's President"),
    ],
)
def test_a_person_named_with_whom_they_speak_for_is_the_person(phrase: str, name: str, role: str) -> None:
    parsed = parse_speaker_phrase(phrase)
    assert parsed is not None and (parsed.name, parsed.role, parsed.person) == (name, role, True)


def test_an_institution_named_after_a_place_stays_whole() -> None:
    for phrase in ("Bank of England", "United States of America"):
        parsed = parse_speaker_phrase(phrase)
        assert parsed is not None and (parsed.name, parsed.person) == (phrase, False)


def test_the_president_of_a_readout_is_not_the_leader_he_called() -> None:
    text = (
        "Readout of the President's Call with President Berg of Northland\n\n"
        "The President spoke today with President Anna Berg of Northland. The President reaffirmed his support.\n"
    )
    index = NameIndex(text)
    assert index.only_holder("president") is None  # before: Anna Berg, whom the President called
    alone = NameIndex("President Anna Berg of Northland arrived. The President said the talks went well.\n")
    assert alone.only_holder("president") == ("Anna Berg", "President")


def test_the_representative_of_a_country_is_the_office_whom_he_said_goes_on_with() -> None:
    raw = (
        "Assembly Adopts Resolution on Northland\nGA/12999\n27 March 2026\n\n"
        "Assembly President Anna Berg opened the meeting. She said the vote would be recorded.\n\n"
        "Speaking in explanation of vote, the representative of Southland said the resolution was one-sided. "
        "He said the people of the region had expressed their will freely.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    speakers = {u.text: u.speaker.name for u in segment(doc)}
    said = "He said the people of the region had expressed their will freely."
    assert speakers[said] == "representative of Southland"  # before: nobody's (or the last person named)


@pytest.mark.parametrize(
    "text",
    [
        "Briefing on the Talks by Deputy Adviser and Chief of Staff Anna Berg\n\nMS. BERG: We expect a deal.\n",
        "Remarks by Chief of Staff Anna Berg\n\nMS. BERG: We expect a deal.\n",
        "Head of Mission Anna Berg arrived on Monday.\n\nMS. BERG: We expect a deal.\n",
    ],
)
def test_an_office_of_several_words_before_a_name_is_no_part_of_it(text: str) -> None:
    [doc] = ingest_text(text, "page.txt")
    names = [u.speaker.name for u in segment(doc) if u.text.startswith("We expect")]
    assert names == ["Anna Berg"]


def test_a_sentence_names_the_person_after_an_office_of_several_words() -> None:
    assert person_named("Chief of Staff Anna Berg arrived on Monday.") == "Anna Berg"
    assert person_named("The wife of Karl Olsen arrived on Monday.") == "Karl Olsen"  # "of" before a name


def test_a_sentence_led_by_an_article_or_function_word_names_nobody() -> None:
    assert person_named("The mayor of Oldtown said no.") is None
    assert person_named("However, many disagreed with the plan.") is None
    assert person_named("This changed on Monday.") is None
    assert person_named("Olsen arrived in Oldtown on Monday.") == "Olsen"  # a surname as subject still counts
    assert person_named("On Monday, Olsen struck a defiant tone.") == "Olsen"
