"""Document metadata on parliamentary records, embassy and EU pages, and reposts (issue 15, fifth round)."""

from __future__ import annotations

from datetime import date

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.headers import choose_title, dated_head
from claimstance.ingest.issuers import banner_source, dated_issuer, issuer_line, title_body
from claimstance.schema import Document


def _first(raw: str) -> Document:
    return next(iter(ingest_text(raw, "page.txt")))


BODY = "The minister said the talks would resume next week. Both sides welcomed the plan.\n"


def test_a_follow_line_for_a_ministers_account_is_no_publisher() -> None:
    raw = (
        "Minister meets harbour negotiators\n\n"
        + BODY
        + "\nFurther information\n\nFollow Harbour Office Minister Jane Doe on twitter @janedoe\n\n"
        "Follow the Harbour Office on twitter @harbouroffice\n"
    )
    assert _first(raw).source == "Harbour Office"


def test_a_repost_hosts_credit_line_names_the_issuing_body_and_is_no_headline() -> None:
    raw = "Harbour and Fisheries Office\nPrintable version | E-mail this to a friend |\nHarbour talks to resume\n"
    raw += BODY
    doc = _first(raw)
    assert (doc.source, doc.title) == ("Harbour and Fisheries Office", "Harbour talks to resume")


def test_a_press_desk_line_names_its_body() -> None:
    raw = "Harbour talks: remarks by the Commissioner\n\n12.03.2024\nNPA Press Team\n\n" + BODY
    assert _first(raw).source == "NPA"


def test_an_issuing_body_line_above_the_headline_alone_is_no_title() -> None:
    raw = "Ministry of Fisheries\nThe Fisheries Minister said:\nThe quotas will hold. We will not change them.\n"
    assert (_first(raw).title, _first(raw).source) == (None, "Ministry of Fisheries")


def test_labels_venues_and_headlines_ending_in_an_office_word_name_no_issuer() -> None:
    heads = ("Breaking News Office", "Tag: Harbour Office", "Office of Press Relations", "Media Center", "Press Room")
    for head in heads:
        assert _first(f"{head}\n\nHarbour talks to resume\n\n{BODY}").source is None


def test_a_parliamentary_records_credit_names_the_record() -> None:
    speech = "Madam President, the harbour talks have failed again,\nand the fleet is idle. We must act.\n"
    assert _first(
        f"[Page S101]\nFrom the Northland Record Online through the Printing Office\nHarbour\n{speech}"
    ).source == ("Northland Record")
    provided = "Harbour dues\n\nThis information is provided by Northwatch and is not part of the record\n\n"
    assert _first(provided + BODY).source == "Northwatch"
    linked = "Harbour dues\n\nPhoto of Jane DoeJane Doe (Oldtown, Independent) | Hansard source\n\n"
    assert _first(linked + BODY).source == "Hansard"


def test_a_debate_records_heading_gives_headline_chamber_and_day() -> None:
    raw = "Harbour Dues Bill – in the House of Burgesses at 2:19 pm on 8 January 2015.\n\n" + BODY
    doc = _first(raw)
    assert (doc.title, doc.source, doc.published) == ("Harbour Dues Bill", "House of Burgesses", date(2015, 1, 8))


def test_a_cookie_banner_a_players_fallback_and_a_past_governments_banner_are_no_headline() -> None:
    cookies = (
        "We use cookies to give you the best experience on our website.\n"
        "Find out more on how we use cookies and how you can change your settings.\n\n"
        "Harbour talks to resume\n\n"
    )
    assert _first(cookies + BODY).title == "Harbour talks to resume"
    assert _first("Your browser doesn’t support HTML5\n" + BODY).title is None
    banner = (
        "Harbour talks to resume\n\nMinister: fleet sails\n\n"
        "This was published under the 2010 to 2015 Harbour Party government\n"
    )
    assert _first(banner + BODY).title == "Harbour talks to resume"


def test_a_records_dated_heading_numbered_section_and_remarks_label_are_no_headline() -> None:
    lines = [
        "Harbour dues",
        "Northland Assembly Debate, Thursday - 7 November 2019",
        "Questions (48)",
        "Léim ar aghaidh chuig an bpríomhábhar",
    ]
    assert choose_title(lines) == "Harbour dues"
    remarks = ["Doe on the Harbour Vote", "Prepared Floor Remarks by Senator Jane Doe of Oldtown"]
    assert choose_title(remarks) == "Doe on the Harbour Vote"


def test_a_page_title_citing_its_record_keeps_the_headline() -> None:
    assert choose_title(["HARBOUR DUES; Northland Record Vol. 166, No. 159"]) == "HARBOUR DUES"


def test_a_records_chamber_and_day_or_day_and_place_date_the_text() -> None:
    assert dated_head(["(House of Burgesses - September 15, 2020)"]) == date(2020, 9, 15)
    assert dated_head(["Wednesday, 5 April 2017 - Oldtown Revised edition"]) == date(2017, 4, 5)
    raw = "HARBOUR DUES\n(House of Burgesses - September 15, 2020)\n\n" + BODY
    assert _first(raw).published == date(2020, 9, 15)


def test_a_dateline_naming_its_outlet_by_domain_runs_on_with_no_dash() -> None:
    raw = "Oldtown, NL (North.News) The following is attributable to the Spokesperson:\n\n" + BODY
    assert _first(raw).source == "North.News"


def test_a_release_whose_bare_dateline_hands_over_to_its_issuer_names_it() -> None:
    release = (
        "Embassy stands by its assessment\n\nOldtown – The Northland Embassy is in receipt of the claims made by the "
        "opposition.\n\nBased on our observations of the count, we see no grounds for them.\n"
    )
    assert _first(release).source == "Northland Embassy"
    statement = (
        "OLDTOWN, NL – The Northland government’s Minister for Fisheries, Jane Doe, said:\n\nWe welcome the vote.\n"
    )
    assert _first(statement).source == "Northland government"


def test_a_news_lead_about_a_government_names_no_issuer() -> None:
    news = (
        "Talks stall\n\nOLDTOWN – The Northland government said on Monday the talks had stalled.\n\n"
        "“We will not sign,” a minister told reporters.\n"
    )
    assert _first(news).source is None


# ---------------------------------------------------------------------------------------- fifth round, third pass


def test_a_mission_or_ministry_credit_under_the_headline_names_the_issuer() -> None:
    stack = "Remarks at a Harbour Council briefing\nAmbassador Jane Doe\nNorthland Mission to the Harbour League\n"
    assert _first(stack + "Oldtown\nMarch 3, 2021\n" + BODY).source == "Northland Mission to the Harbour League"
    ministry = "Weekly briefing by the spokesperson\nNorthland - Ministry of Fisheries\nMarch 3, 2021\n"
    assert _first(ministry + BODY).source == "Northland - Ministry of Fisheries"


def test_a_source_credit_line_names_the_issuer() -> None:
    raw = "President Doe attends the year-end press conference\n\n" + BODY + "\n【Source: Office of the President】\n"
    assert _first(raw).source == "Office of the President"
    assert _first("Harbour talks to resume\n\n" + BODY + "\nSource: the minister said so\n").source is None


def test_a_committee_leaders_release_names_the_committee() -> None:
    lead = (
        "Harbour Dues Act passes\n\nOLDTOWN – Senator Jane Doe (N-NL), Chairman of the Senate Harbour Committee, "
        "today released the following statement.\n\n“The dues will fall,” Doe said.\n"
    )
    assert _first(lead).source == "Senate Harbour Committee"
    member = lead.replace("Chairman of", "a member of")
    assert _first(member).source is None


def test_a_chief_observers_release_names_the_observation_mission() -> None:
    lead = (
        "Chief Observer launches the mission\n\nOLDTOWN, 3 May 2021 - Jane Doe, Chief Observer of the Harbour Union "
        "Election Observation Mission (HU EOM) to Northland and a former minister, presented the mission today.\n"
    )
    assert _first(lead).source == "Harbour Union Election Observation Mission (HU EOM) to Northland"


def test_a_body_the_headline_opens_with_and_an_acronym_bodys_section_name_the_issuer() -> None:
    raw = "Home | Video | Search\nHarbour Forum Contact Group\nHarbour Forum Contact Group - Outcomes Statement\n\n"
    assert _first(raw + BODY).source == "Harbour Forum Contact Group"
    section = "NLOSCE Statements\nStatement on the Harbour Settlement\nAs delivered by Ambassador Jane Doe\n\n"
    assert _first(section + BODY).source == "NLOSCE"
    plain = "Harbour Talks\nHarbour Talks: Ministers Meet Again\n\n"
    assert _first(plain + BODY).source is None  # a kicker line, not two words of a body's name


def test_a_one_word_heading_under_a_records_credit_is_the_title() -> None:
    speech = "Madam President, the harbour talks have failed again, and the fleet is idle.\nWe must act now.\n"
    credit = "[Page S101]\nFrom the Northland Record Online through the Printing Office [www.print.nl]\n"
    assert _first(credit + "Harbour\n" + speech).title == "Harbour"
    assert _first("Harbour\n" + speech).title is None  # a single word elsewhere is no headline


def test_the_agenda_item_a_record_page_shows_is_its_title() -> None:
    raw = (
        "Meeting of the Assembly\nMeeting date: Tuesday, June 28, 2022\n"
        "Agenda: Time for Reflection, Harbour Dues, Business Motion\nHarbour Dues\nThe Presiding Officer (Jane Doe)\n"
        "The next item of business is a statement by the harbour minister on harbour dues.\n"
    )
    assert _first(raw).title == "Harbour Dues"
    assert _first(raw.replace("Harbour Dues\nThe", "The")).title != "Harbour Dues"  # an item the page does not show


def test_a_six_word_site_name_in_the_banner_and_menus_is_the_source_and_no_headline() -> None:
    site = "Harbour Affairs and Fisheries Trade Northland"
    menu = f"{site}\n{site}\nContact Us\n{site}\nServices for Business\n"
    doc = _first(menu + "March 3, 2006\n\n" + BODY)
    assert doc.source == site and doc.title != site
    headline = "Northland rejects the talks on the border"
    assert _first(f"{headline}\n{headline}\n{headline}\n\n{BODY}").title == headline  # a headline comes in a row


def test_a_news_item_quoting_a_committee_chair_is_not_the_committees_release() -> None:
    raw = (
        "Senators grill harbour minister over dues\n\nOLDTOWN – Anna Berg, chair of the Senate Harbour Committee, "
        "told the minister on Tuesday that the dues were too high. The minister said they would fall.\n"
    )
    assert _first(raw).source is None
    mission = raw.replace("chair of the Senate Harbour Committee", "head of the Northland Election Observation Mission")
    assert _first(mission).source is None
    release = (
        "Harbour bill introduced\n\nOLDTOWN – Senator Anna Berg (D-N.L.), Chair of the Senate Harbour Committee, and "
        "Senator Karl Olsen (R-S.L.) introduced a bill to cut the dues. The bill goes to the floor next week.\n"
    )
    assert _first(release).source == "Senate Harbour Committee"


def test_a_long_source_line_of_spaces_and_tabs_is_read_at_once() -> None:
    from claimstance.ingest.issuers import source_credit

    assert source_credit("Source: Ministry of Fisheries" + " \t" * 5000 + "\n") == "Ministry of Fisheries"
    assert source_credit("Source: a" + " \t" * 5000 + "x\n") is None


def test_a_debates_rubric_and_its_citation_line_are_no_headline_and_the_citation_dates_the_sitting() -> None:
    rubrics = ["Question for Short Debate", "Motion to Take Note", "Urgent Question", "Private Notice Question"]
    rubrics.append("Asked by")  # a Lords question's asker follows
    rubrics.append("Nithe i dtosach - Commencement Matters")  # a bilingual record's section
    assert choose_title(rubrics) is None
    assert choose_title(["HL Deb 4 March 2009 vol 708 cc201-230", "Harbour dues reform"]) == "Harbour dues reform"
    assert dated_head(["HC Deb 12 June 1998 vol 314 cc515-590"]) == date(1998, 6, 12)
    raw = "HC Deb 12 June 1998 vol 314 cc515-590\n\nOrder for Second Reading read.\n\n" + BODY
    doc = _first(raw)
    assert (doc.title, doc.published) == (None, date(1998, 6, 12))


def test_a_name_over_an_office_line_is_the_body_the_office_belongs_to() -> None:
    assert issuer_line(["The Harbour Palace", "Office of the Vice President", "For Immediate Release"]) == (
        "The Harbour Palace"
    )
    assert issuer_line(["Office of the Vice President", "Readout of the Call"]) == "Office of the Vice President"
    assert issuer_line(["Olsen Leaves Harbour", "Office of the Press Secretary"]) is None  # a headline's verb
    assert issuer_line(["For Immediate Release", "Office of Press Relations"]) is None  # a release's label
    raw = "The Harbour Palace\nOffice of the Deputy Governor\nFor Immediate Release\n\nHarbour talks to resume\n\n"
    assert _first(raw + BODY).source == "The Harbour Palace"


def test_a_transcripts_kind_and_venue_is_its_headline_not_an_issuer() -> None:
    raw = (
        "Doorstop, Department of Trade and Industry\n\n03 March 2014\n\nTranscript, E&OE, proof only\n\n"
        "Subjects: Harbour dues, the fishing fleet\n\nJANE DOE: The fleet will sail. We agreed.\n"
    )
    doc = _first(raw)
    assert doc.title == "Doorstop, Department of Trade and Industry"
    assert doc.source != "Doorstop, Department of Trade and Industry"


def test_a_speakers_line_linking_to_the_official_record_is_no_headline() -> None:
    lines = ["Harbour dues", "Photo of Jane DoeJane Doe (Oldtown, Independent) | Record source"]
    assert choose_title(lines) == "Harbour dues"


def test_a_release_line_of_date_place_and_department_names_the_department() -> None:
    raw = (
        "Minister welcomes the harbour accord\nStatement\n"
        "March 3, 2021 - Halifax, Nova Scotia - Fisheries and Oceans Northland\n"
        "The Honourable Jane Doe, Minister of Fisheries, today issued the following statement:\n"
        "“We welcome the accord. It protects the harbour.”\n\n"
        "Like us on Facebook: Fisheries and Oceans Northland and Northland’s coast guard\n"
    )
    doc = _first(raw)
    assert (doc.source, doc.published, doc.title) == (
        "Fisheries and Oceans Northland",
        date(2021, 3, 3),
        "Minister welcomes the harbour accord",
    )


def test_a_headline_in_a_release_lines_department_place_is_no_source() -> None:
    assert dated_issuer(["March 3, 2021 - Oldtown - Harbour Talks Collapse"]) is None
    assert dated_issuer(["March 3, 2021 - Oldtown - Mayor Rejects Harbour Deal"]) is None
    assert dated_issuer(["March 3, 2021 - Oldtown - Harbour Mayor Quits"]) is None
    departments = ("Fisheries and Oceans Canada", "Environment and Statistics Northland", "Ministry of Fisheries")
    for body in departments:
        assert dated_issuer([f"March 3, 2021 - Halifax, Nova Scotia - {body}"]) == body


def test_an_acronym_press_release_label_names_the_issuer_over_the_host_sites_name() -> None:
    raw = (
        "Northland Foreign Ministry\nNorthland Foreign Ministry\nNorthland Foreign Ministry\n"
        "Home Issues Press Travel Countries\nNLUN Press Release\n"
        "Remarks by Ambassador Jane Doe on the harbour\n\n" + BODY
    )
    assert _first(raw).source == "NLUN"


def test_a_sections_label_over_a_spokespersons_statement_is_no_headline() -> None:
    raw = (
        "Statements by the Spokesperson\n"
        "Recent developments on the harbour border are dangerous and worrying. De-escalation is needed.\n"
        "The League is ready to help with the border's demarcation.\n"
        "Jane DOE\nLead Spokesperson for Harbour Affairs\n"
    )
    assert _first(raw).title is None


# ------------------------------------------------------------------------------------------------ seventh round

_STATEMENT = "Over the last weeks I have met many of the parties. We agreed on the conditions for the vote.\n"


def test_a_sites_banner_line_naming_a_union_over_the_headline_is_the_source() -> None:
    raw = f"Nordic Union External Relations\n\nHarbour: Statement by the High Representative Jane Doe\n\n{_STATEMENT}"
    doc = _first(raw)
    assert (doc.source, doc.title) == (
        "Nordic Union External Relations",
        "Harbour: Statement by the High Representative Jane Doe",
    )


def test_a_sites_footer_line_under_the_text_is_the_source() -> None:
    raw = f"Harbour talks to resume\n\n{_STATEMENT}\n\nNorthland Department of Trade\n\nTrade for a Fairer Future\n"
    assert _first(raw).source == "Northland Department of Trade"


@pytest.mark.parametrize(
    "line",
    [
        "Oval Office",  # a venue
        "Media Center",  # a desk
        "Harbour Council Approves Budget",  # a headline in Title Case
        "European Union Summit in Oldtown",  # an event at a place
        "Harbour Union Strike Ends",  # a ticker's headline
        "About the Department",  # a menu's link
        "Media Relations Office",  # a contact block's desk
        "Tag: Harbour Office",  # a label
    ],
)
def test_venues_desks_links_and_headlines_at_the_top_or_bottom_name_no_site(line: str) -> None:
    assert banner_source(f"{line}\n\nHarbour talks to resume\n\n{_STATEMENT}", "Harbour talks to resume") is None
    assert banner_source(f"Harbour talks to resume\n\n{_STATEMENT}\n{line}\n", "Harbour talks to resume") is None


def test_the_headline_itself_is_no_banner() -> None:
    assert banner_source(f"Northland Council Trade Mission\n\n{_STATEMENT}", "Northland Council Trade Mission") is None


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Press conference by NPA Secretary General Jane Doe, after the summit", "NPA"),
        ("Remarks by UN Secretary-General Jane Doe at the harbour conference", "UN"),
        ("Statement by Minister Jane Doe on the harbour", None),  # a person alone
        ("Interview by BBC Radio with Jane Doe", None),  # an outlet, no officer
        ("Address by the US Senator and Chair of the Harbour Committee, Mr Karl Olsen, in Oldtown", None),  # a country
        ("Speech by the UK Ambassador Jane Doe at the harbour", None),
        (None, None),
    ],
)
def test_a_transcripts_title_naming_an_acronym_body_before_its_officer_gives_the_body(
    title: str | None, body: str | None
) -> None:
    assert title_body(title) == body


def test_a_press_conference_page_titled_with_its_bodys_officer_is_that_bodys() -> None:
    raw = "Press conference by NPA Secretary General Jane Doe\n\n3 April 2008\n\nGood afternoon. " + BODY
    assert _first(raw).source == "NPA"
