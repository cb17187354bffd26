"""Tests for the sweeps of gcnn_teach.equivariance: the logits under every element and the
invariance and interpolation errors at any angle (chapter 10)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from gcnn_teach.actions import disk_mask
from gcnn_teach.equivariance import (_output_spread, interpolation_error_vs_angle, invariance_error_vs_angle,
                                     logits_under_transforms)
from gcnn_teach.nn import P4CNN, Z2CNN, he_initialise


# -- invariance ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def digits():
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    return torch.as_tensor(rng.random((4, 1, 28, 28)) * disk_mask(28), dtype=torch.float32)


def test_logits_under_transforms_rows_equal_for_an_invariant_model(digits):
    torch.manual_seed(0)
    logits = logits_under_transforms(P4CNN(group="p4m").eval(), digits[:1], group="p4m")
    assert logits.shape == (8, 10)
    np.testing.assert_allclose(logits, np.broadcast_to(logits[0], logits.shape), rtol=1e-4, atol=1e-5)
    plain = logits_under_transforms(he_initialise(Z2CNN()).eval(), digits[:1], group="p4m")
    assert np.max(np.abs(plain - plain[0])) > 1e-3


def test_logits_under_transforms_rejects_a_batch(digits):
    with pytest.raises(ValueError, match="one image"):
        logits_under_transforms(Z2CNN().eval(), digits)


def test_output_spread():
    assert _output_spread(torch.tensor([[0.0, 0.0], [3.0, 4.0]])) == pytest.approx(5.0)
    assert _output_spread(torch.zeros(3, 2)) == 0.0


def test_invariance_error_zero_at_quarter_turns_for_p4cnn_only(digits):
    torch.manual_seed(0)
    angles = [0, 45, 90, 180, 270, 300]
    p4 = invariance_error_vs_angle(P4CNN().eval(), digits, angles)
    plain = invariance_error_vs_angle(he_initialise(Z2CNN()).eval(), digits, angles)
    assert np.all(p4[[0, 2, 3, 4]] < 1e-5) and np.all(p4[[1, 5]] > 0.05)
    assert plain[0] == 0 and np.all(plain[1:] > 0.05)


def test_invariance_error_of_a_model_that_reads_only_the_centre_pixel_is_zero():
    # on an odd-sized image the centre of rotation is a pixel, and every rotation keeps it in place
    x = torch.as_tensor(np.random.default_rng(1).random((5, 1, 9, 9)), dtype=torch.float32)
    errors = invariance_error_vs_angle(lambda y: y[:, 0, 4, 4:5].repeat(1, 3), x, [0, 30, 90, 200], batch_size=3)
    np.testing.assert_allclose(errors, 0.0, atol=1e-6)
    # and one pixel off the centre is not invariant
    assert np.all(invariance_error_vs_angle(lambda y: y[:, 0, 4, 5:6], x, [30, 90]) > 0.01)


def test_invariance_error_is_the_same_in_any_batch_size(digits):
    model = he_initialise(Z2CNN()).eval()
    np.testing.assert_allclose(invariance_error_vs_angle(model, digits, [0, 45, 90], batch_size=1),
                               invariance_error_vs_angle(model, digits, [0, 45, 90]), rtol=1e-5, atol=1e-5)
    with pytest.raises(ValueError, match="batch_size"):
        invariance_error_vs_angle(model, digits, [0], batch_size=0)


def test_invariance_error_needs_spread_and_a_batch(digits):
    with pytest.raises(ValueError, match="spread"):
        invariance_error_vs_angle(lambda x: torch.zeros(len(x), 3), digits, [0, 45])
    with pytest.raises(ValueError, match=r"\[B, C, N, N\]"):
        invariance_error_vs_angle(Z2CNN().eval(), digits[0], [0])


def test_interpolation_error(digits):
    errors = interpolation_error_vs_angle(digits[0, 0], [0, 45, 90, 180, 270, 360])
    assert errors[0] == 0 and np.all(errors[2:] == 0) and errors[1] > 0.01
    assert interpolation_error_vs_angle(digits[0, 0].numpy(), [45])[0] == pytest.approx(errors[1])
    with pytest.raises(ValueError, match="zero"):
        interpolation_error_vs_angle(np.zeros((5, 5)), [45])


def test_invariance_error_needs_two_inputs(digits):
    with pytest.raises(ValueError, match="B >= 2"):
        invariance_error_vs_angle(Z2CNN().eval(), digits[:1], [0])
