"""Articles page: read one article with its actors and quotes highlighted."""

import streamlit as st

from dashboard.sections import articles
from dashboard.view import load_view

st.title("Articles")
view = load_view()
if view is not None:
    article_id = articles.draw_picker(view)
    if article_id is not None:
        articles.draw_article(view, article_id)
