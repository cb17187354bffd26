"""How the groups of :mod:`gcnn_teach.groups` move images and signals on the group.

Every function works on NumPy arrays and on PyTorch tensors alike, acts on the last two
(spatial) axes, and leaves any leading axes (channels, batch) alone.

* An *image* ``x`` has shape ``[..., H, W]``; the stabiliser element ``g`` acts as
  :math:`(T_g x)(y) = x(g^{-1} y)`: rotation ``r`` is ``np.rot90(x, r, axes=(-2, -1))``
  (counter-clockwise as displayed) and ``(m, r)`` rotates by ``r`` then mirrors
  left-right if ``m = 1``.
* A *signal on the group* ``f`` has shape ``[..., |H|, H, W]``; ``g`` acts by the left
  regular action :math:`(L_g f)(h, y) = f(g^{-1} h, g^{-1} y)`, which in array terms is
  ``(L_g f)[..., h, :, :] = T_g(f[..., g^-1 h, :, :])``: every map is rotated (and
  mirrored) *and* the group axis is permuted.  For p4 this reads
  ``(L_r f)[:, s] = rot90(f[:, (s - r) % 4], r)``.
"""

from __future__ import annotations

import numpy as np
import torch.nn.functional as F

from ._validate import as_array, check_group_axis, check_ndim, check_square, is_tensor, torch
from .groups import FiniteGroup, stabiliser

__all__ = [
    "rotate",
    "mirror",
    "translate",
    "transform_image",
    "transform_signal",
    "signal_permutation",
    "rotate_by_angle",
    "disk_mask",
]


def rotate(x, r: int):
    """Rotate a square image ``[..., N, N]`` by ``r`` quarter turns counter-clockwise."""
    x = as_array(x, "rotate")
    check_ndim(x, tuple(range(2, 7)), "rotate", "[..., H, W]")
    check_square(x, "rotate")
    if isinstance(r, bool) or not isinstance(r, (int, np.integer)):
        raise TypeError(f"rotate: expected an integer number of quarter turns, got {r!r}")
    if is_tensor(x):
        return torch.rot90(x, int(r) % 4, dims=(-2, -1))
    return np.rot90(x, int(r) % 4, axes=(-2, -1))


def mirror(x):
    """Mirror an image ``[..., H, W]`` left-right (reverse the last axis)."""
    x = as_array(x, "mirror")
    check_ndim(x, tuple(range(2, 7)), "mirror", "[..., H, W]")
    if is_tensor(x):
        return torch.flip(x, dims=(-1,))
    return x[..., ::-1]


def translate(x, shift: tuple[int, int], mode: str = "circular"):
    """Translate an image ``[..., H, W]`` by ``shift = (down, right)`` pixels.

    ``mode="circular"`` wraps around (a translation of the torus, exact for circular
    convolutions); ``mode="zero"`` lets content fall off the edge and fills with zeros.
    """
    x = as_array(x, "translate")
    check_ndim(x, tuple(range(2, 7)), "translate", "[..., H, W]")
    if not (isinstance(shift, (tuple, list)) and len(shift) == 2
            and all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in shift)):
        raise TypeError(f"translate: expected shift=(down, right) as two integers, got {shift!r}")
    dy, dx = int(shift[0]), int(shift[1])
    if mode == "circular":
        if is_tensor(x):
            return torch.roll(x, shifts=(dy, dx), dims=(-2, -1))
        return np.roll(x, (dy, dx), axis=(-2, -1))
    if mode != "zero":
        raise ValueError(f"translate: expected mode 'circular' or 'zero', got {mode!r}")
    h, w = x.shape[-2], x.shape[-1]
    out = torch.zeros_like(x) if is_tensor(x) else np.zeros_like(x)
    src_rows, dst_rows = _overlap(h, dy)
    src_cols, dst_cols = _overlap(w, dx)
    out[..., dst_rows, dst_cols] = x[..., src_rows, src_cols]
    return out


def _overlap(n: int, shift: int) -> tuple[slice, slice]:
    """Source and destination slices of a length-``n`` axis moved by ``shift`` with zero fill."""
    if abs(shift) >= n:
        return slice(0, 0), slice(0, 0)
    if shift >= 0:
        return slice(0, n - shift), slice(shift, n)
    return slice(-shift, n), slice(0, n + shift)


def _element(group, element) -> tuple[FiniteGroup, int]:
    H = stabiliser(group)
    return H, H.index(element)


def transform_image(x, element, group: str = "p4"):
    """:math:`T_g x`: apply the stabiliser element ``g`` of ``group`` to a square image ``[..., N, N]``.

    ``element`` is an index (``r`` for p4, ``4m + r`` for p4m) or, for p4m, a pair ``(m, r)``.
    """
    H, index = _element(group, element)
    x = as_array(x, "transform_image")
    check_ndim(x, tuple(range(2, 7)), "transform_image", "[..., H, W]")
    check_square(x, "transform_image")
    m, r = divmod(index, 4)
    out = rotate(x, r)
    return mirror(out) if m else out


def signal_permutation(element, group: str = "p4") -> np.ndarray:
    """The permutation of the group axis under :math:`L_g`: ``(L_g f)[h] <- f[perm[h]]``, ``perm[h] = g^-1 h``."""
    H, index = _element(group, element)
    inverse = H.inverse(index)
    return np.array([H.compose(inverse, h) for h in H.elements], dtype=np.int64)


def transform_signal(f, element, group: str = "p4"):
    """:math:`L_g f`: apply ``g`` to a signal on the group ``[..., |H|, N, N]``.

    ``(L_g f)[..., h, :, :] = T_g(f[..., g^-1 h, :, :])``.
    """
    H, index = _element(group, element)
    f = as_array(f, "transform_signal")
    check_ndim(f, tuple(range(3, 8)), "transform_signal", "[..., |H|, H, W]")
    check_group_axis(f, H.order, f"{group} (stabiliser {H.name})", "transform_signal")
    check_square(f, "transform_signal")
    perm = signal_permutation(index, group)
    permuted = f[..., torch.as_tensor(perm) if is_tensor(f) else perm, :, :]
    return transform_image(permuted, index, group)


def _rotate_tensor_by_angle(x, degrees: float, order: int):
    """:func:`rotate_by_angle` for a tensor, on its own device: ``F.affine_grid`` + ``F.grid_sample``.

    With ``align_corners=True`` the normalised coordinates of pixel ``(i, j)`` are
    ``((j - c) / c, (i - c) / c)``, ``c = (N - 1) / 2``, so the rotation is about the same
    centre as the NumPy path's, and ``padding_mode="zeros"`` gives the same zero corners.
    In these coordinates (y pointing down) the output at ``p`` reads the input at ``R^-1 p``
    with ``R^-1 = [[cos, -sin], [sin, cos]]``.
    """
    n = x.shape[-1]
    dtype = x.dtype if x.is_floating_point() else torch.float32
    if n == 1:  # a single pixel is its own centre
        return x.to(dtype).clone()
    flat = x.detach().reshape(-1, 1, n, n).to(dtype)
    theta = torch.tensor(np.deg2rad(degrees), dtype=torch.float64)
    cos, sin = float(torch.cos(theta)), float(torch.sin(theta))
    matrix = torch.tensor([[cos, -sin, 0.0], [sin, cos, 0.0]], dtype=dtype, device=x.device)
    grid = F.affine_grid(matrix.expand(len(flat), 2, 3), list(flat.shape), align_corners=True)
    out = F.grid_sample(flat, grid, mode="bilinear" if order == 1 else "nearest", padding_mode="zeros",
                        align_corners=True)
    return out.reshape(x.shape)


def disk_mask(size: int, radius: float | None = None) -> np.ndarray:
    """``[size, size]`` float32: 1 inside the disc of ``radius`` (default ``size / 2``) about the image centre.

    The centre is ``((size - 1) / 2, (size - 1) / 2)``, the point every rotation of this
    module turns about: on a pixel for odd sizes, between four pixels for even ones.  A
    disc-shaped image loses nothing off the square when it is rotated, and quarter turns
    map the disc onto itself.
    """
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"disk_mask: expected a positive integer size, got {size!r}")
    radius = size / 2 if radius is None else float(radius)
    centre = (size - 1) / 2
    rows, cols = np.mgrid[:size, :size]
    return (((rows - centre) ** 2 + (cols - centre) ** 2) <= radius ** 2).astype(np.float32)


def rotate_by_angle(x, degrees: float, order: int = 1):
    """Rotate a square image ``[..., N, N]`` counter-clockwise by any angle, about its centre.

    Angles that are multiples of 90 degrees are exact (they call :func:`rotate`); any
    other angle needs interpolation between pixels (``order=1``: bilinear, ``order=0``:
    nearest), and what leaves the square is lost while the corners fill with zeros.  This
    is why equivariance to such rotations can only be approximate (chapter 10).  A tensor
    is rotated on its own device by ``torch.nn.functional.grid_sample``; a NumPy array by
    the same bilinear rule written out in NumPy.
    """
    x = as_array(x, "rotate_by_angle")
    check_ndim(x, tuple(range(2, 7)), "rotate_by_angle", "[..., H, W]")
    check_square(x, "rotate_by_angle")
    if order not in (0, 1):
        raise ValueError(f"rotate_by_angle: expected order 0 (nearest) or 1 (bilinear), got {order!r}")
    quarter, rest = divmod(float(degrees), 90.0)
    if rest == 0.0:
        return rotate(x, int(quarter) % 4)
    if is_tensor(x):
        return _rotate_tensor_by_angle(x, float(degrees), order)
    n = x.shape[-1]
    c = (n - 1) / 2
    theta = np.deg2rad(degrees)
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    px, py = j - c, c - i  # x right, y up (the notation page's coordinates)
    # the value shown at p comes from R^-1 p
    sx = np.cos(theta) * px + np.sin(theta) * py
    sy = -np.sin(theta) * px + np.cos(theta) * py
    rows, cols = c - sy, sx + c
    if order == 0:
        rows, cols = np.rint(rows), np.rint(cols)
    r0, c0 = np.floor(rows).astype(int), np.floor(cols).astype(int)
    fr, fc = rows - r0, cols - c0
    out = np.zeros(x.shape, dtype=np.result_type(x.dtype, np.float32))
    for dr, wr in ((0, 1 - fr), (1, fr)):
        for dc, wc in ((0, 1 - fc), (1, fc)):
            rr, cc = r0 + dr, c0 + dc
            inside = (rr >= 0) & (rr < n) & (cc >= 0) & (cc < n) & (wr * wc > 0)
            weight = np.where(inside, wr * wc, 0.0).astype(out.dtype)
            out += x[..., np.clip(rr, 0, n - 1), np.clip(cc, 0, n - 1)] * weight
    return out
