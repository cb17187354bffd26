"""Shape and type checks shared by the whole package: bad input gets a clear error."""

from __future__ import annotations

import numpy as np

import torch


def is_tensor(x) -> bool:
    return isinstance(x, torch.Tensor)


def as_array(x, name: str):
    """Return ``x`` unchanged if it is a NumPy array or a torch tensor, else raise ``TypeError``."""
    if isinstance(x, np.ndarray) or is_tensor(x):
        return x
    raise TypeError(f"{name}: expected a numpy.ndarray or torch.Tensor, got {type(x).__name__}")


def check_ndim(x, ndim: int | tuple[int, ...], name: str, layout: str) -> None:
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if x.ndim not in allowed:
        raise ValueError(
            f"{name}: expected a {'- or '.join(str(n) for n in allowed)}-dimensional array "
            f"{layout}, got shape {tuple(x.shape)}"
        )


def check_square(x, name: str) -> None:
    h, w = x.shape[-2], x.shape[-1]
    if h != w:
        raise ValueError(
            f"{name}: rotations and mirrorings need a square image (H == W), got H={h}, W={w} "
            f"(shape {tuple(x.shape)})"
        )


def check_group_axis(x, order: int, group_name: str, name: str, axis: int = -3) -> None:
    if x.shape[axis] != order:
        raise ValueError(
            f"{name}: a signal on {group_name} needs a group axis of length {order} at axis {axis}, "
            f"got {x.shape[axis]} (shape {tuple(x.shape)})"
        )


def is_int_at_least(value, low: int) -> bool:
    """Whether ``value`` is an integer (not a bool) and ``>= low``."""
    return not isinstance(value, bool) and isinstance(value, (int, np.integer)) and value >= low


def check_int_at_least(value, low: int, name: str, label: str) -> int:
    """``int(value)``, or ``ValueError`` "name: expected label to be an integer >= low, got value"."""
    if not is_int_at_least(value, low):
        raise ValueError(f"{name}: expected {label} to be an integer >= {low}, got {value!r}")
    return int(value)


def check_nonnegative_int(value, name: str) -> int:
    if not is_int_at_least(value, 0):
        raise ValueError(f"{name}: expected a non-negative integer, got {value!r}")
    return int(value)


def check_positive_int(value, name: str) -> int:
    if not is_int_at_least(value, 1):
        raise ValueError(f"{name}: expected a positive integer, got {value!r}")
    return int(value)
