"""A minister's name block at the head of a release or an opinion piece names its author (issue 15, sixth round).

Every text is invented, in the style of Westminster governments' ministerial pages."""

from __future__ import annotations

from claimstance.ingest import ingest_text
from claimstance.ingest.namelines import delegation_statement, honorific, minister_block, standfirst_speaker


def _author(raw: str) -> tuple[str | None, str | None]:
    [doc] = ingest_text(raw, "page.txt")
    return doc.author, doc.author_role


_RELEASE = (
    "I welcome the peaceful elections in Southland. Our observers were present in every province and we are "
    "grateful to the authorities.\n\n"
    "I am pleased to announce an additional $2 million for the new parliament. Our support builds on our earlier "
    "aid.\n\n"
    "We will keep working with the people of Southland as they build their institutions.\n"
)


def test_a_minister_s_name_block_over_a_first_person_release_is_its_author() -> None:
    raw = "The Hon. Karl Olsen, MP\n\nMedia Release\n\n4 May 2005\n\nElections in Southland\n\n" + _RELEASE
    assert _author(raw)[0] == "Karl Olsen"


def test_a_name_block_with_its_office_over_an_opinion_piece_bylined_to_the_same_minister() -> None:
    lines = ["Rt Hon Anna Berg", "Minister of Foreign Affairs", "Opinion piece", "By Foreign Minister Anna Berg"]
    body = "Anna Berg explains why Southland matters.\n\nThe relationship has changed. Talks are still open.\n"
    assert minister_block(lines, body) == ("Anna Berg", "Minister of Foreign Affairs")


def test_a_name_block_over_a_third_person_report_names_no_author() -> None:
    lines = ["Hon Anna Berg", "Minister of Trade", "News"]
    body = "The minister met exporters on Tuesday. They discussed tariffs.\n\nThe talks resume next month.\n"
    assert minister_block(lines, body) is None
    assert minister_block(["Anna Berg visits Oldtown", "News"], _RELEASE) is None


def test_a_name_block_with_its_office_over_a_third_person_release_naming_the_minister_is_its_author() -> None:
    raw = (
        "The Hon. Karl Olsen MP\n\nMinister of Trade\n\n4 May 2005\n\nTrade mission to Southland\n\n"
        "Trade Minister Karl Olsen today announced a trade mission to Southland in June.\n\n"
        "Mr Olsen said exporters had asked for the visit. The mission will include twenty firms.\n"
    )
    assert _author(raw) == ("Karl Olsen", "Minister of Trade")


def test_a_name_block_over_a_communique_that_never_names_the_minister_names_no_author() -> None:
    raw = (
        "The Hon. Karl Olsen MP\n\nMinister of Trade\n\nContact group ends visit\n\n"
        "The contact group visited Southland today. Ministers met the interim government.\n\n"
        "Ministers noted the progress made towards elections. The group will return in May.\n"
    )
    assert _author(raw) == (None, None)


_COUNCIL_BODY = (
    "Thank you, Madam President. I also thank Under Secretary Jane Doe for her briefing to the Council today.\n"
    "The United States is concerned by the reports we have heard this week about the harbour dispute.\n"
    "We call on all parties to return to the talks, and we stand ready to support them in every way we can.\n"
    "We will continue to work with our partners in the region to bring this dispute to a peaceful end.\n"
)


def test_a_delegations_acronym_is_never_read_as_an_office_it_spells() -> None:
    heading = "US Statement to the Security Council on the Harbour Dispute\n"
    assert delegation_statement(heading + _COUNCIL_BODY) == ("United States", None)  # not "Under Secretary"
    prime = "PM statement at the harbour press conference: 4 March 2025\n"
    speech = _COUNCIL_BODY.replace("Under Secretary", "the Prime Minister's envoy")
    assert delegation_statement(prime + speech) is None  # an office, not a delegation


def test_right_alone_is_no_style_of_address() -> None:
    assert honorific("Hon.") and honorific("Rt")
    assert not honorific("Right")  # "Right Sector leader Jane Doe": a party's name


def test_an_interviewers_first_person_under_a_standfirst_is_not_the_speakers() -> None:
    raw = (
        "Interview\n"
        "Finance Minister Mark Stone says the harbour plan is doomed\n"
        "I met him on Monday in his office, where he spoke for an hour about the plan and about his record.\n"
        "We talked about the fishing towns, and he told me that he would vote against the plan next week.\n"
    )
    assert standfirst_speaker(raw) is None  # the reporter's "I", the minister's "he"
    statement = raw.replace("I met him", "I met the mayor").replace("his office", "my office")
    statement = statement.replace("his record", "my record").replace("he told me that he", "I said that I")
    statement = statement.replace("where he spoke", "where I spoke")
    assert standfirst_speaker(statement) == ("Mark Stone", "Finance Minister")


def test_a_columnists_first_person_under_a_ministers_name_block_is_not_the_ministers() -> None:
    body = (
        "When I met the minister last week, I asked about the harbour plan and the money it needs.\n\n"
        "I have covered the coast for twenty years, and she told me the towns have never been so worried.\n\n"
        "We spoke for an hour, and I came away convinced that the plan will not survive the budget.\n"
    )
    lines = ["The minister and the harbour", "The Hon. Jane Doe, MP", "Column"]
    assert minister_block(lines, "\n\n".join(lines) + "\n\n" + body) is None  # the minister in the third person
    own = body.replace("she told me the towns have", "I know the towns have")
    assert minister_block(lines, "\n\n".join(lines) + "\n\n" + own) == ("Jane Doe", None)


def test_a_statement_heading_in_a_list_of_links_is_no_delegations_heading() -> None:
    body = (
        "I grew up by the harbour, and I have watched the boats leave one by one over the last twenty years.\n\n"
        "We were promised a new quay, and we are still waiting for it while the council argues about the money.\n\n"
        "I will keep writing about this until the quay is built, because I believe our town deserves better.\n\n"
        "The United Nations has asked both sides to talk, but I doubt that anyone in the capital listens.\n"
    )
    links = "Most read\nUN Statement on the Harbour Dispute\nFishermen protest in Oldtown\n\n"
    assert delegation_statement(links + "Why our town needs its harbour\n\n" + body) is None  # a blogger's page
    assert delegation_statement("UN Statement on the Harbour Dispute\n\n" + body) == ("United Nations", None)
