"""Summaries of chapter 11's records with their uncertainty, and sentences written from them.

The design is nested: every row is trained on several data splits (each split fixes which
digits train and test, and their angles) and, on each split, with several seeds.  The
mean over the seeds of one split is one observation; the 95% interval of a mean is the
t-interval over these split means, ``mean ± t(0.975, S - 1) · sd(split means) / sqrt(S)``
for ``S`` splits.  With equal numbers of seeds per split this is the usual interval for a
nested design: the spread of the split means contains both the split-to-split and (divided
by the number of seeds) the seed-to-seed variation.  Differences and ratios between two
rows are paired: the same split and seed give both models the same data and the same
mini-batch order, so the interval is taken over the split means of the differences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# 97.5% quantiles of Student's t distribution, degrees of freedom 1 to 30
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
         2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042)


def t_quantile_975(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom (a table to 30, then a series)."""
    if isinstance(df, bool) or not isinstance(df, (int, np.integer)) or df < 1:
        raise ValueError(f"t_quantile_975: expected a positive integer df, got {df!r}")
    if df <= len(_T975):
        return _T975[df - 1]
    z = 1.959964
    return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2)


@dataclass(frozen=True)
class Interval:
    """A mean over splits and seeds with its 95% interval (``low``, ``high``; NaN with one split)."""

    mean: float
    low: float
    high: float
    splits: int
    runs: int

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def format(self, spec: str = ".1%") -> str:
        return f"{self.mean:{spec}} (95% interval {self.low:{spec}} to {self.high:{spec}})"


def _by_split(values: dict) -> dict:
    """``{(split, seed, ...): v}`` -> ``{split: [v, ...]}``."""
    out: dict = {}
    for key, v in sorted(values.items()):
        out.setdefault(key[0], []).append(v)
    return out


def interval_over_splits(values: dict) -> Interval:
    """The mean of ``values`` (``{(split, seed): value}``) and its 95% t-interval over the split means."""
    if not values:
        raise ValueError("interval_over_splits: no values")
    means = np.array([np.mean(v) for v in _by_split(values).values()])
    mean = float(means.mean())
    if len(means) < 2:
        return Interval(mean, math.nan, math.nan, 1, len(values))
    half = t_quantile_975(len(means) - 1) * means.std(ddof=1) / math.sqrt(len(means))
    return Interval(mean, float(mean - half), float(mean + half), len(means), len(values))


def errors(records, model: str, experiment: str = "rotated", n_train: int | None = None) -> dict:
    """``{(split, seed): test error}`` of ``model`` in ``experiment`` (at ``n_train`` images, if given)."""
    return {(r["split"], r["seed"]): r["test_error"] for r in records
            if r["model"] == model and r["experiment"] == experiment and (n_train is None or r["n_train"] == n_train)}


def estimate(records, model: str, experiment: str = "rotated", n_train: int | None = None) -> Interval:
    """Mean test error of ``model`` with its 95% interval over splits (see the module docstring)."""
    found = errors(records, model, experiment, n_train)
    if not found:
        raise ValueError(f"estimate: no records of {model!r} in experiment {experiment!r}")
    return interval_over_splits(found)


def summarise(records: list[dict], experiment: str = "rotated", by: str = "model") -> dict:
    """Mean, 95% interval and spread of the test error per model (or per ``(model, n_train)`` with ``by="size"``).

    Returns ``{key: {"mean", "low", "high", "std", "min", "max", "runs", "splits",
    "parameters", "multiply_adds"}}`` with errors as fractions; ``std`` is the sample standard
    deviation over all runs (splits and seeds together), ``low``/``high`` the 95% interval.
    """
    groups: dict = {}
    for r in records:
        if r["experiment"] == experiment:
            groups.setdefault(r["model"] if by == "model" else (r["model"], r["n_train"]), []).append(r)
    if not groups:
        raise ValueError(f"summarise: no records for experiment {experiment!r}")
    out = {}
    for key, rs in groups.items():
        values = np.array([r["test_error"] for r in rs])
        ci = interval_over_splits({(r["split"], r["seed"]): r["test_error"] for r in rs})
        out[key] = {"mean": ci.mean, "low": ci.low, "high": ci.high,
                    "std": float(values.std(ddof=1)) if len(values) > 1 else 0.0,
                    "min": float(values.min()), "max": float(values.max()), "runs": len(values),
                    "splits": ci.splits, "parameters": int(rs[0]["parameters"]),
                    "multiply_adds": int(rs[0].get("multiply_adds", 0))}
    return out


VERDICTS = ("better everywhere", "better on average", "within noise", "worse on average", "worse everywhere")


@dataclass(frozen=True)
class Comparison:
    """Row ``a`` against row ``b`` on paired runs (same split and seed): the difference of their test
    errors ``a - b`` and the ratio ``a / b`` (of split means), each with its 95% interval, how many
    runs ``a`` won, the ``verdict`` (one of ``VERDICTS``; better means a lower error) and the
    ``sentence`` that says it."""

    a: str
    b: str
    difference: Interval
    ratio: Interval
    wins: int
    runs: int
    splits: int
    verdict: str
    sentence: str

    def __str__(self) -> str:
        return self.sentence

    def _repr_markdown_(self) -> str:
        return self.sentence


def _points(x: float) -> str:
    return f"{100 * abs(x):.1f}"


def describe_comparison(records_a, records_b, name_a: str | None = None, name_b: str | None = None) -> Comparison:
    """Compare the test errors of two rows run for run, and write the sentence the numbers allow.

    ``records_a`` and ``records_b``: the records of two rows (for example ``[r for r in records if
    r["model"] == "P4CNN" and r["experiment"] == "rotated"]``), paired by ``(split, seed,
    n_train)``.  The verdict comes from the 95% interval of the mean difference (see the module
    docstring) and from the single runs: "better everywhere" when the interval lies below zero
    and ``a`` has the lower error in every pair, "better on average" when the interval lies below
    zero only, "within noise" when it contains zero, and the same two the other way round.
    """
    def table(records):
        return {(r["split"], r["seed"], r["n_train"]): r["test_error"] for r in records}

    ta, tb = table(records_a), table(records_b)
    name_a = name_a or (records_a[0]["model"] if records_a else "a")
    name_b = name_b or (records_b[0]["model"] if records_b else "b")
    keys = sorted(set(ta) & set(tb))
    if len({k[0] for k in keys}) < 2:
        raise ValueError(f"describe_comparison: {name_a} and {name_b} need paired runs on at least 2 splits, "
                         f"got {len(keys)} pairs on {len({k[0] for k in keys})} split(s)")
    diffs = {k: ta[k] - tb[k] for k in keys}
    difference = interval_over_splits(diffs)
    split_a, split_b = _by_split({k: ta[k] for k in keys}), _by_split({k: tb[k] for k in keys})
    ratios = {(s, 0): np.mean(split_a[s]) / np.mean(split_b[s]) if np.mean(split_b[s]) > 0 else math.inf
              for s in split_a}
    ratio = interval_over_splits(ratios)
    wins, losses, runs = sum(d < 0 for d in diffs.values()), sum(d > 0 for d in diffs.values()), len(diffs)
    seeds = runs // difference.splits
    design = f"{runs} runs: {difference.splits} splits × {seeds} seed{'s' if seeds != 1 else ''}"
    if difference.high < 0 or difference.low > 0:
        lower = difference.high < 0
        everywhere = (wins if lower else losses) == runs
        verdict = ("better " if lower else "worse ") + ("everywhere" if everywhere else "on average")
        where = (f"in every one of the {design}" if everywhere else
                 f"on average but not in every run ({wins if lower else losses} of the {design})")
        low, high = (-difference.high, -difference.low) if lower else (difference.low, difference.high)
        sentence = (f"The test error of {name_a} is {'lower' if lower else 'higher'} than that of {name_b} {where}, by "
                    f"{_points(difference.mean)} percentage points (95% interval {_points(low)} to {_points(high)}).")
    else:
        verdict = "within noise"
        sentence = (f"{name_a} and {name_b} are within noise of each other: the test error of {name_a} differs by "
                    f"{100 * difference.mean:+.1f} percentage points on average, with a 95% interval from "
                    f"{100 * difference.low:+.1f} to {100 * difference.high:+.1f} that contains zero "
                    f"({name_a} lower in {wins} of the {design}).")
    return Comparison(name_a, name_b, difference, ratio, wins, runs, difference.splits, verdict, sentence)


def compare_with_value(interval: Interval, value: float, what: str, spec: str = ".2f") -> str:
    """A sentence placing someone else's ``value`` (for example the paper's ratio) against our 95% interval."""
    ours = f"our 95% interval ({interval.low:{spec}} to {interval.high:{spec}})"
    if interval.contains(value):
        return f"{what} {value:{spec}} lies inside {ours}: at this budget the two are within noise of each other."
    side = "above" if value > interval.high else "below"
    return f"{what} {value:{spec}} lies {side} {ours}."


def errors_by_size(records: list[dict], model: str, sizes, runs) -> np.ndarray:
    """Test errors ``[len(runs), len(sizes)]`` of ``model``: one row per ``(split, seed)`` in ``runs``.

    Looks in the sweep and in the main runs on the rotated digits, so the largest size can
    come from the main comparison.
    """
    found = {(r["split"], r["seed"], r["n_train"]): r["test_error"] for r in records
             if r["model"] == model and r["experiment"] in ("rotated", "sweep")}
    missing = {n: [(s, seed) for s, seed in runs if (s, seed, n) not in found] for n in sizes}
    missing = {n: pairs for n, pairs in missing.items() if pairs}
    if missing:
        raise KeyError("errors_by_size: " + "; ".join(
            f"no {model} run at {n} training images for (split, seed) in {pairs}" for n, pairs in missing.items()))
    return np.array([[found[(s, seed, n)] for n in sizes] for s, seed in runs])


def comparisons_by_size(records: list[dict], a: str, b: str, sizes, runs) -> list[Comparison]:
    """:func:`describe_comparison` of ``a`` against ``b`` at each training-set size, on the ``(split, seed)``
    pairs in ``runs`` (the sweep, and the main runs for the largest size)."""
    runs = set(map(tuple, runs))

    def rows(model, n):
        return [r for r in records if r["model"] == model and r["experiment"] in ("rotated", "sweep")
                and r["n_train"] == n and (r["split"], r["seed"]) in runs]

    return [describe_comparison(rows(a, n), rows(b, n), a, b) for n in sizes]


def paired_interval(a, b) -> Interval:
    """The mean of ``a[i] - b[i]`` over paired measurements (one pair per seed, say) with its 95% t-interval.

    ``a`` and ``b``: 1-D sequences of the same length ``n >= 2``; the interval is
    ``mean ± t(0.975, n - 1) · sd(a - b) / sqrt(n)`` (``splits`` and ``runs`` of the result are ``n``).
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.ndim != 1 or a.shape != b.shape or a.size < 2:
        raise ValueError(f"paired_interval: expected two 1-D samples of the same length >= 2, "
                         f"got shapes {a.shape} and {b.shape}")
    return interval_over_splits({(i, 0): d for i, d in enumerate(a - b)})


def describe_paired(a, b, names: tuple[str, str] = ("a", "b"), spec: str = ".2f") -> str:
    """Words for ``a`` against ``b`` measured in pairs (the same seed for both), written from
    :func:`paired_interval`: "lower" or "higher" only when the 95% interval of the mean paired
    difference excludes zero, otherwise that the pairs do not resolve a difference."""
    d = paired_interval(a, b)
    n = d.runs
    if d.high < 0 or d.low > 0:
        lower = d.high < 0
        low, high = (-d.high, -d.low) if lower else (d.low, d.high)
        return (f"{names[0]} is {'lower' if lower else 'higher'} than {names[1]}, by {abs(d.mean):{spec}} on "
                f"average over {n} paired seeds (95% interval {low:{spec}} to {high:{spec}})")
    return (f"{names[0]} minus {names[1]} is {d.mean:+{spec}} on average over {n} paired seeds, with a 95% "
            f"interval from {d.low:+{spec}} to {d.high:+{spec}} that contains zero: the seeds do not resolve "
            f"a difference")


def _errors_at(records, model: str, n_train: int, runs) -> dict:
    """``{(split, seed): test error}`` of ``model`` at ``n_train`` images (sweep or main runs), on ``runs``."""
    runs = sorted(set(map(tuple, runs)))
    return dict(zip(runs, errors_by_size(records, model, [n_train], runs)[:, 0]))


def describe_size_to_match(records: list[dict], a: str, b: str, sizes, runs) -> str:
    """Which of the training-set ``sizes`` tried is the smallest at which ``a``'s mean test error is
    below ``b``'s with the largest size, and whether the runs resolve that difference.

    ``runs``: the ``(split, seed)`` pairs of the sweep; the difference ``a(n) - b(max size)`` is paired
    by split and seed, and its 95% interval is taken over the split means (:func:`interval_over_splits`).
    The sentence says only what was tried: sizes between those tried are not measured.
    """
    sizes = sorted(sizes)
    full = sizes[-1]
    reference = _errors_at(records, b, full, runs)
    tried = ", ".join(map(str, sizes[:-1]))
    for n in sizes:
        mine = _errors_at(records, a, n, runs)
        d = interval_over_splits({k: mine[k] - reference[k] for k in reference})
        if d.mean < 0:
            resolved = d.high < 0
            design = f"{d.runs} runs paired by split and seed"
            return (f"Of the sizes tried below {full} ({tried}), {n} is the smallest at which {a}'s mean test error "
                    f"({np.mean(list(mine.values())):.1%}) is below {b}'s with all {full} images "
                    f"({np.mean(list(reference.values())):.1%}): {_points(d.mean)} percentage points lower over the "
                    f"{design} (95% interval {100 * d.low:+.1f} to {100 * d.high:+.1f}"
                    + ("), so the runs resolve the difference at that size." if resolved else
                       ", which contains zero, so the runs do not resolve the difference at that size)."))
    return (f"At none of the sizes tried ({', '.join(map(str, sizes))}) is {a}'s mean test error below {b}'s with "
            f"all {full} images.")


def describe_gap_change(records: list[dict], a: str, b: str, small: int, large: int, runs) -> str:
    """Whether the gap between ``a`` and ``b`` differs between ``small`` and ``large`` training sets.

    For each ``(split, seed)`` in ``runs`` the absolute gap is ``b - a`` (percentage points) and the
    relative one ``a / b``, at both sizes; the change (``small`` minus ``large``) is paired by split
    and seed and its 95% interval is taken over the split means.  A dependence on the size is called
    resolved only when that interval excludes zero.
    """
    err = {n: (_errors_at(records, a, n, runs), _errors_at(records, b, n, runs)) for n in (small, large)}
    gap = {n: {k: ea[k] - eb[k] for k in eb} for n, (ea, eb) in err.items()}
    ratio = {n: {k: ea[k] / eb[k] if eb[k] > 0 else math.inf for k in eb} for n, (ea, eb) in err.items()}
    absolute = interval_over_splits({k: 100 * (gap[large][k] - gap[small][k]) for k in gap[small]})
    relative = interval_over_splits({k: ratio[small][k] - ratio[large][k] for k in ratio[small]})

    def verdict(ci, what):
        if ci.low > 0 or ci.high < 0:
            return f"{what} is {'larger' if ci.low > 0 else 'smaller'} with {small} images than with {large}"
        return f"the interval contains zero, so the runs do not resolve a change of {what} with the size"

    return (f"From {large} to {small} training images, paired by split and seed over {absolute.runs} runs, "
            f"the absolute gap ({b} minus {a}) changes by {absolute.mean:+.1f} percentage points (95% interval "
            f"{absolute.low:+.1f} to {absolute.high:+.1f}): {verdict(absolute, 'the absolute gap')}; the ratio "
            f"{a} / {b} changes by {relative.mean:+.2f} (95% interval {relative.low:+.2f} to {relative.high:+.2f}): "
            f"{verdict(relative, 'the ratio')}.")
