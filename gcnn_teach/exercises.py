"""Checkers for coursework: hand in your own function, get a verdict you can act on.

Each checker runs your code on random inputs, compares it with the package's reference
and with the equivariance it must have, and returns a :class:`Verdict` (a
:class:`~gcnn_teach.equivariance.CheckResult`, like every ``check_*`` of the package).  When your code
is wrong, the verdict says *which element of the group breaks it and by how much*, and,
when your output matches a classic mistake (a filter rotated the wrong way, an action
without the inverse, a rotation axis that is not cycled, a stride that breaks the
symmetry), it names the mistake.

    >>> from gcnn_teach.exercises import check_lifting_correlation
    >>> verdict = check_lifting_correlation(my_lifting, group="p4")
    >>> verdict                   # or verdict.assert_holds() in a test
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from . import correlate
from .actions import transform_image, transform_signal
from .equivariance import (CheckResult, Measurement, check_equivariance, declared_kinds, measure_equivariance,
                          relative_error, to_numpy, translation_transforms)
from .groups import stabiliser

__all__ = [
    "Verdict",
    "check_image_action",
    "check_signal_action",
    "check_lifting_correlation",
    "check_group_correlation",
    "check_layer",
    "check_translation",
]


@dataclass(repr=False)
class Verdict(CheckResult):
    """The outcome of a coursework check (a :class:`~gcnn_teach.equivariance.CheckResult`).

    ``holds`` is the verdict, ``summary`` one line, ``details`` what breaks and why (the
    element, the classic mistake), ``rows`` a per-element table where the check measured one.
    """

    holds: bool
    summary: str
    details: list[str] = field(default_factory=list)
    rows: list[Measurement] = field(default_factory=list)
    rtol: float | None = None


def _call(fn: Callable, *args, what: str):
    try:
        return fn(*args), None
    except Exception as error:  # the student's code may fail in any way: report it
        return None, f"calling your {what} raised {type(error).__name__}: {error}"


def _compare(out, expected, what: str) -> tuple[bool, str | None, np.ndarray | None]:
    """Check type and shape, then return (equal, problem, student output as float64)."""
    try:
        out = to_numpy(out)
    except TypeError:
        return False, f"your {what} returned {type(out).__name__}, expected an array of shape {expected.shape}", None
    if out.shape != expected.shape:
        return False, f"your {what} returned shape {out.shape}, expected {expected.shape}", out
    return relative_error(out, expected) <= _RTOL, None, out


#: Two arrays are "the same" here when their relative error (equivariance.relative_error) is at most this.
_RTOL = 1e-6


def _diagnose(out: np.ndarray, candidates: dict[str, np.ndarray]) -> list[str]:
    """Name the classic mistakes whose output ``out`` matches."""
    return [message for message, wrong in candidates.items()
            if wrong.shape == out.shape and relative_error(out, wrong) <= _RTOL]


def _per_element(out: np.ndarray, expected: np.ndarray, group: str, axis: int = 1) -> list[str]:
    """Relative error of each element's slice of the group axis, worst first."""
    H = stabiliser(group)
    rows = []
    for g in H.elements:
        err = relative_error(np.take(out, g, axis=axis), np.take(expected, g, axis=axis))
        if err > _RTOL:
            rows.append((err, f"the map for element {H.label(g)} differs by {err:.2e} (relative)"))
    worst = [text for _, text in sorted(rows, reverse=True)]
    if len(worst) > 3:
        worst = worst[:3] + [f"... and {len(worst) - 3} more elements"]
    return worst


# -- actions --------------------------------------------------------------------------

def _compare_each_element(fn: Callable, data: np.ndarray, group: str, expected_of: Callable,
                          mistakes_of: Callable) -> Verdict | list[str]:
    """Call ``fn(data, g)`` for every element; a problem with a call or a shape ends the check
    (returned as a Verdict), a mismatch adds a line naming the element and any matching mistake."""
    H = stabiliser(group)
    details = []
    for g in H.elements:
        out, problem = _call(fn, data.copy(), g, what="action")
        if problem:
            return Verdict(False, problem)
        expected = expected_of(g)
        ok, problem, out = _compare(out, expected, "action")
        if problem:
            return Verdict(False, problem)
        if not ok:
            hints = _diagnose(out, mistakes_of(g))
            details.append(f"element {H.label(g)}: relative error {relative_error(out, expected):.2e}" +
                           (f" ({hints[0]})" if hints else ""))
    return details


def check_image_action(fn: Callable, group: str = "p4", size: int = 5, seed: int = 0) -> Verdict:
    """Check ``fn(x, g)`` against :math:`T_g x` for every element ``g`` (``x`` is ``[C, N, N]``)."""
    H = stabiliser(group)
    x = np.random.default_rng(seed).normal(size=(2, size, size))

    def mistakes(g):
        m, r = divmod(g, 4)
        found = {"it equals the action of the inverse element: rotate the other way "
                 "(np.rot90 with +r is counter-clockwise)": transform_image(x, H.inverse(g), group)}
        if m:
            found["it mirrors first and rotates second; the convention is rotate by r, then mirror"] = \
                transform_image(x[..., ::-1], r, group)
        return found

    details = _compare_each_element(fn, x, group, lambda g: transform_image(x, g, group), mistakes)
    if isinstance(details, Verdict):
        return details
    if details:
        return Verdict(False, f"your action differs from T_g on {len(details)} of {H.order} elements of {H.name}", details)
    return Verdict(True, f"your action equals T_g for all {H.order} elements of {H.name}")


def check_signal_action(fn: Callable, group: str = "p4", size: int = 5, seed: int = 0) -> Verdict:
    """Check ``fn(f, g)`` against the left regular action :math:`L_g f` (``f`` is ``[C, |H|, N, N]``).

    Also checks the composition rule :math:`L_g L_h = L_{gh}` and names the pair that breaks it.
    """
    H = stabiliser(group)
    f = np.random.default_rng(seed).normal(size=(2, H.order, size, size))

    def mistakes(g):
        return {
            "the group axis is read at g h instead of g^-1 h: the inverse is missing":
                transform_image(f[:, [H.compose(g, h) for h in H.elements]], g, group),
            "the maps are rotated but the group axis is not permuted (cycled)": transform_image(f, g, group),
            "the group axis is permuted but the maps are not rotated":
                f[:, [H.compose(H.inverse(g), h) for h in H.elements]],
        }

    details = _compare_each_element(fn, f, group, lambda g: transform_signal(f, g, group), mistakes)
    if isinstance(details, Verdict):
        return details
    # the composition rule, which is what the inverse is for
    for g in H.elements:
        for h in H.elements:
            left, _ = _call(fn, _call(fn, f.copy(), h, what="action")[0], g, what="action")
            right, _ = _call(fn, f.copy(), H.compose(g, h), what="action")
            if left is None or right is None or to_numpy(left).shape != to_numpy(right).shape:
                continue
            err = relative_error(to_numpy(left), to_numpy(right))
            if err > _RTOL:
                details.append(f"composition fails: L_{H.label(g)} L_{H.label(h)} != L_{H.label(H.compose(g, h))} "
                               f"(relative error {err:.2e})")
                break
        else:
            continue
        break
    if details:
        return Verdict(False, f"your action is not the left regular action of {group}", details)
    return Verdict(True, f"your action equals L_g for all {H.order} elements and satisfies L_g L_h = L_gh")


# -- correlations ---------------------------------------------------------------------

def _lifting_mistakes(x, w, group, padding):
    H = stabiliser(group)
    order = H.order
    inverse = [H.inverse(g) for g in H.elements]
    reference = correlate.lifting_correlation(x, w, group, padding)
    flipped = np.stack([correlate.correlate2d(x, w[:, :, ::-1, ::-1], padding)] * order, axis=1)
    return {
        "the filter is transformed by g^-1 instead of g (rotated the wrong way)": reference[:, inverse],
        "the filter is not transformed at all: every map is the same plain correlation":
            np.stack([correlate.correlate2d(x, w, padding)] * order, axis=1),
        "the filter is flipped (a convolution, not a correlation)": flipped,
    }


def _check_correlation(fn: Callable, group: str, seed: int, what: str, input_kind: str,
                       reference: Callable, mistakes: Callable) -> Verdict:
    """Run ``fn(input, w)`` on an odd and an even size against ``reference`` and explain a mismatch.

    ``input_kind`` is ``"image"`` (lifting) or ``"signal"`` (group correlation): it fixes the
    shapes of the random input and filters and the action on the input side.
    """
    H = stabiliser(group)
    rng = np.random.default_rng(seed)
    group_axis = (H.order,) if input_kind == "signal" else ()
    for size in (7, 8):
        x = rng.normal(size=(2,) + group_axis + (size, size))
        w = rng.normal(size=(3, 2) + group_axis + (3, 3))
        out, problem = _call(fn, x.copy(), w.copy(), what=what)
        if problem:
            return Verdict(False, problem)
        expected = reference(x, w, group)
        ok, problem, out = _compare(out, expected, what)
        if problem:
            return Verdict(False, problem, [f"input {x.shape}, filters w {w.shape}, group {group!r}"])
        if not ok:
            details = _diagnose(out, mistakes(x, w, group, 0)) + _per_element(out, expected, group)
            report = check_equivariance(lambda inp: fn(inp, w), x, group=group, input_kind=input_kind,
                                        output_kind="signal", name=f"your {what}")
            details.append(report.summary)
            return Verdict(False, f"your {what} differs from the reference on a {size}x{size} input", details)
    return Verdict(True, f"your {what} matches the reference for all {H.order} elements of {H.name} "
                         "on odd and even sizes")


def check_lifting_correlation(fn: Callable, group: str = "p4", seed: int = 0) -> Verdict:
    """Check ``fn(x, w)`` (``x [C_in, H, W]``, ``w [C_out, C_in, k, k]``) against the lifting correlation.

    Your function should return ``[C_out, |H|, H', W']`` with ``out[o, g] = corr(x, T_g w[o])``
    (no padding).  It is tested on an odd and an even image size, and its equivariance
    ``lifting(T_g x) = L_g lifting(x)`` is measured.
    """
    return _check_correlation(fn, group, seed, "lifting correlation", "image",
                              correlate.lifting_correlation, _lifting_mistakes)


def _group_mistakes(f, w, group, padding):
    H = stabiliser(group)
    rotate_only = np.stack([transform_image(w, g, group) for g in H.elements], axis=1)
    cycle_only = np.stack([w[:, :, [H.compose(H.inverse(g), h) for h in H.elements]] for g in H.elements], axis=1)
    inverse = [H.inverse(g) for g in H.elements]
    reference = correlate.group_correlation(f, w, group, padding)

    def with_bank(bank):
        c_out, order, c_in = bank.shape[:3]
        planar = f.reshape(-1, *f.shape[-2:])
        out = correlate.correlate2d(planar, bank.reshape(c_out * order, c_in * order, *bank.shape[-2:]), padding)
        return out.reshape(c_out, order, *out.shape[-2:])

    return {
        "the filter is transformed by g^-1 instead of g (rotated the wrong way)": reference[:, inverse],
        "the filter's maps are rotated but its rotation axis is not cycled (permuted)": with_bank(rotate_only),
        "the filter's rotation axis is cycled but its maps are not rotated": with_bank(cycle_only),
    }


def check_group_correlation(fn: Callable, group: str = "p4", seed: int = 0) -> Verdict:
    """Check ``fn(f, w)`` (``f [C_in, |H|, H, W]``, ``w [C_out, C_in, |H|, k, k]``) against the group correlation.

    Your function should return ``[C_out, |H|, H', W']`` with
    ``out[o, g] = sum_c sum_h corr(f[c, h], (L_g w[o, c])[h])`` (no padding).
    """
    return _check_correlation(fn, group, seed, "group correlation", "signal",
                              correlate.group_correlation, _group_mistakes)


# -- any layer ------------------------------------------------------------------------

def check_layer(layer: Callable, group: str = "p4", input_kind: str | None = None, output_kind: str | None = None,
                channels: int = 1, sizes: tuple[int, ...] = (9, 10), batch: int | None = 2,
                backend: str = "torch", seed: int = 0) -> Verdict:
    """Check that ``layer`` is equivariant (or invariant) on inputs of each size in ``sizes``.

    ``input_kind``/``output_kind`` are ``"image"``, ``"signal"`` or (output only)
    ``"invariant"``; a layer of :mod:`gcnn_teach.nn` declares them, a plain callable takes
    ``"image"`` in and the input kind out unless told.  Inputs are ``[B, C, (|H|,) N, N]`` torch tensors (``backend="torch"``)
    or ``[C, (|H|,) N, N]`` NumPy arrays (``backend="numpy"``, ``batch`` ignored).  When the
    layer passes on some sizes and fails on others, the verdict says so: a stride or a
    pooling grid that is not symmetric about the centre is the usual reason.
    """
    H = stabiliser(group)
    declared_in, declared_out = declared_kinds(layer)
    input_kind = input_kind or declared_in or "image"
    output_kind = output_kind or declared_out or input_kind
    rng = np.random.default_rng(seed)
    results = {}
    for size in sizes:
        shape = (channels,) + ((H.order,) if input_kind == "signal" else ()) + (size, size)
        x = rng.normal(size=shape)
        if backend == "torch":
            import torch

            x = torch.as_tensor(rng.normal(size=((batch or 1),) + shape), dtype=torch.float32)
        elif backend != "numpy":
            raise ValueError(f"check_layer: expected backend 'torch' or 'numpy', got {backend!r}")
        try:
            report = check_equivariance(layer, x, group=group, input_kind=input_kind, output_kind=output_kind,
                                        name="your layer")
        except Exception as error:
            return Verdict(False, f"on a {size}x{size} input your layer raised {type(error).__name__}: {error}")
        results[size] = report
    passed = [s for s, r in results.items() if r.holds]
    failed = [s for s, r in results.items() if not r.holds]
    kind = "invariant" if output_kind == "invariant" else "equivariant"
    rows = [Measurement(f"{size}x{size}, {m.label}", m.max_abs_error, m.max_rel_error)
            for size, report in results.items() for m in report.rows]
    rtol = max(report.rtol for report in results.values())
    if not failed:
        return Verdict(True, f"your layer is {kind} under every element of {H.name} (the {H.order - 1} besides the identity) "
                             f"on sizes {', '.join(map(str, sizes))}", rows=rows, rtol=rtol)
    details = []
    for size in failed:
        worst = results[size].worst
        details.append(f"size {size}x{size}: under {worst.label} the relative error is {worst.max_rel_error:.2e} "
                       f"({len(results[size].failures)} of the {H.order - 1} elements other than the identity fail)")
    if passed:
        details.append(f"it is {kind} on sizes {', '.join(map(str, passed))} but not on "
                       f"{', '.join(map(str, failed))}: a stride or pooling grid that does not map onto itself "
                       "under rotation (not symmetric about the image centre) breaks equivariance")
    return Verdict(False, f"your layer is not {kind} under {H.name}", details, rows, rtol)


def check_translation(fn: Callable, x, shifts=((0, 1), (1, 0), (1, 1), (2, 3)), mode: str = "circular",
                      output: str = "equivariant", stride: int = 1) -> Verdict:
    """Check that ``fn`` is translation equivariant (or, with ``output="invariant"``, invariant) at ``x``.

    ``shifts`` are ``(down, right)`` pixel shifts applied with :func:`gcnn_teach.actions.translate`
    in ``mode`` (``"circular"`` or ``"zero"``) to the input.  For equivariance the output is
    expected to move by ``shift / stride`` (a map that subsamples by ``stride`` moves its
    output by fewer pixels); a shift that is not a multiple of ``stride`` has no exact
    counterpart, and such shifts are where aliasing shows.  When only some shifts fail, the
    verdict says which and names the usual reason.
    """
    if output not in ("equivariant", "invariant"):
        raise ValueError(f"check_translation: expected output 'equivariant' or 'invariant', got {output!r}")
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError(f"check_translation: expected a positive integer stride, got {stride!r}")
    transforms_in = translation_transforms(shifts, mode)
    if output == "invariant":
        transforms_out = "invariant"
    else:
        # one output transformation per input shift (several shifts may map to the same one)
        transforms_out = {label: next(iter(translation_transforms([(s[0] // stride, s[1] // stride)], mode).values()))
                          for label, s in zip(transforms_in, shifts)}
    try:
        report = measure_equivariance(fn, x, transforms_in, transforms_out, name="your map")
    except Exception as error:
        return Verdict(False, f"measuring your map raised {type(error).__name__}: {error}")
    if report.holds:
        return Verdict(True, f"your map is translation {output} for the shifts {', '.join(map(str, shifts))} "
                             f"(largest relative error {report.max_rel_error:.1e})", rows=report.rows, rtol=report.rtol)
    failing = {m.label for m in report.failures}
    details = [f"{m.label}: relative error {m.max_rel_error:.2e}" for m in report.failures]
    off_grid = {f"shift {tuple(s)}" for s in shifts if any(int(v) % max(stride, 2) for v in s)}
    on_grid_moves = {f"shift {tuple(s)}" for s in shifts if any(s)} - off_grid
    # the aliasing hint needs evidence: a real shift on the grid that passed
    if failing <= off_grid and on_grid_moves - failing:
        details.append(f"only shifts that are not multiples of {max(stride, 2)} fail: a stride or a pooling "
                       "samples the output on a grid that such a shift moves off (aliasing)")
    if mode == "zero":
        details.append("with zero-fill translation, content leaving the image is lost: compare away from the border")
    return Verdict(False, f"your map is not translation {output} for {len(failing)} of {len(shifts)} shifts", details,
                   report.rows, report.rtol)
