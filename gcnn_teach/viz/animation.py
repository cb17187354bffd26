"""The chapters' animations, each shown with the book's player (:mod:`gcnn_teach.viz.player`).

* :func:`two_cameras` (chapter 3): one scene, a filter scanning an image, rendered from
  two cameras side by side -- one fixed on the image (the filter moves), one following
  the filter (the image moves) -- while the output map fills in.
* :func:`rotation_stack` (chapter 4): the four rotated copies of an image fed to one
  filter, each response stored; rotating the input rotates and cycles the stored stack.
* :func:`equivariance_views`: any map ``f`` and a family of transformations; the reader
  moves the input and watches ``f(T x)`` and ``T f(x)`` side by side.

Each returns an object with ``.draw(fig, frame)``, ``.frames``, ``.show(caption=, alt=)``
and ``.save_gif(path)`` (from :class:`gcnn_teach.viz.player.Animated`), and exposes the
numbers it draws so tests can check them.  The player itself (``show_player`` and the
rest) is re-exported here for code written against the older single module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..actions import transform_image, translate
from ..correlate import correlate2d
from .player import (STATIC_ENV, Animated, Player, player_mode, render_frames, save_gif, show_player,  # noqa: F401
                     static_player_html)
from .style import IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits

# (the player's names imported above stay importable from here; they are documented in .player)
__all__ = ["TwoCameras", "two_cameras", "RotationStack", "rotation_stack", "EquivarianceViews", "equivariance_views"]



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
class TwoCameras(Animated):
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
    slider: str = "filter position, scan step"

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
class RotationStack(Animated):
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
    slider: str = "input turn s and copy r, quarter turns"

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
class EquivarianceViews(Animated):
    """``x``, ``T x``, ``f(T x)`` and ``T' f(x)`` for each transformation (see :func:`equivariance_views`)."""

    f: Callable
    x: np.ndarray
    transforms_in: dict
    transforms_out: dict
    titles: tuple[str, str, str, str] = ("input x", "T x", "f(T x)", "T f(x)")
    figsize: tuple = (6.4, 2.2)
    slider: str = "transformation T"

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

