"""Tests for analysis.evaluation: span matching, quote and stance scores on tiny hand-made cases."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluation import article_stances, match_spans, overlap_share, score_quotes, score_stances

TEXT = 'Kyiv said "no talks now," and Moscow said that it wanted a deal.'


def quotes_frame(rows):
    return pd.DataFrame(rows, columns=["start", "end", "speaker_id"])


def test_overlap_share_is_relative_to_the_longer_span():
    assert overlap_share((0, 10), (5, 10)) == 0.5
    assert overlap_share((0, 10), (10, 20)) == 0.0


def test_match_spans_pairs_one_to_one_best_first():
    gold = [(0, 10, "a"), (20, 30, "b")]
    predicted = [(1, 10, "a"), (0, 9, "a"), (25, 40, "b")]
    assert match_spans(gold, predicted) == [(0, 0)]


def test_score_quotes_counts_matches_and_speakers():
    gold = [
        {
            "file": "f.md",
            "quotes": [
                {"text": "no talks now", "speaker": "ukraine", "kind": "direct"},
                {"text": "it wanted a deal", "speaker": "russia", "kind": "indirect"},
                {"text": "not in the text", "speaker": "russia", "kind": "direct"},
            ],
        }
    ]
    start = TEXT.index("no talks")
    predicted = quotes_frame([(start, start + len("no talks now"), "russia"), (0, 4, "ukraine")])
    score = score_quotes(gold, {"f.md": TEXT}, {"f.md": predicted})
    assert (score.gold, score.predicted, score.matched, score.speaker_correct) == (2, 2, 1, 0)
    assert (score.precision, score.recall, score.f1, score.speaker_accuracy) == (0.5, 0.5, 0.5, 0.0)


def test_article_stances_takes_the_majority_then_confidence():
    frame = pd.DataFrame(
        [
            ("us", "recognition", "oppose", 0.9),
            ("us", "recognition", "oppose", 0.5),
            ("us", "recognition", "support", 0.9),
            ("ru", "sanctions", "neutral", 0.3),
            ("ru", "sanctions", "oppose", 0.6),
        ],
        columns=["actor_id", "target_id", "stance", "confidence"],
    )
    assert article_stances(frame) == {("us", "recognition"): "oppose", ("ru", "sanctions"): "oppose"}


def test_score_stances_counts_missing_as_wrong():
    gold = [
        {
            "file": "f.md",
            "stances": [
                {"actor": "us", "target": "recognition", "stance": "oppose"},
                {"actor": "ru", "target": "sanctions", "stance": "oppose"},
                {"actor": "eu", "target": "sanctions", "stance": "support"},
            ],
        }
    ]
    frame = pd.DataFrame(
        [("us", "recognition", "oppose", 0.9), ("ru", "sanctions", "support", 0.9)],
        columns=["actor_id", "target_id", "stance", "confidence"],
    )
    score = score_stances(gold, {"f.md": frame})
    assert (score.gold, score.found, score.correct, score.decided, score.decided_correct) == (3, 2, 1, 2, 1)
    assert score.decided_precision == 0.5
    assert score.accuracy == pytest.approx(1 / 3)
    assert score.coverage == pytest.approx(2 / 3)
