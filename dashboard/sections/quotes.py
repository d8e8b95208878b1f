"""Quotes page panels: quotes per speaker and the searchable quote table."""

from __future__ import annotations

import streamlit as st

from analysis.schema import QUOTE_KINDS
from dashboard import charts, export, frames
from dashboard.sections.common import draw_chart
from dashboard.view import View, show_empty

KEY = "quo"


def draw_speakers(view: View) -> export.ChartItem | None:
    """Draw quotes per speaker, stacked by kind."""
    st.subheader("Who is quoted")
    data = frames.count_quotes_by_speaker(view.selected["quotes"])
    if data.empty:
        show_empty("quotes", view=view, table="quotes")
        return None
    item = export.ChartItem("quotes_by_speaker", "Quotes per speaker", charts.make_quotes_by_speaker(data), data)
    draw_chart(item, key=f"{KEY}_speakers")
    return item


def draw_table(view: View) -> None:
    """Draw the searchable quote table with speaker, text, kind, date, outlet, article link and sentiment."""
    st.subheader("Quotes")
    left, right = st.columns([2, 1])
    search = left.text_input("Search quotes", key=f"{KEY}_search", placeholder="words in the quote or speaker")
    kinds = right.multiselect("Kinds", list(QUOTE_KINDS), key=f"{KEY}_kinds", placeholder="All kinds")
    quotes = view.selected["quotes"]
    if kinds:
        quotes = quotes[quotes["kind"].isin(kinds)]
    table = frames.build_quote_table(quotes, view.selected["articles"], search=search)
    if table.empty and (search or kinds) and not view.selected["quotes"].empty:
        st.info(no_match_message(len(view.selected["quotes"]), searched=bool(search), kinds=bool(kinds)), icon="🔎")
        return
    if table.empty:
        show_empty("quotes", view=view, table="quotes")
        return
    st.caption(f"{len(table):,} quotes. Polarity runs from -1 (negative) to +1 (positive).")
    st.dataframe(table, hide_index=True, key=f"{KEY}_table", column_config={
        "speaker": "Speaker", "kind": "Kind", "title": "Headline", "article_id": None,
        "text": st.column_config.TextColumn("Quote", width="large"),
        "published": st.column_config.DatetimeColumn("Date", format="YYYY-MM-DD"),
        "source": "Outlet", "url": st.column_config.LinkColumn("Article"),
        "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f")})
    st.download_button("Download these quotes (CSV)", data=export.write_csv(table), file_name="quotes.csv",
                       mime=export.MIME_TYPES["csv"], key=f"{KEY}_table_csv", on_click="ignore")


def no_match_message(total: int, *, searched: bool, kinds: bool) -> str:
    """Why the quote table is empty when the selection has quotes: this page's own search box or kinds."""
    boxes = " and ".join(
        name for name, used in (("the search words", searched), ("the kinds", kinds)) if used
    )
    return f"None of the {total:,} quotes of this selection match {boxes} above. Change or clear {boxes}."
