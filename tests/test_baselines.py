"""Tests for gcnn_teach.baselines: the MLP, the small CNN and the polynomial fits of chapter 1."""

import numpy as np
import pytest
import torch

from gcnn_teach.actions import translate
from gcnn_teach.baselines import MLP, SmallCNN, fit_polynomial, ink_margin
from gcnn_teach.equivariance import check_equivariance, translation_transforms
from gcnn_teach.nn import count_parameters


def _digit_in_the_middle(size=20):
    torch.manual_seed(0)
    x = torch.zeros(2, 1, size, size)
    x[:, :, 7:13, 7:13] = torch.rand(2, 1, 6, 6)
    return x


def test_shapes_and_parameter_counts():
    mlp, cnn = MLP(20, hidden=64), SmallCNN(channels=16)
    x = torch.zeros(3, 1, 20, 20)
    assert mlp(x).shape == (3, 10) and cnn(x).shape == (3, 10)
    assert count_parameters(mlp) == 400 * 64 + 64 + 64 * 10 + 10
    assert count_parameters(cnn) == (9 * 16 + 16) + (16 * 9 * 32 + 32) + (32 * 10 + 10)
    # the CNN's size does not depend on the image size; the MLP's does
    assert cnn(torch.zeros(1, 1, 28, 28)).shape == (1, 10)
    assert count_parameters(MLP(28)) > count_parameters(MLP(20))


def test_cnn_is_translation_invariant_away_from_the_edge_and_mlp_is_not():
    # the digit (rows and columns 7-12 of 20) keeps 3 pixels of empty canvas to the edge
    shifts = translation_transforms([(3, -2), (-4, 4), (0, 4)], mode="zero")
    x = _digit_in_the_middle()
    torch.manual_seed(1)
    check_equivariance(SmallCNN(), x, transforms_in=shifts, transforms_out="invariant").assert_holds()
    check_equivariance(MLP(20), x, transforms_in=shifts, transforms_out="invariant").assert_fails()


def test_invariance_test_catches_a_cnn_without_global_pooling():
    class Flattening(SmallCNN):  # position-dependent read-out: what the global max prevents
        def forward(self, x):
            return self.features(x)[:, :10, 10, 10]  # the features at one fixed pixel

    torch.manual_seed(1)
    shifts = translation_transforms([(3, -2)], mode="zero")
    report = check_equivariance(Flattening(), _digit_in_the_middle(), transforms_in=shifts,
                                transforms_out="invariant")
    report.assert_fails()


def _interior(size, t):
    """Pixels y with y and y - t at least one pixel from the edge: where f(T x) = T f(x) must hold."""
    y = np.arange(size)
    rows = (y >= 1) & (y <= size - 2) & (y - t[0] >= 1) & (y - t[0] <= size - 2)
    cols = (y >= 1) & (y <= size - 2) & (y - t[1] >= 1) & (y - t[1] <= size - 2)
    return torch.as_tensor(rows[:, None] & cols[None, :])


def test_cnn_features_are_translation_equivariant_away_from_the_edge():
    torch.manual_seed(2)
    cnn, x, t = SmallCNN(channels=4), _digit_in_the_middle(), (2, 3)
    inside = _interior(20, t)
    with torch.no_grad():
        left, right = cnn.features(translate(x, t, "zero")), translate(cnn.features(x), t, "zero")
        background = cnn.features(torch.zeros_like(x))
    # the comparison covers the digit: every feature that differs from the empty canvas's is inside
    assert not torch.any((left != background)[..., ~inside])
    assert torch.allclose(left[..., inside], right[..., inside], atol=1e-6)

    class PositionBias(SmallCNN):  # a bias that depends on the pixel: not equivariant
        def features(self, x):
            return super().features(x) + torch.linspace(0, 1, x.shape[-1])
    torch.manual_seed(2)
    wrong = PositionBias(channels=4)
    with torch.no_grad():
        left, right = wrong.features(translate(x, t, "zero")), translate(wrong.features(x), t, "zero")
    assert not torch.allclose(left[..., inside], right[..., inside], atol=1e-6)


def test_ink_margin():
    x = np.zeros((3, 1, 16, 16))
    x[0, 0, 4:12, 5:13] = 1.0        # 4 rows above, 3 columns right
    x[1, 0, 0, 15] = 0.5             # touches a corner
    assert ink_margin(x).tolist() == [[3], [0], [16]]
    assert ink_margin(torch.as_tensor(x[0, 0])) == 3
    with pytest.raises(ValueError, match="H, W"):
        ink_margin(np.zeros(5))


def test_exact_margin_is_exact_and_sharp():
    torch.manual_seed(3)
    cnn, k = SmallCNN(channels=4), SmallCNN.exact_margin
    digit = torch.rand(1, 1, 8, 8) + 0.1
    x = torch.zeros(1, 1, 16, 16)
    x[..., 4:12, 4:12] = digit                                  # margin 4
    keep = [(dy, dx) for dy in range(-1, 2) for dx in range(-1, 2) if (dy, dx) != (0, 0)]
    assert all(ink_margin(translate(x, t, "zero")).min() >= k for t in keep)
    check_equivariance(cnn, x, transforms_in=translation_transforms(keep, "zero"), transforms_out="invariant",
                       rtol=0.0).assert_holds()                 # exactly the same logits
    # one pixel closer (margin k - 1 after the shift): the logits change
    closer = translation_transforms([(2, 0), (0, 2), (-2, 0), (0, -2)], "zero")
    assert all(ink_margin(T(x)).min() == k - 1 for T in closer.values())
    check_equivariance(cnn, x, transforms_in=closer, transforms_out="invariant").assert_fails()


@pytest.mark.parametrize("model, shape", [(MLP(20), (1, 1, 16, 16)), (MLP(20), (1, 3, 20, 20)),
                                          (SmallCNN(), (1, 2, 20, 20)), (SmallCNN(), (20, 20))])
def test_bad_input_shapes_raise(model, shape):
    with pytest.raises(ValueError, match="expected|built for"):
        model(torch.zeros(shape))


@pytest.mark.parametrize("factory", [lambda: MLP(0), lambda: MLP(20, hidden=2.5), lambda: SmallCNN(channels=0)])
def test_bad_sizes_raise(factory):
    with pytest.raises(ValueError, match="positive integer"):
        factory()


def test_fit_polynomial_interpolates_and_the_even_fit_is_even(rng):
    x = np.sort(rng.uniform(0.2, 2.5, 6))
    y = np.cos(2 * x)
    grid = np.linspace(-2.5, 2.5, 101)
    for even in (False, True):
        p = fit_polynomial(x, y, 5, even=even)
        assert np.allclose(p(x), y, atol=1e-9)
    even_fit, general_fit = fit_polynomial(x, y, 5, even=True), fit_polynomial(x, y, 5)
    assert np.allclose(even_fit(grid), even_fit(-grid))
    assert not np.allclose(general_fit(grid), general_fit(-grid))
    # an even target is learned on the side that was never seen only by the even model class
    negative = grid < -0.5
    assert np.max(np.abs(even_fit(grid) - np.cos(2 * grid))[negative]) < 0.1
    assert np.max(np.abs(general_fit(grid) - np.cos(2 * grid))[negative]) > 1.0


def test_fit_polynomial_least_squares_matches_numpy(rng):
    x, y = rng.normal(size=20), rng.normal(size=20)
    p = fit_polynomial(x, y, 3)
    assert np.allclose(p(x), np.polyval(np.polyfit(x, y, 3), x))


@pytest.mark.parametrize("args, match", [((np.zeros(3), np.zeros(4), 1), "same length"),
                                         ((np.zeros(3), np.zeros(3), 3), "not determined"),
                                         ((np.zeros(3), np.zeros(3), -1), "non-negative")])
def test_fit_polynomial_bad_arguments(args, match):
    with pytest.raises(ValueError, match=match):
        fit_polynomial(*args)


def test_learning_curve_trains_one_fresh_model_per_size_and_seed():
    from gcnn_teach.baselines import learning_curve
    from gcnn_teach.data import canvas_digits

    data = canvas_digits(canvas_size=10, test_size=200, seed=0)
    built = []

    def make():
        built.append(MLP(10, hidden=16))
        return built[-1]

    result = learning_curve(make, data, [20, 60], seeds=(0, 1), steps=80, batch_size=16)
    assert result["train"].shape == result["test"].shape == (2, 2) and len(built) == 4
    assert np.all((0 <= result["test"]) & (result["test"] <= 1))
    assert result["train"][0, 0] > 0.8  # 20 examples, 80 steps: fitted
    again = learning_curve(make, data, [20, 60], seeds=(0, 1), steps=80, batch_size=16)
    assert np.array_equal(result["test"], again["test"])  # seeded: the same numbers again
