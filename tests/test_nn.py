"""Tests of gcnn_teach.nn: the PyTorch layers and models.

The layers must compute exactly the NumPy reference of gcnn_teach.correlate (itself tested
against independent witnesses in test_correlate.py) on shared weights, with one bias per
output channel shared by the |H| maps; gradients must be right (gradcheck in float64);
modules must move between devices.  Their equivariance is tested in test_equivariance.py.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.func import functional_call

from gcnn_teach.correlate import group_correlation, group_filter_bank, lifting_correlation, lifting_filter_bank
from gcnn_teach.equivariance import check_equivariance
from gcnn_teach.groups import stabiliser
from gcnn_teach.nn import (
    P4CNN,
    GroupConv2d,
    GroupMaxPool2d,
    GroupPool,
    LiftingConv2d,
    P4ConvP4,
    P4ConvZ2,
    P4MConvP4M,
    P4MConvZ2,
    Z2CNN,
    count_parameters,
    group_max_pool2d,
    group_pool,
)

GROUPS = ["p4", "p4m"]
DEVICES = ["cpu", "meta", pytest.param("cuda", marks=pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device"))]


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(0)


def randomise_bias(layer):
    with torch.no_grad():
        layer.bias.normal_()
    return layer


# -- the layers compute the NumPy reference ---------------------------------------------

@pytest.mark.parametrize("padding, stride, size", [(0, 1, 5), (1, 1, 6), (1, 2, 9), (2, 2, 8), (0, 3, 7)])
@pytest.mark.parametrize("group", GROUPS)
def test_lifting_layer_equals_the_numpy_reference(group, padding, stride, size):
    layer = randomise_bias(LiftingConv2d(2, 3, 3, group, padding=padding, stride=stride).double())
    x = torch.randn(2, 2, size, size, dtype=torch.float64)
    weight, bias = layer.weight.detach().numpy(), layer.bias.detach().numpy()
    expected = np.stack([lifting_correlation(image, weight, group, padding, stride) for image in x.numpy()])
    expected += bias[None, :, None, None, None]  # one bias per output channel, the same for all |H| maps
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("padding, stride, size", [(0, 1, 5), (1, 1, 6), (1, 2, 9), (2, 2, 8)])
@pytest.mark.parametrize("group", GROUPS)
def test_group_layer_equals_the_numpy_reference(group, padding, stride, size):
    order = stabiliser(group).order
    layer = randomise_bias(GroupConv2d(2, 3, 3, group, padding=padding, stride=stride).double())
    f = torch.randn(2, 2, order, size, size, dtype=torch.float64)
    weight, bias = layer.weight.detach().numpy(), layer.bias.detach().numpy()
    expected = np.stack([group_correlation(signal, weight, group, padding, stride) for signal in f.numpy()])
    expected += bias[None, :, None, None, None]
    np.testing.assert_allclose(layer(f).detach().numpy(), expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("group", GROUPS)
def test_filter_banks_equal_the_numpy_reference(group):
    order = stabiliser(group).order
    lifting, grouped = LiftingConv2d(2, 3, 5, group), GroupConv2d(2, 3, 3, group)
    bank = lifting.filter_bank().detach().numpy().reshape(3, order, 2, 5, 5)
    np.testing.assert_array_equal(bank, lifting_filter_bank(lifting.weight.detach().numpy(), group))
    bank = grouped.filter_bank().detach().numpy().reshape(3, order, 2, order, 3, 3)
    np.testing.assert_array_equal(bank, group_filter_bank(grouped.weight.detach().numpy(), group))


def test_layers_without_bias_and_the_shared_bias():
    assert LiftingConv2d(1, 2, 3, bias=False).bias is None
    layer = GroupConv2d(2, 3, 3, "p4m")
    assert layer.bias.shape == (3,) and layer.weight.shape == (3, 2, 8, 3, 3)
    assert count_parameters(layer) == 3 * 2 * 8 * 9 + 3
    with torch.no_grad():
        layer.weight.zero_()
        layer.bias.copy_(torch.tensor([1.0, 2.0, 3.0]))
    out = layer(torch.randn(1, 2, 8, 4, 4))
    np.testing.assert_array_equal(out[0, :, :, 0, 0].detach().numpy(), np.repeat([[1.0], [2.0], [3.0]], 8, axis=1))


def test_index_buffers_are_not_saved_and_weights_reload():
    layer = LiftingConv2d(2, 3, 3, "p4m", padding=1)
    assert set(layer.state_dict()) == {"weight", "bias"}
    copy = LiftingConv2d(2, 3, 3, "p4m", padding=1)
    copy.load_state_dict(layer.state_dict())
    x = torch.randn(1, 2, 5, 5)
    torch.testing.assert_close(copy(x), layer(x), rtol=0, atol=0)


# -- gradients --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["lifting", "group"])
@pytest.mark.parametrize("group", GROUPS)
def test_gradcheck(group, kind):
    order = stabiliser(group).order
    if kind == "lifting":
        layer, x = LiftingConv2d(2, 1, 2, group, padding=1).double(), torch.randn(1, 2, 3, 3, dtype=torch.float64)
    else:
        layer, x = GroupConv2d(1, 1, 2, group, padding=1).double(), torch.randn(1, 1, order, 3, 3, dtype=torch.float64)
    params = [layer.weight.detach().clone(), torch.randn(1, dtype=torch.float64)]
    inputs = [t.requires_grad_() for t in (x, *params)]

    def forward(x, weight, bias):
        return functional_call(layer, {"weight": weight, "bias": bias}, (x,))

    assert torch.autograd.gradcheck(forward, inputs)


def test_gradients_flow_to_every_weight_and_the_shared_bias():
    layer = GroupConv2d(2, 3, 3, "p4", padding=1)
    out = layer(torch.randn(2, 2, 4, 5, 5))
    out.square().sum().backward()
    assert torch.all(layer.weight.grad != 0) and torch.isfinite(layer.weight.grad).all()
    # d/d bias[o] of sum(out^2) = 2 * sum over batch, |H| maps and pixels of out[:, o]
    torch.testing.assert_close(layer.bias.grad, 2 * out.detach().sum(dim=(0, 2, 3, 4)))


# -- devices and dtypes -----------------------------------------------------------------

@pytest.mark.parametrize("device", DEVICES)
def test_layers_and_models_move_to_a_device(device):
    lifting = LiftingConv2d(1, 2, 3, "p4m", padding=1)
    grouped = GroupConv2d(2, 2, 3, "p4m", padding=1)
    x = torch.randn(2, 1, 6, 6)
    expected = grouped(lifting(x))
    lifting, grouped = lifting.to(device), grouped.to(device)
    assert lifting.indices.device.type == device and lifting.indices.dtype == torch.long
    out = grouped(lifting(x.to(device)))
    assert out.device.type == device and out.shape == (2, 2, 8, 6, 6)
    if device != "meta":
        torch.testing.assert_close(out.cpu(), expected)
    model = P4CNN().to(device).eval()
    assert model(torch.randn(3, 1, 28, 28, device=device)).shape == (3, 10)


def test_dtype_conversion_keeps_the_indices_integer():
    layer = GroupConv2d(1, 1, 3).double()
    assert layer.weight.dtype == torch.float64 and layer.indices.dtype == torch.long
    assert layer(torch.randn(1, 1, 4, 5, 5, dtype=torch.float64)).dtype == torch.float64


# -- pooling ----------------------------------------------------------------------------

@pytest.mark.parametrize("group", GROUPS)
def test_pooling_over_the_group_axis(group):
    order = stabiliser(group).order
    f = torch.randn(2, 3, order, 5, 5, dtype=torch.float64)
    torch.testing.assert_close(group_pool(f, "max"), f.max(dim=2).values)
    torch.testing.assert_close(GroupPool("mean")(f), f.sum(dim=2) / order)
    assert group_pool(f).shape == (2, 3, 5, 5)
    # the pooled maps are invariant to the cycling of the group axis: L_g in, T_g out
    for mode in ("max", "mean"):
        check_equivariance(GroupPool(mode), f, group=group, input_kind="signal", output_kind="image").assert_holds()


@pytest.mark.parametrize("group", GROUPS)
def test_spatial_group_max_pooling(group):
    order = stabiliser(group).order
    f = torch.randn(2, 3, order, 8, 8, dtype=torch.float64)
    expected = torch.stack([F.max_pool2d(f[:, :, h], 2) for h in range(order)], dim=2)
    torch.testing.assert_close(group_max_pool2d(f, 2), expected)
    torch.testing.assert_close(GroupMaxPool2d(3, 2, 1)(f), torch.stack([F.max_pool2d(f[:, :, h], 3, 2, 1) for h in range(order)], dim=2))
    # windows that tile the image symmetrically: equivariant; a 7 x 7 image drops its last
    # row and column, which a rotation moves to the other side: not equivariant
    check_equivariance(GroupMaxPool2d(2), f, group=group, input_kind="signal").assert_holds()
    odd = torch.randn(2, 3, order, 7, 7, dtype=torch.float64)
    check_equivariance(GroupMaxPool2d(2), odd, group=group, input_kind="signal").assert_fails()


# -- GrouPy's names ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "alias, base, group",
    [(P4ConvZ2, LiftingConv2d, "p4"), (P4MConvZ2, LiftingConv2d, "p4m"),
     (P4ConvP4, GroupConv2d, "p4"), (P4MConvP4M, GroupConv2d, "p4m")],
)
def test_groupy_aliases(alias, base, group):
    layer = alias(2, 3, ksize=3, stride=2, pad=1, bias=False)
    assert isinstance(layer, base) and layer.group == group and layer.bias is None
    assert (layer.kernel_size, layer.stride, layer.padding) == (3, 2, 1)
    same = base(2, 3, 3, group, padding=1, bias=False, stride=2)
    same.load_state_dict(layer.state_dict())
    order = stabiliser(group).order
    x = torch.randn(2, 2, 7, 7) if base is LiftingConv2d else torch.randn(2, 2, order, 7, 7)
    torch.testing.assert_close(layer(x), same(x), rtol=0, atol=0)
    assert alias(1, 1).kernel_size == 3 and alias(1, 1).padding == 0 and alias(1, 1).bias is not None


# -- the paper's models -----------------------------------------------------------------

def randomise_batch_norm(model):
    """Non-trivial running statistics, so that eval mode really uses them."""
    for module in model.modules():
        if isinstance(module, (torch.nn.BatchNorm2d, torch.nn.BatchNorm3d)):
            module.running_mean.normal_()
            module.running_var.uniform_(0.5, 2.0)
            torch.nn.init.normal_(module.weight)
            torch.nn.init.normal_(module.bias)
    return model.eval()


def test_parameter_counts_are_comparable():
    z2, p4 = count_parameters(Z2CNN()), count_parameters(P4CNN())
    assert abs(p4 - z2) / z2 <= 0.15, (z2, p4)
    assert count_parameters(P4CNN(rotation_pooling=True)) == z2  # lifting layers have Z2CNN-sized weights


@pytest.mark.parametrize(
    "make, group, size",
    [(P4CNN, "p4", 28), (lambda: P4CNN(group="p4m"), "p4m", 28), (lambda: P4CNN(rotation_pooling=True), "p4", 28),
     (lambda: P4CNN(input_size=16, layers=4, channels=4, group="p4m"), "p4m", 16)],
    ids=["P4CNN", "P4CNN-p4m", "P4CNN-rotation-pooling", "P4CNN-p4m-small"],
)
def test_p4cnn_logits_are_invariant(make, group, size):
    """In eval mode the logits do not change under the 4 rotations (p4) or all 8 elements of D4 (p4m)."""
    model = randomise_batch_norm(make())
    x = torch.randn(3, 1, size, size)
    assert model(x).shape == (3, 10)
    report = check_equivariance(model, x, group=group, input_kind="image", output_kind="invariant").assert_holds()
    assert len(report.measurements) == stabiliser(group).order - 1  # every element but the identity


def test_z2cnn_is_not_invariant():
    model = randomise_batch_norm(Z2CNN())
    x = torch.randn(3, 1, 28, 28)
    assert model(x).shape == (3, 10)
    check_equivariance(model, x, group="p4", output_kind="invariant").assert_fails()


# -- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: LiftingConv2d(3, 4, 3)(torch.zeros(2, 2, 5, 5)), ValueError,
         r"expected 3 input channels at axis 1 \[B, C_in, H, W\], got shape \(2, 2, 5, 5\)"),
        (lambda: GroupConv2d(3, 4, 3)(torch.zeros(2, 2, 4, 5, 5)), ValueError,
         r"expected 3 input channels .* got shape \(2, 2, 4, 5, 5\)"),
        (lambda: GroupConv2d(2, 2, 3, "p4m")(torch.zeros(1, 2, 4, 5, 5)), ValueError,
         r"group axis of length \|H\| = 8 at axis 2 \[B, C_in, \|H\|, H, W\], got shape \(1, 2, 4, 5, 5\)"),
        (lambda: LiftingConv2d(2, 2, 3)(torch.zeros(2, 5, 5)), ValueError,
         r"expected a 4-dimensional input \[B, C_in, H, W\], got shape \(2, 5, 5\)"),
        (lambda: GroupConv2d(2, 2, 3)(torch.zeros(1, 2, 5, 5)), ValueError,
         r"expected a 5-dimensional input \[B, C_in, \|H\|, H, W\], got shape \(1, 2, 5, 5\)"),
        (lambda: LiftingConv2d(1, 1, 3)(np.zeros((1, 1, 5, 5), dtype=np.float32)), TypeError,
         r"expected a torch\.Tensor \[B, C_in, H, W\], got ndarray"),
        (lambda: LiftingConv2d(1, 1, 3, group="p3"), ValueError, r"unknown group 'p3'"),
        (lambda: P4CNN(group="p8"), ValueError, r"unknown group 'p8'"),
        (lambda: LiftingConv2d(1, 1, 0), ValueError, r"kernel_size to be an integer >= 1, got 0"),
        (lambda: GroupConv2d(1, 0, 3), ValueError, r"out_channels to be an integer >= 1, got 0"),
        (lambda: GroupConv2d(1, 1, 3, padding=-1), ValueError, r"padding to be an integer >= 0, got -1"),
        (lambda: LiftingConv2d(1, 1, 3, stride=1.5), ValueError, r"stride to be an integer >= 1, got 1\.5"),
        (lambda: GroupPool("sum"), ValueError, r"expected mode 'max' or 'mean', got 'sum'"),
        (lambda: group_pool(torch.zeros(1, 2, 4, 4, 4), "median"), ValueError, r"got 'median'"),
        (lambda: group_pool(torch.zeros(2, 3, 4, 4)), ValueError, r"expected a tensor \[B, C, \|H\|, H, W\], got \(2, 3, 4, 4\)"),
        (lambda: group_max_pool2d(np.zeros((1, 1, 4, 4, 4)), 2), ValueError, r"\[B, C, \|H\|, H, W\], got ndarray"),
        (lambda: Z2CNN(input_size=27), ValueError, r"input_size=27: .* odd size 23"),
        (lambda: P4CNN(input_size=12), ValueError, r"input_size=12 is too small for 7 layers"),
    ],
)
def test_bad_input_names_expected_and_received(call, error, message):
    with pytest.raises(error, match=message):
        call()
