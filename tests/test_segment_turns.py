"""Speakers in speeches, transcripts, readouts and statements to international bodies (issue 15, fourth round).

Every text is invented, in the styles of press-conference transcripts, government readouts and press releases,
and statements to the UN or OSCE that report another side's words and argue against them. The rule: the
author's own sentences are the author's, a sentence reporting another party is that party's for that sentence
only, and each transcript turn is its speaker's."""

from __future__ import annotations

from collections import Counter

import pytest
from claimstance.schema import Attribution, ClaimUnit, Document, UnitKind
from claimstance.segment import segment
from claimstance.segment.turns import line_tag, recurring_tags
from claimstance.segment.validate import check_name


def claims(text: str, **fields: object) -> list[ClaimUnit]:
    values: dict[str, object] = {"id": "t-d0", "seed_file": "t.txt", "raw_start": 0, "raw_end": len(text)}
    values.update(fields)
    units = segment(Document(text=text, **values))  # type: ignore[arg-type]
    return [u for u in units if u.kind is not UnitKind.HEADING]


def names(text: str, **fields: object) -> list[str | None]:
    return [u.speaker.name for u in claims(text, **fields)]


# ------------------------------------------------------------------------------ turns tagged inline


def test_a_name_heading_a_paragraph_opens_a_turn_that_runs_to_the_next_tag() -> None:
    text = (
        "President Karl Olsen: Good afternoon. We had a useful day of talks. I thanked my colleague for coming.\n"
        "We agreed to meet again in the spring.\n"
        "President Anna Berg: Thank you. Our trade has grown this year. We expect more.\n"
    )
    assert names(text) == ["Karl Olsen"] * 4 + ["Anna Berg"] * 3
    assert {u.speaker.attribution for u in claims(text)} == {Attribution.AUTHOR}


def test_a_lone_tag_in_a_news_report_opens_a_turn_for_its_paragraph_only() -> None:
    # a statement a report reproduces under its author's name; the reporter's narration below stays the outlet's
    text = (
        "Crowds gathered in Oldtown on Monday.\n\n"
        "Karl Olsen: We will not accept this. I have asked our lawyers to go to court.\n\n"
        "The commission is expected to publish final figures on Friday.\n"
    )
    assert names(text) == [None, "Karl Olsen", "Karl Olsen", None]


def test_a_turn_tagged_inline_keeps_a_reported_party_to_its_sentence() -> None:
    text = (
        "Karl Olsen: We discussed the border. The Southland government claims the river is theirs. "
        "We reject this. Our maps are clear.\n"
    )
    assert names(text) == ["Karl Olsen", "Southland government", "Karl Olsen", "Karl Olsen"]


def test_a_questioner_tagged_inline_has_the_turn_until_the_answer() -> None:
    text = (
        "Question: Will you meet the opposition? When?\n"
        "Karl Olsen: I will meet them next week. We have nothing to hide.\n"
    )
    assert names(text) == ["questioner", "questioner", "Karl Olsen", "Karl Olsen"]


def test_a_headline_with_a_colon_opens_no_turn() -> None:
    # a news headline "Name: claim" and the report below it: the report stays the outlet's
    text = "Karl Olsen: talks have failed\n\nThe talks in Oldtown ended on Monday without an agreement.\n"
    assert names(text)[1] is None
    # a label and a figure, an organisation before a colon: no person, no turn beyond the headline's sentence
    text = "Turnout: 37 percent. The count went on through the night.\nOldtown Council: The vote was fair. We agree.\n"
    assert names(text) == [None, None, "Oldtown Council", None]


# ------------------------------------------------------------------------------ tags in capitals


def test_a_tag_in_capitals_resolves_to_the_name_as_the_page_writes_it() -> None:
    text = (
        "Daily Press Briefing\n\nJohn McAllister, Spokesman\n\nMR. MCALLISTER: Good morning. The Secretary made "
        "several calls yesterday. We expect more today.\n\nQUESTION: Who did she call?\n"
    )
    got = names(text)
    assert got[:3] == ["John McAllister"] * 3
    assert got[-1] == "questioner"


def test_memo_fields_are_no_speakers_tags() -> None:
    text = (
        "FROM:\nNORTHLAND MISSION TO THE UNITED NATIONS\n\nSUBJECT:\nRemarks at the General Assembly\n\n"
        "We are deeply concerned by the situation. The resolution before us is one-sided.\n"
    )
    assert {u.speaker.name for u in claims(text)} == {None}
    assert all(u.speaker.attribution is not Attribution.UNATTRIBUTED for u in claims(text))


# ------------------------------------------------------------------------------ readouts and press releases


def test_a_readout_attributable_to_a_spokesperson_is_theirs_and_the_secretary_is_resolved() -> None:
    text = (
        "Office of the Spokesperson\n\nThe following is attributable to Spokesperson Jane Q. Doe:\n\n"
        "Secretary Peter K. Hall spoke with Northland's Foreign Minister Anna Berg today. The Secretary "
        "underscored the importance of the partnership. The Secretary urged restraint on the border.\n"
    )
    assert names(text) == [None, "Jane Q. Doe", "Peter K. Hall", "Peter K. Hall"]


def test_a_knight_named_by_his_given_name_is_resolved_to_his_full_name() -> None:
    text = (
        "The Minister for Europe, Sir Peter Hall, is visiting Oldtown.\n\nAhead of the visit, Sir Peter said:\n\n"
        "I am pleased to be here again. We support the reforms.\n"
    )
    assert names(text)[-2:] == ["Peter Hall", "Peter Hall"]


# ------------------------------------------------------------------------------ statements to international bodies


def test_a_statement_to_a_council_keeps_its_authors_sentences_around_another_sides_words() -> None:
    text = (
        "Thank you, Madam Chair.\n\nAs we have said many times in this room, the attack was unprovoked. "
        "Now, in the regions it claims to have annexed, Northland is holding elections. "
        "The Northland delegation asserted last week that the vote was free. This is simply untrue. "
        "Many of us highlighted the abuses in the occupied regions. Many say the vote changes nothing.\n"
    )
    got = names(text, author="Jane Doe")
    assert got == ["Jane Doe", "Jane Doe", "Jane Doe", "Northland delegation", "Jane Doe", "Jane Doe", None]


def test_sentence_adverbs_and_norms_are_no_speakers() -> None:
    assert check_name("Now") == "clause fragment"
    assert check_name("Therefore") == "clause fragment"
    assert check_name("Russian standards and Russian prices") == "norm or measure"
    assert check_name("Northland law") == "norm or measure"
    assert check_name("Northland lawmakers") is None
    assert check_name("Northland Law Society") is None


def test_according_to_a_norm_in_a_speech_stays_the_authors() -> None:
    rejected: Counter[str] = Counter()
    text = "We drafted a decision. All supplies will be made according to Northland standards and Northland prices.\n"
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Karl Olsen")
    got = [u.speaker.name for u in segment(document, rejected=rejected)]
    assert got == ["Karl Olsen", "Karl Olsen"]


def test_arguing_against_another_side_is_the_authors_own_claim() -> None:
    text = (
        "Contrary to what the Northland delegation asserted, the vote was not free. "
        "The so-called authorities announced a turnout of 80 percent. Nobody believes this figure.\n"
    )
    assert names(text, author="Jane Doe") == ["Jane Doe", "the so-called authorities", "Jane Doe"]
    assert check_name("Nobody") == "clause fragment"


def test_an_opening_adverbial_without_a_comma_is_no_part_of_the_speaker() -> None:
    text = "Following the meeting the Foreign Secretary said:\n\nWe stand with Southland. The attack must stop.\n"
    assert names(text) == [None, "Foreign Secretary", "Foreign Secretary"]


def test_a_pronoun_in_a_turn_never_takes_an_article_for_a_name() -> None:
    text = (
        "QUESTION: The Northland foreign minister said yesterday that the talks were dead. Do you agree?\n\n"
        "MR. HALL: No, we don't. The Secretary spoke with him this morning. He told her that Northland remains "
        "committed. We take him at his word.\n"
    )
    got = names(text)
    assert got[0] == "Northland foreign minister"
    assert got[1] == "questioner"
    assert "The Northland" not in got
    assert got[2:4] == ["Hall", "Hall"] and got[-1] == "Hall"


def test_a_modifier_whose_head_was_taken_for_a_verb_is_no_group() -> None:
    assert check_name("All member") == "clause fragment"
    assert check_name("All parties") is None
    text = "We are disappointed. All member states should evaluate these resolutions on their merits.\n"
    assert names(text, author="Jane Doe") == ["Jane Doe", "Jane Doe"]


def test_a_speech_reports_another_party_in_ways_news_does_not() -> None:
    text = (
        "We heard the distinguished delegate of Northland claim that observers were welcome. That is untrue. "
        "The Northland Federation would have us believe that the referendum was legitimate. It was not. "
        "In the words of the Secretary-General, this is a moment of peril. We agree. "
        "The Northland Government claim that the elections were fair. They were not. "
        "Some claim that sanctions do not work. They do. We claim that the law is on our side.\n"
    )
    assert names(text, author="Jane Doe") == [
        "distinguished delegate of Northland",
        "Jane Doe",
        "Northland Federation",
        "Jane Doe",
        "Secretary-General",
        "Jane Doe",
        "Northland Government",
        "Jane Doe",
        None,
        "Jane Doe",
        "Jane Doe",
    ]


def test_once_turns_run_any_name_heading_a_paragraph_is_a_new_turn() -> None:
    text = (
        "Karl Olsen: Colleagues, good afternoon. We have discussed many issues today.\n\n"
        "Peter Hall: Last question, please.\n\nAnna Berg: Thank you. Our position has not changed.\n"
    )
    assert names(text) == ["Karl Olsen", "Karl Olsen", "Peter Hall", "Anna Berg", "Anna Berg"]


def test_a_tag_that_names_an_office_and_nobody_is_said_as_the_tag_says_it() -> None:
    text = (
        "MODERATOR: Thank you all for joining.\n\nSENIOR STATE DEPARTMENT OFFICIAL: Thanks. We believe the "
        "ceasefire is holding.\n"
    )
    assert names(text) == ["moderator", "senior state department official", "senior state department official"]


def test_unnamed_briefers_told_apart_by_a_number_keep_the_tags_words() -> None:
    text = (
        "SENIOR OFFICIAL ONE: Good morning. We think the vote was competitive.\n\n"
        "SENIOR OFFICIAL TWO: I would add that the count took too long.\n"
    )
    assert names(text) == ["Senior Official One", "Senior Official One", "Senior Official Two"]


def test_a_quotation_set_out_below_another_partys_lead_in_in_a_speech_is_theirs_alone() -> None:
    text = (
        "Madam President, the Northland minister said last week:\n\n“We will never withdraw. The land is ours.”\n\n"
        "That tells you everything. We will not accept it.\n"
    )
    units = claims(text, author="Jane Doe")
    assert units[0].speaker.name == "Northland minister"
    quoted = [u for u in units if u.text.startswith("“")]
    assert quoted and all(u.speaker.name == "Northland minister" for u in quoted)
    assert quoted[0].speaker.attribution is Attribution.DIRECT_QUOTE
    assert [u.speaker.name for u in units][-2:] == ["Jane Doe", "Jane Doe"]


def test_a_title_and_surname_heading_a_paragraph_is_a_turn() -> None:
    text = (
        "Secretary Hall: Thank you very much. Let me say a word about the talks. Foreign Minister Berg told me "
        "that Northland wants peace. I believe her.\n\nForeign Minister Berg: Thank you, Peter. It is true.\n"
    )
    assert names(text) == ["Hall", "Hall", "Berg", "Hall", "Berg", "Berg"]


def test_an_office_and_a_titled_name_joined_by_and_speak_together() -> None:
    text = "The President and Prime Minister Berg condemned the attack.\n"
    assert names(text) == ["President and Prime Minister Berg"]


def test_a_news_headline_in_the_first_person_opens_no_turn() -> None:
    text = (
        "Karl Olsen: We will never give up our lands\n\n"
        "OLDTOWN, March 3 - The president of Northland spoke at a rally on Tuesday. Thousands attended.\n"
    )
    got = names(text)
    assert got[0] == "Karl Olsen"
    assert "Karl Olsen" not in got[1:]


def test_an_opening_adverbial_is_dropped_only_before_the_subject() -> None:
    text = "After the vote the opposition leader said the count was rigged.\n"
    assert names(text) == ["the opposition leader"]
    text = "After a meeting with Berg the minister said the talks went well.\n"
    assert "Berg" not in names(text)


def test_a_meetings_record_gives_each_delegate_and_the_chair_their_turn() -> None:
    text = (
        "Mr. Hall (Northland): I thank the President for convening this meeting. We reject the report.\n\n"
        "Ms. Berg (Southland) (spoke in French): The delegation of Northland has once again distorted the facts. "
        "Our troops are not there.\n\n"
        "The President: I now give the floor to the representative of Eastland.\n"
    )
    assert names(text) == ["Hall", "Hall", "Berg", "Berg", "the President"]


def test_a_title_of_a_country_before_the_name_and_an_interpreters_note_are_no_part_of_it() -> None:
    text = (
        "Prime Minister of Northland Karl Olsen (retranslated): Thank you. We had productive talks.\n\n"
        "President of Southland Anna Berg: Colleagues, thank you. I agree with what Mr Olsen said.\n"
    )
    assert names(text) == ["Karl Olsen", "Karl Olsen", "Anna Berg", "Anna Berg"]


def test_an_interjection_is_no_speaker() -> None:
    text = "MR HALL: Good afternoon. We have a few things at the top.\n\nMR HALL: Sorry, say again?\n"
    assert names(text) == ["Hall", "Hall", "Hall"]
    assert check_name("Sorry") == "clause fragment"


def test_a_statements_title_that_states_its_claim_is_the_authors() -> None:
    text = (
        "Northland's referendum is a sham: UK statement to the OSCE\n\nJane Doe\n\n"
        "Thank you, Madam Chair. The vote was not free.\n"
    )
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Jane Doe")
    units = list(segment(document))
    assert units[0].kind is UnitKind.HEADING
    assert units[0].speaker.name == "Jane Doe"
    # a title naming a place or a label, not a claim, stays the outlet's
    text = "Ukraine: UK statement\n\nJane Doe\n\nThank you, Madam Chair.\n"
    document = Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text, author="Jane Doe")
    assert next(iter(segment(document))).speaker.name is None


def test_a_readouts_shared_position_is_the_leaders() -> None:
    text = (
        "The President spoke today with Prime Minister Anna Berg of Southland. All of the leaders agreed on the "
        "need for Northland to withdraw. The two leaders agreed to meet again in May. The President made clear "
        "that the attack was unacceptable.\n"
    )
    assert names(text) == [None, "the leaders", None, "President"]


def test_the_minister_of_a_press_release_is_the_one_its_lead_names_with_the_office() -> None:
    text = (
        "The UK's Minister for Europe, Sir Peter Hall, is visiting Oldtown. He met Prime Minister Olsen.\n\n"
        "Following the meeting the Minister said:\n\nWe support the reforms. We will keep helping.\n"
    )
    assert names(text)[-2:] == ["Peter Hall", "Peter Hall"]


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


# ------------------------------------------------------------------------------ fifth round


def test_a_capitals_tag_after_a_date_stamp_opens_the_transcripts_turn() -> None:
    text = (
        "date 2021-03-04 MINISTER OLSEN: Welcome to our friends from Southland. We are committed to these talks.\n\n"
        "Northland supports a lasting settlement. And I\u2019d simply say that the talks will go on.\n\n"
        "Thank you.\n"
    )
    assert set(names(text)) == {"Olsen"}  # the stamp does not hide the tag; "I'd simply" is no speaker
    text = text.replace("date 2021-03-04", "March 4, 2021")
    assert set(names(text)) == {"Olsen"}
    plain = "2021-03-04 Talks resumed in Oldtown on Monday. Officials gave no details.\n"
    assert set(names(plain)) == {None}  # a stamp before narration opens no turn


def test_a_question_that_reports_a_claim_is_the_askers() -> None:
    text = (
        "QUESTION: Minister, is the truce over, as the rebels are claiming?\n\n"
        "MINISTER OLSEN: No. The rebels say many things. The truce holds.\n"
    )
    said = {u.text[:12]: u.speaker.name for u in claims(text)}
    assert said["Minister, is"] == "questioner"
    assert said["The rebels s"] == "the rebels"  # an answer's report of another party is still theirs
    assert said["The truce ho"] == "Olsen"


def test_a_text_the_speaker_reads_out_below_a_lead_in_is_its_authors() -> None:
    text = (
        "MINISTER OLSEN: We took several decisions today. On Southland, I read you the text as agreed by the "
        "heads of state and government that goes as follows:\n\n"
        "\u201cWe recognise the reforms made by Southland. We commend its people.\u201d\n\n"
        "That is the position of all of us. I think it is fair.\n"
    )
    said = {u.text[:12]: u.speaker.name for u in claims(text)}
    assert said["\u201cWe recognis"] == "the heads of state and government"
    assert said["On Southland"] == said["That is the "] == said["I think it i"] == "Olsen"  # the reader's own
    assert check_name("heads of state and government") is None


def test_a_statements_issuer_acting_in_its_own_name_and_a_report_set_against_the_authors_view_are_the_authors() -> None:
    fields = {"author": "Jane Doe", "author_role": "Lead Spokesperson"}
    text = (
        "The clashes on the border are dangerous. The Union urges both sides to pull back. "
        "Northland said the clashes were provoked. The Council declared this principle long ago, but our partners "
        "refuse to apply it. Southland calls on the world to look away.\n"
    )
    said = {u.text[:12]: u.speaker.name for u in claims(text, **fields)}
    assert said["The Union ur"] == "Jane Doe"  # the issuer in its own name, in the present
    assert said["Northland sa"] == "Northland"  # a party the statement reports
    assert said["The Council "] == "Jane Doe"  # reported, then set against the author's own side
    assert said["Southland ca"] == "Southland"  # a country acting is a party the statement reports


def test_a_releases_office_acting_in_the_present_is_the_holder_the_release_names() -> None:
    text = (
        "The Home Secretary condemns the attacks, the arrests of opposition voices and the closure of newspapers.\n\n"
        "Home Secretary Jane Doe said:\n\n"
        "These arrests show the depth of repression. We will not stay silent.\n"
    )
    said = {u.text[:12]: u.speaker.name for u in claims(text)}
    assert said["The Home Sec"] == "Jane Doe"  # not "voices", not the outlet
    assert said["These arrest"] == "Jane Doe"


def test_a_he_after_a_crowd_nobody_named_is_the_person_named_before() -> None:
    text = (
        "Assembly President Karl Olsen said the debate had been useful. Many criticised the United Nations itself. "
        "\u201cThis is part of the job,\u201d he said. Another said the debate was too long. He said it should "
        "be shorter.\n"
    )
    said = {u.text[:12]: u.speaker.name for u in claims(text)}
    assert said["\u201cThis is par"] == "Karl Olsen"  # "Many" is no "he": the person named before is
    assert said["He said it s"] is None  # after "Another said", "he" is that unnamed one, as before


def test_a_datelines_place_in_capitals_after_a_date_opens_no_turn() -> None:
    text = "March 4, 2021 OLDTOWN: The talks resumed on Monday. Officials gave no details.\n"
    assert set(names(text)) == {None}


def test_a_questioner_putting_the_answerers_words_to_them_reports_the_answerer() -> None:
    text = (
        "MINISTER OLSEN: We will see.\n\n"
        "QUESTION: You said yesterday that the border would stay closed. Did you mean all of it?\n\n"
        "MINISTER OLSEN: No, I said the crossings matter.\n"
    )
    said = {u.text[:12]: (u.speaker.name, u.speaker.attribution) for u in claims(text)}
    assert said["You said yes"] == ("Olsen", Attribution.REPORTED)  # the answerer's claim, put to them
    assert said["Did you mean"] == ("questioner", Attribution.AUTHOR)  # the question stays the asker's


@pytest.mark.parametrize(
    "asked",
    [
        "Question: Will the ferry run?\n\nKarl Olsen: We will see.\n\nQuestion: ",
        "Q: Will the ferry run?\n\nKarl Olsen: We will see.\n\nQ: ",
        "Question: ",  # a tag used once
    ],
)
def test_a_questioner_tagged_inline_putting_the_answerers_words_to_them_reports_the_answerer(asked: str) -> None:
    text = asked + (
        "You told us last week that the ferry would stop in May. Is that still true?\n\n"
        "Karl Olsen: No, I said the timetable would change.\n"
    )
    said = {u.text.split(": ", 1)[-1][:12]: (u.speaker.name, u.speaker.attribution) for u in claims(text)}
    assert said["You told us "] == ("Karl Olsen", Attribution.REPORTED)  # not "Question", not the questioner
    assert said["Is that stil"] == ("questioner", Attribution.AUTHOR)


def test_a_party_trying_to_do_something_is_the_speakers_claim_and_one_trying_to_present_it_is_theirs() -> None:
    text = (
        "Dear deputies, we meet at a hard time. Our soldiers hold the line.\n\n"
        "Southland is trying to persuade its neighbours to close the border. Southland is trying to show strength "
        "before the talks. And Southland is trying to portray our soldiers as aggressors. Southland is trying to "
        "convince the world that we started the war.\n"
    )
    said = {
        u.text[:30]: (u.speaker.name, u.speaker.attribution)
        for u in claims(text, author="Karl Olsen", author_role="President")
    }
    assert said["Southland is trying to persuad"] == ("Karl Olsen", Attribution.AUTHOR)  # an act, no claim of theirs
    assert said["Southland is trying to show st"] == ("Karl Olsen", Attribution.AUTHOR)
    assert said["And Southland is trying to por"] == ("Southland", Attribution.REPORTED)  # their version, reported
    assert said["Southland is trying to convinc"] == ("Southland", Attribution.REPORTED)


def test_an_office_acting_in_a_news_sentence_that_names_who_said_it_is_that_sources() -> None:
    text = (
        "OLDTOWN, March 3 (Northpress) - Tension rose in Northland on Tuesday after the disputed vote.\n\n"
        "The President urges calm and will address the nation tonight, his spokesman Karl Roe told reporters.\n\n"
        "The leaders agreed that the border would stay open, officials said.\n\n"
        "The Foreign Minister welcomes the observers and urges both sides to accept the result.\n"
    )
    said = {u.text[:20]: u.speaker.name for u in claims(text, source="Northpress")}
    assert said["The President urges "] == "Karl Roe"  # the sentence says who said it
    assert said["The leaders agreed t"] == "officials"
    assert said["The Foreign Minister"] == "Foreign Minister"  # no one else named: the office's own act


def test_a_questioner_tagged_by_surname_and_outlet_opens_a_turn_of_their_own() -> None:
    text = (
        "Berg, Northland Daily: Will you raise the tariffs with Southland? What is your view?\n"
        "Minister Olsen: We will not raise them. I have said so before.\n"
        "2. Borders\n"
        "Holm, Oldtown Radio: I would like to ask about the border. When will it reopen?\n"
        "Minister Olsen: Soon, I hope.\n"
    )
    units = claims(text, author="Karl Olsen", author_role="Foreign Minister")
    asked = {u.text.split(":")[-1].strip()[:12]: u.speaker.name for u in units}
    assert asked["Will you rai"] == asked["What is your"] == "Berg"
    assert asked["I would like"] == asked["When will it"] == "Holm"
    assert asked["We will not "] == asked["Soon, I hope"] == "Karl Olsen"


def test_an_interviewer_tagged_by_surname_in_capitals_is_named_and_a_noun_tag_is_not() -> None:
    text = (
        "ROEBUCK:\nPrime Minister, will the aid package continue next year?\n"
        "PRIME MINISTER:\nWell, it will. We have made that clear.\n"
        "ROEBUCK:\nDoes it concern you that the talks stalled?\n"
        "HOST:\nWe will leave it there.\n"
    )
    got = [(u.text[:12], u.speaker.name) for u in claims(text)]
    assert got[0] == ("Prime Minist", "Roebuck") and got[3] == ("Does it conc", "Roebuck")
    assert got[1][1] == "Prime Minister"
    assert got[-1] == ("We will leav", None)  # "HOST" is a part in the show, no one's name


def test_an_official_report_s_office_and_name_line_opens_a_turn_to_the_next() -> None:
    text = (
        "Meeting of the Parliament (Hybrid)\n\nBorder Referendum\n\n"
        "The Presiding Officer (Anna Berg)\n\nThe next item of business is a statement on the referendum.\n\n"
        "The First Minister (Karl Olsen)\n\nThe campaign was long and hard. It was rooted in a belief.\n\n"
        "We will publish the bill today.\n\n"
        "Jane Roe (Oldtown North) (Con)\n\nWill the First Minister accept the result?\n"
    )
    got = {u.text[:14]: u.speaker.name for u in claims(text)}
    assert got["The next item "] == "Anna Berg"
    assert got["The campaign w"] == got["It was rooted "] == got["We will publis"] == "Karl Olsen"
    assert got["Will the First"] == "Jane Roe"
    assert got.get("Meeting of the") is None  # a sitting's name and its format are no speaker


def test_a_lone_reporter_tag_in_remarks_to_the_press_is_the_questioner_s_turn() -> None:
    text = (
        "Ambassador Roe: We will keep working on a text. That is our objective.\n"
        "Reporter: Will you oppose a product from the Council?\n"
        "Ambassador Roe: We will judge the draft on its merits.\n"
    )
    got = [u.speaker.name for u in claims(text, author="Jane Roe", author_role="Ambassador")]
    assert got == ["Jane Roe", "Jane Roe", "Reporter", "Jane Roe"]  # the questioner, named as the tag names them


def test_a_capitals_tag_of_a_surname_with_a_mc_or_mac_prefix_opens_a_turn() -> None:
    text = (
        "Briefing on the Talks by Anna McDermott, Chief of Staff\n\n"
        "     MR. HALL:  Good afternoon. Anna McDermott just came from the talks and will take your questions.\n"
        "     MS. McDERMOTT:  Thanks, Tom. We believe the agreement is a real step. It holds both sides to a "
        "timetable.\n"
        "     MR. MacLEOD:  And we will keep the pressure on. Nobody should doubt it.\n"
    )
    got = names(text)
    assert got[:2] == ["Hall", "Hall"]
    assert got[2:5] == ["Anna McDermott"] * 3
    assert got[5:] == ["MacLeod", "MacLeod"]


def test_a_questioners_tag_that_names_a_reporter_or_journalist_names_them_as_the_tag_does() -> None:
    text = (
        "Transcript: press conference, Oldtown\n\n"
        "Anna Berg: Thank you all for coming. We had good talks today.\n\n"
        "Reporter: You said yesterday that the border would stay closed. Will it reopen this year?\n\n"
        "Anna Berg: No, I said the crossings matter. We will decide next month.\n\n"
        "Journalist (via Interpreter): Minister, what did you ask of Southland?\n"
    )
    said = {u.text[:12]: (u.speaker.name, u.speaker.attribution) for u in claims(text)}
    assert said["You said yes"] == ("Anna Berg", Attribution.REPORTED)  # her own claim, put to her
    assert said["Will it reop"] == ("Reporter", Attribution.AUTHOR)
    assert said["Minister, wh"][0] == "Journalist"
    question = "QUESTION: Will the border reopen this year?\n\nANNA BERG: No. We will decide next month.\n"
    assert names(question)[0] == "questioner"  # a tag that names no asker stays the questioner
