"""Tests of gcnn_teach.correlate, the NumPy reference of the paper's correlations.

Three independent witnesses, none of them the code under test:
* torch.nn.functional.conv2d, which computes a correlation;
* the definitions out[o, g] = corr(x, T_g w[o]) and sum_c sum_h corr(f[c, h], (L_g w[o, c])[h])
  with T_g and L_g from the independent reference in conftest.py;
* the paper's eq. 10 and 11 summed literally over the pixels, with g^-1 y computed from
  2x2 matrices on coordinates (x right, y up).
The loop and vectorised versions must agree with each other and with the witnesses.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from gcnn_teach import correlate
from gcnn_teach.actions import transform_image, transform_signal
from gcnn_teach.correlate import (
    correlate2d,
    correlate2d_loop,
    group_correlation,
    group_correlation_loop,
    group_filter_bank,
    lifting_correlation,
    lifting_correlation_loop,
    lifting_filter_bank,
)
from gcnn_teach.groups import stabiliser

GROUPS = ["p4", "p4m"]


def conv2d(x: np.ndarray, w: np.ndarray, padding: int = 0, stride: int = 1) -> np.ndarray:
    """torch's conv2d (a correlation) on one [C, H, W] image."""
    return F.conv2d(torch.from_numpy(x)[None], torch.from_numpy(w.copy()),
                    padding=padding, stride=stride)[0].numpy()


def lifting_witness(x, w, group, padding, ref, stride=1):
    order = stabiliser(group).order
    return np.stack([np.stack([conv2d(x, ref.transform_image(w[o], g)[None], padding, stride)[0]
                               for g in range(order)]) for o in range(w.shape[0])])


def group_witness(f, w, group, padding, ref, stride=1):
    order = stabiliser(group).order
    c_in, _, h, width = f.shape
    planar = f.reshape(c_in * order, h, width)
    out = [[conv2d(planar, ref.transform_signal(w[o], g).reshape(1, c_in * order, *w.shape[-2:]), padding, stride)[0]
            for g in range(order)] for o in range(w.shape[0])]
    return np.array(out)


def paper_sum(f: np.ndarray, w: np.ndarray, order: int, ref) -> np.ndarray:
    """Eq. 10 (f an image [C, N, N]) or eq. 11 (f a signal [C, |H|, N, N]) summed literally.

    [f * psi](g) = sum_c sum_y f_c(y) psi_c(g^-1 y) with g = (translation t, element s) and
    g^-1 (y, h) = (s^-1 (y - t), s^-1 h); the filter psi lives on the k x k pixels around
    the origin (k odd) and is zero elsewhere; the output is sampled at every input pixel t.
    """
    lifting = f.ndim == 3
    k, n = w.shape[-1], f.shape[-1]
    half = k // 2
    rows, cols = np.meshgrid(range(n), range(n), indexing="ij")
    y = np.stack([cols, -rows])  # pixel (row, col) has coordinates x = col, y = -row
    out = np.zeros((w.shape[0], order, n, n))
    for s in range(order):
        s_inv = ref.inverse(s)
        source = [ref.compose(s_inv, h) for h in range(order)]  # s^-1 h
        for i in range(n):
            for j in range(n):
                q = np.tensordot(ref.matrix(s_inv), y - np.array([j, -i])[:, None, None], axes=1)
                a, b = half - q[1], half + q[0]  # coordinates -> filter row and column
                inside = (a >= 0) & (a < k) & (b >= 0) & (b < k)
                a, b = a[inside], b[inside]
                if lifting:
                    out[:, s, i, j] = np.einsum("cp,ocp->o", f[:, inside], w[:, :, a, b])
                else:
                    out[:, s, i, j] = np.einsum("chp,ochp->o", f[:, :, inside], w[:, :, source][..., a, b])
    return out


# -- plain correlation ------------------------------------------------------------------

def test_correlation_does_not_flip_the_filter(rng):
    """A filter that is 1 at (a, b) reads x[i + a, j + b]; a convolution would read x[i - a + 2, ...]."""
    x = rng.standard_normal((1, 6, 6))
    for a in range(3):
        for b in range(3):
            w = np.zeros((1, 1, 3, 3))
            w[0, 0, a, b] = 1.0
            for fn in (correlate2d, correlate2d_loop):
                np.testing.assert_array_equal(fn(x, w)[0], x[0, a : a + 4, b : b + 4])


@pytest.mark.parametrize(
    "shape, kernel, padding, stride",
    [((1, 5, 5), (1, 1), 0, 1), ((2, 6, 6), (3, 3), 1, 1), ((3, 7, 5), (3, 2), 0, 1),
     ((2, 8, 8), (3, 3), 1, 2), ((2, 9, 7), (5, 5), 2, 3), ((1, 2, 2), (4, 4), 1, 1)],
)
def test_correlate2d_matches_torch(shape, kernel, padding, stride, rng):
    x = rng.standard_normal(shape)
    w = rng.standard_normal((3, shape[0], *kernel))
    expected = conv2d(x, w, padding, stride)
    np.testing.assert_allclose(correlate2d(x, w, padding, stride), expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(correlate2d_loop(x, w, padding, stride), expected, rtol=1e-12, atol=1e-12)


def test_correlate2d_keeps_float32(rng):
    x = rng.standard_normal((2, 5, 5)).astype(np.float32)
    w = rng.standard_normal((1, 2, 3, 3)).astype(np.float32)
    assert correlate2d(x, w).dtype == np.float32 and correlate2d_loop(x, w).dtype == np.float32


def assert_lifting_matches_witness(x, w, group, padding, ref):
    np.testing.assert_allclose(lifting_correlation(x, w, group, padding), lifting_witness(x, w, group, padding, ref),
                               rtol=1e-10, atol=1e-10)


def assert_group_matches_witness(f, w, group, padding, ref):
    np.testing.assert_allclose(group_correlation(f, w, group, padding), group_witness(f, w, group, padding, ref),
                               rtol=1e-10, atol=1e-10)


def test_the_witness_catches_a_convolution(monkeypatch, ref, rng):
    """A convolution (flipped filter) in place of the correlation fails the comparison with torch."""
    correct = correlate2d
    monkeypatch.setattr(correlate, "correlate2d",
                        lambda x, w, padding=0, stride=1: correct(x, np.ascontiguousarray(w[..., ::-1, ::-1]), padding, stride))
    x, w = rng.standard_normal((2, 5, 5)), rng.standard_normal((2, 2, 3, 3))
    with pytest.raises(AssertionError):
        assert_lifting_matches_witness(x, w, "p4", 1, ref)


# -- lifting and group correlation ---------------------------------------------------------

@pytest.mark.parametrize("size, k, padding", [(5, 3, 0), (6, 3, 1), (4, 1, 0), (7, 4, 2), (5, 5, 2), (3, 2, 1)])
@pytest.mark.parametrize("group", GROUPS)
def test_lifting_correlation_matches_the_definition(group, size, k, padding, ref, rng):
    x, w = rng.standard_normal((2, size, size)), rng.standard_normal((3, 2, k, k))
    assert_lifting_matches_witness(x, w, group, padding, ref)


@pytest.mark.parametrize("size, k, padding", [(5, 3, 0), (6, 3, 1), (4, 1, 0), (7, 4, 2), (3, 2, 1)])
@pytest.mark.parametrize("group", GROUPS)
def test_group_correlation_matches_the_definition(group, size, k, padding, ref, rng):
    order = stabiliser(group).order
    f, w = rng.standard_normal((2, order, size, size)), rng.standard_normal((2, 2, order, k, k))
    assert_group_matches_witness(f, w, group, padding, ref)


@pytest.mark.parametrize("size, k", [(5, 3), (4, 3), (5, 1), (6, 5)])
@pytest.mark.parametrize("group", GROUPS)
def test_correlations_are_the_papers_equations_10_and_11(group, size, k, ref, rng):
    """Summed over pixels with g^-1 y from matrices, eq. 10 and 11 give the array formulas (padding k // 2)."""
    order = stabiliser(group).order
    x, w = rng.standard_normal((2, size, size)), rng.standard_normal((2, 2, k, k))
    np.testing.assert_allclose(lifting_correlation(x, w, group, k // 2), paper_sum(x, w, order, ref), rtol=1e-10, atol=1e-10)
    f, psi = rng.standard_normal((2, order, size, size)), rng.standard_normal((2, 2, order, k, k))
    np.testing.assert_allclose(group_correlation(f, psi, group, k // 2), paper_sum(f, psi, order, ref), rtol=1e-10, atol=1e-10)


@given(group=st.sampled_from(GROUPS), c_in=st.integers(1, 2), c_out=st.integers(1, 2), k=st.integers(1, 4),
       padding=st.integers(0, 2), stride=st.integers(1, 3), extra=st.integers(0, 4), seed=st.integers(0, 2**32 - 1))
def test_loop_and_vectorised_versions_agree(group, c_in, c_out, k, padding, stride, extra, seed):
    rng = np.random.default_rng(seed)
    order = stabiliser(group).order
    size = max(1, k - 2 * padding) + extra
    x, w = rng.standard_normal((c_in, size, size)), rng.standard_normal((c_out, c_in, k, k))
    np.testing.assert_allclose(lifting_correlation_loop(x, w, group, padding, stride),
                               lifting_correlation(x, w, group, padding, stride), rtol=1e-12, atol=1e-12)
    f, psi = rng.standard_normal((c_in, order, size, size)), rng.standard_normal((c_out, c_in, order, k, k))
    np.testing.assert_allclose(group_correlation_loop(f, psi, group, padding, stride),
                               group_correlation(f, psi, group, padding, stride), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("group", GROUPS)
def test_strided_correlations_match_the_definition(group, ref, rng):
    order = stabiliser(group).order
    x, w = rng.standard_normal((2, 9, 9)), rng.standard_normal((2, 2, 3, 3))
    np.testing.assert_allclose(lifting_correlation(x, w, group, 1, 2), lifting_witness(x, w, group, 1, ref, 2), rtol=1e-10)
    f, psi = rng.standard_normal((2, order, 8, 8)), rng.standard_normal((2, 2, order, 3, 3))
    np.testing.assert_allclose(group_correlation(f, psi, group, 0, 2), group_witness(f, psi, group, 0, ref, 2), rtol=1e-10)


@pytest.mark.parametrize("group", GROUPS)
def test_filter_banks(group, ref, rng):
    order = stabiliser(group).order
    w = rng.standard_normal((3, 2, 3, 3))
    bank = lifting_filter_bank(w, group)
    assert bank.shape == (3, order, 2, 3, 3)
    psi = rng.standard_normal((3, 2, order, 3, 3))
    group_bank = group_filter_bank(psi, group)
    assert group_bank.shape == (3, order, 2, order, 3, 3)
    for o in range(3):
        for g in range(order):
            np.testing.assert_array_equal(bank[o, g], ref.transform_image(w[o], g))
            np.testing.assert_array_equal(group_bank[o, g], ref.transform_signal(psi[o], g))


def test_filter_rotated_the_wrong_way_is_caught(monkeypatch, ref, rng):
    """T_{g^-1} w instead of T_g w: the comparison with the definition fails (for the equivariance, see test_equivariance)."""
    monkeypatch.setattr(correlate, "transform_image",
                        lambda x, g, group: transform_image(x, stabiliser(group).inverse(g), group))
    monkeypatch.setattr(correlate, "transform_signal",
                        lambda f, g, group: transform_signal(f, stabiliser(group).inverse(g), group))
    x, w = rng.standard_normal((1, 5, 5)), rng.standard_normal((1, 1, 3, 3))
    with pytest.raises(AssertionError):
        assert_lifting_matches_witness(x, w, "p4", 1, ref)
    f, psi = rng.standard_normal((1, 4, 5, 5)), rng.standard_normal((1, 1, 4, 3, 3))
    with pytest.raises(AssertionError):
        assert_group_matches_witness(f, psi, "p4", 1, ref)


# -- bad input ---------------------------------------------------------------------------

X3 = np.zeros((3, 5, 5))
W3 = np.zeros((2, 3, 3, 3))
F4 = np.zeros((3, 4, 5, 5))
PSI4 = np.zeros((2, 3, 4, 3, 3))


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: correlate2d(np.zeros((2, 5, 5)), W3), ValueError,
         r"filters expect C_in=3 input channels \(shape \(2, 3, 3, 3\)\), but the input has 2 \(shape \(2, 5, 5\)\)"),
        (lambda: lifting_correlation(np.zeros((2, 5, 5)), W3, "p4"), ValueError, r"C_in=3 .* has 2"),
        (lambda: group_correlation(np.zeros((2, 4, 5, 5)), PSI4, "p4"), ValueError,
         r"filters expect C_in=3 input channels .*, but the input has 2 \(shape \(2, 4, 5, 5\)\)"),
        (lambda: group_correlation(F4, PSI4, "p4m"), ValueError,
         r"group 'p4m' has \|H\| = 8, so the input need a group axis of length 8; got shape \(3, 4, 5, 5\)"),
        (lambda: group_correlation(np.zeros((3, 8, 5, 5)), PSI4, "p4m"), ValueError,
         r"filters need a group axis of length 8; got shape \(2, 3, 4, 3, 3\)"),
        (lambda: lifting_correlation(X3, W3, "p6"), ValueError, r"unknown group 'p6'"),
        (lambda: group_correlation(F4, PSI4, "z2"), ValueError, r"unknown group 'z2'"),
        (lambda: lifting_filter_bank(W3, "p4mm"), ValueError, r"unknown group 'p4mm'"),
        (lambda: lifting_correlation(np.zeros((1, 3, 5, 5)), W3, "p4"), ValueError,
         r"\(input\): expected a 3-dimensional array \[C_in, H, W\], got shape \(1, 3, 5, 5\)"),
        (lambda: lifting_correlation(X3, np.zeros((3, 3, 3)), "p4"), ValueError,
         r"\(filters\): expected a 4-dimensional array \[C_out, C_in, k, k\], got shape \(3, 3, 3\)"),
        (lambda: group_correlation(X3, PSI4, "p4"), ValueError,
         r"expected a 4-dimensional array \[C_in, \|H\|, H, W\], got shape \(3, 5, 5\)"),
        (lambda: group_correlation(F4, W3, "p4"), ValueError, r"5-dimensional array .* got shape \(2, 3, 3, 3\)"),
        (lambda: group_filter_bank(W3, "p4"), ValueError, r"5-dimensional array .* got shape \(2, 3, 3, 3\)"),
        (lambda: lifting_correlation(X3, np.zeros((2, 3, 3, 2)), "p4"), ValueError,
         r"filters must be square k x k, got shape \(2, 3, 3, 2\)"),
        (lambda: lifting_correlation(X3.tolist(), W3, "p4"), TypeError, r"expects numpy\.ndarray, got list"),
        (lambda: group_correlation(torch.zeros(3, 4, 5, 5), PSI4, "p4"), TypeError,
         r"expects numpy\.ndarray, got Tensor \(use gcnn_teach\.nn for torch tensors\)"),
        (lambda: correlate2d(X3.astype(np.int64), W3), TypeError, r"floating-point array, got dtype int64"),
        (lambda: correlate2d(X3, np.zeros((2, 3, 7, 7))), ValueError, r"7x7 filter does not fit in the 5x5 input with padding 0"),
        (lambda: correlate2d(X3, W3, padding=-1), ValueError, r"padding: expected a non-negative integer, got -1"),
        (lambda: lifting_correlation(X3, W3, "p4", 1, 0), ValueError, r"stride: expected a positive integer, got 0"),
        (lambda: group_correlation(F4, PSI4, "p4", 1.5), ValueError, r"padding: expected a non-negative integer, got 1\.5"),
    ],
)
def test_bad_input_names_expected_and_received(call, error, message):
    with pytest.raises(error, match=message):
        call()
