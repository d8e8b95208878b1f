"""Tests for dashboard.charts: pure figure builders, checked on tiny frames without Streamlit."""

from __future__ import annotations

import colorsys

import pandas as pd
import plotly.graph_objects as go
import pytest
from dashboard_fixtures import make_tables

from analysis import summaries
from analysis.selection import Selection, apply_selection
from dashboard import charts, export, frames, network


@pytest.fixture
def selected() -> dict[str, pd.DataFrame]:
    return apply_selection(make_tables(), Selection())


def test_every_builder_explains_an_empty_frame() -> None:
    empty = pd.DataFrame()
    builders = [charts.make_articles_per_day, charts.make_top_actors, charts.make_actor_frequencies,
                charts.make_mentions_over_time, charts.make_cooccurrence_heatmap, charts.make_sentiment_by_actor,
                charts.make_sentiment_over_time, charts.make_sentiment_by_outlet, charts.make_stance_heatmap,
                charts.make_stance_bars, charts.make_stance_over_time, charts.make_stance_over_time_by_actor,
                charts.make_quotes_by_speaker]
    for build in builders:
        figure = build(empty)
        assert figure.data == ()
        assert "No" in figure.layout.annotations[0].text
    assert charts.make_network(empty, empty).data == ()


def test_articles_per_day_stacks_one_trace_per_outlet(selected) -> None:
    data = summaries.count_articles_by_period(selected["articles"], freq="D")
    figure = charts.make_articles_per_day(data)
    assert sorted(trace.name for trace in figure.data) == ["Eastern Frontier Daily", "Meridian Wire",
                                                           "The Volga Observer"]
    assert figure.layout.barmode == "stack"


def test_top_actors_orders_by_mentions(selected) -> None:
    data = frames.count_actor_frequencies(selected["mentions"], selected["articles"])
    figure = charts.make_top_actors(data, limit=2)
    assert list(figure.data[0].y) == ["Russia", "Joe Biden"]
    assert list(figure.data[0].x) == [3, 4]


def test_share_of_voice_axis_is_percent(selected) -> None:
    data = frames.count_actor_frequencies(selected["mentions"], selected["articles"])
    figure = charts.make_actor_frequencies(data, value="share_of_voice")
    assert figure.layout.xaxis.tickformat == ".0%"
    assert round(sum(figure.data[0].x), 6) == 1.0


def test_cooccurrence_heatmap_is_symmetric(selected) -> None:
    pairs = summaries.count_cooccurrence(selected["mentions"], selected["articles"], level="article")
    figure = charts.make_cooccurrence_heatmap(pairs)
    z = pd.DataFrame(figure.data[0].z, index=figure.data[0].y, columns=figure.data[0].x)
    assert z.loc["Russia", "Vladimir Putin"] == z.loc["Vladimir Putin", "Russia"] == 3


def test_sentiment_by_actor_flags_small_n_with_hollow_markers(selected) -> None:
    data = frames.summarize_sentiment_by_actor(selected["mentions"], selected["quotes"], selected["articles"])
    figure = charts.make_sentiment_by_actor(data)
    assert [trace.name for trace in figure.data] == ["toward actor", "n toward actor", "own quotes", "n own quotes"]
    assert (figure.data[0].xaxis, figure.data[2].xaxis) == ("x", "x2")  # side by side
    assert set(figure.data[0].marker.symbol) == {"circle-open"}
    assert figure.data[1].text[0] == "n=4 (few)"
    # wide intervals on four values fill the scale; the n labels stand right of it, clear of the whisker ends
    assert list(figure.layout.xaxis.range) == [-1.05, 1.575]
    assert set(figure.data[1].x) == {1.575} and max(data["high"]) <= 1.05
    assert list(figure.layout.xaxis.tickvals) == [-1.0, -0.5, 0.0, 0.5, 1.0]


def test_polarity_ticks_stay_on_the_scale() -> None:
    assert charts.polarity_ticks(0.25) == [-0.2, -0.1, 0.0, 0.1, 0.2]
    assert charts.polarity_ticks(0.56) == [-0.5, -0.25, 0.0, 0.25, 0.5]
    assert charts.polarity_ticks(1.05) == [-1.0, -0.5, 0.0, 0.5, 1.0]


def test_polarity_axis_zooms_to_the_data() -> None:
    frame = pd.DataFrame({"mean": [0.1, -0.02], "low": [0.05, -0.3], "high": [0.2, 0.5]})
    assert charts.find_polarity_range(frame) == 0.56
    assert charts.find_polarity_range(frame.assign(low=0.0, high=0.1)) == 0.25  # never narrower than +-0.25


def test_stance_grid_cells_carry_ids_and_counts(selected) -> None:
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    cells = {(y, x): (trace, index) for trace in charts.make_stance_heatmap(matrix).data
             for index, (x, y) in enumerate(zip(trace.x, trace.y, strict=True))}
    trace, cell = cells[("Volodymyr Zelensky", "recognition of DPR/LPR")]
    assert trace.text[cell] == "-1.00<br>0/1/0"
    assert list(trace.customdata[cell]) == ["volodymyr_zelensky", "recognition", 1, -1.0]
    assert trace.marker.symbol == "square"


def test_an_exported_stance_grid_keeps_a_row_per_actor_apart() -> None:
    # Exports took a fixed 650 pixels: fifteen actors' 40-pixel cells ran into each other.
    actors = [f"Actor {index}" for index in range(15)]
    matrix = pd.DataFrame({"actor": actors, "target": "Sanctions", "actor_id": actors, "target_id": "sanctions",
                           "support": 1, "oppose": 0, "neutral": 0, "n": 1, "net": 1.0})
    figure = charts.make_stance_heatmap(matrix)
    size = export.image_size(figure.to_dict())
    margin = figure.layout.margin
    row_pixels = (size["height"] - margin.t - margin.b) / len(actors)
    assert (size["width"], size["height"], size["scale"]) == (1100, 46 * 15 + 340, 2)
    assert row_pixels > figure.data[0].marker.size
    assert export.image_size({"layout": {"title": {"text": "t"}}}) == export.IMAGE_SIZE


def test_stance_grid_greys_cells_of_few_statements_and_keeps_their_numbers(selected) -> None:
    # a user's review: a pale cell of one statement looked like a moderate stance of many
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    matrix = matrix.assign(n=[1, 5, 4, 6, 1])  # as if some cells had more statements
    figure = charts.make_stance_heatmap(matrix, small_n=5)
    grey = figure.data[-1]
    assert (grey.marker.color, grey.textfont.color, grey.textfont.style) == ("#dedede", "#555555", "italic")
    few = list(zip(grey.y, grey.x, grey.text, strict=True))
    assert few == [("Joe Biden", "diplomacy", "+1.00<br>1/0/0"), ("Russia", "diplomacy", "+0.00<br>0/0/1"),
                   ("Volodymyr Zelensky", "recognition of DPR/LPR", "-1.00<br>0/1/0")]
    assert "too few to colour" in grey.hovertemplate
    coloured = {(y, x): colour for trace in figure.data[:-1]
                for x, y, colour in zip(trace.x, trace.y, trace.marker.color, strict=True)}
    assert coloured == {("Joe Biden", "sanctions on Russia"): 1.0, ("Vladimir Putin", "recognition of DPR/LPR"): 1.0}
    assert "click" not in charts.make_stance_heatmap(matrix).layout.title.text


def test_stance_grid_on_the_page_gives_its_title_room_back(selected) -> None:
    # a user's review: a blank band of about 150 pixels lay between the caption and the grid
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    layout = charts.make_stance_heatmap(matrix).to_plotly_json()["layout"]
    assert layout["margin"]["t"] == charts.STANCE_TITLE_ROOM + charts.STANCE_LABEL_ROOM == 190
    shown = charts.drop_title(layout)
    assert (shown["title"], shown["margin"]["t"]) == (None, charts.STANCE_LABEL_ROOM)
    bars = charts.make_stance_bars(matrix).to_plotly_json()["layout"]
    assert charts.drop_title(bars)["margin"] == bars["margin"]  # a chart without title room keeps its margins


def test_stance_grid_numbers_keep_their_colour_when_a_cell_is_selected(selected) -> None:
    # a user's review: after a click on a cell, the dark cells' white numbers vanished
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"]).assign(n=9)
    figure = charts.make_stance_heatmap(matrix)
    for trace in figure.data:
        assert trace.unselected.textfont.color == trace.textfont.color == trace.selected.textfont.color
    assert {trace.textfont.color for trace in figure.data} == {"#ffffff", "#222222"}
    white = [trace for trace in figure.data if trace.textfont.color == "#ffffff"]
    dark = {(y, x) for trace in white for x, y in zip(trace.x, trace.y, strict=True)}
    expected = {(a, t) for a, t, net in zip(matrix["actor"], matrix["target"], matrix["net"], strict=True)
                if abs(net) >= 0.6}
    assert dark == expected


def test_stance_over_time_breaks_at_empty_periods_and_hollows_few(selected) -> None:
    weekly = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W")
    figure = charts.make_stance_over_time(weekly, small_n=3)
    recognition = next(trace for trace in figure.data if trace.name == "recognition of DPR/LPR")
    few = next(trace for trace in figure.data if trace.name == "recognition of DPR/LPR (few statements)")
    # 2 statements, then none: both under 3, drawn hollow over the series, which keeps its legend marker
    assert (few.y[0], few.marker.color, few.marker.line.color) == (0.0, "white", recognition.line.color)
    assert few.showlegend is False and recognition.showlegend is not False
    assert pd.isna(recognition.y[1])  # no line drawn through the empty week
    assert figure.data[0].connectgaps in (None, False)
    assert figure.layout.shapes[0].layer == "below"  # the zero line does not hide points at 0


def test_exported_stance_grid_explains_its_cells(selected) -> None:
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    title = charts.make_stance_heatmap(matrix, small_n=5).layout.title
    assert title.subtitle.text == "Each cell: net stance, then support/oppose/neutral statements; grey: fewer than 5"


def test_stance_grid_is_green_for_support_and_red_for_oppose(selected) -> None:
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    scale = charts.make_stance_heatmap(matrix).data[0].marker.colorscale
    assert (scale[0][1], scale[-1][1]) == ("#d73027", "#1a9850")


def test_stance_bars_use_fixed_colours(selected) -> None:
    figure = charts.make_stance_bars(frames.summarize_stance_matrix(selected["stances"], selected["articles"]))
    colours = {trace.name: trace.marker.color for trace in figure.data}
    assert colours["support"] == "#1a9850" and colours["oppose"] == "#d73027"
    assert colours["neutral"] == "#9e9e9e"


def test_cooccurrence_diagonal_is_blank(selected) -> None:
    pairs = summaries.count_cooccurrence(selected["mentions"], selected["articles"], level="article")
    trace = charts.make_cooccurrence_heatmap(pairs).data[0]
    assert all(trace.text[index][index] == "" for index in range(len(trace.x)))


def test_sentiment_by_outlet_leaves_small_n_cells_uncoloured_and_every_cell_clickable(selected) -> None:
    data = frames.summarize_sentiment_by_outlet(selected["mentions"], selected["articles"], small_n=2)
    figure = charts.make_sentiment_by_outlet(data)
    # cells are square markers, which a click can select (heatmap cells cannot), each with its actor and outlet
    assert all(trace.type == "scatter" and trace.marker.symbol == "square" for trace in figure.data)
    cells = {(trace.y[index], trace.x[index]): (trace, index) for trace in figure.data for index in range(len(trace.x))}
    assert len(cells) == len(data)
    small, position = cells[("Russia", "Atlas Live")]  # n=1: its numbers on plain grey, no colour
    assert small.marker.color == charts.SMALL_N_GREY and small.text[position].endswith("n=1")
    assert list(small.customdata[position][:3]) == ["russia", "Atlas Live", 1]
    coloured, position = cells[("Joe Biden", "Meridian Wire")]  # n=2 keeps its colour
    assert round(float(coloured.marker.color[position]), 6) == 0.05 and coloured.marker.showscale
    assert coloured.text[position] == "+0.05<br>n=2"


def place_network(selected: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The fixture's network nodes and edges, laid out as the Network page lays them out."""
    pairs = summaries.count_cooccurrence(selected["mentions"], selected["articles"], level="sentence")
    nodes = network.build_network_nodes(selected["mentions"], selected["articles"])
    edges = network.build_network_edges(selected["relations"], pairs)
    return network.lay_out_network(nodes, edges)


def test_network_colours_edges_by_polarity(selected) -> None:
    placed_nodes, placed_edges = place_network(selected)
    figure = charts.make_network(placed_nodes, placed_edges)
    names = [trace.name for trace in figure.data]
    assert names == ["negative ties", "neutral ties", "tie details", "actors"]
    assert figure.data[0].line.width == 3.0  # the criticises tie carries a relation: drawn thick
    assert len([x for x in figure.data[0].x if x is not None]) == 2  # one criticises edge: two end points
    assert sorted(figure.data[3].text) == ["Joe Biden", "Russia", "Vladimir Putin", "Volodymyr Zelensky"]
    assert figure.data[3].textfont.shadow.count("white") == 6  # labels drawn over ties keep a white halo


def test_classify_polarity() -> None:
    assert [charts.classify_polarity(v) for v in (-0.5, 0, 0.2)] == ["negative", "neutral", "positive"]


def test_panel_titles_break_at_spaces_into_short_lines() -> None:
    assert charts.wrap_title("Sentiment toward the actor (its mention contexts)") == (
        "Sentiment toward the actor<br>(its mention contexts)")
    assert charts.wrap_title("Military escalation / invasion", 20) == "Military escalation<br>/ invasion"
    assert charts.wrap_title("Sanctions on Russia", 20) == "Sanctions on Russia"
    assert charts.wrap_title("Internationalisation", 5) == "Internationalisation"  # never inside a word


def test_panel_titles_side_by_side_are_wrapped(selected) -> None:
    data = frames.summarize_sentiment_by_actor(selected["mentions"], selected["quotes"], selected["articles"])
    titles = [note.text for note in charts.make_sentiment_by_actor(data).layout.annotations]
    assert titles == ["Sentiment toward the actor<br>(its mention contexts)", "Sentiment of the actor's<br>own quotes"]
    bars = charts.make_stance_bars(frames.summarize_stance_matrix(selected["stances"], selected["articles"]))
    assert max(len(line) for note in bars.layout.annotations for line in note.text.split("<br>")) <= 20


def test_markup_in_names_shows_as_typed_and_ids_stay_as_they_are():
    # a user's review: an outlet called "<b>Bold Outlet</b>" showed in bold in the legend and the exports
    articles = pd.DataFrame(
        {"period": pd.to_datetime(["2022-02-21"]), "source": ["<b>Bold Outlet</b>"], "articles": [2]}
    )
    figure = charts.make_articles_per_day(articles)
    assert [trace.name for trace in figure.data] == ["&lt;b&gt;Bold Outlet&lt;/b&gt;"]
    stances = pd.DataFrame(
        {
            "actor_id": ["unregistered:AT&T <Corp>"],
            "actor": ["AT&T <Corp>"],
            "target_id": ["sanctions"],
            "target": ["Sanctions"],
            "net": [1.0],
            "n": [5],
            "support": [5],
            "oppose": [0],
            "neutral": [0],
        }
    )
    heatmap = charts.make_stance_heatmap(stances)
    assert list(heatmap.data[0].y) == ["AT&amp;T &lt;Corp&gt;"]
    assert heatmap.data[0].customdata[0][0] == "unregistered:AT&T <Corp>"


def test_an_actor_or_outlet_keeps_its_colour_whatever_the_filters_show():
    # a user's review: an outlet was light blue unfiltered and orange with Putin chosen
    colours = charts.assign_colours(["Russia", "Ukraine", "<b>Daily</b>"])
    assert colours["Ukraine"] == charts.PALETTE[1]
    only_ukraine = pd.DataFrame({"period": pd.to_datetime(["2022-02-21"]), "actor": ["Ukraine"], "mentions": [3]})
    lines = charts.make_mentions_over_time(only_ukraine, colours=colours)
    assert [trace.line.color for trace in lines.data] == [charts.PALETTE[1]]
    sentiment = pd.DataFrame(
        {"period": pd.to_datetime(["2022-02-21"]), "actor": ["Ukraine"], "mean": [0.1], "n": [9], "low": [0.0],
         "high": [0.2], "small_n": [False]}
    )
    assert [trace.line.color for trace in charts.make_sentiment_over_time(sentiment, colours=colours).data] == [
        charts.PALETTE[1]
    ]
    articles = pd.DataFrame({"period": pd.to_datetime(["2022-02-21"]), "source": ["<b>Daily</b>"], "articles": [2]})
    bars = charts.make_articles_per_day(articles, colours=colours)
    assert [trace.marker.color for trace in bars.data] == [charts.PALETTE[2]]


def test_a_short_date_range_gets_one_dated_tick_per_period_and_whole_counts():
    # a user's review: two days of articles showed "23:59:59.999 Jan 9, 2022" and "0.5" articles
    articles = pd.DataFrame(
        {"period": pd.to_datetime(["2022-01-10", "2022-01-11"]), "source": ["Wire", "Wire"], "articles": [1, 3]}
    )
    figure = charts.make_articles_per_day(articles, period_label="day")
    assert (figure.layout.xaxis.tickformat, figure.layout.xaxis.dtick) == ("%d %b<br>%Y", 86_400_000)
    assert (figure.layout.yaxis.dtick, figure.layout.yaxis.tick0) == (1, 0)
    many = pd.DataFrame(
        {"period": pd.date_range("2022-01-03", periods=20, freq="W-MON"), "actor": "Russia", "mentions": 40}
    )
    lines = charts.make_mentions_over_time(many, period_label="week")
    axes = (lines.layout.xaxis.tickformat, lines.layout.xaxis.dtick, lines.layout.yaxis.dtick)
    assert axes == ("%d %b<br>%Y", None, None)
    # a panel a third of the chart wide: one tick per period up to four periods, else at most four ticks
    panel = charts.fit_period_axis(go.Figure(), many["period"], "week", few=charts.PANEL_TICKS).layout.xaxis
    assert (panel.dtick, panel.nticks) == (None, 4)
    assert charts.fit_period_axis(go.Figure(), many["period"][:4], "week", few=4).layout.xaxis.dtick == 7 * 86_400_000


def test_stance_panels_each_show_their_numbers_apart(selected) -> None:
    # a user's review: a panel with none under it had no x axis numbers, and "80" of one panel touched "0" of the
    # next
    matrix = frames.summarize_stance_matrix(selected["stances"], selected["articles"])
    figure = charts.make_stance_bars(matrix)
    axes = [axis for name, axis in figure.layout.to_plotly_json().items() if name.startswith("xaxis")]
    assert axes and all(axis.get("showticklabels") is True for axis in axes)
    starts = sorted({axis["domain"][0] for axis in axes})
    ends = sorted({axis["domain"][1] for axis in axes})
    gaps = [round(start - end, 2) for start, end in zip(starts[1:], ends[:-1], strict=True)]
    assert len(gaps) == 2 and all(gap >= charts.FACET_COLUMN_GAP for gap in gaps)


def test_network_leaves_room_for_the_outer_names(selected) -> None:
    # a user's review: "Russian Foreign Ministry" at the left edge was cut to "ssian Foreign Ministry"
    placed_nodes, placed_edges = place_network(selected)
    figure = charts.make_network(placed_nodes, placed_edges)
    low, high = placed_nodes["x"].min(), placed_nodes["x"].max()
    room = charts.NETWORK_LABEL_ROOM * (high - low)
    assert list(figure.layout.xaxis.range) == pytest.approx([low - room, high + room])


def hue_degrees(colour: str) -> float:
    """The hue (0..360) of a #rrggbb colour."""
    red, green, blue = (int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)[0] * 360


def test_a_stance_target_keeps_its_colour_and_none_is_a_stance_colour(selected) -> None:
    # a user's review: a target changed colour with the filters, and "NATO enlargement" was drawn in oppose red
    colours = charts.assign_colours(["diplomacy", "recognition of DPR/LPR", "sanctions on Russia"],
                                    palette=charts.TARGET_PALETTE)
    weekly = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W")
    only_sanctions = weekly[weekly["target"] == "sanctions on Russia"]
    lines = [trace for trace in charts.make_stance_over_time(only_sanctions, colours=colours).data if trace.showlegend
             is not False]
    assert [(trace.name, trace.line.color) for trace in lines] == [("sanctions on Russia", "#c51b7d")]
    every = {trace.name: trace.line.color for trace in charts.make_stance_over_time(weekly, colours=colours).data
             if trace.showlegend is not False}
    assert every == {"diplomacy": "#7b3294", "recognition of DPR/LPR": "#e08214", "sanctions on Russia": "#c51b7d"}
    # no red (345..15), green (75..165) or blue (195..255) hue, and no grey
    hues = [hue_degrees(colour) for colour in charts.TARGET_PALETTE]
    assert all(15 < hue < 75 or 165 < hue < 195 or 255 < hue < 345 for hue in hues), hues
    assert not set(charts.TARGET_PALETTE) & {*charts.STANCE_COLOURS.values(), *charts.MEASURE_COLOURS.values()}


def test_stance_over_time_by_actor_draws_a_line_per_actor_in_a_panel_per_target(selected) -> None:
    weekly = frames.summarize_stance_per_period(selected["stances"], selected["articles"], granularity="W",
                                                by_actor=True)
    colours = charts.assign_colours(["Russia", "Vladimir Putin", "Volodymyr Zelensky", "Joe Biden"])
    figure = charts.make_stance_over_time_by_actor(weekly, colours=colours)
    titles = [note.text for note in figure.layout.annotations]
    assert titles == ["diplomacy", "recognition of<br>DPR/LPR", "sanctions on Russia"]
    lines = [trace for trace in figure.data if not trace.name.endswith("(few statements)")]
    panels = [(trace.xaxis, trace.name, trace.line.color, [y for y in trace.y if pd.notna(y)]) for trace in lines]
    # Russia's only statement is undated: no line
    assert panels == [("x", "Joe Biden", charts.PALETTE[3], [1.0]), ("x2", "Vladimir Putin", charts.PALETTE[1], [1.0]),
                      ("x2", "Volodymyr Zelensky", charts.PALETTE[2], [-1.0]),
                      ("x3", "Joe Biden", charts.PALETTE[3], [1.0])]
    # each actor once in the legend, though Joe Biden has a line in two panels
    assert [trace.name for trace in lines if trace.showlegend is not False] == [
        "Joe Biden", "Vladimir Putin", "Volodymyr Zelensky"]
    assert "Vladimir Putin on recognition of DPR/LPR" in figure.data[2].hovertemplate


def test_network_arrows_point_from_who_acts_to_whom() -> None:
    # a user's review: the network did not show who accuses, supports or asks whom
    nodes = pd.DataFrame({"actor_id": ["nato", "russia", "ukraine"], "actor": ["NATO", "Russia", "Ukraine"],
                          "mentions": [1, 4, 4], "x": [0.0, 1.0, 2.0], "y": [0.0, 0.0, 1.0]})
    edges = pd.DataFrame({"source_id": ["nato", "russia"], "target_id": ["russia", "ukraine"],
                          "source": ["NATO", "Russia"], "target": ["Russia", "Ukraine"], "cooccurrence": [0, 2],
                          "relations": [1, 4], "polarity": [0.0, -1.0], "relation_types": ["asks", "accuses, denies"],
                          "source_to_target": [1, 1], "target_to_source": [0, 3],
                          "directions": ["NATO → Russia: asks 1",
                                         "Russia → Ukraine: accuses 1; Ukraine → Russia: accuses 2, denies 1"],
                          "x0": [0.0, 1.0], "y0": [0.0, 0.0], "x1": [1.0, 2.0], "y1": [0.0, 1.0]})
    figure = charts.make_network(nodes, edges)
    arrows = [(note.x, note.y, note.ax, note.ay, note.arrowcolor, note.standoff) for note in figure.layout.annotations]
    assert arrows == [(1.0, 0.0, 0.5, 0.0, "#b0b0b0", 21.0),  # NATO asks Russia: one arrow, at Russia
                      (2.0, 1.0, 1.5, 0.5, "#d73027", 21.0),  # a two-way tie: at Ukraine ...
                      (1.0, 0.0, 1.5, 0.5, "#d73027", 21.0)]  # ... and at Russia, beyond its marker's edge
    hover = next(trace for trace in figure.data if trace.name == "tie details")
    assert hover.text[1] == ("Russia → Ukraine: accuses 1; Ukraine → Russia: accuses 2, denies 1<br>"
                             "mean polarity -1.00<br>named in the same sentence 2 time(s)")


def make_weekly_sentiment() -> pd.DataFrame:
    """Two weeks of sentiment toward one actor: a first week over 2 values (few), a second over 9."""
    return pd.DataFrame({"period": pd.to_datetime(["2022-02-21", "2022-02-28"]), "actor": "Lind",
                         "mean": [0.5, 0.1], "n": [2, 9], "low": [-0.9, 0.0], "high": [1.9, 0.2],
                         "small_n": [True, False],
                         "coverage": ["partial week: 3 of 7 days (25 Feb – 27 Feb 2022)", ""]})


def test_sentiment_over_time_leaves_out_the_whiskers_of_few_values_unless_asked() -> None:
    # a user's review: a whisker over two values ran across the whole chart and drew the eye to the least sure point
    frame = make_weekly_sentiment()
    trace = charts.make_sentiment_over_time(frame).data[0]
    assert pd.isna(trace.error_y.array[0]) and pd.isna(trace.error_y.arrayminus[0])
    assert [round(value, 6) for value in trace.error_y.array[1:]] == [0.1]
    assert list(charts.make_sentiment_over_time(frame).layout.yaxis.range) == [-0.56, 0.56]  # fits 0.5, not 1.9
    asked = charts.make_sentiment_over_time(frame, few_intervals=True)
    assert [round(value, 6) for value in asked.data[0].error_y.array] == [1.4, 0.1]
    assert list(asked.layout.yaxis.range) == [-1.05, 1.05]


def test_time_charts_say_when_a_period_is_partial_in_their_hover() -> None:
    trace = charts.make_sentiment_over_time(make_weekly_sentiment()).data[0]
    assert [list(point) for point in trace.customdata] == [
        [2, "<br>partial week: 3 of 7 days (25 Feb – 27 Feb 2022)"], [9, ""]]
    assert "n=%{customdata[0]}%{customdata[1]}" in trace.hovertemplate
    stance = pd.DataFrame({"period": pd.to_datetime(["2022-02-21"]), "target": "Sanctions", "net": [1.0], "n": [6],
                           "support": [6], "oppose": [0], "coverage": ["partial week: 3 of 7 days (<b>)"]})
    line = charts.make_stance_over_time(stance).data[0]
    assert list(line.customdata[0]) == [6, 6, 0, "<br>partial week: 3 of 7 days (&lt;b&gt;)"]  # its text escaped
    assert line.hovertemplate.count("%{customdata[3]}") == 1


def test_network_names_sit_on_the_side_away_from_the_centre() -> None:
    # the README's screenshot of the sample: names of the crowded centre sat on top of each other and the ties
    ys = pd.Series([0.0, 1.0, 0.2, -1.0, -0.7])  # mean -0.1
    assert charts.outward_positions(ys) == ["top center", "top center", "top center", "bottom center",
                                            "bottom center"]
    nodes = pd.DataFrame({"actor_id": ["a", "b"], "actor": ["A", "B"], "mentions": [1, 2], "x": [0.0, 1.0],
                          "y": [1.0, 0.0]})
    figure = charts.make_network(nodes, pd.DataFrame(columns=["relations", "polarity"]))
    assert list(figure.data[-1].textposition) == ["top center", "bottom center"]


def test_network_names_that_would_overlap_move_apart() -> None:
    # a review of the sample's network: "Antony Blinken" and "Dmytro Kuleba", side by side above the centre,
    # were written over each other; the more mentioned name keeps its place and the other moves
    nodes = pd.DataFrame({"actor_id": ["a", "b", "c"], "actor": ["Antony Blinken", "Dmytro Kuleba", "Far Away"],
                          "mentions": [5, 9, 1], "x": [0.0, 0.05, 0.5], "y": [1.0, 1.0, -1.0]})
    figure = charts.make_network(nodes, pd.DataFrame(columns=["relations", "polarity"]))
    positions = list(figure.data[-1].textposition)
    assert positions == ["bottom center", "top center", "bottom center"]
    x_range, y_range = list(figure.layout.xaxis.range), list(figure.layout.yaxis.range)
    scale = (charts.NETWORK_PLOT_PIXELS[0] / (x_range[1] - x_range[0]),
             charts.NETWORK_PLOT_PIXELS[1] / (y_range[1] - y_range[0]))
    boxes = [charts.label_box(((x - x_range[0]) * scale[0], (y - y_range[0]) * scale[1]), size, name, position)
             for x, y, size, name, position in zip(nodes["x"], nodes["y"], figure.data[-1].marker.size,
                                                   nodes["actor"], positions, strict=True)]
    assert charts.overlap(boxes[0], boxes[1]) == 0


def test_network_names_stay_inside_the_plot_and_a_crowd_takes_the_least_overlap() -> None:
    # a name at the right edge of the plot does not go beside its node to the right, where Plotly would cut it
    x_range, y_range = [0.0, 1.0], [0.0, 1.0]
    edge = pd.DataFrame({"actor": ["Left", "A Very Long Name At The Edge"], "mentions": [9, 1],
                         "x": [0.02, 0.98], "y": [0.5, 0.52], "size": [10.0, 10.0]})
    assert charts.place_labels(edge, x_range=x_range, y_range=y_range)[1] != "middle right"
    # nine nodes on one spot: every position overlaps somewhere, and each name still gets one of the positions
    crowd = pd.DataFrame({"actor": [f"Name {index}" for index in range(9)], "mentions": list(range(9, 0, -1)),
                          "x": [0.5] * 9, "y": [0.5] * 9, "size": [10.0] * 9})
    positions = charts.place_labels(crowd, x_range=x_range, y_range=y_range)
    assert positions[0] == "top center" and len(set(positions)) == 8
    assert charts.overlap((0, 0, 10, 10), (5, 5, 20, 20)) == 25 and charts.outside((-10, 0, 10, 10)) == 400


def test_dark_outlet_cells_write_their_numbers_in_white() -> None:
    frame = pd.DataFrame({"source": ["Atlas Live", "Meridian Wire"], "actor_id": ["russia", "russia"],
                          "actor": ["Russia", "Russia"], "mean": [-0.5, 0.05], "n": [12, 9],
                          "small_n": [False, False]})
    dark, light = charts.make_sentiment_by_outlet(frame).data
    assert (list(dark.x), dark.textfont.color) == (["Atlas Live"], "#ffffff")
    assert (list(light.x), light.textfont.color, light.marker.showscale) == (["Meridian Wire"], "#222222", True)
