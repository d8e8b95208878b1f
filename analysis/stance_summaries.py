"""Stance counts and net stance per actor and target, and relation counts between actors.

Net stance = (support - oppose) / n with n = support + oppose + neutral rows, so it runs from -1 (always
against) to +1 (always for); neutral rows pull it towards 0. Near-duplicate articles are left out unless
include_duplicates=True; with freq "D", "W" or "M" undated articles are left out too.
"""

from __future__ import annotations

import pandas as pd

from analysis.schema import STANCES
from analysis.summaries import drop_duplicate_articles, period_start, with_article_column

STANCE_KEYS: list[str] = ["actor_id", "actor", "target_id", "target"]
RELATION_KEYS: list[str] = ["source_actor_id", "source_actor", "target_actor_id", "target_actor", "relation"]


def select_rows(
    frame: pd.DataFrame, articles: pd.DataFrame, *, freq: str | None, include_duplicates: bool
) -> tuple[pd.DataFrame, list[str]]:
    """The rows to count (duplicates dropped, a period column added when freq is set) and the extra group keys."""
    kept = drop_duplicate_articles(frame, articles, include_duplicates=include_duplicates)
    if freq is None:
        return kept, []
    kept = with_article_column(kept, articles, "published")
    kept = kept[kept["published"].notna()]
    return kept.assign(period=period_start(kept["published"], freq=freq)), ["period"]


def count_stances(
    stances: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str | None = None,
    min_confidence: float = 0.0,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """Per [period,] actor and target: support, oppose, neutral, n and net_stance (-1..1); largest n first.

    Rows below `min_confidence` (0..1) are not counted.
    """
    confident = stances[stances["confidence"] >= min_confidence]
    kept, extra = select_rows(confident, articles, freq=freq, include_duplicates=include_duplicates)
    keys = [*extra, *STANCE_KEYS]
    # Only the combinations that occur: a full cross product of periods, actors and targets can be huge.
    counts = kept.groupby([*keys, "stance"]).size().unstack("stance", fill_value=0)
    counts = counts.reindex(columns=list(STANCES), fill_value=0).reset_index()
    counts.columns.name = None
    counts["n"] = counts[list(STANCES)].sum(axis=1)
    counts["net_stance"] = (counts["support"] - counts["oppose"]) / counts["n"]
    order = [*extra, "n", "actor", "target"]
    ascending = [True] * len(extra) + [False, True, True]
    return counts[[*keys, *STANCES, "n", "net_stance"]].sort_values(order, ascending=ascending).reset_index(drop=True)


def count_relations(
    relations: pd.DataFrame, articles: pd.DataFrame, *, freq: str | None = None, include_duplicates: bool = False
) -> pd.DataFrame:
    """Per [period,] source actor, target actor and relation: count and mean_polarity (-1..1); most frequent first."""
    kept, extra = select_rows(relations, articles, freq=freq, include_duplicates=include_duplicates)
    keys = [*extra, *RELATION_KEYS]
    grouped = kept.groupby(keys, sort=False).agg(count=("relation", "size"), mean_polarity=("polarity", "mean"))
    counts = grouped.reset_index()
    counts["mean_polarity"] = counts["mean_polarity"].astype(float)
    order = [*extra, "count", "source_actor", "target_actor", "relation"]
    ascending = [True] * len(extra) + [False, True, True, True]
    return counts[[*keys, "count", "mean_polarity"]].sort_values(order, ascending=ascending).reset_index(drop=True)
