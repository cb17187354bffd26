"""`pip install .` gives a student the whole package, and it works without the book's stack."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# the book's stack: present in .venv, absent from a student's plain environment
BOOK_ONLY = ["sklearn", "imageio", "ipywidgets", "myst_nb", "tqdm", "hypothesis", "jupyter_book"]

STUDENT_SCRIPT = f"""
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {BOOK_ONLY!r}:
            raise ImportError('not installed in this environment: ' + name)
sys.meta_path.insert(0, Blocker())
import numpy as np, torch
import gcnn_teach, gcnn_teach.nn, gcnn_teach.viz, gcnn_teach.exercises
assert gcnn_teach.__file__.startswith(sys.argv[1]), gcnn_teach.__file__
from gcnn_teach.correlate import lifting_correlation
from gcnn_teach.exercises import check_lifting_correlation
check_lifting_correlation(lambda x, w: lifting_correlation(x, w, 'p4m'), 'p4m').assert_holds()
layer = gcnn_teach.nn.P4CNN(input_size=16, layers=4).eval()
gcnn_teach.equivariance.check_equivariance(layer, torch.randn(2, 1, 16, 16), group='p4', output_kind='invariant')
print('student environment ok')
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # build from a copy of the sources alone: a stale build/ or *.egg-info left by an editable
    # install would otherwise hide modules that the packaging configuration leaves out
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "gcnn_teach", source / "gcnn_teach", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(source)], check=True, cwd=out)
    (path,) = out.glob("gcnn_teach-*.whl")
    return path


def test_wheel_holds_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "gcnn_teach").rglob("*.py")}
    assert sources and sources <= names, f"missing from the wheel: {sorted(sources - names)}"


def test_installed_package_works_without_the_books_stack(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True)
    result = subprocess.run([sys.executable, "-c", STUDENT_SCRIPT, str(target)], cwd=tmp_path,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "student environment ok" in result.stdout
