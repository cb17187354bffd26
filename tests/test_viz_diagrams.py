"""Tests for gcnn_teach.viz.diagrams: the equivariance diagram."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

from gcnn_teach.actions import rotate, transform_signal, translate  # noqa: E402
from gcnn_teach.correlate import lifting_correlation  # noqa: E402
from gcnn_teach.equivariance import equivariance_error  # noqa: E402
from gcnn_teach.viz.diagrams import as_maps, diagram_panels, equivariance_diagram  # noqa: E402


@pytest.fixture
def image(rng):
    return rng.random((12, 12))


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _labels(fig):
    return sorted(ax.get_label() for ax in fig.axes if ax.get_label() != "arrows")


def shift(x):
    return translate(x, (2, -3))


def test_image_to_image_has_the_six_panels_and_three_arrow_columns(image):
    fig = equivariance_diagram(np.tanh, image, shift)
    assert _labels(fig) == sorted(["x", "tx", "ftx", "fx", "tfx", "difference"])
    assert sum(ax.get_label() == "arrows" for ax in fig.axes) == 3


def test_panels_show_the_right_arrays(image):
    panels = diagram_panels(np.tanh, image, shift)
    assert np.array_equal(panels.x[""], image) and np.array_equal(panels.tx[""], shift(image))
    assert np.array_equal(panels.fx[""], np.tanh(image))
    assert np.array_equal(panels.ftx[""], np.tanh(shift(image)))
    assert np.array_equal(panels.tfx[""], shift(np.tanh(image)))
    assert np.array_equal(panels.difference[""], panels.ftx[""] - panels.tfx[""])


def test_drawn_images_are_the_panels(image):
    fig = equivariance_diagram(np.tanh, image, shift)
    drawn = {ax.get_label(): ax.images[0].get_array() for ax in fig.axes if ax.images}
    assert np.array_equal(drawn["ftx"], np.tanh(shift(image)))
    assert np.array_equal(drawn["tx"], shift(image))


def test_the_measured_error_is_the_packages_and_appears_in_the_title(image, rng):
    dense = rng.normal(size=(144, 144)) / 12

    def f(x):
        return (dense @ x.ravel()).reshape(12, 12)

    panels = diagram_panels(f, image, shift)
    expected = equivariance_error(f, image, shift, shift)
    assert panels.measurement.max_abs_error == pytest.approx(expected.max_abs_error)
    assert np.max(np.abs(panels.difference[""])) == pytest.approx(expected.max_abs_error)
    fig = equivariance_diagram(f, image, shift)
    titles = [t.get_text() for sub in fig.subfigs for t in [sub._suptitle] if t is not None]
    assert any(f"max abs {expected.max_abs_error:.1e}" in t for t in titles)
    # the difference shares the outputs' colour scale, so a real failure is visible
    diff_ax = next(ax for ax in fig.axes if ax.get_label() == "difference")
    out_ax = next(ax for ax in fig.axes if ax.get_label() == "fx")
    assert diff_ax.images[0].get_clim()[1] == pytest.approx(out_ax.images[0].get_clim()[1])


def test_the_map_runs_twice_per_diagram(image):
    calls = []

    def f(x):
        calls.append(x.copy())
        return np.tanh(x)

    equivariance_diagram(f, image, shift)
    plt.close("all")
    # once on x and once on the shifted x: the panels and the measurement share the outputs
    assert len(calls) == 2
    assert np.array_equal(calls[0], image) and np.array_equal(calls[1], shift(image))


def test_an_equivariant_map_has_a_zero_difference(image):
    panels = diagram_panels(np.tanh, image, shift)
    assert panels.measurement.max_abs_error == 0.0
    assert not panels.difference[""].any()


def test_image_to_signal_with_a_different_output_operator(image, rng):
    w = rng.normal(size=(1, 1, 3, 3))

    def lifting(x):
        return lifting_correlation(x[None], w, "p4", padding=1)[0]  # [4, N, N]

    fig = equivariance_diagram(lifting, image, lambda x: rotate(x, 1), lambda s: transform_signal(s, 1, "p4"),
                               symbol_in="R", symbol_out="L",
                               display_out=lambda s: {f"r={r}": s[r] for r in range(4)})
    labels = _labels(fig)
    assert labels.count("x") == 1 and labels.count("tx") == 1
    for panel in ("ftx", "fx", "tfx", "difference"):
        assert [label for label in labels if label.startswith(panel + "[")] == [f"{panel}[r={r}]" for r in range(4)]
    assert len(labels) == 2 + 4 * 4
    panels = diagram_panels(lifting, image, lambda x: rotate(x, 1), lambda s: transform_signal(s, 1, "p4"))
    assert panels.measurement.max_rel_error < 1e-12
    cycled = transform_signal(lifting(image), 1, "p4")  # the output panel shows L f(x), not R f(x)
    assert all(np.array_equal(panels.tfx[str(r)], cycled[r]) for r in range(4))
    # with the same operator on both sides (rotate only, no cycling) the diagram shows the failure
    rotate_maps = diagram_panels(lifting, image, lambda x: rotate(x, 1))
    assert rotate_maps.measurement.max_rel_error > 0.1


def test_torch_maps_and_batched_inputs_are_displayed(image):
    conv = torch.nn.Conv2d(1, 2, 3, padding=1, padding_mode="circular")
    x = torch.as_tensor(image, dtype=torch.float32)[None, None]
    panels = diagram_panels(conv, x, lambda t: translate(t, (1, 1)))
    assert list(panels.x) == [""] and list(panels.fx) == ["0", "1"]
    assert panels.measurement.max_rel_error < 1e-5
    fig = equivariance_diagram(conv, x, lambda t: translate(t, (1, 1)))
    assert len(_labels(fig)) == 2 + 4 * 2


def test_draws_into_a_given_figure(image):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, 3.2), layout="constrained")
    assert equivariance_diagram(np.tanh, image, shift, fig=fig) is fig
    assert len(_labels(fig)) == 6
    fig.canvas.draw()  # the layout can be drawn at the player's size


def test_as_maps():
    assert list(as_maps(np.zeros((1, 1, 5, 5)))) == [""]
    assert list(as_maps(np.zeros((2, 3, 5, 5)))) == ["0,0", "0,1", "0,2", "1,0", "1,1", "1,2"]
    with pytest.raises(ValueError, match="too many"):
        as_maps(np.zeros((9, 5, 5)))
    with pytest.raises(ValueError, match="at least two axes"):
        as_maps(np.zeros(5))


def test_bad_arguments_raise(image):
    with pytest.raises(TypeError, match="callable f"):
        equivariance_diagram("tanh", image, shift)
    with pytest.raises(TypeError, match="callables"):
        equivariance_diagram(np.tanh, image, (2, 3))
    with pytest.raises(ValueError, match="shape"):  # the output operator does not fit the output
        equivariance_diagram(np.tanh, image, shift, lambda y: y[:-1])
    with pytest.raises(ValueError, match="2D maps"):
        equivariance_diagram(np.tanh, image, shift, display_out=lambda y: [y[0]])
    with pytest.raises(ValueError, match="at most"):
        equivariance_diagram(np.tanh, image, shift, display_out=lambda y: list(y))


# -- verdict_table ---------------------------------------------------------------------

def _reports(image):
    from gcnn_teach.equivariance import measure_equivariance, translation_transforms

    shifts = translation_transforms([(1, 2), (3, -1)])
    good = measure_equivariance(np.tanh, image, shifts, name="tanh")
    bias = np.arange(144.0).reshape(12, 12)
    bad = measure_equivariance(lambda t: t + bias, image, shifts, name="bias")
    return good, bad


def test_verdict_table_agrees_with_true_claims_and_renders(image):
    from gcnn_teach.viz.diagrams import verdict_table

    good, bad = _reports(image)
    table = verdict_table([("tanh", "shifts", good, True), ("add a bias image", "shifts", bad, False)])
    assert table.assert_claims() is table
    html_text = table._repr_html_()
    assert html_text.count("<tr>") == 3 and "not equivariant" in html_text and "&#x2713;" in html_text
    assert "<th scope=\"row\">add a bias image</th>" in html_text
    text = str(table)
    assert text.splitlines()[0].split() [:2] == ["map", "transformations"] and len(text.splitlines()) == 3
    assert repr(table) == text


def test_verdict_table_catches_a_false_claim(image):
    from gcnn_teach.viz.diagrams import verdict_table

    good, bad = _reports(image)
    table = verdict_table([("tanh", "shifts", good, True), ("add a bias image", "shifts", bad, True)])
    with pytest.raises(AssertionError, match="add a bias image under shifts: claimed equivariant, measured not"):
        table.assert_claims()
    assert "claim is false" in table._repr_html_()


def test_verdict_table_bad_rows(image):
    from gcnn_teach.viz.diagrams import verdict_table

    good, _ = _reports(image)
    with pytest.raises(ValueError, match="at least one row"):
        verdict_table([])
    with pytest.raises(ValueError, match="expected rows"):
        verdict_table([("tanh", good, True)])
    with pytest.raises(TypeError, match="EquivarianceReport"):
        verdict_table([("tanh", "shifts", good.holds, True)])
    with pytest.raises(TypeError, match="True or False"):
        verdict_table([("tanh", "shifts", good, "yes")])
