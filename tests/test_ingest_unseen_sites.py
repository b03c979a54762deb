"""A speech's or release's author on kinds of page no rule had seen (issue 15, session 7, round 2): a name with
accented letters in a name block under a bracketed delivery note, an office's holder in an appositive after the
office, a legislator's title inside a long office phrase.

Every text is invented, in the styles of the EU's, a press office's and a congressional commission's pages."""

from __future__ import annotations

import pytest
from claimstance.ingest import ingest_text


def _author(raw: str) -> tuple[str | None, str | None]:
    [doc] = ingest_text(raw, "page.txt")
    return doc.author, doc.author_role


_SPEECH = (
    "Madam Chair,\n\nHonourable members,\n\n"
    "I would like to make three points on the situation in Northland. We condemn the vote organised there and we "
    "consider its outcome invalid.\n\nOur support for the people of Northland will not waver.\n"
)


def test_an_accented_name_under_a_bracketed_delivery_note_is_the_speeches_author() -> None:
    raw = (
        "European Commission\n\n[Check Against Delivery]\n\nŽofia Dvořák\n\n"
        "European Commissioner for Neighbourhood Policy\n\nNorthland vote: a threat to stability\n\n"
        "Strasbourg, 3 April 2019\n\n" + _SPEECH
    )
    assert _author(raw)[0] == "Žofia Dvořák"


def test_the_holder_named_after_the_office_in_a_press_offices_headline_is_the_author() -> None:
    raw = (
        "Press Releases\n\n"
        "Address by the Minister of Health and Chair of the Northland Council on Medicine, Ms Jane Roe, at the "
        "opening of the congress, in Oldtown, yesterday\n\n"
        "It is a great honour to be here with you. I want to thank the organisers for their invitation.\n\n"
        "We have worked for years on this reform and we will see it through.\n"
    )
    author, role = _author(raw)
    assert author == "Jane Roe"
    assert role is not None and role.startswith("Minister of Health")


def test_a_statement_answering_an_address_keeps_its_own_author() -> None:
    raw = (
        "Statement in Response to the Address by the President of the Assembly, Mr. Karl Olsen\n\n"
        "The Union welcomes the President of the Assembly and thanks him for his address.\n\n"
        "We share his view that the elections must be free.\n"
    )
    assert _author(raw)[0] != "Karl Olsen"


def test_a_legislators_title_inside_an_office_phrase_leaves_the_member_alone() -> None:
    raw = (
        "Statement by Northland Commission Co-Chairman Sen. Jane Roe\n\n"
        "I condemn the fraudulent election in Northland. We stand with its people.\n\n"
        "Our commission will keep watching the courts.\n"
    )
    assert _author(raw) == ("Jane Roe", "Northland Commission Co-Chairman")


def test_a_headline_ending_on_a_places_initials_heads_the_release_below_its_date() -> None:
    raw = (
        "Skip to main content\n\nVote results delivered to Congress in Washington, D.C.\n\nJune 15, 2017\n\n"
        "The Governor of Northland visited the capital to report on the results of the vote held last Sunday.\n\n"
        '"We are making sure today that Congress hears the people of Northland," said the Governor.\n'
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title == "Vote results delivered to Congress in Washington, D.C."
    assert doc.published is not None and doc.published.isoformat() == "2017-06-15"


def test_a_cookie_notice_a_release_section_and_a_press_contact_are_no_headline() -> None:
    from claimstance.ingest.headers import choose_title

    assert choose_title(["By continuing to use our site, you agree to our use of cookies. Cookie policy"]) is None
    assert choose_title(["Press Release ● Trade and Industry"]) is None
    assert choose_title(["Karl Olsen, 202-555-0100"]) is None


def test_a_releases_dateline_run_into_its_capitalised_headline_is_cut_from_the_title() -> None:
    raw = (
        "May 3, 2012\n\nFOR IMMEDIATE RELEASE\n\nOLDTOWN, N.C.—SENATE PASSES NORTHLAND STATUS BILL\n\n"
        "Senator Jane Roe announced today that the Senate passed the Northland Status Act by a vote of 60-40.\n\n"
        '"This is a great day for Northland," Roe said.\n'
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title == "SENATE PASSES NORTHLAND STATUS BILL"


def test_a_place_and_date_beside_a_comments_link_dates_a_members_column() -> None:
    raw = (
        "Weekly Report\n\nThe fight for fair elections\n\nOldtown, July 12, 2024 | comments\n\n"
        "On July 1, the court dealt a blow to the plan. I have said all along that it was wrong.\n\n"
        "The bottom line is that only citizens should vote, and I will keep fighting for that.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.published is not None and doc.published.isoformat() == "2024-07-12"


def test_a_ministrys_comment_with_one_line_per_paragraph_keeps_its_heading_and_its_voice() -> None:
    raw = (
        "Comment of the Ministry of Foreign Affairs of Northland regarding Southland's plans to hold a vote in the "
        "occupied districts\n"
        "Northland is closely following the intentions of Southland to hold so-called votes in the districts.\n"
        "We consider these votes illegitimate, and their results will have no legal consequences whatsoever.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title is not None and doc.title.startswith("Comment of the Ministry of Foreign Affairs of Northland")
    assert doc.author == "Ministry of Foreign Affairs of Northland"


def test_a_members_surname_before_statement_in_the_title_is_the_releases_author() -> None:
    raw = (
        "Roe Statement on Northland Vote Results\n\nNovember 4, 2020\n\nPress Release\n\n"
        "WASHINGTON, D.C. - Congresswoman Jane Q. Roe (NL-02) released the following after the vote:\n\n"
        '"The moment to admit Northland is upon us. The time to act is now."\n'
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author == "Jane Q. Roe"


def test_a_surname_statement_title_over_a_report_naming_no_such_member_names_no_author() -> None:
    raw = (
        "Roe Statement on Northland Vote Results\n\nNovember 4, 2020\n\n"
        "The statement by the opposition leader drew criticism from across Northland on Tuesday.\n\n"
        "Critics said the vote had been fair.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author is None


def test_a_joint_statements_title_names_both_issuers_as_its_author() -> None:
    raw = (
        "Joint statement by President Berg and President Olsen on the elections in Northland\n\n"
        "Brussels, 26 May 2014\n\n"
        "We welcome the holding yesterday of the elections in Northland. We look forward to working with the next "
        "President.\n\nWe stand ready to assist Northland.\n"
    )
    assert _author(raw)[0] == "President Berg and President Olsen"


def test_a_joint_statements_bare_surnames_are_written_out_as_the_text_gives_them() -> None:
    raw = (
        "Joint statement by ministers Berg and Olsen regarding Northland's election\n\n"
        "The Honourable Anna Berg, Minister of Foreign Affairs, and the Honourable Karl Olsen, Minister of Trade, "
        "today issued the following statement:\n\n"
        "“We congratulate the people of Northland on a peaceful vote.”\n"
    )
    assert _author(raw)[0] == "Anna Berg and Karl Olsen"


def test_a_joint_statement_title_naming_offices_or_an_institution_names_no_people() -> None:
    from claimstance.ingest.members import joint_issuers

    text = "The Department notes the results of the elections."
    assert joint_issuers("Joint statement by the Information and Press Department on the elections", text) is None
    assert joint_issuers("Joint statement by Prime Minister and President on the elections", text) is None


def test_a_statement_that_names_today_s_date_in_its_opening_is_dated_so() -> None:
    raw = (
        "Skip to content\n\n"
        "OLDTOWN - Senator Jane Roe issued the following statement today on Northland's independence:\n\n"
        "“Today, July 9, 2011, Northland declared its independence. I congratulate its people.”\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.published is not None and doc.published.isoformat() == "2011-07-09"


def test_today_in_a_report_without_a_date_after_it_dates_nothing() -> None:
    raw = (
        "Skip to content\n\n"
        "Northland votes\n\n"
        "Today, voters in Northland chose a new parliament, officials said. Turnout was high in the capital.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.published is None


def test_a_broadcasters_from_place_reporter_line_is_the_byline() -> None:
    raw = (
        "News\n\nNorthland Expresses Concerns about Vote\n\n"
        "The Northland government has expressed concerns about the vote in Southland. From New York Jane Doe has "
        "more.\n\nThe misgivings were contained in a statement issued by the Foreign Minister.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.byline == "Jane Doe"


def test_a_congressional_records_hon_heading_names_the_member_who_extends_remarks() -> None:
    raw = (
        "[Congressional Record, Volume 150 (2004)]\n[Extensions of Remarks]\n\n"
        "                 SUPPORTING THE PEOPLE OF NORTHLAND\n\n"
        "                           HON. JANE McROE\n\n"
        "                              of northland\n\n"
        "                    in the house of representatives\n\n"
        "                        Wednesday, April 5, 2006\n\n"
        "  Ms. McROE. Madam Speaker, I rise to reaffirm our support for Northland. Jane McRoe has long stood with\n"
        "its people, and I ask my colleagues to do the same.\n"
    )
    assert _author(raw)[0] == "Jane McRoe"


def test_a_legislators_title_before_the_name_alone_keeps_the_office_the_header_gave() -> None:
    from claimstance.ingest.members import titled_member

    assert titled_member("Rep. Jane Roe") == ("Jane Roe", None)
    assert titled_member("Jane Roe") is None
    raw = (
        "Statement by Foreign Affairs Committee Chairman Rep. Jane Roe\n\n"
        "I condemn the fraudulent election in Northland. We stand with its people.\n"
    )
    author, role = _author(raw)
    assert author == "Jane Roe"
    assert role is not None and "Chairman" in role


# ------------------------------------------------------------------------------ reviewed in the seventh round


@pytest.mark.parametrize(
    "body",
    [
        # a wire story under a title case headline: the member is named, issues nothing
        "By Karl Olsen\n\nOLDTOWN (Northpress) - A statement by Senator Jane Roe on new tariffs drew criticism "
        "from farm groups on Tuesday.\n",
        # a market report: the member said something, after the markets fell
        "Markets fell on Monday after Representative Jane Roe said tariffs would rise.\n\n"
        "Analysts said the remarks were unexpected.\n",
    ],
)
def test_a_surname_statement_headline_over_a_news_story_about_the_member_names_no_author(body: str) -> None:
    raw = "Roe Statement on Tariffs Draws Fire From Allies\n\n" + body
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author is None


def test_a_recalled_today_in_a_speech_is_no_publication_date() -> None:
    raw = (
        "Remembrance speech at Oldtown beach\n\nSeventy years ago our fathers came ashore here.\n\n"
        "“Today, June 6, 1944, Allied troops landed on the beaches,” the radio announced that morning.\n\n"
        "We remember them all.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.published is None


def test_a_headlines_own_kicker_in_capitals_is_no_run_in_dateline() -> None:
    raw = "BREXIT — WHAT HAPPENS NEXT FOR FARMERS\n\nBy Jane Doe\n\nFarmers face a difficult year, the union said.\n"
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title == "BREXIT — WHAT HAPPENS NEXT FOR FARMERS"
    run_in = "WASHINGTON, D.C.—HOUSE PASSES NORTHLAND STATUS BILL\n\nThe House passed the bill on Monday.\n"
    [release] = ingest_text(run_in, "page.txt")
    assert release.title == "HOUSE PASSES NORTHLAND STATUS BILL"


def test_a_leads_sentence_ending_on_a_places_initials_is_no_headline() -> None:
    # a wire story's one-sentence lead: "The ministers met ... in Washington, D.C." is prose, the title stays
    raw = (
        "Northland and Southland resume talks\n\nThe foreign ministers met on Monday in Washington, D.C.\n\n"
        '"We are close," Anna Berg said after the meeting.\n'
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title == "Northland and Southland resume talks"


def test_a_news_headline_about_an_address_names_no_holder_of_the_office() -> None:
    from claimstance.ingest.members import apposed_holder

    # a wire story's headline: the address is its subject, the minister no author of the story
    assert apposed_holder("Address by the Prime Minister, Mr Karl Olsen, draws protest in Oldtown") is None
    assert apposed_holder("Address by the Minister of Health, Ms Jane Roe, at the congress") == "Jane Roe"


def test_a_floor_speechs_one_capitals_label_names_its_author() -> None:
    raw = (
        "ROE: Mr. President, I rise today to speak about the floods in Northland. Thousands have lost their homes "
        "this week.\n\nI visited the region in 2019 and met with its mayors. We must send help now.\n"
    )
    assert _author(raw)[0] == "Roe"


def test_a_release_over_a_floor_speech_gives_the_label_the_name_the_lead_writes_out() -> None:
    raw = (
        "Floor Speech on the Northland Elections Act\n\nMarch 3, 2021\n\n"
        "Washington D.C. – Leader Jane Roe spoke on the Floor in support of the Northland Elections Act. Below "
        "are her remarks:\n\nLeader Roe.  I thank the gentleman for yielding. This bill protects the vote.\n\n"
        "We will pass it this week.\n"
    )
    assert _author(raw)[0] == "Jane Roe"


def test_labels_naming_two_members_make_a_debate_with_no_one_author() -> None:
    raw = (
        "Mr. ROE. Mr. Speaker, I support the bill before us and urge its passage.\n\n"
        "Mr. DOE. Mr. Speaker, I oppose it, for it spends too much.\n"
    )
    assert _author(raw)[0] is None


def test_a_ministry_comment_opening_in_its_own_voice_is_the_ministrys() -> None:
    raw = (
        "The Ministry of Foreign Affairs of Northland expresses its deep regret over the decision of the Southland "
        "parliament to postpone the vote.\n\nThe postponement leaves thousands of voters without a voice. It is "
        "unacceptable that the elections were cancelled twice.\n"
    )
    assert _author(raw)[0] == "Ministry of Foreign Affairs of Northland"


def test_a_report_of_a_body_in_the_past_tense_gives_it_no_statement() -> None:
    raw = (
        "Ministers met in Oldtown on Monday and condemned the attacks on polling stations.\n\n"
        "The Council welcomes the work of the observers and calls on all sides to respect the results.\n"
    )
    assert _author(raw)[0] is None


def test_a_briefings_turns_under_its_caption_and_date_stay_one_document() -> None:
    raw = (
        "Transcript of Consul Jane Roe's Media Availability\n\nConsul Jane Roe speaks to journalists.\n\n"
        "March 3, 2021\n\nQ: What do you make of the campaign so far?\n\n"
        "Consul Roe: It has been lively. We have seen large rallies and we hope the vote will be calm.\n"
    )
    documents = list(ingest_text(raw, "page.txt"))
    assert len(documents) == 1
    assert "It has been lively" in documents[0].text


@pytest.mark.parametrize(
    "headline",
    [
        "Members of Congress Hail Harbour Deal on Northland Coast",
        "Governor Roe, Group of Mayors Sign Letter on Ferries",
    ],
)
def test_a_headline_whose_subject_is_a_group_names_no_author(headline: str) -> None:
    raw = (
        f"{headline}\n\nOLDTOWN – Support for the deal keeps growing as we learn more of its terms, the "
        "caucus reported.\n\nThe vote is due next week.\n"
    )
    assert _author(raw)[0] is None


def test_a_holder_on_a_topic_over_her_own_speech_keeps_her_surname_even_when_it_ends_in_s() -> None:
    raw = (
        "Senator Jane Peters on the Northland Elections Act\n\n"
        "I rise in support of the Northland Elections Act. We owe every voter a ballot that counts.\n"
    )
    assert _author(raw)[0] == "Jane Peters"
