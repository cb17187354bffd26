"""Tests for gcnn_teach.viz.charts: each chart shows the data it was given."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from gcnn_teach.costs import CostReport, LayerCost  # noqa: E402
from gcnn_teach.nn import lifting_filter_indices  # noqa: E402
from gcnn_teach.viz.charts import (  # noqa: E402
    curve_fits_figure,
    learning_curve_figure,
    plot_cost_comparison,
    plot_error_vs_angle,
    plot_index_arrays,
    plot_logits_under_transforms,
    plot_pooling_windows,
)
from gcnn_teach.viz.style import PALETTE  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _data_lines(ax):
    """The plotted series (not the dotted guide lines)."""
    return [line for line in ax.get_lines() if line.get_label() and not line.get_label().startswith("_")]


def test_error_vs_angle_plots_every_series_and_marks_quarter_turns():
    angles = np.arange(0, 361, 15)
    errors = {"P4CNN": np.abs(np.sin(np.deg2rad(angles * 2))), "Z2CNN": np.linspace(0, 1, len(angles))}
    fig = plot_error_vs_angle(angles, errors, title="sweep", styles={"Z2CNN": {"linestyle": "--"}})
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    lines = _data_lines(ax)
    assert [line.get_label() for line in lines] == ["P4CNN", "Z2CNN"]
    for line, values in zip(lines, errors.values()):
        np.testing.assert_allclose(line.get_xdata(), angles)
        np.testing.assert_allclose(line.get_ydata(), values)
    assert lines[1].get_linestyle() == "--"
    guides = [line for line in ax.get_lines() if line not in lines]
    assert sorted(line.get_xdata()[0] for line in guides) == [0, 90, 180, 270, 360]
    assert ax.get_title() == "sweep" and ax.get_ylim()[0] == 0


def test_error_vs_angle_shades_the_spread_in_the_line_colour():
    angles = np.array([0, 45, 90])
    fig = plot_error_vs_angle(angles, {"a": [0.0, 0.5, 0.0], "b": [0.1, 0.2, 0.3]},
                              spread={"a": ([0.0, 0.4, 0.0], [0.0, 0.7, 0.0])})
    ax = fig.axes[0]
    (band,) = ax.collections  # only "a" has a spread
    vertices = band.get_paths()[0].vertices
    assert np.isclose(vertices[:, 1].max(), 0.7) and np.isclose(vertices[:, 1].min(), 0.0)
    np.testing.assert_allclose(band.get_facecolor()[0][:3], plt.matplotlib.colors.to_rgb(_data_lines(ax)[0].get_color()))
    with pytest.raises(ValueError, match=r"spread\['a'\] needs \(low, high\) with 3 values"):
        plot_error_vs_angle(angles, {"a": [0.0, 0.5, 0.0]}, spread={"a": ([0.0], [1.0])})


def test_error_vs_angle_draws_on_a_given_axis():
    fig, ax = plt.subplots()
    assert plot_error_vs_angle([0, 90], {"a": [0, 1]}, ax=ax) is fig


def test_logits_panels_show_one_line_per_element():
    rng = np.random.default_rng(0)
    invariant = np.tile(rng.normal(size=10), (8, 1))
    varying = rng.normal(size=(8, 10))
    labels = [f"g{i}" for i in range(8)]
    fig = plot_logits_under_transforms({"G-CNN": invariant, "CNN": varying}, labels)
    axes = fig.axes
    assert [ax.get_title() for ax in axes] == ["G-CNN", "CNN"]
    for ax, values in zip(axes, (invariant, varying)):
        lines = _data_lines(ax)
        assert [line.get_label() for line in lines] == labels
        np.testing.assert_allclose(np.stack([line.get_ydata() for line in lines]), values)
    assert len(fig.legends) == 1


def _hatched(ax):
    return [p for p in ax.patches if p.get_gid() == "uncovered"]


def _windows(ax):
    return [p for p in ax.patches if p.get_gid() == "window"]


@pytest.mark.parametrize("size, k, s, p, uncovered, windows", [
    (7, 2, 2, 0, 7 * 7 - 6 * 6, 9),   # the last row and column are never pooled
    (8, 2, 2, 0, 0, 16),
    (7, 3, 2, 1, 0, 16),              # padded windows reach every pixel
    (7, 3, 3, 0, 7 * 7 - 6 * 6, 4),
])
def test_pooling_windows_hatch_exactly_the_pixels_no_window_covers(size, k, s, p, uncovered, windows):
    fig = plot_pooling_windows([(size, k, s, p)])
    ax = fig.axes[0]
    assert len(_hatched(ax)) == uncovered
    assert len(_windows(ax)) == windows
    assert all(w.get_width() == pytest.approx(k - 0.16) for w in _windows(ax))
    assert f"{size}x{size}" in ax.get_title()


def test_pooling_windows_titles_and_hatching():
    fig = plot_pooling_windows([(7, 2, 2, 0), (8, 2, 2, 0)], titles=["odd", "even"])
    assert [ax.get_title() for ax in fig.axes] == ["odd", "even"]
    hatched = _hatched(fig.axes[0])
    assert {(round(h.get_x() + 0.5), round(h.get_y() + 0.5)) for h in hatched} == (
        {(6, i) for i in range(7)} | {(i, 6) for i in range(7)})
    assert all(h.get_edgecolor()[:3] == matplotlib.colors.to_rgb(PALETTE["vermillion"]) for h in hatched)


def test_index_arrays_write_every_index():
    indices = lifting_filter_indices("p4", 3)
    fig = plot_index_arrays(indices, ["e", "r", "r2", "r3"])
    for ax, grid in zip(fig.axes, indices):
        texts = {(round(t.get_position()[1]), round(t.get_position()[0])): int(t.get_text()) for t in ax.texts}
        assert texts == {(i, j): int(v) for (i, j), v in np.ndenumerate(grid)}
        np.testing.assert_array_equal(ax.images[0].get_array(), grid)
    assert [ax.get_title() for ax in fig.axes] == ["e", "r", "r2", "r3"]


def _report(name, params, macs, acts):
    return CostReport(name, [LayerCost("conv", "plain", params, macs, acts)])


def test_cost_comparison_bars_are_ratios_to_the_reference():
    reports = [_report("Z2CNN", 100, 1000, 50), _report("P4CNN", 110, 4000, 100)]
    fig = plot_cost_comparison(reports)
    ax = fig.axes[0]
    heights = [bar.get_height() for bar in ax.patches]
    np.testing.assert_allclose(heights, [1, 1, 1, 1.1, 4, 2])
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["1.00x", "1.00x", "1.00x", "1.10x", "4.00x", "2.00x"]
    assert ax.get_ylabel() == "relative to Z2CNN"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["parameters", "multiply-adds", "activations"]
    fig = plot_cost_comparison(reports, reference=1)
    np.testing.assert_allclose([bar.get_height() for bar in fig.axes[0].patches][:3], [100 / 110, 0.25, 0.5])


def test_curve_fits_figure_draws_every_fit_in_its_panel():
    grid = np.linspace(-1, 1, 11)
    fits = [{"a": grid, "b": -grid}, {"c": grid**2}]
    fig = curve_fits_figure([0.0, 0.5], [0.0, 0.25], grid, fits, target=grid**2, titles=["one", "two"],
                            shade=(-1, 0), ylim=(-2, 2))
    assert len(fig.axes) == 2
    first, second = fig.axes
    assert [line.get_label() for line in first.lines] == ["target", "a", "b", "training data"]
    assert np.array_equal(first.lines[2].get_ydata(), -grid)
    assert [line.get_label() for line in second.lines] == ["target", "c", "training data"]
    assert first.get_title() == "one" and first.get_ylim() == (-2, 2)


def test_learning_curve_figure_plots_the_mean_and_every_seed():
    sizes = [10, 100, 1000]
    accuracies = {"model A (5 parameters)": np.array([[0.2, 0.4, 0.6], [0.4, 0.6, 0.8]]),
                  "model B": np.array([0.5, 0.7, 0.9])}
    fig = learning_curve_figure(sizes, accuracies, chance=0.1)
    ax = fig.axes[0]
    labelled = {line.get_label(): line for line in ax.lines if not line.get_label().startswith("_")}
    assert set(labelled) == {"model A (5 parameters)", "model B", "chance"}
    assert np.allclose(labelled["model A (5 parameters)"].get_ydata(), [0.3, 0.5, 0.7])
    assert len(ax.lines) == 2 + 2 + 1 + 1  # a line per model, a dot series per seed, chance
    assert ax.get_xscale() == "log" and ax.get_ylim() == (0, 1)
