"""Figures of chapter 1 (why restrict flexibility): curve fits and learning curves.

* :func:`curve_fits_figure` -- training points, a target function and several fitted
  curves, one panel per group of fits, with the region without data shaded.
* :func:`learning_curve_figure` -- test accuracy against training-set size, one line per
  model class (the mean over seeds, each seed as a dot).

Both return a :class:`matplotlib.figure.Figure` in the book's style.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from .style import COLORS, PALETTE

__all__ = ["curve_fits_figure", "learning_curve_figure"]


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
    if grid.ndim != 1 or x_train.shape != y_train.shape:
        raise ValueError("curve_fits_figure: expected a 1-D grid and training x, y of the same shape")
    if not panels:
        raise ValueError("curve_fits_figure: expected at least one panel of fits")
    if titles is not None and len(titles) != len(panels):
        raise ValueError(f"curve_fits_figure: got {len(panels)} panels but {len(titles)} titles")
    fig, axes = plt.subplots(1, len(panels), figsize=(3.4 * len(panels), 3.0), sharey=True, squeeze=False)
    for k, (ax, fits) in enumerate(zip(axes[0], panels)):
        if shade is not None:
            ax.axvspan(*shade, color="0.92", zorder=0, label="no training data")
        if target is not None:
            ax.plot(grid, np.asarray(target, dtype=float), color=PALETTE["black"], linestyle="--", linewidth=1.2,
                    label="target")
        for i, (label, values) in enumerate(fits.items()):
            values = np.asarray(values, dtype=float)
            if values.shape != grid.shape:
                raise ValueError(f"curve_fits_figure: {label!r} has shape {values.shape}, expected {grid.shape}")
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
    if not isinstance(accuracies, Mapping) or not accuracies:
        raise ValueError("learning_curve_figure: expected a non-empty dict label -> accuracies [seeds, sizes]")
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    markers = "osD^v"
    for i, (label, values) in enumerate(accuracies.items()):
        values = np.atleast_2d(np.asarray(values, dtype=float))
        if values.shape[1] != len(sizes):
            raise ValueError(f"learning_curve_figure: {label!r} has shape {values.shape}, expected [seeds, {len(sizes)}]")
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
