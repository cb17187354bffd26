/* Search results with a few lines of each page, also when the book is opened from file://.
 *
 * Sphinx's search page fetches every page it finds to show the lines around the word
 * searched for. On file:// the browser refuses those requests (one console error per
 * result) and the results come without lines. There, this script turns Sphinx's fetch off,
 * loads _static/search-texts.js (window.GCNN_SEARCH_TEXTS: the text of every page, written
 * at build time by book/_ext/offline_book.py) and takes the lines from there, as Sphinx
 * would show them: 240 characters around the word. Over a server Sphinx fetches as usual
 * and the texts are not loaded. Loaded by the search page only, before Sphinx's
 * searchtools.js runs the search.
 */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") {
    return;
  }
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  var texts = document.createElement("script");
  texts.src = document.currentScript.src.replace(/gcnn-search\.js(\?.*)?$/, "search-texts.js");
  document.head.appendChild(texts);
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var words = query.toLowerCase().split(/\s+/).filter(function (word) { return word; });

  function summary(text) {
    var lower = text.toLowerCase();
    var found = words.map(function (w) { return lower.indexOf(w); }).filter(function (i) { return i > -1; });
    var start = found.length ? Math.max(found[found.length - 1] - 120, 0) : 0;
    var paragraph = document.createElement("p");
    paragraph.classList.add("context");
    paragraph.textContent = (start === 0 ? "" : "...") + text.substr(start, 240).trim() +
      (start + 240 < text.length ? "..." : "");
    return paragraph;
  }

  function addSummary(item) {
    var link = item.querySelector("a");
    // an API entry shows its description instead, as in Sphinx
    if (!link || item.querySelector("p.context, span")) {
      return;
    }
    var docname = (link.getAttribute("href") || "").split("#")[0].replace(/\.html$/, "");
    var text = (window.GCNN_SEARCH_TEXTS || {})[docname];
    if (text) {
      item.appendChild(summary(text));
      if (typeof _highlightText === "function" && window.SPHINX_HIGHLIGHT_ENABLED) {
        words.forEach(function (word) { _highlightText(item, word, "highlighted"); });
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var results = document.getElementById("search-results");
    if (!results) {
      return;
    }
    function addSummaries() {
      results.querySelectorAll("ul.search > li").forEach(addSummary);
    }
    new MutationObserver(addSummaries).observe(results, { childList: true, subtree: true });
    texts.addEventListener("load", addSummaries);
  });
})();
