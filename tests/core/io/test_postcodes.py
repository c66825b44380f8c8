"""Placing assets by postcode offline, from OS Code-Point Open or a postcode lookup CSV."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyproj
import pytest

from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.io.postcodes import (
    PostcodeIndex,
    is_partial_postcode,
    normalise_postcode,
    normalise_postcodes,
)
from assetmap.core.io.readers import read_table

NORMALISATION_CASES = [
    (" m16  0pq ", "M16 0PQ"),
    ("M160PQ", "M16 0PQ"),
    ("wa14 1pf", "WA14 1PF"),
    ("EC1A 1BB", "EC1A 1BB"),
    ("m33\u00a07dz", "M33 7DZ"),  # no-break space pasted from a web page
    ("M31", None),
    ("WA14", None),
    ("WA154 1HF", None),
    ("ABC 1234", None),
    ("", None),
    (None, None),
    (16, None),
]

CODEPOINT_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data "
    "© Royal Mail copyright and database right 2025. Contains National Statistics data © Crown "
    "copyright and database right 2025."
)


@pytest.fixture(scope="module")
def codepoint_zip(sources: Path) -> Path:
    return sources / "codepoint" / "codepo_gb_m_sk_wa.zip"


@pytest.fixture(scope="module")
def codepoint(codepoint_zip: Path) -> PostcodeIndex:
    return PostcodeIndex.from_file(codepoint_zip)


@pytest.fixture(scope="module")
def trafford_postcodes_csv(sources: Path) -> Path:
    return sources / "trafford" / "lookups" / "trafford_postcodes.csv"


@pytest.fixture(scope="module")
def trafford_postcodes(trafford_postcodes_csv: Path) -> pd.DataFrame:
    return pd.read_csv(trafford_postcodes_csv, dtype=str)


def _bng_from_lon_lat(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    to_bng = pyproj.Transformer.from_crs(4326, 27700, always_xy=True)
    return to_bng.transform(frame["lon"].astype(float), frame["lat"].astype(float))


@pytest.mark.parametrize(("text", "expected"), NORMALISATION_CASES)
def test_normalise_postcode(text: object, expected: str | None) -> None:
    assert normalise_postcode(text) == expected


def test_vectorised_normalisation_gives_the_same_results() -> None:
    texts = pd.Series([text for text, _ in NORMALISATION_CASES], dtype=object)
    assert normalise_postcodes(texts).tolist() == [expected for _, expected in NORMALISATION_CASES]


def test_vectorised_normalisation_on_a_real_column(land_assets_csv: Path) -> None:
    postcodes = read_table(land_assets_csv).frame["PostCode"]
    one_by_one = [normalise_postcode(text) for text in postcodes]
    assert normalise_postcodes(postcodes).tolist() == one_by_one
    assert normalise_postcodes(postcodes).index.equals(postcodes.index)


@pytest.mark.parametrize(
    ("text", "partial"),
    [("M31", True), ("WA14", True), ("M33 7", True), ("m41", True)]
    + [("M33 7DZ", False), ("WA154 1HF", False), ("", False), (None, False)],
)
def test_partial_postcodes_are_recognised(text: object, partial: bool) -> None:
    assert is_partial_postcode(text) is partial


def test_codepoint_zip_places_trafford_postcodes(
    codepoint: PostcodeIndex, trafford_postcodes: pd.DataFrame
) -> None:
    assert codepoint.crs.to_epsg() == 27700
    assert codepoint.source == "codepo_gb_m_sk_wa.zip"
    wanted = trafford_postcodes.set_index("postcode").loc[["M16 0PQ", "WA14 1PF"]].reset_index()
    x, y = codepoint.lookup(wanted["postcode"])
    east, north = _bng_from_lon_lat(wanted)
    assert np.all(np.hypot(x - east, y - north) < 50)


def test_codepoint_agrees_with_the_lookup_across_trafford(
    codepoint: PostcodeIndex, trafford_postcodes: pd.DataFrame
) -> None:
    x, y = codepoint.lookup(trafford_postcodes["postcode"])
    found = np.isfinite(x)
    # the lookup keeps terminated postcodes; Code-Point Open lists live ones only
    assert found.sum() > 6000
    east, north = _bng_from_lon_lat(trafford_postcodes[found])
    distances = np.hypot(x[found] - east, y[found] - north)
    assert np.percentile(distances, 95) < 50


def test_codepoint_lookup_misses(codepoint: PostcodeIndex) -> None:
    x, y = codepoint.lookup(pd.Series(["WA154 1HF", "M31", None, "wa14 1pf", "M35 5AP"]))
    assert np.isnan(x[:3]).all() and np.isnan(y[:3]).all()
    assert np.isfinite(x[3])  # found although written in lower case without normal spacing
    assert np.isnan(x[4])  # listed by Code-Point with positional quality 90: no coordinates


def test_codepoint_has_no_unplaced_postcodes(codepoint: PostcodeIndex) -> None:
    assert len(codepoint) > 60000
    assert (codepoint.frame["x"] > 0).all() and (codepoint.frame["y"] > 0).all()
    assert codepoint.frame.index.is_unique


def test_codepoint_attribution(codepoint: PostcodeIndex) -> None:
    assert codepoint.attribution == CODEPOINT_ATTRIBUTION


def test_codepoint_progress_and_cancel(codepoint_zip: Path) -> None:
    seen: list[float] = []
    PostcodeIndex.from_file(codepoint_zip, progress=lambda fraction, _: seen.append(fraction))
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        PostcodeIndex.from_file(codepoint_zip, cancelled=lambda: True)


def test_lon_lat_csv_index(trafford_postcodes_csv: Path, codepoint: PostcodeIndex) -> None:
    index = PostcodeIndex.from_file(trafford_postcodes_csv)
    assert index.crs.to_epsg() == 4326
    assert len(index) == 11264
    assert index.attribution == ""
    lon, lat = index.lookup(pd.Series(["m16 0pq"]))
    assert (lon[0], lat[0]) == pytest.approx((-2.283606, 53.460186))
    x, y = index.to_crs(27700).lookup(pd.Series(["M16 0PQ"]))
    cx, cy = codepoint.lookup(pd.Series(["M16 0PQ"]))
    assert np.hypot(x - cx, y - cy)[0] < 50


def test_easting_northing_csv_index(codepoint_zip: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(codepoint_zip) as archive:
        rows = archive.read("Data/CSV/wa.csv").decode("ascii").splitlines()[:200]
    onspd_style = tmp_path / "wa_postcodes.csv"
    onspd_style.write_text(
        "pcds,pqi,oseast1m,osnrth1m\n" + "\n".join(",".join(row.split(",")[:4]) for row in rows),
        encoding="utf-8",
    )
    index = PostcodeIndex.from_file(onspd_style)
    assert index.crs.to_epsg() == 27700
    first = rows[0].split(",")
    x, y = index.lookup(pd.Series([first[0].strip('"')]))
    assert (x[0], y[0]) == (float(first[2]), float(first[3]))


def test_repeated_postcodes_keep_the_first(
    trafford_postcodes: pd.DataFrame, tmp_path: Path
) -> None:
    repeated = pd.concat([trafford_postcodes.head(5), trafford_postcodes.head(1)])
    repeated.iloc[-1, repeated.columns.get_loc("lon")] = "-2.0"
    path = tmp_path / "repeated.csv"
    repeated.to_csv(path, index=False)
    index = PostcodeIndex.from_file(path)
    assert len(index) == 5
    lon, _ = index.lookup(repeated["postcode"].head(1))
    assert lon[0] == float(trafford_postcodes["lon"].iloc[0])


def test_to_crs_round_trip(codepoint: PostcodeIndex) -> None:
    wgs84 = codepoint.to_crs(4326)
    assert wgs84.crs.to_epsg() == 4326
    lon, lat = wgs84.lookup(pd.Series(["M16 0PQ"]))
    assert -2.4 < lon[0] < -2.2 and 53.4 < lat[0] < 53.5
    back = wgs84.to_crs("EPSG:27700")
    np.testing.assert_allclose(back.frame["x"], codepoint.frame["x"], atol=0.01)
    np.testing.assert_allclose(back.frame["y"], codepoint.frame["y"], atol=0.01)
    assert back.attribution == codepoint.attribution


def test_within_keeps_the_postcodes_of_an_area(codepoint: PostcodeIndex, sources: Path) -> None:
    trafford = read_table(
        sources / "trafford" / "boundaries" / "trafford_lad2021_generalised.geojson"
    )
    to_bng = pyproj.Transformer.from_crs(trafford.crs, 27700, always_xy=True)
    bounds = to_bng.transform_bounds(*trafford.geometry[0].bounds)
    local = codepoint.within(bounds)
    assert 0 < len(local) < len(codepoint)
    assert local.frame["x"].between(bounds[0], bounds[2]).all()
    assert local.frame["y"].between(bounds[1], bounds[3]).all()
    stockport = "SK1 1AL"  # in Code-Point, but east of Trafford
    assert np.isfinite(codepoint.lookup(pd.Series([stockport]))[0][0])
    x, _ = local.lookup(pd.Series(["M16 0PQ", "WA14 1PF", stockport]))
    assert np.isfinite(x[:2]).all() and np.isnan(x[2])


def test_table_without_coordinate_columns_is_refused(land_assets_csv: Path) -> None:
    with pytest.raises(BadInputError) as caught:
        PostcodeIndex.from_file(land_assets_csv)
    message = str(caught.value)
    assert "trafford_land_and_building_assets.csv" in message
    assert "PostCode" in message and "GeoX" in message and "GeoY" in message
