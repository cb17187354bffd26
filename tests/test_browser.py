"""The built book in a real browser, the way a reader meets it, with the network off.

Every page of ``_build/html`` is served on 127.0.0.1 and opened in Debian's Chromium
(through Playwright); every request to another host is aborted. For every page: it loads
with no console error and no failed request, every formula is typeset, every image has
alt text that says what it shows, every animation player moves when its slider does, no
id is used twice, no saved widget is an empty area, and axe-core finds no serious or
critical accessibility violation, with the reader's system in light mode and in dark mode.
On a laptop screen (1280 px) no display equation is wider than its column; on a phone
(390 px) none is clipped without a scroll bar and the page does not scroll sideways.
The bytes each page loads (the page and everything it loads) are printed as a table and
held under the book's limits. Then the search page finds "lifting", over a server and
from disk, and each chapter's download button saves the chapter's reader notebook.

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


def _visit(browser, url: str, **screen) -> dict:
    """Three visits per page: a laptop in light mode (every check), a laptop in dark mode
    (accessibility: the contrasts change) and a phone (what overflows a narrow screen)."""
    result = {}
    for name, options in {"light": {}, "dark": {"color_scheme": "dark"}, "phone": {"viewport": bs.PHONE}}.items():
        page, traffic = bs.new_page(browser, **options)
        try:
            bs.load(page, url)
            if name == "light":
                result.update({
                    "maths": bs.untypeset_maths(page),
                    "images": bs.images_without_alt(page),
                    "players": bs.frozen_players(page),
                    "ids": bs.duplicate_ids(page),
                    "widgets": bs.empty_widget_areas(page),
                    "equations": bs.overflowing_equations(page, scrolling_allowed=False),
                    "has_maths": page.locator("mjx-container").count() > 0,
                })
                page.wait_for_load_state("networkidle")
                # what the reader's browser did (axe-core then fetches style sheets of its own)
                result["traffic"] = traffic.problems()
                result["bytes"] = bs.loaded_bytes(traffic)
                result["accessibility"] = bs.accessibility_violations(page)
            elif name == "dark":
                assert page.evaluate("document.documentElement.dataset.theme") == "dark", "the theme did not follow dark mode"
                result["accessibility-dark"] = bs.accessibility_violations(page)
            else:
                result["phone"] = bs.overflowing_equations(page, scrolling_allowed=True) + bs.sideways_scroll(page)
        finally:
            page.context.close()
    return result


def audit(browser, url: str, check: str):
    """What ``check`` found on the page at ``url`` (the page's visits are made once)."""
    if url not in _AUDITS:
        try:
            _AUDITS[url] = _visit(browser, url)
        except Exception as error:  # a page that does not load fails each of its tests, once
            _AUDITS[url] = {"error": f"{type(error).__name__}: {error}"}
    if "error" in _AUDITS[url]:
        pytest.fail(f"{url} could not be audited: {_AUDITS[url]['error']}")
    return _AUDITS[url][check]


def report(name: str, problems: list[str]) -> str:
    return f"{name}:\n  " + "\n  ".join(problems)


# -- the checks fail on broken pages and pass on a good one -----------------------------

GOOD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A good page</title>
<script>window.MathJax = {mathjax};</script>
<script defer src="{mathjax_path}"></script></head>
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
<script defer src="{mathjax_path}"></script></head>
<body><main class="tex2jax_ignore mathjax_ignore"><h1>A broken page</h1>
<div class="cell_output"><div class="output"><script type="application/vnd.jupyter.widget-view+json">{{}}</script><div class="widget-subarea" style="height: 30px"><div></div></div></div></div>
<p id="twice">One id</p><p id="twice">used twice</p>
<style>div.math {{ display: flex; overflow: hidden; }} div.math mjx-container {{ flex-grow: 1; }}</style>
<p style="color: #9ca4af; background-color: #ced6dd">A caption that is hard to read.</p>
<pre style="width: 600px">A line of code wider than a phone.</pre>
<div class="math" style="width: 200px">\\[\\sum_{{g \\in G}} f(g) + f(g) + f(g) + f(g) + f(g) + f(g) + f(g) + f(g) + f(g) + f(g) + f(g) + f(g)\\]</div>
<p>Raw TeX that nothing typesets: \\(\\sum_g \\psi(g)\\)</p>
<span class="math">\\(\\undefinedmacro{{x}}\\)</span>
<img src="{picture}">
<img src="{picture}" alt="figure_1.png">
<figure class="gcnn-player"><img src="{picture}" alt="A picture that never changes." width="40" height="40">
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
    mathjax_path = config["mathjax_path"]
    (site / "good.html").write_text(GOOD_PAGE.format(picture=pixel, player=player, mathjax=mathjax,
                                                     mathjax_path=mathjax_path, **widget), encoding="utf-8")
    (site / "broken.html").write_text(BROKEN_PAGE.format(picture=pixel, mathjax=mathjax, mathjax_path=mathjax_path),
                                      encoding="utf-8")
    with bs.serve(site) as url:
        yield url, site


def test_checks_pass_on_a_good_page(browser, test_pages):
    url, site = test_pages
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, url + "good.html")
        assert bs.players(page) == 1
        assert page.locator(".math mjx-container").count() == 2
        widget = page.locator(".widget-subarea:has(.progress-bar)")
        assert widget.count() == 1 and "Training" in widget.inner_text()
        assert widget.locator("mjx-container").count() == 1  # the maths of its label, typeset
        assert widget.locator(".progress-bar").evaluate("bar => bar.style.width") == "30%"
        problems = (bs.untypeset_maths(page) + bs.images_without_alt(page) + bs.frozen_players(page)
                    + bs.duplicate_ids(page) + bs.empty_widget_areas(page)
                    + bs.overflowing_equations(page, scrolling_allowed=False)
                    + traffic.problems() + bs.accessibility_violations(page))
        weight = bs.loaded_bytes(traffic, site)
    finally:
        page.context.close()
    assert problems == []
    # the page and every file it loaded, MathJax's components (fetched by its loader) included
    assert {"good.html", "vendor/mathjax/startup.js", "vendor/mathjax/output/svg/fonts/tex.js",
            "vendor/jupyter-widgets/embed.js"} <= set(weight), sorted(weight)
    assert weight["good.html"] == (site / "good.html").stat().st_size


def test_checks_catch_a_broken_page(browser, test_pages):
    url, _ = test_pages
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, url + "broken.html")
        maths = bs.untypeset_maths(page)
        images = bs.images_without_alt(page)
        players = bs.frozen_players(page)
        ids = bs.duplicate_ids(page)
        widgets = bs.empty_widget_areas(page)
        wide = bs.overflowing_equations(page, scrolling_allowed=False)
        problems = traffic.problems()
        accessibility = bs.accessibility_violations(page)
    finally:
        page.context.close()
    phone, _ = bs.new_page(browser, viewport=bs.PHONE)
    try:
        bs.load(phone, url + "broken.html")
        clipped = bs.overflowing_equations(phone, scrolling_allowed=True)
        sideways = bs.sideways_scroll(phone)
    finally:
        phone.context.close()
    assert ids == ['id "twice" is used 2 times'], ids
    assert len(widgets) == 1 and "empty area 30 px high" in widgets[0], widgets
    assert len(wide) == 1 and "px column" in wide[0], wide
    # a box that hides its overflow, around an equation that does not scroll
    assert len(clipped) == 1 and "clipped without a scroll bar" in clipped[0], clipped
    assert sideways and "sideways" in sideways[0], sideways
    assert any("color-contrast" in p for p in accessibility), accessibility
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
    "ids": "no id is used by two elements",
    "widgets": "no saved widget is an empty area",
    "equations": "no display equation is wider than its column on a 1280 px screen",
    "phone": "on a 390 px phone, no display equation is clipped without a scroll bar and the page does not scroll sideways",
    "accessibility": "axe-core finds no serious or critical violation (light mode)",
    "accessibility-dark": "axe-core finds no serious or critical violation (dark mode)",
}


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("name", PAGES)
def test_page(browser, book_url, name, check):
    problems = audit(browser, book_url + name, check)
    assert not problems, report(f"{name}: {CHECKS[check]}", problems)


# Page weight: the page and every file it loads, in bytes (what a reader downloads, and what
# an offline copy of one page needs). A chapter with its formulas, figures and players stays
# under 3 MB; a page without formulas (which loads no MathJax) under 1 MB.
PAGE_LIMIT = 3_000_000
PAGE_WITHOUT_MATHS_LIMIT = 1_000_000
def test_page_weight(browser, book_url, capsys):
    rows, over = [], []
    for name in PAGES:
        loaded = audit(browser, book_url + name, "bytes")
        has_maths = audit(browser, book_url + name, "has_maths")
        total = sum(loaded.values())
        limit = PAGE_LIMIT if has_maths else PAGE_WITHOUT_MATHS_LIMIT
        mathjax = sum(size for path, size in loaded.items() if "/vendor/mathjax/" in f"/{path}")
        rows.append(f"{name:48} {loaded.get(name, 0):>10,} {mathjax:>10,} {total:>10,} {limit:>10,}")
        if total > limit:
            largest = sorted(loaded.items(), key=lambda item: -item[1])[:4]
            over.append(f"{name}: {total:,} bytes > {limit:,}; largest: {largest}")
    table = "\n".join([f"{'page':48} {'page':>10} {'MathJax':>10} {'total':>10} {'limit':>10}", *rows])
    with capsys.disabled():
        print("\nbytes loaded by each page (the page itself, MathJax, everything):\n" + table)
    assert not over, report("pages over their weight limit", over)


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
        assert page.locator("button.search-button-field:visible").count() == 1, "one search box, not two"
        page.locator("button.search-button-field:visible, button.search-button:visible").first.click()
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


def test_search_from_disk(browser):
    """The search page opened as a file (no server): results for "lifting", each with lines of
    its page (from _static/search-texts.js), and not one console error."""
    page, traffic = bs.new_page(browser)
    try:
        page.goto((bs.HTML / "search.html").as_uri() + "?q=lifting", wait_until="load")
        results = page.locator("#search-results ul.search li")
        results.first.wait_for()
        page.wait_for_function("() => !!document.querySelector('#search-results .search-summary')")
        # every result shows lines of its page (an API entry its description instead, as in Sphinx)
        page.wait_for_function("""() => [...document.querySelectorAll('#search-results ul.search > li')]
            .every(li => li.querySelector('p.context, span'))""")
        found = results.count()
        lines = page.locator("#search-results ul.search li p.context").all_inner_texts()
        page.wait_for_load_state("networkidle")
    finally:
        page.context.close()
    assert found, "searching for 'lifting' from disk found no page"
    # Sphinx's lines: around the last search word found in the page (a page found by a word
    # of the same stem, "lifted", may show lines without "lifting")
    assert lines and sum("lifting" in text.lower() for text in lines) >= len(lines) / 2, lines
    assert traffic.problems() == []


@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_download_button_offers_the_notebook(browser, book_url, name):
    """The chapter's download menu has an .ipynb entry that saves (not opens) the chapter's reader notebook."""
    page, traffic = bs.new_page(browser)
    try:
        bs.load(page, book_url + name)
        page.locator('button[aria-label="Download this page"]').click()
        item = page.locator("a.btn-download-notebook-button", has_text=".ipynb")
        item.wait_for(state="visible")
        href = urljoin(page.url, item.get_attribute("href"))
        download, target = item.get_attribute("download"), item.get_attribute("target")
        response = page.request.get(href)
        status, body = response.status, response.body()
    finally:
        page.context.close()
    assert status == 200, f"{name}: the .ipynb download ({href}) answered HTTP {status}"
    assert download == Path(name).with_suffix(".ipynb").name and target is None, (download, target)
    reader = bs.SOURCE / "notebooks" / Path(name).relative_to("book").with_suffix(".ipynb")
    assert json.loads(body) == json.loads(reader.read_text(encoding="utf-8")), \
        f"{name}: the download is not the chapter's reader notebook"
    assert traffic.problems() == []
