"""The core's words in Welsh: a gap analysis run in Welsh states its method in Welsh, the
errors' fixed words and the import report follow, an untranslated string stays English,
every translation keeps its placeholders, and the compiled catalogue matches its source."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assetmap.core import i18n
from assetmap.core.analysis import summary, wording
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.classify import need_provision_words
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import CommandStack
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import choose_assets
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.io.readers import read_table
from assetmap.core.io.report import RowIssue
from assetmap.core.project import Project

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "src" / "assetmap" / "translations" / "core" / "cy" / "LC_MESSAGES" / "assetmap-core.po"
PLACEHOLDER = re.compile(r"\{[^}]*\}")
LSOA = "Neighbourhoods (LSOA 2021)"


@pytest.fixture(autouse=True)
def english_afterwards():
    """Other tests read the core's words in English."""
    yield
    i18n.set_language("en")


@pytest.fixture
def welsh():
    assert i18n.set_language("cy") == "cy"


def gap_analysis(path: Path):
    with Project.open(path) as project:
        params = AnalysisParams(
            LSOA,
            ("mental_health", "food_banks", "council"),
            800.0,
            "population",
            need_field="imd_score",
        )
        return analyse(project, params)


def test_a_run_in_welsh_states_its_method_in_welsh(demo_copy, welsh):
    result = gap_analysis(demo_copy)
    method = result.method
    assert method.startswith(f"Dadansoddiad bylchau o'r 139 ardal yn “{LSOA}” ar gyfer ")
    assert "Mental health, Food banks and pantries a Council" in method  # a list, in Welsh
    assert "Mae'n cyfrif 67 ased gweithredol wedi'u cymeradwyo" in method
    assert "Nid oes ased yn y categori Council i'w gyfrif" in method
    assert "Cwmpas yw'r gyfran o arwynebedd ardal sydd o fewn 800 m i ased" in method
    assert "Rhennir angen (“IMD score”" in method
    assert "Gap analysis" not in method and "Distances are" not in method
    assert (
        summary.headline(result) == "dadansoddwyd 139 ardal × 3 categori; 308 bwlch ardal-categori"
    )
    assert wording.gap_caption(result.params) == (
        "Bwlch: dim ased o fewn 800 m, neu lai na 50 % o'r ardal o fewn 800 m i un"
    )
    assert wording.need_heading(result, "IMD 2025") == "Angen (IMD 2025)"
    assert need_provision_words(3, 1) == "Angen uchel, darpariaeth isel"


def test_the_same_run_in_english_reads_as_before(demo_copy):
    method = gap_analysis(demo_copy).method
    assert method.startswith(f"Gap analysis of the 139 areas of “{LSOA}” for Mental health, ")
    assert "It counts 67 active, approved assets; not counted: 1 not yet placed on the map." in (
        method
    )
    assert need_provision_words(3, 1) == "High need, low provision"


def test_the_language_can_be_used_for_one_block_and_put_back():
    with i18n.using_language("cy_GB") as used:
        assert used == "cy" and i18n.translated("approved") == "wedi'u cymeradwyo"
    assert i18n.language() == "en" and i18n.translated("approved") == "approved"


def test_an_untranslated_string_stays_english(welsh):
    assert i18n.translated("A sentence nobody has translated") == "A sentence nobody has translated"
    assert i18n.translated("") == ""


def test_an_unknown_language_is_english():
    assert i18n.set_language("fr") == "en"
    assert i18n.supported("CY-gb") == "cy" and i18n.supported(None) is None


def test_welsh_lists_join_with_a_or_ac(welsh):
    assert i18n.joined(["Parciau", "Llyfrgelloedd"]) == "Parciau a Llyfrgelloedd"
    assert i18n.joined(["Parciau", "Ysgolion"]) == "Parciau ac Ysgolion"
    assert i18n.joined(["Parciau", "Ysgolion"], alternatives=True) == "Parciau neu Ysgolion"


def test_errors_say_where_in_welsh(welsh):
    error = BadInputError("bad postcode", file="/tmp/x/assets.csv", row=12, field="postcode")
    assert str(error) == "assets.csv, rhes 12, maes 'postcode': bad postcode"
    line = BadInputError("too long", file="a.csv", row=3, row_noun="line")
    assert str(line) == "a.csv, llinell 3: too long"
    assert str(Cancelled()) == "Wedi canslo; ni newidiwyd dim."


def catalogue_entries() -> list[tuple[str, str]]:
    """(English, Welsh) of every message of the source catalogue (the .po is not installed;
    the test reads the checkout's)."""
    pofile = pytest.importorskip("babel.messages.pofile", reason="Babel (a test extra) reads .po")
    with PO.open("rb") as fh:
        catalog = pofile.read_po(fh)
    return [(str(m.id), str(m.string)) for m in catalog if m.id]


def test_every_welsh_translation_is_there_and_keeps_its_placeholders():
    entries = catalogue_entries()
    assert len(entries) > 40
    for english, welsh in entries:
        assert welsh, f"no Welsh for {english!r}"
        assert sorted(PLACEHOLDER.findall(welsh)) == sorted(PLACEHOLDER.findall(english)), english


def test_the_compiled_catalogue_is_up_to_date_with_the_source():
    pytest.importorskip("babel", reason="Babel (a test extra) extracts and compiles the catalogue")
    script = ROOT / "packaging" / "update_core_translations.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert i18n.catalogue_path("cy").is_file()


def test_the_import_report_of_a_file_imported_again_is_in_welsh(demo_copy, trafford, welsh):
    source = trafford / "assets" / "trafford_libraries.geojson"
    with Project.open(demo_copy) as project:
        options = AssetImportOptions(category="Libraries")
        report = import_assets(project, source, options, stack=CommandStack(project))
    assert report.summary() == (
        "trafford_libraries.geojson: wedi'i mewnforio eto, gan gyfateb yn ôl enw + cod post: "
        "0 wedi'u hychwanegu, 0 wedi'u diweddaru, 13 heb eu newid, 0 nad ydynt yn y ffeil "
        "mwyach (wedi'u cadw), 0 wedi'u gwrthod"
    )
    issue = RowIssue(4, "Postcode", "is not a postcode")
    assert issue.describe("a.csv") == "a.csv, rhes 4, maes 'Postcode': is not a postcode"


def test_reading_a_file_reports_its_progress_in_welsh(trafford, welsh):
    register = trafford / "assets" / "trafford_land_and_building_assets.csv"
    said = []
    read_table(register, progress=lambda share, text: said.append(text))
    assert said[-1] == "Darllenwyd 608 rhes o trafford_land_and_building_assets.csv"


def test_an_export_says_what_it_left_out_in_welsh(demo_copy, welsh):
    with Project.open(demo_copy) as project:
        chosen = choose_assets(project, ExportOptions())
    chosen = replace(chosen, personal_left_out=1, hidden_left_out=12)
    assert chosen.notice() == (
        "Wedi'u gadael allan: 1 ased sy'n cynnwys data personol; 12 ased mewn categorïau "
        "sydd wedi'u cuddio ar y map neu wedi'u hidlo allan."
    )


def test_why_a_row_is_unplaced_or_rejected_is_said_in_welsh(demo_copy, tmp_path, welsh):
    sheet = tmp_path / "hybiau.csv"
    sheet.write_text(
        "Name,Postcode,Latitude,Longitude\n"
        "Hwb y Parc,,53.42,-2.35\n"
        "Hwb Ysgol,not a postcode,,\n"
        "Hwb Capel,,,\n"
        "Hwb Gwag,,abc,-2.3\n",
        encoding="utf-8",
    )
    options = AssetImportOptions(
        category="Libraries", name_field="Name", postcode_field="Postcode",
        lat_field="Latitude", lon_field="Longitude",
    )  # fmt: skip
    with Project.open(demo_copy) as project:
        report = import_assets(project, sheet, options, stack=CommandStack(project))
    unplaced = [issue.describe(sheet.name) for issue in report.unplaced]
    assert unplaced == [
        "hybiau.csv, rhes 3: dim cyfesurynnau, ac nid yw 'not a postcode' yn god post dilys",
        "hybiau.csv, rhes 4: dim cyfesurynnau a dim cod post",
    ]
    rejected = [issue.describe(sheet.name) for issue in report.rejected]
    assert rejected == ["hybiau.csv, rhes 5, maes 'Latitude': nid yw'r lledred 'abc' yn rhif"]
