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

import numpy as np

from ..actions import disk_mask, rotate_by_angle
from .digits import DigitSplit, load_digits, upsample

__all__ = ["stratified_split", "rotated_digits"]


def stratified_split(labels: np.ndarray, n_train: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train, test)`` (each sorted) that partition ``range(len(labels))``, with ``n_train`` training items.

    scikit-learn's ``train_test_split(..., stratify=labels, random_state=seed)``: both halves
    keep the class balance of the whole, and the same ``seed`` gives the same split.
    """
    from sklearn.model_selection import train_test_split

    train, test = train_test_split(np.arange(len(labels)), train_size=n_train, stratify=labels, random_state=seed)
    return np.sort(train), np.sort(test)


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
