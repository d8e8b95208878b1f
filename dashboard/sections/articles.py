"""Articles page panels: pick one article, read it with mentions and quotes highlighted, see its tables."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from dashboard import frames, highlight
from dashboard.view import View, show_empty

KEY = "art"
TABLE_NAMES = ("mentions", "quotes", "stances", "relations", "sentences")


def label_articles(articles: pd.DataFrame) -> dict[str, str]:
    """Return article_id -> "date · outlet · title" for the picker."""
    dates = articles["published"].dt.strftime("%Y-%m-%d").fillna("undated")
    labels = dates + " · " + articles["source"].fillna("") + " · " + articles["title"].fillna("")
    return dict(zip(articles["article_id"], labels, strict=True))


def draw_picker(view: View) -> str | None:
    """Draw the article picker; return the chosen article id (None when no article is selected)."""
    articles = view.selected["articles"].sort_values("published", na_position="last")
    if articles.empty:
        show_empty("articles", view=view, table="articles")
        return None
    labels = label_articles(articles)
    return st.selectbox(f"Article ({len(labels):,} in the selection)", list(labels), format_func=labels.get,
                        key=f"{KEY}_article", bind="query-params")


def select_article_rows(view: View, name: str, article_id: str) -> pd.DataFrame:
    """Return the rows of one corpus table (every actor, not just the chosen ones) for one article."""
    frame = view.results.tables()[name]
    return frame[frame["article_id"] == article_id].reset_index(drop=True)


def draw_article(view: View, article_id: str) -> None:
    """Draw the article text (escaped, highlighted) beside its tables."""
    article = view.results.articles.set_index("article_id").loc[article_id]
    reading, tables = st.columns([3, 2])
    with reading:
        st.subheader(highlight.escape_markdown(article["title"]) or "(untitled)", anchor=False)
        date = f"{article['published']:%Y-%m-%d}" if pd.notna(article["published"]) else "undated"
        st.caption(f"{highlight.escape_markdown(article['source'])} · {date} · {article['n_words']:,} words")
        if str(article["url"]).lower().startswith(frames.WEB_SCHEMES):
            st.link_button("Open original", article["url"], icon=":material/open_in_new:")
        st.html(highlight.highlight_article(article["text"], select_article_rows(view, "mentions", article_id),
                                            select_article_rows(view, "quotes", article_id)))
    with tables:
        st.caption("Highlighted: actor mentions (yellow), quotes (blue). Tables below cover every actor.")
        for tab, name in zip(st.tabs([name.capitalize() for name in TABLE_NAMES]), TABLE_NAMES, strict=True):
            rows = select_article_rows(view, name, article_id).drop(columns=["article_id"])
            tab.dataframe(rows, hide_index=True, key=f"{KEY}_{name}", column_config=label_columns(name, rows.columns))


def label_columns(table: str, columns: Iterable[str]) -> dict[str, object]:
    """Return readable headers for the columns of one table (shown only: the data keeps the schema's names)."""
    labels = {**COLUMN_LABELS, "text": TEXT_LABELS.get(table, "Text")}
    return {column: labels[column] for column in columns if column in labels}


COLUMN_LABELS: dict[str, object] = {
    "sentence_id": "Sentence no.", "start": "Start", "end": "End", "actor_id": "Actor id", "actor": "Actor",
    "actor_type": "Actor type", "surface": "As written", "method": "Found by", "registered": "In registry",
    "quote_id": "Quote no.", "speaker_id": "Speaker id", "speaker": "Speaker", "kind": "Kind", "cue": "Cue",
    "target_id": "Target id", "target": "Target", "stance": "Stance", "relation": "Relation",
    "source_actor_id": "From (id)", "source_actor": "From", "target_actor_id": "To (id)", "target_actor": "To",
    "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f"),
    "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f"),
    "confidence": st.column_config.NumberColumn("Confidence", format="%.2f"),
    "evidence": st.column_config.TextColumn("Evidence", width="large"),
}
TEXT_LABELS = {"sentences": "Sentence", "quotes": "Quote"}  # what `text` holds in each table
