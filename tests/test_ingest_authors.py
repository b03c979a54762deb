"""The author of a speech, statement or transcript from headers no rule was written for (invented pages)."""

from __future__ import annotations

import pytest
from claimstance.ingest import ingest_text
from claimstance.ingest.authors import split_author, transcript_header
from claimstance.ingest.namelines import is_role_line, name_line
from claimstance.schema import Attribution
from claimstance.segment import segment


def _author(raw: str) -> tuple[str | None, str | None]:
    [doc] = ingest_text(raw, "page.txt")
    return doc.author, doc.author_role


@pytest.mark.parametrize(
    ("header", "author"),
    [
        ("Speech of Prime Minister Karl Olsen at the National Assembly", ("Karl Olsen", "Prime Minister")),
        ("Message from the Secretary-General on the International Day of Peace", ("Secretary-General", None)),
        ("Press statement by the High Representative on the elections in Southland", ("High Representative", None)),
        ("Southland: Statement by the Spokesperson on recent developments at the border", ("Spokesperson", None)),
        ("Transcript: Foreign Minister Anna Berg's interview with Northland Radio", ("Anna Berg", "Foreign Minister")),
        ("Comment by the Information and Press Department on X", ("Information and Press Department", None)),
        ("Briefing by Foreign Ministry Spokeswoman Maria Doe, Oldtown", ("Maria Doe", "Foreign Ministry Spokeswoman")),
        ("Statement by H.E. Mr. Karl Olsen, Minister for Foreign Affairs, at the general debate", ("Karl Olsen", None)),
        ("Foreign Secretary statement following the elections in Southland", ("Foreign Secretary", None)),
        ("Remarks by High Representative/Vice-President Ann Berg", ("Ann Berg", "High Representative/Vice-President")),
        ("Prepared Floor Remarks by U.S. Senator Karl Olsen of Northland", ("Karl Olsen", "U.S. Senator")),
        ("Press Conference by Minister for Foreign Affairs Karl Olsen", ("Karl Olsen", "Minister for Foreign Affairs")),
    ],
)  # fmt: skip
def test_a_header_names_the_author_in_the_forms_of_government_sites(
    header: str, author: tuple[str | None, str | None]
) -> None:
    raw = f"{header}\n\nWe reject these claims. Our position has not changed.\n"
    assert _author(raw) == author


def test_the_office_named_by_the_header_resolves_to_its_holder_in_the_text() -> None:
    raw = (
        "Foreign Secretary's speech at the UN Security Council\n\n"
        "Foreign Secretary Jane Doe's speech at the meeting on Northland.\n\nThank you. We cannot stand by.\n"
    )
    assert _author(raw) == ("Jane Doe", "Foreign Secretary")  # not "Jane Doe's"
    raw = (
        "Foreign Secretary statement following the elections\n\n"
        "Foreign Secretary Jane Doe said today the vote was a sham. We will not recognise it.\n"
    )
    assert _author(raw) == ("Jane Doe", "Foreign Secretary")


def test_a_surname_the_header_gives_alone_is_written_out_in_surname_first_order() -> None:
    raw = (
        "President Lin's remarks at a reception for the press\n\n"
        "On Monday, President Lin Mei-hua met the foreign press corps.\n\nWe will defend our democracy.\n"
    )
    assert _author(raw) == ("Lin Mei-hua", "President")
    raw = "President Lin's remarks at a reception for the press\n\nWe will defend our democracy. Lin Park is open.\n"
    assert _author(raw) == ("Lin", "President")  # no office before it: a place, not the president


@pytest.mark.parametrize(
    ("header", "author"),
    [
        ("As delivered by Ambassador Jane Q. Roe to the Council\nOldtown, May 3, 2014", ("Jane Q. Roe", "Ambassador")),
        ("Statement\n\nAs delivered by Ambassador Karl Olsen\nto the Council", ("Karl Olsen", "Ambassador")),
        ("Prime Minister Anna Berg T.D. on the Northland Assembly elections", ("Anna Berg", "Prime Minister")),
        ("Taoiseach Anna Berg TD on the Northland Assembly elections", ("Anna Berg", "Taoiseach")),
        ("President Olsen attends 2019 year-end press conference (excerpt)", ("Olsen", "President")),
    ],
)  # fmt: skip
def test_a_statement_s_delivery_line_topic_header_or_press_conference_names_its_author(
    header: str, author: tuple[str, str]
) -> None:
    raw = f"{header}\n\nNorthland takes note of the talks. We hope the parties will keep to the ceasefire.\n"
    assert _author(raw) == author
    [doc] = ingest_text(raw, "page.txt")
    own = [u.speaker for u in segment(doc) if u.text.startswith(("Northland takes", "We hope"))]
    assert [s.name for s in own] == [author[0]] * 2


def test_a_topic_header_or_a_press_conference_over_a_report_names_no_author() -> None:
    raw = "Prime Minister Anna Berg on the Northland Assembly elections\n\nThe vote was calm, observers said.\n"
    assert _author(raw) == (None, None)  # no first person below: a report about her
    raw = "President Olsen attends press conference\n\nPresident Olsen said we must act. He left at noon.\n"
    assert _author(raw) == (None, None)


def test_no_author_from_a_capitals_headline_a_framed_quotation_or_a_group() -> None:
    assert _author("NORTHLAND SPOKESMAN SLAMS SOUTHLAND MINISTER’S REMARKS\n\nThe spokesman said so.\n") == (None, None)
    raw = "Elections 2020: Foreign Office statement\n\nA Foreign Office spokesperson said:\n\nWe are concerned.\n"
    assert _author(raw) == (None, None)  # the frame names the speaker of the words below it
    raw = "Joint statement by the foreign ministers of Northland and Southland\n\nWe agreed to meet.\n"
    assert _author(raw) == (None, None)


@pytest.mark.parametrize(
    ("header", "author"),
    [
        ("Opening remarks\nJane Doe\nSecretary-General\nOldtown, 3 April 2019\n", ("Jane Doe", "Secretary-General")),
        ("Aid Convoy\nPress Statement\nJohn Roe\nDepartment Spokesperson\n", ("John Roe", "Department Spokesperson")),
        ("Secretary Doe Meets the Press\nREMARKS\nJANE DOE, SECRETARY OF STATE\n", ("Jane Doe", "Secretary Of State")),
        (  # a form of address before the name; the place line under the mission is no person
            "Remarks at a Council Briefing on Southland\nAmbassador Jane Anne Roe\nNorthland Representative to the UN\n"
            "Northland Mission to the United Nations\nNew York City\nJuly 2, 2019\n",
            ("Jane Anne Roe", "Northland Representative to the UN"),
        ),
    ],
)  # fmt: skip
def test_a_name_line_under_a_transcript_label_is_the_author_and_the_line_below_its_office(
    header: str, author: tuple[str, str]
) -> None:
    raw = f"{header}\nThe United States condemns the attack. We call on all parties to respect the ceasefire.\n"
    assert _author(raw) == author
    [doc] = ingest_text(raw, "page.txt")
    assert doc.title not in ("Secretary-General", "Department Spokesperson")  # an office is no headline
    own = [u.speaker for u in segment(doc) if u.text.startswith("We call")]
    assert [(s.name, s.attribution) for s in own] == [(author[0], Attribution.AUTHOR)]


def test_role_lines_and_name_lines() -> None:
    assert is_role_line("Secretary of State")
    assert is_role_line("Minister for Foreign Affairs of the Republic of Northland")
    assert is_role_line("Assistant Secretary and Department Spokesperson, Bureau of Public Affairs")
    assert not is_role_line("President Carter Visits Southland")  # a headline that opens with an office
    assert name_line("JANE DOE, SECRETARY OF STATE") == ("Jane Doe", "Secretary Of State")
    assert name_line("Oldtown, Northland") is None
    assert split_author("Foreign Ministry Spokeswoman Maria Doe") == ("Maria Doe", "Foreign Ministry Spokeswoman")
    assert split_author("Ministry of Foreign Affairs of Northland") == (
        "Ministry of Foreign Affairs of Northland",
        None,
    )
    found = transcript_header("Remarks by President Carter and Prime Minister Olsen Before Their Meeting")
    assert found is not None and found[1:] == ("Carter", "President")  # the first of two speakers


def test_the_one_person_tagged_in_a_transcript_is_its_author() -> None:
    raw = (
        "Meeting with ambassadors of foreign states\nJuly 1, 2016, 13:30, Oldtown\n\n"
        "President of Northland Karl Olsen: Good afternoon, colleagues. We have always stood for dialogue.\n\n"
        "Our partners, unfortunately, prefer confrontation. We regret this.\n"
    )
    assert _author(raw) == ("Karl Olsen", "President of Northland")
    [doc] = ingest_text(raw, "page.txt")
    assert {u.speaker.name for u in segment(doc) if u.text.startswith(("We regret", "Our partners"))} == {"Karl Olsen"}
    two = raw + "\nAnna Berg: Thank you, Mr President. We share this view entirely.\n"
    assert _author(two) == (None, None)  # two tagged speakers: a meeting, no one author
    news = "Karl Olsen: we will never give up\n\nOldtown President Karl Olsen said on Monday he would not resign.\n"
    assert _author(news) == (None, None)  # a headline's "X: claim" is no turn
    late = "Olsen vows to fight on\n\n" + "Critics called the speech empty. Protests went on.\n\n" * 5
    late += "Karl Olsen: We will never give up, whatever they say about us.\n"
    assert _author(late) == (None, None)  # a tag deep in a report makes no transcript of it


def test_a_person_after_an_office_of_an_institution_is_the_author() -> None:
    header = "Statement by the Spokesperson of the Ministry of Foreign Affairs of Northland Anna Berg on Southland"
    assert _author(f"{header}\n\nWe urge restraint.\n") == (
        "Anna Berg",
        "Spokesperson of the Ministry of Foreign Affairs of Northland",
    )


def test_a_speech_header_under_a_blog_intro_still_names_the_author() -> None:
    raw = (
        "Le blog de Jean\n1234 - Le discours de M. Olsen\n"
        "Voici le texte intégral du discours prononcé hier par le président. Bonne lecture.\n"
        "Address by President of the Republic of Northland\n"
        "Members of parliament, good afternoon. We have gathered here today. Anna Berg: thank you, it is clear.\n"
        "President of Northland Karl Olsen opened the session.\n"
    )
    assert _author(raw) == ("Karl Olsen", "President of the Republic of Northland")


@pytest.mark.parametrize(
    "headline",
    [
        "Statement by the President sparks outrage",
        "Remarks by Northland minister anger Southland",
        "Opposition statement on the elections",
        "Northland Foreign Ministry statement angers Southland",
        "Speech of the year: Olsen wins praise",
    ],
)
def test_a_news_headline_about_a_statement_names_no_author(headline: str) -> None:
    raw = f"{headline}\n\nPresident Karl Olsen spoke on Monday. The opposition said his words were false.\n"
    assert _author(raw) == (None, None)  # else the whole report would be given to one speaker


@pytest.mark.parametrize(
    ("header", "author"),
    [
        ("Embassy comment on the statement by the Northland Foreign Ministry", ("Embassy", None)),
        ("Full text of Prime Minister Karl Olsen's speech at the Assembly", ("Karl Olsen", "Prime Minister")),
        ("The Embassy's Press Officer replies to a media question on sanctions", ("Embassy Press Officer", None)),
        ("Embassy Spokesperson Jane Doe answers media questions on the talks", ("Jane Doe", "Embassy Spokesperson")),
        ("Minister Karl Olsen comments on the elections", (None, None)),  # a news headline
        ("Northland minister replies to questions from lawmakers", (None, None)),
    ],
)  # fmt: skip
def test_an_embassy_comment_and_a_spokespersons_answers_to_media_questions(
    header: str, author: tuple[str | None, str | None]
) -> None:
    raw = f"{header}\n\nQuestion: What about the sanctions?\n\nAnswer: We reject these claims. Our position is clear.\n"
    assert _author(raw) == author


def test_a_speech_with_its_tag_under_a_blog_intro_and_a_date_line_is_one_document_with_its_author() -> None:
    raw = (
        "Le blog de Jean\n1234 - Le discours de M. Olsen\n"
        "Voici le texte intégral du discours prononcé hier par le président. Bonne lecture à tous.\n"
        "Il a parlé pendant une heure devant les deux chambres.\nLes réactions ont été nombreuses.\n"
        "Karl Olsen addressed members of parliament and civil society representatives in the Palace.\n"
        "March 18, 2014\n"
        "President of Northland Karl Olsen: Members of parliament, good afternoon. We have gathered here today.\n"
        "We have always respected the will of the people. Our decision is final.\n"
        "They say that the referendum was illegal. We reject this claim.\n"
        "I am sure that our partners will understand us.\nOur country will remain open to dialogue.\n"
    )
    [doc] = ingest_text(raw, "page.txt")  # the date line between the intro and the speech cuts nothing
    assert (doc.author, doc.author_role) == ("Karl Olsen", "President of Northland")
    own = {u.speaker.name for u in segment(doc) if u.text.startswith(("I am sure", "Our country"))}
    assert own == {"Karl Olsen"}


def test_a_title_that_says_an_office_gives_a_speech_names_it_when_the_speech_itself_follows() -> None:
    speech = (
        "Good morning everyone.\n\nNorthland's build-up shows no sign of slowing.\n\n"
        "When President Olsen spoke in Oldtown ten years ago, he said that the border was \u201cfinal\u201d.\n\n"
        "We stand with Southland. I urge Northland to talk.\n"
    )
    raw = f"Home Secretary gives keynote speech in Southland: 3 March 2021\n\n{speech}"
    assert _author(raw) == ("Home Secretary", None)
    [doc] = ingest_text(raw, "page.txt")
    by_start = {u.text[:12]: u.speaker.name for u in segment(doc) if u.kind.value == "claim"}
    assert by_start["Northland's "] == "Home Secretary"
    assert by_start["When Preside"] == "Olsen"  # the "he" of the clause's subject: his words, not the author's
    assert by_start["We stand wit"] == "Home Secretary"
    report = (
        "Minister Karl Olsen delivers speech on trade\n\n"
        "Minister Karl Olsen said on Monday that our tariffs were too high. We asked his office for comment.\n"
    )
    assert _author(report) == (None, None)  # a report of the speech names its speaker under the title
    quoting = (
        "Home Secretary delivers speech on trade\n\n"
        "Britain's top interior official warned on Monday: \u201cWe will not stand by.\u201d Critics disagreed.\n"
    )
    assert _author(quoting) == (None, None)  # the first person only inside a report's quotation


def test_the_authors_tag_starts_the_statement_and_a_short_reply_tag_of_another_person_opens_their_turn() -> None:
    raw = (
        "Meeting with Prime Minister of Southland Anna Berg\n\nMay 2, 2019, Oldtown\n\n"
        "Karl Olsen and Anna Berg discussed trade and the border talks.\n\n"
        "President of Northland Karl Olsen: Madam Prime Minister, I am glad to see you.\n\n"
        "Our trade is growing, and we expect more this year. Welcome.\n\n"
        "Prime Minister of Southland Anna Berg: Thank you, Mr President.\n\n"
        "I agree that our relations are developing well. We want the talks to go on.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert doc.author == "Karl Olsen"
    said = {u.text[:12]: u.speaker.name for u in segment(doc) if u.kind.value == "claim"}
    assert said["Karl Olsen a"] is None or said["Karl Olsen a"] == doc.source  # the site's standfirst
    assert said["Our trade is"] == "Karl Olsen"
    assert said["I agree that"] == "Anna Berg"  # the reply's tag is short, but the author's tag opened turns


def test_a_header_after_a_kicker_sentence_names_the_author_and_the_quoted_speech_follows_a_standfirst() -> None:
    raw = (
        "Politics\n\n"
        "Peace has a price. Prime Minister Karl Olsen's speech at the National Assembly\n\n"
        "Prime Minister Karl Olsen made a speech in the National Assembly on the border clashes.\n\n"
        '"You know from the news that the clashes went on overnight. And Southland is trying to present these '
        "attacks as a response to provocations. We must record that this is false.\n\n"
        "Our soldiers fought bravely. I thank them.\n"
    )
    [doc] = ingest_text(raw, "page.txt")
    assert (doc.author, doc.author_role) == ("Karl Olsen", "Prime Minister")
    said = {u.text[:12]: u.speaker.name for u in segment(doc) if u.kind.value == "claim"}
    assert said["Prime Minist"] in (None, doc.source)  # the site's standfirst, not the speech
    assert said['"You know fr'] == "Karl Olsen"
    assert said["And Southlan"] == "Southland"  # the claim the speech reports to reject
    assert said["We must reco"] == said["Our soldiers"] == "Karl Olsen"
    report = "Peace has a price. Karl Olsen's speech at the Assembly\n\nKarl Olsen spoke for an hour. He was cheered.\n"
    assert _author(report) == (None, None)  # no first person below: a report of the speech
    quoting = (
        "Talks end in Oldtown. Minister Jane Doe's remarks at the summit\n\n"
        'Minister Jane Doe spoke for an hour on Tuesday. "We will not give up," she said.\n\nDelegates applauded her.\n'
    )
    assert _author(quoting) == (None, None)  # a first person only inside the report's quotation


def test_a_statement_by_an_office_is_its_holders_whose_contact_block_signs_it() -> None:
    raw = (
        "Statements by the Spokesperson\n\n"
        "The clashes on the Northland border are dangerous. We call on both sides to pull back.\n\n"
        "Jane DOE(link sends e-mail)\n\nLead Spokesperson for Foreign Affairs\n\n+32 (0)2 000 00 00\n\n"
        "Karl ROE(link sends e-mail)\n\nPress Officer for Foreign Affairs\n"
    )
    assert _author(raw) == ("Jane Doe", "Lead Spokesperson for Foreign Affairs")
    [doc] = ingest_text(raw, "page.txt")
    assert {u.speaker.name for u in segment(doc) if u.text.startswith(("The clashes", "We call"))} == {"Jane Doe"}
    unsigned = raw.split("Jane DOE")[0]
    assert _author(unsigned) == ("Spokesperson", None)  # no contact block: the office itself


def test_a_first_person_statement_with_no_header_naming_its_author_is_its_signers() -> None:
    body = (
        "We are deeply concerned by the clashes on the border between Northland and Southland this week.\n\n"
        "Our government calls on both sides to return to the talks and to respect the ceasefire they signed.\n\n"
        "We stand ready to help, and I will travel to the region next week to meet both foreign ministers.\n\n"
    )
    raw = f"Clashes on the Northland border\n\n{body}Anna Berg\nMinister for Foreign Affairs\n"
    assert _author(raw) == ("Anna Berg", "Minister for Foreign Affairs")
    news = (
        "Clashes on the Northland border\n\n"
        "Fighting broke out on the border between Northland and Southland this week, officials said on Monday.\n\n"
        "The government of Northland called on both sides to return to the talks, according to a statement.\n\n"
        "Diplomats said a ceasefire could be agreed within days, though neither side has commented so far.\n\n"
        "Anna Berg\nSenior Correspondent\n"
    )
    assert _author(news) == (None, None)  # a report in the third person: its sign-off is a byline, no speaker


@pytest.mark.parametrize(
    "contact",
    [
        "Media contact\nJane Doe\nPress Secretary\n+1 555 0100\n",
        "For more information:\nKarl Smith\nHead of Press Office\n",
        "Karl Smith\nCommunications Officer, Ministry of Foreign Affairs\n",
    ],
)
def test_a_first_person_release_is_not_its_media_contacts(contact: str) -> None:
    body = (
        "We welcome the ceasefire agreed today between the parties. Our ministry has long called for an end to it.\n\n"
        "We urge both sides to respect the agreement and to return to talks. Our envoy will travel there next week.\n\n"
        "We thank our partners for their work. I am confident that peace can hold if everyone plays their part.\n\n"
    )
    raw = f"Ministry welcomes the ceasefire\n\n{body}{contact}"
    assert _author(raw) == (None, None)


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("The Minister makes a statement on the budget", ("Minister", None)),
        ("The Foreign Secretary gives speech in Oldtown", ("Foreign Secretary", None)),
    ],
)
def test_an_office_that_gives_the_speech_is_named_without_its_article(
    title: str, author: tuple[str | None, str | None]
) -> None:
    body = "Thank you all. We are concerned by the fighting. Our position is clear and we will keep to it.\n"
    assert _author(f"{title}\n\n{body}") == author


def test_an_institution_its_title_names_as_issuer_is_the_author_of_a_statement_in_the_first_person() -> None:
    body = (
        "Oldtown – The Northland Embassy has looked into the claims. Nothing in them changes our assessment.\n\n"
        "We remain confident in the commission. We urge all parties to wait for the final results.\n\n"
        "We expect every party to respect the results of these elections and to settle any dispute in court.\n"
    )
    assert _author("Northland Embassy Stands by its Assessment of the Vote\n\n" + body) == ("Northland Embassy", None)
    news = body.replace("We ", "The embassy said it would ").replace("our", "its")
    assert _author("Northland Embassy Stands by its Assessment of the Vote\n\n" + news) == (None, None)
    assert _author("Harbour Stands Empty After the Strike\n\n" + body) == (None, None)  # no institution


def test_the_one_person_tagged_with_a_middle_initial_is_the_author_of_the_paragraphs_below() -> None:
    raw = (
        "Assistant Secretary Jane Q. Doe on the Northland Vote\n\n"
        "Assistant Secretary Jane Q. Doe: The U.S. rejects the tribunal's attempts to delay the count. "
        "We call on it to restore credibility.\n\n"
        "We will work with our partners to hold accountable anyone who undermines the vote.\n"
    )
    assert _author(raw) == ("Jane Q. Doe", "Assistant Secretary")
    [doc] = ingest_text(raw, "page.txt")
    assert {u.speaker.name for u in segment(doc) if u.text.startswith("We will")} == {"Jane Q. Doe"}


def test_a_delegations_statement_in_the_first_person_is_the_delegations_as_its_text_names_it() -> None:
    body = (
        "1. The Northern Union warmly welcomes the Director back to the Council. We value the work of her office.\n\n"
        "2. We share her concern about the arrests of observers. We call on all participating States to comply.\n"
    )
    raw = "Council Meeting No. 12 Oldtown, 3 May 2030\n\nNU Statement in Response to the Report of the Director\n\n"
    assert _author(raw + body) == ("Northern Union", None)  # the acronym written out as the text says it
    short = body.replace("The Northern Union", "The NU")
    assert _author("NU Statement to the Council on Elections\n\n" + short) == ("NU", None)
    [doc] = ingest_text(raw + body, "page.txt")
    said = [u for u in segment(doc) if "We share" in u.text]
    assert [u.speaker.name for u in said] == ["Northern Union"]
    news = body.replace("We ", "The union said it would ").replace("her office", "the office")
    assert _author(raw + news) == (None, None)  # a report of the statement: no author
    assert _author("Joint Statement on the Elections\n\n" + body)[0] is None  # no delegation named


def test_a_standfirst_that_names_the_speaker_in_the_present_tense_over_a_first_person_statement() -> None:
    title = "Northland backs the observers' methodology\n"
    standfirst = "Ambassador Jane Roe underlines Northland's support for the observers and their wider work.\n"
    body = (
        "Madam Chair,\n"
        "We thank the Southland delegation for raising the matter of the observers' methodology today.\n"
        "We disagree with the criticism we heard. We have given the office a mandate to decide how to observe.\n"
        "I ask that this statement be attached to the journal of the day.\n"
    )
    assert _author(title + standfirst + body) == ("Jane Roe", "Ambassador")
    [doc] = ingest_text(title + standfirst + body, "page.txt")
    said = [u.speaker.name for u in segment(doc) if u.text.startswith(("We disagree", "I ask"))]
    assert said == ["Jane Roe", "Jane Roe"]
    report = body.replace("We ", "The delegation said they ").replace("I ask", "She asked")
    assert _author(title + standfirst + report) == (None, None)  # a report of her statement
    assert _author(title + "Harbour Town Council meets again after the strike.\n" + body)[0] is None  # no person
    assert _author("Dateline\nThe Northern Kingdom commends the voters of Southland.\n" + body)[0] is None  # a country


@pytest.mark.parametrize("style", ["the Honourable", "the Honorable", "the Hon.", "the Rt. Hon."])
def test_a_style_of_address_before_the_name_in_a_header_is_no_part_of_the_name(style: str) -> None:
    header = f"Address by {style} Jane Roe, Minister of Foreign Affairs, at the ministerial meeting\n\n"
    body = "Good morning. We meet at a critical moment. I want to thank our hosts for their welcome.\n"
    assert _author(header + body)[0] == "Jane Roe"
