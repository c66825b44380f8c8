"""The Find box finds places and streets of the offline basemap, ranked with the rest."""

from __future__ import annotations

import shapely

from assetmap.core import search
from assetmap.core.commands.assets import AddAsset
from assetmap.core.commands.base import CommandStack
from assetmap.core.model import Asset, new_uuid


def test_oakham_is_found_as_a_town(rutland):
    hits = search.find(rutland, "Oakham")
    first = hits[0]
    assert (first.kind, first.label, first.detail) == ("place", "Oakham", "Town")
    minx, miny, maxx, maxy = first.bounds
    assert minx < first.x < maxx and miny < first.y < maxy
    assert 3_000 < maxx - minx < 10_000  # a town-sized view, not a house
    assert any(h.kind == "street" and h.label == "Oakham Road" for h in hits)


def test_a_place_by_the_start_of_its_name(rutland):
    hits = search.find(rutland, "upping")
    assert (hits[0].kind, hits[0].label) == ("place", "Uppingham")


def test_a_street_is_one_hit_per_place_with_all_its_pieces(rutland):
    hits = [h for h in search.find(rutland, "Burley Road") if h.kind == "street"]
    in_oakham = [h for h in hits if h.detail == "Street, Oakham"]
    assert len(in_oakham) == 1
    street = in_oakham[0]
    assert street.label == "Burley Road" and street.key == "street:Burley Road"
    minx, miny, maxx, maxy = street.bounds
    assert minx <= street.x <= maxx and miny <= street.y <= maxy
    assert maxx - minx > 500  # its 9 pieces joined: the whole road, not one piece
    rows = rutland.conn.execute(
        "SELECT segments FROM am_basemap_streets WHERE name = 'Burley Road' AND place = 'Oakham'"
    ).fetchall()
    assert rows and rows[0][0] > 1


def test_same_name_streets_in_different_villages_stay_apart(rutland):
    hits = [h for h in search.find(rutland, "Main Street", limit=50) if h.label == "Main Street"]
    places = [h.detail for h in hits]
    assert len(hits) > 10 and len(set(places)) == len(places)
    points = [shapely.Point(h.x, h.y) for h in hits]
    assert min(a.distance(b) for i, a in enumerate(points) for b in points[i + 1 :]) > 100


def test_a_short_street_is_shown_with_its_surroundings(rutland):
    close = next(h for h in search.find(rutland, "Kelthorpe Close") if h.kind == "street")
    minx, miny, maxx, maxy = close.bounds
    assert maxx - minx >= 300 and maxy - miny >= 300


def test_a_town_comes_before_an_asset_named_after_it_and_assets_before_streets(rutland):
    stack = CommandStack(rutland)
    for name in ("Oakham", "Oakham Library", "Oakham Road Allotments"):
        stack.push(AddAsset(Asset(new_uuid(), name, "libraries", x=486_000.0, y=308_800.0)))
    hits = search.find(rutland, "Oakham", limit=30)
    order = [(h.kind, h.label) for h in hits]
    assert order[:2] == [("place", "Oakham"), ("asset", "Oakham")]
    assert order.index(("asset", "Oakham Library")) < order.index(("street", "Oakham Road"))
    # an equally good match: the asset before the streets that share its start
    assert order.index(("asset", "Oakham Road Allotments")) < order.index(("street", "Oakham Road"))


def test_areas_assets_and_basemap_in_one_search(rutland):
    kinds = {h.kind for h in search.find(rutland, "Rutland", limit=50)}
    assert {"place", "area"} <= kinds


def test_wildcards_are_plain_text(rutland):
    assert search.find(rutland, "%%") == []
    assert search.find(rutland, "__") == []
    assert all("_" in h.label for h in search.find(rutland, "a_b"))


def test_projects_without_a_basemap_find_no_places_or_streets(lsoa_project):
    hits = search.find(lsoa_project, "Trafford", limit=50)
    assert hits and {h.kind for h in hits} <= {"area", "asset", "postcode"}
