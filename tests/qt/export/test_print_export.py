"""Printed maps (PDF, SVG, PNG): vector text and paths, the right page, what you see is what
you export, and personal data only when asked — read back from the files themselves."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pypdf
import pytest
from PySide6.QtGui import QColor, QImage

from assetmap import cli
from assetmap.core import assets
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.errors import Cancelled
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.layers import MapLayers
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.qt.export import export_map
from assetmap.qt.export.content import gather

LSOA = "Neighbourhoods (LSOA 2021)"
WARDS = "Wards (2023)"
TITLE = "Mental health support in Trafford"
PERSONAL = "Marcia's woodwork skills"


@pytest.fixture
def demo(qapp, demo_path):
    """The demo with a gap analysis of mental health, faith groups hidden on the map and one
    asset holding personal data."""
    with Project.open(demo_path) as project:
        CommandStack(project).push(
            AddAsset(
                Asset(
                    new_uuid(),
                    PERSONAL,
                    "individual_skills",
                    x=379_600.0,
                    y=396_100.0,
                    personal_data=True,
                )
            )
        )
        analyse(project, AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score"))
        layers = MapLayers.load(project)
        layers.set_categories_visible(["faith_groups"], False)
        layers.save(project)
        yield project


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_has_vector_text_for_title_legend_classes_attribution_and_method(demo, tmp_path):
    out = tmp_path / "map.pdf"
    options = ExportOptions(title=TITLE, analysis="latest")
    report = export_map(demo, out, options, PrintLayout("A4", "landscape"))
    text = pdf_text(out)
    assert TITLE in text
    assert "GP and primary care" in text  # a visible category, in the legend
    assert "Faith groups" not in text  # hidden on the map, so not on paper either
    plan = gather(demo, options).plan
    assert plan is not None and plan.category_label == "Mental health"
    for label in plan.labels:  # the choropleth's classes, as the legend words them
        assert label in text
    assert "Open Government Licence" in text
    method = " ".join(
        demo.conn.execute("SELECT method FROM am_analysis_runs").fetchone()[0].split()[:8]
    )
    assert method in text
    assert "Made with assetmap" in text and "Scale 1:" in text
    assert report.pages == 1


def test_pdf_page_is_a3_landscape_when_asked(demo, tmp_path):
    out = tmp_path / "a3.pdf"
    export_map(demo, out, ExportOptions(), PrintLayout("A3", "landscape"))
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)  # 420 × 297 mm


def test_pdf_draws_the_map_as_vector_paths_not_an_image(demo, tmp_path):
    out = tmp_path / "vector.pdf"
    export_map(demo, out, ExportOptions(analysis="latest"), PrintLayout("A4", "portrait"))
    page = pypdf.PdfReader(out).pages[0]
    box = page.mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    stream = page.get_contents().get_data().decode("latin-1")
    tokens = re.findall(r"(?<![\w/])(m|l|c|re|h|f\*?|S|B\*?)(?=\s)", stream)
    assert len(tokens) > 5000  # 139 areas, 21 wards and ~400 symbols, as paths
    assert "BT" in stream and ("Tj" in stream or "TJ" in stream)  # text as text
    xobjects = page["/Resources"].get("/XObject", {})
    images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert images == []


def test_svg_is_vector_with_text_elements(demo, tmp_path):
    out = tmp_path / "map.svg"
    export_map(demo, out, ExportOptions(title=TITLE), PrintLayout("A4", "landscape"))
    root = ET.parse(out).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    texts = ["".join(t.itertext()).strip() for t in root.iterfind(".//svg:text", ns)]
    assert TITLE in texts
    assert "GP and primary care" in texts
    assert len(root.findall(".//svg:path", ns)) > 100
    assert not root.findall(".//svg:image", ns)
    assert root.get("width") == "297.127mm" or root.get("width", "").startswith("297")


def test_png_has_the_page_size_and_a_library_drawn_where_it_is(demo, tmp_path):
    out = tmp_path / "map.png"
    layers = MapLayers.load(demo)
    layers.set_area_style(WARDS, labels=False)  # no label over the library we look at
    report = export_map(
        demo, out, ExportOptions(), PrintLayout("A4", "landscape", dpi=150), layers=layers
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1754, 1240)  # 297 × 210 mm at 150 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 150
    points = assets.points_xy(demo)
    points = points[points["category"] != "faith_groups"]  # hidden: not drawn
    x, y = points["x"].to_numpy(), points["y"].to_numpy()
    libraries = np.flatnonzero(points["category"].to_numpy() == "libraries")
    # The library farthest from any other asset: no other symbol is drawn over it.
    nearest = [np.sort(np.hypot(x - x[i], y - y[i]))[1] for i in libraries]
    lonely = libraries[int(np.argmax(nearest))]
    assert max(nearest) > report.view.scale * 9  # farther than a symbol is wide
    px, py = report.pixel_of(x[lonely], y[lonely])
    assert report.frame.contains(px * 96 / 150, py * 96 / 150)
    colour = image.pixelColor(round(px), round(py))
    expected = QColor("#56B4E9")  # the libraries' colour
    assert (
        max(
            abs(colour.red() - expected.red()),
            abs(colour.green() - expected.green()),
            abs(colour.blue() - expected.blue()),
        )
        <= 12
    ), colour.name()
    # A step away from the symbol is the area's fill, not the symbol colour.
    away = image.pixelColor(round(px) + 25, round(py) + 25)
    assert away.name() != expected.name()


def test_personal_data_is_left_out_unless_asked_and_the_page_says_so(demo, tmp_path):
    out = tmp_path / "default.pdf"
    report = export_map(demo, out, ExportOptions(), PrintLayout())
    assert "Left out: 1 asset holding personal data" in report.notice
    text = pdf_text(out)
    assert "Left out: 1 asset holding personal data" in text
    assert "Individuals' skills" not in text  # not on the map, so not in the legend
    everyone = export_map(
        demo, tmp_path / "all.pdf", ExportOptions(include_personal=True), PrintLayout()
    )
    assert everyone.assets == report.assets + 1
    text = pdf_text(tmp_path / "all.pdf")
    assert "Individuals' skills" in text
    assert "Includes 1 asset holding personal data" in text


def test_the_table_filter_and_hidden_categories_apply(demo, tmp_path):
    points = assets.points_xy(demo)
    some = frozenset(points.loc[points["category"] == "libraries", "uuid"])
    report = export_map(
        demo, tmp_path / "filtered.pdf", ExportOptions(asset_uuids=some), PrintLayout()
    )
    assert report.assets == len(some)
    assert "in categories hidden on the map or filtered out" in report.notice
    text = pdf_text(tmp_path / "filtered.pdf")
    assert "Libraries" in text and "GP and primary care" not in text


def test_the_current_view_is_the_extent_when_given(demo, tmp_path):
    extent = (376_000.0, 390_000.0, 380_000.0, 393_000.0)
    report = export_map(
        demo, tmp_path / "view.pdf", ExportOptions(), PrintLayout(), view_extent=extent
    )
    minx, miny, maxx, maxy = report.view.bounds()
    assert minx <= extent[0] and maxx >= extent[2] and miny <= extent[1] and maxy >= extent[3]
    # fitted: one side touches the frame
    assert min(extent[0] - minx, extent[1] - miny) < 1.0


def test_a_cancelled_export_writes_nothing(demo, tmp_path):
    out = tmp_path / "never.pdf"
    with pytest.raises(Cancelled):
        export_map(demo, out, ExportOptions(), PrintLayout(), cancelled=lambda: True)
    assert list(tmp_path.glob("*never*")) == []


def test_cli_exports_a3_pdf_with_the_analysis(demo, demo_path, tmp_path, capsys):
    demo.close()
    out = tmp_path / "board paper.pdf"
    code = cli.main(
        [
            "export",
            str(demo_path),
            "--out",
            str(out),
            "--analysis",
            "latest",
            "--measure",
            "gap",
            "--page",
            "A3",
            "--title",
            TITLE,
            "--quiet",
        ]
    )
    assert code == cli.EXIT_OK
    said = capsys.readouterr().out
    assert "Wrote" in said and "personal data" in said
    text = pdf_text(out)
    assert TITLE in text and "Gap" in text and "No gap" in text
    code = cli.main(
        [
            "export",
            str(demo_path),
            "--out",
            str(tmp_path / "x.pdf"),
            "--analysis",
            "latest",
            "--measure",
            "nonsense",
            "--quiet",
        ]
    )
    assert code == cli.EXIT_BAD_INPUT


def test_pdf_properties_name_the_title_and_the_author(demo, tmp_path):
    from assetmap.qt.export import export_gap_report

    options = ExportOptions(title=TITLE, author="Jo Bloggs, Trafford CVS")
    export_map(demo, tmp_path / "map.pdf", options, PrintLayout())
    export_gap_report(demo, tmp_path / "report.pdf", options, PrintLayout())
    for name in ("map.pdf", "report.pdf"):
        info = pypdf.PdfReader(tmp_path / name).metadata
        assert (info.title, info.author) == (TITLE, "Jo Bloggs, Trafford CVS"), name
        assert "by Jo Bloggs, Trafford CVS" in pdf_text(tmp_path / name)


def test_the_legend_names_the_need_indicator_by_its_label(demo, tmp_path):
    with demo.transaction() as conn:
        conn.execute(
            "UPDATE am_indicators SET label = 'IMD 2025 score' WHERE column_name = 'imd_score'"
        )
    analyse(demo, AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score"))
    out = tmp_path / "need.pdf"
    export_map(demo, out, ExportOptions(analysis="latest", measure="bivariate"), PrintLayout())
    text = pdf_text(out)
    assert "Need (IMD 2025 score) against area within 800 m of an asset" in text
    assert "imd_score" not in text


def test_what_was_left_out_is_a_plain_note_not_a_warning(demo, tmp_path):
    """Leaving out hidden categories is what the user asked for: said in the notes, in the
    page's ordinary ink, not in red."""
    out = tmp_path / "map.png"
    report = export_map(demo, out, ExportOptions(), PrintLayout("A4", "landscape", dpi=100))
    hidden = int((assets.points_xy(demo)["category"] == "faith_groups").sum())
    assert f"{hidden:,} assets in categories hidden on the map or filtered out" in report.notice
    image = QImage(str(out))
    k = 100 / 96
    below_map = range(round(report.frame.bottom() * k) + 4, image.height())
    warm = [
        (x, y)
        for y in below_map
        for x in range(0, image.width(), 2)
        if (c := image.pixelColor(x, y)).red() - max(c.green(), c.blue()) > 60
    ]
    assert warm == []  # no red words under the map
    ink = {image.pixelColor(x, y).name() for y in below_map for x in range(0, image.width(), 2)}
    assert len(ink) > 3  # there are words there, in grey and black
