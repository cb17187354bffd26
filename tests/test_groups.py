"""Tests of gcnn_teach.groups: C_n, D_n, p4 and p4m as the paper's matrices.

The dihedral groups are checked against an independent picture of them, 2x2 rotation and
mirror matrices, so a wrong composition rule cannot hide behind the group axioms (a
commutative "D4" satisfies every axiom: see test_commutative_d4_passes_the_axioms_...).
"""

from __future__ import annotations

import numpy as np
import pytest

from gcnn_teach import actions, groups
from gcnn_teach.actions import transform_image
from gcnn_teach.groups import (
    C4,
    D4,
    CyclicGroup,
    DihedralGroup,
    FiniteGroup,
    act_on_coordinates,
    element_matrix,
    image_matrix,
    p4_matrix,
    p4m_matrix,
    pixel_coordinates,
    stabiliser,
)

SIZES_N = [1, 2, 3, 4, 5, 6, 8]


def dihedral_matrix(n: int, m: int, r: int) -> np.ndarray:
    """(m, r) of D_n as a 2x2 matrix: rotate by r * 360/n degrees, then mirror x -> -x if m = 1."""
    angle = 2 * np.pi * r / n
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    return (np.diag([-1.0, 1.0]) if m else np.eye(2)) @ rotation


def dihedral_index(n: int, matrix: np.ndarray) -> int:
    matches = [n * m + r for m in (0, 1) for r in range(n) if np.allclose(dihedral_matrix(n, m, r), matrix)]
    assert len(matches) == 1, f"D{n}: the matrices are not a faithful picture of the group"
    return matches[0]


# -- C_n and D_n: axioms and Cayley tables -------------------------------------------------

@pytest.mark.parametrize("n", SIZES_N)
@pytest.mark.parametrize("family", [CyclicGroup, DihedralGroup])
def test_group_axioms_hold(family, n):
    group = family(n)
    group.check_axioms()
    assert group.elements == list(range(group.order))
    assert group.order == (n if family is CyclicGroup else 2 * n)
    assert len(group) == group.order and list(group) == group.elements


@pytest.mark.parametrize("n", SIZES_N)
def test_cyclic_cayley_table_is_addition_mod_n(n):
    group = CyclicGroup(n)
    a, b = np.meshgrid(range(n), range(n), indexing="ij")
    np.testing.assert_array_equal(group.cayley_table, (a + b) % n)
    assert group.is_commutative()
    assert [group.inverse(a) for a in range(n)] == [(-a) % n for a in range(n)]


@pytest.mark.parametrize("n", SIZES_N)
def test_dihedral_compose_and_inverse_match_matrices(n):
    group = DihedralGroup(n)
    for a in group:
        ma = dihedral_matrix(n, *group.pair(a))
        assert group.inverse(a) == dihedral_index(n, np.linalg.inv(ma))
        for b in group:
            mb = dihedral_matrix(n, *group.pair(b))
            assert group.compose(a, b) == dihedral_index(n, ma @ mb), (a, b)
            assert group.cayley_table[a, b] == group.compose(a, b)


@pytest.mark.parametrize("n", [3, 4, 5, 6, 8])
def test_dihedral_is_not_commutative(n):
    group = DihedralGroup(n)
    assert not group.is_commutative()
    rotation, mirror = group.index((0, 1)), group.index((1, 0))
    assert group.compose(rotation, mirror) != group.compose(mirror, rotation)


def test_d4_matches_reference_and_its_action_on_images(ref, rng):
    """Composition follows from the action: T_a T_b = T_{ab}, and (m, r) is "rotate by r, then mirror"."""
    assert_compose_follows_action(D4, "p4m", rng)
    for a in D4:
        assert D4.inverse(a) == ref.inverse(a)
        for b in D4:
            assert D4.compose(a, b) == ref.compose(a, b)
    # the worked example of notation.md: mirror after a quarter turn is (1, 1) = index 5,
    # a quarter turn after the mirror is (1, 3) = index 7
    assert D4.compose((1, 0), (0, 1)) == 5
    assert D4.compose((0, 1), (1, 0)) == 7


def assert_compose_follows_action(group: FiniteGroup, name: str, rng) -> None:
    x = rng.standard_normal((5, 5))
    for a in group:
        for b in group:
            both = transform_image(transform_image(x, b, name), a, name)
            assert np.array_equal(both, transform_image(x, group.compose(a, b), name)), (a, b)


def test_commutative_d4_passes_the_axioms_but_not_the_action_check(monkeypatch, rng):
    """Z2 x Z4 is a group too: only tests tied to the action catch a commutative 'D4'."""
    wrong = DihedralGroup(4)
    monkeypatch.setattr(wrong, "_compose", lambda a, b: 4 * ((a // 4 + b // 4) % 2) + (a + b) % 4)
    monkeypatch.setattr(wrong, "_inverse", lambda a: 4 * (a // 4) + (-a) % 4)
    wrong.check_axioms()  # every axiom holds ...
    assert wrong.is_commutative()  # ... but test_dihedral_is_not_commutative would fail
    with pytest.raises(AssertionError):
        assert_compose_follows_action(wrong, "p4m", rng)


def test_check_axioms_catches_a_missing_inverse(monkeypatch):
    wrong = CyclicGroup(4)
    monkeypatch.setattr(wrong, "_inverse", lambda a: a)
    with pytest.raises(AssertionError, match="is not the inverse of 1"):
        wrong.check_axioms()


def test_check_axioms_catches_a_wrong_identity(monkeypatch):
    wrong = CyclicGroup(3)
    monkeypatch.setattr(wrong, "_compose", lambda a, b: (a - b) % 3)
    with pytest.raises(AssertionError, match="is not an identity"):
        wrong.check_axioms()


class _NonAssociativeLoop(FiniteGroup):
    """The smallest loop that is not a group (order 5): identity, inverses, but no associativity."""

    name, order = "loop5", 5
    _table = np.array([[0, 1, 2, 3, 4], [1, 0, 3, 4, 2], [2, 4, 0, 1, 3], [3, 2, 4, 0, 1], [4, 3, 1, 2, 0]])

    def _compose(self, a, b):
        return int(self._table[a, b])

    def _inverse(self, a):
        return a


def test_check_axioms_catches_non_associativity():
    with pytest.raises(AssertionError, match=r"\(\d\d\)\d != \d\(\d\d\)"):
        _NonAssociativeLoop().check_axioms()


def test_labels_pairs_and_indices():
    assert [C4.label(r) for r in C4] == ["r0", "r1", "r2", "r3"]
    assert [D4.label(g) for g in D4] == ["r0", "r1", "r2", "r3", "m r0", "m r1", "m r2", "m r3"]
    assert [D4.pair(g) for g in D4] == [(m, r) for m in (0, 1) for r in range(4)]
    assert all(D4.index(D4.pair(g)) == g for g in D4)
    assert C4.identity == D4.identity == 0
    assert stabiliser("p4") is C4 and stabiliser("p4m") is D4 and stabiliser(D4) is D4


# -- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: C4.compose(4, 0), ValueError, r"C4: expected an element index in 0\.\.3, got 4"),
        (lambda: C4.inverse(-1), ValueError, r"in 0\.\.3, got -1"),
        (lambda: C4.compose(1.0, 0), TypeError, r"expected an element index .*got float 1\.0"),
        (lambda: C4.inverse(True), TypeError, r"got bool True"),
        (lambda: D4.index((2, 0)), ValueError, r"m in \{0, 1\} and r in 0\.\.3, got \(2, 0\)"),
        (lambda: D4.index((0, 4)), ValueError, r"got \(0, 4\)"),
        (lambda: D4.index((0, 1, 2)), ValueError, r"expected an element \(m, r\), got \(0, 1, 2\)"),
        (lambda: D4.compose(8, 0), ValueError, r"D4: expected an element index in 0\.\.7, got 8"),
        (lambda: stabiliser("p5"), ValueError, r"unknown group 'p5': expected one of \['p4', 'p4m'\]"),
        (lambda: stabiliser(4), TypeError, r"expected a group name 'p4' or 'p4m', got int 4"),
        (lambda: stabiliser(CyclicGroup(6)), ValueError, r"expected group 'p4' or 'p4m'.*CyclicGroup\(order=6\)"),
        (lambda: CyclicGroup(0), ValueError, r"expected a positive integer n, got 0"),
        (lambda: DihedralGroup("4"), ValueError, r"expected a positive integer n, got '4'"),
        (lambda: p4m_matrix(2, 0), ValueError, r"expected m in \{0, 1\}, got 2"),
        (lambda: element_matrix("p4", 4), ValueError, r"in 0\.\.3, got 4"),
        (lambda: image_matrix("p4", 1, 0), ValueError, r"expected a positive integer size, got 0"),
        (lambda: act_on_coordinates(np.eye(2), pixel_coordinates(3)), ValueError, r"3x3 matrix, got shape \(2, 2\)"),
        (lambda: act_on_coordinates(np.eye(3), np.zeros((2, 4))), ValueError, r"\[3, \.\.\.\], got \(2, 4\)"),
    ],
)
def test_bad_input_names_expected_and_received(call, error, message):
    with pytest.raises(error, match=message):
        call()


# -- p4 and p4m as matrices (the paper's eq. 1 and 2) -------------------------------------

def test_paper_matrices_rotate_counter_clockwise_and_mirror_x():
    np.testing.assert_array_equal(p4_matrix(1), [[0, -1, 0], [1, 0, 0], [0, 0, 1]])
    np.testing.assert_array_equal(p4m_matrix(1, 0), [[-1, 0, 0], [0, 1, 0], [0, 0, 1]])
    np.testing.assert_array_equal(p4_matrix(2, 3, -5), [[-1, 0, 3], [0, -1, -5], [0, 0, 1]])
    # "a rotation, then a translation": g(m, r, u, v) = t(u, v) g(m, r, 0, 0)
    for m in (0, 1):
        for r in range(4):
            translation = np.array([[1, 0, 7], [0, 1, -2], [0, 0, 1]])
            np.testing.assert_array_equal(p4m_matrix(m, r, 7, -2), translation @ p4m_matrix(m, r))


@pytest.mark.parametrize("name", ["p4", "p4m"])
def test_element_matrices_are_a_faithful_picture_of_the_group(name, ref):
    H = stabiliser(name)
    matrices = [element_matrix(name, g) for g in H]
    assert len({m.tobytes() for m in matrices}) == H.order
    for g in H:
        np.testing.assert_array_equal(matrices[g][:2, :2], ref.matrix(g))
        assert round(np.linalg.det(matrices[g])) == (-1 if g >= 4 else 1)
        for h in H:
            np.testing.assert_array_equal(matrices[g] @ matrices[h], element_matrix(name, H.compose(g, h)))


@pytest.mark.parametrize("name", ["p4", "p4m"])
def test_translations_compose_as_a_semidirect_product(name, rng):
    H = stabiliser(name)
    for _ in range(20):
        g, h = (int(e) for e in rng.integers(0, H.order, 2))
        tg, th = (tuple(int(t) for t in rng.integers(-5, 6, 2)) for _ in range(2))
        product = element_matrix(name, g, tg) @ element_matrix(name, h, th)
        # (t_g, g)(t_h, h) = (t_g + g t_h, g h)
        shift = np.array(tg) + element_matrix(name, g)[:2, :2] @ np.array(th)
        np.testing.assert_array_equal(product, element_matrix(name, H.compose(g, h), tuple(shift)))


def test_pixel_coordinates_put_x_right_and_y_up():
    coords = pixel_coordinates(3)
    assert coords.shape == (3, 3, 3)
    np.testing.assert_array_equal(coords[:, 0, 2], [2, 0, 1])  # top right: x = 2, y = 0
    np.testing.assert_array_equal(coords[:, 2, 0], [0, -2, 1])  # bottom left: x = 0, y = -2


def assert_image_matrix_moves_pixels_like_transform_image(name: str, size: int) -> None:
    """The value at pixel p of x is found at pixel g p of T_g x."""
    H = stabiliser(name)
    x = np.arange(size * size).reshape(size, size)
    coords = pixel_coordinates(size)
    for g in H:
        moved = act_on_coordinates(image_matrix(name, g, size), coords)
        cols, rows = moved[0], -moved[1]
        assert np.all(moved[2] == 1)
        assert cols.min() >= 0 and cols.max() < size and rows.min() >= 0 and rows.max() < size
        np.testing.assert_array_equal(transform_image(x, g, name)[rows, cols], x, err_msg=f"{name} g={g}")


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize("name", ["p4", "p4m"])
def test_image_matrix_moves_pixels_like_transform_image(name, size):
    assert_image_matrix_moves_pixels_like_transform_image(name, size)
    H = stabiliser(name)
    for g in H:
        for h in H:
            np.testing.assert_array_equal(
                image_matrix(name, g, size) @ image_matrix(name, h, size),
                image_matrix(name, H.compose(g, h), size),
            )


def test_image_matrix_check_catches_a_clockwise_rotation(monkeypatch):
    clockwise = actions.rotate
    monkeypatch.setattr(actions, "rotate", lambda x, r: clockwise(x, -r))
    for size in (3, 4):
        with pytest.raises(AssertionError):
            assert_image_matrix_moves_pixels_like_transform_image("p4", size)


def test_group_names_map_to_their_stabilisers():
    assert groups.GROUPS == {"p4": C4, "p4m": D4}
