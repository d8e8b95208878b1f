"""Sentiment page panels: toward each actor vs of its own quotes, the scored sentences behind them, over time,
by outlet."""

from __future__ import annotations

import functools
import re

import pandas as pd
import streamlit as st

from analysis.selection import GRANULARITIES
from dashboard import cache, charts, export, frames, highlight
from dashboard.sections.common import clicked_point, draw_chart
from dashboard.view import View, show_empty

KEY = "sen"
ACTOR_KEY, MEASURE_KEY, ORDER_KEY = f"{KEY}_evidence_actor", f"{KEY}_evidence_measure", f"{KEY}_evidence_order"
OUTLET_KEY = f"{KEY}_evidence_outlet"  # the evidence's outlet; a click on the outlet grid sets it
ALL_OUTLETS = ""  # the outlet choice that keeps every outlet
OUTLET_ACTORS = 15  # actors in the outlet grid, the most mentioned first
SHOWN_ROWS = 100  # evidence rows drawn as a list; the table and the download hold them all


def draw_engine_note(view: View) -> None:
    """Say which engine scored the sentiment and how to read the numbers."""
    engine = cache.read_sentiment_engine(view.results_dir, view.content_hash)
    st.caption(f"Sentiment engine: **{engine}**. Polarity runs from −1 (negative) to +1 (positive); axes zoom to "
               f"the data. Sentiment toward an actor scores the words around each mention, moved by 0.5 where the "
               f"actor is accused, criticised or praised, or denies or fails. Whiskers are 95 % intervals of the "
               f"mean; hollow markers and uncoloured cells flag means over fewer than {frames.SMALL_N} values, "
               f"which say little.")


def draw_by_actor(view: View) -> tuple[export.ChartItem | None, pd.DataFrame]:
    """Draw per actor the mean sentiment toward it and of its own quotes, with n and 95 % interval (points
    clickable); return the chart and its data."""
    st.subheader("Toward each actor and in its own words")
    st.caption("Left: how the coverage around an actor's mentions sounds. Right: how the actor's own quoted words "
               "sound. The two are kept apart: being criticised is not the same as criticising. Click a point to "
               "list the sentences behind it below.")
    limit = st.slider("Actors shown (most mentioned first)", 3, 40, 12, key=f"{KEY}_limit")
    mentions = view.selected["mentions"]
    top = mentions["actor_id"].value_counts().head(limit).index
    quotes = view.selected["quotes"]
    data = frames.summarize_sentiment_by_actor(mentions[mentions["actor_id"].isin(top)],
                                               quotes[quotes["speaker_id"].isin(top)], view.selected["articles"])
    data = frames.sort_by_actor_order(data, list(top))
    if data.empty:
        show_empty("scored mentions or quotes", view=view, table="mentions")
        return None, data
    item = export.ChartItem("sentiment_by_actor", "Sentiment by actor", charts.make_sentiment_by_actor(data), data)
    measures = {index: trace.name for index, trace in enumerate(item.figure.data)
                if trace.name in frames.SENTIMENT_MEASURES}
    actors = dict(zip(data["actor"], data["actor_id"], strict=True))
    draw_chart(item, key=f"{KEY}_by_actor",
               on_select=functools.partial(remember_clicked_point, f"{KEY}_by_actor_chart", actors, measures))
    return item, data


def remember_clicked_point(chart_key: str, actors: dict[str, str], measures: dict[int, str]) -> None:
    """Callback: point the evidence below at the actor and measure of the point the reader clicked."""
    point = clicked_point(chart_key)
    if point is None:
        return
    actor_id, measure = actors.get(point["y"]), measures.get(point.get("curve_number"))
    if actor_id is not None and measure is not None:
        st.session_state[ACTOR_KEY], st.session_state[MEASURE_KEY] = actor_id, measure


def summarize_by_outlet(view: View) -> pd.DataFrame:
    """Return mean sentiment toward the OUTLET_ACTORS most mentioned actors in each outlet (frames.
    summarize_sentiment_by_outlet): the outlet grid, and its actors and outlets for the evidence choice."""
    mentions = view.selected["mentions"]
    top = mentions["actor_id"].value_counts().head(OUTLET_ACTORS).index
    return frames.summarize_sentiment_by_outlet(mentions[mentions["actor_id"].isin(top)], view.selected["articles"])


def draw_evidence(view: View, data: pd.DataFrame, by_outlet: pd.DataFrame) -> export.TableItem | None:
    """List the scored mentions (toward the actor) or quotes (its own words) behind one point of the chart above
    or one cell of the outlet grid below, most extreme first, with a download; return the list for the view's
    downloads."""
    if data.empty:
        return None
    st.subheader("The sentences behind the numbers")
    names = dict(zip(data["actor_id"], data["actor"], strict=True))
    names.update({key: name for key, name in zip(by_outlet["actor_id"], by_outlet["actor"], strict=True)
                  if key not in names})
    outlets = sorted(view.selected["articles"]["source"].dropna().unique())
    actor_id, measure, order, outlet = draw_evidence_choice(names, outlets)
    evidence = list_evidence(view, actor_id=actor_id, measure=measure)
    if outlet != ALL_OUTLETS:
        evidence = evidence[evidence["source"] == outlet]
    evidence = frames.order_by_polarity(evidence, order=order)
    what = "mentions" if measure == "toward actor" else "quotes"
    shown_name = highlight.escape_markdown(names[actor_id])  # names outside the registry come from article text
    where = f" in {highlight.escape_markdown(outlet)}" if outlet != ALL_OUTLETS else ""
    if evidence.empty:
        st.info(f"{shown_name} has no scored {what}{where} in this selection.", icon="🔎")
        return None
    st.caption(f"{len(evidence):,} scored {what} of {shown_name}{where}, mean {evidence['polarity'].mean():+.2f}, "
               f"as in the charts. {EVIDENCE_NOTES[measure]}")
    # a file name without the colon of "unregistered:…", which a zip member on Windows cannot hold
    safe_id = re.sub(r"[^\w-]+", "_", actor_id if outlet == ALL_OUTLETS else f"{actor_id}_in_{outlet}")
    name = f"sentiment_{'toward' if measure == 'toward actor' else 'of'}_{safe_id}"
    shown = evidence.drop(columns=[column for column in EVIDENCE_MARKS if column in evidence.columns])
    table = export.TableItem(name, f"Scored {what} of {names[actor_id]}", shown)
    draw_evidence_list(evidence, table)
    return table


EVIDENCE_NOTES = {
    "toward actor": "Each mention is scored on the words around it (its clause), and the mention is marked; an "
                    "actor named twice in a sentence is listed twice, as it counts twice in the mean.",
    "own quotes": "Each quote is scored on its own words, which are underlined; where the sentence names the "
                  "speaker, the name is marked.",
}


def draw_evidence_choice(names: dict[str, str], outlets: list[str]) -> tuple[str, str, str, str]:
    """Draw the actor, measure, outlet and order of the evidence list (a click on the chart sets the first two, a
    click on the outlet grid the actor, "toward actor" and the outlet); return (actor_id, measure, order,
    outlet), the outlet ALL_OUTLETS for every one."""
    if st.session_state.get(ACTOR_KEY) not in names:
        st.session_state.pop(ACTOR_KEY, None)  # the actor left the chart: start from its first actor again
    if st.session_state.get(OUTLET_KEY, ALL_OUTLETS) not in (ALL_OUTLETS, *outlets):
        st.session_state.pop(OUTLET_KEY, None)  # the outlet left the selection: every outlet again
    left, middle, outlet_column, right = st.columns([2, 3, 2, 2])
    actor_id = left.selectbox("Actor", list(names), format_func=names.get, key=ACTOR_KEY)
    measure = middle.radio("Sentiment", list(frames.SENTIMENT_MEASURES), format_func=frames.SENTIMENT_MEASURES.get,
                           horizontal=True, key=MEASURE_KEY)
    outlet = outlet_column.selectbox("Outlet", [ALL_OUTLETS, *outlets], key=OUTLET_KEY,
                                     format_func=lambda value: value or "All outlets")
    order = right.selectbox("Order", list(frames.POLARITY_ORDERS), format_func=frames.POLARITY_ORDERS.get,
                            key=ORDER_KEY)
    return actor_id, measure, order, outlet


EVIDENCE_MARKS = ["marks", "quote_span"]  # offsets inside the sentence, for marking on screen only


def list_evidence(view: View, *, actor_id: str, measure: str) -> pd.DataFrame:
    """Return the scored mentions of the actor (toward it) or its scored quotes (its own words) in the selection."""
    tables = view.selected
    if measure == "toward actor":
        return frames.list_sentiment_toward(tables["mentions"], tables["sentences"], tables["articles"],
                                            actor_id=actor_id)
    return frames.list_sentiment_of(tables["quotes"], tables["mentions"], tables["sentences"], tables["articles"],
                                    actor_id=actor_id)


def draw_evidence_list(evidence: pd.DataFrame, table: export.TableItem) -> None:
    """Draw the first SHOWN_ROWS rows as the marked-up list, all rows as a table, and the download."""
    with st.container(height=min(480, 90 + 64 * min(len(evidence), SHOWN_ROWS)), key=f"{KEY}_evidence_list"):
        st.html(highlight.render_sentiment_evidence(evidence.head(SHOWN_ROWS)))
    if len(evidence) > SHOWN_ROWS:
        st.caption(f"The list shows the first {SHOWN_ROWS} of {len(evidence):,}; the table and the download hold "
                   "them all.")
    with st.expander("As a table"):
        st.dataframe(table.data, hide_index=True, key=f"{KEY}_evidence", column_config=EVIDENCE_COLUMNS)
    st.download_button("Download this list (CSV)", data=functools.partial(export.write_csv, table.data),
                       file_name=f"{table.name}.csv", mime=export.MIME_TYPES["csv"], key=f"{KEY}_evidence_csv",
                       on_click="ignore", icon=":material/download:")


EVIDENCE_COLUMNS = {
    "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f"),
    "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f"),
    "published": st.column_config.DatetimeColumn("Date", format="YYYY-MM-DD"), "source": "Outlet",
    "title": "Title", "url": st.column_config.LinkColumn("Article"), "actor": "Actor", "surface": "As written",
    "method": "Found by", "speaker": "Speaker", "quote": st.column_config.TextColumn("Quote", width="large"),
    "kind": "Kind", "cue": "Cue", "sentence": st.column_config.TextColumn("Sentence", width="large"),
    "article_id": None, "sentence_id": None, "start": None, "end": None,
}


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


def draw_by_outlet(view: View, data: pd.DataFrame) -> export.ChartItem | None:
    """Draw mean sentiment toward each actor in each outlet (`summarize_by_outlet`), cells clickable."""
    st.subheader("Sentiment toward actors by outlet")
    if data.empty:
        show_empty("scored mentions", view=view, table="mentions")
        return None
    st.caption("Click a cell to list its sentences under “The sentences behind the numbers” above.")
    item = export.ChartItem("sentiment_by_outlet", "Sentiment by outlet", charts.make_sentiment_by_outlet(data), data)
    actors = dict(zip(data["actor"], data["actor_id"], strict=True))
    draw_chart(item, key=f"{KEY}_by_outlet", on_select=functools.partial(
        remember_clicked_cell, f"{KEY}_by_outlet_chart", actors, frozenset(data["source"])))
    return item


def remember_clicked_cell(chart_key: str, actors: dict[str, str], outlets: frozenset[str]) -> None:
    """Callback: point the evidence at the actor and outlet of the grid cell the reader clicked, toward the actor."""
    point = clicked_point(chart_key)
    if point is None:
        return
    actor_id, outlet = actors.get(point["y"]), point["x"]
    if actor_id is not None and outlet in outlets:
        st.session_state[ACTOR_KEY], st.session_state[OUTLET_KEY] = actor_id, outlet
        st.session_state[MEASURE_KEY] = "toward actor"
