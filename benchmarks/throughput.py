"""Training throughput of chapter 11's models: images per second for Z2CNN, P4CNN and P4CNN
with rotation pooling, at the chapter's budget (matched parameter counts), timed in the same run.

One training step is what :func:`gcnn_teach.training.train` does for a mini-batch: forward,
cross-entropy, backward, an Adam update.  Z2CNN is the baseline; each G-CNN is timed against
it in interleaved blocks with ``compare`` from ``benchmarks/run.py``, so the ratio holds on a
busy machine even when the absolute numbers do not.

Run on its own (the options are those of ``run.py``)::

    .venv/bin/python benchmarks/throughput.py [--threads 1] [--device cpu] [--quick] [--full]

or import it next to ``run.py``, which registers :func:`training_throughput` as one more
benchmark of ``run.main``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run.py, also when imported from elsewhere

from run import Config, Row, benchmark, compare  # noqa: E402

from gcnn_teach import experiment as ex  # noqa: E402
from gcnn_teach.nn import count_parameters  # noqa: E402

#: Set by ``--full``: time the models of the long run (28x28 images, 7 layers) instead.
FULL = False


def training_step(model: torch.nn.Module, X: torch.Tensor, y: torch.Tensor) -> Callable[[], None]:
    """One step of Adam on the mini-batch ``(X, y)``, as in :func:`gcnn_teach.training.train`."""
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()

    def step():
        optimiser.zero_grad(set_to_none=True)
        F.cross_entropy(model(X), y).backward()
        optimiser.step()

    return step


def measure(config: Config, names=("P4CNN", "P4CNNRotationPooling"), full: bool = False) -> list[dict]:
    """Seconds per training step and images per second of Z2CNN and of each model in ``names``.

    Returns one dict per model in ``names`` with ``model``, ``parameters``, ``batch``,
    ``baseline_s`` / ``candidate_s`` (seconds per step, medians), ``ratio`` (candidate time
    over Z2CNN time, median of paired blocks) and ``baseline_ips`` / ``candidate_ips``
    (images per second).
    """
    b = ex.budget(full=full, device=config.device.type)
    batch = 8 if config.quick else b.batch_size
    generator = torch.Generator().manual_seed(0)
    X = torch.rand(batch, 1, b.size, b.size, generator=generator).to(config.device)
    y = torch.randint(0, 10, (batch,), generator=generator).to(config.device)
    baseline = ex.build_model("Z2CNN", b)
    results = []
    for name in names:
        candidate = ex.build_model(name, b)
        base_s, cand_s, ratio = compare(training_step(baseline, X, y), training_step(candidate, X, y), config)
        results.append({"model": name, "parameters": count_parameters(candidate), "batch": batch,
                        "baseline_parameters": count_parameters(baseline), "size": b.size,
                        "baseline_s": base_s, "candidate_s": cand_s, "ratio": ratio,
                        "baseline_ips": batch / base_s, "candidate_ips": batch / cand_s})
    return results


@benchmark
def training_throughput(config: Config) -> list[Row]:
    """Z2CNN against P4CNN and P4CNN with rotation pooling: one training step each (chapter 11)."""
    rows = []
    for r in measure(config, full=FULL):
        rows.append(Row(f"training step, batch {r['batch']}, {r['size']}x{r['size']}",
                        f"Z2CNN ({r['baseline_parameters']:,} params, {r['baseline_ips']:,.0f} images/s)",
                        r["baseline_s"],
                        f"{r['model']} ({r['parameters']:,} params, {r['candidate_ips']:,.0f} images/s)",
                        r["candidate_s"], r["ratio"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    global FULL
    import run

    argv = list(sys.argv[1:] if argv is None else argv)
    if "--full" in argv:
        argv.remove("--full")
        FULL = True
    return run.main(["--only", "training_throughput", *argv])


if __name__ == "__main__":
    sys.exit(main())
