"""Tests of gcnn_teach.linear_maps: the equivariance constraint solved numerically."""

from functools import lru_cache

import numpy as np
import pytest

from gcnn_teach.actions import rotate, transform_signal
from gcnn_teach.linear_maps import (character_dimension, distance_to_span, equivariant_linear_maps, filters_of,
                                    layer_matrices, matrix_of, torus_generators, torus_layer, torus_shape)


@lru_cache(maxsize=None)  # each space is solved once for the whole file
def solve(group, kind_in, kind_out, n):
    shape_in, shape_out = torus_shape(group, kind_in, n), torus_shape(group, kind_out, n)
    act_in, act_out = torus_generators(group, kind_in, n), torus_generators(group, kind_out, n)
    return equivariant_linear_maps(act_in, act_out, shape_in, shape_out), (act_in, act_out, shape_in, shape_out)


@pytest.mark.parametrize("group, kind_in, kind_out, n, expected", [
    ("translations", "image", "image", 5, 25),   # every circular correlation with a 5x5 filter
    ("p4", "image", "image", 5, 7),              # filters unchanged by a quarter turn: C4-orbits of the 5x5 grid
    ("p4", "image", "signal", 3, 9),             # the lifting layer: one free 3x3 filter
    ("p4m", "image", "signal", 3, 9),            # the same for p4m
    ("p4", "signal", "signal", 3, 36),           # the group correlation: a filter [4, 3, 3]
    ("p4", "trivial", "signal", 3, 1),           # a bias: one number shared by every position and slot
    ("p4", "signal", "trivial", 3, 1),           # an invariant linear functional: the total sum
])
def test_dimension_and_character_count_agree(group, kind_in, kind_out, n, expected):
    basis, (act_in, act_out, shape_in, shape_out) = solve(group, kind_in, kind_out, n)
    assert basis.shape == (expected, *shape_out, *shape_in)
    dimension, order = character_dimension(act_in, act_out, shape_in, shape_out)
    assert dimension == expected
    assert order == {"translations": n * n, "p4": 4 * n * n, "p4m": 8 * n * n}[group]


def test_basis_is_orthonormal_and_every_element_commutes_with_the_group():
    basis, (act_in, act_out, shape_in, shape_out) = solve("p4", "image", "signal", 3)
    flat = basis.reshape(len(basis), -1)
    assert np.allclose(flat @ flat.T, np.eye(len(basis)))
    x = np.random.default_rng(0).normal(size=shape_in)
    for W in basis.reshape(len(basis), -1, x.size):
        f = lambda y: (W @ y.ravel()).reshape(shape_out)
        # a turned image gives the turned-and-cycled signal: checked with the package's actions
        assert np.allclose(f(rotate(x, 1)), transform_signal(f(x), 1, "p4"))
        assert np.allclose(f(np.roll(x, 1, axis=0)), np.roll(f(x), 1, axis=-2))


def test_a_wrong_output_action_gives_a_different_space():
    # turning every slot without cycling them is a different action of p4 (four copies of T):
    # its equivariant maps are four independent correlations with rotation-invariant filters
    n = 3
    turn_only = [*torus_generators("translations", "image", n), lambda f: rotate(f, 1)]
    basis = equivariant_linear_maps(torus_generators("p4", "image", n), turn_only, (n, n), (4, n, n))
    assert len(basis) == 4 * 3  # C4 has 3 orbits on the 3x3 grid (centre, edges, corners)
    right, _ = solve("p4", "image", "signal", n)
    assert len(right) == 9


def test_basis_elements_are_the_torus_layers_and_back():
    rng = np.random.default_rng(1)
    for group, kind_in, kind_out, n, layer, filter_shape in [
            ("translations", "image", "image", 5, "correlation", (5, 5)),
            ("p4", "image", "signal", 3, "lifting", (3, 3)),
            ("p4", "signal", "signal", 3, "group", (4, 3, 3))]:
        basis, (_, _, shape_in, _) = solve(group, kind_in, kind_out, n)
        filters, residuals = filters_of(layer, basis, filter_shape, shape_in, "p4")
        assert residuals.max() < 1e-10, layer
        x = rng.normal(size=shape_in)
        for W, psi in zip(basis, filters):   # the reconstructed filter computes the same outputs
            matrix = W.reshape(-1, x.size)
            assert np.allclose(torus_layer(layer, psi, "p4")(x).ravel(), matrix @ x.ravel()), layer
        # ...and every layer of the kind lies in the span
        random_layer = matrix_of(torus_layer(layer, rng.normal(size=filter_shape), "p4"), shape_in)
        assert distance_to_span(basis, random_layer) < 1e-10
        # the layer's parameter count is the dimension: its matrices are independent
        M = layer_matrices(layer, filter_shape, shape_in, "p4")
        assert np.linalg.matrix_rank(M.reshape(len(M), -1)) == len(basis)


def test_a_dense_layer_is_far_from_the_span():
    basis, (_, _, shape_in, shape_out) = solve("translations", "image", "image", 5)
    dense = np.random.default_rng(2).normal(size=(25, 25))
    assert distance_to_span(basis, dense) > 0.5
    _, residuals = filters_of("correlation", dense[None], (5, 5), shape_in)
    assert residuals[0] > 0.5


def test_matrix_of_is_the_map():
    rng = np.random.default_rng(3)
    W = rng.normal(size=(6, 4))
    assert np.array_equal(matrix_of(lambda v: W @ v, (4,)), W)
    with pytest.raises(ValueError, match="shape"):
        matrix_of(lambda v: W @ v, (4,), (5,))


def test_bad_input_is_named():
    gens = torus_generators("p4", "image", 3)
    with pytest.raises(ValueError, match="same"):
        equivariant_linear_maps(gens, gens[:2], (3, 3), (3, 3))
    with pytest.raises(TypeError, match="lists"):
        equivariant_linear_maps(gens[0], gens[0], (3, 3), (3, 3))
    with pytest.raises(TypeError, match="shape"):
        equivariant_linear_maps(gens, gens, 9, (3, 3))
    with pytest.raises(ValueError, match="odd"):
        torus_generators("p4", "image", 4)
    with pytest.raises(ValueError, match="group"):
        torus_generators("p6", "image", 3)
    with pytest.raises(ValueError, match="signals"):
        torus_generators("translations", "signal", 3)
    with pytest.raises(ValueError, match="kind"):
        torus_layer("dense", np.zeros((3, 3)))
    with pytest.raises(ValueError, match="entries"):
        distance_to_span(np.zeros((1, 4)), np.ones(5))
