"""Welsh and English: started in Welsh, the menus, a dialog, the welcome page and the PDF
report read in Welsh; an untranslated string falls back to English; the language comes from
--lang / ASSETMAP_LANG, the setting or the system; the compiled catalogue matches its source."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest
from PySide6.QtCore import QDate, QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit
from tests.support.qt import open_window, when_modal

from assetmap import cli
from assetmap.core import i18n as core_i18n
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.qt import i18n
from assetmap.qt.dialogs.about import AboutDialog
from assetmap.qt.dialogs.asset_form import AssetForm
from assetmap.qt.dialogs.export_dialog import ExportDialog
from assetmap.qt.export import export_gap_report

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_started_in_welsh_the_menus_read_in_welsh(qtbot, session, welsh):
    window = open_window(qtbot, session)
    window.grab().save("/tmp/welsh_window.png")
    titles = menu_titles(window)
    assert titles[0] == "&Ffeil" and "&Golygu" in titles and titles[-1] == "&Cymorth"
    assert titles.index("Gw&eithdy") == len(titles) - 2  # the Workshop menu still finds Help
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Prosiect newydd…" in [a.text() for a in file_menu.actions()]
    assert window.act_find_gaps.toolTip().startswith("Canfod bylchau — ")
    assert window.tool_actions["add"].text() == "Ychwanegu ased"  # the toolbar too
    assert window.dock_layers.windowTitle() == "Haenau"
    assert window.dock_layers.objectName() == "dock_layers"  # the saved layout still fits
    window.welcome.show()
    assert window.welcome.page.buttons["trafford"].text() == "Agor enghraifft Trafford"
    window.grab().save("/tmp/welsh_welcome.png")


def test_the_about_box_speaks_welsh(qtbot, session, welsh):
    dialog = AboutDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Ynghylch assetmap"
    text = dialog.text.toPlainText()
    assert "Mapio asedau cymunedol" in text and f"Data yn “{session.project.name}”" in text


def test_a_welsh_dialog_has_welsh_words_and_buttons(qtbot, session, welsh):
    """The app's own words and Qt's (OK, Cancel: PySide6 has no Welsh catalogue, so the app
    ships the few it needs) are both Welsh: no dialog ends in English buttons."""
    form = AssetForm.for_new(session, 378000, 393000)
    qtbot.addWidget(form)
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert "&Enw" in labels
    buttons = [b.text() for b in form.findChildren(QDialogButtonBox)[0].buttons()]
    assert "Canslo" in buttons and "Cancel" not in buttons
    form.verified_date.setDate(QDate(2026, 12, 7))
    assert form.verified_date.text() == "7 Rhag 2026"  # Qt's own dates follow the language
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    words = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Copïo" in words and "&Gludo" in words
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Allforio"


def test_the_pdf_report_has_welsh_headings(session, welsh, tmp_path):
    project = session.project
    analyse(
        project,
        AnalysisParams("Neighbourhoods (LSOA 2021)", ("mental_health",), 800.0, "population"),
    )
    out = tmp_path / "adroddiad.pdf"
    export_gap_report(project, out, ExportOptions(title="Bylchau"), PrintLayout("A4", "landscape"))
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]
    assert "Crynodeb" in pages[0] and "Tudalen 1 o" in pages[0]
    rest = " ".join(pages[1:])
    assert "Sut y lluniwyd y ffigurau" in rest and "Crynodeb fesul categori" in rest
    assert "How the figures were made" not in rest
    # the method text comes from the core, whose words follow the app's language
    assert "Dadansoddiad bylchau o'r 139 ardal" in rest and "Gap analysis of" not in rest


def test_an_untranslated_string_shows_in_english(welsh):
    assert i18n.translate("MainWindow", "&File") == "&Ffeil"
    assert i18n.translate("MainWindow", "A string nobody has translated") == (
        "A string nobody has translated"
    )


def test_english_is_back_when_the_translators_are_removed(qtbot, session, welsh):
    i18n.remove_translators()
    assert i18n.current_language() == "en"
    assert core_i18n.language() == "en"
    assert QLocale().language() != QLocale.Language.Welsh  # dates back as they were
    window = open_window(qtbot, session)
    assert menu_titles(window)[0] == "&File"


def test_the_language_comes_from_the_request_the_environment_the_setting_or_the_system(
    qapp, monkeypatch
):
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    assert i18n.chosen_language() == i18n.system_language()
    i18n.save_language("cy")
    assert i18n.chosen_language() == "cy"
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")
    assert i18n.chosen_language() == "en"  # ASSETMAP_LANG beats the setting, for one session
    assert i18n.chosen_language("cy_GB") == "cy"
    assert i18n.supported("fr") is None


def test_help_language_saves_the_choice_for_the_next_start(qtbot, session, qapp):
    window = open_window(qtbot, session)
    menu = window.help.language_menu
    names = [a.text() for a in menu.actions()]
    assert names == ["English", "Cymraeg"]
    when_modal(lambda box: box.accept())  # "…the next time it starts"
    menu.actions()[1].trigger()
    assert QSettings().value("language") == "cy"
    assert menu_titles(window)[0] == "&File"  # this session stays as it started


def test_lang_on_the_command_line_sets_the_session_language(monkeypatch):
    monkeypatch.setenv(i18n.ENVIRONMENT, "")  # put back as it was after the test
    assert cli._take_language(["--lang", "cy", "demo.gpkg"]) == ["demo.gpkg"]
    assert i18n.chosen_language() == "cy"
    assert cli._take_language(["--lang=en"]) == []
    assert i18n.chosen_language() == "en"


def test_the_compiled_catalogue_is_up_to_date_with_the_source():
    if shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    script = ROOT / "packaging" / "update_translations.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert i18n.catalogue_path("cy").is_file()


def test_every_welsh_translation_keeps_its_placeholders_and_one_mnemonic():
    # the source catalogue (only the compiled .qm is installed with the package)
    catalogue = ElementTree.parse(ROOT / "src" / "assetmap" / "translations" / "assetmap_cy.ts")
    for message in catalogue.getroot().iter("message"):
        english = message.findtext("source") or ""
        welsh = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(welsh)) == sorted(PLACEHOLDER.findall(english)), english
        assert welsh.replace("&&", "").count("&") == english.replace("&&", "").count("&")


def test_the_glossary_has_the_agreed_terms():
    with open(ROOT / "docs" / "i18n" / "glossary-cy.csv", encoding="utf-8") as f:
        terms = {row["English"]: row["Welsh"] for row in csv.DictReader(f)}
    assert terms["asset"] == "ased" and terms["neighbourhood"] == "cymdogaeth"
    assert terms["gap"] == "bwlch" and terms["deprivation"] == "amddifadedd"
