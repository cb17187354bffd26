"""The book's charts: lines, bars and grids, one function per kind of figure.

* chapter 1: :func:`curve_fits_figure` (fitted curves over training points) and
  :func:`learning_curve_figure` (test accuracy against training-set size);
* chapters 8-10: :func:`plot_error_vs_angle`, :func:`plot_logits_under_transforms`,
  :func:`plot_pooling_windows`, :func:`plot_index_arrays` and :func:`plot_cost_comparison`;
* chapter 11 (the rotated-digits experiment): :func:`error_comparison_figure` (our test
  errors per model, one dot per run with the mean and its 95% interval, beside the paper's
  Table 1, each on its own scale) and :func:`gap_figure` (how far P4CNN is ahead of Z2CNN at
  each training-set size, absolute and relative, each with its interval).

Every function returns a :class:`matplotlib.figure.Figure` and draws with the book's colours
(:mod:`gcnn_teach.viz.style`); the chapters call
:func:`~gcnn_teach.viz.style.use_book_style` once, in their first cell.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .style import COLORS, IMAGE_CMAP, PALETTE

__all__ = [
    "error_comparison_figure",
    "gap_figure",
    "curve_fits_figure",
    "learning_curve_figure",
    "plot_error_vs_angle",
    "plot_logits_under_transforms",
    "plot_pooling_windows",
    "plot_index_arrays",
    "plot_cost_comparison",
]


# -- chapter 1: flexibility -------------------------------------------------------------

def curve_fits_figure(x_train, y_train, grid, panels: Sequence[Mapping[str, np.ndarray]], *, target=None,
                      titles: Sequence[str] | None = None, ylim: tuple[float, float] | None = None,
                      shade: tuple[float, float] | None = None) -> Figure:
    """One panel per mapping ``label -> values on grid``: the fitted curves over the training points.

    ``target`` (values on ``grid``) is drawn dashed in every panel; ``shade = (a, b)``
    marks the interval ``[a, b]`` where there is no training data; ``ylim`` clips the
    view (curves that leave it are cut at the frame).
    """
    grid = np.asarray(grid, dtype=float)
    x_train, y_train = np.asarray(x_train, dtype=float), np.asarray(y_train, dtype=float)
    fig, axes = plt.subplots(1, len(panels), figsize=(3.4 * len(panels), 3.0), sharey=True, squeeze=False)
    for k, (ax, fits) in enumerate(zip(axes[0], panels)):
        if shade is not None:
            ax.axvspan(*shade, color="0.92", zorder=0, label="no training data")
        if target is not None:
            ax.plot(grid, np.asarray(target, dtype=float), color=PALETTE["black"], linestyle="--", linewidth=1.2,
                    label="target")
        for i, (label, values) in enumerate(fits.items()):
            values = np.asarray(values, dtype=float)
            ax.plot(grid, values, color=COLORS[i % len(COLORS)], linewidth=1.8, label=label)
        ax.plot(x_train, y_train, "o", color=PALETTE["black"], markersize=5, label="training data", zorder=5)
        ax.set_xlim(grid.min(), grid.max())
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.set_xlabel("$x$")
        if titles is not None:
            ax.set_title(titles[k])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=8)
    axes[0, 0].set_ylabel("$y$")
    return fig


def learning_curve_figure(sizes, accuracies: Mapping[str, np.ndarray], *, chance: float | None = None,
                          ylabel: str = "test accuracy") -> Figure:
    """Test accuracy against training-set size (log scale), one line per model class.

    ``accuracies[label]`` has shape ``[seeds, len(sizes)]``; the line is the mean over
    seeds and each seed is a dot.  ``chance`` draws the accuracy of guessing as a dotted line.
    """
    sizes = np.asarray(sizes, dtype=float)
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    markers = "osD^v"
    for i, (label, values) in enumerate(accuracies.items()):
        values = np.atleast_2d(np.asarray(values, dtype=float))
        colour = COLORS[i % len(COLORS)]
        for seed_values in values:
            ax.plot(sizes, seed_values, markers[i % len(markers)], color=colour, alpha=0.35, markersize=4)
        ax.plot(sizes, values.mean(axis=0), color=colour, marker=markers[i % len(markers)], label=label)
    if chance is not None:
        ax.axhline(chance, color=PALETTE["black"], linestyle=":", linewidth=1, label="chance")
    ax.set_xscale("log")
    ax.set_xticks(sizes, [f"{int(n)}" for n in sizes])
    ax.minorticks_off()
    ax.set_ylim(0, 1)
    ax.set_xlabel("training examples (log scale)")
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=min(len(accuracies) + (chance is not None), 3))
    return fig


# -- chapters 8-10: angles, logits, pooling windows, index arrays, costs ----------------

def plot_error_vs_angle(angles: Sequence[float], errors: Mapping[str, Sequence[float]],
                        ylabel: str = "invariance error", title: str | None = None,
                        styles: Mapping[str, dict] | None = None, ax=None,
                        spread: Mapping[str, tuple[Sequence[float], Sequence[float]]] | None = None):
    """One line per model: ``errors[label][i]`` at ``angles[i]`` degrees; dotted lines mark multiples of 90.

    ``styles`` optionally maps a label to extra keyword arguments for its line
    (``linestyle``, ``color``, ...).  ``spread`` optionally maps a label to ``(low, high)``
    per angle (for example the smallest and largest value over seeds), drawn as a shaded
    band in the line's colour.
    """
    angles = np.asarray(angles, dtype=float)
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(6.4, 3.4))
    for quarter in np.arange(0, angles.max() + 1, 90):
        ax.axvline(quarter, color=PALETTE["black"], linewidth=0.6, linestyle=":", alpha=0.6)
    markers = "osD^v<>"
    for i, (label, values) in enumerate(errors.items()):
        style = {"color": COLORS[i % len(COLORS)], "marker": markers[i % len(markers)], "markersize": 4}
        style.update((styles or {}).get(label, {}))
        ax.plot(angles, np.asarray(values, dtype=float), label=label, **style)
        if spread is not None and label in spread:
            low, high = (np.asarray(v, dtype=float) for v in spread[label])
            if low.shape != angles.shape or high.shape != angles.shape:
                raise ValueError(f"plot_error_vs_angle: spread[{label!r}] needs (low, high) with {len(angles)} "
                                 f"values each, got shapes {low.shape} and {high.shape}")
            ax.fill_between(angles, low, high, color=style["color"], alpha=0.2, linewidth=0)
    ax.set_xticks(np.arange(0, angles.max() + 1, 45))
    ax.set_xlim(angles.min() - 5, angles.max() + 5)
    ax.set_ylim(bottom=0)
    ax.set_xlabel("rotation angle (degrees, counter-clockwise)")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=min(len(errors), 3))
    return fig


def plot_logits_under_transforms(logits: Mapping[str, np.ndarray], labels: Sequence[str]):
    """One panel per model: the logits ``[|H|, classes]`` of an image under each group element.

    Each element is one line across the classes; for an invariant model all lines coincide.
    """
    fig, axes = plt.subplots(1, len(logits), figsize=(3.3 * len(logits), 3.0), squeeze=False)
    for ax, (name, values) in zip(axes[0], logits.items()):
        values = np.asarray(values, dtype=float)
        classes = np.arange(values.shape[1])
        for g, row in enumerate(values):
            ax.plot(classes, row, color=COLORS[g % len(COLORS)], marker="o", markersize=3, linewidth=1,
                    alpha=0.85, label=labels[g])
        ax.set_title(name)
        ax.set_xticks(classes)
        ax.set_xlabel("class")
    axes[0, 0].set_ylabel("logit")
    fig.legend(*axes[0, 0].get_legend_handles_labels(), loc="outside right center", title="input")
    return fig


def _windows(size: int, kernel_size: int, stride: int, padding: int) -> list[int]:
    count = (size + 2 * padding - kernel_size) // stride + 1
    return [-padding + stride * i for i in range(count)]


def plot_pooling_windows(configs: Sequence[tuple[int, int, int, int]], titles: Sequence[str] | None = None):
    """One panel per ``(size, kernel_size, stride, padding)``: the pooling windows over a ``size x size`` grid.

    Windows are outlined in alternating colours (patches with ``gid="window"``); pixels
    that no window covers are hatched (``gid="uncovered"``); a cross marks the centre.
    """
    fig, axes = plt.subplots(1, len(configs), figsize=(2.9 * len(configs), 3.1), squeeze=False)
    for n, (ax, (size, k, s, p)) in enumerate(zip(axes[0], configs)):
        starts = _windows(size, k, s, p)
        covered = np.zeros(size, dtype=bool)
        for a in starts:
            covered[max(a, 0):min(a + k, size)] = True
        ax.add_patch(Rectangle((-0.5, -0.5), size, size, facecolor="#F2F2F2", edgecolor="none"))
        for i in range(size):
            for j in range(size):
                if not (covered[i] and covered[j]):
                    ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="none", hatch="///",
                                           edgecolor=PALETTE["vermillion"], linewidth=0, gid="uncovered"))
        for t in range(size + 1):
            ax.plot([-0.5, size - 0.5], [t - 0.5, t - 0.5], color="#BBBBBB", linewidth=0.5)
            ax.plot([t - 0.5, t - 0.5], [-0.5, size - 0.5], color="#BBBBBB", linewidth=0.5)
        for bi, a in enumerate(starts):
            for bj, b in enumerate(starts):
                colour = (PALETTE["blue"], PALETTE["orange"])[(bi + bj) % 2]
                ax.add_patch(Rectangle((b - 0.5 + 0.08, a - 0.5 + 0.08), k - 0.16, k - 0.16, facecolor="none",
                                       edgecolor=colour, linewidth=1.8, gid="window"))
        ax.plot((size - 1) / 2, (size - 1) / 2, marker="+", color=PALETTE["black"], markersize=10)
        ax.set_xlim(-0.5 - p, size - 0.5 + p)
        ax.set_ylim(size - 0.5 + p, -0.5 - p)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_title(titles[n] if titles else f"{size}x{size}, window {k}, stride {s}, padding {p}")
    return fig


def plot_index_arrays(indices: np.ndarray, titles: Sequence[str]):
    """Integer arrays ``[n, k, k]`` as ``n`` small grids of numbers, coloured by value.

    Used for the index arrays of :func:`gcnn_teach.nn.lifting_filter_indices`: panel ``g``
    says which weight of the flattened filter lands on each tap of ``T_g w``.
    """
    indices = np.asarray(indices)
    n, k, _ = indices.shape
    fig, axes = plt.subplots(1, n, figsize=(1.55 * n + 0.4, 1.9), squeeze=False)
    low, high = indices.min(), indices.max()
    for ax, grid, title in zip(axes[0], indices, titles):
        ax.imshow(grid, cmap=IMAGE_CMAP, vmin=low, vmax=high)
        for (i, j), value in np.ndenumerate(grid):
            shade = (value - low) / max(high - low, 1)
            ax.text(j, i, str(value), ha="center", va="center", fontsize=9,
                    color="white" if shade < 0.55 else "black")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(title)
    return fig


def plot_cost_comparison(reports: Sequence, reference: int = 0):
    """Grouped bars: parameters, multiply-adds and activations of each model, relative to ``reports[reference]``.

    ``reports`` are :class:`gcnn_teach.costs.CostReport` (anything with ``.model``,
    ``.parameters``, ``.multiply_adds`` and ``.activations``).  Each bar is labelled with
    its ratio.
    """
    measures = [("parameters", "parameters"), ("multiply_adds", "multiply-adds"), ("activations", "activations")]
    base = reports[reference]
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    width = 0.8 / len(reports)
    centres = np.arange(len(measures))
    for i, report in enumerate(reports):
        ratios = [getattr(report, attr) / getattr(base, attr) for attr, _ in measures]
        bars = ax.bar(centres + (i - (len(reports) - 1) / 2) * width, ratios, width, label=report.model,
                      color=COLORS[i % len(COLORS)])
        ax.bar_label(bars, labels=[f"{r:.2f}x" for r in ratios], fontsize=8, padding=2)
    ax.axhline(1.0, color=PALETTE["black"], linewidth=0.6, linestyle=":")
    ax.set_xticks(centres, [label for _, label in measures])
    ax.set_ylabel(f"relative to {base.model}")
    ax.margins(y=0.15)
    ax.legend(loc="upper left")
    return fig


# -- chapter 11: the rotated-digits experiment ---------------------------------------

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
