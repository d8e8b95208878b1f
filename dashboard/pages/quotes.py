"""Quotes page: who says what, searchable."""

import streamlit as st

from dashboard.sections import quotes
from dashboard.sections.common import draw_view_downloads
from dashboard.view import load_view

st.title("Quotes")
view = load_view()
if view is not None:
    found = quotes.draw_search(view)
    if found is not None:
        items = [quotes.draw_speakers(found)]
        draw_view_downloads(view, items, page="quotes", tables=[quotes.draw_table(view, found)])
