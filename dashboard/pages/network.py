"""Network page: which actors are tied by what they say about each other and by appearing together."""

import streamlit as st

from dashboard.sections import network
from dashboard.sections.common import draw_view_downloads
from dashboard.view import load_view

st.title("Network")
view = load_view()
if view is not None:
    item, nodes, edges = network.draw_network(view)
    network.draw_gephi_downloads(nodes, edges)
    draw_view_downloads(view, [item], page="network")
