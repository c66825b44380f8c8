"""The offline basemap on paper and in the web page: the printed map (PNG, PDF, SVG) shows
the streets and Rutland Water under the data, names streets once, and every export says
what it owes OpenStreetMap and any tile source shown — read back from the files."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np
import pypdf
import pytest
import shapely
from PySide6.QtGui import QColor, QImage

from assetmap.core import categories
from assetmap.core.basemap import store
from assetmap.core.export.api import export_data
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.qt.canvas import basemap as style
from assetmap.qt.canvas.scene import Scene
from assetmap.qt.export import export_map
from assetmap.qt.export.content import gather

OSM = "© OpenStreetMap contributors"
TILES = "Tiles © Example Mapping Ltd"
PLAIN = Scene().background


@pytest.fixture
def rutland(qapp, rutland_path):
    with Project.open(rutland_path) as project:
        yield project


def basemap_only(project: Project) -> MapLayers:
    """The project's map layers with the areas and assets hidden: only the basemap shows."""
    layers = MapLayers.load(project)
    for name in layers.area_order:
        layers.set_area_style(name, visible=False)
    keys = [c.key for c in categories.all_categories(project)]
    layers.set_categories_visible(keys, False)
    return layers


def distance(colour: QColor, expected: str) -> int:
    want = QColor(expected)
    pairs = zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    return max(abs(a - b) for a, b in pairs)


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_colours(path, operator: str) -> set[str]:
    """The colours a PDF page fills (``scn``) or strokes (``SCN``) with, as #rrggbb."""
    stream = pypdf.PdfReader(path).pages[0].get_contents().get_data().decode("latin-1")
    found = re.findall(rf"([\d.]+) ([\d.]+) ([\d.]+) {operator}(?=\s)", stream)
    return {QColor.fromRgbF(*(float(v) for v in rgb)).name() for rgb in found}


def open_water(frames) -> np.ndarray:
    """Points well inside Rutland Water, 80 m or more from any road, railway or stream."""
    water = frames["basemap_water"]
    lake = water.geometry.iloc[int(np.argmax(water.geometry.area.to_numpy()))].buffer(-250)
    lines = np.concatenate(
        [
            frames[t].geometry.to_numpy()
            for t in ("basemap_roads", "basemap_railways", "basemap_waterways")
        ]
    )
    minx, miny, maxx, maxy = lake.bounds
    xs, ys = np.meshgrid(np.arange(minx, maxx, 200.0), np.arange(miny, maxy, 200.0))
    grid = shapely.points(xs.ravel(), ys.ravel())
    inside = grid[shapely.contains(lake, grid)]
    near = shapely.STRtree(lines).query(inside, predicate="dwithin", distance=80.0)[0]
    return np.delete(inside, np.unique(near))


def png_colours(image: QImage, report, points) -> list[QColor]:
    out = []
    for p in points:
        px, py = report.pixel_of(p.x, p.y)
        out.append(image.pixelColor(round(px), round(py)))
    return out


# ---- the map on paper --------------------------------------------------------------------------
def test_png_shows_rutland_water_and_the_a606_and_not_when_hidden(
    rutland, rutland_frames, tmp_path
):
    layers = basemap_only(rutland)
    water = open_water(rutland_frames)
    lake = rutland_frames["basemap_water"].total_bounds
    extent = (lake[0] - 2000, lake[1] - 2000, lake[2] + 2000, lake[3] + 2000)
    out = tmp_path / "basemap.png"
    layout = PrintLayout("A4", "landscape", dpi=150)
    report = export_map(rutland, out, ExportOptions(), layout, layers=layers, view_extent=extent)
    image = QImage(str(out))
    assert report.view.scale > style.ROADS["trunk"].cased_below  # county-like: thin lines
    wet = [distance(c, style.WATER) <= 4 for c in png_colours(image, report, water)]
    assert len(wet) > 20 and np.mean(wet) > 0.75  # some are under names
    # The land around is the basemap's, not the plain map background.
    corner = image.pixelColor(round(report.frame.left() * 150 / 96) + 3,
                              round(report.frame.top() * 150 / 96) + 3)  # fmt: skip
    assert distance(corner, style.LAND) <= 6 or distance(corner, style.DEFAULT_GREEN) <= 30

    # The A606 between Oakham and Stamford: its line colour along it, away from names.
    roads = rutland_frames["basemap_roads"]
    a606 = roads[(roads["ref"] == "A606") & (roads["class"] == "trunk")]
    line = max(shapely.get_parts(a606.geometry.to_numpy()), key=lambda g: g.length)
    along = [line.interpolate(f, normalized=True) for f in np.linspace(0.1, 0.9, 17)]
    trunk = style.ROADS["trunk"].colour

    def darkest_near(p) -> QColor:
        px, py = report.pixel_of(p.x, p.y)
        around = [image.pixelColor(round(px) + dx, round(py) + dy)
                  for dx in (-1, 0, 1) for dy in (-1, 0, 1)]  # fmt: skip
        return max(around, key=lambda c: distance(c, style.LAND))

    on_road = [distance(darkest_near(p), trunk) <= 30 for p in along]
    assert np.mean(on_road) > 0.7, [darkest_near(p).name() for p in along]

    layers.set_basemap(visible=False)
    hidden = tmp_path / "hidden.png"
    report = export_map(rutland, hidden, ExportOptions(), layout, layers=layers,
                        view_extent=extent)  # fmt: skip
    image = QImage(str(hidden))
    assert all(distance(c, PLAIN) <= 2 for c in png_colours(image, report, water))


def test_pdf_draws_the_basemap_as_vector_paths_and_credits_openstreetmap(rutland, tmp_path):
    layers = basemap_only(rutland)
    shown, hidden = tmp_path / "shown.pdf", tmp_path / "hidden.pdf"
    extent = store.info(rutland).bounds
    export_map(rutland, shown, ExportOptions(), PrintLayout("A4", "landscape"), layers=layers,
               view_extent=extent)  # fmt: skip
    layers.set_basemap(visible=False)
    export_map(rutland, hidden, ExportOptions(), PrintLayout("A4", "landscape"), layers=layers,
               view_extent=extent)  # fmt: skip
    # Water and woods filled, main roads stroked, in the basemap's colours: vector paths.
    fills, strokes = pdf_colours(shown, "scn"), pdf_colours(shown, "SCN")
    assert {style.WATER.lower(), style.GREEN["wood"].lower()} <= fills
    assert {style.ROADS[c].colour.lower() for c in ("trunk", "primary")} <= strokes
    assert style.WATER.lower() not in pdf_colours(hidden, "scn")
    assert style.ROADS["trunk"].colour.lower() not in pdf_colours(hidden, "SCN")
    page = pypdf.PdfReader(shown).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    text = pdf_text(shown)
    assert OSM in text
    assert "Oakham" in text and "Uppingham" in text  # the towns, named on the map


def test_svg_close_in_names_each_street_once_as_text(rutland, rutland_frames, tmp_path):
    """A street's name is written once (a halo drawn as an outline), not once per halo
    offset as on screen, where it would be five words in the file."""
    layers = basemap_only(rutland)
    places = rutland_frames["basemap_places"]
    oakham = places[(places["name"] == "Oakham") & (places["class"] == "town")].geometry.iloc[0]
    extent = (oakham.x - 500, oakham.y - 350, oakham.x + 500, oakham.y + 350)
    out = tmp_path / "oakham.svg"
    report = export_map(rutland, out, ExportOptions(), PrintLayout("A4", "landscape"),
                        layers=layers, view_extent=extent)  # fmt: skip
    assert report.view.scale < 2.0
    root = ET.parse(out).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    texts = Counter("".join(t.itertext()).strip() for t in root.iterfind(".//svg:text", ns))
    streets = set(rutland_frames["basemap_roads"]["name"].dropna())
    named = {t: n for t, n in texts.items() if t in streets}
    assert len(named) >= 5, texts
    assert max(named.values()) <= 3, named  # 320 px apart at least: a few times at most


# ---- what the exports owe -----------------------------------------------------------------------
def test_print_export_credits_the_tiles_shown(rutland, tmp_path):
    """Tiles under the map (only those cached are drawn; none here) still put their source's
    attribution on the page, beside OpenStreetMap's for the basemap."""
    layers = MapLayers.load(rutland)
    layers.set_basemap(
        tiles_visible=True,
        tile_source="custom",
        custom_name="Example",
        custom_url="https://tiles.example.org/{z}/{x}/{y}.png",
        custom_attribution=TILES,
    )
    assert layers.basemap.tile_source_object().attribution == TILES
    # In the page's sources, which are never cut short (the legend's caption may be, when
    # a long legend is shrunk to fit), ahead of the project's own.
    sources = gather(rutland, ExportOptions(), layers=layers).sources
    assert sources[0] == TILES
    assert any(OSM in line for line in sources)
    out = tmp_path / "tiles.pdf"
    export_map(rutland, out, ExportOptions(), PrintLayout("A4", "landscape"), layers=layers)
    text = pdf_text(out)
    assert TILES in text.split("Sources:", 1)[1]
    assert OSM in text
    # Tiles hidden again: no credit for what is not there.
    layers.set_basemap(tiles_visible=False)
    export_map(rutland, out, ExportOptions(), PrintLayout("A4", "landscape"), layers=layers)
    assert TILES not in pdf_text(out)


def solid_tile_png(colour: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_cached_tiles_are_drawn_on_paper_without_the_network(rutland, rutland_path, tmp_path):
    """Tiles the cache holds (here: plain purple ones over all of Rutland) are drawn under
    the data; the export fetches nothing."""
    from assetmap.core.tiles import open_cache
    from assetmap.core.tiles.mercator import tiles_in

    tile_colour = "#7A3DB8"
    layers = basemap_only(rutland)
    layers.set_basemap(visible=False, tiles_visible=True, tile_source="custom",
                       custom_name="Example", custom_attribution=TILES,
                       custom_url="http://127.0.0.1:9/{z}/{x}/{y}.png")  # fmt: skip
    source = layers.basemap.tile_source_object()
    cache = open_cache(rutland_path, source, create=True)
    blob = solid_tile_png(tile_colour)
    west, south, east, north = store.info(rutland).bounds_lonlat
    cache.put_many((key, blob) for key in tiles_in((west, south, east, north), range(6, 15)))
    cache.close()
    extent = store.info(rutland).bounds
    out = tmp_path / "tiles.png"
    report = export_map(rutland, out, ExportOptions(), PrintLayout("A4", "landscape", dpi=96),
                        layers=layers, view_extent=extent)  # fmt: skip
    image = QImage(str(out))
    xs = np.linspace(extent[0] + 3000, extent[2] - 3000, 7)
    ys = np.linspace(extent[1] + 3000, extent[3] - 3000, 7)
    spots = [shapely.Point(x, y) for x in xs for y in ys]
    purple = [distance(c, tile_colour) <= 6 for c in png_colours(image, report, spots)]
    assert np.mean(purple) > 0.9


def test_html_export_carries_the_openstreetmap_attribution(rutland, tmp_path):
    out = tmp_path / "map.html"
    export_data(rutland, out, ExportOptions())
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert OSM in page
    assert "Open Database Licence" in page
