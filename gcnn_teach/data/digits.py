"""scikit-learn's bundled handwritten digits as image tensors (no download: the data ships
inside scikit-learn)."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1797 bundled 8x8 digits as ``images [N, 1, 8, 8]`` (float32 in [0, 1]) and ``labels [N]`` (int64)."""
    try:
        from sklearn.datasets import load_digits as _load
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("gcnn_teach.data needs scikit-learn: pip install scikit-learn") from error
    bunch = _load()
    images = (bunch.images / 16.0).astype(np.float32)[:, None]
    return images, bunch.target.astype(np.int64)


def upsample(images: np.ndarray, size: int) -> np.ndarray:
    """Resize ``[N, C, h, w]`` images to ``[N, C, size, size]`` with bilinear interpolation."""
    if not isinstance(images, np.ndarray) or images.ndim != 4:
        raise ValueError(
            f"upsample: expected a numpy array [N, C, h, w], got "
            f"{getattr(images, 'shape', type(images).__name__)}"
        )
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"upsample: expected a positive integer size, got {size!r}")
    tensor = torch.as_tensor(images, dtype=torch.float32)
    out = F.interpolate(tensor, size=(int(size), int(size)), mode="bilinear", align_corners=False)
    return out.clamp_(0.0, 1.0).numpy()
