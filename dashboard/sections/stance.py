"""Stance page panels: actor x target net stance with clickable evidence, stacked counts, stance over time."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from analysis.selection import GRANULARITIES
from dashboard import charts, export, frames, highlight
from dashboard.sections.common import clicked_point, draw_chart
from dashboard.view import View, show_empty

KEY = "stc"
CELL_KEY = f"{KEY}_cell"  # the evidence select box; a click on the heatmap sets it
LIMIT_KEY, LIMIT_CHOICE_KEY = f"{KEY}_limit", f"{KEY}_limit_choice"
STANCES_KEY = f"{KEY}_stances"  # which stances the evidence list shows
DEFAULT_LIMIT = 15  # actors in the stance grid until the reader picks another number


def label_cells(matrix: pd.DataFrame) -> pd.Series:
    """Return the "actor → target" label of every cell of the stance matrix."""
    return matrix["actor"] + " → " + matrix["target"]


def remember_clicked_cell(chart_key: str, labels: tuple[str, ...]) -> None:
    """Callback: point the evidence select box at the heatmap cell the reader clicked."""
    point = clicked_point(chart_key)
    label = f"{point['y']} → {point['x']}" if point is not None else ""
    if label in labels:
        st.session_state[CELL_KEY] = label


def draw_actor_limit(actors: int) -> int:
    """Draw the "actors shown" slider and return its value: the reader's last pick, else 15, capped at actors.

    The pick is kept apart from the slider, whose own value a smaller selection would cap for good.
    """
    chosen = st.session_state.get(LIMIT_CHOICE_KEY, DEFAULT_LIMIT)
    st.session_state[LIMIT_KEY] = min(chosen, actors)
    return st.slider("Actors shown (most stance statements first)", 1, max(actors, 2), key=LIMIT_KEY,
                     on_change=remember_limit)


def remember_limit() -> None:
    """Callback: keep the number of actors the reader picked on the slider."""
    st.session_state[LIMIT_CHOICE_KEY] = st.session_state[LIMIT_KEY]


def draw_heatmap(view: View) -> tuple[export.ChartItem | None, pd.DataFrame]:
    """Draw the net stance grid of the actors with most statements (cells clickable); return chart and matrix."""
    st.subheader("Who stands where")
    matrix = frames.summarize_stance_matrix(view.selected["stances"], view.selected["articles"])
    if matrix.empty:
        show_empty("stance statements", view=view, table="stances")
        return None, matrix
    limit = draw_actor_limit(matrix["actor_id"].nunique())
    matrix = frames.keep_top_stance_actors(matrix, limit=limit)
    st.caption("Net stance = (support − oppose) / statements, from −1 (all oppose, red) to +1 (all support, green); "
               "each cell reads net, then support/oppose/neutral counts. Grey cells rest on fewer than "
               f"{frames.SMALL_N} statements, too few to colour. Click a cell to list its evidence below.")
    item = export.ChartItem("stance_heatmap", "Net stance by actor and target",
                            charts.make_stance_heatmap(matrix, small_n=frames.SMALL_N), matrix)
    callback = functools.partial(remember_clicked_cell, f"{KEY}_heatmap_chart", tuple(label_cells(matrix)))
    draw_chart(item, key=f"{KEY}_heatmap", on_select=callback)
    return item, matrix


def draw_evidence(view: View, matrix: pd.DataFrame) -> None:
    """List the evidence sentences of one actor-target cell, chosen by a heatmap click or the select box, of the
    stances the reader keeps: sides taken first, then the most confident, then the earliest."""
    if matrix.empty:
        return
    st.subheader("Evidence")
    cells = matrix.assign(label=label_cells(matrix)).sort_values("n", ascending=False, kind="stable")
    chosen = st.selectbox("Actor → target (most statements first)", list(cells["label"]), key=CELL_KEY)
    row = cells[cells["label"] == chosen].iloc[0]
    shown = st.segmented_control("Stances shown", list(frames.STANCE_ORDER), selection_mode="multi",
                                 default=list(frames.STANCE_ORDER), key=STANCES_KEY)
    evidence = frames.list_stance_evidence(view.selected["stances"], view.selected["articles"],
                                           actor_id=row["actor_id"], target_id=row["target_id"],
                                           mentions=view.selected["mentions"], sentences=view.selected["sentences"],
                                           quotes=view.selected["quotes"])
    evidence = frames.keep_evidence_stances(evidence, shown=shown)
    st.caption(f"{int(row['n'])} statement(s): {int(row['support'])} support, {int(row['oppose'])} oppose, "
               f"{int(row['neutral'])} neutral; {len(evidence)} shown. Support and oppose come first, then the "
               "most confident, then the earliest; a quote names its speaker in grey.")
    draw_evidence_list(evidence)


def draw_evidence_list(evidence: pd.DataFrame) -> None:
    """Draw evidence rows as the marked-up list and, in an expander, as a table."""
    if evidence.empty:
        st.info("No statement of the stances chosen above in this cell.", icon="🔎")
        return
    with st.container(height=min(420, 90 + 70 * len(evidence)), key=f"{KEY}_evidence_list"):
        st.html(highlight.render_evidence(evidence))
    with st.expander("As a table"):
        st.dataframe(evidence.drop(columns=["surfaces", "before"]), hide_index=True, key=f"{KEY}_evidence",
                     column_config=EVIDENCE_COLUMNS)


def collect_grid_evidence(view: View, matrix: pd.DataFrame) -> export.TableItem | None:
    """Return every statement behind the grid's cells, for the view's zip and report (None without a grid)."""
    if matrix.empty:
        return None
    evidence = frames.list_grid_evidence(view.selected["stances"], view.selected["articles"], matrix=matrix,
                                         sentences=view.selected["sentences"], quotes=view.selected["quotes"])
    return export.TableItem("evidence", "Evidence: every stance statement behind the grid's cells", evidence)


EVIDENCE_COLUMNS = {
    "stance": "Stance", "speaker": "Quoted speaker", "cue": "Cue", "source": "Outlet", "title": "Title",
    "evidence": st.column_config.TextColumn("Evidence", width="large"),
    "published": st.column_config.DatetimeColumn("Date", format="YYYY-MM-DD"),
    "url": st.column_config.LinkColumn("Article"),
    "confidence": st.column_config.NumberColumn("Confidence", format="%.2f"),
}


def draw_bars(view: View, matrix: pd.DataFrame) -> export.ChartItem | None:
    """Draw stacked support/oppose/neutral statement counts for the actors of the grid, one panel per target."""
    if matrix.empty:
        return None
    st.subheader("Support, opposition and neutral statements")
    item = export.ChartItem("stance_counts", "Stance statements per actor", charts.make_stance_bars(matrix), matrix)
    draw_chart(item, key=f"{KEY}_bars")
    return item


def draw_over_time(view: View) -> export.ChartItem | None:
    """Draw net stance per target per period: over all actors, or with actors chosen one line per actor and a
    panel per target, since one net over actors on opposite sides would read as nobody taking a side."""
    grain, by_actor = view.selection.granularity, bool(view.selection.actors)
    st.subheader(f"Stance per {GRANULARITIES[grain]}")
    data = frames.summarize_stance_per_period(view.selected["stances"], view.selected["articles"], granularity=grain,
                                              by_actor=by_actor)
    if data.empty:
        show_empty("dated stance statements", view=view, table="stances", dated=True)
        return None
    first, last = view.date_span()
    data = frames.add_coverage(data, first=first, last=last, granularity=grain)
    whose = ("Net stance of each chosen actor, one panel per target" if by_actor
             else "Net stance of all actors per target; choose actors in the sidebar to see each one's own line")
    st.caption(f"{whose}. A gap is a {GRANULARITIES[grain]} without statements; hollow markers rest on fewer than "
               f"{frames.SMALL_N} statements; the hover says when the data cover only part of a first or last "
               f"{GRANULARITIES[grain]}.")
    options = {"period_label": GRANULARITIES[grain], "small_n": frames.SMALL_N}
    figure = (charts.make_stance_over_time_by_actor(data, colours=view.actor_colours(), **options) if by_actor
              else charts.make_stance_over_time(data, colours=view.target_colours(), **options))
    item = export.ChartItem("stance_over_time", "Stance over time", figure, data)
    draw_chart(item, key=f"{KEY}_over_time")
    return item
