"""The group layers in PyTorch: lifting and group correlations, pooling over the group.

The layers compute exactly the NumPy reference of :mod:`gcnn_teach.correlate` (tests check
it on shared weights), but fast: as in GrouPy, the transformed filter bank is built once per
forward pass by *gathering* the weights with precomputed index arrays, and then a single
``F.conv2d`` does all the work.  The index arrays are made by applying the very same group
action (:func:`gcnn_teach.actions.transform_image` / ``transform_signal``) to an array of
indices ``0, 1, 2, ...``, so there is one definition of how a filter moves.

Shapes (batch first): images ``[B, C, H, W]``, signals on the group ``[B, C, |H|, H, W]``.
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .._validate import check_int_at_least
from ..actions import transform_image, transform_signal
from ..groups import stabiliser


__all__ = [
    "lifting_filter_indices",
    "group_filter_indices",
    "LiftingConv2d",
    "GroupConv2d",
    "GroupPool",
    "GroupMaxPool2d",
    "group_pool",
    "group_max_pool2d",
    "he_initialise",
    "pooling_grid_fits",
]


# -- initialisation -------------------------------------------------------------------

def _he_normal(module: nn.Module) -> None:
    """Draw ``module.weight`` from N(0, 2 / fan_in), where the fan-in is everything one output
    value sums over (``weight[0].numel()``), and zero its bias; in place."""
    nn.init.normal_(module.weight, std=math.sqrt(2.0 / module.weight[0].numel()))
    if module.bias is not None:
        nn.init.zeros_(module.bias)


def he_initialise(model: nn.Module) -> nn.Module:
    """Re-draw every ``nn.Conv2d`` and ``nn.Linear`` weight of ``model`` as the group layers are drawn:
    N(0, 2 / fan_in), biases 0; in place.  Returns ``model``.

    PyTorch's default for ``nn.Conv2d`` draws smaller weights, so an untrained plain CNN's
    signal fades layer by layer and its logits are nearly the same for every input, which
    would make it look more invariant than it is.  Comparing *untrained* networks is only
    fair when both are initialised alike.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"he_initialise: expected a torch.nn.Module, got {type(model).__name__}")
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            _he_normal(module)
    return model


# -- index arrays: how a filter moves, as a gather ------------------------------------

def lifting_filter_indices(group: str, kernel_size: int) -> np.ndarray:
    """``idx[g, a, b]``: where ``(T_g w)[a, b]`` reads from the flattened ``k x k`` filter."""
    H = stabiliser(group)
    flat = np.arange(kernel_size * kernel_size).reshape(kernel_size, kernel_size)
    return np.stack([transform_image(flat, g, group) for g in H.elements]).copy()


def group_filter_indices(group: str, kernel_size: int) -> np.ndarray:
    """``idx[g, h, a, b]``: where ``(L_g w)[h, a, b]`` reads from the flattened ``|H| x k x k`` filter."""
    H = stabiliser(group)
    flat = np.arange(H.order * kernel_size * kernel_size).reshape(H.order, kernel_size, kernel_size)
    return np.stack([transform_signal(flat, g, group) for g in H.elements]).copy()


def _check_input(x: torch.Tensor, ndim: int, channels: int, layout: str, name: str, order: int | None = None):
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name}: expected a torch.Tensor {layout}, got {type(x).__name__}")
    if x.ndim != ndim:
        raise ValueError(f"{name}: expected a {ndim}-dimensional input {layout}, got shape {tuple(x.shape)}")
    if x.shape[1] != channels:
        raise ValueError(f"{name}: expected {channels} input channels at axis 1 {layout}, got shape {tuple(x.shape)}")
    if order is not None and x.shape[2] != order:
        raise ValueError(
            f"{name}: expected a group axis of length |H| = {order} at axis 2 {layout}, got shape {tuple(x.shape)}"
        )


def _check_sizes(in_channels, out_channels, kernel_size, stride, padding, name):
    for label, value, low in (("in_channels", in_channels, 1), ("out_channels", out_channels, 1),
                              ("kernel_size", kernel_size, 1), ("stride", stride, 1), ("padding", padding, 0)):
        check_int_at_least(value, low, name, label)


class _GroupConvBase(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, group, stride, padding, bias, weight_shape, indices):
        super().__init__()
        name = type(self).__name__
        _check_sizes(in_channels, out_channels, kernel_size, stride, padding, name)
        self.stabiliser = stabiliser(group)
        self.group = group
        self.in_channels, self.out_channels = int(in_channels), int(out_channels)
        self.kernel_size, self.stride, self.padding = int(kernel_size), int(stride), int(padding)
        self.weight = nn.Parameter(torch.empty(weight_shape))
        # one bias per output channel, shared by all |H| maps: a bias per map would break equivariance
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None
        # persistent=False: derived from the group, so not stored in the state dict
        self.register_buffer("indices", torch.as_tensor(indices, dtype=torch.long), persistent=False)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        # He-style initialisation on the true fan-in (every input channel and group element)
        _he_normal(self)

    def _finish(self, out: torch.Tensor) -> torch.Tensor:
        b, _, h, w = out.shape
        out = out.view(b, self.out_channels, self.stabiliser.order, h, w)
        if self.bias is not None:
            out = out + self.bias.view(1, -1, 1, 1, 1)
        return out

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"group={self.group!r}, stride={self.stride}, padding={self.padding}, bias={self.bias is not None}")


class LiftingConv2d(_GroupConvBase):
    """The lifting correlation :math:`\\mathbb{Z}^2 \\to G` (first layer).

    ``.weight``: ``[C_out, C_in, k, k]``.  Input ``[B, C_in, H, W]`` -> output
    ``[B, C_out, |H|, H', W']`` with ``out[:, o, g] = corr(x, T_g w[o])``.
    """

    # what it takes and gives, read by gcnn_teach.equivariance.check_equivariance
    input_kind, output_kind = "image", "signal"

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, group: str = "p4",
                 padding: int = 0, bias: bool = True, stride: int = 1):
        H = stabiliser(group)
        super().__init__(in_channels, out_channels, kernel_size, group, stride, padding, bias,
                         (out_channels, in_channels, kernel_size, kernel_size),
                         lifting_filter_indices(group, kernel_size))
        self.order = H.order

    def filter_bank(self) -> torch.Tensor:
        """The expanded bank ``[C_out * |H|, C_in, k, k]``: ``bank[o * |H| + g] = T_g w[o]``."""
        c_out, c_in, k, _ = self.weight.shape
        flat = self.weight.reshape(c_out, c_in, k * k)
        bank = flat[:, :, self.indices]  # [C_out, C_in, |H|, k, k]
        return bank.transpose(1, 2).reshape(c_out * self.order, c_in, k, k)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _check_input(x, 4, self.in_channels, "[B, C_in, H, W]", type(self).__name__)
        out = F.conv2d(x, self.filter_bank(), stride=self.stride, padding=self.padding)
        return self._finish(out)


class GroupConv2d(_GroupConvBase):
    """The group correlation :math:`G \\to G` (later layers).

    ``.weight``: ``[C_out, C_in, |H|, k, k]``.  Input ``[B, C_in, |H|, H, W]`` -> output
    ``[B, C_out, |H|, H', W']`` with ``out[:, o, g] = sum_c sum_h corr(f[:, c, h], (L_g w[o, c])[h])``.
    """

    input_kind, output_kind = "signal", "signal"

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, group: str = "p4",
                 padding: int = 0, bias: bool = True, stride: int = 1):
        H = stabiliser(group)
        super().__init__(in_channels, out_channels, kernel_size, group, stride, padding, bias,
                         (out_channels, in_channels, H.order, kernel_size, kernel_size),
                         group_filter_indices(group, kernel_size))
        self.order = H.order

    def filter_bank(self) -> torch.Tensor:
        """The expanded bank ``[C_out * |H|, C_in * |H|, k, k]``: block ``[o, g, c, h] = (L_g w[o, c])[h]``."""
        c_out, c_in, n, k, _ = self.weight.shape
        flat = self.weight.reshape(c_out, c_in, n * k * k)
        bank = flat[:, :, self.indices]  # [C_out, C_in, |H| (g), |H| (h), k, k]
        return bank.transpose(1, 2).reshape(c_out * n, c_in * n, k, k)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _check_input(x, 5, self.in_channels, "[B, C_in, |H|, H, W]", type(self).__name__, self.order)
        b, c, n, h, w = x.shape
        out = F.conv2d(x.reshape(b, c * n, h, w), self.filter_bank(), stride=self.stride, padding=self.padding)
        return self._finish(out)


# -- pooling ----------------------------------------------------------------------------

def pooling_grid_fits(size: int, kernel_size: int, stride: int | None = None, padding: int = 0) -> bool:
    """Whether pooling windows on an axis of ``size`` pixels map onto themselves when the axis is reversed.

    The windows start at ``-padding + stride * i`` and are ``kernel_size`` wide.  A
    rotation by 90 degrees reverses one spatial axis, so pooling commutes with it exactly
    when the set of windows is symmetric about the centre of the axis, which happens
    exactly when the last window ends on the last (padded) pixel::

        (size + 2 * padding - kernel_size) % stride == 0

    Otherwise the rows (or columns) left over at the far end are never pooled, and after a
    rotation they are the ones at the near end: different pixels are dropped.  With
    ``stride = 2`` padding cannot help (it adds an even number of pixels); the parity of
    ``size - kernel_size`` decides.  The same rule holds for any strided window, a strided
    convolution's included.
    """
    size = check_int_at_least(size, 1, "pooling_grid_fits", "size")
    kernel_size = check_int_at_least(kernel_size, 1, "pooling_grid_fits", "kernel_size")
    stride = kernel_size if stride is None else check_int_at_least(stride, 1, "pooling_grid_fits", "stride")
    padding = check_int_at_least(padding, 0, "pooling_grid_fits", "padding")
    span = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError(f"pooling_grid_fits: a window of {kernel_size} does not fit in {size} pixels "
                         f"with padding {padding}")
    return span % stride == 0

def group_pool(x: torch.Tensor, mode: str = "max") -> torch.Tensor:
    """Pool a signal ``[B, C, |H|, H, W]`` over the group axis -> an image ``[B, C, H, W]``.

    The result is *invariant* to the permutation of the group axis, so ``L_g`` on the
    input becomes ``T_g`` on the output: rotate-and-cycle turns into plain rotation.
    """
    if not isinstance(x, torch.Tensor) or x.ndim != 5:
        raise ValueError(f"group_pool: expected a tensor [B, C, |H|, H, W], got "
                         f"{tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__}")
    if mode == "max":
        return x.amax(dim=2)
    if mode == "mean":
        return x.mean(dim=2)
    raise ValueError(f"group_pool: expected mode 'max' or 'mean', got {mode!r}")


def group_max_pool2d(x: torch.Tensor, kernel_size: int, stride: int | None = None, padding: int = 0) -> torch.Tensor:
    """Spatial max pooling of every map of a signal ``[B, C, |H|, H, W]``.

    Equivariant to rotations exactly when the pooling windows tile the image symmetrically
    (:func:`pooling_grid_fits`), e.g. size 2, stride 2 on an even-sized input (chapter 8
    shows an odd size failing).
    """
    if not isinstance(x, torch.Tensor) or x.ndim != 5:
        raise ValueError(f"group_max_pool2d: expected a tensor [B, C, |H|, H, W], got "
                         f"{tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__}")
    b, c, n, h, w = x.shape
    out = F.max_pool2d(x.reshape(b, c * n, h, w), kernel_size, stride, padding)
    return out.view(b, c, n, *out.shape[-2:])


class GroupPool(nn.Module):
    """Module form of :func:`group_pool` (``mode`` is ``"max"`` or ``"mean"``)."""

    input_kind, output_kind = "signal", "image"

    def __init__(self, mode: str = "max"):
        super().__init__()
        if mode not in ("max", "mean"):
            raise ValueError(f"GroupPool: expected mode 'max' or 'mean', got {mode!r}")
        self.mode = mode

    def forward(self, x):
        return group_pool(x, self.mode)

    def extra_repr(self):
        return f"mode={self.mode!r}"


class GroupMaxPool2d(nn.Module):
    """Module form of :func:`group_max_pool2d`."""

    input_kind, output_kind = "signal", "signal"

    def __init__(self, kernel_size: int, stride: int | None = None, padding: int = 0):
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def forward(self, x):
        return group_max_pool2d(x, self.kernel_size, self.stride, self.padding)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


