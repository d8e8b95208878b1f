"""Entity frequencies: mentions and articles per actor, share of voice, over time, by outlet, co-occurrence."""

from __future__ import annotations

import pandas as pd

FREQUENCIES: dict[str, str] = {"D": "day", "W": "week", "M": "month"}
ACTOR_KEYS: list[str] = ["actor_id", "actor", "actor_type"]


def original_article_ids(articles: pd.DataFrame) -> pd.Series:
    """Ids of the articles that are not near-duplicates of another (duplicate_of is empty)."""
    duplicates = articles["duplicate_of"].fillna("").astype(str) != ""
    return articles.loc[~duplicates, "article_id"]


def drop_duplicate_articles(frame: pd.DataFrame, articles: pd.DataFrame, *, include_duplicates: bool) -> pd.DataFrame:
    """Rows of `frame` whose article is an original (all rows when include_duplicates is True)."""
    if include_duplicates:
        return frame
    return frame[frame["article_id"].isin(original_article_ids(articles))]


def period_start(published: pd.Series, *, freq: str) -> pd.Series:
    """The start (UTC, tz-naive midnight) of the day, Monday-based week or month of each timestamp."""
    if freq not in FREQUENCIES:
        raise ValueError(f"unknown frequency '{freq}' (use D, W or M)")
    naive = pd.to_datetime(published, utc=True).dt.tz_convert(None)
    if freq == "D":
        return naive.dt.floor("D")
    return naive.dt.to_period(freq).dt.start_time


def count_by(mentions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Mentions and distinct articles per group of `keys`, plus each actor's share of the group's mentions."""
    grouped = mentions.groupby(keys, sort=False, dropna=False)
    counts = grouped.agg(mentions=("article_id", "size"), articles=("article_id", "nunique")).reset_index()
    outer = [key for key in keys if key not in ACTOR_KEYS]
    totals = counts.groupby(outer)["mentions"].transform("sum") if outer else counts["mentions"].sum()
    counts["share_of_voice"] = counts["mentions"] / totals
    return counts


def count_mentions_by_actor(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, include_duplicates: bool = False
) -> pd.DataFrame:
    """Per actor: mentions, distinct articles and share of voice (share of all mentions, 0..1), most mentioned first."""
    kept = drop_duplicate_articles(mentions, articles, include_duplicates=include_duplicates)
    counts = count_by(kept, ACTOR_KEYS)
    return counts.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)


def with_article_column(frame: pd.DataFrame, articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """The frame with one column of its article (published or source) joined on."""
    return frame.merge(articles[["article_id", column]], on="article_id", how="left")


def count_mentions_over_time(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, freq: str = "D", include_duplicates: bool = False
) -> pd.DataFrame:
    """Per period (start of day/week/month) and actor: mentions, articles, share of the period's mentions.

    Articles without a publication date have no period and are left out.
    """
    kept = with_article_column(
        drop_duplicate_articles(mentions, articles, include_duplicates=include_duplicates), articles, "published"
    )
    kept = kept[kept["published"].notna()]
    kept = kept.assign(period=period_start(kept["published"], freq=freq))
    counts = count_by(kept, ["period", *ACTOR_KEYS])
    return counts.sort_values(["period", "mentions"], ascending=[True, False], kind="stable").reset_index(drop=True)


def period_range(first: pd.Timestamp, last: pd.Timestamp, *, freq: str) -> pd.Index:
    """The start of every day, week or month from the period of `first` to that of `last`, as `period_start`
    gives them (the index is named "period")."""
    return pd.Index(pd.period_range(first, last, freq=freq).start_time, name="period")


def complete_periods(
    counts: pd.DataFrame, articles: pd.DataFrame, *, freq: str, include_duplicates: bool = False
) -> pd.DataFrame:
    """`count_mentions_over_time` counts with a row for every actor in them and every period from the first to
    the last dated article: 0 mentions where the period has articles but none names the actor, and no value
    (<NA>) where it has no articles at all, so that a line drops to zero or breaks instead of joining across
    them. mentions and articles become nullable integers (Int64)."""
    kept = drop_duplicate_articles(articles, articles, include_duplicates=include_duplicates)
    dated = period_start(kept.loc[kept["published"].notna(), "published"], freq=freq)
    if counts.empty or dated.empty:
        return counts
    periods = period_range(dated.min(), dated.max(), freq=freq)
    grid = counts[ACTOR_KEYS].drop_duplicates().merge(pd.DataFrame({"period": periods}), how="cross")
    full = grid.merge(counts, on=["period", *ACTOR_KEYS], how="left")
    covered = full["period"].isin(set(dated))
    for column in ("mentions", "articles", "share_of_voice"):
        full[column] = full[column].where(~covered | full[column].notna(), 0)
    full = full.astype({"mentions": "Int64", "articles": "Int64"})
    ordered = ["period", *ACTOR_KEYS, "mentions", "articles", "share_of_voice"]
    return full[ordered].sort_values(["period", "actor_id"], kind="stable").reset_index(drop=True)


def count_mentions_by_source(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, include_duplicates: bool = False
) -> pd.DataFrame:
    """Per outlet and actor: mentions, articles and share of the outlet's mentions (0..1)."""
    kept = with_article_column(
        drop_duplicate_articles(mentions, articles, include_duplicates=include_duplicates), articles, "source"
    )
    counts = count_by(kept, ["source", *ACTOR_KEYS])
    return counts.sort_values(["source", "mentions"], ascending=[True, False], kind="stable").reset_index(drop=True)


def count_articles_by_period(
    articles: pd.DataFrame, *, freq: str = "D", include_duplicates: bool = False
) -> pd.DataFrame:
    """Articles per period and outlet (columns period, source, articles); undated articles left out."""
    kept = drop_duplicate_articles(articles, articles, include_duplicates=include_duplicates)
    kept = kept[kept["published"].notna()]
    kept = kept.assign(period=period_start(kept["published"], freq=freq))
    counts = kept.groupby(["period", "source"]).size().rename("articles").reset_index()
    return counts.sort_values(["period", "source"], kind="stable").reset_index(drop=True)


def count_cooccurrence(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, level: str = "sentence", include_duplicates: bool = False
) -> pd.DataFrame:
    """How many sentences (level="sentence") or articles (level="article") mention both actors of a pair.

    Returns columns actor_a, actor_b (ids, actor_a < actor_b), actor_a_name, actor_b_name, count; most first.
    """
    if level not in ("sentence", "article"):
        raise ValueError(f"unknown level '{level}' (use sentence or article)")
    kept = drop_duplicate_articles(mentions, articles, include_duplicates=include_duplicates)
    keys = ["article_id", "sentence_id"] if level == "sentence" else ["article_id"]
    present = kept[[*keys, "actor_id"]].drop_duplicates()
    pairs = present.merge(present, on=keys, suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    counts = pairs.groupby(["actor_id_a", "actor_id_b"]).size().rename("count").reset_index()
    counts = counts.rename(columns={"actor_id_a": "actor_a", "actor_id_b": "actor_b"})
    names = dict(zip(mentions["actor_id"], mentions["actor"], strict=True))
    counts["actor_a_name"] = counts["actor_a"].map(names)
    counts["actor_b_name"] = counts["actor_b"].map(names)
    columns = ["actor_a", "actor_b", "actor_a_name", "actor_b_name", "count"]
    return (
        counts[columns]
        .sort_values(["count", "actor_a", "actor_b"], ascending=[False, True, True])
        .reset_index(drop=True)
    )
