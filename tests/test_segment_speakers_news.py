"""Speaker attribution on news kinds no seed has (issue 15): one invented text per rule."""

from __future__ import annotations

from claimstance.schema import Attribution, Document, UnitKind
from claimstance.segment import segment
from conftest import claim_speakers as claims

A = Attribution


# ------------------------------------------------------------------------- the author's own first person


def test_a_speech_with_no_known_author_keeps_its_first_person_after_a_report() -> None:
    text = (
        "We have worked hard this year.\n\n"
        "The Southland foreign minister said that the border was theirs.\n\n"
        "We reject this claim. I will never give up our land.\n"
    )
    got = claims(text)
    assert got[1] == ("Southland foreign minister", A.REPORTED)
    assert [name for name, _ in got[2:]] == [None, None]


def test_a_first_person_sentence_after_a_quotation_goes_on_quoting() -> None:
    text = '"We stand ready to help," the envoy said.\n\nWe welcome the progress made so far.\n'
    assert claims(text) == [("the envoy", A.DIRECT_QUOTE), ("the envoy", A.DIRECT_QUOTE)]


def test_the_first_person_of_a_passage_said_this_afterwards_does_not_make_a_speech() -> None:
    text = (
        "I want to assure you that the talks are going well. Prime Minister Anna Berg said this on Monday.\n\n"
        '"We have sent our draft to Southland," she said.\n\n'
        "We see some progress in the talks.\n"
    )
    assert [name for name, _ in claims(text)] == ["Anna Berg"] * 4


# ------------------------------------------------------------------------------------------ reporting cues


def test_a_sentence_final_said_outranks_a_stance_verb_before_it() -> None:
    text = "Northland rejected the plan on Monday, Foreign Minister Anna Berg said.\n"
    assert claims(text) == [("Anna Berg", A.REPORTED)]


def test_a_president_of_a_place_is_the_person_not_the_place() -> None:
    text = 'President Karl Olsen of Southland said last week that "the border is ours and will stay ours".\n'
    assert claims(text) == [("Karl Olsen", A.DIRECT_QUOTE)]


def test_layered_sourcing_goes_to_the_innermost_speaker() -> None:
    text = "An official told the radio that President John Carter had said the plan was dead.\n"
    assert claims(text) == [("John Carter", A.REPORTED)]


def test_a_press_service_that_informed_the_outlet_speaks_for_its_paragraph() -> None:
    text = (
        "Northpress was informed by the press service of the President that the leaders discussed trade. "
        "They agreed to meet again.\n\nThe weather was fine.\n"
    )
    assert [name for name, _ in claims(text)] == ["the press service of the President"] * 2 + [None]


# --------------------------------------------------------------------------------- offices and descriptors


def test_an_office_with_a_place_resolves_to_the_one_person_holding_it() -> None:
    text = (
        "Northland Foreign Minister Anna Berg met Southland Foreign Minister Karl Olsen on Monday.\n\n"
        "The Northland foreign minister said the plan was dead.\n"
    )
    assert claims(text)[1] == ("Anna Berg", A.REPORTED)


def test_an_office_two_people_hold_stays_unresolved() -> None:
    text = (
        "Northland Foreign Minister Anna Berg met Southland Foreign Minister Karl Olsen on Monday.\n\n"
        "The foreign minister said the plan was dead.\n"
    )
    assert claims(text)[1] == ("the foreign minister", A.REPORTED)


def test_a_spokesman_named_elsewhere_in_the_text_is_that_person() -> None:
    text = (
        "Foreign Ministry spokesman Peter Hall met the press.\n\nThe ministry's spokesman said the plan was illegal.\n"
    )
    assert claims(text)[1] == ("Peter Hall", A.REPORTED)


def test_a_descriptor_continues_the_organisation_named_before() -> None:
    text = "The Election Mission said the count was fair. The mission noted that no fraud was seen.\n"
    assert [name for name, _ in claims(text)] == ["Election Mission", "Election Mission"]


# ------------------------------------------------------------------------------------ lists and headlines


def test_a_list_below_said_in_a_statement_is_the_speakers_and_ends_with_the_list() -> None:
    text = (
        "The Foreign Ministry said in a statement:\n\n"
        "- The border must stay open.\n- The talks must resume.\n\n"
        "The talks stalled on Monday.\n"
    )
    assert claims(text) == [
        (None, A.AUTHOR),
        ("Foreign Ministry", A.DIRECT_QUOTE),
        ("Foreign Ministry", A.DIRECT_QUOTE),
        (None, A.AUTHOR),
    ]


def heading_speaker(text: str) -> str | None:
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text)
    return next(u.speaker.name for u in segment(document) if u.kind is UnitKind.HEADING)


def test_a_headline_in_capitals_names_the_one_holder_of_its_office_in_the_body() -> None:
    text = (
        "NORTHLAND SPOKESMAN SLAMS SOUTHLAND MINISTER\n\n"
        "Northland foreign ministry spokesman Peter Hall has criticised the remarks of the Southland minister.\n"
    )
    assert heading_speaker(text) == "Peter Hall"


def test_a_headline_in_capitals_with_a_name_the_body_writes_is_that_name() -> None:
    text = "PUTIN SAYS TALKS WILL GO ON\n\nPutin spoke in Moscow on Monday.\n"
    assert heading_speaker(text) == "Putin"


def test_a_headline_in_capitals_the_body_does_not_name_has_no_speaker() -> None:
    text = "NORTHLAND SPOKESMAN SLAMS SOUTHLAND MINISTER\n\nThe remarks drew criticism on Monday.\n"
    assert heading_speaker(text) is None


# ------------------------------------------------------------------------------------------------ quotations


def test_a_quotation_left_open_over_a_paragraph_is_the_speakers_named_after_it() -> None:
    text = (
        "The talks stalled on Monday.\n\n"
        '"We will never accept this plan. It is illegal.\n\n'
        '"The border must stay open to trade," Foreign Minister Anna Berg said.\n\n'
        "The talks resume next week.\n"
    )
    assert [name for name, _ in claims(text)] == [None, "Anna Berg", "Anna Berg", "Anna Berg", None]


def test_a_short_sentence_wholly_in_quotation_marks_goes_on_quoting() -> None:
    text = '"We will never accept this plan," Berg told reporters. "It is illegal."\n'
    assert claims(text) == [("Berg", A.DIRECT_QUOTE), ("Berg", A.DIRECT_QUOTE)]


def test_curly_single_quotes_are_quotations_and_apostrophes_are_not() -> None:
    text = "‘We will never accept Southland’s plan,’ Berg said. ‘It is illegal.’\n"
    assert claims(text) == [("Berg", A.DIRECT_QUOTE), ("Berg", A.DIRECT_QUOTE)]


def test_a_sentence_that_sums_up_the_quotation_before_it_gives_it_its_speaker() -> None:
    text = (
        '"We will never accept this plan. The border must stay open."\n\n'
        "That is what Foreign Minister Anna Berg told reporters on Monday.\n"
    )
    assert [name for name, _ in claims(text)] == ["Anna Berg", "Anna Berg"]


# ------------------------------------------------------------------------------------------------- speeches


def test_a_speaker_the_author_is_among_is_the_author() -> None:
    text = "Statement by Foreign Minister Anna Berg\n\nMy colleague and I stressed the need for peace.\n"
    assert claims(text, author="Anna Berg") == [("Anna Berg", A.AUTHOR)]


def test_a_time_adverb_before_a_reporting_subject_is_no_part_of_its_name() -> None:
    text = "Today the Southland government announced that it would hold a referendum.\n"
    assert claims(text) == [("Southland government", A.REPORTED)]


def test_a_surname_resolves_to_the_name_not_the_title_before_it() -> None:
    text = (
        "Northland President John Carter met the envoy on Monday.\n\n"
        "Carter, for his part, said the talks would resume.\n"
    )
    assert claims(text)[1] == ("John Carter", A.REPORTED)


def test_what_the_statement_reads_is_its_issuers() -> None:
    text = "The Foreign Ministry said the talks were over. The statement reads that the border must stay open.\n"
    assert claims(text)[1] == ("Foreign Ministry", A.REPORTED)


# ------------------------------------------------------------------------------- organisations and offices


def test_an_opposition_bloc_or_ruling_party_keeps_its_name_without_the_descriptor() -> None:
    text = (
        "The opposition Freedom bloc complained about what it called massive fraud.\n\n"
        "The ruling Unity Party of Northland rejected the claims.\n"
    )
    assert [name for name, _ in claims(text)] == ["Freedom bloc", "Unity Party of Northland"]


def test_an_office_a_headline_abbreviates_is_found_by_the_minister() -> None:
    text = (
        "Northland FM Anna Berg: the talks are dead\n\n"
        "The talks with Southland are dead, the minister told reporters on Monday.\n"
    )
    assert [name for name, _ in claims(text)] == ["Anna Berg", "Anna Berg"]


def test_an_office_before_the_name_in_commas_is_the_persons_office() -> None:
    text = (
        "A spokesman for the Northland foreign ministry, Peter Hall, said the talks were dead.\n\n"
        "The spokesman added that the border would stay closed.\n"
    )
    assert [name for name, _ in claims(text)] == ["Peter Hall", "Peter Hall"]


def test_a_name_after_the_office_in_a_trailing_attribution_is_the_speaker() -> None:
    text = "The talks are dead, said the head of the Northland delegation, Karl Olsen.\n"
    assert claims(text) == [("Karl Olsen", A.REPORTED)]


# ---------------------------------------------------------------------------------------------- transcripts


def test_a_question_tagged_q_without_a_colon_is_the_questioners_turn() -> None:
    text = (
        "THE PRESIDENT: We will stand with Southland.\n\n"
        "Q Mr. President, will you send more aid?\n\n"
        "THE PRESIDENT: We will.\n"
    )
    fields = {"author": "John Carter", "author_role": "President"}
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, **fields)
    got = [(u.kind, u.speaker.name) for u in segment(document)]
    assert (UnitKind.HEADING, None) in got
    assert (UnitKind.CLAIM, "questioner") in got
    assert [name for kind, name in got if kind is UnitKind.CLAIM] == ["John Carter", "questioner", "John Carter"]


def test_a_nationality_before_an_office_finds_the_holder_of_the_countrys_office() -> None:
    text = (
        "President of Northland John Carter met President of Southland Karl Olsen on Monday.\n\n"
        "The Northlandic president said the border must stay open.\n"
    )
    assert claims(text)[1] == ("John Carter", A.REPORTED)


def test_in_his_words_and_in_the_opinion_of_are_according_to() -> None:
    text = (
        "Foreign Minister Anna Berg met the envoy on Monday. In her words, the talks are dead.\n\n"
        "In the opinion of the Election Mission, the count was fair.\n"
    )
    assert [name for name, _ in claims(text)] == [None, "Anna Berg", "Election Mission"]


def test_more_reporting_verbs_and_a_quote_cited_by_an_agency() -> None:
    text = (
        "Anna Berg pledged that Northland would keep the border open.\n\n"
        "Karl Olsen was quoted by Northpress as saying that the talks were dead.\n\n"
        "Anna Berg commented on the talks in Oldtown.\n"
    )
    assert [name for name, _ in claims(text)] == ["Anna Berg", "Karl Olsen", None]


# ------------------------------------------------------------- fifth round, third pass: news precision


def test_a_forecast_with_expects_is_the_outlets_narration() -> None:
    assert claims("The central bank expects inflation to fall next year.\n") == [(None, A.AUTHOR)]


def test_taking_note_of_the_time_is_no_position() -> None:
    assert claims("The chairman took note of the time and closed the session.\n") == [(None, A.AUTHOR)]


def test_a_newsrooms_understands_is_its_own_reporting() -> None:
    assert claims("The BBC understands the minister will resign on Friday.\n") == [(None, A.AUTHOR)]


def test_a_clause_before_said_and_a_day_names_nobody() -> None:
    assert [name for name, _ in claims("The reform passed easily said Monday.\n")] == [None]


def test_an_inline_said_after_a_clause_names_who_said_it() -> None:
    text = "Thousands marched through the capital on Sunday said AFP. The army entered the town said the Red Cross.\n"
    assert claims(text) == [("AFP", A.REPORTED), ("Red Cross", A.REPORTED)]


def test_a_said_after_a_comma_and_a_clause_names_who_said_it() -> None:
    assert claims("Prices rose sharply in May, said Anna Berg.\n") == [("Anna Berg", A.REPORTED)]


def test_a_release_still_takes_note_of_a_report_and_expects_parties_to_act() -> None:
    text = "The Council took note of the report. Northland expects all parties to respect the ceasefire.\n"
    assert claims(text) == [("Council", A.REPORTED), ("Northland", A.REPORTED)]


def test_a_group_alleging_or_disputing_reports_its_position() -> None:
    text = (
        "Opposition parties in Northland are alleging fraud in Sunday's vote. "
        "Farmers in the south are disputing the new tax.\n"
    )
    assert [name for name, _ in claims(text)] == ["Opposition parties in Northland", "Farmers in the south"]


def test_falsely_claiming_victory_is_the_outlets_judgement_of_an_act() -> None:
    text = "After the vote, President Karl Olsen falsely claimed a landslide victory, despite the count.\n"
    assert claims(text) == [(None, A.AUTHOR)]


def test_as_others_have_continually_stated_reports_them() -> None:
    text = "As the President and the G7 have consistently stated, the talks must include Southland.\n"
    assert [name for name, _ in claims(text)] == ["President and the G7"]


def test_a_leads_unnamed_speaker_is_the_one_the_next_sentence_names() -> None:
    text = (
        "An opposition candidate insists the count was rigged in favour of the president.\n"
        "Karl Olsen said the opposition parties are united in rejecting the result.\n\n"
        "Northland’s main opposition party says the vote was marred by fraud. "
        "The opposition Freedom Party stopped short of rejecting the results.\n"
    )
    assert [name for name, _ in claims(text)] == ["Karl Olsen", "Karl Olsen", "Freedom Party", None]


def test_a_leads_unnamed_speaker_stays_unnamed_when_the_next_sentence_names_another_kind() -> None:
    text = (
        "An opposition candidate insists the count was rigged.\n"
        "The Freedom Party said the opposition parties are united in rejecting the result.\n"
    )
    assert [name for name, _ in claims(text)] == ["an opposition candidate", "Freedom Party"]


def test_a_leads_unnamed_speaker_is_not_renamed_after_an_official_of_another_kind_the_next_sentence_quotes() -> None:
    text = (
        "An opposition candidate insists the vote was rigged. "
        "President Karl Olsen said on Monday that the count was fair.\n\n"
        "An opposition candidate insists the vote was rigged. Karl Olsen, the president, said the count was fair.\n"
    )
    names = [name for name, _ in claims(text)]
    assert names == ["an opposition candidate", "Karl Olsen", "an opposition candidate", "Karl Olsen"]


def test_a_leads_unnamed_party_is_not_renamed_after_a_rival_party_the_next_sentence_names() -> None:
    text = (
        "Northland’s main opposition party says the vote was rigged. The ruling Unity Party said the count was fair.\n"
    )
    assert [name for name, _ in claims(text)] == ["Northland’s main opposition party", "Unity Party"]


def test_a_quotation_opened_after_said_runs_on_through_its_paragraph_and_the_quoted_paragraphs_after() -> None:
    text = (
        "Minister Jane Holloway held a briefing today on the harbour plan.\n\n"
        'Minister Holloway said, "The harbour plan is going well. The works will last nine months.\n\n'
        '"The process has been calm. Officials should be commended for their work."\n\n'
        "The port will open in May, a harbour official told reporters at a scrum.\n"
    )
    got = claims(text)
    assert [name for name, _ in got[1:]] == ["Jane Holloway"] * 3 + ["a harbour official"]
    assert got[2][1] is A.DIRECT_QUOTE


def test_a_scare_quote_left_open_mid_paragraph_does_not_quote_the_sentences_after() -> None:
    text = 'The mayor said the "harbour plan was going well. The works will last nine months.\n'
    assert [name for name, _ in claims(text)] == ["the mayor", None]


def test_an_unnamed_official_with_a_long_office_and_a_clause_on_anonymity_is_the_speaker() -> None:
    text = (
        "The main party in the north called on voters to stay at home.\n\n"
        '"Except in a few cases, voters are staying at home," an official from the central election commission, '
        "who did not wish to be named, told Northpress on Sunday.\n\n"
        '"We have to keep the doors open," one election commission official in New Oldtown, who did not wish to '
        "be identified, told Northpress.\n"
    )
    assert [name for name, _ in claims(text)][1:] == [
        "an official from the central election commission",
        "one election commission official in New Oldtown",
    ]


def test_a_claim_held_in_a_what_or_which_clause_inside_narration_is_nobodys() -> None:
    text = (
        "The images showed more ships and what the Northland Isles says is evidence of new building on the reef.\n\n"
        "Thousands marched to the square against the vote, which officials said was won by the ruling party.\n\n"
        "The Northland Isles said the reef was its own.\n"
    )
    assert [name for name, _ in claims(text)] == [None, None, "Northland Isles"]


def test_a_news_agencys_correspondent_reporting_events_is_the_outlets_narration() -> None:
    text = "Protesters built barricades in the square on Saturday, a Northpress correspondent reported.\n"
    assert [name for name, _ in claims(text)] == [None]
    text = "The vote was rigged, Northpress correspondent Karl Olsen said in a commentary.\n"
    assert [name for name, _ in claims(text)] == ["Karl Olsen"]


def test_a_time_of_day_between_has_and_the_verb_is_no_part_of_the_subject() -> None:
    text = "The Council has this evening announced that the vote will go ahead.\n"
    assert [name for name, _ in claims(text)] == ["Council"]


def test_encouraging_others_to_act_is_a_position() -> None:
    text = "Northland has encouraged the presidents of both countries to talk and return to a cease-fire.\n"
    assert [name for name, _ in claims(text)] == ["Northland"]
    assert [name for name, _ in claims("The rain encouraged many voters to stay at home.\n")] == [None]
    # a feeling, not a position: "felt encouraged enough to run", "was encouraged by the figures to ..."
    felt = "Anna Berg arrived on Monday. She felt encouraged enough to run again.\n"
    assert claims(felt)[-1] == (None, A.AUTHOR)


def test_a_sentence_opening_capital_makes_no_proper_name_of_a_common_noun_phrase() -> None:
    assert [name for name, _ in claims("Voter registration has just concluded in the south.\n")] == [None]
    assert [name for name, _ in claims("Opposition leaders said the count was slow.\n")] == ["Opposition leaders"]
    assert [name for name, _ in claims("State television said the count was slow.\n")] == ["State television"]


def test_several_before_a_group_noun_names_the_group_but_many_or_some_name_nobody() -> None:
    assert [name for name, _ in claims("Several opposition parties say the count was skewed.\n")] == [
        "Several opposition parties"
    ]
    assert [name for name, _ in claims("Some experts say the count was skewed.\n")] == [None]
    assert [name for name, _ in claims("Several callers say the count was skewed.\n")] == [None]
    assert [name for name, _ in claims("Many say the count was skewed.\n")] == [None]
    assert [name for name, _ in claims("Some of us said the count was skewed.\n")] == [None]


def test_states_after_an_adjective_or_a_number_are_countries_not_a_verb() -> None:
    text = (
        "Most nations do not recognize the provinces of Northland and South Eastmark as independent states.\n\n"
        "Both Northland and Eastmark joined as member states in 2004.\n"
    )
    assert [name for name, _ in claims(text)] == [None, None]
    assert claims("The commission's report states that the vote was fair.\n")[0][0] != "commission's report"


def test_recognising_a_region_as_a_state_is_an_act_not_a_report() -> None:
    text = (
        "Voters in Northland chose a new leader on Sunday, two years after Southland recognized the region and "
        "Eastmark as independent states.\n"
    )
    assert claims(text) == [(None, A.AUTHOR)]
    assert claims("The minister recognized that mistakes had been made.\n") == [("the minister", A.REPORTED)]


def test_a_readouts_office_holder_who_did_one_thing_and_said_another_is_the_speaker() -> None:
    text = (
        "The Prime Minister spoke to President Anna Berg of Northland this morning.\n\n"
        "The Prime Minister offered his condolences and said he looked forward to working with President Berg.\n"
    )
    assert claims(text)[1] == ("Prime Minister", A.REPORTED)
    assert claims("Voters queued for hours and said the wait was worth it.\n")[0][0] is None


def test_a_readout_that_opens_spoke_to_names_the_pair_the_leaders_agreeing_or_recalling() -> None:
    text = (
        "The Prime Minister spoke to President Anna Berg of Northland this evening to congratulate her.\n\n"
        "From trade to security, the partnership between the two countries was strong, the leaders agreed.\n\n"
        "The leaders fondly recalled their meeting in May and looked forward to working with one another.\n"
    )
    assert [name for name, _ in claims(text)[1:]] == ["Prime Minister and Anna Berg"] * 2
    # an outlet spoken to is no party to the talks
    interview = "The minister spoke to Radio North this evening.\n\nThey agreed that the talks went well.\n"
    assert claims(interview)[1][0] is None


def test_a_group_noun_after_its_modifier_ends_the_subject_of_a_participle() -> None:
    text = 'An opposition coalition that includes two ex-ministers will appeal the results, calling them a "sham."\n'
    assert claims(text) == [("an opposition coalition", A.REPORTED)]


def test_a_line_of_results_naming_a_candidate_and_a_figure_is_no_headline_claim() -> None:
    text = "The commission published the count.\n\nJan Holm, SDP: 5,248,898 votes, representing 47.7 percent.\n"
    assert claims(text)[1][0] is None
    assert claims("Berg: 2024 vote was rigged\n\nThe count went on.\n")[0][0] == "Berg"


def test_he_after_a_sentence_opening_with_an_office_and_a_name_is_that_person_not_a_later_name() -> None:
    text = (
        "Election Chairman Karl Olsen made the announcement on Sunday evening that Anna Berg had won.\n\n"
        '"The results are as follows: Anna Berg won 50.7 percent and Jan Holm won 47.7 percent," he said.\n'
    )
    assert claims(text)[1] == ("Karl Olsen", A.DIRECT_QUOTE)


def _headline_speaker(text: str) -> str | None:
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text)
    heading = next(iter(segment(document)))
    assert heading.kind is UnitKind.HEADING
    return heading.speaker.name


def test_a_release_headline_that_drops_is_before_concerned_names_its_subject() -> None:
    assert _headline_speaker("Northland concerned by Southland's measures against the press\n\nArrests went on.\n") == (
        "Northland"
    )
    assert _headline_speaker("Prices rise as traders grow concerned about supply\n\nThe market fell.\n") is None


def test_a_group_challenging_or_contesting_the_results_takes_a_position() -> None:
    text = "Opposition candidates are challenging the results.\n\nCivic groups are contesting the official count.\n"
    assert claims(text) == [("Opposition candidates", A.REPORTED), ("Civic groups", A.REPORTED)]
    assert claims("It was a challenging count for the clerks.\n") == [(None, A.AUTHOR)]
    # a party "contesting the election" runs in it: no position on any result
    assert claims("Five parties are contesting the election in Oldtown this year.\n") == [(None, A.AUTHOR)]


def test_refusing_to_recognise_the_elections_is_a_position_on_the_vote() -> None:
    text = "Northland held elections, but Southland and Eastmark refused to recognize the polls.\n"
    assert claims(text) == [("Southland and Eastmark", A.REPORTED)]
    assert claims("Southland refused to recognize Northland as a state.\n") == [(None, A.AUTHOR)]
