"""gcnn_teach.experiment.stats: intervals over splits and seeds, and sentences written from them.

The records here are fabricated, one set per outcome, so that every branch of the sentence
is exercised: the chapter's text follows the numbers instead of asserting them.
"""

import math

import numpy as np
import pytest

from gcnn_teach import experiment as ex


def _records(model, errors, experiment="rotated", n=1000):
    """``errors[split][seed]`` as records of ``model``."""
    return [{"experiment": experiment, "model": model, "split": s, "seed": k, "n_train": n, "test_error": e,
             "parameters": 100, "multiply_adds": 1000}
            for s, row in enumerate(errors) for k, e in enumerate(row)]


BASE = [[0.20, 0.22, 0.21], [0.25, 0.24, 0.26], [0.18, 0.19, 0.20]]


def _shifted(delta, noise=None):
    noise = np.zeros((3, 3)) if noise is None else np.asarray(noise)
    return (np.asarray(BASE) + delta + noise).tolist()


def test_t_quantiles_match_scipy():
    stats = pytest.importorskip("scipy.stats")
    for df in (1, 2, 4, 9, 30, 31, 60, 200):
        assert ex.t_quantile_975(df) == pytest.approx(stats.t.ppf(0.975, df), rel=2e-3)
    with pytest.raises(ValueError, match="positive integer"):
        ex.t_quantile_975(0)


def test_the_interval_is_the_t_interval_over_split_means():
    values = {(s, k): BASE[s][k] for s in range(3) for k in range(3)}
    ci = ex.interval_over_splits(values)
    means = np.array([np.mean(row) for row in BASE])
    half = 4.303 * means.std(ddof=1) / math.sqrt(3)
    assert ci.mean == pytest.approx(means.mean()) and ci.low == pytest.approx(means.mean() - half)
    assert ci.high == pytest.approx(means.mean() + half) and (ci.splits, ci.runs) == (3, 9)
    one = ex.interval_over_splits({(0, 0): 0.1, (0, 1): 0.3})
    assert one.mean == pytest.approx(0.2) and math.isnan(one.low) and one.splits == 1


def test_better_on_every_split_and_seed():
    a, b = _records("P4CNN", _shifted(-0.10)), _records("Z2CNN", BASE)
    c = ex.describe_comparison(a, b)
    assert c.verdict == "better everywhere" and c.wins == c.runs == 9
    assert c.sentence.startswith("The test error of P4CNN is lower than that of Z2CNN in every one of the 9 runs: "
                                 "3 splits × 3 seeds, by 10.0 percentage points")
    assert "by 10.0 percentage points" in c.sentence
    low, high = -100 * c.difference.high, -100 * c.difference.low
    assert f"(95% interval {low:.1f} to {high:.1f})" in c.sentence and round(low, 9) <= 10.0 <= round(high, 9)
    assert c.difference.mean == pytest.approx(-0.10) and c.difference.high < 0
    assert c.ratio.mean == pytest.approx(np.mean([(np.mean(r) - 0.1) / np.mean(r) for r in BASE]))


def test_better_on_average_but_not_everywhere():
    noise = [[0.0, 0.0, -0.05], [0.0, 0.0, -0.05], [0.0, 0.0, -0.05]]
    a, b = _records("P4CNN", _shifted(-0.03)), _records("Z2CNN", _shifted(0.0, noise))
    c = ex.describe_comparison(a, b)
    assert c.verdict == "better on average" and c.wins == 6
    assert "on average but not in every run (6 of the 9 runs" in c.sentence


def test_within_noise():
    noise = [[0.03, -0.02, 0.01], [-0.04, 0.02, 0.0], [0.01, 0.02, -0.03]]
    a, b = _records("P4MCNN", _shifted(0.0, noise)), _records("P4CNN", BASE)
    c = ex.describe_comparison(a, b)
    assert c.verdict == "within noise" and c.difference.low < 0 < c.difference.high
    assert c.sentence.startswith("P4MCNN and P4CNN are within noise of each other")


@pytest.mark.parametrize("everywhere", [True, False])
def test_worse(everywhere):
    noise = None if everywhere else [[0.0, 0.0, -0.06]] * 3
    c = ex.describe_comparison(_records("A", _shifted(0.04, noise)), _records("B", BASE))
    assert c.verdict == ("worse everywhere" if everywhere else "worse on average")
    assert "The test error of A is higher than that of B" in c.sentence and c.difference.low > 0


def test_a_different_outcome_changes_the_sentence_not_the_build():
    # the same call, three fabricated worlds, three different sentences, no exception
    sentences = {ex.describe_comparison(_records("P4CNN", _shifted(d)), _records("Z2CNN", BASE)).verdict
                 for d in (-0.1, 0.0, 0.1)}
    assert sentences == {"better everywhere", "within noise", "worse everywhere"}


def test_comparisons_need_paired_runs_on_two_splits():
    with pytest.raises(ValueError, match="at least 2 splits"):
        ex.describe_comparison(_records("A", [[0.1, 0.2]]), _records("B", [[0.1, 0.2]]))
    with pytest.raises(ValueError, match="at least 2 splits"):  # nothing paired
        ex.describe_comparison(_records("A", BASE), _records("B", BASE, n=500))


def test_compare_with_value_places_the_paper_inside_or_outside():
    ci = ex.Interval(0.3, 0.2, 0.4, 3, 9)
    assert "inside" in ex.compare_with_value(ci, 0.35, "The paper's ratio")
    assert "lies above" in ex.compare_with_value(ci, 0.45, "The paper's ratio")
    assert "lies below" in ex.compare_with_value(ci, 0.1, "x")


def test_summarise_gives_mean_interval_and_spread_per_model():
    records = _records("A", BASE) + _records("B", _shifted(0.1)) + _records("A", BASE, "upright")
    summary = ex.summarise(records)
    assert set(summary) == {"A", "B"} and summary["A"]["runs"] == 9 and summary["A"]["splits"] == 3
    assert summary["A"]["mean"] == pytest.approx(np.mean(BASE))
    assert summary["A"]["std"] == pytest.approx(np.std(BASE, ddof=1))
    assert summary["A"]["low"] < summary["A"]["mean"] < summary["A"]["high"]
    assert ex.summarise(records, "sweep" if False else "upright")["A"]["runs"] == 9
    with pytest.raises(ValueError, match="no records"):
        ex.summarise(records, "nothing")
    table = ex.results_table(records, paper={"A": 5.0})
    assert table.splitlines()[2].startswith("| A |") and "5.00% |" in table.splitlines()[2]


def test_errors_by_size_takes_the_largest_size_from_the_main_runs():
    records = _records("A", BASE) + _records("A", _shifted(0.3), "sweep", n=100) + _records("A", BASE, "upright", n=100)
    table = ex.errors_by_size(records, "A", [100, 1000], [(0, 0), (1, 1)])
    np.testing.assert_allclose(table, [[0.5, 0.2], [0.54, 0.24]])  # the sweep, not the upright runs
    with pytest.raises(KeyError, match="no A run"):
        ex.errors_by_size(records, "A", [100, 1000], [(5, 0)])


def test_paired_interval_is_the_t_interval_of_the_differences():
    a, b = [0.30, 0.35, 0.32], [0.20, 0.22, 0.25]
    d = np.subtract(a, b)
    half = ex.t_quantile_975(2) * d.std(ddof=1) / math.sqrt(3)
    ci = ex.paired_interval(a, b)
    assert ci.mean == pytest.approx(d.mean()) and ci.low == pytest.approx(d.mean() - half)
    assert ci.high == pytest.approx(d.mean() + half) and ci.runs == 3
    with pytest.raises(ValueError, match="same length"):
        ex.paired_interval([0.1, 0.2], [0.1, 0.2, 0.3])


def test_describe_paired_says_lower_only_when_the_interval_excludes_zero():
    # every pair lower by about 0.1: resolved, though the two samples' ranges overlap
    a, b = [0.10, 0.31, 0.52], [0.21, 0.40, 0.63]
    assert ex.describe_paired(a, b, ("A", "B")).startswith("A is lower than B, by 0.10")
    assert ex.describe_paired(b, a, ("B", "A")).startswith("B is higher than A")
    # the pairs disagree in sign: not resolved, whatever the means
    noisy = ex.describe_paired([0.1, 0.5, 0.3], [0.3, 0.2, 0.35], ("A", "B"))
    assert "contains zero" in noisy and "lower" not in noisy


def _sweep(model, by_size):
    """``by_size[n] = [error on split 0, 1, 2]`` (seed 0), the largest size as main runs."""
    largest = max(by_size)
    return [r for n, errs in by_size.items()
            for r in _records(model, [[e] for e in errs], "rotated" if n == largest else "sweep", n)]


RUNS = [(0, 0), (1, 0), (2, 0)]


def test_describe_size_to_match_names_the_smallest_size_tried_and_its_interval():
    z2 = _sweep("Z2CNN", {100: [0.60, 0.62, 0.58], 250: [0.45, 0.47, 0.43], 1000: [0.30, 0.32, 0.28]})
    p4 = _sweep("P4CNN", {100: [0.40, 0.42, 0.38], 250: [0.25, 0.27, 0.23], 1000: [0.15, 0.17, 0.13]})
    sentence = ex.describe_size_to_match(z2 + p4, "P4CNN", "Z2CNN", [100, 250, 1000], RUNS)
    assert "(100, 250), 250 is the smallest" in sentence and "the runs resolve" in sentence
    # at 250 P4CNN is below on average but not on every split: the interval says so
    p4_noisy = _sweep("P4CNN", {100: [0.40, 0.42, 0.38], 250: [0.20, 0.40, 0.26], 1000: [0.15, 0.17, 0.13]})
    noisy = ex.describe_size_to_match(z2 + p4_noisy, "P4CNN", "Z2CNN", [100, 250, 1000], RUNS)
    assert "250 is the smallest" in noisy and "do not resolve" in noisy
    p4_never = _sweep("P4CNN", {100: [0.70] * 3, 250: [0.50] * 3, 1000: [0.40] * 3})
    assert ex.describe_size_to_match(z2 + p4_never, "P4CNN", "Z2CNN", [100, 250, 1000], RUNS).startswith("At none")
    with pytest.raises(KeyError, match="no P4CNN run at 500"):
        ex.describe_size_to_match(z2 + p4, "P4CNN", "Z2CNN", [500, 1000], RUNS)


def test_describe_gap_change_resolves_only_a_change_the_runs_show():
    z2 = _sweep("Z2CNN", {100: [0.60, 0.62, 0.58], 1000: [0.30, 0.32, 0.28]})
    p4 = _sweep("P4CNN", {100: [0.30, 0.33, 0.27], 1000: [0.20, 0.22, 0.18]})  # gap 30 points, then 10
    sentence = ex.describe_gap_change(z2 + p4, "P4CNN", "Z2CNN", 100, 1000, RUNS)
    assert "changes by +20.0 percentage points" in sentence
    assert "the absolute gap is larger with 100 images than with 1000" in sentence
    p4_noisy = _sweep("P4CNN", {100: [0.30, 0.55, 0.27], 1000: [0.20, 0.10, 0.18]})
    noisy = ex.describe_gap_change(z2 + p4_noisy, "P4CNN", "Z2CNN", 100, 1000, RUNS)
    assert "do not resolve a change of the absolute gap" in noisy
