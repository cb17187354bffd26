"""Approximate G-CNNs for C_N, N a multiple of 4: filters rotated by interpolation (chapter 10).

p4 stops at 90 degrees because quarter turns are the only rotations that map the pixel
grid onto itself.  The construction many course tutorials use to go further is to rotate
the filters by ``360 / N`` degrees *by interpolation* and otherwise build the layers exactly
as for p4: a lifting layer ``out[o, r] = corr(x, R_r w[o])`` and a group layer
``out[o, r] = sum_c sum_s corr(f[c, s], R_r w[o, c, (s - r) mod N])``, with ``R_r`` the rotation
by ``360 r / N`` degrees.

Here ``R_r`` is a fixed linear map of the ``k x k`` taps, stored once as a matrix (the
analogue of the index arrays of :mod:`gcnn_teach.nn`, with interpolation weights instead of
a permutation): the rotation by the smallest angle ``360 / N`` (up to ``90`` degrees
excluded) is :func:`gcnn_teach.actions.rotate_by_angle` (bilinear) applied to each basis
filter, and every further quarter turn is the exact ``rot90``.  So ``R_{r + N/4} = rot90 R_r``
holds exactly, and the layers are exactly equivariant to the quarter turns (the subgroup
C_4 of C_N), while for the other rotations they are only approximately so: the
interpolated rotations do not compose (``R_1 R_1 != R_2`` for N = 8) and the rotated input
is itself interpolated.  ``tests/test_approximate.py`` measures both.

Shapes as in :mod:`gcnn_teach.nn`: images ``[B, C, H, W]``, signals ``[B, C, N, H, W]``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ._validate import check_int_at_least
from .actions import rotate, rotate_by_angle
from .nn import group_max_pool2d, group_pool
from .nn.layers import _check_input, _check_sizes
from .nn.models import _spatial_plan

__all__ = [
    "filter_rotation_matrices",
    "rotate_c_n_image",
    "transform_c_n_signal",
    "c_n_transforms",
    "CNLiftingConv2d",
    "CNGroupConv2d",
    "CNCNN",
    "trained_angle_sweep",
]


def _check_n(n, name: str) -> int:
    n = check_int_at_least(n, 4, name, "n_rotations")
    if n % 4:
        raise ValueError(f"{name}: expected n_rotations to be a multiple of 4 (so that the quarter turns are "
                         f"among the rotations), got {n}")
    return n


def filter_rotation_matrices(kernel_size: int, n_rotations: int = 8) -> np.ndarray:
    """``M [N, k*k, k*k]`` with ``vec(R_r w) = M[r] @ vec(w)``: rotation by ``360 r / N`` degrees.

    ``R_r = rot90^q B_j`` for ``r = q N/4 + j``: ``B_j`` is the bilinear rotation by
    ``360 j / N`` degrees (:func:`gcnn_teach.actions.rotate_by_angle`, the identity for
    ``j = 0``), ``rot90^q`` the exact quarter turns.  ``M[r]`` is a permutation matrix exactly
    when ``r`` is a multiple of ``N/4``.
    """
    k = check_int_at_least(kernel_size, 1, "filter_rotation_matrices", "kernel_size")
    n = _check_n(n_rotations, "filter_rotation_matrices")
    quarter = n // 4
    basis = np.eye(k * k).reshape(k * k, k, k)  # basis[q] is the filter with a 1 at tap q
    matrices = np.empty((n, k * k, k * k))
    for r in range(n):
        turns, j = divmod(r, quarter)
        fine = rotate_by_angle(basis, 360.0 * j / n) if j else basis
        matrices[r] = rotate(fine, turns).reshape(k * k, k * k).T  # column q: the rotated basis filter q
    return matrices


def rotate_c_n_image(x, r: int, n_rotations: int = 8):
    """The image ``x [..., N, N]`` rotated by ``360 r / n_rotations`` degrees (exact for quarter turns)."""
    n = _check_n(n_rotations, "rotate_c_n_image")
    return rotate_by_angle(x, 360.0 * (int(r) % n) / n)


def transform_c_n_signal(f: torch.Tensor, r: int, n_rotations: int = 8) -> torch.Tensor:
    """``L_r`` on a C_N signal ``[..., N, H, W]``: cycle the rotation axis by ``r`` and rotate every map.

    ``(L_r f)[s] = R_r f[(s - r) mod N]``, with ``R_r`` as in :func:`rotate_c_n_image`: exact for
    quarter turns, interpolated (and so only approximately an action) otherwise.
    """
    n = _check_n(n_rotations, "transform_c_n_signal")
    if not isinstance(f, torch.Tensor) or f.ndim < 3 or f.shape[-3] != n:
        raise ValueError(f"transform_c_n_signal: expected a tensor [..., {n}, H, W], got "
                         f"{tuple(f.shape) if isinstance(f, torch.Tensor) else type(f).__name__}")
    return torch.as_tensor(rotate_c_n_image(torch.roll(f, int(r), dims=-3), r, n))


def c_n_transforms(kind: str, n_rotations: int = 8, elements: Sequence[int] | None = None
                   ) -> dict[str, Callable]:
    """``{label: transform}`` for :func:`gcnn_teach.equivariance.check_equivariance`.

    ``kind`` is ``"image"`` (:func:`rotate_c_n_image`), ``"signal"`` (:func:`transform_c_n_signal`)
    or ``"invariant"`` (do nothing); ``elements`` defaults to every rotation but the identity.
    Labels are the angles, e.g. ``'45 deg'``.
    """
    n = _check_n(n_rotations, "c_n_transforms")
    elements = range(1, n) if elements is None else elements
    actions = {"image": lambda y, r: rotate_c_n_image(y, r, n),
               "signal": lambda y, r: transform_c_n_signal(y, r, n),
               "invariant": lambda y, r: y}
    if kind not in actions:
        raise ValueError(f"c_n_transforms: expected kind 'image', 'signal' or 'invariant', got {kind!r}")
    act = actions[kind]
    return {f"{360 * r / n:g} deg": (lambda y, r=int(r): act(y, r)) for r in elements}


class _CNConvBase(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, n_rotations, stride, padding, bias, weight_shape):
        super().__init__()
        name = type(self).__name__
        _check_sizes(in_channels, out_channels, kernel_size, stride, padding, name)
        self.n_rotations = _check_n(n_rotations, name)
        self.in_channels, self.out_channels = int(in_channels), int(out_channels)
        self.kernel_size, self.stride, self.padding = int(kernel_size), int(stride), int(padding)
        self.weight = nn.Parameter(torch.empty(weight_shape))
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None  # one per channel, shared by N maps
        matrices = torch.as_tensor(filter_rotation_matrices(self.kernel_size, self.n_rotations), dtype=torch.float32)
        self.register_buffer("rotations", matrices, persistent=False)
        fan_in = math.prod(weight_shape[1:])
        nn.init.normal_(self.weight, std=math.sqrt(2.0 / fan_in))  # as the layers of gcnn_teach.nn

    def _finish(self, out: torch.Tensor) -> torch.Tensor:
        b, _, h, w = out.shape
        out = out.view(b, self.out_channels, self.n_rotations, h, w)
        return out if self.bias is None else out + self.bias.view(1, -1, 1, 1, 1)

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"n_rotations={self.n_rotations}, stride={self.stride}, padding={self.padding}, "
                f"bias={self.bias is not None}")


class CNLiftingConv2d(_CNConvBase):
    """Lifting layer for C_N with interpolated filter rotations: ``out[:, o, r] = corr(x, R_r w[o])``.

    ``.weight [C_out, C_in, k, k]``; input ``[B, C_in, H, W]`` -> ``[B, C_out, N, H', W']``.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, n_rotations: int = 8,
                 padding: int = 0, bias: bool = True, stride: int = 1):
        super().__init__(in_channels, out_channels, kernel_size, n_rotations, stride, padding, bias,
                         (out_channels, in_channels, kernel_size, kernel_size))

    def filter_bank(self) -> torch.Tensor:
        """``[C_out * N, C_in, k, k]``: ``bank[o * N + r] = R_r w[o]``."""
        c_out, c_in, k, _ = self.weight.shape
        rotations = self.rotations.to(self.weight.dtype)
        bank = torch.einsum("rpq,ocq->orcp", rotations, self.weight.reshape(c_out, c_in, k * k))
        return bank.reshape(c_out * self.n_rotations, c_in, k, k)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _check_input(x, 4, self.in_channels, "[B, C_in, H, W]", type(self).__name__)
        return self._finish(F.conv2d(x, self.filter_bank(), stride=self.stride, padding=self.padding))


class CNGroupConv2d(_CNConvBase):
    """Group layer for C_N with interpolated filter rotations.

    ``out[:, o, r] = sum_c sum_s corr(f[:, c, s], R_r w[o, c, (s - r) mod N])``.
    ``.weight [C_out, C_in, N, k, k]``; input ``[B, C_in, N, H, W]`` -> ``[B, C_out, N, H', W']``.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, n_rotations: int = 8,
                 padding: int = 0, bias: bool = True, stride: int = 1):
        n = _check_n(n_rotations, type(self).__name__)
        super().__init__(in_channels, out_channels, kernel_size, n, stride, padding, bias,
                         (out_channels, in_channels, n, kernel_size, kernel_size))
        cycle = (torch.arange(n)[None, :] - torch.arange(n)[:, None]) % n  # cycle[r, s] = (s - r) mod N
        self.register_buffer("cycle", cycle, persistent=False)

    def filter_bank(self) -> torch.Tensor:
        """``[C_out * N, C_in * N, k, k]``: block ``[o, r, c, s] = R_r w[o, c, (s - r) mod N]``."""
        c_out, c_in, n, k, _ = self.weight.shape
        cycled = self.weight.reshape(c_out, c_in, n, k * k)[:, :, self.cycle]  # [C_out, C_in, N (r), N (s), k*k]
        rotations = self.rotations.to(self.weight.dtype)
        bank = torch.einsum("rpq,ocrsq->orcsp", rotations, cycled)
        return bank.reshape(c_out * n, c_in * n, k, k)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _check_input(x, 5, self.in_channels, "[B, C_in, N, H, W]", type(self).__name__, self.n_rotations)
        b, c, n, h, w = x.shape
        out = F.conv2d(x.reshape(b, c * n, h, w), self.filter_bank(), stride=self.stride, padding=self.padding)
        return self._finish(out)


class CNCNN(nn.Module):
    """:class:`gcnn_teach.nn.P4CNN` with C_N layers (interpolated filters) in place of the p4 layers.

    Lifting layer, ``layers - 2`` group layers, each with ``BatchNorm3d`` (shared over the
    rotation axis) and ReLU, 2x2 max pooling after layer ``pool_after``, a last group layer
    covering what is left of the image, and a maximum over the N rotations of each class.
    ``channels`` defaults to ``round(20 / sqrt(N))`` (7 for C_8), the P4CNN's rule for equal
    parameters.  Invariant to quarter turns exactly (for any weights); to the other
    rotations of C_N only approximately.
    """

    input_kind, output_kind = "image", "invariant"  # invariance is exact for the quarter turns (group "p4")

    def __init__(self, in_channels: int = 1, num_classes: int = 10, channels: int | None = None,
                 input_size: int = 28, layers: int = 7, pool_after: int = 2, n_rotations: int = 8):
        super().__init__()
        n = _check_n(n_rotations, "CNCNN")
        channels = round(20 / math.sqrt(n)) if channels is None else channels
        last = _spatial_plan(input_size, layers, pool_after)
        self.pool_after, self.n_rotations = pool_after, n
        self.convs, self.norms = nn.ModuleList(), nn.ModuleList()
        c = in_channels
        for i in range(layers - 1):
            layer = CNLiftingConv2d if i == 0 else CNGroupConv2d
            self.convs.append(layer(c, channels, 3, n, bias=False))
            self.norms.append(nn.BatchNorm3d(channels))
            c = channels
        self.head = CNGroupConv2d(c, num_classes, last, n)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i, (conv, norm) in enumerate(zip(self.convs, self.norms), start=1):
            x = F.relu(norm(conv(x)))
            if i == self.pool_after:
                x = group_max_pool2d(x, 2)
        return group_pool(self.head(x), "max").flatten(1)  # [B, classes, N, 1, 1] -> [B, classes]


def trained_angle_sweep(models: dict[str, Callable[[], nn.Module]], data, angles: Sequence[float],
                        seeds: Sequence[int] = (0, 1, 2), n_train: int = 700, n_eval: int = 100,
                        epochs: int = 3, batch_size: int = 32, lr: float = 3e-3) -> dict:
    """Train every model once per seed and measure its invariance error against the angle.

    ``models`` maps a name to a function that builds the model; ``data`` is a
    :class:`gcnn_teach.data.rotated.DigitSplit`.  For each seed ``s`` the training set is the
    class-balanced subset of ``n_train`` of ``data``'s training images drawn with ``s``
    (:meth:`gcnn_teach.data.rotated.DigitSplit.subset`), and the model is built after ``torch.manual_seed(s)``: both the
    data and the initialisation change from seed to seed.  Each model is trained with
    :func:`gcnn_teach.training.train`, then, in evaluation mode, measured on the first
    ``n_eval`` test images with :func:`gcnn_teach.equivariance.invariance_error_vs_angle`.

    Returns ``{"errors": {name: [seeds, angles]}, "test_error": {name: [seeds]}, "seconds":
    {name: total training seconds}}``.
    """
    import time

    from .equivariance import invariance_error_vs_angle
    from .training import error_rate, train

    if not models:
        raise ValueError("trained_angle_sweep: expected at least one model")
    errors = {name: [] for name in models}
    test_error = {name: [] for name in models}
    seconds = {name: 0.0 for name in models}
    evaluation = torch.as_tensor(data.X_test[:n_eval])
    for seed in seeds:
        subset = data.subset(n_train, seed=seed)
        for name, build in models.items():
            torch.manual_seed(seed)
            model = build()
            start = time.perf_counter()
            train(model, subset.X_train, subset.y_train, epochs=epochs, batch_size=batch_size, lr=lr, seed=seed)
            seconds[name] += time.perf_counter() - start
            test_error[name].append(error_rate(model, data.X_test, data.y_test))
            errors[name].append(invariance_error_vs_angle(model.eval(), evaluation, angles))
    return {"errors": {name: np.array(values) for name, values in errors.items()},
            "test_error": {name: np.array(values) for name, values in test_error.items()},
            "seconds": seconds}
