(function () {
  "use strict";

  // Errors are recorded for the self-test (open the page with #selftest).
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); });

  function one(sel, root) { return (root || document).querySelector(sel); }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  var rows = all("#findings tbody tr");
  var filters = {
    rule: one("#f-rule"),
    severity: one("#f-severity"),
    service: one("#f-service"),
    status: one("#f-status")
  };
  var shown = one("#shown");
  var textFilter = one("#f-text");

  // matches reports whether a row passes every filter.
  function matches(row) {
    var d = row.dataset;
    if (filters.rule.value && d.rule !== filters.rule.value) { return false; }
    if (filters.severity.value && d.severity !== filters.severity.value) { return false; }
    if (filters.service.value && d.service !== filters.service.value) { return false; }
    var status = filters.status.value;
    if (status === "open" && d.suppressed === "true") { return false; }
    if (status === "suppressed" && d.suppressed !== "true") { return false; }
    var q = textFilter ? textFilter.value.trim().toLowerCase() : "";
    if (q && row.textContent.toLowerCase().indexOf(q) < 0) { return false; }
    return true;
  }

  // apply shows the rows that pass the filters and returns how many.
  function apply() {
    var n = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = n + " of " + rows.length;
    one("#none").hidden = n !== 0;
    return n;
  }

  Object.keys(filters).forEach(function (k) { filters[k].addEventListener("change", apply); });
  if (textFilter) { textFilter.addEventListener("input", apply); }
  one("#reset").addEventListener("click", function () {
    filters.rule.value = "";
    filters.severity.value = "";
    filters.service.value = "";
    filters.status.value = "open";
    if (textFilter) { textFilter.value = ""; }
    apply();
  });

  // highlight marks the picture's elements with the given ids and brings
  // the first one into view; it returns how many it found.
  function highlight(ids) {
    all(".hl").forEach(function (el) { el.classList.remove("hl"); });
    var first = null, n = 0;
    ids.forEach(function (id) {
      var el = id && document.getElementById(id);
      if (el) {
        el.classList.add("hl");
        first = first || el;
        n++;
      }
    });
    return n;
  }

  function elementsOf(row) {
    return (row.dataset.elements || "").split(" ").filter(function (s) { return s !== ""; });
  }

  rows.forEach(function (row) {
    var link = one("a.show", row);
    if (link) {
      link.addEventListener("click", function (e) {
        e.preventDefault();
        showRow(row);
      });
    }
  });

  // showRow highlights a finding's elements in the picture, switching to
  // the view that shows them when the current one does not.
  function showRow(row) {
    var ids = elementsOf(row);
    var here = ids.length > 0 && ids.every(function (id) { return document.getElementById(id); });
    if (!here && row.dataset.view !== undefined && graph) {
      graph.show(Number(row.dataset.view));
      ids = (row.dataset.viewElements || "").split(" ").filter(function (s) { return s !== ""; });
    }
    var n = highlight(ids);
    if (graph && ids.length > 0) { graph.centerOn(document.getElementById(ids[0])); }
    one("#graph").scrollIntoView({ block: "start" });
    return n;
  }

  var graph = one("#graph-data") ? graphView() : null;

  apply();

  // graphView makes the picture interactive: pan and zoom, the views of
  // a graph collapsed into groups, focus on a node with what fails with
  // it, and the search box. It returns the operations the rest of the
  // page and the self-test use.
  function graphView() {
    var data = JSON.parse(one("#graph-data").dataset.json);
    var viewport = one("#viewport");
    var info = one("#info");
    var nodeById = {}, groupById = {};
    data.nodes.forEach(function (n, i) { nodeById[n.id] = i; });
    data.groups.forEach(function (g, i) { groupById[g.id] = i; });
    var entryById = {};
    data.entries.forEach(function (e) { entryById[e.id] = e.node; });
    var cache = {};
    var current = 0;
    var focused = -1;

    // encode is dot.encode: letters, digits, '-' and '.' stay, every other
    // byte of the UTF-8 form becomes '_' and two hex digits.
    function encode(s) {
      var out = "", bytes = new TextEncoder().encode(s);
      for (var i = 0; i < bytes.length; i++) {
        var c = bytes[i];
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46) {
          out += String.fromCharCode(c);
        } else {
          out += "_" + (c < 16 ? "0" : "") + c.toString(16);
        }
      }
      return out;
    }

    function prepare(svg) {
      svg.removeAttribute("width");
      svg.removeAttribute("height");
      svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
      svg.dataset.vb0 = svg.getAttribute("viewBox");
      return svg;
    }
    function svgOf(k) {
      if (!cache[k]) {
        var t = one("#view-" + k);
        if (!t) { return null; }
        cache[k] = prepare(document.importNode(t.content, true).querySelector("svg"));
      }
      return cache[k];
    }
    function svg() { return viewport.querySelector("svg"); }
    cache[0] = prepare(svg());
    // The picture's frame is as tall as the first picture needs at the
    // page's width, within 240 pixels and 62% of the window.
    (function () {
      var v = svg().dataset.vb0.split(/[\s,]+/).map(Number);
      if (v[2] > 0 && viewport.clientWidth > 0) {
        viewport.style.height = Math.round(Math.max(240, Math.min(window.innerHeight * 0.62, viewport.clientWidth * v[3] / v[2] + 4))) + "px";
      }
    })();

    // The view box, and zoom around a point.
    function box(s) {
      var a = s.getAttribute("viewBox").split(/[\s,]+/).map(Number);
      return { x: a[0], y: a[1], w: a[2], h: a[3] };
    }
    function setBox(s, v) {
      s.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map(function (x) { return Math.round(x * 100) / 100; }).join(" "));
    }
    function fit() { svg().setAttribute("viewBox", svg().dataset.vb0); }
    function zoom(f, cx, cy) {
      var s = svg(), v = box(s), v0 = box({ getAttribute: function () { return s.dataset.vb0; } });
      var w = Math.min(Math.max(v.w / f, v0.w / 60), v0.w * 4);
      f = v.w / w;
      if (cx === undefined) { cx = v.x + v.w / 2; cy = v.y + v.h / 2; }
      setBox(s, { x: cx - (cx - v.x) / f, y: cy - (cy - v.y) / f, w: w, h: v.h / f });
    }
    function pan(dx, dy) { // in screen pixels
      var s = svg(), v = box(s), k = s.getScreenCTM().a || 1;
      v.x -= dx / k;
      v.y -= dy / k;
      setBox(s, v);
    }
    function toSVG(x, y) {
      var s = svg(), pt = s.createSVGPoint();
      pt.x = x;
      pt.y = y;
      return pt.matrixTransform(s.getScreenCTM().inverse());
    }
    // centerOn brings an element of the picture to the middle, zoomed so
    // that it and its surroundings are readable.
    function centerOn(el) {
      if (!el || !el.getBoundingClientRect) { return; }
      var r = el.getBoundingClientRect();
      var a = toSVG(r.left, r.top), b = toSVG(r.right, r.bottom);
      var w = Math.max((b.x - a.x) * 12, 1000);
      var h = w * (viewport.clientHeight || 1) / (viewport.clientWidth || 1);
      setBox(svg(), { x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h });
    }

    one("#z-in").addEventListener("click", function () { zoom(1.4); });
    one("#z-out").addEventListener("click", function () { zoom(1 / 1.4); });
    one("#z-fit").addEventListener("click", fit);
    viewport.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toSVG(e.clientX, e.clientY);
      zoom(Math.pow(1.0015, -e.deltaY * (e.deltaMode === 1 ? 30 : 1)), p.x, p.y);
    }, { passive: false });
    viewport.addEventListener("keydown", function (e) {
      var step = 60;
      switch (e.key) {
        case "+": case "=": zoom(1.4); break;
        case "-": case "_": zoom(1 / 1.4); break;
        case "0": fit(); break;
        case "ArrowLeft": pan(step, 0); break;
        case "ArrowRight": pan(-step, 0); break;
        case "ArrowUp": pan(0, step); break;
        case "ArrowDown": pan(0, -step); break;
        case "Escape": clearFocus(); break;
        default: return;
      }
      e.preventDefault();
    });
    var drag = null, dragged = false;
    viewport.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      drag = { x: e.clientX, y: e.clientY, id: e.pointerId, moving: false };
      dragged = false;
    });
    viewport.addEventListener("pointermove", function (e) {
      if (!drag || e.pointerId !== drag.id) { return; }
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moving && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!drag.moving) {
        drag.moving = true;
        viewport.classList.add("dragging");
        viewport.setPointerCapture(e.pointerId);
      }
      pan(dx, dy);
      drag.x = e.clientX;
      drag.y = e.clientY;
    });
    function endDrag() {
      if (drag && drag.moving) { dragged = true; }
      drag = null;
      viewport.classList.remove("dragging");
    }
    viewport.addEventListener("pointerup", endDrag);
    viewport.addEventListener("pointercancel", endDrag);

    // Views.
    var viewName = one("#view-name");
    var overview = one("#v-overview");
    function show(k) {
      if (k === current) { return true; }
      var s = svgOf(k);
      if (!s) { return false; }
      clearFocus();
      viewport.replaceChild(s, svg());
      current = k;
      label();
      return true;
    }
    function label() {
      var v = data.views[current];
      if (data.views.length > 1) {
        viewName.textContent = current === 0 ? "every group collapsed: click a stack to expand it" :
          v.expanded.length === 1 ? "showing " + v.name + " expanded: click its box's label, or overview, to collapse it" : "everything expanded";
      }
      if (overview) { overview.disabled = current === 0; }
    }
    if (overview) {
      overview.addEventListener("click", function () { show(0); });
      var everything = -1;
      data.views.forEach(function (v, i) { if (v.name === "everything" && i > 0) { everything = i; } });
      if (everything > 0) {
        var b = document.createElement("button");
        b.type = "button";
        b.id = "v-all";
        b.textContent = "expand all";
        b.title = "draw every node (a large picture)";
        b.addEventListener("click", function () { show(everything); });
        overview.parentNode.insertBefore(b, overview.nextSibling);
      }
    }
    label();
    function expand(gi) { show(data.groups[gi].view); fit(); }

    // idOf returns the id of what shows node i in the current view: its
    // own element, or its collapsed group's.
    function idOf(i) {
      var n = data.nodes[i];
      if (document.getElementById(n.id)) { return n.id; }
      if (n.group >= 0) { return data.groups[n.group].id; }
      return null;
    }
    function mark(id, cls) {
      var el = id && document.getElementById(id);
      if (el) { el.classList.add(cls); }
      return el;
    }
    function clearFocus() {
      focused = -1;
      var s = svg();
      if (s) {
        s.classList.remove("focusing");
        all(".sel, .near, .blast", s).forEach(function (el) { el.classList.remove("sel", "near", "blast"); });
      }
      if (info) { info.hidden = true; }
    }
    function edgeBetween(a, b) {
      var base = "edge-" + a.slice(5) + "__" + b.slice(5);
      var found = [];
      for (var k = 1; k < 10; k++) {
        var el = document.getElementById(k === 1 ? base : base + "-" + k);
        if (!el) { break; }
        found.push(el);
      }
      return found;
    }
    function names(list, limit) {
      var out = list.slice(0, limit).map(function (i) { return data.nodes[i].name; }).join(", ");
      if (list.length > limit) { out += " and " + (list.length - limit) + " more"; }
      return out;
    }
    function collapsedIn(list) {
      var groups = {};
      list.forEach(function (j) {
        var n = data.nodes[j];
        if (!document.getElementById(n.id) && n.group >= 0) { groups[n.group] = (groups[n.group] || 0) + 1; }
      });
      return Object.keys(groups).map(function (g) { return groups[g] + " in " + data.groups[g].name; });
    }
    function para(parent, head, text) {
      var p = document.createElement("p");
      var b = document.createElement("b");
      b.textContent = head;
      p.appendChild(b);
      p.appendChild(document.createTextNode(" " + text));
      parent.appendChild(p);
      return p;
    }
    // focusNode lights node i, its neighbours and what fails with it, and
    // says so under the picture.
    function focusNode(i) {
      clearFocus();
      focused = i;
      var n = data.nodes[i], s = svg(), self = idOf(i);
      s.classList.add("focusing");
      mark(self, "sel");
      n.in.concat(n.out).forEach(function (j) {
        var id = idOf(j);
        if (mark(id, "near")) {
          edgeBetween(self, id).concat(edgeBetween(id, self)).forEach(function (e) { e.classList.add("near"); });
        }
      });
      n.failsWith.forEach(function (j) { mark(idOf(j), "blast"); });
      n.lost.forEach(function (name) {
        mark("entry-" + encode(name), "blast");
        mark("entryedge-" + encode(name), "near");
      });
      if (!info) { return; }
      info.textContent = "";
      var h = document.createElement("h3");
      h.textContent = n.name + " ";
      var small = document.createElement("small");
      var what = n.kind;
      if (n.group >= 0) { what += " · " + data.groups[n.group].name; }
      what += " · " + (n.findings === 0 ? "no findings" : n.findings + (n.findings === 1 ? " finding" : " findings") + ", worst " + n.worst);
      small.textContent = what;
      h.appendChild(small);
      info.appendChild(h);
      if (self !== n.id) {
        para(info, "Collapsed:", n.name + " is inside " + data.groups[n.group].name + ", whose stack is lit: its colour is that of the worst finding of all " +
          data.groups[n.group].members.length + " nodes in it, not of " + n.name + " alone.");
      }
      var c = collapsedIn(n.out), d = collapsedIn(n.in);
      para(info, "Calls:", n.out.length === 0 ? "nothing" : names(n.out, 12) + (c.length ? " (" + c.join(", ") + ", collapsed)" : ""));
      para(info, "Called by:", n.in.length === 0 ? "nothing in the graph" : names(n.in, 12) + (d.length ? " (" + d.join(", ") + ", collapsed)" : ""));
      var b = collapsedIn(n.failsWith);
      para(info, "If it fails:", n.failsWith.length === 0 && n.lost.length === 0 ?
        "nothing else fails with it: every caller can carry on without it (a soft or asynchronous call, a fallback, or an alternative)." :
        (n.failsWith.length + (n.failsWith.length === 1 ? " node fails" : " nodes fail") + " with it" +
          (n.failsWith.length ? ": " + names(n.failsWith, 20) : "") + (b.length ? " (" + b.join(", ") + ", collapsed)" : "") +
          "; entrypoints lost: " + (n.lost.length ? n.lost.join(", ") : "none") + ". They are outlined in red."));
      if (n.findings > 0 && filters.service.querySelector("option[value='" + CSS.escape(n.name) + "']")) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = "list its findings";
        btn.addEventListener("click", function () {
          filters.service.value = n.name;
          apply();
          one("#findings").scrollIntoView({ block: "start" });
        });
        info.appendChild(btn);
      }
      info.hidden = false;
    }
    // reveal shows node i: in the current view when it is drawn there,
    // else in the view of its group; focused and in the middle.
    function reveal(i) {
      var n = data.nodes[i];
      if (!document.getElementById(n.id)) {
        show(n.group >= 0 ? data.groups[n.group].view : 0);
      }
      focusNode(i);
      centerOn(document.getElementById(idOf(i)));
    }

    viewport.addEventListener("click", function (e) {
      if (dragged) { dragged = false; return; }
      var g = e.target.closest ? e.target.closest("g.node, g.cluster") : null;
      if (!g) { clearFocus(); return; }
      if (g.classList.contains("cluster")) {
        if (data.views[current].expanded.length === 1) { show(0); fit(); }
        return;
      }
      if (g.id in groupById) { expand(groupById[g.id]); return; }
      var i = g.id in nodeById ? nodeById[g.id] : g.id in entryById ? entryById[g.id] : -1;
      if (i >= 0) {
        if (focused === i) { clearFocus(); } else { focusNode(i); }
      }
    });

    // Search: groups and nodes by name, and the findings that mention the
    // words, which the findings' text filter then shows.
    var search = one("#search"), results = one("#search-results");
    var items = [], active = 0;
    function find(q) {
      var out = [];
      q = q.trim().toLowerCase();
      if (!q) { return out; }
      data.groups.forEach(function (g, i) {
        if (g.name.toLowerCase().indexOf(q) >= 0) { out.push({ kind: "group", i: i, text: g.name, note: g.members.length + " nodes" }); }
      });
      var nodes = 0;
      data.nodes.forEach(function (n, i) {
        if (n.name.toLowerCase().indexOf(q) >= 0 && nodes < 30) {
          nodes++;
          out.push({ kind: "node", i: i, text: n.name, note: n.kind + (n.group >= 0 ? " · " + data.groups[n.group].name : "") +
            (n.findings ? " · " + n.findings + " findings" : "") });
        }
      });
      var f = rows.filter(function (row) { return row.textContent.toLowerCase().indexOf(q) >= 0; }).length;
      if (f > 0) { out.push({ kind: "findings", q: q, text: f + (f === 1 ? " finding mentions " : " findings mention ") + "“" + q + "”", note: "list them" }); }
      return out;
    }
    function render() {
      results.textContent = "";
      items.forEach(function (it, k) {
        var li = document.createElement("li");
        li.textContent = it.text;
        var small = document.createElement("small");
        small.textContent = it.note;
        li.appendChild(small);
        if (k === active) { li.className = "active"; }
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(it); });
        results.appendChild(li);
      });
      results.hidden = items.length === 0;
    }
    function choose(it) {
      results.hidden = true;
      if (!it) { return; }
      if (it.kind === "group") {
        expand(it.i);
      } else if (it.kind === "node") {
        reveal(it.i);
      } else {
        textFilter.value = it.q;
        filters.status.value = "";
        apply();
        one("#findings").scrollIntoView({ block: "start" });
      }
    }
    search.addEventListener("input", function () {
      items = find(search.value);
      active = 0;
      render();
    });
    search.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { active = Math.min(active + 1, items.length - 1); render(); e.preventDefault(); }
      if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); render(); e.preventDefault(); }
      if (e.key === "Enter") { choose(items[active]); e.preventDefault(); }
      if (e.key === "Escape") { results.hidden = true; }
    });
    search.addEventListener("blur", function () { results.hidden = true; });

    // A page opened at #view=N, #focus=NAME or #expand=GROUP (joined with
    // &) starts there, to link to one part of a large system.
    window.location.hash.slice(1).split("&").forEach(function (kv) {
      var p = kv.split("="), v = decodeURIComponent(p.slice(1).join("="));
      if (p[0] === "view" && /^[0-9]+$/.test(v)) { show(Number(v)); }
      if (p[0] === "expand") { data.groups.forEach(function (g, i) { if (g.name === v) { expand(i); } }); }
      if (p[0] === "focus") { data.nodes.forEach(function (n, i) { if (n.name === v) { reveal(i); } }); }
    });

    return {
      data: data, show: show, fit: fit, zoom: zoom, centerOn: centerOn, focusNode: focusNode, find: find, choose: choose,
      box: function () { return svg().getAttribute("viewBox"); },
      current: function () { return current; },
      viewport: viewport
    };
  }

  // The self-test runs every filter and writes what it saw into the page,
  // for a headless browser to read back.
  function selftest() {
    var result = { svg: !!one("#graph svg"), nodes: all("#graph g.node").length,
      edges: all("#graph g.edge").length, rows: rows.length, rule: {}, severity: {}, service: {}, status: {} };
    Object.keys(filters).forEach(function (k) {
      all("option", filters[k]).forEach(function (o) {
        filters.rule.value = "";
        filters.severity.value = "";
        filters.service.value = "";
        filters.status.value = k === "status" ? "" : "open";
        filters[k].value = o.value;
        result[k][o.value || "*"] = apply();
      });
    });
    filters.status.value = "open";
    filters.rule.value = "";
    filters.severity.value = "error";
    filters.service.value = "";
    result.openErrors = apply();
    var missing = 0, withElements = null;
    rows.forEach(function (row) {
      elementsOf(row).forEach(function (id) { if (!document.getElementById(id)) { missing++; } });
      if (!withElements && elementsOf(row).length > 0) { withElements = row; }
    });
    result.missingElements = missing;
    result.highlighted = withElements ? highlight(elementsOf(withElements)) : 0;
    result.highlightWanted = withElements ? elementsOf(withElements).length : 0;
    one("#reset").click();
    result.afterReset = all("#findings tbody tr:not([hidden])").length;
    if (graph) { result.scale = selftestGraph(); }
    result.errors = errors;
    var out = document.createElement("pre");
    out.id = "selftest-result";
    out.textContent = JSON.stringify(result);
    document.body.appendChild(out);
  }
  // selftestGraph clicks, searches and zooms as a user would and says
  // what the page did.
  function selftestGraph() {
    var d = graph.data, r = { views: d.views.length, groups: d.groups.length, nodes: d.nodes.length };
    function click(el) { el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window })); }
    function count(sel) { return all(sel, graph.viewport).length; }
    r.drawn = count("g.node");
    // Expand the first group by clicking its stack.
    if (d.groups.length > 0) {
      var g0 = document.getElementById(d.groups[0].id);
      r.stack = !!g0;
      if (g0) { click(one("text", g0) || g0); }
      r.expandedView = graph.current();
      r.expandedDrawn = count("g.node");
      r.membersDrawn = d.groups[0].members.filter(function (i) { return document.getElementById(d.nodes[i].id); }).length;
      r.stackGone = !document.getElementById(d.groups[0].id);
      // Its box's label collapses it again.
      var boxLabel = one("g.cluster text", graph.viewport);
      if (boxLabel) { click(boxLabel); }
      r.collapsedView = graph.current();
    }
    // Search a node (the last one, by its full name) and choose it.
    var target = d.nodes.length - 1;
    var found = graph.find(d.nodes[target].name);
    r.searchHits = found.filter(function (it) { return it.kind === "node" && it.i === target; }).length;
    var input = one("#search");
    input.value = d.nodes[target].name;
    input.dispatchEvent(new Event("input"));
    r.searchListed = all("#search-results li").length;
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    r.searchView = graph.current();
    var sel = one("g.node.sel", graph.viewport);
    r.searchSelected = sel ? sel.id : "";
    r.searchWanted = d.nodes[target].id;
    // Findings: a word of the first finding's rule.
    var rule = rows.length ? rows[0].dataset.rule : "";
    r.findingHits = rule ? graph.find(rule).filter(function (it) { return it.kind === "findings"; }).length : 0;
    // Focus: click the node that takes the most others down with it, in
    // the view that draws it.
    var worst = -1;
    d.nodes.forEach(function (n, i) { if (worst < 0 || n.failsWith.length > d.nodes[worst].failsWith.length) { worst = i; } });
    if (worst >= 0) {
      graph.show(d.nodes[worst].group >= 0 ? d.groups[d.nodes[worst].group].view : 0);
      var el = document.getElementById(d.nodes[worst].id);
      if (el) { click(el); }
      r.focusFailsWith = d.nodes[worst].failsWith.length;
      r.focusBlast = count("g.blast");
      r.focusSelected = count("g.node.sel");
      r.focusInfo = !one("#info").hidden;
      click(graph.viewport);
      r.focusCleared = count(".sel, .blast, .near") === 0;
      // An entrypoint's click focuses on its service.
      if (d.entries.length > 0) {
        var e0 = document.getElementById(d.entries[0].id);
        if (!e0) {
          graph.show(0);
          e0 = document.getElementById(d.entries[0].id);
        }
        if (e0) { click(e0); }
        r.entryFocused = count("g.node.sel") === 1;
        click(graph.viewport);
      }
    }
    // A finding's "show" link: its elements lit, in the view that draws
    // them.
    var withView = rows.filter(function (row) { return elementsOf(row).length > 0 || row.dataset.viewElements; });
    if (withView.length > 0) {
      graph.show(0);
      var last = withView[withView.length - 1], ids = elementsOf(last);
      var here = ids.length > 0 && ids.every(function (id) { return document.getElementById(id); });
      r.showWanted = here ? ids.length : (last.dataset.viewElements || "").split(" ").filter(function (s) { return s !== ""; }).length;
      r.showLit = showRow(last);
    }
    // Zoom: buttons, the wheel, the keyboard, and fit.
    graph.fit();
    var b0 = graph.box();
    one("#z-in").click();
    r.zoomButton = graph.box() !== b0;
    graph.fit();
    var rect = graph.viewport.getBoundingClientRect();
    graph.viewport.dispatchEvent(new WheelEvent("wheel", { deltaY: -300, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }));
    r.zoomWheel = graph.box() !== b0;
    graph.fit();
    graph.viewport.dispatchEvent(new KeyboardEvent("keydown", { key: "-", bubbles: true }));
    r.zoomKey = graph.box() !== b0;
    one("#z-fit").click();
    r.fitted = graph.box() === b0;
    return r;
  }

  if (window.location.hash === "#selftest") { selftest(); }
})();
