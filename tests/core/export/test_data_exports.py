"""Data exports: what you see is what you export, personal data only when asked, files
that other tools read back exactly, and spreadsheet cells that cannot run as formulas."""

from __future__ import annotations

import json
import shutil
import sqlite3

import openpyxl
import pandas as pd
import pyogrio
import pytest
import shapely

from assetmap.core import assets
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.commands.review import SetReview
from assetmap.core.export.api import export_data
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import choose_assets
from assetmap.core.layers import MapLayers
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"
FORMULA = '=HYPERLINK("http://x")'


@pytest.fixture
def demo(tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        stack = CommandStack(project)
        stack.push(AddAsset(Asset(new_uuid(), FORMULA, "community_centres", x=379_500.0,
                                  y=396_000.0, address="@SUM(A1:A9)")))  # fmt: skip
        stack.push(AddAsset(Asset(new_uuid(), "Marcia's woodwork skills", "individual_skills",
                                  x=379_600.0, y=396_100.0, personal_data=True)))  # fmt: skip
        yield project


def test_geopackage_export_reads_back_identically_in_gdal(demo, tmp_path):
    out = tmp_path / "export.gpkg"
    analyse(demo, AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score"))
    report = export_data(demo, out, ExportOptions(analysis="latest"))
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200  # GeoPackage 1.2
    layers = dict(pyogrio.list_layers(out))
    assert layers["assets"] == "Point" and layers["gaps_mental_health"] == "MultiPolygon"
    back = pyogrio.read_dataframe(out, layer="assets")
    assert back.crs.to_epsg() == 27700
    source = assets.frame(demo)
    source = source[~source["personal_data"].astype(bool)]
    assert report.assets == len(back) == len(source)
    merged = back.merge(pd.DataFrame(source), on="uuid", suffixes=("", "_src"))
    assert (merged["name"] == merged["name_src"]).all()
    placed = merged["geometry"].notna()
    assert shapely.equals(merged.loc[placed, "geometry"], merged.loc[placed, "geometry_src"]).all()
    assert merged["geometry"].isna().sum() == 1  # the unplaced asset stays, without a place
    lsoa = pyogrio.read_dataframe(out, layer="areas_neighbourhoods_lsoa_2021")
    assert len(lsoa) == 139 and {"population", "imd_score"} <= set(lsoa.columns)
    gaps = pyogrio.read_dataframe(out, layer="gaps_mental_health")
    assert len(gaps) == 139 and gaps["coverage"].between(0, 1).all()
    description = conn.execute(
        "SELECT description FROM gpkg_contents WHERE table_name = 'gaps_mental_health'"
    ).fetchone()[0]
    assert description.startswith("Gap analysis of the 139 areas")


def test_personal_data_is_left_out_unless_asked_and_the_export_says_so(demo, tmp_path):
    default = export_data(demo, tmp_path / "a.csv", ExportOptions())
    assert "Left out: 1 asset holding personal data" in default.notice
    names = set(pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig")["name"])
    assert "Marcia's woodwork skills" not in names
    chosen = export_data(demo, tmp_path / "b.csv", ExportOptions(include_personal=True))
    assert chosen.notice == ""
    assert "Marcia's woodwork skills" in set(pd.read_csv(tmp_path / "b.csv")["name"])


def test_hidden_categories_are_not_exported(demo, tmp_path):
    layers = MapLayers.load(demo)
    layers.set_categories_visible(["faith_groups"], False)
    layers.save(demo)
    report = export_data(demo, tmp_path / "shown.geojson", ExportOptions())
    data = json.loads((tmp_path / "shown.geojson").read_text())
    categories = {f["properties"]["category"] for f in data["features"]}
    assert "faith_groups" not in categories and "libraries" in categories
    assert "in categories hidden on the map" in report.notice
    lon, lat = next(f for f in data["features"] if f["geometry"])["geometry"]["coordinates"]
    assert -2.6 < lon < -2.1 and 53.3 < lat < 53.6  # RFC 7946: longitude, latitude


def test_csv_and_xlsx_cells_cannot_run_as_formulas(demo, tmp_path):
    export_data(demo, tmp_path / "assets.csv", ExportOptions())
    frame = pd.read_csv(tmp_path / "assets.csv", encoding="utf-8-sig", dtype=str)
    row = frame[frame["name"].str.contains("HYPERLINK", na=False)].iloc[0]
    assert row["name"] == "'" + FORMULA and row["address"] == "'@SUM(A1:A9)"
    assert float(row["longitude"]) < 0  # negative numbers stay numbers
    export_data(demo, tmp_path / "assets.xlsx", ExportOptions())
    sheet = openpyxl.load_workbook(tmp_path / "assets.xlsx")["Assets"]
    cells = [c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type != "f" and str(c.value).startswith("'=") for c in cells)
    about = openpyxl.load_workbook(tmp_path / "assets.xlsx")["About"]
    values = [str(c.value) for row in about.iter_rows() for c in row]
    assert any("Contains OS data" in v for v in values)


def test_analysis_results_export_as_csv_by_run_or_results_file(demo, tmp_path, capsys):
    result = analyse(demo, AnalysisParams(LSOA, ("libraries",), 800.0, "population"))
    first = tmp_path / "run.csv"
    export_data(demo, first, ExportOptions(analysis=str(result.run_id)))
    again = tmp_path / "again.csv"
    export_data(demo, again, ExportOptions(analysis=str(first)))
    assert first.read_text(encoding="utf-8-sig") == again.read_text(encoding="utf-8-sig")
    assert (tmp_path / "run.method.txt").read_text().startswith("Gap analysis")


PROVENANCE = ["review", "reviewed_by", "reviewed_at", "origin", "origin_from", "origin_row"]


@pytest.fixture
def reviewed(demo):
    """The demo with a library awaiting review and a school rejected, by a named reviewer."""
    frame = assets.frame(demo)
    pending = frame[frame["category"] == "libraries"]["uuid"].iloc[0]
    rejected = frame[frame["category"] == "schools"]["uuid"].iloc[0]
    demo.set_setting("author", "AB")
    stack = CommandStack(demo)
    stack.push(SetReview((pending,), "pending"))
    stack.push(SetReview((rejected,), "rejected"))
    return demo, pending, rejected


def test_every_data_export_carries_review_and_origin(reviewed, tmp_path):
    demo, pending, _ = reviewed
    export_data(demo, tmp_path / "a.csv", ExportOptions())
    export_data(demo, tmp_path / "a.geojson", ExportOptions())
    export_data(demo, tmp_path / "a.gpkg", ExportOptions())
    csv = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig").set_index("uuid")
    geojson = pyogrio.read_dataframe(tmp_path / "a.geojson").set_index("uuid")
    gpkg = pyogrio.read_dataframe(tmp_path / "a.gpkg", layer="assets").set_index("uuid")
    source = assets.get(demo, pending)
    for frame in (csv, geojson, gpkg):
        assert set(PROVENANCE) <= set(frame.columns)
        row = frame.loc[pending]
        assert row["review"] == "pending" and row["reviewed_by"] == "AB"
        assert pd.Timestamp(row["reviewed_at"]) == pd.Timestamp(source.reviewed_at)
        assert row["origin"] == "import" and row["origin_from"] == source.origin_ref
        assert row["origin_row"] == source.origin_row
    assert source.origin_ref and source.origin_ref.endswith((".csv", ".geojson", ".gpkg"))
    # GIS programs see the row as a whole number, not 4.0
    info = pyogrio.read_info(tmp_path / "a.gpkg", layer="assets")
    fields = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert fields["origin_row"] == "int64"
    assert (csv["review"] == "approved").sum() == len(csv) - 1


def test_rejected_assets_are_left_out_unless_asked_and_the_export_says_so(reviewed, tmp_path):
    demo, pending, rejected = reviewed
    report = export_data(demo, tmp_path / "a.gpkg", ExportOptions())
    uuids = set(pyogrio.read_dataframe(tmp_path / "a.gpkg", layer="assets")["uuid"])
    assert rejected not in uuids and pending in uuids
    assert "1 rejected asset" in report.notice
    asked = export_data(demo, tmp_path / "b.csv", ExportOptions(include_rejected=True))
    rows = pd.read_csv(tmp_path / "b.csv", encoding="utf-8-sig").set_index("uuid")
    assert rows.loc[rejected, "review"] == "rejected" and "rejected" not in asked.notice
    assert asked.assets == report.assets + 1
    # A map never draws them, whatever the options say (as the map window does not)
    for_map = choose_assets(demo, ExportOptions(include_rejected=True), for_map=True)
    assert rejected not in set(for_map.frame["uuid"]) and for_map.rejected_left_out == 1
