"""scikit-learn's bundled handwritten digits as image tensors (no download: the data ships
inside scikit-learn)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import torch
import torch.nn.functional as F

__all__ = ["load_digits", "upsample", "DigitSplit", "balanced_subset"]


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1797 bundled 8x8 digits as ``images [N, 1, 8, 8]`` (float32 in [0, 1]) and ``labels [N]`` (int64)."""
    try:
        from sklearn.datasets import load_digits as _load
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("gcnn_teach.data needs scikit-learn: pip install scikit-learn") from error
    bunch = _load()
    images = (bunch.images / 16.0).astype(np.float32)[:, None]
    return images, bunch.target.astype(np.int64)


def upsample(images: np.ndarray, size: int) -> np.ndarray:
    """Resize ``[N, C, h, w]`` images to ``[N, C, size, size]`` with bilinear interpolation."""
    tensor = torch.as_tensor(images, dtype=torch.float32)
    out = F.interpolate(tensor, size=(int(size), int(size)), mode="bilinear", align_corners=False)
    return out.clamp_(0.0, 1.0).numpy()


@dataclass(frozen=True)
class DigitSplit:
    """A fixed train/test split of digits made from scikit-learn's 1797, for chapters 1 and 11.

    ``X_*``: images ``[N, 1, size, size]`` (float32 in [0, 1]); ``y_*``: labels ``[N]``
    (int64); ``angles_*``: the rotation of each image in degrees (all zero when upright);
    ``index_*``: which of the 1797 digits each image was made from (each at most once, so no
    handwritten digit is in both sets); ``positions_*``: the (row, column) of the digit's
    top-left corner on a larger canvas, for :func:`~gcnn_teach.data.canvas.canvas_digits`
    (``None`` when the digit fills the image).
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    angles_train: np.ndarray
    angles_test: np.ndarray
    index_train: np.ndarray
    index_test: np.ndarray
    positions_train: np.ndarray | None = None
    positions_test: np.ndarray | None = None

    @property
    def size(self) -> int:
        """The side of the square images."""
        return int(self.X_train.shape[-1])

    def train_subset(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The first ``n`` training images and labels (a random subset when the training set
        is in random order, as :func:`~gcnn_teach.data.canvas.canvas_digits` makes it)."""
        return self.X_train[:n], self.y_train[:n]

    def subset(self, n: int, seed: int = 0) -> "DigitSplit":
        """The same split with only ``n`` training images (class-balanced, see :func:`balanced_subset`)."""
        keep = balanced_subset(self.y_train, n, seed)
        positions = None if self.positions_train is None else self.positions_train[keep]
        return replace(self, X_train=self.X_train[keep], y_train=self.y_train[keep],
                       angles_train=self.angles_train[keep], index_train=self.index_train[keep],
                       positions_train=positions)


def balanced_subset(labels: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Positions of ``n`` items of ``labels`` with the classes as balanced as ``n`` allows.

    Round-robin over the classes, each in a shuffled order fixed by ``seed``: the subset of
    size ``n`` is contained in the subset of size ``n + 1``, so a sweep over training-set
    sizes adds images rather than swapping them.
    """
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    queues = [list(rng.permutation(np.flatnonzero(labels == cls))) for cls in np.unique(labels)]
    order = []
    while len(order) < n:
        for queue in queues:
            if queue and len(order) < n:
                order.append(queue.pop(0))
    return np.sort(np.array(order, dtype=np.int64))
