"""Tests for analysis.stance_summaries: stance counts, net stance and relation counts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.stance_summaries import count_relations, count_stances


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
def stances() -> pd.DataFrame:
    rows = [
        ("a", "united_states", "United States", "recognition", "Recognition", "oppose", 0.9),
        ("b", "united_states", "United States", "recognition", "Recognition", "oppose", 0.9),
        ("b", "united_states", "United States", "recognition", "Recognition", "neutral", 0.3),
        ("c", "united_states", "United States", "recognition", "Recognition", "support", 0.5),
        ("a", "dpr", "DPR", "recognition", "Recognition", "support", 0.9),
        ("d", "dpr", "DPR", "recognition", "Recognition", "oppose", 0.9),
    ]
    columns = ["article_id", "actor_id", "actor", "target_id", "target", "stance", "confidence"]
    return pd.DataFrame(rows, columns=columns)


def test_count_stances_net_stance(articles, stances) -> None:
    counts = count_stances(stances, articles)
    assert counts.to_dict("records") == [
        {
            "actor_id": "united_states",
            "actor": "United States",
            "target_id": "recognition",
            "target": "Recognition",
            "support": 1,
            "oppose": 2,
            "neutral": 1,
            "n": 4,
            "net_stance": -0.25,
        },
        {
            "actor_id": "dpr",
            "actor": "DPR",
            "target_id": "recognition",
            "target": "Recognition",
            "support": 1,
            "oppose": 0,
            "neutral": 0,
            "n": 1,
            "net_stance": 1.0,
        },
    ]


def test_count_stances_confidence_duplicates_and_periods(articles, stances) -> None:
    counts = count_stances(stances, articles, freq="M", min_confidence=0.5, include_duplicates=True)
    assert counts[["period", "actor_id", "support", "oppose", "neutral", "net_stance"]].to_dict("records") == [
        {
            "period": pd.Timestamp("2022-02-01"),
            "actor_id": "united_states",
            "support": 0,
            "oppose": 2,
            "neutral": 0,
            "net_stance": -1.0,
        },
        {
            "period": pd.Timestamp("2022-02-01"),
            "actor_id": "dpr",
            "support": 1,
            "oppose": 0,
            "neutral": 0,
            "net_stance": 1.0,
        },
        {
            "period": pd.Timestamp("2022-03-01"),
            "actor_id": "united_states",
            "support": 1,
            "oppose": 0,
            "neutral": 0,
            "net_stance": 1.0,
        },
    ]


def test_count_stances_empty(articles, stances) -> None:
    counts = count_stances(stances.iloc[:0], articles)
    assert counts.empty
    assert list(counts.columns) == [
        "actor_id",
        "actor",
        "target_id",
        "target",
        "support",
        "oppose",
        "neutral",
        "n",
        "net_stance",
    ]


@pytest.fixture
def relations() -> pd.DataFrame:
    rows = [
        ("a", "the_west", "The West", "russia", "Russia", "accuses", -1),
        ("b", "the_west", "The West", "russia", "Russia", "accuses", -1),
        ("b", "russia", "Russia", "the_west", "The West", "denies", -1),
        ("c", "emmanuel_macron", "Emmanuel Macron", "vladimir_putin", "Vladimir Putin", "meets", 0),
        ("d", "the_west", "The West", "russia", "Russia", "accuses", -1),
    ]
    columns = [
        "article_id",
        "source_actor_id",
        "source_actor",
        "target_actor_id",
        "target_actor",
        "relation",
        "polarity",
    ]
    return pd.DataFrame(rows, columns=columns)


def test_count_relations(articles, relations) -> None:
    counts = count_relations(relations, articles)
    assert counts[["source_actor_id", "target_actor_id", "relation", "count", "mean_polarity"]].to_dict("records") == [
        {
            "source_actor_id": "the_west",
            "target_actor_id": "russia",
            "relation": "accuses",
            "count": 2,
            "mean_polarity": -1.0,
        },
        {
            "source_actor_id": "emmanuel_macron",
            "target_actor_id": "vladimir_putin",
            "relation": "meets",
            "count": 1,
            "mean_polarity": 0.0,
        },
        {
            "source_actor_id": "russia",
            "target_actor_id": "the_west",
            "relation": "denies",
            "count": 1,
            "mean_polarity": -1.0,
        },
    ]


def test_count_relations_per_week_with_duplicates(articles, relations) -> None:
    counts = count_relations(relations, articles, freq="W", include_duplicates=True)
    assert counts[["period", "source_actor_id", "relation", "count"]].to_dict("records") == [
        {"period": pd.Timestamp("2022-02-21"), "source_actor_id": "the_west", "relation": "accuses", "count": 2},
        {"period": pd.Timestamp("2022-02-21"), "source_actor_id": "russia", "relation": "denies", "count": 1},
        {"period": pd.Timestamp("2022-02-28"), "source_actor_id": "emmanuel_macron", "relation": "meets", "count": 1},
    ]
