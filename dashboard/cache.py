"""All dashboard caching: analysed corpora and their filter options per content hash, the export browser, exports."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import summaries
from analysis.registry import read_yaml
from analysis.selection import Selection, apply_selection
from analysis.store import Results, load_results, problems_frame, read_manifest
from analysis.target_file import read_target_entries
from dashboard import corpus, export, frames, network


@dataclass(frozen=True)
class FilterOptions:
    """What the sidebar can offer for one corpus, computed once per corpus."""

    first: object  # datetime.date | None
    last: object
    actors: tuple[tuple[str, str], ...]  # (actor_id, name), most mentioned first
    outlets: tuple[str, ...]
    targets: tuple[tuple[str, str], ...]  # (target_id, name)
    max_mentions: int


@st.cache_data(show_spinner=False, max_entries=16)
def hash_corpus_once(choice: corpus.CorpusChoice, stamp: tuple[tuple[str, int, int], ...]) -> str:
    """Return the corpus's content hash; re-read the files only when a size or modification time (stamp) changes."""
    del stamp  # only part of the cache key
    return corpus.hash_corpus(choice)


@st.cache_data(show_spinner="Loading the analysed corpus…", max_entries=4)
def load_corpus_results(results_dir: str, content_hash: str) -> Results:
    """Return the stored results of a corpus; content_hash keys the cache so changed inputs reload."""
    del content_hash  # only part of the cache key
    return load_results(Path(results_dir))


@st.cache_data(show_spinner=False, max_entries=4)
def compute_filter_options(results_dir: str, content_hash: str) -> FilterOptions:
    """Return the sidebar's choices for a corpus: date span, actors by frequency, outlets, stance targets."""
    results = load_corpus_results(results_dir, content_hash)
    published = results.articles["published"].dropna()
    counts = results.mentions.groupby(["actor_id", "actor"]).size().sort_values(ascending=False)
    targets = results.stances[["target_id", "target"]].drop_duplicates().sort_values("target")
    return FilterOptions(
        first=published.min().date() if len(published) else None,
        last=published.max().date() if len(published) else None,
        actors=tuple((actor_id, name) for actor_id, name in counts.index),
        outlets=tuple(sorted(results.articles["source"].dropna().unique())),
        targets=tuple(targets.itertuples(index=False, name=None)),
        max_mentions=int(counts.max()) if len(counts) else 1,
    )


@st.cache_resource(show_spinner=False)
def get_export_browser() -> export.ExportBrowser | None:
    """Return the one export browser of this server process, or None when no Chromium is installed."""
    path = export.find_browser_path()
    return export.ExportBrowser(path) if path else None


@st.cache_data(show_spinner=False, max_entries=256)
def render_static(figure_json: str, fmt: str) -> bytes:
    """Return a figure as png/svg/pdf bytes, cached on the figure's JSON so a repeat download is instant."""
    browser = get_export_browser()
    if browser is None:
        raise RuntimeError(export.explain_missing_browser())
    try:
        return browser.render(figure_json, fmt=fmt)
    except TimeoutError:
        # A hung export would block every later one behind it: start a fresh export browser next time.
        browser.close()
        get_export_browser.clear()
        raise


def render_figure(figure: go.Figure, fmt: str) -> bytes:
    """Return a figure as png/svg/pdf bytes through the cached renderer."""
    return render_static(figure.to_json(), fmt)


@st.cache_data(show_spinner=False, max_entries=8)
def build_tables_zip(results_dir: str, content_hash: str) -> bytes:
    """Return every table of the corpus, and the skipped files and rows, as CSV and Parquet in one zip, with the
    run's manifest."""
    results = load_corpus_results(results_dir, content_hash)
    tables = {**results.tables(), "problems": problems_frame(results.problems)}
    return export.build_tables_zip(tables, manifest=read_manifest(Path(results_dir)))


@st.cache_data(show_spinner=False, max_entries=8)
def read_run_manifest(results_dir: str, content_hash: str) -> dict:
    """Return the manifest of the results' run ({} if there is none or it cannot be read)."""
    del content_hash  # only part of the cache key
    return read_manifest(Path(results_dir)) or {}


def read_sentiment_engine(results_dir: str, content_hash: str) -> str:
    """Return the sentiment engine recorded in the results' manifest ("unknown" if not recorded)."""
    return str(read_run_manifest(results_dir, content_hash).get("settings", {}).get("sentiment", "unknown"))


@st.cache_data(show_spinner=False, max_entries=64)
def count_cooccurrence(results_dir: str, content_hash: str, selection: Selection, level: str) -> pd.DataFrame:
    """Return actor pairs and how often they share an article or sentence in the selection, ignoring its actors.

    Cached per selection: choosing actors (the commonest change) then only filters these pairs.
    """
    results = load_corpus_results(results_dir, content_hash)
    context = apply_selection(results.tables(), replace(selection, actors=()))
    return summaries.count_cooccurrence(context["mentions"], context["articles"], level=level, include_duplicates=True)


@st.cache_data(show_spinner=False, max_entries=8)
def read_registry_data(path: str, modified: float) -> dict:
    """Return the parsed actor registry YAML; `modified` (the file's mtime) keys the cache so edits reload."""
    del modified  # only part of the cache key
    return read_yaml(Path(path))


@st.cache_data(show_spinner=False, max_entries=8)
def read_registry_table(path: str, modified: float) -> pd.DataFrame:
    """Return the actors of a registry file (id, name, type, aliases, metonyms); `modified` keys the cache."""
    return frames.describe_registry(read_registry_data(path, modified))


@st.cache_data(show_spinner=False, max_entries=8)
def read_target_table(path: str, modified: float) -> pd.DataFrame:
    """Return the targets of a stance targets file (id, label, keywords); `modified` keys the cache."""
    del modified  # only part of the cache key
    return frames.describe_targets(read_target_entries(Path(path)))


@st.cache_data(show_spinner=False, max_entries=8)
def read_target_labels(path: str, modified: float) -> list[str]:
    """Return the labels of a stance targets file, in file order; `modified` (the file's mtime) keys the cache."""
    del modified  # only part of the cache key
    return [entry["label"] for _, entry in read_target_entries(Path(path))]


@st.cache_data(show_spinner=False, max_entries=32)
def lay_out_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the seeded spring layout of the actor network (cached: the same ties give the same picture)."""
    return network.lay_out_network(nodes, edges)
