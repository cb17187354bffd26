"""Load the live figures' scripts on the pages that have one, and only there.

A live figure is a ``<div class="gcnn-live" data-figure="NAME">`` in a chapter (a raw HTML
block of a Markdown cell, tagged ``live-figure``). Its engine (``gcnn.js``), its figures
(``figures.js``) and their style sheet live in ``book/_static/gcnn-live/``, which
``html_static_path`` serves as ``_static/gcnn-live/``. They are plain scripts (not ES
modules, which Chromium refuses on ``file://`` pages), loaded with ``defer`` in this order.
"""

from __future__ import annotations

MARKER = 'class="gcnn-live"'
SCRIPTS = ("gcnn-live/gcnn.js", "gcnn-live/figures.js")
STYLE = "gcnn-live/gcnn-live.css"


def has_live_figure(context) -> bool:
    return MARKER in (context.get("body") or "")


def add_live_figure_assets(app, pagename, templatename, context, doctree):
    """Add the engine, the figures and their style to a page with a live figure."""
    if not has_live_figure(context):
        return
    for script in SCRIPTS:
        app.add_js_file(script, loading_method="defer")
    app.add_css_file(STYLE)


def setup(app):
    app.connect("html-page-context", add_live_figure_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
