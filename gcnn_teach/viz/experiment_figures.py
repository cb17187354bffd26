"""Figures of chapter 11 (the rotated-digits experiment).

* :func:`error_comparison_figure` -- our test errors per model (one dot per run, the mean with
  its 95% interval) in one panel, the paper's Table 1 numbers in another, each on its own
  scale, because the data sets differ.
* :func:`gap_figure` -- how far P4CNN is ahead of Z2CNN at each training-set size: the
  absolute gap (percentage points) and the relative one (error ratio), each with its interval.

The other figures of the chapter reuse the book's general functions:
:func:`~gcnn_teach.viz.group_figures.images_figure` (sample digits),
:func:`~gcnn_teach.viz.charts.learning_curve_figure` (sample efficiency) and
:func:`~gcnn_teach.viz.charts.plot_logits_under_transforms` (logits of rotated inputs).
"""

from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from .style import COLORS, PALETTE

__all__ = ["error_comparison_figure", "gap_figure"]


def _interval(intervals, name):
    if intervals is None or name not in intervals:
        return None
    low, high = intervals[name]
    if not (np.isfinite(low) and np.isfinite(high)):
        return None
    return float(low), float(high)


def error_comparison_figure(errors: Mapping[str, Sequence[float]], paper: Mapping[str, float], *,
                            intervals: Mapping[str, tuple[float, float]] | None = None,
                            ours_title: str = "ours: rotated digits",
                            paper_title: str = "Cohen & Welling (2016): rotated MNIST",
                            unit: str = "%", labels: Mapping[str, str] | None = None) -> Figure:
    """Two panels of test error per model, one row per model: ``errors[model]`` and ``paper[model]``.

    The left panel shows every run as a dot, the mean as a bar and, for the models in
    ``intervals``, the 95% interval ``(low, high)`` as a line; the right panel the paper's single
    numbers as bars, for the models it has.  Models appear top to bottom in the order of
    ``errors``; values are drawn as given (``unit`` labels the axes); ``labels`` renames models.
    """
    if not isinstance(errors, Mapping) or not errors:
        raise ValueError("error_comparison_figure: expected a non-empty dict model -> test errors (one per run)")
    if not isinstance(paper, Mapping) or not set(paper) & set(errors):
        raise ValueError("error_comparison_figure: expected the paper's numbers for at least one of the models")
    names = list(errors)
    rows = len(names)
    fig, (ours, theirs) = plt.subplots(1, 2, figsize=(7.6, 1.2 + 0.42 * rows), sharey=True,
                                       gridspec_kw={"width_ratios": [2.2, 1]})
    rng = np.random.default_rng(0)  # a fixed vertical jitter, so equal errors do not hide each other
    for i, name in enumerate(names):
        values = np.asarray(errors[name], dtype=float)
        if values.ndim != 1 or values.size == 0:
            raise ValueError(f"error_comparison_figure: {name!r} needs a 1-D list of errors, got shape {values.shape}")
        colour = COLORS[i % len(COLORS)]
        jitter = rng.uniform(-0.18, 0.18, size=values.size) if values.size > 1 else np.zeros(1)
        ours.plot(values, i + jitter, "o", color=colour, alpha=0.45, markersize=4)
        ours.vlines(values.mean(), i - 0.32, i + 0.32, color=colour, linewidth=2.5)
        ci = _interval(intervals, name)
        if ci is not None:
            ours.hlines(i, *ci, color=PALETTE["black"], linewidth=1.5)
    shown = [name for name in names if name in paper]
    theirs.barh([names.index(n) for n in shown], [paper[n] for n in shown],
                color=[COLORS[names.index(n) % len(COLORS)] for n in shown], height=0.55)
    ours.set_yticks(range(rows), [(labels or {}).get(name, name) for name in names])
    ours.set_ylim(rows - 0.5, -0.5)
    for ax, title in ((ours, ours_title), (theirs, paper_title)):
        ax.set_xlim(left=0)
        ax.set_xlabel(f"test error ({unit})")
        ax.set_title(title, fontsize=10)
    # the key goes under the paper's bars, where no data are drawn
    theirs.plot([], [], "o", color=PALETTE["black"], alpha=0.45, label="one run (ours)")
    theirs.plot([], [], "|", color=PALETTE["black"], markersize=10, markeredgewidth=2.5, label="mean (ours)")
    if intervals:
        theirs.plot([], [], "-", color=PALETTE["black"], linewidth=1.5, label="95% interval (ours)")
    theirs.legend(loc="lower right", fontsize=8)
    return fig


def gap_figure(sizes: Sequence[int], absolute: Mapping[str, Sequence[float]],
               relative: Mapping[str, Sequence[float]], *, label: str = "Z2CNN − P4CNN",
               ratio_label: str = "P4CNN / Z2CNN") -> Figure:
    """The gap between two models against training-set size (log scale), in two panels.

    ``absolute`` and ``relative`` are ``{"mean": [...], "low": [...], "high": [...]}`` per size:
    the difference of test errors in percentage points and the ratio of test errors, each
    with its 95% interval (drawn as a band).  A dotted line marks no gap (0, and a ratio of 1).
    """
    sizes = np.asarray(sizes, dtype=float)
    fig, axes = plt.subplots(1, 2, figsize=(7.2, 3.0))
    for ax, values, title, none in ((axes[0], absolute, f"{label} (percentage points)", 0.0),
                                    (axes[1], relative, ratio_label, 1.0)):
        for key in ("mean", "low", "high"):
            if len(values[key]) != len(sizes):
                raise ValueError(f"gap_figure: {key!r} needs {len(sizes)} values, got {len(values[key])}")
        ax.fill_between(sizes, values["low"], values["high"], color=COLORS[0], alpha=0.25, label="95% interval")
        ax.plot(sizes, values["mean"], "o-", color=COLORS[0], label="mean")
        ax.axhline(none, color=PALETTE["black"], linestyle=":", linewidth=1)
        ax.set_xscale("log")
        ax.set_xticks(sizes, [f"{int(n)}" for n in sizes])
        ax.minorticks_off()
        ax.set_xlabel("training images (log scale)")
        ax.set_title(title, fontsize=10)
    axes[0].legend(loc="upper right", fontsize=8)
    return fig
