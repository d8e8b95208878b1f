"""Tests for analysis.sentiment: engines, mention contexts and the sentiment columns."""

from __future__ import annotations

import pandas as pd
import pytest
from textblob import TextBlob

from analysis.clauses import ClauseRules
from analysis.sentiment import add_sentiment, mention_context_spans, score_texts

RULES = ClauseRules(
    hard_breaks=(";", ": "),
    comma_joiners=("and", "but", "which"),
    bare_joiners=("but",),
    comma_participles=True,
    min_words=3,
)
QUOTE_FIELDS = ["quote_id", "sentence_id", "speaker_id", "speaker", "text", "kind", "cue", "start", "end"]


def make_sentences(text: str, spans: list[tuple[int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": range(len(spans)),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "text": [text[s:e] for s, e in spans],
        }
    )


def make_mentions(text: str, rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    """Mentions from (sentence_id, actor_id, surface); the surface's first occurrence gives the offsets."""
    starts = [text.index(surface) for _, _, surface in rows]
    return pd.DataFrame(
        {
            "sentence_id": [sentence_id for sentence_id, _, _ in rows],
            "actor_id": [actor_id for _, actor_id, _ in rows],
            "surface": [surface for _, _, surface in rows],
            "start": starts,
            "end": [start + len(surface) for start, (_, _, surface) in zip(starts, rows, strict=True)],
        }
    )


def make_quotes(text: str, rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Quotes from (speaker_id, kind, quoted words)."""
    records = []
    for quote_id, (speaker_id, kind, words) in enumerate(rows):
        start = text.index(words)
        records.append((quote_id, 0, speaker_id, speaker_id, words, kind, "said", start, start + len(words)))
    return pd.DataFrame(records, columns=QUOTE_FIELDS)


NO_QUOTES = pd.DataFrame(columns=QUOTE_FIELDS)


def test_score_texts_textblob_exact_and_repeated_texts() -> None:
    scores = score_texts(["good", "bad", "good", ""], engine="textblob")
    assert list(scores.columns) == ["polarity", "subjectivity"]
    assert scores["polarity"].tolist() == pytest.approx([0.7, -0.7, 0.7, 0.0])
    assert scores["subjectivity"].tolist() == pytest.approx([0.6, 2 / 3, 0.6, 0.0])


def test_score_texts_textblob_matches_textblob_object() -> None:
    texts = ["The horrible attack was not very good.", "Talks were quite constructive and useful!"]
    scores = score_texts(texts, engine="textblob")
    for text, polarity, subjectivity in zip(texts, scores["polarity"], scores["subjectivity"], strict=True):
        assert (polarity, subjectivity) == tuple(TextBlob(text).sentiment)


def test_score_texts_vader_compound_and_opinion_share() -> None:
    scores = score_texts(["good", "horrible attack", "the table"], engine="vader")
    assert scores["polarity"].tolist() == [0.4404, -0.765, 0.0]
    assert scores["subjectivity"].tolist() == [1.0, 1.0, 0.0]


def test_score_texts_empty_and_unknown_engine() -> None:
    assert score_texts([], engine="vader").shape == (0, 2)
    with pytest.raises(ValueError, match="unknown sentiment engine"):
        score_texts(["x"], engine="bert")


def test_context_is_the_clause_of_the_mention() -> None:
    text = "Russia attacked the town, but Ukraine praised the brave soldiers."
    mentions = make_mentions(text, [(0, "russia", "Russia"), (0, "ukraine", "Ukraine")])
    spans = mention_context_spans(text, make_sentences(text, [(0, len(text))]), mentions, NO_QUOTES, rules=RULES)
    assert [text[s:e] for s, e in spans] == ["Russia attacked the town", "but Ukraine praised the brave soldiers."]


def test_short_clause_is_widened_to_min_words() -> None:
    text = "Kyiv; the talks failed badly."
    mentions = make_mentions(text, [(0, "ukraine", "Kyiv")])
    spans = mention_context_spans(text, make_sentences(text, [(0, len(text))]), mentions, NO_QUOTES, rules=RULES)
    assert spans == [(0, len(text))]


def test_quotes_of_other_speakers_are_cut_away() -> None:
    text = 'Pushilin said the move would "prevent terrible casualties" and blamed Ukraine.'
    quotes = make_quotes(text, [("denis_pushilin", "partial", "prevent terrible casualties")])
    mentions = make_mentions(text, [(0, "denis_pushilin", "Pushilin"), (0, "ukraine", "Ukraine")])
    spans = mention_context_spans(text, make_sentences(text, [(0, len(text))]), mentions, quotes, rules=RULES)
    assert [text[s:e] for s, e in spans] == [text, "and blamed Ukraine."]


def test_quote_holding_the_mention_is_its_context() -> None:
    text = '"Ukraine is a great friend," Putin said, and Kyiv agreed.'
    quotes = make_quotes(text, [("vladimir_putin", "direct", "Ukraine is a great friend")])
    mentions = make_mentions(text, [(0, "ukraine", "Ukraine"), (0, "vladimir_putin", "Putin")])
    spans = mention_context_spans(text, make_sentences(text, [(0, len(text))]), mentions, quotes, rules=RULES)
    assert [text[s:e] for s, e in spans] == ["Ukraine is a great friend", '"Ukraine is a great friend," Putin said']


def test_indirect_quotes_are_not_cut() -> None:
    text = "Putin said the awful war in Kyiv must end."
    quotes = make_quotes(text, [("vladimir_putin", "indirect", "the awful war in Kyiv must end")])
    mentions = make_mentions(text, [(0, "ukraine", "Kyiv")])
    spans = mention_context_spans(text, make_sentences(text, [(0, len(text))]), mentions, quotes, rules=RULES)
    assert spans == [(0, len(text))]


def test_add_sentiment_adds_columns_without_touching_inputs() -> None:
    text = "Talks went well. Russia launched a horrible attack, but Ukraine stayed calm."
    sentences = make_sentences(text, [(0, 16), (17, len(text))])
    mentions = make_mentions(text, [(1, "russia", "Russia"), (1, "ukraine", "Ukraine")])
    quotes = make_quotes(text, [("", "scare", "horrible")])
    before = (sentences.copy(), mentions.copy(), quotes.copy())
    new_sentences, new_mentions, new_quotes = add_sentiment(
        text, sentences, mentions, quotes, engine="textblob", rules=RULES
    )
    assert new_sentences["polarity"].tolist() == pytest.approx([0.0, -0.35])
    assert new_sentences["subjectivity"].tolist() == pytest.approx([0.0, 0.875])
    # "Russia launched a horrible attack" | "but Ukraine stayed calm.": each actor gets its own clause
    assert new_mentions["polarity"].tolist() == pytest.approx([-1.0, 0.3])
    assert new_mentions["subjectivity"].tolist() == pytest.approx([1.0, 0.75])
    assert new_quotes["polarity"].tolist() == pytest.approx([-1.0])
    for original, kept in zip(before, (sentences, mentions, quotes), strict=True):
        pd.testing.assert_frame_equal(original, kept)


def test_add_sentiment_with_no_mentions_or_quotes() -> None:
    text = "Nothing happened."
    sentences = make_sentences(text, [(0, len(text))])
    mentions = make_mentions(text, [])
    result = add_sentiment(text, sentences, mentions, NO_QUOTES, engine="vader", rules=RULES)
    assert [len(frame) for frame in result] == [1, 0, 0]
    assert "polarity" in result[2].columns
