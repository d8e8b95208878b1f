"""Quotes page panels: the quote search, quotes per speaker and the quote table, both following the search."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.schema import QUOTE_KINDS
from dashboard import charts, export, frames
from dashboard.sections.common import draw_chart
from dashboard.view import View, show_empty

KEY = "quo"


def draw_search(view: View) -> pd.DataFrame | None:
    """Draw the quote search box and kinds; return the selection's quotes they keep, or None after saying why
    none are left."""
    left, right = st.columns([2, 1])
    search = left.text_input("Search quotes", key=f"{KEY}_search", placeholder="words in the quote or speaker")
    kinds = right.multiselect("Kinds", list(QUOTE_KINDS), key=f"{KEY}_kinds", placeholder="All kinds")
    quotes = view.selected["quotes"]
    found = frames.filter_quotes(quotes, search=search, kinds=kinds)
    if found.empty and (search or kinds) and not quotes.empty:
        st.info(no_match_message(len(quotes), searched=bool(search), kinds=bool(kinds)), icon="🔎")
        return None
    if found.empty:
        show_empty("quotes", view=view, table="quotes")
        return None
    if search or kinds:
        st.caption(f"{len(found):,} of the selection's {len(quotes):,} quotes match; the chart and the table below "
                   "show only these.")
    return found


def draw_speakers(quotes: pd.DataFrame) -> export.ChartItem | None:
    """Draw quotes per speaker, stacked by kind; quotes without a speaker are counted in a note."""
    st.subheader("Who is quoted")
    data = frames.count_quotes_by_speaker(quotes)
    unattributed = int(frames.is_unattributed(quotes).sum())
    if unattributed:
        st.caption(f"{unattributed:,} of the {len(quotes):,} quotes have no speaker the analysis could find; they "
                   f"are left out of the chart and listed as {frames.UNATTRIBUTED} in the table.")
    if data.empty:
        return None
    item = export.ChartItem("quotes_by_speaker", "Quotes per speaker", charts.make_quotes_by_speaker(data), data)
    draw_chart(item, key=f"{KEY}_speakers")
    return item


def draw_table(view: View, quotes: pd.DataFrame) -> export.TableItem:
    """Draw the quote table with speaker, the whole quote, cue, kind, sentence, date, outlet, article link and
    sentiment, and its download; return it for the view's downloads."""
    st.subheader("Quotes")
    table = frames.build_quote_table(quotes, view.selected["articles"], view.selected["sentences"])
    st.caption(f"{len(table):,} quotes. Polarity runs from -1 (negative) to +1 (positive). The download holds "
               "every quote's whole text and sentence.")
    st.dataframe(table, hide_index=True, key=f"{KEY}_table", column_config=QUOTE_COLUMNS)
    st.download_button("Download these quotes (CSV)", data=export.write_csv(table), file_name="quotes.csv",
                       mime=export.MIME_TYPES["csv"], key=f"{KEY}_table_csv", on_click="ignore")
    return export.TableItem("quotes", "The quotes listed", table)


QUOTE_COLUMNS = {
    "speaker": "Speaker", "text": st.column_config.TextColumn("Quote", width="large"), "cue": "Cue", "kind": "Kind",
    "sentence": st.column_config.TextColumn("Sentence", width="large"),
    "published": st.column_config.DatetimeColumn("Date", format="YYYY-MM-DD"), "source": "Outlet",
    "title": "Headline", "url": st.column_config.LinkColumn("Article"),
    "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f"), "article_id": None, "quote_id": None,
}


def no_match_message(total: int, *, searched: bool, kinds: bool) -> str:
    """Why no quote is left when the selection has quotes: this page's own search box or kinds."""
    boxes = " and ".join(
        name for name, used in (("the search words", searched), ("the kinds", kinds)) if used
    )
    return f"None of the {total:,} quotes of this selection match {boxes} above. Change or clear {boxes}."
