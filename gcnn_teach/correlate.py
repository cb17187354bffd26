"""NumPy reference implementations of the correlations of Cohen & Welling (2016).

Correlation, not convolution (as in the paper and in every framework's ``conv2d``)::

    out[o, i, j] = sum_c sum_{a, b} x[c, i + a, j + b] * w[o, c, a, b]

with ``padding`` zeros on each side and an optional ``stride``.  Each formula comes twice:
a readable loop version (``*_loop``), which the book shows first, and a vectorised one;
the tests check that they agree.

The lifting correlation (the paper's eq. 10, first layer, :math:`\\mathbb{Z}^2 \\to G`)::

    [f * psi](g) = sum_y sum_c f_c(y) psi_c(g^-1 y)        out[o, g] = corr(x, T_g w[o])

The group correlation (eq. 11, later layers, :math:`G \\to G`)::

    [f * psi](g) = sum_{h in G} sum_c f_c(h) psi_c(g^-1 h)
    out[o, g] = sum_c sum_h corr(f[c, h], (L_g w[o, c])[h])

where the filter ``w[o, c]`` is itself a signal on ``H x Z2`` and ``L_g`` rotates each of
its maps *and* permutes its group axis (:func:`gcnn_teach.actions.transform_signal`).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._validate import check_ndim, check_nonnegative_int, check_positive_int
from .actions import transform_image, transform_signal
from .groups import stabiliser

__all__ = [
    "correlate2d",
    "correlate2d_loop",
    "lifting_filter_bank",
    "group_filter_bank",
    "lifting_correlation",
    "lifting_correlation_loop",
    "group_correlation",
    "group_correlation_loop",
]


# -- plain 2D correlation ------------------------------------------------------------

def _check_numpy(x, name: str) -> np.ndarray:
    if not isinstance(x, np.ndarray):
        raise TypeError(
            f"{name}: the NumPy reference expects numpy.ndarray, got {type(x).__name__} "
            "(use gcnn_teach.nn for torch tensors)"
        )
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"{name}: expected a floating-point array, got dtype {x.dtype}")
    return x


def _check_planar(x, w, padding, stride, name):
    _check_numpy(x, name)
    _check_numpy(w, name)
    check_ndim(x, 3, f"{name} (input)", "[C_in, H, W]")
    check_ndim(w, 4, f"{name} (filters)", "[C_out, C_in, k, k]")
    if w.shape[1] != x.shape[0]:
        raise ValueError(
            f"{name}: the filters expect C_in={w.shape[1]} input channels (shape {w.shape}), "
            f"but the input has {x.shape[0]} (shape {x.shape})"
        )
    padding = check_nonnegative_int(padding, f"{name} padding")
    stride = check_positive_int(stride, f"{name} stride")
    kh, kw = w.shape[-2:]
    if x.shape[1] + 2 * padding < kh or x.shape[2] + 2 * padding < kw:
        raise ValueError(
            f"{name}: the {kh}x{kw} filter does not fit in the {x.shape[1]}x{x.shape[2]} input "
            f"with padding {padding}"
        )
    return padding, stride


def _pad(x: np.ndarray, padding: int) -> np.ndarray:
    if padding == 0:
        return x
    return np.pad(x, [(0, 0)] * (x.ndim - 2) + [(padding, padding)] * 2)


def correlate2d_loop(x: np.ndarray, w: np.ndarray, padding: int = 0, stride: int = 1) -> np.ndarray:
    """Multi-channel correlation written as loops: ``[C_in, H, W] x [C_out, C_in, k, k] -> [C_out, H', W']``."""
    padding, stride = _check_planar(x, w, padding, stride, "correlate2d_loop")
    x = _pad(x, padding)
    c_out, _, kh, kw = w.shape
    rows = (x.shape[1] - kh) // stride + 1
    cols = (x.shape[2] - kw) // stride + 1
    out = np.zeros((c_out, rows, cols), dtype=np.result_type(x, w))
    for o in range(c_out):
        for i in range(rows):
            for j in range(cols):
                # the filter sits over the patch whose top-left corner is (i*stride, j*stride)
                patch = x[:, i * stride : i * stride + kh, j * stride : j * stride + kw]
                out[o, i, j] = np.sum(patch * w[o])
    return out


def correlate2d(x: np.ndarray, w: np.ndarray, padding: int = 0, stride: int = 1) -> np.ndarray:
    """Vectorised multi-channel correlation, same contract as :func:`correlate2d_loop`."""
    padding, stride = _check_planar(x, w, padding, stride, "correlate2d")
    x = _pad(x, padding)
    kh, kw = w.shape[-2:]
    # windows[c, i, j, a, b] = x[c, i + a, j + b]: a view, no copy
    windows = sliding_window_view(x, (kh, kw), axis=(-2, -1))[:, ::stride, ::stride]
    return np.tensordot(w, windows, axes=([1, 2, 3], [0, 3, 4]))


# -- filter banks: the filters transformed by every element of H ----------------------

def lifting_filter_bank(w: np.ndarray, group: str = "p4") -> np.ndarray:
    """``[C_out, C_in, k, k] -> [C_out, |H|, C_in, k, k]`` with ``bank[o, g] = T_g w[o]``."""
    H = stabiliser(group)
    _check_numpy(w, "lifting_filter_bank")
    check_ndim(w, 4, "lifting_filter_bank", "[C_out, C_in, k, k]")
    return np.stack([transform_image(w, g, group) for g in H.elements], axis=1)


def group_filter_bank(w: np.ndarray, group: str = "p4") -> np.ndarray:
    """``[C_out, C_in, |H|, k, k] -> [C_out, |H|, C_in, |H|, k, k]`` with ``bank[o, g] = L_g w[o]``."""
    H = stabiliser(group)
    _check_numpy(w, "group_filter_bank")
    check_ndim(w, 5, "group_filter_bank", "[C_out, C_in, |H|, k, k]")
    return np.stack([transform_signal(w, g, group) for g in H.elements], axis=1)


# -- the lifting correlation ----------------------------------------------------------

def _check_lifting(x, w, group):
    H = stabiliser(group)
    _check_numpy(x, "lifting_correlation")
    _check_numpy(w, "lifting_correlation")
    check_ndim(x, 3, "lifting_correlation (input)", "[C_in, H, W]")
    check_ndim(w, 4, "lifting_correlation (filters)", "[C_out, C_in, k, k]")
    if w.shape[-1] != w.shape[-2]:
        raise ValueError(f"lifting_correlation: filters must be square k x k, got shape {w.shape}")
    return H


def lifting_correlation_loop(x, w, group: str = "p4", padding: int = 0, stride: int = 1):
    """Loop version of the lifting correlation: one plain correlation per rotated filter.

    ``x [C_in, H, W]``, ``w [C_out, C_in, k, k]`` -> ``[C_out, |H|, H', W']``.
    """
    H = _check_lifting(x, w, group)
    out = []
    for o in range(w.shape[0]):
        maps = []
        for g in H.elements:
            transformed = transform_image(w[o], g, group)  # T_g psi: the filter, rotated
            maps.append(correlate2d_loop(x, transformed[None], padding, stride)[0])
        out.append(np.stack(maps))
    return np.stack(out)


def lifting_correlation(x, w, group: str = "p4", padding: int = 0, stride: int = 1):
    """The lifting correlation :math:`\\mathbb{Z}^2 \\to G`, vectorised.

    ``out[o, g] = corr(x, T_g w[o])``; ``x [C_in, H, W]``, ``w [C_out, C_in, k, k]``
    -> ``[C_out, |H|, H', W']``.  Equivariance: ``lifting(T_g x) = L_g lifting(x)``
    (for square inputs and symmetric padding).
    """
    H = _check_lifting(x, w, group)
    bank = lifting_filter_bank(w, group)  # [C_out, |H|, C_in, k, k]
    c_out, order, c_in, k, _ = bank.shape
    out = correlate2d(x, bank.reshape(c_out * order, c_in, k, k), padding, stride)
    return out.reshape(c_out, H.order, *out.shape[-2:])


# -- the group correlation ------------------------------------------------------------

def _check_group(f, w, group):
    H = stabiliser(group)
    _check_numpy(f, "group_correlation")
    _check_numpy(w, "group_correlation")
    check_ndim(f, 4, "group_correlation (input)", "[C_in, |H|, H, W]")
    check_ndim(w, 5, "group_correlation (filters)", "[C_out, C_in, |H|, k, k]")
    for name, arr in (("input", f), ("filters", w)):
        if arr.shape[-3] != H.order:
            raise ValueError(
                f"group_correlation: group {group!r} has |H| = {H.order}, so the {name} need a "
                f"group axis of length {H.order}; got shape {arr.shape}"
            )
    if w.shape[1] != f.shape[0]:
        raise ValueError(
            f"group_correlation: the filters expect C_in={w.shape[1]} input channels "
            f"(shape {w.shape}), but the input has {f.shape[0]} (shape {f.shape})"
        )
    if w.shape[-1] != w.shape[-2]:
        raise ValueError(f"group_correlation: filters must be square k x k, got shape {w.shape}")
    return H


def group_correlation_loop(f, w, group: str = "p4", padding: int = 0, stride: int = 1):
    """Loop version of the group correlation.

    ``out[o, g] = sum_c sum_h corr(f[c, h], (L_g w[o, c])[h])``;
    ``f [C_in, |H|, H, W]``, ``w [C_out, C_in, |H|, k, k]`` -> ``[C_out, |H|, H', W']``.
    """
    H = _check_group(f, w, group)
    c_out, c_in = w.shape[:2]
    out = None
    for o in range(c_out):
        for g in H.elements:
            for c in range(c_in):
                transformed = transform_signal(w[o, c], g, group)  # L_g psi: rotate AND permute
                for h in H.elements:
                    term = correlate2d_loop(f[c, h][None], transformed[h][None, None], padding, stride)[0]
                    if out is None:
                        out = np.zeros((c_out, H.order) + term.shape, dtype=np.result_type(f, w))
                    out[o, g] += term
    return out


def group_correlation(f, w, group: str = "p4", padding: int = 0, stride: int = 1):
    """The group correlation :math:`G \\to G`, vectorised: one correlation with the expanded bank.

    The input's ``(C_in, |H|)`` axes become ``C_in * |H|`` plain channels and the filter
    bank ``[C_out, |H|, C_in, |H|, k, k]`` becomes ``[C_out * |H|, C_in * |H|, k, k]``.
    Equivariance: ``group_correlation(L_g f) = L_g group_correlation(f)``.
    """
    H = _check_group(f, w, group)
    bank = group_filter_bank(w, group)
    c_out, order, c_in, _, k, _ = bank.shape
    planar = f.reshape(c_in * order, *f.shape[-2:])
    out = correlate2d(planar, bank.reshape(c_out * order, c_in * order, k, k), padding, stride)
    return out.reshape(c_out, H.order, *out.shape[-2:])
