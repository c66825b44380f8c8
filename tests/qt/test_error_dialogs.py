"""What a user sees when something fails: a plain message for what they can act on, the
log's place for the rest."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox
from tests.support.qt import when_modal

from assetmap.core import assets
from assetmap.core.project import Project
from assetmap.qt.errors import show_error


def _undecodable_error(path) -> sqlite3.OperationalError:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE assets SET name = CAST(x'4c6962ff72617279' AS TEXT) WHERE fid = 1")
    with Project.open(path) as project:
        try:
            assets.frame(project)
        except sqlite3.OperationalError as exc:
            return exc
    raise AssertionError("SQLite read text that is not UTF-8")


def test_text_in_another_encoding_is_a_plain_warning_naming_the_field(qapp, demo_copy):
    error = _undecodable_error(demo_copy)
    seen: dict[str, object] = {}

    def read(box) -> None:
        seen.update(icon=box.icon(), text=box.text(), details=box.detailedText())
        box.accept()

    when_modal(read)
    show_error(None, "Export", error, "Traceback ...")
    assert seen["icon"] == QMessageBox.Icon.Warning  # not the "something went wrong" box
    assert "field 'name': holds text that is not UTF-8" in str(seen["text"])
    assert not seen["details"]


def test_a_programming_error_shows_the_log_and_its_details(qapp):
    seen: dict[str, object] = {}

    def read(box) -> None:
        seen.update(icon=box.icon(), text=box.informativeText(), details=box.detailedText())
        box.accept()

    when_modal(read)
    show_error(None, "Export", ValueError("boom"), "Traceback ... ValueError: boom")
    assert seen["icon"] == QMessageBox.Icon.Critical
    assert "assetmap.log" in str(seen["text"]) and "boom" in str(seen["details"])
