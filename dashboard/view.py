"""What every page starts with: the active corpus (analysed once, cached), the sidebar Selection and the slice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from analysis.selection import Selection, apply_selection, describe_selection
from analysis.store import Results
from dashboard import cache, charts, corpus
from dashboard.filters import draw_filters, read_selection, reset_filters

CORPUS_KEY = "dat_corpus"  # session_state: the reader's CorpusChoice (a UI choice, not a result)
URL_PROBLEM_KEY = "dat_url_problem"  # session_state: why the corpus a copied address names could not be opened
RESET_KEY = "dat_reset_filters"  # session_state: the corpus changed, so the next run starts with no filters


@dataclass(frozen=True)
class View:
    """The active corpus, the reader's selection and the tables sliced to it."""

    choice: corpus.CorpusChoice
    results_dir: str
    content_hash: str
    results: Results
    options: cache.FilterOptions
    selection: Selection
    selected: dict[str, pd.DataFrame]

    def list_actor_names(self) -> dict[str, str]:
        """Return actor id -> display name for the whole corpus."""
        return dict(self.options.actors)

    def actor_colours(self) -> dict[str, str]:
        """Return actor name -> colour, the same whatever the filters (most mentioned actors first)."""
        return charts.assign_colours([name for _, name in self.options.actors])

    def outlet_colours(self) -> dict[str, str]:
        """Return outlet -> colour, the same whatever the filters."""
        return charts.assign_colours(self.options.outlets)

    def target_colours(self) -> dict[str, str]:
        """Return stance target -> colour, the same whatever the filters, and none of the stance colours."""
        return charts.assign_colours([name for _, name in self.options.targets], palette=charts.TARGET_PALETTE)

    def date_span(self) -> tuple[dt.date | None, dt.date | None]:
        """Return the first and last day of the corpus's articles inside the sidebar's date range (None: no
        dates), whatever other filters say: a week of the corpus is whole though a chosen actor is absent from
        some of its days."""
        first = max((day for day in (self.options.first, self.selection.start) if day is not None), default=None)
        last = min((day for day in (self.options.last, self.selection.end) if day is not None), default=None)
        return (first, last) if self.options.first is not None else (None, None)

    def describe(self) -> str:
        """Return the selection in words."""
        return describe_selection(self.selection, actor_names=self.list_actor_names())

    def slice_ignoring_actors(self) -> dict[str, pd.DataFrame]:
        """Return the tables sliced by every filter except the actor choice (for shares and co-occurrence)."""
        return apply_selection(self.results.tables(), replace(self.selection, actors=()))


def get_corpus_choice() -> corpus.CorpusChoice:
    """Return the corpus the reader chose on the Data page, else the one the address names (a copied link),
    else the bundled sample."""
    if CORPUS_KEY not in st.session_state:
        named, problem = corpus.decode_choice({key: st.query_params.get(key, "") for key in corpus.CORPUS_PARAMS})
        if problem:
            st.session_state[URL_PROBLEM_KEY] = problem
        st.session_state[CORPUS_KEY] = named or corpus.make_sample_choice()
    return st.session_state[CORPUS_KEY]


def switch_corpus(choice: corpus.CorpusChoice) -> None:
    """Make choice the active corpus (the caller reruns the script); another corpus than before starts with no
    filters, since actors and outlets picked for one corpus mean nothing in another."""
    previous = get_corpus_choice()
    st.session_state[CORPUS_KEY] = choice
    st.session_state.pop(URL_PROBLEM_KEY, None)  # the next run's sidebar names the new corpus in the address
    if (previous.kind, previous.location) != (choice.kind, choice.location):
        st.session_state[RESET_KEY] = True  # the widgets were drawn in this run: reset them before the next


def prepare_corpus(choice: corpus.CorpusChoice) -> tuple[str, str]:
    """Return (results folder, content hash) of the corpus, analysing it first with a progress bar if needed."""
    content_hash = cache.hash_corpus_once(choice, corpus.stamp_corpus(choice))
    results_dir = corpus.locate_results(choice, content_hash=content_hash)
    if not corpus.is_analysed(results_dir):
        bar = st.progress(0.0, text=f"Analysing {choice.label} (once; results are kept on disk)…")
        corpus.analyse_corpus(choice, content_hash=content_hash,
                              on_progress=lambda done, total: bar.progress(done / max(total, 1),
                                                                           text=f"Analysed {done} of {total} articles"))
        bar.empty()
    return str(results_dir), content_hash


def draw_sidebar() -> None:
    """Analyse the active corpus if needed and draw the filters every page shares (called by the entry script)."""
    choice = get_corpus_choice()
    name_corpus_in_address(choice)
    try:
        results_dir, content_hash = prepare_corpus(choice)
        options = cache.compute_filter_options(results_dir, content_hash)
    except (OSError, ValueError) as error:
        st.sidebar.error(f"The corpus '{choice.label}' could not be loaded: {error}")
        return
    if st.session_state.pop(RESET_KEY, False):
        reset_filters()
    problem = st.session_state.get(URL_PROBLEM_KEY, "")  # until the reader opens a corpus on the Data page
    if problem:
        st.sidebar.warning(f"The address you opened names a corpus this server cannot open: {problem.rstrip('.')}. "
                           "The bundled sample is shown instead, and that address's filters may not apply.")
    draw_filters(options)


def name_corpus_in_address(choice: corpus.CorpusChoice) -> None:
    """Put the active corpus's parameters (`corpus.encode_choice`) in the address on every page: a page switch
    keeps only the parameters of widgets, so a link copied on any page opens the same data."""
    wanted = corpus.encode_choice(choice)
    for key in corpus.CORPUS_PARAMS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def load_view() -> View | None:
    """Return the page's View (corpus, selection, sliced tables), or None after saying why there is none."""
    choice = get_corpus_choice()
    try:
        content_hash = cache.hash_corpus_once(choice, corpus.stamp_corpus(choice))
        results_dir = str(corpus.locate_results(choice, content_hash=content_hash))
        results = cache.load_corpus_results(results_dir, content_hash)
    except (OSError, ValueError) as error:
        st.error(f"The corpus '{choice.label}' could not be loaded: {error}. Choose another one on the Data page.")
        return None
    options = cache.compute_filter_options(results_dir, content_hash)
    selection = read_selection(options)
    selected = apply_selection(results.tables(), selection)
    st.sidebar.caption(f"Corpus: {choice.label} · {len(selected['articles'])} of {len(results.articles)} articles")
    return View(choice=choice, results_dir=results_dir, content_hash=content_hash, results=results, options=options,
                selection=selection, selected=selected)


def show_empty(what: str, *, view: View | None = None, table: str = "", dated: bool = False) -> None:
    """Explain an empty result: the corpus has none at all, the articles of a chart over time have no dates
    (`dated`), or the selection is too narrow and how to widen it."""
    if view is not None and table and view.results.tables()[table].empty:
        st.info(f"The analysis found no {what} in this corpus, so there is nothing to show here.", icon="ℹ️")
        return
    articles = view.selected["articles"] if view is not None else None
    if dated and articles is not None and len(articles) and articles["published"].isna().all():
        st.info(f"None of the {len(articles):,} articles of this selection has a publication date, so there is "
                "nothing to draw over time. The Articles page lists them.", icon="ℹ️")
        return
    st.info(f"No {what} in this selection. Widen the date range, clear some actors or outlets, lower the minimum "
            "mentions or clear the text search in the sidebar.", icon="🔎")
