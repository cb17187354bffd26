"""Tests for gcnn_teach.viz.flexibility: the figures of chapter 1."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gcnn_teach.viz.flexibility import curve_fits_figure, learning_curve_figure  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


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


@pytest.mark.parametrize("kwargs, match", [
    (dict(panels=[]), "at least one panel"),
    (dict(panels=[{"a": np.zeros(3)}]), "shape"),
    (dict(titles=["x", "y"]), "titles"),
])
def test_curve_fits_figure_bad_arguments(kwargs, match):
    args = dict(x_train=[0.0], y_train=[0.0], grid=np.linspace(0, 1, 5), panels=[{"a": np.zeros(5)}])
    args.update(kwargs)
    with pytest.raises(ValueError, match=match):
        curve_fits_figure(args.pop("x_train"), args.pop("y_train"), args.pop("grid"), args.pop("panels"), **args)


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


def test_learning_curve_figure_bad_arguments():
    with pytest.raises(ValueError, match="non-empty"):
        learning_curve_figure([1, 2], {})
    with pytest.raises(ValueError, match="shape"):
        learning_curve_figure([1, 2], {"a": np.zeros((1, 3))})
