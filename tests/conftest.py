"""Shared settings for the package's tests.

Hypothesis profiles: ``ci`` (the default) keeps the property-based tests small, fast and
reproducible (derandomised, no example database written to disk), so that the whole suite
runs in well under a minute on two cores.  ``thorough`` explores many more examples; use
it when you change a core module::

    HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests -m "not book"
"""

from __future__ import annotations

import functools
import os

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, settings

# The tests run small tensors, where a second thread only adds synchronisation; on a busy
# machine two spinning threads per process can make a 30 ms forward pass take seconds.
torch.set_num_threads(1)

settings.register_profile(
    "ci",
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=200,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded generator, fresh for every test, so that tests do not depend on their order."""
    return np.random.default_rng(20160619)


# -- an independent reference of the conventions in book/notation.md -------------------
# Written from the notation page alone, sharing no code with gcnn_teach, so that tests can
# compare the package against the definitions rather than against itself.

_ROTATE = np.array([[0, -1], [1, 0]])  # a quarter turn counter-clockwise, x right and y up
_MIRROR = np.array([[-1, 0], [0, 1]])  # x -> -x: left-right


class Reference:
    """C4 (indices 0-3) and D4 (index 4m + r) from their 2x2 matrices, and their actions."""

    @staticmethod
    def matrix(g: int) -> np.ndarray:
        """The 2x2 matrix of element ``g``: mirror**m @ rotate**r (rotate first, then mirror)."""
        m, r = divmod(g, 4)
        return np.linalg.matrix_power(_MIRROR, m) @ np.linalg.matrix_power(_ROTATE, r)

    @classmethod
    def index(cls, matrix: np.ndarray) -> int:
        matches = [g for g in range(8) if np.array_equal(cls.matrix(g), matrix)]
        if len(matches) != 1:
            raise AssertionError(f"not an element of D4: {matrix}")
        return matches[0]

    @classmethod
    @functools.cache
    def compose(cls, g: int, h: int) -> int:
        return cls.index(cls.matrix(g) @ cls.matrix(h))

    @classmethod
    @functools.cache
    def inverse(cls, g: int) -> int:
        return cls.index(np.round(np.linalg.inv(cls.matrix(g))).astype(int))

    @staticmethod
    def transform_image(x: np.ndarray, g: int) -> np.ndarray:
        """T_g on the last two axes: rotate by r quarter turns (np.rot90), then mirror if m = 1."""
        m, r = divmod(g, 4)
        out = np.rot90(x, r, axes=(-2, -1))
        return out[..., ::-1] if m else out

    @classmethod
    def transform_signal(cls, f: np.ndarray, g: int) -> np.ndarray:
        """L_g on [..., |H|, N, N]: (L_g f)[..., h] = T_g f[..., g^-1 h]."""
        order = f.shape[-3]
        source = [cls.compose(cls.inverse(g), h) for h in range(order)]
        return np.stack([cls.transform_image(f[..., s, :, :], g) for s in source], axis=-3)


@pytest.fixture(scope="session")
def ref() -> type[Reference]:
    """The independent reference (session-scoped, so hypothesis tests may use it too)."""
    return Reference


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session (Playwright's sync API
    allows one running instance per thread, so test files must not start their own)."""
    import browser_support

    with browser_support.chromium_or_skip() as chromium:
        yield chromium
