"""Tests for analysis.stance: targets, cues, negation, subjects and quotes, on tiny texts and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.stance import detect_stances, load_stance_cues, load_targets
from tests.stance_frames import NO_QUOTES, load_seed_tables, make_mentions, make_quotes, make_sentences

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_e834a8d547207d18.txt"


@pytest.fixture(scope="module")
def targets():
    return load_targets()


@pytest.fixture(scope="module")
def cues():
    return load_stance_cues()


def reported_rows(text, actor, surface, words, *, targets, cues) -> list[tuple]:
    """`stance_rows` for a text naming one actor as `surface` and reporting its statement `words`."""
    return stance_rows(text, [(actor, surface)], [(actor, "indirect", words)], targets=targets, cues=cues)


def stance_rows(text, mentions, quotes=(), *, targets, cues, polarity=None) -> list[tuple]:
    """(actor_id, target_id, stance, confidence, cue) of each row for a text with hand-made mentions/quotes."""
    quote_frame = make_quotes(text, list(quotes), polarity=polarity) if quotes else NO_QUOTES
    frame = detect_stances(
        text, make_sentences(text), make_mentions(text, mentions), quote_frame, targets=targets, cues=cues
    )
    return list(frame[["actor_id", "target_id", "stance", "confidence", "cue"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "The Russian parliament has also asked Putin to recognize the separatist territories.",
            [("russian_parliament", "Russian parliament"), ("vladimir_putin", "Putin")],
            [("russian_parliament", "recognition", "support", 0.9, "asked Putin to")],
        ),
        (
            "Germany did not support new sanctions.",
            [("germany", "Germany")],
            [("germany", "sanctions", "oppose", 0.9, "support")],
        ),
        (
            "Russia has denied planning an invasion.",
            [("russia", "Russia")],
            [("russia", "escalation", "oppose", 0.9, "denied")],
        ),
        (
            "France urged Moscow to withdraw its troops.",
            [("france", "France"), ("russia", "Moscow")],
            [("france", "escalation", "oppose", 0.9, "urged")],
        ),
        (
            "Washington said Moscow's recognition of the territories would be illegal.",
            [("united_states", "Washington"), ("russia", "Moscow")],
            [("united_states", "recognition", "oppose", 0.9, "illegal")],
        ),
        (
            "Putin weighed the appeals of the rebels to recognize their independence.",
            [("vladimir_putin", "Putin"), ("separatist_forces", "rebels")],
            [("vladimir_putin", "recognition", "neutral", 0.3, "")],
        ),
        (
            "Pushilin accused Ukraine of planning an attack, which Kyiv has denied.",
            [("denis_pushilin", "Pushilin"), ("ukraine", "Ukraine"), ("ukraine", "Kyiv")],
            # Pushilin's accusation names "an attack", too loose a word to show he speaks of the escalation
            [("ukraine", "escalation", "oppose", 0.7, "denied")],
        ),
        (  # British and American spellings of "favour" as cues ("favo*r" in the cue file never matched)
            "Members of the council spoke in favour of recognising the republics; Hungary favored talks.",
            [("russian_security_council", "council"), ("hungary", "Hungary")],
            [
                ("russian_security_council", "recognition", "support", 0.9, "in favour of"),
                ("hungary", "diplomacy", "support", 0.9, "favored"),
            ],
        ),
        (  # a promise backs what it promises; an agreement that "no longer exists" is rejected
            "Truss promised a package of sanctions; Putin said the Minsk agreements no longer exist.",
            [("liz_truss", "Truss"), ("vladimir_putin", "Putin")],
            [
                ("liz_truss", "sanctions", "support", 0.9, "promised"),
                ("vladimir_putin", "minsk", "oppose", 0.9, "no longer exist"),
            ],
        ),
        (  # a breach of an agreement is named by one who holds to it
            "Scholz said recognising the regions would be a clear breach of the Minsk agreements.",
            [("olaf_scholz", "Scholz")],
            [("olaf_scholz", "recognition", "neutral", 0.3, ""), ("olaf_scholz", "minsk", "support", 0.9, "breach of")],
        ),
        (  # withdrawing forces and exempting from sanctions name the opposite of the target
            "France urged Moscow to withdraw its forces.\nKyiv opposed exempting the turbine from sanctions.",
            [("france", "France"), ("russia", "Moscow"), ("ukraine", "Kyiv")],
            [("france", "escalation", "oppose", 0.9, "urged"), ("ukraine", "sanctions", "support", 0.9, "opposed")],
        ),
        (  # a cue does not reach past a new statement
            "Ushakov complained about the security demands and said talk of an invasion was hysteria.",
            [("yuri_ushakov", "Ushakov")],
            [("yuri_ushakov", "escalation", "neutral", 0.3, "")],
        ),
        (  # the actor right before the cue holds the stance, not the one who reports it, nor a place named
            "Yakov Feygin, a Russia expert in the US, agrees China has rejected overtures to circumvent sanctions.",
            [
                ("unregistered:Yakov Feygin", "Yakov Feygin"),
                ("russia", "Russia"),
                ("united_states", "US"),
                ("china", "China"),
            ],
            [("china", "sanctions", "support", 0.9, "rejected")],
        ),
        (  # ... with those joined to it
            "Critics in Kyiv say Britain and the US have firmly opposed new sanctions.",
            [("ukraine", "Kyiv"), ("united_kingdom", "Britain"), ("united_states", "US")],
            [
                ("united_kingdom", "sanctions", "oppose", 0.9, "opposed"),
                ("united_states", "sanctions", "oppose", 0.9, "opposed"),
            ],
        ),
        (  # a clause opening with "but" and a verb shares the subject before
            "Russia has massed troops but denies planning an attack.",
            [("russia", "Russia")],
            [("russia", "escalation", "oppose", 0.9, "denies")],
        ),
        (  # ... but not one opening with a subject of its own
            "Ukraine wants peace, but exports have stalled since the war began and the West denies planning an attack.",
            [("ukraine", "Ukraine"), ("the_west", "West")],
            [("the_west", "escalation", "oppose", 0.9, "denies")],
        ),
        (  # the cue describes the nearer target: the owner of the invasion does not oppose it
            "Truss said the channel was justifying Putin's illegal invasion as a special military operation.",
            [("liz_truss", "Truss"), ("vladimir_putin", "Putin")],
            [("liz_truss", "escalation", "oppose", 0.9, "illegal")],
        ),
        (  # actors joined to a possessive own the target with it: they are not the cue's object
            "The US Senate has ratified Finland and Sweden's accession to Nato.",
            [("united_states", "US"), ("finland", "Finland"), ("sweden", "Sweden"), ("nato", "Nato")],
            [("united_states", "nato_enlargement", "support", 0.9, "ratified")],
        ),
        (  # "opposite" is no form of "oppose"
            "Hungary took the opposite view on sanctions.",
            [("hungary", "Hungary")],
            [("hungary", "sanctions", "neutral", 0.3, "")],
        ),
        (
            "Hungary demanded that Ukraine never join NATO.",
            [("hungary", "Hungary"), ("ukraine", "Ukraine")],
            [("hungary", "nato_enlargement", "oppose", 0.9, "demanded")],
        ),
        (
            "Scholz backed talks, and Macron condemned the invasion.",
            [("olaf_scholz", "Scholz"), ("emmanuel_macron", "Macron")],
            [
                ("olaf_scholz", "diplomacy", "support", 0.9, "backed"),
                ("emmanuel_macron", "escalation", "oppose", 0.9, "condemned"),
            ],
        ),
        (
            "Zelensky thanked Britain and urged more sanctions, the Kremlin-backed media said.",
            [("volodymyr_zelensky", "Zelensky"), ("united_kingdom", "Britain")],
            [("volodymyr_zelensky", "sanctions", "support", 0.9, "urged")],
        ),
        (
            "Orban said only talks can put an end to the conflict.",
            [("viktor_orban", "Orban")],
            [
                ("viktor_orban", "escalation", "oppose", 0.9, "end to"),
                ("viktor_orban", "diplomacy", "neutral", 0.3, ""),
            ],
        ),
        ("Analysts discussed the Minsk agreements.", [], []),
        (
            "Blinken said the recognition showed flagrant disregard for international law.",
            [("antony_blinken", "Blinken")],
            [("antony_blinken", "recognition", "oppose", 0.9, "disregard for")],
        ),
        (
            "Peskov said the Minsk agreements remained the basis for a settlement.",
            [("dmitry_peskov", "Peskov")],
            [("dmitry_peskov", "minsk", "support", 0.9, "the basis for")],
        ),
    ],
)
def test_clause_stances(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


# Error classes found by reading the engine's support/oppose rows on the Guardian/NYT corpus
# (benchmarks/stance_sample.py), each in a sentence written for the test.
@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a possessive gives the cue to the nearest actor before it, not to every subject
            "Putin will keep the pipeline shut to punish Germany for their opposition to the war.",
            [("vladimir_putin", "Putin"), ("germany", "Germany")],
            [("germany", "escalation", "oppose", 0.9, "opposition")],
        ),
        (  # a possessive name owns the cue after it
            "Biden denied offering planes to buy Erdogan's support for NATO's expansion.",
            [("joe_biden", "Biden"), ("recep_tayyip_erdogan", "Erdogan")],
            [("recep_tayyip_erdogan", "nato_enlargement", "support", 0.9, "support")],
        ),
        (  # ... but a possessive right before a cue and its target owns the target, not the cue
            "Lavrov condemned Putin's illegal invasion.",
            [("sergei_lavrov", "Lavrov"), ("vladimir_putin", "Putin")],
            [("sergei_lavrov", "escalation", "oppose", 0.9, "illegal")],
        ),
        (  # a cue applies to the first target after it: the call is for talks, not for war
            "Orban called for peace talks to end the war.",
            [("viktor_orban", "Orban")],
            [
                ("viktor_orban", "escalation", "oppose", 0.9, "to end"),
                ("viktor_orban", "diplomacy", "support", 0.9, "called for"),
            ],
        ),
        (  # ... unless the two targets are joined
            "Pope Francis urged both sides to call a ceasefire and enter negotiations.",
            [("pope_francis", "Pope Francis")],
            [
                ("pope_francis", "escalation", "oppose", 0.9, "urged"),
                ("pope_francis", "diplomacy", "support", 0.9, "urged"),
            ],
        ),
        (  # a support cue whose object is an actor backs the actor, not the war around it
            "Biden rallied support for Ukraine as the war continues.",
            [("joe_biden", "Biden"), ("ukraine", "Ukraine")],
            [],
        ),
        (
            "Biden urged Russia to end the war.",
            [("joe_biden", "Biden"), ("russia", "Russia")],
            [("joe_biden", "escalation", "oppose", 0.9, "to end")],
        ),
        (  # a plain "not" reports a fact; a promise that something will not happen takes a side
            "Russia has not paused its offensive.",
            [("russia", "Russia")],
            [("russia", "escalation", "neutral", 0.3, "")],
        ),
        (
            "Russia said it will not attack the ports.",
            [("russia", "Russia")],
            [("russia", "escalation", "oppose", 0.7, "will not")],
        ),
        (  # ... but one not to speak of it is no side
            "Russia would not discuss negotiations on the corridor.",
            [("russia", "Russia")],
            [("russia", "diplomacy", "neutral", 0.3, "")],
        ),
        (  # lifting or dodging sanctions is the inverse of sanctions
            "Rogozin demanded that sanctions against Russia be lifted.",
            [("dmitry_rogozin", "Rogozin"), ("russia", "Russia")],
            [("dmitry_rogozin", "sanctions", "oppose", 0.9, "demanded")],
        ),
        (  # and so is changing or scrapping them
            "Orbán urged EU leaders to change the sanctions policy.",
            [("viktor_orban", "Orbán"), ("european_union", "EU")],
            [("viktor_orban", "sanctions", "oppose", 0.9, "urged")],
        ),
        (
            "China rejected overtures to circumvent sanctions.",
            [("china", "China")],
            [("china", "sanctions", "support", 0.9, "rejected")],
        ),
        (  # a verb of warning is a cue, the noun is somebody else's warning
            "Poland warned of a fresh offensive.",
            [("poland", "Poland")],
            [("poland", "escalation", "oppose", 0.9, "warned of")],
        ),
        (
            "Nehammer met Putin amid warnings of a fresh offensive.",
            [("karl_nehammer", "Nehammer"), ("vladimir_putin", "Putin")],
            [],
        ),
        (  # a target after a circumstance marker is not what the cue is about
            "The governor urged people not to leave shelters due to intense shelling.",
            [("unregistered:governor", "governor")],
            [],
        ),
        (  # nor one inside an embedded clause ...
            "Kyiv urged citizens to reveal where the invading forces are living.",
            [("ukraine", "Kyiv")],
            [("ukraine", "escalation", "neutral", 0.3, "")],
        ),
        (  # ... though "what he called" still names the target
            'Biden condemned what he called an "unprovoked attack".',
            [("joe_biden", "Biden")],
            [("joe_biden", "escalation", "oppose", 0.9, "condemned")],
        ),
        (  # criticism received is no stance of the one who receives it
            "Russia came under sharp criticism for its attack.",
            [("russia", "Russia")],
            [],
        ),
        (  # "urgency" is no form of "urge"
            "Kyiv asked residents as a matter of urgency to report the shelling.",
            [("ukraine", "Kyiv")],
            [],
        ),
    ],
)
def test_stance_error_classes_from_real_news(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "quotes", "expected"),
    [
        (  # the reason somebody else was acted on is no stance of the actor's
            "Russia has banned the independent media for criticising the war.",
            [("russia", "Russia")],
            [],
            [],
        ),
        (  # a supposition takes no side
            "Lavrov said that if the West does not want talks, there is nothing to discuss.",
            [("sergei_lavrov", "Lavrov")],
            [],
            [("sergei_lavrov", "diplomacy", "neutral", 0.3, "")],
        ),
        (  # in the speaker's own words, a third person's act is not the speaker's stance ...
            '"He has not criticized this brutal war," Khymynets said.',
            [("vasyl_khymynets", "Khymynets")],
            [("vasyl_khymynets", "direct", "He has not criticized this brutal war")],
            [],
        ),
        (
            '"We condemn this brutal war," Khymynets said.',
            [("vasyl_khymynets", "Khymynets")],
            [("vasyl_khymynets", "direct", "We condemn this brutal war")],
            [("vasyl_khymynets", "escalation", "oppose", 0.9, "condemn")],
        ),
        (  # ... but in reported speech "she" is the speaker (no mention: only the quote speaks)
            "Clinton said she did not want combat troops on the ground.",
            [],
            [("hillary_clinton", "indirect", "she did not want combat troops on the ground")],
            [("hillary_clinton", "escalation", "oppose", 0.9, "want")],
        ),
        (
            '"She did not want combat troops on the ground," Clinton said.',
            [],
            [("hillary_clinton", "direct", "She did not want combat troops on the ground")],
            [],
        ),
        (  # "someone" is a third person; "anyone" after "allow" is an object
            '"While someone asks not to humiliate Russia, the Kremlin resorts to new attacks," Podolyak said.',
            [],
            [
                (
                    "mykhailo_podolyak",
                    "direct",
                    "While someone asks not to humiliate Russia, the Kremlin resorts to new attacks",
                )
            ],
            [],
        ),
        (
            '"We will not allow anyone to slam closed NATO\'s open-door policy," Sherman said.',
            [],
            [("wendy_sherman", "direct", "We will not allow anyone to slam closed NATO's open-door policy")],
            [("wendy_sherman", "nato_enlargement", "support", 0.9, "slam")],
        ),
        (  # in reported speech "they" is somebody else
            "Hjelm said that privately they had made their opposition to the invasion clear.",
            [],
            [("unregistered:Hjelm", "indirect", "privately they had made their opposition to the invasion clear")],
            [("unregistered:Hjelm", "escalation", "neutral", 0.3, "")],
        ),
        (  # a word of obligation makes it the speaker's demand
            '"They must stop the war," Zelensky said.',
            [],
            [("volodymyr_zelensky", "direct", "They must stop the war")],
            [("volodymyr_zelensky", "escalation", "oppose", 0.9, "stop")],
        ),
        (  # a news agency reports the stance and takes none
            "Zelensky called for more sanctions on Moscow, Reuters reported.",
            [("volodymyr_zelensky", "Zelensky"), ("reuters", "Reuters")],
            [("reuters", "indirect", "Zelensky called for more sanctions on Moscow")],
            [("volodymyr_zelensky", "sanctions", "support", 0.9, "called for")],
        ),
    ],
)
def test_whose_stance_a_cue_shows(text, mentions, quotes, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, quotes, targets=targets, cues=cues) == expected


# Limits of the rules above, found in review: each sentence shows a rule not firing where it should not.
@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a cue applies to the first target after it, even with no nearer cue for the second
            "Macron called for talks on the war.",
            [("emmanuel_macron", "Macron")],
            [("emmanuel_macron", "diplomacy", "support", 0.9, "called for")],
        ),
        (  # "under" in a phrase of its own receives nothing
            "Scholz, under pressure, backed new sanctions.",
            [("olaf_scholz", "Scholz")],
            [("olaf_scholz", "sanctions", "support", 0.9, "backed")],
        ),
        (  # the one thanked for a reason holds it
            "Biden thanked Germany for its support for sanctions.",
            [("joe_biden", "Biden"), ("germany", "Germany")],
            [("germany", "sanctions", "support", 0.9, "support")],
        ),
        (  # "for" before a plain noun is a request, not a reason
            "Lithuania appealed for support for sanctions.",
            [("lithuania", "Lithuania")],
            [("lithuania", "sanctions", "support", 0.9, "support")],
        ),
        (  # "their" may stand for several
            "Germany and France reiterated their opposition to the invasion.",
            [("germany", "Germany"), ("france", "France")],
            [
                ("germany", "escalation", "oppose", 0.9, "opposition"),
                ("france", "escalation", "oppose", 0.9, "opposition"),
            ],
        ),
        (  # a supposition in a phrase before the main clause neither blocks it nor speaks for its actor; the
            # actor right before the cue is the clause's only holder
            "If Russia attacks, Germany will support tougher sanctions.",
            [("russia", "Russia"), ("germany", "Germany")],
            [("germany", "sanctions", "support", 0.9, "support")],
        ),
        (  # a refusal right before the target opposes it; one further away, or a fact, does not
            "Turkey declined to join sanctions against Russia.",
            [("turkey", "Turkey"), ("russia", "Russia")],
            [("turkey", "sanctions", "oppose", 0.7, "declined to")],
        ),
        (
            "Ukraine refused to confirm the offensive.",
            [("ukraine", "Ukraine")],
            [("ukraine", "escalation", "neutral", 0.3, "")],
        ),
        (
            "Russia has never faced sanctions of this scale.",
            [("russia", "Russia")],
            [("russia", "sanctions", "neutral", 0.3, "")],
        ),
        (  # a denial of what happened takes no side; a denial of intent does
            "Russia denied it was involved in the offensive.",
            [("russia", "Russia")],
            [("russia", "escalation", "neutral", 0.3, "")],
        ),
        (
            "Kyiv denied responsibility for the offensive.",
            [("ukraine", "Kyiv")],
            [("ukraine", "escalation", "neutral", 0.3, "")],
        ),
        (
            "Russia continues to deny that it is planning an attack.",
            [("russia", "Russia")],
            [("russia", "escalation", "oppose", 0.9, "deny")],
        ),
        (  # a cue after "any" is nobody's in particular
            "Putin signed a law criminalising any public opposition to the war.",
            [("vladimir_putin", "Putin")],
            [],
        ),
        (  # "as the ..." gives a circumstance
            "The mayor of Sloviansk has called on residents to leave as the invaders stepped up their shelling.",
            [("unregistered:Sloviansk", "Sloviansk")],
            [],
        ),
        (  # a relative clause's cue belongs to the actors it refers to ...
            "Turkey is threatening to block the accession of Finland and Sweden, who have sought to join NATO.",
            [("turkey", "Turkey"), ("finland", "Finland"), ("sweden", "Sweden")],
            [
                ("finland", "nato_enlargement", "support", 0.9, "sought"),
                ("sweden", "nato_enlargement", "support", 0.9, "sought"),
            ],
        ),
        (  # ... and to nobody when they are no actors
            "Turkey blocked the request of the Nordic countries, who sought to join NATO.",
            [("turkey", "Turkey")],
            [],
        ),
        (  # only a whole name is a news agency
            "Michael Bloomberg called for tougher sanctions.",
            [("michael_bloomberg", "Michael Bloomberg")],
            [("michael_bloomberg", "sanctions", "support", 0.9, "called for")],
        ),
        (  # "following" as an adjective is no circumstance
            "Germany supported the following sanctions.",
            [("germany", "Germany")],
            [("germany", "sanctions", "support", 0.9, "supported")],
        ),
    ],
)
def test_limits_of_the_holder_and_target_rules(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "quotes", "expected"),
    [
        (  # a first-person subject nearer the cue keeps it the speaker's
            '"He knows we oppose the war," Kuleba said.',
            [],
            [("dmytro_kuleba", "direct", "He knows we oppose the war")],
            [("dmytro_kuleba", "escalation", "oppose", 0.9, "oppose")],
        ),
        (  # a cue judging what comes before it stays the speaker's after a third person
            '"The attack they launched is illegal," Kuleba said.',
            [],
            [("dmytro_kuleba", "direct", "The attack they launched is illegal")],
            [("dmytro_kuleba", "escalation", "oppose", 0.9, "illegal")],
        ),
        (  # a supposition inside a quote takes no side
            '"Only if the West wants talks," Lavrov said.',
            [],
            [("sergei_lavrov", "direct", "Only if the West wants talks")],
            [("sergei_lavrov", "diplomacy", "neutral", 0.3, "")],
        ),
        (  # a request in a quote without a target is no stance on a target elsewhere in the sentence
            'Malofeev, indicted over sanctions violations, said: "I asked him to appear on my channel."',
            [],
            [("konstantin_malofeev", "direct", "I asked him to appear on my channel.")],
            [("konstantin_malofeev", "sanctions", "neutral", 0.3, "")],
        ),
        (  # an actor between a support cue and the target still lets the pair hold when it owns the target
            "Belarus backed Russia's offensive.",
            [("belarus", "Belarus"), ("russia", "Russia")],
            [],
            [("belarus", "escalation", "support", 0.9, "backed")],
        ),
        (  # ... or names it
            "Belarus backed the Russian offensive.",
            [("belarus", "Belarus"), ("russia", "Russian")],
            [],
            [("belarus", "escalation", "support", 0.9, "backed")],
        ),
        (  # a cue right before the target, after "its", keeps every holder
            "Germany and France condemned its illegal invasion.",
            [("germany", "Germany"), ("france", "France")],
            [],
            [
                ("germany", "escalation", "oppose", 0.9, "illegal"),
                ("france", "escalation", "oppose", 0.9, "illegal"),
            ],
        ),
    ],
)
def test_exceptions_that_keep_a_stance(text, mentions, quotes, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, quotes, targets=targets, cues=cues) == expected


def test_quote_stance_with_cue_inside(targets, cues) -> None:
    text = '"We will never accept NATO expansion," Lavrov said.'
    quotes = [("sergei_lavrov", "direct", "We will never accept NATO expansion")]
    rows = stance_rows(text, [("sergei_lavrov", "Lavrov")], quotes, targets=targets, cues=cues)
    assert rows == [("sergei_lavrov", "nato_enlargement", "oppose", 0.9, "never accept")]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Zelensky vowed to fight against the invasion.", [("volodymyr_zelensky", "Zelensky")],
         [("volodymyr_zelensky", "escalation", "oppose", 0.9, "fight against")]),
        ("Orban wants to dismantle the sanctions.", [("viktor_orban", "Orban")],
         [("viktor_orban", "sanctions", "oppose", 0.9, "dismantle")]),
        ("Hungary lobbied against new sanctions.", [("hungary", "Hungary")],
         [("hungary", "sanctions", "oppose", 0.9, "lobbied against")]),
        ("Hungary pushed back against new sanctions.", [("hungary", "Hungary")],
         [("hungary", "sanctions", "oppose", 0.9, "pushed back against")]),
        # against the inverse of a target is for it
        ("Poland campaigned against sanctions relief.", [("poland", "Poland")],
         [("poland", "sanctions", "support", 0.9, "campaigned against")]),
    ],
)
def test_acting_against_a_target_opposes_it(text, mentions, expected, targets, cues) -> None:
    # "wants to dismantle the sanctions" was support (from "wants"), "fight against the invasion" neutral
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Putin launched an illegal invasion.", [("vladimir_putin", "Putin")], []),
        ("Putin ordered a dangerous escalation.", [("vladimir_putin", "Putin")], []),
        # the actor's own words: named by a verb of naming, or in quotation marks, or after the target
        ("Russia rejected what it called illegal sanctions.", [("russia", "Russia")],
         [("russia", "sanctions", "oppose", 0.9, "illegal")]),
        ('Putin cited "illegitimate sanctions" imposed by the West.', [("vladimir_putin", "Putin")],
         [("vladimir_putin", "sanctions", "oppose", 0.9, "illegitimate")]),
        # quotation marks written as two apostrophes, as in older newspaper archives
        ("Putin cited ''illegitimate sanctions'' imposed by the West.", [("vladimir_putin", "Putin")],
         [("vladimir_putin", "sanctions", "oppose", 0.9, "illegitimate")]),
        ("Biden said the invasion was illegal.", [("joe_biden", "Biden")],
         [("joe_biden", "escalation", "oppose", 0.9, "illegal")]),
    ],
)
def test_a_describing_word_before_a_target_is_the_reporters(text, mentions, expected, targets, cues) -> None:
    # "Putin launched an illegal invasion" made Putin oppose the invasion
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a user's review: "the proposed border wall" made the subject support the wall
        ("Orban said the proposed sanctions would hurt Hungary.", [("viktor_orban", "Orban"), ("hungary", "Hungary")],
         [("viktor_orban", "sanctions", "neutral", 0.3, "")]),
        ("Germany backed the proposed sanctions.", [("germany", "Germany")],
         [("germany", "sanctions", "support", 0.9, "backed")]),
        # the verb itself still counts
        ("Germany proposed the sanctions.", [("germany", "Germany")],
         [("germany", "sanctions", "support", 0.9, "proposed")]),
    ],
)
def test_a_participle_between_a_determiner_and_the_target_describes_it(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


def test_a_describing_word_before_a_later_target_does_not_reach_back(targets, cues) -> None:
    # a user's review: "impose harsh sanctions on those who are trying to legitimise Putin's illegal invasion"
    # made Truss oppose the sanctions
    text = "Britain will impose sanctions on those backing the illegal invasion."
    rows = stance_rows(text, [("united_kingdom", "Britain")], targets=targets, cues=cues)
    assert rows == [("united_kingdom", "sanctions", "support", 0.9, "impose")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a user's review: "Ryan is a vocal advocate of trade deals" took no side
        ("Orban is a vocal advocate of new sanctions.", [("viktor_orban", "sanctions", "support", 0.9, "advocate of")]),
        # "has been a fierce critic of European Union sanctions on Russian oil" was neutral
        ("Orban, a fierce critic of sanctions, spoke.", [("viktor_orban", "sanctions", "oppose", 0.9, "critic of")]),
        ("Orban is an opponent of new sanctions.", [("viktor_orban", "sanctions", "oppose", 0.9, "opponent of")]),
    ],
)
def test_an_advocate_or_critic_of_a_target_takes_its_side(text, expected, targets, cues) -> None:
    assert stance_rows(text, [("viktor_orban", "Orban")], targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a user's review: Guterres "was 'appalled' by the attack on the school" took no side
        ("Guterres said he was appalled by the attack on the school.", "appalled by"),
        ("Guterres was horrified by the invasion.", "horrified by"),
        ("Guterres deplored the invasion.", "deplored"),
    ],
)
def test_dismay_at_a_target_opposes_it(text, cue, targets, cues) -> None:
    rows = stance_rows(text, [("antonio_guterres", "Guterres")], targets=targets, cues=cues)
    assert rows == [("antonio_guterres", "escalation", "oppose", 0.9, cue)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a user's review: "supporters who wanted all undocumented immigrants deported" was the candidate's wish
        ("Orban met supporters who wanted new sanctions lifted.", []),
        ("Orban met the lawmakers who voted for new sanctions.", []),
        # an actor right before the pronoun is who the clause is about
        ("It was Orban who wanted new sanctions lifted.", [("viktor_orban", "sanctions", "oppose", 0.9, "wanted")]),
    ],
)
def test_a_relative_clause_without_a_comma_belongs_to_the_noun_before_it(text, expected, targets, cues) -> None:
    assert stance_rows(text, [("viktor_orban", "Orban")], targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a user's review: "claims the NRA's refusal to support more gun control" gave the subject support
        ("Hungary says the EU's refusal to support new sanctions is a mistake.",
         [("hungary", "Hungary"), ("european_union", "EU")],
         [("european_union", "sanctions", "oppose", 0.9, "support")]),
        ("Germany's refusal to support new sanctions angered Poland.", [("germany", "Germany"), ("poland", "Poland")],
         [("germany", "sanctions", "oppose", 0.9, "support")]),
    ],
)
def test_a_possessive_refusal_to_act_is_the_owners_and_turns_the_cue_around(
    text, mentions, expected, targets, cues
) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Orban criticised Scholz for proposing new sanctions.",
         [("viktor_orban", "Orban"), ("olaf_scholz", "Scholz")]),
        ("Scholz was criticised by Orban for proposing new sanctions.",
         [("olaf_scholz", "Scholz"), ("viktor_orban", "Orban")]),
        ("Orban criticised Scholz for again proposing new sanctions.",  # an adverb between
         [("viktor_orban", "Orban"), ("olaf_scholz", "Scholz")]),
    ],
)
def test_the_one_criticised_for_a_proposal_made_it_in_either_voice(text, mentions, targets, cues) -> None:
    # the passive gave the proposal to Orban, who criticised it
    rows = stance_rows(text, mentions, targets=targets, cues=cues)
    assert rows == [("olaf_scholz", "sanctions", "support", 0.9, "proposing")]


def test_partial_quote_predicate_applies_to_the_subject_matter_before_it(targets, cues) -> None:
    text = 'Washington said Moscow\'s recognition would "constitute a gross violation of international law."'
    quotes = [("united_states", "partial", "constitute a gross violation of international law")]
    mentions = [("united_states", "Washington"), ("russia", "Moscow")]
    rows = stance_rows(text, mentions, quotes, targets=targets, cues=cues)
    assert rows == [("united_states", "recognition", "oppose", 0.9, "violation of international law")]


def test_quoted_cue_with_target_elsewhere_in_the_sentence(targets, cues) -> None:
    text = 'Biden said the recognition of the territories was "simply unacceptable" to him.'
    quotes = [("joe_biden", "partial", "simply unacceptable")]
    rows = stance_rows(text, [("joe_biden", "Biden")], quotes, targets=targets, cues=cues)
    assert rows == [("joe_biden", "recognition", "oppose", 0.9, "unacceptable")]


def test_quote_without_cue_uses_its_sentiment_only_where_the_target_allows(tmp_path, targets, cues) -> None:
    text = '"Sanctions are wonderful," Johnson said. "Sanctions exist," Truss said.'
    quotes = [("boris_johnson", "direct", "Sanctions are wonderful"), ("liz_truss", "direct", "Sanctions exist")]
    mentions = [("boris_johnson", "Johnson"), ("liz_truss", "Truss")]
    shipped = stance_rows(text, mentions, quotes, targets=targets, cues=cues, polarity=[1.0, 0.1])
    assert shipped == [
        ("boris_johnson", "sanctions", "neutral", 0.3, ""),
        ("liz_truss", "sanctions", "neutral", 0.3, ""),
    ]
    path = tmp_path / "targets.yaml"
    path.write_text(
        "targets:\n  - id: sanctions\n    keywords: [sanction*]\n    sentiment_stance: true\n", encoding="utf-8"
    )
    rows = stance_rows(text, mentions, quotes, targets=load_targets(path), cues=cues, polarity=[1.0, 0.1])
    assert rows == [
        ("boris_johnson", "sanctions", "support", 0.5, "sentiment"),
        ("liz_truss", "sanctions", "neutral", 0.3, ""),
    ]


def test_participle_after_a_quote_takes_the_named_speaker(targets, cues) -> None:
    text = (
        '"France is a mediating power," Macron said, '
        "adding that he had worked to ensure the conflict would not escalate."
    )
    quotes = [("emmanuel_macron", "direct", "France is a mediating power")]
    rows = stance_rows(text, [("emmanuel_macron", "Macron")], quotes, targets=targets, cues=cues)
    assert rows == [
        ("emmanuel_macron", "diplomacy", "neutral", 0.3, ""),
        ("emmanuel_macron", "escalation", "oppose", 0.7, "would not"),
    ]


def test_attribution_verb_of_reported_speech_is_a_cue(targets, cues) -> None:
    text = "Zelensky called for maximum sanctions against Moscow."
    quotes = make_quotes(text, [("volodymyr_zelensky", "indirect", "maximum sanctions against Moscow")])
    quotes["cue"] = ["called for"]
    frame = detect_stances(
        text,
        make_sentences(text),
        make_mentions(text, [("volodymyr_zelensky", "Zelensky"), ("russia", "Moscow")]),
        quotes,
        targets=targets,
        cues=cues,
    )
    rows = list(frame[["actor_id", "target_id", "stance", "confidence", "cue"]].itertuples(index=False, name=None))
    assert rows == [("volodymyr_zelensky", "sanctions", "support", 0.9, "called for")]


def test_output_columns_and_evidence(targets, cues) -> None:
    text = "Kyiv rejected the Minsk agreements."
    frame = detect_stances(
        text, make_sentences(text), make_mentions(text, [("ukraine", "Kyiv")]), NO_QUOTES, targets=targets, cues=cues
    )
    assert frame.to_dict("records") == [
        {
            "sentence_id": 0,
            "actor_id": "ukraine",
            "actor": "Ukraine",
            "target_id": "minsk",
            "target": "Minsk agreements",
            "stance": "oppose",
            "confidence": 0.9,
            "cue": "rejected",
            "evidence": text,
        }
    ]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # "prisoners of war" is not the war (targets.yaml `exclude`)
            "Britain condemned the exploitation of prisoners of war by Russia.",
            [("united_kingdom", "Britain"), ("russia", "Russia")],
            [],
        ),
        (  # "war" is too loose a keyword to carry support (`loose_keywords`) ...
            "Zelensky issued a decree for all missions to support the war.",
            [("volodymyr_zelensky", "Zelensky")],
            [],
        ),
        (  # ... though it carries opposition, and "invasion" carries support
            "Zelensky condemned the war.",
            [("volodymyr_zelensky", "Zelensky")],
            [("volodymyr_zelensky", "escalation", "oppose", 0.9, "condemned")],
        ),
        (
            "Putin backed the invasion.",
            [("vladimir_putin", "Putin")],
            [("vladimir_putin", "escalation", "support", 0.9, "backed")],
        ),
        (  # what caused something else is a circumstance, not what the cue is about (`circumstance_markers`)
            "Blinken criticized the food crisis stoked by the invasion.",
            [("antony_blinken", "Blinken")],
            [],
        ),
        (
            "Senators urged Facebook to stop disinformation about the invasion.",
            [("united_states", "Senators")],
            [],
        ),
        (  # a refusal to condemn backs nothing ...
            "China has refused to condemn Russia's invasion.",
            [("china", "China"), ("russia", "Russia")],
            [("china", "escalation", "neutral", 0.3, "")],
        ),
        (  # ... where "did not condemn" still turns the cue around
            "Belarus did not condemn the invasion.",
            [("belarus", "Belarus")],
            [("belarus", "escalation", "support", 0.9, "condemn")],
        ),
    ],
)
def test_target_words_in_other_senses_loose_keywords_and_refusals(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


def test_loaders_read_small_files(tmp_path) -> None:
    (tmp_path / "targets.yaml").write_text(
        "targets:\n  - id: grain\n    label: Grain deal\n    keywords: [grain deal*]\n    inverse: [no grain]\n",
        encoding="utf-8",
    )
    (tmp_path / "cues.yaml").write_text("support: [hail*]\noppose: [scorn*]\nnegators: [not]\n", encoding="utf-8")
    (tmp_path / "clauses.yaml").write_text("hard_breaks: [';']\n", encoding="utf-8")
    targets = load_targets(tmp_path / "targets.yaml")
    cues = load_stance_cues(tmp_path / "cues.yaml", clauses_path=tmp_path / "clauses.yaml")
    assert [(t.id, t.label) for t in targets.items] == [("grain", "Grain deal")]
    assert cues.confidence.cue_and_target == 0.9 and cues.negation_window == 3
    text = "Turkey hailed the grain deals; Russia did not scorn the grain deal."
    rows = stance_rows(text, [("turkey", "Turkey"), ("russia", "Russia")], targets=targets, cues=cues)
    assert rows == [("turkey", "grain", "support", 0.9, "hailed"), ("russia", "grain", "support", 0.9, "scorn")]


def test_shipped_targets_cover_the_design(targets) -> None:
    assert [t.id for t in targets.items] == [
        "recognition",
        "escalation",
        "sanctions",
        "diplomacy",
        "nato_enlargement",
        "minsk",
    ]


@pytest.fixture(scope="module")
def seed_tables(resources):
    return load_seed_tables(resources, SEED)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available at ../shared/seeds")
def test_seed_stances_toward_recognition(seed_tables, targets, cues) -> None:
    text, tables = seed_tables
    frame = detect_stances(text, tables["sentences"], tables["mentions"], tables["quotes"], targets=targets, cues=cues)
    recognition = frame[frame["target_id"] == "recognition"]
    sides = recognition.groupby("actor_id")["stance"].agg(set).to_dict()
    # "He said the move could possibly 'prevent casualties …'": the move is the recognition the headline names
    # (an independence request), on which Pushilin's words hold no cue
    pushilin = recognition[recognition["actor_id"] == "denis_pushilin"]
    assert list(pushilin[["sentence_id", "stance", "cue"]].itertuples(index=False, name=None)) == [
        (10, "support", "ask you to"),
        (11, "neutral", ""),
    ]
    assert sides["leonid_pasechnik"] == {"support"}
    assert sides["russian_parliament"] == {"support"}
    assert sides["united_states"] == {"oppose"}
    assert "oppose" not in sides["vladimir_putin"]
    escalation = frame[frame["target_id"] == "escalation"].set_index("actor_id")["stance"].to_dict()
    assert escalation["russia"] == "oppose"
    assert escalation["ukraine"] == "oppose"


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the move is the news the headline names: the recognition
            "Putin Recognises Breakaway Regions\nMacron condemned the move.",
            [("vladimir_putin", "Putin"), ("emmanuel_macron", "Macron")],
            [
                ("vladimir_putin", "recognition", "support", 0.9, "Recognises"),
                ("emmanuel_macron", "recognition", "oppose", 0.7, "condemned"),
            ],
        ),
        (  # an inverse keyword in the headline turns the stance around
            "EU Agrees to Lift Sanctions\nHungary welcomed the decision.",
            [("eu", "EU"), ("hungary", "Hungary")],
            [("eu", "sanctions", "oppose", 0.9, "Agrees to"), ("hungary", "sanctions", "oppose", 0.7, "welcomed")],
        ),
        (  # "the decision to ..." says what it is
            "Putin Recognises Breakaway Regions\nMacron condemned the decision to expel diplomats.",
            [("vladimir_putin", "Putin"), ("emmanuel_macron", "Macron")],
            [("vladimir_putin", "recognition", "support", 0.9, "Recognises")],
        ),
        (  # a loose keyword names no news to refer to
            "Biden Orders 3,000 Troops to Poland\nDuda welcomed the decision.",
            [("joe_biden", "Biden"), ("poland", "Poland")],
            [],
        ),
        (  # a headline with two targets: the move could be either
            "Recognition and Sanctions on the Table\nMacron condemned the move.",
            [("emmanuel_macron", "Macron")],
            [],
        ),
    ],
)
def test_a_phrase_referring_back_stands_for_the_headline_target(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # every actor of a joined subject does the act
            "The United States, Britain and the European Union announced sanctions on Russia.",
            [("united_states", "United States"), ("united_kingdom", "Britain"), ("european_union", "European Union")],
            [
                ("united_states", "sanctions", "support", 0.9, "announced"),
                ("united_kingdom", "sanctions", "support", 0.9, "announced"),
                ("european_union", "sanctions", "support", 0.9, "announced"),
            ],
        ),
        (  # only the one who acts: Putin reports the sanctions
            "Putin said the West had imposed sanctions.",
            [("vladimir_putin", "Putin"), ("the_west", "West")],
            [("vladimir_putin", "sanctions", "neutral", 0.3, ""), ("the_west", "sanctions", "support", 0.9, "imposed")],
        ),
        (  # the verb may open the keyword; a question is no act
            "Putin on Monday recognised the independence of the republics.\nAsked whether Britain recognised the"
            " regions, Truss said no.",
            [("vladimir_putin", "Putin"), ("united_kingdom", "Britain"), ("liz_truss", "Truss")],
            [("vladimir_putin", "recognition", "support", 0.9, "recognised")],
        ),
        (  # a user's review: "The U.S. government leveled sanctions against a yacht management company"
            "The United States leveled sanctions against a shipping company.",
            [("united_states", "United States")],
            [("united_states", "sanctions", "support", 0.9, "leveled")],
        ),
        (  # a user's review: "The UK government has expanded its sanctions against Russia" was neutral
            "Britain has expanded its sanctions against Russia.",
            [("united_kingdom", "Britain"), ("russia", "Russia")],
            [("united_kingdom", "sanctions", "support", 0.9, "expanded")],
        ),
        (  # the nearest act verb has no actor before it: the earlier one has
            "Canada also announced it would expand sanctions.",
            [("canada", "Canada")],
            [("canada", "sanctions", "support", 0.9, "announced")],
        ),
        (  # a possibility is no act
            "Germany could impose sanctions.",
            [("germany", "Germany")],
            [("germany", "sanctions", "neutral", 0.3, "")],
        ),
        (  # a cue decides before the act verb
            "Hungary opposed imposing sanctions.",
            [("hungary", "Hungary")],
            [("hungary", "sanctions", "oppose", 0.9, "opposed")],
        ),
    ],
)
def test_an_actor_doing_what_a_target_names_backs_it(text, mentions, expected, targets, cues) -> None:
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


def test_an_attribution_cue_with_a_gap_closes_in_the_quote(analyse) -> None:
    # the statement after "asking" opens with "President Vladimir Putin to": "ask* ... to" is the cue
    text = (
        "Duma deputies have submitted an appeal asking President Vladimir Putin to recognise the Donetsk People's"
        " Republic."
    )
    stances = analyse(text)["stances"]
    assert stances[["actor_id", "target_id", "stance", "cue"]].values.tolist() == [
        ["russian_parliament", "recognition", "support", "asking"]
    ]


def test_another_countrys_civil_war_is_no_escalation_against_ukraine(targets, cues) -> None:
    # a user's review: Russia "intervened in that country's civil war to prop him up" (Syria's) was a stance
    text = "Russia intervened in that country's civil war to prop him up."
    assert stance_rows(text, [("russia", "Russia")], targets=targets, cues=cues) == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a review of the Guardian/NYT corpus: Kuleba's call for sanctions was neutral
        (
            "Kuleba said G7 countries should respond to the strikes by imposing further sanctions on Russia.",
            "G7 countries should respond to the strikes by imposing further sanctions on Russia",
            [("dmytro_kuleba", "sanctions", "support", 0.9, "should … imposing")],
        ),
        (
            "Kuleba said Europe must recognise the separatist republics.",
            "Europe must recognise the separatist republics",
            [("dmytro_kuleba", "recognition", "support", 0.9, "must … recognise")],
        ),
        # a negation or an open question between the two asks for nothing
        (
            "Kuleba said Europe should not impose sanctions.",
            "Europe should not impose sanctions",
            [("dmytro_kuleba", "sanctions", "neutral", 0.3, "")],
        ),
        (
            "Kuleba said Europe must decide whether to impose sanctions.",
            "Europe must decide whether to impose sanctions",
            [("dmytro_kuleba", "sanctions", "neutral", 0.3, "")],
        ),
    ],
)
def test_a_speaker_asking_for_the_act_of_a_target_backs_it(text, words, expected, targets, cues) -> None:
    assert reported_rows(text, "dmytro_kuleba", "Kuleba", words, targets=targets, cues=cues) == expected


def test_a_quote_running_on_into_the_next_sentence_is_read_there(targets, cues) -> None:
    # a review of the Guardian/NYT corpus: Zelensky's call for sanctions in his quote's second sentence was lost,
    # because only the sentence a quote starts in was read
    text = (
        '"Moscow is doing all it can to make this winter harsh.\nTerror must be answered - impose sanctions," '
        "Zelensky said."
    )
    quotes = make_quotes(
        text,
        [
            (
                "volodymyr_zelensky",
                "direct",
                "Moscow is doing all it can to make this winter harsh.\nTerror must be answered - impose sanctions",
            )
        ],
    )
    frame = detect_stances(
        text,
        make_sentences(text),
        make_mentions(text, [("russia", "Moscow"), ("volodymyr_zelensky", "Zelensky")]),
        quotes,
        targets=targets,
        cues=cues,
    )
    assert frame[["sentence_id", "actor_id", "target_id", "stance", "cue"]].values.tolist() == [
        [1, "volodymyr_zelensky", "sanctions", "support", "must … impose"]
    ]
    assert frame["evidence"].tolist() == ['Terror must be answered - impose sanctions," Zelensky said.']


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a review of the Guardian/NYT corpus: Deripaska's "this senseless conflict" was neutral
        (
            "Deripaska said it cost tens of thousands of lives in this senseless conflict.",
            "it cost tens of thousands of lives in this senseless conflict",
            [("oleg_deripaska", "escalation", "oppose", 0.9, "senseless")],
        ),
        (
            "Deripaska said the invasion was unjustified.",
            "the invasion was unjustified",
            [("oleg_deripaska", "escalation", "oppose", 0.9, "unjustified")],
        ),
        (
            "Deripaska argued against the use of wide-ranging sanctions.",
            "against the use of wide-ranging sanctions",
            [("oleg_deripaska", "sanctions", "oppose", 0.9, "argued against")],
        ),
    ],
)
def test_calling_a_target_senseless_or_arguing_against_it_opposes_it(text, words, expected, targets, cues) -> None:
    assert reported_rows(text, "oleg_deripaska", "Deripaska", words, targets=targets, cues=cues) == expected


def test_a_reporters_barbaric_before_a_target_is_no_stance_of_the_clauses_actor(targets, cues) -> None:
    # "barbaric" is one of the describing cues: in the reporter's words it describes, in a quote it judges
    text = "Putin launched a barbaric invasion."
    assert stance_rows(text, [("vladimir_putin", "Putin")], targets=targets, cues=cues) == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a review of the Guardian/NYT corpus: "does not intend to provoke a wider conflict" was neutral
        (
            "Grushko said Russia does not intend to provoke a wider conflict.",
            "Russia does not intend to provoke a wider conflict",
            [("alexander_grushko", "escalation", "oppose", 0.7, "not intend to")],
        ),
        # an oppose cue in the gap is the cue: not intending to end the offensive is no opposition to it
        (
            "Grushko said Russia does not intend to end the offensive.",
            "Russia does not intend to end the offensive",
            [("alexander_grushko", "escalation", "support", 0.9, "to end")],
        ),
        # somebody else's intention in reported speech is not the speaker's
        (
            "Grushko said they had no intention of implementing the Minsk agreements.",
            "they had no intention of implementing the Minsk agreements",
            [("alexander_grushko", "minsk", "neutral", 0.3, "")],
        ),
    ],
)
def test_a_denied_intention_opposes_the_target_a_few_words_on(text, words, expected, targets, cues) -> None:
    assert reported_rows(text, "alexander_grushko", "Grushko", words, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a review of the Guardian/NYT corpus: half the neutral rows only dated or explained the news
        ("The United States has committed $5bn to Ukraine since Russia's invasion.",
         [("united_states", "United States"), ("ukraine", "Ukraine"), ("russia", "Russia")], []),
        ("Britain will host a conference on the damage caused by Russia's invasion.",
         [("united_kingdom", "Britain"), ("russia", "Russia")], []),
        ("The United States has sent aid amid the war.", [("united_states", "United States")], []),
        # a time: "several weeks into the invasion", "after the G7 summit", "before the invasion"
        ("The United States saw the first graves on 10 March, several weeks into the invasion.",
         [("united_states", "United States")], []),
        ("Putin held a press conference after the NATO summit.", [("vladimir_putin", "Putin")], []),
        ("Britain blocked the site for a report published before the invasion.",
         [("united_kingdom", "Britain")], []),
        # a verb's object stays the clause's topic, and so does a target its own actors own
        ("The UN Security Council met to discuss Russia's military build-up.",
         [("un_security_council", "UN Security Council"), ("russia", "Russia")],
         [("un_security_council", "escalation", "neutral", 0.3, "")]),
        ("Putin opened his talks in Ankara.", [("vladimir_putin", "Putin")],
         [("vladimir_putin", "diplomacy", "neutral", 0.3, "")]),
    ],
)
def test_a_target_that_only_dates_or_explains_the_news_gives_no_neutral_row(text, mentions, expected, targets, cues):
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected


def test_another_theatres_invasion_is_no_escalation_against_ukraine(targets, cues) -> None:
    # a review of the Guardian/NYT corpus: "Erdoğan asks Russia and Iran to back Turkey's incursion into Syria"
    # supported the escalation against Ukraine
    text = "Erdogan asked Russia to back Turkey's incursion into Syria."
    assert stance_rows(text, [("recep_tayyip_erdogan", "Erdogan"), ("russia", "Russia")], targets=targets,
                       cues=cues) == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # a review of the Guardian/NYT corpus: "ruled out agreeing to a ceasefire" opposed the invasion
        ("Ukraine ruled out agreeing to a ceasefire with Russia.", "agreeing to a ceasefire with Russia",
         [("ukraine", "escalation", "neutral", 0.3, "")]),
        ("Ukraine ruled out supporting new sanctions.", "supporting new sanctions",
         [("ukraine", "sanctions", "oppose", 0.9, "supporting")]),
        # calling for a ceasefire still opposes the invasion
        ("Ukraine said it was agreeing to a ceasefire with Russia.", "it was agreeing to a ceasefire with Russia",
         [("ukraine", "escalation", "oppose", 0.9, "agreeing to")]),
    ],
)
def test_a_refusal_before_the_statement_turns_its_cue_and_refusing_a_ceasefire_backs_no_war(
    text, words, expected, targets, cues
) -> None:
    cue = "ruled out" if "ruled out" in text else "said"
    quote = ("ukraine", "indirect", words, cue)
    assert stance_rows(text, [("ukraine", "Ukraine")], [quote], targets=targets, cues=cues) == expected


def test_asking_for_an_opinion_on_a_target_takes_no_side(targets, cues) -> None:
    # a review of the sample: "He asks each member for an opinion on recognition" backed recognition
    text = "Putin asks each member for an opinion on recognition."
    rows = stance_rows(text, [("vladimir_putin", "Putin")], [("vladimir_putin", "indirect",
                       "each member for an opinion on recognition", "asks")], targets=targets, cues=cues)
    assert rows == [("vladimir_putin", "recognition", "neutral", 0.3, "")]
    text = "Putin asks each member to back recognition."
    rows = stance_rows(text, [("vladimir_putin", "Putin")], [("vladimir_putin", "indirect",
                       "each member to back recognition", "asks")], targets=targets, cues=cues)
    assert rows == [("vladimir_putin", "recognition", "support", 0.9, "asks")]


def test_a_partial_quote_is_read_with_the_reported_clause_around_it(targets, cues) -> None:
    # PolNeAR: 'He said the United States and its allies will seek new U.N. sanctions and take other measures
    # "to demonstrate …"' was only neutral on sanctions
    text = 'He said the allies will seek new sanctions and take other measures "to show there are consequences".'
    quote = ("joe_biden", "partial", "to show there are consequences")
    rows = stance_rows(text, [], [quote], targets=targets, cues=cues)
    assert rows == [("joe_biden", "sanctions", "support", 0.9, "seek")]


def test_a_reason_with_nobody_acted_on_close_before_it_is_nobodys_stance(targets, cues) -> None:
    # a dashboard review: "Putin of Russia would not switch it back on as retaliation for opposing Moscow's
    # invasion" showed Russia opposing the invasion
    text = ("Leaders feared that President Vladimir V. Putin of Russia would not switch it back on as retaliation "
            "for opposing Moscow's invasion.")
    mentions = [("vladimir_putin", "President Vladimir V. Putin"), ("russia", "Russia"), ("russia", "Moscow")]
    assert stance_rows(text, mentions, targets=targets, cues=cues) == []
    # the one punished, close before the reason, still holds it
    text = "Putin of Russia will keep the pipeline shut to punish Germany for opposing the invasion."
    mentions = [("vladimir_putin", "Putin"), ("russia", "Russia"), ("germany", "Germany")]
    assert stance_rows(text, mentions, targets=targets, cues=cues) == [
        ("germany", "escalation", "oppose", 0.9, "opposing")
    ]


def test_cues_inside_a_denied_fact_are_no_stance_of_the_speaker(targets, cues) -> None:
    # a review of the Guardian/NYT corpus: Biden "denied that he offered the planes to buy Mr. Erdogan's support
    # for NATO's expansion" was read as Biden supporting NATO's expansion
    words = "that he offered the planes to buy Erdogan's support for NATO's expansion"
    text = f"Biden denied {words}."
    mentions = [("joe_biden", "Biden"), ("recep_tayyip_erdogan", "Erdogan")]
    rows = stance_rows(text, mentions, [("joe_biden", "indirect", words, "denied")], targets=targets, cues=cues)
    assert [row for row in rows if row[0] == "joe_biden"] == [("joe_biden", "nato_enlargement", "neutral", 0.3, "")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a review of the Guardian/NYT corpus: Bolsonaro's "sanctions … have not worked" was neutral
        ("the sanctions imposed by the west against Russia have not worked",
         [("jair_bolsonaro", "sanctions", "oppose", 0.9, "have not worked")]),
        ("the sanctions are working and should remain in place",
         [("jair_bolsonaro", "sanctions", "support", 0.9, "are working")]),
        ("the sanctions remain in place", [("jair_bolsonaro", "sanctions", "neutral", 0.3, "")]),
    ],
)
def test_a_target_that_works_or_fails(words, expected, targets, cues) -> None:
    text = f"Bolsonaro said {words}."
    assert reported_rows(text, "jair_bolsonaro", "Bolsonaro", words, targets=targets, cues=cues) == expected


@pytest.mark.parametrize(
    "words",
    [
        # a review of the Guardian/NYT corpus: "There appears to be no recognition of that" opposed recognition
        "there appears to be no recognition of that",
        "the campaign has forced the recognition that trade is a double-edged sword",
        "she has some recognition",
    ],
)
def test_recognition_in_its_everyday_senses_is_no_target(words, targets, cues) -> None:
    text = f"Fuller said {words}."
    assert reported_rows(text, "richard_fuller", "Fuller", words, targets=targets, cues=cues) == []


def test_a_time_between_a_cue_and_its_target_does_not_cut_the_stance(targets, cues) -> None:
    # a last read: "after" as a time marker between the cue and the target dropped Biden's support
    text = "Biden urged allies after the meeting to impose sanctions on Russia."
    assert stance_rows(text, [("joe_biden", "Biden")], targets=targets, cues=cues) == [
        ("joe_biden", "sanctions", "support", 0.9, "urged")
    ]


def test_a_number_or_adjective_in_ed_is_no_fact_a_denial_tells(targets, cues) -> None:
    # a last read: "a hundred troops" read "hundred" as a verb in the past, so the denial told of a fact
    words = "that a hundred troops would invade Ukraine"
    assert reported_rows(f"Russia denied {words}.", "russia", "Russia", words, targets=targets, cues=cues) == [
        ("russia", "escalation", "oppose", 0.9, "denied")
    ]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a review of the Guardian/NYT corpus: these were neutral rows
        ("The Treasury warned foreign banks against helping Russia evade sanctions.",
         [("us_treasury", "Treasury"), ("russia", "Russia")],
         [("us_treasury", "sanctions", "support", 0.9, "warned foreign banks against")]),
        ("Russia summoned the British ambassador over new sanctions.", [("russia", "Russia")],
         [("russia", "sanctions", "oppose", 0.9, "summoned the British ambassador over")]),
        # the reason for somebody else's act, and talks on freeing prisoners or on an arms treaty: no row
        ("The United States suspended Russia from the body as a result of its invasion.",
         [("united_states", "United States"), ("russia", "Russia")], []),
        ("Russia cut gas supplies in retaliation for the sanctions.", [("russia", "Russia")], []),
        ("The United States is trying to negotiate the release of two Americans.",
         [("united_states", "United States")], []),
        ("Russia said talks between Moscow and Washington on exchanging prisoners were under way.",
         [("russia", "Russia")], []),
        ("Lavrov said the US had not offered to resume talks on the New Start treaty.",
         [("sergei_lavrov", "Lavrov")], []),
        ("Lavrov said talks on a ceasefire were under way.", [("sergei_lavrov", "Lavrov")],
         [("sergei_lavrov", "escalation", "neutral", 0.3, ""), ("sergei_lavrov", "diplomacy", "neutral", 0.3, "")]),
        # a last read: the exclusions are anchored, so talks on a ceasefire and on a release stay diplomacy; and
        # enforcing is no cue ("law enforcement", somebody else's enforcing warned against)
        ("Lavrov said talks on a ceasefire and the release of prisoners were under way.",
         [("sergei_lavrov", "Lavrov")],
         [("sergei_lavrov", "escalation", "neutral", 0.3, ""), ("sergei_lavrov", "diplomacy", "neutral", 0.3, "")]),
        ("Russia said Western law enforcement agencies were seizing assets under the sanctions.",
         [("russia", "Russia")], [("russia", "sanctions", "neutral", 0.3, "")]),
        ("Russia warned Lithuania against enforcing the sanctions.", [("russia", "Russia"), ("lithuania", "Lithuania")],
         [("russia", "sanctions", "oppose", 0.9, "warned Lithuania against")]),
        # a second read: more wordings of the same talks
        ("Lavrov said talks on a possible prisoner swap were under way.", [("sergei_lavrov", "Lavrov")], []),
        ("Lavrov said negotiations for the release of two Americans were under way.",
         [("sergei_lavrov", "Lavrov")], []),
        ("Lavrov said talks on New Start were under way.", [("sergei_lavrov", "Lavrov")], []),
    ],
)
def test_warning_against_and_protesting_take_sides_and_talks_on_prisoners_are_no_diplomacy(
    text, mentions, expected, targets, cues
):
    assert stance_rows(text, mentions, targets=targets, cues=cues) == expected
