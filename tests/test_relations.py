"""Tests for analysis.relations: who accuses, criticises, denies, supports, asks, threatens or meets whom."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.relations import detect_relations, load_relation_cues
from tests.stance_frames import NO_QUOTES, load_seed_tables, make_mentions, make_quotes, make_sentences

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_e834a8d547207d18.txt"


@pytest.fixture(scope="module")
def cues():
    return load_relation_cues()


def relation_rows(text, mentions, quotes=(), *, cues) -> list[tuple]:
    """(sentence_id, source_actor_id, target_actor_id, relation, polarity, cue) of each row."""
    quote_frame = make_quotes(text, list(quotes)) if quotes else NO_QUOTES
    frame = detect_relations(text, make_sentences(text), make_mentions(text, mentions), quote_frame, cues=cues)
    columns = ["sentence_id", "source_actor_id", "target_actor_id", "relation", "polarity", "cue"]
    return list(frame[columns].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "The West accuses Russia of preparing an attack.\nRussia has denied planning an invasion.",
            [("the_west", "The West"), ("russia", "Russia"), ("russia", "Russia")],
            [(0, "the_west", "russia", "accuses", -1, "accuses"), (1, "russia", "the_west", "denies", -1, "denied")],
        ),
        (
            "Russia was sharply criticised by Germany.",
            [("russia", "Russia"), ("germany", "Germany")],
            [(0, "germany", "russia", "criticises", -1, "criticised")],
        ),
        (
            "Putin and Macron met in Moscow.",
            [("vladimir_putin", "Putin"), ("emmanuel_macron", "Macron"), ("russia", "Moscow")],
            [(0, "vladimir_putin", "emmanuel_macron", "meets", 0, "met")],
        ),
        ("Germany did not criticise Russia.", [("germany", "Germany"), ("russia", "Russia")], []),
        (
            "Kyiv denied Moscow's claims.",
            [("ukraine", "Kyiv"), ("russia", "Moscow")],
            [(0, "ukraine", "russia", "denies", -1, "denied")],
        ),
        ("Russia denied the claims.", [("russia", "Russia")], []),
        (
            "Biden urged China, India and Brazil to condemn Russia.",
            [
                ("joe_biden", "Biden"),
                ("china", "China"),
                ("india", "India"),
                ("brazil", "Brazil"),
                ("russia", "Russia"),
            ],
            [
                (0, "joe_biden", "china", "asks", 0, "urged"),
                (0, "joe_biden", "india", "asks", 0, "urged"),
                (0, "joe_biden", "brazil", "asks", 0, "urged"),
            ],
        ),
        (
            "The rebel leaders of Donetsk and Lugansk made an appeal to Putin for Moscow to recognize them.",
            [("dpr", "Donetsk"), ("lpr", "Lugansk"), ("vladimir_putin", "Putin"), ("russia", "Moscow")],
            [
                (0, "dpr", "vladimir_putin", "asks", 0, "appeal to"),
                (0, "lpr", "vladimir_putin", "asks", 0, "appeal to"),
            ],
        ),
        (
            "Zelensky thanked Britain for its help and held talks with Poland.",
            [("volodymyr_zelensky", "Zelensky"), ("united_kingdom", "Britain"), ("poland", "Poland")],
            [
                (0, "volodymyr_zelensky", "united_kingdom", "supports", 1, "thanked"),
                (0, "volodymyr_zelensky", "poland", "meets", 0, "held talks with"),
            ],
        ),
        (
            "Moscow threatened Kyiv with retaliation.",
            [("russia", "Moscow"), ("ukraine", "Kyiv")],
            [(0, "russia", "ukraine", "threatens", -1, "threatened")],
        ),
    ],
)
def test_relations(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a warning about what an actor may do threatens nobody ...
            "Putin warns Russia is just getting started.",
            [("vladimir_putin", "Putin"), ("russia", "Russia")],
            [],
        ),
        (
            "Blinken warned that Russia could launch a new attack.",
            [("antony_blinken", "Blinken"), ("russia", "Russia")],
            [],
        ),
        (  # ... a warning of consequences threatens the actor who would face them
            "Scholz warned that Russia would face severe consequences.",
            [("olaf_scholz", "Scholz"), ("russia", "Russia")],
            [(0, "olaf_scholz", "russia", "threatens", -1, "warned")],
        ),
        (  # a request names the one asked in its clause
            "Erdogan repeated his request that the United States extradite the cleric.",
            [("recep_tayyip_erdogan", "Erdogan"), ("united_states", "the United States")],
            [(0, "recep_tayyip_erdogan", "united_states", "asks", 0, "request")],
        ),
        (  # the noun "warnings" is somebody else's
            "Zelensky ignored warnings of an invasion, says Biden.",
            [("volodymyr_zelensky", "Zelensky"), ("joe_biden", "Biden")],
            [],
        ),
        (  # a question asks nobody in it
            "Biden asked if the Kremlin was aware of the plan.",
            [("joe_biden", "Biden"), ("russia", "the Kremlin")],
            [],
        ),
        (  # a consequence word far from the actor is no threat to it
            "Zelensky warned that Russia may launch a new offensive in response to the sanctions.",
            [("volodymyr_zelensky", "Zelensky"), ("russia", "Russia")],
            [],
        ),
        (  # "urgently" is no form of "urge"
            "Kuleba said Ukraine urgently needs Germany to send tanks.",
            [("dmytro_kuleba", "Kuleba"), ("ukraine", "Ukraine"), ("germany", "Germany")],
            [],
        ),
    ],
)
def test_reported_clauses_name_no_target(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the call is with the president a possessive country names, not with the country
            "Biden held a video call with Ukraine's president, Volodymyr Zelenskiy, on Friday.",
            [("joe_biden", "Biden"), ("ukraine", "Ukraine"), ("volodymyr_zelensky", "Volodymyr Zelenskiy")],
            [(0, "joe_biden", "volodymyr_zelensky", "meets", 0, "call with")],
        ),
        (  # a possessive before something that is no actor is still the target
            "Germany condemned Russia's invasion.",
            [("germany", "Germany"), ("russia", "Russia")],
            [(0, "germany", "russia", "criticises", -1, "condemned")],
        ),
        (  # the nouns "threat" and "pressure" name no act
            "US officials have been divided over the threat China poses.",
            [("united_states", "US"), ("china", "China")],
            [],
        ),
        (
            "The Kremlin would resist public pressure to free US basketball star Brittney Griner.",
            [("russia", "The Kremlin"), ("united_states", "US")],
            [],
        ),
        (  # the verbs still do
            "China threatened the United States and pressured Japan to drop the plan.",
            [("china", "China"), ("united_states", "the United States"), ("japan", "Japan")],
            [
                (0, "china", "united_states", "threatens", -1, "threatened"),
                (0, "china", "japan", "asks", 0, "pressured Japan to"),  # the target inside the cue's gap
            ],
        ),
    ],
)
def test_possessive_targets_and_noun_cues(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "The Justice Department charged Ionov with spying.",
            [("justice_department", "The Justice Department"), ("ionov", "Ionov")],
            [(0, "justice_department", "ionov", "accuses", -1, "charged Ionov with")],
        ),
        (
            "Blinken pressed Lavrov and Shoigu to allow the grain ships out.",
            [("antony_blinken", "Blinken"), ("sergei_lavrov", "Lavrov"), ("sergei_shoigu", "Shoigu")],
            [
                (0, "antony_blinken", "sergei_lavrov", "asks", 0, "pressed Lavrov and Shoigu to"),
                (0, "antony_blinken", "sergei_shoigu", "asks", 0, "pressed Lavrov and Shoigu to"),
            ],
        ),
        (
            "Putin welcomed Erdogan to Sochi.",
            [("vladimir_putin", "Putin"), ("recep_tayyip_erdogan", "Erdogan")],
            [(0, "vladimir_putin", "recep_tayyip_erdogan", "meets", 0, "welcomed Erdogan to")],
        ),
        (  # an owner in the gap is no target, nor an actor after an object marker
            "Stoltenberg welcomed Turkey's efforts to broker a deal.",
            [("jens_stoltenberg", "Stoltenberg"), ("turkey", "Turkey")],
            [],
        ),
        (
            "Manafort pressed diplomats in Ukraine to help.",
            [("manafort", "Manafort"), ("ukraine", "Ukraine")],
            [],
        ),
        (  # ... but a denial rejects the claims of their owner
            "Kyiv rejected Moscow's claims.",
            [("ukraine", "Kyiv"), ("russia", "Moscow")],
            [(0, "ukraine", "russia", "denies", -1, "rejected Moscow's claims")],
        ),
    ],
)
def test_actors_inside_a_cue_with_a_gap_are_its_targets(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the owner of the noun is its source, whoever the clause is about
            "The United States grew angry over China's tacit support for Putin.",
            [("united_states", "The United States"), ("china", "China"), ("vladimir_putin", "Putin")],
            [(0, "china", "vladimir_putin", "supports", 1, "support for")],
        ),
        (  # without an owner, the clause's subjects
            "The UK and France agreed to provide more support for Ukraine.",
            [("united_kingdom", "The UK"), ("france", "France"), ("ukraine", "Ukraine")],
            [
                (0, "united_kingdom", "ukraine", "supports", 1, "support for"),
                (0, "france", "ukraine", "supports", 1, "support for"),
            ],
        ),
        (  # what an accusation is about is nobody's support
            "Clinton accused Trump of showing support for Putin.",
            [("hillary_clinton", "Clinton"), ("donald_trump", "Trump"), ("vladimir_putin", "Putin")],
            [(0, "hillary_clinton", "donald_trump", "accuses", -1, "accused")],
        ),
    ],
)
def test_support_for_an_actor_as_a_noun(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "The talks collapsed after Xi warned Biden against provocations.",
            [("xi_jinping", "Xi"), ("joe_biden", "Biden")],
            [(0, "xi_jinping", "joe_biden", "threatens", -1, "warned")],
        ),
        (
            "The deal came weeks after Zelensky thanked Johnson for his support.",
            [("volodymyr_zelensky", "Zelensky"), ("boris_johnson", "Johnson")],
            [(0, "volodymyr_zelensky", "boris_johnson", "supports", 1, "thanked")],
        ),
        (  # a cue's target stops at the next cue: the meeting is not with the West
            "Putin in his meeting with parliamentary leaders accused the West of fuelling hostilities.",
            [("vladimir_putin", "Putin"), ("the_west", "the West")],
            [(0, "vladimir_putin", "the_west", "accuses", -1, "accused")],
        ),
        (  # "went on to" reports an act that happened, where "to" alone marks an intended one
            "Zelensky went on to blame Russia for the attack.",
            [("volodymyr_zelensky", "Zelensky"), ("russia", "Russia")],
            [(0, "volodymyr_zelensky", "russia", "accuses", -1, "blame")],
        ),
        (  # an actor after the cue is no subject of it
            "He blamed Kyiv for the deaths long before Moscow acted.",
            [("ukraine", "Kyiv"), ("russia", "Moscow")],
            [],
        ),
    ],
)
def test_actor_after_a_subordinating_word_is_the_subject_of_its_clause(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the actor right before the cue acts, not the subject of the clause before it
            "President Vladimir Putin is set to visit Tehran as the US has accused Iran of arming Russia.",
            [("vladimir_putin", "Vladimir Putin"), ("united_states", "US"), ("iran", "Iran"), ("russia", "Russia")],
            [(0, "united_states", "iran", "accuses", -1, "accused")],
        ),
        (  # what a speaker reports is done by the one named in it
            "Kremlin spokesman Dmitry Peskov denied reports that Russia had asked China for military help.",
            [("dmitry_peskov", "Dmitry Peskov"), ("russia", "Russia"), ("china", "China")],
            [(0, "russia", "china", "asks", 0, "asked")],
        ),
        (  # with the actors joined to it
            "On Monday Britain and the US have repeatedly accused Russia of lying.",
            [("united_kingdom", "Britain"), ("united_states", "US"), ("russia", "Russia")],
            [
                (0, "united_kingdom", "russia", "accuses", -1, "accused"),
                (0, "united_states", "russia", "accuses", -1, "accused"),
            ],
        ),
        (  # other words between: all actors before the cue, as before
            "Putin, in a speech on Monday, accused the West of lying.",
            [("vladimir_putin", "Putin"), ("the_west", "the West")],
            [(0, "vladimir_putin", "the_west", "accuses", -1, "accused")],
        ),
    ],
)
def test_the_actor_right_before_a_cue_is_its_only_source(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Rubio won the support of Bush.", [("rubio", "Rubio"), ("bush", "Bush")],
         [(0, "bush", "rubio", "supports", 1, "support")]),
        ("Russia came under criticism from Germany.", [("russia", "Russia"), ("germany", "Germany")],
         [(0, "germany", "russia", "criticises", -1, "criticism")]),
        ("Zelensky drew praise from Biden.", [("zelensky", "Zelensky"), ("biden", "Biden")],
         [(0, "biden", "zelensky", "supports", 1, "praise")]),
        ("Trump secured the endorsement of Sheriff Joe Arpaio.", [("trump", "Trump"), ("arpaio", "Joe Arpaio")],
         [(0, "arpaio", "trump", "supports", 1, "endorsement")]),
        ("Clinton will face the criticism of her party rival, Senator Bernie Sanders.",
         [("clinton", "Clinton"), ("sanders", "Senator Bernie Sanders")],
         [(0, "sanders", "clinton", "criticises", -1, "criticism")]),
        # the giver must follow: no relation without one, nor through a relative clause or another preposition
        ("Rubio won support in Iowa before Bush spoke.", [("rubio", "Rubio"), ("bush", "Bush")], []),
        ("Clinton received support from those who said Wall Street helps.",
         [("clinton", "Clinton"), ("wall_street", "Wall Street")], []),
        ("Clinton faced accusations of favoritism toward Clinton Foundation donors.",
         [("clinton", "Clinton"), ("foundation", "Clinton Foundation")], []),
    ],
)
def test_a_received_noun_goes_from_its_giver_to_the_subject(text, mentions, expected, cues) -> None:
    # "won the support of Bush" was read as Rubio supporting Bush
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Trump blasted Bush.", [("trump", "Trump"), ("bush", "Bush")],
         [(0, "trump", "bush", "criticises", -1, "blasted")]),
        ("Cruz mocked Rubio.", [("cruz", "Cruz"), ("rubio", "Rubio")],
         [(0, "cruz", "rubio", "criticises", -1, "mocked")]),
        ("Trump has railed against NATO.", [("trump", "Trump"), ("nato", "NATO")],
         [(0, "trump", "nato", "criticises", -1, "railed against")]),
        ("Sanders assailed Clinton.", [("sanders", "Sanders"), ("clinton", "Clinton")],
         [(0, "sanders", "clinton", "criticises", -1, "assailed")]),
        # supporters are people, not an act of support; the verb still counts
        ("Trump supporters booed Bush.", [("trump", "Trump"), ("bush", "Bush")], []),
        ("Bannon has been a supporter of Trump.", [("bannon", "Bannon"), ("trump", "Trump")], []),
        ("Poland supported Ukraine.", [("poland", "Poland"), ("ukraine", "Ukraine")],
         [(0, "poland", "ukraine", "supports", 1, "supported")]),
    ],
)
def test_campaign_verbs_of_criticism_and_no_supporters(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Trump took swipes at fellow GOP contender Jeb Bush.",
         [("trump", "Trump"), ("republican_party", "GOP"), ("jeb_bush", "Jeb Bush")],
         [(0, "trump", "jeb_bush", "criticises", -1, "swipes at")]),
        ("Lavrov met Kremlin spokesman Dmitry Peskov.",
         [("sergei_lavrov", "Lavrov"), ("russia", "Kremlin"), ("dmitry_peskov", "Dmitry Peskov")],
         [(0, "sergei_lavrov", "dmitry_peskov", "meets", 0, "met")]),
        # two actors joined are both targets
        ("Biden criticised Russia and Belarus.", [("joe_biden", "Biden"), ("russia", "Russia"), ("belarus", "Belarus")],
         [(0, "joe_biden", "russia", "criticises", -1, "criticised"),
          (0, "joe_biden", "belarus", "criticises", -1, "criticised")]),
    ],
)
def test_an_actor_naming_a_role_gives_way_to_the_holder(text, mentions, expected, cues) -> None:
    # "swipes at fellow GOP contender Jeb Bush" was a criticism of the party
    assert relation_rows(text, mentions, cues=cues) == expected


def test_participle_and_relative_clause_denial(cues) -> None:
    text = 'He said the move would "prevent casualties," accusing Ukraine of planning an attack, which Kyiv denied.'
    mentions = [("denis_pushilin", "He"), ("ukraine", "Ukraine"), ("ukraine", "Kyiv")]
    quotes = [("denis_pushilin", "partial", "prevent casualties")]
    assert relation_rows(text, mentions, quotes, cues=cues) == [
        (0, "denis_pushilin", "ukraine", "accuses", -1, "accusing"),
        (0, "ukraine", "denis_pushilin", "denies", -1, "denied"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"We will not give in," said Kuleba, accusing Moscow of lying.',
        '"We will not give in," Kuleba said, accusing Moscow of lying.',
    ],
)
def test_participle_after_a_quote_takes_the_named_speaker(text, cues) -> None:
    quotes = [("dmytro_kuleba", "direct", "We will not give in")]
    mentions = [("dmytro_kuleba", "Kuleba"), ("russia", "Moscow")]
    assert relation_rows(text, mentions, quotes, cues=cues) == [
        (0, "dmytro_kuleba", "russia", "accuses", -1, "accusing")
    ]


def test_participle_after_a_quote_needs_the_speaker_named_in_the_clause(cues) -> None:
    text = '"We will not give in," the minister said, accusing Moscow of lying.'
    quotes = [("dmytro_kuleba", "direct", "We will not give in")]
    assert relation_rows(text, [("russia", "Moscow")], quotes, cues=cues) == []


def test_cues_inside_quotations_are_skipped(cues) -> None:
    text = '"We condemn Russia," Scholz said.'
    quotes = [("olaf_scholz", "direct", "We condemn Russia")]
    assert relation_rows(text, [("russia", "Russia"), ("olaf_scholz", "Scholz")], quotes, cues=cues) == []


def test_output_columns_and_evidence(cues) -> None:
    text = "Poland backed Ukraine."
    frame = detect_relations(
        text,
        make_sentences(text),
        make_mentions(text, [("poland", "Poland"), ("ukraine", "Ukraine")]),
        NO_QUOTES,
        cues=cues,
    )
    assert frame.to_dict("records") == [
        {
            "sentence_id": 0,
            "source_actor_id": "poland",
            "source_actor": "Poland",
            "target_actor_id": "ukraine",
            "target_actor": "Ukraine",
            "relation": "supports",
            "polarity": 1,
            "cue": "backed",
            "evidence": text,
        }
    ]


def test_shipped_relations_cover_the_schema(cues) -> None:
    from analysis.schema import RELATIONS

    assert sorted(relation.name for relation in cues.relations) == sorted(RELATIONS)


@pytest.fixture(scope="module")
def seed_tables(resources):
    return load_seed_tables(resources, SEED)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available at ../shared/seeds")
def test_seed_relations(seed_tables, cues) -> None:
    text, tables = seed_tables
    frame = detect_relations(text, tables["sentences"], tables["mentions"], tables["quotes"], cues=cues)
    found = set(frame[["source_actor_id", "target_actor_id", "relation"]].itertuples(index=False, name=None))
    assert {
        ("denis_pushilin", "ukraine", "accuses"),
        ("the_west", "russia", "accuses"),
        ("ukraine", "denis_pushilin", "denies"),
        ("russia", "the_west", "denies"),
        ("russian_parliament", "vladimir_putin", "asks"),
    } <= found
    assert all(relation != "denies" or target for _, target, relation in found)


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a user's review: "Konstantin Malofeev, an influential oligarch indicted by the United States …, said he
        # had asked Mr. Bausman" made the United States ask
        ("Orban, a critic sanctioned by the United States, urged Scholz to act.",
         [("viktor_orban", "Orban"), ("united_states", "United States"), ("olaf_scholz", "Scholz")],
         [(0, "viktor_orban", "olaf_scholz", "asks", 0, "urged")]),
        # a list of subjects is no apposition
        ("Britain, France and Germany urged Putin to act.",
         [("united_kingdom", "Britain"), ("france", "France"), ("germany", "Germany"), ("vladimir_putin", "Putin")],
         [(0, source, "vladimir_putin", "asks", 0, "urged") for source in ("united_kingdom", "france", "germany")]),
    ],
)
def test_an_actor_inside_an_apposition_to_the_subject_is_no_source(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected



def test_a_long_role_after_a_possessive_names_the_person_who_holds_it(cues) -> None:
    # a user's review: "had met Poland's deputy prime minister and defence minister Mariusz Błaszczak" met Poland
    text = "Zelensky met Poland's deputy prime minister and defence minister Mariusz Blaszczak in Kyiv."
    mentions = [("volodymyr_zelensky", "Zelensky"), ("poland", "Poland"), ("mariusz_blaszczak", "Mariusz Blaszczak")]
    expected = [(0, "volodymyr_zelensky", "mariusz_blaszczak", "meets", 0, "met")]
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a relations review: "Russia warned US news organisations" threatened the United States
        ("Russia warned US news organisations this month.", [("russia", "Russia"), ("united_states", "US")], []),
        ("Hungary has backed EU sanctions against Russia.",
         [("hungary", "Hungary"), ("european_union", "EU"), ("russia", "Russia")], []),
        # an actor's own people still make it the target
        ("Orban urged EU leaders to change the sanctions.", [("viktor_orban", "Orban"), ("european_union", "EU")],
         [(0, "viktor_orban", "european_union", "asks", 0, "urged")]),
        # a verb after the target is no plural noun: "his support for Trump makes him more honest"
        ("Hannity said his support for Trump makes him honest.",
         [("sean_hannity", "Hannity"), ("donald_trump", "Trump")],
         [(0, "sean_hannity", "donald_trump", "supports", 1, "support for")]),
    ],
)
def test_an_actor_modifying_a_plural_noun_is_no_target(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a last read: words in -s after the target that are no plural nouns keep the relation
        ("Zelensky thanked Poland this week.", [("volodymyr_zelensky", "Zelensky"), ("poland", "Poland")],
         [(0, "volodymyr_zelensky", "poland", "supports", 1, "thanked")]),
        ("Biden warned Russia days before the invasion.", [("joe_biden", "Biden"), ("russia", "Russia")],
         [(0, "joe_biden", "russia", "threatens", -1, "warned")]),
    ],
)
def test_a_time_after_the_target_is_no_noun_it_modifies(text, mentions, expected, cues) -> None:
    assert relation_rows(text, mentions, cues=cues) == expected
