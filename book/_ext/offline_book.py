"""Keep the built book self-contained: nothing a page loads comes from another host.

The book is read offline (from ``_build/html`` on disk, or served on a laptop), so every
script, style sheet and font a page loads must be one of the book's own static files.
MathJax and the widgets manager are served from ``book/_static/vendor`` by ``_config.yml``
(``mathjax_path``, ``nb_ipywidgets_js``). The one other reference to another host comes
from sphinx-thebe, which jupyter-book always loads: it writes the address of its
JavaScript bundle on every page (to load it when a reader presses "live code") and a
configuration block naming an example Binder repository. The book does not offer live
code (its Binder and Colab launch buttons open the whole notebook instead), so both are
dropped here unless ``launch_buttons: thebe: true`` is set.

It also makes the bibliography accessible: docutils marks each reference with the ARIA
role ``doc-biblioentry``, deprecated and not allowed inside the ``role="list"`` around
them (axe-core reports a critical violation), so each becomes a ``listitem``, the role
that DPUB-ARIA now recommends.

This extension also sets ``GCNN_TEACH_STATIC=1`` for the notebooks the build executes
(they inherit the build's environment), so that :func:`gcnn_teach.viz.animation.show_player`
embeds static players, which work without a kernel, instead of live sliders, which would not.

And it keeps the pages light and correct as a reader opens them:

- MathJax only on pages with maths. Sphinx also gives it to a page whose table of contents
  lists a page with maths (the introduction); that page has none, so it is dropped there.
- Search from ``file://``: Sphinx's search page fetches every page it finds to show a few
  lines of it, which a browser refuses on ``file://`` (one console error per result). The
  text of every page is written into ``_static/search-texts.js``; on ``file://``, the
  search page's ``_static/gcnn-search.js`` loads it and takes the lines from there (over a
  server Sphinx fetches the pages as usual, and the texts are not loaded).
- No sphinx-design style sheet and script on a page that uses none of its components, and
  no sphinx-thebe style sheet when the book offers no live code.
- Unique ids: sphinx-proof gives every unlabelled proof the id ``proof`` and the body of
  every theorem the id ``proof-content``, so a page with two proofs repeats an id. Each
  becomes ``proof-1``, ``proof-2``, ... (``gcnn-book.css`` keeps the proofs' style).
- ``gcnn-book.css`` and ``gcnn-book.js``: display equations that are wider than a phone
  scroll instead of being clipped, the notebook download saves the file instead of opening
  it as text, and the pieces of polish listed in those files.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from docutils import nodes


def thebe_enabled(app) -> bool:
    """Whether the book offers live code (``launch_buttons: thebe: true`` in ``_config.yml``)."""
    return bool((app.config.html_theme_options or {}).get("launch_buttons", {}).get("thebe"))


def remove_thebe_config(app, doctree, docname):
    """Drop sphinx-thebe's per-page configuration block."""
    if thebe_enabled(app):
        return
    for raw in list(doctree.findall(nodes.raw)):
        if "text/x-thebe-config" in raw.astext():
            raw.parent.remove(raw)


def is_thebe_asset(script) -> bool:
    """True for sphinx-thebe's configuration snippet (holds the bundle's URL) and its script."""
    filename = getattr(script, "filename", None) or ""
    body = getattr(script, "attributes", {}).get("body", "")
    return filename.endswith("sphinx-thebe.js") or "THEBE_JS_URL" in body


def remove_thebe_scripts(app, pagename, templatename, context, doctree):
    """Drop sphinx-thebe's scripts from the page."""
    if thebe_enabled(app) or "script_files" not in context:
        return
    context["script_files"] = [s for s in context["script_files"] if not is_thebe_asset(s)]


def bibliography_entries_as_list_items(app, pagename, templatename, context, doctree):
    """``role="doc-biblioentry"`` -> ``role="listitem"`` in the page body."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


# -- MathJax only where there is maths ----------------------------------------------------

# Maths that MathJax typesets inside raw HTML (an animation player's caption, a widget's label).
MATH_IN_HTML = re.compile(r"\\\(|\\\[|\$\$")


def page_has_maths(doctree) -> bool:
    """A formula in the page itself: a math node, or TeX delimiters in raw HTML (cell outputs)."""
    if any(doctree.findall(nodes.math)) or any(doctree.findall(nodes.math_block)):
        return True
    return any(MATH_IN_HTML.search(raw.astext()) for raw in doctree.findall(nodes.raw)
               if "html" in raw.get("format", ""))


def is_mathjax_asset(app, script) -> bool:
    filename = getattr(script, "filename", None) or ""
    body = getattr(script, "attributes", {}).get("body", "")
    # the builder files a local script under _static/
    return filename in (app.config.mathjax_path, f"_static/{app.config.mathjax_path}") or body.startswith(
        "window.MathJax = ")


def remove_mathjax_without_maths(app, pagename, templatename, context, doctree):
    """Drop MathJax (its configuration and its loader) from a page that has no formula."""
    if doctree is None or "script_files" not in context or page_has_maths(doctree):
        return
    context["script_files"] = [s for s in context["script_files"] if not is_mathjax_asset(app, s)]


# -- unique ids for sphinx-proof's blocks -------------------------------------------------

SHARED_PROOF_IDS = ("proof", "proof-content")


def unique_proof_ids(app, doctree):
    """``proof`` / ``proof-content`` -> ``proof-1``, ``proof-content-1``, ... within a page."""
    counts = dict.fromkeys(SHARED_PROOF_IDS, 0)
    for node in doctree.findall(nodes.Element):
        ids = node.get("ids", [])
        for i, node_id in enumerate(ids):
            if node_id in counts:
                counts[node_id] += 1
                ids[i] = f"{node_id}-{counts[node_id]}"
                doctree.ids[ids[i]] = node


# -- search summaries that work on file:// --------------------------------------------------

SEARCH_TEXTS = "search-texts.js"


class MainText(HTMLParser):
    """The text of a page's ``role="main"`` element, as Sphinx's search reads it (no scripts,
    no styles, no heading permalinks)."""

    SKIP = {"script", "style"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.depth = 0  # open elements inside main
        self.skip_depth = 0  # open elements inside something skipped
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            if self.skip_depth or tag in self.SKIP or "headerlink" in (attrs.get("class") or "").split():
                self.skip_depth += 1
        elif attrs.get("role") == "main":
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def write_search_texts(app, exception):
    """``_static/search-texts.js``: the text of every page that search can find, by document name."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    texts = {}
    for docname in sorted(app.env.found_docs):
        page = outdir / (docname + app.builder.out_suffix)
        if page.exists():
            texts[docname] = MainText.of(page.read_text(encoding="utf-8"))
    payload = json.dumps(texts, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    (outdir / "_static" / SEARCH_TEXTS).write_text(f"window.GCNN_SEARCH_TEXTS = {payload};\n", encoding="utf-8")


def add_search_script(app, pagename, templatename, context, doctree):
    """The search page (only) loads the script that shows lines of the pages found (and, on
    file:// only, loads the page texts it takes them from)."""
    if pagename == "search":
        app.builder.add_js_file("gcnn-search.js")


# -- no style sheet or script for what a page does not have --------------------------------

# sphinx-design's classes (cards, tabs, grids, dropdowns) in a page's body
SPHINX_DESIGN = re.compile(r'class="(?:[^"]* )?sd-')


def remove_unused_assets(app, pagename, templatename, context, doctree):
    """Drop sphinx-design's style sheet and script from a page that uses none of its
    components, and sphinx-thebe's style sheet when the book offers no live code."""
    unused = set()
    if not SPHINX_DESIGN.search(context.get("body") or ""):
        unused |= {"sphinx-design.min.css", "design-tabs.js"}
    if not thebe_enabled(app):
        unused.add("sphinx-thebe.css")
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key]
                            if os.path.basename(str(getattr(a, "filename", "") or "")) not in unused]


def setup(app):
    os.environ.setdefault("GCNN_TEACH_STATIC", "1")
    # after sphinx-thebe has added its block and its scripts
    app.connect("doctree-resolved", remove_thebe_config, priority=900)
    app.connect("html-page-context", remove_thebe_scripts, priority=900)
    app.connect("html-page-context", bibliography_entries_as_list_items)
    # after sphinx-proof's directives have built the page
    app.connect("doctree-read", unique_proof_ids)
    # after sphinx.ext.mathjax (default priority) has added MathJax
    app.connect("html-page-context", remove_mathjax_without_maths, priority=900)
    app.connect("html-page-context", add_search_script)
    app.connect("html-page-context", remove_unused_assets, priority=900)
    app.connect("build-finished", write_search_texts)
    app.add_css_file("gcnn-book.css")
    app.add_js_file("gcnn-book.js", defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
