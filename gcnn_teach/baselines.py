"""The two model classes chapter 1 compares, and the 1-D curve fits it starts from.

* :class:`MLP`: a fully connected network.  It can represent any function of the pixels,
  so it has to learn separately what a digit looks like at every position of the canvas.
* :class:`SmallCNN`: two 3x3 correlations with ReLU, then a *global* max over all
  positions and a linear read-out.  The correlations are translation equivariant and the
  global max is translation invariant, so moving the digit cannot change the prediction
  as long as the edge of the canvas plays no part (``SmallCNN.exact_margin``,
  :func:`ink_margin`): the model class encodes the symmetry of the task.
* :func:`fit_polynomial`: least-squares polynomial fits on the real line, either in all
  powers of ``x`` or only in the even ones (a model class whose every member satisfies
  ``p(-x) = p(x)``).

Shapes (batch first): images ``[B, C, H, W]``, logits ``[B, classes]``.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

__all__ = ["MLP", "SmallCNN", "ink_margin", "fit_polynomial", "learning_curve"]


def _check_image_batch(x: torch.Tensor, channels: int, name: str) -> None:
    if not isinstance(x, torch.Tensor) or x.ndim != 4 or x.shape[1] != channels:
        raise ValueError(
            f"{name}: expected a tensor [B, {channels}, H, W], got "
            f"{tuple(getattr(x, 'shape', ())) or type(x).__name__}"
        )


class MLP(nn.Module):
    """Fully connected: flatten ``[B, C, S, S]``, one hidden ReLU layer, logits ``[B, classes]``.

    Its first layer has a separate weight for every (pixel, hidden unit) pair, so it has
    ``C * S * S * hidden`` weights there and grows with the canvas.
    """

    def __init__(self, input_size: int, in_channels: int = 1, hidden: int = 64, num_classes: int = 10):
        super().__init__()
        for name, value in (("input_size", input_size), ("in_channels", in_channels), ("hidden", hidden),
                            ("num_classes", num_classes)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"MLP: expected a positive integer {name}, got {value!r}")
        self.input_size, self.in_channels = input_size, in_channels
        self.hidden = nn.Linear(in_channels * input_size * input_size, hidden)
        self.out = nn.Linear(hidden, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _check_image_batch(x, self.in_channels, "MLP")
        if x.shape[-2:] != (self.input_size, self.input_size):
            raise ValueError(f"MLP: built for {self.input_size}x{self.input_size} images, got {tuple(x.shape[-2:])}")
        return self.out(F.relu(self.hidden(x.flatten(1))))


class SmallCNN(nn.Module):
    """Two 3x3 correlations (zero padding 1, ReLU), a global max over positions, a linear read-out.

    ``[B, C, H, W] -> [B, classes]`` for any ``H, W``: the number of parameters does not
    depend on the image size.  Without the global max (``features``) the map is
    translation equivariant away from the edge; with it the logits are translation invariant
    in this exact sense: ``model(x) == model(T_t x)`` whenever ``x`` and its zero-fill shift
    ``T_t x`` both keep every non-zero pixel at least ``exact_margin = 3`` pixels from every
    edge (:func:`ink_margin`), and the ink's bounding box, grown by 2 pixels, leaves some
    pixel of the canvas's interior uncovered (true for an 8x8 digit on a 16x16 canvas).

    Why 3: the first layer's zero padding is the zero world beyond the edge, so its output is
    exact; the second layer's padding is not (beyond the edge the first layer would output
    ReLU(bias), not 0), which changes the outputs on the border row; those border outputs
    see the first layer within 1 pixel of the edge, which sees the input within 2 pixels.
    """

    exact_margin = 3

    def __init__(self, in_channels: int = 1, channels: int = 16, num_classes: int = 10):
        super().__init__()
        for name, value in (("in_channels", in_channels), ("channels", channels), ("num_classes", num_classes)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"SmallCNN: expected a positive integer {name}, got {value!r}")
        self.in_channels = in_channels
        self.conv1 = nn.Conv2d(in_channels, channels, 3, padding=1)
        self.conv2 = nn.Conv2d(channels, 2 * channels, 3, padding=1)
        self.out = nn.Linear(2 * channels, num_classes)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """The feature maps ``[B, 2 * channels, H, W]`` before the global max (equivariant part)."""
        _check_image_batch(x, self.in_channels, "SmallCNN")
        return F.relu(self.conv2(F.relu(self.conv1(x))))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.features(x).amax(dim=(-2, -1)))


def ink_margin(images) -> np.ndarray:
    """Empty rows or columns between the ink and the nearest edge, for images ``[..., H, W]``.

    The number of all-zero rows (columns) above, below, left and right of the non-zero
    pixels, the smallest of the four; an image without ink gets ``min(H, W)``.  Returns an
    integer array of the leading shape.
    """
    x = np.asarray(images.detach().cpu() if isinstance(images, torch.Tensor) else images)
    if x.ndim < 2:
        raise ValueError(f"ink_margin: expected images [..., H, W], got shape {x.shape}")
    margins = []
    for axis in (-2, -1):
        ink = (x != 0).any(axis=-1 if axis == -2 else -2)     # [..., H] rows (or [..., W] columns) with ink
        n = ink.shape[-1]
        first, last = ink.argmax(axis=-1), n - 1 - ink[..., ::-1].argmax(axis=-1)
        blank = ~ink.any(axis=-1)
        margins.append(np.where(blank, min(x.shape[-2:]), np.minimum(first, n - 1 - last)))
    return np.minimum(*margins).astype(np.int64)


def fit_polynomial(x, y, degree: int, even: bool = False) -> Callable[[np.ndarray], np.ndarray]:
    """Least-squares fit of ``y ~ p(x)``; returns ``p`` as a vectorised function.

    ``even=False``: ``p(x) = sum_{k=0}^{degree} c_k x^k`` (``degree + 1`` coefficients).
    ``even=True``: ``p(x) = sum_{k=0}^{degree} c_k x^{2k}``, so ``p(-x) = p(x)`` for every
    choice of coefficients.  With as many coefficients as points, the fit interpolates.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or x.shape != y.shape or len(x) == 0:
        raise ValueError(f"fit_polynomial: expected two 1-D arrays of the same length, got shapes {x.shape} and {y.shape}")
    if isinstance(degree, bool) or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError(f"fit_polynomial: expected a non-negative integer degree, got {degree!r}")
    if degree + 1 > len(x):
        raise ValueError(f"fit_polynomial: {degree + 1} coefficients are not determined by {len(x)} points")
    variable = x * x if even else x
    # Polynomial.fit rescales the variable to [-1, 1] first, which keeps the fit well conditioned
    poly = np.polynomial.Polynomial.fit(variable, y, degree)

    def p(t):
        t = np.asarray(t, dtype=np.float64)
        return poly(t * t if even else t)

    return p


def learning_curve(make_model: Callable[[], nn.Module], data, sizes, seeds=(0,), steps: int = 300,
                   batch_size: int = 64, lr: float = 3e-3) -> dict[str, np.ndarray]:
    """Train a fresh model on the first ``n`` training examples of ``data`` for every ``n``
    in ``sizes`` and every seed; return train and test accuracies ``[len(seeds), len(sizes)]``.

    ``data`` has ``train_subset(n)``, ``X_test`` and ``y_test`` (e.g.
    :func:`gcnn_teach.data.canvas.canvas_digits`).  Every run takes about the same number of
    gradient ``steps`` (``epochs = steps / batches per epoch``), so small training sets are
    seen many times and no size is favoured by a longer training
    (:func:`gcnn_teach.training.epochs_for_steps`, which chapter 11's sweep uses too).  ``torch.manual_seed(seed)``
    is set before each model is built, so the runs are reproducible on a given machine.
    """
    from .training import accuracy, epochs_for_steps, train

    sizes = [int(n) for n in sizes]
    result = {"train": np.zeros((len(seeds), len(sizes))), "test": np.zeros((len(seeds), len(sizes)))}
    for i, seed in enumerate(seeds):
        for j, n in enumerate(sizes):
            X, y = data.train_subset(n)
            torch.manual_seed(seed)
            model = make_model()
            train(model, X, y, epochs=epochs_for_steps(steps, n, batch_size), batch_size=batch_size, lr=lr, seed=seed)
            result["train"][i, j] = accuracy(model, X, y)
            result["test"][i, j] = accuracy(model, data.X_test, data.y_test)
    return result
