"""Tests for gcnn_teach.viz.charts: the figures of chapter 11."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gcnn_teach.viz.charts import error_comparison_figure, gap_figure  # noqa: E402

ERRORS = {"Z2CNN": [19.0, 18.0, 20.0], "P4CNNRotationPooling": [9.0, 9.5], "P4CNN": [5.0]}
PAPER = {"Z2CNN": 5.03, "P4CNNRotationPooling": 3.21, "P4CNN": 2.28}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_our_panel_has_a_dot_per_run_a_bar_at_each_mean_and_the_intervals():
    intervals = {"Z2CNN": (17.0, 21.0), "P4CNN": (float("nan"), float("nan"))}
    fig = error_comparison_figure(ERRORS, PAPER, intervals=intervals)
    ours, theirs = fig.axes
    dots = [line for line in ours.lines if line.get_label().startswith("_") and len(line.get_xdata())]
    assert [sorted(line.get_xdata()) for line in dots] == [sorted(v) for v in ERRORS.values()]
    means = [c.get_segments()[0][0][0] for c in ours.collections if c.get_segments()[0][0][0] == c.get_segments()[0][1][0]]
    np.testing.assert_allclose(means, [np.mean(v) for v in ERRORS.values()])
    lines = [c.get_segments()[0] for c in ours.collections if c.get_segments()[0][0][1] == c.get_segments()[0][1][1]]
    assert len(lines) == 1 and list(lines[0][:, 0]) == [17.0, 21.0]  # the NaN interval is not drawn
    assert [tick.get_text() for tick in ours.get_yticklabels()] == list(ERRORS)


def test_their_panel_shows_the_papers_numbers_in_our_order():
    fig = error_comparison_figure(ERRORS, PAPER, labels={"P4CNNRotationPooling": "rotation\npooling"})
    ours, theirs = fig.axes
    widths = [bar.get_width() for bar in theirs.patches]
    assert widths == [PAPER[name] for name in ERRORS]
    assert [tick.get_text() for tick in ours.get_yticklabels()] == ["Z2CNN", "rotation\npooling", "P4CNN"]
    assert "rotated MNIST" in theirs.get_title()


def test_a_model_the_paper_lacks_is_left_out_of_its_panel():
    fig = error_comparison_figure({"Z2CNN": [1.0], "mine": [2.0]}, PAPER)
    assert [bar.get_width() for bar in fig.axes[1].patches] == [PAPER["Z2CNN"]]


@pytest.mark.parametrize("errors, paper, match", [
    ({}, PAPER, "non-empty"),
    ({"Z2CNN": [1.0]}, {"other": 1.0}, "paper's numbers"),
    ({"Z2CNN": [[1.0, 2.0]]}, PAPER, "1-D"),
])
def test_bad_arguments(errors, paper, match):
    with pytest.raises(ValueError, match=match):
        error_comparison_figure(errors, paper)


def test_gap_figure_draws_the_mean_and_the_band_in_each_panel():
    absolute = {"mean": [20.0, 10.0], "low": [15.0, 5.0], "high": [25.0, 15.0]}
    relative = {"mean": [0.5, 0.6], "low": [0.4, 0.5], "high": [0.6, 0.7]}
    fig = gap_figure([100, 1000], absolute, relative)
    for ax, values, none in zip(fig.axes, (absolute, relative), (0.0, 1.0)):
        mean = [line for line in ax.lines if line.get_label() == "mean"][0]
        assert list(mean.get_ydata()) == values["mean"]
        band = ax.collections[0].get_paths()[0].vertices[:, 1]
        assert band.min() == pytest.approx(min(values["low"])) and band.max() == pytest.approx(max(values["high"]))
        assert any(list(line.get_ydata()) == [none, none] for line in ax.lines)
    with pytest.raises(ValueError, match="needs 2 values"):
        gap_figure([100, 1000], {"mean": [1.0], "low": [0.0], "high": [2.0]}, relative)
