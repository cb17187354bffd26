"""gcnn_teach.training: augmentations, step-matched epochs and precise batch statistics with dropout."""

import numpy as np
import pytest
import torch
from torch import nn

from gcnn_teach.actions import rotate
from gcnn_teach.actions import disk_mask
from gcnn_teach.training import epochs_for_steps, quarter_turns, random_rotations, recalibrate_batchnorm, train


def test_epochs_for_steps_matches_the_number_of_gradient_steps():
    assert epochs_for_steps(128, 1000, 32) == 4  # 32 steps an epoch
    assert epochs_for_steps(128, 100, 32) == 32  # 4 steps an epoch
    assert epochs_for_steps(3, 1000, 32) == 1  # never zero
    with pytest.raises(ValueError, match="positive integer n"):
        epochs_for_steps(10, 0, 32)


def test_quarter_turns_turn_each_image_by_its_own_multiple_of_90_degrees():
    x = torch.rand(64, 1, 6, 6)
    out = quarter_turns(x, torch.Generator().manual_seed(0))
    turns = [[r for r in range(4) if torch.equal(out[i], rotate(x[i], r))] for i in range(64)]
    assert all(len(t) == 1 for t in turns)  # each output is exactly one quarter turn of its input
    assert {t[0] for t in turns} == {0, 1, 2, 3}  # and all four occur
    again = quarter_turns(x, torch.Generator().manual_seed(0))
    assert torch.equal(out, again)


def test_random_rotations_keep_the_disk_and_draw_their_angles_from_the_generator():
    n = 18
    x = torch.zeros(8, 1, n, n)
    x[..., 6:12, 8:10] = 1.0
    out = random_rotations(x, torch.Generator().manual_seed(1))
    assert out.shape == x.shape
    assert torch.all(out[..., torch.as_tensor(disk_mask(n) == 0)] == 0)
    mass = out.sum(dim=(1, 2, 3)) / x.sum(dim=(1, 2, 3))
    assert torch.all((mass > 0.8) & (mass < 1.2))  # turned, not lost
    assert not torch.allclose(out[0], out[1])  # different angles for different images
    assert torch.equal(out, random_rotations(x, torch.Generator().manual_seed(1)))
    assert not torch.equal(out, random_rotations(x, torch.Generator().manual_seed(2)))


def test_augmentation_changes_training_but_not_the_order_of_batches():
    X, y = torch.rand(40, 1, 6, 6), torch.arange(40) % 10

    def trained(augment):
        torch.manual_seed(0)
        model = nn.Sequential(nn.Flatten(), nn.Linear(36, 10))
        history = train(model, X, y, epochs=2, batch_size=8, seed=3, augment=augment)
        return model, history

    plain, _ = trained(None)
    same, _ = trained(lambda x, g: x)  # an augmentation that does nothing changes nothing
    turned, _ = trained(quarter_turns)
    assert all(torch.equal(p, q) for p, q in zip(plain.parameters(), same.parameters()))
    assert not all(torch.equal(p, q) for p, q in zip(plain.parameters(), turned.parameters()))
    with pytest.raises(TypeError, match="augment"):
        train(plain, X, y, epochs=1, augment="rotations")


def test_recalibration_measures_the_statistics_with_dropout_off():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 3, 3), nn.BatchNorm2d(3), nn.Dropout(0.5), nn.Conv2d(3, 2, 3), nn.BatchNorm2d(2))
    X = torch.randn(32, 1, 8, 8)
    recalibrate_batchnorm(model, X, batch_size=32)
    with torch.no_grad():  # what the second batch norm sees: batch statistics in the first, no dropout
        first = nn.functional.batch_norm(model[0](X), None, None, model[1].weight, model[1].bias, training=True)
        before_second = model[3](first)
    np.testing.assert_allclose(model[4].running_mean, before_second.mean(dim=(0, 2, 3)), rtol=1e-5, atol=1e-6)
    assert model[2].p == 0.5 and not model.training
