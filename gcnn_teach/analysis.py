"""Old home of a few measuring helpers, kept as re-exports only until the chapter-11 work
(issue 11: ``gcnn_teach.experiment`` and its tests) imports them from their new homes.

Nothing of the book or of the rest of the package imports this module; remove it once
nothing does.  The new homes:

* :func:`~gcnn_teach.actions.disk_mask` in :mod:`gcnn_teach.actions`;
* :func:`~gcnn_teach.nn.pooling_grid_fits` and :func:`~gcnn_teach.nn.he_initialise` in
  :mod:`gcnn_teach.nn`;
* :func:`~gcnn_teach.equivariance.logits_under_transforms`,
  :func:`~gcnn_teach.equivariance.invariance_error_vs_angle` and
  :func:`~gcnn_teach.equivariance.interpolation_error_vs_angle` in
  :mod:`gcnn_teach.equivariance`;
* :func:`~gcnn_teach.costs.count_costs`, :func:`~gcnn_teach.costs.compare_costs` and their
  reports in :mod:`gcnn_teach.costs`;
* :func:`~gcnn_teach.timing.time_calls` and :class:`~gcnn_teach.timing.Timing` in
  :mod:`gcnn_teach.timing`.
"""

from .actions import disk_mask
from .costs import CostReport, LayerCost, compare_costs, count_costs
from .equivariance import interpolation_error_vs_angle, invariance_error_vs_angle, logits_under_transforms
from .nn import he_initialise, pooling_grid_fits
from .timing import Timing, time_calls

__all__ = [
    "disk_mask", "CostReport", "LayerCost", "compare_costs", "count_costs", "interpolation_error_vs_angle",
    "invariance_error_vs_angle", "logits_under_transforms", "he_initialise", "pooling_grid_fits",
    "Timing", "time_calls",
]
