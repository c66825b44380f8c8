"""The HTML export in a real browser engine (QtWebEngine's Chromium) with the network cut off:
it loads, draws every area and asset, requests nothing from outside, raises no script
error, and shows a hostile asset name as text.

Chromium needs QTWEBENGINE_DISABLE_SANDBOX=1 when run as root (tests/qt/conftest.py).
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

QtWebEngineCore = pytest.importorskip("PySide6.QtWebEngineCore")
QtWebEngineWidgets = pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtWebEngineCore import (  # noqa: E402
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from assetmap.core.analysis.api import analyse  # noqa: E402
from assetmap.core.analysis.params import AnalysisParams  # noqa: E402
from assetmap.core.commands import AddAsset, CommandStack  # noqa: E402
from assetmap.core.commands.review import SetReview  # noqa: E402
from assetmap.core.export.api import export_data  # noqa: E402
from assetmap.core.export.options import ExportOptions  # noqa: E402
from assetmap.core.export.selection import choose_assets  # noqa: E402
from assetmap.core.model import Asset, new_uuid  # noqa: E402
from assetmap.core.project import Project  # noqa: E402
from assetmap.core.symbols import PENDING_RING  # noqa: E402

LSOA = "Neighbourhoods (LSOA 2021)"
HOSTILE = "<img src=x onerror=alert(1)>"
TITLE = "Trafford </script><b>gaps</b>"
LOCAL_SCHEMES = {"file", "data", "qrc", "blob", "about"}
CATCH_ERRORS = """
window.__amErrors = [];
window.plain = function (markup) {  // text of escaped HTML, as the browser reads it
  var t = document.createElement('textarea'); t.innerHTML = markup; return t.value; };
window.addEventListener('error', function (e) { window.__amErrors.push(String(e.message)); });
window.addEventListener('unhandledrejection', function (e) {
  window.__amErrors.push('unhandled rejection: ' + String(e.reason));
});
"""


class BlockNetwork(QWebEngineUrlRequestInterceptor):
    """Blocks, and remembers, every request that would leave the machine."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []

    def interceptRequest(self, info) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        url = info.requestUrl()
        if url.scheme() not in LOCAL_SCHEMES:
            self.blocked.append(url.toString())
            info.block(True)


class RecordingPage(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile) -> None:
        super().__init__(profile)
        self.errors: list[str] = []
        self.alerts: list[str] = []

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # type: ignore[no-untyped-def]  # noqa: N802, E501
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.errors.append(f"{source}:{line}: {message}")

    def javaScriptAlert(self, origin, message) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.alerts.append(message)


@pytest.fixture
def exported(tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        CommandStack(project).push(
            AddAsset(Asset(new_uuid(), HOSTILE, "community_centres", x=379_500.0, y=396_000.0))
        )
        analyse(project, AnalysisParams(LSOA, ("mental_health",), 800.0, "population",
                                        "imd_score"))  # fmt: skip
        out = tmp_path / "map.html"
        export_data(project, out, ExportOptions(title=TITLE, analysis="latest"))
        chosen = choose_assets(project, ExportOptions()).frame
        placed = chosen[~chosen.geometry.isna()]
        yield out, len(placed), placed["category"].value_counts().to_dict()


@pytest.fixture
def browser(qtbot):
    interceptor = BlockNetwork()
    profile = QWebEngineProfile()  # off the record: no cache or cookies on disk
    profile.setUrlRequestInterceptor(interceptor)
    script = QWebEngineScript()
    script.setSourceCode(CATCH_ERRORS)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    profile.scripts().insert(script)
    page = RecordingPage(profile)
    view = QWebEngineView()
    view.setPage(page)
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    yield view, page, interceptor
    # The page must go before its profile, or Chromium warns and may crash at exit.
    gone: list[bool] = []
    page.destroyed.connect(lambda: gone.append(True))
    view.close()
    view.deleteLater()
    page.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=5_000)
    profile.deleteLater()


def colours(view: QWebEngineView) -> set[int]:
    image = view.grab().toImage()
    assert (image.width(), image.height()) == (1200, 800)
    return {image.pixel(x, y) for x in range(0, 1200, 40) for y in range(0, 800, 40)}


def run_js(qtbot, page: QWebEnginePage, code: str):  # type: ignore[no-untyped-def]
    """The JSON value of ``code`` (a JSON.stringify expression)."""
    results: list[object] = []
    page.runJavaScript(code, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return json.loads(results[0]) if isinstance(results[0], str) else results[0]


def test_html_export_renders_everything_offline_with_no_errors(qtbot, exported, browser, tmp_path):
    path, n_assets, per_category = exported
    view, page, interceptor = browser
    with qtbot.waitSignal(page.loadFinished, timeout=60_000) as loaded:
        page.load(QUrl.fromLocalFile(str(path)))
    assert loaded.args == [True]
    # Markers are added in chunks; wait until every asset is drawn, alone or in a cluster.
    qtbot.waitUntil(
        lambda: run_js(qtbot, page, "JSON.stringify(window.assetmap ? "
                       "assetmap.shownAssets() === assetmap.markers.length : false)"),
        timeout=30_000,
    )  # fmt: skip
    state = run_js(qtbot, page, """JSON.stringify({
        paths: document.querySelectorAll('path.leaflet-interactive').length,
        areas: assetmap.areaCounts,
        markers: assetmap.markers.length,
        shown: assetmap.shownAssets(),
        drawn: document.querySelectorAll('.am-marker, .marker-cluster').length,
        title: document.querySelector('#am-title h1').textContent,
        legend: document.querySelectorAll('#am-legend [data-category]').length,
        errors: window.__amErrors
    })""")  # fmt: skip
    assert state["paths"] == 139  # the LSOAs; ward outlines are not interactive
    assert state["areas"] == {LSOA: 139, "Wards (2023)": 21}
    assert state["markers"] == state["shown"] == n_assets == 501
    assert 0 < state["drawn"] < n_assets  # clustered
    assert state["title"] == TITLE
    assert state["legend"] == len(per_category)

    # A picture of the page as it opens: the choropleth, markers, title and legend.
    qtbot.waitUntil(lambda: len(colours(view)) > 8, timeout=10_000)
    view.grab().save(str(tmp_path / "map.png"))

    # Categories switch on and off.
    faith = run_js(qtbot, page, """JSON.stringify((function () {
        var i = assetmap.groups.findIndex(function (g) {
          return g.getLayers()[0].amGroup.key === 'faith_groups'; });
        assetmap.map.removeLayer(assetmap.groups[i]);
        var without = assetmap.shownAssets();
        assetmap.map.addLayer(assetmap.groups[i]);
        return {without: without, again: assetmap.shownAssets()};
    })())""")  # fmt: skip
    assert faith == {"without": n_assets - per_category["faith_groups"], "again": n_assets}

    # An area's tooltip gives its name and figures with units.
    tip = run_js(qtbot, page, """JSON.stringify((function () {
        assetmap.areaLayers[0].openTooltip();
        var text = document.querySelector('.leaflet-tooltip').textContent;
        assetmap.areaLayers[0].closeTooltip();
        return text;
    })())""")  # fmt: skip
    assert "Area within 800 m" in tip and " %" in tip and "Trafford" in tip

    # The hostile asset: its popup and tooltip show the name as text; nothing ran.
    name = json.dumps(HOSTILE)
    run_js(qtbot, page, """JSON.stringify((function () {
        var m = assetmap.markers.filter(function (m) { return plain(m.amRow[2]) === NAME; })[0];
        assetmap.cluster.zoomToShowLayer(m, function () {
          assetmap.details(m).openPopup();
          m.openTooltip();
        });
        return true;
    })())""".replace("NAME", name))  # fmt: skip
    opened = "JSON.stringify(!!document.querySelector('.leaflet-popup-content .am-popup-name') "
    opened += "&& !!document.querySelector('.leaflet-tooltip'))"
    qtbot.waitUntil(lambda: run_js(qtbot, page, opened), timeout=10_000)
    shown = run_js(qtbot, page, """JSON.stringify({
        popup: document.querySelector('.leaflet-popup-content .am-popup-name').textContent,
        tooltip: document.querySelector('.leaflet-tooltip').textContent,
        images: document.querySelectorAll('img[src="x"]').length,
        handlers: document.querySelectorAll('[onerror]').length,
        errors: window.__amErrors
    })""")  # fmt: skip
    assert shown["popup"] == HOSTILE and shown["tooltip"] == HOSTILE
    assert shown["images"] == 0 and shown["handlers"] == 0
    assert page.alerts == []

    assert interceptor.blocked == []
    assert state["errors"] == [] and shown["errors"] == []
    assert page.errors == []


def test_names_that_look_like_code_show_as_text_and_fetch_nothing(qtbot, browser, tmp_path,
                                                                 repo_root):  # fmt: skip
    """A project written by another program: control characters, bidirectional marks, and
    names that look like markup, scripts or remote CSS (support/hostile_text.py)."""
    from assetmap.core.export.characters import readable
    from support.hostile_text import AREA_NAME, ASSET_NAMES, CATEGORY_LABEL, hostile_project

    with Project.open(hostile_project(repo_root, tmp_path)) as project:
        out = tmp_path / "hostile.html"
        export_data(project, out, ExportOptions())
    view, page, interceptor = browser
    with qtbot.waitSignal(page.loadFinished, timeout=60_000) as loaded:
        page.load(QUrl.fromLocalFile(str(out)))
    assert loaded.args == [True]
    qtbot.waitUntil(lambda: run_js(qtbot, page, "JSON.stringify(!!window.assetmap)"))
    # Each asset's popup, as the browser builds it from the page's data.
    popups = run_js(qtbot, page, """JSON.stringify(assetmap.markers
        .filter(function (m) { return m.amGroup.key === 'clubs_x'; })
        .map(function (m) {
          var box = document.createElement('div');
          box.innerHTML = assetmap.details(m).getPopup().getContent();
          return {name: box.querySelector('.am-popup-name').textContent,
                  tooltip: m.getTooltip().getContent(), cells: box.querySelectorAll('td').length};
        }))""")  # fmt: skip
    expected = {readable(n.strip()) for n in ASSET_NAMES}
    assert {p["name"] for p in popups} == expected
    assert {run_js(qtbot, page, f"JSON.stringify(plain({json.dumps(p['tooltip'])}))")
            for p in popups} == expected  # fmt: skip
    shown = run_js(qtbot, page, """JSON.stringify({
        legend: document.querySelector('#am-legend').textContent,
        tip: (function () {
          assetmap.areaLayers[0].openTooltip();
          var t = document.querySelector('.leaflet-tooltip').textContent;
          assetmap.areaLayers[0].closeTooltip(); return t; })(),
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img[src="x"]').length,
        handlers: document.querySelectorAll('[onerror]').length,
        errors: window.__amErrors
    })""")  # fmt: skip
    assert readable(CATEGORY_LABEL.strip()) in shown["legend"]
    assert readable(AREA_NAME) in shown["tip"]
    assert shown["images"] == 0 and shown["handlers"] == 0 and shown["errors"] == []
    assert page.alerts == [] and page.errors == []
    assert interceptor.blocked == []  # no "url(http://x.example/…)" was ever fetched


def ring_pixels(view: QWebEngineView, box: list[float]) -> tuple[int, int]:
    """Pixels of the review ring's red inside ``box`` (left, top, right, bottom), and outside."""
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), -1, 4)
    bgr = rows[:, : image.width(), :3].astype(int)
    ring = QColor(PENDING_RING)
    red = np.abs(bgr - [ring.blue(), ring.green(), ring.red()]).sum(axis=2) < 60
    ys, xs = np.nonzero(red)
    inside = (xs >= box[0]) & (xs <= box[2]) & (ys >= box[1]) & (ys <= box[3])
    return int(inside.sum()), int((~inside).sum())


def test_an_asset_awaiting_review_wears_the_dashed_ring(qtbot, browser, tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        libraries = choose_assets(project, ExportOptions(categories=("libraries",))).frame
        CommandStack(project).push(SetReview((libraries["uuid"].iloc[0],), "pending"))
        out = tmp_path / "libraries.html"
        export_data(project, out, ExportOptions(categories=("libraries",)))
    view, page, interceptor = browser
    with qtbot.waitSignal(page.loadFinished, timeout=60_000) as loaded:
        page.load(QUrl.fromLocalFile(str(out)))
    assert loaded.args == [True]
    qtbot.waitUntil(lambda: run_js(qtbot, page, "JSON.stringify(!!window.assetmap)"))
    state = run_js(qtbot, page, """JSON.stringify((function () {
        var m = assetmap.markers.filter(function (m) { return m.amPending; });
        m[0].setZIndexOffset(10000);  // on top of its neighbours, for the picture
        var r = m[0].getElement().getBoundingClientRect(), k = window.devicePixelRatio;
        var box = document.createElement('div');
        box.innerHTML = assetmap.details(m[0]).getPopup().getContent();
        return {pending: m.length, markers: assetmap.markers.length,
                box: [r.left * k, r.top * k, r.right * k, r.bottom * k],
                review: (box.querySelector('.am-popup-review') || {}).textContent,
                legend: document.querySelector('#am-legend').textContent,
                errors: window.__amErrors};
    })())""")  # fmt: skip
    assert state["pending"] == 1 and state["markers"] == len(libraries)
    assert state["review"] == "Awaiting review"
    assert "Awaiting review (dashed ring)" in state["legend"]
    assert state["errors"] == [] and interceptor.blocked == []
    # The ring is drawn round that one marker (and in the legend, bottom right), nowhere else.
    qtbot.waitUntil(lambda: ring_pixels(view, state["box"])[0] > 20, timeout=10_000)
    view.grab().save(str(tmp_path / "pending.png"))
    legend = run_js(qtbot, page, """JSON.stringify((function () {
        var r = document.querySelector('.am-legend-pending svg').getBoundingClientRect();
        var k = window.devicePixelRatio;
        return [r.left * k, r.top * k, r.right * k, r.bottom * k]; })())""")  # fmt: skip
    on_marker, elsewhere = ring_pixels(view, state["box"])
    in_legend, _ = ring_pixels(view, legend)
    assert on_marker > 20 and in_legend > 10 and elsewhere == in_legend
