"""The design of chapter 11's experiment: the paper's numbers and protocol, the models (rows),
the budget, the data splits, and matched model sizes."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache

import torch
from torch import nn

from ..costs import count_costs
from ..data.rotated import DigitSplit, rotated_digits
from ..nn import P4CNN, Z2CNN, count_parameters

#: Test error in % on rotated MNIST, Cohen & Welling (2016), Table 1 (theirs, not ours).
PAPER_TEST_ERROR = {"Z2CNN": 5.03, "P4CNNRotationPooling": 3.21, "P4CNN": 2.28}

#: The "±" of Table 1, as printed: the standard deviation over 5 seeds (``np.std`` of the error
#: *fractions*, so 0.0020 is 0.20 percentage points; see ``PAPER_PROTOCOL``).
PAPER_TEST_ERROR_STD = {"Z2CNN": 0.0020, "P4CNNRotationPooling": 0.0012, "P4CNN": 0.0004}

#: The three models of Table 1, in the paper's order.
MODEL_NAMES = ("Z2CNN", "P4CNNRotationPooling", "P4CNN")

#: How the paper's released code (github.com/tscohen/gconv_experiments, ``MNIST_ROT/experiment.py``,
#: ``MNIST_ROT/train.py``, ``MNIST_ROT/models/*.py``, ``augmentation.py``) runs Table 1.
PAPER_PROTOCOL = {
    "data": "rotated MNIST: 12,000 training images (train + validation), 50,000 test images, 28x28",
    "optimiser": "Adam, learning rate 0.001, mini-batches of 128, no weight decay",
    "epochs": "Z2CNN 300; P4CNN and P4CNNRotationPooling 100",
    "dropout": "Z2CNN only: rate 0.3 after layers 1, 3, 4, 5 and 6; none in the two p4 models",
    "augmentation": "'rotation' for every model: an angle drawn uniformly from [-pi, pi] per image, "
                    "passed to skimage.transform.rotate, whose angle is in degrees",
    "batch statistics": "a 'finetune' pass over the training set before each test (exact averages), run as in "
                        "training (train=True): Z2CNN's dropout on, images augmented",
    "repeats": "5 seeds on the one fixed split; the error after the last epoch; mean and np.std",
}

#: The environment variable that asks for the long run.
FULL_RUN_VARIABLE = "GCNN_TEACH_FULL"


@dataclass(frozen=True)
class Variant:
    """One row of the experiment: an architecture, how its width is chosen, and how it is trained.

    ``architecture``: ``"Z2CNN"``, ``"P4CNN"``, ``"P4CNNRotationPooling"`` or ``"P4MCNN"`` (P4CNN
    on the group p4m).  ``match``: ``"reference"`` (P4CNN's ``p4_channels``), ``"parameters"``
    (the channel count whose parameter count is closest to P4CNN's) or ``"multiply_adds"``
    (closest in multiply-adds per image, i.e. compute).  ``augment``: ``None``,
    ``"quarter_turns"`` or ``"rotations"`` (random angles), see :mod:`gcnn_teach.training`.
    """

    name: str
    architecture: str
    match: str = "parameters"
    dropout: float = 0.0
    augment: str | None = None
    description: str = ""


VARIANTS = {v.name: v for v in (
    Variant("Z2CNN", "Z2CNN", description="plain CNN (Table 1)"),
    Variant("P4CNNRotationPooling", "P4CNNRotationPooling", description="p4, pooled over rotations after every layer (Table 1)"),
    Variant("P4CNN", "P4CNN", "reference", description="p4 group correlations (Table 1)"),
    Variant("Z2CNN+dropout", "Z2CNN", dropout=0.3, description="Z2CNN with dropout 0.3, the paper's rate"),
    Variant("Z2CNN+quarter turns", "Z2CNN", augment="quarter_turns", description="Z2CNN, every image turned by a random multiple of 90°"),
    Variant("Z2CNN+rotations", "Z2CNN", augment="rotations", description="Z2CNN, every image turned by a random angle"),
    Variant("Z2CNN, matched compute", "Z2CNN", "multiply_adds", description="Z2CNN as wide as P4CNN's multiply-adds allow"),
    Variant("P4CNN+rotations", "P4CNN", "reference", augment="rotations", description="P4CNN, every image turned by a random angle"),
    Variant("P4MCNN", "P4MCNN", description="p4m (rotations and mirrors) group correlations"),
)}


@dataclass(frozen=True)
class Budget:
    """Everything that fixes one run of the experiment.

    Data: ``size x size`` images made from digits upsampled to ``digit_size`` (see
    :func:`gcnn_teach.data.rotated.rotated_digits`), ``n_train`` of them for training, the rest
    for testing.  Each entry of ``splits`` is a data seed: it fixes which digits train and
    which test, and the angle of every digit.  Models: ``layers`` layers of 3x3 correlations,
    2x2 max pooling after layer ``pool_after``, ``p4_channels`` channels for P4CNN; the rows
    are ``variants`` (names in ``VARIANTS``).  Training: ``epochs`` passes of Adam over the
    ``n_train`` images, for every split and every seed in ``seeds``.  The upright control
    trains ``control_variants`` on the same splits and seeds; the sample-efficiency sweep
    trains Z2CNN and P4CNN on ``sweep_sizes`` images with as many gradient steps as the main
    runs, ``sweep_runs`` times (split ``splits[i]`` with seed ``seeds[i]``).
    """

    size: int = 18
    digit_size: int = 12
    n_train: int = 1000
    splits: tuple[int, ...] = (0, 1, 2)
    layers: int = 5
    pool_after: int = 2
    p4_channels: int = 10
    epochs: int = 4
    batch_size: int = 32
    lr: float = 3e-3
    seeds: tuple[int, ...] = (0, 1, 2)
    variants: tuple[str, ...] = tuple(VARIANTS)
    control_variants: tuple[str, ...] = ("Z2CNN", "P4CNN")
    sweep_sizes: tuple[int, ...] = (100, 250, 500)
    sweep_runs: int = 3
    device: str = "cpu"
    threads: int = 1
    recalibrate: bool = True
    full: bool = False

    def describe(self) -> str:
        """One line for the text: what was run."""
        return (f"{self.size}x{self.size} images, {self.layers} layers, {self.n_train} training images, "
                f"{self.epochs} epochs, {len(self.splits)} splits x {len(self.seeds)} seeds, on {self.device}")


def full_run_requested() -> bool:
    """``True`` when the environment variable ``GCNN_TEACH_FULL`` is set to 1 (or yes/true)."""
    return os.environ.get(FULL_RUN_VARIABLE, "").strip().lower() in ("1", "true", "yes", "on")


def budget(full: bool | None = None, **changes) -> Budget:
    """The default :class:`Budget`, or the full one (``full=True``, or ``None`` to read ``GCNN_TEACH_FULL``).

    The full run uses the paper's 28x28 images and 7 layers (the last one 4x4), 30 epochs,
    five splits and five seeds, on CUDA when it is available.  ``changes`` override fields.
    """
    if full is None:
        full = full_run_requested()
    if full:
        device = "cuda" if torch.cuda.is_available() else "cpu"
        base = Budget(size=28, digit_size=20, layers=7, epochs=30, splits=(0, 1, 2, 3, 4), seeds=(0, 1, 2, 3, 4),
                      sweep_runs=5, device=device, full=True)
    else:
        base = Budget()
    b = replace(base, **changes)
    unknown = [v for v in (*b.variants, *b.control_variants) if v not in VARIANTS]
    if unknown:
        raise ValueError(f"budget: expected variants among {list(VARIANTS)}, got {unknown}")
    if b.sweep_sizes and b.sweep_runs > min(len(b.splits), len(b.seeds)):
        raise ValueError(f"budget: sweep_runs={b.sweep_runs} needs as many splits and seeds")
    return b


def load_data(b: Budget, split: int | None = None, rotate_digits: bool = True) -> DigitSplit:
    """The digits of data split ``split`` (default: the budget's first): rotated, or upright (the control)."""
    split = b.splits[0] if split is None else split
    return rotated_digits(size=b.size, digit_size=b.digit_size, n_train=b.n_train, seed=split, rotate=rotate_digits)


def _make(architecture: str, channels: int, b: Budget, dropout: float = 0.0) -> nn.Module:
    common = dict(input_size=b.size, layers=b.layers, pool_after=b.pool_after, dropout=dropout)
    if architecture == "Z2CNN":
        return Z2CNN(channels=channels, **common)
    if architecture == "P4CNN":
        return P4CNN(channels=channels, **common)
    if architecture == "P4CNNRotationPooling":
        return P4CNN(channels=channels, rotation_pooling=True, **common)
    if architecture == "P4MCNN":
        return P4CNN(channels=channels, group="p4m", **common)
    raise ValueError(f"expected an architecture among Z2CNN, P4CNN, P4CNNRotationPooling, P4MCNN, got {architecture!r}")


def multiply_adds(model: nn.Module, size: int) -> int:
    """Multiply-adds of ``model`` for one ``size x size`` image (:func:`gcnn_teach.costs.count_costs`)."""
    return count_costs(model, (1, size, size)).multiply_adds


@lru_cache(maxsize=16)
def _channels(architecture: str, match: str, b: Budget) -> int:
    if match == "reference":
        return b.p4_channels
    if match not in ("parameters", "multiply_adds"):
        raise ValueError(f"expected match 'reference', 'parameters' or 'multiply_adds', got {match!r}")
    reference = _make("P4CNN", b.p4_channels, b)
    measure = count_parameters if match == "parameters" else (lambda m: multiply_adds(m, b.size))
    target = measure(reference)
    return min(range(1, 8 * b.p4_channels + 1), key=lambda c: abs(measure(_make(architecture, c, b)) - target))


def matched_channels(b: Budget) -> dict[str, int]:
    """Channels per variant of ``VARIANTS``: P4CNN keeps ``b.p4_channels``; every other model gets
    the count whose number of parameters (or, for ``match="multiply_adds"``, of multiply-adds per
    image) is closest to P4CNN's."""
    return {name: _channels(v.architecture, v.match, b) for name, v in VARIANTS.items()}


def build_model(name: str, b: Budget, seed: int = 0) -> nn.Module:
    """The model of variant ``name`` (a key of ``VARIANTS``) for budget ``b``, initialised with
    ``torch.manual_seed(seed)``, on ``b.device``."""
    if name not in VARIANTS:
        raise ValueError(f"expected a model name among {list(VARIANTS)}, got {name!r}")
    v = VARIANTS[name]
    channels = _channels(v.architecture, v.match, b)
    torch.manual_seed(seed)
    return _make(v.architecture, channels, b, v.dropout).to(b.device)
