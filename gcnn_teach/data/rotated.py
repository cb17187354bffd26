"""Rotated digits: scikit-learn's bundled 8x8 digits, upsampled, padded and rotated by a
random angle each, in the spirit of rotated MNIST (Larochelle et al., 2007; the benchmark
of Cohen & Welling's Table 1).  Nothing is downloaded.

How one image is made (:func:`rotated_digits`):

1. upsample the 8x8 digit to ``digit_size x digit_size`` (bilinear);
2. pad it with zeros to ``size x size`` so that the digit's square fits inside the disk
   inscribed in the image (``digit_size * sqrt(2) <= size`` up to a pixel), and rotating it
   by any angle loses (almost) nothing at the corners;
3. rotate it by an angle drawn uniformly from ``[0, 360)`` degrees
   (:func:`gcnn_teach.actions.rotate_by_angle`, bilinear);
4. multiply by the disk mask (:func:`gcnn_teach.actions.disk_mask`): every image, rotated
   or upright, is then zero outside the same disk, which quarter turns map onto itself, so
   the frame of the image says nothing about the angle.

The split into training and test images is stratified by class and fixed by ``seed``; the
same digits, with the same split, are returned upright with ``rotate=False`` (the control).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..actions import disk_mask, rotate_by_angle
from .digits import load_digits, upsample

__all__ = ["DigitSplit", "stratified_split", "balanced_subset", "rotated_digits"]


@dataclass(frozen=True)
class DigitSplit:
    """A fixed train/test split of the digits.

    ``X_*``: images ``[N, 1, size, size]`` (float32 in [0, 1]); ``y_*``: labels ``[N]``
    (int64); ``angles_*``: the rotation of each image in degrees (all zero when upright);
    ``index_*``: which of scikit-learn's 1797 digits each image was made from.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    angles_train: np.ndarray
    angles_test: np.ndarray
    index_train: np.ndarray
    index_test: np.ndarray

    @property
    def size(self) -> int:
        """The side of the square images."""
        return int(self.X_train.shape[-1])

    def subset(self, n: int, seed: int = 0) -> "DigitSplit":
        """The same split with only ``n`` training images (class-balanced, see :func:`balanced_subset`)."""
        keep = balanced_subset(self.y_train, n, seed)
        return DigitSplit(self.X_train[keep], self.y_train[keep], self.X_test, self.y_test,
                          self.angles_train[keep], self.angles_test, self.index_train[keep], self.index_test)


def stratified_split(labels: np.ndarray, n_train: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train, test)`` that partition ``range(len(labels))``, with ``n_train`` training items.

    Each class is shuffled (with ``seed``) and gives the training set a share proportional to
    its size (largest remainders fill up to exactly ``n_train``), so both halves keep the
    class balance of the whole.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"stratified_split: expected labels [N], got shape {labels.shape}")
    if isinstance(n_train, bool) or not isinstance(n_train, (int, np.integer)) or not 0 < n_train < len(labels):
        raise ValueError(f"stratified_split: expected 0 < n_train < {len(labels)}, got {n_train!r}")
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    share = counts * n_train / len(labels)
    take = np.floor(share).astype(int)
    # hand the few items lost to rounding down to the classes with the largest remainders
    for k in np.argsort(take - share, kind="stable")[: n_train - take.sum()]:
        take[k] += 1
    train, test = [], []
    for cls, k in zip(classes, take):
        members = rng.permutation(np.flatnonzero(labels == cls))
        train.append(members[:k])
        test.append(members[k:])
    return np.sort(np.concatenate(train)), np.sort(np.concatenate(test))


def balanced_subset(labels: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Positions of ``n`` items of ``labels`` with the classes as balanced as ``n`` allows.

    Round-robin over the classes, each in a shuffled order fixed by ``seed``: the subset of
    size ``n`` is contained in the subset of size ``n + 1``, so a sweep over training-set
    sizes adds images rather than swapping them.
    """
    labels = np.asarray(labels)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 0 < n <= len(labels):
        raise ValueError(f"balanced_subset: expected 0 < n <= {len(labels)}, got {n!r}")
    rng = np.random.default_rng(seed)
    queues = [list(rng.permutation(np.flatnonzero(labels == cls))) for cls in np.unique(labels)]
    order = []
    while len(order) < n:
        for queue in queues:
            if queue and len(order) < n:
                order.append(queue.pop(0))
    return np.sort(np.array(order, dtype=np.int64))


def _prepare(images: np.ndarray, angles: np.ndarray, size: int, digit_size: int) -> np.ndarray:
    """Upsample, pad, rotate and mask a batch of 8x8 digits ``[N, 1, 8, 8]`` -> ``[N, 1, size, size]``."""
    big = upsample(images, digit_size)
    before = (size - digit_size) // 2
    after = size - digit_size - before
    padded = np.pad(big, ((0, 0), (0, 0), (before, after), (before, after)))
    out = np.stack([rotate_by_angle(image, angle) if angle else image
                    for image, angle in zip(padded, angles)])
    out = np.clip(out, 0.0, 1.0) * disk_mask(size)
    return out.astype(np.float32)


def rotated_digits(size: int = 18, digit_size: int = 12, n_train: int = 1000, seed: int = 0,
                   rotate: bool = True) -> DigitSplit:
    """The rotated-digits data set: a :class:`DigitSplit` of ``[N, 1, size, size]`` images.

    ``n_train`` of the 1797 digits train, the rest test (stratified, fixed by ``seed``).
    With ``rotate=True`` each image is rotated counter-clockwise by its own angle, uniform
    in ``[0, 360)`` and fixed by ``seed``; with ``rotate=False`` the very same digits stay
    upright (all angles zero).  See the module docstring for the four steps.
    """
    for label, value in (("size", size), ("digit_size", digit_size)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"rotated_digits: expected a positive integer {label}, got {value!r}")
    if digit_size > size:
        raise ValueError(f"rotated_digits: the digit ({digit_size}) must fit in the image ({size})")
    if digit_size * np.sqrt(2) > size + 1:
        raise ValueError(
            f"rotated_digits: a {digit_size}x{digit_size} digit needs a {int(np.ceil(digit_size * np.sqrt(2)))}-pixel "
            f"image to keep its corners when rotated, got size={size}"
        )
    images, labels = load_digits()
    train, test = stratified_split(labels, n_train, seed)
    rng = np.random.default_rng([seed, 360])  # a stream of its own: the split does not move the angles
    angles = rng.uniform(0.0, 360.0, size=len(labels)) if rotate else np.zeros(len(labels))
    X = _prepare(images, angles, size, digit_size)
    return DigitSplit(X[train], labels[train], X[test], labels[test],
                      angles[train], angles[test], train, test)
