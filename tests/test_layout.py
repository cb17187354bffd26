"""The package's layout: every module in its room, no module importing one above it, none too
long, and no chapter cell using the old ``raise_error`` form of the checkers.

The rooms, bottom to top (a module may import from its own room and the rooms below)::

    groups -> actions -> correlate, nn -> equivariance, exercises, costs -> data, training, baselines
           -> experiment -> viz

``_validate``, ``timing`` and ``notebook`` are helpers below every room (they import nothing
of the package).  ``viz`` only reads: nothing in the package imports it; the book does.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gcnn_teach"

ROOMS = [
    {"_validate", "timing", "notebook"},  # helpers that import nothing of the package
    {"groups"},
    {"actions"},
    {"correlate", "nn"},
    {"equivariance", "exercises", "costs", "linear_maps"},
    {"data", "training", "baselines"},
    {"experiment", "approximate"},  # approximate: C_N layers and the trained angle sweep (it trains)
    {"viz"},
]
RANK = {name: rank for rank, room in enumerate(ROOMS) for name in room}

#: The most lines a module may have: past it, a module holds more than one job.
MAX_LINES = 450
#: Modules over the limit that another issue is splitting (path -> the issue that does it).
KNOWN_LONG: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _top(path: Path, root: Path = ROOT) -> str:
    """The room-level name of a module: ``gcnn_teach/data/rotated.py`` -> ``data``."""
    return path.relative_to(root / "gcnn_teach").with_suffix("").parts[0]


def _dotted(path: Path, root: Path = ROOT) -> list[str]:
    """``gcnn_teach/data/rotated.py`` -> ``["gcnn_teach", "data", "rotated"]`` (a package: its ``__init__`` dropped)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_rooms(path: Path, root: Path = ROOT) -> dict[str, int]:
    """The room-level names of the package that ``path`` imports (anywhere, function bodies too), with a line each."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _dotted(path, root)
    package = here if path.name == "__init__.py" else here[:-1]
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        targets: list[list[str]] = []
        if isinstance(node, ast.Import):
            targets = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
            else:
                base = []
            module = base + (node.module.split(".") if node.module else [])
            # "from . import x" / "from gcnn_teach import x": the names are modules
            targets = [module + [alias.name] for alias in node.names] if len(module) == 1 else [module]
        for target in targets:
            if target[0] == "gcnn_teach" and len(target) > 1:
                found.setdefault(target[1], node.lineno)
    return found


def upward_imports(path: Path, root: Path = ROOT) -> list[str]:
    """Every import of ``path`` from a room above its own, as readable lines."""
    own = _top(path, root)
    if own == "__init__":  # the package's own __init__ sits above every room
        return []
    problems = []
    for name, line in imported_rooms(path, root).items():
        where = f"{path.relative_to(root)}:{line}"
        if name not in RANK:
            problems.append(f"{where} imports gcnn_teach.{name}, which has no room in ROOMS")
        elif RANK[name] > RANK[own]:
            problems.append(f"{where} ({own}) imports gcnn_teach.{name}, a room above it")
    return problems


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_has_a_room(path):
    own = _top(path)
    assert own == "__init__" or own in RANK, (
        f"{path.relative_to(ROOT)}: add {own!r} to a room of ROOMS in tests/test_layout.py (and to CONTRIBUTING.md)")


def test_no_module_imports_one_above_it():
    problems = [line for path in _modules() for line in upward_imports(path)]
    assert not problems, "\n".join(problems)


def test_an_upward_import_is_caught(tmp_path):
    # the checker itself, on a module of the nn room that imports from rooms above and below it
    probe = tmp_path / "gcnn_teach" / "nn" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("from ..equivariance import check_equivariance\nfrom .. import groups\n\n"
                     "def f():\n    from gcnn_teach.viz import charts\n", encoding="utf-8")
    problems = upward_imports(probe, tmp_path)
    assert len(problems) == 2, problems
    assert "gcnn_teach.equivariance" in problems[0] and "gcnn_teach.viz" in problems[1]  # a function body counts


def test_relative_imports_resolve_from_subpackages():
    rooms = imported_rooms(PACKAGE / "data" / "rotated.py")
    assert "actions" in rooms and "data" in rooms  # ..actions and .digits


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_too_long(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    name = str(path.relative_to(ROOT))
    if name in KNOWN_LONG:
        pytest.xfail(f"{name} has {lines} lines; {KNOWN_LONG[name]} splits it")
    assert lines <= MAX_LINES, f"{name} has {lines} lines (at most {MAX_LINES}): split it by kind of code"


def test_known_long_modules_still_exist_and_are_long():
    # an exception that is no longer needed must be removed from KNOWN_LONG
    for name in KNOWN_LONG:
        path = ROOT / name
        assert path.exists() and len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES, name


CHAPTERS = sorted((ROOT / "book").rglob("*.ipynb"))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_chapter_cell_uses_raise_error(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    offending = [cell.get("id", i) for i, cell in enumerate(cells) if "raise_error" in "".join(cell["source"])]
    assert not offending, f"{path.name}: cells {offending} use raise_error; call .assert_holds() / .assert_fails()"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_chapter_with_figures_applies_the_book_style(path):
    # importing gcnn_teach.viz changes no setting: a chapter that draws calls use_book_style() itself
    code = ["".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "code"]
    draws = any("gcnn_teach.viz" in source or "gcnn_teach import viz" in source for source in code)
    styled = [i for i, source in enumerate(code) if "use_book_style()" in source]
    if draws:
        assert styled and styled[0] <= 1, (
            f"{path.name}: call gcnn_teach.viz.style.use_book_style() in the import cell (the second code cell)")
