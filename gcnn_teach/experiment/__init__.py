"""The rotated-digits experiment (chapter 11): Z2CNN against P4CNN as in Cohen & Welling's Table 1,
with the baselines a reviewer asks for, on several data splits and seeds.

Everything the chapter runs is here, so that a reader can rerun it from a script
(``python -m gcnn_teach.experiment``) or on a cluster:

* ``gcnn_teach.experiment.design``: the paper's numbers and protocol
  (``PAPER_TEST_ERROR``, ``PAPER_PROTOCOL``), the rows (``VARIANTS``: the three
  models of Table 1, Z2CNN with dropout, with quarter-turn or random-angle augmentation,
  as wide as P4CNN's compute allows, P4CNN with random-angle augmentation, and a p4m
  model), the :class:`Budget` (``GCNN_TEACH_FULL=1`` or :func:`budget` ``(full=True)`` for the
  full-size run) and matched model sizes (:func:`matched_channels`);
* ``gcnn_teach.experiment.runs``: :func:`plan` lists every training run as a :class:`Job`;
  :func:`run_all` runs them on any :class:`concurrent.futures.Executor` (a process pool over
  the machine's cores by default, :class:`SerialExecutor`, or Dask's
  ``Client.get_executor()``) and returns the records, identical whichever executor ran them
  (up to ``TIMING_FIELDS``);
* ``gcnn_teach.experiment.stats``: means with 95% intervals over splits and seeds
  (:func:`estimate`, :func:`summarise`), and :func:`describe_comparison`, which writes the
  sentence comparing two rows from the measured intervals (:func:`describe_size_to_match` and
  :func:`describe_gap_change` do the same across training-set sizes, :func:`describe_paired`
  for measurements paired by seed);
* ``gcnn_teach.experiment.results``: results files (computed, never committed), the table
  of rows, and :func:`rotation_agreement` of trained models.
"""

from ..training import recalibrate_batchnorm
from .design import (FULL_RUN_VARIABLE, MODEL_NAMES, PAPER_PROTOCOL, PAPER_TEST_ERROR, PAPER_TEST_ERROR_STD, VARIANTS,
                     Budget, Variant, budget, build_model, full_run_requested, load_data, matched_channels,
                     multiply_adds)
from .results import load_results, results_path, results_table, rotation_agreement, save_results
from .runs import (EXPERIMENTS, TIMING_FIELDS, Job, SerialExecutor, Sweep, confusion_matrix, datasets,
                   default_executor, fingerprint, plan, run_all, run_job, train_and_evaluate, without_timing)
from .stats import (VERDICTS, Comparison, Interval, compare_with_value, comparisons_by_size, describe_comparison,
                    describe_gap_change, describe_paired, describe_size_to_match, errors, errors_by_size, estimate,
                    interval_over_splits, paired_interval, summarise, t_quantile_975)

__all__ = [
    "PAPER_TEST_ERROR", "PAPER_TEST_ERROR_STD", "PAPER_PROTOCOL", "MODEL_NAMES", "VARIANTS", "FULL_RUN_VARIABLE",
    "Variant", "Budget", "full_run_requested", "budget", "load_data", "build_model", "matched_channels",
    "multiply_adds",
    "EXPERIMENTS", "TIMING_FIELDS", "Job", "plan", "datasets", "fingerprint", "train_and_evaluate", "run_job",
    "run_all", "Sweep", "SerialExecutor", "default_executor", "without_timing", "confusion_matrix",
    "recalibrate_batchnorm",
    "VERDICTS", "Interval", "Comparison", "t_quantile_975", "interval_over_splits", "errors", "estimate",
    "summarise", "describe_comparison", "compare_with_value", "comparisons_by_size", "errors_by_size",
    "paired_interval", "describe_paired", "describe_size_to_match", "describe_gap_change",
    "results_path", "save_results", "load_results", "results_table", "rotation_agreement",
]
