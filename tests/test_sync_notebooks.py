"""scripts/sync_notebooks.py: the install cell at the top of every notebook, on scratch copies."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import sync_notebooks  # noqa: E402

CONFIG = """\
title: A book
repository:
  url: {url}
  branch: {branch}
"""


PYPROJECT = """\
[project]
name = "gcnn-teach"
version = "{version}"
"""


def notebook(minor: int = 5) -> dict:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# A chapter\n", "\n", "Some text."]},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["x = 1"]},
    ]
    if minor >= 5:
        for i, cell in enumerate(cells):
            cell["id"] = f"cell-{i}"
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": minor}


@pytest.fixture
def book(tmp_path):
    """A scratch book: a _config.yml, a pyproject.toml and two notebooks (nbformat 4.4 and 4.5)."""
    (tmp_path / "_config.yml").write_text(CONFIG.format(url="https://github.com/someone/gcnn-teach", branch="main"))
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.format(version="0.3.1"))
    (tmp_path / "book" / "part1").mkdir(parents=True)
    (tmp_path / "book" / "part1" / "a.ipynb").write_text(sync_notebooks.dumps(notebook(5)))
    (tmp_path / "book" / "b.ipynb").write_text(sync_notebooks.dumps(notebook(4)))
    checkpoints = tmp_path / "book" / ".ipynb_checkpoints"
    checkpoints.mkdir()
    (checkpoints / "a-checkpoint.ipynb").write_text(sync_notebooks.dumps(notebook(5)))
    return tmp_path


def run(book: Path, *args: str) -> int:
    return sync_notebooks.main([*args, "--config", str(book / "_config.yml")])


def read(path: Path) -> dict:
    return json.loads(path.read_text())


def test_inserts_the_install_cell_first_in_every_notebook(book):
    assert run(book, "--check") == 1
    assert run(book) == 0
    for path in (book / "book" / "part1" / "a.ipynb", book / "book" / "b.ipynb"):
        nb = read(path)
        first = nb["cells"][0]
        assert first["cell_type"] == "code"
        assert first["metadata"]["tags"] == ["remove-cell", "skip-execution"]
        assert first["outputs"] == [] and first["execution_count"] is None
        source = "".join(first["source"])
        assert "git+https://github.com/someone/gcnn-teach.git@v0.3.1" in source  # a release, not a branch
        assert nb["cells"][1]["source"][0] == "# A chapter\n"  # the title follows, untouched
        assert len(nb["cells"]) == 3
    assert "id" in read(book / "book" / "part1" / "a.ipynb")["cells"][0]  # nbformat 4.5 has cell ids
    assert "id" not in read(book / "book" / "b.ipynb")["cells"][0]  # 4.4 must not
    assert run(book, "--check") == 0
    # checkpoints are not the book's notebooks
    assert len(read(book / "book" / ".ipynb_checkpoints" / "a-checkpoint.ipynb")["cells"]) == 2


def test_is_idempotent(book):
    run(book)
    path = book / "book" / "part1" / "a.ipynb"
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    assert run(book) == 0
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime  # not even rewritten


def test_follows_the_repository_setting(book):
    run(book)
    (book / "_config.yml").write_text(CONFIG.format(url="https://github.com/a-fork/gcnn-teach/", branch="dev"))
    assert run(book, "--check") == 1
    run(book)
    nb = read(book / "book" / "b.ipynb")
    installs = [c for c in nb["cells"] if sync_notebooks.is_install_cell(c)]
    assert len(installs) == 1 and nb["cells"][0] is installs[0]
    assert "git+https://github.com/a-fork/gcnn-teach.git@v0.3.1" in "".join(installs[0]["source"])
    (book / "pyproject.toml").write_text(PYPROJECT.format(version="0.4.0"))  # a new release: a new pin
    assert run(book, "--check") == 1
    run(book)
    assert "gcnn-teach.git@v0.4.0" in "".join(read(book / "book" / "b.ipynb")["cells"][0]["source"])


def test_rejects_a_version_that_is_no_release(book):
    (book / "pyproject.toml").write_text(PYPROJECT.format(version="main"))
    with pytest.raises(ValueError, match="project.version"):
        run(book)


def test_replaces_an_older_install_cell(book):
    """The older cell (branch-pinned, with myst-nb) is recognised and replaced, not kept beside the new one."""
    path = book / "book" / "b.ipynb"
    nb = read(path)
    old = ("# Colab: install this book's package (and myst-nb, for glue) when missing. The book build skips this cell.\n"
           "%pip install x")
    nb["cells"].insert(0, sync_notebooks.install_cell(old, with_id=False))
    path.write_text(sync_notebooks.dumps(nb))
    run(book)
    nb = read(path)
    assert sum(sync_notebooks.is_install_cell(c) for c in nb["cells"]) == 1
    assert "myst-nb" not in "".join(nb["cells"][0]["source"])


def test_moves_a_misplaced_install_cell_to_the_top(book):
    path = book / "book" / "b.ipynb"
    run(book)
    nb = read(path)
    nb["cells"] = nb["cells"][1:2] + nb["cells"][:1] + nb["cells"][2:]  # the title first
    path.write_text(sync_notebooks.dumps(nb))
    assert run(book, "--check") == 1
    run(book)
    nb = read(path)
    assert sync_notebooks.is_install_cell(nb["cells"][0])
    assert sum(sync_notebooks.is_install_cell(c) for c in nb["cells"]) == 1


def test_rejects_a_repository_setting_that_is_not_an_address(book):
    (book / "_config.yml").write_text(CONFIG.format(url="gcnn-teach", branch="main"))
    with pytest.raises(ValueError, match="repository.url"):
        run(book)


def _run_install_cell(source: str, missing: set[str], monkeypatch) -> list[tuple[str, str]]:
    """Run the cell as IPython would, with a stand-in for IPython that records the magics."""
    from IPython.core.inputtransformer2 import TransformerManager

    calls = []

    class Shell:
        def run_line_magic(self, name, line):
            calls.append((name, line))

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in missing else real_find_spec(name, *a))
    code = TransformerManager().transform_cell(source)
    exec(compile(code, "<install cell>", "exec"), {"get_ipython": lambda: Shell()})
    return calls


def test_the_cell_installs_the_package_pinned_and_nothing_else(monkeypatch):
    source = sync_notebooks.install_source("https://github.com/gcnn-teach/gcnn-teach", "v0.1.0")
    calls = _run_install_cell(source, {"gcnn_teach"}, monkeypatch)
    assert len(calls) == 1
    name, line = calls[0]
    assert name == "pip"
    assert line == 'install --quiet "gcnn-teach[viz,data] @ git+https://github.com/gcnn-teach/gcnn-teach.git@v0.1.0"'
    # no --upgrade: pip keeps what satisfies the package's ranges (Colab's ipywidgets 7 included)
    assert "upgrade" not in line and "-U" not in line.split()


def test_the_cell_does_nothing_where_the_package_is_installed(monkeypatch):
    source = sync_notebooks.install_source("https://github.com/gcnn-teach/gcnn-teach", "v0.1.0")
    assert _run_install_cell(source, set(), monkeypatch) == []
    assert _run_install_cell(source, {"myst_nb"}, monkeypatch) == []  # myst-nb is not the reader's business


def test_the_viz_extra_accepts_colabs_ipywidgets_7():
    import tomllib

    from packaging.requirements import Requirement

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    widgets = next(Requirement(r) for r in extras["viz"] if r.startswith("ipywidgets"))
    assert widgets.specifier.contains("7.7.1") and widgets.specifier.contains("8.1.5")


def test_repository_setting_of_the_book_itself():
    url, branch = sync_notebooks.repository()
    assert url.startswith("https://github.com/") and branch


def test_check_on_a_copy_of_the_books_notebooks(tmp_path):
    """The real notebooks, copied: syncing them gives every one the cell and changes nothing else."""
    shutil.copy(ROOT / "_config.yml", tmp_path / "_config.yml")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "book", tmp_path / "book", ignore=shutil.ignore_patterns("_static", "_build"))
    copies = sync_notebooks.notebooks(tmp_path / "book")
    before = {p: read(p) for p in copies}
    run(tmp_path)
    assert run(tmp_path, "--check") == 0
    for path in copies:
        after = read(path)
        rest = [c for c in after["cells"] if not sync_notebooks.is_install_cell(c)]
        assert rest == [c for c in before[path]["cells"] if not sync_notebooks.is_install_cell(c)]
        assert after["metadata"] == before[path]["metadata"]
