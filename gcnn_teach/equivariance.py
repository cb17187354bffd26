"""Measuring equivariance: compare ``f(T_in x)`` with ``T_out f(x)``.

A map ``f`` is *equivariant* to a transformation when transforming the input and then
applying ``f`` gives the same as applying ``f`` and then transforming the output::

    f(T_in x) == T_out f(x)            (invariance: T_out is the identity)

This module measures the two sides for any callable (NumPy or PyTorch, a layer, a whole
model or a student's own function) and a family of transformations, reports the largest
absolute and relative difference per transformation, and asserts the verdict with a
tolerance that depends on the floating-point type.  Nothing here knows about layers: it
only calls ``f``.

Typical use::

    report = check_equivariance(layer, x, group="p4", input_kind="image", output_kind="signal")
    print(report)         # one row per group element, with the verdict
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np

from ._validate import is_tensor, torch
from .actions import transform_image, transform_signal, translate
from .groups import stabiliser

__all__ = [
    "Measurement",
    "EquivarianceReport",
    "default_tolerance",
    "to_numpy",
    "equivariance_error",
    "group_transforms",
    "translation_transforms",
    "measure_equivariance",
    "check_equivariance",
    "is_equivariant",
]

Transform = Callable[[object], object]

#: Relative tolerance by floating-point type: rounding errors grow with the number of
#: terms summed, so these leave room for a deep network while catching any real failure.
_TOLERANCE = {"float64": 1e-9, "float32": 1e-4, "float16": 1e-2, "bfloat16": 3e-2}


def default_tolerance(dtype) -> float:
    """The relative tolerance used for outputs of this dtype (NumPy or torch)."""
    if is_tensor(dtype) or isinstance(dtype, np.ndarray):
        dtype = dtype.dtype
    if torch is not None and isinstance(dtype, torch.dtype):
        name = str(dtype).replace("torch.", "")
    else:
        try:
            name = np.dtype(dtype).name
        except TypeError:
            name = str(dtype)
    if name not in _TOLERANCE:
        raise TypeError(f"equivariance: expected a floating-point output, got dtype {name}")
    return _TOLERANCE[name]


def to_numpy(y) -> np.ndarray:
    """A float64 NumPy copy of an array or tensor (detached, on the CPU)."""
    if is_tensor(y):
        return y.detach().to("cpu", torch.float64).numpy()
    if isinstance(y, np.ndarray):
        return y.astype(np.float64)
    raise TypeError(f"equivariance: expected the map to return an array or tensor, got {type(y).__name__}")


@dataclass(frozen=True)
class Measurement:
    """The difference between ``f(T_in x)`` and ``T_out f(x)`` for one transformation."""

    label: str
    max_abs_error: float
    max_rel_error: float  # max |difference| / max |T_out f(x)|


@dataclass
class EquivarianceReport:
    """All measurements of one check, and the verdict at tolerance ``rtol``."""

    measurements: list[Measurement]
    rtol: float
    name: str = "f"
    kind: str = "equivariant"  # or "invariant"
    extra: dict = field(default_factory=dict)

    @property
    def max_abs_error(self) -> float:
        return max(m.max_abs_error for m in self.measurements)

    @property
    def max_rel_error(self) -> float:
        return max(m.max_rel_error for m in self.measurements)

    @property
    def passed(self) -> bool:
        return all(m.max_rel_error <= self.rtol for m in self.measurements)

    @property
    def failures(self) -> list[Measurement]:
        return [m for m in self.measurements if m.max_rel_error > self.rtol]

    @property
    def worst(self) -> Measurement:
        return max(self.measurements, key=lambda m: m.max_rel_error)

    def __bool__(self) -> bool:
        return self.passed

    def verdict(self) -> str:
        if self.passed:
            return f"{self.name} is {self.kind} (max relative error {self.max_rel_error:.1e} <= {self.rtol:.0e})"
        worst = self.worst
        return (
            f"{self.name} is NOT {self.kind}: under {worst.label!r} the relative error is "
            f"{worst.max_rel_error:.2e} (absolute {worst.max_abs_error:.2e}), above the "
            f"tolerance {self.rtol:.0e}; {len(self.failures)} of {len(self.measurements)} "
            "transformations fail"
        )

    def __str__(self) -> str:
        width = max(len(m.label) for m in self.measurements)
        lines = [self.verdict(), f"  {'transformation':<{width}}  {'max abs':>9}  {'max rel':>9}"]
        for m in self.measurements:
            mark = "ok" if m.max_rel_error <= self.rtol else "FAIL"
            lines.append(f"  {m.label:<{width}}  {m.max_abs_error:9.2e}  {m.max_rel_error:9.2e}  {mark}")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        rows = ["| transformation | max abs error | max rel error | verdict |", "|---|---|---|---|"]
        for m in self.measurements:
            mark = "equal" if m.max_rel_error <= self.rtol else "**differs**"
            rows.append(f"| {m.label} | {m.max_abs_error:.2e} | {m.max_rel_error:.2e} | {mark} |")
        return f"**{self.verdict()}**\n\n" + "\n".join(rows)

    def assert_passed(self) -> "EquivarianceReport":
        """Raise ``AssertionError`` with the full report unless every transformation passes."""
        if not self.passed:
            raise AssertionError(str(self))
        return self

    def assert_failed(self) -> "EquivarianceReport":
        """Raise ``AssertionError`` unless at least one transformation fails (for negative claims)."""
        if self.passed:
            raise AssertionError(f"expected {self.name} NOT to be {self.kind}, but:\n{self}")
        return self


def _call(f, x):
    if is_tensor(x):
        with torch.no_grad():
            return f(x)
    return f(x)


def equivariance_error(f, x, transform_in: Transform, transform_out: Transform | None = None,
                       label: str = "T") -> Measurement:
    """Measure ``f(transform_in(x))`` against ``transform_out(f(x))`` once.

    ``transform_out=None`` means the same transformation as the input.  Pass
    ``transform_out=lambda y: y`` to measure invariance.
    """
    if not callable(f):
        raise TypeError(f"equivariance_error: expected a callable f, got {type(f).__name__}")
    transform_out = transform_in if transform_out is None else transform_out
    # to_numpy first: a map that returns no array (a list, a tuple) gets a clear TypeError
    left = to_numpy(_call(f, transform_in(x)))
    right = to_numpy(transform_out(_call(f, x)))
    if tuple(left.shape) != tuple(right.shape):
        raise ValueError(
            f"equivariance_error ({label}): f(T_in x) has shape {tuple(left.shape)} but "
            f"T_out f(x) has shape {tuple(right.shape)}; the output transformation does not "
            "fit the map's output"
        )
    abs_err = float(np.max(np.abs(left - right))) if left.size else 0.0
    scale = float(np.max(np.abs(right))) if right.size else 0.0
    rel_err = abs_err / scale if scale > 0 else (0.0 if abs_err == 0 else float("inf"))
    return Measurement(label, abs_err, rel_err)


def _kind_transform(kind: str, element, group: str) -> Transform:
    if kind == "image":
        return lambda y: transform_image(y, element, group)
    if kind == "signal":
        return lambda y: transform_signal(y, element, group)
    if kind == "invariant":
        return lambda y: y
    raise ValueError(f"expected kind 'image', 'signal' or 'invariant', got {kind!r}")


def group_transforms(group: str, kind: str = "image") -> dict[str, Transform]:
    """One transformation per element of the stabiliser of ``group``, keyed by its label.

    ``kind="image"`` uses :math:`T_g`, ``"signal"`` the left regular action :math:`L_g`,
    ``"invariant"`` the identity (for the output side of an invariance check).
    """
    H = stabiliser(group)
    return {H.label(g): _kind_transform(kind, g, group) for g in H.elements}


def translation_transforms(shifts, mode: str = "circular") -> dict[str, Transform]:
    """One translation per ``(down, right)`` shift, keyed ``'shift (dy, dx)'``."""
    return {f"shift {tuple(s)}": (lambda y, s=tuple(s): translate(y, s, mode)) for s in shifts}


def measure_equivariance(f, x, transforms_in: Mapping[str, Transform],
                         transforms_out: Mapping[str, Transform] | str | None = None,
                         rtol: float | None = None, name: str | None = None) -> EquivarianceReport:
    """Measure ``f`` under every transformation in ``transforms_in`` (a dict label -> callable).

    ``transforms_out`` is a dict with the same labels, ``None`` (the same transformations
    act on the output) or ``"invariant"`` (the output should not change).
    """
    if not isinstance(transforms_in, Mapping) or not transforms_in:
        raise TypeError("measure_equivariance: expected transforms_in as a non-empty dict label -> callable")
    kind = "equivariant"
    if transforms_out is None:
        transforms_out = transforms_in
    elif transforms_out == "invariant":
        transforms_out = {label: (lambda y: y) for label in transforms_in}
        kind = "invariant"
    if set(transforms_out) != set(transforms_in):
        raise ValueError(
            f"measure_equivariance: transforms_out has labels {sorted(transforms_out)}, "
            f"expected the same as transforms_in {sorted(transforms_in)}"
        )
    measurements = [
        equivariance_error(f, x, transforms_in[label], transforms_out[label], label)
        for label in transforms_in
    ]
    if rtol is None:
        out = _call(f, x)
        rtol = default_tolerance(out.dtype)
    return EquivarianceReport(measurements, float(rtol), name or getattr(f, "__name__", type(f).__name__), kind)


def check_equivariance(f, x, group: str | None = "p4", input_kind: str = "image",
                       output_kind: str | None = None, transforms_in=None, transforms_out=None,
                       rtol: float | None = None, name: str | None = None,
                       raise_error: bool = True) -> EquivarianceReport:
    """Measure and assert the equivariance of ``f`` at ``x``; return the report.

    Either give ``group`` with the kinds of input and output (``"image"`` uses
    :math:`T_g`, ``"signal"`` uses :math:`L_g`, output ``"invariant"`` the identity), or
    give ``transforms_in`` (and optionally ``transforms_out``) as dicts label -> callable.
    ``output_kind`` defaults to ``input_kind``.  Raises ``AssertionError`` with the table
    of errors when ``f`` is not equivariant and ``raise_error`` is true.
    """
    if transforms_in is None:
        if group is None:
            raise ValueError("check_equivariance: give a group or transforms_in")
        transforms_in = group_transforms(group, input_kind)
        out_kind = output_kind or input_kind
        transforms_out = "invariant" if out_kind == "invariant" else group_transforms(group, out_kind)
    report = measure_equivariance(f, x, transforms_in, transforms_out, rtol, name)
    if raise_error:
        report.assert_passed()
    return report


def is_equivariant(f, x, **kwargs) -> bool:
    """``True`` when :func:`check_equivariance` would pass (never raises on a failed check)."""
    return check_equivariance(f, x, raise_error=False, **kwargs).passed
