"""Counts in the import dialogs: English needs a singular and a plural, Welsh keeps the noun
singular after a number, so each form is a pattern of its own in the "ImportDialog" context."""

import shutil
import subprocess

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from assetmap.qt.dialogs.imports.counting import counted, row_title

WELSH_COUNTS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="cy">
<context><name>ImportDialog</name>
<message><source>{n} row</source><translation>{n} rhes</translation></message>
<message><source>{n} rows</source><translation>{n} rhes</translation></message>
<message><source>Line</source><translation>Llinell</translation></message>
</context></TS>
"""


def test_counts_read_one_row_and_many_rows(qapp):
    assert counted(1, "row") == "1 row"
    assert counted(1200, "feature") == "1,200 features"
    assert counted(0, "asset") == "0 assets"
    assert counted(2, "different value") == "2 different values"


def test_a_noun_the_dialogs_do_not_know_still_reads(qapp):
    assert counted(1, "sheet") == "1 sheet"
    assert counted(3, "sheet") == "3 sheets"


def test_row_numbers_are_headed_by_the_readers_noun(qapp):
    assert row_title("line") == "Line"
    assert row_title("feature") == "Feature"
    assert row_title("sheet") == "Sheet"


def test_in_welsh_a_count_keeps_its_noun_singular(qapp, tmp_path):
    if shutil.which("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    source = tmp_path / "counts_cy.ts"
    source.write_text(WELSH_COUNTS, encoding="utf-8")
    compiled = tmp_path / "counts_cy.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(source), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    try:
        assert counted(1, "row") == "1 rhes"
        assert counted(1200, "row") == "1,200 rhes"
        assert row_title("line") == "Llinell"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert counted(2, "row") == "2 rows"
