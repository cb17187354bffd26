"""PyTorch layers and models for G-CNNs on p4 and p4m.

* ``gcnn_teach.nn.layers``: the lifting and group correlations (``LiftingConv2d``,
  ``GroupConv2d``), pooling over the group and over space, the He initialiser and the rule
  for when a pooling grid keeps equivariance;
* ``gcnn_teach.nn.groupy``: GrouPy's layer names and its weights in our labels;
* ``gcnn_teach.nn.models``: the paper's rotated-MNIST models ``Z2CNN`` and ``P4CNN``.

Every name is importable from ``gcnn_teach.nn`` itself.  Shapes (batch first): images
``[B, C, H, W]``, signals on the group ``[B, C, |H|, H, W]``.
"""

from . import groupy, layers, models
from .groupy import (P4ConvP4, P4ConvZ2, P4MConvP4M, P4MConvZ2, groupy_relabelling, weight_from_groupy,
                     weight_to_groupy)
from .layers import (GroupConv2d, GroupMaxPool2d, GroupPool, LiftingConv2d, group_filter_indices,
                     group_max_pool2d, group_pool, he_initialise, lifting_filter_indices, pooling_grid_fits)
from .models import P4CNN, Z2CNN, count_parameters

__all__ = layers.__all__ + groupy.__all__ + models.__all__
