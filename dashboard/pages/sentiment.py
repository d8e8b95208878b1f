"""Sentiment page: how coverage of each actor feels, and how each actor sounds."""

import streamlit as st

from dashboard.sections import sentiment
from dashboard.sections.common import draw_view_downloads
from dashboard.view import load_view

st.title("Sentiment")
view = load_view()
if view is not None:
    sentiment.draw_engine_note(view)
    by_actor, data = sentiment.draw_by_actor(view)
    by_outlet = sentiment.summarize_by_outlet(view)
    evidence = sentiment.draw_evidence(view, data, by_outlet)
    items = [by_actor, sentiment.draw_over_time(view), sentiment.draw_by_outlet(view, by_outlet)]
    draw_view_downloads(view, items, page="sentiment", tables=[evidence])
