"""Tests for analysis.mentions and analysis.candidates: matching rules, metonyms, short references, NER."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from analysis.candidates import full_names, one_person, with_full_names
from analysis.mentions import ActorMatcher, find_mention_rows, find_mentions, make_match_rules
from analysis.nlp import load_ner_model, make_pipeline
from analysis.registry import load_lexicon, load_metonym_rules, load_registry, load_speech_cue_lists, parse_registry
from analysis.sentences import sentence_spans

MINI_REGISTRY = {
    "actors": [
        {"id": "russia", "name": "Russia", "type": "country", "metonyms": ["Moscow", "the Kremlin", "Kremlin"]},
        {"id": "ukraine", "name": "Ukraine", "type": "country", "metonyms": ["Kyiv", "Kiev"]},
        {"id": "united_states", "name": "United States", "type": "country", "aliases": ["US", "America"]},
        {
            "id": "putin",
            "name": "Vladimir Putin",
            "type": "person",
            "gender": "male",
            "titles": ["Russian President", "Russian president"],
        },
        {"id": "biden", "name": "Joe Biden", "type": "person", "gender": "male", "titles": ["US President"]},
        {
            "id": "zelensky",
            "name": "Volodymyr Zelensky",
            "type": "person",
            "gender": "male",
            "country": "ukraine",
            "titles": ["President"],
        },
        {"id": "truss", "name": "Liz Truss", "type": "person", "gender": "female"},
        {"id": "dpr", "name": "Donetsk People's Republic", "type": "region", "metonyms": ["Donetsk"]},
        {"id": "lpr", "name": "Lugansk People's Republic", "type": "region", "metonyms": ["Lugansk"]},
        {"id": "eu", "name": "European Union", "type": "bloc", "aliases": ["EU"]},
        {"id": "west", "name": "the West", "type": "bloc"},
    ]
}


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


@pytest.fixture(scope="module")
def default_matcher(nlp):
    """The shipped registry (data/actors.yaml) with the shipped rules."""
    rules = make_match_rules(load_lexicon(), load_metonym_rules(), load_speech_cue_lists())
    return ActorMatcher(load_registry(), nlp=nlp, rules=rules)


@pytest.fixture(scope="module")
def matcher(nlp):
    rules = make_match_rules(load_lexicon(), load_metonym_rules(), load_speech_cue_lists())
    return ActorMatcher(parse_registry(MINI_REGISTRY), nlp=nlp, rules=rules)


def mention_frame(text, nlp, matcher):
    doc = nlp(text)
    frame = find_mentions("t", doc, [start for start, _ in sentence_spans(doc)], matcher=matcher)
    assert all(text[row.start : row.end] == row.surface for row in frame.itertuples())
    return frame


def mentions_of(text, nlp, matcher):
    return [(row.surface, row.actor_id, row.method) for row in mention_frame(text, nlp, matcher).itertuples()]


def test_case_sensitive_alias_keeps_us_the_country_apart_from_us(nlp, matcher):
    found = mentions_of("The US told us nothing.", nlp, matcher)
    assert found == [("US", "united_states", "alias")]


def test_longest_match_wins(nlp, matcher):
    found = mentions_of("Russian President Vladimir Putin met the Donetsk People's Republic envoy.", nlp, matcher)
    assert found == [
        ("Russian President Vladimir Putin", "putin", "alias"),
        ("Donetsk People's Republic", "dpr", "alias"),
    ]


def test_possessive_resolves_to_the_actor(nlp, matcher):
    assert mentions_of("Ukraine's army and Ukraine’s allies.", nlp, matcher) == [
        ("Ukraine", "ukraine", "alias"),
        ("Ukraine", "ukraine", "alias"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow said it would respond.", [("Moscow", "russia", "metonym")]),
        ("Kyiv has firmly denied it.", [("Kyiv", "ukraine", "metonym")]),
        ("Moscow's recognition came late.", [("Moscow", "russia", "metonym")]),
        ("They appealed for Moscow to recognize them.", [("Moscow", "russia", "metonym")]),
        ("Sanctions against Moscow widened.", [("Moscow", "russia", "metonym")]),
        ("Talks were held in Moscow and Kiev.", []),
        ("The pro-Moscow rebels and the pro-EU crowd marched.", []),
        ("A Moscow-based analyst spoke.", []),
        (
            "The rebel leaders of Donetsk and Lugansk wrote.",
            [("Donetsk", "dpr", "metonym"), ("Lugansk", "lpr", "metonym")],
        ),
        ("Chiefs from Donetsk and Lugansk sent a plea.", []),
        ("Shelling hit Donetsk and Lugansk overnight.", []),
        ("He met officials in the Kremlin.", []),
        ("The Kremlin denied the report.", [("The Kremlin", "russia", "metonym")]),
        # a possessive place followed by a place noun in its phrase is a location
        ("He taught at Moscow's Higher School of Economics.", []),
        ("Crowds filled Moscow’s Pushkin Square.", []),
        # the mayor is a name candidate (a common given name), Kyiv no metonym
        (
            "Kyiv's mayor, Vitali Klitschko, spoke.",
            [("Vitali Klitschko", "unregistered:Vitali Klitschko", "candidate")],
        ),
        ("It is London’s largest private residence.", []),
        ("Moscow's forces near the airport retreated.", [("Moscow", "russia", "metonym")]),
        ("Moscow's decision, the mayor said, was final.", [("Moscow", "russia", "metonym")]),
        ("On Donetsk's front line, gains are small.", []),
        # after "of", only a noun that belongs to an actor makes the place act: the verb is the noun's
        ("The governor of Lugansk said the town fell.", []),
        ("About half of Donetsk is occupied.", []),
        # the target of an attack, or a place held by someone, is no actor
        ("Russia launched airstrikes on Kyiv.", [("Russia", "russia", "alias")]),
        ("Sanctions on Moscow widened.", [("Moscow", "russia", "metonym")]),
        ("Russian-occupied Donetsk was renamed.", []),
        ("The last time Kyiv was hit was in April.", []),
        ("Kyiv has come under attack again.", []),
        ("Moscow has seized the initiative.", [("Moscow", "russia", "metonym")]),
        # a time phrase may stand between the place and its verb
        ("Moscow on Friday continued to shell towns.", [("Moscow", "russia", "metonym")]),
        ("Kyiv last week accused the rebels.", [("Kyiv", "ukraine", "metonym")]),
        ("Talks in Moscow on Friday continued.", []),
        # a word that makes its object act
        ("The sanctions prompted Moscow to act.", [("Moscow", "russia", "metonym")]),
        # glued by a hyphen to any word, a name is part of an adjective or of another name
        ("The Russia-Ukraine war goes on.", []),
        ("Ukraine-Russia talks resumed.", []),
    ],
)
def test_metonyms_count_only_where_the_place_acts(nlp, matcher, text, expected):
    assert mentions_of(text, nlp, matcher) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin continues to weaponise food.", [("The Kremlin", "russia", "metonym")]),
        ("The Kremlin, however, denied it.", [("The Kremlin", "russia", "metonym")]),
        (
            "After the talks, the Kremlin on Thursday accused Kyiv of lying.",
            [("the Kremlin", "russia", "metonym"), ("Kyiv", "ukraine", "metonym")],
        ),
        # a compound with the seat's people or the office is not the seat acting
        ("Kremlin officials played down the report.", []),
        ("A Kremlin foreign policy aide spoke.", []),
        # not the subject of a clause: only the rules for every place apply
        ("It was a blow for the Kremlin.", []),
        # a city is not a seat: "continues" alone does not make Moscow act
        ("Moscow continues to deny it.", []),
    ],
)
def test_seats_of_government_also_act_as_the_subject_of_a_clause(nlp, matcher, text, expected):
    assert mentions_of(text, nlp, matcher) == expected


def test_names_holding_an_alias_are_no_actor(nlp, matcher):
    text = "Migrants from Latin America and Central America reached America."
    assert mentions_of(text, nlp, matcher) == [("America", "united_states", "alias")]


def registered_mentions(text, nlp, matcher):
    frame = mention_frame(text, nlp, matcher)
    return [(row.surface, row.actor_id, row.method) for row in frame.itertuples() if row.registered]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title and its holder's name after a comma are one mention
        (
            "The Russian president, Vladimir Putin, spoke.",
            [("The Russian president, Vladimir Putin", "putin", "alias")],
        ),
        (
            "Vladimir Putin spoke. The US president, Joe Biden, replied.",
            [("Vladimir Putin", "putin", "alias"), ("The US president, Joe Biden", "biden", "alias")],
        ),
        # an unregistered name after the comma is someone else
        (
            "Volodymyr Zelensky spoke. The president, Alejandro Giammattei, replied.",
            [("Volodymyr Zelensky", "zelensky", "alias")],
        ),
        # "of" another country or an organisation is someone else; the holder's own country is not
        (
            "Volodymyr Zelensky spoke. Later the president of Belarus arrived.",
            [("Volodymyr Zelensky", "zelensky", "alias")],
        ),
        (
            "Volodymyr Zelensky spoke. Later the president of the Olympic Committee arrived.",
            [("Volodymyr Zelensky", "zelensky", "alias")],
        ),
        (
            "Volodymyr Zelensky spoke. Later the president of Ukraine arrived.",
            [
                ("Volodymyr Zelensky", "zelensky", "alias"),
                ("the president", "zelensky", "title"),
                ("Ukraine", "ukraine", "alias"),
            ],
        ),
        (
            "Volodymyr Zelensky spoke. Critics accused the president of lying.",
            [("Volodymyr Zelensky", "zelensky", "alias"), ("the president", "zelensky", "title")],
        ),
    ],
)
def test_titles_defer_to_the_words_that_follow_them(nlp, matcher, text, expected):
    assert registered_mentions(text, nlp, matcher) == expected


def test_default_registry_counts_governments_and_authorities(nlp, default_matcher):
    text = "The Russian government said Ukrainian authorities and the British government had lied."
    assert registered_mentions(text, nlp, default_matcher) == [
        ("Russian government", "russia", "alias"),
        ("Ukrainian authorities", "ukraine", "alias"),
        ("British government", "united_kingdom", "alias"),
    ]


def test_default_registry_counts_officials_and_ministries(nlp, default_matcher):
    text = (
        "Ukrainian officials said Russia's defence ministry and the Russian foreign ministry had lied, "
        "as US officials and western officials said. Putin spoke of Nazi Germany."
    )
    assert registered_mentions(text, nlp, default_matcher) == [
        ("Ukrainian officials", "ukraine", "alias"),
        ("Russia's defence ministry", "russian_defence_ministry", "alias"),
        ("Russian foreign ministry", "russian_foreign_ministry", "alias"),
        ("US officials", "united_states", "alias"),
        ("western officials", "the_west", "alias"),
        ("Putin", "vladimir_putin", "short_name"),
    ]


def test_the_bloc_and_the_alliance_refer_back_once_named(nlp, default_matcher):
    text = "The bloc met. NATO and the EU spoke. The bloc's leaders agreed, and the alliance said so."
    assert registered_mentions(text, nlp, default_matcher) == [
        ("NATO", "nato", "alias"),
        ("EU", "european_union", "alias"),
        ("The bloc", "european_union", "title"),
        ("the alliance", "nato", "title"),
    ]


def test_default_registry_has_the_nato_applicants_and_other_states_in_the_news(nlp, default_matcher):
    text = "Moscow has warned Helsinki and Stockholm, and Canada and Iran were named in Tokyo."
    assert registered_mentions(text, nlp, default_matcher) == [
        ("Moscow", "russia", "metonym"),
        ("Helsinki", "finland", "metonym"),
        ("Stockholm", "sweden", "metonym"),
        ("Canada", "canada", "alias"),
        ("Iran", "iran", "alias"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He accused the west of lying.", [("the west", "the_west", "metonym")]),
        (
            "If the west really wants peace, the west's sanctions must stay.",
            [
                ("the west", "the_west", "metonym"),
                ("the west", "the_west", "metonym"),
            ],
        ),
        ("Relations with the west have collapsed.", [("the west", "the_west", "metonym")]),
        ("The fighting moved to the west of the country.", []),
        ("Troops held the west bank of the river and the West Bank stayed calm.", []),
    ],
)
def test_lowercase_west_counts_only_where_it_acts(text, expected, nlp, default_matcher):
    assert registered_mentions(text, nlp, default_matcher) == expected


def test_sentence_opening_given_name_keeps_a_surname_from_counting_as_another_person(nlp, default_matcher):
    text = "Dean Johnson, a salesman from Sumter, says Cruz will win. Later Johnson said the race was later than usual."
    # "Dean" is never written in lowercase: a given name; "Later" is a word (`not_names`), and the Johnson after
    # it is the one the article named, Dean Johnson, not the registry's Boris Johnson
    assert mentions_of(text, nlp, default_matcher) == [
        ("Dean Johnson", "unregistered:Dean Johnson", "candidate"),
        ("Johnson", "unregistered:Dean Johnson", "candidate"),
    ]
    # once the registry's person is named, the surname is his
    text = "Boris Johnson spoke. Later Johnson said the race was later than usual."
    assert registered_mentions(text, nlp, default_matcher) == [
        ("Boris Johnson", "boris_johnson", "alias"), ("Johnson", "boris_johnson", "short_name")
    ]


def test_a_registered_surname_after_another_persons_full_name_is_that_persons(nlp, default_matcher):
    # PolNeAR: "Voters like Johnson" after "Libertarian candidate Gary Johnson" was Boris Johnson, and "Presidents
    # Biden and Putin" named nobody
    text = "Libertarian candidate Gary Johnson said he would win. Voters like Johnson because he is candid."
    assert mentions_of(text, nlp, default_matcher) == [
        ("Gary Johnson", "unregistered:Gary Johnson", "candidate"),
        ("Johnson", "unregistered:Gary Johnson", "candidate"),
    ]
    text = "A summit between Presidents Biden and Putin is possible."
    assert registered_mentions(text, nlp, default_matcher) == [
        ("Biden", "joe_biden", "short_name"), ("Putin", "vladimir_putin", "short_name")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Putin spoke. Putin remains the Russian president for now.",
         [("Vladimir Putin", "putin", "alias"), ("Putin", "putin", "short_name")]),
        ("Vladimir Putin spoke. He could still be the Russian president in 2036.",
         [("Vladimir Putin", "putin", "alias"), ("He", "putin", "pronoun")]),
        # a title that acts or owns is a mention
        ("Vladimir Putin spoke. The Russian president said talks would go on.",
         [("Vladimir Putin", "putin", "alias"), ("The Russian president", "putin", "title")]),
        ("Vladimir Putin spoke. That was the Russian president's plan.",
         [("Vladimir Putin", "putin", "alias"), ("the Russian president", "putin", "title")]),
    ],
)
def test_a_title_after_a_copula_says_what_someone_is(nlp, matcher, text, expected):
    # "Putin remains the Russian president" counted Putin twice in one clause
    assert mentions_of(text, nlp, matcher) == expected


def test_a_title_the_registry_does_not_give_the_person_names_someone_else(nlp, matcher):
    text = "Vladimir Putin met envoys. Admiral Putin, a namesake in the navy, sailed. President Putin spoke."
    # "Admiral" is in none of Putin's titles ("Russian President"); PolNeAR's "Admiral Harris" was Kamala Harris
    assert [(row.start, row.surface, row.actor_id) for row in mention_frame(text, nlp, matcher).itertuples()
            if row.registered] == [(0, "Vladimir Putin", "putin"), (text.index("President Putin") + 10, "Putin",
                                                                      "putin")]


def test_another_given_name_or_an_honorific_of_the_other_gender_is_someone_else(nlp, matcher):
    text = ("Liz Truss spoke first. Bill Truss, her cousin, stayed home while the bill passed. A cousin, Bill Truss, "
            "said nothing. Mr. Truss declined to comment. Ms. Truss said the vote was won.")
    # "Bill" opens a sentence and "bill" is a word too, but "Bill Truss" inside a sentence shows it is a name;
    # "Mr." is not the registry's gender for Liz Truss
    assert [(row.start, row.surface, row.actor_id) for row in mention_frame(text, nlp, matcher).itertuples()
            if row.registered] == [(0, "Liz Truss", "truss"), (text.index("Ms. Truss") + 4, "Truss", "truss")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The region of Luhansk, which along with Donetsk makes up the Donbas, could fall.", []),
        ("Troops dug in along the line between Luhansk and Donetsk.", []),
        (  # the republics themselves, and capitals, still act after these words
            "Kiev refuses to hold talks with Donetsk and Lugansk, unlike talks between Moscow and Kyiv.",
            [
                ("Kiev", "ukraine", "metonym"),
                ("Donetsk", "dpr", "metonym"),
                ("Lugansk", "lpr", "metonym"),
                ("Moscow", "russia", "metonym"),
                ("Kyiv", "ukraine", "metonym"),
            ],
        ),
    ],
)
def test_regions_are_locations_between_places(text, expected, nlp, default_matcher):
    assert registered_mentions(text, nlp, default_matcher) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volodymyr Zelensky spoke on Monday. On Tuesday, Ukraine’s president held talks in Kyiv.",
            [
                ("Volodymyr Zelensky", "volodymyr_zelensky", "alias"),
                ("Ukraine’s president", "volodymyr_zelensky", "title"),
            ],
        ),
        (  # a title followed by its holder's name is one mention of both, as "the US president, Joe Biden" is
            "Ukraine's president, Volodymyr Zelenskiy, held talks.",
            [("Ukraine's president, Volodymyr Zelenskiy", "volodymyr_zelensky", "alias")],
        ),
        (  # before the holder is named, the possessive still names the country
            "Ukraine’s president held talks.",
            [("Ukraine", "ukraine", "alias")],
        ),
    ],
)
def test_possessive_country_title_is_its_holder(text, expected, nlp, default_matcher):
    assert registered_mentions(text, nlp, default_matcher) == expected


def test_short_name_and_title_refer_back_to_the_person(nlp, matcher):
    text = "Vladimir Putin spoke. Later Putin left. Officials said the Russian president was tired."
    assert mentions_of(text, nlp, matcher) == [
        ("Vladimir Putin", "putin", "alias"),
        ("Putin", "putin", "short_name"),
        ("the Russian president", "putin", "title"),
    ]


def test_title_without_an_earlier_mention_is_not_guessed(nlp, matcher):
    assert mentions_of("Officials said the Russian president was tired.", nlp, matcher) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # opening a quotation, "He" is whom the speaker talks about, not the speaker
        ('"Putin\'s war was unprovoked," Biden said. "He rejected diplomacy," Biden added.', "putin"),
        ("''Putin's war was unprovoked,'' Biden said. ''He rejected diplomacy.''", "putin"),
        # outside quotation marks it is still the speaker
        ('"Putin\'s war was unprovoked," Biden said. He left the room.', "biden"),
    ],
)
def test_a_pronoun_opening_a_quotation_is_not_its_speaker(nlp, matcher, text, expected):
    pronouns = [row.actor_id for row in mention_frame(text, nlp, matcher).itertuples() if row.method == "pronoun"]
    assert pronouns == [expected]


def test_pronoun_resolves_to_the_previous_speaker(nlp, matcher):
    text = '"We ask you," Putin said.\n\nHe said the move would help.'
    assert mentions_of(text, nlp, matcher)[-1] == ("He", "putin", "pronoun")


def test_pronoun_resolves_to_a_speaker_named_in_apposition(nlp, matcher):
    text = "The news alarmed Kyiv, where the Russian president, Vladimir Putin, said talks were over. He added more."
    assert mentions_of(text, nlp, matcher)[-2:] == [
        ("the Russian president, Vladimir Putin", "putin", "alias"),
        ("He", "putin", "pronoun"),
    ]
    # a comma after a plain name does not make it the speaker: "said" belongs to the one named after it
    plain = "The news alarmed Kyiv, where Vladimir Putin, said the aide, was tired. He slept."
    assert ("He", "putin", "pronoun") not in mentions_of(plain, nlp, matcher)


def test_pronoun_skips_the_person_a_request_is_made_to(nlp, matcher):
    text = "Joe Biden spoke after the Duma asked Putin to act. He said the vote broke the accords."
    assert mentions_of(text, nlp, matcher)[-1] == ("He", "biden", "pronoun")


def test_pronoun_takes_the_person_who_asked(nlp, matcher):
    text = "Yesterday Joe Biden asked Putin to act. He said the vote broke the accords."
    assert mentions_of(text, nlp, matcher)[-1] == ("He", "biden", "pronoun")


def test_pronoun_resolves_to_the_previous_subject_of_matching_gender(nlp, matcher):
    text = "Liz Truss flew home. She said talks failed. Joe Biden waited. She left."
    assert mentions_of(text, nlp, matcher) == [
        ("Liz Truss", "truss", "alias"),
        ("She", "truss", "pronoun"),
        ("Joe Biden", "biden", "alias"),
    ]


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # the possessor's person named after the comma is the subject, not the possessor
        ("Vladimir Putin's adviser, Joe Biden, spoke at length. He said nothing new.", "biden"),
        ("Vladimir Putin's decision angered many. He said nothing new.", "putin"),
    ],
)
def test_pronoun_after_a_possessive_opening(nlp, matcher, text, referent):
    pronouns = [actor for _, actor, method in mentions_of(text, nlp, matcher) if method == "pronoun"]
    assert pronouns == [referent]


def test_pronoun_without_a_person_before_is_left_alone(nlp, matcher):
    assert mentions_of("The West accuses Russia. He said no.", nlp, matcher) == [
        ("The West", "west", "alias"),
        ("Russia", "russia", "alias"),
    ]


def test_candidates_propose_unregistered_names(nlp, matcher):
    text = (
        "Foreign Minister Ivan Petrovsky said talks failed. Olga Marchenko, the mayor, agreed. On Monday the US spoke."
    )
    frame = mention_frame(text, nlp, matcher)
    unregistered = frame[~frame["registered"]]
    assert list(zip(unregistered["actor_id"], unregistered["method"], strict=True)) == [
        ("unregistered:Ivan Petrovsky", "candidate"),
        ("unregistered:Olga Marchenko", "candidate"),
    ]
    assert list(frame.loc[frame["registered"], "actor_id"]) == ["united_states"]
    # the pipeline hands over the article text rather than have the doc rebuild it: the same rows
    doc = nlp(text)
    starts = [start for start, _ in sentence_spans(doc)]
    with_text = find_mention_rows("t", doc, starts, matcher=matcher, text=text)
    assert with_text == find_mention_rows("t", doc, starts, matcher=matcher)
    assert [row[2] for row in with_text if row[8] == "candidate"] == [
        "unregistered:Ivan Petrovsky",
        "unregistered:Olga Marchenko",
    ]


def test_a_common_given_name_opens_a_candidate_without_other_context(nlp, matcher):
    # PolNeAR: "front-runner Ben Carson took …" gave no candidate, so "he said" after it found nobody; a name
    # glued to a hyphen on either side ("Frank-Walter", "Holtz-Eakin") is cut there and proposes nothing
    text = (
        "The front-runner Ben Carson took the stage. George H.W. Bush watched with Mark Kuznetsov. "
        "Douglas Holtz-Eakin and Anna-Maria Kovalenko left. Kolya Petrov stayed."
    )
    frame = mention_frame(text, nlp, matcher)
    assert list(frame.loc[~frame["registered"], "actor"]) == ["Ben Carson", "George H.W. Bush", "Mark Kuznetsov"]


def test_candidate_surname_takes_the_full_name_given_first(nlp, matcher):
    text = "Foreign Minister Ivan Petrovsky said talks failed. Later Mr. Petrovsky said they would resume."
    frame = mention_frame(text, nlp, matcher)
    assert list(zip(frame["surface"], frame["actor_id"], strict=True)) == [
        ("Ivan Petrovsky", "unregistered:Ivan Petrovsky"),
        ("Petrovsky", "unregistered:Ivan Petrovsky"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the full name the heuristic did not propose is read from the words before the surname's first use
        (
            "WNBA star Brittney Griner was detained. Later Ms. Griner said she was sorry.",
            [("Brittney Griner", "Brittney Griner"), ("Griner", "Brittney Griner")],
        ),
        (
            "Secretary of State John Kerry arrived. Mr. Kerry said little.",
            [("John Kerry", "John Kerry"), ("Kerry", "John Kerry")],
        ),
        (
            "It was the plan of Donald J. Trump. Mr. Trump said so.",
            [("Donald J. Trump", "Donald J. Trump"), ("Trump", "Donald J. Trump")],
        ),
        # two first names before the surname: the honorific's sex picks one of the full names, which are
        # candidates of their own as they open with common given names; the surname alone first: no full name
        (
            "Bill Clinton spoke. Hillary Clinton spoke too. Mrs. Clinton left.",
            [("Bill Clinton", "Bill Clinton"), ("Hillary Clinton", "Hillary Clinton"), ("Clinton", "Hillary Clinton")],
        ),
        ("Mr. Kerry said little. John Kerry left.", [("Kerry", "Kerry"), ("John Kerry", "John Kerry")]),
        # a surname inside a hyphenated name is another name
        ("Jennifer Shanklin-Hawkins spoke. Ms. Shanklin left.", [("Shanklin", "Shanklin")]),
        # a headline names by surname before the body names in full
        (
            "Polls miss Griner's return\n\nWNBA star Brittney Griner was detained. Later Ms. Griner said so.",
            [("Brittney Griner", "Brittney Griner"), ("Griner", "Brittney Griner")],
        ),
        (
            "Griner Says She Is Sorry\n\nWNBA star Brittney Griner was detained. Later Ms. Griner said so.",
            [("Brittney Griner", "Brittney Griner"), ("Griner", "Brittney Griner")],
        ),
        # in a title-case headline the capitalised word before may be a given name: no full name
        (
            "Talks With Clinton Stall\n\nBill Clinton spoke. Mrs. Clinton said little.",
            [("Bill Clinton", "Bill Clinton"), ("Clinton", "Clinton")],
        ),
        # given names written with and without a middle initial are one person's; two initials are two people
        (
            "It was the plan of Donald J. Trump. Later Donald Trump spoke. Mr. Trump said so.",
            [("Donald J. Trump", "Donald J. Trump"), ("Trump", "Donald J. Trump")],
        ),
        (
            "George W. Bush spoke. George H.W. Bush listened. Mr. Bush said so.",
            [("George W. Bush", "George W. Bush"), ("George H.W. Bush", "George H.W. Bush"), ("Bush", "Bush")],
        ),
        (
            "George W. Bush spoke. George P. Bush listened. Mr. Bush said so.",
            [("George W. Bush", "George W. Bush"), ("George P. Bush", "George P. Bush"), ("Bush", "Bush")],
        ),
        # "Ms." and "Mr." before one surname: two people; "Ms. Marchuk" is Olena by her given name, and "Mr.
        # Marchuk", never named in full, keeps the surname
        (
            "He fought, said his mother, Olena Marchuk. Ms. Marchuk said he left. Mr. Marchuk said little.",
            [("Olena Marchuk", "Olena Marchuk"), ("Marchuk", "Olena Marchuk"), ("Marchuk", "Marchuk")],
        ),
        (
            "He fought, said his mother, Olena Marchuk. Ms. Marchuk said he left. Ms. Marchuk said little.",
            [("Olena Marchuk", "Olena Marchuk"), ("Marchuk", "Olena Marchuk"), ("Marchuk", "Olena Marchuk")],
        ),
        # without a blank line after it, the first line is no headline
        (
            "Polls miss Griner's return\nWNBA star Brittney Griner was held.\n\nMs. Griner said so.",
            [("Griner", "Griner")],
        ),
    ],
)
def test_surname_takes_the_full_name_written_before_it(nlp, matcher, text, expected):
    frame = mention_frame(text, nlp, matcher)
    unregistered = frame[~frame["registered"]]
    assert list(zip(unregistered["surface"], unregistered["actor"], strict=True)) == expected


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (["Ivan Petrovsky", "Petrovsky"], "Ivan Petrovsky spoke. Petrovsky left.", {"Petrovsky": "Ivan Petrovsky"}),
        (["Ivan Petrovsky", "Petrovsky"], "Petrovsky Out. Ivan Petrovsky spoke.", {}),  # the surname came first
        # ... unless it came first in the headline, alone
        (
            ["Ivan Petrovsky", "Petrovsky"],
            "Voters back Petrovsky\n\nIvan Petrovsky spoke. Petrovsky left.",
            {"Petrovsky": "Ivan Petrovsky"},
        ),
        (["Ivan Petrovsky", "Petrovsky"], "Meet Anna Petrovsky\n\nIvan Petrovsky spoke. Petrovsky left.", {}),
        (["Ivan Petrovsky", "Petrovsky"], f"{'Long lede ' * 16}Petrovsky\n\nIvan Petrovsky spoke.", {}),
        (["Ivan Petrovsky", "Anna Petrovsky"], "Ivan Petrovsky and Anna Petrovsky spoke.", {}),  # two people
        (["So I", "I"], "So I said no. I left.", {}),  # one letter is no surname
    ],
)
def test_full_names_rules(names, text, expected):
    assert full_names(names, text) == expected


@pytest.mark.parametrize(
    ("given_names", "expected"),
    [
        ({"Donald"}, True),
        ({"Donald", "Donald J."}, True),
        ({"Hillary", "Hillary Rodham"}, True),
        ({"Bill", "Hillary"}, False),
        ({"George W.", "George H.W."}, False),
        ({"Donald J.", "Donald John"}, False),
        ({"Ted", "Casually Conflates Ted"}, False),  # words of a title-case headline before the name
    ],
)
def test_one_person_writes_given_names_with_or_without_middle_names(given_names, expected):
    assert one_person(given_names) is expected


def test_full_names_leave_a_surname_written_after_a_man_s_and_a_woman_s_honorific():
    genders = (("Mr.", "male"), ("Mrs.", "female"))
    text = "Bill Clinton spoke. Mr. Clinton left. Mrs. Clinton stayed."
    assert full_names(["Bill Clinton", "Clinton"], text, honorific_genders=genders) == {}
    assert full_names(["Bill Clinton", "Clinton"], text) == {"Clinton": "Bill Clinton"}
    text = "Bill Clinton spoke. Mr. Clinton left. Mr. Clinton stayed."
    assert full_names(["Bill Clinton", "Clinton"], text, honorific_genders=genders) == {"Clinton": "Bill Clinton"}


def test_with_full_names_maps_surnames_to_people_only():
    text = "Ivan Petrovsky met North Korea envoys. Petrovsky said Korea would talk."
    rows = [
        ("t", 0, "unregistered:Ivan Petrovsky", "Ivan Petrovsky", "person", "Ivan Petrovsky", 0, 14, "ner", False),
        ("t", 0, "unregistered:North Korea", "North Korea", "place", "North Korea", 19, 30, "ner", False),
        ("t", 1, "unregistered:Petrovsky", "Petrovsky", "organisation", "Petrovsky", 39, 48, "ner", False),
        ("t", 1, "unregistered:Korea", "Korea", "place", "Korea", 54, 59, "ner", False),
    ]
    assert with_full_names(rows, text) == [
        rows[0],
        rows[1],
        ("t", 1, "unregistered:Ivan Petrovsky", "Ivan Petrovsky", "person", "Petrovsky", 39, 48, "ner", False),
        rows[3],
    ]


def train_tiny_ner(path):
    """A statistical NER pipeline trained here in a few seconds on sentences written for this test."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    data = [
        ("Olga Marchenko met the delegation.", [(0, 14, "PERSON")]),
        ("Ivan Petrovsky visited the port.", [(0, 14, "PERSON")]),
        ("The delegation met Olga Marchenko again.", [(19, 33, "PERSON")]),
        ("Nobody else came.", []),
    ]
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in data]
    optimizer = nlp.initialize(lambda: examples)
    random.seed(0)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.to_disk(path)
    return path


def test_ner_model_path_finds_unregistered_people(tmp_path, nlp):
    model = load_ner_model(str(train_tiny_ner(tmp_path / "tiny_ner")))
    assert model is not None
    rules = make_match_rules(load_lexicon(), load_metonym_rules(), load_speech_cue_lists())
    matcher = ActorMatcher(parse_registry(MINI_REGISTRY), nlp=nlp, rules=rules, ner_model=model)
    text = "Olga Marchenko met the delegation. Putin was absent."
    frame = mention_frame(text, nlp, matcher)
    assert list(zip(frame["surface"], frame["method"], frame["registered"], strict=True)) == [
        ("Olga Marchenko", "ner", False),
        ("Putin", "short_name", True),
    ]


def test_missing_ner_model_falls_back_to_none():
    assert load_ner_model("no_such_model_xyz") is None
    assert load_ner_model("") is None


def test_candidate_rules_skip_places_organisation_words_and_headlines(nlp, matcher):
    text = (
        "On Capitol Hill, the mood soured.\n\nSenior Aide Petro Ivanchuk Says Talks Will Resume\n\n"
        "Mr. Ushakov said the Foreign Ministry agreed. Several Republicans accused the State Department, the agency."
    )
    frame = mention_frame(text, nlp, matcher)
    assert list(zip(frame["surface"], frame["actor_type"], strict=True)) == [
        ("Ushakov", "person"),
        ("State Department", "organisation"),
    ]


def test_candidate_rules_skip_laws_documents_and_events(nlp, matcher):
    # a user's review: "the U.S. Foreign Agents Registration Act" was proposed as a person
    text = (
        "He said there was no attempt to evade the U.S. Foreign Agents Registration Act. Petro Ivanchuk "
        "said that the Munich Security Conference said it had changed its plans."
    )
    frame = mention_frame(text, nlp, matcher)
    assert list(zip(frame["surface"], frame["actor_type"], strict=True)) == [("Petro Ivanchuk", "person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised sentence opener (`not_names`) is no given name
        ("Like Petrovsky, the mayor said no.", []),
        ("Neither Ivan Petrovsky nor the mayor said much. Mr. Petrovsky left.", ["Ivan Petrovsky", "Ivan Petrovsky"]),
        # a preposition inside a name is kept
        ("The list now holds the Committee Against Torture, a United Nations body.", ["Committee Against Torture"]),
    ],
)
def test_sentence_openers_are_no_given_names(nlp, matcher, text, expected):
    frame = mention_frame(text, nlp, matcher)
    assert list(frame.loc[~frame["registered"], "actor"]) == expected


def test_a_headline_short_name_that_is_also_a_word_before_a_noun_is_no_mention(nlp, default_matcher):
    # a user's review: "Yellen Says It's in Russia's Interest to Go Along With an Oil Price Cap" was Ned Price
    text = "Allies Seek Oil Price Cap\n\nThe G7 agreed on the price cap. Ned Price welcomed it."
    frame = mention_frame(text, nlp, default_matcher)
    assert frame.loc[frame["actor_id"] == "ned_price", "surface"].tolist() == ["Ned Price"]
    # before a verb, or in an article that never writes the word in lowercase, it is the person
    text = "Price Says US Will Respond\n\nThe price of oil rose. Ned Price spoke on Monday."
    frame = mention_frame(text, nlp, default_matcher)
    assert frame.loc[frame["actor_id"] == "ned_price", "surface"].tolist() == ["Price", "Ned Price"]


def test_a_place_after_a_hyphenated_word_of_control_is_a_place(nlp, default_matcher):
    # a user's review: "the head of Ukraine-controlled Luhansk's regional civil administration" was the LPR
    text = "The shelling went on, according to the head of Ukraine-controlled Luhansk's regional administration."
    assert mention_frame(text, nlp, default_matcher).empty
    # the possessive alone still acts
    frame = mention_frame("Luhansk's leaders said they would hold a vote.", nlp, default_matcher)
    assert frame[["surface", "actor_id", "method"]].values.tolist() == [["Luhansk", "lpr", "metonym"]]


def test_a_headline_title_is_its_one_holder_when_the_story_names_them_later(nlp, default_matcher):
    # "Russia's foreign minister says a new 'iron curtain' is descending" was Russia, not Lavrov
    text = "Russia's foreign minister says a new iron curtain is descending\n\nSergei Lavrov spoke in Cairo."
    frame = mention_frame(text, nlp, default_matcher)
    assert frame[["surface", "actor_id", "method"]].values.tolist() == [
        ["Russia's foreign minister", "sergei_lavrov", "title"],
        ["Sergei Lavrov", "sergei_lavrov", "alias"],
    ]
    # not when the story never names him, nor after the first sentence
    frame = mention_frame("Russia's foreign minister says talks failed\n\nThe talks ended.", nlp, default_matcher)
    assert frame["actor_id"].tolist() == ["russia"]
    text = "Talks\n\nBlinken met China's top diplomat Yang Jiechi. Wang Yi was not there."
    frame = mention_frame(text, nlp, default_matcher)
    assert frame["actor_id"].tolist() == ["antony_blinken", "china", "wang_yi"]


def test_the_ministry_of_defence_word_order_names_the_russian_ministry(nlp, default_matcher):
    # a user's review: "Russia's ministry of defence has claimed …" was Russia
    frame = mention_frame("Russia's ministry of defence has claimed a strike.", nlp, default_matcher)
    assert frame["actor_id"].tolist() == ["russian_defence_ministry"]


def test_the_ministry_refers_back_to_the_ministry_named_shortly_before(nlp, default_matcher):
    # a user's review: "The ministry said the decision was made …" after "Russia's foreign ministry banned …" had
    # no speaker
    text = "Russia's foreign ministry banned ten British ministers. The ministry said the decision was final."
    frame = mention_frame(text, nlp, default_matcher)
    assert frame[["surface", "actor_id", "method"]].values.tolist() == [
        ["Russia's foreign ministry", "russian_foreign_ministry", "alias"],
        ["The ministry", "russian_foreign_ministry", "title"],
    ]
    # long after, "the ministry" may be another country's, which the registry lacks
    filler = " ".join(["A British defence office spoke on the war in the east at length."] * 15)
    text = f"Russia's defence ministry spoke. {filler} The ministry said it was ready."
    frame = mention_frame(text, nlp, default_matcher)
    assert frame["method"].tolist() == ["alias"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a user's review: "deputy infrastructure minister Yuriy Vaskov" and "Lauri Myllyvirta, lead analyst for
        # CREA" were never found, so their quotes went to people named earlier
        ("The ships waited for deputy infrastructure minister Yuriy Vaskov on Monday.", ["Yuriy Vaskov"]),
        ("Lauri Myllyvirta, lead analyst for CREA, spoke on Monday.", ["Lauri Myllyvirta"]),
    ],
)
def test_a_lowercase_title_before_a_name_or_after_its_comma_proposes_it(text, expected, nlp, matcher):
    assert mention_frame(text, nlp, matcher)["actor"].tolist() == expected


def test_a_surname_takes_the_first_full_name_when_a_shorter_one_follows(nlp, matcher):
    # "Donald J. Trump" first and "Donald Trump" later are one person: "Mr. Trump" is Donald J. Trump
    text = "The vote was called by Donald J. Trump on Monday. On Tuesday Donald Trump said he would win. Mr. Trump won."
    assert mention_frame(text, nlp, matcher)["actor"].tolist() == ["Donald J. Trump", "Donald Trump", "Donald J. Trump"]


def test_the_default_registry_knows_gazprom_and_the_leaders_often_in_the_2022_news(nlp, default_matcher):
    text = "Gazprom cut supplies, and Justin Trudeau and Robert Habeck spoke. Mr. Trudeau then met Janet Yellen."
    assert registered_mentions(text, nlp, default_matcher) == [
        ("Gazprom", "gazprom", "alias"),
        ("Justin Trudeau", "justin_trudeau", "alias"),
        ("Robert Habeck", "robert_habeck", "alias"),
        ("Trudeau", "justin_trudeau", "short_name"),
        ("Janet Yellen", "janet_yellen", "alias"),
    ]


def test_a_candidate_with_an_organisation_word_anywhere_is_an_organisation(nlp, matcher):
    # a user's review: "Radio Svoboda" and "Committee Against Torture" were typed as people
    text = "The report was confirmed by Radio Svoboda, a broadcaster, on Monday."
    frame = mention_frame(text, nlp, matcher)
    assert frame[["surface", "actor_type"]].values.tolist() == [["Radio Svoboda", "organisation"]]


def test_a_review_is_an_organisation(nlp, matcher):
    # a review of the Guardian/NYT corpus: "the South Review, an official state media outlet" was a person
    text = "The claim was printed by the South Review, an official state media outlet, on Monday."
    frame = mention_frame(text, nlp, matcher)
    assert frame[["surface", "actor_type"]].values.tolist() == [["South Review", "organisation"]]


def test_a_title_abbreviated_without_a_full_stop_introduces_a_name(nlp, matcher):
    # a review of the Guardian/NYT corpus: "Capt Svyatoslav Palamar released a video in which he said …" had
    # no person for "he"; and "Dr Sidharth Kaushal" was a name with its title in it
    text = "Capt Petro Ivanchuk released a video. Later, Dr Anna Smirnova said the port was closed."
    frame = mention_frame(text, nlp, matcher)
    assert frame[["surface", "actor_type", "method"]].values.tolist() == [
        ["Petro Ivanchuk", "person", "candidate"],
        ["Anna Smirnova", "person", "candidate"],
    ]


def test_a_name_after_an_organisation_noun_is_an_organisation(nlp, matcher):
    # a review of the Guardian/NYT corpus: "the charity World Vision" was typed as a person
    text = "Aid came in on Monday, and the charity World Vision said the roads were closed."
    frame = mention_frame(text, nlp, matcher)
    assert frame[["surface", "actor_type"]].values.tolist() == [["World Vision", "organisation"]]
    # a name with a verb of its own after the noun is a person: "the party Petro Ivanchuk leads"
    text = "He joined the party Petro Ivanchuk leads, Petro Ivanchuk said."
    assert mention_frame(text, nlp, matcher)["actor_type"].unique().tolist() == ["person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a middle initial stays inside the name ("James B. Comey" was "James B" and "Comey")
        ("The talks went on. Alderman William D. Burns said the city needed more police.", ["William D. Burns"]),
        # the end of a title after "of" is no first name ("State John Kerry", "Staff Katie Walsh")
        ("The talks went on. Secretary of State John F. Kerry said the talks would resume.", ["John F. Kerry"]),
        ("The talks went on. Chief of Staff Katie Walsh said the talks would resume.", ["Katie Walsh"]),
        # an abbreviation is no initial: "John Bolton" after "Former U.N. Ambassador"
        ("The talks went on. Former U.N. Ambassador John Bolton said the talks would resume.", ["John Bolton"]),
        # a one-letter word ending a sentence before a name is no initial
        ("They spoke of plan B. Petro Ivanchuk said the talks would resume.", ["Petro Ivanchuk"]),
    ],
)
def test_candidate_names_keep_middle_initials_and_drop_title_endings(nlp, matcher, text, expected):
    frame = mention_frame(text, nlp, matcher)
    assert frame["surface"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review of PolNeAR: "Lyndon B. Johnson" was Boris Johnson, "the University of Texas at Austin" Lloyd Austin
        ("The speech went on. He was compared to Lyndon B. Johnson and Jimmy Carter.", []),
        ("She studied at the University of Texas at Austin.", []),
        ("They arrived in Austin, Texas, on Monday.", []),
        # the registry's person with a middle initial, and a surname after other words, still count
        ("The talks went on. Foreign Minister Sergey V. Lavrov said no.", [("Lavrov", "sergei_lavrov", "short_name")]),
        ("Putin met Austin in Brussels.",
         [("Putin", "vladimir_putin", "short_name"), ("Austin", "lloyd_austin", "short_name")]),
    ],
)
def test_a_registered_surname_after_an_initial_or_a_place_preposition(text, expected, nlp, default_matcher):
    assert registered_mentions(text, nlp, default_matcher) == expected


def test_an_honorific_picks_the_person_of_its_gender_among_two_of_one_surname(nlp, default_matcher):
    # PolNeAR: with "Donald J. Trump" and "Melania Trump" named, every "Mr. Trump" stayed a bare "Trump"
    text = ("The convention opened. Donald J. Trump said he was ready. Melania Trump said she was proud. "
            "Mr. Trump said the race was his. Mrs. Trump said she was tired.")
    assert mentions_of(text, nlp, default_matcher) == [
        ("Donald J. Trump", "unregistered:Donald J. Trump", "candidate"),
        ("Melania Trump", "unregistered:Melania Trump", "candidate"),
        ("Trump", "unregistered:Donald J. Trump", "candidate"),
        ("Trump", "unregistered:Melania Trump", "candidate"),
    ]


def test_a_surname_after_a_preposition_is_a_place_only_before_a_region_or_after_an_institution(nlp, default_matcher):
    # a last read: "Voters lost confidence in Biden" had lost Biden
    text = "The polls moved. Voters lost confidence in Biden."
    assert registered_mentions(text, nlp, default_matcher) == [("Biden", "joe_biden", "short_name")]


def test_a_name_set_off_by_commas_after_a_title_is_a_candidate(nlp, matcher):
    # a review of the Guardian/NYT corpus: "calls for calm from the region's governor, Anton Alikhanov, on
    # Saturday. He said …" found no Alikhanov, and "He" went to a minister named earlier
    text = "Calls came from the region's governor, Anton Alikhanov, on Saturday. The bank's director, Vesna Kolar."
    frame = mention_frame(text, nlp, matcher)
    assert list(frame.loc[~frame["registered"], "actor"]) == ["Anton Alikhanov", "Vesna Kolar"]
    # no title before the comma: a list or an address, no name
    assert list(mention_frame("He visited Lviv, Anton Street, on Monday.", nlp, matcher)["actor"]) == []
