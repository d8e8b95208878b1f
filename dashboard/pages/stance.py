"""Stance page: who stands for or against what, with the sentences that say so."""

import streamlit as st

from dashboard.sections import stance
from dashboard.sections.common import draw_view_downloads
from dashboard.view import load_view

st.title("Stance")
view = load_view()
if view is not None:
    heatmap, matrix = stance.draw_heatmap(view)
    stance.draw_evidence(view, matrix)
    items = [heatmap, stance.draw_bars(view, matrix), stance.draw_over_time(view)]
    draw_view_downloads(view, items, page="stance", tables=[stance.collect_grid_evidence(view, matrix)])
