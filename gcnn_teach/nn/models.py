"""The paper's rotated-MNIST models, Z2CNN and P4CNN, and what they cost in parameters."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from ..groups import stabiliser
from .layers import _he_normal, LiftingConv2d, GroupConv2d, pooling_grid_fits, group_pool, group_max_pool2d


__all__ = [
    "Z2CNN",
    "P4CNN",
    "count_parameters",
]


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
            if size >= 2 and not pooling_grid_fits(size, 2):
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
            _he_normal(conv)

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
