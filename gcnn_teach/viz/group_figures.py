"""Figures of Part II: groups, their actions, and the lifting and group correlations.

Every function returns a :class:`matplotlib.figure.Figure` drawn in the book's style
(:mod:`gcnn_teach.viz.style`) and only *reads*: the numbers it shows come from
:mod:`gcnn_teach.groups`, :mod:`gcnn_teach.actions` and :mod:`gcnn_teach.correlate`.

* :func:`cayley_table_figure` -- the multiplication table of ``C4`` or ``D4``, cells
  coloured by element, optionally with cells outlined (e.g. ``ab`` and ``ba``).
* :func:`permutation_table_figure` -- ``g^-1 h``: which map of a signal lands at ``h``
  under ``L_g``, i.e. how the group axis is permuted.
* :func:`images_figure` -- a row (or grid) of images with titles.
* :func:`matrix_action_figure` -- one pixel ``p`` and where the paper's matrix sends it.
* :func:`group_function_figure` -- functions on ``C4`` / ``D4`` as bar charts.
* :func:`signal_figure` -- a signal on p4 / p4m, one map per stabiliser element.
* :func:`lifting_output_figure` -- the lifting correlation: ``T_g psi`` and ``[f * psi](g)``.
* :func:`lifting_equivariance_figure` -- rotated inputs and their rotated-and-cycled outputs.
* :func:`filter_transform_figure` -- ``L_g psi`` for a filter on the group, every ``g``.
* :func:`p4_ring_figure` -- a signal on p4 as a ring of four maps (as in GrouPy's figure).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from ..actions import signal_permutation, transform_image, transform_signal
from ..correlate import lifting_correlation
from ..groups import FiniteGroup, act_on_coordinates, image_matrix, pixel_coordinates, stabiliser
from .style import COLORS, IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits

__all__ = [
    "cayley_table_figure",
    "permutation_table_figure",
    "images_figure",
    "matrix_action_figure",
    "group_function_figure",
    "signal_figure",
    "lifting_output_figure",
    "lifting_equivariance_figure",
    "filter_transform_figure",
    "p4_ring_figure",
    "draw_p4_ring",
]

_PANEL = 1.45  # inches per image panel


# -- small shared pieces ---------------------------------------------------------------

def _group(group) -> FiniteGroup:
    """``"p4"``/``"p4m"`` or ``C4``/``D4`` -> the stabiliser; anything else raises."""
    return stabiliser(group)


def _group_name(group) -> str:
    """The name the actions expect (``"p4"`` or ``"p4m"``) for a group given either way."""
    return "p4" if _group(group).order == 4 else "p4m"


def _as_2d(array, name: str) -> np.ndarray:
    array = np.asarray(array, dtype=float)
    if array.ndim != 2:
        raise ValueError(f"{name}: expected a 2-dimensional array [H, W], got shape {array.shape}")
    return array


def _signal(array, H: FiniteGroup, name: str) -> np.ndarray:
    array = np.asarray(array, dtype=float)
    if array.ndim != 3 or array.shape[0] != H.order or array.shape[1] != array.shape[2]:
        raise ValueError(
            f"{name}: expected a signal on the group [|H| = {H.order}, N, N], got shape {array.shape}"
        )
    return array


def _grid(count: int, titles, ncols, name: str, what: str) -> tuple[int, int]:
    """Rows and columns for ``count`` panels, ``ncols`` per row (default: one row); checks ``titles``."""
    if titles is not None and len(titles) != count:
        raise ValueError(f"{name}: got {count} {what} but {len(titles)} titles")
    ncols = count if ncols is None else int(ncols)
    if ncols < 1:
        raise ValueError(f"{name}: expected ncols >= 1, got {ncols}")
    return -(-count // ncols), ncols


def _text_colour(hex_colour: str) -> str:
    """Black or white, whichever reads better on ``hex_colour``."""
    r, g, b = to_rgb(hex_colour)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "white"


def _show(ax, image, signed: bool, limits=None, title: str | None = None) -> None:
    """Draw one image panel without ticks; signed values use the diverging map centred on 0."""
    if signed:
        vmin, vmax = limits if limits is not None else signed_limits(image)
        ax.imshow(image, cmap=SIGNED_CMAP, vmin=vmin, vmax=vmax)
    else:
        vmin, vmax = limits if limits is not None else (None, None)
        ax.imshow(image, cmap=IMAGE_CMAP, vmin=vmin, vmax=vmax)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("0.6")
    if title is not None:
        ax.set_title(title)


def _element_table(table: np.ndarray, H: FiniteGroup, row_label: str, col_label: str,
                   title: str, highlight=()) -> Figure:
    n = H.order
    size = 0.52 * n + 1.2
    fig, ax = plt.subplots(figsize=(size, size))
    colours = np.array([to_rgb(COLORS[e % len(COLORS)]) for e in table.ravel()]).reshape(n, n, 3)
    ax.imshow(colours)
    for a in range(n):
        for b in range(n):
            e = int(table[a, b])
            ax.text(b, a, H.label(e), ha="center", va="center", fontsize=9,
                    color=_text_colour(COLORS[e % len(COLORS)]))
    labels = [H.label(g) for g in H.elements]
    ax.set_xticks(range(n), labels, rotation=90 if n > 4 else 0)
    ax.set_yticks(range(n), labels)
    ax.xaxis.set_ticks_position("top")
    ax.xaxis.set_label_position("top")
    ax.tick_params(length=0)
    ax.set_xlabel(col_label)
    ax.set_ylabel(row_label)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for a, b in highlight:
        ax.add_patch(Rectangle((b - 0.5, a - 0.5), 1, 1, fill=False, lw=3, ec=PALETTE["black"]))
        ax.add_patch(Rectangle((b - 0.5, a - 0.5), 1, 1, fill=False, lw=1.2, ec="white", ls="--"))
    ax.set_title(title)
    return fig


# -- groups ------------------------------------------------------------------------------

def cayley_table_figure(group, highlight=(), title: str | None = None) -> Figure:
    """The Cayley table ``table[a, b] = ab`` of ``C4`` or ``D4`` as a coloured grid.

    Rows are the left factor ``a``, columns the right factor ``b`` (first apply ``b``,
    then ``a``).  Each cell shows the product's label and the element's colour, so a
    group's structure is visible as a pattern.  ``highlight`` is a list of element pairs
    ``(a, b)`` (indices or, for D4, ``(m, r)`` pairs) whose cells are outlined.
    """
    H = _group(group)
    cells = [(H.index(a), H.index(b)) for a, b in highlight]
    return _element_table(np.asarray(H.cayley_table), H, "left factor $a$", "right factor $b$",
                          title or f"Cayley table of ${H.name[0]}_{H.name[1:]}$: entry $ab$", cells)


def permutation_table_figure(group, title: str | None = None) -> Figure:
    """``table[g, h] = g^-1 h``: under ``L_g`` the map at ``h`` comes from the map at ``g^-1 h``.

    Row ``g`` is the permutation of the group axis that the left regular action applies
    (:func:`gcnn_teach.actions.signal_permutation`).
    """
    H = _group(group)
    name = _group_name(group)
    table = np.stack([signal_permutation(g, name) for g in H.elements])
    return _element_table(table, H, "acting element $g$", "position $h$ on the group axis",
                          title or "$(L_g f)(h)$ reads $f$ at $g^{-1}h$", ())


# -- images and the paper's matrices -----------------------------------------------------

def images_figure(images, titles=None, signed: bool = False, ncols: int | None = None,
                  shared_limits: bool = True, suptitle: str | None = None) -> Figure:
    """A grid of 2D images ``[H, W]`` with optional titles (one panel per image).

    ``signed=True`` uses the diverging colour map centred on zero; with
    ``shared_limits`` all panels share one colour scale, so equal images look equal.
    """
    images = [_as_2d(image, "images_figure") for image in images]
    if not images:
        raise ValueError("images_figure: expected at least one image")
    nrows, ncols = _grid(len(images), titles, ncols, "images_figure", "images")
    fig, axes = plt.subplots(nrows, ncols, figsize=(_PANEL * ncols, _PANEL * nrows + 0.35),
                             squeeze=False)
    if shared_limits:
        limits = signed_limits(*images) if signed else (min(i.min() for i in images),
                                                        max(i.max() for i in images))
    else:
        limits = None
    for k, ax in enumerate(axes.ravel()):
        if k < len(images):
            _show(ax, images[k], signed, limits, None if titles is None else titles[k])
        else:
            ax.set_axis_off()
    if suptitle:
        fig.suptitle(suptitle)
    return fig


def matrix_action_figure(image, group, element, pixel: tuple[int, int]) -> Figure:
    """One pixel ``p`` of ``image`` and where the paper's matrix sends it under ``element``.

    Left: ``f`` with pixel ``p = (row, col)`` marked and its coordinates ``(x, y)`` (x to
    the right, y up).  Right: ``T_g f`` (:func:`~gcnn_teach.actions.transform_image`)
    with ``g p`` marked, where ``g`` is :func:`~gcnn_teach.groups.image_matrix`.
    """
    image = _as_2d(image, "matrix_action_figure")
    H = _group(group)
    name = _group_name(group)
    size = image.shape[0]
    row, col = pixel
    if not (0 <= row < size and 0 <= col < image.shape[1]):
        raise ValueError(f"matrix_action_figure: pixel {pixel} is outside the {image.shape} image")
    matrix = image_matrix(name, element, size)
    p = pixel_coordinates(size)[:, row, col]
    q = act_on_coordinates(matrix, p)
    moved = transform_image(image, element, name)
    fig, axes = plt.subplots(1, 2, figsize=(2 * _PANEL + 1.2, _PANEL + 0.6))
    limits = (image.min(), image.max())
    for ax, img, point, title in (
        (axes[0], image, p, "$f$"),
        (axes[1], moved, q, f"$T_g f$,  $g$ = {H.label(element)}"),
    ):
        _show(ax, img, False, limits, title)
        r, c = -int(point[1]), int(point[0])
        ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, lw=2.5, ec=PALETTE["vermillion"]))
        ax.set_xlabel(f"$(x, y) = ({int(point[0])}, {int(point[1])})$")
    return fig


# -- functions on a group and signals on p4 / p4m ---------------------------------------

def group_function_figure(functions, group, titles=None, ncols: int | None = None) -> Figure:
    """Functions ``f : H -> R`` (vectors of length ``|H|``) drawn as bar charts, one panel each.

    Each bar has the colour of its element, as in :func:`cayley_table_figure`; all panels
    share one vertical scale.  ``ncols`` panels per row (default: all in one row).
    """
    H = _group(group)
    functions = [np.asarray(f, dtype=float) for f in functions]
    if not functions:
        raise ValueError("group_function_figure: expected at least one function")
    for f in functions:
        if f.shape != (H.order,):
            raise ValueError(
                f"group_function_figure: a function on {H.name} has {H.order} values, got shape {f.shape}"
            )
    nrows, ncols = _grid(len(functions), titles, ncols, "group_function_figure", "functions")
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * (0.3 * H.order + 0.9), 2.3 * nrows),
                             sharey=True, squeeze=False)
    labels = [H.label(g) for g in H.elements]
    colours = [COLORS[g % len(COLORS)] for g in H.elements]
    for k, ax in enumerate(axes.ravel()):
        if k >= len(functions):
            ax.set_axis_off()
            continue
        ax.bar(range(H.order), functions[k], color=colours, edgecolor="0.3", linewidth=0.5)
        ax.set_xticks(range(H.order), labels, rotation=90)
        ax.axhline(0, color="0.3", lw=0.8)
        if titles is not None:
            ax.set_title(titles[k])
    return fig


def signal_figure(signal, group, title: str | None = None, signed: bool = True) -> Figure:
    """A signal on p4 or p4m for one channel, ``[|H|, N, N]``: one map per stabiliser element.

    p4 gives one row of four maps; p4m two rows (top: rotations ``r``, bottom: ``m r``).
    """
    H = _group(group)
    signal = _signal(signal, H, "signal_figure")
    rows = H.order // 4
    fig, axes = plt.subplots(rows, 4, figsize=(4 * _PANEL, rows * _PANEL + 0.45), squeeze=False)
    limits = signed_limits(signal) if signed else (signal.min(), signal.max())
    for g, ax in zip(H.elements, axes.ravel()):
        _show(ax, signal[g], signed, limits, H.label(g))
    if title:
        fig.suptitle(title)
    return fig


# -- the lifting correlation ---------------------------------------------------------------

def _lifting_maps(image, filt, name, padding):
    return lifting_correlation(image[None], filt[None, None], name, padding=padding)[0]


def lifting_output_figure(image, filter, group, padding: int = 0) -> Figure:
    """What the lifting correlation computes, one column per stabiliser element ``g``.

    Left: the input image ``f``.  Top row: the filter transformed, ``T_g psi``.  Bottom
    row: ``[f * psi](g) = corr(f, T_g psi)``, one map per element.  ``image`` is
    ``[N, N]``, ``filter`` ``[k, k]``.
    """
    image = _as_2d(image, "lifting_output_figure (image)")
    filt = _as_2d(filter, "lifting_output_figure (filter)")
    H = _group(group)
    name = _group_name(group)
    maps = _lifting_maps(image, filt, name, padding)
    n = H.order
    fig = plt.figure(figsize=(_PANEL * (n + 1.6), 2 * _PANEL + 0.5))
    grid = fig.add_gridspec(2, n + 1, width_ratios=[1.6] + [1] * n)
    _show(fig.add_subplot(grid[:, 0]), image, False, None, "input $f$")
    filter_limits = signed_limits(filt)
    map_limits = signed_limits(maps)
    for g in H.elements:
        label = H.label(g)
        _show(fig.add_subplot(grid[0, g + 1]), transform_image(filt, g, name), True, filter_limits,
              f"$T_g\\psi$, $g$={label}")
        _show(fig.add_subplot(grid[1, g + 1]), maps[g], True, map_limits, f"$[f\\star\\psi]$({label})")
    return fig


def lifting_equivariance_figure(image, filter, group, elements=None, padding: int = 0) -> Figure:
    """Rotated inputs and the lifting correlation's outputs: rotate every map *and* cycle the axis.

    One row per element ``r`` of ``elements`` (default: all of the stabiliser): the input
    ``T_r f``, then the output maps ``[T_r f * psi](s)`` for every ``s``, each titled
    with the map of the unrotated output it came from, ``s`` <- ``r^-1 s``.
    """
    image = _as_2d(image, "lifting_equivariance_figure (image)")
    filt = _as_2d(filter, "lifting_equivariance_figure (filter)")
    H = _group(group)
    name = _group_name(group)
    elements = list(H.elements if elements is None else elements)
    if not elements:
        raise ValueError("lifting_equivariance_figure: expected at least one element")
    indices = [H.index(r) for r in elements]
    n = H.order
    outputs = [_lifting_maps(transform_image(image, r, name), filt, name, padding) for r in indices]
    map_limits = signed_limits(*outputs)
    fig, axes = plt.subplots(len(indices), n + 1, squeeze=False,
                             figsize=(_PANEL * (n + 1), _PANEL * len(indices) + 0.3),
                             gridspec_kw={"width_ratios": [1.25] + [1] * n})
    for row, (r, maps) in zip(axes, zip(indices, outputs)):
        _show(row[0], transform_image(image, r, name), False, (image.min(), image.max()),
              f"input $T_g f$, $g$={H.label(r)}")
        source = signal_permutation(r, name)
        for s in H.elements:
            _show(row[s + 1], maps[s], True, map_limits,
                  f"{H.label(s)} \N{LEFTWARDS ARROW} {H.label(int(source[s]))}")
    return fig


# -- the group correlation -------------------------------------------------------------------

def filter_transform_figure(filter, group) -> Figure:
    """``L_g psi`` for a one-channel filter on the group ``psi`` ``[|H|, k, k]``, every ``g``.

    Row ``g`` shows the ``|H|`` maps of ``L_g psi``; column ``h`` is the position on the
    group axis.  Each map is ``T_g`` of the map of ``psi`` at ``g^-1 h`` (named in its
    title): every map is rotated (and mirrored) *and* the group axis is permuted.
    """
    H = _group(group)
    name = _group_name(group)
    filt = _signal(filter, H, "filter_transform_figure")
    n = H.order
    limits = signed_limits(filt)
    panel = _PANEL if n == 4 else 1.05
    width, height = panel * n + 0.9, panel * n + 0.3
    # a fixed grid: constrained layout is slow with 64 panels and gains nothing here
    fig, axes = plt.subplots(n, n, figsize=(width, height), squeeze=False, layout="none")
    fig.subplots_adjust(left=0.9 / width, right=0.99, bottom=0.45 / height, top=1 - 0.25 / height,
                        wspace=0.15, hspace=0.35)
    for g in H.elements:
        moved = transform_signal(filt, g, name)
        source = signal_permutation(g, name)
        for h in H.elements:
            ax = axes[g, h]
            _show(ax, moved[h], True, limits, f"from {H.label(int(source[h]))}")
            ax.title.set_fontsize(8)
            if h == 0:
                ax.set_ylabel(f"$L_g\\psi$\n$g$={H.label(g)}")
            if g == n - 1:
                ax.set_xlabel(f"$h$={H.label(h)}")
    return fig


# -- a p4 feature map as a ring (as in GrouPy's figure) -------------------------------------

def p4_ring_figure(signal, image=None, title: str | None = None, limits=None) -> Figure:
    """A signal on p4 ``[4, N, N]`` drawn as a ring: map ``r`` sits at ``90 r`` degrees.

    Map ``r0`` is on top, and ``r1``, ``r2``, ``r3`` follow counter-clockwise, joined by
    arrows (a quarter turn takes each to the next).  With this layout the action ``L_r``
    (rotate every map by ``r`` and cycle the axis by ``r``) is a rigid rotation of the
    whole ring by ``90 r`` degrees.  ``image`` (optional, ``[N, N]``) is drawn on the left
    as the input; ``limits`` fixes the colour scale (to compare several frames).
    """
    fig = plt.figure(figsize=(6.6 if image is not None else 4.6, 4.2))
    draw_p4_ring(fig, signal, image, title, limits)
    return fig


def draw_p4_ring(fig: Figure, signal, image=None, title: str | None = None, limits=None) -> None:
    """Draw :func:`p4_ring_figure` into an existing (empty) figure ``fig``, e.g. a player's frame."""
    signal = _signal(signal, _group("p4"), "p4_ring_figure")
    if image is not None:
        image = _as_2d(image, "p4_ring_figure (image)")
    limits = signed_limits(signal) if limits is None else limits
    fig.set_layout_engine("none")  # the panels are placed by hand on a circle
    width, height = fig.get_size_inches()
    side = 0.0 if image is None else 0.3 * width  # inches for the input on the left
    if image is not None:
        edge = min(0.8 * side, 0.45 * height)
        _show(fig.add_axes(((side - edge) / 2 / width, 0.47 - edge / 2 / height, edge / width, edge / height)),
              image, False, None, "input")
    cx, cy = (side + (width - side) / 2) / width, 0.47  # centre of the ring, in figure fractions
    radius, panel = 0.31 * height, 0.25 * height  # inches
    for r in range(4):
        angle = np.pi / 2 * (1 + r)
        x0 = cx + (radius * np.cos(angle) - panel / 2) / width
        y0 = cy + (radius * np.sin(angle) - panel / 2) / height
        ax = fig.add_axes((x0, y0, panel / width, panel / height))
        _show(ax, signal[r], True, limits, None)
        ax.set_xlabel(f"r{r}", labelpad=2)
        # an arrow through the gap towards the next map, counter-clockwise
        ends = [(cx + 0.95 * radius * np.cos(a) / width, cy + 0.95 * radius * np.sin(a) / height)
                for a in (angle + 0.5, angle + np.pi / 2 - 0.5)]
        fig.add_artist(FancyArrowPatch(*ends, transform=fig.transFigure, connectionstyle="arc3,rad=0.3",
                                       arrowstyle="-|>", mutation_scale=12, color=PALETTE["vermillion"],
                                       lw=1.4))
    fig.text(cx, cy, "$C_4$", ha="center", va="center", fontsize=12, color="0.3")
    if title:
        fig.suptitle(title)
