"""The national HTML map's shortcuts (issue 16) give the page the slow way gave: the same
assets chosen, the same styles, the same outlines where simplifying is worth it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely
from folium.features import GeoJsonStyleMapper

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export import selection
from assetmap.core.export.html_areas import text, worth_simplifying
from assetmap.core.export.html_packed import style_map
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import HTML_COLUMNS, choose_assets, for_gap_map
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"


@pytest.fixture
def analysed(demo_copy):
    with Project.open(demo_copy) as project:
        analyse(project, AnalysisParams(LSOA, ("mental_health",), 800.0, "population"))
        yield project


def test_a_large_gap_map_reads_only_the_measured_assets_and_says_what_it_left_out(
    analysed, monkeypatch
):
    monkeypatch.setattr(selection, "GAP_MAP_MARKERS_ABOVE", 10)  # the demo as if national
    options = ExportOptions()
    slow = for_gap_map(choose_assets(analysed, options, HTML_COLUMNS, for_map=True),
                       ("mental_health",))  # fmt: skip
    fast = choose_assets(analysed, options, HTML_COLUMNS, for_map=True, measured=("mental_health",))

    assert 0 < len(fast.frame) < len(slow.frame) + slow.outside_analysis
    assert fast.frame["fid"].tolist() == slow.frame["fid"].tolist()
    assert list(fast.frame.columns) == list(slow.frame.columns)
    assert _values(fast.frame) == _values(slow.frame)
    assert fast.frame.geometry.to_wkt().tolist() == slow.frame.geometry.to_wkt().tolist()
    assert fast.notice() == slow.notice()
    assert "did not measure" in fast.notice()


def _values(frame: pd.DataFrame) -> list[list[object]]:
    """Each row's values, a blank as None whichever way the column's type holds it."""
    table = frame.drop(columns="geometry").astype(object)
    return table.where(table.notna(), None).to_numpy().tolist()


def test_a_small_gap_map_keeps_every_asset(analysed):
    options = ExportOptions()
    every = choose_assets(analysed, options, HTML_COLUMNS, for_map=True)
    measured = choose_assets(analysed, options, HTML_COLUMNS, for_map=True,
                             measured=("mental_health",))  # fmt: skip
    assert measured.frame["fid"].tolist() == every.frame["fid"].tolist()
    assert measured.outside_analysis == 0


def test_each_area_keeps_its_own_style_when_looks_are_encoded_once():
    features = [{"type": "Feature", "id": i, "properties": {}, "geometry": None}
                for i in range(7)]  # fmt: skip
    red, blue = {"fillColor": "#FF0000", "weight": 1}, {"fillColor": "#0000FF", "weight": 1}
    looks = [red, blue, red, red, blue, red, {"fillColor": "#00FF00", "weight": 1}]

    ours = style_map(features, lambda f: looks[f["id"]])
    folium_map = GeoJsonStyleMapper({"features": features}, "feature.id", None)._create_mapping(
        lambda f: dict(looks[f["id"]]), "style"
    )
    assert _style_of_each(ours) == _style_of_each(folium_map)
    assert ours["default"] == '{"fillColor": "#FF0000", "weight": 1}'  # the commonest


def _style_of_each(mapping: dict) -> dict[int, str]:
    default = mapping["default"]
    out = {}
    for key, ids in mapping.items():
        if key != "default":
            out.update(dict.fromkeys(ids, key))
    return {i: out.get(i, default) for i in range(7)}


def test_detailed_outlines_are_simplified_and_coarse_ones_left_as_they_are():
    detailed = shapely.buffer(shapely.points(np.arange(0, 5000, 1000), 0), 400, quad_segs=64)
    coarse = shapely.buffer(shapely.points(np.arange(0, 5000, 1000), 0), 400, quad_segs=2)
    assert worth_simplifying(detailed, 25.0)
    assert not worth_simplifying(coarse, 25.0)


@pytest.mark.parametrize(
    "value",
    ["Stretford", "E01006187", " padded ", "Tom & Jerry", "{{ 7*7 }}", "url(x)", "a\x1fb",
     "line\u2028break", "\ud800", "", None, float("nan"), 42],
)  # fmt: skip
def test_plain_names_pass_as_they_are_and_the_rest_are_escaped(value):
    shown = text(value)
    if isinstance(value, str) and value == value.strip() and value.isalnum():
        assert shown == value
    for unsafe in ("&", "{", "(", "\x1f", "\u2028", "\ud800"):
        if isinstance(value, str) and unsafe in value:
            assert unsafe not in shown.replace("&#", "").replace("&amp;", "")
