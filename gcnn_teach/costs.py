"""What a model costs: parameters, multiply-adds and activations of every convolution.

Chapter 9 compares the paper's Z2CNN and P4CNN layer by layer with these counts.
:func:`count_costs` measures them with forward hooks on one input, so it needs no formula
for the output sizes; :func:`compare_costs` lines several models up in one text table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import torch
from torch import nn

from .nn import GroupConv2d, LiftingConv2d

__all__ = ["LayerCost", "CostReport", "count_costs", "compare_costs"]


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


def compare_costs(reports: Sequence[CostReport], measure: str = "parameters") -> str:
    """A text table of one ``measure`` layer by layer for models of the same depth, with totals.

    ``measure`` is ``"parameters"``, ``"multiply_adds"`` or ``"activations"``; the layer
    names are those of the first report.
    """
    widths = [max(len(r.model), 12) for r in reports]
    name_width = max(len(layer.name) for layer in reports[0].layers + [LayerCost("total", "", 0, 0, 0)])
    lines = [f"{measure.replace('_', '-')}:",
             f"{'layer':<{name_width}}" + "".join(f"  {r.model:>{w}}" for r, w in zip(reports, widths))]
    for i, layer in enumerate(reports[0].layers):
        lines.append(f"{layer.name:<{name_width}}" + "".join(
            f"  {getattr(r.layers[i], measure):>{w},}" for r, w in zip(reports, widths)))
    lines.append(f"{'total':<{name_width}}" + "".join(f"  {getattr(r, measure):>{w},}" for r, w in zip(reports, widths)))
    return "\n".join(lines)
