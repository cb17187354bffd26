"""Figures of chapter 11 (the rotated-digits experiment).

* :func:`error_comparison_figure` -- our test errors per model (one dot per seed, a bar at the
  mean) in one panel, the paper's Table 1 numbers in another, each on its own scale,
  because the data sets differ.

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

__all__ = ["error_comparison_figure"]


def error_comparison_figure(errors: Mapping[str, Sequence[float]], paper: Mapping[str, float], *,
                      ours_title: str = "ours: rotated digits", paper_title: str = "Cohen & Welling (2016): rotated MNIST",
                      unit: str = "%", labels: Mapping[str, str] | None = None) -> Figure:
    """Two panels of test error per model: ``errors[model]`` (one value per seed) and ``paper[model]``.

    The left panel shows every seed as a dot and the mean as a short bar; the right panel
    the paper's single numbers as bars.  Models appear in the order of ``errors``; a model
    missing from ``paper`` is left out of the right panel.  Values are drawn as given
    (``unit`` labels the axes); ``labels`` optionally renames models on the axes.
    """
    if not isinstance(errors, Mapping) or not errors:
        raise ValueError("error_comparison_figure: expected a non-empty dict model -> test errors (one per seed)")
    if not isinstance(paper, Mapping) or not set(paper) & set(errors):
        raise ValueError("error_comparison_figure: expected the paper's numbers for at least one of the models")
    names = list(errors)
    fig, (ours, theirs) = plt.subplots(1, 2, figsize=(7.2, 3.2))
    rng = np.random.default_rng(0)  # a fixed horizontal jitter, so equal errors do not hide each other
    for i, name in enumerate(names):
        values = np.asarray(errors[name], dtype=float)
        if values.ndim != 1 or values.size == 0:
            raise ValueError(f"error_comparison_figure: {name!r} needs a 1-D list of errors, got shape {values.shape}")
        colour = COLORS[i % len(COLORS)]
        jitter = rng.uniform(-0.12, 0.12, size=values.size) if values.size > 1 else np.zeros(1)
        ours.plot(i + jitter, values, "o", color=colour, alpha=0.7, markersize=5)
        ours.hlines(values.mean(), i - 0.28, i + 0.28, color=colour, linewidth=2.5)
    shown = [name for name in names if name in paper]
    theirs.bar([names.index(n) for n in shown], [paper[n] for n in shown],
               color=[COLORS[names.index(n) % len(COLORS)] for n in shown], width=0.55)
    for ax, title in ((ours, ours_title), (theirs, paper_title)):
        ax.set_xticks(range(len(names)), [(labels or {}).get(name, name) for name in names])
        ax.set_xlim(-0.6, len(names) - 0.4)
        ax.set_ylim(bottom=0)
        ax.set_ylabel(f"test error ({unit})")
        ax.set_title(title)
    ours.plot([], [], "o", color=PALETTE["black"], alpha=0.7, label="one seed")
    ours.plot([], [], "-", color=PALETTE["black"], linewidth=2.5, label="mean")
    ours.legend(loc="upper right")
    return fig
