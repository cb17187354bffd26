"""The book's player: one call gives sliders in a live notebook and a player in the HTML.

The one helper every chapter uses is :func:`show_player`.  You give it a function that
draws one frame into a matplotlib figure, the values its slider(s) can take, and what the
slider moves::

    def draw(fig, shift):                     # draw one frame into the (cleared) figure
        ax = fig.add_subplot()
        ax.imshow(translate(x, (0, shift)))

    show_player(draw, range(-3, 4), slider="shift right, px", caption="The input, shifted.",
                alt="A digit that moves right one pixel per frame.")

Several sliders: pass a dict ``name -> values``; ``draw`` then receives them as keyword
arguments (``draw(fig, down=1, right=-2)``), ``slider`` may map each name to its label,
and the static player steps through every combination (keep the product to a few dozen
frames).

**Which one you get** (:func:`player_mode`), decided by an explicit rule:

* ``GCNN_TEACH_STATIC=1`` in the environment: the *static player*.  Every slider position
  is rendered once, and the frames are embedded in the page as PNG sprite sheets with a frame
  slider and previous / play-pause / next buttons (``player.html``, ``player.css`` and
  ``player.js`` next to this module; nothing loaded from the internet).  It needs no
  kernel and no network, so it works in the built HTML book.  The book build sets this
  variable.
* ``GCNN_TEACH_STATIC=0``: live sliders (``ipywidgets`` 7 or 8) when possible.
* unset: live sliders when running inside a Jupyter kernel (JupyterLab, Colab, VS Code)
  with ``ipywidgets`` installed; the static player otherwise (a plain Python session, tests).

In both modes the figure carries the caption and the alt text: the static player is wrapped
in ``<figure role="group" aria-label=alt>`` with a ``<figcaption>``, and its frame image
has the alt text; the live version shows the caption under the sliders.  Both show the
picture at its natural size (``figsize`` times ``dpi`` CSS pixels); the live one renders
it at twice the resolution, so that it stays sharp on high-density screens.

:class:`Animated` is the machinery of the chapters' animations
(:mod:`gcnn_teach.viz.animation`): build the artists once, update them per frame.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import re
import uuid
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ._frames import MAX_FRAMES, Draw, Player, _figure, render_frames, save_gif

__all__ = [
    "STATIC_ENV",
    "MAX_FRAMES",
    "player_mode",
    "show_player",
    "static_player_html",
    "render_frames",
    "save_gif",
    "Player",
    "Animated",
]

#: The environment variable that selects the player: ``1`` static, ``0`` live (see module doc).
STATIC_ENV = "GCNN_TEACH_STATIC"

#: How much finer than ``dpi`` the live player renders (sharp on high-density screens).
LIVE_RESOLUTION = 2




# -- deciding what to show -------------------------------------------------------------

def _in_kernel() -> bool:
    """True inside a Jupyter kernel (IPython with a kernel attached), False in plain Python."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the book's stack
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _has_ipywidgets() -> bool:
    try:
        import ipywidgets  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        return False
    return True


def player_mode(mode: str | None = None) -> str:
    """``"static"`` or ``"live"``: which player :func:`show_player` makes, by the module's rule.

    ``mode`` forces one (``"static"`` or ``"live"``); ``None`` applies the rule:
    ``GCNN_TEACH_STATIC=1`` -> static, ``=0`` -> live if ``ipywidgets`` is installed,
    unset -> live inside a Jupyter kernel with ``ipywidgets``, static otherwise.
    """
    if mode is not None:
        if mode not in ("static", "live"):
            raise ValueError(f"player_mode: expected mode 'static', 'live' or None, got {mode!r}")
        return mode
    setting = os.environ.get(STATIC_ENV, "").strip()
    if setting not in ("", "0", "1"):
        raise ValueError(f"player_mode: {STATIC_ENV} must be '1' (static), '0' (live) or unset, got {setting!r}")
    if setting == "1":
        return "static"
    if setting == "0":
        return "live" if _has_ipywidgets() else "static"
    return "live" if _in_kernel() and _has_ipywidgets() else "static"


# -- frames ----------------------------------------------------------------------------

# -- the static player -----------------------------------------------------------------

# A small player of our own (rather than matplotlib's ``to_jshtml``, whose buttons load an
# icon font from a CDN): the frames are PNG sprite sheets (data URIs) inside the page, so it
# works offline. The player shows one frame of a sheet through a window of the frame's size.
# Its markup, style and script are package data next to this module.

@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


#: Anything that looks like a link to another host; the static player must contain none.
EXTERNAL_URL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


#: At most this many frames side by side in one sprite sheet (and at most this many pixels across).
SHEET_FRAMES = 16
SHEET_MAX_WIDTH = 8192


def _sheet_uris(images: list[np.ndarray]) -> tuple[list[str], int]:
    """The frames as PNG sprite sheets (data URIs), and how many frames each full sheet holds.

    Consecutive frames of a film differ in a few pixels. Side by side in one PNG, the rows of
    neighbouring frames follow each other in the compressed stream, and the compressor stores
    a repeated row as a short reference to the previous one: a sheet of 16 frames weighs about
    half as much as the 16 frames saved one by one. Each sheet has a palette of 128 colours
    (median cut, no dithering), which looks the same for these flat, few-colour figures and
    makes the page about three times lighter again.
    """
    from PIL import Image

    width = images[0].shape[1]
    for k, image in enumerate(images):
        if image.shape != images[0].shape:
            raise ValueError(f"static_player_html: every frame must have the shape of the first, "
                             f"{images[0].shape}; frame {k} has {image.shape}")
    per_sheet = max(1, min(SHEET_FRAMES, SHEET_MAX_WIDTH // width))
    uris = []
    for start in range(0, len(images), per_sheet):
        sheet = np.concatenate(images[start:start + per_sheet], axis=1)  # frames side by side
        picture = Image.fromarray(np.ascontiguousarray(sheet)).convert("RGB").quantize(
            128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        buffer = io.BytesIO()
        picture.save(buffer, format="png", optimize=True)
        uris.append("data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"))
    return uris, per_sheet


def _script_json(values) -> str:
    # "</" would end the <script> element early
    return json.dumps(values).replace("</", "<\\/")


def _player_html(images: list[np.ndarray], labels: list[str], *, caption: str, alt: str, slider: str,
                 interval: int, loop: bool, width: int | None = None) -> str:
    sheets, per_sheet = _sheet_uris(images)
    height, frame_width = images[0].shape[:2]
    # the first sheet is the <img>'s source; the script takes it from there (embedded once)
    data = {"count": len(images), "perSheet": per_sheet, "laterSheets": sheets[1:], "labels": labels,
            "interval": int(interval), "loop": bool(loop)}
    page = Template(_asset("player.html")).substitute(
        uid="gcnn-player-" + uuid.uuid4().hex[:12], first=sheets[0], alt=html.escape(alt, quote=True),
        width=int(width or frame_width), aspect=f"{frame_width} / {height}",
        sheet_width=100 * min(per_sheet, len(images)), last=len(images) - 1,
        slider=html.escape(slider, quote=True), first_label=html.escape(labels[0]), caption=html.escape(caption),
        data=_script_json(data), css=_asset("player.css"), js=_asset("player.js"),
    )
    page = page.encode("ascii", "xmlcharrefreplace").decode("ascii")  # right in any page encoding
    if EXTERNAL_URL.search(page):  # a caption or label with a link in it, say
        raise ValueError("static_player_html: the player must not link to other hosts; remove URLs from the "
                         "caption, alt text and slider values")
    return page


def static_player_html(draw: Draw, frames, *, caption: str, alt: str, figsize=(6.4, 3.2), dpi: int = 72,
                       interval: int = 400, loop: bool = True, images: list[np.ndarray] | None = None,
                       labels: Sequence[str] | None = None, slider=None) -> str:
    """The self-contained HTML of the static player: every frame embedded, no kernel, no network.

    The player sits in ``<figure role="group" aria-label=alt>`` followed by a
    ``<figcaption>``; the frame image carries ``alt`` too.  Buttons: previous, play/pause,
    next; a frame slider, named ``slider`` (what it moves; see :func:`show_player`); the
    current frame's label beside it.  ``interval`` is the time per frame in milliseconds.
    ``images`` reuses frames already rendered by :func:`render_frames` with the same
    ``draw`` and ``frames``.  ``labels`` (one string per frame) replaces the slider values
    shown beside the slider.
    """
    _check_text(caption, alt)
    player = Player.make(draw, frames)
    names = _slider_labels(player, slider)
    if images is None:
        images = render_frames(draw, frames, figsize, dpi)
    if len(images) != len(player):
        raise ValueError(f"static_player_html: got {len(images)} images for {len(player)} frames")
    if labels is None:
        labels = [player.label(value) for value in player.values]
    labels = [str(label) for label in labels]
    if len(labels) != len(player):
        raise ValueError(f"static_player_html: got {len(labels)} labels for {len(player)} frames")
    return _player_html(images, labels, caption=caption, alt=alt, slider=", ".join(names), interval=interval,
                        loop=loop, width=round(figsize[0] * dpi))


def _check_text(caption, alt) -> None:
    for name, text in (("caption", caption), ("alt", alt)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"show_player: every player needs a {name} (a non-empty string), got {text!r}")


def _slider_labels(player: Player, slider) -> list[str]:
    """What each slider moves: ``slider`` as given (a string, or a dict ``name -> label``), else its name."""
    names = list(player.names or ("frame",))
    if slider is None:
        return names
    if isinstance(slider, str) and slider.strip():
        if len(names) != 1:
            raise ValueError(f"show_player: {len(names)} sliders need slider as a dict name -> label, got {slider!r}")
        return [slider]
    if isinstance(slider, Mapping) and player.names is not None:
        unknown = set(slider) - set(names)
        if unknown:
            raise ValueError(f"show_player: slider labels for {sorted(unknown)}, but the sliders are {names}")
        return [str(slider.get(name, name)) for name in names]
    raise TypeError(f"show_player: expected slider as a non-empty string (one slider) or a dict name -> label "
                    f"(several), got {slider!r}")


# -- the live player -------------------------------------------------------------------

def _png(fig: Figure, dpi: float) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _live_widget(player: Player, caption: str, alt: str, figsize, dpi: int, slider, labels):
    """Sliders, the picture and the caption in a box; only API common to ipywidgets 7 and 8."""
    import ipywidgets as widgets

    fig = _figure(figsize, dpi)
    width = round(figsize[0] * dpi)  # the natural size in CSS pixels; rendered finer, shown at this size
    image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%", height="auto"))
    image.description = alt  # read by screen readers through the widget's label
    sliders = []
    names = _slider_labels(player, slider)
    for i, (name, values) in enumerate(zip(names, player.axes)):
        control = widgets.IntSlider(value=0, min=0, max=len(values) - 1, description=name, readout=False,
                                    continuous_update=True, style={"description_width": "initial"},
                                    layout=widgets.Layout(width=f"{min(max(width, 320), 560)}px"))
        shown = list(labels) if labels is not None and player.names is None else [str(v) for v in values]
        sliders.append((control, widgets.Label(shown[0]), values, shown))

    def update(_change=None):
        value = tuple(values[control.value] for control, _, values, _ in sliders)
        for control, readout, _, shown in sliders:
            readout.value = shown[control.value]
        player.render(fig, value if player.names is not None else value[0])
        image.value = _png(fig, LIVE_RESOLUTION * dpi)

    for control, _, _, _ in sliders:
        control.observe(update, names="value")
    update()
    rows = [widgets.HBox([control, readout]) for control, readout, _, _ in sliders]
    note = widgets.HTML(f"<p style='font-size: 0.9em; max-width: {max(width, 320)}px'>{html.escape(caption)}</p>")
    return widgets.VBox([*rows, image, note], layout=widgets.Layout(align_items="flex-start"))


def show_player(draw: Draw, frames, *, caption: str, alt: str, figsize=(6.4, 3.2), dpi: int = 72,
                interval: int = 400, loop: bool = True, mode: str | None = None,
                images: list[np.ndarray] | None = None, labels: Sequence[str] | None = None, slider=None):
    """Show a figure that changes with one or more sliders: live sliders or the static player.

    ``draw(fig, value)`` draws one frame into the cleared figure ``fig`` (a function with the
    attribute ``keeps_figure = True`` gets the figure uncleared, to update its own artists); ``frames`` is a
    number of frames (values ``0 .. n-1``), a sequence of slider values, or a dict
    ``name -> values`` for several sliders (then ``draw(fig, **values)``).  ``caption`` and
    ``alt`` (a real description of what the reader sees) are required.  ``slider`` says what
    the slider moves, with its unit (``"shift right, px"``; for several sliders a dict
    ``name -> label``); it defaults to the slider's name (``"frame"`` for one unnamed slider).
    ``mode`` forces ``"static"`` or ``"live"``; by default :func:`player_mode` decides.
    ``images`` reuses frames already rendered by :func:`render_frames` (static player), and
    ``labels`` names each frame beside a single slider.

    Returns an object that displays itself as the last expression of a cell: an
    ``IPython.display.HTML`` (static) or an ``ipywidgets`` box (live).
    """
    _check_text(caption, alt)
    player = Player.make(draw, frames)
    _slider_labels(player, slider)  # bad labels fail in both modes
    if labels is not None and len(labels) != len(player):
        raise ValueError(f"show_player: got {len(labels)} labels for {len(player)} frames")
    if player_mode(mode) == "live":
        return _live_widget(player, caption, alt, figsize, dpi, slider, labels)
    from IPython.display import HTML

    return HTML(static_player_html(draw, frames, caption=caption, alt=alt, figsize=figsize, dpi=dpi,
                                   interval=interval, loop=loop, images=images, labels=labels, slider=slider))


class Animated:
    """The machinery of an animation with artists built once and updated per frame.

    A subclass defines ``frames``, ``figsize``, ``slider`` (what its slider moves),
    ``_build(fig) -> artists`` (make the axes and artists once) and
    ``_update(artists, frame)`` (change their data).  Keeping the artists between frames
    makes rendering a few dozen frames fast on a laptop.
    """

    figsize: tuple = (6.4, 3.2)
    slider: str = "frame"

    def draw(self, fig: Figure, frame) -> None:
        """Draw ``frame`` into ``fig`` (built on first use, then only updated)."""
        state = getattr(fig, "_gcnn_animation", None)
        # rebuild unless this figure still holds this animation's axes (it may have been cleared since)
        if state is None or state[0] is not self or not fig.axes or fig.axes[0] is not state[2]:
            fig.clear()
            fig.set_layout_engine("constrained")
            artists = self._build(fig)
            fig._gcnn_animation = (self, artists, fig.axes[0])
            self._update(artists, frame)
            fig.canvas.draw()  # lay the figure out once, then keep that layout for every frame
            fig.set_layout_engine("none")
        else:
            self._update(state[1], frame)

    draw.keeps_figure = True  # Player.render must not clear the figure: the artists are updated

    def frame_label(self, frame) -> str:
        """The words shown beside the slider for ``frame``."""
        return str(frame)

    def render(self, dpi: int = 72) -> list[np.ndarray]:
        """Every frame as an RGB array (rendered once per ``dpi``, then reused by ``show`` and ``save_gif``)."""
        cache = self.__dict__.setdefault("_rendered", {})
        if dpi not in cache:
            cache[dpi] = render_frames(self.draw, self.frames, self.figsize, dpi)
        return cache[dpi]

    def show(self, *, caption: str, alt: str, dpi: int = 72, interval: int = 400, mode: str | None = None,
             sliders: Mapping[str, Sequence] | None = None, frame_of: Callable[..., object] | None = None,
             slider=None):
        """:func:`show_player` on this animation: one slider over ``frames``, or several.

        For several sliders give ``sliders`` (name -> values) and ``frame_of(**values)``, which
        names the frame to draw, e.g. ``sliders={"down": range(3), "right": range(3)}`` and
        ``frame_of=lambda down, right: f"shift {(down, right)}"``.  ``slider`` labels the
        slider(s) as in :func:`show_player` (default: the animation's own ``slider``).
        """
        if sliders is None:
            images = self.render(dpi) if player_mode(mode) == "static" else None
            return show_player(self.draw, self.frames, caption=caption, alt=alt, figsize=self.figsize, dpi=dpi,
                               interval=interval, mode=mode, images=images, slider=slider or self.slider,
                               labels=[self.frame_label(frame) for frame in self.frames])
        if not callable(frame_of):
            raise TypeError("show: with sliders, give frame_of(**values) -> the frame to draw")

        def draw(fig, **values):
            self.draw(fig, frame_of(**values))

        draw.keeps_figure = True  # the animation updates its own artists; see Player.render
        return show_player(draw, sliders, caption=caption, alt=alt, figsize=self.figsize, dpi=dpi,
                           interval=interval, mode=mode, slider=slider)

    def save_gif(self, path, dpi: int = 72, frame_ms: int = 400) -> Path:
        """:func:`save_gif` on this animation."""
        return save_gif(self.draw, self.frames, path, figsize=self.figsize, dpi=dpi, frame_ms=frame_ms,
                        images=self.render(dpi))
