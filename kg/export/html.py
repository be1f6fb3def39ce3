"""HTML exporter: the graph as one self-contained, offline, interactive network page (``graph.html``).

Reads only the RDF graph (terms of ``ontology-contract.md``) and writes one HTML file. Nodes are
actors (persons, organisations, states) sized by the statements they made and received, places and
claims (sized by ``kg:sourceCount``); edges are speaker→about (one per pair, weighted by statements,
the statements themselves in a side panel), speaker→claim, interactions agent→target,
``kg:standsFor``, ``kg:contradicts``, affiliation and country. The page opens on the actors joined
by interactions and statements ("the core"), coloured by community; everything else appears on
demand (see ``assets/graph.js``). Positions are computed here: each connected part of the core by a
force-directed layout seeded by community, the parts packed in rows, every other node beside its
heaviest neighbour in the core.

pyvis holds the network data and the vis-network options; the page itself is kg's own template
(``assets/``) with vis-network inlined from pyvis's bundled copy, so it opens from ``file://`` with
no network. Every string from the graph reaches the page only as escaped JSON and is put into the
DOM as text.

The graph is read into plain records by :mod:`kg.export.records`, shared with the GraphML exporter.
"""

from __future__ import annotations

import functools
import html
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from kg.atomic import atomic_path
from kg.export.records import InteractionRecord, Records, local_name, read_records

UNLABELLED_EDGES = {"said_about", "asserts"}  # many, and coloured: the tooltip and legend name them
MAX_NODES = 5000
ACTORS = ("Person", "Organization", "GeopoliticalEntity")
CORE_EDGES = ("said_about", "interacts")  # the edges of the opening view, between actors
COMMUNITY_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
)  # fmt: skip
OTHER_COMMUNITY = "#8d96a3"  # the small communities share a grey
LEAF_GAP = 60.0  # pixels between a core node and the first ring of its leaves
SMALL_PART = 6  # a connected part of the core this small is drawn as a star, not laid out
STAR_RADIUS = 100.0  # pixels: room for the dots (up to 26) and a label between them
PART_GAP = 90.0  # pixels between packed parts
CLAIM_LABEL_CHARS = 40
FONT_STACK = (
    "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', 'Scheherazade New', 'Segoe UI', "
    "Tahoma, 'DejaVu Sans', Arial, sans-serif"
)
STYLE = {
    "Person": {"shape": "dot", "color": "#1f77b4"},
    "Organization": {"shape": "square", "color": "#2ca02c"},
    "GeopoliticalEntity": {"shape": "triangle", "color": "#ff7f0e"},
    "Location": {"shape": "diamond", "color": "#9467bd"},
    "Claim": {"shape": "hexagon", "color": "#d62728"},
}
EDGE_STYLE = {
    "said_about": {"color": "#7f7f7f", "dashes": False, "arrows": "to"},
    "asserts": {"color": "#d62728", "dashes": False, "arrows": "to"},
    "interacts": {"color": "#17becf", "dashes": False, "arrows": "to"},
    "stands_for": {"color": "#bcbd22", "dashes": True, "arrows": "to"},
    "contradicts": {"color": "#e41a1c", "dashes": True, "arrows": ""},
    "affiliation": {"color": "#8c564b", "dashes": True, "arrows": "to"},
    "country": {"color": "#c7c7c7", "dashes": True, "arrows": "to"},
}
EDGE_LABEL = {
    "said_about": "تحدّث عن",
    "asserts": "يؤكد",
    "stands_for": "يمثّل",
    "contradicts": "يناقض",
    "affiliation": "ينتمي إلى",
    "country": "بلد",
}
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def export(graph: Graph, path: Path) -> list[Path]:
    """Write the interactive network page for ``graph`` to ``path``.

    Args:
        graph: a kg graph (any rdflib store).
        path: the HTML file to write.

    Returns:
        The one file written.
    """
    records = read_records(graph)
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8") as out:
        write_page(records, out)
    return [Path(path)]


# --- building the view ---------------------------------------------------------------------------


@dataclass
class View:
    """What the page shows: vis-network nodes and edges plus the side-panel tables.

    ``stmts`` is made a row at a time as it is read: on a large graph the statement table is
    most of the page, and :func:`write_page` writes each row before making the next.
    """

    nodes: list[dict]
    edges: list[dict]
    docs: list[list[str]]
    stmts: Iterator[dict]
    meta: dict


def _doc_table(records: Records) -> tuple[list[list[str]], dict[str, int]]:
    ordered = sorted(records.documents.values(), key=lambda doc: doc.identifier)
    table = [[doc.identifier, doc.title, doc.publisher, safe_href(doc.source), doc.date] for doc in ordered]
    return table, {doc.iri: index for index, doc in enumerate(ordered)}


def safe_href(source: str) -> str:
    """``source`` if it is an http(s) or file URL, else ``""`` (never ``javascript:`` and the like)."""
    return source if re.match(r"(?i)^(https?|file)://", source or "") else ""


def _candidates(records: Records) -> list[tuple[str, str, int]]:
    """(iri, class, weight) of every node the view could show."""
    found = [(e.iri, e.cls, e.mention_count) for e in records.entities.values()]
    found += [(c.iri, "Claim", c.source_count) for c in records.claims.values()]
    return found


def _degrees(records: Records) -> Counter:
    degree: Counter = Counter()
    for stmt in records.statements.values():
        for target in [*stmt.about, stmt.claim]:
            if stmt.speaker and target:
                degree[stmt.speaker] += 1
                degree[target] += 1
    for inter in records.interactions.values():
        degree[inter.agent] += 1
        degree[inter.target] += 1
    return degree


def choose_nodes(records: Records, max_nodes: int = MAX_NODES) -> list[tuple[str, str, int]]:
    """The nodes to show: all of them, or the ``max_nodes`` heaviest (weight, then degree, then IRI)."""
    found = _candidates(records)
    if len(found) <= max_nodes:
        return sorted(found)
    degree = _degrees(records)
    found.sort(key=lambda item: (-item[2], -degree[item[0]], item[0]))
    return sorted(found[:max_nodes])


def build_view(records: Records, *, max_nodes: int = MAX_NODES) -> View:
    """Aggregate ``records`` into vis-network nodes/edges and side-panel tables.

    Args:
        records: the graph's records (:func:`read_records`).
        max_nodes: above this many actors, places and claims, keep the heaviest.

    Returns:
        The view, with ``meta`` saying how many nodes there were and how many are shown.
    """
    docs, doc_index = _doc_table(records)
    chosen = choose_nodes(records, max_nodes)
    node_id = {iri: index for index, (iri, _, _) in enumerate(chosen)}
    said = statement_counts(records)
    contested = {iri for pair in records.links.get("contradicts", []) for iri in pair}
    nodes = [
        _node(records, iri, cls, weight, node_id[iri], doc_index, said=said[iri], contested=iri in contested)
        for iri, cls, weight in chosen
    ]
    stmts = _statement_table(records, node_id, doc_index)
    edges = _edges(records, node_id, doc_index)
    total = len(_candidates(records))
    core = place_nodes(nodes, edges)
    meta = {
        "total_nodes": total,
        "shown_nodes": len(nodes),
        "truncated": total > len(nodes),
        "core_nodes": core,
        "statements": len(records.statements),
        "documents": len(records.documents),
    }
    return View(nodes=nodes, edges=edges, docs=docs, stmts=stmts, meta=meta)


def statement_counts(records: Records) -> Counter:
    """Statements each entity made (as speaker) or received (as what a statement is about)."""
    said: Counter = Counter()
    for stmt in records.statements.values():
        if stmt.speaker:
            said[stmt.speaker] += 1
        said.update(set(stmt.about) - {stmt.speaker})
    return said


def _label(records: Records, iri: str | None) -> str:
    if not iri:
        return ""
    if iri in records.entities:
        return records.entities[iri].label
    if iri in records.claims:
        return records.claims[iri].content
    return local_name(iri)


def _short(text: str, limit: int = CLAIM_LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node(
    records: Records,
    iri: str,
    cls: str,
    weight: int,
    index: int,
    doc_index: dict[str, int],
    *,
    said: int = 0,
    contested: bool = False,
) -> dict:
    """One vis-network node; the page sizes and ranks it by ``s`` (statements; outlets for a claim)."""
    style = STYLE[cls]
    if cls == "Claim":
        claim = records.claims[iri]
        label, alt, jobs, docs = _short(claim.content), [], [], claim.docs
        title = f"{claim.content}\n— ادعاء · {weight} مصدر/مصادر"
    else:
        entity = records.entities[iri]
        label, alt, jobs, docs = entity.label, entity.alt, entity.job_titles, entity.docs
        title = "\n".join([entity.label, *(f"({job})" for job in jobs), f"{cls} · {weight} إشارة"])
    found = {
        "id": index,
        "label": label,
        "title": title,
        "shape": style["shape"],
        "color": style["color"],
        "value": round(math.sqrt(max(weight if cls == "Claim" else said, 0)) + 1, 3),
        "cls": cls,
        "w": weight,
        "s": weight if cls == "Claim" else said,
        "iri": iri,
        "alt": alt,
        "jobs": jobs,
        "docs": sorted({doc_index[doc] for doc in docs if doc in doc_index}),
    }
    if cls == "Claim":
        found["full"] = records.claims[iri].content
        if contested:
            found["con"] = 1
    elif records.entities[iri].romanized:
        found["lat"] = records.entities[iri].romanized
    return found


def _statement_table(records: Records, node_id: dict[str, int], doc_index: dict[str, int]) -> Iterator[dict]:
    """One row per statement; ``ab`` holds shown nodes, ``abl`` the labels of the others."""
    for stmt in sorted(records.statements.values(), key=lambda s: (s.doc or "", s.iri)):
        yield (
            {
                "q": stmt.content,
                "cue": stmt.cue,
                "sp": node_id.get(stmt.speaker or ""),
                "spl": _label(records, stmt.speaker),
                "d": doc_index.get(stmt.doc or ""),
                "k": stmt.kind,
                "p": stmt.polarity,
                "ab": [node_id[a] for a in stmt.about if a in node_id],
                "abl": [_label(records, a) for a in stmt.about if a not in node_id],
                "to": _label(records, stmt.addressee),
                "via": _label(records, stmt.via),
                "c": node_id.get(stmt.claim or ""),
            }
        )


class _EdgeBag:
    """Edges aggregated by (kind, from, to, subtype)."""

    def __init__(self) -> None:
        self.bag: dict[tuple[str, int, int, str], dict] = {}

    def add(self, kind: str, source: int, target: int, *, subtype: str = "", doc: int | None = None) -> None:
        key = (kind, source, target, subtype)
        edge = self.bag.setdefault(key, {"w": 0, "docs": set()})
        edge["w"] += 1
        if doc is not None:
            edge["docs"].add(doc)


def _edges(records: Records, node_id: dict[str, int], doc_index: dict[str, int]) -> list[dict]:
    bag = _EdgeBag()
    for stmt in records.statements.values():
        speaker = node_id.get(stmt.speaker or "")
        if speaker is None:
            continue
        doc = doc_index.get(stmt.doc or "")
        for about in stmt.about:
            if about in node_id and node_id[about] != speaker:
                bag.add("said_about", speaker, node_id[about], doc=doc)
        if stmt.claim in node_id:
            bag.add("asserts", speaker, node_id[stmt.claim], doc=doc)
    for inter in records.interactions.values():
        if inter.agent in node_id and inter.target in node_id:
            bag.add(
                "interacts",
                node_id[inter.agent],
                node_id[inter.target],
                subtype=_interaction_kind(inter),
                doc=doc_index.get(inter.doc or ""),
            )
    for kind, pairs in records.links.items():
        for source, target in pairs:
            if source in node_id and target in node_id:
                if kind == "contradicts" and source > target:
                    source, target = target, source
                if kind != "contradicts" or (kind, node_id[source], node_id[target], "") not in bag.bag:
                    bag.add(kind, node_id[source], node_id[target])
    return [_edge(index, key, edge) for index, (key, edge) in enumerate(sorted(bag.bag.items()))]


def _interaction_kind(inter: InteractionRecord) -> str:
    """The type an edge shows; an OtherInteraction says what it was (OtherInteraction (طرد))."""
    if inter.type == "OtherInteraction" and inter.trigger:
        return f"{inter.type} ({inter.trigger})"
    return inter.type


def _edge(index: int, key: tuple[str, int, int, str], edge: dict) -> dict:
    kind, source, target, subtype = key
    style = EDGE_STYLE[kind]
    title = subtype if kind == "interacts" else EDGE_LABEL[kind]
    if edge["w"] > 1:
        title = f"{title} ×{edge['w']}"
    found = {
        "id": index,
        "from": source,
        "to": target,
        "title": title,
        "kind": kind,
        "sub": subtype,
        "w": edge["w"],
        "value": edge["w"],
        "color": style["color"],
        "dashes": style["dashes"],
        "arrows": style["arrows"],
        "docs": sorted(edge["docs"]),
    }
    if kind not in UNLABELLED_EDGES:
        found["label"] = title
    return found


# --- layout ----------------------------------------------------------------------------------------


def core_of(nodes: list[dict], edges: list[dict]) -> list[int]:
    """The opening view's nodes: actors with an interaction or a statement about another actor."""
    actor = {node["id"] for node in nodes if node["cls"] in ACTORS}
    core = {
        end
        for edge in edges
        if edge["kind"] in CORE_EDGES and {edge["from"], edge["to"]} <= actor and edge["from"] != edge["to"]
        for end in (edge["from"], edge["to"])
    }
    return sorted(core)


def communities(core: list[int], edges: list[dict]) -> dict[int, int]:
    """Community of each core node (Louvain, fixed seed), numbered by size, largest first."""
    import networkx as nx

    inside = set(core)
    graph = nx.Graph()
    graph.add_nodes_from(core)
    for edge in edges:
        ends = (edge["from"], edge["to"])
        if edge["kind"] in CORE_EDGES and set(ends) <= inside and ends[0] != ends[1]:
            old = graph.get_edge_data(*ends, {"weight": 0})["weight"]
            graph.add_edge(*ends, weight=old + edge["w"])
    found = nx.community.louvain_communities(graph, weight="weight", seed=7) if core else []
    ordered = sorted(found, key=lambda group: (-len(group), min(group)))
    return {node: rank for rank, group in enumerate(ordered) for node in group}


def place_nodes(nodes: list[dict], edges: list[dict]) -> int:
    """Give every node ``x``/``y``, ``color``, ``core`` (in the opening view) and ``r`` (label rank).

    Each connected part of the core is laid out on its own, the large ones by :func:`layout` with
    each community starting from its own place so that communities stay apart, the small ones as a
    star round their best-connected node; the parts are then packed in rows, largest first. Every
    other node goes on a ring round its heaviest core neighbour, and nodes with no core neighbour
    on a grid below the core.

    Returns:
        The number of core nodes.
    """
    core = core_of(nodes, edges)
    group = communities(core, edges)
    inside = set(core)
    pairs = sorted(
        {
            (edge["from"], edge["to"])
            for edge in edges
            if edge["kind"] in CORE_EDGES
            and {edge["from"], edge["to"]} <= inside
            and edge["from"] != edge["to"]
        }
    )
    by_id = {node["id"]: node for node in nodes}
    for node_id, (x, y) in _core_positions(core, pairs, group).items():
        node = by_id[node_id]
        node["x"], node["y"], node["core"] = x, y, 1
        colours = COMMUNITY_COLOURS
        node["color"] = colours[group[node_id]] if group[node_id] < len(colours) else OTHER_COMMUNITY
    _place_leaves(nodes, edges, by_id)
    ranked = sorted(nodes, key=lambda node: (-node.get("core", 0), -node["s"], -node["w"], node["id"]))
    for rank, node in enumerate(ranked):
        node["r"] = rank
    return len(core)


def _core_positions(
    core: list[int], pairs: list[tuple[int, int]], group: dict[int, int]
) -> dict[int, tuple[float, float]]:
    """Positions of the core nodes: each connected part laid out alone, then the parts packed."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(core)
    graph.add_edges_from(pairs)
    parts = sorted(
        (sorted(part) for part in nx.connected_components(graph)), key=lambda part: (-len(part), part[0])
    )
    placed = []
    for members in parts:
        if len(members) > SMALL_PART:
            local = {node_id: index for index, node_id in enumerate(members)}
            dense = {g: rank for rank, g in enumerate(sorted({group[m] for m in members}))}
            found = layout(
                len(members),
                [(local[a], local[b]) for a, b in graph.subgraph(members).edges()],
                groups=[dense[group[m]] for m in members],
            )
            placed.append(dict(zip(members, found, strict=True)))
        else:
            placed.append(_star(members, graph))
    return _pack(placed)


def _star(members: list[int], graph) -> dict[int, tuple[float, float]]:  # type: ignore[no-untyped-def]
    """A small part: its best-connected node in the middle, the others round it from the bottom."""
    hub = min(members, key=lambda node_id: (-graph.degree(node_id), node_id))
    others = [node_id for node_id in members if node_id != hub]
    found = {hub: (0.0, 0.0)}
    for k, node_id in enumerate(others):
        angle = math.pi / 2 + 2 * math.pi * k / len(others)
        found[node_id] = (round(STAR_RADIUS * math.cos(angle), 1), round(STAR_RADIUS * math.sin(angle), 1))
    return found


def _pack(parts: list[dict[int, tuple[float, float]]]) -> dict[int, tuple[float, float]]:
    """Shelf-pack the parts (largest first) in rows about as wide as the whole is tall."""
    boxes = []
    for part in parts:
        xs, ys = [x for x, _ in part.values()], [y for _, y in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + PART_GAP, max(ys) - min(ys) + PART_GAP))
    area = sum(width * height for _, _, width, height in boxes)
    row_width = max([math.sqrt(area) * 1.2] + [width for _, _, width, _ in boxes[:1]])
    found: dict[int, tuple[float, float]] = {}
    cursor_x = cursor_y = row_height = 0.0
    for part, (left, top, width, height) in zip(parts, boxes, strict=True):
        if cursor_x and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height, 0.0
        for node_id, (x, y) in part.items():
            found[node_id] = (round(x - left + cursor_x, 1), round(y - top + cursor_y, 1))
        cursor_x += width
        row_height = max(row_height, height)
    return found


def _place_leaves(nodes: list[dict], edges: list[dict], by_id: dict[int, dict]) -> None:
    """Put each node outside the core on a ring round its heaviest placed neighbour (golden-angle spiral)."""
    anchor: dict[int, tuple[int, int]] = {}
    for edge in edges:
        for leaf, other in ((edge["from"], edge["to"]), (edge["to"], edge["from"])):
            if "x" in by_id[other] and "x" not in by_id[leaf]:
                weight = by_id[other]["s"]
                if leaf not in anchor or (weight, -other) > (by_id[anchor[leaf][0]]["s"], -anchor[leaf][0]):
                    anchor[leaf] = (other, weight)
    taken: Counter = Counter()
    loose = []
    for node in sorted(nodes, key=lambda node: (-node["s"], node["id"])):
        if "x" in node:
            continue
        if node["id"] not in anchor:
            loose.append(node)
            continue
        centre = by_id[anchor[node["id"]][0]]
        k = taken[centre["id"]]
        taken[centre["id"]] += 1
        radius, angle = LEAF_GAP * (1 + 0.35 * math.sqrt(k)), k * 2.39996
        node["x"] = round(centre["x"] + radius * math.cos(angle), 1)
        node["y"] = round(centre["y"] + radius * math.sin(angle), 1)
    placed = [node["y"] for node in nodes if "y" in node] or [0.0]
    top, left = max(placed) + 4 * LEAF_GAP, min([node["x"] for node in nodes if "x" in node] or [0.0])
    columns = max(10, int(math.sqrt(len(loose)) * 2))
    for k, node in enumerate(loose):
        node["x"] = round(left + (k % columns) * LEAF_GAP, 1)
        node["y"] = round(top + (k // columns) * LEAF_GAP, 1)


def layout(
    count: int,
    edges: list[tuple[int, int]],
    *,
    iterations: int = 50,
    seed: int = 7,
    groups: list[int] | None = None,
) -> list[tuple]:
    """Force-directed positions for ``count`` nodes (Fruchterman–Reingold with a particle-mesh far field).

    Near repulsion (within twice the ideal edge length) is exact, with pairs from a k-d tree; far
    repulsion comes from the centres of mass of a coarse grid, as in particle-mesh N-body methods.
    About 2 s for 5,000 nodes and 30,000 edges where ``networkx.spring_layout`` takes ~50 s here.

    Args:
        count: number of nodes, numbered 0..count-1.
        edges: (source, target) pairs.
        iterations: cooling steps.
        seed: random seed; the same input gives the same layout.
        groups: a community per node; each community starts round its own point of a circle.

    Returns:
        (x, y) per node, in pixels for vis-network.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    if count == 0:
        return []
    rng = np.random.default_rng(seed)
    side = math.sqrt(count) * 2.0
    pos = rng.uniform(-side / 2, side / 2, (count, 2))
    if groups is not None:
        pos = _seed_by_group(pos, np.asarray(groups), side)
    pairs = np.array(sorted({(a, b) for a, b in edges if a != b}), dtype=np.int64).reshape(-1, 2)
    # hubs push harder and are pulled less (ForceAtlas2's degree-dependent repulsion and "dissuade
    # hubs"), so the heaviest nodes do not pile up in the middle of their shared neighbours
    mass = 1.0 + np.bincount(pairs.ravel(), minlength=count).astype(float) if len(pairs) else np.ones(count)
    mass = np.sqrt(mass)
    temperature = side / 8
    for _ in range(iterations):
        shift = (
            _near_repulsion(pos, cKDTree(pos), mass)
            + _far_repulsion(pos, mass)
            + _attraction(pos, pairs, mass**2)
        )
        shift -= 0.02 * pos  # a weak pull to the centre keeps components together
        length = np.maximum(np.linalg.norm(shift, axis=1), 1e-9)
        pos += shift / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.93
    pos -= np.median(pos, axis=0)
    pos = _pull_in_outliers(pos)
    return [(round(float(x) * 50, 1), round(float(y) * 50, 1)) for x, y in pos]


def _seed_by_group(pos, groups, side: float):  # type: ignore[no-untyped-def]
    """Start each community as a disc round its own point of a circle (the largest first)."""
    import numpy as np

    sizes = np.bincount(groups)
    angle = 2 * np.pi * np.arange(len(sizes)) / max(len(sizes), 1)
    ring = side / 2 if len(sizes) > 1 else 0.0
    centre = np.stack([np.cos(angle), np.sin(angle)], axis=1) * ring
    spread = np.sqrt(sizes[groups] / max(len(groups), 1))[:, None]
    return centre[groups] + pos * spread


def _pull_in_outliers(pos):  # type: ignore[no-untyped-def]
    """Bring nodes far outside the bulk (isolated ones) to its rim, so fitting the view shows the bulk."""
    import numpy as np

    radius = np.linalg.norm(pos, axis=1)
    rim = max(float(np.percentile(radius, 95)) * 1.15, 1.0)
    scale = np.where(radius > rim, rim / np.maximum(radius, 1e-9), 1.0)
    return pos * scale[:, None]


def _near_repulsion(pos, tree, mass):  # type: ignore[no-untyped-def]
    import numpy as np

    pairs = tree.query_pairs(2.0, output_type="ndarray")
    shift = np.zeros_like(pos)
    if len(pairs) == 0:
        return shift
    delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
    push = delta / np.maximum((delta**2).sum(axis=1), 1e-4)[:, None]  # |push| = k²/d with k = 1
    push *= (mass[pairs[:, 0]] * mass[pairs[:, 1]])[:, None]
    for axis in (0, 1):
        shift[:, axis] += np.bincount(pairs[:, 0], push[:, axis], len(pos))
        shift[:, axis] -= np.bincount(pairs[:, 1], push[:, axis], len(pos))
    return shift


def _far_repulsion(pos, mass, cells: int = 24):  # type: ignore[no-untyped-def]
    import numpy as np

    low, span = pos.min(axis=0), np.maximum(np.ptp(pos, axis=0), 1e-6)
    cell_xy = np.minimum(((pos - low) / span * cells).astype(np.int64), cells - 1)
    cell = cell_xy[:, 0] * cells + cell_xy[:, 1]
    weights = mass
    mass = np.bincount(cell, weights, minlength=cells * cells)
    used = mass > 0
    centre_x = np.bincount(cell, pos[:, 0] * weights, cells * cells)[used] / mass[used]
    centre_y = np.bincount(cell, pos[:, 1] * weights, cells * cells)[used] / mass[used]
    dx = pos[:, 0:1] - centre_x[None, :]
    dy = pos[:, 1:2] - centre_y[None, :]
    dist2 = dx * dx + dy * dy
    weight = np.where(dist2 < 4.0, 0.0, mass[used][None, :] / np.maximum(dist2, 1e-9))  # near field is exact
    return np.stack([(dx * weight).sum(axis=1), (dy * weight).sum(axis=1)], axis=1) * weights[:, None]


def _attraction(pos, pairs, degree):  # type: ignore[no-untyped-def]
    import numpy as np

    shift = np.zeros_like(pos)
    if len(pairs) == 0:
        return shift
    delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
    pull = delta * np.linalg.norm(delta, axis=1)[:, None]  # |pull| = d²/k with k = 1
    for axis in (0, 1):
        shift[:, axis] -= np.bincount(pairs[:, 0], pull[:, axis], len(pos)) / degree
        shift[:, axis] += np.bincount(pairs[:, 1], pull[:, axis], len(pos)) / degree
    return shift


# --- the page ----------------------------------------------------------------------------------------


def vis_options() -> dict:
    """vis-network options: positions fixed here (no physics), straight edges, Arabic font stack.

    Node labels are drawn by the page itself (``graph.js``), in screen pixels and without overlap.
    """
    options: dict = {
        "nodes": {
            "font": {"face": FONT_STACK, "size": 14},
            "scaling": {"min": 5, "max": 26, "label": {"enabled": False}},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "font": {"face": FONT_STACK, "size": 10, "align": "horizontal", "strokeWidth": 3},
            "scaling": {"min": 1, "max": 6, "label": {"enabled": False}},
            "color": {"inherit": False},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": True,
            "hideEdgesOnZoom": True,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False},
    }
    return options


def build_network(view: View):  # type: ignore[no-untyped-def]
    """A pyvis ``Network`` holding the view (nodes and edges filled directly, not via add_node)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    net.nodes = view.nodes
    net.edges = view.edges
    net.node_ids = [node["id"] for node in view.nodes]
    net.options = vis_options()
    return net


def script_json(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (no ``<``, ``>``, ``&``, U+2028/9)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda match: _SCRIPT_ESCAPES[match.group(0)], text)


def _asset(name: str) -> str:
    return resources.files("kg.export").joinpath("assets", name).read_text(encoding="utf-8")


def _vis_file(name: str) -> str:
    import pyvis

    text = (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")
    if re.search(r"(?i)</(script|style)", text):
        # No code: pyvis is pinned (==0.3.2), whose files have no closing tag; this guards kg's inlining.
        raise ValueError(f"pyvis's {name} cannot be inlined: it contains a closing tag")
    return text


def render_page(records: Records, *, title: str = "kg — شبكة الأخبار", max_nodes: int = MAX_NODES) -> str:
    """The whole HTML page for ``records`` as one string (see :func:`write_page`)."""
    out = io.StringIO()
    write_page(records, out, title=title, max_nodes=max_nodes)
    return out.getvalue()


def write_page(
    records: Records, out: TextIO, *, title: str = "kg — شبكة الأخبار", max_nodes: int = MAX_NODES
) -> None:
    """Write the self-contained HTML page for ``records`` to ``out``.

    The statement table goes out a row at a time, so the page is never held in memory whole
    (on 50k articles it is hundreds of megabytes of text).

    Args:
        records: the graph's records (:func:`read_records`).
        out: a text stream.
        title: the page title (escaped).
        max_nodes: above this many actors, places and claims, keep the heaviest.
    """
    view = build_view(records, max_nodes=max_nodes)
    net = build_network(view)
    nodes, edges, _, _, _, options = net.get_network_data()
    payload = {
        "meta": view.meta,
        "nodes": nodes,
        "edges": edges,
        "docs": view.docs,
        "stmts": [],
        "options": json.loads(options),
        "styles": {"nodes": STYLE, "edges": EDGE_STYLE},
    }
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": _vis_file("vis-network.css"),
        "VIS_JS": _vis_file("vis-network.min.js"),
        "APP_CSS": _asset("graph.css"),
        "APP_JS": _asset("graph.js"),
    }
    # One pass per piece, so nothing inserted is scanned for placeholders again.
    before, after = _asset("graph.html").split("{{DATA}}")
    fill = functools.partial(re.sub, r"\{\{([A-Z_]+)\}\}", lambda match: parts[match.group(1)])
    out.write(fill(before))
    head, tail = script_json(payload).split('"stmts":[]')
    out.write(head + '"stmts":[')
    for index, row in enumerate(view.stmts):
        out.write(("," if index else "") + script_json(row))
    out.write("]" + tail)
    out.write(fill(after))
