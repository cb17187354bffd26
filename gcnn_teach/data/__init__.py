"""Datasets built from data that ships inside a package (scikit-learn's digits) or that we generate.

Nothing here downloads anything.
"""

from .digits import load_digits, upsample

__all__ = ["load_digits", "upsample"]
