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

  // matches reports whether a row passes every filter.
  function matches(row) {
    var d = row.dataset;
    if (filters.rule.value && d.rule !== filters.rule.value) { return false; }
    if (filters.severity.value && d.severity !== filters.severity.value) { return false; }
    if (filters.service.value && d.service !== filters.service.value) { return false; }
    var status = filters.status.value;
    if (status === "open" && d.suppressed === "true") { return false; }
    if (status === "suppressed" && d.suppressed !== "true") { return false; }
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
  one("#reset").addEventListener("click", function () {
    filters.rule.value = "";
    filters.severity.value = "";
    filters.service.value = "";
    filters.status.value = "open";
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
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "center" }); }
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
        highlight(elementsOf(row));
      });
    }
  });

  // A click on a node of the picture shows that node's findings.
  var byId = {};
  all("#f-service option").forEach(function (o) { if (o.dataset.id) { byId[o.dataset.id] = o.value; } });
  all("#graph g.node").forEach(function (g) {
    if (!(g.id in byId)) { return; }
    g.classList.add("has-findings");
    g.addEventListener("click", function () {
      filters.service.value = byId[g.id];
      apply();
      highlight([g.id]);
      one("#findings").scrollIntoView({ block: "start" });
    });
  });

  apply();

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
    result.errors = errors;
    var out = document.createElement("pre");
    out.id = "selftest-result";
    out.textContent = JSON.stringify(result);
    document.body.appendChild(out);
  }
  if (window.location.hash === "#selftest") { selftest(); }
})();
