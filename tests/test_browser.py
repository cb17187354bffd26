"""The built book in a real browser, the way a reader meets it, with the network off.

Every page of ``_build/html`` is served on 127.0.0.1 and opened in Debian's Chromium
(through Playwright); every request to another host is aborted. For every page: it loads
with no console error and no failed request, every formula is typeset, every image has
alt text that says what it shows, every animation player moves when its slider does, and
axe-core finds no serious or critical accessibility violation. Then the search page finds
"lifting", and each chapter's download button offers the chapter's reader notebook.

The checks themselves are tested first, on small pages that are broken on purpose.

Run after ``make book``. Without Chromium or ``node_modules/axe-core`` these tests are
skipped with a message that says how to enable them; ``GCNN_TEACH_REQUIRE_BROWSER=1``
(set by ``.ci/run``) makes that an error instead.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

import browser_support as bs

pytestmark = [pytest.mark.book, pytest.mark.browser]

PAGES = bs.pages()
NOTEBOOK_PAGES = [p for p in PAGES if (bs.HTML / "_sources" / p).with_suffix(".ipynb").exists()]


@pytest.fixture(scope="session")
def book_url(browser):
    if not (bs.HTML / "index.html").exists():
        pytest.fail(f"the book is not built ({bs.HTML} has no index.html): run `make book` first")
    with bs.serve(bs.HTML) as url:
        yield url


# One visit per page, shared by the tests of that page: the visit is the expensive part.
_AUDITS: dict[str, dict] = {}


def audit(browser, url: str, check: str) -> list[str]:
    """The problems that ``check`` found on the page at ``url`` (the page is visited once)."""
    if url not in _AUDITS:
        page, traffic = bs.new_page(browser)
        try:
            bs.load(page, url)
            result = {
                "maths": bs.untypeset_maths(page),
                "images": bs.images_without_alt(page),
                "players": bs.frozen_players(page),
            }
            page.wait_for_load_state("networkidle")
            # what the reader's browser did (axe-core then fetches style sheets of its own)
            result["traffic"] = traffic.problems()
            result["accessibility"] = bs.accessibility_violations(page)
        except Exception as error:  # a page that does not load fails each of its tests, once
            result = {"error": f"{type(error).__name__}: {error}"}
        finally:
            page.context.close()
        _AUDITS[url] = result
    if "error" in _AUDITS[url]:
        pytest.fail(f"{url} could not be audited: {_AUDITS[url]['error']}")
    return _AUDITS[url][check]


def report(name: str, problems: list[str]) -> str:
    return f"{name}:\n  " + "\n  ".join(problems)


# -- the checks fail on broken pages and pass on a good one -----------------------------

GOOD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A good page</title>
<script>window.MathJax = {mathjax};</script>
<script defer src="vendor/mathjax/tex-svg-full.js"></script></head>
<body><main class="tex2jax_ignore mathjax_ignore"><h1>A good page</h1>
<p>A formula: <span class="math">\\(f(x) = \\sum_{{g \\in G}} \\psi(g^{{-1}} x)\\)</span>.</p>
<div class="math">\\[[f \\star \\psi](g) = \\sum_y f(y)\\, \\psi(g^{{-1}} y)\\]</div>
<img src="{picture}" alt="A small square picture.">
{player}
<script type="application/vnd.jupyter.widget-view+json">{view}</script>
</main>
<script type="application/vnd.jupyter.widget-state+json">{state}</script>
{widget_scripts}
</body></html>"""

BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A broken page</title>
<script src="https://cdn.example.invalid/lib.js"></script>
<script src="missing.js"></script>
<script>console.error("something broke");</script>
<script>window.MathJax = {mathjax};</script>
<script defer src="vendor/mathjax/tex-svg-full.js"></script></head>
<body><main class="tex2jax_ignore mathjax_ignore"><h1>A broken page</h1>
<p>Raw TeX that nothing typesets: \\(\\sum_g \\psi(g)\\)</p>
<span class="math">\\(\\undefinedmacro{{x}}\\)</span>
<img src="{picture}">
<img src="{picture}" alt="figure_1.png">
<figure class="gcnn-player"><img src="{picture}" alt="A picture that never changes.">
<input type="range" min="0" max="3" value="0"></figure>
</main></body></html>"""


@pytest.fixture(scope="module")
def test_pages(browser, tmp_path_factory):
    """A small site: a good page (with a real player of the book) and a broken one."""
    from gcnn_teach.viz.animation import static_player_html

    site = tmp_path_factory.mktemp("site")
    shutil.copytree(bs.ROOT / "book" / "_static" / "vendor", site / "vendor")
    pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    def draw(fig, shift):
        fig.add_subplot().bar(range(4), [(i + shift) % 4 for i in range(4)])

    player = static_player_html(draw, range(3), caption="Bars that move.", alt="Four bars whose heights cycle.")
    # a saved widget (as a tqdm progress bar leaves one), drawn by the book's widgets manager
    import ipywidgets
    from ipywidgets.embed import embed_data

    saved = embed_data(views=[ipywidgets.FloatProgress(value=3, max=10, description="Training \\(n\\)")])
    config = yaml.safe_load((bs.ROOT / "_config.yml").read_text())["sphinx"]["config"]
    shutil.copy(bs.ROOT / "book" / "_static" / "widgets-mathjax.js", site)
    widget = {"view": json.dumps(saved["view_specs"][0]), "state": json.dumps(saved["manager_state"]),
              # the widget scripts of the book, in its order
              "widget_scripts": "\n".join(f'<script src="{src}"></script>' for src in config["nb_ipywidgets_js"])}
    # MathJax configured as in the book (_config.yml), as myst-parser completes it
    mathjax = json.dumps({**config.get("mathjax3_config", {}),
                          "options": {"processHtmlClass": "tex2jax_process|mathjax_process|math|output_area"}})
    (site / "good.html").write_text(GOOD_PAGE.format(picture=pixel, player=player, mathjax=mathjax, **widget), encoding="utf-8")
    (site / "broken.html").write_text(BROKEN_PAGE.format(picture=pixel, mathjax=mathjax), encoding="utf-8")
    with bs.serve(site) as url:
        yield url


def test_checks_pass_on_a_good_page(browser, test_pages):
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, test_pages + "good.html")
        assert bs.players(page) == 1
        assert page.locator(".math mjx-container").count() == 2
        widget = page.locator(".widget-subarea:has(.progress-bar)")
        assert widget.count() == 1 and "Training" in widget.inner_text()
        assert widget.locator("mjx-container").count() == 1  # the maths of its label, typeset
        assert widget.locator(".progress-bar").evaluate("bar => bar.style.width") == "30%"
        problems = (bs.untypeset_maths(page) + bs.images_without_alt(page) + bs.frozen_players(page)
                    + traffic.problems() + bs.accessibility_violations(page))
    finally:
        page.context.close()
    assert problems == []


def test_checks_catch_a_broken_page(browser, test_pages):
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, test_pages + "broken.html")
        maths = bs.untypeset_maths(page)
        images = bs.images_without_alt(page)
        players = bs.frozen_players(page)
        problems = traffic.problems()
        accessibility = bs.accessibility_violations(page)
    finally:
        page.context.close()
    assert any("raw TeX" in p and "sum_g" in p for p in maths), maths
    assert any("MathJax error" in p for p in maths), maths
    assert any("without alt text" in p for p in images), images
    assert any("alt text is a file name" in p for p in images), images
    assert any("did not change" in p for p in players), players
    assert any("image-alt" in p for p in accessibility), accessibility
    assert any("label" in p for p in accessibility), accessibility
    assert any("another host: https://cdn.example.invalid/lib.js" in p for p in problems), problems
    assert any("missing.js" in p and "404" in p for p in problems), problems
    assert any("something broke" in p for p in problems), problems


# -- every page of the book -------------------------------------------------------------

def test_every_page_is_tested():
    assert PAGES, f"no pages in {bs.HTML}: run `make book` first"
    assert "book/intro.html" in PAGES and "search.html" in PAGES


# What each check of a page asserts (its problems are listed when it fails).
CHECKS = {
    "traffic": "loads offline, with no console error and no failed request",
    "maths": "every formula is typeset, no raw TeX is left",
    "images": "every image has alt text that is not a file name",
    "players": "every animation player shows a new frame when its slider moves",
    "accessibility": "axe-core finds no serious or critical violation",
}


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("name", PAGES)
def test_page(browser, book_url, name, check):
    problems = audit(browser, book_url + name, check)
    assert not problems, report(f"{name}: {CHECKS[check]}", problems)


def test_pages_work_from_disk(browser, book_url):
    """Opened as files (file://), with no server: maths typeset, players move, nothing fails."""
    for name in ["book/notation.html"] + NOTEBOOK_PAGES[:1]:
        page, traffic = bs.new_page(browser)
        try:
            bs.load(page, (bs.HTML / name).as_uri())
            problems = bs.untypeset_maths(page) + bs.frozen_players(page) + traffic.problems()
            typeset = page.locator("mjx-container").count()
        finally:
            page.context.close()
        assert not problems, report(name + " (from disk)", problems)
        assert typeset > 0, f"{name}: no formula typeset from disk"


# -- search and download ----------------------------------------------------------------

def test_search_finds_lifting(browser, book_url):
    """From the first page, search as a reader does: the search button, a word, Enter."""
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, book_url + "book/intro.html")
        page.locator("button.search-button-field, button.search-button").first.click()
        box = page.locator('form.bd-search input[name="q"]').first
        box.fill("lifting")
        box.press("Enter")
        page.wait_for_url("**/search.html?q=lifting*")
        results = page.locator("#search-results ul.search li")
        results.first.wait_for()
        page.wait_for_function("() => !!document.querySelector('#search-results .search-summary')")
        found = [urljoin(page.url, results.nth(i).locator("a").first.get_attribute("href"))
                 for i in range(results.count())]
        # the article of each page found (not the navigation, which lists every chapter)
        texts = [page.request.get(url.split("#")[0]).text().split('id="main-content"', 1)[-1].lower()
                 for url in found[:3]]
    finally:
        page.context.close()
    assert found, "searching for 'lifting' found no page"
    assert all("lifting" in text for text in texts), f"pages found that do not mention lifting: {found[:3]}"
    assert traffic.problems() == []


@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_download_button_offers_the_notebook(browser, book_url, name):
    """The chapter's download menu has an .ipynb entry, and it is the chapter's reader notebook."""
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, book_url + name)
        page.locator('button[aria-label="Download this page"]').click()
        item = page.locator("a.btn-download-notebook-button", has_text=".ipynb")
        item.wait_for(state="visible")
        href = urljoin(page.url, item.get_attribute("href"))
        response = page.request.get(href)
        status, body = response.status, response.body()
    finally:
        page.context.close()
    assert status == 200, f"{name}: the .ipynb download ({href}) answered HTTP {status}"
    reader = bs.SOURCE / "notebooks" / Path(name).relative_to("book").with_suffix(".ipynb")
    assert json.loads(body) == json.loads(reader.read_text(encoding="utf-8")), \
        f"{name}: the download is not the chapter's reader notebook"
    assert traffic.problems() == []
