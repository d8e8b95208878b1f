"""The reader's current view of a corpus as a frozen Selection, and a pure function that slices the tables to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.schema import UNREGISTERED_PREFIX

GRANULARITIES: dict[str, str] = {"D": "day", "W": "week", "M": "month"}

Tables = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Selection:
    """Plain values describing which part of a corpus the reader is looking at.

    Empty tuples and None mean "no restriction". Dates are inclusive calendar days in UTC.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    actors: tuple[str, ...] = ()  # actor ids
    outlets: tuple[str, ...] = ()  # articles.source values
    targets: tuple[str, ...] = ()  # stance target ids
    min_mentions: int = 1  # actors with fewer mentions in the slice are left out
    granularity: str = "W"  # key of GRANULARITIES; only time charts read it
    search: str = ""  # case-insensitive literal phrase the article's title or text must contain
    include_duplicates: bool = False  # near-duplicates (articles.duplicate_of != "") are left out by default
    registry_only: bool = False  # leave out the names found outside the registry ("unregistered:<name>")


def apply_selection(tables: Tables, selection: Selection) -> dict[str, pd.DataFrame]:
    """Return new tables restricted to the selection; tables missing from the input are left out.

    Articles are filtered by duplicates, date, outlet and search phrase; every other table keeps only rows of
    those articles. Actors under the mention floor, and with registry_only the actors found outside the
    registry, disappear from mentions, quotes, stances and relations. With actors chosen, articles must mention
    one of them, mentions/quotes/stances keep only their rows and relations keep edges touching them. With
    targets chosen, stances keep only those targets.
    """
    articles = select_articles(tables["articles"], selection=selection)
    kept = {name: keep_article_rows(frame, articles["article_id"]) for name, frame in tables.items()}
    kept["articles"] = articles
    kept = drop_rare_actors(kept, min_mentions=selection.min_mentions)
    if selection.registry_only:
        kept = drop_unregistered_actors(kept)
    if selection.actors:
        kept = keep_actors(kept, actors=selection.actors)
    if selection.targets and "stances" in kept:
        stances = kept["stances"]
        kept["stances"] = stances[stances["target_id"].isin(selection.targets)].reset_index(drop=True)
    return kept


def select_articles(articles: pd.DataFrame, *, selection: Selection) -> pd.DataFrame:
    """Return the articles that pass the duplicate, date, outlet and search filters."""
    keep = pd.Series(True, index=articles.index)
    if not selection.include_duplicates:
        keep &= articles["duplicate_of"].fillna("") == ""
    published = pd.to_datetime(articles["published"], utc=True)
    # NaT compares False, so a date bound drops undated articles: they have no place on a date range.
    if selection.start is not None:
        keep &= published >= pd.Timestamp(selection.start, tz="UTC")
    if selection.end is not None:
        keep &= published < pd.Timestamp(selection.end, tz="UTC") + pd.Timedelta(days=1)
    if selection.outlets:
        keep &= articles["source"].isin(selection.outlets)
    if selection.search.strip():
        phrase = selection.search.strip()
        haystack = articles["title"].fillna("") + "\n" + articles["text"].fillna("")
        keep &= haystack.str.contains(phrase, case=False, regex=False)
    return articles[keep].reset_index(drop=True)


def keep_article_rows(frame: pd.DataFrame, article_ids: pd.Series) -> pd.DataFrame:
    """Return the rows of frame whose article_id is among article_ids."""
    return frame[frame["article_id"].isin(set(article_ids))].reset_index(drop=True)


def drop_rare_actors(tables: Mapping[str, pd.DataFrame], *, min_mentions: int) -> dict[str, pd.DataFrame]:
    """Return tables without actors mentioned fewer than min_mentions times in tables["mentions"]."""
    result = dict(tables)
    if min_mentions <= 1 or "mentions" not in tables:
        return result
    counts = tables["mentions"]["actor_id"].value_counts()
    frequent = tuple(counts[counts >= min_mentions].index)
    result["mentions"] = tables["mentions"][tables["mentions"]["actor_id"].isin(frequent)].reset_index(drop=True)
    if "quotes" in tables:
        quotes = tables["quotes"]
        # Unattributed quotes belong to no actor, so a mention floor has nothing to say about them.
        keep = quotes["speaker_id"].isin(frequent) | (quotes["speaker_id"] == "")
        result["quotes"] = quotes[keep].reset_index(drop=True)
    if "stances" in tables:
        result["stances"] = tables["stances"][tables["stances"]["actor_id"].isin(frequent)].reset_index(drop=True)
    if "relations" in tables:
        relations = tables["relations"]
        keep = relations["source_actor_id"].isin(frequent) & relations["target_actor_id"].isin(frequent)
        result["relations"] = relations[keep].reset_index(drop=True)
    return result


def is_registered(actor_ids: pd.Series) -> pd.Series:
    """True for registry ids, False for names found outside the registry; "" (no speaker) counts as registered."""
    return ~actor_ids.astype(str).str.startswith(UNREGISTERED_PREFIX)


def drop_unregistered_actors(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Return tables without the rows of actors found outside the registry; articles and sentences stay.

    Unattributed quotes belong to no actor and stay; a relation goes when either end is outside the registry.
    """
    columns = {"mentions": ["actor_id"], "quotes": ["speaker_id"], "stances": ["actor_id"],
               "relations": ["source_actor_id", "target_actor_id"]}
    result = dict(tables)
    for name, names in columns.items():
        if name in tables:
            frame = tables[name]
            keep = pd.concat([is_registered(frame[column]) for column in names], axis=1).all(axis=1)
            result[name] = frame[keep].reset_index(drop=True)
    return result


def keep_actors(tables: Mapping[str, pd.DataFrame], *, actors: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Return tables restricted to the given actor ids (articles: those mentioning one of them)."""
    result = dict(tables)
    mentions = tables["mentions"][tables["mentions"]["actor_id"].isin(actors)].reset_index(drop=True)
    result["mentions"] = mentions
    article_ids = pd.Series(mentions["article_id"].unique())
    for name in ("articles", "sentences"):
        if name in tables:
            result[name] = keep_article_rows(tables[name], article_ids)
    if "quotes" in tables:
        result["quotes"] = tables["quotes"][tables["quotes"]["speaker_id"].isin(actors)].reset_index(drop=True)
    if "stances" in tables:
        result["stances"] = tables["stances"][tables["stances"]["actor_id"].isin(actors)].reset_index(drop=True)
    if "relations" in tables:
        relations = tables["relations"]
        touching = relations["source_actor_id"].isin(actors) | relations["target_actor_id"].isin(actors)
        result["relations"] = relations[touching].reset_index(drop=True)
    return result


def describe_selection(selection: Selection, *, actor_names: Mapping[str, str] | None = None) -> str:
    """Return a one-line human description of the selection, e.g. for a report header."""
    names = actor_names or {}
    parts = []
    if selection.start or selection.end:
        parts.append(f"dates {selection.start or '…'} to {selection.end or '…'}")
    if selection.actors:
        parts.append("actors " + ", ".join(names.get(actor, actor) for actor in selection.actors))
    if selection.outlets:
        parts.append("outlets " + ", ".join(selection.outlets))
    if selection.targets:
        parts.append("stance targets " + ", ".join(selection.targets))
    if selection.min_mentions > 1:
        parts.append(f"at least {selection.min_mentions} mentions per actor")
    if selection.registry_only:
        parts.append("registry actors only")
    if selection.search.strip():
        parts.append(f'text contains "{selection.search.strip()}"')
    parts.append("near-duplicates included" if selection.include_duplicates else "near-duplicates excluded")
    return "; ".join(parts)
