// Small enhancements; every page works without them. No inline scripts, no eval, no HTML built
// from data (text goes in through textContent / option values only).
"use strict";
(function () {
  // ---------------------------------------------------------------- article page: fact details
  function panels() { return document.querySelectorAll(".fact-panel"); }
  function highlights() { return Array.prototype.slice.call(document.querySelectorAll("#article-text .hl[role=button]")); }

  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }

  function show(ids, fromList) {
    var found = null;
    panels().forEach(function (p) { p.hidden = true; });
    ids.forEach(function (id) {
      var p = document.getElementById("fact-" + id);
      if (p) { p.hidden = false; found = found || p; }
    });
    var first = null;
    document.querySelectorAll(".hl.active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll("#article-text .hl[data-facts]").forEach(function (el) {
      var mine = el.getAttribute("data-facts").split(" ");
      if (ids.some(function (id) { return mine.indexOf(id) >= 0; })) {
        el.classList.add("active");
        first = first || el;
      }
    });
    var hint = document.querySelector("#fact-details .hint");
    if (hint) { hint.hidden = !!found; }
    if (fromList && first) { first.scrollIntoView({ block: "center" }); }
    // the details must be where the reader is looking, whatever was clicked
    if (found && !inView(found)) { found.scrollIntoView({ block: "nearest" }); }
  }

  function activate(target) {
    var el = target.closest ? target.closest("[data-facts]") : null;
    if (!el) { return; }
    show(el.getAttribute("data-facts").split(" ").filter(Boolean), el.classList.contains("fact-link"));
  }

  // one tab stop for all highlights; arrows move between them (roving tabindex)
  function move(from, step) {
    var all = highlights();
    var i = all.indexOf(from);
    var next = all[i + step];
    if (!next) { return; }
    from.setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  }

  function setupArticle() {
    if (!document.getElementById("fact-details")) { return; }
    document.body.classList.add("js");
    panels().forEach(function (p) { p.hidden = true; });
    document.addEventListener("click", function (e) { activate(e.target); });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (!(t.matches && t.matches("#article-text .hl[role=button]"))) { return; }
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(t); }
      else if (e.key === "ArrowRight" || e.key === "ArrowDown") { e.preventDefault(); move(t, 1); }
      else if (e.key === "ArrowLeft" || e.key === "ArrowUp") { e.preventDefault(); move(t, -1); }
      else if (e.key === "Home") { e.preventDefault(); move(t, -highlights().indexOf(t)); }
      else if (e.key === "End") { e.preventDefault(); move(t, highlights().length - 1 - highlights().indexOf(t)); }
    });
    var ev = document.getElementById("evidence");
    if (ev) {
      ev.scrollIntoView({ block: "center" });
      if (ev.getAttribute("data-facts")) {
        highlights().forEach(function (el) { el.setAttribute("tabindex", "-1"); });
        ev.setAttribute("tabindex", "0");
        ev.focus({ preventScroll: true });
      }
    }
  }

  // ---------------------------------------------------------------- actor names as one types
  function setupSuggest() {
    document.querySelectorAll("input[data-suggest=actors]").forEach(function (input) {
      var list = document.getElementById(input.getAttribute("list"));
      if (!list) { return; }
      var timer = null;
      var asked = "";
      input.addEventListener("input", function () {
        var prefix = input.value.trim();
        if (prefix.length < 2 || prefix === asked) { return; }
        clearTimeout(timer);
        timer = setTimeout(function () {
          asked = prefix;
          fetch("/api/actors/suggest?prefix=" + encodeURIComponent(prefix) + "&limit=10")
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (rows) {
              while (list.firstChild) { list.removeChild(list.firstChild); }
              rows.forEach(function (a) {
                var opt = document.createElement("option");
                opt.value = a.name;
                opt.label = a.matched !== a.name ? a.matched + " → " + a.name : a.name + (a.country ? " (" + a.country + ")" : "");
                list.appendChild(opt);
              });
              input.setAttribute("data-suggested", String(rows.length));
            })
            .catch(function () { /* suggestions are a convenience */ });
        }, 150);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupArticle();
    setupSuggest();
  });
})();
