"""Every equivariant linear map, computed: the constraint :math:`W \\rho_{in}(g) = \\rho_{out}(g) W` solved numerically.

A linear map between two spaces of arrays is a matrix ``W`` (``[n_out, n_in]``, the arrays
flattened).  It is equivariant to a group acting linearly on both spaces exactly when

.. math:: W \\rho_{in}(g) = \\rho_{out}(g) W \\quad \\text{for every generator } g,

because a map that commutes with the generators commutes with every product of them.  For
each generator this is a set of linear equations in the entries of ``W``; stacked, their
null space is the space of all equivariant linear maps.  :func:`equivariant_linear_maps`
computes an orthonormal basis of it (the right singular vectors of the stacked constraint
with zero singular value), and :func:`character_dimension` counts its dimension a second,
independent way: enumerate the whole group and average the products of the traces,
:math:`\\dim = \\frac{1}{|G|} \\sum_g \\operatorname{tr} \\rho_{out}(g)\\, \\operatorname{tr} \\rho_{in}(g)`
(for permutation actions: Burnside's count of the orbits of ``G`` on pairs (output
position, input position)).

The groups act on a *torus*: the ``N x N`` pixel grid with wrap-around (``N`` odd), so that
every translation and quarter turn maps the grid onto itself and the group is finite,
:math:`G = \\mathbb{Z}_N^2 \\rtimes C_4` (order :math:`4 N^2`).  :func:`torus_generators`
gives generators of its actions on images (``T``), signals on the group (``L``) and the
trivial action; :func:`torus_layer` gives the layers whose matrices the computation should
find: a correlation, a lifting correlation and a group correlation with full-size filters on
the torus.  The chapter "Why these layers" of the book puts them side by side.

Cost: the constraint has ``(n_in n_out)^2`` entries per generator, so this is for small
grids (``N`` = 3 or 5), which is all a demonstration needs.
"""

from __future__ import annotations

from math import prod
from typing import Callable, Sequence

import numpy as np

from .actions import transform_image, transform_signal, translate
from .correlate import correlate2d, lifting_correlation, group_correlation
from .groups import stabiliser

__all__ = [
    "matrix_of",
    "equivariant_linear_maps",
    "character_dimension",
    "distance_to_span",
    "torus_shape",
    "torus_generators",
    "torus_layer",
    "layer_matrices",
    "filters_of",
]

Action = Callable[[np.ndarray], np.ndarray]

_KINDS = ("image", "signal", "trivial")
_GROUPS = ("translations", "p4", "p4m")


def _check_shape(shape, name: str) -> tuple[int, ...]:
    if not isinstance(shape, (tuple, list)) or not all(
            isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s > 0 for s in shape):
        raise TypeError(f"{name}: expected a shape as a tuple of positive integers, got {shape!r}")
    return tuple(int(s) for s in shape)


def matrix_of(f: Action, shape_in, shape_out=None) -> np.ndarray:
    """The matrix ``[n_out, n_in]`` of a linear map ``f`` on arrays of ``shape_in``.

    Column ``j`` is ``f`` applied to the ``j``-th standard basis array (row-major order).
    ``shape_out`` (default: whatever ``f`` returns) is checked when given.
    """
    if not callable(f):
        raise TypeError(f"matrix_of: expected a callable, got {type(f).__name__}")
    shape_in = _check_shape(shape_in, "matrix_of")
    n_in = prod(shape_in)
    columns = []
    for j in range(n_in):
        e = np.zeros(n_in)
        e[j] = 1.0
        y = np.asarray(f(e.reshape(shape_in)), dtype=np.float64)
        if shape_out is not None and y.shape != _check_shape(shape_out, "matrix_of"):
            raise ValueError(f"matrix_of: expected outputs of shape {tuple(shape_out)}, got {y.shape}")
        columns.append(y.ravel())
    return np.stack(columns, axis=1)


def _generator_matrices(act_in, act_out, shape_in, shape_out, name):
    if not isinstance(act_in, (list, tuple)) or not isinstance(act_out, (list, tuple)):
        raise TypeError(f"{name}: expected act_in and act_out as lists of generators (callables), "
                        f"got {type(act_in).__name__} and {type(act_out).__name__}")
    if len(act_in) != len(act_out) or not act_in:
        raise ValueError(f"{name}: expected the same (non-zero) number of generators on both sides, "
                         f"got {len(act_in)} on the input and {len(act_out)} on the output")
    shape_in, shape_out = _check_shape(shape_in, name), _check_shape(shape_out, name)
    return ([matrix_of(a, shape_in, shape_in) for a in act_in],
            [matrix_of(b, shape_out, shape_out) for b in act_out], shape_in, shape_out)


def equivariant_linear_maps(act_in: Sequence[Action], act_out: Sequence[Action], shape_in, shape_out,
                            tol: float = 1e-8) -> np.ndarray:
    """An orthonormal basis of :math:`\\{W : W \\rho_{in}(g) = \\rho_{out}(g) W \\text{ for every generator } g\\}`.

    ``act_in[k]`` and ``act_out[k]`` are the ``k``-th generator acting on arrays of
    ``shape_in`` and ``shape_out`` (linear maps, e.g. from :func:`torus_generators`).
    In row-major order :math:`\\operatorname{vec}(W A) = (I \\otimes A^T) \\operatorname{vec} W` and
    :math:`\\operatorname{vec}(B W) = (B \\otimes I) \\operatorname{vec} W`, so each generator gives
    the block :math:`C_k = I \\otimes A_k^T - B_k \\otimes I`.  The basis is the right singular
    vectors of the stacked :math:`C` with singular value zero, computed as the eigenvectors of
    :math:`C^T C = \\sum_k C_k^T C_k` (its eigenvalues are the squared singular values) whose
    eigenvalue is below ``tol`` times the largest.  Returns ``[d, *shape_out, *shape_in]``; ``d`` may be 0.
    """
    A, B, shape_in, shape_out = _generator_matrices(act_in, act_out, shape_in, shape_out,
                                                    "equivariant_linear_maps")
    n_in, n_out = prod(shape_in), prod(shape_out)
    gram = np.zeros((n_in * n_out, n_in * n_out))
    for a, b in zip(A, B):
        block = np.kron(np.eye(n_out), a.T) - np.kron(b, np.eye(n_in))
        gram += block.T @ block
    eigenvalues, vectors = np.linalg.eigh(gram)
    # eigh finds the zero eigenvalues only up to rounding of order eps * |C^T C|, so the
    # test is on the squared singular values (for the actions here the smallest non-zero
    # one is of order 1, far above the threshold)
    null = eigenvalues <= tol * max(eigenvalues.max(), 1.0)
    return vectors[:, null].T.reshape(int(null.sum()), *shape_out, *shape_in)


def _closure(A: list[np.ndarray], B: list[np.ndarray], limit: int = 100_000):
    """All products of the generator pairs ``(A_k, B_k)``: the group, as pairs of matrices."""
    key = lambda a, b: (np.round(a, 9).tobytes(), np.round(b, 9).tobytes())
    identity = (np.eye(A[0].shape[0]), np.eye(B[0].shape[0]))
    seen = {key(*identity): identity}
    frontier = [identity]
    while frontier:
        new = []
        for a, b in frontier:
            for ga, gb in zip(A, B):
                product = (ga @ a, gb @ b)
                k = key(*product)
                if k not in seen:
                    seen[k] = product
                    new.append(product)
        if len(seen) > limit:
            raise ValueError(f"character_dimension: the generators make more than {limit} elements; "
                             "expected a small finite group")
        frontier = new
    return list(seen.values())


def character_dimension(act_in: Sequence[Action], act_out: Sequence[Action], shape_in, shape_out) -> tuple[int, int]:
    """``(dimension, |G|)``: the dimension of the equivariant maps by the character formula.

    Enumerates the group generated by the pairs of generators and returns
    :math:`\\frac{1}{|G|}\\sum_g \\operatorname{tr}\\rho_{out}(g)\\operatorname{tr}\\rho_{in}(g)` (the
    actions are real and orthogonal, so :math:`\\operatorname{tr}\\rho(g^{-1}) = \\operatorname{tr}\\rho(g)`)
    and the order of the group.  Independent of :func:`equivariant_linear_maps`: no linear
    algebra beyond traces.
    """
    A, B, *_ = _generator_matrices(act_in, act_out, shape_in, shape_out, "character_dimension")
    elements = _closure(A, B)
    total = sum(np.trace(a) * np.trace(b) for a, b in elements)
    return int(round(total / len(elements))), len(elements)


def distance_to_span(basis: np.ndarray, W: np.ndarray) -> float:
    """Relative distance of the matrix ``W`` from the span of an orthonormal ``basis`` ``[d, ...]``.

    ``|W - P W| / |W|`` with ``P`` the orthogonal projection onto the span (0 when ``W`` is in it).
    """
    basis, W = np.asarray(basis, dtype=np.float64), np.asarray(W, dtype=np.float64)
    flat = basis.reshape(basis.shape[0], -1)
    w = W.ravel()
    if flat.shape[1] != w.size:
        raise ValueError(f"distance_to_span: the basis holds maps with {flat.shape[1]} entries, "
                         f"W has {w.size} (shape {W.shape})")
    norm = np.linalg.norm(w)
    if norm == 0:
        raise ValueError("distance_to_span: W is zero, so its distance is not defined relative to it")
    return float(np.linalg.norm(w - flat.T @ (flat @ w)) / norm)


def _check_torus(group: str, kind: str, size: int, name: str):
    if group not in _GROUPS:
        raise ValueError(f"{name}: expected group in {_GROUPS}, got {group!r}")
    if kind not in _KINDS:
        raise ValueError(f"{name}: expected kind in {_KINDS}, got {kind!r}")
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1 or size % 2 == 0:
        raise ValueError(f"{name}: expected an odd grid size N >= 1 (the quarter turn needs a centre pixel), "
                         f"got {size!r}")
    if kind == "signal" and group == "translations":
        raise ValueError(f"{name}: signals on the group need group 'p4' or 'p4m', not 'translations'")


def torus_shape(group: str, kind: str, size: int) -> tuple[int, ...]:
    """The array shape of one ``kind`` of feature on the ``size x size`` torus: ``(N, N)``, ``(|H|, N, N)`` or ``(1,)``."""
    _check_torus(group, kind, size, "torus_shape")
    if kind == "image":
        return (size, size)
    if kind == "signal":
        return (stabiliser(group).order, size, size)
    return (1,)


def torus_generators(group: str, kind: str, size: int) -> list[Action]:
    """Generators of ``group`` acting on one ``kind`` of feature on the ``N x N`` torus.

    ``group``: ``"translations"`` (one pixel down, one pixel right, wrapping around),
    ``"p4"`` (those and the quarter turn ``r1``) or ``"p4m"`` (and the mirror ``(1, 0)``).
    ``kind``: ``"image"`` (:math:`T_g`), ``"signal"`` (the left regular action :math:`L_g`
    on ``[|H|, N, N]``) or ``"trivial"`` (``[1]``, every element does nothing: an
    invariant output, or a bias's constant input).  Same order for every kind, so the
    lists of two kinds pair up generator by generator.
    """
    _check_torus(group, kind, size, "torus_generators")
    if kind == "trivial":
        count = {"translations": 2, "p4": 3, "p4m": 4}[group]
        return [lambda y: y] * count
    gens: list[Action] = [lambda y: translate(y, (1, 0)), lambda y: translate(y, (0, 1))]
    turns = ["p4"] if group == "p4" else (["p4m"] if group == "p4m" else [])
    for g in turns:
        act = transform_image if kind == "image" else transform_signal
        gens.append(lambda y, act=act, g=g: act(y, 1, g))                # the quarter turn
        if g == "p4m":
            gens.append(lambda y, act=act: act(y, (1, 0), "p4m"))         # the mirror
    return gens


def torus_layer(kind: str, filters: np.ndarray, group: str = "p4") -> Action:
    """The layer with a full-size filter on the torus, as a function of one feature.

    ``kind``: ``"correlation"`` (image -> image, ``filters [N, N]``),
    ``"lifting"`` (image -> signal, ``filters [N, N]``) or ``"group"`` (signal -> signal,
    ``filters [|H|, N, N]``).  The image is wrapped around by ``(N - 1) / 2`` pixels on every
    side, so the filter's centre sits on the output pixel and every offset on the torus is
    covered exactly once.
    """
    filters = np.asarray(filters, dtype=np.float64)
    n = filters.shape[-1]
    if n % 2 == 0 or filters.shape[-2] != n:
        raise ValueError(f"torus_layer: expected a square filter of odd size N, got shape {filters.shape}")
    half = (n - 1) // 2

    def wrap(y):
        return np.pad(y, [(0, 0)] * (y.ndim - 2) + [(half, half)] * 2, mode="wrap")

    if kind == "correlation":
        return lambda x: correlate2d(wrap(x)[None], filters[None, None])[0]
    if kind == "lifting":
        return lambda x: lifting_correlation(wrap(x)[None], filters[None, None], group)[0]
    if kind == "group":
        return lambda f: group_correlation(wrap(f)[None], filters[None, None], group)[0]
    raise ValueError(f"torus_layer: expected kind 'correlation', 'lifting' or 'group', got {kind!r}")


def layer_matrices(kind: str, filter_shape, shape_in, group: str = "p4") -> np.ndarray:
    """``[n_filter, n_out, n_in]``: the matrix of :func:`torus_layer` for each standard basis filter.

    The layer is linear in its filter, so every layer of this kind is a combination of these.
    """
    filter_shape = _check_shape(filter_shape, "layer_matrices")
    basis = np.eye(prod(filter_shape)).reshape(-1, *filter_shape)
    return np.stack([matrix_of(torus_layer(kind, w, group), shape_in) for w in basis])


def filters_of(kind: str, maps: np.ndarray, filter_shape, shape_in, group: str = "p4") -> tuple[np.ndarray, np.ndarray]:
    """The filters whose :func:`torus_layer` has the given matrices, and the relative residuals.

    ``maps`` is ``[d, *shape_out, *shape_in]`` (a basis from :func:`equivariant_linear_maps`)
    or ``[d, n_out, n_in]``.  For each map ``W`` this solves the least-squares problem
    :math:`\\min_\\psi |\\sum_i \\psi_i M_i - W|` over the matrices :math:`M_i` of
    :func:`layer_matrices`; the residual (relative to ``|W|``) is 0 exactly when ``W`` *is*
    such a layer.  Returns ``([d, *filter_shape], [d])``.
    """
    filter_shape = _check_shape(filter_shape, "filters_of")
    M = layer_matrices(kind, filter_shape, shape_in, group)
    flat = M.reshape(M.shape[0], -1).T                       # [n_out * n_in, n_filter]
    maps = np.asarray(maps, dtype=np.float64)
    targets = maps.reshape(maps.shape[0], -1).T if maps.ndim > 1 else None
    if targets is None or targets.shape[0] != flat.shape[0]:
        raise ValueError(f"filters_of: expected maps [d, ...] with {flat.shape[0]} entries each, "
                         f"got shape {maps.shape}")
    psi, *_ = np.linalg.lstsq(flat, targets, rcond=None)
    norms = np.maximum(np.linalg.norm(targets, axis=0), np.finfo(float).tiny)
    residuals = np.linalg.norm(flat @ psi - targets, axis=0) / norms
    return psi.T.reshape(-1, *filter_shape), residuals
