"""Tests for gcnn_teach.analysis: the pooling-grid rule against measurement, cost counts
against PyTorch's own FLOP counter, timing, and the rotation sweeps of chapter 10."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from gcnn_teach import analysis
from gcnn_teach.actions import rotate
from gcnn_teach.analysis import (
    compare_costs,
    count_costs,
    disk_mask,
    he_initialise,
    interpolation_error_vs_angle,
    invariance_error_vs_angle,
    logits_under_transforms,
    output_spread,
    pooling_grid_fits,
    time_call,
    time_calls,
)
from gcnn_teach.equivariance import check_equivariance
from gcnn_teach.nn import GroupConv2d, LiftingConv2d, P4CNN, Z2CNN, count_parameters, group_max_pool2d


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

    original = analysis._inputs_per_output
    monkeypatch.setattr(analysis, "_inputs_per_output", forgetful)
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


def test_count_costs_rejects_bad_input():
    with pytest.raises(TypeError, match="count_costs"):
        count_costs(lambda x: x, (1, 8, 8))
    with pytest.raises(ValueError, match=r"\[C, H, W\]"):
        count_costs(Z2CNN(), (1, 1, 28, 28))


def test_compare_costs_lines_up_layers_and_totals():
    reports = [count_costs(Z2CNN(), (1, 28, 28)), count_costs(P4CNN(), (1, 28, 28))]
    table = compare_costs(reports, "parameters").splitlines()
    assert table[0] == "parameters:" and table[1].split() == ["layer", "Z2CNN", "P4CNN"]
    assert table[3].split() == ["convs.1", "3,600", "3,600"]
    assert table[-1].split() == ["total", f"{reports[0].parameters:,}", f"{reports[1].parameters:,}"]
    macs = compare_costs(reports, "multiply_adds").splitlines()
    assert macs[0] == "multiply-adds:" and macs[3].split()[1:] == ["2,073,600", "8,294,400"]


def test_compare_costs_rejects_bad_measures_and_depths():
    z = count_costs(Z2CNN(), (1, 28, 28))
    with pytest.raises(ValueError, match="measure"):
        compare_costs([z], "weights")
    with pytest.raises(ValueError, match="same number"):
        compare_costs([z, count_costs(Z2CNN(layers=6), (1, 28, 28))])
    with pytest.raises(ValueError, match="same number"):
        compare_costs([])


# -- timing ---------------------------------------------------------------------------------

def test_time_call_counts_warmup_and_repeats():
    calls = []
    timing = time_call(lambda v: calls.append(v), 3, repeats=4, warmup=2)
    assert calls == [3] * 6 and len(timing.seconds) == 4
    assert timing.best <= timing.median and all(s >= 0 for s in timing.seconds)
    assert "median" in str(timing)


def test_time_call_runs_without_gradients():
    seen = []
    time_call(lambda: seen.append(torch.is_grad_enabled()), repeats=1, warmup=0)
    assert seen == [False]


@pytest.mark.parametrize("kwargs", [{"repeats": 0}, {"warmup": -1}])
def test_time_call_rejects_bad_counts(kwargs):
    with pytest.raises(ValueError, match="time_call"):
        time_call(lambda: None, **kwargs)
    with pytest.raises(TypeError, match="time_call"):
        time_call(3)


def test_time_calls_interleaves_the_candidates():
    order = []
    timings = time_calls({"a": lambda: order.append("a"), "b": lambda: order.append("b")}, repeats=3, warmup=1)
    assert order == ["a", "b"] * 4
    assert set(timings) == {"a", "b"} and all(len(t.seconds) == 3 for t in timings.values())


def test_time_calls_sets_and_restores_the_threads():
    before = torch.get_num_threads()
    seen = []
    time_calls({"a": lambda: seen.append(torch.get_num_threads())}, repeats=1, warmup=0, threads=1)
    assert seen == [1] and torch.get_num_threads() == before
    with pytest.raises(RuntimeError):
        time_calls({"a": lambda: (_ for _ in ()).throw(RuntimeError("boom"))}, repeats=1, threads=1)
    assert torch.get_num_threads() == before
    with pytest.raises(ValueError, match="threads"):
        time_calls({"a": lambda: None}, threads=0)


def test_time_calls_rejects_bad_input():
    with pytest.raises(TypeError, match="time_calls"):
        time_calls({})
    with pytest.raises(TypeError, match="time_calls"):
        time_calls({"a": 3})
    with pytest.raises(ValueError, match="time_calls"):
        time_calls({"a": lambda: None}, repeats=0)


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


def test_output_spread():
    assert output_spread([[0.0, 0.0], [3.0, 4.0]]) == pytest.approx(5.0)
    assert output_spread(torch.zeros(3, 2)) == 0.0
    with pytest.raises(ValueError, match="B >= 2"):
        output_spread([[1.0, 2.0]])


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
