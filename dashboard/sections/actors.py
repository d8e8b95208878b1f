"""Actors page panels: entity frequencies, mentions over time, co-occurrence."""

from __future__ import annotations

import streamlit as st

from analysis import summaries
from analysis.selection import GRANULARITIES
from dashboard import cache, charts, export, frames
from dashboard.sections.common import draw_chart
from dashboard.view import View, show_empty

KEY = "act"
MEASURES = {"mentions": "Mentions", "articles": "Distinct articles"}


def draw_frequencies(view: View) -> export.ChartItem | None:
    """Draw mentions or distinct articles per actor, as counts or share of voice, optionally by outlet."""
    st.subheader("How often each actor is in the news")
    left, middle, right = st.columns(3)
    measure = left.radio("Count", list(MEASURES), format_func=MEASURES.get, horizontal=True, key=f"{KEY}_measure")
    share = middle.toggle("Share of voice", key=f"{KEY}_share",
                          help="Each actor's fraction of all mentions (or articles) in the selection or outlet; "
                               "computed before the actor filter, so it compares the chosen actors with everyone.")
    by_outlet = right.toggle("By outlet", key=f"{KEY}_by_outlet")
    context = view.slice_ignoring_actors()
    data = frames.count_actor_frequencies(context["mentions"], context["articles"], by_outlet=by_outlet)
    if view.selection.actors:
        data = data[data["actor_id"].isin(view.selection.actors)].reset_index(drop=True)
    if data.empty:
        show_empty("actor mentions", view=view, table="mentions")
        return None
    value = ("share_of_voice" if measure == "mentions" else "article_share") if share else measure
    figure = charts.make_actor_frequencies(data, value=value, by_outlet=by_outlet, colours=view.outlet_colours())
    item = export.ChartItem("actor_frequencies", "Actor frequencies", figure, data)
    draw_chart(item, key=f"{KEY}_frequencies")
    return item


def draw_over_time(view: View) -> export.ChartItem | None:
    """Draw mentions per day/week/month of the chosen actors (the five most mentioned when none are chosen)."""
    grain = view.selection.granularity
    st.subheader(f"Mentions per {GRANULARITIES[grain]}")
    mentions = view.selected["mentions"]
    if not view.selection.actors:
        top = mentions["actor_id"].value_counts().head(5).index
        mentions = mentions[mentions["actor_id"].isin(top)]
        st.caption("Showing the five most mentioned actors; choose actors in the sidebar to compare others.")
    articles = view.selected["articles"]
    data = summaries.count_mentions_over_time(mentions, articles, freq=grain, include_duplicates=True)
    data = summaries.complete_periods(data, articles, freq=grain, include_duplicates=True)
    if data.empty:
        show_empty("dated mentions", view=view, table="mentions", dated=True)
        return None
    if data["mentions"].isna().any():
        st.caption(f"A break in a line marks a {GRANULARITIES[grain]} without any article in this selection.")
    figure = charts.make_mentions_over_time(data, period_label=GRANULARITIES[grain], colours=view.actor_colours())
    item = export.ChartItem("mentions_over_time", "Mentions over time", figure, data)
    draw_chart(item, key=f"{KEY}_over_time")
    return item


def draw_cooccurrence(view: View) -> export.ChartItem | None:
    """Draw how often actors appear together (in the same article or sentence)."""
    st.subheader("Who appears with whom")
    level = st.radio("Together in the same", ["article", "sentence"], horizontal=True, key=f"{KEY}_level")
    # Pairs come from every actor in the slice, then keep those touching the chosen actors: who appears with them.
    data = cache.count_cooccurrence(view.results_dir, view.content_hash, view.selection, level)
    data = frames.keep_pairs_with(data, actors=view.selection.actors)
    if data.empty:
        show_empty("pairs of actors appearing together", view=view, table="mentions")
        return None
    item = export.ChartItem("cooccurrence", "Co-occurrence", charts.make_cooccurrence_heatmap(data), data)
    draw_chart(item, key=f"{KEY}_cooccurrence")
    return item
