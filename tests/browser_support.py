"""Helpers for the browser tests of the built book (tests/test_browser.py).

A reader opens the HTML book with no network: these helpers serve a folder on 127.0.0.1,
drive Debian's Chromium with Playwright (never a browser that Playwright downloads), abort
every request to another host, and *audit* one page the way a reader meets it: what failed
to load, what the console said, whether the maths was typeset, whether every image says
what it shows, whether the animation players move, and what axe-core finds.

Each check is a small function of a Playwright ``Page`` that returns a list of problems
(empty when all is well), so that the tests can also run them on deliberately broken pages
and see them fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
# The built book; GCNN_TEACH_BOOK_HTML points the tests at another build (e.g. scripts/build_pages.sh's).
HTML = Path(os.environ.get("GCNN_TEACH_BOOK_HTML") or ROOT / "_build" / "html").resolve()
# The sources that book was built from: the folder above its _build (scripts/build_pages.sh
# builds this repository's sources into /tmp/build-NAME, which holds no sources).
SOURCE = HTML.parents[1] if (HTML.parents[1] / "_config.yml").exists() else ROOT
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_ENV = "GCNN_TEACH_REQUIRE_BROWSER"

ENABLE_HINT = (
    "the browser tests need Debian's Chromium and axe-core: run `apt-get install -y chromium` "
    "and `npm ci` in the repository (or `bash .ci/run`, which does both); set "
    f"{REQUIRE_ENV}=1 to make their absence an error"
)

# Seconds: a page of the book can embed a few megabytes of animation frames, and the
# machines that run the tests are small and shared.
PAGE_TIMEOUT_MS = 90_000

# axe-core impacts that fail the tests.
BLOCKING_IMPACTS = ("serious", "critical")


def missing_prerequisites() -> list[str]:
    """What the browser tests lack on this machine (empty when they can run)."""
    missing = []
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"{CHROMIUM} (Debian package `chromium`)")
    if not AXE.exists():
        missing.append(f"{AXE.relative_to(ROOT)} (npm package `axe-core`, `npm ci`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package `playwright` (requirements.txt)")
    return missing


def browser_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0")


# -- serving a folder on localhost -----------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ipynb": "application/x-ipynb+json",
        ".js": "text/javascript",
        ".woff2": "font/woff2",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # the tests report failed requests themselves


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


# -- the browser -----------------------------------------------------------------------

@contextmanager
def chromium():
    """Debian's Chromium, headless, through Playwright; yields a Playwright ``Browser``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def chromium_or_skip():
    """Chromium for a test fixture; without the prerequisites the test is skipped, or fails
    when ``GCNN_TEACH_REQUIRE_BROWSER`` is set (the message says how to enable it)."""
    import pytest

    missing = missing_prerequisites()
    if missing:
        message = "browser tests: missing " + "; ".join(missing) + ". " + ENABLE_HINT
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as browser:
        yield browser


@dataclass
class Traffic:
    """What happened on the wire and in the console while a page loaded and was used."""

    external: list[str] = field(default_factory=list)  # requests to other hosts (aborted)
    failed: list[str] = field(default_factory=list)  # local requests that failed or got >= 400
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions
    loaded: list[str] = field(default_factory=list)  # local files loaded (the page included)

    def problems(self) -> list[str]:
        return (
            [f"loads a resource from another host: {url}" for url in self.external]
            + [f"failed request: {text}" for text in self.failed]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught JavaScript error: {text}" for text in self.page_errors]
        )


# The reader's screens: a laptop and a phone (CSS pixels).
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def new_page(browser, *, color_scheme: str = "light", viewport: dict = DESKTOP):
    """A fresh page whose requests to any host but localhost are aborted and recorded.

    Returns ``(page, traffic)``. Links to other hosts (launch buttons, references) are
    not requests: only what the page *loads* is seen here. ``color_scheme`` is the
    reader's system setting ("light" or "dark"), which the book's theme follows.
    """
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    traffic = Traffic()

    def route(route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            traffic.external.append(url)
            route.abort("blockedbyclient")

    def on_failed(request):
        if is_local(request.url):
            traffic.failed.append(f"{request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400:
            traffic.failed.append(f"{response.url} (HTTP {response.status})")

    def on_console(message):
        if message.type == "error":
            location = message.location or {}
            url = location.get("url", "")
            # an aborted external request is reported once, as such, not again as an error
            if "ERR_BLOCKED_BY_CLIENT" in message.text and (not url or not is_local(url)):
                return
            traffic.console_errors.append(message.text)

    def on_finished(request):
        if is_local(request.url) and not request.url.startswith(("data:", "blob:", "about:")):
            traffic.loaded.append(request.url)

    context.route("**/*", route)
    page.on("requestfinished", on_finished)
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
    return page, traffic


def load(page, url: str) -> None:
    """Open ``url`` and wait until the page is ready as a reader sees it: loaded, maths
    typeset by MathJax, saved widgets drawn by the widgets manager."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    typeset = """async () => {
        if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
            await MathJax.startup.promise;
        }
    }"""
    page.evaluate(typeset)
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if views:
        page.wait_for_function(
            """n => document.querySelectorAll('.widget-subarea > *').length >= n""",
            arg=views,
            timeout=PAGE_TIMEOUT_MS,
        )
        page.evaluate(typeset)  # the maths in the widgets (widgets-mathjax.js chains it there)


# -- the checks: each returns a list of problems ---------------------------------------

# Text that only raw (untypeset) TeX leaves in a page: a backslash command or a delimiter.
RAW_TEX = re.compile(r"\\[a-zA-Z]{2,}|\\[()\[\]]|\$\$|\$[^$\s][^$\n]*\$")


def untypeset_maths(page) -> list[str]:
    """Formulas that MathJax did not typeset, MathJax errors, and raw TeX left in the text."""
    return page.evaluate(
        r"""(rawTex) => {
            const problems = [];
            const mathNodes = document.querySelectorAll('.math, span.math, div.math');
            mathNodes.forEach((node, i) => {
                if (!node.querySelector('mjx-container')) {
                    problems.push(`formula ${i} was not typeset: ${node.textContent.trim().slice(0, 80)}`);
                }
            });
            document.querySelectorAll('mjx-merror, [data-mml-node="merror"]').forEach(node => {
                const text = (node.getAttribute('data-mjx-error') || node.textContent || '').trim();
                problems.push(`MathJax error: ${text.slice(0, 120)}`);
            });
            // the visible prose, without code (API signatures included), scripts and typeset maths
            const body = document.querySelector('main') || document.body;
            const copy = body.cloneNode(true);
            copy.querySelectorAll('pre, code, script, style, mjx-container, textarea, .highlight, .cell_output, dt.sig')
                .forEach(node => node.remove());
            const re = new RegExp(rawTex, 'g');
            const text = copy.textContent;
            let match;
            while ((match = re.exec(text)) !== null) {
                const start = Math.max(0, match.index - 40);
                problems.push(`raw TeX in the text: ...${text.slice(start, match.index + 40).replace(/\s+/g, ' ')}...`);
                if (problems.length > 20) break;
            }
            return problems;
        }""",
        RAW_TEX.pattern,
    )


FILE_NAME = re.compile(r"^[\w./\\-]*\.(png|jpe?g|gif|svg|webp|bmp)$", re.IGNORECASE)


def images_without_alt(page) -> list[str]:
    """Images whose alt text is missing, empty, or a file name (which says nothing)."""
    images = page.evaluate(
        """() => Array.from(document.images).map(img => ({
            src: (img.getAttribute('src') || '').slice(0, 100),
            alt: img.getAttribute('alt'),
            hidden: img.getAttribute('aria-hidden') === 'true' || img.getAttribute('role') === 'presentation',
        }))"""
    )
    problems = []
    for image in images:
        alt = (image["alt"] or "").strip()
        if image["hidden"]:
            continue
        if not alt:
            problems.append(f"image without alt text: {image['src']}")
        elif FILE_NAME.match(alt) or alt == image["src"] or (image["src"] and alt == Path(image["src"]).name):
            problems.append(f"image whose alt text is a file name ({alt!r}): {image['src']}")
    return problems


# An animation player: the book's own (``gcnn_teach.viz.animation``, a ``figure.gcnn-player``)
# or matplotlib's ``to_jshtml`` (``div.animation``): a picture and a frame slider.
PLAYER = ".gcnn-player, .animation"
#: The player around an element (its nearest ancestor of a PLAYER class), as an XPath.
PLAYER_XPATH = "ancestor::*[" + " or ".join(
    f"contains(concat(' ', normalize-space(@class), ' '), ' {p[1:]} ')" for p in PLAYER.split(", ")) + "][1]"
PLAYER_SLIDER = ", ".join(f'{p} input[type="range"]' for p in PLAYER.split(", "))


def players(page) -> int:
    """How many animation players (frame sliders inside a player) the page has."""
    return page.locator(PLAYER_SLIDER).count()


def frozen_players(page) -> list[str]:
    """Players whose picture does not change when the reader moves the slider one step.

    The slider is moved as a reader does it: focus it and press the right arrow key. The
    picture is compared as the reader sees it: a screenshot of the player's frame window (the
    book's player shows one frame of a sprite sheet there) or, failing that, of its image.
    """
    problems = []
    sliders = page.locator(PLAYER_SLIDER)
    for i in range(sliders.count()):
        slider = sliders.nth(i)
        slider.scroll_into_view_if_needed()
        window = slider.locator(f"xpath={PLAYER_XPATH}").locator(".gcnn-player-frame, img").first
        before_value = slider.input_value()
        if slider.get_attribute("max") in (None, "0", before_value):
            problems.append(f"player {i} has a single frame")
            continue
        box = window.bounding_box() if window.count() else None
        if not box or box["width"] < 2 or box["height"] < 2:
            problems.append(f"player {i} shows no picture before the slider moves")
            continue
        before = window.screenshot()
        slider.focus()
        slider.press("ArrowRight")
        page.wait_for_timeout(50)  # a new sheet is decoded before it is drawn
        after_value, after = slider.input_value(), window.screenshot()
        if after_value == before_value:
            problems.append(f"player {i}: the slider did not move (value {before_value})")
        elif after == before:
            problems.append(f"player {i}: the picture did not change when the slider moved to {after_value}")
    return problems


def accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page (axe injected from node_modules)."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
                count: v.nodes.length,
            }));
        }"""
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}), {v['count']} element(s), e.g. {v['nodes']}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def pages(html: Path = HTML) -> list[str]:
    """Every HTML page of a built book, as paths relative to its root."""
    skip = ("_static", "_sources", "_images", "_downloads")
    return sorted(
        p.relative_to(html).as_posix()
        for p in html.rglob("*.html")
        if not p.relative_to(html).parts[0] in skip
    )


def duplicate_ids(page) -> list[str]:
    """Ids that more than one element of the page carries (a link to them is ambiguous)."""
    return page.evaluate(
        """() => {
            const counts = {};
            document.querySelectorAll('[id]').forEach(el => { counts[el.id] = (counts[el.id] || 0) + 1; });
            return Object.entries(counts).filter(([, n]) => n > 1).map(([id, n]) => `id "${id}" is used ${n} times`);
        }"""
    )


def empty_widget_areas(page) -> list[str]:
    """Saved widgets that take room on the page but say nothing: no text, no picture, no
    control (a progress bar without a label, say). The widgets manager draws each saved
    widget in a ``.widget-subarea`` next to its view script."""
    return page.evaluate(
        """() => {
            const problems = [];
            document.querySelectorAll('.widget-subarea').forEach((area, i) => {
                const shown = area.innerText.trim() !== ''
                    || area.querySelector('img, svg, canvas, input, button, select, textarea, progress');
                const height = area.getBoundingClientRect().height;
                if (!shown && height > 0) problems.push(`widget ${i} is an empty area ${Math.round(height)} px high`);
            });
            return problems;
        }"""
    )


def overflowing_equations(page, *, scrolling_allowed: bool) -> list[str]:
    """Display equations wider than their column, or cut off by it.

    An equation's width is its typeset SVG's; its column is its MathJax container (which
    gcnn-book.css lets shrink to the column and scroll). With ``scrolling_allowed`` (a
    phone), an equation may be wider than the column if it scrolls: the container scrolls
    sideways and no box around it hides part of it. Without it (a laptop), none may be wider.
    """
    return page.evaluate(
        """(scrollingAllowed) => {
            const problems = [];
            const main = document.querySelector('main') || document.body;
            main.querySelectorAll('mjx-container[display="true"]').forEach((box, i) => {
                const svg = box.querySelector('svg');
                if (!svg) return;
                const width = svg.getBoundingClientRect().width, column = box.clientWidth;
                const tex = (box.closest('.math') || box).textContent.trim().slice(0, 60);
                const wider = width > column + 1;
                const style = getComputedStyle(box);
                const scrolls = wider && ['auto', 'scroll'].includes(style.overflowX) && box.scrollWidth > box.clientWidth + 1;
                // a box around the container that hides what sticks out of it
                const right = box.getBoundingClientRect().right;
                let clippedBy = null;
                for (let el = box.parentElement; el && el !== document.body; el = el.parentElement) {
                    const overflow = getComputedStyle(el).overflowX;
                    if (['hidden', 'clip'].includes(overflow) && el.getBoundingClientRect().right + 1 < right) { clippedBy = el; break; }
                }
                const cut = clippedBy ? ` (cut off by <${clippedBy.tagName.toLowerCase()} class="${clippedBy.className}">)` : '';
                if (!scrollingAllowed && wider) {
                    problems.push(`equation ${i} is ${Math.round(width)} px wide in a ${column} px column: ${tex}`);
                } else if (clippedBy || (wider && !scrolls)) {
                    problems.push(`equation ${i} (${Math.round(width)} px) is clipped without a scroll bar in a ${column} px column${cut}: ${tex}`);
                }
            });
            return problems;
        }""",
        scrolling_allowed,
    )


def sideways_scroll(page) -> list[str]:
    """The page itself scrolls sideways (something is wider than the screen)."""
    excess = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    return [f"the page scrolls sideways by {excess} px"] if excess > 0 else []


def loaded_bytes(traffic: Traffic, html: Path = HTML) -> dict[str, int]:
    """The size of every file of the book the page loaded (the page included), by path."""
    sizes = {}
    for url in traffic.loaded:
        parts = urlsplit(url)
        path = unquote(parts.path)
        if parts.scheme == "file":
            target = Path(path)
        else:
            target = html / path.lstrip("/")
        if target.is_file():
            sizes[target.resolve().relative_to(html).as_posix()] = target.stat().st_size
    return sizes
