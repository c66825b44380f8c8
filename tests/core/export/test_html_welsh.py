"""The HTML map exported from the Welsh app has its legend, notes and popups' words in
Welsh (the Welsh needs the lead's filled catalogue); in English they are as before."""

from __future__ import annotations

import shutil

import pytest

from assetmap.core import i18n
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export.api import export_data
from assetmap.core.export.options import ExportOptions
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"


@pytest.fixture
def analysed(tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        analyse(project, AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score"))
        yield project


def _page(project: Project, out) -> str:
    export_data(project, out, ExportOptions(analysis="latest", measure="gap"))
    return out.read_text(encoding="utf-8")


def test_the_map_is_worded_in_welsh(analysed, tmp_path) -> None:
    with i18n.using_language("cy"):
        page = _page(analysed, tmp_path / "map.html")
    assert "<summary>Allwedd</summary>" in page
    assert "Ynghylch y map hwn" in page
    assert "Sut y lluniwyd y ffigurau" in page
    assert ">Dim bwlch<" in page
    assert '"Cyfeiriad"' in page  # a popup's field


def test_the_map_stays_english_by_default(analysed, tmp_path) -> None:
    page = _page(analysed, tmp_path / "map.html")
    assert "<summary>Legend</summary>" in page
    assert "About this map" in page
    assert ">No gap<" in page
    assert '"Address"' in page
