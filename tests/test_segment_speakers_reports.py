"""Speakers of reported speech in news styles the evaluation's dev half has few of (issue 15, fourth round):
verbs that report a position, "X went on to say", speakers named only as the subject of the sentence before,
documents named by their issuer. Every text is invented; precision comes first: a name only where the text
gives one."""

from __future__ import annotations

import pytest
from claimstance.schema import Attribution, Document, UnitKind
from claimstance.segment import segment
from conftest import claim_speaker_names as names

# ------------------------------------------------------------------------------ verbs that report a position


@pytest.mark.parametrize(
    "sentence",
    [
        "I think that the vote will be close.",
        "We believe that the count must be open.",
        "I am convinced that reform will come.",
        "We feared that the talks would fail.",
    ],
)
def test_the_authors_own_belief_in_the_first_person_stays_the_authors(sentence: str) -> None:
    # an opinion piece's "I think that ...": the new verbs of belief must not give the author's view away
    text = f"Why the vote matters\n\n{sentence}\n"
    units = list(segment(Document(id="t-d0", seed_file="t.txt", raw_start=0, raw_end=len(text), text=text)))
    assert [u.speaker.attribution for u in units if u.kind is UnitKind.CLAIM] == [Attribution.AUTHOR]


@pytest.mark.parametrize(
    "verb",
    ["maintained", "regretted", "lamented", "predicted", "conceded", "retorted", "remarked", "cautioned", "contended"],
)
def test_a_verb_of_saying_reports_its_subjects_words(verb: str) -> None:
    assert names(f"Karl Olsen {verb} that the border would stay closed.\n") == ["Karl Olsen"]


@pytest.mark.parametrize(
    "verb",
    [
        "agreed",
        "observed",
        "indicated",
        "revealed",
        "believed",
        "thinks",
        "considers",
        "recalled",
        "informed",
        "mentioned",
        "reminded",
        "repeated",
        "commented",
        "reports",
        "is convinced",
        "was confident",
        "is concerned",
    ],
)
def test_a_verb_that_reports_only_with_a_that_clause_does_so(verb: str) -> None:
    assert names(f"Karl Olsen {verb} that the border would stay closed.\n") == ["Karl Olsen"]


@pytest.mark.parametrize(
    "text",
    [
        "In the accord of 2000, both sides agreed to accept the ruling as final.\n",
        "Observers from the mission observed the vote in Oldtown.\n",
        "Northland recalled its ambassador from Southland on Monday.\n",
        "The foreign minister commented on the ruling at a press conference in Oldtown.\n",
        "Northpress's correspondent in Oldtown reports the opposition is divided.\n",
    ],
)
def test_the_same_verbs_without_a_that_clause_report_nothing(text: str) -> None:
    assert names(text) == [None]


@pytest.mark.parametrize("verb", ["slammed", "blasted", "lambasted", "ruled out", "downplayed", "voiced concern over"])
def test_a_verb_of_stance_taking_reports_its_subjects_position(verb: str) -> None:
    assert names(f"Karl Olsen {verb} the ruling of the court.\n") == ["Karl Olsen"]


def test_went_on_to_say_is_the_subjects() -> None:
    text = "Foreign Minister Anna Berg said the deal was dead. She went on to say that Northland would act alone.\n"
    assert names(text) == ["Anna Berg", "Anna Berg"]


def test_a_report_relayed_by_the_media_stays_with_who_said_it() -> None:
    text = '"The vote was rigged," Olsen said at a briefing in Oldtown, the Northland media reported.\n'
    assert names(text) == ["Olsen"]


def test_in_a_speech_our_government_and_everyone_are_the_authors_own_voice() -> None:
    text = (
        "Statement by President John Carter\n\nOur government considers that the treaty is valid. Everyone agrees "
        "that war is no solution. Southland thinks that the border is theirs. I am convinced that we will prevail.\n"
    )
    assert names(text, author="John Carter") == ["John Carter", "John Carter", "Southland", "John Carter"]


def test_in_a_speech_other_voices_are_theirs_for_their_sentence_only() -> None:
    text = (
        "Address by President John Carter\n\nOur opponents claim that the treaty is void. This is a lie.\n\n"
        "Some experts argue that sanctions are useless. I disagree.\n\nThe Secretary-General rightly said that "
        'dialogue is the only way. We share this view.\n\nLet me quote the Southland foreign minister: "We will '
        'never accept the border." Such statements are dangerous.\n'
    )
    assert names(text, author="John Carter") == [
        "Our opponents",
        "John Carter",
        None,
        "John Carter",
        "Secretary-General",
        "John Carter",
        "Southland foreign minister",
        "John Carter",
    ]


# ------------------------------------------------------------------------------------- who the subject is


def test_according_to_him_is_whoever_he_is() -> None:
    text = "Karl Olsen said the talks had failed. According to him, Southland is to blame.\n"
    assert names(text) == ["Karl Olsen", "Karl Olsen"]


def test_a_name_after_its_appositive_and_a_relative_clause_is_the_speaker() -> None:
    text = (
        "Karl Olsen, the leader of the opposition Freedom Party, which won 12 seats in the last election, said the "
        "vote was rigged.\n"
    )
    assert names(text) == ["Karl Olsen"]


def test_a_name_after_a_preposition_in_a_long_subject_is_not_the_speaker() -> None:
    text = "Observers from the Organization for Security and Cooperation in Europe said the vote fell short.\n"
    assert names(text) == ["observers from the Organization for Security and Cooperation in Europe"]
    text = "During talks with the Southland delegation in Oldtown Berg said the deal was close.\n"
    assert names(text) == [None]


def test_he_after_a_sentence_whose_subject_is_a_surname_is_that_person() -> None:
    text = (
        "Opposition leader Karl Olsen has been in exile since 2019.\n\nOlsen arrived in Oldtown on Monday. He told "
        "reporters that the talks would be difficult.\n"
    )
    assert names(text) == [None, None, "Karl Olsen"]


def test_a_statement_is_whoever_issued_it() -> None:
    text = "The ministry issued a statement on Monday. The statement said the border would reopen on Friday.\n"
    assert names(text) == [None, "the ministry"]
    text = 'The Northland Foreign Ministry\'s statement read: "The border is closed."\n'
    assert names(text) == ["Northland Foreign Ministry"]


# ------------------------------------------------------------------------- meeting coverage (UN style)


def test_a_capitalised_office_between_commas_is_the_name_befores_role() -> None:
    text = "Jane Doe, Minister for Foreign Affairs of Northland, said her country had been hit by floods.\n"
    assert names(text) == ["Jane Doe"]


def test_an_opening_participle_is_no_name() -> None:
    text = "Responding, the representative of Southland said the allegations were baseless.\n"
    assert names(text) == ["representative of Southland"]


def test_he_after_an_office_in_its_paragraph_is_that_office() -> None:
    text = (
        "The representative of Northland said that climate change threatened small island States. Developing "
        "countries needed predictable financing. He called for a reform of the financial architecture.\n\n"
        "Speaking for the Group of 77, the representative of Southland said the world economy was in crisis. Debt "
        "relief was urgently needed, she stressed.\n"
    )
    assert names(text) == [
        "representative of Northland",
        None,
        "representative of Northland",
        "representative of Southland",
        "representative of Southland",
    ]


def test_he_in_the_next_paragraph_is_the_office_but_not_two_paragraphs_on() -> None:
    text = "The representative of Northland said the draft was unbalanced.\n\nHe called for a vote.\n"
    assert names(text) == ["representative of Northland", "representative of Northland"]
    text = "The representative of Northland said the draft was unbalanced.\n\nThe vote was held.\n\nHe urged calm.\n"
    assert names(text) == ["representative of Northland", None, None]


# ---------------------------------------------------------------------------------------------- quotations


def test_a_named_subjects_manner_and_a_colon_open_their_quotation() -> None:
    text = 'Olsen was defiant: "We will win this fight."\n\n"We will never surrender," he said.\n'
    assert names(text) == ["Olsen", "Olsen"]
    assert names('Olsen\'s reply was blunt: "We will never accept this."\n') == ["Olsen"]
    assert names('The message was clear: "We will win this fight."\n') == [None]


def test_a_quotation_after_a_colon_that_a_cue_attributes_is_the_cues() -> None:
    # the colon opens the quotation, but "one voter said" names its speaker: not the sentence's first word
    assert names('Turnout was high: "It was a festival," one voter said.\n') == ["one voter"]
    assert names('Olsen was defiant: "We will win," Berg said of him.\n') == ["Berg"]


def test_as_x_put_it_in_news_is_xs() -> None:
    assert names('As Olsen put it: "The border will reopen on Friday."\n') == ["Olsen"]


@pytest.mark.parametrize(
    "opening",
    ["On Monday, Olsen struck a defiant tone.", "Olsen, speaking to reporters, was blunt."],
)
def test_he_after_a_sentence_about_a_named_person_is_that_person(opening: str) -> None:
    text = f'Karl Olsen, the opposition leader, spoke in Oldtown.\n\n{opening} "We will never accept this," he said.\n'
    assert names(text) == [None, None, "Karl Olsen"]


def test_a_surname_the_text_never_gives_in_full_is_no_antecedent() -> None:
    text = 'On Monday, Olsen struck a defiant tone. "We will never accept this," he said.\n'
    assert names(text) == [None, None]


# ------------------------------------------------------------------------ interviews and briefings in mixed case


def test_a_tag_a_page_repeats_opens_a_turn_until_the_next_tag() -> None:
    text = (
        "Interview with Karl Olsen\n\nNorthpress: Do you expect the talks to succeed?\n\nOlsen: I do. Both sides "
        "want peace.\n\nNorthpress: And the border?\n\nOlsen: It will reopen in May.\n"
    )
    assert names(text) == ["Northpress", "Karl Olsen", "Karl Olsen", "Northpress", "Karl Olsen"]


def test_a_briefings_question_tag_is_the_questioners_and_the_answer_the_ministers() -> None:
    text = (
        "Question: Will Northland reopen the border?\nSergey Petrov: We are ready. But Southland must first "
        "withdraw its troops.\nQuestion: What about the sanctions?\nSergey Petrov: The sanctions are illegal.\n"
    )
    expected = ["questioner", "Sergey Petrov", "Sergey Petrov", "questioner", "Sergey Petrov"]
    assert names(text, author="Sergey Petrov") == expected


def test_a_tag_used_once_or_naming_no_known_person_opens_no_turn() -> None:
    assert names("Question: Will the border reopen?\n") == [None]
    text = "Photo: the border crossing at Oldtown.\n\nThe border reopened.\n\nPhoto: trucks waiting.\n"
    assert names(text) == [None, None, None]


# --------------------------------------------------------------------------------------- groups of people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opposition candidates are calling for a rerun, saying the vote was rigged.\n", "Opposition candidates"),
        (
            "Thousands of opposition supporters rallied in Oldtown, demanding a recount.\n",
            "Thousands of opposition supporters",
        ),
        ("The candidates said they had recorded irregularities.\n", "the candidates"),
        ("The separatists say turnout was 75 percent.\n", "the separatists"),
        ("Rebel commanders denied that their troops had crossed the line.\n", "Rebel commanders"),
    ],
)
def test_a_group_of_people_is_named_whole(text: str, expected: str) -> None:
    assert names(text) == [expected]


def test_a_closing_he_said_is_the_person_the_sentence_names_but_not_a_party_it_reports_on() -> None:
    text = (
        "The head of the election commission, Roman Lyagin, told Northpress multiple voting was impossible - no "
        "other checks were needed, he said.\n"
    )
    assert names(text) == ["Roman Lyagin"]
    text = "Foreign Minister Anna Berg met reporters.\n\nNorthland rejected the plan, she said.\n"
    assert names(text) == [None, "Anna Berg"]


def test_a_verb_inside_a_hyphenated_word_is_no_cue() -> None:
    assert names("Northland's first day as a self-declared state, did not pass smoothly.\n") == [None]


def test_calling_it_and_raising_concerns_report_a_position() -> None:
    text = 'The commission defended the vote, calling it "free and fair."\n'
    assert names(text) == ["the commission"]
    assert names("The Election Support Network also raised concerns about the count.\n") == ["Election Support Network"]


def test_he_said_after_a_quotation_continued_from_he_is_the_same_person() -> None:
    text = (
        'Dr. Jane Doe, coordinator of the mission. From the capital, she said the vote was "important in several '
        'ways."\n\n"We saw free elections," she said. She said Northland played a key role in the region.\n'
    )
    assert names(text) == [None, "Jane Doe", "Jane Doe", "Jane Doe"]


def test_a_photo_credit_names_no_speaker() -> None:
    text = (
        'Voters queue in Oldtown, Nov. 28. Credit: Anna Berg\n\n"There is a kind of implicit recognition," he said.\n'
    )
    assert names(text)[-1] is None


# ----------------------------------------------------------------------------------- readouts and releases


def test_the_secretary_of_a_readout_is_the_secretary_the_readout_names_with_his_initial() -> None:
    text = (
        "Secretary Antony J. Carter spoke with Northland's Prime Minister Karl Olsen today.  The Secretary "
        "underscored the importance of the partnership.\n"
    )
    assert names(text) == [None, "Antony J. Carter"]


def test_sir_and_a_given_name_is_the_knights_full_name() -> None:
    text = (
        "The Minister for Europe, Sir Alan Doe, is visiting Northland.\n\nAhead of the visit, Sir Alan said:\n\n"
        "I am pleased to visit Northland again.\n"
    )
    assert names(text) == [None, None, "Alan Doe"]


def test_a_pronoun_just_before_the_verb_is_the_subject_not_the_word_that_opens_the_sentence() -> None:
    text = "Now, in the regions it claims to have annexed, Northland is holding an election.\n"
    assert names(text) == [None]


def test_a_noun_that_looks_like_a_verb_after_a_possessive_names_nobody() -> None:
    text = "Missiles downed four helicopters, giving the lie to Northland's claim that it has no troops there.\n"
    assert names(text) == [None]


def test_a_transcript_tag_in_capitals_finds_the_name_as_the_text_writes_it() -> None:
    text = "Daily Press Briefing\nSean McCormack, Spokesman\n\nMR. MCCORMACK:\n\nGood morning. The talks go on.\n"
    assert names(text)[-1] == "Sean McCormack"


def test_a_memo_header_in_capitals_opens_no_turn() -> None:
    text = "FROM:\nNORTHLAND FOREIGN MINISTRY\n\nAS DELIVERED\n\nWe are deeply concerned about the situation.\n"
    assert "from" not in names(text)
    assert names(text)[-1] is None


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Northland Separatists Claim 89 Percent Voted for Independence", "Northland separatists"),
        ("Opposition Leaders Warn of Unrest After Vote", "Opposition leaders"),
        ("Southland Rejects Talks Over Border", "Southland"),
    ],
)
def test_a_headline_in_title_case_names_its_group_with_a_plural_present_verb(headline: str, speaker: str) -> None:
    text = f"{headline}\n\nNorthland's parliament voted on Tuesday to approve the new border treaty.\n"
    units = list(segment(Document(id="t-d0", seed_file="t.txt", text=text, raw_start=0, raw_end=len(text))))
    assert units[0].speaker.name == speaker


def test_an_outlet_citing_a_source_relays_the_source() -> None:
    text = "The talks have collapsed, Northpress reported, citing diplomatic sources.\n"
    assert names(text) == ["diplomatic sources"]
    text = "Secretary General Jane Doe said the door remains open, Northpress reported citing The Daily Star.\n"
    assert names(text) == ["Jane Doe"]


def test_a_law_is_no_speaker_and_saying_nothing_reports_nothing() -> None:
    assert names("According to Northland law, the vote is valid.\n") == [None]
    assert names("Olsen said nothing about the talks.\n") == [None]


def test_social_media_posts_are_their_authors() -> None:
    assert names("Olsen posted on Facebook that the talks were dead.\n") == ["Olsen"]
    assert names("Olsen tweeted that the talks were dead.\n") == ["Olsen"]


def test_calling_someone_a_quoted_name_reports_a_position() -> None:
    text = "On April 3, President of Northland Karl Olsen called Southlanders “aggressors” at the assembly.\n"
    assert names(text) == ["Karl Olsen"]
    assert names("The court called the meeting for Monday.\n") == [None]


def test_a_quotation_no_cue_attributes_is_the_person_the_sentence_before_opens_with() -> None:
    text = 'Opposition leader Karl Olsen was in no mood for compromise. "We will win this fight."\n'
    assert names(text) == [None, "Karl Olsen"]
    assert names('On Monday Karl Olsen met the press. "We discussed trade."\n') == [None, None]
    assert names('Supporters of Karl Olsen rallied. "Free Olsen now!"\n') == [None, None]
    assert names('Police arrested Karl Olsen on Monday.\n\n"This is a political trial."\n') == [None, None]


def test_an_office_that_adds_is_the_person_who_spoke_just_before() -> None:
    text = "Karl Olsen said the talks had failed. The president added that the border would stay closed.\n"
    assert names(text) == ["Karl Olsen", "Karl Olsen"]
    text = "Karl Olsen said the talks had failed. The minister said the border would stay closed.\n"
    assert names(text) == ["Karl Olsen", "the minister"]


def test_the_us_is_a_name_not_a_pronoun() -> None:
    assert names("The US reiterates its call for the opening of the corridor.\n") == ["US"]


@pytest.mark.parametrize(
    "text",
    [
        "The Northland Foreign Ministry issued a statement. It is noted in the statement that talks will resume.\n",
        "The Northland Foreign Ministry sent a letter to the UN. The letter reads that talks will resume.\n",
    ],
)
def test_a_document_the_sentence_before_says_someone_issued_is_theirs(text: str) -> None:
    assert names(text) == [None, "Northland Foreign Ministry"]


def test_x_made_the_remarks_gives_x_the_sentences_before_it() -> None:
    text = (
        "Japan must stop its provocations. China will defend its territory. Defence spokesman Yang Yujun made "
        "the remarks at a press conference on Thursday.\n"
    )
    assert names(text) == ["Yang Yujun", "Yang Yujun", "Yang Yujun"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout was 52 percent, according to the latest figures from the election commission.\n", "commission"),
        ("According to official data from the statistics agency, prices rose 9 percent.\n", "agency"),
        ("According to a poll by the Oldtown Institute, Olsen leads.\n", "Institute"),
        ("According to preliminary results released by the commission, Olsen won.\n", "commission"),
    ],
)
def test_according_to_figures_from_x_is_x(text: str, expected: str) -> None:
    [name] = names(text)
    assert name is not None and name.endswith(expected)


def headline_speaker(headline: str, body: str) -> str | None:
    text = f"{headline}\n\n{body}\n"
    units = list(segment(Document(id="t-d0", seed_file="t.txt", text=text, raw_start=0, raw_end=len(text))))
    return units[0].speaker.name


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Northland's appeal violates UN Charter - Southland FM", "Anna Berg"),
        ("Northland's appeal violates UN Charter – Southland FM", "Anna Berg"),
        ("Southland FM: Northland's appeal violates UN Charter", "Anna Berg"),
        ("Northland's appeal violates the UN Charter - Anna Berg", "Anna Berg"),
        ("US again calls for the corridor's opening", "US"),
        ("Southland foreign ministry regrets Northland minister's remarks", "Southland foreign ministry"),
    ],
)
def test_a_headline_names_its_speaker_after_a_dash_or_an_adverb(headline: str, speaker: str) -> None:
    body = "Foreign Minister Anna Berg of Southland said the appeal was illegal."
    assert headline_speaker(headline, body) == speaker


def test_an_abbreviated_office_finds_no_holder_of_another_country() -> None:
    body = "Northland Foreign Minister Anna Berg said the appeal was legal."
    assert headline_speaker("Appeal violates UN Charter - Southland FM", body) == "Southland FM"


def test_a_long_name_before_a_relative_clause_is_the_speaker() -> None:
    text = "The European Union and the United States, which have both criticised the vote, said they were concerned.\n"
    assert names(text) == ["European Union and the United States"]


def test_a_participle_phrase_between_commas_is_no_speaker() -> None:
    assert names("The document, signed by Olsen and Berg, calls for a ceasefire.\n") == [None]


@pytest.mark.parametrize("verb", ["quipped", "joked", "shouted", "exclaimed", "asked", "wondered", "boasted"])
def test_any_verb_that_ends_a_sentence_after_a_quotation_attributes_it(verb: str) -> None:
    assert names(f'"We will never give up our land," Olsen {verb}.\n') == ["Olsen"]
    assert names(f'"We will never give up our land," {verb} Olsen.\n') == ["Olsen"]


def test_a_quoted_word_as_a_subject_is_no_attribution() -> None:
    assert names('"Crisis" is a word often used.\n') == [None]
    assert names('"Peace," Olsen wrote in a letter published on Monday.\n') == ["Olsen"]
