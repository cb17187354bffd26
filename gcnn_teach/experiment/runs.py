"""Training runs of chapter 11, one job at a time, on any :class:`concurrent.futures.Executor`.

A job (:class:`Job`) names everything that fixes one training run except the data, which
the caller makes once per split and hands to every job of that split, so that every model
sees the same images.  ``run_job`` runs one job in whatever process it lands in; it
sets the number of torch threads and every seed itself, so a record does not depend on
where or in which order the job ran.  :func:`~gcnn_teach.experiment.run_all` submits a plan of jobs to an
executor: by default a pool of processes, one per core; :class:`SerialExecutor` runs them
one after the other in this process; a Dask cluster's ``Client.get_executor()`` spreads
them over its workers.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import socket
import sys
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import torch

from ..data.rotated import DigitSplit
from ..nn import count_parameters
from ..timing import torch_threads
from ..training import epochs_for_steps, predict, quarter_turns, random_rotations, recalibrate_batchnorm, train
from .design import VARIANTS, Budget, build_model, load_data, multiply_adds

#: The fields of a record that measure time: they differ between two runs of the same job.
#: The fields of a record that depend on where and when it ran, not on what was computed.
TIMING_FIELDS = ("seconds", "images_per_second", "worker")

AUGMENTATIONS = {None: None, "quarter_turns": quarter_turns, "rotations": random_rotations}

#: The experiments of a plan: on rotated digits, on upright digits, and the training-size sweep.
EXPERIMENTS = ("rotated", "upright", "sweep")


@dataclass(frozen=True, order=True)
class Job:
    """One training run: ``variant`` trained with ``seed`` on ``n_train`` images of data split
    ``split`` (rotated digits, or upright ones for ``experiment="upright"``) for ``epochs`` epochs."""

    experiment: str
    variant: str
    split: int
    seed: int
    n_train: int
    epochs: int

    @property
    def rotated(self) -> bool:
        return self.experiment != "upright"


def plan(b: Budget) -> list[Job]:
    """Every job of the chapter for budget ``b``: each variant on every split and seed (rotated
    digits), the control variants likewise on upright digits, and the sweep over training-set sizes
    (Z2CNN and P4CNN, ``b.sweep_runs`` runs per size, as many gradient steps as the main runs)."""
    jobs = [Job("rotated", v, split, seed, b.n_train, b.epochs)
            for v in b.variants for split in b.splits for seed in b.seeds]
    jobs += [Job("upright", v, split, seed, b.n_train, b.epochs)
             for v in b.control_variants for split in b.splits for seed in b.seeds]
    steps = b.epochs * -(-b.n_train // b.batch_size)
    jobs += [Job("sweep", v, b.splits[i], b.seeds[i], n, epochs_for_steps(steps, n, b.batch_size))
             for n in b.sweep_sizes for v in ("Z2CNN", "P4CNN") for i in range(b.sweep_runs)]
    return jobs


def fingerprint(data: DigitSplit) -> str:
    """A short hash of the images and labels a run trained and was tested on."""
    digest = hashlib.sha1()
    for array in (data.X_train, data.y_train, data.X_test, data.y_test):
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()[:12]


def confusion_matrix(labels, predicted, classes: int = 10) -> np.ndarray:
    """``counts[i, j]``: how many images of class ``i`` were predicted as class ``j``."""
    counts = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(labels), np.asarray(predicted)), 1)
    return counts


def train_and_evaluate(name: str, data: DigitSplit, seed: int, b: Budget, *, experiment: str = "rotated",
                       split: int | None = None, epochs: int | None = None, return_model: bool = False):
    """Train variant ``name`` with ``seed`` on ``data`` and measure it; returns a record (a ``dict``).

    The record holds ``experiment``, ``model`` (the variant), ``architecture``, ``split``,
    ``seed``, ``n_train``, ``epochs``, ``parameters``, ``multiply_adds`` (per image),
    ``dropout``, ``augment``, ``data`` (:func:`fingerprint` of the images),
    ``test_error`` (a fraction, after :func:`~gcnn_teach.training.recalibrate_batchnorm` when
    ``b.recalibrate``), ``test_error_running_stats`` (before it), ``confusion``
    (``[true class][predicted class]`` counts on the test set), the timings ``seconds``
    (training) and ``images_per_second``, and ``worker``, the process that ran it
    (``"host:pid"``); these last three are the ``TIMING_FIELDS``.  With ``return_model=True``
    returns ``(record, model)``, the model in evaluation mode.
    """
    epochs = b.epochs if epochs is None else epochs
    with torch_threads(b.threads):
        model = build_model(name, b, seed)  # a clear error for an unknown name
        variant = VARIANTS[name]
        start = time.perf_counter()
        train(model, data.X_train, data.y_train, epochs=epochs, batch_size=b.batch_size, lr=b.lr, seed=seed,
              augment=AUGMENTATIONS[variant.augment])
        if b.device.startswith("cuda"):
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        # the error with the running statistics batch norm kept during training, for comparison
        error_running_stats = float(np.mean(predict(model, data.X_test).argmax(1).numpy() != data.y_test))
        if b.recalibrate:
            recalibrate_batchnorm(model, data.X_train)
        predicted = predict(model, data.X_test).argmax(1).numpy()
    record = {
        "experiment": experiment, "model": name, "architecture": variant.architecture,
        "split": int(b.splits[0] if split is None else split), "seed": int(seed),
        "n_train": int(len(data.y_train)), "epochs": int(epochs),
        "parameters": count_parameters(model), "multiply_adds": multiply_adds(model, b.size),
        "dropout": variant.dropout, "augment": variant.augment, "data": fingerprint(data),
        "test_error": float(np.mean(predicted != data.y_test)),
        "test_error_running_stats": error_running_stats,
        "confusion": confusion_matrix(data.y_test, predicted).tolist(),
        "seconds": seconds, "images_per_second": epochs * len(data.y_train) / seconds,
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    return (record, model) if return_model else record


def run_job(job: Job, b: Budget, data: DigitSplit, keep_model: bool = False):
    """Run ``job`` on ``data`` (already cut to ``job.n_train`` images); returns ``(record, state)``,
    ``state`` being the trained weights (a ``state_dict`` on the CPU) when ``keep_model``, else ``None``.

    A plain module-level function of picklable arguments, so any executor can run it in
    another process or on another machine.
    """
    record, model = train_and_evaluate(job.variant, data, job.seed, b, experiment=job.experiment, split=job.split,
                                       epochs=job.epochs, return_model=True)
    state = {k: v.detach().cpu() for k, v in model.state_dict().items()} if keep_model else None
    return record, state


def without_timing(record: dict) -> dict:
    """``record`` without ``TIMING_FIELDS``: what two runs of the same job must agree on."""
    return {k: v for k, v in record.items() if k not in TIMING_FIELDS}


class SerialExecutor(Executor):
    """An :class:`~concurrent.futures.Executor` that runs each call at once, in this process."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to whoever asks for the result, as a pool would
            future.set_exception(error)
        return future


def _one_thread() -> None:
    torch.set_num_threads(1)


def default_executor(workers: int | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes (default: one per core), each running torch on one thread.

    The processes are started with ``spawn`` (a fresh interpreter, which is safe after torch
    has started threads in this one, and works the same on Linux, macOS and Windows).
    """
    workers = workers or os.cpu_count() or 1
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_one_thread)


@dataclass
class Sweep:
    """What :func:`run_all` returns: the ``records`` in the order of the plan, the trained
    ``models`` (``{(experiment, variant, split, seed): model}``, full-size runs only, when asked
    for), the wall-clock ``seconds`` it took, and ``workers``: how many processes ran its
    jobs (the distinct ``worker`` fields of its records, whatever the executor)."""

    records: list[dict]
    models: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def workers(self) -> int:
        return len({record["worker"] for record in self.records})

    @property
    def training_seconds(self) -> float:
        """Training time summed over every run (what one worker alone would have needed)."""
        return float(sum(r["seconds"] for r in self.records))


def datasets(b: Budget, jobs) -> dict:
    """The data every job needs, made once: ``{(rotated, split, n_train): DigitSplit}``."""
    full = {}
    out = {}
    for job in jobs:
        key = (job.rotated, job.split, job.n_train)
        if key in out:
            continue
        if (job.rotated, job.split) not in full:
            full[(job.rotated, job.split)] = load_data(b, job.split, rotate_digits=job.rotated)
        data = full[(job.rotated, job.split)]
        out[key] = data if job.n_train == len(data.y_train) else data.subset(job.n_train, seed=job.split)
    return out


def _cost(job: Job) -> float:
    """A rough relative cost, so that the longest jobs start first and the pool ends together."""
    weight = {"P4MCNN": 4.0, "P4CNNRotationPooling": 2.0, "P4CNN": 2.0}.get(VARIANTS[job.variant].architecture, 1.0)
    if VARIANTS[job.variant].match == "multiply_adds":
        weight = 2.0
    return weight * job.epochs * job.n_train


def run_all(jobs, b: Budget, *, executor: Executor | None = None, workers: int | None = None,
            keep_models: bool = False, progress: bool = False) -> Sweep:
    """Run every :class:`Job` in ``jobs`` (for example :func:`plan` ``(b)``); returns a :class:`Sweep`.

    ``executor``: any :class:`concurrent.futures.Executor`.  ``None`` makes a process pool of
    ``workers`` processes (default: one per core, see :func:`default_executor`) for this call
    and closes it afterwards; pass :class:`SerialExecutor` ``()`` to run everything here, or a
    cluster's executor (Dask: ``distributed.Client(address).get_executor()``) to run on it.
    The records do not depend on the executor: every job seeds itself and runs torch on
    ``b.threads`` threads (only the timings, and the worker named, differ: ``TIMING_FIELDS``).

    ``keep_models``: also return the trained models of the full-size runs (weights sent back
    from the workers and loaded into fresh models here).  ``progress``: a progress bar of
    finished jobs, for an interactive session (the book's build shows none).
    """
    jobs = list(jobs)
    if not jobs or not all(isinstance(job, Job) for job in jobs):
        raise ValueError("run_all: expected a non-empty list of Job (see plan)")
    data = datasets(b, jobs)
    own = executor is None
    if own:
        executor = default_executor(workers)
    start = time.perf_counter()
    try:
        order = sorted(range(len(jobs)), key=lambda i: -_cost(jobs[i]))
        futures = {i: executor.submit(run_job, jobs[i], b, data[(jobs[i].rotated, jobs[i].split, jobs[i].n_train)],
                                      keep_models and jobs[i].n_train == b.n_train) for i in order}
        if progress:
            _show_progress(list(futures.values()))
        results = [futures[i].result() for i in range(len(jobs))]
    finally:
        if own:
            executor.shutdown(wait=True)
    seconds = time.perf_counter() - start
    models = {}
    for job, (_, state) in zip(jobs, results):
        if state is not None:
            model = build_model(job.variant, b, job.seed)
            model.load_state_dict(state)
            models[(job.experiment, job.variant, job.split, job.seed)] = model.eval()
    return Sweep([record for record, _ in results], models, seconds)


def _show_progress(futures) -> None:
    from concurrent.futures import as_completed

    from tqdm.auto import tqdm

    for _ in tqdm(as_completed(futures), total=len(futures), desc="training runs", file=sys.stdout):
        pass
