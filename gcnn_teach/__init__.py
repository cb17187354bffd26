"""gcnn_teach: groups, actions, group correlations and equivariance checks for teaching G-CNNs.

Modules map onto the book: :mod:`~gcnn_teach.groups` (what a group is),
:mod:`~gcnn_teach.actions` (how it moves images and signals), :mod:`~gcnn_teach.correlate`
(NumPy reference of the paper's formulas), :mod:`~gcnn_teach.nn` (PyTorch layers and
models), :mod:`~gcnn_teach.equivariance` (measuring it), :mod:`~gcnn_teach.viz` (figures
and animations) and :mod:`~gcnn_teach.data` (datasets from bundled data).
"""

__version__ = "0.1.0"

from . import actions, correlate, equivariance, groups  # noqa: E402,F401
