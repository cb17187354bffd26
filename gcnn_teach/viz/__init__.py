"""Figures and animations for the book, in one visual style (:mod:`gcnn_teach.viz.style`).

``viz`` only reads: it calls the rest of the package and draws, and nothing imports it.
"""

from .style import COLORS, ELEMENT_CMAP, IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits, use_style

use_style()

__all__ = ["COLORS", "ELEMENT_CMAP", "IMAGE_CMAP", "PALETTE", "SIGNED_CMAP", "signed_limits", "use_style"]
