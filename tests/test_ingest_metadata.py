"""Document metadata on unseen pages (issue 15, fifth round): titles, dates, sources and run-on lines that the
earlier rounds got wrong on pages no rule was written for; every page here is invented."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.headers import choose_title
from claimstance.schema import Document


def _docs(raw: str) -> list[Document]:
    return list(ingest_text(raw, "page.txt"))


# ------------------------------------------------------------------------------------------------ titles


@pytest.mark.parametrize(
    "furniture",
    [
        "Jump to content",
        "An official website of the Northland Government Here's how you know",
        "Official websites use .gov",
        "Showing posts with label OLDTOWN. Show all posts",
        "Statements by the Spokesperson",
        "Speeches, interviews, articles",
    ],
)
def test_site_furniture_and_section_names_are_no_headline(furniture: str) -> None:
    assert choose_title([furniture]) is None
    headline = "Northland minister quits over port deal"
    assert choose_title([furniture, headline]) == headline


def test_a_headline_that_opens_with_a_place_and_an_office_is_kept() -> None:
    # "North Land" + "Prime Minister resigns" reads like a name and an office; the verb in lower case says headline
    assert choose_title(["North Land Prime Minister resigns"]) == "North Land Prime Minister resigns"
    assert choose_title(["Jane Doe", "Secretary of State"]) is None


def test_a_transcript_title_in_capitals_naming_an_office_is_the_title() -> None:
    assert choose_title(["ADDRESS BY PRESIDENT OF THE REPUBLIC OF NORTHLAND"]) == (
        "ADDRESS BY PRESIDENT OF THE REPUBLIC OF NORTHLAND"
    )


def test_a_venue_above_a_transcripts_time_is_no_title() -> None:
    raw = "East Room\n\n4:10 P.M. EST\n\nTHE PRESIDENT:  Thank you all for coming today, it is good to see you.\n"
    assert _docs(raw)[0].title is None


def test_a_videos_title_above_its_player_is_no_headline() -> None:
    raw = (
        "News / World\n\nOldtown Votes to Leave the Union\n\nIn Tense Ballot, Oldtown Backs Secession\n|| 0:00:00\n"
        "Jane Doe\nMarch 3, 2021 8:15 PM\n"
        "Officials in the breakaway region of Oldtown say most voters backed secession in the ballot.\n"
    )
    assert _docs(raw)[0].title == "Oldtown Votes to Leave the Union"


# ------------------------------------------------------------------------------------------------ sources

_BODY = "The minister said the talks would resume next week in the capital.\n\n"


@pytest.mark.parametrize(
    ("furniture", "source"),
    [
        ("Find the Ministry of Trade on Twitter, Facebook & Instagram.", "Ministry of Trade"),
        ("Contact the NTO Communication Team via email in the first instance.", "NTO"),
        ("Contact the Northpress press office for interviews.", "Northpress"),
        (
            "Jane Doe, Remarks on the Port Deal Online by John Roe and Ann Poe, The Northland Papers Project "
            "https://papers.example.org/node/12",
            "The Northland Papers Project",
        ),
        ("FROM:  NORTHLAND FOREIGN MINISTRY", "Northland Foreign Ministry"),
    ],
)
def test_the_page_names_its_publisher_in_its_furniture(furniture: str, source: str) -> None:
    assert _docs(f"Talks to resume next week\n\n{_BODY}{furniture}\n")[0].source == source


def test_a_photo_credit_with_a_copyright_sign_in_the_header_names_the_outlet() -> None:
    raw = f"Minister rejects the appeal\n\n© Northpress | Jane Doe, Foreign Minister\n\n{_BODY}"
    assert _docs(raw)[0].source == "Northpress"


def test_a_site_naming_itself_outranks_the_house_style_it_shows() -> None:
    raw = (
        "Official website of the President of Northland\n\nMeeting with the Prime Minister\n\n"
        "The President met the Prime Minister to discuss the budget and the harvest.\n\n"
        "President of Northland Karl Olsen: Good afternoon, colleagues. Let us begin with the budget.\n"
    )
    assert _docs(raw)[0].source == "Official website of the President of Northland"


def test_for_an_outlet_a_reporter_reports_names_both() -> None:
    raw = (
        "Opposition calls off its boycott\n\nTwo opposition parties backed down on Friday. For Northpress, Jane da Doe "
        "reports that the coalition has split.\n\nThe largest party says it will take part in the ballot.\n"
    )
    doc = _docs(raw)[0]
    assert (doc.source, doc.byline) == ("Northpress", "Jane da Doe")


def test_a_dateline_that_opens_the_paragraph_after_a_standfirst_names_the_agency() -> None:
    raw = (
        "The ministry is concerned about the blockade. Its spokesperson said so at a briefing on Tuesday.\n\n"
        "OLDTOWN, JANUARY 25, NORTHPRESS: Asked about the talks, the spokesperson said they would go on.\n"
    )
    assert _docs(raw)[0].source == "Northpress"  # a name set in capitals is written as a name


@pytest.mark.parametrize(
    ("credit", "source"),
    [
        ("Voice of Northland (Oldtown, NL)", "Voice of Northland"),
        ("Northland Public Radio, Oldtown,", "Northland Public Radio"),
    ],
)
def test_a_reposts_credit_line_names_the_outlet(credit: str, source: str) -> None:
    raw = f"Minister rules out handing over the valley\n\n{credit}\n\n{_BODY}"
    assert _docs(raw)[0].source == source


def test_a_monitoring_date_line_with_a_two_digit_year_dates_the_item() -> None:
    raw = f"Minister rules out handing over the valley\n\nNorthland Public Radio, Oldtown,\n13 May 04\n\n{_BODY}"
    assert _docs(raw)[0].published == date(2004, 5, 13)


def test_a_kremlin_speaker_tag_in_capitals_shows_the_house_style() -> None:
    raw = (
        "ADDRESS BY THE PRESIDENT\nMarch 3, 2021\n\nPRESIDENT OF RUSSIA KARL OLSEN:\n"
        "Good afternoon, colleagues. We have gathered here today to discuss the budget.\n"
    )
    assert _docs(raw)[0].source == "The Kremlin"


def test_a_desk_credit_under_the_lead_names_the_outlet() -> None:
    raw = (
        "Oldtown Votes to Leave the Union\n\nMarch 3, 2021 8:15 PM\n"
        "Officials in the breakaway region of Oldtown say most voters backed secession in the ballot.\n"
        "NPA News\nThe regional assembly has applied to join its neighbour, officials said on Monday.\n"
    )
    assert _docs(raw)[0].source == "NPA"


def test_a_broadcaster_the_story_was_told_in_an_interview_is_the_outlet_when_nothing_else_names_one() -> None:
    raw = (
        "Talks stall over the border\n\nThe foreign minister called the border the hardest issue and, in an "
        "interview with Radio Northland, said the neighbour had blocked the talks.\n"
    )
    assert _docs(raw)[0].source == "Radio Northland"


# ------------------------------------------------------------------------------------------------ dates


def test_a_reposted_wire_story_is_dated_by_its_dateline_not_the_reposts_stamp() -> None:
    raw = (
        "Ministry rejects the reports\n\n09:47, March 02, 2021\n\n"
        "OLDTOWN, March 1 (Northpress) -- A ministry spokesman rejected the reports on Monday.\n"
    )
    assert _docs(raw)[0].published == date(2021, 3, 1)
    # a year's turn: a story of 31 December reposted on 1 January
    turn = raw.replace("March 02, 2021", "January 01, 2022").replace("March 1", "Dec. 31")
    assert _docs(turn)[0].published == date(2021, 12, 31)


def test_a_dateline_weeks_before_the_stamp_leaves_the_stamp() -> None:
    raw = (
        "Ministry rejects the reports\n\n09:47, March 22, 2021\n\n"
        "OLDTOWN, March 1 (Northpress) -- A ministry spokesman rejected the reports on Monday.\n"
    )
    assert _docs(raw)[0].published == datetime(2021, 3, 22, 9, 47)


def test_a_section_label_before_a_timestamp_and_a_title_ending_in_a_date_date_the_item() -> None:
    label = "Ministers agree on the border\n\nNorthland Materials 25 March 2019 14:12 (UTC +04:00)\n" + _BODY
    assert _docs(label)[0].published == datetime(2019, 3, 25, 14, 12)
    titled = "Foreign Minister gives keynote speech in Oldtown: 17 February 2022\n\n" + _BODY
    assert _docs(titled)[0].published == date(2022, 2, 17)


def test_a_publishers_short_name_is_written_out_as_the_page_gives_it() -> None:
    raw = (
        "Elections: Foreign Office statement\n\nThe Foreign & Trade Office has commented on the preliminary "
        "findings of the observers.\n\nFollow the Foreign Office on Twitter\n"
    )
    assert _docs(raw)[0].source == "Foreign & Trade Office"
    alone = raw.replace("The Foreign & Trade Office", "The ministry")
    assert _docs(alone)[0].source == "Foreign Office"


# ------------------------------------------------------------------------------------------------ documents


def test_a_wikis_review_notice_above_the_date_opens_no_document_of_its_own() -> None:
    raw = (
        "From Examplewiki, the free news source you can write!\nPage version status\nThe page has not been checked\n"
        "There are no reviewed versions of this page, so it may not have been checked for adherence to standards.\n"
        "Friday, February 11, 2005\nOLDTOWN — Opposition groups took to the streets of the capital on Thursday.\n"
    )
    docs = _docs(raw)
    assert len(docs) == 1 and docs[0].title is None and docs[0].published == date(2005, 2, 11)


def test_an_email_alerts_preamble_above_the_release_opens_no_document_of_its_own() -> None:
    raw = (
        " date 2022-03-15 (NEWSWIRE) – You are subscribed to Press Releases for the Northland Foreign Ministry. "
        "This information has recently been updated, and is now available.\n\n03/14/2022 08:17 PM EDT\n\n"
        "Office of the Spokesperson\n\nThe Foreign Minister spoke with the Prime Minister of Southland today.\n"
    )
    docs = _docs(raw)
    assert len(docs) == 1 and docs[0].published == datetime(2022, 3, 14, 20, 17)


def test_a_world_clock_and_a_ticker_above_the_article_are_furniture() -> None:
    gap = " " * 40
    raw = (
        f"28 June 2022\nOldtown: 15:46\nNewtown: 13:46\n\nConsular queries:\n\n"
        f"1,577 days have passed since the incident - no credible answer from the authorities{gap}"
        f"1,569 days have passed since the arrest - no credible answer from the authorities{gap}\n\n"
        "SPEECHES, INTERVIEWS, ARTICLES\n\n11.06.2022\n\nForeign Minister's statement at a news conference\n\n"
        "The meeting of foreign ministers has come to an end. The participants adopted a statement.\n"
    )
    docs = _docs(raw)
    assert len(docs) == 1
    assert (docs[0].title, docs[0].published) == (
        "Foreign Minister's statement at a news conference",
        date(2022, 6, 11),
    )


def test_a_headline_with_a_kicker_sentence_is_the_title_and_a_wrapped_line_is_prose() -> None:
    headline = "Tension has a cause. The Prime Minister's speech in Parliament"
    raw = f"Politics\n\n{headline}\n\nThe Prime Minister spoke in Parliament about the border on Tuesday.\n"
    assert _docs(raw)[0].title == headline
    wrapped = (
        "Talks resume\n\nThe talks failed in May. The minister said the two sides\n"
        "would meet again in the capital next week.\n"
    )
    assert _docs(wrapped)[0].title == "Talks resume"


@pytest.mark.parametrize("line", ["Press Freedom, Oldtown", "Ministers Meet (Geneva)"])
def test_a_line_that_looks_like_a_credit_without_its_form_names_no_outlet(line: str) -> None:
    assert _docs(f"{line}\n\n{_BODY}")[0].source is None  # no comma after the city, no region in the brackets


@pytest.mark.parametrize("headline", ["Messages of support pour in for the victims", "Interviews show voters split"])
def test_a_headline_opening_with_a_plural_kind_is_no_section_name(headline: str) -> None:
    assert choose_title([headline]) == headline


def test_a_short_headline_ending_in_an_institution_is_no_venue() -> None:
    assert choose_title(["Parliament Dissolves Cabinet"]) == "Parliament Dissolves Cabinet"


def test_an_update_stamp_after_a_label_dates_nothing() -> None:
    raw = "Ministers agree on the border\n\nLast Update 25 March 2019 14:12\n" + _BODY
    assert _docs(raw)[0].published is None


def test_for_a_country_its_president_reported_names_no_outlet() -> None:
    raw = "Harvest up\n\nFor Northland, President Karl Olsen reported a record harvest on Monday.\n"
    doc = _docs(raw)[0]
    assert (doc.source, doc.byline) == (None, None)


def test_a_headline_ending_in_a_venue_word_is_a_title_when_no_time_follows() -> None:
    raw = (
        "Olsen Leaves Office\n\n"
        "OLDTOWN, March 3 (Northpress) - Prime Minister Karl Olsen resigned on Tuesday after a vote of no confidence.\n"
    )
    assert _docs(raw)[0].title == "Olsen Leaves Office"


def test_for_a_country_a_person_reported_names_no_outlet() -> None:
    raw = (
        "Talks resume in Oldtown\n\n"
        "For Northland, Karl Olsen reported progress on the border question, while Southland said little.\n"
    )
    assert _docs(raw)[0].source is None


def test_a_timetable_in_the_body_is_no_world_clock() -> None:
    raw = (
        "Northland votes on Sunday\n\nOLDTOWN, March 3 (Northpress) - Northlanders vote on Sunday in an election that "
        "officials say will be the most closely watched in years.\n\nThe electoral commission gave the timetable:\n"
        "Polls open: 07:00\nPolls close: 20:00\n\nFirst results are expected on Monday, the commission said.\n"
    )
    [doc] = _docs(raw)
    assert "Polls open: 07:00\nPolls close: 20:00" in doc.text


def test_a_from_line_in_capitals_writes_its_small_words_small() -> None:
    raw = (
        "FROM: MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF NORTHLAND\n\nMinistry rejects the claims\n\n"
        "The ministry on Monday rejected the claims made by Southland about the border incident last week.\n"
    )
    assert _docs(raw)[0].source == "Ministry of Foreign Affairs of the Republic of Northland"


@pytest.mark.parametrize("headline", ["Vote Postponed To 4 May 2025", "Talks Resume 25 March 2025"])
def test_a_headline_naming_a_day_does_not_date_the_page(headline: str) -> None:
    raw = f"{headline}\n\nThe electoral commission of Northland set the date on Tuesday, officials said.\n"
    assert _docs(raw)[0].published is None  # the day the news is about; a section's stamp has a time


def test_an_honourable_members_name_block_is_header_not_the_lead() -> None:
    raw = (
        "The Hon. Jane Doe, MP\n\nMedia Release\n\nHB12- 4 March 2005\n\nHarbour talks succeed at last\n\n"
        "I welcome the agreement reached today by the harbour authorities. It will keep the fleet at sea.\n"
    )
    (doc,) = ingest_text(raw, "page.txt")
    assert (doc.title, doc.published) == ("Harbour talks succeed at last", date(2005, 3, 4))


def test_a_headline_framed_by_its_dates_gives_the_headline_and_the_date() -> None:
    raw = (
        "Breaking News\n\n4/7/06 - HARBOUR REFORM IN NORTHLAND - 2006-04-07\n\n"
        "The harbour authority says the reform will keep the fleet at sea. Both sides welcomed the plan.\n"
    )
    (doc,) = ingest_text(raw, "page.txt")
    assert (doc.title, doc.published) == ("HARBOUR REFORM IN NORTHLAND", date(2006, 4, 7))
    assert choose_title(["Harbour reform - a plan for 2006"]) == "Harbour reform - a plan for 2006"


def test_a_place_and_a_day_first_numeric_date_with_a_24_hour_time_date_the_statement() -> None:
    raw = (
        "Harbour Union External Service\n\nStatement by the High Representative on Northland\n\n"
        "Oldtown, 03/07/2019 - 16:20, UNIQUE ID: 190703_4\n\n"
        "The Union has followed the elections in Northland closely. We call on all sides to respect the result.\n"
    )
    (doc,) = ingest_text(raw, "page.txt")
    assert (doc.title, doc.published) == ("Statement by the High Representative on Northland", date(2019, 7, 3))
    us = "Harbour talks resume\n\nOldtown, 03/07/2019 - 4:20 PM\n\nThe talks resumed. Both sides welcomed it.\n"
    assert next(iter(ingest_text(us, "page.txt"))).published != date(2019, 7, 3)  # a 12-hour clock: no day first


def test_a_lead_opening_with_its_date_and_a_dash_is_dated() -> None:
    raw = (
        "Minister to visit Northland\n\nApril 2, 2013 - Harbour Minister Jane Doe today announced that she will "
        "travel to Northland next week. The visit will focus on the fleet.\n"
    )
    (doc,) = ingest_text(raw, "page.txt")
    assert (doc.title, doc.published) == ("Minister to visit Northland", date(2013, 4, 2))
    plain = "Minister to visit Northland\n\nApril 2, 2013 was the day the minister chose. She will travel soon.\n"
    assert next(iter(ingest_text(plain, "page.txt"))).published is None  # a date in a sentence is no dateline


def test_a_repost_stamp_over_the_releases_own_earlier_date_gives_the_releases_date() -> None:
    raw = (
        "INDEPENDENT NEWS\n\nHarbour Minister Welcomes Result\n\nPublished: Tue 4 Mar 2003 09:10 AM\n3 March 2003\n"
        "Harbour Minister Jane Doe welcomed the result of the vote. She said the fleet would sail.\n"
    )
    (doc,) = ingest_text(raw, "page.txt")
    assert doc.published == date(2003, 3, 3)
    later = raw.replace("3 March 2003\n", "9 March 2003\n")  # a date after the stamp is no release date
    assert next(iter(ingest_text(later, "page.txt"))).published == datetime(2003, 3, 4, 9, 10)
