"""gcnn_teach.data.rotated: the rotated digits of chapter 11 (shapes, determinism, balance, split, rotation)."""

from __future__ import annotations

import numpy as np
import pytest

import gcnn_teach.data.rotated as rotated_module
from gcnn_teach.actions import disk_mask, rotate_by_angle
from gcnn_teach.data import DigitSplit, balanced_subset, load_digits, rotated_digits, stratified_split, upsample

N_DIGITS = 1797


@pytest.fixture(scope="module")
def rotated() -> DigitSplit:
    return rotated_digits(size=18, digit_size=12, n_train=1000, seed=0)


@pytest.fixture(scope="module")
def upright() -> DigitSplit:
    return rotated_digits(size=18, digit_size=12, n_train=1000, seed=0, rotate=False)


def test_shapes_and_types(rotated):
    assert rotated.X_train.shape == (1000, 1, 18, 18) and rotated.X_test.shape == (N_DIGITS - 1000, 1, 18, 18)
    assert rotated.X_train.dtype == np.float32 and rotated.y_train.dtype == np.int64
    assert rotated.size == 18
    for X in (rotated.X_train, rotated.X_test):
        assert X.min() >= 0.0 and X.max() <= 1.0
    assert rotated.angles_train.shape == rotated.y_train.shape and rotated.index_test.shape == rotated.y_test.shape


def test_the_same_seed_gives_the_same_data(rotated):
    again = rotated_digits(size=18, digit_size=12, n_train=1000, seed=0)
    for name in ("X_train", "y_train", "X_test", "y_test", "angles_train", "index_test"):
        np.testing.assert_array_equal(getattr(again, name), getattr(rotated, name))


def test_another_seed_gives_another_split_and_other_angles(rotated):
    other = rotated_digits(size=18, digit_size=12, n_train=1000, seed=1)
    assert not np.array_equal(other.index_train, rotated.index_train)
    assert not np.allclose(np.sort(other.angles_train), np.sort(rotated.angles_train))


def test_train_and_test_partition_the_digits_with_their_labels(rotated):
    assert not set(rotated.index_train) & set(rotated.index_test)
    assert sorted([*rotated.index_train, *rotated.index_test]) == list(range(N_DIGITS))
    _, labels = load_digits()
    np.testing.assert_array_equal(rotated.y_train, labels[rotated.index_train])
    np.testing.assert_array_equal(rotated.y_test, labels[rotated.index_test])


def test_no_test_image_is_a_training_image(rotated):
    train = {x.tobytes() for x in rotated.X_train}
    assert not any(x.tobytes() in train for x in rotated.X_test)


def test_both_sets_keep_the_class_balance(rotated):
    _, labels = load_digits()
    whole = np.bincount(labels)
    for y in (rotated.y_train, rotated.y_test):
        share = whole * len(y) / N_DIGITS
        assert np.all(np.abs(np.bincount(y, minlength=10) - share) <= 1)


def test_every_image_is_zero_outside_the_disk(rotated, upright):
    outside = disk_mask(18) == 0
    assert outside.any()
    for X in (rotated.X_train, rotated.X_test, upright.X_train, upright.X_test):
        assert np.all(X[..., outside] == 0)


def test_angles_cover_the_circle(rotated, upright):
    angles = np.concatenate([rotated.angles_train, rotated.angles_test])
    assert angles.min() >= 0 and angles.max() < 360
    counts, _ = np.histogram(angles, bins=4, range=(0, 360))  # each quadrant about a quarter
    assert np.all(np.abs(counts - N_DIGITS / 4) < 0.1 * N_DIGITS)
    assert np.all(upright.angles_train == 0) and np.all(upright.angles_test == 0)


def test_upright_images_are_the_enlarged_padded_digits(upright):
    images, _ = load_digits()
    expected = np.pad(upsample(images[upright.index_test[:20]], 12), ((0, 0), (0, 0), (3, 3), (3, 3)))
    np.testing.assert_allclose(upright.X_test[:20], expected * disk_mask(18), atol=1e-6)


def _recovered(rotated: DigitSplit, upright: DigitSplit, count: int = 60) -> float:
    """Mean correlation between each upright image and its rotated version turned back by its angle."""
    scores = []
    for x, angle, reference in zip(rotated.X_test[:count], rotated.angles_test, upright.X_test[:count]):
        back = rotate_by_angle(x[0], -angle)
        scores.append(np.corrcoef(back.ravel(), reference[0].ravel())[0, 1])
    return float(np.mean(scores))


def test_each_image_is_turned_by_its_recorded_angle(rotated, upright):
    assert _recovered(rotated, upright) > 0.95
    # the same images match the upright ones much less before they are turned back
    raw = np.mean([np.corrcoef(a.ravel(), b.ravel())[0, 1] for a, b in zip(rotated.X_test[:60], upright.X_test[:60])])
    assert raw < 0.75


def test_a_wrong_rotation_is_caught(monkeypatch, upright):
    # the check above fails when the images are turned the wrong way round
    monkeypatch.setattr(rotated_module, "rotate_by_angle", lambda x, angle: rotate_by_angle(x, -angle))
    wrong = rotated_digits(size=18, digit_size=12, n_train=1000, seed=0)
    assert _recovered(wrong, upright) < 0.75


def test_quarter_turns_are_exact():
    images, _ = load_digits()
    quarter = rotated_module._prepare(images[:5], np.full(5, 90.0), 18, 12)
    plain = rotated_module._prepare(images[:5], np.zeros(5), 18, 12)
    np.testing.assert_array_equal(quarter, np.rot90(plain, 1, axes=(-2, -1)))


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError, match="corners"):
        rotated_digits(size=10, digit_size=12)
    with pytest.raises(ValueError, match="corners"):
        rotated_digits(size=14, digit_size=12)


def test_stratified_split_partitions_and_balances():
    labels = np.repeat(np.arange(3), [50, 30, 20])
    train, test = stratified_split(labels, 40, seed=3)
    assert len(train) == 40 and len(test) == 60
    assert sorted([*train, *test]) == list(range(100))
    np.testing.assert_array_equal(np.bincount(labels[train]), [20, 12, 8])
    again, _ = stratified_split(labels, 40, seed=3)
    np.testing.assert_array_equal(train, again)
    other, _ = stratified_split(labels, 40, seed=4)
    assert not np.array_equal(train, other)
    with pytest.raises(ValueError):
        stratified_split(labels, 100)  # no test item left


def test_balanced_subsets_are_nested_and_balanced():
    labels = np.repeat(np.arange(4), [10, 20, 30, 40])
    small, large = balanced_subset(labels, 12, seed=1), balanced_subset(labels, 30, seed=1)
    assert set(small) <= set(large)
    np.testing.assert_array_equal(np.bincount(labels[small]), [3, 3, 3, 3])
    counts = np.bincount(labels[balanced_subset(labels, 50, seed=1)])
    assert counts[0] == 10 and counts[1:].max() - counts[1:].min() <= 1  # a class that runs out gives way


def test_subset_keeps_the_test_set(rotated):
    small = rotated.subset(100)
    assert len(small.y_train) == 100 and np.all(np.bincount(small.y_train) == 10)
    assert set(small.index_train) <= set(rotated.index_train)
    np.testing.assert_array_equal(small.X_test, rotated.X_test)
