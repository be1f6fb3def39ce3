/* kg graph view: builds the vis-network from the JSON payload, filters, Arabic search, side panel.
 * Every string from the graph is put into the DOM with textContent, never as HTML.
 *
 * The opening view shows the "core": persons, organisations and states joined by interactions or
 * statements about each other (node.core, laid out by kg), isolated nodes hidden. Claims come on
 * demand (a toggle, or round a selected node), corroborated and contested first. Selecting a node
 * focuses its neighbourhood (one hop, expandable to two) and dims the rest; the breadcrumb returns
 * to the overview. Labels are drawn here, in screen pixels, heaviest first and never overlapping.
 *
 * Markers for tests live on <body>: data-kg-drawn (nodes drawn), data-kg-draw-ms, data-kg-stabilized,
 * data-kg-search-hits, data-kg-errors, data-kg-visible, data-kg-labels, data-kg-focus. A URL hash
 * "#q=..." runs a search on load and focuses the best hit. window.kgView exposes read-only state. */
(function () {
  "use strict";
  var body = document.body;
  var errorCount = 0;
  window.addEventListener("error", function () {
    errorCount += 1;
    body.setAttribute("data-kg-errors", String(errorCount));
  });

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var ACTORS = ["Person", "Organization", "GeopoliticalEntity"];
  var CLASS_NAMES = {
    Person: "شخص · Person",
    Organization: "منظمة · Organization",
    GeopoliticalEntity: "دولة أو كيان · State",
    Location: "مكان · Location",
    Claim: "ادعاء · Claim"
  };
  var EDGE_NAMES = {
    said_about: "تحدّث عن · speaks about",
    interacts: "تفاعل · interaction",
    asserts: "يؤكد ادعاءً · asserts claim",
    stands_for: "يمثّل · stands for",
    contradicts: "يناقض · contradicts",
    affiliation: "ينتمي إلى · affiliated with",
    country: "بلد · country"
  };
  var LABEL_LIMIT = 150;
  var FOCUS_CLAIMS = 30;
  var DIM_NODE = "#e4e7eb";
  var DIM_EDGE = "#eceef1";

  /* --- search keys ---------------------------------------------------------------------------- */
  /* Arabic: no diacritics or tatweel; alef forms -> ا; ى/ی/ئ -> ي; ة -> ه; ؤ -> و; the letters
   * borrowed for foreign sounds -> the Arabic letter written for them: ڤ -> ف, گ/ک -> ك, پ -> ب,
   * چ -> ج, ژ -> ز, ڨ -> ق (لاڤروف = لافروف). Latin: lower case, accents dropped. */
  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
  var LETTERS = { "\u06A4": "\u0641", "\u06AF": "\u0643", "\u06A9": "\u0643", "\u067E": "\u0628",
    "\u0686": "\u062C", "\u0698": "\u0632", "\u06A8": "\u0642" };
  function searchKey(text) {
    return String(text || "").normalize("NFKC").toLowerCase()
      .replace(MARKS, "")
      .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, "\u0627")
      .replace(/[\u0649\u06CC\u0626]/g, "\u064A")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0624/g, "\u0648")
      .replace(/[\u06A4\u06AF\u06A9\u067E\u0686\u0698\u06A8]/g, function (c) { return LETTERS[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")
      .replace(/\s+/g, " ").trim();
  }
  /* Latin consonant skeleton, shared by what a user types (Lavrov, Putin, Kim Jong-un) and the
   * graph's machine romanisation (HSB: lAfrwf, bwtyn, kym jwnγ Âwn): vowels, glides, hamza and ع
   * dropped, letters an Arabic spelling merges put in one class (v/f, p/b, g/j/q/k, th/t, dh/d,
   * kh/h), doubled letters once. Only queries of three or more consonants use it. */
  var HSB = { "š": "S", "θ": "t", "ð": "d", "x": "h", "γ": "k", "ς": "", "ħ": "", "ý": "", "'": "" };
  var SKELETON = { v: "f", p: "b", g: "k", j: "k", q: "k", c: "k", x: "ks", z: "z" };
  function skeleton(text, romanised) {
    var t = String(text || "");
    if (romanised) {
      t = t.replace(/[šθðxγςħý']/g, function (c) { return HSB[c]; });
    } else {
      t = t.toLowerCase().replace(/sh|ch/g, "S").replace(/kh/g, "h").replace(/th/g, "t")
        .replace(/dh/g, "d").replace(/gh/g, "g").replace(/ph/g, "f").replace(/ck/g, "k");
    }
    t = t.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    t = t.replace(/[^A-Za-z]/g, "").replace(/S/g, "\u0161").toLowerCase()
      .replace(/[aeiouyw]/g, "")
      .replace(/[vpgjqcxz]/g, function (c) { return SKELETON[c]; });
    return t.replace(/(.)\1+/g, "$1");
  }
  window.kgSearchKey = searchKey;
  window.kgSkeleton = skeleton;

  /* --- DOM helpers: text only; numbers and ids direction-isolated --------------------------------- */
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function bdi(text, dir) {
    var node = el("bdi", text);
    if (dir) { node.dir = dir; }
    return node;
  }
  function line(parts, className) {
    var node = el("span", null, className);
    parts.forEach(function (part) {
      node.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    return node;
  }
  /* for <option> text, which cannot hold <bdi>: FSI … PDI (direction of the text), LRI … PDI (ids) */
  function isolate(text) { return "\u2068" + text + "\u2069"; }
  function isolateLtr(text) { return "\u2066" + text + "\u2069"; }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  /* --- the data ------------------------------------------------------------------------------- */
  var nodeById = new Map();
  data.nodes.forEach(function (node) {
    node.key = [node.full, node.label].concat(node.alt || []).map(searchKey).join("\n");
    node.skel = node.lat ? skeleton(node.lat, true) : "";
    node.baseColor = node.color;
    nodeById.set(node.id, node);
  });
  var edgeById = new Map();
  var adjacent = new Map();
  data.edges.forEach(function (edge) {
    edgeById.set(edge.id, edge);
    push(adjacent, edge.from, edge.id);
    if (edge.to !== edge.from) { push(adjacent, edge.to, edge.id); }
  });
  var spoken = new Map();
  var aboutMe = new Map();
  var asserted = new Map();
  data.stmts.forEach(function (stmt, index) {
    if (stmt.sp !== null && stmt.sp !== undefined) { push(spoken, stmt.sp, index); }
    (stmt.ab || []).forEach(function (target) { push(aboutMe, target, index); });
    if (stmt.c !== null && stmt.c !== undefined) { push(asserted, stmt.c, index); }
  });
  function push(map, key, value) {
    if (!map.has(key)) { map.set(key, []); }
    map.get(key).push(value);
  }
  function isClaimFirst(node) { return node.cls === "Claim" && (node.s >= 2 || node.con); }
  function claimOrder(a, b) {
    return (b.con ? 1 : 0) - (a.con ? 1 : 0) || b.s - a.s || a.id - b.id;
  }

  /* --- filters -------------------------------------------------------------------------------- */
  var state = {
    classes: new Set(ACTORS),
    kinds: new Set(["said_about", "interacts"]),
    claims: false, isolated: false,
    doc: -1, outlet: "", from: "", to: "", minNode: 0, minEdge: 1,
    focus: null, hops: 1
  };
  var allowed = null; /* null: every document; else allowed[docIndex] */
  function sourceFiltered() { return state.doc >= 0 || state.outlet || state.from || state.to; }
  function computeAllowed() {
    if (!sourceFiltered()) { allowed = null; return; }
    allowed = new Uint8Array(data.docs.length);
    data.docs.forEach(function (row, index) {
      var date = (row[4] || "").slice(0, 10);
      var ok = (state.doc < 0 || state.doc === index) && (!state.outlet || row[2] === state.outlet);
      if (ok && (state.from || state.to)) {
        ok = Boolean(date) && (!state.from || date >= state.from) && (!state.to || date <= state.to);
      }
      allowed[index] = ok ? 1 : 0;
    });
  }
  function docAllowed(d) { return allowed === null || (d !== null && d !== undefined && allowed[d] === 1); }
  function inSource(docs) { return allowed === null || (docs || []).some(docAllowed); }
  function edgeInSource(edge) { return !edge.docs || !edge.docs.length || inSource(edge.docs); }

  function overviewNode(node) {
    if (node.cls === "Claim") { return state.claims && isClaimFirst(node) && inSource(node.docs); }
    return state.classes.has(node.cls) && node.s >= state.minNode && inSource(node.docs);
  }
  function overviewEdge(edge) {
    var kindOn = state.kinds.has(edge.kind) || (state.claims && edge.kind === "asserts");
    return kindOn && edge.w >= state.minEdge && edgeInSource(edge);
  }

  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var near = null; /* the focused neighbourhood (node ids), or null in the overview */
  var nearEdges = null;

  function computeOverview() {
    var candidates = new Set();
    data.nodes.forEach(function (node) { if (overviewNode(node)) { candidates.add(node.id); } });
    var degree = new Map();
    visibleEdges = new Set();
    data.edges.forEach(function (edge) {
      if (edge.from !== edge.to && candidates.has(edge.from) && candidates.has(edge.to) && overviewEdge(edge)) {
        visibleEdges.add(edge.id);
        degree.set(edge.from, 1);
        degree.set(edge.to, 1);
      }
    });
    visibleNodes = new Set();
    candidates.forEach(function (id) { if (state.isolated || degree.has(id)) { visibleNodes.add(id); } });
  }
  /* The neighbourhood of the focused node: every class and edge kind, within the source filter,
   * claims limited to the FOCUS_CLAIMS first (corroborated and contested, then by outlets). */
  function computeNeighbourhood() {
    near = new Set([state.focus]);
    nearEdges = new Set();
    var frontier = [state.focus];
    for (var hop = 0; hop < state.hops; hop += 1) {
      var next = [];
      frontier.forEach(function (id) {
        var claims = [];
        (adjacent.get(id) || []).forEach(function (edgeId) {
          var edge = edgeById.get(edgeId);
          if (edge.w < state.minEdge || !edgeInSource(edge)) { return; }
          var other = edge.from === id ? edge.to : edge.from;
          var node = nodeById.get(other);
          if (!inSource(node.docs)) { return; }
          if (node.cls === "Claim" && !near.has(other)) { claims.push([node, edgeId]); return; }
          nearEdges.add(edgeId);
          if (!near.has(other)) { near.add(other); next.push(other); }
        });
        claims.sort(function (a, b) { return claimOrder(a[0], b[0]); });
        claims.slice(0, FOCUS_CLAIMS).forEach(function (pair) {
          nearEdges.add(pair[1]);
          near.add(pair[0].id);
        });
      });
      frontier = next;
    }
    near.forEach(function (id) { visibleNodes.add(id); });
    nearEdges.forEach(function (id) { visibleEdges.add(id); });
    /* edges among the neighbourhood, e.g. between two of its actors */
    near.forEach(function (id) {
      (adjacent.get(id) || []).forEach(function (edgeId) {
        var edge = edgeById.get(edgeId);
        if (near.has(edge.from) && near.has(edge.to) && edge.w >= state.minEdge && edgeInSource(edge)) {
          nearEdges.add(edgeId);
          visibleEdges.add(edgeId);
        }
      });
    });
  }

  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    return { id: node.id, x: node.x, y: node.y, shape: node.shape, color: node.color, value: node.value,
      title: node.title };
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge) {
    return { id: edge.id, from: edge.from, to: edge.to, title: edge.title, value: edge.value, label: edge.label,
      color: edge.color, dashes: edge.dashes, arrows: edge.arrows };
  }));
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var dimmedNodes = new Set();
  var dimmedEdges = new Set();
  function applyDimming() {
    var nodeUpdates = [];
    var edgeUpdates = [];
    var wantNodes = new Set();
    var wantEdges = new Set();
    if (near) {
      visibleNodes.forEach(function (id) { if (!near.has(id)) { wantNodes.add(id); } });
      visibleEdges.forEach(function (id) { if (!nearEdges.has(id)) { wantEdges.add(id); } });
    }
    wantNodes.forEach(function (id) { if (!dimmedNodes.has(id)) { nodeUpdates.push({ id: id, color: DIM_NODE }); } });
    dimmedNodes.forEach(function (id) {
      if (!wantNodes.has(id)) { nodeUpdates.push({ id: id, color: nodeById.get(id).baseColor }); }
    });
    wantEdges.forEach(function (id) {
      if (!dimmedEdges.has(id)) { edgeUpdates.push({ id: id, color: DIM_EDGE, label: " " }); }
    });
    dimmedEdges.forEach(function (id) {
      var edge = edgeById.get(id);
      if (!wantEdges.has(id)) { edgeUpdates.push({ id: id, color: edge.color, label: edge.label || " " }); }
    });
    dimmedNodes = wantNodes;
    dimmedEdges = wantEdges;
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
  }

  computeAllowed();
  computeOverview();
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  window.kgNetwork = network;

  function refresh() {
    computeAllowed();
    computeOverview();
    if (state.focus !== null) { computeNeighbourhood(); } else { near = null; nearEdges = null; }
    nodesView.refresh();
    edgesView.refresh();
    applyDimming();
    showStats();
    showCrumbs();
    if (shown !== null) { shown(); }
    body.setAttribute("data-kg-visible", String(visibleNodes.size));
    body.setAttribute("data-kg-focus", state.focus === null ? "" : String(state.focus));
  }
  function fit() {
    var ids = near ? Array.from(near) : Array.from(visibleNodes);
    if (ids.length) { network.fit({ nodes: ids, animation: false }); }
  }

  function stat(count, words, english) {
    var span = line([bdi(String(count), "ltr"), " " + words], "stat");
    span.title = english;
    return span;
  }
  function showStats() {
    var stats = document.getElementById("stats");
    clear(stats);
    stats.appendChild(stat(visibleNodes.size + " / " + data.nodes.length, "عقدة", "nodes shown / all"));
    stats.appendChild(stat(visibleEdges.size, "علاقة", "edges shown"));
    stats.appendChild(stat(meta.statements, "تصريح", "statements"));
    stats.appendChild(stat(meta.documents, "وثيقة", "documents"));
  }

  /* --- labels: heaviest first, screen pixels, no overlap --------------------------------------------- */
  var placedLabels = [];
  var labelOrder = data.nodes.slice().sort(function (a, b) { return a.r - b.r; });
  var widths = new Map();
  var ARABIC = /[\u0600-\u06FF]/;
  function labelText(node) { return node.label || ""; }
  function drawLabels(ctx) {
    var ratio = ctx.canvas.width / Math.max(container.clientWidth, 1);
    var scale = network.getScale();
    var width = container.clientWidth;
    var height = container.clientHeight;
    var grid = new Map();
    var cell = 64;
    placedLabels = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var order = near ? labelOrder.filter(function (n) { return near.has(n.id); }) : labelOrder;
    var limit = near ? 400 : LABEL_LIMIT;
    for (var i = 0; i < order.length && placedLabels.length < limit; i += 1) {
      var node = order[i];
      if (!visibleNodes.has(node.id) || dimmedNodes.has(node.id)) { continue; }
      var text = labelText(node);
      if (!text) { continue; }
      var size = node.id === state.focus ? 15 : 13;
      ctx.font = (node.id === state.focus ? "bold " : "") + size + "px " + data.options.nodes.font.face;
      var key = size + ctx.font + text;
      if (!widths.has(key)) { widths.set(key, ctx.measureText(text).width); }
      var w = widths.get(key);
      var point = network.canvasToDOM({ x: node.x, y: node.y });
      var drawn = network.body.nodes[node.id];
      var radius = (drawn ? drawn.options.size : 8) * scale;
      var box = placeLabel(grid, cell, point, radius, w, size, width, height);
      if (!box) { continue; }
      remember(grid, cell, box);
      placedLabels.push({ id: node.id, text: text, box: box });
      ctx.direction = ARABIC.test(text) ? "rtl" : "ltr";
      ctx.textAlign = "center";
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.lineWidth = 3;
      ctx.strokeText(text, (box[0] + box[2]) / 2, box[1] + 1);
      ctx.fillStyle = "#1d2330";
      ctx.fillText(text, (box[0] + box[2]) / 2, box[1] + 1);
    }
    ctx.restore();
    body.setAttribute("data-kg-labels", String(placedLabels.length));
  }
  /* The first free place for a label: below its node, above, then to either side (as map labels). */
  function placeLabel(grid, cell, point, radius, w, size, width, height) {
    var half = w / 2 + 4;
    var tall = size + 3;
    var places = [
      [point.x - half, point.y + radius + 1],
      [point.x - half, point.y - radius - 1 - tall],
      [point.x + radius + 2, point.y - tall / 2],
      [point.x - radius - 2 - 2 * half, point.y - tall / 2]
    ];
    for (var k = 0; k < places.length; k += 1) {
      var box = [places[k][0], places[k][1], places[k][0] + 2 * half, places[k][1] + tall];
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) { continue; } /* whole or not at all */
      if (!collides(grid, cell, box)) { return box; }
    }
    return null;
  }
  function cellsOf(cell, box) {
    var found = [];
    for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx += 1) {
      for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy += 1) { found.push(gx + ":" + gy); }
    }
    return found;
  }
  function collides(grid, cell, box) {
    return cellsOf(cell, box).some(function (key) {
      return (grid.get(key) || []).some(function (o) {
        return box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3];
      });
    });
  }
  function remember(grid, cell, box) {
    cellsOf(cell, box).forEach(function (key) { push(grid, key, box); });
  }
  network.on("afterDrawing", drawLabels);
  function labelAt(x, y) {
    var hit = placedLabels.filter(function (l) { return x >= l.box[0] && x <= l.box[2] && y >= l.box[1] && y <= l.box[3]; });
    return hit.length ? hit[0].id : null;
  }

  network.once("afterDrawing", function () {
    body.setAttribute("data-kg-drawn", String(nodesView.length));
    body.setAttribute("data-kg-draw-ms", String(Math.round(performance.now())));
    setTimeout(searchFromHash, 0);
  });
  /* Draw once now rather than on the next animation frame, which headless or hidden tabs may delay. */
  setTimeout(function () { network.redraw(); }, 0);
  body.setAttribute("data-kg-stabilized", "1");

  /* --- controls ------------------------------------------------------------------------------- */
  function checkbox(parent, value, text, swatch, checked, onChange) {
    var label = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.checked = checked;
    input.value = value;
    input.addEventListener("change", function () { onChange(value, input.checked); });
    label.appendChild(input);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(text));
    parent.appendChild(label);
  }
  function buildControls() {
    var classes = document.getElementById("class-filters");
    Object.keys(CLASS_NAMES).forEach(function (cls) {
      if (cls === "Claim") { return; }
      var style = data.styles.nodes[cls];
      var swatch = el("span", null, "swatch shape-" + style.shape);
      swatch.style.background = ACTORS.indexOf(cls) >= 0 ? "#8d96a3" : style.color;
      checkbox(classes, cls, CLASS_NAMES[cls], swatch, state.classes.has(cls), function (value, on) {
        if (on) { state.classes.add(value); } else { state.classes.delete(value); }
        refresh();
      });
    });
    var kinds = document.getElementById("edge-filters");
    Object.keys(EDGE_NAMES).forEach(function (kind) {
      var style = data.styles.edges[kind];
      var swatch = el("span", null, "swatch " + (style.dashes ? "dashed" : "line"));
      swatch.style.borderColor = style.color;
      checkbox(kinds, kind, EDGE_NAMES[kind], swatch, state.kinds.has(kind), function (value, on) {
        if (on) { state.kinds.add(value); } else { state.kinds.delete(value); }
        refresh();
      });
    });
    toggle("show-claims", function (on) { state.claims = on; });
    toggle("show-isolated", function (on) { state.isolated = on; });
    var outletDocs = new Set();
    data.docs.forEach(function (doc) { if (doc[2]) { outletDocs.add(doc[2]); } });
    var outlet = document.getElementById("outlet");
    Array.from(outletDocs).sort().forEach(function (name) {
      var option = el("option", isolate(name));
      option.value = name;
      outlet.appendChild(option);
    });
    outlet.addEventListener("change", function () { state.outlet = outlet.value; refresh(); });
    var doc = document.getElementById("document");
    data.docs.forEach(function (row, index) {
      var option = el("option", isolateLtr(row[0]) + (row[1] ? " — " + isolate(row[1]) : ""));
      option.value = String(index);
      doc.appendChild(option);
    });
    doc.addEventListener("change", function () { state.doc = parseInt(doc.value, 10); refresh(); });
    var dates = data.docs.map(function (row) { return (row[4] || "").slice(0, 10); }).filter(Boolean).sort();
    ["date-from", "date-to"].forEach(function (name) {
      var input = document.getElementById(name);
      if (dates.length) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
      input.addEventListener("change", function () {
        state[name === "date-from" ? "from" : "to"] = input.value;
        refresh();
      });
    });
    var minNode = document.getElementById("min-node");
    minNode.addEventListener("change", function () { state.minNode = Number(minNode.value) || 0; refresh(); });
    var minEdge = document.getElementById("min-edge");
    minEdge.addEventListener("change", function () { state.minEdge = Number(minEdge.value) || 0; refresh(); });
    document.getElementById("overview").addEventListener("click", back);
    document.getElementById("expand").addEventListener("click", expand);
    document.getElementById("fit").addEventListener("click", fit);
  }
  function toggle(id, set) {
    var input = document.getElementById(id);
    input.addEventListener("change", function () { set(input.checked); refresh(); });
  }

  /* --- focus, expand, back ----------------------------------------------------------------------- */
  function focusNode(id) {
    state.focus = id;
    state.hops = 1;
    refresh();
    network.selectNodes(nodesView.get(id) ? [id] : []);
    fit();
    showNode(id);
  }
  function expand() {
    if (state.focus === null) { return; }
    state.hops = 2;
    refresh();
    fit();
  }
  function back() {
    state.focus = null;
    state.hops = 1;
    network.unselectAll();
    shown = null;
    refresh();
    fit();
    clear(details);
    details.appendChild(el("p", "انقر اسماً أو عقدة لعرض جوارها وتصريحاتها · Click a name or a node.", "hint"));
  }
  function showCrumbs() {
    var trail = document.getElementById("trail");
    clear(trail);
    document.getElementById("expand").hidden = state.focus === null || state.hops > 1;
    if (state.focus === null) { return; }
    var node = nodeById.get(state.focus);
    var crumb = el("button", node.label, "crumb link");
    crumb.type = "button";
    crumb.addEventListener("click", function () { focusNode(node.id); });
    trail.appendChild(crumb);
    if (state.hops > 1) { trail.appendChild(el("span", "خطوتان · 2 hops", "crumb")); }
  }

  /* --- side panel ----------------------------------------------------------------------------- */
  var details = document.getElementById("details");
  var shown = null; /* re-renders the panel after a filter change */

  function docLine(index) {
    var span = el("span");
    if (index === null || index === undefined || !data.docs[index]) { return span; }
    var row = data.docs[index];
    var id = bdi(row[0], "ltr");
    if (row[3]) {
      var link = el("a");
      link.href = row[3];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.appendChild(id);
      span.appendChild(link);
    } else {
      span.appendChild(id);
    }
    if (row[2]) { span.appendChild(line([" (", bdi(row[2]), ")"])); }
    if (row[4]) { span.appendChild(line([" ", bdi(row[4].slice(0, 10), "ltr")])); }
    return span;
  }
  function nodeButton(id) {
    var node = nodeById.get(id);
    var button = el("button", null, "link");
    button.type = "button";
    button.appendChild(bdi(node.label));
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function statementCard(index, withSpeaker) {
    var stmt = data.stmts[index];
    var card = el("div", null, "card");
    card.appendChild(el("p", "«" + stmt.q + "»", "quote"));
    var meta = el("div", null, "meta");
    if (withSpeaker !== false) {
      meta.appendChild(stmt.sp !== null && stmt.sp !== undefined ? nodeButton(stmt.sp) :
        el("span", stmt.spl || "متحدث غير معروف · unknown speaker"));
    }
    if (stmt.cue) { meta.appendChild(el("span", stmt.cue)); }
    if (stmt.to) { meta.appendChild(line(["إلى ", bdi(stmt.to)])); }
    if (stmt.via) { meta.appendChild(line(["عبر ", bdi(stmt.via)])); }
    meta.appendChild(docLine(stmt.d));
    card.appendChild(meta);
    var tags = el("div", null, "meta");
    if (stmt.k) { tags.appendChild(el("span", stmt.k, "tag")); }
    if (stmt.p) { tags.appendChild(el("span", stmt.p, "tag " + stmt.p)); }
    var about = (stmt.ab || []).map(function (id) { return nodeById.get(id).label; }).concat(stmt.abl || []);
    if (about.length) { tags.appendChild(line(["عن ", bdi(about.join("، "))])); }
    card.appendChild(tags);
    return card;
  }
  function newestFirst(indexes) {
    function date(i) { var d = data.docs[data.stmts[i].d]; return d ? d[4] || "" : ""; }
    return indexes.filter(function (i) { return docAllowed(data.stmts[i].d); })
      .sort(function (a, b) { return date(b) < date(a) ? -1 : date(b) > date(a) ? 1 : a - b; });
  }
  function section(title, count, open) {
    var box = el("details");
    box.open = open;
    var summary = el("summary");
    summary.appendChild(line([title + " (", bdi(String(count), "ltr"), ")"]));
    box.appendChild(summary);
    return box;
  }
  function statementList(title, indexes, open, withSpeaker) {
    var rows = newestFirst(indexes);
    var box = section(title, rows.length, open);
    rows.slice(0, 200).forEach(function (i) { box.appendChild(statementCard(i, withSpeaker)); });
    if (rows.length > 200) { box.appendChild(line(["… ", bdi(String(rows.length - 200))], "hint")); }
    return box;
  }
  function claimsOf(id) {
    var found = new Set();
    (spoken.get(id) || []).forEach(function (i) {
      var stmt = data.stmts[i];
      if (stmt.c !== null && stmt.c !== undefined && docAllowed(stmt.d)) { found.add(stmt.c); }
    });
    return Array.from(found).map(function (c) { return nodeById.get(c); }).sort(claimOrder);
  }
  function claimTags(node) {
    var tags = el("span");
    if (node.con) { tags.appendChild(el("span", "متنازع عليه · contested", "tag contested")); }
    if (node.s >= 2) { tags.appendChild(line([bdi(String(node.s)), " وسائل · outlets"], "tag corroborated")); }
    return tags;
  }
  function showNode(id) {
    var node = nodeById.get(id);
    if (!node) { return; }
    shown = function () { showNode(id); };
    clear(details);
    details.setAttribute("data-node", String(node.id));
    if (node.cls === "Claim") { showClaim(node); return; }
    details.appendChild(el("h3", node.label));
    details.appendChild(line([CLASS_NAMES[node.cls] + " · ", bdi(String(node.s)), " تصريح · statements"], "meta"));
    if (node.alt && node.alt.length) { details.appendChild(line(["أسماء أخرى · also: ", bdi(node.alt.join("، "))])); }
    (node.jobs || []).forEach(function (job) { details.appendChild(el("div", job, "meta")); });
    var said = spoken.get(id) || [];
    var about = aboutMe.get(id) || [];
    details.appendChild(statementList("قال · said", said, true, false));
    details.appendChild(statementList("قيل عنه · said about", about, said.length === 0, true));
    var claims = claimsOf(id);
    if (claims.length) {
      var box = section("ادعاءاته · claims", claims.length, false);
      claims.slice(0, 100).forEach(function (claim) {
        var row = el("div", null, "card");
        row.appendChild(nodeButton(claim.id));
        row.appendChild(claimTags(claim));
        box.appendChild(row);
      });
      details.appendChild(box);
    }
    var docs = (node.docs || []).filter(docAllowed);
    var list = section("الوثائق · documents", docs.length, false);
    docs.slice(0, 50).forEach(function (d) { var item = el("div"); item.appendChild(docLine(d)); list.appendChild(item); });
    details.appendChild(list);
    if (!visibleNodes.has(id)) { details.appendChild(el("p", "(مخفية بالمرشحات · hidden by the filters)", "hint")); }
  }
  /* A claim: each outlet's wording side by side, with the speakers and dates. */
  function showClaim(node) {
    details.appendChild(el("h3", node.full || node.label));
    details.appendChild(claimTags(node));
    var byOutlet = new Map();
    newestFirst(asserted.get(node.id) || []).forEach(function (i) {
      var doc = data.docs[data.stmts[i].d];
      push(byOutlet, doc && doc[2] ? doc[2] : "—", i);
    });
    var grid = el("div", null, "outlets");
    Array.from(byOutlet.keys()).sort().forEach(function (outlet) {
      var column = el("div");
      column.appendChild(el("h5", outlet));
      byOutlet.get(outlet).forEach(function (i) { column.appendChild(statementCard(i, true)); });
      grid.appendChild(column);
    });
    details.appendChild(grid);
    var against = [];
    (adjacent.get(node.id) || []).forEach(function (edgeId) {
      var edge = edgeById.get(edgeId);
      if (edge.kind === "contradicts") { against.push(edge.from === node.id ? edge.to : edge.from); }
    });
    if (against.length) {
      details.appendChild(el("h4", "يناقضه · contradicted by"));
      against.forEach(function (other) { details.appendChild(nodeButton(other)); });
    }
  }
  /* Statements behind a speaker→about or speaker→claim edge, found in the statement table. */
  function edgeStatements(edge) {
    if (edge.kind !== "said_about" && edge.kind !== "asserts") { return []; }
    return (spoken.get(edge.from) || []).filter(function (i) {
      var stmt = data.stmts[i];
      return edge.kind === "asserts" ? stmt.c === edge.to : (stmt.ab || []).indexOf(edge.to) >= 0;
    });
  }
  function showEdge(id) {
    var edge = edgeById.get(id);
    if (!edge) { return; }
    shown = function () { showEdge(id); };
    clear(details);
    var heading = el("h3");
    heading.appendChild(nodeButton(edge.from));
    heading.appendChild(document.createTextNode(" ← "));
    heading.appendChild(nodeButton(edge.to));
    details.appendChild(heading);
    details.appendChild(line([EDGE_NAMES[edge.kind] + (edge.sub ? " · " + edge.sub : "") + " · ", bdi(String(edge.w))], "meta"));
    var docs = (edge.docs || []).filter(docAllowed);
    docs.forEach(function (d) { var item = el("div"); item.appendChild(docLine(d)); details.appendChild(item); });
    var rows = edgeStatements(edge);
    if (rows.length) { details.appendChild(statementList("التصريحات · statements", rows, true, false)); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { focusNode(params.nodes[0]); return; }
    var labelled = labelAt(params.pointer.DOM.x, params.pointer.DOM.y);
    if (labelled !== null) { focusNode(labelled); return; }
    if (params.edges.length) { showEdge(params.edges[0]); }
  });

  /* --- search --------------------------------------------------------------------------------- */
  var results = document.getElementById("results");
  var search = document.getElementById("search");
  function findNodes(text) {
    var key = searchKey(text);
    if (!key) { return []; }
    var skel = /[a-z]/.test(key) ? skeleton(text, false) : "";
    var hits = data.nodes.filter(function (node) {
      return node.key.indexOf(key) >= 0 || (skel.length >= 3 && node.skel && node.skel.indexOf(skel) >= 0);
    });
    hits.sort(function (a, b) { return (b.cls !== "Claim") - (a.cls !== "Claim") || b.s - a.s || b.w - a.w || a.id - b.id; });
    return hits;
  }
  function runSearch(text) {
    clear(results);
    var hits = findNodes(text);
    if (!searchKey(text)) { body.removeAttribute("data-kg-search-hits"); return []; }
    body.setAttribute("data-kg-search-hits", String(hits.length));
    hits.slice(0, 50).forEach(function (node) {
      var button = el("button");
      button.appendChild(bdi(node.label));
      button.appendChild(document.createTextNode(" — " + CLASS_NAMES[node.cls]));
      button.type = "button";
      button.setAttribute("data-node", String(node.id));
      button.addEventListener("click", function () { focusNode(node.id); });
      results.appendChild(button);
    });
    if (!hits.length) { results.appendChild(el("p", "لا نتائج · no match", "hint")); }
    return hits;
  }
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { runSearch(search.value); }, 150);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      clearTimeout(timer);
      var hits = runSearch(search.value);
      if (hits.length) { focusNode(hits[0].id); }
    }
  });

  /* --- read-only state for tests and the benchmark ---------------------------------------------- */
  window.kgView = {
    visible: function () { return Array.from(visibleNodes); },
    neighbourhood: function () { return near ? Array.from(near) : []; },
    labels: function () { return placedLabels.slice(); },
    state: function () { return { focus: state.focus, hops: state.hops, outlet: state.outlet, from: state.from, to: state.to }; },
    /* DOM position and radius of each visible node, for overlap checks */
    positions: function () {
      var scale = network.getScale();
      var ids = Array.from(visibleNodes);
      var found = network.getPositions(ids);
      return ids.map(function (id) {
        var point = network.canvasToDOM(found[id]);
        var bodyNode = network.body.nodes[id];
        return { id: id, x: point.x, y: point.y, r: (bodyNode ? bodyNode.options.size : 0) * scale };
      });
    },
    find: findNodes,
    width: function () { return container.clientWidth; },
    height: function () { return container.clientHeight; }
  };

  /* --- start ---------------------------------------------------------------------------------- */
  buildControls();
  refresh();
  if (meta.truncated) {
    var notice = document.getElementById("notice");
    notice.hidden = false;
    notice.appendChild(line(["يعرض هذا العرض أثقل ", bdi(String(meta.shown_nodes), "ltr"), " عقدة من أصل ",
      bdi(String(meta.total_nodes), "ltr"), " (حسب عدد الإشارات والمصادر). "]));
    notice.appendChild(bdi("Showing the top " + meta.shown_nodes + " of " + meta.total_nodes +
      " nodes by mentions/sources; use kg query or the Neo4j export for the rest.", "ltr"));
  }
  /* "#q=..." searches once the opening view is drawn, so data-kg-drawn counts the opening view */
  function searchFromHash() {
    var match = /^#q=(.*)$/.exec(location.hash);
    if (!match) { return; }
    search.value = decodeURIComponent(match[1]);
    var hits = runSearch(search.value);
    if (hits.length) { focusNode(hits[0].id); }
  }
})();
