#!/usr/bin/env python3
"""Give every notebook of the book its first cell: install the package when it is missing.

A reader who opens a chapter on Colab (launch button, or a downloaded .ipynb) has PyTorch,
NumPy, matplotlib, scikit-learn and ipywidgets, but not ``gcnn_teach``. The first code cell
of every notebook installs it, pinned to the release tag ``v<version>`` (the version in
``pyproject.toml``) of the repository set once in ``_config.yml`` (``repository: url:``),
only when it is missing, so it does nothing on Binder or in a local clone. It installs
nothing else the reader already has: the package's ranges accept Colab's ipywidgets 7, so
pip upgrades nothing there. The reader notebooks (``scripts/reader_notebooks.py``) start
with the same cell; in the book's sources it is tagged ``skip-execution`` (the build does
not run it) and ``remove-cell`` (the HTML does not show it).

    .venv/bin/python scripts/sync_notebooks.py            # insert or update it everywhere
    .venv/bin/python scripts/sync_notebooks.py --check    # exit 1 if a notebook lacks it
    .venv/bin/python scripts/sync_notebooks.py book/part1/01_why_restrict.ipynb

Idempotent: a notebook whose first cell is already the current install cell is not
rewritten. An older install cell (another repository, say) anywhere in the notebook is
replaced by the current one at the top.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "_config.yml"
BOOK = ROOT / "book"

# The first line of the install cell: how the script recognises the cell it wrote.
MARKER = "# Colab or a downloaded notebook: install this book's package, pinned to a release, when it is missing."
# ... and the first words of every version of it, older ones included.
MARKERS = ("# Colab: install this book's package", "# Colab or a downloaded notebook: install this book's package")
TAGS = ["remove-cell", "skip-execution"]
CELL_ID = "install-gcnn-teach"


def repository(config_path: Path = CONFIG) -> tuple[str, str]:
    """``(url, branch)`` of the book's repository, from ``_config.yml``."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    repo = config.get("repository") or {}
    url = str(repo.get("url") or "").strip().rstrip("/")
    branch = str(repo.get("branch") or "main").strip()
    if not url.startswith("https://"):
        raise ValueError(f"{config_path}: repository.url must be the https address of the book's repository, got {url!r}")
    if url.endswith(".git"):
        url = url[: -len(".git")]
    return url, branch


def release_tag(pyproject: Path) -> str:
    """``v<version>``: the tag of the release the install cell pins, from ``pyproject.toml``."""
    import tomllib

    version = str(tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("version", ""))
    if not re.fullmatch(r"\d+(\.\d+)*([.-]?(a|b|rc|post|dev)\d*)*", version):
        raise ValueError(f"{pyproject}: expected project.version as a release number like 0.1.0, got {version!r}")
    return f"v{version}"


def install_source(url: str, tag: str) -> str:
    """The source of the install cell for the repository ``url`` at the release ``tag``."""
    requirement = f"gcnn-teach[viz,data] @ git+{url}.git@{tag}"
    return (
        f"{MARKER}\n"
        "import importlib.util\n"
        "\n"
        'if importlib.util.find_spec("gcnn_teach") is None:\n'
        f'    %pip install --quiet "{requirement}"'
    )


def current_source(config_path: Path = CONFIG) -> str:
    """The install cell for the book whose ``_config.yml`` is ``config_path`` (its ``pyproject.toml`` beside it)."""
    url, _ = repository(config_path)
    return install_source(url, release_tag(config_path.parent / "pyproject.toml"))


def install_cell(source: str, with_id: bool) -> dict:
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {"tags": list(TAGS)},
        "outputs": [],
        "source": source.splitlines(keepends=True),
    }
    if with_id:
        cell["id"] = CELL_ID
    return cell


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def is_install_cell(cell: dict) -> bool:
    return cell.get("cell_type") == "code" and (
        cell.get("id") == CELL_ID or _source(cell).startswith(MARKERS)
    )


def has_current_cell(notebook: dict, source: str) -> bool:
    """Whether the notebook's first cell is the install cell with ``source`` and the tags."""
    cells = notebook.get("cells", [])
    if not cells or not is_install_cell(cells[0]):
        return False
    first = cells[0]
    tags = first.get("metadata", {}).get("tags", [])
    return _source(first) == source and all(tag in tags for tag in TAGS) and not first.get("outputs")


def sync(notebook: dict, source: str) -> bool:
    """Put the current install cell first in ``notebook`` (in place); True if it changed."""
    if has_current_cell(notebook, source):
        return False
    with_id = (notebook.get("nbformat", 4), notebook.get("nbformat_minor", 0)) >= (4, 5)
    notebook["cells"] = [install_cell(source, with_id)] + [
        cell for cell in notebook.get("cells", []) if not is_install_cell(cell)
    ]
    return True


def dumps(notebook: dict) -> str:
    """JSON as nbformat writes it (so that a synced notebook diffs cleanly)."""
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False, separators=(",", ": ")) + "\n"


def notebooks(book: Path = BOOK) -> list[Path]:
    return sorted(
        path for path in book.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.parts and "_build" not in path.parts
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: every notebook under book/)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook is out of date")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the book's _config.yml")
    args = parser.parse_args(argv)

    source = current_source(args.config)
    paths = args.paths or notebooks(args.config.parent / "book")
    stale = []
    for path in paths:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        if not sync(notebook, source):
            continue
        stale.append(path)
        if not args.check:
            path.write_text(dumps(notebook), encoding="utf-8")
    return report(stale, args.check, "lack the current install cell" if args.check else "updated",
                  "run: .venv/bin/python scripts/sync_notebooks.py")


def report(stale: list[Path], check: bool, verb: str, hint: str) -> int:
    """Print the notebooks written or out of date; the exit status (1: ``check`` found some)."""
    for path in stale:
        print(f"{verb}: {path}")
    if check and stale:
        print(hint, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
