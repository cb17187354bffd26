"""Tests for rotations by any angle (``rotate_by_angle``: a NumPy path and a torch path through
``grid_sample``) and the disc mask that makes rotated images comparable (chapters 10 and 11)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from gcnn_teach.actions import disk_mask, rotate, rotate_by_angle

ANGLES = [0.5, 17.0, 30.0, 45.0, 100.0, 200.0, -17.0, 359.9]


def _points(n):
    """A single bright pixel at (row 1, column n - 2) of an n x n image (up and to the right of the centre)."""
    x = np.zeros((n, n))
    x[1, n - 2] = 1.0
    return x


@pytest.mark.parametrize("n", [2, 5, 8, 28, 29])
@pytest.mark.parametrize("angle", ANGLES)
def test_torch_path_agrees_with_the_numpy_path(n, angle):
    x = np.random.default_rng(n).random((3, 2, n, n))
    expected = rotate_by_angle(x, angle)
    got = rotate_by_angle(torch.as_tensor(x), angle)
    assert isinstance(got, torch.Tensor) and got.dtype == torch.float64 and got.shape == x.shape
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=1e-12)
    got32 = rotate_by_angle(torch.as_tensor(x, dtype=torch.float32), angle)
    assert got32.dtype == torch.float32
    np.testing.assert_allclose(got32.numpy(), expected, rtol=0, atol=1e-5)


def test_nearest_agrees_except_at_ties():
    # order=0 rounds the source point; only points exactly halfway between pixels may round differently
    rng = np.random.default_rng(0)
    x = rng.random((29, 29))
    np.testing.assert_array_equal(rotate_by_angle(torch.as_tensor(x), 31, order=0).numpy(),
                                  rotate_by_angle(x, 31, order=0))
    differ = rotate_by_angle(torch.as_tensor(x), 45, order=0).numpy() != rotate_by_angle(x, 45, order=0)
    assert differ.mean() < 0.01


@pytest.mark.parametrize("n", [5, 8])
@pytest.mark.parametrize("backend", [np.asarray, torch.as_tensor])
def test_quarter_turns_are_exact_and_equal_rotate(n, backend):
    x = backend(np.random.default_rng(1).random((2, n, n)))
    for r in range(-4, 8):
        out = rotate_by_angle(x, 90 * r)
        expected = rotate(x, r % 4)
        assert (torch.equal(out, expected) if isinstance(out, torch.Tensor) else np.array_equal(out, expected))


@pytest.mark.parametrize("backend", [np.asarray, torch.as_tensor])
def test_rotation_is_counter_clockwise(backend):
    # a pixel up and to the right of the centre moves up and to the left under +30 degrees
    x = backend(_points(9))
    out = np.asarray(rotate_by_angle(x, 30))
    row, col = np.unravel_index(np.argmax(out), out.shape)
    assert row < 4 and col < 7 and (row, col) != (1, 7)


def test_torch_path_stays_on_the_device_and_keeps_leading_axes():
    x = torch.rand(2, 3, 4, 7, 7)
    out = rotate_by_angle(x, 33)
    assert out.shape == x.shape and out.device == x.device
    np.testing.assert_allclose(out[1, 2, 3].numpy(), rotate_by_angle(x[1, 2, 3].numpy(), 33), atol=1e-5)
    if torch.cuda.is_available():
        on_gpu = rotate_by_angle(x.cuda(), 33)
        assert on_gpu.is_cuda
        np.testing.assert_allclose(on_gpu.cpu().numpy(), out.numpy(), atol=1e-5)


def test_a_single_pixel_is_its_own_centre():
    x = torch.tensor([[[2.0]]])
    assert torch.equal(rotate_by_angle(x, 37), x)


def test_disk_mask_is_symmetric_and_centred():
    for size in (7, 8, 28, 29):
        mask = disk_mask(size)
        assert mask.dtype == np.float32 and mask.shape == (size, size)
        for r in range(4):
            np.testing.assert_array_equal(rotate(mask, r), mask)
        np.testing.assert_array_equal(mask, mask[:, ::-1])
    assert disk_mask(7)[3, 3] == 1 and disk_mask(7)[0, 0] == 0
    assert disk_mask(5, radius=0.5).sum() == 1
    with pytest.raises(ValueError, match="disk_mask"):
        disk_mask(0)


def test_a_disc_loses_nothing_when_rotated():
    x = np.random.default_rng(2).random((28, 28)) * disk_mask(28, radius=11)
    back = rotate_by_angle(rotate_by_angle(torch.as_tensor(x), 40), -40).numpy()
    assert abs(back.sum() - x.sum()) / x.sum() < 0.02
