"""Animations for the book: one call gives sliders in a live notebook and a player in the HTML.

The one helper every chapter uses is :func:`show_player`.  You give it a function that
draws one frame into a matplotlib figure and the values its slider(s) can take::

    def draw(fig, shift):                     # draw one frame into the (cleared) figure
        ax = fig.add_subplot()
        ax.imshow(translate(x, (0, shift)))

    show_player(draw, range(-3, 4), caption="The input, shifted.",
                alt="A digit that moves right one pixel per frame.")

Several sliders: pass a dict ``name -> values``; ``draw`` then receives them as keyword
arguments (``draw(fig, down=1, right=-2)``), and the static player steps through every
combination (keep the product to a few dozen frames).

**Which one you get** (:func:`player_mode`), decided by an explicit rule:

* ``GCNN_TEACH_STATIC=1`` in the environment: the *static player*.  Every slider position
  is rendered once, and the frames are embedded in the page as PNG images with a frame
  slider and previous / play-pause / next buttons (a few lines of JavaScript, nothing
  loaded from the internet).  It needs no kernel and no network, so it works in the built
  HTML book.  The book build sets this variable.
* ``GCNN_TEACH_STATIC=0``: live sliders (``ipywidgets``) when possible.
* unset: live sliders when running inside a Jupyter kernel (Jupyter, Colab, VS Code) with
  ``ipywidgets`` installed; the static player otherwise (a plain Python session, tests).

In both modes the figure carries the caption and the alt text: the static player is wrapped
in ``<figure role="group" aria-label=alt>`` with a ``<figcaption>``, and its frame image
has the alt text; the live version shows the caption under the sliders.

Besides the player this module holds the animations of Part I:

* :func:`two_cameras` (chapter 3): one scene, a filter scanning an image, rendered from
  two cameras side by side -- one fixed on the image (the filter moves), one following
  the filter (the image moves) -- while the output map fills in.
* :func:`rotation_stack` (chapter 4): the four rotated copies of an image fed to one
  filter, each response stored; rotating the input rotates and cycles the stored stack.
* :func:`equivariance_views`: any map ``f`` and a family of transformations; the reader
  moves the input and watches ``f(T x)`` and ``T f(x)`` side by side.

Each returns an object with ``.draw(fig, frame)``, ``.frames``, ``.show(caption=, alt=)``
and ``.save_gif(path)``, and exposes the numbers it draws so tests can check them.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..actions import transform_image, translate
from ..correlate import correlate2d
from .style import IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits

__all__ = [
    "STATIC_ENV",
    "player_mode",
    "show_player",
    "static_player_html",
    "render_frames",
    "save_gif",
    "Player",
    "TwoCameras",
    "two_cameras",
    "RotationStack",
    "rotation_stack",
    "EquivarianceViews",
    "equivariance_views",
]

#: The environment variable that selects the player: ``1`` static, ``0`` live (see module doc).
STATIC_ENV = "GCNN_TEACH_STATIC"

#: A static player with more frames than this is refused: the page would get heavy.
MAX_FRAMES = 120

Draw = Callable[..., None]


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

@dataclass(frozen=True)
class Player:
    """A drawing function and the slider positions it is drawn at.

    ``names`` is ``None`` for one unnamed slider (``draw(fig, value)``), or the slider names
    (``draw(fig, **dict(zip(names, value)))``) for several.  ``values`` lists every position
    the static player renders, in order.
    """

    draw: Draw
    names: tuple[str, ...] | None
    axes: tuple[tuple, ...]  # the values of each slider (one axis when unnamed)
    values: tuple

    @classmethod
    def make(cls, draw: Draw, frames) -> "Player":
        if not callable(draw):
            raise TypeError(f"show_player: expected draw(fig, value) to be callable, got {type(draw).__name__}")
        if isinstance(frames, Mapping):
            if not frames:
                raise ValueError("show_player: expected at least one slider in frames, got an empty dict")
            names = tuple(str(name) for name in frames)
            axes = tuple(_as_values(values, f"frames[{name!r}]") for name, values in frames.items())
            values = tuple(itertools.product(*axes))
            return cls(draw, names, axes, values)
        values = _as_values(range(frames) if isinstance(frames, (int, np.integer)) and not isinstance(frames, bool)
                            else frames, "frames")
        return cls(draw, None, (values,), values)

    def __len__(self) -> int:
        return len(self.values)

    def render(self, fig: Figure, value) -> None:
        """Draw the frame at slider position ``value`` into ``fig`` (cleared first, unless the
        drawing belongs to one of this module's animations, which update their own artists)."""
        keeps_figure = getattr(self.draw, "keeps_figure", False)
        if not (keeps_figure or isinstance(getattr(self.draw, "__self__", None), _Animated)):
            fig.clear()
        if self.names is None:
            self.draw(fig, value)
        else:
            self.draw(fig, **dict(zip(self.names, value)))

    def label(self, value) -> str:
        if self.names is None:
            return str(value)
        return ", ".join(f"{name}={v}" for name, v in zip(self.names, value))


def _as_values(values, what: str) -> tuple:
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, range, np.ndarray)):
        raise TypeError(f"show_player: expected {what} as a number of frames or a sequence of values, "
                        f"got {type(values).__name__}")
    values = tuple(values)
    if not values:
        raise ValueError(f"show_player: {what} is empty; a player needs at least one frame")
    return values


def _figure(figsize, dpi) -> Figure:
    """A figure outside pyplot (nothing is shown behind our back), drawn with Agg."""
    fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def render_frames(draw: Draw, frames, figsize=(6.4, 3.2), dpi: int = 72) -> list[np.ndarray]:
    """Every frame as an RGB array ``[height, width, 3]`` (uint8), in slider order."""
    player = Player.make(draw, frames)
    _check_count(len(player))
    fig = _figure(figsize, dpi)
    images = []
    for value in player.values:
        player.render(fig, value)
        fig.canvas.draw()
        images.append(np.asarray(fig.canvas.buffer_rgba())[..., :3].copy())
    return images


def _check_count(n: int) -> None:
    if n > MAX_FRAMES:
        raise ValueError(f"show_player: {n} frames is too many for a page (at most {MAX_FRAMES}); "
                         "use fewer slider positions")


def save_gif(draw: Draw, frames, path, figsize=(6.4, 3.2), dpi: int = 72, frame_ms: int = 400,
             images: list[np.ndarray] | None = None) -> Path:
    """Write the frames as a looping GIF at ``path`` (folders are created) and return the path.

    ``images`` reuses frames already rendered by :func:`render_frames`.  All frames share one
    palette (computed from a sample of them), which keeps the file small and quick to write;
    the file reads back with ``imageio.v3.imread(path, index=None)`` (identical consecutive
    frames are merged into one, with their durations added).
    """
    from PIL import Image

    path = Path(path)
    if path.suffix.lower() != ".gif":
        raise ValueError(f"save_gif: expected a path ending in .gif, got {str(path)!r}")
    if images is None:
        images = render_frames(draw, frames, figsize, dpi)
    if isinstance(frame_ms, bool) or not isinstance(frame_ms, (int, np.integer)) or frame_ms <= 0:
        raise ValueError(f"save_gif: expected frame_ms as a positive integer, got {frame_ms!r}")
    sample = np.concatenate(images[:: max(1, len(images) // 8)], axis=0)
    palette = Image.fromarray(sample).quantize(colors=255, method=Image.Quantize.MEDIANCUT,
                                               dither=Image.Dither.NONE)
    indexed = [Image.fromarray(image).quantize(palette=palette, dither=Image.Dither.NONE) for image in images]
    path.parent.mkdir(parents=True, exist_ok=True)
    indexed[0].save(path, save_all=True, append_images=indexed[1:], duration=int(frame_ms), loop=0)
    return path


# -- the static player -----------------------------------------------------------------

# A small player of our own (rather than matplotlib's ``to_jshtml``, whose buttons load an
# icon font from a CDN): the frames are PNG data URIs inside the page, so it works offline.
_PLAYER = """<div class="gcnn-player-body">
<img id="{uid}-img" src="{first}" alt="{alt}" style="max-width: 100%; height: auto">
<div class="gcnn-player-controls" style="display: flex; gap: 0.4em; align-items: center; justify-content: center; flex-wrap: wrap">
<button type="button" id="{uid}-prev" aria-label="Previous frame" title="Previous frame">&#x2039;</button>
<button type="button" id="{uid}-play" aria-label="Play" title="Play">{play_icon}</button>
<button type="button" id="{uid}-next" aria-label="Next frame" title="Next frame">&#x203A;</button>
<input type="range" id="{uid}-slider" min="0" max="{last}" step="1" value="0" aria-label="{slider}" style="flex: 1 1 12em; max-width: 26em">
<output id="{uid}-label" for="{uid}-slider" style="min-width: 7em; font-family: monospace; font-size: 0.85em">{first_label}</output>
</div>
</div>
<script>
(function () {{
  var frames = {frames};
  var labels = {labels};
  var interval = {interval}, loop = {loop};
  var img = document.getElementById("{uid}-img"), slider = document.getElementById("{uid}-slider");
  var label = document.getElementById("{uid}-label"), play = document.getElementById("{uid}-play");
  var current = 0, timer = null;
  function show(i) {{
    current = (i + frames.length) % frames.length;
    img.src = frames[current];
    slider.value = current;
    label.textContent = labels[current];
  }}
  function mark(playing) {{
    play.innerHTML = playing ? {pause_icon_js} : {play_icon_js};
    play.title = playing ? "Pause" : "Play";
    play.setAttribute("aria-label", play.title);
  }}
  function stop() {{ if (timer !== null) {{ clearInterval(timer); timer = null; }} mark(false); }}
  function step() {{
    if (!loop && current === frames.length - 1) {{ stop(); return; }}
    show(current + 1);
  }}
  play.addEventListener("click", function () {{
    if (timer !== null) {{ stop(); return; }}
    if (!loop && current === frames.length - 1) show(0);
    timer = setInterval(step, interval);
    mark(true);
  }});
  document.getElementById("{uid}-prev").addEventListener("click", function () {{ stop(); show(current - 1); }});
  document.getElementById("{uid}-next").addEventListener("click", function () {{ stop(); show(current + 1); }});
  slider.addEventListener("input", function () {{ stop(); show(parseInt(slider.value, 10)); }});
}})();
</script>"""

# The play and pause glyphs, drawn (the pause sign, U+23F8, is missing from basic fonts and
# showed as an empty box); currentColor, so they follow the button's text colour.
_PLAY_ICON = ('<svg viewBox="0 0 10 10" width="0.8em" height="0.8em" aria-hidden="true" focusable="false">'
              '<path d="M2 1 9 5 2 9Z" fill="currentColor"/></svg>')
_PAUSE_ICON = ('<svg viewBox="0 0 10 10" width="0.8em" height="0.8em" aria-hidden="true" focusable="false">'
               '<path d="M2 1h2.2v8H2zM5.8 1H8v8H5.8z" fill="currentColor"/></svg>')

#: Anything that looks like a link to another host; the static player must contain none.
EXTERNAL_URL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _png_uri(image: np.ndarray) -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _script_json(values) -> str:
    # "</" would end the <script> element early
    return json.dumps(values).replace("</", "<\\/")


def _player_html(images: list[np.ndarray], labels: list[str], *, caption: str, alt: str, slider: str,
                 interval: int, loop: bool) -> str:
    uris = [_png_uri(image) for image in images]
    body = _PLAYER.format(
        uid="gcnn-player-" + uuid.uuid4().hex[:12], first=uris[0], alt=html.escape(alt, quote=True),
        last=len(uris) - 1, slider=html.escape(slider, quote=True), first_label=html.escape(labels[0]),
        frames=_script_json(uris), labels=_script_json(labels), interval=int(interval),
        loop="true" if loop else "false", play_icon=_PLAY_ICON, play_icon_js=_script_json(_PLAY_ICON),
        pause_icon_js=_script_json(_PAUSE_ICON),
    )
    page = (
        f'<figure class="gcnn-player" role="group" aria-label="{html.escape(alt, quote=True)}" '
        f'style="margin: 1em 0; text-align: center">\n{body}\n'
        f'<figcaption style="font-size: 0.9em; margin-top: 0.4em; color: inherit">{html.escape(caption)}</figcaption>\n</figure>'
    )
    page = page.encode("ascii", "xmlcharrefreplace").decode("ascii")  # right in any page encoding
    if EXTERNAL_URL.search(page):  # a caption or label with a link in it, say
        raise ValueError("static_player_html: the player must not link to other hosts; remove URLs from the "
                         "caption, alt text and slider values")
    return page


def static_player_html(draw: Draw, frames, *, caption: str, alt: str, figsize=(6.4, 3.2), dpi: int = 72,
                       interval: int = 400, loop: bool = True, images: list[np.ndarray] | None = None,
                       labels: Sequence[str] | None = None) -> str:
    """The self-contained HTML of the static player: every frame embedded, no kernel, no network.

    The player sits in ``<figure role="group" aria-label=alt>`` followed by a
    ``<figcaption>``; the frame image carries ``alt`` too.  Buttons: previous, play/pause,
    next; a frame slider; the current slider value is shown beside it.  ``interval`` is
    the time per frame in milliseconds.  ``images`` reuses frames already rendered by
    :func:`render_frames` with the same ``draw`` and ``frames``.  ``labels`` (one string per
    frame) replaces the slider values shown beside the slider.
    """
    _check_text(caption, alt)
    player = Player.make(draw, frames)
    if images is None:
        images = render_frames(draw, frames, figsize, dpi)
    if len(images) != len(player):
        raise ValueError(f"static_player_html: got {len(images)} images for {len(player)} frames")
    if labels is None:
        labels = [player.label(value) for value in player.values]
    labels = [str(label) for label in labels]
    if len(labels) != len(player):
        raise ValueError(f"static_player_html: got {len(labels)} labels for {len(player)} frames")
    slider = ", ".join(player.names) if player.names else "frame"
    return _player_html(images, labels, caption=caption, alt=alt, slider=slider, interval=interval, loop=loop)


def _check_text(caption, alt) -> None:
    for name, text in (("caption", caption), ("alt", alt)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"show_player: every player needs a {name} (a non-empty string), got {text!r}")


# -- the live player -------------------------------------------------------------------

def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi)
    return buffer.getvalue()


def _live_widget(player: Player, caption: str, alt: str, figsize, dpi: int):
    import ipywidgets as widgets

    fig = _figure(figsize, dpi)
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
    image.description = alt  # read by screen readers through the widget's label
    sliders = []
    names = player.names or ("frame",)
    for name, values in zip(names, player.axes):
        slider = widgets.IntSlider(value=0, min=0, max=len(values) - 1, description=name, readout=False,
                                   continuous_update=True)
        readout = widgets.Label(str(values[0]))
        sliders.append((slider, readout, values))

    def update(_change=None):
        value = tuple(values[slider.value] for slider, _, values in sliders)
        for slider, readout, values in sliders:
            readout.value = str(values[slider.value])
        player.render(fig, value if player.names is not None else value[0])
        image.value = _png(fig)

    for slider, _, _ in sliders:
        slider.observe(update, names="value")
    update()
    rows = [widgets.HBox([slider, readout]) for slider, readout, _ in sliders]
    note = widgets.HTML(f"<p style='font-size: 0.9em'>{html.escape(caption)}</p>")
    return widgets.VBox([*rows, image, note])


def show_player(draw: Draw, frames, *, caption: str, alt: str, figsize=(6.4, 3.2), dpi: int = 72,
                interval: int = 400, loop: bool = True, mode: str | None = None,
                images: list[np.ndarray] | None = None, labels: Sequence[str] | None = None):
    """Show a figure that changes with one or more sliders: live sliders or the static player.

    ``draw(fig, value)`` draws one frame into the cleared figure ``fig`` (a function with the
    attribute ``keeps_figure = True`` gets the figure uncleared, to update its own artists); ``frames`` is a
    number of frames (values ``0 .. n-1``), a sequence of slider values, or a dict
    ``name -> values`` for several sliders (then ``draw(fig, **values)``).  ``caption`` and
    ``alt`` (a real description of what the reader sees) are required.  ``mode`` forces
    ``"static"`` or ``"live"``; by default :func:`player_mode` decides.  ``images`` reuses
    frames already rendered by :func:`render_frames`, and ``labels`` names each frame beside
    the slider (static player only).

    Returns an object that displays itself as the last expression of a cell: an
    ``IPython.display.HTML`` (static) or an ``ipywidgets`` box (live).
    """
    _check_text(caption, alt)
    player = Player.make(draw, frames)
    if player_mode(mode) == "live":
        return _live_widget(player, caption, alt, figsize, dpi)
    from IPython.display import HTML

    return HTML(static_player_html(draw, frames, caption=caption, alt=alt, figsize=figsize, dpi=dpi,
                                   interval=interval, loop=loop, images=images, labels=labels))


class _Animated:
    """Shared machinery of the animations below.

    A subclass defines ``frames``, ``figsize``, ``_build(fig) -> artists`` (make the axes
    and artists once) and ``_update(artists, frame)`` (change their data).  Keeping the
    artists between frames makes rendering a few dozen frames fast on a laptop.
    """

    figsize: tuple = (6.4, 3.2)

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

    def frame_label(self, frame) -> str:
        """The words shown beside the static player's slider for ``frame``."""
        return str(frame)

    def render(self, dpi: int = 72) -> list[np.ndarray]:
        """Every frame as an RGB array (rendered once per ``dpi``, then reused by ``show`` and ``save_gif``)."""
        cache = self.__dict__.setdefault("_rendered", {})
        if dpi not in cache:
            cache[dpi] = render_frames(self.draw, self.frames, self.figsize, dpi)
        return cache[dpi]

    def show(self, *, caption: str, alt: str, dpi: int = 72, interval: int = 400, mode: str | None = None,
             sliders: Mapping[str, Sequence] | None = None, frame_of: Callable[..., object] | None = None):
        """:func:`show_player` on this animation: one slider over ``frames``, or several.

        For several sliders give ``sliders`` (name -> values) and ``frame_of(**values)``, which
        names the frame to draw, e.g. ``sliders={"down": range(3), "right": range(3)}`` and
        ``frame_of=lambda down, right: f"shift {(down, right)}"``.
        """
        if sliders is None:
            images = self.render(dpi) if player_mode(mode) == "static" else None
            return show_player(self.draw, self.frames, caption=caption, alt=alt, figsize=self.figsize, dpi=dpi,
                               interval=interval, mode=mode, images=images,
                               labels=[self.frame_label(frame) for frame in self.frames])
        if not callable(frame_of):
            raise TypeError("show: with sliders, give frame_of(**values) -> the frame to draw")

        def draw(fig, **values):
            self.draw(fig, frame_of(**values))

        draw.keeps_figure = True  # the animation updates its own artists; see Player.render
        return show_player(draw, sliders, caption=caption, alt=alt, figsize=self.figsize, dpi=dpi,
                           interval=interval, mode=mode)

    def save_gif(self, path, dpi: int = 72, frame_ms: int = 400) -> Path:
        """:func:`save_gif` on this animation."""
        return save_gif(self.draw, self.frames, path, figsize=self.figsize, dpi=dpi, frame_ms=frame_ms,
                        images=self.render(dpi))


def _check_image(x, name: str, what: str) -> np.ndarray:
    if not isinstance(x, np.ndarray):
        raise TypeError(f"{name}: expected the {what} as a 2D numpy array, got {type(x).__name__}")
    if x.ndim != 2:
        raise ValueError(f"{name}: expected the {what} as a 2D array [H, W], got shape {x.shape}")
    if not np.issubdtype(x.dtype, np.number) or np.issubdtype(x.dtype, np.complexfloating):
        raise TypeError(f"{name}: expected a real {what}, got dtype {x.dtype}")
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name}: the {what} contains NaN or infinite values")
    return x.astype(np.float64)


def _blank_axes(ax, title: str | None = None) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title)


# -- chapter 3: one scene, two cameras -------------------------------------------------

@dataclass
class TwoCameras(_Animated):
    """A filter scanning an image, seen from two cameras (see :func:`two_cameras`).

    Frame ``t`` puts the filter over output position ``positions[t]``.  ``values[camera][t]``
    is the output computed at frame ``t`` as that camera sees it: the ``"image"`` camera
    reads the window of the fixed image under the moving filter; the ``"filter"`` camera
    translates the whole image under the fixed filter and reads the window under it.
    """

    image: np.ndarray
    filter: np.ndarray
    padding: int
    output: np.ndarray  # correlate2d(image, filter, padding): the finished map
    positions: list[tuple[int, int]]
    values: dict[str, np.ndarray] = field(default_factory=dict)
    figsize: tuple = (4.8, 4.9)

    @property
    def frames(self) -> range:
        return range(len(self.positions))

    @property
    def padded(self) -> np.ndarray:
        p = self.padding
        return np.pad(self.image, p)

    @property
    def window(self) -> int:
        """Side of the square each camera sees: the padded image."""
        return self.padded.shape[0]

    @property
    def centre(self) -> int:
        """Where the ``"filter"`` camera keeps the filter's top-left corner (in its own pixels)."""
        return (self.window - self.filter.shape[0]) // 2

    def origin(self, t: int, camera: str) -> tuple[int, int]:
        """Camera pixel of the padded image's top-left pixel at frame ``t``.

        The image camera never moves (origin 0); the filter camera moves with the filter,
        so the image appears shifted by minus the filter's position.
        """
        if camera == "image":
            return 0, 0
        if camera == "filter":
            i, j = self.positions[t]
            return self.centre - i, self.centre - j
        raise ValueError(f"TwoCameras: expected camera 'image' or 'filter', got {camera!r}")

    def filter_at(self, t: int, camera: str) -> tuple[int, int]:
        """Camera pixel of the filter's top-left corner at frame ``t``."""
        i, j = self.positions[t]
        oy, ox = self.origin(t, camera)
        return oy + i, ox + j

    def view(self, t: int, camera: str) -> np.ndarray:
        """The padded image as ``camera`` sees it at frame ``t``: ``[window, window]``, NaN outside it."""
        canvas = np.full((self.window, self.window), np.nan)
        oy, ox = self.origin(t, camera)
        n = self.window
        rows = slice(max(oy, 0), min(oy + n, n))
        cols = slice(max(ox, 0), min(ox + n, n))
        canvas[rows, cols] = self.padded[rows.start - oy : rows.stop - oy, cols.start - ox : cols.stop - ox]
        return canvas

    def activation(self, t: int, camera: str) -> np.ndarray:
        """The output map after frame ``t``, in output coordinates, from ``camera``'s own values (NaN: not yet)."""
        out = np.full(self.output.shape, np.nan)
        for s in range(t + 1):
            out[self.positions[s]] = self.values[camera][s]
        return out

    def frame_label(self, t) -> str:
        return f"step {int(t) + 1}/{len(self.positions)}"

    def activation_view(self, t: int, camera: str) -> np.ndarray:
        """The output map after frame ``t`` as ``camera`` sees it: ``[window, window]``, NaN elsewhere.

        Output ``(a, b)`` is drawn under the filter's centre, at padded pixel ``(a + c, b + c)``
        with ``c = (k - 1) // 2``, so it moves with the image in the filter camera.
        """
        canvas = np.full((self.window, self.window), np.nan)
        oy, ox = self.origin(t, camera)
        c = (self.filter.shape[0] - 1) // 2
        activation = self.activation(t, camera)
        for a, b in zip(*np.nonzero(np.isfinite(activation))):
            u, v = oy + c + a, ox + c + b
            if 0 <= u < self.window and 0 <= v < self.window:
                canvas[u, v] = activation[a, b]
        return canvas

    def _build(self, fig: Figure) -> dict:
        n = self.window
        low, high = signed_limits(self.output)
        image_low, image_high = float(np.min(self.padded)), float(np.max(self.padded))
        axes = fig.subplots(2, 2)
        extent = (-0.5, n - 0.5, n - 0.5, -0.5)
        artists = {}
        k = self.filter.shape[0]
        rows, cols = self.output.shape
        for column, camera in enumerate(("image", "filter")):
            top, bottom = axes[0, column], axes[1, column]
            for ax in (top, bottom):
                _blank_axes(ax)
                ax.set_facecolor("#e6e6e6")  # what the camera sees beyond the scene
            artists[camera] = {
                "input": top.imshow(np.full((n, n), np.nan), cmap=IMAGE_CMAP, vmin=image_low,
                                    vmax=image_high if image_high > image_low else image_low + 1, extent=extent),
                "image_box": top.add_patch(Rectangle((0, 0), *self.image.shape[::-1], fill=False,
                                                     ec=PALETTE["sky"], lw=1, ls="--")),
                "filter_fill": top.add_patch(Rectangle((0, 0), k, k, fc=PALETTE["vermillion"], alpha=0.25,
                                                       ec="none")),
                "filter_box": top.add_patch(Rectangle((0, 0), k, k, fill=False, ec=PALETTE["vermillion"], lw=2.5)),
                "output": bottom.imshow(np.full((n, n), np.nan), cmap=SIGNED_CMAP, vmin=low, vmax=high,
                                        extent=extent),
                "output_box": bottom.add_patch(Rectangle((0, 0), cols, rows, fill=False, ec=PALETTE["sky"],
                                                         lw=1, ls="--")),
                "cell": bottom.add_patch(Rectangle((0, 0), 1, 1, fill=False, ec=PALETTE["vermillion"], lw=2.5)),
            }
            for ax in (top, bottom):
                ax.set_xlim(extent[0], extent[1])
                ax.set_ylim(extent[2], extent[3])
            top.set_title(("camera on the image" if camera == "image" else "camera on the filter")
                          + "\ninput and filter")
            bottom.set_title("output map")
        artists["title"] = fig.suptitle(" ")
        return artists

    def _update(self, artists: dict, t) -> None:
        t = int(t)
        p = self.padding
        c = (self.filter.shape[0] - 1) // 2
        for camera in ("image", "filter"):
            oy, ox = self.origin(t, camera)
            fy, fx = self.filter_at(t, camera)
            parts = artists[camera]
            parts["input"].set_data(self.view(t, camera))
            parts["output"].set_data(self.activation_view(t, camera))
            parts["image_box"].set_xy((ox + p - 0.5, oy + p - 0.5))
            parts["filter_fill"].set_xy((fx - 0.5, fy - 0.5))
            parts["filter_box"].set_xy((fx - 0.5, fy - 0.5))
            parts["output_box"].set_xy((ox + c - 0.5, oy + c - 0.5))
            parts["cell"].set_xy((fx + c - 0.5, fy + c - 0.5))
        i, j = self.positions[t]
        artists["title"].set_text(f"step {t + 1} of {len(self.positions)}: "
                                  f"output ({i}, {j}) = {self.values['image'][t]:.2f}")


def two_cameras(image, filter, padding: int | None = None, positions: Sequence[tuple[int, int]] | None = None
                ) -> TwoCameras:
    """One scene -- a filter scanning an image while the output map fills in -- from two cameras.

    ``image [H, W]`` and ``filter [k, k]`` (2D NumPy arrays), correlated with ``padding``
    zeros on each side (default ``k // 2``, so the output has the image's size) and
    stride 1: ``output[i, j] = sum_{a, b} padded[i + a, j + b] * filter[a, b]``.
    ``positions`` lists the output positions in scan order (default: every position, row
    by row).  The left camera is fixed on the image and the filter moves; the right camera
    follows the filter and the image moves under it.  Both compute every output value
    their own way, and both agree with :func:`gcnn_teach.correlate.correlate2d`.
    """
    image = _check_image(image, "two_cameras", "image")
    filter = _check_image(filter, "two_cameras", "filter")
    k = filter.shape[0]
    if filter.shape[1] != k:
        raise ValueError(f"two_cameras: expected a square filter [k, k], got shape {filter.shape}")
    if image.shape[0] != image.shape[1]:
        raise ValueError(f"two_cameras: expected a square image [N, N], got shape {image.shape}")
    padding = k // 2 if padding is None else padding
    if isinstance(padding, bool) or not isinstance(padding, (int, np.integer)) or padding < 0:
        raise ValueError(f"two_cameras: expected padding as a non-negative integer, got {padding!r}")
    if image.shape[0] + 2 * padding < k:
        raise ValueError(f"two_cameras: the {k}x{k} filter does not fit in the {image.shape} image "
                         f"with padding {padding}")
    output = correlate2d(image[None], filter[None, None], int(padding))[0]
    if positions is None:
        positions = [(i, j) for i in range(output.shape[0]) for j in range(output.shape[1])]
    positions = [tuple(int(v) for v in p) for p in positions]
    for p in positions:
        if len(p) != 2 or not (0 <= p[0] < output.shape[0] and 0 <= p[1] < output.shape[1]):
            raise ValueError(f"two_cameras: position {p} is outside the {output.shape} output map")
    if not positions:
        raise ValueError("two_cameras: expected at least one position")
    scene = TwoCameras(image, filter, int(padding), output, positions)
    padded = scene.padded
    # the image camera: the window of the fixed image under the moving filter
    fixed_image = [float(np.sum(padded[i : i + k, j : j + k] * filter)) for i, j in positions]
    # the filter camera: the whole image translated by minus the position, under the fixed filter
    fixed_filter = [float(np.sum(translate(padded, (-i, -j), mode="zero")[:k, :k] * filter)) for i, j in positions]
    scene.values = {"image": np.array(fixed_image), "filter": np.array(fixed_filter)}
    return scene


# -- chapter 4: four rotated copies, one filter ----------------------------------------

@dataclass
class RotationStack(_Animated):
    """The three-step recipe with quarter turns (see :func:`rotation_stack`).

    ``stack(s)`` is the stored stack ``[4, H', W']`` for the input rotated by ``s``:
    slot ``r`` holds ``rot_r corr(rot_{-r} x_s, psi) = corr(x_s, rot_r psi)``, the lifting
    correlation, and ``stack(s) = L_s stack(0)``: each slot rotated by ``s`` and the slots
    cycled by ``s``.
    """

    image: np.ndarray
    filter: np.ndarray
    padding: int
    figsize: tuple = (6.4, 3.9)

    @property
    def frames(self) -> list[tuple[int, int]]:
        """``(s, r)``: the input rotated by ``s``, copy ``r`` being fed to the filter."""
        return [(s, r) for s in range(4) for r in range(4)]

    def input(self, s: int) -> np.ndarray:
        """``x_s = rot_s x``: the input, rotated by ``s`` quarter turns."""
        return transform_image(self.image, s % 4, "p4")

    def copy(self, s: int, r: int) -> np.ndarray:
        """Copy ``r`` of input ``x_s``: ``rot_{-r} x_s`` (turned back by ``r`` quarter turns)."""
        return transform_image(self.input(s), (-r) % 4, "p4")

    def response(self, s: int, r: int) -> np.ndarray:
        """The fixed filter's response to copy ``r``: ``corr(rot_{-r} x_s, psi)``."""
        return correlate2d(self.copy(s, r)[None], self.filter[None, None], self.padding)[0]

    def slot(self, s: int, r: int) -> np.ndarray:
        """The response stored in slot ``r``, turned back into the input's frame: ``rot_r response``."""
        return transform_image(self.response(s, r), r % 4, "p4")

    def stack(self, s: int) -> np.ndarray:
        """All four slots ``[4, H', W']`` for input ``x_s``."""
        return np.stack([self.slot(s, r) for r in range(4)])

    def frame_label(self, frame) -> str:
        s, r = frame
        return f"input turned {s}, copy {r}"

    def _build(self, fig: Figure) -> dict:
        low, high = signed_limits(self.stack(0))
        scale = float(np.max(np.abs(self.filter))) or 1.0
        grid = fig.add_gridspec(2, 4)
        top = [fig.add_subplot(grid[0, c]) for c in range(4)]
        bottom = [fig.add_subplot(grid[1, c]) for c in range(4)]
        blank = np.full(self.slot(0, 0).shape, np.nan)
        artists = {
            "input": top[0].imshow(self.image),
            "copy": top[1].imshow(self.image),
            "response": top[3].imshow(blank, cmap=SIGNED_CMAP, vmin=low, vmax=high),
            "slots": [ax.imshow(blank, cmap=SIGNED_CMAP, vmin=low, vmax=high) for ax in bottom],
            "top": top,
            "bottom": bottom,
            "title": fig.suptitle(" "),
        }
        top[2].imshow(self.filter, cmap=SIGNED_CMAP, vmin=-scale, vmax=scale)
        _blank_axes(top[2], "the one filter")
        for ax in bottom:
            ax.set_facecolor("#e6e6e6")
        return artists

    def _update(self, artists: dict, frame) -> None:
        s, r = (int(v) for v in frame)
        top, bottom = artists["top"], artists["bottom"]
        artists["input"].set_data(self.input(s))
        _blank_axes(top[0], f"input, turned by {s}")
        artists["copy"].set_data(self.copy(s, r))
        _blank_axes(top[1], f"copy {r}: turned back by {r}")
        artists["response"].set_data(self.response(s, r))
        _blank_axes(top[3], "its response")
        for q, (ax, shown) in enumerate(zip(bottom, artists["slots"])):
            shown.set_data(self.slot(s, q) if q <= r else np.full(shown.get_array().shape, np.nan))
            # which slot of the upright input's stack this one equals, once turned by s
            _blank_axes(ax, f"slot {q}" + (f" = slot {(q - s) % 4} turned" if s else ""))
            if q == r:
                ax.spines[:].set_visible(True)
                ax.spines[:].set_color(PALETTE["vermillion"])
                ax.spines[:].set_linewidth(2.5)
        artists["title"].set_text(f"input turned by {s}: copy {r} -> filter -> turned by {r} -> slot {r}")


def rotation_stack(image, filter, padding: int | None = None) -> RotationStack:
    """Chapter 4's animation: four rotated copies of ``image [N, N]`` fed to one ``filter [k, k]``.

    Copy ``r`` is the image turned back by ``r`` quarter turns; its response to the fixed
    filter, turned forward by ``r``, is stored in slot ``r``.  The frames step through the
    input turned by ``s = 0, 1, 2, 3`` and, for each, through the four copies.  ``padding``
    defaults to ``k // 2`` (symmetric, so quarter turns map the output grid to itself).
    """
    image = _check_image(image, "rotation_stack", "image")
    filter = _check_image(filter, "rotation_stack", "filter")
    if image.shape[0] != image.shape[1] or filter.shape[0] != filter.shape[1]:
        raise ValueError(f"rotation_stack: quarter turns need a square image and filter, got shapes "
                         f"{image.shape} and {filter.shape}")
    padding = filter.shape[0] // 2 if padding is None else padding
    if isinstance(padding, bool) or not isinstance(padding, (int, np.integer)) or padding < 0:
        raise ValueError(f"rotation_stack: expected padding as a non-negative integer, got {padding!r}")
    if image.shape[0] + 2 * padding < filter.shape[0]:
        raise ValueError("rotation_stack: the filter does not fit in the padded image")
    return RotationStack(image, filter, int(padding))


# -- any map, any transformations: both sides of the equation ---------------------------

@dataclass
class EquivarianceViews(_Animated):
    """``x``, ``T x``, ``f(T x)`` and ``T' f(x)`` for each transformation (see :func:`equivariance_views`)."""

    f: Callable
    x: np.ndarray
    transforms_in: dict
    transforms_out: dict
    titles: tuple[str, str, str, str] = ("input x", "T x", "f(T x)", "T f(x)")
    figsize: tuple = (6.4, 2.2)

    @property
    def frames(self) -> list[str]:
        return list(self.transforms_in)

    def sides(self, label: str) -> tuple[np.ndarray, np.ndarray]:
        """``(f(T x), T' f(x))`` for the transformation ``label``, as 2D arrays."""
        left = _as_2d(self.f(self.transforms_in[label](self.x)))
        right = _as_2d(self.transforms_out[label](self.f(self.x)))
        return left, right

    def _build(self, fig: Figure) -> dict:
        sides = [side for label in self.frames for side in self.sides(label)]
        low, high = signed_limits(*sides)
        axes = fig.subplots(1, 4)
        image = _as_2d(self.x)
        artists = {
            "input": axes[1].imshow(image),
            "left": axes[2].imshow(sides[0], cmap=SIGNED_CMAP, vmin=low, vmax=high),
            "right": axes[3].imshow(sides[1], cmap=SIGNED_CMAP, vmin=low, vmax=high),
            "title": fig.suptitle(" "),
        }
        axes[0].imshow(image)
        for ax, title in zip(axes, self.titles):
            _blank_axes(ax, title)
        return artists

    def _update(self, artists: dict, label) -> None:
        left, right = self.sides(label)
        artists["input"].set_data(_as_2d(self.transforms_in[label](self.x)))
        artists["left"].set_data(left)
        artists["right"].set_data(right)
        error = float(np.max(np.abs(left - right)))
        artists["title"].set_text(f"{label}: max |f(T x) - T f(x)| = {error:.2g}")


def _as_2d(y) -> np.ndarray:
    from ..equivariance import to_numpy

    y = np.squeeze(to_numpy(y))
    if y.ndim != 2:
        raise ValueError(f"equivariance_views: expected images that squeeze to 2D, got shape {y.shape}")
    return y


def equivariance_views(f: Callable, x, transforms_in: Mapping[str, Callable],
                       transforms_out: Mapping[str, Callable] | None = None) -> EquivarianceViews:
    """Both sides of ``f(T x) = T' f(x)``, one frame per transformation ``label -> T``.

    ``f`` maps an image to an image (NumPy or torch; singleton axes are squeezed for
    display); ``transforms_out`` defaults to the same transformations.  The slider picks
    the transformation, e.g. ``translation_transforms(shifts)`` from
    :mod:`gcnn_teach.equivariance`.
    """
    if not callable(f):
        raise TypeError(f"equivariance_views: expected a callable f, got {type(f).__name__}")
    if not isinstance(transforms_in, Mapping) or not transforms_in:
        raise TypeError("equivariance_views: expected transforms_in as a non-empty dict label -> callable")
    transforms_out = dict(transforms_in if transforms_out is None else transforms_out)
    if set(transforms_out) != set(transforms_in):
        raise ValueError("equivariance_views: transforms_out needs the same labels as transforms_in")
    return EquivarianceViews(f, x, dict(transforms_in), transforms_out)

