"""Figures and animations for the book, in one visual style (:mod:`gcnn_teach.viz.style`).

``viz`` only reads: it calls the rest of the package and draws, and nothing imports it.
"""

from .style import COLORS, ELEMENT_CMAP, IMAGE_CMAP, PALETTE, SIGNED_CMAP, signed_limits, use_style

use_style()

from .animation import equivariance_views, player_mode, rotation_stack, save_gif, show_player, two_cameras  # noqa: E402,F401
from .diagrams import DiagramPanels, as_maps, diagram_panels, equivariance_diagram, verdict_table  # noqa: E402,F401
from .flexibility import curve_fits_figure, learning_curve_figure  # noqa: E402,F401
from .experiment_figures import error_comparison_figure  # noqa: E402,F401
from .group_figures import cayley_table_figure, draw_p4_ring, filter_transform_figure, group_function_figure, images_figure, lifting_equivariance_figure, lifting_output_figure, matrix_action_figure, p4_ring_figure, permutation_table_figure, signal_figure  # noqa: E402,F401

__all__ = ["COLORS", "ELEMENT_CMAP", "IMAGE_CMAP", "PALETTE", "SIGNED_CMAP", "signed_limits", "use_style"]
