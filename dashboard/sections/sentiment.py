"""Sentiment page panels: toward each actor vs of its own quotes, over time, by outlet."""

from __future__ import annotations

import streamlit as st

from analysis.selection import GRANULARITIES
from dashboard import cache, charts, export, frames
from dashboard.sections.common import draw_chart
from dashboard.view import View, show_empty

KEY = "sen"


def draw_engine_note(view: View) -> None:
    """Say which engine scored the sentiment and how to read the numbers."""
    engine = cache.read_sentiment_engine(view.results_dir, view.content_hash)
    st.caption(f"Sentiment engine: **{engine}**. Polarity runs from −1 (negative) to +1 (positive); axes zoom to "
               f"the data. Sentiment toward an actor scores the words around each mention, moved by 0.5 where the "
               f"actor is accused, criticised or praised, or denies or fails. Whiskers are 95 % intervals of the "
               f"mean; hollow markers and uncoloured cells flag means over fewer than {frames.SMALL_N} values, "
               f"which say little.")


def draw_by_actor(view: View) -> export.ChartItem | None:
    """Draw per actor the mean sentiment toward it and of its own quotes, with n and 95 % interval."""
    st.subheader("Toward each actor and in its own words")
    st.caption("Left: how the coverage around an actor's mentions sounds. Right: how the actor's own quoted words "
               "sound. The two are kept apart: being criticised is not the same as criticising.")
    limit = st.slider("Actors shown (most mentioned first)", 3, 40, 12, key=f"{KEY}_limit")
    mentions = view.selected["mentions"]
    top = mentions["actor_id"].value_counts().head(limit).index
    quotes = view.selected["quotes"]
    data = frames.summarize_sentiment_by_actor(mentions[mentions["actor_id"].isin(top)],
                                               quotes[quotes["speaker_id"].isin(top)], view.selected["articles"])
    data = frames.sort_by_actor_order(data, list(top))
    if data.empty:
        show_empty("scored mentions or quotes", view=view, table="mentions")
        return None
    item = export.ChartItem("sentiment_by_actor", "Sentiment by actor", charts.make_sentiment_by_actor(data), data)
    draw_chart(item, key=f"{KEY}_by_actor")
    return item


def draw_over_time(view: View) -> export.ChartItem | None:
    """Draw mean sentiment toward the chosen actors (or the five most mentioned) per period; whiskers of means
    over few values only when the reader asks, and a partial first or last period says so in its hover."""
    grain = view.selection.granularity
    st.subheader(f"Sentiment toward actors per {GRANULARITIES[grain]}")
    mentions = view.selected["mentions"]
    if not view.selection.actors:
        mentions = mentions[mentions["actor_id"].isin(mentions["actor_id"].value_counts().head(5).index)]
        st.caption("Showing the five most mentioned actors; choose actors in the sidebar to compare others.")
    data = frames.summarize_sentiment_per_period(mentions, view.selected["articles"], granularity=grain)
    if data.empty:
        show_empty("dated, scored mentions", view=view, table="mentions", dated=True)
        return None
    first, last = view.date_span()
    data = frames.add_coverage(data, first=first, last=last, granularity=grain)
    few_intervals = st.toggle(f"Whiskers for means over fewer than {frames.SMALL_N} values", value=False,
                              key=f"{KEY}_few_intervals",
                              help="Off: hollow markers without their 95 % interval, which over two or three values "
                                   "spans most of the scale.")
    figure = charts.make_sentiment_over_time(data, period_label=GRANULARITIES[grain], colours=view.actor_colours(),
                                             few_intervals=few_intervals)
    item = export.ChartItem("sentiment_over_time", "Sentiment over time", figure, data)
    draw_chart(item, key=f"{KEY}_over_time")
    return item


def draw_by_outlet(view: View) -> export.ChartItem | None:
    """Draw mean sentiment toward each actor in each outlet."""
    st.subheader("Sentiment toward actors by outlet")
    mentions = view.selected["mentions"]
    top = mentions["actor_id"].value_counts().head(15).index
    data = frames.summarize_sentiment_by_outlet(mentions[mentions["actor_id"].isin(top)], view.selected["articles"])
    if data.empty:
        show_empty("scored mentions", view=view, table="mentions")
        return None
    item = export.ChartItem("sentiment_by_outlet", "Sentiment by outlet", charts.make_sentiment_by_outlet(data), data)
    draw_chart(item, key=f"{KEY}_by_outlet")
    return item
