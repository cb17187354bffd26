"""Benchmarks of gcnn_teach: speed as ratios against a baseline measured in the same run.

Absolute times depend on the machine and on whatever else it is doing; a ratio against a
baseline timed alongside, in interleaved blocks, mostly does not.  Each benchmark is a
function decorated with ``@benchmark`` that returns :class:`Row` objects; ``main`` runs
them all (or those named with ``--only``) and prints one table.  To add one::

    @benchmark
    def my_benchmark(config: Config) -> list[Row]:
        ...
        baseline_s, candidate_s, ratio = compare(baseline_fn, candidate_fn, config)
        return [Row("what", "baseline", baseline_s, "candidate", candidate_s, ratio, goal=None)]

Run with ``make benchmark`` or ``.venv/bin/python benchmarks/run.py [--threads N] [--quick]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

from gcnn_teach.correlate import lifting_correlation
from gcnn_teach.nn import GroupConv2d, LiftingConv2d
from gcnn_teach.timing import time_calls, torch_threads


@dataclass(frozen=True)
class Config:
    """What every benchmark gets: where to run, and how long to measure."""

    device: torch.device
    repeats: int  # interleaved blocks per side; the ratio is the median over blocks
    min_block_s: float  # each block repeats the call until it lasts at least this long
    quick: bool  # smaller problems, for a smoke test
    clock: Callable[[], float] = time.perf_counter  # time.process_time: CPU time of this process

    def sync(self) -> None:
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)


@dataclass(frozen=True)
class Row:
    """One comparison: ``ratio = candidate time / baseline time`` (lower is better)."""

    name: str
    baseline: str
    baseline_s: float
    candidate: str
    candidate_s: float
    ratio: float
    goal: float | None = None  # the ratio we promise to stay under, if any

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return f"goal <= {self.goal:.2f}: " + ("met" if self.ratio <= self.goal else "NOT MET")


BENCHMARKS: dict[str, Callable[[Config], list[Row]]] = {}


def benchmark(fn: Callable[[Config], list[Row]]) -> Callable[[Config], list[Row]]:
    """Register ``fn`` under its name; ``main`` runs the registered benchmarks in order."""
    BENCHMARKS[fn.__name__] = fn
    return fn


def compare(baseline: Callable[[], object], candidate: Callable[[], object], config: Config) -> tuple[float, float, float]:
    """Seconds per call of ``baseline`` and ``candidate`` (medians), and the median of their paired ratios.

    Both are warmed up, then timed by :func:`gcnn_teach.timing.time_calls` in alternating
    blocks of the same number of calls, so that a change in the machine's load during the
    run affects both sides alike.
    """
    def timed(repeats: int, number: int, warmup: int = 0):
        return time_calls({"baseline": baseline, "candidate": candidate}, repeats, warmup, number=number,
                          clock=config.clock, sync=config.sync, no_grad=False)

    timed(0, 1, warmup=3)
    number = 1
    while True:  # calls per block: enough for the slower side to last min_block_s
        once = timed(1, number)
        if max(t.best for t in once.values()) * number >= config.min_block_s:
            break
        number *= 2
    times = timed(config.repeats, number)
    base, cand = times["baseline"].seconds, times["candidate"].seconds
    ratios = [c / b for b, c in zip(base, cand)]
    return statistics.median(base), statistics.median(cand), statistics.median(ratios)


def _training_step(module: torch.nn.Module, x: torch.Tensor, grad: torch.Tensor) -> Callable[[], None]:
    """Forward and backward, as inside a network: gradients for the weights and for the input."""

    def step():
        module.zero_grad(set_to_none=True)
        x.grad = None
        module(x).backward(grad)

    return step


def _inference(module: torch.nn.Module, x: torch.Tensor) -> Callable[[], torch.Tensor]:
    def run():
        with torch.inference_mode():
            return module(x)

    return run


# -- the benchmarks ---------------------------------------------------------------------

@benchmark
def group_conv_vs_conv2d(config: Config) -> list[Row]:
    """GroupConv2d (p4, 16 fields in and out, 3x3, padding 1) against nn.Conv2d(64, 64, 3, padding=1).

    Both do the same multiply-adds: a p4 field is 4 channels, so the group layer's one
    F.conv2d has 64 channels in and out.  The difference is the price of the filter-bank
    expansion (a gather of the weights every forward pass) and of the shared bias.
    """
    torch.manual_seed(0)
    batch, size, fields, order = (8, 14, 16, 4) if config.quick else (64, 28, 16, 4)
    device = config.device
    group_layer = GroupConv2d(fields, fields, 3, "p4", padding=1).to(device)
    plain = torch.nn.Conv2d(fields * order, fields * order, 3, padding=1).to(device)
    signal = torch.randn(batch, fields, order, size, size, device=device, requires_grad=True)
    image = signal.detach().reshape(batch, fields * order, size, size).clone().requires_grad_()
    grad_signal = torch.randn(batch, fields, order, size, size, device=device)
    grad_image = grad_signal.reshape(batch, fields * order, size, size)
    work = f"batch {batch}, {size}x{size}"
    rows = []
    base, cand, ratio = compare(_training_step(plain, image, grad_image), _training_step(group_layer, signal, grad_signal), config)
    rows.append(Row(f"forward+backward, {work}", "nn.Conv2d(64, 64, 3)", base, "GroupConv2d(16, 16, p4)", cand, ratio, goal=1.10))
    base, cand, ratio = compare(_inference(plain, image.detach()), _inference(group_layer, signal.detach()), config)
    rows.append(Row(f"inference, {work}", "nn.Conv2d(64, 64, 3)", base, "GroupConv2d(16, 16, p4)", cand, ratio))
    return rows


@benchmark
def numpy_lifting_vs_conv2d(config: Config) -> list[Row]:
    """The vectorised NumPy lifting_correlation (p4, 16 -> 16 fields, 3x3, padding 1) against
    F.conv2d with the same expanded bank of 64 filters, one 28x28 image at a time (the NumPy
    reference has no batch axis).  This is the price of readability, not a goal.
    """
    rng = np.random.default_rng(0)
    fields, size = (4, 14) if config.quick else (16, 28)
    x = rng.standard_normal((fields, size, size)).astype(np.float32)
    w = rng.standard_normal((fields, fields, 3, 3)).astype(np.float32)
    layer = LiftingConv2d(fields, fields, 3, "p4", padding=1, bias=False)
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(w))
        bank = layer.filter_bank().to(config.device)
    image = torch.from_numpy(x)[None].to(config.device)
    np.testing.assert_allclose(  # the same work: the same numbers
        lifting_correlation(x, w, "p4", padding=1).reshape(fields * 4, size, size),
        F.conv2d(image, bank, padding=1)[0].cpu().numpy(), rtol=1e-4, atol=1e-4)

    def torch_conv():
        with torch.inference_mode():
            return F.conv2d(image, bank, padding=1)

    base, cand, ratio = compare(torch_conv, lambda: lifting_correlation(x, w, "p4", padding=1), config)
    return [Row(f"one {fields}x{size}x{size} image, float32", "F.conv2d, expanded bank", base,
                "NumPy lifting_correlation", cand, ratio)]


# -- running them -----------------------------------------------------------------------

def _format(rows: list[Row]) -> str:
    header = ("benchmark", "baseline", "time", "candidate", "time", "ratio", "")
    table = [header] + [(r.name, r.baseline, f"{r.baseline_s * 1e3:.2f} ms", r.candidate, f"{r.candidate_s * 1e3:.2f} ms",
                         f"{r.ratio:.3f}", r.verdict) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads for every benchmark (default 1: steady numbers on a shared machine)")
    parser.add_argument("--device", default="cpu", help="torch device, e.g. cpu or cuda")
    parser.add_argument("--repeats", type=int, default=15, help="interleaved timing blocks per side")
    parser.add_argument("--min-block", type=float, default=0.2, help="seconds each timing block lasts at least")
    parser.add_argument("--clock", choices=["cpu", "wall"], default=None,
                        help="cpu: CPU time of this process, robust to other processes on a shared machine "
                             "(the default on the CPU); wall: elapsed time (the default, and the only choice, on a GPU)")
    parser.add_argument("--quick", action="store_true", help="small problems and few repeats: a smoke test")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these benchmarks")
    args = parser.parse_args(argv)
    device = torch.device(args.device)
    clock = args.clock or ("cpu" if device.type == "cpu" else "wall")
    if clock == "cpu" and device.type != "cpu":
        parser.error("--clock cpu measures only the CPU: use --clock wall on a GPU")
    config = Config(device, 3 if args.quick else args.repeats, 0.01 if args.quick else args.min_block, args.quick,
                    time.process_time if clock == "cpu" else time.perf_counter)
    with torch_threads(args.threads):
        print(f"torch {torch.__version__}, numpy {np.__version__}, device {config.device}, "
              f"torch threads {torch.get_num_threads()}, {clock} clock, {config.repeats} interleaved blocks per side")
        rows = []
        for name in args.only or BENCHMARKS:
            rows.extend(BENCHMARKS[name](config))
    print(_format(rows))
    return 0  # a report, not a test: timings on a shared machine are too noisy to fail a build on


if __name__ == "__main__":
    sys.exit(main())
