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

from gcnn_teach.actions import transform_image
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
    groupy_relabelling,
    weight_from_groupy,
    weight_to_groupy,
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
    layer = alias(2, 3, ksize=3, stride=2, pad=1, nobias=True)
    assert isinstance(layer, base) and layer.group == group and layer.bias is None
    assert (layer.kernel_size, layer.stride, layer.padding) == (3, 2, 1)
    same = base(2, 3, 3, group, padding=1, bias=False, stride=2)
    same.load_state_dict(layer.state_dict())
    order = stabiliser(group).order
    x = torch.randn(2, 2, 7, 7) if base is LiftingConv2d else torch.randn(2, 2, order, 7, 7)
    torch.testing.assert_close(layer(x), same(x), rtol=0, atol=0)
    assert alias(1, 1).kernel_size == 3 and alias(1, 1).padding == 0 and alias(1, 1).bias is not None


# -- GrouPy's convention, rebuilt independently ---------------------------------------
#
# GrouPy's element (m, r) acts on (u, v) = (row, column) by the paper's matrix M^m R^r: rotate
# by r quarter turns (np.rot90, as ours), then, if m = 1, negate u: flip up-down.  The helpers
# below build GrouPy's two layers from that sentence alone, with their own composition (the
# 2x2 matrices on (u, v)), and the tests compare them with our layers and the converters.

def _groupy_matrix(i):
    m, r = divmod(i, 4)
    c, s = [1, 0, -1, 0][r], [0, 1, 0, -1][r]
    return np.array([[(-1) ** m * c, -((-1) ** m) * s], [s, c]])


def _groupy_compose_inverse(g, h, order):
    """GrouPy's label of g^-1 h, found by matrix arithmetic."""
    target = np.linalg.inv(_groupy_matrix(g)).round().astype(int) @ _groupy_matrix(h)
    return next(k for k in range(order) if np.array_equal(_groupy_matrix(k), target))


def _groupy_transform(w, i):
    m, r = divmod(i, 4)
    out = torch.rot90(w, r, dims=(-2, -1))
    return out.flip(-2) if m else out  # GrouPy's mirror: flip up-down (the first array axis)


def _groupy_lifting(x, w, order):
    """GrouPy's P4ConvZ2 / P4MConvZ2: w [C_out, C_in, 1, k, k]; out[:, o, g] = corr(x, T_g w[o])."""
    bank = torch.stack([_groupy_transform(w[:, :, 0], g) for g in range(order)], dim=1)
    out = F.conv2d(x, bank.flatten(0, 1))
    return out.unflatten(1, (w.shape[0], order))


def _groupy_group(f, w, order):
    """GrouPy's P4ConvP4 / P4MConvP4M: out[:, o, g] = sum_c sum_h corr(f[:, c, h], T_g(w[o, c, g^-1 h]))."""
    outs = []
    for g in range(order):
        source = [_groupy_compose_inverse(g, h, order) for h in range(order)]
        moved = _groupy_transform(w[:, :, source], g)  # [C_out, C_in, |H|, k, k]
        outs.append(F.conv2d(f.flatten(1, 2), moved.flatten(1, 2)))
    return torch.stack(outs, dim=2)


def _to_our_labels(signal, group):
    perm = torch.as_tensor(groupy_relabelling(group))
    out = torch.empty_like(signal)
    out[:, :, perm] = signal
    return out


def test_groupy_relabelling_is_the_mirror_of_the_first_axis():
    assert list(groupy_relabelling("p4")) == [0, 1, 2, 3]
    assert list(groupy_relabelling("p4m")) == [0, 1, 2, 3, 6, 7, 4, 5]
    x = torch.randn(5, 5)
    for i, ours in enumerate(groupy_relabelling("p4m")):  # GrouPy's T_(m, r) is our T_(m, r + 2m)
        torch.testing.assert_close(_groupy_transform(x, i), transform_image(x, int(ours), "p4m"), rtol=0, atol=0)
    with pytest.raises(ValueError, match="p5"):
        groupy_relabelling("p5")


@pytest.mark.parametrize("group", GROUPS)
def test_lifting_layer_equals_groupy_with_converted_weights(group):
    order = stabiliser(group).order
    w_groupy = torch.randn(3, 2, 1, 3, 3, dtype=torch.float64)
    x = torch.randn(2, 2, 9, 9, dtype=torch.float64)
    layer = LiftingConv2d(2, 3, 3, group, bias=False).double()
    with torch.no_grad():
        layer.weight.copy_(weight_from_groupy(w_groupy, group, "lifting"))
    expected = _to_our_labels(_groupy_lifting(x, w_groupy, order), group)
    torch.testing.assert_close(layer(x), expected, rtol=0, atol=1e-12)
    if group == "p4m":  # without the relabelling the mirrored maps are in the wrong places
        assert not torch.allclose(layer(x), _groupy_lifting(x, w_groupy, order))


@pytest.mark.parametrize("group", GROUPS)
def test_group_layer_equals_groupy_with_converted_weights(group):
    order = stabiliser(group).order
    w_groupy = torch.randn(3, 2, order, 3, 3, dtype=torch.float64)
    f_groupy = torch.randn(2, 2, order, 9, 9, dtype=torch.float64)  # a signal in GrouPy's labels
    layer = GroupConv2d(2, 3, 3, group, bias=False).double()
    with torch.no_grad():
        layer.weight.copy_(weight_from_groupy(w_groupy, group, "group"))
    expected = _to_our_labels(_groupy_group(f_groupy, w_groupy, order), group)
    torch.testing.assert_close(layer(_to_our_labels(f_groupy, group)), expected, rtol=0, atol=1e-12)
    if group == "p4m":  # GrouPy's weight used as it is: wrong
        with torch.no_grad():
            layer.weight.copy_(w_groupy)
        assert not torch.allclose(layer(_to_our_labels(f_groupy, group)), expected)


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("layer", ["lifting", "group"])
def test_groupy_weight_round_trip(group, layer):
    order = stabiliser(group).order
    ours = np.random.default_rng(0).normal(size=(3, 2, 3, 3) if layer == "lifting" else (3, 2, order, 3, 3))
    theirs = weight_to_groupy(ours, group, layer)
    assert theirs.shape == ((3, 2, 1, 3, 3) if layer == "lifting" else ours.shape)
    np.testing.assert_array_equal(weight_from_groupy(theirs, group, layer), ours)
    back = weight_from_groupy(torch.as_tensor(theirs), group, layer)
    assert isinstance(back, torch.Tensor) and torch.equal(back, torch.as_tensor(ours))


def test_groupy_converters_reject_bad_input():
    with pytest.raises(ValueError, match=r"\[C_out, C_in, 1, k, k\].*got shape \(3, 2, 3, 3\)"):
        weight_from_groupy(np.zeros((3, 2, 3, 3)), "p4", "lifting")
    with pytest.raises(ValueError, match=r"\|H\| = 8.*got shape \(3, 2, 4, 3, 3\)"):
        weight_from_groupy(np.zeros((3, 2, 4, 3, 3)), "p4m", "group")
    with pytest.raises(ValueError, match="expected layer 'lifting' or 'group', got 'plain'"):
        weight_to_groupy(np.zeros((3, 2, 3, 3)), "p4", "plain")
    with pytest.raises(TypeError, match="numpy.ndarray or torch.Tensor, got list"):
        weight_to_groupy([[0.0]], "p4", "lifting")


def test_groupy_alias_takes_groupy_keywords_and_initial_weights():
    w_groupy = torch.randn(3, 2, 8, 3, 3, dtype=torch.float64)
    layer = P4MConvP4M(2, 3, initialW=w_groupy, initial_bias=torch.zeros(3)).double()
    f_groupy = torch.randn(1, 2, 8, 7, 7, dtype=torch.float64)
    expected = _to_our_labels(_groupy_group(f_groupy, w_groupy, 8), "p4m")
    torch.testing.assert_close(layer(_to_our_labels(f_groupy, "p4m")), expected, rtol=1e-5, atol=1e-5)  # float32 W
    with pytest.raises(TypeError, match="positional"):
        P4ConvZ2(1, 2, 3, 1, 0)  # GrouPy's 4th positional argument is filter_mask: refuse, do not guess
    with pytest.raises(TypeError, match="filter_mask.*mask"):
        P4ConvZ2(1, 2, filter_mask=np.ones((2, 1, 1)))
    with pytest.raises(TypeError, match="flat_channels"):
        P4ConvP4(1, 2, flat_channels=True)
    with pytest.raises(ValueError, match=r"\|H\| = 4.*got shape \(3, 2, 8, 3, 3\)"):
        P4ConvP4(2, 3, initialW=np.zeros((3, 2, 8, 3, 3)))


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


def test_dropout_defaults_follow_the_papers_code():
    # gconv_experiments, MNIST_ROT/models: Z2CNN applies dropout 0.3; the P4CNN's dropout lines are commented out
    assert Z2CNN().dropout.p == 0.3 and P4CNN().dropout.p == 0.0 and P4CNN(group="p4m").dropout.p == 0.0
