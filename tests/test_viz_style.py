"""The book's style is applied explicitly: importing gcnn_teach.viz changes no matplotlib setting,
``use_book_style()`` applies the book's settings."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _run(code: str) -> str:
    # a fresh interpreter, so that no earlier test has set anything; run from the tests'
    # folder so that the package comes from the environment (PYTHONPATH or the install)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).parent)
    return result.stdout.strip()


def test_importing_viz_changes_no_setting():
    out = _run("""
        import matplotlib
        matplotlib.use("Agg")
        before = dict(matplotlib.rcParams)
        import gcnn_teach.viz  # every figure module with it
        import gcnn_teach.viz.charts, gcnn_teach.viz.group_figures, gcnn_teach.viz.diagrams
        after = dict(matplotlib.rcParams)
        print(sorted(k for k in before if str(before[k]) != str(after[k])))
    """)
    assert out == "[]"


def test_use_book_style_applies_the_book_settings():
    out = _run("""
        import matplotlib
        matplotlib.use("Agg")
        from gcnn_teach.viz.style import RC, use_book_style
        use_book_style()
        print(all(str(matplotlib.rcParams[k]) == str(matplotlib.rcParams.validate[k](v)) for k, v in RC.items()))
    """)
    assert out == "True"
