"""Tests for the pooling-grid rule of gcnn_teach.nn (against measurement) and its He initialiser."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from gcnn_teach.equivariance import check_equivariance
from gcnn_teach.nn import LiftingConv2d, P4CNN, Z2CNN, group_max_pool2d, he_initialise, pooling_grid_fits


# -- the pooling-grid rule ----------------------------------------------------------------

CONFIGS = [(size, k, s, p) for size in range(4, 12) for k in (1, 2, 3) for s in (1, 2, 3)
           for p in range(0, k // 2 + 1) if size + 2 * p >= k]


def _measured(size, k, s, p, seed=0):
    f = torch.as_tensor(np.random.default_rng(seed).normal(size=(1, 2, 4, size, size)), dtype=torch.float32)
    return check_equivariance(lambda y: group_max_pool2d(y, k, s, p), f, group="p4", input_kind="signal").holds


@pytest.mark.parametrize("size, k, s, p", CONFIGS)
def test_pooling_rule_predicts_measured_equivariance(size, k, s, p):
    assert pooling_grid_fits(size, k, s, p) == _measured(size, k, s, p)


def test_a_naive_rule_would_be_caught():
    # "the size is a multiple of the stride" sounds plausible but is wrong: the measurement disagrees
    naive = [c for c in CONFIGS if (c[0] % c[2] == 0) != _measured(*c)]
    assert naive, "the measured table cannot tell the naive rule from the true one"


def test_pooling_rule_book_cases():
    assert not pooling_grid_fits(7, 2, 2)   # odd size, 2x2 windows: the last row is dropped
    assert pooling_grid_fits(8, 2, 2)
    assert pooling_grid_fits(7, 3, 2, 1)    # 3x3 windows, stride 2, padding 1 fit odd sizes
    assert not pooling_grid_fits(7, 3, 3) and pooling_grid_fits(7, 3, 3, 1)  # padding fixes stride 3
    assert all(not pooling_grid_fits(9, 2, 2, p) for p in range(3))  # stride 2: padding cannot fix parity
    assert pooling_grid_fits(6, 2)  # stride defaults to the window


@pytest.mark.parametrize("args", [(0, 2, 2, 0), (5, 0, 2, 0), (5, 2, 0, 0), (5, 2, 2, -1), (5.0, 2, 2, 0),
                                  (True, 2, 2, 0)])
def test_pooling_rule_rejects_bad_sizes(args):
    with pytest.raises(ValueError, match="pooling_grid_fits"):
        pooling_grid_fits(*args)


def test_pooling_rule_rejects_a_window_larger_than_the_input():
    with pytest.raises(ValueError, match="does not fit"):
        pooling_grid_fits(2, 3, 1)


def test_he_initialise_draws_on_the_fan_in_and_leaves_group_layers():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(64, 64, 3), nn.Linear(300, 200), LiftingConv2d(1, 2, 3))
    before = model[2].weight.clone()
    he_initialise(model)
    assert model[0].weight.std().item() == pytest.approx(math.sqrt(2 / (64 * 9)), rel=0.05)
    assert model[1].weight.std().item() == pytest.approx(math.sqrt(2 / 300), rel=0.05)
    assert torch.all(model[0].bias == 0) and torch.all(model[1].bias == 0)
    assert torch.equal(model[2].weight, before)
    with pytest.raises(TypeError, match="he_initialise"):
        he_initialise("model")


def test_the_models_and_the_group_layers_draw_alike():
    # one initialiser: a Z2CNN built under a seed equals he_initialise applied under the same seed
    model = Z2CNN()
    torch.manual_seed(3)
    model.reset_parameters()
    built = [p.detach().clone() for p in model.parameters()]
    torch.manual_seed(3)
    he_initialise(model)  # draws the same convolutions in the same order
    assert all(torch.equal(a, b) for a, b in zip(built, model.parameters()))
    torch.manual_seed(0)
    layer = P4CNN().convs[1]
    assert layer.weight.std().item() == pytest.approx(math.sqrt(2 / layer.weight[0].numel()), rel=0.05)
