"""Tests for analysis.lexicon_sentiment: TextBlob's lexicon rules, scored once per article."""

from __future__ import annotations

from pathlib import Path

import pytest
from textblob import TextBlob
from textblob.en import sentiment as textblob_lexicon

from analysis.ingest import read_corpus
from analysis.lexicon_sentiment import TOKEN, adverb_of, lexicon_entries, score_article, score_spans
from analysis.nlp import make_pipeline
from analysis.sentences import split_sentences

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample" / "articles"


def whole(text: str) -> tuple[float, float]:
    return score_spans(text, [(0, len(text))], [(0, len(text))])[0]


def test_tokens_split_like_textblob() -> None:
    text = 'Nearly 80% of "Russia\'s" U.S. good—but end... well-known, 3.5! .Overall Ill. (Ill.), U.S.-Mexico ill.'
    assert TOKEN.findall(text) == [
        "Nearly", "80%", "of", '"', "Russia", "'", "s", '"', "U.S.", "good—but", "end", "...",
        "well-known", ",", "3.5", "!", ".Overall", "Ill.", "(", "Ill.", ")", ",", "U.S.-Mexico", "ill", ".",
    ]  # fmt: skip
    # the tokens the pattern analyzer scores when TextBlob is given the text
    assert TOKEN.findall(text) == " ".join(textblob_lexicon.tokenizer(text)).split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("good", (0.7, 0.6)),
        ("very good", (0.91, 0.78)),  # the adverb multiplies by its intensity 1.3
        ("not good", (-0.35, 0.6)),  # negation: polarity x -0.5
        ("not a good", (-0.35, 0.6)),  # short words may stand between
        ("not really a good", (-0.35, 0.6)),  # the adverb's unit is negated
        ("good!", (0.875, 0.6)),  # "!" boosts by 1.25
        ("good plan", (0.7, 0.6)),
        ("the table", (0.0, 0.0)),
        ("", (0.0, 0.0)),
    ],
)
def test_rules_match_textblob(text: str, expected: tuple[float, float]) -> None:
    assert whole(text) == pytest.approx(expected)
    assert whole(text) == pytest.approx(tuple(TextBlob(text).sentiment))


def test_a_span_reads_the_units_inside_it() -> None:
    text = "It was very good. The plan was bad."
    scores = score_article(text, [(0, 17), (18, len(text))])
    assert scores.span(0, 17) == pytest.approx((0.91, 0.78))
    assert scores.span(18, len(text)) == pytest.approx((-0.7, 2 / 3))
    assert scores.span(0, len(text)) == pytest.approx(((0.91 - 0.7) / 2, (0.78 + 2 / 3) / 2))
    # cutting "very good" in two: the head word alone, or the adverb alone
    assert scores.span(text.index("good"), 17) == pytest.approx((0.7, 0.6))
    assert scores.span(0, text.index(" good")) == pytest.approx((0.2, 0.3))
    assert scores.span(text.index("The"), text.index("was bad")) == (0.0, 0.0)


def test_modifiers_do_not_reach_across_sentences() -> None:
    text = "Prices rose sharply. Good news followed."
    scores = score_article(text, [(0, 20), (21, len(text))])
    assert scores.span(21, len(text)) == pytest.approx(tuple(TextBlob(text[21:]).sentiment))


def test_every_sample_sentence_scores_as_textblob() -> None:
    nlp = make_pipeline()
    articles = read_corpus([SAMPLE]).articles
    compared = differing = 0
    for text in articles["text"]:
        spans = split_sentences(text, nlp=nlp)
        for (start, end), ours in zip(spans, score_spans(text, spans, spans), strict=True):
            compared += 1
            differing += ours != pytest.approx(tuple(TextBlob(text[start:end]).sentiment), abs=1e-12)
    assert compared == 2269  # one "…?" he asked." sentence of the sample is one sentence, not two
    assert differing == 0


def test_lexicon_equals_the_one_textblob_loads() -> None:
    textblob_lexicon("warm up")  # TextBlob reads its XML on first use
    loaded = {
        word: (float(scores[None][0]), float(scores[None][1]), float(scores[None][2]), "RB" in scores)
        for word, scores in dict.items(textblob_lexicon)
    }
    ours = lexicon_entries()
    assert len(ours) == len(loaded) == 2860
    assert ours == loaded
    assert ours["good"] == pytest.approx((0.7, 0.6, 1.0, False))
    assert ours["very"] == pytest.approx((0.2, 0.3, 1.3, True))


@pytest.mark.parametrize(
    ("adjective", "adverb"), [("terrible", "terribly"), ("happy", "happily"), ("bad", "badly"), ("able", "ably")]
)
def test_adverbs_are_derived_from_adjectives(adjective: str, adverb: str) -> None:
    assert adverb_of(adjective) == adverb
