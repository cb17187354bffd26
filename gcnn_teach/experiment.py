"""The rotated-digits experiment (chapter 11): Z2CNN against P4CNN, as in Cohen & Welling's Table 1.

Everything the chapter runs is here, so that a reader can rerun it from a script:

* :class:`Budget` fixes the data, the architectures and the training budget.  The default
  finishes in a few minutes on two CPU cores; :func:`budget` with ``full=True`` (or the
  environment variable ``GCNN_TEACH_FULL=1``) switches to the paper's 28x28 images and
  seven layers, more epochs and more seeds, on a GPU when there is one.
* :func:`build_model` makes the three models of Table 1 with parameter counts matched by
  :func:`matched_channels`; :func:`train_and_evaluate` trains one of them for one seed
  (:func:`gcnn_teach.training.train`: Adam, mini-batches) and returns a flat record
  (a ``dict`` of numbers and names) with its test error and training throughput;
  :func:`run_all` runs many.
* :func:`summarise` turns records into mean and spread per model; :func:`save_results` /
  :func:`load_results` write and read them as JSON (by default under the system's
  temporary folder, see :func:`results_path`: results are computed, never committed).
* :func:`rotation_agreement` measures, on real test images, whether a trained model gives
  the same answer for an image and its quarter turns.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .actions import rotate
from .data.rotated import DigitSplit, rotated_digits
from .nn import P4CNN, Z2CNN, count_parameters
from .training import as_tensor, error_rate, predict, train

__all__ = [
    "PAPER_TEST_ERROR",
    "MODEL_NAMES",
    "Budget",
    "full_run_requested",
    "budget",
    "load_data",
    "build_model",
    "matched_channels",
    "train_and_evaluate",
    "run_all",
    "summarise",
    "confusion_matrix",
    "errors_by_size",
    "results_path",
    "save_results",
    "load_results",
    "rotation_agreement",
    "recalibrate_batchnorm",
]

#: Test error in % on rotated MNIST, Cohen & Welling (2016), Table 1 (theirs, not ours).
PAPER_TEST_ERROR = {"Z2CNN": 5.03, "P4CNNRotationPooling": 3.21, "P4CNN": 2.28}

#: The three models of Table 1, in the paper's order.
MODEL_NAMES = ("Z2CNN", "P4CNNRotationPooling", "P4CNN")

#: The environment variable that asks for the long run.
FULL_RUN_VARIABLE = "GCNN_TEACH_FULL"


@dataclass(frozen=True)
class Budget:
    """Everything that fixes one run of the experiment.

    Data: ``size x size`` images made from digits upsampled to ``digit_size`` (see
    :func:`gcnn_teach.data.rotated.rotated_digits`), ``n_train`` of them for training, the rest for
    testing, split and rotated with ``data_seed``.  Models: ``layers`` layers of 3x3
    correlations, 2x2 max pooling after layer ``pool_after``, ``p4_channels`` channels for
    P4CNN (the paper's 10) and as many for Z2CNN and P4CNNRotationPooling as match its
    parameter count.  Training: ``epochs`` passes of Adam over the ``n_train`` images for
    every seed in ``seeds``; the sample-efficiency sweep trains on ``sweep_sizes`` images
    with the same number of gradient steps; the upright control uses ``control_seeds``.
    """

    size: int = 18
    digit_size: int = 12
    n_train: int = 1000
    data_seed: int = 0
    layers: int = 5
    pool_after: int = 2
    p4_channels: int = 10
    dropout: float = 0.0
    epochs: int = 6
    batch_size: int = 32
    lr: float = 3e-3
    seeds: tuple[int, ...] = (0, 1, 2)
    sweep_sizes: tuple[int, ...] = (100, 250, 500)
    sweep_seeds: tuple[int, ...] = (0,)
    control_seeds: tuple[int, ...] = (0, 1, 2)
    device: str = "cpu"
    threads: int = 1
    recalibrate: bool = True
    full: bool = False

    def describe(self) -> str:
        """One line for the text: what was run."""
        return (f"{self.size}x{self.size} images, {self.layers} layers, {self.n_train} training images, "
                f"{self.epochs} epochs, {len(self.seeds)} seeds, on {self.device}")


def full_run_requested() -> bool:
    """``True`` when the environment variable ``GCNN_TEACH_FULL`` is set to 1 (or yes/true)."""
    return os.environ.get(FULL_RUN_VARIABLE, "").strip().lower() in ("1", "true", "yes", "on")


def budget(full: bool | None = None, **changes) -> Budget:
    """The default :class:`Budget`, or the full one (``full=True``, or ``None`` to read ``GCNN_TEACH_FULL``).

    The full run uses the paper's 28x28 images and 7 layers (the last one 4x4), 30 epochs,
    five seeds throughout, on CUDA when it is available.  ``changes`` override fields.
    """
    if full is None:
        full = full_run_requested()
    if full:
        device = "cuda" if torch.cuda.is_available() else "cpu"
        base = Budget(size=28, digit_size=20, layers=7, epochs=30, seeds=(0, 1, 2, 3, 4),
                      sweep_sizes=(100, 250, 500), sweep_seeds=(0, 1, 2, 3, 4),
                      control_seeds=(0, 1, 2, 3, 4), device=device,
                      threads=max(1, os.cpu_count() or 1), full=True)
    else:
        base = Budget()
    return replace(base, **changes)


def load_data(b: Budget, rotate_digits: bool = True) -> DigitSplit:
    """The digits for budget ``b``: rotated (the experiment) or upright (the control), same split."""
    return rotated_digits(size=b.size, digit_size=b.digit_size, n_train=b.n_train,
                          seed=b.data_seed, rotate=rotate_digits)


def _make(name: str, channels: int, b: Budget) -> nn.Module:
    common = dict(input_size=b.size, layers=b.layers, pool_after=b.pool_after, dropout=b.dropout)
    if name == "Z2CNN":
        return Z2CNN(channels=channels, **common)
    if name == "P4CNN":
        return P4CNN(channels=channels, **common)
    if name == "P4CNNRotationPooling":
        return P4CNN(channels=channels, rotation_pooling=True, **common)
    raise ValueError(f"expected a model name in {MODEL_NAMES}, got {name!r}")


def matched_channels(b: Budget) -> dict[str, int]:
    """Channels per model: P4CNN keeps ``b.p4_channels``; the others get the count whose
    number of parameters is closest to P4CNN's (Z2CNN and P4CNNRotationPooling have the
    same weights, so they get the same count)."""
    target = count_parameters(_make("P4CNN", b.p4_channels, b))
    best = min(range(1, 4 * b.p4_channels + 1),
               key=lambda c: abs(count_parameters(_make("Z2CNN", c, b)) - target))
    return {"Z2CNN": best, "P4CNNRotationPooling": best, "P4CNN": b.p4_channels}


def build_model(name: str, b: Budget, seed: int = 0) -> nn.Module:
    """Model ``name`` (one of :data:`MODEL_NAMES`) for budget ``b``, initialised with ``torch.manual_seed(seed)``."""
    channels = matched_channels(b)[name] if name in MODEL_NAMES else None
    torch.manual_seed(seed)
    return _make(name, channels, b).to(b.device)


@torch.no_grad()
def recalibrate_batchnorm(model: nn.Module, X, batch_size: int = 256) -> nn.Module:
    """Replace the running statistics of every batch-norm layer by exact averages over ``X``.

    During training, batch normalisation keeps an exponential moving average of the
    batch statistics; after a few hundred steps of a fast-moving network that average
    still remembers the early weights, and the model in evaluation mode can be much worse
    than in training.  One pass over the training images with the final weights (dropout
    off, gradients off) gives the statistics the evaluation should use ("precise BN").
    Returns ``model``, in evaluation mode.
    """
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    model.eval()
    momenta = [m.momentum for m in norms]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None  # None: a cumulative (equal-weight) average over the batches
        m.train()
    X = as_tensor(X)
    device = next(model.parameters()).device
    for start in range(0, len(X), batch_size):
        model(X[start:start + batch_size].to(device))
    for m, momentum in zip(norms, momenta):
        m.momentum = momentum
    return model.eval()


@contextmanager
def _threads(n: int):
    """Run torch on ``n`` CPU threads inside the block (one thread is fastest on a busy machine)."""
    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def train_and_evaluate(name: str, data: DigitSplit, seed: int, b: Budget, *, experiment: str = "rotated",
                       epochs: int | None = None, progress: bool = True, return_model: bool = False):
    """Train model ``name`` with ``seed`` on ``data`` and measure it; returns a record (a ``dict``).

    The record holds ``experiment``, ``model``, ``seed``, ``n_train``, ``epochs``,
    ``parameters``, ``test_error`` (a fraction, after :func:`recalibrate_batchnorm` when
    ``b.recalibrate``), ``test_error_running_stats`` (the test error before that), ``confusion`` (``[true class][predicted class]`` counts on the
    test set), ``seconds`` of training and ``images_per_second`` (training throughput).
    With ``return_model=True`` returns ``(record, model)``, the model in evaluation mode.
    """
    epochs = b.epochs if epochs is None else epochs
    model = build_model(name, b, seed)
    with _threads(b.threads):
        start = time.perf_counter()
        train(model, data.X_train, data.y_train, epochs=epochs, batch_size=b.batch_size, lr=b.lr,
              seed=seed, progress=progress, desc=f"{name} seed {seed} n={len(data.y_train)}")
        if b.device.startswith("cuda"):
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        # the error with the running statistics batch norm kept during training, for comparison
        error_running_stats = error_rate(model, data.X_test, data.y_test)
        if b.recalibrate:
            recalibrate_batchnorm(model, data.X_train)
        predicted = predict(model, data.X_test).argmax(1).numpy()
        record = {
            "experiment": experiment,
            "model": name,
            "seed": int(seed),
            "n_train": int(len(data.y_train)),
            "epochs": int(epochs),
            "parameters": count_parameters(model),
            "test_error": float(np.mean(predicted != data.y_test)),
            "test_error_running_stats": error_running_stats,
            "confusion": confusion_matrix(data.y_test, predicted).tolist(),
            "seconds": seconds,
            "images_per_second": epochs * len(data.y_train) / seconds,
        }
    return (record, model) if return_model else record


def confusion_matrix(labels, predicted, classes: int = 10) -> np.ndarray:
    """``counts[i, j]``: how many images of class ``i`` were predicted as class ``j``."""
    counts = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(labels), np.asarray(predicted)), 1)
    return counts


def _bar(items, desc: str, progress: bool):
    if not progress:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, file=sys.stdout)


def run_all(names, data: DigitSplit, seeds, b: Budget, *, experiment: str = "rotated",
            sizes=None, progress: bool = True, keep_models: bool = False):
    """Train every model in ``names`` with every seed; returns the records.

    With ``keep_models=True`` returns ``(records, models)``, where ``models[(name, seed)]``
    is the trained model (on the largest training set), in evaluation mode.

    ``sizes`` (a sequence of training-set sizes) makes it a sample-efficiency sweep: each
    size trains on a class-balanced subset (:meth:`DigitSplit.subset`) for as many epochs
    as give it the same number of gradient steps as ``b.epochs`` epochs over ``b.n_train``
    images (rounded to whole epochs), so small training sets are not also under-trained.
    """
    sizes = [len(data.y_train)] if sizes is None else list(sizes)
    jobs = [(n, name, seed) for n in sizes for name in names for seed in seeds]
    steps = b.epochs * math.ceil(b.n_train / b.batch_size)  # the budget of gradient steps per run
    records, models = [], {}
    for n, name, seed in _bar(jobs, experiment, progress):
        subset = data if n == len(data.y_train) else data.subset(n, seed=b.data_seed)
        epochs = max(1, round(steps / math.ceil(n / b.batch_size)))
        record, model = train_and_evaluate(name, subset, seed, b, experiment=experiment, epochs=epochs,
                                           progress=progress, return_model=True)
        records.append(record)
        if n == max(sizes):
            models[(name, seed)] = model
    return (records, models) if keep_models else records


def summarise(records: list[dict], experiment: str = "rotated", by: str = "model") -> dict:
    """Mean and spread of the test error per model (or per ``(model, n_train)`` with ``by="size"``).

    Returns ``{key: {"mean", "std", "min", "max", "runs", "parameters"}}`` with errors as
    fractions; ``std`` is the sample standard deviation over seeds (0 for a single run).
    """
    groups: dict = {}
    for r in records:
        if r["experiment"] != experiment:
            continue
        key = r["model"] if by == "model" else (r["model"], r["n_train"])
        groups.setdefault(key, []).append(r)
    if not groups:
        raise ValueError(f"summarise: no records for experiment {experiment!r}")
    out = {}
    for key, rs in groups.items():
        errors = np.array([r["test_error"] for r in rs])
        out[key] = {
            "mean": float(errors.mean()),
            "std": float(errors.std(ddof=1)) if len(errors) > 1 else 0.0,
            "min": float(errors.min()),
            "max": float(errors.max()),
            "runs": len(errors),
            "parameters": int(rs[0]["parameters"]),
        }
    return out


def errors_by_size(records: list[dict], model: str, sizes, seeds) -> np.ndarray:
    """Test errors ``[len(seeds), len(sizes)]`` of ``model``: the run with each seed and training-set size.

    Looks in every experiment on the rotated digits (the sweep and the main runs), so the
    largest size can come from the main comparison.
    """
    found = {(r["seed"], r["n_train"]): r["test_error"] for r in records
             if r["model"] == model and r["experiment"] in ("rotated", "sweep")}
    missing = [(seed, n) for seed in seeds for n in sizes if (seed, n) not in found]
    if missing:
        raise KeyError(f"errors_by_size: no {model} run for (seed, n_train) in {missing}")
    return np.array([[found[(seed, n)] for n in sizes] for seed in seeds])


def results_path() -> Path:
    """Where the chapter writes its results: ``$GCNN_TEACH_RESULTS`` or ``<tmp>/gcnn_teach/rotated_digits.json``."""
    default = Path(tempfile.gettempdir()) / "gcnn_teach" / "rotated_digits.json"
    return Path(os.environ.get("GCNN_TEACH_RESULTS", default))


def save_results(records: list[dict], b: Budget, path: str | Path | None = None, **extra) -> Path:
    """Write ``{"budget": ..., "records": [...], **extra}`` as JSON; returns the path."""
    path = results_path() if path is None else Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"budget": asdict(b), "paper_test_error_percent": PAPER_TEST_ERROR, "records": records, **extra}
    path.write_text(json.dumps(payload, indent=1))
    return path


def load_results(path: str | Path | None = None) -> dict:
    """Read what :func:`save_results` wrote."""
    path = results_path() if path is None else Path(path)
    return json.loads(Path(path).read_text())


def rotation_agreement(model: nn.Module, X) -> dict:
    """How a trained model answers an image and its three quarter turns, on many images ``X [N, 1, S, S]``.

    Returns ``{"same_class": fraction of images whose predicted class is the same for all
    four rotations, "changed": 1 - same_class, "max_logit_change": the largest
    |logit(rot x) - logit(x)| relative to the largest |logit(x)|}``.
    """
    X = as_tensor(X)
    logits = [predict(model, rotate(X, r)) for r in range(4)]
    classes = torch.stack([z.argmax(1) for z in logits])  # [4, N]
    same = (classes == classes[0]).all(dim=0).float().mean().item()
    scale = logits[0].abs().max().item() or 1.0
    change = max((z - logits[0]).abs().max().item() for z in logits[1:]) / scale
    return {"same_class": same, "changed": 1.0 - same, "max_logit_change": change}
