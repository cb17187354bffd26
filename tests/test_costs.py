"""Tests for gcnn_teach.costs: cost counts against PyTorch's own FLOP counter and by hand."""

from __future__ import annotations

import pytest
import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from gcnn_teach import costs as costs_module
from gcnn_teach.costs import compare_costs, count_costs
from gcnn_teach.nn import GroupConv2d, LiftingConv2d, P4CNN, Z2CNN, count_parameters


# -- costs ----------------------------------------------------------------------------------

MODELS = {
    "Z2CNN": lambda: Z2CNN(),
    "P4CNN": lambda: P4CNN(),
    "P4CNN p4m": lambda: P4CNN(group="p4m"),
    "P4CNN rotation pooling": lambda: P4CNN(rotation_pooling=True),
}


@pytest.mark.parametrize("name", MODELS)
def test_multiply_adds_match_torch_flop_counter(name):
    torch.manual_seed(0)
    model = MODELS[name]().eval()
    report = count_costs(model, (1, 28, 28))
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        model(torch.zeros(1, 1, 28, 28))
    assert counter.get_total_flops() == 2 * report.multiply_adds


@pytest.mark.parametrize("name", MODELS)
def test_parameters_are_those_of_the_convolutions(name):
    model = MODELS[name]()
    norms = sum(p.numel() for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)
                for p in m.parameters())
    assert count_costs(model, (1, 28, 28)).parameters == count_parameters(model) - norms


def test_hidden_layers_of_z2cnn_and_p4cnn_have_the_same_weights():
    z = count_costs(Z2CNN(), (1, 28, 28))
    p = count_costs(P4CNN(), (1, 28, 28))
    hidden = slice(1, -1)
    assert [c.parameters for c in z.layers[hidden]] == [20 * 20 * 9] * 5
    assert [c.parameters for c in p.layers[hidden]] == [10 * 10 * 4 * 9] * 5
    # the activations double (sqrt |H|) and the multiply-adds quadruple (|H|) in every hidden layer
    for a, b in zip(z.layers[hidden], p.layers[hidden]):
        assert b.activations == 2 * a.activations
        assert b.multiply_adds == 4 * a.multiply_adds


def test_single_layer_costs_by_hand():
    layer = GroupConv2d(3, 5, 3, group="p4m", bias=True)
    (cost,) = count_costs(_Wrap(layer, (3, 8)), (1, 7, 7)).layers
    assert cost.kind == "group"
    assert cost.activations == 5 * 8 * 5 * 5
    assert cost.multiply_adds == cost.activations * 3 * 8 * 9
    assert cost.parameters == 5 * 3 * 8 * 9 + 5


class _Wrap(nn.Module):
    """Feed an image [B, 1, N, N] to a group layer as a signal [B, C, |H|, N, N] of the right shape."""

    def __init__(self, layer, channels_order):
        super().__init__()
        self.layer, self.channels_order = layer, channels_order

    def forward(self, x):
        c, n = self.channels_order
        return self.layer(x[:, :, None].expand(-1, c, n, -1, -1))


def test_lifting_and_plain_costs_by_hand():
    model = nn.Sequential(LiftingConv2d(2, 3, 3, group="p4", bias=False))
    (cost,) = count_costs(model, (2, 6, 6)).layers
    assert (cost.kind, cost.activations, cost.multiply_adds, cost.parameters) == ("lifting", 3 * 4 * 16,
                                                                                  3 * 4 * 16 * 2 * 9, 54)
    conv = nn.Conv2d(4, 6, 3, groups=2, stride=2, padding=1)
    (cost,) = count_costs(conv, (4, 8, 8)).layers
    assert (cost.kind, cost.activations, cost.multiply_adds) == ("plain", 6 * 16, 6 * 16 * 2 * 9)


def test_a_cost_formula_without_the_group_axis_is_caught(monkeypatch):
    # a MAC count that forgets the sum over h in a group layer must disagree with torch's counter
    def forgetful(module):
        kind, per_output = original(module)
        return kind, per_output // module.order if kind == "group" else per_output

    original = costs_module._inputs_per_output
    monkeypatch.setattr(costs_module, "_inputs_per_output", forgetful)
    model = P4CNN().eval()
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        model(torch.zeros(1, 1, 28, 28))
    assert counter.get_total_flops() != 2 * count_costs(model, (1, 28, 28)).multiply_adds


def test_count_costs_restores_the_training_mode_and_reports():
    model = Z2CNN().train()
    report = count_costs(model, (1, 28, 28), name="baseline")
    assert model.training
    assert report.model == "baseline" and len(report.layers) == 7
    assert "baseline" in str(report) and "convs.1" in str(report)
    html = report._repr_html_()
    assert html.count("<tr>") == 1 + 7 + 1 and f"{report.parameters:,}" in html


def test_compare_costs_lines_up_layers_and_totals():
    reports = [count_costs(Z2CNN(), (1, 28, 28)), count_costs(P4CNN(), (1, 28, 28))]
    table = compare_costs(reports, "parameters").splitlines()
    assert table[0] == "parameters:" and table[1].split() == ["layer", "Z2CNN", "P4CNN"]
    assert table[3].split() == ["convs.1", "3,600", "3,600"]
    assert table[-1].split() == ["total", f"{reports[0].parameters:,}", f"{reports[1].parameters:,}"]
    macs = compare_costs(reports, "multiply_adds").splitlines()
    assert macs[0] == "multiply-adds:" and macs[3].split()[1:] == ["2,073,600", "8,294,400"]
