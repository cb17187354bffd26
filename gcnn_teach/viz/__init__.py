"""Figures and animations for the book, in one visual style (:mod:`gcnn_teach.viz.style`).

``viz`` only reads: it calls the rest of the package and draws, and nothing imports it.
Each submodule serves a part of the book: ``player`` (sliders and players, GIFs),
``animation`` (the animations of chapters 2-4), ``diagrams`` (equivariance diagrams),
``flexibility`` (chapter 1), ``group_figures`` (chapters 5-7), ``plots`` (chapters 8-10)
and ``experiment_figures`` (chapter 11).
"""

from .style import COLORS, ELEMENT_CMAP, IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits, use_style

use_style()

# the style is applied before any figure module is imported
from .player import player_mode, save_gif, show_player  # noqa: E402
from .animation import equivariance_views, rotation_stack, two_cameras  # noqa: E402
from .diagrams import DiagramPanels, as_maps, diagram_panels, equivariance_diagram, verdict_table  # noqa: E402
from .experiment_figures import error_comparison_figure  # noqa: E402
from .flexibility import curve_fits_figure, learning_curve_figure  # noqa: E402
from .group_figures import (  # noqa: E402
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
from .plots import (  # noqa: E402
    plot_cost_comparison,
    plot_error_vs_angle,
    plot_index_arrays,
    plot_logits_under_transforms,
    plot_pooling_windows,
)

__all__ = [
    "COLORS", "ELEMENT_CMAP", "IMAGE_CMAP", "PALETTE", "SIGNED_CMAP", "signed_limits", "use_style",
    "equivariance_views", "player_mode", "rotation_stack", "save_gif", "show_player", "two_cameras",
    "DiagramPanels", "as_maps", "diagram_panels", "equivariance_diagram", "verdict_table",
    "error_comparison_figure", "curve_fits_figure", "learning_curve_figure",
    "cayley_table_figure", "draw_p4_ring", "filter_transform_figure", "group_function_figure", "images_figure",
    "lifting_equivariance_figure", "lifting_output_figure", "matrix_action_figure", "p4_ring_figure",
    "permutation_table_figure", "signal_figure",
    "plot_cost_comparison", "plot_error_vs_angle", "plot_index_arrays", "plot_logits_under_transforms",
    "plot_pooling_windows",
]
