"""Overview page: the selected corpus at a glance."""

import streamlit as st

from dashboard.sections import overview
from dashboard.sections.common import draw_view_downloads
from dashboard.view import load_view

st.title("Overview")
view = load_view()
if view is not None:
    overview.draw_counts(view)
    items = [overview.draw_articles_per_day(view), overview.draw_top_actors(view)]
    draw_view_downloads(view, items, page="overview")
