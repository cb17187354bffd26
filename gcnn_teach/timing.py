"""Timing on a shared machine: one helper for chapter 9, the experiment and ``benchmarks/``.

* :func:`torch_threads`: run PyTorch on ``n`` CPU threads inside a ``with`` block (restored after).
* :func:`time_calls`: time several zero-argument calls *side by side*, in interleaved
  rounds, and return a :class:`Timing` (seconds per call, one value per round) for each.

Why not ``torch.utils.benchmark.Timer``: it times one statement at a time, so a burst of
other work on a shared machine lands on whichever candidate happened to be running; taking
turns round by round spreads it over all of them, and the per-round values pair up for
ratios (``benchmarks/run.py`` takes the median of the paired ratios).  Timings are reports,
never asserted against a threshold.
"""

from __future__ import annotations

import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np
import torch

__all__ = ["Timing", "torch_threads", "time_calls"]


@dataclass(frozen=True)
class Timing:
    """Seconds per call, one value per round, with their median and their minimum (``best``)."""

    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return float(np.median(self.seconds))

    @property
    def best(self) -> float:
        return float(min(self.seconds))

    def __str__(self) -> str:
        return f"median {self.median * 1e3:.2f} ms (best {self.best * 1e3:.2f} ms, {len(self.seconds)} runs)"


@contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Run PyTorch on ``n`` CPU threads inside the block and restore the previous number after it.

    ``None`` changes nothing.  One thread is the steadiest (and often the fastest) choice for
    small models on a machine whose cores other work shares.
    """
    previous = torch.get_num_threads()
    try:
        if n is not None:
            torch.set_num_threads(n)
        yield
    finally:
        torch.set_num_threads(previous)


def time_calls(calls: dict[str, Callable[[], object]], repeats: int = 9, warmup: int = 1, *,
               number: int = 1, threads: int | None = None, clock: Callable[[], float] = time.perf_counter,
               sync: Callable[[], None] | None = None, no_grad: bool = True) -> dict[str, Timing]:
    """Time several zero-argument calls side by side: ``{name: Timing}`` in seconds per call.

    ``warmup`` untimed rounds, then ``repeats`` timed ones.  In each round every candidate
    runs ``number`` calls in a row (one block); the order of the candidates is reversed
    every other round, so that none always inherits another's caches.  On a busy machine the
    fastest round (``Timing.best``) is the least disturbed estimate of the cost itself.

    ``threads`` sets PyTorch's CPU threads for the measurement (see :func:`torch_threads`);
    ``clock`` is the clock read around each block (``time.process_time`` measures the CPU
    time of this process only); ``sync`` is called at the end of each block (e.g.
    ``torch.cuda.synchronize`` on a GPU, whose calls return before they finish);
    ``no_grad=False`` keeps autograd on, for calls that run a backward pass.
    """
    seconds: dict[str, list[float]] = {name: [] for name in calls}
    items = list(calls.items())
    with torch_threads(threads), (torch.no_grad() if no_grad else nullcontext()):
        for i in range(warmup + repeats):
            for name, call in items if i % 2 == 0 else items[::-1]:
                start = clock()
                for _ in range(number):
                    call()
                if sync is not None:
                    sync()
                elapsed = clock() - start
                if i >= warmup:
                    seconds[name].append(elapsed / number)
    return {name: Timing(tuple(values)) for name, values in seconds.items()}
