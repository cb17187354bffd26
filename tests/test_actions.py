"""Tests of gcnn_teach.actions: T_g on images and the left regular action L_g on signals.

The actions are compared with the formulas of book/notation.md written out independently
(``ref`` in conftest.py), on NumPy arrays and torch tensors, and the tests that pin the
conventions are shown to fail on plausible wrong implementations.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from gcnn_teach import actions
from gcnn_teach.actions import (
    mirror,
    rotate,
    signal_permutation,
    transform_image,
    transform_signal,
    translate,
)
from gcnn_teach.groups import C4, D4, DihedralGroup, stabiliser

GROUPS = ["p4", "p4m"]


def as_backend(x: np.ndarray, backend: str):
    return torch.from_numpy(x.copy()) if backend == "torch" else x


def to_numpy(y) -> np.ndarray:
    return y.numpy() if isinstance(y, torch.Tensor) else np.asarray(y)


# -- rotate, mirror, translate ------------------------------------------------------------

def assert_rotation_convention() -> None:
    """One quarter turn counter-clockwise as displayed: the top-right entry goes to the top left."""
    x = np.array([[1, 2], [3, 4]])
    np.testing.assert_array_equal(transform_image(x, 1, "p4"), [[2, 4], [1, 3]])
    np.testing.assert_array_equal(transform_image(x, (1, 1), "p4m"), [[4, 2], [3, 1]])  # then mirrored
    y = np.arange(12.0).reshape(3, 2, 2)
    for r in range(4):
        np.testing.assert_array_equal(transform_image(y, r, "p4"), np.rot90(y, r, axes=(-2, -1)))


def test_rotation_convention():
    assert_rotation_convention()


def test_rotation_convention_catches_a_clockwise_rotation(monkeypatch):
    clockwise = rotate
    monkeypatch.setattr(actions, "rotate", lambda x, r: clockwise(x, -r))
    with pytest.raises(AssertionError):
        assert_rotation_convention()


@pytest.mark.parametrize("backend", ["numpy", "torch"])
def test_rotate_and_mirror(backend, rng):
    x = rng.standard_normal((2, 3, 5, 5))
    xb = as_backend(x, backend)
    for r in range(-4, 9):
        np.testing.assert_array_equal(to_numpy(rotate(xb, r)), np.rot90(x, r % 4, axes=(-2, -1)))
    np.testing.assert_array_equal(to_numpy(rotate(xb, np.int64(4))), x)
    literal = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # mirroring needs no square image
    np.testing.assert_array_equal(to_numpy(mirror(as_backend(literal, backend))), [[3, 2, 1], [6, 5, 4]])
    np.testing.assert_array_equal(to_numpy(mirror(mirror(xb))), x)


def translate_reference(x: np.ndarray, dy: int, dx: int, mode: str) -> np.ndarray:
    """out[i, j] = x[i - dy, j - dx], wrapped around (circular) or zero outside the image."""
    h, w = x.shape[-2:]
    out = np.zeros_like(x)
    for i in range(h):
        for j in range(w):
            si, sj = i - dy, j - dx
            if mode == "circular":
                out[..., i, j] = x[..., si % h, sj % w]
            elif 0 <= si < h and 0 <= sj < w:
                out[..., i, j] = x[..., si, sj]
    return out


@pytest.mark.parametrize("mode", ["circular", "zero"])
@pytest.mark.parametrize("backend", ["numpy", "torch"])
def test_translate_matches_the_definition(backend, mode, rng):
    x = rng.standard_normal((2, 4, 6))
    for shift in [(0, 0), (1, 0), (0, 1), (-2, 3), (3, -5), (4, 0), (0, -6), (9, 9), (-7, 2)]:
        got = translate(as_backend(x, backend), shift, mode)
        assert type(got) is type(as_backend(x, backend))
        np.testing.assert_array_equal(to_numpy(got), translate_reference(x, *shift, mode), err_msg=str(shift))


def test_translate_zero_fill_does_not_modify_its_input(rng):
    x = rng.standard_normal((3, 3))
    before = x.copy()
    translate(x, (1, 1), "zero")
    np.testing.assert_array_equal(x, before)


# -- T_g: the action on images ------------------------------------------------------------

@pytest.mark.parametrize("backend", ["numpy", "torch"])
@pytest.mark.parametrize("group", GROUPS)
def test_transform_image_matches_the_definition(group, backend, ref, rng):
    x = rng.standard_normal((2, 3, 4, 4))
    for g in stabiliser(group):
        got = transform_image(as_backend(x, backend), g, group)
        np.testing.assert_array_equal(to_numpy(got), ref.transform_image(x, g))
    # elements of D4 may be given as (m, r)
    np.testing.assert_array_equal(transform_image(x, (1, 3), "p4m"), transform_image(x, 7, "p4m"))


@pytest.mark.parametrize("size", [4, 5])
@pytest.mark.parametrize("backend", ["numpy", "torch"])
@pytest.mark.parametrize("group", GROUPS)
def test_transform_image_composes(group, backend, size, rng):
    """T_g T_h = T_{gh} for all pairs, and T_{g^-1} undoes T_g."""
    H = stabiliser(group)
    x = as_backend(rng.standard_normal((2, size, size)), backend)
    for g in H:
        np.testing.assert_array_equal(to_numpy(transform_image(transform_image(x, g, group), H.inverse(g), group)), to_numpy(x))
        for h in H:
            left = transform_image(transform_image(x, h, group), g, group)
            right = transform_image(x, H.compose(g, h), group)
            np.testing.assert_array_equal(to_numpy(left), to_numpy(right), err_msg=f"g={g}, h={h}")


# -- L_g: the left regular action on signals ----------------------------------------------

def assert_p4_signal_formula(f: np.ndarray) -> None:
    """(L_r f)[:, s] = rot90(f[:, (s - r) % 4], r): rotate every map and cycle the group axis."""
    for r in range(4):
        expected = np.stack([np.rot90(f[:, (s - r) % 4], r, axes=(-2, -1)) for s in range(4)], axis=1)
        np.testing.assert_array_equal(transform_signal(f, r, "p4"), expected, err_msg=f"r={r}")


def test_p4_signal_action_formula(rng):
    assert_p4_signal_formula(rng.standard_normal((2, 4, 5, 5)))


@pytest.mark.parametrize("backend", ["numpy", "torch"])
@pytest.mark.parametrize("group", GROUPS)
def test_transform_signal_matches_the_definition(group, backend, ref, rng):
    """(L_g f)[:, h] = T_g f[:, g^-1 h], with g^-1 h from the independent matrices."""
    H = stabiliser(group)
    f = rng.standard_normal((3, 2, H.order, 4, 4))
    for g in H:
        got = transform_signal(as_backend(f, backend), g, group)
        np.testing.assert_array_equal(to_numpy(got), ref.transform_signal(f, g))
        np.testing.assert_array_equal(signal_permutation(g, group), [ref.compose(ref.inverse(g), h) for h in H])


def assert_signal_action_composes(group: str, f: np.ndarray) -> None:
    """L_g L_h = L_{gh} for all pairs (this is what the inverse in g^-1 h is for)."""
    H = stabiliser(group)
    for g in H:
        for h in H:
            left = transform_signal(transform_signal(f, h, group), g, group)
            right = transform_signal(f, H.compose(g, h), group)
            np.testing.assert_array_equal(to_numpy(left), to_numpy(right), err_msg=f"g={g}, h={h}")


@pytest.mark.parametrize("size", [4, 5])
@pytest.mark.parametrize("backend", ["numpy", "torch"])
@pytest.mark.parametrize("group", GROUPS)
def test_transform_signal_composes(group, backend, size, rng):
    order = stabiliser(group).order
    assert_signal_action_composes(group, as_backend(rng.standard_normal((2, order, size, size)), backend))


def test_signal_action_without_inverse_is_caught(monkeypatch, rng):
    """perm[h] = g h instead of g^-1 h: the p4 formula fails, and on D4 even L_g L_h = L_{gh} fails."""
    monkeypatch.setattr(actions, "signal_permutation",
                        lambda g, group: np.array([stabiliser(group).compose(g, h) for h in stabiliser(group)]))
    with pytest.raises(AssertionError):
        assert_p4_signal_formula(rng.standard_normal((1, 4, 3, 3)))
    with pytest.raises(AssertionError):
        assert_signal_action_composes("p4m", rng.standard_normal((1, 8, 3, 3)))


def test_signal_action_without_cycling_is_caught_by_the_formula(monkeypatch, rng):
    """Rotating the maps but not cycling the group axis is still an action (it composes), but the wrong one."""
    monkeypatch.setattr(actions, "signal_permutation", lambda g, group: np.arange(stabiliser(group).order))
    assert_signal_action_composes("p4", rng.standard_normal((1, 4, 3, 3)))  # composition cannot tell
    with pytest.raises(AssertionError):
        assert_p4_signal_formula(rng.standard_normal((1, 4, 3, 3)))


def test_commutative_d4_breaks_signal_composition(monkeypatch, rng):
    """With a commutative composition rule, L_g L_h = L_{gh} fails for the true image action."""
    monkeypatch.setattr(DihedralGroup, "_compose", lambda self, a, b: 4 * ((a // 4 + b // 4) % 2) + (a + b) % 4)
    monkeypatch.setattr(DihedralGroup, "_inverse", lambda self, a: 4 * (a // 4) + (-a) % 4)
    with pytest.raises(AssertionError):
        assert_signal_action_composes("p4m", rng.standard_normal((1, 8, 3, 3)))


def test_cayley_tables_are_untouched_by_the_monkeypatching_tests():
    # the tests above patch DihedralGroup; a cached Cayley table must not keep a wrong product
    assert not D4.is_commutative() and C4.is_commutative()


# -- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: transform_image(np.zeros((2, 3, 4)), 1, "p4"),
         ValueError, r"square image \(H == W\), got H=3, W=4 \(shape \(2, 3, 4\)\)"),
        (lambda: rotate(torch.zeros(3, 5), 1), ValueError, r"got H=3, W=5"),
        (lambda: transform_signal(np.zeros((2, 3, 5, 5)), 1, "p4"),
         ValueError, r"group axis of length 4 at axis -3, got 3 \(shape \(2, 3, 5, 5\)\)"),
        (lambda: transform_signal(np.zeros((2, 4, 5, 5)), 1, "p4m"), ValueError, r"length 8 at axis -3, got 4"),
        (lambda: transform_image(np.zeros((5, 5)), 0, "p5"), ValueError, r"unknown group 'p5': expected one of \['p4', 'p4m'\]"),
        (lambda: transform_signal(np.zeros((4, 5, 5)), 0, "P4"), ValueError, r"unknown group 'P4'"),
        (lambda: transform_image(np.zeros((5, 5)), 4, "p4"), ValueError, r"index in 0\.\.3, got 4"),
        (lambda: transform_image(np.zeros((5, 5)), 2.0, "p4"), TypeError, r"got float 2\.0"),
        (lambda: rotate(np.zeros(5), 1), ValueError, r"2- or 3- or 4- or 5- or 6-dimensional array \[\.\.\., H, W\], got shape \(5,\)"),
        (lambda: transform_signal(np.zeros((5, 5)), 0, "p4"), ValueError, r"3- or .*-dimensional array \[\.\.\., \|H\|, H, W\], got shape \(5, 5\)"),
        (lambda: mirror(np.zeros(4)), ValueError, r"got shape \(4,\)"),
        (lambda: transform_image([[1.0, 2.0], [3.0, 4.0]], 1, "p4"), TypeError, r"expected a numpy\.ndarray or torch\.Tensor, got list"),
        (lambda: translate(3.0, (1, 1)), TypeError, r"numpy\.ndarray or torch\.Tensor, got float"),
        (lambda: rotate(np.zeros((3, 3)), 1.5), TypeError, r"integer number of quarter turns, got 1\.5"),
        (lambda: translate(np.zeros((3, 3)), (1, 1), "reflect"), ValueError, r"mode 'circular' or 'zero', got 'reflect'"),
        (lambda: translate(np.zeros((3, 3)), (1,)), TypeError, r"shift=\(down, right\) as two integers, got \(1,\)"),
        (lambda: translate(np.zeros((3, 3)), (1.0, 0)), TypeError, r"got \(1\.0, 0\)"),
    ],
)
def test_bad_input_names_expected_and_received(call, error, message):
    with pytest.raises(error, match=message):
        call()
