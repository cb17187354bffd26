"""The coursework checkers accept right answers and reject the classic wrong ones, by name."""

import numpy as np
import pytest
import torch

from gcnn_teach import correlate
from gcnn_teach.actions import transform_image, transform_signal
from gcnn_teach.exercises import (
    Verdict,
    check_group_correlation,
    check_image_action,
    check_layer,
    check_lifting_correlation,
    check_signal_action,
    check_translation,
)
from gcnn_teach.groups import stabiliser
from gcnn_teach.nn import GroupConv2d, LiftingConv2d, group_max_pool2d

GROUPS = ["p4", "p4m"]


def _inverse_index(group):
    H = stabiliser(group)
    return [H.inverse(g) for g in H.elements]


@pytest.mark.parametrize("group", GROUPS)
def test_right_answers_pass(group):
    check_lifting_correlation(lambda x, w: correlate.lifting_correlation_loop(x, w, group), group).assert_holds()
    check_group_correlation(lambda f, w: correlate.group_correlation(f, w, group), group).assert_holds()
    check_signal_action(lambda f, g: transform_signal(f, g, group), group).assert_holds()
    check_image_action(lambda x, g: transform_image(x, g, group), group).assert_holds()


@pytest.mark.parametrize("group", GROUPS)
def test_filter_rotated_the_wrong_way_is_named(group):
    inverse = _inverse_index(group)
    verdict = check_lifting_correlation(lambda x, w: correlate.lifting_correlation(x, w, group)[:, inverse], group)
    assert not verdict.holds
    assert any("wrong way" in d for d in verdict.details)
    assert any("NOT equivariant" in d for d in verdict.details)
    verdict = check_group_correlation(lambda f, w: correlate.group_correlation(f, w, group)[:, inverse], group)
    assert not verdict.holds and any("wrong way" in d for d in verdict.details)


@pytest.mark.parametrize("group", GROUPS)
def test_rotation_axis_not_cycled_is_named(group):
    H = stabiliser(group)

    def rotate_only(f, w):
        bank = np.stack([transform_image(w, g, group) for g in H.elements], axis=1)
        c_out, order, c_in = bank.shape[:3]
        out = correlate.correlate2d(f.reshape(-1, *f.shape[-2:]), bank.reshape(c_out * order, c_in * order, 3, 3))
        return out.reshape(c_out, order, *out.shape[-2:])

    verdict = check_group_correlation(rotate_only, group)
    assert not verdict.holds
    assert any("not cycled" in d for d in verdict.details), verdict


def test_action_without_inverse_is_named_and_breaks_composition_in_d4():
    H = stabiliser("p4m")

    def no_inverse(f, g):
        return transform_image(f[:, [H.compose(g, h) for h in H.elements]], g, "p4m")

    verdict = check_signal_action(no_inverse, "p4m")
    assert not verdict.holds
    assert any("inverse is missing" in d for d in verdict.details)
    assert any("composition fails" in d for d in verdict.details)


def test_clockwise_rotation_is_named():
    verdict = check_image_action(lambda x, g: np.rot90(x, -g, axes=(-2, -1)), "p4")
    assert not verdict.holds and any("other way" in d for d in verdict.details)


def test_wrong_shape_and_exceptions_get_a_clear_verdict():
    verdict = check_lifting_correlation(lambda x, w: correlate.correlate2d(x, w), "p4")
    assert not verdict.holds and "shape" in verdict.summary
    verdict = check_group_correlation(lambda f, w: 1 / 0, "p4")
    assert not verdict.holds and "ZeroDivisionError" in verdict.summary


def test_layers_pass_and_stride_breaking_equivariance_is_rejected():
    torch.manual_seed(0)
    lifting = LiftingConv2d(1, 3, 3, "p4", padding=1)
    check_layer(lifting, "p4", "image", "signal").assert_holds()
    group_layer = GroupConv2d(1, 2, 3, "p4m")
    check_layer(group_layer, "p4m", "signal", "signal").assert_holds()
    # stride 2 on a 3x3 filter: symmetric sampling grid on odd sizes only
    strided = LiftingConv2d(1, 3, 3, "p4", stride=2)
    verdict = check_layer(strided, "p4", "image", "signal", sizes=(9, 10))
    assert not verdict.holds
    assert any("stride or pooling grid" in d for d in verdict.details), verdict
    pooled = check_layer(lambda f: group_max_pool2d(f, 2), "p4", "signal", "signal", sizes=(8, 9))
    assert not pooled.holds and "size 9x9" in pooled.details[0]


def test_verdict_behaves():
    good, bad = Verdict(True, "fine"), Verdict(False, "broken", ["why"])
    assert good and not bad
    good.assert_holds()
    bad.assert_fails()
    with pytest.raises(AssertionError, match="broken"):
        bad.assert_holds()
    assert "why" in str(bad) and "Fails" in bad._repr_markdown_()


def _circular_layer(w):
    """A correlation with circular padding: exactly translation equivariant on the torus."""
    def layer(image):
        return correlate.correlate2d(np.pad(image, ((0, 0), (1, 1), (1, 1)), mode="wrap"), w)
    return layer


def _dense_layer(rng, size):
    dense = rng.normal(size=(size, size))
    return lambda image: (dense @ image.reshape(-1)).reshape(image.shape)


def test_translation_checker_accepts_circular_correlation_and_names_stride_aliasing():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(1, 12, 12))
    w = rng.normal(size=(2, 1, 3, 3))
    circular = _circular_layer(w)

    check_translation(circular, x).assert_holds()
    check_translation(lambda image: circular(image).sum(axis=(-2, -1)), x, output="invariant").assert_holds()
    verdict = check_translation(lambda image: correlate.correlate2d(image, w), x)
    assert not verdict.holds
    strided = lambda image: circular(image)[:, ::2, ::2]
    check_translation(strided, x, shifts=((0, 2), (2, 4)), stride=2).assert_holds()
    verdict = check_translation(strided, x, shifts=((0, 2), (2, 2), (0, 1)), stride=2)
    assert not verdict.holds and len(verdict.details) == 2
    assert any("not multiples of 2" in d for d in verdict.details), verdict
    check_translation(_dense_layer(rng, 144), x).assert_fails()


def test_mirroring_before_rotating_is_named():
    def mirror_first(x, g):
        m, r = divmod(g, 4)
        return np.rot90(x[..., ::-1] if m else x, r, axes=(-2, -1))

    verdict = check_image_action(mirror_first, "p4m")
    assert not verdict.holds
    assert any("mirrors first" in d for d in verdict.details), verdict


def test_translation_checker_with_stride_handles_colliding_shifts_and_gives_hints_only_on_evidence():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(1, 12, 12))
    circular = _circular_layer(rng.normal(size=(2, 1, 3, 3)))
    strided = lambda image: circular(image)[:, ::2, ::2]

    # (0, 1) and (1, 0) both map to the output shift (0, 0): each must still be measured
    verdict = check_translation(strided, x, shifts=((0, 1), (1, 0), (0, 2)), stride=2)
    assert not verdict.holds and "2 of 3" in verdict.summary, verdict
    assert any("not multiples of 2" in d for d in verdict.details)
    # no on-grid shift passed (only the identity): no aliasing hint
    verdict = check_translation(_dense_layer(rng, 144), x, shifts=((0, 0), (0, 1), (1, 1)))
    assert not verdict.holds and not any("multiples" in d for d in verdict.details), verdict
