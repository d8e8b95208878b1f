"""Data page: choose and analyse a corpus, check what was read, edit the actor registry, use own stance targets,
download tables."""

import streamlit as st

from dashboard.sections import data
from dashboard.view import load_view

st.title("Data")
data.draw_corpus_picker()
view = load_view()
if view is not None:
    data.draw_ingest_summary(view)
    data.draw_registry_editor(view)
    data.draw_targets_panel(view)
    data.draw_table_downloads(view)
