"""Tests for gcnn_teach.viz.experiment_figures: the figures of chapter 11."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gcnn_teach.viz.experiment_figures import error_comparison_figure  # noqa: E402

ERRORS = {"Z2CNN": [19.0, 18.0, 20.0], "P4CNNRotationPooling": [9.0, 9.5], "P4CNN": [5.0]}
PAPER = {"Z2CNN": 5.03, "P4CNNRotationPooling": 3.21, "P4CNN": 2.28}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_our_panel_has_a_dot_per_seed_and_a_bar_at_each_mean():
    fig = error_comparison_figure(ERRORS, PAPER)
    ours, theirs = fig.axes
    dots = [line for line in ours.lines if line.get_label().startswith("_") and len(line.get_ydata())]
    assert [sorted(line.get_ydata()) for line in dots] == [sorted(v) for v in ERRORS.values()]
    means = [segments.get_segments()[0][0][1] for segments in ours.collections]
    np.testing.assert_allclose(means, [np.mean(v) for v in ERRORS.values()])
    assert [tick.get_text() for tick in ours.get_xticklabels()] == list(ERRORS)


def test_their_panel_shows_the_papers_numbers_in_our_order():
    fig = error_comparison_figure(ERRORS, PAPER, labels={"P4CNNRotationPooling": "rotation\npooling"})
    theirs = fig.axes[1]
    heights = [bar.get_height() for bar in theirs.patches]
    assert heights == [PAPER[name] for name in ERRORS]
    assert [tick.get_text() for tick in theirs.get_xticklabels()] == ["Z2CNN", "rotation\npooling", "P4CNN"]
    assert "rotated MNIST" in theirs.get_title()


def test_a_model_the_paper_lacks_is_left_out_of_its_panel():
    fig = error_comparison_figure({"Z2CNN": [1.0], "mine": [2.0]}, PAPER)
    assert [bar.get_height() for bar in fig.axes[1].patches] == [PAPER["Z2CNN"]]


@pytest.mark.parametrize("errors, paper, match", [
    ({}, PAPER, "non-empty"),
    ({"Z2CNN": [1.0]}, {"other": 1.0}, "paper's numbers"),
    ({"Z2CNN": [[1.0, 2.0]]}, PAPER, "1-D"),
])
def test_bad_arguments(errors, paper, match):
    with pytest.raises(ValueError, match=match):
        error_comparison_figure(errors, paper)
