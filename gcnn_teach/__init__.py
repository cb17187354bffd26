"""gcnn_teach: groups, actions, group correlations and equivariance checks for teaching G-CNNs.

Modules map onto the book, each building only on those before it:
:mod:`~gcnn_teach.groups` (what a group is), :mod:`~gcnn_teach.actions` (how it moves
images and signals), :mod:`~gcnn_teach.correlate` (NumPy reference of the paper's
formulas) and :mod:`~gcnn_teach.nn` (PyTorch layers and models),
:mod:`~gcnn_teach.equivariance` (measuring it), :mod:`~gcnn_teach.exercises` (checkers for
coursework) and :mod:`~gcnn_teach.costs` (what a model costs), :mod:`~gcnn_teach.data`
(datasets from bundled data), :mod:`~gcnn_teach.training` and
:mod:`~gcnn_teach.baselines`, :mod:`~gcnn_teach.experiment` (chapter 11), and
:mod:`~gcnn_teach.viz` (figures, which nothing else imports).
:mod:`~gcnn_teach.timing` times calls on a shared machine.
"""

__version__ = "0.1.0"

from . import actions, correlate, equivariance, groups  # noqa: E402,F401
