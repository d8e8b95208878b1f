"""Pure pandas shaping of selected tables into the exact frames behind each chart (no Streamlit here)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis import summaries

Tables = Mapping[str, pd.DataFrame]

# Two-sided 95 % critical values of Student's t for 1..30 degrees of freedom; above that the
# Cornish-Fisher correction of the normal quantile is within 0.001.
T_CRITICAL_95 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
                 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
                 2.052, 2.048, 2.045, 2.042)
SMALL_N = 10  # means over fewer values than this are flagged as unreliable
STANCE_ORDER = ("support", "oppose", "neutral")


def find_t_critical(degrees_of_freedom: int) -> float:
    """Return the two-sided 95 % critical value of Student's t (nan for fewer than 1 degree of freedom)."""
    if degrees_of_freedom < 1:
        return math.nan
    if degrees_of_freedom <= len(T_CRITICAL_95):
        return T_CRITICAL_95[degrees_of_freedom - 1]
    z = 1.959964
    return z + (z**3 + z) / (4 * degrees_of_freedom)


def summarize_mean(values: pd.Series, *, small_n: int = SMALL_N) -> dict[str, float | int | bool]:
    """Return mean, n, 95 % t-interval (low, high; nan below n=2) and a small-n flag of the values."""
    clean = values.dropna().astype(float)
    n = len(clean)
    mean = clean.mean() if n else math.nan
    half = find_t_critical(n - 1) * clean.std(ddof=1) / math.sqrt(n) if n > 1 else math.nan
    return {"mean": mean, "n": n, "low": mean - half, "high": mean + half, "small_n": n < small_n}


def add_period(frame: pd.DataFrame, *, dates: pd.Series, granularity: str) -> pd.DataFrame:
    """Return frame with a `period` column: the start of the day/week/month of each date (UTC, naive)."""
    return frame.assign(period=summaries.period_start(dates, freq=granularity).to_numpy())


def attach_article_fields(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return frame with the article's source, published date, title and url joined on article_id."""
    fields = articles[["article_id", "source", "published", "title", "url"]]
    return frame.merge(fields, on="article_id", how="left")


def count_corpus(tables: Tables) -> dict[str, object]:
    """Return headline numbers of the selection: articles, outlets, first/last date, actors, quotes, stances."""
    articles = tables["articles"]
    published = articles["published"].dropna()
    return {
        "articles": len(articles),
        "outlets": int(articles["source"].nunique()),
        "first": published.min().date() if len(published) else None,
        "last": published.max().date() if len(published) else None,
        "actors": int(tables["mentions"]["actor_id"].nunique()),
        "quotes": len(tables["quotes"]),
        "stances": len(tables["stances"]),
    }


def count_actor_frequencies(mentions: pd.DataFrame, articles: pd.DataFrame, *, by_outlet: bool = False) -> pd.DataFrame:
    """Return per actor (and outlet): mentions, distinct articles, and each as a share of its group's total.

    Built on analysis.summaries; share_of_voice is the actor's fraction (0..1) of all mentions in the selection
    (or in its outlet), article_share the same for distinct articles. The selection has already dropped
    near-duplicates when asked to, so the summaries keep every row they are given.
    """
    if by_outlet:
        counts = summaries.count_mentions_by_source(mentions, articles, include_duplicates=True)
        article_total = counts.groupby("source")["articles"].transform("sum")
    else:
        counts = summaries.count_mentions_by_actor(mentions, articles, include_duplicates=True)
        article_total = counts["articles"].sum()
    return counts.assign(article_share=counts["articles"] / article_total)


def keep_pairs_with(pairs: pd.DataFrame, *, actors: Sequence[str]) -> pd.DataFrame:
    """Return co-occurrence pairs (ids in actor_a, actor_b) involving one of the actors; all pairs without actors."""
    if not actors:
        return pairs
    return pairs[pairs["actor_a"].isin(actors) | pairs["actor_b"].isin(actors)].reset_index(drop=True)


def summarize_sentiment_by_actor(
    mentions: pd.DataFrame, quotes: pd.DataFrame, *, small_n: int = SMALL_N
) -> pd.DataFrame:
    """Return per actor two rows: sentiment toward the actor (mention contexts) and of its own quotes.

    Columns actor_id, actor, measure ("toward actor" | "own quotes"), mean (-1..1), n, low, high, small_n.
    """
    toward = mentions[["actor_id", "actor", "polarity"]].dropna(subset=["polarity"])
    own = quotes[quotes["speaker_id"] != ""].rename(columns={"speaker_id": "actor_id", "speaker": "actor"})
    own = own[["actor_id", "actor", "polarity"]].dropna(subset=["polarity"])
    rows = []
    for measure, frame in (("toward actor", toward), ("own quotes", own)):
        for (actor_id, actor), group in frame.groupby(["actor_id", "actor"]):
            rows.append({"actor_id": actor_id, "actor": actor, "measure": measure,
                         **summarize_mean(group["polarity"], small_n=small_n)})
    columns = ["actor_id", "actor", "measure", "mean", "n", "low", "high", "small_n"]
    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values(["actor", "measure"], ascending=[True, False]).reset_index(drop=True)


def summarize_sentiment_per_period(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, granularity: str, small_n: int = SMALL_N
) -> pd.DataFrame:
    """Return mean sentiment toward each actor per period: period, actor_id, actor, mean, n, low, high, small_n."""
    frame = attach_article_fields(mentions[["article_id", "actor_id", "actor", "polarity"]], articles)
    frame = frame[frame["published"].notna() & frame["polarity"].notna()]
    columns = ["period", "actor_id", "actor", "mean", "n", "low", "high", "small_n"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = add_period(frame, dates=frame["published"], granularity=granularity)
    rows = [{"period": period, "actor_id": actor_id, "actor": actor,
             **summarize_mean(group["polarity"], small_n=small_n)}
            for (period, actor_id, actor), group in frame.groupby(["period", "actor_id", "actor"])]
    return pd.DataFrame(rows, columns=columns)


def summarize_sentiment_by_outlet(
    mentions: pd.DataFrame, articles: pd.DataFrame, *, small_n: int = SMALL_N
) -> pd.DataFrame:
    """Return mean sentiment toward each actor in each outlet: source, actor_id, actor, mean, n, small_n."""
    frame = attach_article_fields(mentions[["article_id", "actor_id", "actor", "polarity"]], articles)
    grouped = frame.dropna(subset=["polarity"]).groupby(["source", "actor_id", "actor"])["polarity"]
    result = grouped.agg(mean="mean", n="count").reset_index()
    return result.assign(small_n=result["n"] < small_n)


def summarize_stance_matrix(stances: pd.DataFrame) -> pd.DataFrame:
    """Return per actor and target: support, oppose, neutral counts, n and net stance (support-oppose)/n in -1..1."""
    keys = ["actor_id", "actor", "target_id", "target"]
    counts = stances.groupby([*keys, "stance"]).size().unstack("stance", fill_value=0)
    counts = counts.reindex(columns=list(STANCE_ORDER), fill_value=0).reset_index()
    counts.columns.name = None
    counts["n"] = counts[list(STANCE_ORDER)].sum(axis=1)
    counts["net"] = (counts["support"] - counts["oppose"]) / counts["n"]
    if counts.empty:
        return pd.DataFrame(columns=[*keys, *STANCE_ORDER, "n", "net"])
    return counts.sort_values(["actor", "target"]).reset_index(drop=True)


def count_stances(stances: pd.DataFrame) -> pd.DataFrame:
    """Return stance statements per actor, target and stance: actor, target, stance, count."""
    counts = stances.groupby(["actor", "target", "stance"]).size().rename("count").reset_index()
    return counts.sort_values(["actor", "target", "stance"]).reset_index(drop=True)


def summarize_stance_per_period(stances: pd.DataFrame, articles: pd.DataFrame, *, granularity: str) -> pd.DataFrame:
    """Return net stance per period and target: period, target_id, target, support, oppose, neutral, n, net."""
    frame = attach_article_fields(stances, articles)
    frame = frame[frame["published"].notna()]
    columns = ["period", "target_id", "target", *STANCE_ORDER, "n", "net"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = add_period(frame, dates=frame["published"], granularity=granularity)
    counts = frame.groupby(["period", "target_id", "target", "stance"]).size().unstack("stance", fill_value=0)
    counts = counts.reindex(columns=list(STANCE_ORDER), fill_value=0).reset_index()
    counts.columns.name = None
    counts["n"] = counts[list(STANCE_ORDER)].sum(axis=1)
    counts["net"] = (counts["support"] - counts["oppose"]) / counts["n"]
    return counts[columns].sort_values(["period", "target"]).reset_index(drop=True)


def list_stance_evidence(
    stances: pd.DataFrame, articles: pd.DataFrame, *, actor_id: str, target_id: str
) -> pd.DataFrame:
    """Return the evidence sentences of one actor-target cell with stance, cue, outlet, date, title and url."""
    cell = stances[(stances["actor_id"] == actor_id) & (stances["target_id"] == target_id)]
    cell = attach_article_fields(cell, articles)
    columns = ["stance", "evidence", "cue", "confidence", "source", "published", "title", "url"]
    return cell[columns].reset_index(drop=True)


def build_quote_table(quotes: pd.DataFrame, articles: pd.DataFrame, *, search: str = "") -> pd.DataFrame:
    """Return quotes with speaker, text, kind, date, outlet, title, url and polarity; search is a literal phrase."""
    frame = attach_article_fields(quotes, articles)
    if search.strip():
        phrase = search.strip()
        haystack = frame["text"].fillna("") + " " + frame["speaker"].fillna("")
        frame = frame[haystack.str.contains(phrase, case=False, regex=False)]
    frame = frame.assign(speaker=frame["speaker"].replace("", "(unattributed)"))
    columns = ["speaker", "text", "kind", "published", "source", "title", "url", "polarity", "article_id"]
    return frame[columns].sort_values(["published", "source"], na_position="last").reset_index(drop=True)


def count_quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return quotes per speaker and kind: speaker, kind, quotes (unattributed quotes under "(unattributed)")."""
    named = quotes.assign(speaker=quotes["speaker"].replace("", "(unattributed)"))
    counts = named.groupby(["speaker", "kind"]).size().rename("quotes").reset_index()
    return counts.sort_values(["quotes", "speaker"], ascending=[False, True]).reset_index(drop=True)
