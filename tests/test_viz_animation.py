"""Tests for gcnn_teach.viz.player (the player) and gcnn_teach.viz.animation (two cameras, rotation stack, views)."""

from __future__ import annotations

import base64
import io
import json
import re

import imageio.v3 as iio
import numpy as np
import pytest

from gcnn_teach.actions import transform_signal
from gcnn_teach.correlate import correlate2d, lifting_correlation
from gcnn_teach.equivariance import translation_transforms
from gcnn_teach.viz import animation as A
from gcnn_teach.viz import player as P

FILTER = np.array([[1.0, 0.0, -1.0], [2.0, 0.5, -2.0], [1.0, 0.0, -1.0]])


@pytest.fixture
def image(rng) -> np.ndarray:
    return rng.random((6, 6))


def _draw_square(fig, value):
    ax = fig.add_subplot()
    ax.imshow(np.full((4, 4), float(value)), vmin=0, vmax=5)


# -- which player ---------------------------------------------------------------------

def test_player_mode_follows_the_environment_variable(monkeypatch):
    monkeypatch.setenv(P.STATIC_ENV, "1")
    assert P.player_mode() == "static"
    monkeypatch.setenv(P.STATIC_ENV, "0")
    assert P.player_mode() == "live"
    monkeypatch.delenv(P.STATIC_ENV)
    assert P.player_mode() == "static"  # pytest is no Jupyter kernel
    monkeypatch.setattr(P, "_in_kernel", lambda: True)
    assert P.player_mode() == "live"
    monkeypatch.setenv(P.STATIC_ENV, "1")
    assert P.player_mode() == "static"  # the build's setting wins inside a kernel


def test_player_mode_forced_and_bad_values(monkeypatch):
    monkeypatch.setenv(P.STATIC_ENV, "1")
    assert P.player_mode("live") == "live"
    with pytest.raises(ValueError, match="mode"):
        P.player_mode("gif")
    monkeypatch.setenv(P.STATIC_ENV, "yes")
    with pytest.raises(ValueError, match=P.STATIC_ENV):
        P.player_mode()


# -- frames -----------------------------------------------------------------------------

def test_frames_from_a_count_a_sequence_and_several_sliders():
    assert P.Player.make(_draw_square, 5).values == (0, 1, 2, 3, 4)
    assert P.Player.make(_draw_square, [2, 4]).values == (2, 4)
    several = P.Player.make(lambda fig, down, right: None, {"down": [0, 1], "right": range(3)})
    assert several.names == ("down", "right")
    assert len(several) == 6 and several.values[-1] == (1, 2)
    assert several.label((1, 2)) == "down=1, right=2"


@pytest.mark.parametrize("frames, error", [
    (0, ValueError), ([], ValueError), ({}, ValueError), ("abc", TypeError), (2.5, TypeError),
    ({"shift": []}, ValueError),
])
def test_bad_frames_raise(frames, error):
    with pytest.raises(error):
        P.Player.make(_draw_square, frames)


def test_draw_must_be_callable():
    with pytest.raises(TypeError, match="callable"):
        P.Player.make("not a function", 3)


def test_render_frames_gives_one_rgb_image_per_frame():
    images = P.render_frames(_draw_square, [0, 5], figsize=(1, 1), dpi=40)
    assert len(images) == 2
    assert images[0].shape == (40, 40, 3) and images[0].dtype == np.uint8
    assert not np.array_equal(images[0], images[1])


def test_too_many_frames_are_refused():
    with pytest.raises(ValueError, match="too many"):
        P.render_frames(_draw_square, P.MAX_FRAMES + 1, figsize=(1, 1), dpi=20)


# -- the static player ----------------------------------------------------------------

def _player_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" class="gcnn-player-data">(.*?)</script>',
                                page, re.S).group(1))


def _sheets(page: str) -> list[np.ndarray]:
    """The player's sprite sheets as RGB arrays: the <img>'s source first, then the later ones."""
    from PIL import Image

    first = re.search(r'<img id="[^"]+" src="(data:image/png;base64,[^"]+)"', page).group(1)
    uris = [first] + _player_data(page)["laterSheets"]
    return [np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("RGB"))
            for uri in uris]


def test_static_player_carries_caption_alt_and_every_frame():
    page = P.static_player_html(_draw_square, [0, 2, 4], caption="A square <brightening>.",
                                alt="A grey square that gets lighter.", figsize=(1, 1), dpi=30)
    assert '<figure class="gcnn-player" role="group" aria-label="A grey square that gets lighter."' in page
    assert "<figcaption" in page and "A square &lt;brightening&gt;." in page
    assert re.search(r'<img id="[^"]+" src="data:image/png;base64,[^"]+" alt="A grey square that gets lighter\."',
                     page)
    # the three frames side by side in one sheet, embedded once (as the image's source)
    assert page.count("data:image/png;base64,") == 1
    [sheet] = _sheets(page)
    frames = P.render_frames(_draw_square, [0, 2, 4], (1, 1), 30)
    assert sheet.shape == (30, 90, 3)
    for k, frame in enumerate(frames):  # each frame where the player looks for it (128 colours: these are exact)
        assert np.array_equal(sheet[:, 30 * k:30 * (k + 1)], frame), k
    assert 'max="2"' in page and _player_data(page)["count"] == 3
    assert page.isascii()


def test_static_player_splits_a_long_film_into_sheets():
    values = list(range(P.SHEET_FRAMES + 3))
    images = [np.full((6, 5, 3), 10 * k, np.uint8) for k in values]
    page = P.static_player_html(_draw_square, values, caption="c", alt="a", images=images)
    data = _player_data(page)
    assert data["count"] == len(values) and data["perSheet"] == P.SHEET_FRAMES
    sheets = _sheets(page)
    assert [s.shape for s in sheets] == [(6, 5 * P.SHEET_FRAMES, 3), (6, 15, 3)]
    # frame k is column k % perSheet of sheet k // perSheet
    for k, image in enumerate(images):
        sheet, column = divmod(k, P.SHEET_FRAMES)
        assert np.array_equal(sheets[sheet][:, 5 * column:5 * (column + 1)], image), k
    with pytest.raises(ValueError, match="shape of the first"):
        P.static_player_html(_draw_square, [0, 1], caption="c", alt="a",
                             images=[np.zeros((6, 5, 3), np.uint8), np.zeros((6, 4, 3), np.uint8)])


def test_static_player_references_no_external_host():
    page = P.static_player_html(_draw_square, 2, caption="c", alt="a", figsize=(1, 1), dpi=30)
    assert not P.EXTERNAL_URL.search(page)
    assert "http" not in page and "<link" not in page and "src=\"//" not in page


def test_external_url_check_catches_matplotlib_jshtml():
    """Why the player is our own: matplotlib's jshtml loads its icon font from a CDN."""
    from matplotlib.animation import FuncAnimation

    fig = P._figure((1, 1), 20)
    ax = fig.add_subplot()
    animation = FuncAnimation(fig, lambda i: ax.plot([0, i]), frames=2)
    assert P.EXTERNAL_URL.search(animation.to_jshtml())


def test_static_player_refuses_links_and_missing_text():
    with pytest.raises(ValueError, match="other hosts"):
        P.static_player_html(_draw_square, 1, caption="see https://example.org", alt="a", figsize=(1, 1), dpi=20)
    for caption, alt in (("", "a"), ("c", "  "), (None, "a")):
        with pytest.raises(ValueError, match="caption|alt"):
            P.show_player(_draw_square, 2, caption=caption, alt=alt, mode="static")


def test_static_player_checks_reused_images():
    with pytest.raises(ValueError, match="images"):
        P.static_player_html(_draw_square, 3, caption="c", alt="a", images=[np.zeros((4, 4, 3), np.uint8)])


def test_show_player_static_returns_html():
    from IPython.display import HTML

    shown = P.show_player(_draw_square, 2, caption="c", alt="a", figsize=(1, 1), dpi=20, mode="static")
    assert isinstance(shown, HTML) and "gcnn-player" in shown.data


def test_show_player_live_has_one_slider_per_name_and_redraws():
    import ipywidgets as widgets

    box = P.show_player(lambda fig, down, right: _draw_square(fig, down + right),
                        {"down": [0, 1], "right": [0, 2]}, caption="c", alt="a", figsize=(1, 1), dpi=20,
                        mode="live")
    assert isinstance(box, widgets.VBox)
    rows = [child for child in box.children if isinstance(child, widgets.HBox)]
    sliders = [row.children[0] for row in rows]
    assert [s.description for s in sliders] == ["down", "right"]
    image = next(child for child in box.children if isinstance(child, widgets.Image))
    before = image.value
    sliders[1].value = 1
    assert image.value != before
    assert rows[1].children[1].value == "2"  # the readout shows the value, not the index


# -- GIF --------------------------------------------------------------------------------

def test_save_gif_writes_a_readable_gif(tmp_path):
    path = P.save_gif(_draw_square, [0, 1, 2, 3], tmp_path / "sub" / "square.gif", figsize=(1, 1), dpi=30)
    frames = iio.imread(path, index=None)
    assert frames.shape[:3] == (4, 30, 30)


def test_save_gif_bad_input(tmp_path):
    with pytest.raises(ValueError, match=".gif"):
        P.save_gif(_draw_square, 2, tmp_path / "square.png")
    with pytest.raises(ValueError, match="frame_ms"):
        P.save_gif(_draw_square, 2, tmp_path / "square.gif", frame_ms=0)


# -- chapter 3: two cameras -------------------------------------------------------------

def test_two_cameras_frames_and_output(image):
    scene = A.two_cameras(image, FILTER)
    assert len(scene.frames) == 36  # 'same' padding: one frame per output pixel
    np.testing.assert_allclose(scene.output, correlate2d(image[None], FILTER[None, None], 1)[0])
    valid = A.two_cameras(image, FILTER, padding=0)
    assert len(valid.frames) == 16 and valid.output.shape == (4, 4)


@pytest.mark.parametrize("padding", [0, 1, 2])
def test_both_cameras_show_the_same_activations_at_every_frame(image, padding):
    scene = A.two_cameras(image, FILTER, padding=padding)
    for t in scene.frames:
        np.testing.assert_allclose(scene.activation(t, "image"), scene.activation(t, "filter"), equal_nan=True)
        assert np.count_nonzero(np.isfinite(scene.activation(t, "image"))) == t + 1
    np.testing.assert_allclose(scene.activation(scene.frames[-1], "filter"), scene.output)


def test_the_filter_camera_follows_the_filter(image):
    scene = A.two_cameras(image, FILTER)
    k = FILTER.shape[0]
    for t in (0, 7, 35):
        assert scene.filter_at(t, "filter") == (scene.centre, scene.centre)
        fy, fx = scene.filter_at(t, "image")
        # the filter covers the same pixels of the image in both views
        window_image = scene.view(t, "image")[fy : fy + k, fx : fx + k]
        c = scene.centre
        np.testing.assert_array_equal(window_image, scene.view(t, "filter")[c : c + k, c : c + k])
        # the output cell being written sits under the filter's centre in both views
        i, j = scene.positions[t]
        assert scene.activation_view(t, "image")[fy + 1, fx + 1] == pytest.approx(scene.output[i, j])
        assert scene.activation_view(t, "filter")[c + 1, c + 1] == pytest.approx(scene.output[i, j])


def test_moving_the_image_the_wrong_way_is_caught(image, monkeypatch):
    """The equality test above can fail: shift the image the wrong way under the filter."""
    from gcnn_teach import actions

    monkeypatch.setattr(A, "translate", lambda x, shift, mode: actions.translate(x, (shift[1], shift[0]), mode))
    scene = A.two_cameras(image, FILTER)
    assert not np.allclose(scene.values["image"], scene.values["filter"])


def test_two_cameras_draws_and_writes_a_gif(image, tmp_path):
    scene = A.two_cameras(image, FILTER, positions=[(0, 0), (2, 3), (5, 5)])
    path = scene.save_gif(tmp_path / "two_cameras.gif", dpi=30)
    frames = iio.imread(path, index=None)
    assert frames.shape[0] == 3
    page = scene.show(caption="Two cameras.", alt="A filter scanning a digit, seen twice.", dpi=30,
                      mode="static")
    assert "Two cameras." in page.data and "step 2/3" in page.data
    assert page.data.count("data:image/png;base64,") == 1 and _player_data(page.data)["count"] == 3


@pytest.mark.parametrize("args, error", [
    ((np.zeros((6, 6, 1)), FILTER), ValueError),
    ((np.zeros((6, 5)), FILTER), ValueError),
    ((np.zeros((6, 6)), np.zeros((3, 2))), ValueError),
    ((np.zeros((6, 6)), [[1.0]]), TypeError),
    ((np.full((6, 6), np.nan), FILTER), ValueError),
    ((np.zeros((6, 6), complex), FILTER), TypeError),
    ((np.zeros((2, 2)), np.zeros((5, 5)), 0), ValueError),
    ((np.zeros((6, 6)), FILTER, -1), ValueError),
])
def test_two_cameras_bad_input(args, error):
    with pytest.raises(error):
        A.two_cameras(*args)


def test_two_cameras_bad_positions_and_camera(image):
    with pytest.raises(ValueError, match="outside"):
        A.two_cameras(image, FILTER, positions=[(6, 0)])
    with pytest.raises(ValueError, match="at least one"):
        A.two_cameras(image, FILTER, positions=[])
    with pytest.raises(ValueError, match="camera"):
        A.two_cameras(image, FILTER).view(0, "drone")


# -- chapter 4: the rotation stack ------------------------------------------------------

@pytest.mark.parametrize("padding", [0, 1])
def test_rotation_stack_rotates_and_cycles(image, padding):
    stack = A.rotation_stack(image, FILTER, padding=padding)
    assert len(stack.frames) == 16
    upright = stack.stack(0)
    np.testing.assert_allclose(upright, lifting_correlation(image[None], FILTER[None, None], "p4", padding)[0])
    for s in range(1, 4):
        np.testing.assert_allclose(stack.stack(s), transform_signal(upright, s, "p4"))
        # and it is neither a plain rotation of each slot nor a plain cycle
        assert not np.allclose(stack.stack(s), np.rot90(upright, s, axes=(-2, -1)))
        assert not np.allclose(stack.stack(s), np.roll(upright, s, axis=0))


def test_rotation_stack_without_turning_back_is_caught(image, monkeypatch):
    """Storing the raw responses (not turned back) breaks the relation the chapter asserts."""
    monkeypatch.setattr(A.RotationStack, "slot", A.RotationStack.response)
    stack = A.rotation_stack(image, FILTER)
    assert not np.allclose(stack.stack(1), transform_signal(stack.stack(0), 1, "p4"))


def test_rotation_stack_draws(image):
    stack = A.rotation_stack(image, FILTER)
    images = stack.render(dpi=30)
    assert len(images) == 16
    assert not np.array_equal(images[0], images[5])
    page = stack.show(caption="c", alt="a", dpi=30, mode="static")
    assert "input turned 3, copy 2" in page.data


def test_static_player_labels():
    page = P.static_player_html(_draw_square, 2, caption="c", alt="a", figsize=(1, 1), dpi=20,
                                labels=["first", "second"])
    assert '"first", "second"' in page
    with pytest.raises(ValueError, match="labels"):
        P.static_player_html(_draw_square, 2, caption="c", alt="a", figsize=(1, 1), dpi=20, labels=["one"])


def test_rotation_stack_bad_input():
    with pytest.raises(ValueError, match="square"):
        A.rotation_stack(np.zeros((6, 5)), FILTER)
    with pytest.raises(ValueError, match="padding"):
        A.rotation_stack(np.zeros((6, 6)), FILTER, padding=-2)
    with pytest.raises(ValueError, match="fit"):
        A.rotation_stack(np.zeros((2, 2)), np.zeros((5, 5)), padding=0)


# -- both sides of the equation ---------------------------------------------------------

def _zero_padded(x):
    return correlate2d(x[None], FILTER[None, None], 1)[0]


def test_equivariance_views_both_sides(image):
    shifts = translation_transforms([(0, 1), (2, -1)])
    pointwise = A.equivariance_views(np.square, image, shifts)
    assert pointwise.frames == ["shift (0, 1)", "shift (2, -1)"]
    for label in pointwise.frames:
        left, right = pointwise.sides(label)
        np.testing.assert_allclose(left, right)
    # a zero-padded correlation does not commute with circular shifts: the views show it
    left, right = A.equivariance_views(_zero_padded, image, shifts).sides("shift (0, 1)")
    assert not np.allclose(left, right)
    assert len(A.equivariance_views(np.square, image, shifts).render(dpi=30)) == 2


def test_equivariance_views_bad_input(image):
    with pytest.raises(TypeError, match="callable"):
        A.equivariance_views(3, image, translation_transforms([(0, 1)]))
    with pytest.raises(TypeError, match="non-empty"):
        A.equivariance_views(np.square, image, {})
    with pytest.raises(ValueError, match="same labels"):
        A.equivariance_views(np.square, image, translation_transforms([(0, 1)]), {"other": np.square})


def test_an_animation_drawn_through_a_plain_draw_function_is_rebuilt(image):
    """show_player clears the figure before a plain draw; the animation must notice and rebuild."""
    views = A.equivariance_views(np.square, image, translation_transforms([(0, 1), (1, 0)]))
    direct = views.render(dpi=30)
    wrapped = P.render_frames(lambda fig, down: views.draw(fig, f"shift {(down, 1 - down)}"), [0, 1],
                              figsize=views.figsize, dpi=30)
    for a, b in zip(direct, wrapped):
        assert a.shape == b.shape
        assert np.mean(a != b) < 0.01  # the same picture (up to the layout being recomputed)


def test_an_animation_with_several_sliders(image):
    views = A.equivariance_views(np.square, image, translation_transforms([(0, 0), (0, 1), (1, 0), (1, 1)]))
    page = views.show(caption="c", alt="a", dpi=30, mode="static", sliders={"down": [0, 1], "right": [0, 1]},
                      frame_of=lambda down, right: f"shift {(down, right)}")
    assert _player_data(page.data)["count"] == 4
    assert "down=1, right=0" in page.data
    with pytest.raises(TypeError, match="frame_of"):
        views.show(caption="c", alt="a", mode="static", sliders={"down": [0, 1]})
    with pytest.raises(KeyError):
        views.show(caption="c", alt="a", dpi=30, mode="static", sliders={"down": [0, 2]},
                   frame_of=lambda down: f"shift {(down, 0)}")


# -- what the sliders say, the size of the picture, the player's files ---------------------

def test_sliders_are_labelled_by_what_they_move():
    page = P.static_player_html(_draw_square, [0, 3], caption="c", alt="a", figsize=(2, 1), dpi=30,
                                slider="shift right, px")
    assert 'aria-label="shift right, px"' in page
    several = P.static_player_html(lambda fig, down, right: _draw_square(fig, down + right),
                                   {"down": [0, 1], "right": [0, 1]}, caption="c", alt="a", figsize=(1, 1),
                                   dpi=20, slider={"down": "shift down, px"})
    assert 'aria-label="shift down, px, right"' in several
    with pytest.raises(ValueError, match="dict name -> label"):
        P.show_player(lambda fig, down, right: None, {"down": [0], "right": [0]}, caption="c", alt="a",
                      slider="shift", mode="static")
    with pytest.raises(ValueError, match="sliders are"):
        P.show_player(lambda fig, down: None, {"down": [0]}, caption="c", alt="a", slider={"up": "x"})
    with pytest.raises(TypeError, match="slider"):
        P.show_player(_draw_square, 2, caption="c", alt="a", slider=3)


def test_static_player_shows_its_natural_size_and_loads_its_own_files():
    page = P.static_player_html(_draw_square, [0, 3], caption="c", alt="a", figsize=(2, 1), dpi=30)
    # figsize[0] * dpi CSS pixels wide (never stretched to the column), in the frames' proportions
    assert 'style="width: 60px; aspect-ratio: 60 / 30"' in page
    for name in ("player.js", "player.css"):  # shipped as package data, inlined in every player
        assert P._asset(name).strip() in page
    assert "{" not in P._asset("player.html").replace("${", "")  # a template of $names only


def test_live_player_is_crisp_at_natural_size_with_labelled_sliders():
    import ipywidgets as widgets

    box = P.show_player(_draw_square, [0, 3, 5], caption="c", alt="a", figsize=(2, 1), dpi=30, mode="live",
                        slider="brightness, units", labels=["dark", "mid", "bright"])
    row, image = box.children[0], box.children[1]
    assert isinstance(image, widgets.Image) and image.layout.width == "60px"
    width = int.from_bytes(image.value[16:20], "big")  # the PNG's own width: rendered at twice the dpi
    assert width == P.LIVE_RESOLUTION * 60
    slider, readout = row.children
    assert slider.description == "brightness, units" and readout.value == "dark"
    slider.value = 2
    assert readout.value == "bright"
