"""Speaker attribution in releases and news items of the fourth batch's kinds (issue 15): one invented text
per rule."""

from __future__ import annotations

from claimstance.schema import Attribution, Document, UnitKind
from claimstance.segment import segment
from claimstance.segment.cues import find_cue
from conftest import claim_speakers as claims

A = Attribution


def test_a_release_names_its_speaker_after_a_final_said_with_no_comma() -> None:
    text = (
        "Northland is sending twelve observers to the vote in Southland on 3 May said Foreign Minister Anna Berg.\n\n"
        '"The observers will join a team of sixty. Each of them has watched elections before.\n\n'
        '"Their report will be public.\n'
    )
    assert claims(text) == [
        ("Anna Berg", A.REPORTED),
        ("Anna Berg", A.DIRECT_QUOTE),
        ("Anna Berg", A.DIRECT_QUOTE),
        ("Anna Berg", A.DIRECT_QUOTE),
    ]


def test_a_final_said_takes_only_a_capitalised_name_that_closes_the_sentence() -> None:
    assert find_cue("The talks will resume in June said Olsen.", []) is not None
    assert find_cue("The talks will resume in June said Thursday.", []) is None
    said = find_cue("Officials said Southland would respond.", [])
    assert said is not None and said.phrase == "Officials"


def test_a_sentence_inside_a_quotation_opened_earlier_in_its_paragraph_is_the_quoted_speakers() -> None:
    text = (
        '"The count was fair," the envoy said.\n\n'
        '"We saw every polling station. Nothing we saw changes our view.\n\n'
        "The commission will publish the results on Friday.\n"
    )
    got = claims(text)
    assert got[:3] == [("the envoy", A.DIRECT_QUOTE)] * 3
    assert got[3][0] is None  # the outlet's narration once the quotation's paragraph is over


def test_issued_the_following_statement_frames_the_quoted_block_below_it() -> None:
    text = (
        "OLDTOWN – Anna Berg, minister of foreign affairs, today issued the following statement on the vote:\n\n"
        "“The vote in Southland was neither free nor fair. It took place under a state of emergency.\n\n"
        "“We call for the release of all political prisoners.\n"
    )
    got = claims(text)
    assert got[0][0] is None  # the lead-in line only frames the statement
    assert got[1:] == [("Anna Berg", A.DIRECT_QUOTE)] * 3


def test_a_day_in_brackets_after_the_subject_is_no_part_of_who_spoke() -> None:
    cue = find_cue("The Minister for Trade today (Monday) told the assembly that the border will stay open.", [])
    assert cue is not None and cue.phrase == "The Minister for Trade"


def test_a_body_that_names_itself_in_the_present_tense_and_says_we_speaks_its_whole_release() -> None:
    text = (
        "Oldtown – The Northland Embassy has read the report of the Freedom Party. It does not change our view.\n\n"
        "We remain confident in the count. The Northland Embassy urges all parties to wait for the results.\n\n"
        "It is important to give the commission time. We expect everyone to respect the outcome.\n"
    )
    assert claims(text) == [("Northland Embassy", A.AUTHOR)] * 6


def test_a_news_item_that_reports_a_body_or_quotes_it_keeps_its_own_narration() -> None:
    quoted = (
        "The Northland Embassy urges all parties to wait for the results.\n\n"
        '"We remain confident in the count," the ambassador said.\n\n'
        "Long queues formed outside the polling stations of the capital.\n"
    )
    assert claims(quoted) == [
        ("Northland Embassy", A.REPORTED),
        ("the ambassador", A.DIRECT_QUOTE),
        (None, A.AUTHOR),
    ]
    no_we = "The Northland Embassy urges all parties to wait. The count goes on in the capital.\n"
    assert claims(no_we) == [("Northland Embassy", A.REPORTED), (None, A.AUTHOR)]


def test_a_surname_in_capitals_after_a_given_name_is_a_person_and_the_words_before_it_the_role() -> None:
    text = (
        "“We must respect the vote”, said Assembly President Karl OLSEN-BERG. “There must be talks.”\n\n"
        "“We will not leave you alone”, group leader Anna LUND (NL) promised the young voters.\n"
    )
    assert claims(text) == [
        ("Karl OLSEN-BERG", A.DIRECT_QUOTE),
        ("Karl OLSEN-BERG", A.DIRECT_QUOTE),
        ("Anna LUND", A.DIRECT_QUOTE),
    ]


def test_an_adverb_in_ly_between_a_pronoun_and_its_verb_leaves_the_pronoun_the_subject() -> None:
    text = "Assembly President Karl Olsen noted that the vote was historic. He warmly welcomed the new members.\n"
    assert [name for name, _ in claims(text)] == ["Karl Olsen", "Karl Olsen"]
    cue = find_cue("Its ally said the vote was fair.", [])
    assert cue is not None and cue.phrase == "Its ally"


def test_a_release_verb_of_position_names_the_body_in_news_and_stays_the_authors_in_a_statement() -> None:
    news = "The Council deplores the violence in Oldtown. The Council took note of the new election date.\n"
    assert claims(news) == [("Council", A.REPORTED), ("Council", A.REPORTED)]
    statement = (
        "Statement by Foreign Minister Karl Olsen\n\n"
        "Northland commends the people of Southland for a peaceful vote. Northland expects all parties to accept "
        "the result.\n"
    )
    got = claims(statement, author="Karl Olsen")
    assert [name for name, _ in got] == ["Karl Olsen", "Karl Olsen"]


def test_he_after_an_office_is_the_office_never_a_place_the_sentence_before_names() -> None:
    text = (
        "The Minister for Trade today told the assembly that the Government will address the concerns of many "
        "in Northern Southland about the border.\n\n"
        "He stated:\n\n"
        "“I am very conscious of these concerns.\n"
    )
    got = claims(text)
    assert got[0][0] == got[2][0] == "Minister for Trade"


def test_a_stance_in_the_passive_names_its_agent_and_a_member_of_a_body_is_a_person() -> None:
    text = (
        "Official results returned President Anna Berg to power. "
        "The result has been rejected by challenger Karl Olsen of the Freedom Movement.\n"
    )
    assert claims(text)[1] == ("Karl Olsen", A.REPORTED)


def test_the_statement_then_went_on_to_say_is_the_statements_issuer() -> None:
    text = (
        "The concerns were set out in a statement by Foreign Minister Anna Berg. "
        "The statement then went on to say the government has real concerns about the count.\n"
    )
    assert [name for name, _ in claims(text)] == ["Anna Berg", "Anna Berg"]


def test_a_headline_that_expresses_concern_names_its_subject() -> None:
    text = "Northland Expresses Concerns about Southland Election Results\n\nThe count goes on in Oldtown.\n"
    units = list(segment(Document(text=text, id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text))))
    assert units[0].kind is UnitKind.HEADING and units[0].speaker.name == "Northland"


def test_a_sentence_final_according_to_names_the_source_of_what_the_sentence_reports() -> None:
    cue = find_cue(
        "Candidates loyal to the ruling party claimed victory in 18 states, according to the election commission, "
        "or NEC.",
        [],
    )
    assert cue is not None and cue.phrase == "the election commission"


def test_decried_reports_and_denied_access_is_an_act_not_a_denial() -> None:
    decried = find_cue("Opposition members decried that polling stations were moved.", [])
    assert decried is not None and decried.phrase == "Opposition members"
    assert find_cue("No observers were allowed, and the commission also denied accreditation to reporters.", []) is None
    denial = find_cue("The ministry denied the reports.", [])
    assert denial is not None and denial.phrase == "The ministry"


def test_an_office_below_a_headline_that_names_its_holder_by_surname_is_that_holder() -> None:
    body = (
        "The Minister for Trade today (Monday) told the assembly that the Government will keep the border open.\n\n"
        "He stated:\n\n"
        "“I am very conscious of the concerns of traders.\n"
    )
    got = claims("Minister Berg addresses the border question\n\n" + body)
    assert [name for name, _ in got if name is not None] == ["Berg"] * 2
    other = "Minister Berg addresses the border question\n\nDefence Minister Karl Olsen was in Oldtown.\n\n" + body
    assert "Berg" not in [name for name, _ in claims(other)]  # two ministers: the office names neither


def test_a_court_that_determined_that_and_a_headline_that_stands_by_name_their_subject() -> None:
    text = (
        "Council stands by Southland for free elections\n\n"
        "The Supreme Court has today determined that the bill is outside the assembly's powers.\n"
    )
    units = list(segment(Document(text=text, id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text))))
    assert [u.speaker.name for u in units] == ["Council", "Supreme Court"]
    assert find_cue("The Court ruled that the vote was valid.", []) is not None
    assert find_cue("The Court ruled the country for decades.", []) is None


def test_asked_a_named_body_to_act_reports_a_demand() -> None:
    text = (
        "“We must respect the vote”, said Commission President Anna Berg. "
        "She asked the Northland government to “clarify” its plans as soon as possible.\n"
    )
    assert [name for name, _ in claims(text)] == ["Anna Berg", "Anna Berg"]
    assert find_cue("Reporters asked him about the talks.", []) is None


def test_offices_joined_by_a_slash_are_the_role_not_part_of_the_name() -> None:
    text = "“The talks must go on,” said High Representative/Vice-President Anna Berg on Monday.\n"
    assert claims(text) == [("Anna Berg", A.DIRECT_QUOTE)]


def test_a_judgement_in_the_passive_with_a_quotation_names_its_agent() -> None:
    text = "The rerun was ultimately deemed “peaceful and transparent” by the Northland Human Rights Commission.\n"
    assert claims(text) == [("Northland Human Rights Commission", A.REPORTED)]
    assert find_cue("The plan was deemed too costly by many.", []) is None  # no quotation: no judgement reported


def test_an_editorial_that_says_we_about_a_body_is_not_that_bodys_release() -> None:
    editorial = (
        "The Government remains silent on the floods in the east. We think its ministers should visit the towns.\n\n"
        "Our readers in Eastport deserve an answer, and we will keep asking.\n"
    )
    assert claims(editorial)[0] != ("Government", A.AUTHOR)
    cookies = (
        "We use cookies to improve our website.\n\n"
        "The Northland Council considers the result valid. Observers counted the ballots again on Monday.\n"
    )
    assert claims(cookies)[0] == ("Northland Council", A.REPORTED)
    release = (
        "The Northland Council considers the result valid.\n\n"
        "We urge all parties to accept the count. Our observers saw no fraud.\n"
    )
    assert claims(release) == [("Northland Council", A.AUTHOR)] * 3


def test_a_passive_by_a_vote_a_margin_or_a_means_names_no_agent() -> None:
    for text in (
        "The bill was rejected by a vote of 52 to 48.\n",
        "The amendment was rejected by a wide margin.\n",
        "The minister was criticised by name in the report.\n",
        "The protest was condemned by video link from Geneva.\n",
    ):
        assert claims(text) == [(None, A.AUTHOR)], text
    assert claims("The budget was rejected by the opposition.\n") == [("the opposition", A.REPORTED)]
    assert claims("Karl Olsen later welcomed by phone the new envoy.\n") == [("Karl Olsen", A.REPORTED)]


def test_a_house_that_considers_a_bill_takes_no_position_one_that_considers_it_a_step_does() -> None:
    assert claims("The Senate considers the budget bill this week. A vote follows on Friday.\n") == [
        (None, A.AUTHOR),
        (None, A.AUTHOR),
    ]
    judged = "The Northland Senate considers the new law a step backwards.\n"
    assert claims(judged) == [("Northland Senate", A.REPORTED)]


def test_an_acronym_closing_an_organisations_name_is_no_surname_in_capitals() -> None:
    text = '"We will not pay the fine," said the head of Northland Energy ENERCO.\n'
    assert claims(text) == [("the head of Northland Energy ENERCO", A.DIRECT_QUOTE)]
    member = '"The vote was fair," said Assembly President Jean Claude OLSEN.\n'
    assert claims(member) == [("Jean Claude OLSEN", A.DIRECT_QUOTE)]


def test_a_final_according_to_leaves_a_speaker_who_said_or_warned_it_the_speaker() -> None:
    assert claims("Karl Olsen said the vote was rigged, according to state media.\n") == [("Karl Olsen", A.REPORTED)]
    assert claims("The minister warned of unrest, according to Reuters.\n") == [("the minister", A.REPORTED)]


def test_an_office_under_a_headline_is_not_another_office_of_the_same_word() -> None:
    text = (
        "Finance Minister Berg resigned on Monday after a row over the budget.\n\n"
        "The Prime Minister said he regretted the decision.\n"
    )
    assert claims(text)[-1] == ("Prime Minister", A.REPORTED)
    release = "Trade Minister Berg opens the harbour fair\n\nThe Minister for Trade said the fair would grow.\n"
    assert claims(release)[-1] == ("Berg", A.REPORTED)


def test_released_the_following_statement_with_a_full_stop_frames_the_paragraphs_below_it() -> None:
    text = (
        "Oldtown, NL – Today, Congressman Karl Olsen, Chairman of the Northland delegation to the Assembly, released "
        "the following statement on the vote in Southland.\n\n"
        "“I am deeply disturbed by the events of today. The vote was a sham.\n\n"
        "No legislature can vote freely under occupation.\n"
    )
    got = claims(text)
    assert got[0][0] is None  # the frame is the release's own line
    assert [name for name, _ in got[1:]] == ["Karl Olsen"] * 3


# ------------------------------------------------- fifth round, third pass: members' releases


def test_members_named_with_party_and_state_issue_a_joint_statement() -> None:
    text = (
        "OLDTOWN – Senators Anna Berg (D-NL), chair of the trade committee, and Karl Olsen (R-SL), Ranking Member "
        "of the Committee, released the following joint statement on the vote:\n\n"
        "“The vote was neither free nor fair. We call for a new count.”\n"
    )
    got = claims(text)
    assert got[0][0] is None and got[1:] and set(got[1:]) == {("Anna Berg and Karl Olsen", A.DIRECT_QUOTE)}


def test_a_members_title_and_party_and_state_are_no_part_of_the_name() -> None:
    for lead in ("Rep. Karl Olsen, the Ranking Member of the Trade Committee,", "Representative Karl Olsen (R-Wash.)"):
        text = f"OLDTOWN – {lead} released the following statement:\n\n“The vote was a sham.”\n"
        assert claims(text)[1:] == [("Karl Olsen", A.DIRECT_QUOTE)]


def test_a_name_before_its_office_issues_the_statement_not_the_office() -> None:
    text = (
        "The Honourable Anna Berg, Minister of Foreign Affairs, today issued the following statement:\n\n"
        "“Northland welcomes the result.”\n"
    )
    assert claims(text)[1:] == [("Anna Berg", A.DIRECT_QUOTE)]


def test_members_followed_by_both_members_of_a_committee_issue_the_statement() -> None:
    text = (
        "(Oldtown, Northland) – U.S. Senators Anna Berg (D-NL) and Karl Olsen (R-SL), both members of the trade "
        "committee, released the following statement after the vote.\n\n"
        "“We are confident that the vote was fair. The count was orderly.\n"
    )
    assert {name for name, _ in claims(text)[1:]} == {"Anna Berg and Karl Olsen"}


def test_a_following_statement_lead_ending_in_a_full_stop_frames_the_block_below() -> None:
    text = (
        "OLDTOWN – Today, Congressman Karl Olsen, chair of the trade committee, released the following statement "
        "on the vote in Southland.\n\n"
        "“I am troubled by the events of today. The vote was a sham.\n\n"
        "No parliament can vote freely under occupation.\n\n"
        "Southland remains an occupied country.”\n"
    )
    got = claims(text)
    assert got[0][0] is None  # the lead only frames the statement
    assert {name for name, _ in got[1:]} == {"Karl Olsen"}


def test_a_plural_title_before_the_members_is_no_given_name() -> None:
    text = (
        "OLDTOWN – U.S. Senators Karl Olsen (R-SL) and Anna Berg (D-NL) met the envoy on Monday.\n\n"
        "“The vote was a sham,” said Senator Olsen.\n"
    )
    assert claims(text)[1] == ("Karl Olsen", A.DIRECT_QUOTE)


def test_members_a_release_merely_mentions_are_not_its_joint_issuer() -> None:
    text = (
        "After talks with Senators Anna Berg (D-NL) and Karl Olsen (R-SL) on the bill, Governor Eva Lund released "
        "the following statement:\n\n"
        "“The bill is a step forward.”\n"
    )
    assert claims(text)[-1] == ("Eva Lund", A.DIRECT_QUOTE)


def test_members_after_a_dateline_with_no_space_are_the_joint_issuer() -> None:
    text = (
        "Oldtown N.L.—Representatives Anna Berg (D-NL), chair of the trade committee, and Karl Olsen (R-SL) "
        "released the following statement on the vote.\n\n"
        "“The bill is a step forward.”\n"
    )
    assert claims(text)[-1] == ("Anna Berg and Karl Olsen", A.DIRECT_QUOTE)


def test_a_final_said_with_only_a_day_after_a_comma_names_nobody() -> None:
    assert claims("Prices rose sharply across Northland, said Monday.\n") == [(None, A.UNATTRIBUTED)]


def test_the_following_comments_frame_the_block_below_as_the_following_statement_does() -> None:
    # one pattern for the lead-in (cues.FOLLOWING): the block below is the member's words, quoted by the release
    for kind in ("statement", "remarks", "comments"):
        text = (
            f"OLDTOWN – Jane Doe, Minister of Trade, today issued the following {kind} on the vote:\n\n"
            "The vote was a sham. We will not recognise it.\n"
        )
        assert claims(text) == [(None, A.AUTHOR), ("Jane Doe", A.DIRECT_QUOTE), ("Jane Doe", A.DIRECT_QUOTE)], kind


def test_a_readouts_title_with_a_possessive_does_not_hide_the_office_holder_the_readout_names() -> None:
    text = (
        "Readout of Vice President Reyes’s Call With President Berg of Northland\n\n"
        "Vice President Reyes spoke today with President Berg of Northland. The two leaders discussed the floods. "
        "The Vice President urged President Berg to keep the border open. The Vice President noted that the aid "
        "convoys must pass freely.\n"
    )
    assert [name for name, _ in claims(text)][-2:] == ["Reyes", "Reyes"]


def test_an_office_holders_name_does_not_run_on_into_the_next_line() -> None:
    text = (
        "Readout of the Vice President’s Call with Northland President Anna Berg\n"
        "Vice President Tom Reyes spoke with Northland President Anna Berg about the floods. "
        "The Vice President noted the talks at the United Nations.\n"
    )
    assert [name for name, _ in claims(text)][-1] == "Tom Reyes"


def test_informing_someone_that_reports_the_one_who_informs() -> None:
    text = (
        "Vice President Tom Reyes spoke with Northland President Anna Berg about the floods. President Berg "
        "informed the Vice President that most of the convoys had arrived, and the Vice President commended "
        "the army's restraint.\n"
    )
    assert [name for name, _ in claims(text)][-1] == "Anna Berg"
    assert [name for name, _ in claims("The ministry informed voters of the new polling hours.\n")] == [None]


def test_a_plain_act_after_informing_someone_is_not_the_informers_report() -> None:
    # "informed X that" reports like "told X that"; only "was informed by" speaks for a document sentence by sentence
    for verb in ("informed", "told"):
        text = f"Karl Olsen {verb} the Senate that the deal was signed. He left on Friday.\n"
        assert [name for name, _ in claims(text)] == ["Karl Olsen", None]


def test_a_readouts_two_leaders_are_the_two_its_first_sentence_names() -> None:
    text = (
        "Readout of the Secretary’s Call with Prime Minister Karl Olsen\n\n"
        "Secretary of State Anna J. Berg spoke today with Northland Prime Minister Karl Olsen. The two leaders "
        "discussed the border. The Prime Minister and the Secretary reviewed the progress of the peace process. "
        "They also welcomed the border talks. Both leaders reiterated their support for the talks.\n"
    )
    assert [name for name, _ in claims(text)][-4:] == [None] + ["Anna J. Berg and Karl Olsen"] * 3
    text = "Minister Berg spoke today with President Olsen. Both leaders reiterated their support for the talks.\n"
    assert [name for name, _ in claims(text)][-1] == "Minister Berg and President Olsen"
    text = "Anna Berg met Karl Olsen in Oldtown. Both leaders reiterated their support for the talks.\n"
    assert [name for name, _ in claims(text)][-1] != "Anna Berg and Karl Olsen"
    # "They" and "the X and the Y" a paragraph later may be anyone the text has named since
    text = (
        "The Prime Minister spoke today with President Anna Berg of Southland.\n\n"
        "Later, students marched in Oldtown. They noted that fees had doubled.\n\n"
        "The Senate and the Assembly expressed concern about the fees.\n"
    )
    assert "Prime Minister and Anna Berg" not in [name for name, _ in claims(text)]
