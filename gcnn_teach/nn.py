"""PyTorch layers and models for G-CNNs on p4 and p4m.

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

from ._validate import check_int_at_least
from .actions import transform_image, transform_signal
from .groups import stabiliser

__all__ = [
    "lifting_filter_indices",
    "group_filter_indices",
    "LiftingConv2d",
    "GroupConv2d",
    "GroupPool",
    "GroupMaxPool2d",
    "group_pool",
    "group_max_pool2d",
    "P4ConvZ2",
    "P4ConvP4",
    "P4MConvZ2",
    "P4MConvP4M",
    "groupy_relabelling",
    "weight_from_groupy",
    "weight_to_groupy",
    "Z2CNN",
    "P4CNN",
    "count_parameters",
]


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
        fan_in = math.prod(self.weight.shape[1:])
        nn.init.normal_(self.weight, std=math.sqrt(2.0 / fan_in))
        if self.bias is not None:
            nn.init.zeros_(self.bias)

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

    Equivariant to rotations only when the pooling windows tile the image symmetrically,
    e.g. size 2, stride 2 on an even-sized input (chapter 8 shows an odd size failing).
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
    from ._validate import as_array

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


# -- the paper's rotated-MNIST models ---------------------------------------------------

def count_parameters(model: nn.Module) -> int:
    """The number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def _spatial_plan(input_size: int, layers: int, pool_after: int) -> int:
    """The spatial size left before the last layer of the Z2CNN/P4CNN stack (3x3 valid convs, one 2x2 pool)."""
    size = input_size
    for layer in range(1, layers):
        size -= 2
        if layer == pool_after:
            if size % 2:
                raise ValueError(
                    f"input_size={input_size}: the 2x2 pooling after layer {pool_after} would see an odd "
                    f"size {size}, whose pooling grid is not symmetric under rotation; use an input size "
                    f"with (input_size - {2 * pool_after}) even"
                )
            size //= 2
    if size < 1:
        raise ValueError(f"input_size={input_size} is too small for {layers} layers of 3x3 convolutions")
    return size


class Z2CNN(nn.Module):
    """The paper's baseline for rotated MNIST: 7 layers of 3x3 correlations (the last one
    covers what is left of the image, 4x4 for 28x28 inputs), ``channels`` channels,
    batch normalisation, ReLU, 2x2 max pooling after layer 2, dropout (rate 0.3 as in the
    paper's code, here after every hidden layer; the paper's code skips it after layer 2);
    logits ``[B, classes]``.
    """

    # a classifier's logits: the only action on them a symmetry can have is "do nothing"
    input_kind, output_kind = "image", "invariant"

    def __init__(self, in_channels: int = 1, num_classes: int = 10, channels: int = 20,
                 input_size: int = 28, layers: int = 7, dropout: float = 0.3, pool_after: int = 2):
        super().__init__()
        last = _spatial_plan(input_size, layers, pool_after)
        self.pool_after = pool_after
        self.convs = nn.ModuleList()
        self.norms = nn.ModuleList()
        c = in_channels
        for _ in range(layers - 1):
            self.convs.append(nn.Conv2d(c, channels, 3, bias=False))
            self.norms.append(nn.BatchNorm2d(channels))
            c = channels
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Conv2d(c, num_classes, last)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Initialise every correlation as the group layers are (N(0, 2 / fan_in), zero bias), so
        that comparisons between Z2CNN and P4CNN, trained or not, start alike."""
        for conv in [*self.convs, self.head]:
            nn.init.normal_(conv.weight, std=math.sqrt(2.0 / conv.weight[0].numel()))
            if conv.bias is not None:
                nn.init.zeros_(conv.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i, (conv, norm) in enumerate(zip(self.convs, self.norms), start=1):
            x = self.dropout(F.relu(norm(conv(x))))
            if i == self.pool_after:
                x = F.max_pool2d(x, 2)
        return self.head(x).flatten(1)


class P4CNN(nn.Module):
    """The paper's P4CNN: every layer of :class:`Z2CNN` replaced by its p4 (or p4m) version.

    ``channels`` defaults to ``round(20 / sqrt(|H|))`` (10 for p4, 7 for p4m) so that the
    number of parameters stays close to Z2CNN's (20 with ``rotation_pooling``); batch normalisation shares its statistics
    over the group axis (``BatchNorm3d`` on ``[B, C, |H|, H, W]``) to stay equivariant.
    The last layer's ``|H|`` maps per class are max-pooled over the group: the logits are
    invariant to rotations (and mirrorings, for p4m) of the input.

    With ``rotation_pooling=True``, every layer's output is pooled over the group axis and
    the next layer is a plain lifting layer again (the paper's "P4CNNRotationPooling").

    ``dropout`` defaults to 0: the paper's P4CNN has none (in its code, gconv_experiments'
    ``MNIST_ROT/models/P4CNN.py``, the dropout lines are commented out), while its Z2CNN
    uses 0.3, which is :class:`Z2CNN`'s default.
    """

    input_kind, output_kind = "image", "invariant"

    def __init__(self, in_channels: int = 1, num_classes: int = 10, channels: int | None = None,
                 input_size: int = 28, layers: int = 7, dropout: float = 0.0, pool_after: int = 2,
                 group: str = "p4", rotation_pooling: bool = False):
        super().__init__()
        H = stabiliser(group)
        if channels is None:
            # with rotation pooling every layer is a lifting layer, whose weights are Z2CNN-sized
            channels = 20 if rotation_pooling else round(20 / math.sqrt(H.order))
        last = _spatial_plan(input_size, layers, pool_after)
        self.group, self.pool_after, self.rotation_pooling = group, pool_after, rotation_pooling
        self.convs = nn.ModuleList()
        self.norms = nn.ModuleList()
        c = in_channels
        for i in range(layers - 1):
            lifting = i == 0 or rotation_pooling
            layer = LiftingConv2d if lifting else GroupConv2d
            self.convs.append(layer(c, channels, 3, group=group, bias=False))
            self.norms.append(nn.BatchNorm3d(channels))
            c = channels
        self.dropout = nn.Dropout(dropout)
        head = LiftingConv2d if rotation_pooling else GroupConv2d
        self.head = head(c, num_classes, last, group=group)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i, (conv, norm) in enumerate(zip(self.convs, self.norms), start=1):
            x = self.dropout(F.relu(norm(conv(x))))
            if i == self.pool_after:
                x = group_max_pool2d(x, 2)
            if self.rotation_pooling:
                x = group_pool(x, "max")
        # [B, classes, |H|, 1, 1] -> pool over the group -> invariant logits [B, classes]
        return group_pool(self.head(x), "max").flatten(1)
