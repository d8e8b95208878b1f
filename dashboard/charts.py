"""Pure figure builders: each make_<chart>(frame) turns an already shaped frame into a Plotly figure."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

STANCE_COLOURS = {"support": "#1a9850", "oppose": "#d73027", "neutral": "#9e9e9e"}
MEASURE_COLOURS = {"toward actor": "#3366cc", "own quotes": "#ff9900"}
POLARITY_SCALE = "RdBu"  # red = negative, blue = positive; colour-blind safer than red/green
LAYOUT = {"margin": {"l": 10, "r": 10, "t": 50, "b": 10}, "template": "plotly_white"}


def make_empty_figure(message: str = "No data for this selection") -> go.Figure:
    """Return a blank figure that says why it is blank."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure.update_layout(**LAYOUT)


def make_articles_per_day(frame: pd.DataFrame, *, period_label: str = "day") -> go.Figure:
    """Return stacked bars of articles per period coloured by outlet (columns period, source, articles)."""
    if frame.empty:
        return make_empty_figure()
    figure = px.bar(frame, x="period", y="articles", color="source", title=f"Articles per {period_label} by outlet",
                    labels={"period": period_label.capitalize(), "articles": "Articles", "source": "Outlet"})
    return figure.update_layout(barmode="stack", **LAYOUT)


def make_top_actors(frame: pd.DataFrame, *, limit: int = 15) -> go.Figure:
    """Return horizontal bars of the most mentioned actors (columns actor, mentions, articles)."""
    if frame.empty:
        return make_empty_figure()
    top = frame.nlargest(limit, "mentions").sort_values("mentions")
    figure = px.bar(top, x="mentions", y="actor", orientation="h", hover_data=["articles"],
                    title=f"Top {min(limit, len(top))} actors by mentions",
                    labels={"mentions": "Mentions", "actor": ""})
    return figure.update_layout(height=max(300, 24 * len(top) + 100), **LAYOUT)


def make_actor_frequencies(frame: pd.DataFrame, *, value: str = "mentions", by_outlet: bool = False,
                           limit: int = 20) -> go.Figure:
    """Return bars of actor frequencies; value is a column of count_actor_frequencies, grouped by outlet if asked."""
    if frame.empty:
        return make_empty_figure()
    totals = frame.groupby("actor")[value].sum().nlargest(limit)
    shown = frame[frame["actor"].isin(totals.index)]
    label = {"mentions": "Mentions", "articles": "Articles", "share_of_voice": "Share of voice (mentions)",
             "article_share": "Share of articles"}[value]
    # graph_objects rather than plotly.express: this chart redraws on every filter change and px costs ~0.1 s.
    groups = shown.groupby("source", sort=True) if by_outlet else [(None, shown)]
    figure = go.Figure([go.Bar(x=group[value], y=group["actor"], orientation="h", name=outlet or label,
                               showlegend=by_outlet, hovertemplate="%{y}: %{x}<extra>" + (outlet or "") + "</extra>")
                        for outlet, group in groups])
    figure.update_yaxes(categoryorder="array", categoryarray=list(totals.index)[::-1])
    figure.update_xaxes(title=label, tickformat=".0%" if value in ("share_of_voice", "article_share") else None)
    height = max(320, (18 * shown["source"].nunique() if by_outlet else 24) * len(totals) + 120)
    return figure.update_layout(barmode="group", title=f"{label} per actor", height=height, **LAYOUT)


def make_mentions_over_time(frame: pd.DataFrame, *, period_label: str = "week") -> go.Figure:
    """Return one line per actor of mentions per period (columns period, actor, mentions)."""
    if frame.empty:
        return make_empty_figure()
    figure = px.line(frame, x="period", y="mentions", color="actor", markers=True,
                     title=f"Mentions per {period_label}", labels={"period": period_label.capitalize(),
                                                                   "mentions": "Mentions", "actor": "Actor"})
    return figure.update_layout(**LAYOUT)


def make_cooccurrence_heatmap(frame: pd.DataFrame, *, limit: int = 25) -> go.Figure:
    """Return a symmetric heatmap of how often two actors appear together.

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
    figure = go.Figure(go.Heatmap(z=matrix.to_numpy(), x=order, y=order, colorscale="Blues", hoverongaps=False,
                                  text=matrix.fillna(0).astype(int).to_numpy(), texttemplate="%{text}",
                                  hovertemplate="%{y} + %{x}: %{z}<extra></extra>", colorbar={"title": "Together"}))
    figure.update_yaxes(autorange="reversed")
    return figure.update_layout(title="Actors appearing together", height=max(350, 26 * len(order) + 150), **LAYOUT)


def make_sentiment_by_actor(frame: pd.DataFrame) -> go.Figure:
    """Return mean sentiment with 95 % intervals per actor: toward the actor and of its own quotes, side by side.

    Columns actor, measure, mean, n, low, high, small_n; means over few values are drawn hollow and labelled.
    """
    if frame.empty:
        return make_empty_figure()
    measures = list(MEASURE_COLOURS)
    actors = sorted(frame["actor"].unique())
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                           subplot_titles=["Sentiment toward the actor", "Sentiment of the actor's own quotes"])
    for column, measure in enumerate(measures, start=1):
        group = frame[frame["measure"] == measure]
        figure.add_trace(go.Scatter(
            x=group["mean"], y=group["actor"], mode="markers+text", name=measure,
            error_x={"type": "data", "symmetric": False, "array": group["high"] - group["mean"],
                     "arrayminus": group["mean"] - group["low"]},
            marker={"size": 11, "color": MEASURE_COLOURS[measure],
                    "symbol": ["circle-open" if flag else "circle" for flag in group["small_n"]]},
            text=[f"n={n}" + (" (small)" if flag else "")
                  for n, flag in zip(group["n"], group["small_n"], strict=True)],
            textposition="top center", customdata=group[["n"]].to_numpy(),
            hovertemplate="%{y}<br>mean %{x:.2f}<br>n=%{customdata[0]}<extra>" + measure + "</extra>"),
            row=1, col=column)
        figure.add_vline(x=0, line_dash="dot", line_color="#777", row=1, col=column)
    figure.update_xaxes(title="Mean polarity (-1 … +1)", range=[-1.05, 1.05])
    figure.update_yaxes(categoryorder="array", categoryarray=actors[::-1])
    return figure.update_layout(title="Sentiment toward each actor and of its own quotes", showlegend=False,
                                height=max(350, 44 * len(actors) + 160), **LAYOUT)


def make_sentiment_over_time(frame: pd.DataFrame, *, period_label: str = "week") -> go.Figure:
    """Return lines of mean sentiment toward each actor per period with 95 % intervals as error bars."""
    if frame.empty:
        return make_empty_figure()
    figure = px.line(frame, x="period", y="mean", color="actor", markers=True, hover_data=["n"],
                     error_y=frame["high"] - frame["mean"], error_y_minus=frame["mean"] - frame["low"],
                     title=f"Sentiment toward actors per {period_label}",
                     labels={"period": period_label.capitalize(), "mean": "Mean polarity", "actor": "Actor"})
    figure.add_hline(y=0, line_dash="dot", line_color="#777")
    return figure.update_layout(**LAYOUT)


def make_sentiment_by_outlet(frame: pd.DataFrame) -> go.Figure:
    """Return a heatmap of mean sentiment toward each actor (rows) in each outlet (columns) with n in each cell."""
    if frame.empty:
        return make_empty_figure()
    means = frame.pivot_table(index="actor", columns="source", values="mean")
    counts = frame.pivot_table(index="actor", columns="source", values="n").reindex_like(means)
    labels = [[f"{m:+.2f}<br>n={int(n)}" if pd.notna(m) else "" for m, n in zip(row_m, row_n, strict=True)]
              for row_m, row_n in zip(means.to_numpy(), counts.fillna(0).to_numpy(), strict=True)]
    figure = go.Figure(go.Heatmap(z=means.to_numpy(), x=list(means.columns), y=list(means.index), zmin=-1, zmax=1,
                                  zmid=0, colorscale=POLARITY_SCALE, text=labels, texttemplate="%{text}",
                                  hoverongaps=False, colorbar={"title": "Mean"}))
    figure.update_yaxes(autorange="reversed")
    return figure.update_layout(title="Sentiment toward actors by outlet",
                                height=max(350, 32 * len(means) + 150), **LAYOUT)


def make_stance_heatmap(frame: pd.DataFrame) -> go.Figure:
    """Return an actor x target grid of net stance (-1 oppose … +1 support) with counts in each cell.

    Drawn as square markers rather than a Heatmap trace because Plotly can select (click) markers but not
    heatmap cells; each cell carries [actor_id, target_id] as customdata so a click can list its evidence.
    Columns actor, target, actor_id, target_id, support, oppose, neutral, n, net.
    """
    if frame.empty:
        return make_empty_figure()
    labels = [f"{net:+.2f}<br>{int(s)}/{int(o)}/{int(n)}" for net, s, o, n in
              zip(frame["net"], frame["support"], frame["oppose"], frame["neutral"], strict=True)]
    actors, targets = sorted(frame["actor"].unique()), sorted(frame["target"].unique())
    figure = go.Figure(go.Scatter(
        x=frame["target"], y=frame["actor"], mode="markers+text", text=labels, textfont={"size": 10},
        customdata=frame[["actor_id", "target_id", "n"]].to_numpy(),
        marker={"symbol": "square", "size": 54, "color": frame["net"], "cmin": -1, "cmax": 1,
                "colorscale": POLARITY_SCALE, "showscale": True, "colorbar": {"title": "Net stance"},
                "line": {"width": 1, "color": "#ffffff"}},
        hovertemplate="%{y} on %{x}<br>net %{marker.color:+.2f} over %{customdata[2]} statements<extra></extra>"))
    figure.update_xaxes(categoryorder="array", categoryarray=targets, side="top", showgrid=False)
    figure.update_yaxes(categoryorder="array", categoryarray=actors, autorange="reversed", showgrid=False)
    return figure.update_layout(title="Net stance of actors toward targets (click a cell for its evidence)",
                                height=max(350, 60 * len(actors) + 160), **LAYOUT)


def make_stance_bars(frame: pd.DataFrame) -> go.Figure:
    """Return stacked support/oppose/neutral bars per actor, one panel per target.

    Columns actor, target, stance, count.
    """
    if frame.empty:
        return make_empty_figure()
    figure = px.bar(frame, x="count", y="actor", color="stance", orientation="h", facet_col="target",
                    facet_col_wrap=3, color_discrete_map=STANCE_COLOURS,
                    category_orders={"stance": list(STANCE_COLOURS)}, title="Stance statements per actor and target",
                    labels={"count": "Statements", "actor": ""})
    figure.for_each_annotation(lambda note: note.update(text=note.text.split("=")[-1]))
    rows = -(-frame["target"].nunique() // 3)
    return figure.update_layout(barmode="stack", height=max(350, rows * (22 * frame["actor"].nunique() + 80) + 100),
                                **LAYOUT)


def make_stance_over_time(frame: pd.DataFrame, *, period_label: str = "week") -> go.Figure:
    """Return lines of net stance per target over time (columns period, target, net, n)."""
    if frame.empty:
        return make_empty_figure()
    figure = px.line(frame, x="period", y="net", color="target", markers=True, hover_data=["n", "support", "oppose"],
                     title=f"Net stance per target per {period_label}",
                     labels={"period": period_label.capitalize(), "net": "Net stance", "target": "Target"})
    figure.update_yaxes(range=[-1.05, 1.05])
    figure.add_hline(y=0, line_dash="dot", line_color="#777")
    return figure.update_layout(**LAYOUT)


def make_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> go.Figure:
    """Return the actor network: nodes (actor, x, y, mentions) and edges (x0, y0, x1, y1, polarity, weight, label)."""
    if nodes.empty:
        return make_empty_figure()
    figure = go.Figure()
    for kind, colour in (("negative", "#d73027"), ("neutral", "#b0b0b0"), ("positive", "#4575b4")):
        part = edges[edges["polarity"].apply(classify_polarity) == kind]
        xs = [value for row in part.itertuples() for value in (row.x0, row.x1, None)]
        ys = [value for row in part.itertuples() for value in (row.y0, row.y1, None)]
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=f"{kind} ties", hoverinfo="skip",
                                    line={"color": colour, "width": 1.5}))
    sizes = 10 + 30 * (nodes["mentions"] / max(nodes["mentions"].max(), 1)) ** 0.5
    figure.add_trace(go.Scatter(x=nodes["x"], y=nodes["y"], mode="markers+text", text=nodes["actor"], name="actors",
                                textposition="top center", marker={"size": sizes, "color": "#555"},
                                customdata=nodes[["mentions"]].to_numpy(),
                                hovertemplate="%{text}<br>%{customdata[0]} mentions<extra></extra>"))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure.update_layout(title="Actor network (edges coloured by relation polarity)", height=600, **LAYOUT)


def classify_polarity(value: float) -> str:
    """Return "positive", "negative" or "neutral" for a polarity value."""
    if value > 0:
        return "positive"
    if value < 0:
        return "negative"
    return "neutral"


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
