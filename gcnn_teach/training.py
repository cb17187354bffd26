"""A small, explicit training loop for the book's experiments (Adam, mini-batches, seeds).

Kept deliberately plain: a student should be able to read it top to bottom.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


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


def train(model: nn.Module, X, y, *, epochs: int = 10, batch_size: int = 64, lr: float = 1e-3,
          weight_decay: float = 0.0, seed: int = 0, X_val=None, y_val=None,
          progress: bool = False, desc: str | None = None) -> History:
    """Train ``model`` on ``(X, y)`` with Adam and cross-entropy; returns the :class:`History`.

    The order of mini-batches is fixed by ``seed`` (with ``torch.manual_seed`` set before
    the model is built, the whole run is reproducible on a given machine).
    """
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"train: expected epochs >= 1 and batch_size >= 1, got {epochs} and {batch_size}")
    device = _device_of(model)
    X, y = _as_tensors(X, y, device)
    generator = torch.Generator().manual_seed(seed)
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
            loss = F.cross_entropy(model(X[batch]), y[batch])
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
