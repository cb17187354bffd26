/* Small fixes to the pages as the theme draws them (loaded on every page by
 * book/_ext/offline_book.py).
 *
 * The download menu's links to the page's source (.ipynb, .md) open in a new tab, where
 * a browser shows a notebook as raw text (on file:// always): with a `download` attribute
 * they save the file instead.
 */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  document.querySelectorAll("a.btn-download-source-button, a.btn-download-notebook-button").forEach(function (link) {
    var file = (link.getAttribute("href") || "").split("/").pop();
    if (file) {
      link.setAttribute("download", file);
      link.removeAttribute("target");
    }
  });
});
