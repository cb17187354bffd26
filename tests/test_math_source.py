"""Formulas whose first characters MathJax would swallow.

Inside ``\\begin{aligned}`` (``align``, ``gathered``, ``array``, ...) MathJax, like LaTeX,
reads a ``[`` right after the environment's opening as an optional argument, and a ``[``
right after a line break ``\\\\`` as the spacing of that break (``\\\\[2pt]``).  A formula
that starts with a bracket, ``[f \\star \\psi](y) = ...``, then renders as ``(y) = ...``,
with no error anywhere.  This test reads the TeX source of every chapter (Markdown cells)
and of every page in ``book/`` and forbids both; write ``{[}`` or ``\\bigl[`` instead.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENTS = r"(?:aligned|alignedat|align\*?|alignat\*?|gathered|gather\*?|split|multline\*?|eqnarray\*?|" \
               r"cases|matrix|[pbBvV]matrix|smallmatrix|array|subarray)"
# an opening with its mandatory arguments ({lcr} of an array, {2} of alignat), then a "["
AFTER_OPENING = re.compile(r"\\begin\{" + ENVIRONMENTS + r"\}(?:\{[^{}]*\})*\s*\[")
AFTER_BREAK = re.compile(r"\\\\\s*\[")


def markdown_sources():
    for path in sorted((ROOT / "book").rglob("*.ipynb")):
        if "_build" in path.parts or ".ipynb_checkpoints" in path.parts:
            continue
        notebook = nbformat.read(path, as_version=4)
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "markdown":
                yield f"{path.relative_to(ROOT)} (cell {cell.get('id', index)})", cell.source
    for path in sorted((ROOT / "book").glob("*.md")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def swallowed_brackets(text: str) -> list[str]:
    """The places in ``text`` where MathJax would read a ``[`` as an optional argument."""
    found = []
    for pattern in (AFTER_OPENING, AFTER_BREAK):
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"line {line}: {match.group(0).strip()!r}")
    return found


SOURCES = list(markdown_sources())


def test_there_are_sources_to_read():
    assert len(SOURCES) > 40


@pytest.mark.parametrize("where, text", SOURCES, ids=[where for where, _ in SOURCES])
def test_no_formula_loses_its_first_characters(where, text):
    problems = swallowed_brackets(text)
    assert not problems, f"{where}: MathJax reads this '[' as an optional argument: {problems}"


@pytest.mark.parametrize("text, bad", [
    ("\\begin{aligned}\n[(R^r x) \\star \\psi](y) &= 1\n\\end{aligned}", True),
    ("\\begin{aligned} a &= b \\\\\n[f](y) &= c \\end{aligned}", True),
    ("\\begin{array}{cc} [1] & 2 \\end{array}", True),
    ("\\begin{aligned}\n{[}(R^r x) \\star \\psi](y) &= 1\n\\end{aligned}", False),
    ("\\begin{aligned}\n\\bigl[(R^r x) \\star \\psi\\bigr](y) &= 1 \\\\\n&= [x](y)\n\\end{aligned}", False),
    ("$$[f \\star \\psi](y) = 1$$", False),
])
def test_the_rule_itself(text, bad):
    assert bool(swallowed_brackets(text)) == bad
