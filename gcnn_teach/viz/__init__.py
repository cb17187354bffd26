"""Figures and animations for the book, in one visual style (:mod:`gcnn_teach.viz.style`).

``viz`` only reads: it calls the rest of the package and draws, and nothing imports it.
Each submodule holds one kind of figure: ``player`` (sliders and players, GIFs),
``animation`` (the animations of chapters 2-4), ``diagrams``
(equivariance diagrams), ``group_figures`` (images, groups and signals on them, chapters
2-7) and ``charts`` (lines, bars and grids, chapters 1, 8-10 and 11).  Importing it changes no matplotlib setting: a chapter calls
:func:`~gcnn_teach.viz.style.use_book_style` once, in its first cell.
"""

from .animation import equivariance_views, rotation_stack, two_cameras
from .player import player_mode, save_gif, show_player
from .charts import (
    curve_fits_figure,
    error_comparison_figure,
    gap_figure,
    learning_curve_figure,
    plot_cost_comparison,
    plot_error_vs_angle,
    plot_index_arrays,
    plot_logits_under_transforms,
    plot_pooling_windows,
)
from .diagrams import DiagramPanels, as_maps, diagram_panels, equivariance_diagram, verdict_table
from .group_figures import (
    cayley_table_figure,
    draw_p4_ring,
    filter_transform_figure,
    group_function_figure,
    images_figure,
    lifting_equivariance_figure,
    lifting_output_figure,
    matrix_action_figure,
    p4_ring_figure,
    permutation_table_figure,
    signal_figure,
)
from .style import COLORS, IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits, use_book_style

__all__ = [
    "COLORS", "IMAGE_CMAP", "PALETTE", "SIGNED_CMAP", "signed_limits", "use_book_style",
    "equivariance_views", "player_mode", "rotation_stack", "save_gif", "show_player", "two_cameras",
    "DiagramPanels", "as_maps", "diagram_panels", "equivariance_diagram", "verdict_table",
    "error_comparison_figure", "gap_figure", "curve_fits_figure", "learning_curve_figure",
    "cayley_table_figure", "draw_p4_ring", "filter_transform_figure", "group_function_figure", "images_figure",
    "lifting_equivariance_figure", "lifting_output_figure", "matrix_action_figure", "p4_ring_figure",
    "permutation_table_figure", "signal_figure",
    "plot_cost_comparison", "plot_error_vs_angle", "plot_index_arrays", "plot_logits_under_transforms",
    "plot_pooling_windows",
]
