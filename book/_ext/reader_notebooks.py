"""The launch and download buttons of a chapter open its reader notebook, not its source.

A chapter's source (``book/<part>/<name>.ipynb``) is written for the HTML book: MyST markup,
values pasted with ``glue``, no outputs.  What a reader should get when pressing "Binder",
"Colab" or "download .ipynb" is its reader notebook, ``notebooks/<part>/<name>.ipynb``
(written by ``scripts/reader_notebooks.py`` and committed).  sphinx-book-theme builds its
buttons from the page's source path; this extension rewrites them afterwards:

* the Binder, JupyterHub and Colab links name ``notebooks/<part>/<name>.ipynb`` in the
  repository instead of the source;
* the ".ipynb" download button serves the reader notebook, copied into the built book
  (``_build/html/notebooks/``, so it works offline), and the source-file download
  button, which would serve the source notebook under the same name, is dropped.

Pages without a reader notebook (the front and back matter) keep the theme's buttons.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

READERS = "notebooks"  # in the repository and in the built book
SOURCES = "book"       # the chapters' folder in the repository


def reader_notebook(app, pagename: str) -> PurePosixPath | None:
    """``notebooks/<part>/<name>.ipynb`` for the chapter ``pagename`` (``book/<part>/<name>``), if it exists."""
    page = PurePosixPath(pagename)
    if not page.parts or page.parts[0] != SOURCES:
        return None
    relative = PurePosixPath(READERS, *page.parts[1:]).with_suffix(".ipynb")
    return relative if (Path(app.srcdir) / relative).is_file() else None


def note_reader_notebook(app, doctree):
    """Rebuild a chapter's page when its reader notebook appears or changes (its buttons name it)."""
    page = PurePosixPath(app.env.docname)
    if page.parts and page.parts[0] == SOURCES and str(app.env.doc2path(app.env.docname)).endswith(".ipynb"):
        app.env.note_dependency(str(Path(app.srcdir, READERS, *page.parts[1:]).with_suffix(".ipynb")))


def _buttons(buttons):
    for button in buttons:
        yield button
        yield from _buttons(button.get("buttons", []))


def point_buttons_at_reader_notebooks(app, pagename, templatename, context, doctree):
    reader = reader_notebook(app, pagename)
    if reader is None or "header_buttons" not in context:
        return
    source = f"{pagename}.ipynb"
    for button in _buttons(context["header_buttons"]):
        if button.get("label") == "download-buttons":  # the download group
            # the source .ipynb (MyST markup, no outputs) and the executed copy give way to one
            # button: the reader notebook
            others = [item for item in button.get("buttons", [])
                      if item.get("label") not in ("download-source-button", "download-notebook-button")]
            button["buttons"] = [{
                "type": "link", "url": context["pathto"](str(reader), 1), "text": ".ipynb", "icon": "fas fa-file",
                "tooltip": "Download this chapter as a notebook", "label": "download-notebook-button",
            }] + others
        elif button.get("type") == "link" and source in button.get("url", ""):
            button["url"] = button["url"].replace(source, str(reader))  # Binder, JupyterHub, Colab


def copy_reader_notebooks(app, exception):
    """Put the reader notebooks into the built book, for its download buttons."""
    if exception is not None or app.builder.format != "html":
        return
    readers = Path(app.srcdir) / READERS
    if readers.is_dir():
        shutil.copytree(readers, Path(app.outdir) / READERS, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_output"))


def setup(app):
    # after sphinx-book-theme's launch and download buttons (priority 501)
    app.connect("html-page-context", point_buttons_at_reader_notebooks, priority=600)
    app.connect("doctree-read", note_reader_notebook)
    app.connect("build-finished", copy_reader_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
