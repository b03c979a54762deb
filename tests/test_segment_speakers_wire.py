"""Speaker attribution in news reporting, fifth round (issue 15): one invented text per rule."""

from __future__ import annotations

from claimstance.schema import Document, UnitKind
from claimstance.segment import segment
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


def headline_speakers(text: str) -> list[str | None]:
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, source="Outlet")
    return [u.speaker.name for u in segment(document) if u.kind is UnitKind.HEADING]


def test_calls_for_after_a_determiner_or_adjective_is_a_noun_not_a_stance_verb() -> None:
    assert names("Northland keeps ignoring all calls for lifting the blockade.\n") == [None]
    assert headline_speakers("Council Closes Session Amid Fierce Calls for Budget Reform\n\nIt closed today.\n") == [
        "Outlet"
    ]


def test_a_headline_aside_between_commas_leaves_the_speaker_before_it() -> None:
    text = "Chamber Speaker, with Eye on Youth, Vows to Prioritize Jobs, ‘Act Faster’ on Housing\n\nIt closed.\n"
    assert headline_speakers(text) == ["Chamber Speaker"]


def test_a_place_before_a_title_case_headline_is_a_topic_not_a_speaker() -> None:
    text = "Northland: Border Residents Continue Vote On Joining Northland, Southland\n\nVoting went on.\n"
    assert headline_speakers(text) == ["Outlet"]


def test_a_progressive_call_on_names_its_subject() -> None:
    text = "The Ministry of Foreign Affairs of Northland is calling on the international community to act.\n"
    assert names(text) == ["Ministry of Foreign Affairs of Northland"]


def test_an_organisations_statement_or_website_speaks_for_the_organisation() -> None:
    text = (
        "Southland troops are posing a threat to peace in the region,” read the Ministry statement.\n\n"
        "Information on the Southland Ministry of Defence’s website noted the drills involved heavy weapons.\n\n"
        'A Royal Palace statement called the vote illegal and said it broke the law. It also said the vote "will '
        'never be recognized by Northland."\n'
    )
    assert names(text) == ["Ministry", "Southland Ministry of Defence", "Royal Palace", "Royal Palace"]


def test_replying_with_a_statement_reports_no_claim() -> None:
    assert names("Northland replied with its own statement on the web.\n") == [None]


def test_a_dateline_is_no_part_of_the_subject_of_a_participle() -> None:
    text = "OLDTOWN, Northland: Thousands of opposition supporters marched on Sunday, demanding a rerun of the vote.\n"
    assert names(text) == ["Thousands of opposition supporters"]


def test_a_relative_clause_after_a_sentence_opening_and_leaves_the_name_before_it() -> None:
    text = "And Southland President Karl Olsen, whose country has close ties with Northland, congratulated Berg.\n"
    assert names(text) == ["Karl Olsen"]


def test_supporters_of_a_person_are_a_group_not_the_person() -> None:
    text = "Supporters of the opposition candidate Karl Olsen allege that the vote was rigged.\n"
    assert names(text) == ["supporters of the opposition candidate Karl Olsen"]


def test_a_verb_in_a_subordinate_clause_leaves_the_sentence_to_its_main_verb() -> None:
    text = (
        "Karl Olsen closed the session today. While speakers had praised the council, he said some had noted that "
        "the region was changing fast.\n"
    )
    assert names(text) == [None, "Karl Olsen"]


def test_a_cue_inside_a_quotation_left_open_is_the_speakers_own_words() -> None:
    text = (
        "The Freedom Party said the vote was stolen.\n\n"
        "Karl Olsen, a youth spokesman, dismissed the claims.\n\n"
        '"That has been the story all along," he said. "They said we would rig the vote, then they said they had\n'
    )
    assert names(text) == ["Freedom Party", "Karl Olsen", "Karl Olsen", "Karl Olsen"]


def test_a_statement_posted_on_a_bodys_website_is_the_bodys_and_so_is_the_statement_after_it() -> None:
    text = (
        "A statement posted on the Northland Ministry of Information website this week claims the commission had "
        "failed. The statement accused Southland of raising 'irrelevant excuses' for its delay.\n"
    )
    assert names(text) == ["Northland Ministry of Information", "Northland Ministry of Information"]


def test_a_participle_of_regret_after_a_comma_reports_the_sentences_subject() -> None:
    text = "The Border Commission has sent its report to the council, regretting that it could not finish its work.\n"
    assert names(text) == ["Border Commission"]


def test_the_outlets_own_correspondent_reporting_is_no_speaker() -> None:
    text = (
        "For Radio North, Anna Berg reports that cracks have emerged within the opposition.\n\n"
        "But as Radio North’s Anna Berg reports from Oldtown, the voters said they were happy.\n"
    )
    assert names(text) == [None, "the voters"]


def test_a_trailing_said_that_closes_its_paragraph_takes_the_paraphrase_before_it() -> None:
    text = (
        "Karl Olsen, the Northland envoy, met reporters on Monday.\n\n"
        "There is still work to be done. Northland will help as much as it can, Olsen said.\n\n"
        "The talks resume on Friday. Southland will not attend, Olsen said. The envoy then left for Oldtown.\n"
    )
    assert names(text) == [None, "Karl Olsen", "Karl Olsen", None, "Karl Olsen", None]


def test_present_tense_stances_of_news_and_press_releases() -> None:
    text = (
        "The Foreign Secretary condemns the violence against opposition voices.\n\n"
        "Foreign Secretary Anna Berg said the vote was flawed.\n\n"
        "Alliance Secretary General Karl Olsen hopes Northland can soon join the alliance.\n\n"
        "Other opposition parties insist on an election boycott.\n\n"
        "The hopes of millions were dashed.\n"
    )
    assert names(text) == ["Anna Berg", "Anna Berg", "Karl Olsen", "Other opposition parties", None]


def test_a_long_office_or_body_of_another_is_the_speaker_whole() -> None:
    text = (
        "The leader of Northland’s main opposition Freedom Forces (FF) party told Radio North he will boycott the "
        "vote.\n\nThe observer mission from the Organization for Security and Cooperation in Europe said there "
        "were concerns about the count.\n"
    )
    assert names(text) == [
        "the leader of Northland’s main opposition Freedom Forces (FF) party",
        "observer mission from the Organization for Security and Cooperation in Europe",
    ]


def test_a_second_lead_in_after_a_quoted_block_is_narration_and_frames_the_next_block() -> None:
    text = (
        "Karl Olsen met reporters.\n"
        "Asked about the talks, Mr Olsen said:\n"
        '"We work closely with our partners. We share what we know."\n'
        "Asked whether the group still meets, Mr Olsen said:\n"
        '"The group has not met for some time."\n'
    )
    assert names(text, source="Outlet") == ["Outlet", "Outlet", "Karl Olsen", "Outlet", "Karl Olsen"]


def test_a_bare_announced_in_an_interview_takes_the_sentence_before_it() -> None:
    text = (
        "Handing the land back is senseless. Northland Foreign Minister Karl Olsen announced in an interview with "
        "Radio North.\n\n"
        'The court met on Monday. "No appeal is possible," the commission said in its statement.\n'
    )
    assert names(text) == ["Karl Olsen", "Karl Olsen", None, "the commission"]


def test_plural_offices_name_a_group() -> None:
    assert names("The presidents announced that they will meet again.\n") == ["the presidents"]


def test_he_after_a_cue_of_many_unnamed_is_the_person_named_before() -> None:
    text = (
        "Council President Karl Olsen said the debate had been fruitful.\n\n"
        "While speakers had praised the council, he said some had noted that the world was changing.  Many "
        "criticized both other nations and the council itself.  “This is part of the job,” he said.  However, he "
        "urged delegates to remember the rules.\n"
    )
    assert names(text) == ["Karl Olsen", "Karl Olsen", None, "Karl Olsen", "Karl Olsen"]


def test_a_plural_possessive_is_no_verb_and_an_agencys_tail_leaves_the_sentences_own_cue() -> None:
    text = (
        "The appeal breaks the respect for states' sovereignty, Foreign Minister Karl Olsen said.\n\n"
        "There is no appeal. The border stays closed, Foreign Minister Karl Olsen said, NPA reports.\n"
    )
    assert names(text) == ["Karl Olsen", "Karl Olsen", "Karl Olsen"]


def test_cited_reports_a_reason_and_has_since_leaves_its_subject() -> None:
    text = (
        "Prime Minister Karl Olsen resigned on Monday. He cited the growing violence in the capital.\n\n"
        "But Southland has since rejected parts of the ruling.\n"
    )
    assert names(text) == [None, "Karl Olsen", "Southland"]


def test_according_to_the_outlets_correspondent_names_no_speaker() -> None:
    text = (
        'The candidates held a news conference on Monday to denounce the poll as a "grand deception," according to '
        "Anna Berg, reporting for Radio North.\n"
    )
    assert names(text) == [None]


def test_a_trailing_said_leaves_an_event_told_before_it_to_the_outlet() -> None:
    text = "Police fired tear gas at protesters on Monday. At least 20 people were hurt, the interior ministry said.\n"
    assert names(text) == [None, "the interior ministry"]


def test_a_clause_ending_in_a_past_tense_verb_before_and_is_no_part_of_the_name() -> None:
    text = "The election ended and the opposition claimed victory.\n"
    assert names(text) == ["the opposition"]


def test_a_statement_by_a_body_ends_the_bodys_name_at_the_verb() -> None:
    assert names("A statement released by the Freedom Party called the result a fraud.\n") == ["Freedom Party"]


def test_an_office_in_apposition_before_the_name_is_the_role_not_its_last_words() -> None:
    text = "A spokeswoman for the Southland Foreign Ministry, Anna Berg, said no talks were planned.\n"
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text)
    speakers = [u.speaker for u in segment(document) if u.kind is UnitKind.CLAIM]
    assert [(s.name, s.role) for s in speakers] == [("Anna Berg", "spokeswoman for the Southland Foreign Ministry")]
