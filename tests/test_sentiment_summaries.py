"""Tests for analysis.sentiment_summaries: sentiment toward and of actors, with intervals and periods."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.sentiment_summaries import summarise_sentiment_of, summarise_sentiment_toward, t_quantile_975


@pytest.fixture
def articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "published": pd.to_datetime(
                ["2022-02-21T10:00Z", "2022-02-22T09:00Z", "2022-03-01T08:00Z", None], utc=True
            ),
            "duplicate_of": ["", "", "", "a"],
        }
    )


@pytest.fixture
def mentions() -> pd.DataFrame:
    rows = [
        ("a", "russia", "Russia", -0.5, 0.5),
        ("a", "russia", "Russia", -0.3, 0.3),
        ("b", "russia", "Russia", -0.1, 0.1),
        ("c", "russia", "Russia", 0.1, 0.1),
        ("a", "ukraine", "Ukraine", 0.4, 0.6),
        ("c", "ukraine", "Ukraine", float("nan"), float("nan")),
        ("d", "ukraine", "Ukraine", -1.0, 1.0),
    ]
    return pd.DataFrame(rows, columns=["article_id", "actor_id", "actor", "polarity", "subjectivity"])


@pytest.mark.parametrize(("degrees", "expected"), [(1, 12.706), (2, 4.303), (4, 2.776), (10, 2.228), (30, 2.042)])
def test_t_quantile_975(degrees: int, expected: float) -> None:
    assert t_quantile_975(degrees) == pytest.approx(expected, abs=0.005)


def test_sentiment_toward_actors(articles, mentions) -> None:
    summary = summarise_sentiment_toward(mentions, articles)
    assert summary["actor_id"].tolist() == ["russia", "ukraine"]
    russia, ukraine = summary.iloc[0], summary.iloc[1]
    assert russia["n"] == 4
    assert russia["mean_polarity"] == pytest.approx(-0.2)
    # sd of (-0.5, -0.3, -0.1, 0.1) is sqrt(0.2 / 3); t(0.975, 3) ~ 3.18
    half = t_quantile_975(3) * math.sqrt(0.2 / 3) / 2
    assert russia["ci_low"] == pytest.approx(-0.2 - half)
    assert russia["ci_high"] == pytest.approx(-0.2 + half)
    assert russia["small_n"]
    assert russia["mean_subjectivity"] == pytest.approx(0.25)
    # the NaN score is skipped and article d is a near-duplicate: one item left, no interval
    assert ukraine["n"] == 1
    assert ukraine["mean_polarity"] == pytest.approx(0.4)
    assert math.isnan(ukraine["ci_low"]) and math.isnan(ukraine["ci_high"])


def test_duplicates_included_on_request_and_interval_clipped(articles, mentions) -> None:
    summary = summarise_sentiment_toward(mentions, articles, include_duplicates=True, min_n=2)
    ukraine = summary[summary["actor_id"] == "ukraine"].iloc[0]
    assert ukraine["n"] == 2
    assert ukraine["mean_polarity"] == pytest.approx(-0.3)
    assert ukraine["ci_low"] == -1.0
    assert ukraine["ci_high"] == 1.0
    assert not ukraine["small_n"]


def test_sentiment_toward_per_week(articles, mentions) -> None:
    summary = summarise_sentiment_toward(mentions, articles, freq="W")
    assert summary[["period", "actor_id", "n"]].to_dict("records") == [
        {"period": pd.Timestamp("2022-02-21"), "actor_id": "russia", "n": 3},
        {"period": pd.Timestamp("2022-02-21"), "actor_id": "ukraine", "n": 1},
        {"period": pd.Timestamp("2022-02-28"), "actor_id": "russia", "n": 1},
    ]
    assert summary["mean_polarity"].tolist() == pytest.approx([-0.3, 0.4, 0.1])


def test_sentiment_of_speakers_uses_quotes(articles) -> None:
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "speaker_id": ["vladimir_putin", "", "vladimir_putin", "joe_biden"],
            "speaker": ["Vladimir Putin", "", "Vladimir Putin", "Joe Biden"],
            "polarity": [0.2, 0.9, 0.4, -0.6],
            "subjectivity": [0.5, 0.9, 0.7, 0.8],
        }
    )
    summary = summarise_sentiment_of(quotes, articles, freq="M")
    assert summary[["period", "speaker_id", "n"]].to_dict("records") == [
        {"period": pd.Timestamp("2022-02-01"), "speaker_id": "vladimir_putin", "n": 2},
        {"period": pd.Timestamp("2022-03-01"), "speaker_id": "joe_biden", "n": 1},
    ]
    assert summary["mean_polarity"].tolist() == pytest.approx([0.3, -0.6])
    assert summary["mean_subjectivity"].tolist() == pytest.approx([0.6, 0.8])


def test_empty_frames_give_empty_summaries(articles) -> None:
    empty = pd.DataFrame(columns=["article_id", "actor_id", "actor", "polarity", "subjectivity"])
    summary = summarise_sentiment_toward(empty, articles)
    assert summary.empty
    assert list(summary.columns) == [
        "actor_id",
        "actor",
        "mean_polarity",
        "n",
        "ci_low",
        "ci_high",
        "small_n",
        "mean_subjectivity",
    ]
