"""One real-browser test of what only a browser shows: charts draw, a filter redraws them, PNG download, URL state.

Starts `streamlit run streamlit_app.py` on a free port and drives Debian's Chromium with Playwright. Screenshots
of every page are saved under tests/artifacts/ (git-ignored). Skipped when Chromium or Playwright is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.store import load_results
from dashboard import corpus

sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PAGES = {"overview": "", "actors": "actors", "sentiment": "sentiment", "stance": "stance", "quotes": "quotes",
         "network": "network", "articles": "articles", "data": "data"}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")]


def find_free_port() -> int:
    """Return a TCP port on localhost that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, *, timeout: float = 45.0) -> None:
    """Poll Streamlit's health endpoint until it answers (RuntimeError after timeout seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not start at {url}")


@pytest.fixture(scope="module")
def top_actor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """Analyse the sample into a fresh cache; yield (actor name, actor id, cache folder) of its top actor."""
    cache = tmp_path_factory.mktemp("browser-cache")
    previous = os.environ.get(corpus.CACHE_ENV)
    os.environ[corpus.CACHE_ENV] = str(cache)
    choice = corpus.make_sample_choice()
    mentions = load_results(corpus.analyse_corpus(choice, content_hash=corpus.hash_corpus(choice))).mentions
    actor_id, name = mentions.groupby(["actor_id", "actor"]).size().idxmax()
    yield name, actor_id, cache
    if previous is None:
        os.environ.pop(corpus.CACHE_ENV, None)
    else:
        os.environ[corpus.CACHE_ENV] = previous


@pytest.fixture(scope="module")
def app_url(top_actor: tuple[str, str, Path], tmp_path_factory) -> Iterator[str]:
    """Run the dashboard in a subprocess on a free port; yield its address."""
    port = find_free_port()
    environment = {**os.environ, corpus.CACHE_ENV: str(top_actor[2]), "BROWSER_PATH": CHROMIUM}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    # The server's log goes to a file: an unread pipe would block the server once it filled up.
    log_path = tmp_path_factory.mktemp("server") / "streamlit.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_healthy(url)
        except Exception:
            print(log_path.read_text(errors="replace")[-4000:])
            raise
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def page(app_url: str) -> Iterator[object]:
    """A Chromium page with downloads enabled; fails the test if the app ever opens a JavaScript dialog."""
    dialogs: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        yield tab
        browser.close()
    assert not dialogs, f"the app opened a JavaScript dialog: {dialogs}"


# True once the script has finished, no element is a loading skeleton and every Plotly chart has drawn its SVG.
RENDERED = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stSkeleton], [data-testid=stStatusWidget]')) return false;
  const charts = document.querySelectorAll('[data-testid=stPlotlyChart]').length;
  return document.querySelectorAll('.js-plotly-plot .main-svg').length >= charts;
}"""


def wait_until_rendered(tab) -> None:
    """Wait until the app has finished running and drawing; checked twice, as a rerun can start right after."""
    for _ in range(2):
        tab.wait_for_function(RENDERED, timeout=30_000, polling=100)
        tab.wait_for_timeout(300)
    tab.wait_for_function(RENDERED, timeout=30_000, polling=100)


def wait_for_charts(tab) -> None:
    """Wait until Plotly has drawn at least one chart and the app has finished running."""
    tab.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    wait_until_rendered(tab)


def take_full_screenshot(tab, path: Path) -> None:
    """Save the whole page: Streamlit scrolls inside its main pane, so the window is stretched to its height first."""
    height = tab.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    tab.set_viewport_size({"width": 1400, "height": max(1000, min(height, 12_000))})
    wait_until_rendered(tab)  # the taller window can make charts resize
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size({"width": 1400, "height": 1000})


def read_first_chart(tab) -> list:
    """Return the y values of the first trace of the first chart, as the browser holds them."""
    return tab.evaluate("() => Array.from(document.querySelector('.js-plotly-plot').data[0].y || [])")


def choose_actor(tab, name: str) -> None:
    """Pick one actor in the sidebar's Actors filter, as a reader would."""
    box = tab.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    box.click()
    tab.keyboard.type(name)
    tab.get_by_role("option", name=name).first.click()
    tab.keyboard.press("Escape")


def test_dashboard_in_a_real_browser(page, app_url: str, top_actor: tuple[str, str, Path], tmp_path: Path) -> None:
    name, _, _ = top_actor
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{app_url}/actors")
    wait_for_charts(page)
    before = read_first_chart(page)
    assert len(before) > 1

    choose_actor(page, name)
    page.wait_for_function("(n) => { const p = document.querySelector('.js-plotly-plot');"
                           " return p && p.data && p.data[0].y.length === 1 && p.data[0].y[0] === n; }",
                           arg=name, timeout=30_000)
    assert read_first_chart(page) == [name]
    assert "flt_actors=" in page.url and name.split()[0] in page.url.replace("+", " ").replace("%20", " ")

    page.get_by_test_id("stPopover").first.click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="PNG").first.click()
    saved = tmp_path / "chart.png"
    download.value.save_as(saved)
    assert saved.read_bytes()[:8] == PNG_MAGIC
    page.keyboard.press("Escape")

    for title, path in PAGES.items():
        page.goto(f"{app_url}/{path}?flt_actors={name.replace(' ', '+')}")
        page.wait_for_selector("h1", timeout=30_000)
        wait_until_rendered(page)
        assert page.get_by_test_id("stException").count() == 0, title
        assert page.get_by_test_id("stSkeleton").count() == 0, title
        take_full_screenshot(page, ARTIFACTS / f"{title}.png")

    check_view_zip_opens_offline(page, f"{app_url}/stance", tmp_path)
    check_a_click_on_a_mean_lists_its_sentences(page, f"{app_url}/sentiment")
    check_a_click_on_an_outlet_cell_lists_its_sentences(page, f"{app_url}/sentiment")


def check_a_click_on_a_mean_lists_its_sentences(page, url: str) -> None:
    """Click the first mean of the actors' own quotes on the Sentiment page: the evidence lists that actor's
    quotes ("N scored quotes of Russia, mean …"), where it opens on the first actor's mentions."""
    page.goto(url)
    wait_for_charts(page)
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    # the chart's traces: means toward each actor, their n labels, means of the own quotes, their n labels
    name = chart.evaluate("(plot) => plot.data[2].y[0]")
    box = chart.locator(".scatterlayer .trace").nth(2).locator(".points path").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("(n) => Array.from(document.querySelectorAll('[data-testid=stCaptionContainer]'))"
                           ".some((c) => c.innerText.includes(' scored quotes of ' + n + ','))", arg=name,
                           timeout=30_000)


def click_an_outlet_cell(page, url: str) -> tuple[str, str]:
    """Click the first coloured cell of the Sentiment page's outlet grid (its third chart); return its actor and
    outlet."""
    page.goto(url)
    wait_for_charts(page)
    chart = page.locator(".js-plotly-plot").nth(2)
    chart.scroll_into_view_if_needed()
    # the grid's traces: dark cells (if any), light cells, cells over too few sentences; the first with cells
    index, name, outlet = chart.evaluate("(plot) => { const i = plot.data.findIndex((t) => t.x && t.x.length);"
                                         " return [i, plot.data[i].y[0], plot.data[i].x[0]]; }")
    box = chart.locator(".scatterlayer .trace").nth(index).locator(".points path").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return name, outlet


def check_a_click_on_an_outlet_cell_lists_its_sentences(page, url: str) -> None:
    """Click a cell of the outlet grid: the evidence above lists that actor's mentions in that outlet ("N scored
    mentions of Russia in Atlas Live, …"), where it opens on every outlet."""
    name, outlet = click_an_outlet_cell(page, url)
    page.wait_for_function("(w) => Array.from(document.querySelectorAll('[data-testid=stCaptionContainer]'))"
                           ".some((c) => c.innerText.includes(' scored mentions of ' + w + ','))",
                           arg=f"{name} in {outlet}", timeout=30_000)


def check_view_zip_opens_offline(page, url: str, tmp_path: Path) -> None:
    """Download a page's view zip: it holds the evidence and plotly.js once, and a chart's HTML, unzipped, draws
    with every web request blocked, as it would for a reader offline."""
    page.goto(url)
    wait_for_charts(page)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="Download this view (zip)").click()
    saved = tmp_path / "view.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
        assert "evidence.csv" in names and names.count("plotly.min.js") == 1
        archive.extractall(tmp_path / "view")
    requests: list[str] = []
    page.route("http*://**", lambda route: (requests.append(route.request.url), route.abort()))
    page.goto((tmp_path / "view" / "stance_heatmap.html").as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.unroute("http*://**")
    assert not requests, requests
