"""Tests of gcnn_teach.viz.group_figures: right panels, right labels, right data, clear errors."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from gcnn_teach.actions import rotate, signal_permutation, transform_image, transform_signal  # noqa: E402
from gcnn_teach.correlate import lifting_correlation  # noqa: E402
from gcnn_teach.groups import C4, D4  # noqa: E402
from gcnn_teach.viz import group_figures as gf  # noqa: E402

GROUPS = [("p4", C4), ("p4m", D4)]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def image_axes(fig):
    """The axes that show an image, in the order they were added."""
    return [ax for ax in fig.axes if ax.images]


def data(ax):
    return np.asarray(ax.images[0].get_array())


def table_entries(fig):
    """``{(row, col): text}`` of the labels written in the cells of a table figure."""
    ax = fig.axes[0]
    return {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts}


def assert_filter_panels(fig, psi, group):
    """Every panel (g, h) of a filter_transform_figure shows (L_g psi)[h]."""
    H = {"p4": C4, "p4m": D4}[group]
    axes = np.array(fig.axes).reshape(H.order, H.order)
    for g in H.elements:
        expected = transform_signal(psi, g, group)
        for h in H.elements:
            np.testing.assert_allclose(data(axes[g, h]), expected[h])


# -- tables ---------------------------------------------------------------------------

@pytest.mark.parametrize("group, H", GROUPS)
def test_cayley_table_shows_products_with_left_factor_on_rows(group, H):
    fig = gf.cayley_table_figure(group)
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    entries = table_entries(fig)
    assert len(entries) == H.order ** 2
    for a in H.elements:
        for b in H.elements:
            assert entries[a, b] == H.label(H.compose(a, b))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [H.label(g) for g in H.elements]


def test_cayley_table_of_d4_is_not_symmetric_so_the_orientation_test_can_fail():
    # the test above would not notice a transposed table for C4; for D4 it does
    entries = table_entries(gf.cayley_table_figure("p4m"))
    transposed = {(b, a): text for (a, b), text in entries.items()}
    assert transposed != entries


def test_cayley_table_highlight_outlines_the_named_cells():
    fig = gf.cayley_table_figure("p4m", highlight=[((0, 1), (1, 0)), (4, 1)])
    corners = {(p.get_x() + 0.5, p.get_y() + 0.5) for p in fig.axes[0].patches if isinstance(p, Rectangle)}
    assert corners == {(4.0, 1.0), (1.0, 4.0)}  # (x = column, y = row)


def test_cayley_table_rejects_unknown_groups_and_elements():
    with pytest.raises(ValueError, match="unknown group"):
        gf.cayley_table_figure("p6")
    with pytest.raises(ValueError):
        gf.cayley_table_figure("p4", highlight=[(0, 7)])


@pytest.mark.parametrize("group, H", GROUPS)
def test_permutation_table_reads_g_inverse_h(group, H):
    entries = table_entries(gf.permutation_table_figure(group))
    for g in H.elements:
        for h in H.elements:
            assert entries[g, h] == H.label(H.compose(H.inverse(g), h))


# -- images and matrices ------------------------------------------------------------------

def test_images_figure_panels_titles_and_errors(rng):
    images = [rng.normal(size=(5, 5)) for _ in range(5)]
    fig = gf.images_figure(images, titles=list("abcde"), ncols=3, signed=True)
    shown = image_axes(fig)
    assert len(shown) == 5 and [ax.get_title() for ax in shown] == list("abcde")
    assert len([ax for ax in fig.axes if ax.axison]) == 5  # the sixth grid cell is switched off
    low, high = shown[0].images[0].get_clim()
    assert low == -high  # signed values: the colour scale is centred on zero
    with pytest.raises(ValueError, match="titles"):
        gf.images_figure(images, titles=["a"])
    with pytest.raises(ValueError, match="2-dimensional"):
        gf.images_figure([np.zeros((2, 5, 5))])
    with pytest.raises(ValueError, match="at least one"):
        gf.images_figure([])
    with pytest.raises(ValueError, match="ncols"):
        gf.images_figure(images, ncols=0)


@pytest.mark.parametrize("element", range(8))
def test_matrix_action_marks_where_the_pixel_value_went(element):
    image = np.arange(36.0).reshape(6, 6)  # every value distinct, so it can be traced
    fig = gf.matrix_action_figure(image, "p4m", element, (1, 4))
    left, right = image_axes(fig)
    (before,) = [p for p in left.patches if isinstance(p, Rectangle)]
    (after,) = [p for p in right.patches if isinstance(p, Rectangle)]
    row, col = round(after.get_y() + 0.5), round(after.get_x() + 0.5)
    np.testing.assert_array_equal(data(right), transform_image(image, element, "p4m"))
    assert data(right)[row, col] == image[1, 4]
    assert (round(before.get_y() + 0.5), round(before.get_x() + 0.5)) == (1, 4)


def test_matrix_action_rejects_pixels_outside_the_image():
    with pytest.raises(ValueError, match="outside"):
        gf.matrix_action_figure(np.zeros((4, 4)), "p4", 1, (4, 0))


# -- functions on the group and signals -----------------------------------------------------

@pytest.mark.parametrize("group, H", GROUPS)
def test_group_function_figure_bars_show_the_values(group, H, rng):
    functions = [rng.normal(size=H.order) for _ in range(3)]
    fig = gf.group_function_figure(functions, group, titles=["f", "g", "h"])
    assert len(fig.axes) == 3
    for ax, f in zip(fig.axes, functions):
        np.testing.assert_allclose([bar.get_height() for bar in ax.patches], f)
        assert [t.get_text() for t in ax.get_xticklabels()] == [H.label(g) for g in H.elements]
    grid = gf.group_function_figure(functions, group, ncols=2)
    assert len([ax for ax in grid.axes if ax.axison]) == 3 and len(grid.axes) == 4
    with pytest.raises(ValueError, match="8 values"):
        gf.group_function_figure([np.zeros(4)], "p4m")
    with pytest.raises(ValueError, match="titles"):
        gf.group_function_figure(functions, group, titles=["f"])


@pytest.mark.parametrize("group, H", GROUPS)
def test_signal_figure_one_panel_per_element(group, H, rng):
    signal = rng.normal(size=(H.order, 5, 5))
    fig = gf.signal_figure(signal, group, title="a signal")
    shown = image_axes(fig)
    assert [ax.get_title() for ax in shown] == [H.label(g) for g in H.elements]
    for g, ax in zip(H.elements, shown):
        np.testing.assert_allclose(data(ax), signal[g])
    with pytest.raises(ValueError, match=r"\|H\|"):
        gf.signal_figure(rng.normal(size=(4, 5, 5)), "p4m")
    with pytest.raises(ValueError, match=r"\|H\|"):
        gf.signal_figure(rng.normal(size=(4, 5, 6)), "p4")


# -- lifting correlation ------------------------------------------------------------------

@pytest.mark.parametrize("group, H", GROUPS)
def test_lifting_output_figure_shows_rotated_filters_and_their_maps(group, H, rng):
    image, psi = rng.normal(size=(7, 7)), rng.normal(size=(3, 3))
    fig = gf.lifting_output_figure(image, psi, group)
    shown = image_axes(fig)
    assert len(shown) == 1 + 2 * H.order
    maps = lifting_correlation(image[None], psi[None, None], group)[0]
    filters, outputs = shown[1::2], shown[2::2]
    for g in H.elements:
        np.testing.assert_allclose(data(filters[g]), transform_image(psi, g, group))
        np.testing.assert_allclose(data(outputs[g]), maps[g])
        assert H.label(g) in outputs[g].get_title()
    with pytest.raises(ValueError, match="filter"):
        gf.lifting_output_figure(image, psi[None], group)


@pytest.mark.parametrize("group, H", GROUPS)
def test_lifting_equivariance_figure_rows_are_rotated_and_cycled(group, H, rng):
    image, psi = rng.normal(size=(7, 7)), rng.normal(size=(3, 3))
    fig = gf.lifting_equivariance_figure(image, psi, group)
    rows = np.array(image_axes(fig)).reshape(H.order, H.order + 1)
    first = np.stack([data(ax) for ax in rows[0, 1:]])
    for r in H.elements:
        shown = np.stack([data(ax) for ax in rows[r, 1:]])
        np.testing.assert_allclose(shown, transform_signal(first, r, group), atol=1e-12)
        source = signal_permutation(r, group)
        titles = [ax.get_title().split("\N{LEFTWARDS ARROW}") for ax in rows[r, 1:]]
        assert [(t[0].strip(), t[1].strip()) for t in titles] == [(H.label(h), H.label(int(source[h]))) for h in H.elements]


def test_lifting_equivariance_figure_selected_elements_and_errors(rng):
    image, psi = rng.normal(size=(6, 6)), rng.normal(size=(3, 3))
    fig = gf.lifting_equivariance_figure(image, psi, "p4m", elements=[(0, 0), (1, 0)])
    assert len(image_axes(fig)) == 2 * 9
    with pytest.raises(ValueError, match="at least one"):
        gf.lifting_equivariance_figure(image, psi, "p4", elements=[])


# -- group correlation ----------------------------------------------------------------------

@pytest.mark.parametrize("group, H", GROUPS)
def test_filter_transform_figure_shows_L_g_psi(group, H, rng):
    psi = rng.normal(size=(H.order, 3, 3))
    fig = gf.filter_transform_figure(psi, group)
    assert len(fig.axes) == H.order ** 2
    assert_filter_panels(fig, psi, group)
    axes = np.array(fig.axes).reshape(H.order, H.order)
    for g in H.elements:
        assert H.label(g) in axes[g, 0].get_ylabel()
        assert H.label(g) in axes[-1, g].get_xlabel()
    with pytest.raises(ValueError, match=r"\|H\|"):
        gf.filter_transform_figure(rng.normal(size=(4, 3, 3)), "p4m")


def test_filter_panel_check_catches_a_filter_transform_without_the_cycle(monkeypatch, rng):
    # a wrong action (rotate the maps, forget to cycle the rotation axis) must be noticed
    psi = rng.normal(size=(4, 3, 3))
    monkeypatch.setattr(gf, "transform_signal", lambda f, g, group: transform_image(f, g, group))
    fig = gf.filter_transform_figure(psi, "p4")
    with pytest.raises(AssertionError):
        assert_filter_panels(fig, psi, "p4")


def test_p4_ring_places_map_r_at_90r_degrees(rng):
    signal = rng.normal(size=(4, 5, 5))
    fig = gf.p4_ring_figure(signal, image=rng.normal(size=(5, 5)), title="ring")
    shown = image_axes(fig)
    assert len(shown) == 5 and shown[0].get_title() == "input"
    centres = []
    for r, ax in enumerate(shown[1:]):
        np.testing.assert_allclose(data(ax), signal[r])
        assert ax.get_xlabel() == f"r{r}"
        box = ax.get_position()
        centres.append(((box.x0 + box.x1) / 2 * fig.get_figwidth(), (box.y0 + box.y1) / 2 * fig.get_figheight()))
    centres = np.array(centres)
    offsets = centres - centres.mean(axis=0)
    directions = offsets / np.linalg.norm(offsets, axis=1, keepdims=True)
    np.testing.assert_allclose(directions, [(0, 1), (-1, 0), (0, -1), (1, 0)], atol=1e-9)  # 90 r degrees


def test_p4_ring_rotating_the_signal_rotates_the_picture(rng):
    # the picture of L_1 f is the picture of f turned by a quarter: panel r of L_1 f
    # shows panel r-1 of f rotated, and sits 90 degrees further round the ring
    signal = rng.normal(size=(4, 5, 5))
    moved = transform_signal(signal, 1, "p4")
    panels = [data(ax) for ax in image_axes(gf.p4_ring_figure(moved))]
    for r in range(4):
        np.testing.assert_allclose(panels[r], rotate(signal[(r - 1) % 4], 1))


def test_draw_p4_ring_draws_into_a_given_figure(rng):
    fig = plt.figure(figsize=(6.4, 3.6))
    gf.draw_p4_ring(fig, rng.normal(size=(4, 5, 5)), title="frame")
    assert len(image_axes(fig)) == 4 and fig._suptitle.get_text() == "frame"


def test_p4_ring_rejects_p4m_signals(rng):
    with pytest.raises(ValueError, match=r"\|H\| = 4"):
        gf.p4_ring_figure(rng.normal(size=(8, 5, 5)))
