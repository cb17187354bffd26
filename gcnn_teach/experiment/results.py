"""Results files of chapter 11 (computed, never committed), tables, and the invariance of trained models."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

import torch
from torch import nn

from ..actions import rotate
from ..training import as_tensor, predict
from .design import PAPER_TEST_ERROR, VARIANTS, Budget
from .stats import summarise


def results_path() -> Path:
    """Where the chapter writes its results: ``$GCNN_TEACH_RESULTS`` or ``<tmp>/gcnn_teach/rotated_digits.json``."""
    default = Path(tempfile.gettempdir()) / "gcnn_teach" / "rotated_digits.json"
    return Path(os.environ.get("GCNN_TEACH_RESULTS", default))


def save_results(records: list[dict], b: Budget, path: str | Path | None = None, **extra) -> Path:
    """Write ``{"budget": ..., "paper_test_error_percent": ..., "records": [...], **extra}`` as JSON; returns the path."""
    path = results_path() if path is None else Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"budget": asdict(b), "paper_test_error_percent": PAPER_TEST_ERROR, "records": records, **extra}
    path.write_text(json.dumps(payload, indent=1))
    return path


def load_results(path: str | Path | None = None) -> dict:
    """Read what :func:`save_results` wrote."""
    path = results_path() if path is None else Path(path)
    return json.loads(Path(path).read_text())


def results_table(records: list[dict], experiment: str = "rotated", paper: dict | None = None) -> str:
    """A Markdown table, one row per model of ``experiment``: what it is, parameters, multiply-adds per
    image, mean test error with its 95% interval over splits, the number of runs, and ``paper[model]`` (%)."""
    summary = summarise(records, experiment)
    head = "| model | what it is | parameters | multiply-adds | test error | 95% interval | runs |"
    rule = "| --- | --- | ---: | ---: | ---: | :---: | ---: |"
    if paper is not None:
        head, rule = head + " paper (rotated MNIST) |", rule + " ---: |"
    lines = [head, rule]
    for name, s in summary.items():
        row = (f"| {name} | {VARIANTS[name].description if name in VARIANTS else ''} | {s['parameters']:,} | "
               f"{s['multiply_adds']:,} | {s['mean']:.1%} | {s['low']:.1%} to {s['high']:.1%} | "
               f"{s['runs']} ({s['splits']} splits) |")
        if paper is not None:
            row += f" {paper[name]:.2f}% |" if name in paper else " |"
        lines.append(row)
    return "\n".join(lines)


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
