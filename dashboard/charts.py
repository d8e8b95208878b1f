"""Pure figure builders: each make_<chart>(frame) turns an already shaped frame into a Plotly figure."""

from __future__ import annotations

import functools
import html
import textwrap
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

STANCE_COLOURS = {"support": "#1a9850", "oppose": "#d73027", "neutral": "#9e9e9e"}
MEASURE_COLOURS = {"toward actor": "#3366cc", "own quotes": "#ff9900"}
POLARITY_SCALE = "RdBu"  # sentiment: red = negative, blue = positive; colour-blind safer than red/green
# Stance reads as for/against, so it keeps the support green / oppose red of the bars, through a light neutral.
STANCE_SCALE = [[0.0, STANCE_COLOURS["oppose"]], [0.5, "#f7f7f7"], [1.0, STANCE_COLOURS["support"]]]
SMALL_N_GREY = "#eeeeee"  # a heatmap cell over too few sentences to colour
MIN_POLARITY_RANGE = 0.25  # sentiment axes zoom to the data but never narrower than +-0.25
N_LABEL_ROOM = 0.5  # room right of a sentiment scale for its "n=12 (few)" labels, as a share of the scale's half
LAYOUT = {"margin": {"l": 10, "r": 10, "t": 50, "b": 10}, "template": "plotly_white"}
PANEL_TITLE_WIDTH = 26  # characters per line of a panel title, so that titles side by side stay apart at 800 px
FACET_TITLE_WIDTH = 20  # the same for the narrower panels of three-column grids
# A white halo around node labels, so that a label stays readable where ties run under it.
LABEL_HALO = "-1px -1px 0 white, 1px -1px 0 white, -1px 1px 0 white, 1px 1px 0 white, 0 0 3px white, 0 0 4px white"
FACET_COLUMN_GAP = 0.06  # between columns of panels, as a share of the width: "80" and "0" do not touch
FACET_GAP_PIXELS = 70  # between rows of panels: room for a two-line panel title
DATE_TICKS_PIXELS = 40  # height of a panel's two-line date ticks ("01 Mar<br>2022")
PANELS_LAYOUT = {**LAYOUT, "margin": {**LAYOUT["margin"], "t": 90}}  # room for a figure title over 2-line panel titles


# Colours for actors and outlets, assigned once per corpus (`assign_colours`), so that a name keeps its colour
# whatever the filters show: Plotly's ten, then the 24 darker and 24 lighter ones.
PALETTE: tuple[str, ...] = tuple(
    dict.fromkeys(px.colors.qualitative.Plotly + px.colors.qualitative.Dark24 + px.colors.qualitative.Light24)
)


# Colours for stance targets: none red, green, blue or grey, which on the Stance page mean oppose, support, a
# positive sentiment and neutral. Purple, orange, magenta, a near-black plum and gold come first, as far apart as
# these hues allow, since most target files hold five or six targets; then brown and lighter tints.
TARGET_PALETTE: tuple[str, ...] = ("#7b3294", "#e08214", "#c51b7d", "#40004b", "#c79a00", "#8c510a", "#c2a5cf",
                                   "#fdb863", "#de77ae", "#bf812d")


def assign_colours(names: Sequence[str], *, palette: Sequence[str] = PALETTE) -> dict[str, str]:
    """Name -> colour, in the order given (most mentioned first), cycling through the palette past its end."""
    return {name: palette[index % len(palette)] for index, name in enumerate(names)}


def escaped_keys(colours: Mapping[str, str] | None) -> dict[str, str]:
    """A colour map for names as the charts draw them (`escape_markup`)."""
    return {escape_markup(name): colour for name, colour in (colours or {}).items()}


def escape_markup(text: str) -> str:
    """Text with &, < and > written as entities: Plotly reads a few HTML tags in labels ("<b>", "<a>"), so an
    outlet called "<b>Daily</b>" would show in bold, or a name could carry a link; the entities show as typed."""
    return html.escape(text, quote=False)


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with `escape_markup` applied to its text columns, ids aside (a click hands ids back)."""
    text_columns = [
        column for column in frame.columns
        if not str(column).endswith("_id") and column not in ID_COLUMNS
        and (pd.api.types.is_string_dtype(frame[column]) or frame[column].dtype == object)
    ]
    if not text_columns:
        return frame
    escaped = {column: frame[column].map(lambda value: escape_markup(value) if isinstance(value, str) else value)
               for column in text_columns}
    return frame.assign(**escaped)


ID_COLUMNS = frozenset({"actor_a", "actor_b", "source_id", "target_id"})  # ids by another name (co-occurrence)


def plain_labels(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """A figure builder whose frame arguments have their text escaped (`plain_frame`) before it draws them."""

    @functools.wraps(build)
    def wrapped(*args, **kwargs):
        def plain(value):
            return plain_frame(value) if isinstance(value, pd.DataFrame) else value

        return build(*(plain(arg) for arg in args), **{key: plain(value) for key, value in kwargs.items()})

    return wrapped


PERIOD_TICKS = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1"}  # one tick per period (ms or months)
FEW_PERIODS = 12  # up to this many periods get a tick each; more are left to Plotly's spacing
PANEL_TICKS = 4  # dates on the x axis of a panel a third of the chart wide
FEW_COUNTS = 10  # a count axis up to this value gets whole-number ticks


def fit_period_axis(
    figure: go.Figure, periods: pd.Series, period_label: str, *, few: int = FEW_PERIODS
) -> go.Figure:
    """Label the x axis with dates only, one tick per period when there are `few` or fewer (more are left to
    Plotly, at most `few` ticks): without this a chart of one or two days shows hours ("23:59:59.999 Jan 9")."""
    dated = pd.to_datetime(periods.dropna())
    if dated.empty:
        return figure
    axis = {"tickformat": "%b %Y" if period_label == "month" else "%d %b<br>%Y"}
    if dated.nunique() <= few and period_label in PERIOD_TICKS:
        axis.update(tick0=dated.min(), dtick=PERIOD_TICKS[period_label])
    elif few < FEW_PERIODS:
        axis.update(nticks=few)
    return figure.update_xaxes(**axis)


def fit_count_axis(figure: go.Figure, largest: float, axis: str = "y") -> go.Figure:
    """Whole-number ticks on a count axis whose largest value is small: no "0.5 articles"."""
    if pd.isna(largest) or largest > FEW_COUNTS:
        return figure
    settings = {"tick0": 0, "dtick": 1, "rangemode": "tozero"}
    return figure.update_yaxes(**settings) if axis == "y" else figure.update_xaxes(**settings)


def wrap_title(text: str, width: int = PANEL_TITLE_WIDTH) -> str:
    """Break a panel title into lines of at most `width` characters (Plotly's <br>), at spaces only."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def make_empty_figure(message: str = "No data for this selection") -> go.Figure:
    """Return a blank figure that says why it is blank."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure.update_layout(**LAYOUT)


@plain_labels
def make_articles_per_day(
    frame: pd.DataFrame, *, period_label: str = "day", colours: Mapping[str, str] | None = None
) -> go.Figure:
    """Return stacked bars of articles per period coloured by outlet (columns period, source, articles);
    `colours` maps outlets to their colours (`assign_colours`)."""
    if frame.empty:
        return make_empty_figure()
    figure = px.bar(frame, x="period", y="articles", color="source", title=f"Articles per {period_label} by outlet",
                    labels={"period": period_label.capitalize(), "articles": "Articles", "source": "Outlet"},
                    color_discrete_map=escaped_keys(colours))
    fit_period_axis(figure, frame["period"], period_label)
    fit_count_axis(figure, frame.groupby("period")["articles"].sum().max())
    return figure.update_layout(barmode="stack", **LAYOUT)


@plain_labels
def make_top_actors(frame: pd.DataFrame, *, limit: int = 15) -> go.Figure:
    """Return horizontal bars of the most mentioned actors (columns actor, mentions, articles)."""
    if frame.empty:
        return make_empty_figure()
    top = frame.nlargest(limit, "mentions").sort_values("mentions")
    figure = px.bar(top, x="mentions", y="actor", orientation="h", hover_data=["articles"],
                    title=f"Top {min(limit, len(top))} actors by mentions",
                    labels={"mentions": "Mentions", "actor": ""})
    return figure.update_layout(height=max(300, 24 * len(top) + 100), **LAYOUT)


@plain_labels
def make_actor_frequencies(frame: pd.DataFrame, *, value: str = "mentions", by_outlet: bool = False,
                           limit: int = 20, colours: Mapping[str, str] | None = None) -> go.Figure:
    """Return bars of actor frequencies; value is a column of count_actor_frequencies, grouped by outlet if asked
    (`colours` maps outlets to their colours)."""
    if frame.empty:
        return make_empty_figure()
    totals = frame.groupby("actor")[value].sum().nlargest(limit)
    shown = frame[frame["actor"].isin(totals.index)]
    label = {"mentions": "Mentions", "articles": "Articles", "share_of_voice": "Share of voice (mentions)",
             "article_share": "Share of articles"}[value]
    # graph_objects rather than plotly.express: this chart redraws on every filter change and px costs ~0.1 s.
    groups = shown.groupby("source", sort=True) if by_outlet else [(None, shown)]
    palette = escaped_keys(colours)
    figure = go.Figure([go.Bar(x=group[value], y=group["actor"], orientation="h", name=outlet or label,
                               marker_color=palette.get(outlet) if outlet else None,
                               showlegend=by_outlet, hovertemplate="%{y}: %{x}<extra>" + (outlet or "") + "</extra>")
                        for outlet, group in groups])
    figure.update_yaxes(categoryorder="array", categoryarray=list(totals.index)[::-1])
    figure.update_xaxes(title=label, tickformat=".0%" if value in ("share_of_voice", "article_share") else None)
    height = max(320, (18 * shown["source"].nunique() if by_outlet else 24) * len(totals) + 120)
    return figure.update_layout(barmode="group", title=f"{label} per actor", height=height, **LAYOUT)


@plain_labels
def make_mentions_over_time(
    frame: pd.DataFrame, *, period_label: str = "week", colours: Mapping[str, str] | None = None
) -> go.Figure:
    """Return one line per actor of mentions per period (columns period, actor, mentions); `colours` maps
    actors to their colours."""
    if frame.empty:
        return make_empty_figure()
    figure = px.line(frame, x="period", y="mentions", color="actor", markers=True,
                     color_discrete_map=escaped_keys(colours),
                     title=f"Mentions per {period_label}", labels={"period": period_label.capitalize(),
                                                                   "mentions": "Mentions", "actor": "Actor"})
    fit_period_axis(figure, frame["period"], period_label)
    fit_count_axis(figure, frame["mentions"].max())
    return figure.update_layout(**LAYOUT)


@plain_labels
def make_cooccurrence_heatmap(frame: pd.DataFrame, *, limit: int = 25) -> go.Figure:
    """Return a symmetric heatmap of how often two actors appear together (the diagonal is left blank).

    Columns actor_a_name, actor_b_name, count (as from analysis.summaries.count_cooccurrence).
    """
    if frame.empty:
        return make_empty_figure("No two actors appear together in this selection")
    names = frame[["actor_a_name", "actor_b_name", "count"]].rename(columns={"actor_a_name": "actor_a",
                                                                             "actor_b_name": "actor_b"})
    both = pd.concat([names, names.rename(columns={"actor_a": "actor_b", "actor_b": "actor_a"})])
    order = both.groupby("actor_a")["count"].sum().nlargest(limit).index.tolist()
    matrix = both.pivot_table(index="actor_a", columns="actor_b", values="count", aggfunc="sum")
    matrix = matrix.reindex(index=order, columns=order)
    text = [[f"{value:.0f}" if pd.notna(value) else "" for value in row] for row in matrix.to_numpy()]
    figure = go.Figure(go.Heatmap(z=matrix.to_numpy(), x=order, y=order, colorscale="Blues", hoverongaps=False,
                                  text=text, texttemplate="%{text}",
                                  hovertemplate="%{y} + %{x}: %{z}<extra></extra>", colorbar={"title": "Together"}))
    figure.update_yaxes(autorange="reversed")
    return figure.update_layout(title="Actors appearing together", height=max(350, 26 * len(order) + 150), **LAYOUT)


def find_polarity_range(frame: pd.DataFrame, columns: tuple[str, ...] = ("mean", "low", "high")) -> float:
    """Return the half-width of a symmetric polarity axis that shows every value (MIN_POLARITY_RANGE..1.05)."""
    values = pd.concat([frame[column] for column in columns]).abs().dropna()
    largest = float(values.max()) if len(values) else 0.0
    return min(1.05, max(MIN_POLARITY_RANGE, round(largest * 1.1 + 0.005, 2)))


@plain_labels
def make_sentiment_by_actor(frame: pd.DataFrame) -> go.Figure:
    """Return mean sentiment with 95 % intervals per actor: toward the actor and of its own quotes, side by side.

    Columns actor, measure, mean, n, low, high, small_n. Actors keep the frame's order (first at the top); each
    panel lists n at its right edge, and means over few values are drawn hollow with "(few)" beside n.
    """
    if frame.empty:
        return make_empty_figure()
    actors = list(dict.fromkeys(frame["actor"]))
    reach = find_polarity_range(frame)
    label_x = round(reach * (1 + N_LABEL_ROOM), 3)  # the n labels stand right of the scale, clear of the whiskers
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.08,
                           subplot_titles=[wrap_title("Sentiment toward the actor (its mention contexts)"),
                                           wrap_title("Sentiment of the actor's own quotes")])
    for column, measure in enumerate(MEASURE_COLOURS, start=1):
        group = frame[frame["measure"] == measure]
        figure.add_trace(make_interval_trace(group, name=measure, colour=MEASURE_COLOURS[measure]), row=1, col=column)
        figure.add_trace(go.Scatter(x=[label_x] * len(group), y=group["actor"], mode="text", name=f"n {measure}",
                                    text=[f"n={n}" + (" (few)" if flag else "")
                                          for n, flag in zip(group["n"], group["small_n"], strict=True)],
                                    textposition="middle left", textfont={"size": 10, "color": "#666"},
                                    # a click on a mean dims the other traces: the n labels stay readable
                                    unselected={"textfont": {"color": "#666"}},
                                    hoverinfo="skip"), row=1, col=column)
        figure.add_vline(x=0, line_dash="dot", line_color="#777", row=1, col=column)
    figure.update_xaxes(title="Mean polarity (−1 negative … +1 positive)", range=[-reach, label_x], zeroline=False,
                        tickvals=polarity_ticks(reach))
    figure.update_yaxes(categoryorder="array", categoryarray=actors[::-1])
    return figure.update_layout(title="Sentiment toward each actor and of its own quotes", showlegend=False,
                                height=max(350, 34 * len(actors) + 180), **PANELS_LAYOUT)


def polarity_ticks(reach: float) -> list[float]:
    """Return tick values on a polarity scale of -reach..reach: steps of 0.5, 0.25 or 0.1 as it widens."""
    step = 0.5 if reach >= 0.75 else 0.25 if reach >= 0.4 else 0.1
    count = int(reach / step + 1e-9)
    return [round(step * index, 2) for index in range(-count, count + 1)]


def make_interval_trace(group: pd.DataFrame, *, name: str, colour: str) -> go.Scatter:
    """Return markers at each actor's mean with its 95 % interval as error bars; small-n means hollow."""
    return go.Scatter(
        x=group["mean"], y=group["actor"], mode="markers", name=name,
        error_x={"type": "data", "symmetric": False, "array": group["high"] - group["mean"],
                 "arrayminus": group["mean"] - group["low"], "color": colour},
        marker={"size": 10, "color": colour, "line": {"color": colour, "width": 2},
                "symbol": ["circle-open" if flag else "circle" for flag in group["small_n"]]},
        customdata=group[["n", "low", "high"]].to_numpy(),
        hovertemplate="%{y}<br>mean %{x:+.3f} (95 % interval %{customdata[1]:+.3f} … %{customdata[2]:+.3f})"
                      "<br>n=%{customdata[0]}<extra>" + name + "</extra>")


@plain_labels
def make_sentiment_over_time(
    frame: pd.DataFrame, *, period_label: str = "week", colours: Mapping[str, str] | None = None,
    few_intervals: bool = False,
) -> go.Figure:
    """Return lines of mean sentiment toward each actor per period with 95 % intervals; small-n points hollow,
    and without whiskers unless `few_intervals` (an interval over two or three values spans most of the scale
    and draws the eye to the least certain points).

    Columns period, actor, mean, n, low, high, small_n, optionally coverage (`frames.describe_coverage`, shown
    in the hover); `colours` maps actors to their colours.
    """
    if frame.empty:
        return make_empty_figure()
    if not few_intervals:
        frame = frame.assign(low=frame["low"].mask(frame["small_n"]), high=frame["high"].mask(frame["small_n"]))
    figure = go.Figure()
    palette = escaped_keys(colours)
    for actor, group in frame.groupby("actor", sort=False):
        figure.add_trace(go.Scatter(
            x=group["period"], y=group["mean"], mode="lines+markers", name=actor, line_color=palette.get(actor),
            error_y={"type": "data", "symmetric": False, "array": group["high"] - group["mean"],
                     "arrayminus": group["mean"] - group["low"], "thickness": 1},
            marker={"size": 8, "symbol": ["circle-open" if flag else "circle" for flag in group["small_n"]]},
            customdata=list(zip(group["n"], hover_coverage(group), strict=True)),
            hovertemplate="%{x|%d %b %Y}<br>mean %{y:+.3f}, n=%{customdata[0]}%{customdata[1]}<extra>" + actor
                          + "</extra>"))
    reach = find_polarity_range(frame)
    figure.update_yaxes(title="Mean polarity", range=[-reach, reach])
    figure.update_xaxes(title=period_label.capitalize())
    fit_period_axis(figure, frame["period"], period_label)
    figure.add_hline(y=0, line_dash="dot", line_color="#777")
    return figure.update_layout(title=f"Sentiment toward actors per {period_label}", legend_title_text="Actor",
                                **LAYOUT)


def hover_coverage(group: pd.DataFrame) -> list[str]:
    """Return per row a hover line on a partial period ("<br>partial month: …"), "" for whole periods and for a
    frame without a coverage column."""
    if "coverage" not in group:
        return [""] * len(group)
    return [f"<br>{note}" if note else "" for note in group["coverage"].fillna("")]


@plain_labels
def make_sentiment_by_outlet(frame: pd.DataFrame) -> go.Figure:
    """Return a grid of mean sentiment toward each actor (rows) in each outlet (columns) with n in each cell.

    Drawn as square markers, as the stance grid is, because Plotly can select (click) markers but not heatmap
    cells; each cell carries [actor_id, source, n, mean] as customdata so a click can list its sentences. Cells
    flagged small_n keep their numbers on a plain grey, so a single sentence cannot dominate the picture (and a
    selection where every cell is small still shows its numbers). Columns source, actor_id, actor, mean, n,
    small_n; actors keep the frame's order, outlets are sorted.
    """
    if frame.empty:
        return make_empty_figure()
    cells = frame.assign(label=[f"{mean:+.2f}<br>n={int(n)}" for mean, n in zip(frame["mean"], frame["n"],
                                                                              strict=True)])
    actors, outlets = list(dict.fromkeys(cells["actor"])), sorted(cells["source"].unique())
    few = cells["small_n"].astype(bool)
    reach = find_polarity_range(cells[~few], ("mean",))
    figure = go.Figure()
    add_coloured_cells(figure, cells, few=few, value="mean", reach=reach, make=make_sentiment_cells, marker={
        "cmin": -reach, "cmax": reach, "cmid": 0, "colorscale": POLARITY_SCALE, "colorbar": {"title": "Mean polarity"}})
    if few.any():
        figure.add_trace(make_sentiment_cells(cells[few], ink=DARK_INK, marker={"color": SMALL_N_GREY}, few=True))
    fit_grid_axes(figure, rows=actors, columns=outlets)
    return figure.update_layout(title="Sentiment toward actors by outlet", plot_bgcolor="#ffffff",
                                height=46 * len(actors) + 220, **LAYOUT)


DARK_SHARE = 0.6  # a grid cell this far toward either end of its scale is dark: its numbers are white
WHITE_INK, DARK_INK = "#ffffff", "#222222"  # the numbers on dark and on light grid cells


def add_coloured_cells(figure: go.Figure, cells: pd.DataFrame, *, few: pd.Series, value: str, reach: float,
                       make: Callable[..., go.Scatter], marker: dict) -> None:
    """Add a grid's coloured cells (not `few`), coloured by their `value` on a scale of ±`reach` (`marker`): dark
    ones with white numbers and light ones with dark numbers, one trace each (made by `make`), so that the
    numbers keep their colour when a click selects a cell and Plotly restyles the others. The light trace is
    always added: it carries the colour bar."""
    dark = (cells[value].abs() >= DARK_SHARE * reach) & ~few
    for part, ink in ((cells[dark], WHITE_INK), (cells[~dark & ~few], DARK_INK)):
        if part.empty and ink == WHITE_INK:
            continue
        figure.add_trace(make(part, ink=ink, marker={"color": part[value], "showscale": ink != WHITE_INK, **marker}))


def make_grid_cells(part: pd.DataFrame, *, column: str, ink: str, marker: dict, customdata: list[str],
                    hovertemplate: str, italic: bool = False) -> go.Scatter:
    """Return one trace of a grid's cells: squares in row `actor` and column `column`, coloured by `marker`, with
    their labels in `ink` (italic for a trace of cells over too few values) and `customdata` for a click."""
    font = {"size": 10, "color": ink, **({"style": "italic"} if italic else {})}
    return go.Scatter(
        x=part[column], y=part["actor"], mode="markers+text", text=part["label"], showlegend=False,
        textfont=font, customdata=part[customdata].to_numpy(),
        selected={"textfont": {"color": ink}}, unselected={"textfont": {"color": ink}, "marker": {"opacity": 0.7}},
        marker={"symbol": "square", "size": 40, "line": {"width": 1, "color": "#bbbbbb"}, **marker},
        hovertemplate=hovertemplate)


def make_sentiment_cells(part: pd.DataFrame, *, ink: str, marker: dict, few: bool = False) -> go.Scatter:
    """Return one trace of sentiment grid cells (`make_grid_cells`) with their mean and n; a `few` trace's hover
    says the cell has too few sentences to colour."""
    note = " (too few sentences to colour)" if few else ""
    return make_grid_cells(part, column="source", ink=ink, marker=marker,
                           customdata=["actor_id", "source", "n", "mean"],
                           hovertemplate="%{y} in %{x}: mean %{customdata[3]:+.2f} over %{customdata[2]} sentences"
                                         + note + "<extra></extra>")


STANCE_TITLE_ROOM = 100  # pixels over the grid's target names for its title and subtitle (exports only)
STANCE_LABEL_ROOM = 90  # pixels for the slanted target names over the grid
FEW_INK = "#555555"  # numbers of a grey stance cell over too few statements
# darker than SMALL_N_GREY: the stance scale's middle is near white, and a grey cell must not pass for a 0
FEW_STANCE_GREY = "#dedede"


@plain_labels
def make_stance_heatmap(frame: pd.DataFrame, *, small_n: int = 5) -> go.Figure:
    """Return an actor x target grid of net stance (-1 oppose … +1 support) with counts in each cell.

    Drawn as square markers rather than a Heatmap trace because Plotly can select (click) markers but not
    heatmap cells; each cell carries [actor_id, target_id, n, net] as customdata so a click can list its evidence.
    A cell over fewer than `small_n` statements keeps its numbers, in grey italics on plain grey, as the
    sentiment grid's small cells do, so one sentence does not look like a firm or a moderate stance.
    Columns actor, target, actor_id, target_id, support, oppose, neutral, n, net; actors keep the frame's order.
    """
    if frame.empty:
        return make_empty_figure()
    labels = [f"{net:+.2f}<br>{int(s)}/{int(o)}/{int(n)}" for net, s, o, n in
              zip(frame["net"], frame["support"], frame["oppose"], frame["neutral"], strict=True)]
    actors, targets = list(dict.fromkeys(frame["actor"])), sorted(frame["target"].unique())
    # dark cells get white numbers, light ones dark numbers and few-statement ones grey, one trace each
    few = frame["n"] < small_n
    cells = frame.assign(label=labels)
    figure = go.Figure()
    add_coloured_cells(figure, cells, few=few, value="net", reach=1.0, make=make_stance_cells, marker={
        "cmin": -1, "cmax": 1, "colorscale": STANCE_SCALE,
        "colorbar": {"title": "Net stance", "tickvals": [-1, 0, 1], "ticktext": ["−1 oppose", "0", "+1 support"]}})
    if few.any():
        figure.add_trace(make_stance_cells(cells[few], ink=FEW_INK, marker={"color": FEW_STANCE_GREY}, few=True))
    fit_grid_axes(figure, rows=actors, columns=targets)
    return figure.update_layout(title={"text": "Net stance of actors toward targets", "subtitle": {
        "text": f"Each cell: net stance, then support/oppose/neutral statements; grey: fewer than {small_n}"},
        "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
                                # the page shows no title and gives its room back (`drop_title`)
                                meta={"title_room": STANCE_TITLE_ROOM}, height=46 * len(actors) + 340,
                                **{**LAYOUT, "margin": {**LAYOUT["margin"],
                                                        "t": STANCE_TITLE_ROOM + STANCE_LABEL_ROOM}})


def make_stance_cells(part: pd.DataFrame, *, ink: str, marker: dict, few: bool = False) -> go.Scatter:
    """Return one trace of stance grid cells (`make_grid_cells`) with their net stance and counts; a `few` trace's
    numbers are italic and its hover says the cell has too few statements to colour."""
    note = " (too few to colour)" if few else ""
    return make_grid_cells(part, column="target", ink=ink, marker=marker,
                           customdata=["actor_id", "target_id", "n", "net"],
                           hovertemplate="%{y} on %{x}<br>net %{customdata[3]:+.2f} over %{customdata[2]} statements"
                                         + note + "<extra></extra>", italic=few)


def fit_grid_axes(figure: go.Figure, *, rows: list[str], columns: list[str]) -> go.Figure:
    """Put a grid's columns (targets, outlets) on top in order and its rows (actors) down the side in order, one
    square cell each."""
    figure.update_xaxes(categoryorder="array", categoryarray=columns, side="top", showgrid=False,
                        range=[-0.5, len(columns) - 0.5], automargin=True)
    return figure.update_yaxes(categoryorder="array", categoryarray=rows, showgrid=False,
                               range=[len(rows) - 0.5, -0.5])


def drop_title(layout: Mapping) -> dict:
    """Return a figure's layout for the page, whose subheader already names the chart: no title, and the top
    margin a chart kept for its title (its meta's title_room) given back, so no blank band opens over it."""
    margin = dict(layout.get("margin", {}))
    meta = layout.get("meta")
    room = meta.get("title_room", 0) if isinstance(meta, Mapping) else 0
    if room and "t" in margin:
        margin["t"] = max(margin["t"] - room, 30)  # 30: the mode bar's room
    return {**layout, "title": None, "margin": margin}


@plain_labels
def make_stance_bars(frame: pd.DataFrame) -> go.Figure:
    """Return stacked support/oppose/neutral bars per actor, one panel per target.

    Takes the stance matrix (columns actor, target, support, oppose, neutral); actors keep the frame's order.
    """
    if frame.empty:
        return make_empty_figure()
    actors = list(dict.fromkeys(frame["actor"]))
    rows = -(-frame["target"].nunique() // 3)
    height = max(350, rows * (20 * len(actors) + 80) + 120)
    figure = px.bar(frame, x=list(STANCE_COLOURS), y="actor", orientation="h", facet_col="target", facet_col_wrap=3,
                    color_discrete_map=STANCE_COLOURS, title="Stance statements per actor and target",
                    category_orders={"actor": actors, "target": sorted(frame["target"].unique())},
                    labels={"value": "Statements", "actor": "", "variable": "Stance"},
                    facet_row_spacing=min(0.5 / rows, FACET_GAP_PIXELS / height), facet_col_spacing=FACET_COLUMN_GAP)
    figure.for_each_annotation(lambda note: note.update(text=wrap_title(note.text.split("=")[-1], FACET_TITLE_WIDTH)))
    # every panel its own numbers: a panel with no panel under it in the last row would otherwise have none
    figure.update_xaxes(showticklabels=True)
    return figure.update_layout(barmode="stack", height=height, **PANELS_LAYOUT)


@plain_labels
def make_stance_over_time(
    frame: pd.DataFrame, *, period_label: str = "week", small_n: int = 5, colours: Mapping[str, str] | None = None
) -> go.Figure:
    """Return lines of net stance per target over time (columns period, target, net, n, support, oppose);
    `colours` maps targets to their colours (`assign_colours` with TARGET_PALETTE).

    A period without statements (net missing) breaks the line; a net over fewer than `small_n` statements has a
    hollow marker, as on the sentiment charts.
    """
    if frame.empty:
        return make_empty_figure()
    targets = sorted(frame["target"].unique())
    palette = {**assign_colours(targets, palette=TARGET_PALETTE), **escaped_keys(colours)}
    figure = go.Figure()
    for target in targets:
        for trace in make_net_traces(frame[frame["target"] == target], name=target, colour=palette[target],
                                     small_n=small_n):
            figure.add_trace(trace)
    figure.update_yaxes(range=[-1.05, 1.05], title="Net stance")
    figure.update_xaxes(title=period_label.capitalize())
    fit_period_axis(figure, frame["period"], period_label)
    figure.add_hline(y=0, line_dash="dot", line_color="#777", layer="below")
    return figure.update_layout(title=f"Net stance per target per {period_label}", legend_title_text="Target",
                                **LAYOUT)


@plain_labels
def make_stance_over_time_by_actor(
    frame: pd.DataFrame, *, period_label: str = "week", small_n: int = 5, colours: Mapping[str, str] | None = None
) -> go.Figure:
    """Return one panel per target with a line of net stance per actor over time (columns period, actor, target,
    net, n, support, oppose), so that actors on opposite sides stay apart; `colours` maps actors to their colours.
    Gaps and hollow markers as in make_stance_over_time."""
    if frame.empty:
        return make_empty_figure()
    targets, actors = sorted(frame["target"].unique()), list(dict.fromkeys(frame.sort_values("actor")["actor"]))
    palette = {**assign_colours(actors), **escaped_keys(colours)}
    columns, rows = min(3, len(targets)), -(-len(targets) // 3)
    height = max(350, 260 * rows + 120)
    figure = make_subplots(rows=rows, cols=columns, shared_xaxes="all", shared_yaxes="all",
                           subplot_titles=[wrap_title(target, FACET_TITLE_WIDTH) for target in targets],
                           horizontal_spacing=FACET_COLUMN_GAP,
                           # room under each panel for its two-line dates, then the next panel's title
                           vertical_spacing=min(0.5 / rows, (FACET_GAP_PIXELS + DATE_TICKS_PIXELS) / height))
    shown: set[str] = set()  # each actor once in the legend, whichever panel it first appears in
    for index, target in enumerate(targets):
        panel = frame[frame["target"] == target]
        for actor in [name for name in actors if name in set(panel["actor"])]:
            for trace in make_net_traces(panel[panel["actor"] == actor], name=actor, colour=palette[actor],
                                         small_n=small_n, hover=f"{actor} on {target}"):
                figure.add_trace(trace.update(showlegend=False) if actor in shown else trace,
                                 row=index // 3 + 1, col=index % 3 + 1)
            shown.add(actor)
    figure.update_yaxes(range=[-1.05, 1.05], tickvals=[-1, 0, 1])
    fit_period_axis(figure, frame["period"], period_label, few=PANEL_TICKS)
    figure.update_xaxes(showticklabels=True)  # every panel its own dates, as the stance bars have their numbers
    figure.add_hline(y=0, line_dash="dot", line_color="#777", layer="below", row="all", col="all")
    return figure.update_layout(title=f"Net stance of each actor per target per {period_label}",
                                legend_title_text="Actor", height=height, **PANELS_LAYOUT)


def make_net_traces(
    group: pd.DataFrame, *, name: str, colour: str, small_n: int, hover: str = ""
) -> list[go.Scatter]:
    """Return a line of net stance per period and, over it, hollow markers where the net rests on fewer than
    `small_n` statements (a trace of their own, so that the legend keeps the series' filled marker); `hover`
    names the series in its hover box (default: its name)."""
    few = group[group["n"] < small_n]
    customdata = list(zip(group["n"], group["support"], group["oppose"], hover_coverage(group), strict=True))
    line = go.Scatter(x=group["period"], y=group["net"], mode="lines+markers", name=name, legendgroup=name,
                      line_color=colour, customdata=customdata,
                      hovertemplate="%{x|%d %b %Y}<br>net %{y:+.2f} over %{customdata[0]} statements "
                                    "(%{customdata[1]} support, %{customdata[2]} oppose)%{customdata[3]}<extra>"
                                    + (hover or name) + "</extra>")
    hollow = go.Scatter(x=few["period"], y=few["net"], mode="markers", showlegend=False, legendgroup=name,
                        hoverinfo="skip", name=f"{name} (few statements)",
                        marker={"color": "white", "size": 7, "line": {"color": colour, "width": 1.5}})
    return [line, hollow]


TIE_COLOURS = {"negative": "#d73027", "neutral": "#b0b0b0", "positive": "#4575b4"}  # by mean relation polarity


@plain_labels
def make_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> go.Figure:
    """Return the actor network: nodes (actor_id, actor, x, y, mentions) and edges (source_id, target_id, x0, y0,
    x1, y1, polarity, relations, source_to_target, target_to_source, directions, ...).

    Ties with relations are drawn thicker than co-occurrence-only ties, with an arrowhead at the end of each actor
    a relation points to (both ends of a two-way tie); hovering a tie's midpoint tells its story.
    """
    if nodes.empty:
        return make_empty_figure()
    figure = go.Figure()
    for kind, colour in TIE_COLOURS.items():
        part = edges[edges["polarity"].apply(classify_polarity) == kind]
        groups = [(width, group) for width, group in ((1.0, part[part["relations"] == 0]),
                                                      (3.0, part[part["relations"] > 0])) if len(group)]
        for position, (width, group) in enumerate(groups):
            xs = [value for row in group.itertuples() for value in (row.x0, row.x1, None)]
            ys = [value for row in group.itertuples() for value in (row.y0, row.y1, None)]
            figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=f"{kind} ties", hoverinfo="skip",
                                        showlegend=position == 0, legendgroup=kind,
                                        line={"color": colour, "width": width}))
    if len(edges):
        figure.add_trace(make_tie_hover_trace(edges))
    sizes = 10 + 30 * (nodes["mentions"] / max(nodes["mentions"].max(), 1)) ** 0.5
    x_range, y_range = padded_range(nodes["x"], NETWORK_LABEL_ROOM), padded_range(nodes["y"], NETWORK_LABEL_ROOM / 2)
    positions = place_labels(nodes.assign(size=sizes), x_range=x_range, y_range=y_range)
    figure.add_trace(go.Scatter(x=nodes["x"], y=nodes["y"], mode="markers+text", text=nodes["actor"], name="actors",
                                textposition=positions, showlegend=False,
                                marker={"size": sizes, "color": "#555"},
                                textfont={"shadow": LABEL_HALO},
                                customdata=nodes[["mentions"]].to_numpy(),
                                hovertemplate="%{text}<br>%{customdata[0]} mentions<extra></extra>"))
    for arrow in make_direction_arrows(edges, dict(zip(nodes["actor_id"], sizes, strict=True))):
        figure.add_annotation(arrow)
    # room around the outer nodes for their names, which Plotly would otherwise cut at the plot's edge
    figure.update_xaxes(visible=False, range=x_range)
    figure.update_yaxes(visible=False, range=y_range)
    return figure.update_layout(title="Actor network (edges coloured by relation polarity, arrows point from who "
                                      "acts to whom)", height=NETWORK_HEIGHT, **LAYOUT)


NETWORK_HEIGHT = 650  # pixels of the network figure
# What label placement assumes of the drawn network: its plot area in pixels (the page's usual width, the
# figure's height less its margins) and a name's size in the default 12-pixel font.
NETWORK_PLOT_PIXELS = (900.0, NETWORK_HEIGHT - 60.0)
LABEL_CHARACTER_PIXELS, LABEL_LINE_PIXELS = 6.8, 15.0
# where a name may sit around its node, in order of preference after the two outward ones (`outward_positions`)
SIDE_POSITIONS = ("middle right", "middle left", "top right", "top left", "bottom right", "bottom left")


def outward_positions(ys: pd.Series) -> list[str]:
    """A text position for each node's name on the side away from the layout's centre, above a node in the upper
    half and below one in the lower half: the names of a crowded centre move apart, off the ties that meet
    there."""
    centre = float(ys.mean())
    return ["top center" if y >= centre else "bottom center" for y in ys]


def place_labels(nodes: pd.DataFrame, *, x_range: list[float], y_range: list[float]) -> list[str]:
    """A text position for each node's name (nodes: actor, x, y, mentions, size = marker diameter in pixels) where
    it overlaps no name placed before it and no other node: the most mentioned actors choose first, each trying
    its outward position (`outward_positions`), the opposite one, then the sides (SIDE_POSITIONS); a name that
    fits nowhere inside the plot without overlap takes the position where it overlaps least."""
    scale = (NETWORK_PLOT_PIXELS[0] / ((x_range[1] - x_range[0]) or 1.0),
             NETWORK_PLOT_PIXELS[1] / ((y_range[1] - y_range[0]) or 1.0))
    points = [((x - x_range[0]) * scale[0], (y - y_range[0]) * scale[1]) for x, y in zip(nodes["x"], nodes["y"],
                                                                                         strict=True)]
    markers = [(px - size / 2, py - size / 2, px + size / 2, py + size / 2)
               for (px, py), size in zip(points, nodes["size"], strict=True)]
    outward = outward_positions(nodes["y"])
    chosen: dict[int, str] = {}
    boxes: list[tuple[float, float, float, float]] = []
    for index in nodes["mentions"].reset_index(drop=True).sort_values(ascending=False, kind="stable").index:
        first = outward[index]
        candidates = (first, "bottom center" if first == "top center" else "top center", *SIDE_POSITIONS)
        others = [box for position, box in enumerate(markers) if position != index]
        costs = []
        for candidate in candidates:
            box = label_box(points[index], nodes["size"].iloc[index], str(nodes["actor"].iloc[index]), candidate)
            cost = sum(overlap(box, other) for other in (*boxes, *others)) + outside(box)
            costs.append((cost, box, candidate))
            if cost == 0:
                break
        cost, box, candidate = min(costs, key=lambda item: item[0])
        chosen[index] = candidate
        boxes.append(box)
    return [chosen[index] for index in range(len(nodes))]


def label_box(point: tuple[float, float], size: float, text: str, position: str) -> tuple[float, float, float, float]:
    """The pixel box (left, bottom, right, top; y upward) a name takes at a Plotly text position around a node."""
    width, height, gap = LABEL_CHARACTER_PIXELS * len(text), LABEL_LINE_PIXELS, size / 2 + 2
    vertical, horizontal = position.split()
    x = {"center": point[0] - width / 2, "right": point[0] + (gap if vertical == "middle" else 0),
         "left": point[0] - width - (gap if vertical == "middle" else 0)}[horizontal]
    y = {"top": point[1] + gap, "bottom": point[1] - gap - height, "middle": point[1] - height / 2}[vertical]
    return (x, y, x + width, y + height)


def overlap(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """The area two pixel boxes share."""
    width = min(first[2], second[2]) - max(first[0], second[0])
    height = min(first[3], second[3]) - max(first[1], second[1])
    return max(width, 0.0) * max(height, 0.0)


def outside(box: tuple[float, ...]) -> float:
    """The area of a pixel box outside the plot, as a cost: a name cut at the plot's edge is worse than one on
    another name."""
    inner = overlap(box, (0.0, 0.0, *NETWORK_PLOT_PIXELS))
    return 4 * ((box[2] - box[0]) * (box[3] - box[1]) - inner)


def make_direction_arrows(edges: pd.DataFrame, sizes: Mapping[str, float]) -> list[go.layout.Annotation]:
    """Return an arrow from the middle of a tie to each end an actor's relation points to: the target's end for
    relations from source to target, the source's end for relations back. Each stops at the edge of its node's
    marker (`sizes`: actor id -> marker diameter in pixels) and has the tie's colour."""
    arrows = []
    for row in edges[edges["relations"] > 0].itertuples():
        middle = ((row.x0 + row.x1) / 2, (row.y0 + row.y1) / 2)
        colour = TIE_COLOURS[classify_polarity(row.polarity)]
        ends = [((row.x1, row.y1), row.target_id)] if row.source_to_target else []
        ends += [((row.x0, row.y0), row.source_id)] if row.target_to_source else []
        arrows += [go.layout.Annotation(x=x, y=y, ax=middle[0], ay=middle[1], xref="x", yref="y", axref="x",
                                        ayref="y", text="", showarrow=True, arrowhead=2, arrowsize=1.2,
                                        arrowwidth=2, arrowcolor=colour, standoff=sizes.get(actor_id, 10) / 2 + 1)
                   for (x, y), actor_id in ends]
    return arrows


NETWORK_LABEL_ROOM = 0.15  # of the layout's width, added on each side of the outer nodes


def padded_range(values: pd.Series, share: float) -> list[float]:
    """[low, high] of the values widened by `share` of their spread on each side (by 1 when all are equal)."""
    low, high = float(values.min()), float(values.max())
    spread = (high - low) or 1.0
    return [low - share * spread, high + share * spread]


def make_tie_hover_trace(edges: pd.DataFrame) -> go.Scatter:
    """Return invisible markers at the middle of every tie whose hover names the pair, its relations each way
    ("A → B: accuses 3; B → A: denies 1") with their mean polarity, and co-occurrence."""
    labels = [(f"{row.directions}<br>mean polarity {row.polarity:+.2f}<br>" if row.relations
               else f"{row.source} – {row.target}<br>")
              + f"named in the same sentence {row.cooccurrence} time(s)" for row in edges.itertuples()]
    return go.Scatter(x=(edges["x0"] + edges["x1"]) / 2, y=(edges["y0"] + edges["y1"]) / 2, mode="markers",
                      name="tie details", showlegend=False, marker={"size": 8, "opacity": 0}, text=labels,
                      hovertemplate="%{text}<extra></extra>")


def classify_polarity(value: float) -> str:
    """Return "positive", "negative" or "neutral" for a polarity value."""
    if value > 0:
        return "positive"
    if value < 0:
        return "negative"
    return "neutral"


@plain_labels
def make_quotes_by_speaker(frame: pd.DataFrame, *, limit: int = 20) -> go.Figure:
    """Return stacked bars of quotes per speaker by kind (columns speaker, kind, quotes)."""
    if frame.empty:
        return make_empty_figure()
    order = frame.groupby("speaker")["quotes"].sum().nlargest(limit)
    shown = frame[frame["speaker"].isin(order.index)]
    figure = px.bar(shown, x="quotes", y="speaker", color="kind", orientation="h", title="Quotes per speaker",
                    category_orders={"speaker": list(order.index), "kind": ["direct", "partial", "indirect", "scare"]},
                    labels={"quotes": "Quotes", "speaker": "", "kind": "Kind"})
    return figure.update_layout(barmode="stack", height=max(300, 24 * len(order) + 120), **LAYOUT)
