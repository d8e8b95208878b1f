"""Network page panels: the actor network from relations and co-occurrence, and its Gephi exports."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cache, charts, export, frames, network
from dashboard.sections.common import draw_chart
from dashboard.view import View, show_empty

KEY = "net"


def build_ties(view: View, *, with_cooccurrence: bool, min_weight: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (nodes, edges) of the selection; co-occurrence ties only when asked, weak ties dropped."""
    context = view.slice_ignoring_actors()
    pairs = cache.count_cooccurrence(view.results_dir, view.content_hash, view.selection, "sentence")
    pairs = frames.keep_pairs_with(pairs, actors=view.selection.actors) if with_cooccurrence else pairs.iloc[0:0]
    edges = network.build_network_edges(view.selected["relations"], pairs)
    edges = edges[edges["cooccurrence"] + edges["relations"] >= min_weight].reset_index(drop=True)
    linked = set(edges["source_id"]) | set(edges["target_id"]) | set(view.selection.actors)
    nodes = network.build_network_nodes(context["mentions"], context["articles"])
    return nodes[nodes["actor_id"].isin(linked)].reset_index(drop=True), edges


def draw_network(view: View) -> tuple[export.ChartItem | None, pd.DataFrame, pd.DataFrame]:
    """Draw the actor network; return the chart with its nodes and edges."""
    st.subheader("Actor network")
    left, middle, right = st.columns(3)
    with_cooccurrence = left.toggle("Same-sentence links", value=False, key=f"{KEY}_cooc",
                                    help="On: also link actors named in the same sentence. Off: only what actors do "
                                         "to each other (accuses, supports, meets, …).")
    min_weight = middle.slider("Minimum tie strength", 1, 10, 1, key=f"{KEY}_min_weight",
                               help="Relations plus sentences the two actors share.")
    limit = right.slider("Actors shown (strongest ties first)", 5, 100, 30, key=f"{KEY}_limit")
    nodes, edges = build_ties(view, with_cooccurrence=with_cooccurrence, min_weight=min_weight)
    nodes, edges = network.keep_strongest_actors(nodes, edges, limit=limit)
    nodes, alone = network.drop_isolated(nodes, edges, keep=frozenset(view.selection.actors))
    if edges.empty:
        show_empty("ties between actors", view=view, table="relations")
        return None, nodes, edges
    st.caption("Edge colour: mean polarity of the relations between two actors (red: accuses/threatens, blue: "
               "supports, grey: meets/asks or co-occurrence only); thick edges carry relations, and their arrows "
               "point from who acts to whom (both ways on a two-way tie). Node size: mentions. Hover the middle of an "
               "edge for its relations each way."
               + (f" {alone} actor(s) whose ties all lead to actors not shown are left out; show more actors to "
                  "see them." if alone else ""))
    placed_nodes, placed_edges = cache.lay_out_network(nodes, edges)
    figure = charts.make_network(placed_nodes, placed_edges)
    item = export.ChartItem("actor_network", "Actor network", figure, edges)
    draw_chart(item, key=f"{KEY}_graph")
    draw_relation_table(view)
    return item, nodes, edges


def draw_relation_table(view: View) -> None:
    """List the relations of the selection with their evidence sentences."""
    relations = frames.attach_article_fields(view.selected["relations"], view.selected["articles"])
    columns = ["source_actor", "relation", "target_actor", "polarity", "evidence", "cue", "source", "published", "url"]
    with st.expander(f"The {len(relations):,} relation(s) behind the network"):
        st.dataframe(relations[columns], hide_index=True, key=f"{KEY}_relations", column_config={
            "source_actor": "From", "relation": "Relation", "target_actor": "To", "cue": "Cue", "source": "Outlet",
            "polarity": st.column_config.NumberColumn("Polarity", format="%+d"),
            "evidence": st.column_config.TextColumn("Evidence", width="large"),
            "published": st.column_config.DatetimeColumn("Date", format="YYYY-MM-DD"),
            "url": st.column_config.LinkColumn("Article")})


def draw_gephi_downloads(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    """Offer the network as GraphML and as Gephi node/edge CSV files."""
    if edges.empty:
        return
    st.subheader("Open in Gephi")
    node_csv, edge_csv = network.write_gephi_csv(nodes, edges)
    graphml = network.write_graphml(network.make_graph(nodes, edges))
    cells = st.columns(3)
    cells[0].download_button("GraphML", data=graphml, file_name="actorlens_network.graphml",
                             mime=export.MIME_TYPES["graphml"], key=f"{KEY}_graphml", on_click="ignore")
    cells[1].download_button("Nodes (CSV)", data=node_csv, file_name="actorlens_nodes.csv",
                             mime=export.MIME_TYPES["csv"], key=f"{KEY}_nodes_csv", on_click="ignore")
    cells[2].download_button("Edges (CSV)", data=edge_csv, file_name="actorlens_edges.csv",
                             mime=export.MIME_TYPES["csv"], key=f"{KEY}_edges_csv", on_click="ignore")
    st.caption("In Gephi: File → Open the GraphML, or Data Laboratory → Import Spreadsheet for the two CSV files.")
