"""gcnn_teach.experiment: budgets, matched models, precise batch statistics, runs, summaries, results files."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from gcnn_teach import experiment as ex
from gcnn_teach.actions import rotate
from gcnn_teach.nn import P4CNN, Z2CNN, count_parameters


@pytest.fixture(scope="module")
def data():
    return ex.load_data(ex.budget(full=False))


def test_paper_numbers_and_their_ratio():
    assert ex.PAPER_TEST_ERROR == {"Z2CNN": 5.03, "P4CNNRotationPooling": 3.21, "P4CNN": 2.28}
    assert round(ex.PAPER_TEST_ERROR["P4CNN"] / ex.PAPER_TEST_ERROR["Z2CNN"], 2) == 0.45
    assert set(ex.MODEL_NAMES) == set(ex.PAPER_TEST_ERROR)


def test_the_environment_variable_asks_for_the_full_run(monkeypatch):
    monkeypatch.delenv(ex.FULL_RUN_VARIABLE, raising=False)
    assert not ex.full_run_requested() and not ex.budget().full
    monkeypatch.setenv(ex.FULL_RUN_VARIABLE, "1")
    full = ex.budget()
    assert ex.full_run_requested() and full.full
    assert (full.size, full.layers) == (28, 7)  # the paper's images and depth
    assert len(full.seeds) > len(ex.budget(full=False).seeds) and len(full.splits) > len(ex.budget(full=False).splits)
    assert full.device == ("cuda" if torch.cuda.is_available() else "cpu")
    assert not ex.budget(full=False).full  # an explicit choice wins over the environment
    monkeypatch.setenv(ex.FULL_RUN_VARIABLE, "0")
    assert not ex.full_run_requested()


def test_budget_changes_override_fields():
    b = ex.budget(full=False, epochs=2, seeds=(5,), sweep_runs=1)
    assert b.epochs == 2 and b.seeds == (5,) and b.size == ex.Budget().size
    assert "2 epochs" in b.describe()


@pytest.mark.parametrize("full", [False, True])
def test_parameter_counts_are_matched_within_ten_percent(full):
    b = ex.budget(full=full)
    counts = {name: count_parameters(ex.build_model(name, b)) for name in ex.MODEL_NAMES}
    assert max(counts.values()) / min(counts.values()) - 1 <= 0.10
    # and the chosen channel count is the closest there is
    channels = ex.matched_channels(b)
    target = counts["P4CNN"]
    for c in (channels["Z2CNN"] - 1, channels["Z2CNN"] + 1):
        other = count_parameters(Z2CNN(channels=c, input_size=b.size, layers=b.layers))
        assert abs(other - target) >= abs(counts["Z2CNN"] - target)


def test_build_model_makes_the_three_models_of_table_1():
    b = ex.budget(full=False)
    z2, rp, p4 = (ex.build_model(name, b) for name in ("Z2CNN", "P4CNNRotationPooling", "P4CNN"))
    assert isinstance(z2, Z2CNN) and isinstance(p4, P4CNN) and isinstance(rp, P4CNN)
    assert rp.rotation_pooling and not p4.rotation_pooling
    assert count_parameters(z2) == count_parameters(rp)  # the same weights, used differently
    x = torch.rand(2, 1, b.size, b.size)
    assert z2(x).shape == p4(x).shape == rp(x).shape == (2, 10)
    # the seed fixes the initial weights
    a, c = ex.build_model("P4CNN", b, seed=3), ex.build_model("P4CNN", b, seed=3)
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), c.parameters()))
    with pytest.raises(ValueError, match="model name"):
        ex.build_model("ResNet", b)
    assert ex.build_model("Z2CNN", b).dropout.p == 0.0 and ex.build_model("Z2CNN+dropout", b).dropout.p == 0.3


def _conv_bn() -> nn.Sequential:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(1, 3, 3), nn.BatchNorm2d(3))


def test_recalibrated_statistics_are_the_exact_averages():
    model = _conv_bn()
    X = torch.randn(64, 1, 6, 6) * 2 + 1
    with torch.no_grad():
        features = model[0](X)
    model[1].running_mean.fill_(5.0)  # stale statistics, as after a short training
    ex.recalibrate_batchnorm(model, X, batch_size=16)
    np.testing.assert_allclose(model[1].running_mean, features.mean(dim=(0, 2, 3)), rtol=1e-5, atol=1e-6)
    # the variance: the average of the unbiased per-batch variances
    per_batch = torch.stack([features[i:i + 16].var(dim=(0, 2, 3), unbiased=True) for i in range(0, 64, 16)])
    np.testing.assert_allclose(model[1].running_var, per_batch.mean(dim=0), rtol=1e-5)
    assert not model.training and model[1].momentum == 0.1


def test_a_single_batch_update_is_not_a_recalibration():
    # what the running averages hold after one ordinary training-mode pass (momentum 0.1)
    model = _conv_bn()
    X = torch.randn(64, 1, 6, 6) * 2 + 1
    with torch.no_grad():
        exact = model[0](X).mean(dim=(0, 2, 3))
        model.train()
        model(X)
    assert not torch.allclose(model[1].running_mean, exact, atol=1e-3)


def test_recalibration_fixes_a_model_with_stale_statistics(data):
    b = ex.budget(full=False)
    model = ex.build_model("P4CNN", b).eval()
    X = torch.as_tensor(data.X_test[:64])
    with torch.no_grad():
        for norm in model.norms:
            norm.running_mean.fill_(3.0)
            norm.running_var.fill_(0.01)
        stale = model(X)
        ex.recalibrate_batchnorm(model, X)
        fixed = model(X)
        model.train()
        batch = model(X)  # training mode: statistics of this very batch
    np.testing.assert_allclose(fixed, batch, rtol=1e-3, atol=1e-3)
    assert not torch.allclose(stale, batch, atol=1e-1)


def test_train_and_evaluate_returns_a_consistent_record(data):
    b = ex.budget(full=False, epochs=1)
    small = data.subset(60)
    record, model = ex.train_and_evaluate("P4CNN", small, 0, b, epochs=1, split=7, return_model=True)
    assert record["model"] == "P4CNN" and record["seed"] == 0 and record["n_train"] == 60 and record["split"] == 7
    assert record["parameters"] == count_parameters(model)
    assert record["multiply_adds"] == ex.multiply_adds(model, b.size) > record["parameters"]
    assert record["data"] == ex.fingerprint(small) != ex.fingerprint(data)
    confusion = np.array(record["confusion"])
    assert confusion.shape == (10, 10) and confusion.sum() == len(data.y_test)
    np.testing.assert_allclose(record["test_error"], 1 - np.trace(confusion) / confusion.sum())
    np.testing.assert_array_equal(confusion.sum(axis=1), np.bincount(data.y_test, minlength=10))
    assert 0 <= record["test_error_running_stats"] <= 1
    assert record["seconds"] > 0 and math.isclose(record["images_per_second"], 60 / record["seconds"])
    assert not model.training


def test_training_is_reproducible_and_the_seed_matters(data):
    b = ex.budget(full=False)
    small = data.subset(40)
    first, second, other = (ex.train_and_evaluate("Z2CNN+rotations", small, seed, b, epochs=1) for seed in (1, 1, 2))
    assert ex.without_timing(first) == ex.without_timing(second)
    assert first["augment"] == "rotations" and first["dropout"] == 0.0
    assert ex.without_timing(first) != ex.without_timing(other)


def test_every_variant_is_built_as_described():
    b = ex.budget(full=False)
    channels = ex.matched_channels(b)
    for name, v in ex.VARIANTS.items():
        model = ex.build_model(name, b)
        dropouts = {m.p for m in model.modules() if isinstance(m, nn.Dropout)}
        assert dropouts == {v.dropout}, name  # no model gets dropout it was not meant to have
    assert channels["P4CNN"] == channels["P4CNN+rotations"] == b.p4_channels
    p4 = ex.build_model("P4CNN", b)
    # compute-matched: the closest multiply-adds there is, and more than the parameter-matched Z2CNN
    wide = ex.multiply_adds(ex.build_model("Z2CNN, matched compute", b), b.size)
    target = ex.multiply_adds(p4, b.size)
    for c in (channels["Z2CNN, matched compute"] - 1, channels["Z2CNN, matched compute"] + 1):
        other = ex.multiply_adds(Z2CNN(channels=c, input_size=b.size, layers=b.layers), b.size)
        assert abs(other - target) >= abs(wide - target)
    assert wide > ex.multiply_adds(ex.build_model("Z2CNN", b), b.size)
    assert ex.build_model("P4MCNN", b).group == "p4m"
    assert abs(count_parameters(ex.build_model("P4MCNN", b)) / count_parameters(p4) - 1) <= 0.10


def test_budget_rejects_unknown_variants_and_too_many_sweep_runs():
    with pytest.raises(ValueError, match="variants among"):
        ex.budget(full=False, variants=("ResNet",))
    with pytest.raises(ValueError, match="sweep_runs"):
        ex.budget(full=False, seeds=(0,), sweep_runs=3)


def test_the_default_plan_has_at_least_three_splits_and_seeds_per_row():
    b = ex.budget(full=False)
    jobs = ex.plan(b)
    rows = {(j.experiment, j.variant) for j in jobs if j.experiment != "sweep"}
    for experiment, variant in rows:
        runs = {(j.split, j.seed) for j in jobs if (j.experiment, j.variant) == (experiment, variant)}
        assert len({s for s, _ in runs}) >= 3 and len(runs) >= 9
    for n in b.sweep_sizes:
        for variant in ("Z2CNN", "P4CNN"):
            assert len([j for j in jobs if j.experiment == "sweep" and j.n_train == n and j.variant == variant]) >= 3
    assert len(jobs) == len(set(jobs))


def test_results_round_trip_through_json(tmp_path, monkeypatch):
    b = ex.budget(full=False)
    records = [{"experiment": "rotated", "model": "A", "split": 0, "seed": 0, "test_error": 0.1}]
    path = ex.save_results(records, b, tmp_path / "r" / "results.json", note="hello")
    loaded = ex.load_results(path)
    assert loaded["records"] == records and loaded["note"] == "hello"
    assert loaded["budget"]["splits"] == list(b.splits) and loaded["paper_test_error_percent"] == ex.PAPER_TEST_ERROR
    monkeypatch.setenv("GCNN_TEACH_RESULTS", str(tmp_path / "elsewhere.json"))
    assert ex.results_path() == tmp_path / "elsewhere.json"
    ex.save_results([], b)
    assert ex.load_results()["records"] == []


def test_confusion_matrix_counts_pairs():
    counts = ex.confusion_matrix([0, 0, 1, 2], [0, 1, 1, 0], classes=3)
    np.testing.assert_array_equal(counts, [[1, 1, 0], [0, 1, 0], [1, 0, 0]])


def test_rotation_agreement_of_an_invariant_and_a_plain_model(data):
    b = ex.budget(full=False)
    X = data.X_test[:50]
    p4 = ex.rotation_agreement(ex.build_model("P4CNN", b).eval(), X)
    assert p4["same_class"] == 1.0 and p4["changed"] == 0.0 and p4["max_logit_change"] < 1e-5
    z2 = ex.rotation_agreement(ex.build_model("Z2CNN", b).eval(), X)
    assert z2["max_logit_change"] > 1e-2 and z2["same_class"] + z2["changed"] == 1.0


def test_rotation_agreement_sees_a_model_that_reads_the_orientation():
    class Orientation(nn.Module):  # class 0 when the top half is brighter, else class 1
        def forward(self, x):
            top, bottom = x[..., :2, :].sum(dim=(1, 2, 3)), x[..., 2:, :].sum(dim=(1, 2, 3))
            return torch.stack([top - bottom, bottom - top], dim=1)

        def parameters(self, recurse=True):
            return iter([nn.Parameter(torch.zeros(1))])

    x = torch.zeros(4, 1, 4, 4)
    x[..., 0, :] = 1.0
    result = ex.rotation_agreement(Orientation(), x)
    assert result["same_class"] == 0.0 and result["changed"] == 1.0
    assert torch.equal(rotate(x, 4), x)
