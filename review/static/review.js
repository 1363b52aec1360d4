// handoff review: keyboard navigation and evidence highlighting. Pages work without it.
(function () {
  "use strict";

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("li.field")); }

  var evidence = {};
  var dataEl = document.getElementById("evidence-data");
  if (dataEl) {
    try { evidence = JSON.parse(dataEl.textContent || "{}"); } catch (e) { evidence = {}; }
  }

  function showPage(n) {
    var wraps = document.querySelectorAll(".page-wrap");
    if (!wraps.length) { return; }
    wraps.forEach(function (w) { w.classList.toggle("shown", w.getAttribute("data-page") === String(n)); });
    document.querySelectorAll(".page-btn").forEach(function (b) {
      b.classList.toggle("current", b.getAttribute("data-page") === String(n));
    });
    var sheet = document.getElementById("sheet");
    if (sheet) { sheet.setAttribute("data-page", String(n)); }
  }

  function highlight(rowId) {
    document.querySelectorAll(".box.hl").forEach(function (b) { b.classList.remove("hl"); });
    var boxes = evidence[rowId] || [];
    if (!boxes.length) { return; }
    showPage(boxes[0].page);
    var first = null;
    document.querySelectorAll(".box").forEach(function (b) {
      if (b.getAttribute("data-row") === rowId) {
        b.classList.add("hl");
        if (!first) { first = b; }
      }
    });
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "center", inline: "nearest" }); }
  }

  function select(row, focus) {
    if (!row) { return; }
    rows().forEach(function (r) { r.classList.remove("selected"); });
    row.classList.add("selected");
    if (focus) { row.focus({ preventScroll: false }); }
    highlight(row.getAttribute("data-row"));
    if (history.replaceState) { history.replaceState(null, "", "#" + row.id); }
  }

  function current() {
    return document.querySelector("li.field.selected") || null;
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var i = all.indexOf(current());
    var next = i < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, i + step));
    select(all[next], true);
  }

  function typing(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (typing(ev.target)) {
      if (ev.key === "Escape") { ev.target.blur(); var row = ev.target.closest("li.field"); if (row) { row.focus(); } }
      return;
    }
    var row = current();
    if (ev.key === "j") { move(1); ev.preventDefault(); }
    else if (ev.key === "k") { move(-1); ev.preventDefault(); }
    else if (ev.key === "c" && row) {
      var form = row.querySelector("form.confirm");
      if (form) { ev.preventDefault(); form.submit(); }
    } else if (ev.key === "e" && row) {
      var input = row.querySelector("form.edit input[name=value]");
      if (input) { ev.preventDefault(); input.focus(); input.select(); }
    }
  });

  rows().forEach(function (row) {
    row.addEventListener("click", function (ev) {
      if (typing(ev.target) || ev.target.tagName === "BUTTON") { return; }
      select(row, false);
    });
    row.addEventListener("focus", function () {
      if (!row.classList.contains("selected")) { select(row, false); }
    });
  });

  document.querySelectorAll(".page-btn").forEach(function (b) {
    b.addEventListener("click", function () { showPage(b.getAttribute("data-page")); });
  });
  document.querySelectorAll(".box").forEach(function (b) {
    b.addEventListener("click", function (ev) {
      var row = document.getElementById(b.getAttribute("data-row"));
      if (row) { ev.preventDefault(); select(row, true); }
    });
  });

  showPage(1);
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("field")) { select(target, true); }
  }
})();
