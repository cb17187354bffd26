"""Tests of gcnn_teach.equivariance, and the equivariance of the correlations and layers.

Three parts:
* property-based (hypothesis): for every element of C4 and D4, both correlations, NumPy and
  PyTorch, float64 and float32, transforming the input by g transforms the output by L_g;
* the check must say NOT equivariant where a map is not: a dense layer, a stride-2
  convolution under one-pixel shifts, a stride-2 convolution whose sampling grid is not
  symmetric about the centre, a per-pixel normalisation, and a correlation whose filter is
  moved the wrong way -- each next to a close relative that IS equivariant, so that the
  check is seen to separate the two rather than to fail (or pass) everything;
* the measurement itself: the numbers, the tolerance by dtype, the report, bad input.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from gcnn_teach import actions, nn as gnn
from gcnn_teach.actions import transform_image, transform_signal, translate
from gcnn_teach.correlate import correlate2d, group_correlation, lifting_correlation
from gcnn_teach.equivariance import (
    EquivarianceReport,
    check_equivariance,
    declared_kinds,
    relative_error,
    default_tolerance,
    equivariance_error,
    group_transforms,
    measure_equivariance,
    to_numpy,
    translation_transforms,
)
from gcnn_teach.groups import stabiliser
from gcnn_teach.nn import GroupConv2d, LiftingConv2d

GROUPS = ["p4", "p4m"]


# -- property-based: both correlations are equivariant, for every element -------------------

@st.composite
def correlation_cases(draw):
    """Random channels, kernel 1-5, padding 0-2, stride 1-3, odd and even sizes, batch 1-3.

    With a stride s the sampling grid is symmetric about the centre (the condition for
    rotation equivariance) when s divides size + 2 padding - k, so the size is drawn that way.
    """
    k, padding, stride = draw(st.integers(1, 5)), draw(st.integers(0, 2)), draw(st.integers(1, 3))
    smallest = k - 2 * padding  # the filter must fit in the padded input
    fewest = max(0, math.ceil((1 - smallest) / stride))  # and the input needs one pixel at least
    steps = draw(st.integers(fewest, fewest + 6 // stride))
    return dict(c_in=draw(st.integers(1, 3)), c_out=draw(st.integers(1, 3)), k=k, padding=padding, stride=stride,
                size=smallest + stride * steps, batch=draw(st.integers(1, 3)), seed=draw(st.integers(0, 2**32 - 1)))


def build(group: str, kind: str, backend: str, dtype: str, case: dict):
    """The map (a NumPy correlation or a torch layer) and an input for it."""
    rng = np.random.default_rng(case["seed"])
    order = stabiliser(group).order
    c_in, c_out, k, size = case["c_in"], case["c_out"], case["k"], case["size"]
    kwargs = dict(padding=case["padding"], stride=case["stride"])
    image_shape, signal_shape = (c_in, size, size), (c_in, order, size, size)
    if backend == "numpy":
        if kind == "lifting":
            w = rng.standard_normal((c_out, c_in, k, k)).astype(dtype)
            return (lambda x: lifting_correlation(x, w, group, **kwargs)), rng.standard_normal(image_shape).astype(dtype)
        w = rng.standard_normal((c_out, c_in, order, k, k)).astype(dtype)
        return (lambda f: group_correlation(f, w, group, **kwargs)), rng.standard_normal(signal_shape).astype(dtype)
    torch.manual_seed(case["seed"] % 2**31)
    torch_dtype = getattr(torch, dtype)
    layer = (LiftingConv2d if kind == "lifting" else GroupConv2d)(c_in, c_out, k, group, **kwargs).to(torch_dtype)
    with torch.no_grad():
        layer.bias.normal_()
    shape = image_shape if kind == "lifting" else signal_shape
    return layer, torch.from_numpy(rng.standard_normal((case["batch"], *shape))).to(torch_dtype)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", ["numpy", "torch"])
@pytest.mark.parametrize("kind", ["lifting", "group"])
@pytest.mark.parametrize("group", GROUPS)
@given(case=correlation_cases())
def test_correlations_are_equivariant(group, kind, backend, dtype, case):
    """lifting(T_g x) = L_g lifting(x) and group(L_g f) = L_g group(f) for every g."""
    f, x = build(group, kind, backend, dtype, case)
    report = check_equivariance(f, x, group=group, input_kind="image" if kind == "lifting" else "signal",
                                output_kind="signal").assert_holds()
    H = stabiliser(group)
    assert [m.label for m in report.measurements] == [H.label(g) for g in H if g != H.identity]
    assert report.rtol == default_tolerance(dtype)


# -- the check must detect what is not equivariant ------------------------------------------

def test_dense_layer_is_not_equivariant_but_its_symmetrised_version_is(rng):
    """A dense layer on the pixels fails; averaging its matrix over the group, P_g^T W P_g, makes it equivariant."""
    n = 5
    weight = rng.standard_normal((n * n, n * n))
    x = rng.standard_normal((n, n))
    check_equivariance(lambda x: (weight @ x.ravel()).reshape(n, n), x, group="p4m").assert_fails()
    basis = np.eye(n * n).reshape(n * n, n, n)
    permutations = [np.stack([transform_image(e, g, "p4m").ravel() for e in basis], axis=1) for g in range(8)]
    symmetric = sum(p.T @ weight @ p for p in permutations) / 8
    check_equivariance(lambda x: (symmetric @ x.ravel()).reshape(n, n), x, group="p4m").assert_holds()


def test_torch_dense_layer_is_not_equivariant_to_rotations_or_shifts():
    torch.manual_seed(1)
    dense = torch.nn.Sequential(torch.nn.Flatten(1), torch.nn.Linear(36, 36), torch.nn.Unflatten(1, (1, 6, 6)))
    x = torch.randn(2, 1, 6, 6)
    check_equivariance(dense, x, group="p4").assert_fails()
    check_equivariance(dense, x, transforms_in=translation_transforms([(0, 1), (1, 0)])).assert_fails()


def test_stride_two_convolution_and_one_pixel_shifts():
    """Shifting the input by 2 pixels shifts a stride-2 output by 1; a 1-pixel shift has no counterpart."""
    torch.manual_seed(2)
    conv = torch.nn.Conv2d(1, 2, 3, stride=2, padding=1, padding_mode="circular").double()
    x = torch.randn(2, 1, 8, 8, dtype=torch.float64)
    two = translation_transforms([(0, 2), (2, 0), (2, -2)])
    one = translation_transforms([(0, 1), (1, 0), (1, -1)])
    halves = {label: (lambda y, s=s: translate(y, s)) for label, s in zip(two, [(0, 1), (1, 0), (1, -1)])}
    check_equivariance(conv, x, transforms_in=two, transforms_out=halves).assert_holds()
    for rounding in [(0, 0), (0, 1), (1, 0), (1, 1)]:  # whichever way half a pixel is rounded
        out = {label: (lambda y, s=rounding: translate(y, s)) for label in one}
        report = check_equivariance(conv, x, transforms_in=one, transforms_out=out)
        assert all(m.max_rel_error > 0.1 for m in report.measurements), report
    # with stride 1 the same convolution is equivariant to every shift
    conv.stride = (1, 1)
    check_equivariance(conv, x, transforms_in=one).assert_holds()


@pytest.mark.parametrize("backend", ["numpy", "torch"])
@pytest.mark.parametrize("group", GROUPS)
def test_stride_two_rotation_needs_a_symmetric_sampling_grid(group, backend, rng):
    """9x9, k=3, stride 2 samples columns 0..8 symmetrically: equivariant; 8x8 drops column 7: not."""
    w = rng.standard_normal((2, 1, 3, 3))
    if backend == "numpy":
        layer = lambda x: lifting_correlation(x, w, group, stride=2)  # noqa: E731
        make = lambda size: rng.standard_normal((1, size, size))  # noqa: E731
    else:
        layer = LiftingConv2d(1, 2, 3, group, stride=2).double()
        make = lambda size: torch.from_numpy(rng.standard_normal((2, 1, size, size)))  # noqa: E731
    check_equivariance(layer, make(9), group=group, input_kind="image", output_kind="signal").assert_holds()
    check_equivariance(layer, make(8), group=group, input_kind="image", output_kind="signal").assert_fails()


def test_per_pixel_normalisation_is_not_equivariant(rng):
    """Fixed per-pixel statistics break rotation equivariance unless they are themselves symmetric."""
    mean, std = rng.standard_normal((1, 6, 6)), rng.uniform(0.5, 2.0, (1, 6, 6))
    x = rng.standard_normal((3, 6, 6))
    check_equivariance(lambda x: (x - mean) / std, x, group="p4").assert_fails()
    symmetric_mean = sum(transform_image(mean, g, "p4") for g in range(4)) / 4
    symmetric_std = sum(transform_image(std, g, "p4") for g in range(4)) / 4
    check_equivariance(lambda x: (x - symmetric_mean) / symmetric_std, x, group="p4").assert_holds()
    # the same for torch: LayerNorm over the pixels with a per-pixel affine transformation
    torch.manual_seed(3)
    norm = torch.nn.LayerNorm([6, 6]).double()
    x = torch.from_numpy(x)
    check_equivariance(norm, x, group="p4m").assert_holds()  # its statistics are rotation invariant: equivariant ...
    with torch.no_grad():
        norm.weight.normal_()
    check_equivariance(norm, x, group="p4m").assert_fails()  # ... until the affine part is not


def wrong_way_lifting(x, w, group, padding=0):
    """out[o, g] = corr(x, T_{g^-1} w[o]): the filter turned the wrong way."""
    H = stabiliser(group)
    bank = np.stack([transform_image(w, H.inverse(g), group) for g in H], axis=1)
    c_out, order, c_in, k, _ = bank.shape
    return correlate2d(x, bank.reshape(c_out * order, c_in, k, k), padding).reshape(c_out, order, *x.shape[-2:])


def wrong_way_group(f, w, group, padding=0):
    """out[o, g] = sum_c sum_h corr(f[c, h], (L_{g^-1} w[o, c])[h])."""
    H = stabiliser(group)
    bank = np.stack([transform_signal(w, H.inverse(g), group) for g in H], axis=1)
    c_out, order, c_in, _, k, _ = bank.shape
    planar = f.reshape(c_in * order, *f.shape[-2:])
    return correlate2d(planar, bank.reshape(c_out * order, c_in * order, k, k), padding).reshape(c_out, order, *f.shape[-2:])


@pytest.mark.parametrize("group", GROUPS)
def test_filter_transformed_the_wrong_way_is_not_equivariant(group, rng):
    order = stabiliser(group).order
    x, w = rng.standard_normal((2, 7, 7)), rng.standard_normal((3, 2, 3, 3))
    check_equivariance(lambda x: lifting_correlation(x, w, group, 1), x, group=group, input_kind="image", output_kind="signal").assert_holds()
    check_equivariance(lambda x: wrong_way_lifting(x, w, group, 1), x, group=group, input_kind="image", output_kind="signal").assert_fails()
    f, psi = rng.standard_normal((2, order, 7, 7)), rng.standard_normal((3, 2, order, 3, 3))
    check_equivariance(lambda f: group_correlation(f, psi, group, 1), f, group=group, input_kind="signal").assert_holds()
    report = check_equivariance(lambda f: wrong_way_group(f, psi, group, 1), f, group=group, input_kind="signal")
    report.assert_fails()
    assert report.measurements[1].label == "r2" and report.measurements[1].max_rel_error < 1e-12  # the half turn is fine
    # wrong(L_k f)[g] = T_k out[(g k)^-1] but (L_k wrong(f))[g] = T_k out[(k^-1 g)^-1]: these agree for
    # all g only when k = g^-1 k^-1 g for all g, i.e. k is its own inverse and commutes with
    # everything: the identity and the half turn.  Every other element must fail.
    H = stabiliser(group)
    assert {m.label for m in report.failures} == {H.label(g) for g in H if g not in (0, 2)}


def test_wrong_layers_are_caught(monkeypatch):
    """Layers whose index arrays are built from a wrong action fail the check; the right ones pass."""
    torch.manual_seed(4)
    x, f = torch.randn(2, 1, 7, 7, dtype=torch.float64), torch.randn(2, 2, 4, 7, 7, dtype=torch.float64)

    def lifting_ok():
        return check_equivariance(LiftingConv2d(1, 2, 3, "p4").double(), x, group="p4", input_kind="image", output_kind="signal").holds

    def group_ok():
        return check_equivariance(GroupConv2d(2, 2, 3, "p4").double(), f, group="p4", input_kind="signal").holds

    assert lifting_ok() and group_ok()
    with monkeypatch.context() as patch:  # filter rotated clockwise
        patch.setattr(gnn.layers, "transform_image", lambda x, g, group: transform_image(x, (-g) % 4, group))
        assert not lifting_ok()
    with monkeypatch.context() as patch:  # maps rotated but the group axis not cycled
        patch.setattr(gnn.layers, "transform_signal", lambda w, g, group: transform_image(w, g, group))
        assert not group_ok()
    with monkeypatch.context() as patch:  # the check itself with an action without the inverse
        patch.setattr(actions, "signal_permutation", lambda g, group: (np.arange(4) + g) % 4)
        assert not lifting_ok()


# -- the measurement ----------------------------------------------------------------------

def test_measured_errors_are_the_largest_absolute_and_relative_difference():
    x = np.array([[1.0, -4.0], [2.0, 0.5]])
    m = equivariance_error(lambda y: y, x, transform_in=lambda y: y + 0.25, transform_out=lambda y: 2 * y, label="T")
    # f(T_in x) = x + 0.25, T_out f(x) = 2 x: largest |difference| 4.25 at -4, largest |2x| = 8
    assert (m.label, m.max_abs_error, m.max_rel_error) == ("T", 4.25, 4.25 / 8)
    zero = equivariance_error(lambda y: 0 * y, x, transform_in=np.flipud)
    assert zero.max_abs_error == 0 and zero.max_rel_error == 0
    assert equivariance_error(lambda y: 0 * y, x, lambda y: y, lambda y: y + 1).max_rel_error == 1
    # a zero reference against a non-zero side is a total mismatch (1), not an infinity
    assert equivariance_error(lambda y: y, np.zeros((2, 2)), lambda y: y + 1, lambda y: y).max_rel_error == 1


def test_tolerance_depends_on_the_dtype():
    assert default_tolerance(np.dtype("float64")) == default_tolerance(torch.float64) == 1e-9
    assert default_tolerance(np.dtype("float32")) == default_tolerance(torch.float32) == 1e-4
    assert default_tolerance(torch.float16) == 1e-2 and default_tolerance(torch.bfloat16) == 3e-2
    with pytest.raises(TypeError, match="expected a floating-point output, got dtype int64"):
        default_tolerance(np.dtype("int64"))

    def nearly(x):  # equivariant up to a relative error of about 1e-6
        return x * (1 + 1e-6 * x[..., :1, :1])

    x = np.random.default_rng(5).standard_normal((4, 4))
    assert not check_equivariance(nearly, x, group="p4").holds  # float64: 1e-6 is a real failure
    assert check_equivariance(nearly, x.astype(np.float32), group="p4").holds  # float32: 1e-6 is rounding
    assert check_equivariance(nearly, x, group="p4", rtol=1e-4).assert_holds().rtol == 1e-4


def test_invariance_checks():
    x = np.random.default_rng(6).standard_normal((2, 5, 5))
    report = check_equivariance(lambda x: x.sum(axis=(-2, -1)), x, group="p4m", output_kind="invariant").assert_holds()
    assert report.kind == "invariant" and "is invariant" in report.summary
    report = check_equivariance(lambda x: x[..., 0, :].sum(axis=-1), x, group="p4m", output_kind="invariant")
    assert report.failures and "NOT invariant" in str(report)


def test_report_names_the_failing_elements():
    x = np.random.default_rng(7).standard_normal((5, 5))
    with pytest.raises(AssertionError, match=r"f is NOT equivariant: under 'r\d' the relative error is .* 3 of 3 transformations fail"):
        check_equivariance(lambda x: x * x[0, 0], x, group="p4", name="f").assert_holds()
    report = check_equivariance(lambda x: x[::-1].copy(), x, group="p4m", name="flip")
    assert isinstance(report, EquivarianceReport) and not report and not report.holds
    assert report.worst.label in {m.label for m in report.failures}
    text, markdown = str(report), report._repr_markdown_()
    assert text.count("  FAIL") == len(report.failures) and text.count(" ok") == 7 - len(report.failures)
    assert "| transformation | max abs error | max rel error | verdict |" in markdown
    assert markdown.count("**differs**") == len(report.failures)
    with pytest.raises(AssertionError, match="flip is NOT equivariant"):
        report.assert_holds()
    assert report.assert_fails() is report
    passing = check_equivariance(lambda x: 2 * x, x, group="p4m").assert_holds()
    assert passing.assert_holds() is passing and bool(passing) and passing.failures == []
    with pytest.raises(AssertionError, match="(?s)expected this check to fail.*<lambda> is equivariant"):
        passing.assert_fails()


def test_group_and_translation_transforms():
    assert list(group_transforms("p4m", "image")) == ["r0", "r1", "r2", "r3", "m r0", "m r1", "m r2", "m r3"]
    x = np.arange(16.0).reshape(4, 4)
    np.testing.assert_array_equal(group_transforms("p4", "image")["r1"](x), np.rot90(x))
    f = np.arange(64.0).reshape(4, 4, 4)
    np.testing.assert_array_equal(group_transforms("p4", "signal")["r3"](f), transform_signal(f, 3, "p4"))
    assert group_transforms("p4", "invariant")["r2"](x) is x
    shifts = translation_transforms([(1, -1), (0, 2)], mode="zero")
    assert list(shifts) == ["shift (1, -1)", "shift (0, 2)"]
    np.testing.assert_array_equal(shifts["shift (0, 2)"](x), translate(x, (0, 2), "zero"))


def test_torch_maps_are_measured_without_gradients():
    layer = LiftingConv2d(1, 2, 3, "p4", padding=1)
    report = check_equivariance(layer, torch.randn(1, 1, 5, 5), group="p4", input_kind="image", output_kind="signal").assert_holds()
    assert report.rtol == 1e-4 and report.name == "LiftingConv2d"
    assert to_numpy(torch.ones(2, requires_grad=True)).dtype == np.float64


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: check_equivariance(3, np.zeros((3, 3))).assert_holds(), TypeError, r"expected a callable f, got int"),
        (lambda: check_equivariance(lambda x: x, np.zeros((3, 3)), input_kind="pixels").assert_holds(), ValueError,
         r"expected kind 'image', 'signal' or 'invariant', got 'pixels'"),
        (lambda: check_equivariance(lambda x: x, np.zeros((3, 3)), group="p5").assert_holds(), ValueError, r"unknown group 'p5'"),
        (lambda: check_equivariance(lambda x: x, np.zeros((3, 3)), group=None).assert_holds(), ValueError, r"give a group or transforms_in"),
        (lambda: check_equivariance(lambda x: x, np.zeros((3, 4)), group="p4").assert_holds(), ValueError, r"got H=3, W=4"),
        (lambda: check_equivariance(lambda x: x, np.zeros((2, 3, 3, 3)), group="p4", output_kind="signal").assert_holds(),
         ValueError, r"group axis of length 4 at axis -3, got 3 \(shape \(2, 3, 3, 3\)\)"),
        (lambda: check_equivariance(lambda x: x[:2], np.zeros((3, 3)), transforms_in={"t": lambda y: y}, transforms_out={"t": lambda y: y[:1]}).assert_holds(),
         ValueError, r"f\(T_in x\) has shape \(2, 3\) but T_out f\(x\) has shape \(1, 3\)"),
        (lambda: check_equivariance(lambda x: [1.0], np.zeros((3, 3)), output_kind="invariant").assert_holds(), TypeError,
         r"expected the map to return an array or tensor, got list"),
        (lambda: measure_equivariance(lambda x: x, np.zeros((3, 3)), {}), TypeError, r"non-empty dict"),
        (lambda: measure_equivariance(lambda x: x, np.zeros((3, 3)), {"a": np.flipud}, {"b": np.flipud}), ValueError,
         r"transforms_out has labels \['b'\], expected the same as transforms_in \['a'\]"),
        (lambda: check_equivariance(lambda x: x.astype(np.int64), np.zeros((3, 3))).assert_holds(), TypeError,
         r"expected a floating-point output, got dtype int64"),
    ],
)
def test_bad_input_names_expected_and_received(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_relative_error_is_one_rule_symmetric_and_bounded():
    a, b = np.array([1.0, -4.0]), np.array([1.0, 4.0])
    assert relative_error(a, b) == relative_error(b, a) == 8 / 4
    assert relative_error(np.zeros(3), np.zeros(3)) == 0
    assert relative_error(np.zeros(3), np.full(3, 1e-300)) == 1  # tiny against zero: a mismatch
    assert relative_error(a, a) == 0
    with pytest.raises(ValueError, match=r"same shape, got \(2,\) and \(3,\)"):
        relative_error(a, np.zeros(3))


def test_check_returns_a_result_and_asserting_is_explicit():
    x = np.random.default_rng(0).normal(size=(5, 5))
    bad = check_equivariance(lambda y: y + np.arange(5.0), x, group="p4")  # no exception here
    assert not bad.holds and not bad and bad.worst.label in {"r1", "r2", "r3"}
    assert bad.assert_fails() is bad
    with pytest.raises(AssertionError, match="NOT equivariant"):
        bad.assert_holds()
    good = check_equivariance(np.tanh, x, group="p4")
    assert good.holds and good.assert_holds() is good
    with pytest.raises(AssertionError, match="expected this check to fail"):
        good.assert_fails()
    assert "Holds" in good._repr_markdown_() and "| r1 |" in good._repr_markdown_()
    assert str(good) == repr(good) and str(good).startswith("HOLDS")


def test_f_of_x_is_computed_once_per_check():
    calls = []

    def f(y):
        calls.append(1)
        return y

    check_equivariance(f, np.ones((3, 3)), group="p4m")
    assert len(calls) == 1 + 7  # f(x) once, f(T_g x) once per element but the identity


def test_layers_declare_their_kinds():
    torch.manual_seed(0)
    lifting = LiftingConv2d(1, 2, 3, "p4").double()
    x = torch.randn(1, 1, 7, 7, dtype=torch.float64)
    assert declared_kinds(lifting) == ("image", "signal")
    check_equivariance(lifting, x, group="p4").assert_holds()
    stack = torch.nn.Sequential(lifting, torch.nn.ReLU(), GroupConv2d(2, 2, 3, "p4").double())
    assert declared_kinds(stack) == ("image", "signal")
    check_equivariance(stack, x, group="p4").assert_holds()
    # the same stack measured as if it returned images fails: the declaration is what makes it pass
    check_equivariance(stack, x, group="p4", output_kind="image").assert_fails()
    assert declared_kinds(np.tanh) == (None, None)
    with pytest.raises(ValueError, match="not both"):
        check_equivariance(lifting, x, transforms_in={"id": lambda y: y}, input_kind="image")
