"""ActorLens dashboard entry point: page setup and the table of contents; every page lives in dashboard/pages/."""

from pathlib import Path

import streamlit as st

from dashboard.view import draw_sidebar

PAGES = Path(__file__).resolve().parent / "dashboard" / "pages"

st.set_page_config(page_title="ActorLens", page_icon=":material/newspaper:", layout="wide")
navigation = st.navigation([
    st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page(PAGES / "actors.py", title="Actors", icon=":material/groups:"),
    st.Page(PAGES / "sentiment.py", title="Sentiment", icon=":material/mood:"),
    st.Page(PAGES / "stance.py", title="Stance", icon=":material/balance:"),
    st.Page(PAGES / "quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page(PAGES / "network.py", title="Network", icon=":material/hub:"),
    st.Page(PAGES / "articles.py", title="Articles", icon=":material/article:"),
    st.Page(PAGES / "data.py", title="Data", icon=":material/database:"),
])
# The filters are drawn here, not by each page: Streamlit keeps a widget's value and its URL parameter across
# page switches only for widgets the entry script draws.
draw_sidebar()
navigation.run()
