/* kg graph view: builds the vis-network from the JSON payload, filters, Arabic search, side panel.
 * Every string from the graph is put into the DOM with textContent, never as HTML.
 * Markers for tests live on <body>: data-kg-drawn (nodes drawn), data-kg-draw-ms, data-kg-stabilized,
 * data-kg-search-hits, data-kg-errors. A URL hash "#q=..." runs a search on load. */
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
  var CLASS_NAMES = {
    Person: "شخص · Person",
    Organization: "منظمة · Organization",
    GeopoliticalEntity: "كيان جيوسياسي · GPE",
    Location: "مكان · Location",
    Claim: "ادعاء · Claim"
  };
  var EDGE_NAMES = {
    said_about: "تحدّث عن · said about",
    asserts: "يؤكد ادعاءً · asserts claim",
    interacts: "تفاعل · interaction",
    stands_for: "يمثّل · stands for",
    contradicts: "يناقض · contradicts",
    affiliation: "ينتمي إلى · affiliated with",
    country: "بلد · country"
  };

  /* Arabic search key: no diacritics or tatweel; alef forms -> ا; ى/ی -> ي; ة -> ه; ؤ -> و; ئ -> ي. */
  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
  function searchKey(text) {
    return String(text || "").normalize("NFKC").toLowerCase()
      .replace(MARKS, "")
      .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, "\u0627")
      .replace(/[\u0649\u06CC\u0626]/g, "\u064A")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0624/g, "\u0648")
      .replace(/\u06A9/g, "\u0643")
      .replace(/\s+/g, " ").trim();
  }
  window.kgSearchKey = searchKey;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  var nodeById = new Map();
  data.nodes.forEach(function (node) {
    node.key = [node.full, node.label].concat(node.alt || []).map(searchKey).join("\n");
    nodeById.set(node.id, node);
  });
  var spoken = new Map();
  var aboutMe = new Map();
  data.stmts.forEach(function (stmt, index) {
    if (stmt.sp !== null && stmt.sp !== undefined) { push(spoken, stmt.sp, index); }
    (stmt.ab || []).forEach(function (target) { push(aboutMe, target, index); });
    if (stmt.c !== null && stmt.c !== undefined) { push(aboutMe, stmt.c, index); }
  });
  function push(map, key, value) {
    if (!map.has(key)) { map.set(key, []); }
    map.get(key).push(value);
  }

  /* --- filters ------------------------------------------------------------------------------- */
  var state = { classes: new Set(Object.keys(CLASS_NAMES)), kinds: new Set(Object.keys(EDGE_NAMES)),
    doc: -1, outlet: "", minNode: 0, minEdge: 1 };
  var outletDocs = new Map();
  data.docs.forEach(function (doc, index) { if (doc[2]) { push(outletDocs, doc[2], index); } });

  function inSource(docs) {
    if (state.doc >= 0) { return docs.indexOf(state.doc) >= 0; }
    if (state.outlet) {
      var wanted = outletDocs.get(state.outlet) || [];
      return docs.some(function (d) { return wanted.indexOf(d) >= 0; });
    }
    return true;
  }
  function nodeVisible(node) {
    return state.classes.has(node.cls) && node.w >= state.minNode && inSource(node.docs || []);
  }
  function edgeVisible(edge) {
    if (!state.kinds.has(edge.kind) || edge.w < state.minEdge) { return false; }
    if ((state.doc >= 0 || state.outlet) && edge.docs && edge.docs.length) { return inSource(edge.docs); }
    return true;
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodesView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgesView = new vis.DataView(edges, { filter: edgeVisible });
  var container = document.getElementById("network");
  var options = data.options;
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
  window.kgNetwork = network;

  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
    showStats();
  }
  function showStats() {
    document.getElementById("stats").textContent = nodesView.length + " / " + data.nodes.length +
      " عقدة · nodes, " + edgesView.length + " علاقة · edges, " + meta.statements + " تصريح · statements, " +
      meta.documents + " وثيقة · documents";
  }

  network.once("afterDrawing", function () {
    body.setAttribute("data-kg-drawn", String(nodesView.length));
    body.setAttribute("data-kg-draw-ms", String(Math.round(performance.now())));
  });
  /* Draw once now rather than on the next animation frame, which headless or hidden tabs may delay. */
  setTimeout(function () { network.redraw(); }, 0);
  if (options.physics && options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      body.setAttribute("data-kg-stabilized", "1");
      setTimeout(function () { network.fit({ animation: false }); network.redraw(); }, 0);
    });
  } else {
    body.setAttribute("data-kg-stabilized", "1");
  }

  function checkbox(parent, value, text, swatch, onChange) {
    var label = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.checked = true;
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
      var style = data.styles.nodes[cls];
      var swatch = el("span", null, "swatch shape-" + style.shape);
      swatch.style.background = style.color;
      checkbox(classes, cls, CLASS_NAMES[cls], swatch, function (value, on) {
        if (on) { state.classes.add(value); } else { state.classes.delete(value); }
        refresh();
      });
    });
    var kinds = document.getElementById("edge-filters");
    Object.keys(EDGE_NAMES).forEach(function (kind) {
      var style = data.styles.edges[kind];
      var swatch = el("span", null, "swatch " + (style.dashes ? "dashed" : "line"));
      swatch.style.borderColor = style.color;
      checkbox(kinds, kind, EDGE_NAMES[kind], swatch, function (value, on) {
        if (on) { state.kinds.add(value); } else { state.kinds.delete(value); }
        refresh();
      });
    });
    var outlet = document.getElementById("outlet");
    Array.from(outletDocs.keys()).sort().forEach(function (name) {
      var option = el("option", name);
      option.value = name;
      outlet.appendChild(option);
    });
    outlet.addEventListener("change", function () { state.outlet = outlet.value; refresh(); });
    var doc = document.getElementById("document");
    data.docs.forEach(function (row, index) {
      var option = el("option", row[0] + (row[1] ? " — " + row[1] : ""));
      option.value = String(index);
      doc.appendChild(option);
    });
    doc.addEventListener("change", function () { state.doc = parseInt(doc.value, 10); refresh(); });
    var minNode = document.getElementById("min-node");
    minNode.addEventListener("change", function () { state.minNode = Number(minNode.value) || 0; refresh(); });
    var minEdge = document.getElementById("min-edge");
    minEdge.addEventListener("change", function () { state.minEdge = Number(minEdge.value) || 0; refresh(); });
  }

  /* --- side panel ----------------------------------------------------------------------------- */
  var details = document.getElementById("details");
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function docLine(index) {
    var span = el("span");
    if (index === null || index === undefined || !data.docs[index]) { return span; }
    var row = data.docs[index];
    var text = row[0] + (row[2] ? " (" + row[2] + ")" : "");
    if (row[3]) {
      var link = el("a", text);
      link.href = row[3];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      span.appendChild(link);
    } else {
      span.textContent = text;
    }
    return span;
  }
  function statementCard(index) {
    var stmt = data.stmts[index];
    var card = el("div", null, "card");
    card.appendChild(el("p", "«" + stmt.q + "»", "quote"));
    var line = el("div", null, "meta");
    line.appendChild(el("span", stmt.spl || "متحدث غير معروف · unknown speaker"));
    if (stmt.cue) { line.appendChild(el("span", stmt.cue)); }
    if (stmt.to) { line.appendChild(el("span", "إلى · to " + stmt.to)); }
    if (stmt.via) { line.appendChild(el("span", "عبر · via " + stmt.via)); }
    line.appendChild(docLine(stmt.d));
    card.appendChild(line);
    var tags = el("div", null, "meta");
    if (stmt.k) { tags.appendChild(el("span", stmt.k, "tag")); }
    if (stmt.p) { tags.appendChild(el("span", stmt.p, "tag " + stmt.p)); }
    var about = (stmt.ab || []).map(function (id) { return nodeById.get(id).label; }).concat(stmt.abl || []);
    if (about.length) { tags.appendChild(el("span", "عن · about " + about.join("، "))); }
    card.appendChild(tags);
    return card;
  }
  function statementList(title, indexes) {
    var section = el("section");
    section.appendChild(el("h4", title + " (" + indexes.length + ")"));
    indexes.slice(0, 200).forEach(function (i) { section.appendChild(statementCard(i)); });
    if (indexes.length > 200) { section.appendChild(el("p", "… " + (indexes.length - 200), "hint")); }
    return section;
  }
  function showNode(id) {
    var node = nodeById.get(id);
    if (!node) { return; }
    clear(details);
    details.appendChild(el("h3", node.full || node.label));
    details.setAttribute("data-node", String(node.id));
    details.appendChild(el("div", CLASS_NAMES[node.cls] + " · " + node.w, "meta"));
    if (node.alt && node.alt.length) { details.appendChild(el("div", "أسماء أخرى · also: " + node.alt.join("، "))); }
    (node.jobs || []).forEach(function (job) { details.appendChild(el("div", job, "meta")); });
    if (node.docs && node.docs.length) {
      var list = el("ul", null, "plain");
      node.docs.slice(0, 50).forEach(function (d) { var item = el("li"); item.appendChild(docLine(d)); list.appendChild(item); });
      details.appendChild(el("h4", "الوثائق · documents (" + node.docs.length + ")"));
      details.appendChild(list);
    }
    var said = spoken.get(id) || [];
    var about = aboutMe.get(id) || [];
    if (said.length) { details.appendChild(statementList("قال · said", said)); }
    if (about.length) { details.appendChild(statementList("قيل عنه · said about it", about)); }
    if (!nodesView.get(id)) { details.appendChild(el("p", "(مخفية بالمرشحات · hidden by the filters)", "hint")); }
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
    var edge = edges.get(id);
    if (!edge) { return; }
    clear(details);
    var from = nodeById.get(edge.from);
    var to = nodeById.get(edge.to);
    details.appendChild(el("h3", (from ? from.label : "") + " ← " + (to ? to.label : "")));
    details.appendChild(el("div", EDGE_NAMES[edge.kind] + (edge.sub ? " · " + edge.sub : "") + " · " + edge.w, "meta"));
    if (edge.docs && edge.docs.length) {
      var list = el("ul", null, "plain");
      edge.docs.forEach(function (d) { var item = el("li"); item.appendChild(docLine(d)); list.appendChild(item); });
      details.appendChild(list);
    }
    var rows = edgeStatements(edge);
    if (rows.length) { details.appendChild(statementList("التصريحات · statements", rows)); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  /* --- search --------------------------------------------------------------------------------- */
  var results = document.getElementById("results");
  var search = document.getElementById("search");
  function focusNode(id) {
    if (nodesView.get(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.2, animation: false });
    }
    showNode(id);
  }
  function runSearch(text) {
    clear(results);
    var key = searchKey(text);
    if (!key) { body.removeAttribute("data-kg-search-hits"); return []; }
    var hits = data.nodes.filter(function (node) { return node.key.indexOf(key) >= 0; });
    hits.sort(function (a, b) { return b.w - a.w; });
    body.setAttribute("data-kg-search-hits", String(hits.length));
    hits.slice(0, 50).forEach(function (node) {
      var button = el("button", node.label + " — " + CLASS_NAMES[node.cls]);
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
      var hits = runSearch(search.value);
      if (hits.length) { focusNode(hits[0].id); }
    }
  });

  /* --- start ---------------------------------------------------------------------------------- */
  buildControls();
  showStats();
  if (meta.truncated) {
    var notice = document.getElementById("notice");
    notice.hidden = false;
    notice.textContent = "يعرض هذا العرض أثقل " + meta.shown_nodes + " عقدة من أصل " + meta.total_nodes +
      " (حسب عدد الإشارات والمصادر). · Showing the top " + meta.shown_nodes + " of " + meta.total_nodes +
      " nodes by mentions/sources; use kg query or the Neo4j export for the rest.";
  }
  var match = /^#q=(.*)$/.exec(location.hash);
  if (match) {
    search.value = decodeURIComponent(match[1]);
    var hits = runSearch(search.value);
    if (hits.length) { focusNode(hits[0].id); }
  }
})();
