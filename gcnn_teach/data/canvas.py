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

import numpy as np

from .digits import DigitSplit, load_digits

__all__ = ["place_on_canvas", "canvas_digits"]


def place_on_canvas(images: np.ndarray, canvas_size: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Paste each image ``[N, C, h, w]`` at a uniformly random position of a zero canvas.

    Returns ``canvases [N, C, canvas_size, canvas_size]`` (same dtype) and ``positions
    [N, 2]``, the (row, column) of each image's top-left corner on its canvas; every
    position with the whole image inside the canvas is equally likely.
    """
    n, c, h, w = images.shape
    rows = rng.integers(0, canvas_size - h + 1, size=n)
    cols = rng.integers(0, canvas_size - w + 1, size=n)
    canvases = np.zeros((n, c, canvas_size, canvas_size), dtype=images.dtype)
    for k in range(n):
        canvases[k, :, rows[k]:rows[k] + h, cols[k]:cols[k] + w] = images[k]
    return canvases, np.stack([rows, cols], axis=1)


def canvas_digits(canvas_size: int = 20, test_size: int = 500, seed: int = 0) -> DigitSplit:
    """The bundled digits on ``canvas_size x canvas_size`` canvases, split into train and test.

    ``test_size`` distinct handwritten digits are held out for testing; the other
    ``1797 - test_size`` form the training set, in random order, so its first ``n``
    examples (:meth:`~gcnn_teach.data.digits.DigitSplit.train_subset`) are a random training
    set of size ``n``.  The digits are upright (all angles zero) and ``positions_*`` says
    where each one sits.  The same ``seed`` gives the same arrays.
    """
    images, labels = load_digits()
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    source_test, source_train = order[:test_size], order[test_size:]
    X_train, positions_train = place_on_canvas(images[source_train], canvas_size, rng)
    X_test, positions_test = place_on_canvas(images[source_test], canvas_size, rng)
    return DigitSplit(X_train, labels[source_train], X_test, labels[source_test],
                      np.zeros(len(source_train)), np.zeros(len(source_test)), source_train, source_test,
                      positions_train, positions_test)
