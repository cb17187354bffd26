"""gcnn_teach.experiment.run_all on different executors: the records do not depend on where the jobs ran.

A tiny plan (two models, two splits, one epoch, and a two-size sweep) runs serially in this
process, on the default process pool, and on a Dask ``LocalCluster``; the records must be
identical up to the timings.
"""

import os
import socket

import pytest

from gcnn_teach import experiment as ex


@pytest.fixture(scope="module")
def tiny():
    b = ex.budget(full=False, n_train=150, splits=(0, 1), seeds=(0,), epochs=1, variants=("Z2CNN", "P4CNN"),
                  control_variants=("Z2CNN",), sweep_sizes=(60,), sweep_runs=1, layers=4)
    return b, ex.plan(b)


@pytest.fixture(scope="module")
def serial(tiny):
    b, jobs = tiny
    return ex.run_all(jobs, b, executor=ex.SerialExecutor(), keep_models=True)


def _same(records_a, records_b):
    return [ex.without_timing(r) for r in records_a] == [ex.without_timing(r) for r in records_b]


def _here() -> str:
    """This process, as a record's ``worker`` field names it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def test_the_plan_covers_every_row_split_and_seed(tiny):
    b, jobs = tiny
    assert [(j.experiment, j.variant, j.split) for j in jobs] == [
        ("rotated", "Z2CNN", 0), ("rotated", "Z2CNN", 1), ("rotated", "P4CNN", 0), ("rotated", "P4CNN", 1),
        ("upright", "Z2CNN", 0), ("upright", "Z2CNN", 1), ("sweep", "Z2CNN", 0), ("sweep", "P4CNN", 0)]
    sweep = [j for j in jobs if j.experiment == "sweep"]
    steps = b.epochs * -(-b.n_train // b.batch_size)
    assert all(j.n_train == 60 and j.epochs == round(steps / 2) for j in sweep)  # 60 images: 2 batches an epoch


def test_serial_records_follow_the_plan_and_every_model_sees_the_same_data(tiny, serial):
    b, jobs = tiny
    assert [(r["experiment"], r["model"], r["split"], r["seed"], r["n_train"]) for r in serial.records] == [
        (j.experiment, j.variant, j.split, j.seed, j.n_train) for j in jobs]
    for key in {(r["experiment"], r["split"], r["n_train"]) for r in serial.records}:
        prints = {r["data"] for r in serial.records if (r["experiment"], r["split"], r["n_train"]) == key}
        assert len(prints) == 1
    rotated = {r["data"] for r in serial.records if r["experiment"] == "rotated"}
    assert len(rotated) == 2  # two splits, two different data sets
    assert set(serial.models) == {(j.experiment, j.variant, j.split, j.seed) for j in jobs if j.n_train == b.n_train}
    assert serial.training_seconds > 0 and serial.seconds > 0
    assert serial.workers == 1 and {r["worker"] for r in serial.records} == {_here()}


def test_the_default_process_pool_gives_the_serial_records(tiny, serial):
    b, jobs = tiny
    pooled = ex.run_all(jobs, b, workers=2, keep_models=True)
    # the jobs ran in the pool's processes, not here (at most two of them, whichever were free)
    assert pooled.workers in (1, 2) and not {r["worker"] for r in pooled.records} & {_here()}
    assert _same(pooled.records, serial.records)
    key = ("rotated", "P4CNN", 1, 0)
    for p, q in zip(pooled.models[key].state_dict().values(), serial.models[key].state_dict().values()):
        assert p.equal(q)


def test_a_different_seed_would_be_seen(tiny, serial):
    # the comparison above can fail: one changed seed changes the records
    b, jobs = tiny
    other = [ex.Job(j.experiment, j.variant, j.split, j.seed + 1, j.n_train, j.epochs) for j in jobs[:1]]
    changed = ex.run_all(other, b, executor=ex.SerialExecutor())
    assert not _same(changed.records, serial.records[:1])


def test_a_dask_cluster_gives_the_serial_records(tiny, serial):
    distributed = pytest.importorskip("distributed")
    b, jobs = tiny
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_dask = ex.run_all(jobs, b, executor=client.get_executor())
    assert _same(on_dask.records, serial.records)
    assert on_dask.workers == 1 and _here() not in {r["worker"] for r in on_dask.records}


def test_run_all_rejects_what_is_not_a_plan(tiny):
    b, _ = tiny
    with pytest.raises(ValueError, match="list of Job"):
        ex.run_all([], b, executor=ex.SerialExecutor())
    with pytest.raises(ValueError, match="list of Job"):
        ex.run_all(["Z2CNN"], b, executor=ex.SerialExecutor())
