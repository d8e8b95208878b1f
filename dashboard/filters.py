"""The one sidebar of filters: draws URL-bound widgets and returns a frozen Selection of plain values."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.selection import GRANULARITIES, Selection
from dashboard.cache import FilterOptions

PREFIX = "flt_"  # every filter key; with bind="query-params" the key is also the URL parameter name


FILTERS = ("dates", "actors", "outlets", "targets", "min", "registry", "grain", "search", "dupes")
KEYS = {name: f"{PREFIX}{name}" for name in FILTERS}
# What each filter holds before the reader touches it (all articles, weekly charts).
DEFAULTS = {"dates": (), "actors": [], "outlets": [], "targets": [], "min": 1, "registry": False, "grain": "W",
            "search": "", "dupes": False}


def reset_filters() -> None:
    """Set every filter back to its default; call before the widgets are drawn (their URL parameters follow)."""
    for name, key in KEYS.items():
        st.session_state[key] = DEFAULTS[name]


def draw_filters(options: FilterOptions) -> None:
    """Draw the sidebar filters for a corpus; read_selection turns their values into a Selection.

    The entry script calls this for every page: Streamlit keeps a widget's value (and, with bind="query-params",
    its URL parameter) across page switches only for widgets the entry script draws.
    """
    actor_names, target_names = dict(options.actors), dict(options.targets)
    with st.sidebar:
        st.header("Filters")
        draw_date_range(options)
        st.multiselect("Actors", list(actor_names), format_func=actor_names.get, key=KEYS["actors"],
                       placeholder="All actors", bind="query-params",
                       help="Only these actors' mentions, quotes, stances and relations; only articles mentioning "
                            "one of them.")
        st.multiselect("Outlets", list(options.outlets), key=KEYS["outlets"], placeholder="All outlets",
                       bind="query-params")
        st.multiselect("Stance targets", list(target_names), format_func=target_names.get, key=KEYS["targets"],
                       placeholder="All targets", bind="query-params", help="Restricts the stance statements only.")
        # No max_value: a value kept from a bigger corpus must not make the widget raise.
        st.number_input("Minimum mentions per actor", min_value=1, value=DEFAULTS["min"], step=1, key=KEYS["min"],
                        bind="query-params")
        st.checkbox("Only actors of the registry", value=DEFAULTS["registry"], key=KEYS["registry"],
                    bind="query-params", help="Leaves out the people and organisations the analysis found outside "
                                              "the actor registry, on every page.")
        st.segmented_control("Time granularity", list(GRANULARITIES), format_func=GRANULARITIES.get,
                             default=DEFAULTS["grain"], required=True, key=KEYS["grain"], bind="query-params")
        st.text_input("Text search", key=KEYS["search"], bind="query-params", placeholder="phrase in title or text",
                      help="Case-insensitive, matched literally.")
        st.checkbox("Include near-duplicate articles", value=DEFAULTS["dupes"], key=KEYS["dupes"], bind="query-params",
                    help="Republished wire copy is left out by default.")


def draw_date_range(options: FilterOptions) -> None:
    """Draw the date range picker, empty by default (all dates, undated articles included)."""
    if options.first is None or options.last is None:
        st.caption("No article has a publication date, so there is no date filter.")
        return
    # Empty by default rather than the corpus's own span, so a range never outlives the corpus it was picked
    # for and undated articles stay in until the reader narrows the dates.
    # The corpus's own span as bounds: Streamlit's default ones end ten years back and would refuse older corpora.
    # A range kept from another corpus widens them rather than make the widget raise.
    kept = [day for day in read_date_range(st.session_state.get(KEYS["dates"])) if day is not None]
    # what a pasted address asks for; only before the widget has a value (a corpus switch resets it instead)
    asked = st.query_params.get_all(KEYS["dates"]) if KEYS["dates"] not in st.session_state else []
    st.date_input("Date range", value=DEFAULTS["dates"], key=KEYS["dates"], bind="query-params", format="YYYY-MM-DD",
                  min_value=min([options.first, *kept]), max_value=max([options.last, *kept]),
                  help=f"The corpus runs from {options.first} to {options.last}. Leave empty for all dates; "
                       "a range also leaves out undated articles.")
    if asked and not st.session_state.get(KEYS["dates"]):
        st.warning(f"The address asks for the dates {' to '.join(asked)}, outside this corpus "
                   f"({options.first} to {options.last}): all dates are shown.")


def read_selection(options: FilterOptions) -> Selection:
    """Return the Selection the sidebar widgets hold (defaults for widgets not drawn yet)."""
    state = st.session_state
    start, end = read_date_range(state.get(KEYS["dates"]))
    valid_actors, valid_targets = dict(options.actors), dict(options.targets)
    return Selection(
        start=start, end=end,
        actors=tuple(actor for actor in state.get(KEYS["actors"]) or () if actor in valid_actors),
        outlets=tuple(state.get(KEYS["outlets"]) or ()),
        targets=tuple(target for target in state.get(KEYS["targets"]) or () if target in valid_targets),
        min_mentions=int(state.get(KEYS["min"]) or DEFAULTS["min"]),
        registry_only=bool(state.get(KEYS["registry"])),
        granularity=state.get(KEYS["grain"]) or DEFAULTS["grain"],
        search=state.get(KEYS["search"]) or "",
        include_duplicates=bool(state.get(KEYS["dupes"])),
    )


def read_date_range(value: object) -> tuple[dt.date | None, dt.date | None]:
    """Return (start, end) of a date-range widget value; None where the range is open."""
    picked = tuple(value) if isinstance(value, (tuple, list)) else ((value,) if value else ())
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None  # a half-picked range leaves the end open
    return start, end
