"""Pure construction of the actor network from relations and co-occurrence, its layout and Gephi exports."""

from __future__ import annotations

import io

import networkx as nx
import numpy as np
import pandas as pd

from analysis import summaries

# source_to_target and target_to_source count the relations each way (source_id sorts before target_id), and
# directions says them in words: "Russia → Ukraine: accuses 3; Ukraine → Russia: denies 1".
EDGE_COLUMNS = ["source_id", "target_id", "source", "target", "cooccurrence", "relations", "polarity", "relation_types",
                "source_to_target", "target_to_source", "directions"]


def build_network_nodes(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per actor: actor_id, actor, actor_type, mentions, articles; most mentioned first.

    The counts come from analysis.summaries; the mentions are already sliced (near-duplicates dropped or not).
    """
    counts = summaries.count_mentions_by_actor(mentions, articles, include_duplicates=True)
    return counts[["actor_id", "actor", "actor_type", "mentions", "articles"]]


def build_network_edges(relations: pd.DataFrame, cooccurrence: pd.DataFrame) -> pd.DataFrame:
    """Return undirected actor ties: co-occurrence count, relation count, mean relation polarity (-1..1), types,
    and the relations each way (`summarize_directions`).

    Ties are keyed by the pair of actor ids in sorted order; a pair only linked by co-occurrence has polarity 0.
    """
    pairs = relations[relations["source_actor_id"] != relations["target_actor_id"]]
    ordered = pairs.assign(
        source_id=pairs[["source_actor_id", "target_actor_id"]].min(axis=1),
        target_id=pairs[["source_actor_id", "target_actor_id"]].max(axis=1),
        source=pairs["source_actor"].where(pairs["source_actor_id"] <= pairs["target_actor_id"], pairs["target_actor"]),
        target=pairs["target_actor"].where(pairs["source_actor_id"] <= pairs["target_actor_id"], pairs["source_actor"]),
    )
    keys = ["source_id", "target_id", "source", "target"]
    related = ordered.groupby(keys).agg(relations=("relation", "size"), polarity=("polarity", "mean"),
                                        relation_types=("relation", lambda kinds: ", ".join(sorted(set(kinds)))))
    together = cooccurrence.rename(columns={"actor_a": "source_id", "actor_b": "target_id", "actor_a_name": "source",
                                            "actor_b_name": "target", "count": "cooccurrence"})
    together = together.set_index(keys)["cooccurrence"]
    directions = summarize_directions(pairs)
    edges = pd.concat([together, related], axis=1).reset_index()
    if edges.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    edges = edges.join(directions, on=["source_id", "target_id"])
    edges = edges.fillna({"cooccurrence": 0, "relations": 0, "polarity": 0.0, "relation_types": "",
                          "source_to_target": 0, "target_to_source": 0, "directions": ""})
    edges = edges.astype({"cooccurrence": int, "relations": int, "polarity": float, "source_to_target": int,
                          "target_to_source": int})
    return edges[EDGE_COLUMNS].sort_values(["source", "target"]).reset_index(drop=True)


def summarize_directions(relations: pd.DataFrame) -> pd.DataFrame:
    """Return per tie (index source_id, target_id, in sorted order) the relations from source to target and back
    (source_to_target, target_to_source) and `directions` in words, the tie's source first and each way's kinds
    most frequent first: "Russia → Ukraine: accuses 3, threatens 1; Ukraine → Russia: denies 1"."""
    ties: dict[tuple[str, str], dict] = {}
    keys = ["source_actor_id", "target_actor_id", "source_actor", "target_actor"]
    for (source_id, target_id, source, target), kinds in relations.groupby(keys)["relation"]:
        counts = kinds.value_counts().rename_axis("relation").reset_index()
        counts = counts.sort_values(["count", "relation"], ascending=[False, True])
        forward = source_id < target_id
        tie = ties.setdefault((min(source_id, target_id), max(source_id, target_id)), {})
        tie["source_to_target" if forward else "target_to_source"] = len(kinds)
        tie[forward] = f"{source} → {target}: " + ", ".join(f"{kind} {count}" for kind, count in
                                                          zip(counts["relation"], counts["count"], strict=True))
    rows = [{"source_id": source_id, "target_id": target_id, "source_to_target": tie.get("source_to_target", 0),
             "target_to_source": tie.get("target_to_source", 0),
             "directions": "; ".join(tie[way] for way in (True, False) if way in tie)}
            for (source_id, target_id), tie in ties.items()]
    columns = ["source_id", "target_id", "source_to_target", "target_to_source", "directions"]
    return pd.DataFrame(rows, columns=columns).set_index(["source_id", "target_id"])


def keep_strongest_actors(nodes: pd.DataFrame, edges: pd.DataFrame, *, limit: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the `limit` actors with the greatest total tie weight (relations + co-occurrence) and their ties."""
    weight = edges["cooccurrence"] + edges["relations"]
    totals = pd.concat([weight.groupby(edges["source_id"]).sum(), weight.groupby(edges["target_id"]).sum()])
    strength = totals.groupby(level=0).sum()
    ranked = nodes.assign(strength=nodes["actor_id"].map(strength).fillna(0))
    kept = ranked.sort_values(["strength", "mentions"], ascending=False, kind="stable").head(limit)
    kept = kept.drop(columns=["strength"]).reset_index(drop=True)
    ties = edges[edges["source_id"].isin(kept["actor_id"]) & edges["target_id"].isin(kept["actor_id"])]
    return kept, ties.reset_index(drop=True)


def drop_isolated(
    nodes: pd.DataFrame, edges: pd.DataFrame, *, keep: frozenset[str] = frozenset()
) -> tuple[pd.DataFrame, int]:
    """Return the nodes that have a tie among the edges (or are in `keep`, such as the actors the reader chose)
    and how many were left out: an actor whose ties all lead to actors not shown would float alone, far from
    the rest, and squeeze them into a corner."""
    tied = set(edges["source_id"]) | set(edges["target_id"]) | set(keep)
    shown = nodes["actor_id"].isin(tied)
    return nodes[shown].reset_index(drop=True), int((~shown).sum())


def make_graph(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    """Return an undirected networkx graph with actor and tie attributes (plain types, GraphML-safe); a tie's
    source_to_target counts the relations from its first actor (GraphML's source) to the other, target_to_source
    the relations back."""
    graph = nx.Graph()
    for row in nodes.itertuples(index=False):
        graph.add_node(row.actor_id, label=row.actor, actor_type=row.actor_type, mentions=int(row.mentions))
    for row in edges.itertuples(index=False):
        if row.source_id in graph and row.target_id in graph:
            graph.add_edge(row.source_id, row.target_id, weight=int(row.cooccurrence) + int(row.relations),
                           cooccurrence=int(row.cooccurrence), relations=int(row.relations),
                           polarity=float(row.polarity), relation_types=str(row.relation_types),
                           source_to_target=int(row.source_to_target), target_to_source=int(row.target_to_source),
                           directions=str(row.directions))
    return graph


def write_graphml(graph: nx.Graph) -> bytes:
    """Return the graph as GraphML bytes that Gephi opens, every tie written from its smaller actor id to the
    other, the direction its source_to_target attribute counts."""
    # networkx writes an undirected tie from whichever of its two nodes it met first: nodes in id order
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(graph.edges(data=True))
    buffer = io.BytesIO()
    nx.write_graphml(ordered, buffer, encoding="utf-8")
    return buffer.getvalue()


def write_gephi_csv(nodes: pd.DataFrame, edges: pd.DataFrame) -> tuple[str, str]:
    """Return (nodes CSV, edges CSV) with the Id/Label and Source/Target/Type/Weight headers Gephi's importer reads."""
    node_table = nodes.rename(columns={"actor_id": "Id", "actor": "Label"})
    edge_table = edges.rename(columns={"source_id": "Source", "target_id": "Target", "source": "source_label",
                                      "target": "target_label"}).assign(
        Type="Undirected", Weight=edges["cooccurrence"] + edges["relations"])
    return node_table.to_csv(index=False), edge_table.to_csv(index=False)


CENTRE_SPREAD = 0.6  # distances from the centre are raised to this power: a dense centre opens up


def spread_centre(positions: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Positions moved away from their centre so that distance d (of the farthest, D) becomes D * (d / D) ** 0.6:
    the hubs a spring layout packs together, whose names then overlap, get room, and a long chain of outliers
    no longer squeezes them. The order of distances, and so the picture's shape, stays."""
    if len(positions) < 3:
        return positions
    points = np.array(list(positions.values()), dtype=float)
    centre = points.mean(axis=0)
    offsets = points - centre
    distances = np.linalg.norm(offsets, axis=1)
    farthest = distances.max()
    if farthest == 0:
        return positions
    spread = (distances / farthest) ** CENTRE_SPREAD * farthest
    scale = np.where(distances > 0, spread / np.maximum(distances, 1e-12), 1.0)
    moved = centre + offsets * scale[:, None]
    return dict(zip(positions, moved, strict=True))


def lay_out_network(nodes: pd.DataFrame, edges: pd.DataFrame, *, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return nodes with x, y and edges with x0, y0, x1, y1 from a seeded spring layout (same input, same picture).

    The nodes repel each other twice as strongly as networkx's default, so the labels of a dense centre spread.
    """
    graph = make_graph(nodes, edges)
    spacing = 2 / len(graph) ** 0.5 if len(graph) else None
    positions = nx.spring_layout(graph, k=spacing, seed=seed, weight="weight", iterations=100) if len(graph) else {}
    positions = spread_centre(positions)
    placed = nodes.assign(x=nodes["actor_id"].map(lambda key: positions[key][0]),
                          y=nodes["actor_id"].map(lambda key: positions[key][1]))
    ties = edges[edges["source_id"].isin(positions) & edges["target_id"].isin(positions)]
    ties = ties.assign(x0=ties["source_id"].map(lambda key: positions[key][0]),
                       y0=ties["source_id"].map(lambda key: positions[key][1]),
                       x1=ties["target_id"].map(lambda key: positions[key][0]),
                       y1=ties["target_id"].map(lambda key: positions[key][1]))
    return placed, ties
