"""A need pin ("this is missing here") on the Trafford demo is drawn with its own symbol in
every place a pin is drawn: the map window's canvas and legend, the printed map and its
legend, and the HTML export's markers and legend."""

from __future__ import annotations

import json
import re

import numpy as np
import pypdf
import pytest
import shapely
from PySide6.QtGui import QColor, QImage

from assetmap.core import areas, assets
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.export.html import write_html
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.export.selection import choose_assets
from assetmap.core.layers import MapLayers
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.symbols import NEED_LABEL
from assetmap.qt.export import export_map
from assetmap.qt.legend import legend_entries
from assetmap.qt.map_scene import SceneBuilder

LSOA = "Neighbourhoods (LSOA 2021)"
WARDS = "Wards (2023)"


def lonely_spot(project: Project) -> tuple[float, float]:
    """The middle of the LSOA farthest from every asset: nothing else is drawn there."""
    frame = areas.frame(project, LSOA)
    spots = shapely.point_on_surface(frame.geometry.to_numpy())
    points = assets.points_xy(project)
    xy = np.column_stack([points["x"], points["y"]])
    gaps = [np.hypot(*(xy - [p.x, p.y]).T).min() for p in spots]
    best = spots[int(np.argmax(gaps))]
    return best.x, best.y


@pytest.fixture
def need_demo(qapp, demo_path):
    with Project.open(demo_path) as project:
        x, y = lonely_spot(project)
        need = Asset(new_uuid(), "No food bank here", "food_banks", x=x, y=y, pin_kind="need")
        CommandStack(project).push(AddAsset(need))
        yield project, need


def test_the_map_legend_shows_the_need_symbol(qtbot, need_demo, demo_path):
    from assetmap.qt.session import Session

    session = Session(Project.open(demo_path))
    try:
        entries = legend_entries(session.model)
        assert [e.label for e in entries if e.kind == "need"] == [NEED_LABEL]
        layer = SceneBuilder(session.model).scene().assets
        row = int(np.flatnonzero(session.points()["uuid"] == need_demo[1].uuid)[0])
        assert layer.need is not None and layer.need[row] and layer.need.sum() == 1
    finally:
        session.close()


def test_the_printed_map_draws_the_need_hollow_and_names_it(need_demo, tmp_path):
    project, need = need_demo
    layers = MapLayers.load(project)
    layers.set_area_style(WARDS, labels=False)
    layers.set_area_style(LSOA, labels=False)
    out = tmp_path / "map.png"
    report = export_map(
        project, out, ExportOptions(), PrintLayout("A4", "landscape", dpi=150), layers=layers
    )
    image = QImage(str(out))
    px, py = report.pixel_of(need.x, need.y)
    box = [
        image.pixelColor(round(px) + dx, round(py) + dy)
        for dx in range(-14, 15)
        for dy in range(-14, 15)
    ]
    green = QColor("#009E73")
    assert any(c.lightness() > 245 for c in box), "no white inside: not hollow"
    assert any(c.lightness() < 60 for c in box), "no dark mark"
    near_green = [
        c for c in box if max(abs(c.red() - green.red()), abs(c.green() - green.green())) < 30
    ]
    assert near_green, "the category's colour is gone"
    pdf = tmp_path / "map.pdf"
    export_map(project, pdf, ExportOptions(), PrintLayout("A4", "landscape"), layers=layers)
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages)
    assert "Need: something missing here" in text


def test_the_html_export_marks_the_need_and_explains_it(need_demo, tmp_path):
    project, need = need_demo
    out = tmp_path / "map.html"
    write_html(project, out, ExportOptions(), choose_assets(project, ExportOptions()), [LSOA], None)
    page = out.read_text(encoding="utf-8")
    assert NEED_LABEL in page and "am-legend-need" in page
    found = re.search(r"^\s*var data = (\{.*\});\s*$", page, re.MULTILINE)
    assert found, "the asset data is missing"
    data = json.loads(found.group(1))
    (food,) = [g for g in data["groups"] if g["key"] == "food_banks"]
    assert len(food["needs"]) == 1 and "am-need" in food["needIcon"]
    others = [g for g in data["groups"] if g["key"] != "food_banks"]
    assert all(not g["needs"] and g["needIcon"] is None for g in others)
