"""One visual style for the whole book: colours, colour maps and figure defaults.

Each chapter calls :func:`use_book_style` once, in its first cell, and every figure after
it is drawn in the book's style; importing :mod:`gcnn_teach.viz` changes no setting by
itself (for a figure of your own in the book's style without changing your settings:
``with matplotlib.rc_context(RC): ...``).  Chapters never set colours or fonts themselves.
"""

from __future__ import annotations

import matplotlib as mpl

#: Okabe & Ito's colour-blind-safe palette, in the order the book uses it.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
COLORS = list(PALETTE.values())

#: Colour map for images and non-negative quantities (perceptually uniform, colour-blind safe).
IMAGE_CMAP = "cividis"
#: Colour map for signed activations and errors, centred on zero (colour-blind safe diverging).
SIGNED_CMAP = "PuOr_r"

RC = {
    "figure.dpi": 96,
    "savefig.dpi": 96,
    "figure.figsize": (6.4, 3.6),
    "figure.constrained_layout.use": True,
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=COLORS),
    "image.cmap": IMAGE_CMAP,
    "image.interpolation": "nearest",
    "legend.frameon": False,
    "animation.html": "jshtml",
    "animation.embed_limit": 40.0,  # MB; the players are embedded in the page
}


def use_book_style() -> None:
    """Apply the book's matplotlib settings (``RC``) from now on (idempotent)."""
    mpl.rcParams.update(RC)


def signed_limits(*arrays) -> tuple[float, float]:
    """Symmetric colour limits ``(-m, m)`` covering all ``arrays``, so zero is the centre colour."""
    import numpy as np

    m = max(float(np.max(np.abs(np.asarray(a)))) for a in arrays) or 1.0
    return -m, m
