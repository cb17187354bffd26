"""The chapters' one helper from the book build, for readers who run them as notebooks.

The HTML book quotes numbers computed by its cells in its text: a cell *glues* a value
under a name (myst-nb's ``glue``), and the text pastes it.  The reader notebooks
(``notebooks/``, written by ``scripts/reader_notebooks.py``) have those numbers written
into their text already, so there :func:`glue` only does what a reader can see: nothing
for ``display=False``, and shows the value otherwise.  It needs neither myst-nb nor Sphinx.
"""

from __future__ import annotations

__all__ = ["glue"]


def glue(name: str, value, display: bool = True) -> None:
    """Name ``value`` for the book's text; show it in the notebook when ``display`` is true."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"glue: expected the name as a non-empty string, got {name!r}")
    if not isinstance(display, bool):
        raise TypeError(f"glue: expected display as True or False, got {display!r}")
    if display:
        from IPython.display import display as show

        show(value)
