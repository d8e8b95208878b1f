"""Actors page: who is in the news, how often, when, and with whom."""

import streamlit as st

from dashboard.sections import actors
from dashboard.sections.common import draw_view_downloads
from dashboard.view import load_view

st.title("Actors")
view = load_view()
if view is not None:
    items = [actors.draw_frequencies(view), actors.draw_over_time(view), actors.draw_cooccurrence(view)]
    draw_view_downloads(view, items, page="actors")
