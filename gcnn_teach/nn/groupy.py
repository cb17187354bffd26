"""GrouPy, the paper's code: its layer names, and its weights in our labels."""

from __future__ import annotations


import numpy as np
import torch

from .._validate import as_array
from ..groups import stabiliser
from .layers import LiftingConv2d, GroupConv2d


__all__ = [
    "P4ConvZ2",
    "P4ConvP4",
    "P4MConvZ2",
    "P4MConvP4M",
    "groupy_relabelling",
    "weight_from_groupy",
    "weight_to_groupy",
]


# -- GrouPy: its layer names, and its weights in our labels -----------------------------
#
# GrouPy (the paper's code) and this package compute the same layers, but label the
# elements of D4 differently.  Both write an element as the matrix of the paper's eq. 2,
# M^m R^r, acting on coordinates; GrouPy's coordinates are (u, v) = (row, column)
# (groupy/garray/p4m_array.py; groupy/gfunc/p4mfunc_array.py stores the element at index
# 4m + r), ours are (x, y) = (column, -row).  The rotation R is the same quarter turn,
# counter-clockwise as displayed, in both; the mirror M negates the first coordinate, which
# is the row for GrouPy (flip up-down) and the column for us (flip left-right).  Since
# flipud = fliplr o rot180, GrouPy's (m, r) is our (m, r + 2m mod 4).  For p4 nothing changes.

_LAYERS = ("lifting", "group")


def groupy_relabelling(group: str) -> np.ndarray:
    """``perm[i]``: our index of the stabiliser element that GrouPy stores at index ``i``.

    GrouPy's element ``(m, r)`` (index ``4m + r``: rotate by ``r`` quarter turns, then, if
    ``m = 1``, flip up-down) is our ``(m, r + 2m mod 4)`` (rotate, then flip left-right).
    For p4 it is the identity; for p4m it swaps ``(1, r)`` and ``(1, r + 2)``, so it is its own
    inverse.  A GrouPy signal ``f [B, C, |H|, H, W]`` in our labels is ``out[:, :, perm] = f``,
    which, the permutation being an involution, is also ``f[:, :, perm]``.
    """
    order = stabiliser(group).order  # raises ValueError for an unknown group
    return np.array([4 * (i // 4) + (i % 4 + 2 * (i // 4)) % 4 for i in range(order)])


def _convert_groupy_weight(w, group: str, layer: str, to_groupy: bool, name: str):
    w = as_array(w, name)
    order = stabiliser(group).order
    if layer not in _LAYERS:
        raise ValueError(f"{name}: expected layer 'lifting' or 'group', got {layer!r}")
    if layer == "lifting":
        ours, theirs = "[C_out, C_in, k, k]", "[C_out, C_in, 1, k, k]"
        expected_ndim, axis_length = (4, None) if to_groupy else (5, 1)
    else:
        ours = theirs = f"[C_out, C_in, |H| = {order}, k, k]"
        expected_ndim, axis_length = 5, order
    layout = ours if to_groupy else theirs
    if w.ndim != expected_ndim or (axis_length is not None and w.shape[2] != axis_length) \
            or w.shape[-1] != w.shape[-2]:
        raise ValueError(f"{name}: expected a {layer} weight {layout} for {group}, got shape {tuple(w.shape)}")
    if layer == "lifting":
        return w[:, :, None] if to_groupy else w[:, :, 0]
    perm = groupy_relabelling(group)  # an involution: the same permutation both ways
    index = torch.as_tensor(perm, device=w.device) if isinstance(w, torch.Tensor) else perm
    return w[:, :, index]


def weight_from_groupy(w, group: str, layer: str):
    """A GrouPy layer's weight ``W`` as the ``.weight`` of our layer (NumPy or torch, as given).

    ``layer="lifting"`` (GrouPy's ``P4ConvZ2``/``P4MConvZ2``): ``[C_out, C_in, 1, k, k]`` ->
    ``[C_out, C_in, k, k]``.  ``layer="group"`` (``P4ConvP4``/``P4MConvP4M``):
    ``[C_out, C_in, |H|, k, k]`` -> the same shape with the group axis relabelled by
    :func:`groupy_relabelling` (no change for p4).  With the converted weight our layer's
    output is GrouPy's output with its group axis relabelled the same way.
    """
    return _convert_groupy_weight(w, group, layer, to_groupy=False, name="weight_from_groupy")


def weight_to_groupy(w, group: str, layer: str):
    """The inverse of :func:`weight_from_groupy`: our ``.weight`` as GrouPy's ``W``."""
    return _convert_groupy_weight(w, group, layer, to_groupy=True, name="weight_to_groupy")


# GrouPy's keywords that these layers do not take, and what to do instead
_GROUPY_UNSUPPORTED = {
    "filter_mask": "multiply .weight by your mask instead",
    "flat_channels": "the output is always [B, C, |H|, H, W]; call .flatten(1, 2) on it for [B, C |H|, H, W]",
    "wscale": "weights are drawn from N(0, 2 / fan_in) (GrouPy: N(0, wscale^2 / fan_in)); re-draw .weight to change it",
    "use_cudnn": "PyTorch chooses the convolution routine itself",
    "dtype": "call .double() (or .to(dtype)) on the layer",
}


_ALIAS_DOC = """GrouPy's ``{name}`` ({what}), as a :class:`{base}` with ``group="{group}"``.

    Takes GrouPy's constructor keywords ``(in_channels, out_channels, ksize=3, stride=1,
    pad=0, nobias=False, initialW=None, initial_bias=None)``; everything after ``ksize`` is
    keyword-only, because GrouPy's fourth positional argument is ``filter_mask``.
    ``initialW`` is in GrouPy's layout and labels (``{groupy_shape}``) and is converted with
    :func:`weight_from_groupy`.  Not taken (``TypeError`` saying what to do instead):
    ``filter_mask``, ``flat_channels``, ``wscale``, ``use_cudnn``, ``dtype``.  Weights are
    drawn from N(0, 2 / fan_in), GrouPy's from N(0, wscale^2 / fan_in).{labels}
"""

_P4M_LABELS = """

    For p4m the group axes are in our labels: GrouPy's map ``(m, r)`` is our
    ``(m, r + 2m mod 4)`` (:func:`groupy_relabelling`)."""


class _GroupyAlias:
    """Mixin: GrouPy's constructor keywords mapped onto :class:`LiftingConv2d` / :class:`GroupConv2d`."""

    _groupy_group: str
    _groupy_layer: str

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        lifting = cls._groupy_layer == "lifting"
        order = stabiliser(cls._groupy_group).order
        cls.__doc__ = _ALIAS_DOC.format(
            name=cls.__name__, what=f"the {cls._groupy_group} {cls._groupy_layer} layer",
            base="LiftingConv2d" if lifting else "GroupConv2d", group=cls._groupy_group,
            groupy_shape=f"[C_out, C_in, {1 if lifting else order}, k, k]",
            labels=_P4M_LABELS if cls._groupy_group == "p4m" else "")

    def __init__(self, in_channels, out_channels, ksize=3, *, stride=1, pad=0, nobias=False,
                 initialW=None, initial_bias=None, **unsupported):
        name = type(self).__name__
        for key in unsupported:
            if key in _GROUPY_UNSUPPORTED:
                raise TypeError(f"{name}: GrouPy's keyword {key!r} is not supported here; {_GROUPY_UNSUPPORTED[key]}")
            raise TypeError(f"{name}: unexpected keyword {key!r}; expected in_channels, out_channels, ksize, "
                            f"stride, pad, nobias, initialW or initial_bias")
        super().__init__(in_channels, out_channels, ksize, self._groupy_group, padding=pad,
                         bias=not nobias, stride=stride)
        with torch.no_grad():
            if initialW is not None:
                weight = weight_from_groupy(torch.as_tensor(np.asarray(initialW) if not isinstance(initialW, torch.Tensor)
                                                            else initialW), self._groupy_group, self._groupy_layer)
                if tuple(weight.shape) != tuple(self.weight.shape):
                    raise ValueError(f"{name}: initialW has shape {tuple(np.shape(initialW))}, which converts to "
                                     f"{tuple(weight.shape)}; expected {tuple(self.weight.shape)} in our layout")
                self.weight.copy_(weight)
            if initial_bias is not None:
                if nobias:
                    raise ValueError(f"{name}: initial_bias given with nobias=True")
                bias = torch.as_tensor(np.asarray(initial_bias) if not isinstance(initial_bias, torch.Tensor)
                                       else initial_bias)
                if tuple(bias.shape) != (self.out_channels,):
                    raise ValueError(f"{name}: expected initial_bias of shape ({self.out_channels},), "
                                     f"got {tuple(bias.shape)}")
                self.bias.copy_(bias)


class P4ConvZ2(_GroupyAlias, LiftingConv2d):
    _groupy_group, _groupy_layer = "p4", "lifting"


class P4MConvZ2(_GroupyAlias, LiftingConv2d):
    _groupy_group, _groupy_layer = "p4m", "lifting"


class P4ConvP4(_GroupyAlias, GroupConv2d):
    _groupy_group, _groupy_layer = "p4", "group"


class P4MConvP4M(_GroupyAlias, GroupConv2d):
    _groupy_group, _groupy_layer = "p4m", "group"


