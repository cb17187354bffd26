"""Datasets built from data that ships inside a package (scikit-learn's digits) or that we generate.

Nothing here downloads anything.
"""

from .canvas import canvas_digits, place_on_canvas
from .digits import DigitSplit, balanced_subset, load_digits, upsample
from .rotated import rotated_digits, stratified_split

__all__ = [
    "load_digits",
    "upsample",
    "canvas_digits",
    "place_on_canvas",
    "DigitSplit",
    "balanced_subset",
    "rotated_digits",
    "stratified_split",
]
