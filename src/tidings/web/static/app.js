// Fact details on the article page: clicking (or Enter on) a highlight shows the panels of
// the facts covering those words. No inline scripts, no eval, no HTML built from data.
"use strict";
(function () {
  function panels() { return document.querySelectorAll(".fact-panel"); }

  function show(ids) {
    var found = false;
    panels().forEach(function (p) { p.hidden = true; });
    ids.forEach(function (id) {
      var p = document.getElementById("fact-" + id);
      if (p) { p.hidden = false; found = true; }
    });
    document.querySelectorAll(".hl.active").forEach(function (el) { el.classList.remove("active"); });
    ids.forEach(function (id) {
      document.querySelectorAll(".hl[data-facts]").forEach(function (el) {
        if (el.getAttribute("data-facts").split(" ").indexOf(id) >= 0) { el.classList.add("active"); }
      });
    });
    var hint = document.querySelector("#fact-details .hint");
    if (hint) { hint.hidden = found; }
  }

  function activate(target) {
    var el = target.closest ? target.closest("[data-facts]") : null;
    if (!el) { return; }
    show(el.getAttribute("data-facts").split(" ").filter(Boolean));
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.getElementById("fact-details")) { return; }
    document.body.classList.add("js");
    panels().forEach(function (p) { p.hidden = true; });
    document.addEventListener("click", function (e) { activate(e.target); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        if (e.target.matches && e.target.matches(".hl[data-facts]")) { e.preventDefault(); activate(e.target); }
      }
    });
  });
})();
