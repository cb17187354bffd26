"""Measuring networks: when pooling keeps equivariance, what a layer costs, how fast it runs,
and how invariance degrades for rotations that are not multiples of 90 degrees.

The numbers behind chapters 8 to 10 of the book, kept here so that a chapter's cells stay
one sentence long.  Nothing here builds a layer; it only calls them.

* :func:`pooling_grid_fits`: the rule for when spatial pooling (or any strided window)
  keeps rotation equivariance.
* :func:`count_costs`: parameters, multiply-adds and activations of every convolution of
  a model, measured with forward hooks on one input.
* :func:`time_call`, :func:`time_calls`: a few timed calls, several candidates interleaved
  (no threshold is ever asserted on them).
* :func:`he_initialise`: the G-CNN layers' initialisation for plain convolutions, so that
  untrained networks are compared on an equal footing.
* :func:`invariance_error_vs_angle`, :func:`interpolation_error_vs_angle`,
  :func:`disk_mask`: the rotation sweeps of chapter 10.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import torch
from torch import nn

from ._validate import check_int_at_least
from .actions import rotate_by_angle, transform_image
from .groups import stabiliser
from .nn import GroupConv2d, LiftingConv2d

__all__ = [
    "pooling_grid_fits",
    "LayerCost",
    "CostReport",
    "count_costs",
    "compare_costs",
    "Timing",
    "time_call",
    "time_calls",
    "he_initialise",
    "logits_under_transforms",
    "disk_mask",
    "output_spread",
    "invariance_error_vs_angle",
    "interpolation_error_vs_angle",
]


# -- pooling grids ----------------------------------------------------------------------

def pooling_grid_fits(size: int, kernel_size: int, stride: int | None = None, padding: int = 0) -> bool:
    """Whether pooling windows on an axis of ``size`` pixels map onto themselves when the axis is reversed.

    The windows start at ``-padding + stride * i`` and are ``kernel_size`` wide.  A
    rotation by 90 degrees reverses one spatial axis, so pooling commutes with it exactly
    when the set of windows is symmetric about the centre of the axis, which happens
    exactly when the last window ends on the last (padded) pixel::

        (size + 2 * padding - kernel_size) % stride == 0

    Otherwise the rows (or columns) left over at the far end are never pooled, and after a
    rotation they are the ones at the near end: different pixels are dropped.  With
    ``stride = 2`` padding cannot help (it adds an even number of pixels); the parity of
    ``size - kernel_size`` decides.
    """
    size = check_int_at_least(size, 1, "pooling_grid_fits", "size")
    kernel_size = check_int_at_least(kernel_size, 1, "pooling_grid_fits", "kernel_size")
    stride = kernel_size if stride is None else check_int_at_least(stride, 1, "pooling_grid_fits", "stride")
    padding = check_int_at_least(padding, 0, "pooling_grid_fits", "padding")
    span = size + 2 * padding - kernel_size
    if span < 0:
        raise ValueError(f"pooling_grid_fits: a window of {kernel_size} does not fit in {size} pixels "
                         f"with padding {padding}")
    return span % stride == 0


# -- cost of a model: parameters, multiply-adds, activations -----------------------------

@dataclass(frozen=True)
class LayerCost:
    """The cost of one convolution for one input: its parameters, the multiply-adds of its
    forward pass and the number of values in its output (the activations it stores)."""

    name: str
    kind: str
    parameters: int
    multiply_adds: int
    activations: int


@dataclass
class CostReport:
    """Per-layer costs of a model (one input), with totals and an HTML table for notebooks."""

    model: str
    layers: list[LayerCost]

    @property
    def parameters(self) -> int:
        return sum(layer.parameters for layer in self.layers)

    @property
    def multiply_adds(self) -> int:
        return sum(layer.multiply_adds for layer in self.layers)

    @property
    def activations(self) -> int:
        return sum(layer.activations for layer in self.layers)

    def __str__(self) -> str:
        width = max([len(layer.name) for layer in self.layers] + [5])
        lines = [f"{self.model}: {self.parameters:,} parameters, {self.multiply_adds:,} multiply-adds, "
                 f"{self.activations:,} activations",
                 f"  {'layer':<{width}}  {'kind':<13}  {'parameters':>10}  {'multiply-adds':>13}  {'activations':>11}"]
        for layer in self.layers:
            lines.append(f"  {layer.name:<{width}}  {layer.kind:<13}  {layer.parameters:>10,}  "
                         f"{layer.multiply_adds:>13,}  {layer.activations:>11,}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{h}</th>" for h in ("layer", "kind", "parameters", "multiply-adds", "activations"))
        rows = [f"<tr><td><code>{c.name}</code></td><td>{c.kind}</td><td>{c.parameters:,}</td>"
                f"<td>{c.multiply_adds:,}</td><td>{c.activations:,}</td></tr>" for c in self.layers]
        rows.append(f"<tr><td><b>total</b></td><td></td><td><b>{self.parameters:,}</b></td>"
                    f"<td><b>{self.multiply_adds:,}</b></td><td><b>{self.activations:,}</b></td></tr>")
        return (f"<p><b>{self.model}</b></p><table><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")


def _inputs_per_output(module: nn.Module) -> tuple[str, int]:
    """The kind of a convolution and how many input values each of its outputs multiplies."""
    k = module.kernel_size
    if isinstance(module, GroupConv2d):  # sum over c, h and the k x k window
        return "group", module.in_channels * module.order * k * k
    if isinstance(module, LiftingConv2d):  # sum over c and the window
        return "lifting", module.in_channels * k * k
    kh, kw = module.kernel_size
    return "plain", module.in_channels // module.groups * kh * kw


def count_costs(model: nn.Module, input_shape: Sequence[int], name: str | None = None) -> CostReport:
    """Run ``model`` on one zero input of ``input_shape`` (``[C, H, W]``) and report every convolution.

    Every output value of a convolution is one dot product, so its multiply-adds are
    ``output values x inputs per output`` (``C_in k k`` for plain and lifting layers,
    ``C_in |H| k k`` for group layers).  The cost of expanding the filter bank (a gather of
    ``|H|`` copies of the weights) is not a multiply-add and is left out.  Convolutions
    are ``nn.Conv2d``, :class:`~gcnn_teach.nn.LiftingConv2d` and
    :class:`~gcnn_teach.nn.GroupConv2d`; other layers (normalisation, pooling) are cheap
    in comparison and not counted.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"count_costs: expected a torch.nn.Module, got {type(model).__name__}")
    if len(input_shape) != 3:
        raise ValueError(f"count_costs: expected input_shape [C, H, W], got {tuple(input_shape)}")
    layers: list[LayerCost] = []

    def hook(module, _inputs, output, label):
        kind, per_output = _inputs_per_output(module)
        values = output[0].numel()  # one input of the batch
        params = sum(p.numel() for p in module.parameters(recurse=False))
        layers.append(LayerCost(label, kind, params, values * per_output, values))

    handles = [module.register_forward_hook(lambda m, i, o, label=label: hook(m, i, o, label))
               for label, module in model.named_modules()
               if isinstance(module, (nn.Conv2d, LiftingConv2d, GroupConv2d))]
    was_training = model.training
    try:
        model.eval()
        reference = next(model.parameters(), None)
        x = torch.zeros((1, *input_shape), dtype=reference.dtype if reference is not None else torch.float32,
                        device=reference.device if reference is not None else "cpu")
        with torch.no_grad():
            model(x)
    finally:
        for handle in handles:
            handle.remove()
        model.train(was_training)
    return CostReport(name or type(model).__name__, layers)


_MEASURES = ("parameters", "multiply_adds", "activations")


def compare_costs(reports: Sequence[CostReport], measure: str = "parameters") -> str:
    """A text table of one ``measure`` layer by layer for models of the same depth, with totals.

    ``measure`` is ``"parameters"``, ``"multiply_adds"`` or ``"activations"``; the layer
    names are those of the first report.
    """
    if measure not in _MEASURES:
        raise ValueError(f"compare_costs: expected measure in {_MEASURES}, got {measure!r}")
    if not reports or len({len(r.layers) for r in reports}) != 1:
        raise ValueError("compare_costs: expected reports of models with the same number of convolutions, got "
                         f"{[len(r.layers) for r in reports]} layers")
    widths = [max(len(r.model), 12) for r in reports]
    name_width = max(len(layer.name) for layer in reports[0].layers + [LayerCost("total", "", 0, 0, 0)])
    lines = [f"{measure.replace('_', '-')}:",
             f"{'layer':<{name_width}}" + "".join(f"  {r.model:>{w}}" for r, w in zip(reports, widths))]
    for i, layer in enumerate(reports[0].layers):
        lines.append(f"{layer.name:<{name_width}}" + "".join(
            f"  {getattr(r.layers[i], measure):>{w},}" for r, w in zip(reports, widths)))
    lines.append(f"{'total':<{name_width}}" + "".join(f"  {getattr(r, measure):>{w},}" for r, w in zip(reports, widths)))
    return "\n".join(lines)


# -- timing -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of ``repeats`` calls, with their median and their minimum (``best``)."""

    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return float(np.median(self.seconds))

    @property
    def best(self) -> float:
        return float(min(self.seconds))

    def __str__(self) -> str:
        return f"median {self.median * 1e3:.2f} ms (best {self.best * 1e3:.2f} ms, {len(self.seconds)} runs)"


def time_call(fn: Callable, *args, repeats: int = 5, warmup: int = 1) -> Timing:
    """Time ``fn(*args)`` ``repeats`` times after ``warmup`` untimed calls, without gradients.

    Timings on a shared machine vary from run to run: compare medians of calls made side
    by side, and never assert a threshold on them.
    """
    if not callable(fn):
        raise TypeError(f"time_call: expected a callable, got {type(fn).__name__}")
    if repeats < 1 or warmup < 0:
        raise ValueError(f"time_call: expected repeats >= 1 and warmup >= 0, got {repeats} and {warmup}")
    seconds = []
    with torch.no_grad():
        for i in range(warmup + repeats):
            start = time.perf_counter()
            fn(*args)
            elapsed = time.perf_counter() - start
            if i >= warmup:
                seconds.append(elapsed)
    return Timing(tuple(seconds))


def time_calls(calls: dict[str, Callable[[], object]], repeats: int = 9, warmup: int = 1,
               threads: int | None = None) -> dict[str, Timing]:
    """Time several zero-argument calls side by side, without gradients: ``{name: Timing}``.

    The candidates take turns (one call each per round), so a burst of other work on a
    shared machine slows all of them alike instead of whichever happened to be running.
    On a busy machine the fastest call (``Timing.best``) is the least disturbed estimate of
    the cost itself; compare those.  ``threads`` sets PyTorch's CPU threads for the
    measurement (restored afterwards): one thread does not depend on how many cores happen
    to be free.
    """
    if not isinstance(calls, dict) or not calls or not all(callable(c) for c in calls.values()):
        raise TypeError("time_calls: expected a non-empty dict name -> zero-argument callable")
    if repeats < 1 or warmup < 0:
        raise ValueError(f"time_calls: expected repeats >= 1 and warmup >= 0, got {repeats} and {warmup}")
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise ValueError(f"time_calls: expected threads to be a positive integer or None, got {threads!r}")
    seconds: dict[str, list[float]] = {name: [] for name in calls}
    previous = torch.get_num_threads()
    try:
        if threads is not None:
            torch.set_num_threads(threads)
        with torch.no_grad():
            for i in range(warmup + repeats):
                for name, call in calls.items():
                    start = time.perf_counter()
                    call()
                    elapsed = time.perf_counter() - start
                    if i >= warmup:
                        seconds[name].append(elapsed)
    finally:
        torch.set_num_threads(previous)
    return {name: Timing(tuple(values)) for name, values in seconds.items()}


# -- invariance -------------------------------------------------------------------------

def he_initialise(model: nn.Module) -> nn.Module:
    """Re-draw every ``nn.Conv2d`` and ``nn.Linear`` weight of ``model`` from N(0, 2 / fan_in), biases 0; in place.

    This is how :mod:`gcnn_teach.nn` initialises its group layers.  PyTorch's default for
    ``nn.Conv2d`` draws smaller weights, so an untrained plain CNN's signal fades layer by
    layer and its logits are nearly the same for every input, which would make it look
    more invariant than it is.  Comparing *untrained* networks is only fair when both are
    initialised alike.  Returns ``model``.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"he_initialise: expected a torch.nn.Module, got {type(model).__name__}")
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            fan_in = module.weight[0].numel()
            nn.init.normal_(module.weight, std=(2.0 / fan_in) ** 0.5)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
    return model


def logits_under_transforms(model: Callable, x: torch.Tensor, group: str = "p4m") -> np.ndarray:
    """``out[g] = model(T_g x)`` for every element ``g`` of the stabiliser: ``x [1, C, N, N] -> [|H|, classes]``.

    An invariant model gives ``|H|`` identical rows.
    """
    if not isinstance(x, torch.Tensor) or x.ndim != 4 or x.shape[0] != 1:
        raise ValueError(f"logits_under_transforms: expected one image [1, C, N, N], got "
                         f"{tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__}")
    H = stabiliser(group)
    batch = torch.cat([transform_image(x, g, group) for g in H.elements])
    with torch.no_grad():
        return model(batch).detach().cpu().double().numpy()


def disk_mask(size: int, radius: float | None = None) -> np.ndarray:
    """``[size, size]`` float32: 1 inside the disc of ``radius`` (default ``size / 2``) about the image centre.

    The centre is ``((size - 1) / 2, (size - 1) / 2)``, the point every rotation of
    :mod:`gcnn_teach.actions` turns about: on a pixel for odd sizes, between four pixels
    for even ones.  A disc-shaped image loses nothing off the square when it is rotated.
    """
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"disk_mask: expected a positive integer size, got {size!r}")
    radius = size / 2 if radius is None else float(radius)
    centre = (size - 1) / 2
    rows, cols = np.mgrid[:size, :size]
    return (((rows - centre) ** 2 + (cols - centre) ** 2) <= radius ** 2).astype(np.float32)


def output_spread(outputs) -> float:
    """The mean Euclidean distance between the outputs ``[B, D]`` of different inputs (``B >= 2``)."""
    outputs = torch.as_tensor(outputs, dtype=torch.float64)
    if outputs.ndim != 2 or outputs.shape[0] < 2:
        raise ValueError(f"output_spread: expected outputs [B, D] with B >= 2, got {tuple(outputs.shape)}")
    b = outputs.shape[0]
    return float(torch.cdist(outputs, outputs).sum() / (b * (b - 1)))


def invariance_error_vs_angle(model: Callable, x: torch.Tensor, angles: Sequence[float],
                              batch_size: int = 256) -> np.ndarray:
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
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError(f"invariance_error_vs_angle: expected a batch [B, C, N, N], got "
                         f"{tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__}")
    if batch_size < 1:
        raise ValueError(f"invariance_error_vs_angle: expected batch_size >= 1, got {batch_size}")
    b = x.shape[0]
    rotated = torch.cat([torch.as_tensor(rotate_by_angle(x, float(a))) for a in angles])
    with torch.no_grad():
        reference = model(x).double().flatten(1).cpu()
        spread = output_spread(reference)
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
    of 90 degrees, where rotations only move pixels.
    """
    x = torch.as_tensor(np.ascontiguousarray(x) if isinstance(x, np.ndarray) else x, dtype=torch.float64)
    norm = float(x.norm())
    if norm == 0:
        raise ValueError("interpolation_error_vs_angle: the image is zero everywhere")
    return np.asarray([float((rotate_by_angle(rotate_by_angle(x, float(a)), -float(a)) - x).norm()) / norm
                       for a in angles])
