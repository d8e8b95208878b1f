"""Tests for analysis.sentiment_roles: an actor's role next to a word of criticism, praise or failure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.clauses import ClauseRules
from analysis.sentiment import add_sentiment
from analysis.sentiment_roles import SentimentRoles, load_sentiment_roles, mention_role, shift_polarity

ROLES = load_sentiment_roles()
CLAUSES = ClauseRules(min_words=3)


def role(sentence: str, surface: str) -> int:
    """The role of the first occurrence of `surface`, the whole text being its sentence."""
    start = sentence.index(surface)
    return mention_role(sentence, start, start + len(surface), (0, len(sentence)), ROLES)


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        # receiving criticism or praise: the word before, over titles, capitalised words and possessives
        ("Biden criticised Putin on Monday.", "Putin", -1),
        ("The EU condemned Russia's President Vladimir Putin.", "Vladimir Putin", -1),
        ("They blamed the Kremlin for the delay.", "Kremlin", -1),
        ("Putin welcomed Erdogan by thanking the Turkish president for his help.", "the Turkish president", 1),
        ("Critics accused Washington of weakness.", "Washington", -1),
        # ... but not over an ordinary word, nor from a word of armed conflict
        ("They condemned the attack on Kyiv.", "Kyiv", 0),
        ("Russia attacked Ukraine at dawn.", "Ukraine", 0),
        # giving criticism or praise says nothing of the one who gives it
        ("Biden criticised Putin on Monday.", "Biden", 0),
        ("The United States strongly condemns Russia's attack.", "United States", 0),
        ("Zelenskiy thanked New Zealand for its support.", "Zelenskiy", 0),
        # in the passive the actor receives it
        ("Navalny was praised by many.", "Navalny", 1),
        ("Russia has been accused of targeting civilians.", "Russia", -1),
        # failure words say what the actor did, but not in the passive
        ("Putin has repeatedly denied the claims.", "Putin", -1),
        ("Russia denied responsibility.", "Russia", -1),
        ("Moscow failed to achieve a rapid victory.", "Moscow", -1),
        ("Members of the OSCE delegation were denied visas.", "OSCE delegation", 0),
        ("Peskov declined to comment.", "Peskov", 0),
        # phrases after the mention
        ("Johnson, accused of lying, resigned.", "Johnson", -1),
        ("Lavrov has faced criticism at home.", "Lavrov", -1),
        # a possessive owner is not the one who speaks
        ("Putin's critics say he lied.", "Putin", 0),
    ],
)
def test_mention_role(sentence: str, surface: str, expected: int) -> None:
    assert role(sentence, surface) == expected


def test_a_role_stays_inside_the_mention_sentence() -> None:
    text = "They condemned. Putin spoke. Putin denied it."
    second = text.index("Putin")
    assert mention_role(text, second, second + 5, (second, text.index(" Putin denied")), ROLES) == 0
    assert mention_role(text, second, second + 5, (0, len(text)), ROLES) == -1  # the same words, one sentence
    third = text.index("Putin denied")
    assert mention_role(text, third, third + 5, (third, len(text)), ROLES) == -1


def test_both_rules_may_hold_and_cancel_or_stay_within_one() -> None:
    assert role("Voters praised Sanders, who was accused of lying.", "Sanders") == 0
    assert role("Voters condemned Sanders, who was accused of lying.", "Sanders") == -1


def test_shift_polarity_adds_the_weight_and_stays_within_range() -> None:
    assert shift_polarity(0.2, -1, ROLES) == pytest.approx(-0.3)
    assert shift_polarity(0.2, 1, ROLES) == pytest.approx(0.7)
    assert shift_polarity(-0.8, -1, ROLES) == -1.0
    assert shift_polarity(0.9, 1, ROLES) == 1.0
    assert shift_polarity(0.25, 0, ROLES) == 0.25


def test_shipped_rules_load(tmp_path: Path) -> None:
    assert ROLES.weight == 0.5 and (ROLES.reach_before, ROLES.reach_after) == (5, 4)
    assert ROLES.signs["condemned"] == -1 and ROLES.signs["praised"] == 1
    assert "attacked" not in ROLES.signs and "denied" in ROLES.negative_after
    assert "accused of" in ROLES.negative_phrases_after and "was" in ROLES.passive_markers
    assert {"not", "n't", "refused to"} <= set(ROLES.negations)


def test_a_word_both_negative_and_positive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text("negative: [slammed, hailed]\npositive: [Hailed]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"roles\.yaml: listed as both negative and positive: hailed"):
        load_sentiment_roles(path)


def test_an_empty_rule_file_gives_no_role(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text("weight: 0.25\n", encoding="utf-8")
    rules = load_sentiment_roles(path)
    assert rules == SentimentRoles(weight=0.25)
    text = "Biden criticised Putin."
    assert mention_role(text, 17, 22, (0, len(text)), rules) == 0


def test_add_sentiment_shifts_mention_polarity_only_with_roles() -> None:
    text = "The EU condemned Putin over the war. Putin spoke."
    sentences = pd.DataFrame({"sentence_id": [0, 1], "start": [0, 37], "end": [36, 49], "text": [text[:36], text[37:]]})
    mentions = pd.DataFrame(
        {
            "sentence_id": [0, 0, 1],
            "actor_id": ["eu", "putin", "putin"],
            "surface": ["EU", "Putin", "Putin"],
            "start": [4, 17, 37],
            "end": [6, 22, 42],
        }
    )
    quotes = pd.DataFrame(columns=["quote_id", "sentence_id", "speaker_id", "text", "kind", "start", "end"])
    _, plain, _ = add_sentiment(text, sentences, mentions, quotes, rules=CLAUSES)
    scored, shifted, _ = add_sentiment(text, sentences, mentions, quotes, rules=CLAUSES, roles=ROLES)
    assert plain["polarity"].tolist() == [0.0, 0.0, 0.0]  # no word of TextBlob's lexicon
    assert shifted["polarity"].tolist() == [0.0, -0.5, 0.0]  # only Putin, and only where he is condemned
    assert shifted["subjectivity"].tolist() == plain["subjectivity"].tolist()
    assert scored["polarity"].tolist() == [0.0, 0.0]  # sentences are scored on their words alone


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        ("China has refused to condemn Russia's invasion.", "Russia", 0),
        ("He steered away from criticising Russia's actions.", "Russia", 0),
        ("She didn't praise Macron.", "Macron", 0),
        ("She did not praise Macron.", "Macron", 0),
        ("A robot praised Macron.", "Macron", 1),  # "robot" ends in "ot" but is no negation
        ("The US is accusing Russia of holding food hostage.", "US", 0),
        ("The US is being accused of meddling.", "US", -1),
        # two-word nouns, negated or not
        ("Israeli officials voiced criticism of Russia's war.", "Russia", -1),
        ("Crowds paid tribute to President Zelensky.", "Zelensky", 1),
        ("He made no criticism of Russia.", "Russia", 0),
        ("She did not voice criticism of Russia.", "Russia", -1),  # the negation must stand right before
    ],
)
def test_negated_cues_and_the_progressive_give_no_role(sentence: str, surface: str, expected: int) -> None:
    assert role(sentence, surface) == expected
