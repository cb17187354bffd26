"""The equivariance diagram: both ways round the square ``f(sigma x)`` vs ``sigma' f(x)``, drawn from real data.

::

             sigma                 f
        x  ------->  sigma x  ------->  f(sigma x)   \\
        |                                             >  difference  f(sigma x) - sigma' f(x)
        |    f                 sigma'                /
        +-------->   f(x)     ------->  sigma' f(x)

The top row transforms first and then applies the map; the bottom row applies the map and
then transforms its output.  ``f`` is equivariant when the two rows end in the same
picture, i.e. when the last panel is zero.  The numbers in the last panel's title are
those of :func:`gcnn_teach.equivariance.compare_outputs` (the rule of
:func:`~gcnn_teach.equivariance.equivariance_error`), so the figure and the book's
assertions measure the same thing.

The same function draws maps whose inputs and outputs are not single images: a *display
helper* turns an input or output into the 2D maps to show (:func:`as_maps` by default,
which shows every channel; for a signal on p4 ``[C, 4, N, N]`` that is one map per
rotation).  Pass ``display_out`` to choose, e.g. ``lambda y: {f"r={r}": y[0, r] for r in
range(4)}`` labels each map.

It can draw into a figure it is given (``fig=``), so a slider can redraw it for every
position (:func:`gcnn_teach.viz.animation.show_player`).

:func:`verdict_table` lays out many checks at once: one row per map and family of
transformations, with the claim, the worst relative error and the measured verdict.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from ..equivariance import EquivarianceReport, Measurement, _call, compare_outputs, to_numpy
from .style import IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits

__all__ = ["as_maps", "DiagramPanels", "diagram_panels", "equivariance_diagram", "VerdictRow", "VerdictTable", "verdict_table"]

#: More maps than this per panel would make an unreadable figure; choose some with ``display_*``.
MAX_MAPS = 8
_MAP = 1.15  # inches per displayed map
_ARROW = 0.55  # inches per arrow column


def as_maps(y) -> dict[str, np.ndarray]:
    """The default display helper: every 2D map of an array or tensor, keyed by its index.

    Leading axes of length one (batch, a single channel) are dropped; an image ``[H, W]``
    is one map ``{"": y}``, and ``[..., H, W]`` is one map per index of the leading axes
    (``"0"``, ``"1"``, ... or ``"0,2"`` for two leading axes).
    """
    array = to_numpy(y)
    if array.ndim < 2:
        raise ValueError(f"as_maps: expected an array [..., H, W] with at least two axes, got shape {array.shape}")
    lead = tuple(n for n in array.shape[:-2] if n != 1)
    array = array.reshape(lead + array.shape[-2:])
    if not lead:
        return {"": array}
    count = int(np.prod(lead))
    if count > MAX_MAPS:
        raise ValueError(
            f"as_maps: {count} maps of shape {array.shape[-2:]} (array shape {tuple(to_numpy(y).shape)}) are too "
            f"many for one panel (at most {MAX_MAPS}); pass display_in= or display_out= to pick some"
        )
    return {",".join(map(str, index)): array[index] for index in np.ndindex(*lead)}


def _maps(display: Callable, y, what: str) -> dict[str, np.ndarray]:
    """Apply a display helper and normalise what it returns to ``{label: 2D float array}``."""
    shown = display(y)
    if isinstance(shown, Mapping):
        items = list(shown.items())
    elif isinstance(shown, (list, tuple)):
        items = [(str(k), m) for k, m in enumerate(shown)]
    else:
        array = to_numpy(shown)
        items = [("", array)] if array.ndim == 2 else [(str(k), m) for k, m in enumerate(array)]
    if not items:
        raise ValueError(f"equivariance_diagram: the display helper returned no maps for {what}")
    if len(items) > MAX_MAPS:
        raise ValueError(f"equivariance_diagram: {len(items)} maps for {what}, at most {MAX_MAPS} fit in a panel")
    maps = {}
    for label, m in items:
        m = to_numpy(m)
        if m.ndim != 2:
            raise ValueError(f"equivariance_diagram: the display helper must give 2D maps; for {what} it gave shape {m.shape}")
        maps[str(label)] = m
    return maps


@dataclass(frozen=True)
class DiagramPanels:
    """What the diagram shows: each panel as ``{label: 2D map}``, and the measurement.

    ``x``, ``tx`` (``sigma x``), ``ftx`` (``f(sigma x)``), ``fx`` (``f(x)``), ``tfx``
    (``sigma' f(x)``) and ``difference`` (``f(sigma x) - sigma' f(x)``, map by map).
    """

    x: dict
    tx: dict
    ftx: dict
    fx: dict
    tfx: dict
    difference: dict
    measurement: Measurement


def diagram_panels(f: Callable, x, transform_in: Callable, transform_out: Callable | None = None,
                   display_in: Callable = as_maps, display_out: Callable = as_maps) -> DiagramPanels:
    """Compute every panel of :func:`equivariance_diagram` (no drawing)."""
    if not callable(f):
        raise TypeError(f"equivariance_diagram: expected a callable f, got {type(f).__name__}")
    if not callable(transform_in) or not (transform_out is None or callable(transform_out)):
        raise TypeError("equivariance_diagram: transform_in (and transform_out, if given) must be callables")
    transform_out = transform_in if transform_out is None else transform_out
    tx = transform_in(x)
    fx = _call(f, x)
    ftx, tfx = _call(f, tx), transform_out(fx)  # f runs twice: on x and on sigma x
    measurement = compare_outputs(ftx, tfx, label="diagram")
    panels = {
        "x": _maps(display_in, x, "x"),
        "tx": _maps(display_in, tx, "the transformed input"),
        "ftx": _maps(display_out, ftx, "f(transformed input)"),
        "fx": _maps(display_out, fx, "f(x)"),
        "tfx": _maps(display_out, tfx, "the transformed output"),
    }
    if list(panels["ftx"]) != list(panels["tfx"]):
        raise ValueError("equivariance_diagram: f(sigma x) and sigma' f(x) give different maps to display")
    for label in panels["ftx"]:
        if panels["ftx"][label].shape != panels["tfx"][label].shape:
            raise ValueError(
                f"equivariance_diagram: map {label!r} of f(sigma x) has shape {panels['ftx'][label].shape} but "
                f"that of sigma' f(x) has shape {panels['tfx'][label].shape}"
            )
    difference = {label: panels["ftx"][label] - panels["tfx"][label] for label in panels["ftx"]}
    return DiagramPanels(difference=difference, measurement=measurement, **panels)


def _limits(maps: list[np.ndarray]) -> tuple[str, float, float]:
    """Colour map and limits shared by a group of panels: cividis from 0 if non-negative, else signed."""
    low = min(float(m.min()) for m in maps)
    _, high = signed_limits(*maps)
    return (IMAGE_CMAP, 0.0, high) if low >= 0 else (SIGNED_CMAP, -high, high)


def _grid_shape(count: int) -> tuple[int, int]:
    """Rows and columns for ``count`` maps: one row up to 3, then two rows (4 -> 2x2, 8 -> 2x4)."""
    if count <= 3:
        return 1, count
    return 2, -(-count // 2)


def _panel(fig, spec, maps: dict, title: str, style: tuple[str, float, float], name: str,
           units: tuple[int, int]) -> list:
    """A sub-figure titled ``title`` holding the maps in a grid; each axes is labelled ``name[label]``.

    ``units`` is the room the panel has, in maps (rows, columns): a panel of fewer maps is
    centred in it with empty margins, so that every map of the diagram is drawn at one size.
    """
    sub = fig.add_subfigure(spec)
    sub.suptitle(title, fontsize=10)
    rows, cols = _grid_shape(len(maps))

    def ratios(n, room):
        margin = [(room - n) / 2] if room > n else []
        return margin + [1.0] * n + margin, len(margin)

    heights, top = ratios(rows, units[0])
    widths, left = ratios(cols, units[1])
    grid = sub.add_gridspec(len(heights), len(widths), height_ratios=heights, width_ratios=widths)
    cmap, vmin, vmax = style
    axes = []
    for k, (label, m) in enumerate(maps.items()):
        i, j = divmod(k, cols)
        ax = sub.add_subplot(grid[top + i, left + j])
        ax.imshow(m, cmap=cmap, vmin=vmin, vmax=vmax)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():  # a thin frame, so that an all-neutral panel is still seen
            spine.set_visible(True)
            spine.set_linewidth(0.5)
            spine.set_color("0.6")
        ax.set_label(f"{name}[{label}]" if label else name)
        if label:
            ax.set_title(label, fontsize=8, pad=2)
        axes.append(ax)
    return axes


def _arrow(ax, start, end, text, colour, text_offset=(0.0, 0.06)) -> None:
    ax.annotate("", xy=end, xytext=start, xycoords="axes fraction",
                arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.4, shrinkA=0, shrinkB=0))
    middle = ((start[0] + end[0]) / 2 + text_offset[0], (start[1] + end[1]) / 2 + text_offset[1])
    ax.text(*middle, text, transform=ax.transAxes, ha="center", va="bottom", fontsize=11, color=colour)


def _arrow_column(fig, spec) -> plt.Axes:
    ax = fig.add_subplot(spec)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_label("arrows")
    return ax


def equivariance_diagram(f: Callable, x, transform_in: Callable, transform_out: Callable | None = None, *,
                         display_in: Callable = as_maps, display_out: Callable = as_maps,
                         symbol_in: str = r"\sigma", symbol_out: str | None = None, name: str = "f",
                         title: str | None = None, fig: Figure | None = None) -> Figure:
    """Draw ``x``, ``sigma x``, ``f(sigma x)``, ``f(x)``, ``sigma' f(x)`` and their difference.

    ``f`` is any map (NumPy or torch, image -> image, image -> signal, ...); ``transform_in``
    is :math:`\\sigma` acting on inputs and ``transform_out`` is :math:`\\sigma'` acting on
    outputs (``None``: the same callable).  ``display_in`` / ``display_out`` turn an input
    / output into the 2D maps to show (a 2D array, a list or ``[n, H, W]`` array of maps, or
    a dict ``label -> map``; default :func:`as_maps`).  ``symbol_in`` / ``symbol_out`` are
    the LaTeX names of the two operators (``symbol_out`` defaults to ``symbol_in`` when the
    two transformations are the same, and to ``symbol_in + "'"`` otherwise) and ``name`` the
    map's name.

    Inputs share one colour scale, and so do all outputs *and the difference*: a
    difference too small to matter is drawn in the neutral middle colour.  The title of the
    last panel gives the largest absolute and relative difference, as measured by
    :func:`gcnn_teach.equivariance.compare_outputs`; ``f`` runs twice (on ``x`` and on
    ``sigma x``).  Every image axes gets a label
    (``ax.get_label()``: ``"x"``, ``"tx"``, ``"ftx"``, ``"fx"``, ``"tfx"``,
    ``"difference"``, with ``[map label]`` for panels of several maps).

    Draws into ``fig`` when given (e.g. a frame of a player), otherwise into a new figure
    sized to the number of maps; returns the figure.
    """
    panels = diagram_panels(f, x, transform_in, transform_out, display_in, display_out)
    if symbol_out is None:
        symbol_out = symbol_in if transform_out is None else symbol_in + "'"
    n_in, n_out = len(panels.x), len(panels.ftx)
    rows_in, cols_in = _grid_shape(n_in)
    rows_out, cols_out = _grid_shape(n_out)
    if fig is None:
        width = _MAP * (cols_in + max(cols_in, cols_out) + cols_out + max(cols_out, 1.6)) + 3 * _ARROW
        height = 2 * _MAP * max(rows_in, rows_out) + 0.9 + (0.3 if title else 0.0)
        fig = plt.figure(figsize=(max(width, 6.4), height), layout="constrained")
    diff_cols = max(cols_out, 1.6)  # room for the numbers under the difference
    widths = [cols_in, _ARROW / _MAP, max(cols_in, cols_out), _ARROW / _MAP, cols_out, _ARROW / _MAP, diff_cols]
    # every map gets the same room: the rows are as high as the tallest panel's grid of maps
    grid = fig.add_gridspec(2, 7, width_ratios=widths)

    in_style = _limits(list(panels.x.values()) + list(panels.tx.values()))
    outputs = [m for key in ("ftx", "fx", "tfx") for m in getattr(panels, key).values()]
    out_style = _limits(outputs)
    scale = out_style[2]
    diff_style = (SIGNED_CMAP, -scale, scale)

    s, s_out = f"${symbol_in}$", f"${symbol_out}$"
    rows = max(rows_in, rows_out)
    middle = max(cols_in, cols_out)
    _panel(fig, grid[:, 0], panels.x, "input $x$", in_style, "x", (2 * rows, cols_in))
    _panel(fig, grid[0, 2], panels.tx, f"${symbol_in} x$", in_style, "tx", (rows, middle))
    _panel(fig, grid[1, 2], panels.fx, f"${name}(x)$", out_style, "fx", (rows, middle))
    _panel(fig, grid[0, 4], panels.ftx, f"${name}({symbol_in} x)$", out_style, "ftx", (rows, cols_out))
    _panel(fig, grid[1, 4], panels.tfx, f"${symbol_out}\\, {name}(x)$", out_style, "tfx", (rows, cols_out))
    m = panels.measurement
    _panel(fig, grid[:, 6], panels.difference,
           f"difference\n${name}({symbol_in} x) - {symbol_out}\\, {name}(x)$\n"
           f"max abs {m.max_abs_error:.1e}\nmax rel {m.max_rel_error:.1e}", diff_style, "difference",
           (2 * rows, diff_cols))

    blue, orange, grey = PALETTE["blue"], PALETTE["orange"], "0.35"
    first = _arrow_column(fig, grid[:, 1])
    _arrow(first, (0.05, 0.5), (0.95, 0.75), s, orange, (-0.05, 0.05))
    _arrow(first, (0.05, 0.5), (0.95, 0.25), f"${name}$", blue, (-0.05, -0.12))
    second = _arrow_column(fig, grid[:, 3])
    _arrow(second, (0.05, 0.75), (0.95, 0.75), f"${name}$", blue)
    _arrow(second, (0.05, 0.25), (0.95, 0.25), s_out, orange)
    third = _arrow_column(fig, grid[:, 5])
    _arrow(third, (0.05, 0.75), (0.95, 0.5), "", grey)
    _arrow(third, (0.05, 0.25), (0.95, 0.5), "", grey)
    if title:
        fig.suptitle(title)
    return fig


# -- many checks at a glance -------------------------------------------------------------

@dataclass(frozen=True)
class VerdictRow:
    """One line of a :class:`VerdictTable`: what was checked, the report, and the claim."""

    name: str
    transformations: str
    report: EquivarianceReport
    expected: bool

    @property
    def claim(self) -> str:
        return ("" if self.expected else "not ") + self.report.kind

    @property
    def measured(self) -> str:
        return ("" if self.report.holds else "not ") + self.report.kind

    @property
    def agrees(self) -> bool:
        return self.report.holds == self.expected


@dataclass(frozen=True, repr=False)
class VerdictTable:
    """Verdicts of several equivariance checks, as a table (HTML in a notebook, text otherwise).

    Each row has a claim (``expected``: equivariant or not) and what the check measured;
    ``assert_claims()`` raises unless every measurement agrees with its claim.
    """

    rows: tuple

    def assert_claims(self) -> "VerdictTable":
        wrong = [row for row in self.rows if not row.agrees]
        if wrong:
            lines = [f"{row.name} under {row.transformations}: claimed {row.claim}, measured {row.measured}\n"
                     f"{row.report}" for row in wrong]
            raise AssertionError("verdict_table: some claims are false:\n" + "\n".join(lines))
        return self

    def __str__(self) -> str:
        header = ("map", "transformations", "claim", "worst rel. error", "measured")
        body = [(r.name, r.transformations, r.claim, f"{r.report.max_rel_error:.1e}", r.measured) for r in self.rows]
        widths = [max(len(str(line[k])) for line in [header, *body]) for k in range(5)]
        return "\n".join("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths)).rstrip()
                         for line in [header, *body])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{h}</th>' for h in
                       ("map", "transformations", "claim", "worst relative error", "measured"))
        lines = []
        for r in self.rows:
            mark = "&#x2713;" if r.agrees else "&#x2717; (claim is false)"
            lines.append(
                f"<tr><th scope=\"row\">{html.escape(r.name)}</th><td>{html.escape(r.transformations)}</td>"
                f"<td>{r.claim}</td><td>{r.report.max_rel_error:.1e}</td>"
                f"<td style=\"white-space: nowrap\">{r.measured} {mark}</td></tr>"
            )
        # "table" picks up the book theme's table style
        return (f"<table class=\"table verdict-table\"><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(lines)}</tbody></table>")


def verdict_table(rows: Sequence[tuple[str, str, EquivarianceReport, bool]]) -> VerdictTable:
    """A table of checks: each row ``(map name, transformations, report, expected)``.

    ``report`` comes from :func:`gcnn_teach.equivariance.measure_equivariance` or
    :func:`~gcnn_teach.equivariance.check_equivariance`; ``expected`` is the claim (``True``:
    equivariant, or invariant if the report measured invariance).  The last column is the
    measured verdict at the report's tolerance; the worst relative error is the largest
    :func:`~gcnn_teach.equivariance.relative_error` of ``f(T x)`` and ``T' f(x)`` over the
    transformations.
    """
    checked = []
    for row in rows:
        if not (isinstance(row, (tuple, list)) and len(row) == 4):
            raise ValueError(f"verdict_table: expected rows (name, transformations, report, expected), got {row!r}")
        name, transformations, report, expected = row
        if not isinstance(report, EquivarianceReport):
            raise TypeError(f"verdict_table: expected an EquivarianceReport for {name!r}, got {type(report).__name__}")
        if not isinstance(expected, bool):
            raise TypeError(f"verdict_table: expected the claim for {name!r} as True or False, got {expected!r}")
        checked.append(VerdictRow(str(name), str(transformations), report, expected))
    if not checked:
        raise ValueError("verdict_table: expected at least one row")
    return VerdictTable(tuple(checked))
