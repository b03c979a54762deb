"""Speaker attribution: the seeds' gold speakers, one invented sentence per reporting cue, names and quotes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from claimstance.schema import Attribution, ClaimUnit, Document, UnitKind
from claimstance.segment import segment

DATA = Path(__file__).parent / "data"
A = Attribution


def units(text: str, **fields: object) -> list[ClaimUnit]:
    values: dict[str, object] = {"id": "t-d0", "seed_file": "t.txt", "raw_start": 0, "raw_end": len(text)}
    values.update(fields)
    return list(segment(Document(text=text, **values)))  # type: ignore[arg-type]


def who(text: str, **fields: object) -> list[tuple[str | None, Attribution, str | None]]:
    return [(u.speaker.name, u.speaker.attribution, u.speaker.cue) for u in units(text, **fields)]


# -------------------------------------------------------------------------------------------- the seeds


def test_every_seed_unit_has_the_gold_speaker(seed_documents: list[Document]) -> None:
    gold = [json.loads(line) for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    got = [
        {
            "text": u.text,
            "speaker": u.speaker.name,
            "role": u.speaker.role,
            "attribution": u.speaker.attribution.value,
            "cue": u.speaker.cue,
        }
        for document in seed_documents
        for u in segment(document)
    ]
    expected = [{k: g[k] for k in ("text", "speaker", "role", "attribution", "cue")} for g in gold]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g == e, e.get("text")


def test_gold_notes_explain_the_judgement_calls() -> None:
    gold = [json.loads(line) for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    noted = {g["text"][:30] for g in gold if g.get("note")}
    assert any(t.startswith("As President Vucic has said") for t in noted)
    assert all(g["kind"] in ("claim", "heading", "greeting", "dateline") for g in gold)


# ------------------------------------------------------------------------------------ one cue at a time


@pytest.mark.parametrize(
    ("text", "name", "role", "attribution", "cue"),
    [
        ("Ali Karimli said the vote was rigged.", "Ali Karimli", None, A.REPORTED, "said"),
        (
            "The vote was rigged, opposition leader Ali Karimli said.",
            "Ali Karimli",
            "opposition leader",
            A.REPORTED,
            "said",
        ),
        (
            "The vote was rigged, said opposition leader Ali Karimli.",
            "Ali Karimli",
            "opposition leader",
            A.REPORTED,
            "said",
        ),
        (
            "Opposition leader Ali Karimli told reporters the vote was rigged.",
            "Ali Karimli",
            "Opposition leader",
            A.REPORTED,
            "told",
        ),
        (
            "The talks were productive, Foreign Minister Jeyhun Bayramov noted.",
            "Jeyhun Bayramov",
            "Foreign Minister",
            A.REPORTED,
            "noted",
        ),
        (
            "Foreign Minister Jeyhun Bayramov added that talks would go on.",
            "Jeyhun Bayramov",
            "Foreign Minister",
            A.REPORTED,
            "added",
        ),
        (
            "Armenian Prime Minister Nikol Pashinyan stressed that peace was near.",
            "Nikol Pashinyan",
            "Armenian Prime Minister",
            A.REPORTED,
            "stressed",
        ),
        (
            "EU foreign policy chief Josep Borrell emphasized the need for dialogue.",
            "Josep Borrell",
            "EU foreign policy chief",
            A.REPORTED,
            "emphasized",
        ),
        ("The ministry stated that the border was secure.", "the ministry", None, A.REPORTED, "stated"),
        (
            "In a letter, Amnesty International wrote that journalists were jailed.",
            "Amnesty International",
            None,
            A.REPORTED,
            "wrote",
        ),
        ("The OSCE concluded that the election lacked real competition.", "OSCE", None, A.REPORTED, "concluded"),
        (
            "Human Rights Watch described the trial as politically motivated.",
            "Human Rights Watch",
            None,
            A.REPORTED,
            "described",
        ),
        ("The United States recognized the results of the vote.", "United States", None, A.REPORTED, "recognized"),
        (
            "According to the Central Election Commission, turnout was 37 percent.",
            "Central Election Commission",
            None,
            A.REPORTED,
            "according to",
        ),
        (
            "Turnout was 37 percent, according to the Central Election Commission.",
            "Central Election Commission",
            None,
            A.REPORTED,
            "according to",
        ),
        (
            "It was not free, a statement by the Organization for Security and Co-operation in Europe (OSCE) said.",
            "Organization for Security and Co-operation in Europe",
            None,
            A.REPORTED,
            "a statement by",
        ),
        (
            "The Kremlin said in a statement that the meeting was useful.",
            "Kremlin",
            None,
            A.REPORTED,
            "said in a statement",
        ),
        ('"We will never accept the occupation of our lands," - Aliyev said.', "Aliyev", None, A.DIRECT_QUOTE, "said"),
        (
            "“The referendum is illegal and void,” said Ukrainian President Volodymyr Zelensky.",
            "Volodymyr Zelensky",
            "Ukrainian President",
            A.DIRECT_QUOTE,
            "said",
        ),
        (
            '"The vote was fair. There were no violations," said Mazahir Panahov, head of the election commission.',
            "Mazahir Panahov",
            "head of the election commission",
            A.DIRECT_QUOTE,
            "said",
        ),
        (
            "Sergei Lavrov, Russia's foreign minister, said the West was to blame.",
            "Sergei Lavrov",
            "Russia's foreign minister",
            A.REPORTED,
            "said",
        ),
        ("Officials confirmed the figures on Monday.", "officials", None, A.REPORTED, "confirmed"),
        (
            "The Central Election Commission (CEC) said turnout was 40 percent.",
            "Central Election Commission",
            None,
            A.REPORTED,
            "said",
        ),
        ("According to Dr. Marko Djuric, the sides are close.", "Marko Djuric", None, A.REPORTED, "according to"),
        ("Pashinyan: Armenia is ready to sign the treaty", "Pashinyan", None, A.REPORTED, ":"),
        # calling something a quoted name reports a position (the dev gold labels "X called Y 'Z'" as X's)
        ('The opposition called the vote a "farce" and left.', "the opposition", None, A.REPORTED, "called"),
    ],
)
def test_each_reporting_cue_names_its_speaker(
    text: str, name: str, role: str | None, attribution: Attribution, cue: str | None
) -> None:
    [unit] = [u for u in units(text) if u.kind is UnitKind.CLAIM]
    assert (unit.speaker.name, unit.speaker.role, unit.speaker.attribution, unit.speaker.cue) == (
        name,
        role,
        attribution,
        cue,
    )


def test_a_label_before_a_colon_is_no_headline_speaker() -> None:
    assert who("Turnout: 37 percent; spoiled ballots: 2 percent.") == [(None, A.AUTHOR, None)]


def test_a_cue_inside_a_quotation_does_not_count() -> None:
    assert who('The minister used the words "the people said no to war" in his address.') == [(None, A.AUTHOR, None)]


# ---------------------------------------------------------------------------------- continuation, names


def test_short_names_and_pronouns_resolve_to_the_full_name_given_earlier() -> None:
    text = (
        "Charles Michel met Aliyev in Brussels. Michel said the talks were constructive. He added that a deal was near."
    )
    assert who(text) == [
        (None, A.AUTHOR, None),
        ("Charles Michel", A.REPORTED, "said"),
        ("Charles Michel", A.REPORTED, "added"),
    ]


def test_a_role_word_resolves_to_the_last_speaker_with_that_role() -> None:
    text = "Foreign Minister Jeyhun Bayramov spoke first.\nThe talks went well, the minister said."
    assert who(text)[1] == ("Jeyhun Bayramov", A.REPORTED, "said")


def test_an_unattributed_sentence_continues_the_statement_in_its_paragraph_only() -> None:
    text = (
        "The vote was flawed, a statement by the Election Observation Alliance (EOA) said. Media access was unequal.\n"
        "Polling stations opened at 8 a.m."
    )
    assert who(text) == [
        ("Election Observation Alliance", A.REPORTED, "a statement by"),
        ("Election Observation Alliance", A.REPORTED, "a statement by"),
        (None, A.AUTHOR, None),
    ]


def test_an_acronym_resolves_to_the_organisation_named_before() -> None:
    text = "The vote was flawed, said the Election Observation Alliance (EOA). The EOA added that access was unequal."
    assert who(text)[1] == ("Election Observation Alliance", A.REPORTED, "added")


def test_a_quote_paragraph_continues_the_previous_speaker() -> None:
    text = "Lavrov said the talks had failed.\n“We offered everything we could, and they refused it.”"
    assert who(text) == [("Lavrov", A.REPORTED, "said"), ("Lavrov", A.DIRECT_QUOTE, "said")]


def test_an_agentless_cue_with_nobody_to_continue_is_unattributed() -> None:
    assert who("It was noted that turnout was low.") == [(None, A.UNATTRIBUTED, "it was noted")]
    assert who("It said the count was falsified.") == [(None, A.UNATTRIBUTED, "said")]


def test_narration_belongs_to_the_outlet_when_known() -> None:
    assert who("The president received the minister.", source="president.az") == [("president.az", A.AUTHOR, None)]
    assert who("The president received the minister.") == [(None, A.AUTHOR, None)]


def test_inside_a_statement_the_authors_words_are_his_and_a_reported_party_only_its_sentence() -> None:
    text = (
        "The talks were useful, Aliyev said on Monday.\n\nStatement by President Ilham Aliyev\n\nDear friends,\n\n"
        "As President Vucic has said, our position is unchanged. According to the UN, the lands were occupied. "
        "We restored justice."
    )
    got = units(text, author="Ilham Aliyev", author_role="President")
    assert [(u.kind, u.speaker.name, u.speaker.attribution) for u in got] == [
        (UnitKind.CLAIM, "Ilham Aliyev", A.REPORTED),
        (UnitKind.HEADING, None, A.AUTHOR),
        (UnitKind.GREETING, "Ilham Aliyev", A.AUTHOR),
        (UnitKind.CLAIM, "Ilham Aliyev", A.AUTHOR),  # "As X has said": the author agrees, it is his claim
        (UnitKind.CLAIM, "UN", A.REPORTED),  # issue 15: a sentence reporting another party is that party's
        (UnitKind.CLAIM, "Ilham Aliyev", A.AUTHOR),  # ... and the author's next sentence is his again
    ]
    assert got[3].speaker.role == "President"


def test_clauses_of_one_sentence_share_its_speaker() -> None:
    got = who("The count was slow; the results were delayed by two days, the commission said.")
    assert got == [("the commission", A.REPORTED, "said")] * 2


# ------------------------------------------------------------------------------- unseen pages (issue 15)


def test_a_transcript_turn_is_its_speakers_and_a_reported_party_only_its_sentence() -> None:
    text = (
        "Remarks With Foreign Minister John Smith\n\nJane Doe\nSecretary of State\n\n"
        "QUESTION: The army is saying the truce is over. Has it failed?\n\n"
        "SECRETARY DOE: (Via interpreter) We have not had seven days of calm.\n\n"
        "FOREIGN MINISTER SMITH: Thank you."
    )
    got = [(u.kind, u.speaker.name) for u in units(text, author="Jane Doe")]
    claims = [name for kind, name in got if kind is UnitKind.CLAIM]
    assert claims == ["the army", "questioner", "Jane Doe", "John Smith"]


def test_a_lead_in_line_frames_a_block_that_is_the_speakers_until_the_next_heading() -> None:
    text = (
        "A Foreign Office spokesperson said:\n"
        "The United Kingdom is disappointed by the vote.\n"
        "According to the observers, the count was flawed.\n"
        "We stand ready to help.\n"
        "Further information\n"
        "The office opens at nine."
    )
    assert [(u.speaker.name, u.speaker.attribution) for u in units(text)] == [
        (None, A.AUTHOR),  # the frame states no claim
        ("Foreign Office spokesperson", A.DIRECT_QUOTE),
        ("the observers", A.REPORTED),
        ("Foreign Office spokesperson", A.DIRECT_QUOTE),
        (None, A.AUTHOR),
        (None, A.AUTHOR),
    ]


def test_an_editors_speaking_tag_gives_the_paragraph_to_the_speaker() -> None:
    text = (
        "The spokesman, John Smith, spoke on Monday.\n\n"
        "[Smith, speaking at a news conference] This harms the talks. The region is calm.\n\n"
        "The talks resume next week."
    )
    names = [u.speaker.name for u in units(text) if u.kind is UnitKind.CLAIM]
    assert names == [None, "John Smith", "John Smith", None]


def test_said_this_gives_the_speaker_the_sentences_before_it() -> None:
    text = "We will not sign any paper. Our position is clear. Prime Minister Jane Doe said this on Monday."
    assert [u.speaker.name for u in units(text)] == ["Jane Doe"] * 3


def test_a_statement_headline_is_attributed_and_stays_a_heading() -> None:
    got = units("Northland rejects new border talks\n\nThe talks were proposed last week.")
    assert (got[0].kind, got[0].speaker.name, got[0].speaker.attribution) == (UnitKind.HEADING, "Northland", A.REPORTED)
    assert got[1].speaker.name is None


def test_a_plain_sentence_after_said_is_narration_but_after_a_statement_it_continues() -> None:
    said = "The commission said it would recount the votes. That sets the stage for a long night."
    assert [u.speaker.name for u in units(said)] == ["the commission", None]
    statement = "The vote was flawed, a statement by the Observer Mission said. Access was unequal."
    assert [u.speaker.name for u in units(statement)] == ["Observer Mission"] * 2


def test_the_first_person_continues_a_quoted_speaker_into_the_next_paragraph() -> None:
    text = 'Jane Doe said the talks had stalled.\n\n"We sent our draft in February.\n\nNext, we see a red line for us.'
    assert [u.speaker.name for u in units(text)] == ["Jane Doe"] * 3
    plain = "Jane Doe said the talks had stalled.\n\nThe talks resume next week."
    assert [u.speaker.name for u in units(plain)] == ["Jane Doe", None]


def test_a_reported_speaker_never_carries_over_into_the_authors_own_sentences() -> None:
    text = (
        "Statement by President Jane Doe\n\nAccording to Southland, the border is closed. "
        "Many say the talks are over. We disagree. Our door is open. We will keep it open."
    )
    got = [(u.speaker.name, u.speaker.attribution) for u in units(text, author="Jane Doe") if u.kind is UnitKind.CLAIM]
    assert got == [
        ("Southland", A.REPORTED),
        (None, A.UNATTRIBUTED),  # "Many" names nobody: refused, and the author does not get it either
        ("Jane Doe", A.AUTHOR),
        ("Jane Doe", A.AUTHOR),
        ("Jane Doe", A.AUTHOR),
    ]


def test_he_is_the_person_the_sentence_before_names() -> None:
    text = (
        "Jane Doe said the vote was fair. Prime Minister John Smith also addressed the council. "
        "He told reporters a decision was near."
    )
    assert [u.speaker.name for u in units(text)] == ["Jane Doe", None, "John Smith"]


def test_the_validation_step_counts_what_it_refuses() -> None:
    refused: Counter[str] = Counter()
    for text in ("Monday said the vote was calm.", "In a separate statement said the count was fair."):
        document = Document(id="t-d0", seed_file="t.txt", text=text, raw_start=0, raw_end=len(text))
        [unit] = segment(document, rejected=refused)
        assert (unit.speaker.name, unit.speaker.attribution) == (None, A.UNATTRIBUTED)
    assert sum(refused.values()) == 2
