"""A small, explicit training loop for the book's experiments (Adam, mini-batches, seeds).

Kept deliberately plain: a student should be able to read it top to bottom.

* :func:`train`: Adam and cross-entropy over shuffled mini-batches, optionally with a
  data augmentation (:func:`quarter_turns`, :func:`random_rotations`) drawn from a
  generator of its own, so that everything is fixed by one ``seed``;
* :func:`epochs_for_steps`: how many epochs give a training set of ``n`` images a fixed
  number of gradient steps (the step-matched training-size sweeps of chapters 1 and 11);
* :func:`recalibrate_batchnorm`: exact batch-norm statistics after training ("precise BN");
* :func:`predict`, :func:`accuracy`, :func:`error_rate`: evaluation.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.swa_utils import update_bn

from .actions import rotate

#: An augmentation: ``augment(x [B, C, H, W], generator) -> x'``, drawing its randomness from ``generator``.
Augmentation = Callable[[torch.Tensor, torch.Generator], torch.Tensor]


@dataclass
class History:
    """Per-epoch mean training loss and, if validation data was given, validation accuracy."""

    loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)


def as_tensor(data, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """``data`` (a tensor, an array or a list) as a tensor of ``dtype``, without a copy when possible."""
    return torch.as_tensor(data if isinstance(data, torch.Tensor) else np.asarray(data), dtype=dtype)


def _as_tensors(X, y, device):
    X, y = as_tensor(X), as_tensor(y, torch.long)
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"expected as many labels as inputs, got X with {X.shape[0]} and y with {y.shape[0]}")
    return X.to(device), y.to(device)


def _device_of(model: nn.Module) -> torch.device:
    parameter = next(model.parameters(), None)
    return parameter.device if parameter is not None else torch.device("cpu")


def epochs_for_steps(steps: int, n: int, batch_size: int) -> int:
    """Whole epochs over ``n`` images that come closest to ``steps`` gradient steps (at least one).

    An epoch over ``n`` images is ``ceil(n / batch_size)`` steps.  A training-size sweep that
    gives every size the same number of steps does not also under-train the small sets.
    """
    for label, value in (("steps", steps), ("n", n), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"epochs_for_steps: expected a positive integer {label}, got {value!r}")
    return max(1, round(steps / math.ceil(n / batch_size)))


def quarter_turns(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Each image of the batch ``[B, C, H, W]`` turned by its own random multiple of 90 degrees (exact)."""
    turns = torch.randint(4, (x.shape[0],), generator=generator).to(x.device)
    out = x.clone()
    for r in range(1, 4):
        chosen = turns == r
        if chosen.any():
            out[chosen] = rotate(x[chosen], r)
    return out


def random_rotations(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Each image of the batch ``[B, C, N, N]`` turned about its centre by its own angle, uniform in
    [0, 360) degrees, with bilinear interpolation and zeros outside the inscribed disk.

    The augmentation of the paper's released code (which rotates with ``skimage``); here a
    single batched ``grid_sample``, so that it costs little next to a training step.
    """
    n = x.shape[-1]
    theta = torch.rand(x.shape[0], generator=generator, dtype=torch.float64) * (2 * math.pi)
    cos, sin = torch.cos(theta), torch.sin(theta)
    zero = torch.zeros_like(theta)
    affine = torch.stack([torch.stack([cos, -sin, zero], 1), torch.stack([sin, cos, zero], 1)], 1)
    grid = F.affine_grid(affine.to(x.dtype).to(x.device), list(x.shape), align_corners=False)
    turned = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    c = (n - 1) / 2
    i, j = torch.meshgrid(torch.arange(n), torch.arange(n), indexing="ij")
    disk = ((i - c) ** 2 + (j - c) ** 2 <= (n / 2) ** 2).to(x.dtype).to(x.device)
    return turned * disk


def train(model: nn.Module, X, y, *, epochs: int = 10, batch_size: int = 64, lr: float = 1e-3,
          weight_decay: float = 0.0, seed: int = 0, augment: Augmentation | None = None, X_val=None, y_val=None,
          progress: bool = False, desc: str | None = None) -> History:
    """Train ``model`` on ``(X, y)`` with Adam and cross-entropy; returns the :class:`History`.

    The order of mini-batches is fixed by ``seed``; ``augment`` (for example
    :func:`quarter_turns`), when given, transforms every mini-batch with a generator of its
    own, also fixed by ``seed``, so the order of the batches is the same with and without
    it.  With ``torch.manual_seed`` set before the model is built (initial weights,
    dropout), the whole run is reproducible on a given machine and number of threads.
    """
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"train: expected epochs >= 1 and batch_size >= 1, got {epochs} and {batch_size}")
    if augment is not None and not callable(augment):
        raise TypeError(f"train: expected augment to be a function (x, generator) -> x, got {type(augment).__name__}")
    device = _device_of(model)
    X, y = _as_tensors(X, y, device)
    generator = torch.Generator().manual_seed(seed)
    augment_generator = torch.Generator().manual_seed(int(np.random.SeedSequence([seed, 1]).generate_state(1)[0]))
    optimiser = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    history = History()
    epochs_iter = range(epochs)
    if progress:
        from tqdm.auto import tqdm

        epochs_iter = tqdm(epochs_iter, desc=desc or type(model).__name__, file=sys.stdout, leave=False)
    for _ in epochs_iter:
        model.train()
        order = torch.randperm(len(X), generator=generator).to(device)
        total = 0.0
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            optimiser.zero_grad(set_to_none=True)
            inputs = X[batch] if augment is None else augment(X[batch], augment_generator)
            loss = F.cross_entropy(model(inputs), y[batch])
            loss.backward()
            optimiser.step()
            total += loss.item() * len(batch)
        history.loss.append(total / len(X))
        if X_val is not None:
            history.val_accuracy.append(accuracy(model, X_val, y_val))
    model.eval()
    return history


@torch.no_grad()
def predict(model: nn.Module, X, batch_size: int = 512) -> torch.Tensor:
    """Logits ``[N, classes]`` of ``model`` in evaluation mode."""
    model.eval()
    device = _device_of(model)
    X = as_tensor(X)
    return torch.cat([model(X[s:s + batch_size].to(device)).cpu() for s in range(0, len(X), batch_size)])


def accuracy(model: nn.Module, X, y) -> float:
    """Fraction of correctly classified inputs."""
    y = as_tensor(y, torch.long)
    return float((predict(model, X).argmax(1) == y.cpu()).float().mean())


def error_rate(model: nn.Module, X, y) -> float:
    """Fraction of misclassified inputs (the paper reports test error in %)."""
    return 1.0 - accuracy(model, X, y)


@torch.no_grad()
def recalibrate_batchnorm(model: nn.Module, X, batch_size: int = 256) -> nn.Module:
    """Replace the running statistics of every batch-norm layer by exact averages over ``X``.

    During training, batch normalisation keeps an exponential moving average of the
    batch statistics; after a few hundred steps of a fast-moving network that average
    still remembers the early weights, and the model in evaluation mode can be much worse
    than in training.  One pass over the training images with the final weights gives the
    statistics the evaluation should use ("precise BN").

    The pass is PyTorch's :func:`torch.optim.swa_utils.update_bn` (reset, momentum ``None``:
    an equal-weight average over the batches), with one change: ``update_bn`` puts the whole
    model in training mode, which would switch dropout on, and the statistics would then
    describe inputs thinned by dropout that the model never sees when it is tested.  So
    every dropout layer has its rate set to 0 during the pass (and restored after it), and
    ``X`` is used as given (no augmentation).  The paper's code also computes exact averages,
    in its "finetune" pass before each evaluation, but differs here: that pass calls
    ``model(x, t, train=True, finetune=True)`` (gconv_experiments, ``MNIST_ROT/train.py``), so
    its Z2CNN's dropout is on and the images are augmented as in training.
    Returns ``model``, in evaluation mode.
    """
    dropouts = [m for m in model.modules() if isinstance(m, nn.modules.dropout._DropoutNd)]
    rates = [m.p for m in dropouts]
    X = as_tensor(X)
    try:
        for m in dropouts:
            m.p = 0.0
        update_bn((X[s:s + batch_size] for s in range(0, len(X), batch_size)), model, device=_device_of(model))
    finally:
        for m, rate in zip(dropouts, rates):
            m.p = rate
    return model.eval()
