"""The self-test's file checks say plainly what is wrong with a broken export."""

from __future__ import annotations

import pytest

from assetmap.core.project import Project
from assetmap.core.selftest import (
    CheckFailed,
    Checklist,
    check_html_map,
    check_package_files,
    check_pdf,
    check_png,
    small_analysis,
)

ONE_PAGE_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)


def png_header(width: int, height: int) -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        + width.to_bytes(4, "big")
        + height.to_bytes(4, "big")
        + b"\x08\x06\x00\x00\x00"
    )


def test_a_pdf_with_a_page_passes_and_a_cut_short_one_fails(tmp_path):
    good = tmp_path / "map.pdf"
    good.write_bytes(ONE_PAGE_PDF)
    assert check_pdf(good).startswith("map.pdf: 1 page(s)")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(ONE_PAGE_PDF[:-7])
    with pytest.raises(CheckFailed, match=r"cut.pdf is cut short"):
        check_pdf(cut)
    no_pages = tmp_path / "empty.pdf"
    no_pages.write_bytes(ONE_PAGE_PDF.replace(b"/Type /Page ", b""))
    with pytest.raises(CheckFailed, match="empty.pdf has no pages"):
        check_pdf(no_pages)
    with pytest.raises(CheckFailed, match="missing.pdf was not written"):
        check_pdf(tmp_path / "missing.pdf")


def test_a_png_is_checked_for_its_size(tmp_path):
    path = tmp_path / "map.png"
    path.write_bytes(png_header(842, 595))
    assert check_png(path, 800, 560) == "map.png: 842×595 px"
    with pytest.raises(CheckFailed, match="842×595 px, expected at least 1600×1100"):
        check_png(path, 1600, 1100)
    path.write_bytes(b"GIF89a" + bytes(30))
    with pytest.raises(CheckFailed, match="map.png is not a PNG image"):
        check_png(path, 1, 1)


def test_an_html_map_needs_leaflet_inlined_or_beside_it(tmp_path):
    page = tmp_path / "map.html"
    page.write_text("<script>var map = L.map('map');</script>", encoding="utf-8")
    with pytest.raises(CheckFailed, match="neither inlines Leaflet nor has leaflet.js beside"):
        check_html_map(page)
    (tmp_path / "leaflet.js").write_text("/* Leaflet */", encoding="utf-8")
    assert "Leaflet beside it" in check_html_map(page)
    page.write_text("<p>no map</p>", encoding="utf-8")
    with pytest.raises(CheckFailed, match="map.html has no Leaflet map in it"):
        check_html_map(page)


def test_a_failing_check_is_reported_by_name_and_the_rest_still_run():
    said: list[str] = []
    checks = Checklist(said.append)

    def broken() -> str:
        raise FileNotFoundError("leaflet/LICENSE")

    assert not checks.run("trafford: HTML export", broken)
    assert checks.run("rutland: map drawn", lambda: "fine")
    assert said == [
        "FAIL trafford: HTML export: FileNotFoundError: leaflet/LICENSE",
        "ok   rutland: map drawn: fine",
    ]
    assert [line.name for line in checks.failed] == ["trafford: HTML export"]


def test_the_small_analysis_keeps_a_run_for_the_first_area_set(demo_copy):
    with Project.open(demo_copy) as project:
        result, detail = small_analysis(project)
    assert result.run_id is not None
    assert result.params.area_set in detail
    assert result.params.population_field == "population"
    assert len(result.table) > 0


def test_the_files_the_app_reads_besides_its_code_are_there():
    assert "Leaflet and its plugins" in check_package_files()
