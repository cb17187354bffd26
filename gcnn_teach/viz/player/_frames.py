"""Frames of a player: the slider positions, each drawn into a matplotlib figure, and GIFs of them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: A static player with more frames than this is refused: the page would get heavy.
MAX_FRAMES = 120

Draw = Callable[..., None]


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
        if not getattr(self.draw, "keeps_figure", False):  # bound methods read their function's attributes
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
