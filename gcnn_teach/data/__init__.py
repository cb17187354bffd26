"""Datasets built from data that ships inside a package (scikit-learn's digits) or that we generate.

Nothing here downloads anything.
"""

from .canvas import CanvasDigits, canvas_digits, place_on_canvas
from .digits import load_digits, upsample
from .rotated import DigitSplit, balanced_subset, rotated_digits, stratified_split

__all__ = [
    "load_digits",
    "upsample",
    "CanvasDigits",
    "canvas_digits",
    "place_on_canvas",
    "DigitSplit",
    "balanced_subset",
    "rotated_digits",
    "stratified_split",
]
