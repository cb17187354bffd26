"""The reader notebooks (notebooks/, written by scripts/reader_notebooks.py) and how they are made.

* the translation of MyST into plain Markdown, cell by cell, on small examples;
* the committed reader notebooks: in sync with the chapters, no MyST left, solutions
  collapsed, the pinned install cell first;
* (``book``) each reader notebook run as a reader runs it: a plain kernel (nbclient, no
  Sphinx), in its own folder: no error, nothing on stderr, every figure of the chapter's
  page drawn, and the kernel's peak memory within mybinder's 2 GB.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import reader_notebooks as R  # noqa: E402
import sync_notebooks  # noqa: E402

CHAPTERS = sync_notebooks.notebooks(ROOT / "book")
MYST_ROLE = re.compile(r"\{[A-Za-z][\w:-]*\}`")
MYST_FENCE = re.compile(r"^\s*(```|:::)\s*\{", re.M)
BINDER_MEMORY = 2 * 1024**3  # mybinder's limit per session


@pytest.fixture(scope="module")
def shared():
    return R.book_context()


def ctx(shared, **glued) -> R.Context:
    shared = {**shared, "labels": {"thm-a": ("Theorem (Turning)", "book/part1/02_what_is_equivariance"),
                                   "thm-b": ("Lemma (Far)", "book/part2/07_group_correlation")}}
    return R.Context(source=ROOT / "book" / "part1" / "02_what_is_equivariance.ipynb", glued=glued, **shared)


# -- the translation ----------------------------------------------------------------------

def test_roles_become_plain_markdown(shared):
    c = ctx(shared, err="3.14159e-07", n="1797")
    text = R.markdown("Error {glue:text}`err:.1e` over {glue:text}`n` digits; see {doc}`03_translation_equivariance`, "
                      "{doc}`the notation <../notation>` and {prf:ref}`thm-a` {cite:p}`cohen2016group`; "
                      "{cite:t}`fuchs2019part1` wrote it. {download}`The GIF <_output/x.gif>`", c)
    assert "Error 3.1e-07 over 1797 digits" in text
    assert "[How CNNs enforce translation equivariance](03_translation_equivariance.ipynb)" in text
    assert "[the notation](https://github.com/" in text and "/book/notation.md)" in text
    assert "Theorem (Turning) (Cohen and Welling, 2016)" in text
    assert "Fuchs and Wagstaff (2019a) wrote it" in text
    assert "[The GIF](_output/x.gif)" in text
    assert not MYST_ROLE.search(text)


def test_a_link_to_a_chapter_of_another_part(shared):
    text = R.markdown("{doc}`Chapter 11 <../part3/11_rotated_digits>`", ctx(shared))
    assert text == "[Chapter 11](../part3/11_rotated_digits.ipynb)"
    text = R.markdown("{prf:ref}`thm-b`", ctx(shared))
    assert text.startswith("Lemma (Far) of [") and text.endswith("](../part2/07_group_correlation.ipynb)")


def test_directives_become_quotes_with_a_bold_heading(shared):
    source = ("Before.\n\n```{prf:theorem} Turning\n:label: thm-a\n\nA claim with {cite:p}`groupy`.\n```\n\n"
              "```{prf:proof}\nIt holds.\n```\n\n:::{note}\nMind the border.\n:::\n(a-target)=\n% a comment\nAfter.")
    text = R.markdown(source, ctx(shared))
    assert "> **Theorem (Turning).** A claim with (Cohen, 2016)." in text
    assert "> *Proof.* It holds. $\\blacksquare$" in text
    assert "> **Note.** Mind the border." in text
    assert "a-target" not in text and "a comment" not in text and text.endswith("After.")
    assert not MYST_FENCE.search(text) and ":label:" not in text


@pytest.mark.parametrize("source, match", [
    ("{unknownrole}`x`", "no translation for the role"),
    ("```{tab-set}\nx\n```", "no translation for the directive"),
    ("```{note}\nnever closed", "not closed"),
    ("{glue:text}`missing`", "was not glued"),
    ("{cite:p}`nobody2020`", "not in references.bib"),
    ("{doc}`no_such_page`", "names no page"),
])
def test_what_cannot_be_translated_is_an_error(shared, source, match):
    with pytest.raises(R.MarkupError, match=match):
        R.markdown(source, ctx(shared))


def _chapter(tmp_path, cells) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    path = ROOT / "book" / "part1" / "02_what_is_equivariance.ipynb"  # for its place in the book
    scratch = tmp_path / "chapter.ipynb"
    nbformat.write(nb, scratch)
    return scratch, path


def test_cells_solutions_figures_and_live_figures(shared, tmp_path):
    install = nbformat.from_dict(sync_notebooks.install_cell("# Colab: install this book's package\n%pip x", True))
    solution = nbformat.v4.new_code_cell("answer = 42", metadata={"tags": ["hide-cell"]})
    figure = nbformat.v4.new_code_cell("from myst_nb import glue\nfig = draw()\nglue(\"fig-a\", fig, display=False)\n"
                                       "plt.close(fig)")
    shown = nbformat.v4.new_code_cell("fig = draw()", metadata={"mystnb": {"figure": {"caption": "A {cite:p}`groupy` "
                                                                                      "figure.", "name": "f"}}})
    live = nbformat.v4.new_markdown_cell("<figure>html</figure>", metadata={"tags": ["live-figure"]})
    glued = nbformat.v4.new_markdown_cell("```{glue:figure} fig-a\n:alt: x\n:name: fig-a\n\nThe caption.\n```\n\nText.")
    scratch, place = _chapter(tmp_path, [install, solution, figure, glued, shown, live])
    c = ctx(shared)
    c.source = place
    reader = R.reader_notebook(scratch, c)
    kinds = [cell.cell_type for cell in reader.cells]
    assert kinds == ["code", "code", "code", "markdown", "code", "markdown", "markdown"]
    first = reader.cells[0]
    assert first.source == sync_notebooks.current_source() and "tags" not in first.metadata  # visible, runnable
    hidden = reader.cells[1]
    assert hidden.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert hidden.metadata["cellView"] == "form" and hidden.source.startswith("# @title Solution")
    assert reader.cells[2].source == f"{R.READER_GLUE_IMPORT}\nfig = draw()"  # the cell shows its own figure
    assert reader.cells[3].source == "**Figure.** The caption.\n\nText."
    assert reader.cells[5].source == "**Figure.** A (Cohen, 2016) figure."
    assert reader.cells[6].source == R.LIVE_NOTE


def test_the_quoted_values_are_recorded_with_the_notebook(shared, tmp_path):
    text = nbformat.v4.new_markdown_cell("Error {glue:text}`err:.1e`.")
    scratch, place = _chapter(tmp_path, [text])
    c = ctx(shared, err="3.14159e-07", unused="1")
    c.source = place
    reader = R.reader_notebook(scratch, c)
    assert reader.cells[1].source == "Error 3.1e-07."
    assert reader.metadata["gcnn_teach"] == {"glued": {"err": "3.14159e-07"}}


# -- the committed reader notebooks -----------------------------------------------------------

def test_every_chapter_has_its_reader_notebook_in_sync():
    assert sorted(p.relative_to(ROOT / "notebooks") for p in (ROOT / "notebooks").rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts) == \
        sorted(p.relative_to(ROOT / "book") for p in CHAPTERS)
    assert R.main(["--check"]) == 0, "notebooks/ is out of date: run scripts/reader_notebooks.py after make book"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_reader_notebook_reads_like_the_page(chapter):
    source = nbformat.read(chapter, 4)
    reader = nbformat.read(R.target(chapter), 4)
    assert reader.cells[0].source == sync_notebooks.current_source()  # pinned, first, runnable
    assert "@main" not in reader.cells[0].source and "myst" not in reader.cells[0].source
    for cell in reader.cells:
        if cell.cell_type == "markdown":
            assert not MYST_ROLE.search(cell.source), cell.source
            assert not MYST_FENCE.search(cell.source), cell.source
        else:
            assert "myst_nb" not in cell.source and not re.search(r"glue\(\s*\"[^\"]+\",\s*fig\b", cell.source)
    solutions = sum("hide-cell" in c.metadata.get("tags", []) for c in source.cells)
    hidden = [c for c in reader.cells if c.metadata.get("jupyter", {}).get("source_hidden")]
    assert len(hidden) == solutions and all(c.metadata.get("cellView") == "form" for c in hidden)


# -- run as a reader runs them -------------------------------------------------------------------

class PeakMemory:
    """The peak resident memory of a process and its children, sampled every 0.2 s."""

    def __init__(self, pid: int):
        import psutil

        self.process, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        import psutil

        while not self._stop.wait(0.2):
            try:
                processes = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in processes))
            except psutil.Error:
                return

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def page_figures(chapter: Path) -> tuple[int, int]:
    """``(figures, players)`` on the chapter's built page (its live figures are the HTML book's own)."""
    page = ROOT / "_build" / "html" / chapter.relative_to(ROOT).with_suffix(".html")
    if not page.exists():
        pytest.skip(f"{page.relative_to(ROOT)} is not built (run `make book`)")
    html = page.read_text(encoding="utf-8")
    players = len(re.findall(r'<figure class="gcnn-player"', html))
    figures = len(re.findall(r"<figure\b", html)) - players - len(re.findall(r'<figure class="gcnn-live', html))
    return figures, players


@pytest.fixture(scope="module")
def scratch_notebooks(tmp_path_factory):
    """A copy of notebooks/: running a chapter writes files next to it (a GIF, say)."""
    copy = tmp_path_factory.mktemp("readers") / "notebooks"
    shutil.copytree(ROOT / "notebooks", copy)
    return copy


@pytest.mark.book
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_reader_notebook_runs_in_a_plain_kernel(chapter, scratch_notebooks, monkeypatch):
    from nbclient import NotebookClient

    figures, players = page_figures(chapter)
    path = scratch_notebooks / chapter.relative_to(ROOT / "book")
    nb = nbformat.read(path, 4)
    monkeypatch.delenv("GCNN_TEACH_STATIC", raising=False)  # a reader's kernel: live sliders
    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    with client.setup_kernel():
        memory = PeakMemory(client.km.provisioner.process.pid)
        try:
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
        finally:
            peak = memory.stop()
    seconds = time.monotonic() - start
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"{chapter.name} printed to stderr: {stderr}"
    images = sum("image/png" in o.get("data", {}) for o in outputs)
    widgets = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert images >= figures, f"{chapter.name}: {images} images for the page's {figures} figures"
    assert widgets >= players, f"{chapter.name}: {widgets} live players for the page's {players}"
    report = ROOT / "_build" / "reader_notebooks.json"  # timings and memory, for the README's table
    results = json.loads(report.read_text()) if report.exists() else {}
    results[chapter.stem] = {"seconds": round(seconds, 1), "peak_memory_mib": round(peak / 2**20)}
    report.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    assert peak < BINDER_MEMORY, f"{chapter.name} peaked at {peak / 2**20:.0f} MiB, over mybinder's 2 GB"
