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
"""

from __future__ import annotations

import os

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


def setup(app):
    os.environ.setdefault("GCNN_TEACH_STATIC", "1")
    # after sphinx-thebe has added its block and its scripts
    app.connect("doctree-resolved", remove_thebe_config, priority=900)
    app.connect("html-page-context", remove_thebe_scripts, priority=900)
    app.connect("html-page-context", bibliography_entries_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
