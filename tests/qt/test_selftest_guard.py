"""A dialog that opens during the self-test is closed and named, not waited on forever."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from assetmap.qt.selftest import ModalGuard, distinct_colours


def test_an_unasked_for_dialog_is_closed_and_reported(qtbot):
    from assetmap.core.selftest import CheckFailed

    guard = ModalGuard(interval_ms=20)
    box = QMessageBox(QMessageBox.Icon.Question, "Replace the file?", "Really?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    # A safety net only, should the guard not work: the test fails instead of hanging.
    QTimer.singleShot(20_000, box, lambda: box.done(0))
    box.exec()
    guard.stop()
    assert guard.closed == ["Replace the file?"]
    with pytest.raises(CheckFailed, match=r"closed unasked-for dialog\(s\): Replace the file\?"):
        guard.report()


def test_a_blank_image_has_too_few_colours_to_pass_as_a_map(qtbot):
    from PySide6.QtGui import QColor, QImage

    from assetmap.qt.selftest import MIN_DISTINCT_COLOURS

    blank = QImage(400, 300, QImage.Format.Format_ARGB32)
    blank.fill(QColor("#f2efe9"))
    assert distinct_colours(blank) < MIN_DISTINCT_COLOURS
