"""Tests for analysis.summaries: counts per actor, period, outlet and co-occurrence, with exact values."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.summaries import (
    complete_periods,
    count_articles_by_period,
    count_cooccurrence,
    count_mentions_by_actor,
    count_mentions_by_source,
    count_mentions_over_time,
)


@pytest.fixture
def articles():
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "source": ["Wire", "Wire", "Daily", "Daily"],
            "published": pd.to_datetime(
                ["2022-02-21T10:00Z", "2022-02-22T09:00Z", "2022-03-01T08:00Z", None], utc=True
            ),
            "duplicate_of": ["", "", "", "a"],
        }
    )


@pytest.fixture
def mentions():
    rows = [
        ("a", 0, "putin", "Vladimir Putin", "person"),
        ("a", 0, "russia", "Russia", "country"),
        ("a", 1, "putin", "Vladimir Putin", "person"),
        ("b", 0, "putin", "Vladimir Putin", "person"),
        ("b", 0, "ukraine", "Ukraine", "country"),
        ("c", 0, "russia", "Russia", "country"),
        ("c", 0, "ukraine", "Ukraine", "country"),
        ("d", 0, "putin", "Vladimir Putin", "person"),
    ]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "actor_id", "actor", "actor_type"])


def test_count_mentions_by_actor_excludes_near_duplicates(mentions, articles):
    counts = count_mentions_by_actor(mentions, articles)
    assert counts[["actor_id", "mentions", "articles"]].values.tolist() == [
        ["putin", 3, 2],
        ["russia", 2, 2],
        ["ukraine", 2, 2],
    ]
    assert counts["share_of_voice"].round(4).tolist() == [0.4286, 0.2857, 0.2857]


def test_count_mentions_by_actor_can_include_duplicates(mentions, articles):
    counts = count_mentions_by_actor(mentions, articles, include_duplicates=True)
    assert counts.loc[0, ["actor_id", "mentions", "articles"]].tolist() == ["putin", 4, 3]


def test_count_mentions_over_time_by_week(mentions, articles):
    counts = count_mentions_over_time(mentions, articles, freq="W")
    assert [(str(p.date()), a, m) for p, a, m in counts[["period", "actor_id", "mentions"]].values] == [
        ("2022-02-21", "putin", 3),
        ("2022-02-21", "russia", 1),
        ("2022-02-21", "ukraine", 1),
        ("2022-02-28", "russia", 1),
        ("2022-02-28", "ukraine", 1),
    ]
    assert counts["share_of_voice"].round(2).tolist() == [0.6, 0.2, 0.2, 0.5, 0.5]


def test_count_mentions_over_time_by_day_and_month(mentions, articles):
    days = count_mentions_over_time(mentions, articles, freq="D")
    assert sorted({str(p.date()) for p in days["period"]}) == ["2022-02-21", "2022-02-22", "2022-03-01"]
    months = count_mentions_over_time(mentions, articles, freq="M")
    assert [(str(p.date()), a, m) for p, a, m in months[["period", "actor_id", "mentions"]].values][:1] == [
        ("2022-02-01", "putin", 3)
    ]
    with pytest.raises(ValueError, match="unknown frequency"):
        count_mentions_over_time(mentions, articles, freq="Y")


def test_count_mentions_by_source(mentions, articles):
    counts = count_mentions_by_source(mentions, articles)
    assert counts[["source", "actor_id", "mentions", "share_of_voice"]].values.tolist() == [
        ["Daily", "russia", 1, 0.5],
        ["Daily", "ukraine", 1, 0.5],
        ["Wire", "putin", 3, 0.6],
        ["Wire", "russia", 1, 0.2],
        ["Wire", "ukraine", 1, 0.2],
    ]


def test_count_cooccurrence_by_sentence_and_article(mentions, articles):
    sentence = count_cooccurrence(mentions, articles, level="sentence")
    assert sentence[["actor_a", "actor_b", "count"]].values.tolist() == [
        ["putin", "russia", 1],
        ["putin", "ukraine", 1],
        ["russia", "ukraine", 1],
    ]
    article = count_cooccurrence(mentions, articles, level="article")
    assert article.loc[0, ["actor_a_name", "actor_b_name", "count"]].tolist() == ["Vladimir Putin", "Russia", 1]
    assert len(article) == 3


def test_count_articles_by_period(articles):
    counts = count_articles_by_period(articles, freq="D")
    assert [(str(p.date()), s, n) for p, s, n in counts.values] == [
        ("2022-02-21", "Wire", 1),
        ("2022-02-22", "Wire", 1),
        ("2022-03-01", "Daily", 1),
    ]


def test_complete_periods_gives_zero_where_articles_exist_and_a_break_where_none_do():
    # a user's review: a line joined straight across weeks in which the actor had no mention, or there was no
    # article at all
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "source": ["Wire", "Wire", "Wire"],
            "published": pd.to_datetime(["2022-02-21T10:00Z", "2022-02-22T09:00Z", "2022-03-15T08:00Z"], utc=True),
            "duplicate_of": ["", "", ""],
        }
    )
    mentions = pd.DataFrame(
        [("a", 0, "putin", "Vladimir Putin", "person"), ("b", 0, "ukraine", "Ukraine", "country"),
         ("c", 0, "putin", "Vladimir Putin", "person")],
        columns=["article_id", "sentence_id", "actor_id", "actor", "actor_type"],
    )
    counts = complete_periods(count_mentions_over_time(mentions, articles, freq="W"), articles, freq="W")
    values = counts[["period", "actor_id", "mentions"]].values
    rows = [(str(period.date()), actor, None if pd.isna(count) else int(count)) for period, actor, count in values]
    assert rows == [
        ("2022-02-21", "putin", 1),
        ("2022-02-21", "ukraine", 1),
        ("2022-02-28", "putin", None),
        ("2022-02-28", "ukraine", None),
        ("2022-03-07", "putin", None),
        ("2022-03-07", "ukraine", None),
        ("2022-03-14", "putin", 1),
        ("2022-03-14", "ukraine", 0),
    ]
    assert counts["share_of_voice"].fillna(-1).tolist() == [0.5, 0.5, -1, -1, -1, -1, 1.0, 0.0]
