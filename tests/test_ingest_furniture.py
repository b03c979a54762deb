"""Page furniture of government sites and wire copy no rule was written for (invented pages, fourth round)."""

from __future__ import annotations

from datetime import date, datetime

from claimstance.ingest import ingest_text
from claimstance.ingest.agencies import agency_in_lead
from claimstance.ingest.headers import choose_title
from claimstance.schema import Document
from claimstance.segment import segment


def _doc(raw: str) -> Document:
    [doc] = ingest_text(raw, "page.txt")
    return doc


def test_a_reporter_filing_for_an_outlet_names_the_source_and_the_byline() -> None:
    raw = (
        "Southland Opposition Rejects Poll\n\n"
        "The opposition called the vote a fraud on Monday, according to Jane Roe, reporting for Northpress from "
        "Oldtown. The government denied it.\n"
    )
    doc = _doc(raw)
    assert (doc.source, doc.byline) == ("Northpress", "Jane Roe")
    lead = "Crowds gathered in the capital. But as John Doe reports for Northpress from Oldtown, not all cheered."
    assert agency_in_lead(lead) == "Northpress"
    assert agency_in_lead("Jane Roe reported for years on the war. She said it was over.") is None


def test_a_bulleted_staff_byline_names_the_outlet() -> None:
    doc = _doc("Ministers Meet in Oldtown\n\n  • Northpress Staff\n\nMinisters met on Monday. They agreed on a plan.\n")
    assert doc.source == "Northpress"


def test_a_place_a_single_word_or_a_release_label_is_no_title() -> None:
    assert choose_title(["Oldtown"]) is None  # a dateline's place above its date
    assert choose_title(["Washington, DC", "New York, NY"]) is None
    assert choose_title(["For Immediate Release", "AS DELIVERED"]) is None
    assert _doc("Oldtown\n17 February 2008\nCrowds danced in the streets. The vote was unanimous.\n").title is None


def test_a_line_the_header_repeats_is_the_site_not_the_headline() -> None:
    raw = (
        "Northland Ministry of Foreign Affairs\nNorthland Ministry of Foreign Affairs\n"
        "Northland Ministry of Foreign Affairs\nDaily Briefing\nJane Doe, Spokesperson\n\n"
        "MS. DOE: Good morning. We have a few announcements today.\n"
    )
    doc = _doc(raw)
    assert doc.title == "Daily Briefing"
    assert doc.source == "Northland Ministry of Foreign Affairs"
    assert (doc.author, doc.author_role) == ("Jane Doe", "Spokesperson")


def test_a_labelled_date_line_gives_the_date_and_is_no_title() -> None:
    raw = "Skip to main content\n\nVolume 580: debated on Tuesday 13 May 2014\n\nWith permission, I will speak.\n"
    doc = _doc(raw)
    assert (doc.title, doc.published) == (None, date(2014, 5, 13))


def test_a_speech_name_block_over_a_delivery_note_gives_the_author() -> None:
    raw = (
        "FROM: NORTHLAND FOREIGN MINISTRY\nJane McDoe\nNorthland Permanent Representative to the United Nations\n"
        "New York, NY\nNovember 25, 2014\nAS DELIVERED\nWe are deeply concerned about the situation. We urge calm.\n"
    )
    doc = _doc(raw)
    assert (doc.author, doc.author_role) == ("Jane McDoe", "Northland Permanent Representative to the United Nations")
    assert doc.title is None
    assert doc.published == date(2014, 11, 25)


def test_a_byline_without_by_and_a_copyright_holder_with_of_name_the_outlet() -> None:
    raw = "Home > News\nMinisters agree\nJane Doe | Northpress\nMarch 14, 2024\n\nMinisters met. They agreed.\n"
    doc = _doc(raw)
    assert (doc.byline, doc.source, doc.published) == ("Jane Doe", "Northpress", date(2024, 3, 14))
    raw = "Ministers Agree on Border Commission\n\nMinisters met on Monday. They agreed.\n\n© 2008 Voice of Northland\n"
    assert _doc(raw).source == "Voice of Northland"


def test_a_government_page_from_line_names_the_office_and_its_standfirst_stays_with_the_speech() -> None:
    raw = (
        "Speech\nForeign Secretary's speech at the Security Council\n"
        "Foreign Secretary Jane Doe's speech at the Security Council meeting on Northland.\n"
        "From: Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP\n"
        "Published 12 March 2024\n"
        "Delivered on: 11 March 2024 (Transcript of the speech, exactly as it was delivered)\n\n"
        "Thank you, President. We cannot stand by while civilians suffer.\n"
    )
    doc = _doc(raw)  # one document, not a standfirst and a speech
    assert doc.source == "Foreign, Commonwealth & Development Office"
    assert (doc.author, doc.published) == ("Jane Doe", date(2024, 3, 12))


def test_cookie_banners_newsletter_boxes_and_reading_times_are_furniture() -> None:
    raw = (
        "Ministers agree on border commission\nBy Jane Doe | Northpress\nListen to this article\n4 min read\n\n"
        "Ministers of Northland and Southland agreed on Monday to set up a border commission.\n\n"
        "Related\nSouthland votes in referendum\n12 March 2024\nCookie settings\n"
        "We use cookies to improve your experience. Accept all\nSign up for our newsletter\n"
        "Copyright 2024 Northpress Media Group. All rights reserved.\n"
    )
    docs = list(ingest_text(raw, "page.txt"))
    assert [d.title for d in docs] == ["Ministers agree on border commission"]  # the related headline is no article
    assert "Listen" not in docs[0].text and "cookies" not in docs[0].text


def test_a_header_line_gives_the_date_beside_a_label_before_a_place_or_after_a_title() -> None:
    raw = "Remarks by President Carter\nSEPTEMBER 01, 2021•SPEECHES AND REMARKS\n\nPRESIDENT CARTER: Thank you all.\n"
    assert _doc(raw).published == date(2021, 9, 1)
    raw = (
        "Address by President of Northland\nKarl Olsen addressed members of parliament in the Palace.\n"
        "March 18, 2014 17:00 The Palace, Oldtown\n\nMembers of parliament, good afternoon. We have gathered here.\n"
    )
    assert _doc(raw).published == datetime(2014, 3, 18, 17, 0)
    raw = "Briefing by Spokeswoman Maria Doe, Oldtown, March 4, 2022\n\nWe have noted the statements. They are wrong.\n"
    assert _doc(raw).published == date(2022, 3, 4)
    raw = "Ministers meet\nLast updated March 4, 2022\n\nMinisters met on Monday. They agreed.\n"
    assert _doc(raw).published is None  # an update is never the date


def test_a_speakers_name_line_under_the_standfirst_of_a_labelled_speech() -> None:
    raw = (
        "Speech\n\nNorthland is attempting to legitimise its presence: statement to the OSCE\n\n"
        "Ambassador Jane Roe condemns the elections held in occupied territory.\n\nJane Roe\n\n"
        "Thank you, Madam Chair. We have said it many times in this room.\n"
    )
    assert (_doc(raw).author, _doc(raw).author_role) == ("Jane Roe", "Ambassador")


def test_a_long_title_case_headline_a_menu_bar_and_a_headline_above_its_date() -> None:
    headline = (
        "Readout of the President’s Calls with President Olsen of Northland, Prime Minister Berg of Southland, "
        "President Roe of Eastland, Prime Minister Doe of Westland, and President Carter of Midland on Monday"
    )
    raw = f"For Immediate Release\n\nMarch 8, 2014\n\n{headline}\n\nThe President spoke with the leaders today.\n"
    assert _doc(raw).title == headline  # longer than a headline usually is, but in title case and unpunctuated
    menu = "Home Issues & Press Travel & Business Countries Youth & Education Careers About Video"
    assert choose_title([menu, "Ministers Meet in Oldtown"]) == "Ministers Meet in Oldtown"
    raw = (
        "Northland Ministry\nNorthland Ministry\nNorthland Ministry\nArchive SitesNorthland Ministry\n"
        "Daily Press Briefing\nJane Doe, Spokeswoman\nOldtown\nJanuary 5, 2009\n\n"
        "Calls Discussing the Border Crisis\nHumanitarian Aid to the Border Regions\n\n"
        "MS. DOE: Good morning, everybody. Welcome to the first briefing of the year.\n"
    )
    doc = _doc(raw)  # the topics listed under the date are no headline; the site glued to a menu is none either
    assert (doc.title, doc.author, doc.published) == ("Daily Press Briefing", "Jane Doe", date(2009, 1, 5))


def test_a_readout_attributable_to_a_spokesperson_is_theirs() -> None:
    raw = (
        "Office of the Spokesperson\n\nThe below is attributable to Spokesperson John Roe:\n\n"
        "Secretary Jane Doe spoke with the Prime Minister of Northland today. The Secretary urged restraint.\n"
    )
    assert (_doc(raw).author, _doc(raw).author_role) == ("John Roe", "Spokesperson")


def test_a_wiki_news_header_a_produced_by_footer_and_a_lead_that_ends_with_the_agency_name_the_source() -> None:
    raw = (
        "Northland Prime Minister resigns\nFrom Wikinews, the free news source you can write!\n"
        "Monday, June 26, 2006\n\n"
        "Prime Minister Karl Olsen resigned on Monday. The President accepted it.\n\n"
        "Related news\nNorthland protests continue (June 20, 2006)\nSources\n"
        '"Northland PM resigns" — Northpress, June 26, 2006\n'
        "This page is archived, and is no longer publicly editable.\n"
    )
    [doc] = ingest_text(raw, "page.txt")  # the sources list and the archive note are no article
    assert (doc.source, doc.published) == ("Wikinews", date(2006, 6, 26))
    raw = (
        "Commission rejects review request\n\nThe commission said the request was inadmissible.\n\n"
        "This article was produced by NNS News while it was part of the Northland Office. Please send queries "
        "to the Office.\n"
    )
    assert _doc(raw).source == "NNS"  # "<acronym> News" is the acronym's outlet
    raw = "Ministers agree\n12:45 | 14.03.2024\nOldtown, March 14. Ministers agreed on it, Northinform reports.\n"
    assert _doc(raw).source == "Northinform"


def test_an_acronym_desk_line_names_the_source_and_a_headline_given_three_times_stays_the_headline() -> None:
    raw = "Northland rejects the talks\nNPA News\n28 February 2006\n\nNorthland rejected the talks. Southland agreed.\n"
    doc = _doc(raw)
    assert (doc.title, doc.source, doc.published) == ("Northland rejects the talks", "NPA", date(2006, 2, 28))
    headline = "Northland rejects the talks on the border"
    doc = _doc(f"{headline}\n{headline}\n{headline}\n\nNorthland rejected the talks. Southland was ready.\n")
    assert (doc.title, doc.source) == (headline, None)  # a headline given thrice is no site name


def test_an_undated_agency_dateline_an_agency_colon_and_a_reported_acronym_name_the_source() -> None:
    body = "Ministers of Northland and Southland agreed on Monday to set up a border commission."
    assert _doc(f"Ministers agree\n\nOLDTOWN (Northpress) - {body}\n").source == "Northpress"
    assert _doc(f"Ministers agree\n\nOldtown, Northland (NPA) — {body}\n").source == "NPA"
    assert _doc(f"Ministers agree\n\nNorthInform: {body}\n").source == "NorthInform"
    assert _doc(f"Ministers agree\n\nPUTIN: {body}\n").source is None  # a speaker's tag in capitals
    assert _doc(f"Ministers agree\n\n{body[:-1]}, NPA reported.\n").source == "NPA"
    assert _doc(f"Ministers agree\n\n{body[:-1]}, Berg reported.\n").source is None  # a person, not an acronym


def test_a_byline_with_the_outlet_on_the_line_below_names_both() -> None:
    body = "\n\nMinisters of Northland and Southland agreed on Monday to set up a border commission.\n"
    doc = _doc("Ministers agree\nBy Jane Doe\nNorthpress correspondent\nMarch 14, 2024" + body)
    assert (doc.byline, doc.source) == ("Jane Doe", "Northpress")
    doc = _doc("Ministers agree\nJane Doe\nNorthpress Staff Writer\nMarch 14, 2024" + body)
    assert (doc.byline, doc.source) == ("Jane Doe", "Northpress")
    doc = _doc("Ministers agree\nJane Doe, Northpress correspondent in Oldtown\nMarch 14, 2024" + body)
    assert (doc.byline, doc.source) == ("Jane Doe", "Northpress")


def test_a_wire_abbreviation_before_a_place_in_capitals_names_the_agency() -> None:
    body = "President Olsen said on Monday the claims were false. He added more."
    assert _doc(f"Olsen rejects claims\nAFP, OLDTOWN\n\n{body}\n").source == "Agence France-Presse"
    assert _doc(f"Olsen rejects claims\n\nAP, OLDTOWN, Northland - {body}\n").source == "Associated Press"
    assert _doc(f"Olsen rejects claims\n\nUN, Security Council members said so. {body}\n").source is None


def test_ticker_lines_and_site_suffixes_are_no_title() -> None:
    lines = ["Latest news", "14:05 Southland votes in a referendum on the future of the province", "Ministers meet"]
    assert choose_title(lines) == "Ministers meet"
    assert choose_title(["Ministers agree on border commission - northpress.com"]) == (
        "Ministers agree on border commission"
    )
    assert choose_title(["Olsen, Berg Discuss the Border", "Oldtown, Northland"]) == "Olsen, Berg Discuss the Border"
    title = "President of Northland Receives Delegation of the European Parliament"
    assert choose_title([title, "Ministers meet"]) == title  # a Title Case headline that opens with an office


def test_credit_lines_are_furniture_so_a_speech_under_them_keeps_its_author() -> None:
    raw = (
        "FROM: NORTHLAND FOREIGN MINISTRY\nJane McDoe\nNorthland Permanent Representative to the United Nations\n"
        "AS DELIVERED\nWe are deeply concerned about the situation. The talks must resume.\n"
    )
    doc = _doc(raw)
    assert "FROM" not in doc.text and doc.source == "Northland Foreign Ministry"  # written as a name is
    speakers = {u.speaker.name for u in segment(doc) if u.text.startswith(("We are", "The talks"))}
    assert speakers == {"Jane McDoe"}  # not "FROM", a tag that would take the turn


def test_a_bylines_name_line_is_never_the_title() -> None:
    doc = _doc("Jane Doe\nNorthpress Staff Writer\n\nMinisters of Northland and Southland agreed on a commission.\n")
    assert (doc.title, doc.byline, doc.source) == (None, "Jane Doe", "Northpress")


# ---------------------------------------------------------------------------------- fifth round, third pass


def test_a_translation_or_display_notice_above_the_headline_is_no_lead() -> None:
    notice = "(* This is a provisional translation for reference only. The original text is in Northish.)\n"
    raw = (
        notice
        + "Press Conference by Fisheries Minister Jane Doe\nDate: Tuesday, March 3, 2020\n"
        + ("Reporter: Will the quotas change?\nMinister Doe: They will not. We have said so before.\n")
    )
    assert _doc(raw).title == "Press Conference by Fisheries Minister Jane Doe"
    display = "Formatting necessary for an accurate reading of this text may be shown by tags in this display.\n"
    assert _doc(display + "HARBOUR DUES ACT\n\nMadam President, the harbour dues must fall now.\n").title == (
        "HARBOUR DUES ACT"
    )


def test_a_media_contact_line_and_a_records_credit_are_no_headline() -> None:
    body = "OLDTOWN – Senator Jane Doe today said the harbour dues must fall. The vote is next week.\n"
    assert _doc("Media Contact 202-555-0147\n" + body).title is None
    record = "[Page H101]\nFrom the Northland Record Online through the Printing Office [www.print.nl]\n"
    speech = "HARBOUR DUES ACT\n  Mr. Speaker, the harbour dues must fall now.\n"
    assert _doc(record + speech).title == "HARBOUR DUES ACT"


def test_a_headline_that_quotes_its_speaker_after_a_colon_is_the_title() -> None:
    raw = 'Harbour Chairman: "The dues will fall."\nOLDTOWN – Representative Jane Doe today said the dues must fall.\n'
    assert _doc(raw).title == _doc(raw.replace("\n", "\n\n", 1)).title == 'Harbour Chairman: "The dues will fall."'
    turn = 'Ms. Doe: "The dues will fall."\nMr. Roe: "They will not."\n'
    assert _doc("Harbour talks\n\n" + turn).title == "Harbour talks"


def test_an_archived_sites_skip_links_are_no_headline() -> None:
    skip = "Skip all menus (access key: 2) Skip first menu (access key: 1)\n"
    assert (
        _doc(skip + "OLDTOWN – Senator Jane Doe today said the harbour dues must fall. The vote is next.\n").title
        is None
    )


def test_an_archived_sites_banner_is_furniture_above_the_header() -> None:
    banner = "This is historical material kept as first published; its links may no longer work.\n\n"
    raw = (
        banner + "Northland Presidency\nFor Immediate Release\n\nReadout of the President's Call with the Harbour "
        "Minister\n\nThe President spoke today with the Harbour Minister about the fleet. They agreed to meet soon.\n"
    )
    (doc,) = ingest_text(raw, "page.txt")
    assert doc.title == "Readout of the President's Call with the Harbour Minister"
    assert "historical material" not in doc.text
    speech = "National Archives " + banner + "East Room\n\n10:57 A.M. EST\n\nTHE PRESIDENT: Thank you all. We met.\n"
    assert len(list(ingest_text(speech, "page.txt"))) == 1


def test_a_sentence_that_opens_like_an_archive_banner_stays_in_the_text() -> None:
    kept = [
        "This is historical material that every citizen should be able to read, the mayor said at the opening.",
        "This content is archived by the national library every year, the minister told parliament on Tuesday.",
    ]
    for sentence in kept:
        raw = f"Harbour archive opens\n\nThe city opened its archive on Monday.\n\n{sentence}\n\nIt opens daily.\n"
        (doc,) = ingest_text(raw, "page.txt")
        assert sentence in doc.text
    banner = "This page has been archived and is no longer updated.\n\n"
    (doc,) = ingest_text(banner + "Harbour archive opens\n\nThe city opened its harbour archive.\n", "page.txt")
    assert "no longer updated" not in doc.text and doc.title == "Harbour archive opens"
