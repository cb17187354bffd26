"""Measuring equivariance: compare ``f(T_in x)`` with ``T_out f(x)``.

A map ``f`` is *equivariant* to a transformation when transforming the input and then
applying ``f`` gives the same as applying ``f`` and then transforming the output::

    f(T_in x) == T_out f(x)            (invariance: T_out is the identity)

This module measures the two sides for any callable (NumPy or PyTorch, a layer, a whole
model or a student's own function) and a family of transformations, reports the largest
absolute and relative difference per transformation, and asserts the verdict with a
tolerance that depends on the floating-point type.  It only calls ``f``; the layers of
:mod:`gcnn_teach.nn` declare what they take and give, so their checks need no kinds.

Every ``check_*`` of the package returns a :class:`CheckResult` and never raises on a failed
measurement; asserting is explicit::

    report = check_equivariance(layer, x, group="p4")   # a LiftingConv2d: image in, signal out
    report.assert_holds()  # raises AssertionError naming the worst element if it does not hold
    report                 # one row per group element, with the verdict
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from ._validate import is_tensor, torch
from .actions import rotate_by_angle, transform_image, transform_signal, translate
from .groups import stabiliser

__all__ = [
    "Measurement",
    "EquivarianceReport",
    "default_tolerance",
    "to_numpy",
    "equivariance_error",
    "compare_outputs",
    "group_transforms",
    "translation_transforms",
    "measure_equivariance",
    "check_equivariance",
    "declared_kinds",
    "relative_error",
    "CheckResult",
    "logits_under_transforms",
    "invariance_error_vs_angle",
    "interpolation_error_vs_angle",
]

Transform = Callable[[object], object]

#: Relative tolerance by floating-point type: rounding errors grow with the number of
#: terms summed, so these leave room for a deep network while catching any real failure.
_TOLERANCE = {"float64": 1e-9, "float32": 1e-4, "float16": 1e-2, "bfloat16": 3e-2}


def default_tolerance(dtype) -> float:
    """The relative tolerance used for outputs of this dtype (NumPy or torch)."""
    if is_tensor(dtype) or isinstance(dtype, np.ndarray):
        dtype = dtype.dtype
    if isinstance(dtype, torch.dtype):
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


def relative_error(a, b) -> float:
    """The relative difference of two arrays of the same shape, the one rule of the package.

    ``max |a - b| / max(max |a|, max |b|)``: the largest difference measured against the
    largest magnitude on either side, so it is symmetric in ``a`` and ``b`` and at most 2.
    When both sides are exactly zero it is 0; when only one is, it is 1 (a total mismatch,
    not an infinity or a division by a tiny number).
    """
    a, b = to_numpy(a), to_numpy(b)
    if a.shape != b.shape:
        raise ValueError(f"relative_error: expected arrays of the same shape, got {a.shape} and {b.shape}")
    if not a.size:
        return 0.0
    difference = float(np.max(np.abs(a - b)))
    scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(b))))
    return difference / scale if scale > 0 else 0.0


@dataclass(frozen=True)
class Measurement:
    """One row of a check: the difference of two arrays under one label (a transformation,
    or a group element), absolute and relative (:func:`relative_error`)."""

    label: str
    max_abs_error: float
    max_rel_error: float


class CheckResult:
    """What every ``check_*`` of the package returns: a verdict that never raises by itself.

    ``holds`` is the verdict, ``rows`` the per-element table (a :class:`Measurement` each,
    possibly empty), ``worst`` its worst row, ``summary`` one line and ``details`` the lines
    that explain a failure.  ``print(result)`` shows all of it, a notebook shows it as
    Markdown, and asserting is explicit: :meth:`assert_holds` for a claim that something is
    equivariant (or correct), :meth:`assert_fails` for a claim that it is not.  Both return
    the result, so ``check_equivariance(...).assert_holds()`` still displays it.
    """

    holds: bool
    summary: str
    rows: list
    details: list
    rtol: float | None = None

    @property
    def worst(self) -> Measurement | None:
        """The row with the largest relative error (``None`` for a result without rows)."""
        return max(self.rows, key=lambda m: m.max_rel_error) if self.rows else None

    @property
    def failures(self) -> list[Measurement]:
        """The rows above the tolerance."""
        if self.rtol is None:
            return []
        return [m for m in self.rows if m.max_rel_error > self.rtol]

    @property
    def max_abs_error(self) -> float:
        return max((m.max_abs_error for m in self.rows), default=0.0)

    @property
    def max_rel_error(self) -> float:
        return max((m.max_rel_error for m in self.rows), default=0.0)

    def __bool__(self) -> bool:
        return self.holds

    def _mark(self, row: Measurement) -> bool:
        return self.rtol is None or row.max_rel_error <= self.rtol

    def __str__(self) -> str:
        lines = [("HOLDS: " if self.holds else "FAILS: ") + self.summary]
        lines += [f"  - {d}" for d in self.details]
        if self.rows:
            width = max([len('transformation')] + [len(m.label) for m in self.rows])
            lines.append(f"  {'transformation':<{width}}  {'max abs':>9}  {'max rel':>9}")
            for m in self.rows:
                lines.append(f"  {m.label:<{width}}  {m.max_abs_error:9.2e}  {m.max_rel_error:9.2e}  "
                             + ("ok" if self._mark(m) else "FAIL"))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        mark = "✅ **Holds**" if self.holds else "❌ **Fails**"
        lines = [f"{mark}: {self.summary}", ""] + [f"- {d}" for d in self.details]
        if self.rows:
            lines += ["", "| transformation | max abs error | max rel error | verdict |", "|---|---|---|---|"]
            for m in self.rows:
                lines.append(f"| {m.label} | {m.max_abs_error:.2e} | {m.max_rel_error:.2e} | "
                             + ("equal" if self._mark(m) else "**differs**") + " |")
        return "\n".join(lines)

    def assert_holds(self):
        """Raise ``AssertionError`` with the whole result unless it holds; return the result."""
        if not self.holds:
            raise AssertionError(str(self))
        return self

    def assert_fails(self):
        """Raise ``AssertionError`` if it holds (for a claim that something is *not* so)."""
        if self.holds:
            raise AssertionError(f"expected this check to fail, but:\n{self}")
        return self


class EquivarianceReport(CheckResult):
    """The result of :func:`check_equivariance`: one row per transformation, at tolerance ``rtol``.

    ``kind`` is ``"equivariant"`` or ``"invariant"``; ``holds`` is true when every row's
    relative error is at most ``rtol``.
    """

    def __init__(self, measurements: list[Measurement], rtol: float, name: str = "f",
                 kind: str = "equivariant"):
        if not measurements:
            raise ValueError("EquivarianceReport: expected at least one measurement, got none")
        self.rows = list(measurements)
        self.rtol = float(rtol)
        self.name = name
        self.kind = kind

    @property
    def measurements(self) -> list[Measurement]:
        return self.rows

    @property
    def holds(self) -> bool:
        return all(m.max_rel_error <= self.rtol for m in self.rows)

    @property
    def summary(self) -> str:
        if self.holds:
            return (f"{self.name} is {self.kind} (max relative error {self.max_rel_error:.1e} "
                    f"<= {self.rtol:.0e})")
        worst = self.worst
        return (f"{self.name} is NOT {self.kind}: under {worst.label!r} the relative error is "
                f"{worst.max_rel_error:.2e} (absolute {worst.max_abs_error:.2e}), above the "
                f"tolerance {self.rtol:.0e}; {len(self.failures)} of {len(self.rows)} "
                "transformations fail")

    @property
    def details(self) -> list[str]:
        return []


def _call(f, x):
    if is_tensor(x):
        with torch.no_grad():
            return f(x)
    return f(x)


def compare_outputs(left, right, label: str = "T") -> Measurement:
    """The :class:`Measurement` of two outputs already computed: ``left = f(T_in x)`` and
    ``right = T_out f(x)`` (arrays or tensors of one shape), for a caller that needs the
    outputs themselves too (a figure that draws them, say) and should not run ``f`` again."""
    # to_numpy first: a map that returns no array (a list, a tuple) gets a clear TypeError
    left, right = to_numpy(left), to_numpy(right)
    if tuple(left.shape) != tuple(right.shape):
        raise ValueError(
            f"equivariance ({label}): f(T_in x) has shape {tuple(left.shape)} but "
            f"T_out f(x) has shape {tuple(right.shape)}; the output transformation does not "
            "fit the map's output"
        )
    abs_err = float(np.max(np.abs(left - right))) if left.size else 0.0
    return Measurement(label, abs_err, relative_error(left, right))


def equivariance_error(f, x, transform_in: Transform, transform_out: Transform | None = None,
                       label: str = "T") -> Measurement:
    """Measure ``f(transform_in(x))`` against ``transform_out(f(x))`` once.

    ``transform_out=None`` means the same transformation as the input.  Pass
    ``transform_out=lambda y: y`` to measure invariance.
    """
    if not callable(f):
        raise TypeError(f"equivariance_error: expected a callable f, got {type(f).__name__}")
    transform_out = transform_in if transform_out is None else transform_out
    return compare_outputs(_call(f, transform_in(x)), transform_out(_call(f, x)), label)


def _kind_transform(kind: str, element, group: str) -> Transform:
    if kind == "image":
        return lambda y: transform_image(y, element, group)
    if kind == "signal":
        return lambda y: transform_signal(y, element, group)
    if kind == "invariant":
        return lambda y: y
    raise ValueError(f"expected kind 'image', 'signal' or 'invariant', got {kind!r}")


def group_transforms(group: str, kind: str = "image", identity: bool = True) -> dict[str, Transform]:
    """One transformation per element of the stabiliser of ``group``, keyed by its label.

    ``kind="image"`` uses :math:`T_g`, ``"signal"`` the left regular action :math:`L_g`,
    ``"invariant"`` the identity (for the output side of an invariance check).
    ``identity=False`` leaves out the identity element, which :func:`check_equivariance`
    does: under it both sides are ``f(x)``, so its row would measure nothing.
    """
    H = stabiliser(group)
    return {H.label(g): _kind_transform(kind, g, group) for g in H.elements if identity or g != H.identity}


def translation_transforms(shifts, mode: str = "circular") -> dict[str, Transform]:
    """One translation per ``(down, right)`` shift, keyed ``'shift (dy, dx)'``."""
    return {f"shift {tuple(s)}": (lambda y, s=tuple(s): translate(y, s, mode)) for s in shifts}


def measure_equivariance(f, x, transforms_in: Mapping[str, Transform],
                         transforms_out: Mapping[str, Transform] | str | None = None,
                         rtol: float | None = None, name: str | None = None) -> EquivarianceReport:
    """Measure ``f`` under every transformation in ``transforms_in`` (a dict label -> callable).

    ``transforms_out`` is a dict with the same labels, ``None`` (the same transformations
    act on the output) or ``"invariant"`` (the output should not change).  ``f(x)`` is
    computed once; ``f`` is called once more per transformation, on ``T_in x``.
    """
    if not callable(f):
        raise TypeError(f"measure_equivariance: expected a callable f, got {type(f).__name__}")
    if not isinstance(transforms_in, Mapping) or not transforms_in:
        raise TypeError("measure_equivariance: expected transforms_in as a non-empty dict label -> callable, "
                        f"got {type(transforms_in).__name__}")
    kind = "equivariant"
    if transforms_out is None:
        transforms_out = transforms_in
    elif isinstance(transforms_out, str):
        if transforms_out != "invariant":
            raise ValueError(f"measure_equivariance: expected transforms_out 'invariant', a dict or None, "
                             f"got {transforms_out!r}")
        transforms_out = {label: (lambda y: y) for label in transforms_in}
        kind = "invariant"
    if set(transforms_out) != set(transforms_in):
        raise ValueError(
            f"measure_equivariance: transforms_out has labels {sorted(transforms_out)}, "
            f"expected the same as transforms_in {sorted(transforms_in)}"
        )
    fx = _call(f, x)
    rows = [compare_outputs(_call(f, transforms_in[label](x)), transforms_out[label](fx), label)
            for label in transforms_in]
    if rtol is None:
        rtol = default_tolerance(fx.dtype if hasattr(fx, "dtype") else fx)
    return EquivarianceReport(rows, float(rtol), name or getattr(f, "__name__", type(f).__name__), kind)


def declared_kinds(f) -> tuple[str | None, str | None]:
    """The ``(input_kind, output_kind)`` that a layer or model declares, or ``(None, None)``.

    The layers and models of :mod:`gcnn_teach.nn` carry ``input_kind`` and ``output_kind``
    attributes (``"image"``, ``"signal"`` or, for outputs, ``"invariant"``).  A
    ``torch.nn.Sequential`` takes the input kind of its first child that declares one and
    the output kind of its last.
    """
    if isinstance(f, torch.nn.Sequential):
        kinds = [declared_kinds(child) for child in f]
        inputs = [k[0] for k in kinds if k[0] is not None]
        outputs = [k[1] for k in kinds if k[1] is not None]
        return (inputs[0] if inputs else None, outputs[-1] if outputs else None)
    return getattr(f, "input_kind", None), getattr(f, "output_kind", None)


def check_equivariance(f, x, group: str | None = "p4", input_kind: str | None = None,
                       output_kind: str | None = None, transforms_in=None, transforms_out=None,
                       rtol: float | None = None, name: str | None = None) -> EquivarianceReport:
    """Measure the equivariance of ``f`` at ``x`` and return the :class:`EquivarianceReport`.

    Never raises on a failed measurement: call ``.assert_holds()`` (or ``.assert_fails()``)
    on the result to assert.  Either give ``group`` with the kinds of input and output
    (``"image"`` uses :math:`T_g`, ``"signal"`` uses :math:`L_g`, output ``"invariant"`` the
    identity), or give ``transforms_in`` (and optionally ``transforms_out``) as dicts
    label -> callable.  With a group, every element but the identity is measured (under the
    identity both sides are ``f(x)``).  The layers and models of :mod:`gcnn_teach.nn` declare their kinds
    (:func:`declared_kinds`), so they need neither; for a plain callable ``input_kind``
    defaults to ``"image"`` and ``output_kind`` to ``input_kind``.
    """
    if transforms_in is None:
        if group is None:
            raise ValueError("check_equivariance: give a group or transforms_in, got neither")
        declared_in, declared_out = declared_kinds(f)
        input_kind = input_kind or declared_in or "image"
        out_kind = output_kind or declared_out or input_kind
        # every element but the identity, under which both sides are f(x) and nothing is measured
        transforms_in = group_transforms(group, input_kind, identity=False)
        transforms_out = ("invariant" if out_kind == "invariant"
                          else group_transforms(group, out_kind, identity=False))
    elif input_kind is not None or output_kind is not None:
        raise ValueError("check_equivariance: give either transforms_in or input_kind/output_kind, not both")
    return measure_equivariance(f, x, transforms_in, transforms_out, rtol, name)


# -- sweeps: the outputs under every element, and the error at any angle ---------------

def logits_under_transforms(model: Callable, x, group: str = "p4m") -> np.ndarray:
    """``out[g] = model(T_g x)`` for every element ``g`` of the stabiliser: ``x [1, C, N, N] -> [|H|, classes]``.

    An invariant model gives ``|H|`` identical rows.
    """
    if not is_tensor(x) or x.ndim != 4 or x.shape[0] != 1:
        raise ValueError(f"logits_under_transforms: expected one image [1, C, N, N], got "
                         f"{tuple(x.shape) if is_tensor(x) else type(x).__name__}")
    H = stabiliser(group)
    return to_numpy(_call(model, torch.cat([transform_image(x, g, group) for g in H.elements])))


def _output_spread(outputs: torch.Tensor) -> float:
    """The mean Euclidean distance between the outputs ``[B, D]`` of different inputs."""
    b = outputs.shape[0]
    return float(torch.cdist(outputs, outputs).sum() / (b * (b - 1)))


def invariance_error_vs_angle(model: Callable, x, angles: Sequence[float], batch_size: int = 256) -> np.ndarray:
    """How far rotating the inputs by each angle moves the outputs, relative to their spread.

    For a batch ``x [B, C, N, N]`` (``B >= 2``) and each angle ``a``::

        error(a) = mean_i |model(R_a x_i) - model(x_i)|  /  mean_{i != j} |model(x_i) - model(x_j)|

    with :func:`~gcnn_teach.actions.rotate_by_angle` as ``R_a`` (exact for multiples of 90
    degrees, bilinear otherwise).  0 means invariant; 1 means rotating a digit moves its
    logits as far as replacing it by another digit.  Dividing by the spread, rather than by
    the size of the logits, keeps an offset that every input shares (common in untrained
    networks) from making any model look invariant.  All rotated copies are run through
    ``model`` together, ``batch_size`` at a time, so put a model with batch normalisation
    or dropout in evaluation mode first.
    """
    if not is_tensor(x) or x.ndim != 4 or x.shape[0] < 2:
        raise ValueError(f"invariance_error_vs_angle: expected a batch [B, C, N, N] with B >= 2, got "
                         f"{tuple(x.shape) if is_tensor(x) else type(x).__name__}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"invariance_error_vs_angle: expected an integer batch_size >= 1, got {batch_size!r}")
    b = x.shape[0]
    rotated = torch.cat([rotate_by_angle(x, float(a)) for a in angles])
    with torch.no_grad():
        reference = model(x).double().flatten(1).cpu()
        spread = _output_spread(reference)
        if spread == 0:
            raise ValueError("invariance_error_vs_angle: the model gives the same output for every input in the "
                             "batch, so there is no spread to measure the error against; use different inputs")
        outputs = torch.cat([model(rotated[s:s + batch_size]).double().flatten(1).cpu()
                             for s in range(0, len(rotated), batch_size)])
    distances = (outputs.view(len(angles), b, -1) - reference).norm(dim=2)  # [angles, B]
    return distances.mean(dim=1).numpy() / spread


def interpolation_error_vs_angle(x, angles: Sequence[float]) -> np.ndarray:
    """The relative error of rotating by ``a`` and back by ``-a``: ``|R_-a R_a x - x| / |x|`` (Frobenius).

    What interpolation alone destroys, before any network sees the image: 0 at multiples
    of 90 degrees, where rotations only move pixels.  ``x`` is a square image ``[..., N, N]``.
    """
    x = torch.as_tensor(np.ascontiguousarray(x) if isinstance(x, np.ndarray) else x, dtype=torch.float64)
    norm = float(x.norm())
    if norm == 0:
        raise ValueError("interpolation_error_vs_angle: the image is zero everywhere, so no error is relative to it")
    return np.asarray([float((rotate_by_angle(rotate_by_angle(x, float(a)), -float(a)) - x).norm()) / norm
                       for a in angles])
