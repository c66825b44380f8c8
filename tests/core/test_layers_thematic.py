"""Gap-map and coverage styles are kept with the project's other layer settings."""

from __future__ import annotations

import pytest

from assetmap.core.layers import CoverageStyle, MapLayers, ThematicStyle

LSOA = "Neighbourhoods (LSOA 2021)"


def test_thematic_and_coverage_round_trip_and_tell_listeners():
    layers = MapLayers()
    heard = []
    layers.changed.connect(lambda layer: heard.append(layer))
    style = ThematicStyle(LSOA, 3, "mental_health", mode="bivariate")
    layers.set_thematic(style)
    layers.set_coverage(CoverageStyle(3, "mental_health"))
    layers.set_thematic(style)  # no change, no event
    assert heard == ["thematic", "coverage"]
    again = MapLayers.from_json(layers.to_json())
    assert again.thematic == style
    assert again.coverage == CoverageStyle(3, "mental_health")
    layers.set_thematic(None)
    assert MapLayers.from_json(layers.to_json()).thematic is None


def test_settings_saved_before_gap_maps_still_open():
    old = {"area_styles": {}, "area_order": [], "assets_visible": True}
    layers = MapLayers.from_json(old)
    assert layers.thematic is None and layers.coverage is None
    broken = MapLayers.from_json({"thematic": {"area_set": LSOA}, "coverage": "x"})
    assert broken.thematic is None and broken.coverage is None
    newer = MapLayers.from_json(
        {"thematic": {"area_set": LSOA, "run_id": 1, "category": "x", "shading": "dots"}}
    )
    assert newer.thematic == ThematicStyle(LSOA, 1, "x")


def test_a_thematic_mode_must_be_known():
    with pytest.raises(ValueError, match="mode"):
        ThematicStyle(LSOA, 1, "x", mode="pie")


def test_sync_forgets_a_gap_map_of_a_removed_area_set(project):
    layers = MapLayers()
    layers.thematic = ThematicStyle("Gone", 1, "x")
    layers.sync(project)
    assert layers.thematic is None
