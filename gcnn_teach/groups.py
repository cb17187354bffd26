"""Finite groups and the wallpaper groups p4 and p4m.

What a group *is*, and nothing about images (that is :mod:`gcnn_teach.actions`).

Conventions (stated once for the whole package and the book):

* The rotation group :math:`C_n` has elements ``r = 0 .. n-1``; ``r`` is a rotation by
  ``r`` steps of ``360/n`` degrees counter-clockwise *as displayed* (row 0 on top).
  For ``n = 4`` this is ``np.rot90(x, r, axes=(-2, -1))``.
* The dihedral group :math:`D_n` has elements ``(m, r)`` with index ``n*m + r``; the
  element acts as "rotate by ``r``, then, if ``m = 1``, mirror left-right".  Written as
  operators, :math:`T_{(m, r)} = F^m R^r`.  Because :math:`R^r F = F R^{-r}`,

  .. math:: (m_1, r_1)(m_2, r_2) = (m_1 + m_2,\\; (-1)^{m_2} r_1 + r_2).

  :math:`D_4` is not commutative.
* The group ``"p4"`` is :math:`\\mathbb{Z}^2 \\rtimes C_4` and ``"p4m"`` is
  :math:`\\mathbb{Z}^2 \\rtimes D_4`; their *stabiliser* (the elements that fix the origin)
  is :math:`C_4` or :math:`D_4`.  A signal on the group is stored as ``[C, |H|, H, W]``,
  where ``|H|`` is the order of the stabiliser and the axis is indexed by element index.
* As in Cohen & Welling (2016, eq. 1-2), elements of p4 and p4m are 3x3 integer matrices

  .. math:: g(m, r, u, v) = \\begin{pmatrix} (-1)^m \\cos\\frac{r\\pi}{2} &
            -(-1)^m \\sin\\frac{r\\pi}{2} & u \\\\ \\sin\\frac{r\\pi}{2} &
            \\cos\\frac{r\\pi}{2} & v \\\\ 0 & 0 & 1 \\end{pmatrix}

  acting on homogeneous pixel coordinates ``(x, y, 1)`` with ``x = column`` and
  ``y = -row`` (x to the right, y up, as on paper).  In these coordinates the matrices
  describe exactly the array operations above: see :func:`image_matrix`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

import numpy as np

__all__ = [
    "FiniteGroup",
    "CyclicGroup",
    "DihedralGroup",
    "C4",
    "D4",
    "GROUPS",
    "stabiliser",
    "p4_matrix",
    "p4m_matrix",
    "element_matrix",
    "image_matrix",
    "pixel_coordinates",
    "act_on_coordinates",
]


class FiniteGroup:
    """A finite group whose elements are the integers ``0 .. order-1`` (their *index*).

    Subclasses give ``_compose`` and ``_inverse`` on indices; this class adds
    input checking, the identity, the Cayley table and a check of the group axioms.
    Every public method also accepts an element in the subclass's own notation
    (``(m, r)`` for a dihedral group) wherever it accepts an index.
    """

    name: str = "group"
    order: int = 0

    # -- what a subclass provides -------------------------------------------------
    def _compose(self, a: int, b: int) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def _inverse(self, a: int) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def _parse(self, element) -> int:
        """Turn ``element`` (an index, or the subclass's notation) into an index."""
        return self._check_index(element)

    # -- public interface ---------------------------------------------------------
    @property
    def elements(self) -> list[int]:
        """All element indices, ``[0, 1, ..., order-1]``."""
        return list(range(self.order))

    def __iter__(self) -> Iterator[int]:
        return iter(self.elements)

    def __len__(self) -> int:
        return self.order

    @property
    def identity(self) -> int:
        """The identity element (always index 0)."""
        return 0

    def index(self, element) -> int:
        """The index of ``element``; raises ``TypeError``/``ValueError`` if it is not one."""
        return self._parse(element)

    def compose(self, a, b) -> int:
        """The product ``a b``: first apply ``b``, then ``a`` (as operators on images)."""
        return self._compose(self._parse(a), self._parse(b))

    def inverse(self, a) -> int:
        """The element ``a^-1`` with ``a a^-1 = a^-1 a = e``."""
        return self._inverse(self._parse(a))

    @cached_property
    def cayley_table(self) -> np.ndarray:
        """``table[a, b] = compose(a, b)``, an ``[order, order]`` integer array."""
        n = self.order
        table = np.empty((n, n), dtype=np.int64)
        for a in range(n):
            for b in range(n):
                table[a, b] = self._compose(a, b)
        table.setflags(write=False)
        return table

    def is_commutative(self) -> bool:
        """Whether ``ab = ba`` for all elements."""
        return bool(np.array_equal(self.cayley_table, self.cayley_table.T))

    def check_axioms(self) -> None:
        """Raise ``AssertionError`` unless the table is a group's: every product lands in the group
        (the table defines a binary operation on it), and associativity, identity and inverses hold."""
        table = self.cayley_table
        n = self.order
        if table.min() < 0 or table.max() >= n:
            raise AssertionError(f"{self.name}: a product falls outside the group")
        e = self.identity
        for a in range(n):
            if table[e, a] != a or table[a, e] != a:
                raise AssertionError(f"{self.name}: {e} is not an identity for {a}")
            inv = self._inverse(a)
            if table[a, inv] != e or table[inv, a] != e:
                raise AssertionError(f"{self.name}: {inv} is not the inverse of {a}")
        # (ab)c == a(bc) for all triples, vectorised over the table
        left = table[table[:, :, None], np.arange(n)[None, None, :]]
        right = table[np.arange(n)[:, None, None], table[None, :, :]]
        if not np.array_equal(left, right):
            a, b, c = np.argwhere(left != right)[0]
            raise AssertionError(f"{self.name}: ({a}{b}){c} != {a}({b}{c})")

    def label(self, element) -> str:
        """A short human-readable name of an element, e.g. ``'r1'`` or ``'m r2'``."""
        return f"r{self._parse(element)}"

    def _check_index(self, element) -> int:
        if isinstance(element, (bool, np.bool_)) or not isinstance(element, (int, np.integer)):
            raise TypeError(
                f"{self.name}: expected an element index (int in 0..{self.order - 1}), "
                f"got {type(element).__name__} {element!r}"
            )
        if not 0 <= int(element) < self.order:
            raise ValueError(
                f"{self.name}: expected an element index in 0..{self.order - 1}, got {element}"
            )
        return int(element)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(order={self.order})"


class CyclicGroup(FiniteGroup):
    """:math:`C_n`, rotations by multiples of ``360/n`` degrees; element ``r`` composes by addition mod n."""

    def __init__(self, n: int):
        if not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"CyclicGroup: expected a positive integer n, got {n!r}")
        self.n = int(n)
        self.order = self.n
        self.name = f"C{self.n}"

    def _compose(self, a: int, b: int) -> int:
        return (a + b) % self.n

    def _inverse(self, a: int) -> int:
        return (-a) % self.n


class DihedralGroup(FiniteGroup):
    """:math:`D_n`, rotations and mirrorings; element ``(m, r)`` has index ``n*m + r``.

    The element acts as "rotate by ``r`` steps, then mirror left-right if ``m = 1``", so
    ``(m1, r1)(m2, r2) = (m1 + m2 mod 2, (-1)^m2 r1 + r2 mod n)``.
    """

    def __init__(self, n: int):
        if not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"DihedralGroup: expected a positive integer n, got {n!r}")
        self.n = int(n)
        self.order = 2 * self.n
        self.name = f"D{self.n}"

    def pair(self, element) -> tuple[int, int]:
        """``(m, r)`` of an element given by index or pair."""
        index = self._parse(element)
        return divmod(index, self.n)

    def _parse(self, element) -> int:
        if isinstance(element, tuple):
            if len(element) != 2:
                raise ValueError(f"{self.name}: expected an element (m, r), got {element!r}")
            m, r = element
            if m not in (0, 1) or not isinstance(r, (int, np.integer)) or not 0 <= r < self.n:
                raise ValueError(
                    f"{self.name}: expected (m, r) with m in {{0, 1}} and r in 0..{self.n - 1}, "
                    f"got {element!r}"
                )
            return self.n * int(m) + int(r)
        return self._check_index(element)

    def _compose(self, a: int, b: int) -> int:
        m1, r1 = divmod(a, self.n)
        m2, r2 = divmod(b, self.n)
        sign = -1 if m2 else 1
        return self.n * ((m1 + m2) % 2) + (sign * r1 + r2) % self.n

    def _inverse(self, a: int) -> int:
        m, r = divmod(a, self.n)
        # rotations invert their angle; every mirroring is its own inverse
        return a if m else (-r) % self.n

    def label(self, element) -> str:
        m, r = self.pair(element)
        return f"m r{r}" if m else f"r{r}"


C4 = CyclicGroup(4)
D4 = DihedralGroup(4)

#: The groups of the book: name -> stabiliser (the elements that fix the origin).
GROUPS: dict[str, FiniteGroup] = {"p4": C4, "p4m": D4}


def stabiliser(group: str) -> FiniteGroup:
    """The stabiliser ``H`` of a group name: ``"p4"`` -> C4, ``"p4m"`` -> D4."""
    if isinstance(group, FiniteGroup):
        if group in GROUPS.values():
            return group
        raise ValueError(f"expected group 'p4' or 'p4m' (or C4 / D4), got {group!r}")
    if not isinstance(group, str):
        raise TypeError(f"expected a group name 'p4' or 'p4m', got {type(group).__name__} {group!r}")
    try:
        return GROUPS[group]
    except KeyError:
        raise ValueError(f"unknown group {group!r}: expected one of {sorted(GROUPS)}") from None


# -- the paper's matrices ------------------------------------------------------------

_COS = (1, 0, -1, 0)
_SIN = (0, 1, 0, -1)


def p4m_matrix(m: int, r: int, u: int = 0, v: int = 0) -> np.ndarray:
    """Cohen & Welling's eq. (2): the p4m element ``g(m, r, u, v)`` as a 3x3 integer matrix."""
    if m not in (0, 1):
        raise ValueError(f"p4m_matrix: expected m in {{0, 1}}, got {m!r}")
    r = int(r) % 4
    s = -1 if m else 1
    return np.array(
        [[s * _COS[r], -s * _SIN[r], int(u)], [_SIN[r], _COS[r], int(v)], [0, 0, 1]],
        dtype=np.int64,
    )


def p4_matrix(r: int, u: int = 0, v: int = 0) -> np.ndarray:
    """Cohen & Welling's eq. (1): the p4 element ``g(r, u, v)`` (a rotation, then a translation)."""
    return p4m_matrix(0, r, u, v)


def element_matrix(group: str, element, translation: tuple[int, int] = (0, 0)) -> np.ndarray:
    """The 3x3 matrix of the stabiliser ``element`` of ``group`` followed by ``translation``.

    ``element_matrix(g) @ element_matrix(h) == element_matrix(compose(g, h))`` when the
    translations are zero: the matrices are a faithful picture of the group.
    """
    H = stabiliser(group)
    index = H.index(element)
    m, r = divmod(index, 4)
    return p4m_matrix(m, r, *translation)


def pixel_coordinates(size: int) -> np.ndarray:
    """Homogeneous coordinates ``(x, y, 1)`` of every pixel of a ``size x size`` image.

    Returns ``[3, size, size]``; pixel ``[i, j]`` (row i, column j) has ``x = j, y = -i``.
    """
    i, j = np.meshgrid(np.arange(size), np.arange(size), indexing="ij")
    return np.stack([j, -i, np.ones_like(i)]).astype(np.int64)


def image_matrix(group: str, element, size: int) -> np.ndarray:
    """The p4/p4m matrix that moves pixels exactly as ``transform_image`` does on a square image.

    Rotating or mirroring a ``size x size`` array turns it about its centre
    ``q = ((size-1)/2, -(size-1)/2)``; as a matrix this is the stabiliser element followed
    by the *integer* translation ``q - R q``.  The value at pixel ``p`` moves to ``g p``.
    """
    if not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"image_matrix: expected a positive integer size, got {size!r}")
    linear = element_matrix(group, element)[:2, :2]
    twice_centre = np.array([size - 1, -(size - 1)])
    shift = (twice_centre - linear @ twice_centre) // 2  # always an integer vector
    return element_matrix(group, element, tuple(int(t) for t in shift))


def act_on_coordinates(matrix: np.ndarray, coordinates: np.ndarray) -> np.ndarray:
    """Apply a 3x3 matrix to homogeneous coordinates ``[3, ...]`` (e.g. from :func:`pixel_coordinates`)."""
    matrix = np.asarray(matrix)
    coordinates = np.asarray(coordinates)
    if matrix.shape != (3, 3):
        raise ValueError(f"act_on_coordinates: expected a 3x3 matrix, got shape {matrix.shape}")
    if coordinates.shape[:1] != (3,):
        raise ValueError(
            f"act_on_coordinates: expected coordinates of shape [3, ...], got {coordinates.shape}"
        )
    return np.tensordot(matrix, coordinates, axes=1)
