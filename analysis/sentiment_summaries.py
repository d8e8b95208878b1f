"""Sentiment per actor: TOWARD an actor (its mention contexts) and OF an actor (its own quotes), kept apart.

Every summary gives the mean polarity (-1..1), the number of scored items n, and a 95% t-interval
mean +- t(0.975, n-1) * sd / sqrt(n) clipped to -1..1. With n < 2 there is no spread to estimate, so
the interval is NaN. `small_n` flags groups with fewer than `min_n` items (default 5), whose mean
says little. Near-duplicate articles are left out unless include_duplicates=True.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pandas as pd

from analysis.summaries import drop_duplicate_articles, period_start, with_article_column

SUMMARY_COLUMNS: list[str] = ["mean_polarity", "n", "ci_low", "ci_high", "small_n", "mean_subjectivity"]


def t_quantile_975(degrees: int) -> float:
    """The 0.975 quantile of Student's t with `degrees` >= 1 degrees of freedom (error < 0.005).

    Exact closed forms for 1 and 2 degrees; above that Hill's Cornish-Fisher expansion around the normal quantile.
    """
    if degrees == 1:
        return math.tan(math.pi * 0.475)
    if degrees == 2:
        return 0.95 / math.sqrt(2 * 0.975 * 0.025)
    z, v = NormalDist().inv_cdf(0.975), float(degrees)
    terms = (
        (z**3 + z) / (4 * v),
        (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2),
        (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3),
        (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4),
    )
    return z + sum(terms)


def interval_halfwidth(std: float, count: int) -> float:
    """Half the width of the 95% t-interval of a mean; NaN when count < 2."""
    if count < 2 or not np.isfinite(std):
        return float("nan")
    return t_quantile_975(count - 1) * std / math.sqrt(count)


def summarise_groups(frame: pd.DataFrame, keys: list[str], *, min_n: int) -> pd.DataFrame:
    """Per group of `keys`: SUMMARY_COLUMNS over the rows' polarity and subjectivity (NaN polarities skipped)."""
    scored = frame[frame["polarity"].notna()]
    grouped = scored.groupby(keys, sort=False, dropna=False)
    summary = grouped.agg(
        mean_polarity=("polarity", "mean"),
        n=("polarity", "size"),
        std=("polarity", "std"),
        mean_subjectivity=("subjectivity", "mean"),
    ).reset_index()
    half = [interval_halfwidth(std, count) for std, count in zip(summary["std"], summary["n"], strict=True)]
    summary["ci_low"] = (summary["mean_polarity"] - half).clip(lower=-1.0)
    summary["ci_high"] = (summary["mean_polarity"] + half).clip(upper=1.0)
    summary["small_n"] = summary["n"] < min_n
    return summary[[*keys, *SUMMARY_COLUMNS]]


def summarise_by_actor(
    frame: pd.DataFrame,
    articles: pd.DataFrame,
    keys: list[str],
    *,
    freq: str | None,
    include_duplicates: bool,
    min_n: int,
) -> pd.DataFrame:
    """Summaries per actor `keys` (and per period when freq is D/W/M; undated articles then left out)."""
    kept = drop_duplicate_articles(frame, articles, include_duplicates=include_duplicates)
    if freq is not None:
        kept = with_article_column(kept, articles, "published")
        kept = kept[kept["published"].notna()]
        kept = kept.assign(period=period_start(kept["published"], freq=freq))
        keys = ["period", *keys]
    summary = summarise_groups(kept, keys, min_n=min_n)
    order = ["period", "n"] if freq is not None else ["n"]
    ascending = [True, False] if freq is not None else [False]
    return summary.sort_values([*order, keys[-1]], ascending=[*ascending, True], kind="stable").reset_index(drop=True)


def summarise_sentiment_toward(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str | None = None,
    include_duplicates: bool = False,
    min_n: int = 5,
) -> pd.DataFrame:
    """Sentiment TOWARD each actor: mean polarity (-1..1) of its mention contexts, n, 95% interval, small_n.

    Columns: [period,] actor_id, actor, mean_polarity, n, ci_low, ci_high, small_n, mean_subjectivity (0..1);
    most scored actors first (within each period when freq is "D", "W" or "M").
    """
    return summarise_by_actor(
        mentions, articles, ["actor_id", "actor"], freq=freq, include_duplicates=include_duplicates, min_n=min_n
    )


def summarise_sentiment_of(
    quotes: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str | None = None,
    include_duplicates: bool = False,
    min_n: int = 5,
) -> pd.DataFrame:
    """Sentiment OF each speaker: mean polarity (-1..1) of its own quotes, n, 95% interval, small_n.

    Columns: [period,] speaker_id, speaker, mean_polarity, n, ci_low, ci_high, small_n, mean_subjectivity (0..1).
    Unattributed quotes (speaker_id "") are left out.
    """
    attributed = quotes[quotes["speaker_id"].fillna("").astype(str) != ""]
    return summarise_by_actor(
        attributed, articles, ["speaker_id", "speaker"], freq=freq, include_duplicates=include_duplicates, min_n=min_n
    )
