"""Overview page panels: the corpus at a glance, articles per day, week or month by outlet, top actors."""

from __future__ import annotations

import streamlit as st

from analysis import summaries
from analysis.selection import GRANULARITIES
from dashboard import charts, export, frames
from dashboard.sections.common import draw_chart
from dashboard.view import View, show_empty

KEY = "ovw"


def draw_counts(view: View) -> None:
    """Draw the headline numbers of the selection."""
    counts = frames.count_corpus(view.selected)
    days = (counts["last"] - counts["first"]).days + 1 if counts["first"] else 0
    # Two rows of three, so that a narrow window does not cut the numbers ("4,…").
    cells = [*st.columns(3), *st.columns(3)]
    cells[0].metric("Articles", f"{counts['articles']:,}")
    cells[1].metric("Outlets", counts["outlets"])
    cells[2].metric("Actors named", f"{counts['actors']:,}", help=describe_actor_count(view, counts))
    cells[3].metric("Quotes", f"{counts['quotes']:,}")
    cells[4].metric("Stance statements", f"{counts['stances']:,}")
    cells[5].metric("Days covered", f"{days:,}")
    if counts["first"]:
        st.caption(f"Dated articles run from {counts['first']:%d %b %Y} to {counts['last']:%d %b %Y}.")
    if counts["unregistered"]:
        st.caption(f"Actors named: {counts['registered']:,} of the registry and {counts['unregistered']:,} names "
                   "the analysis found outside it, people and organisations the registry may lack. Every page "
                   "counts both unless the sidebar's \"Only actors of the registry\" is ticked; the Data page's "
                   "registry editor adds them to the registry.")
    if view.results.summary:
        with st.expander("Ingest and analysis summary"):
            st.text(view.results.summary)


def describe_actor_count(view: View, counts: dict) -> str:
    """Say what the "Actors named" number counts, as the sidebar's registry filter has it."""
    if view.selection.registry_only:
        return "Distinct actors of the registry mentioned in the selection (the sidebar leaves out other names)."
    return (f"Distinct actors mentioned in the selection, as the other pages count them: {counts['registered']:,} "
            f"of the registry and {counts['unregistered']:,} names found outside it.")


def draw_articles_per_day(view: View) -> export.ChartItem | None:
    """Draw articles per day, week or month (the sidebar's granularity) by outlet; return the chart for the view
    export."""
    grain = view.selection.granularity
    period = GRANULARITIES[grain]
    st.subheader(f"Articles per {period} by outlet")
    data = summaries.count_articles_by_period(view.selected["articles"], freq=grain, include_duplicates=True)
    if data.empty:
        show_empty("dated articles", view=view, table="articles", dated=True)
        return None
    item = export.ChartItem(f"articles_per_{period}", f"Articles per {period} by outlet",
                            charts.make_articles_per_day(data, period_label=period, colours=view.outlet_colours()),
                            data)
    draw_chart(item, key=f"{KEY}_per_day")
    return item


def draw_top_actors(view: View) -> export.ChartItem | None:
    """Draw the most mentioned actors; return the chart for the view export."""
    st.subheader("Top actors")
    data = frames.count_actor_frequencies(view.selected["mentions"], view.selected["articles"])
    if data.empty:
        show_empty("actor mentions", view=view, table="mentions")
        return None
    item = export.ChartItem("top_actors", "Top actors", charts.make_top_actors(data), data)
    draw_chart(item, key=f"{KEY}_top_actors")
    return item
