"""The built book as a product, read from ``_build/html`` (run after ``make book``).

What these tests read is what a reader gets: the pages of the table of contents, built;
nothing loaded from another host, and every local file a page loads present; launch
buttons for Binder and Colab on every chapter, from the one repository setting; the
install cell first in every notebook and skipped by the build; notebooks stored without
outputs; saved widgets that work without a kernel; and an API reference that covers every
public module. The browser tests (tests/test_browser.py) then open the pages.
"""

from __future__ import annotations

import json
import pkgutil
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

import gcnn_teach

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import sync_notebooks  # noqa: E402

from browser_support import HTML, SOURCE, pages  # noqa: E402

pytestmark = pytest.mark.book

# The sources of the book under test: this repository, or the one GCNN_TEACH_BOOK_HTML's build came from.
CONFIG = yaml.safe_load((SOURCE / "_config.yml").read_text())
TOC = yaml.safe_load((SOURCE / "_toc.yml").read_text())
NOTEBOOKS = sync_notebooks.notebooks(SOURCE / "book")


def toc_files() -> list[str]:
    """Every file of the table of contents (without suffix), in order."""
    files = [TOC["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in TOC.items() if k != "root"})
    return files


def source_of(file: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (SOURCE / (file + suffix)).exists():
            return SOURCE / (file + suffix)
    raise AssertionError(f"_toc.yml names {file}, which has no .ipynb or .md source")


TOC_NOTEBOOKS = [f for f in toc_files() if source_of(f).suffix == ".ipynb"]


@pytest.fixture(scope="module")
def built():
    if not (HTML / "index.html").exists():
        pytest.fail(f"the book is not built ({HTML} has no index.html): run `make book` first")
    return HTML


# -- the notebooks as stored -------------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_notebook_is_stored_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    stored = [i for i, cell in enumerate(notebook["cells"])
              if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]
    assert not stored, f"{path.relative_to(SOURCE)}: cells {stored} have stored outputs; save the notebook without them"
    assert notebook["metadata"].get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_notebook_starts_with_the_install_cell(path):
    source = sync_notebooks.current_source(SOURCE / "_config.yml")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert sync_notebooks.has_current_cell(notebook, source), (
        f"{path.relative_to(SOURCE)} does not start with the current install cell: "
        "run `.venv/bin/python scripts/sync_notebooks.py`")


# -- the pages ---------------------------------------------------------------------------

def test_every_page_of_the_toc_is_built(built):
    for file in toc_files():
        assert (built / (file + ".html")).exists(), f"{file} is in _toc.yml but {file}.html was not built"
    assert (built / "search.html").exists() and (built / "searchindex.js").exists()
    assert (built / "index.html").exists()


class Resources(HTMLParser):
    """What a page loads (not what it links to): scripts, style sheets, images, frames, fonts."""

    LOADING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "manifest", "prefetch"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and self.LOADING_RELS & set((attrs.get("rel") or "").lower().split()):
            self.urls.append(attrs.get("href") or "")
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])
        if tag == "style":
            self._in_style = True
        style = attrs.get("style") or ""
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", style)

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)
            self.urls += re.findall(r"@import\s+['\"]([^'\"]+)", data)


def loaded_resources(page: Path) -> list[str]:
    parser = Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.urls


@pytest.mark.parametrize("name", pages())
def test_page_loads_nothing_from_another_host(built, name):
    external = [url for url in loaded_resources(built / name)
                if urlsplit(url).scheme in ("http", "https") or url.startswith("//")]
    assert not external, f"{name} loads from other hosts (the book must work offline): {external}"


@pytest.mark.parametrize("name", pages())
def test_every_local_file_a_page_loads_exists(built, name):
    missing = []
    for url in loaded_resources(built / name):
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//") or not parts.path:
            continue
        target = Path(unquote(urlsplit(urljoin(f"file:///{name}", url)).path).lstrip("/"))
        if not (built / target).is_file():
            missing.append(url)
    assert not missing, f"{name} loads files that are not in the build: {missing}"


def test_maths_and_widgets_come_from_the_books_own_files(built):
    notation = (built / "book" / "notation.html").read_text(encoding="utf-8")
    assert '_static/vendor/mathjax/startup.js' in notation
    vendor = built / "_static" / "vendor"
    for path in ("mathjax/startup.js", "mathjax/LICENSE", "jupyter-widgets/embed.js", "fontawesome/LICENSE.txt",
                 "jupyter-widgets/LICENSE", "jupyter-widgets/FONT-AWESOME-LICENSE.txt", "VENDORED.txt"):
        assert (vendor / path).is_file(), path
    for name in pages():
        text = (built / name).read_text(encoding="utf-8")
        assert "THEBE_JS_URL" not in text and "text/x-thebe-config" not in text, name
        if "application/vnd.jupyter.widget-state+json" in text:
            assert "_static/vendor/jupyter-widgets/embed.js" in text, f"{name} has widgets but not the local manager"


def test_vendored_libraries_are_the_versions_package_json_pins():
    """book/_static/vendor holds what scripts/vendor_assets.sh fetched at package.json's versions."""
    pinned = json.loads((ROOT / "package.json").read_text())["vendored"]
    vendor = ROOT / "book" / "_static" / "vendor"
    record = (vendor / "VENDORED.txt").read_text()
    for name, version in pinned.items():
        assert f"{name} {version}" in record, f"{name} {version}: run scripts/vendor_assets.sh"
    mathjax = (vendor / "mathjax" / "core.js").read_text(encoding="utf-8")
    assert f'VERSION="{pinned["mathjax"]}"' in mathjax
    manager = (vendor / "jupyter-widgets" / "embed.js").read_text(encoding="utf-8")
    assert f'"{pinned["@jupyter-widgets/html-manager"]}"' in manager
    icons = (ROOT / "book" / "_static" / "scripts" / "fontawesome.js").read_text(encoding="utf-8")
    assert f"Font Awesome Free {pinned['fontawesome-theme-icons']}" in icons


def test_mathjax_loads_only_what_the_book_vendored():
    """_config.yml's MathJax components are the files scripts/vendor_assets.sh vendored."""
    config = CONFIG["sphinx"]["config"]
    vendor = ROOT / "book" / "_static" / "vendor"
    assert (ROOT / "book" / "_static" / config["mathjax_path"]).is_file()
    paths = {"[tex]": "input/tex/extensions"}
    for component in config["mathjax3_config"]["loader"]["load"]:
        for prefix, folder in paths.items():
            component = component.replace(prefix, folder)
        assert (vendor / "mathjax" / f"{component}.js").is_file(), f"MathJax component {component} is not vendored"
    for package in config["mathjax3_config"]["tex"]["packages"]:
        assert package == "base" or f"[tex]/{package}" in config["mathjax3_config"]["loader"]["load"], package


def test_maths_uses_no_alphabet_left_out_of_the_svg_font():
    """scripts/vendor_assets.sh leaves the fraktur, sans-serif, old-style and bold italic
    outlines out of MathJax's SVG font: a formula that used them would show blanks, so none may."""
    dropped = re.compile(r"\\(mathfrak|mathsf|textsf|sf|frak|oldstyle|mathbfsf|boldsymbol|bm)\b")
    sources = [*ROOT.glob("book/**/*.md"), *ROOT.glob("book/**/*.ipynb"), *ROOT.glob("gcnn_teach/**/*.py")]
    users = [p.relative_to(ROOT).as_posix() for p in sources
             if ".ipynb_checkpoints" not in p.parts and dropped.search(p.read_text(encoding="utf-8"))]
    assert not users, f"{users} use an alphabet that scripts/vendor_assets.sh leaves out of MathJax's SVG font"


# The theme draws <i class="fa-solid fa-NAME"> as an icon from _static/scripts/fontawesome.js,
# which holds only the icons the book shows (scripts/vendor_assets.sh).
ICON = re.compile(r'class="([^"]*\bfa[bsr]?\b[^"]*|[^"]*\bfa-(?:solid|regular|brands)\b[^"]*)"')
ICON_MODIFIERS = {"fa-solid", "fa-regular", "fa-brands", "fa-lg", "fa-fw", "fa-xs", "fa-sm", "fa-xl", "fa-2x"}


@pytest.mark.parametrize("name", pages())
def test_every_icon_a_page_shows_is_in_the_books_icon_script(built, name):
    script = (built / "_static" / "scripts" / "fontawesome.js").read_text(encoding="utf-8")
    text = (built / name).read_text(encoding="utf-8")
    names = {cls[3:] for classes in ICON.findall(text) for cls in classes.split()
             if cls.startswith("fa-") and cls not in ICON_MODIFIERS}
    missing = sorted(n for n in names if f'"{n}": [' not in script)
    assert not missing, f"{name} shows icons that _static/scripts/fontawesome.js lacks: {missing} (scripts/vendor_assets.sh)"
    assert len(script) < 200_000, "the icon script should hold the book's icons, not Font Awesome's every icon"


# Widgets that do something only with a Python kernel behind them: in the HTML book they
# would be drawn but do nothing. Players (gcnn_teach.viz.animation) are the static way.
KERNEL_WIDGETS = re.compile(r"(Slider|Button|Dropdown|Text|Textarea|Checkbox|Toggle\w*|Select\w*|RadioButtons|"
                            r"Play|Combobox|ColorPicker|DatePicker|Password|Interactive|Output)Model$")


@pytest.mark.parametrize("name", pages())
def test_saved_widgets_work_without_a_kernel(built, name):
    text = (built / name).read_text(encoding="utf-8")
    states = re.findall(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', text, re.S)
    needing_kernel = []
    for state in states:
        for model in json.loads(state)["state"].values():
            model_name = model.get("model_name", "")
            if KERNEL_WIDGETS.search(model_name) and model_name not in ("FloatProgressModel", "IntProgressModel"):
                needing_kernel.append(model_name)
    assert not needing_kernel, (
        f"{name} has widgets that need a kernel ({sorted(set(needing_kernel))}): in the book they would not "
        "respond. Use gcnn_teach.viz.animation.show_player (static in the build: GCNN_TEACH_STATIC=1)")


# -- chapters: launch buttons, download, install cell ------------------------------------

def repository_path() -> tuple[str, str]:
    url, branch = sync_notebooks.repository(SOURCE / "_config.yml")
    return urlsplit(url).path.strip("/"), branch


@pytest.mark.parametrize("file", TOC_NOTEBOOKS)
def test_chapter_has_binder_and_colab_buttons_from_the_repository_setting(built, file):
    text = (built / (file + ".html")).read_text(encoding="utf-8")
    links = set(re.findall(r'<a href="([^"]+)"', text))
    repo, branch = repository_path()
    buttons = CONFIG["launch_buttons"]
    interface = {"jupyterlab": "lab/tree", "classic": "tree"}[buttons["notebook_interface"]]
    reader = reader_notebook(file)  # the buttons open the reader notebook (scripts/reader_notebooks.py)
    binder = f"{buttons['binderhub_url'].rstrip('/')}/v2/gh/{repo}/{branch}?urlpath={interface}/{reader}"
    colab = f"{buttons['colab_url'].rstrip('/')}/github/{repo}/blob/{branch}/{reader}"
    assert binder in links, f"{file}: no Binder button {binder}"
    assert colab in links, f"{file}: no Colab button {colab}"
    assert not any(f"{file}.ipynb" in link for link in links), f"{file}: a button still opens the source notebook"


def reader_notebook(file: str) -> str:
    """``notebooks/<part>/<name>.ipynb``, the reader notebook of ``book/<part>/<name>``."""
    return "notebooks/" + file.split("/", 1)[1] + ".ipynb"


@pytest.mark.parametrize("file", TOC_NOTEBOOKS)
def test_chapter_offers_its_reader_notebook_for_download(built, file):
    text = (built / (file + ".html")).read_text(encoding="utf-8")
    reader = reader_notebook(file)
    assert re.search(r'href="(\.\./)*' + re.escape(reader) + '"', text), f"{file}: no download of {reader}"
    assert not re.search(r'href="[./]*_sources/' + re.escape(file) + r'\.ipynb"', text), \
        f"{file}: the source notebook (MyST markup) is still offered for download"
    offered = json.loads((built / reader).read_text(encoding="utf-8"))
    assert offered == json.loads((SOURCE / reader).read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", TOC_NOTEBOOKS)
def test_install_cell_is_skipped_by_the_build(built, file):
    """The build ran the chapter (its other code cells have counts or outputs) but not the
    install cell, and the page does not show it."""
    executed = built.parent / "jupyter_execute" / (file + ".ipynb")
    assert executed.exists(), f"{executed} is missing: was {file} executed?"
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    assert sync_notebooks.is_install_cell(cells[0]), f"{file}: the install cell is not first"
    assert cells[0]["execution_count"] is None and cells[0]["outputs"] == []
    page = (built / (file + ".html")).read_text(encoding="utf-8")
    # the chapter's cells ran: their outputs are on the page (the copy in jupyter_execute/ is not
    # evidence: a page re-read from the execution cache is written there without its outputs)
    assert 'class="cell_output' in page, f"{file}: no cell output on the page; was the chapter executed?"
    assert sync_notebooks.MARKER.split(" The book")[0] not in page and "%pip install" not in page


# -- the API reference -------------------------------------------------------------------

def public_modules() -> list[str]:
    return sorted(
        module.name for module in pkgutil.walk_packages(gcnn_teach.__path__, "gcnn_teach.")
        if not any(part.startswith("_") for part in module.name.split("."))
    )


API_PAGES = sorted((SOURCE / "book" / "api").glob("*.md"))


def test_api_reference_covers_every_public_module():
    text = "\n".join(page.read_text(encoding="utf-8") for page in API_PAGES)
    documented = re.findall(r"^\.\. automodule:: (\S+)", text, re.M)
    missing = sorted(set(public_modules()) - set(documented))
    assert not missing, f"book/api/ lacks `.. automodule::` for {missing}"
    twice = sorted({m for m in documented if documented.count(m) > 1})
    assert not twice, f"book/api/ documents {twice} more than once"


def test_api_reference_is_built_with_every_module(built):
    pages = [built / "book" / "api" / (page.stem + ".html") for page in API_PAGES]
    assert len(pages) > 1 and all(page.exists() for page in pages), \
        "book/api/*.md are not all built: list them under `- file: book/api/index` in _toc.yml"
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    for module in public_modules():
        assert f'id="module-{module}"' in text, f"the API pages have no section for {module}"
    assert 'id="gcnn_teach.equivariance.check_equivariance"' in text
