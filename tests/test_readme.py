"""The code a reader copies from the README and the introduction runs as printed."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S)


@pytest.mark.parametrize("page", ["README.md", "book/intro.md"])
def test_python_examples_run(page, capsys):
    blocks = _python_blocks(ROOT / page)
    assert blocks, f"{page} has no python example"
    for block in blocks:
        exec(compile(block, page, "exec"), {"__name__": "__example__"})


def test_readme_example_reports_a_verdict(capsys):
    (block,) = _python_blocks(ROOT / "README.md")
    exec(compile(block, "README.md", "exec"), {"__name__": "__example__"})
    printed = capsys.readouterr().out
    assert "is equivariant" in printed and "r3" in printed


def test_readme_shows_the_two_commands_first():
    text = (ROOT / "README.md").read_text()
    first_block = re.search(r"```bash\n(.*?)```", text, flags=re.S).group(1)
    assert "make book" in first_block and "make test" in first_block
    assert text.index("make book") < text.index("```python")
