"""Tests for gcnn_teach.data.canvas: digits at random positions on a larger canvas."""

import numpy as np
import pytest

from gcnn_teach.data import DigitSplit, canvas_digits, load_digits, place_on_canvas


@pytest.fixture(scope="module")
def data():
    return canvas_digits(canvas_size=16, test_size=300, seed=3)


def test_shapes_dtypes_and_sizes(data):
    assert data.X_train.shape == (1797 - 300, 1, 16, 16) and data.X_test.shape == (300, 1, 16, 16)
    assert data.X_train.dtype == np.float32 and data.y_train.dtype == np.int64
    assert data.positions_train.shape == (1497, 2) and data.size == 16
    assert 0.0 <= data.X_train.min() and data.X_train.max() <= 1.0


def test_each_canvas_holds_its_source_digit_at_its_position_and_nothing_else(data):
    images, labels = load_digits()
    for X, y, pos, src in ((data.X_train, data.y_train, data.positions_train, data.index_train),
                           (data.X_test, data.y_test, data.positions_test, data.index_test)):
        assert np.array_equal(y, labels[src])
        for k in range(0, len(X), 37):
            r, c = pos[k]
            assert np.array_equal(X[k, :, r:r + 8, c:c + 8], images[src[k]])
            outside = X[k].copy()
            outside[:, r:r + 8, c:c + 8] = 0
            assert not outside.any()


def test_no_handwritten_digit_in_both_train_and_test(data):
    assert not set(data.index_train) & set(data.index_test)
    assert len(set(data.index_train)) == len(data.index_train)
    assert len(data.index_train) + len(data.index_test) == 1797


def test_same_seed_same_data_other_seed_other_data(data):
    again = canvas_digits(canvas_size=16, test_size=300, seed=3)
    other = canvas_digits(canvas_size=16, test_size=300, seed=4)
    assert np.array_equal(data.X_train, again.X_train) and np.array_equal(data.positions_test, again.positions_test)
    assert not np.array_equal(data.index_test, other.index_test)
    assert not np.array_equal(data.positions_train, other.positions_train)


def test_positions_cover_the_whole_canvas_uniformly(rng):
    images = np.ones((4000, 1, 8, 8), dtype=np.float32)
    _, positions = place_on_canvas(images, 12, rng)
    assert positions.min() == 0 and positions.max() == 4  # every top-left corner that fits
    counts = np.bincount(positions[:, 0], minlength=5)
    assert counts.min() > 0.8 * 4000 / 5  # uniform: about 800 each


def test_train_subset_is_a_prefix_with_classes_mixed(data):
    X, y = data.train_subset(50)
    assert X.shape == (50, 1, 16, 16) and np.array_equal(y, data.y_train[:50])
    assert len(np.unique(y)) >= 8  # the training order is random, not sorted by class


def test_canvas_digits_are_a_digit_split_of_upright_digits(data):
    assert isinstance(data, DigitSplit)
    assert np.all(data.angles_train == 0) and np.all(data.angles_test == 0)
    small = data.subset(50)
    assert len(small.y_train) == 50 and np.all(np.bincount(small.y_train) == 5)
    np.testing.assert_array_equal(small.positions_train, data.positions_train[np.isin(data.index_train, small.index_train)])
