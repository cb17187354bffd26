"""The bundled 8x8 digits placed at random positions on a larger, empty canvas.

A classifier of these images should not care *where* the digit is: the label is invariant
to translations of the digit on the canvas.  A model that knows this (a CNN with global
pooling) can learn from far fewer examples than one that has to learn every position
separately (a fully connected network); chapter 1 measures the difference.

Everything is fixed by one seed: which digits are held out for testing, the order of the
training set and every position.  Each of the 1797 bundled digits is used at most once,
so no handwritten digit appears in both the training and the test set.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .digits import load_digits

__all__ = ["place_on_canvas", "CanvasDigits", "canvas_digits"]


def place_on_canvas(images: np.ndarray, canvas_size: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Paste each image ``[N, C, h, w]`` at a uniformly random position of a zero canvas.

    Returns ``canvases [N, C, canvas_size, canvas_size]`` (same dtype) and ``positions
    [N, 2]``, the (row, column) of each image's top-left corner on its canvas; every
    position with the whole image inside the canvas is equally likely.
    """
    if not isinstance(images, np.ndarray) or images.ndim != 4:
        raise ValueError(
            f"place_on_canvas: expected a numpy array [N, C, h, w], got "
            f"{getattr(images, 'shape', type(images).__name__)}"
        )
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"place_on_canvas: expected rng = np.random.default_rng(seed), got {type(rng).__name__}")
    n, c, h, w = images.shape
    if isinstance(canvas_size, bool) or not isinstance(canvas_size, (int, np.integer)) or canvas_size < max(h, w):
        raise ValueError(f"place_on_canvas: expected an integer canvas_size >= {max(h, w)} (the image size), got {canvas_size!r}")
    rows = rng.integers(0, canvas_size - h + 1, size=n)
    cols = rng.integers(0, canvas_size - w + 1, size=n)
    canvases = np.zeros((n, c, canvas_size, canvas_size), dtype=images.dtype)
    for k in range(n):
        canvases[k, :, rows[k]:rows[k] + h, cols[k]:cols[k] + w] = images[k]
    return canvases, np.stack([rows, cols], axis=1)


@dataclass(frozen=True)
class CanvasDigits:
    """Train and test images ``[N, 1, S, S]`` (float32 in [0, 1]), labels ``[N]`` (int64),
    top-left positions ``[N, 2]`` and ``source`` indices into :func:`~gcnn_teach.data.digits.load_digits`'s arrays.

    The training set is in random order, so its first ``n`` examples are a random
    training set of size ``n`` (:meth:`train_subset`).
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    positions_train: np.ndarray
    positions_test: np.ndarray
    source_train: np.ndarray
    source_test: np.ndarray

    @property
    def canvas_size(self) -> int:
        return int(self.X_train.shape[-1])

    def train_subset(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The first ``n`` training images and labels (a random subset, fixed by the seed)."""
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= len(self.y_train):
            raise ValueError(f"train_subset: expected an integer n in [1, {len(self.y_train)}], got {n!r}")
        return self.X_train[:n], self.y_train[:n]


def canvas_digits(canvas_size: int = 20, test_size: int = 500, seed: int = 0) -> CanvasDigits:
    """The bundled digits on ``canvas_size x canvas_size`` canvases, split into train and test.

    ``test_size`` distinct handwritten digits are held out for testing; the other
    ``1797 - test_size`` form the training set.  The same ``seed`` gives the same arrays.
    """
    images, labels = load_digits()
    if isinstance(test_size, bool) or not isinstance(test_size, (int, np.integer)) or not 1 <= test_size < len(labels):
        raise ValueError(f"canvas_digits: expected an integer test_size in [1, {len(labels) - 1}], got {test_size!r}")
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    source_test, source_train = order[:test_size], order[test_size:]
    X_train, positions_train = place_on_canvas(images[source_train], canvas_size, rng)
    X_test, positions_test = place_on_canvas(images[source_test], canvas_size, rng)
    return CanvasDigits(X_train, labels[source_train], X_test, labels[source_test],
                        positions_train, positions_test, source_train, source_test)
