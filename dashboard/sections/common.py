"""Panels every page uses: a chart with its downloads, and the "download this view" zip and report."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Sequence

import streamlit as st

from dashboard import cache, charts, export
from dashboard.frames import count_corpus
from dashboard.view import View


def draw_chart(item: export.ChartItem, *, key: str, on_select: Callable[[], None] | None = None) -> None:
    """Draw a chart and a Download popover (PNG/SVG/PDF, HTML, CSV).

    With on_select, clicking a point reruns the app after calling on_select(); the chart's selection is then
    in st.session_state[f"{key}_chart"]. Every file is produced only when its button is clicked (deferred
    downloads), so reruns stay fast.
    """
    config = {"displaylogo": False}
    # The section's subheader already names the chart on screen; exported files keep the figure's own title.
    shown = item.figure.to_plotly_json()
    shown["layout"] = charts.drop_title(shown["layout"])
    if on_select is None:
        st.plotly_chart(shown, key=f"{key}_chart", config=config)
    else:
        st.plotly_chart(shown, key=f"{key}_chart", on_select=on_select, selection_mode="points", config=config)
    draw_chart_downloads(item, key=key)


def clicked_point(chart_key: str) -> dict | None:
    """The first point the reader clicked on a chart drawn with on_select (`draw_chart`), None when there is none;
    its x and y unescaped: the chart draws names with their markup escaped (charts.escape_markup), and unescaped
    they match the names of the tables."""
    points = st.session_state[chart_key].selection.points
    if not points:
        return None
    point = points[0]
    return {**point, "x": html.unescape(str(point.get("x", ""))), "y": html.unescape(str(point.get("y", "")))}


def draw_chart_downloads(item: export.ChartItem, *, key: str) -> None:
    """Draw the Download popover of one chart."""
    # Only look for a browser here; the export browser itself starts on the first static download.
    static_ok = export.find_browser_path() is not None
    with st.popover("Download", icon=":material/download:", key=f"{key}_downloads"):
        for fmt in export.STATIC_FORMATS:
            st.download_button(fmt.upper(), data=functools.partial(cache.render_figure, item.figure, fmt),
                               file_name=f"{item.name}.{fmt}", mime=export.MIME_TYPES[fmt], key=f"{key}_{fmt}",
                               on_click="ignore", disabled=not static_ok)
        if not static_ok:
            st.caption(export.explain_missing_browser())
        st.download_button("Interactive HTML", data=functools.partial(export.write_figure_html, item.figure),
                           file_name=f"{item.name}.html", mime=export.MIME_TYPES["html"], key=f"{key}_html",
                           on_click="ignore")
        st.download_button("Data (CSV)", data=functools.partial(export.write_csv, item.data),
                           file_name=f"{item.name}.csv", mime=export.MIME_TYPES["csv"], key=f"{key}_csv",
                           on_click="ignore")


def draw_view_downloads(view: View, items: Sequence[export.ChartItem | None], *, page: str,
                        tables: Sequence[export.TableItem | None] = ()) -> None:
    """Draw the page footer: every chart and its data, and the tables behind them (the evidence), as one zip and
    as a standalone HTML report of the selection."""
    items = [item for item in items if item is not None]  # sections return None when they had nothing to show
    tables = tuple(table for table in tables if table is not None)
    if not items and not tables:
        return
    st.divider()
    render = cache.render_figure if export.find_browser_path() is not None else None
    notes = f"ActorLens export of the {page} page.\nCorpus: {view.choice.label}\nSelection: {view.describe()}\n"
    left, right = st.columns(2)
    left.download_button("Download this view (zip)", key=f"{page}_view_zip", on_click="ignore",
                         data=functools.partial(export.build_view_zip, tuple(items), render=render, notes=notes,
                                                tables=tables),
                         file_name=f"actorlens_{page}.zip", mime=export.MIME_TYPES["zip"], icon=":material/folder_zip:")
    counts = {"Corpus": view.choice.label,
              **{COUNT_LABELS.get(key, key): value for key, value in count_corpus(view.selected).items()}}
    right.download_button("HTML report of this selection", key=f"{page}_report", on_click="ignore",
                          data=functools.partial(export.build_report, tuple(items), title=f"ActorLens — {page}",
                                                 description=view.describe(), counts=counts, tables=tables),
                          file_name=f"actorlens_{page}_report.html", mime=export.MIME_TYPES["html"],
                          icon=":material/description:")


# The report's names for count_corpus's numbers, as the Overview page words them.
COUNT_LABELS = {"articles": "Articles", "outlets": "Outlets", "first": "First date", "last": "Last date",
                "actors": "Actors named", "registered": "… of the registry", "unregistered": "… names outside it",
                "quotes": "Quotes", "stances": "Stance statements"}
