"""What a screen reader says for each control the keyboard reaches: every one has a name
(its own accessible name, a label that is its buddy, or the text on it), in the main window
with each panel brought forward and in the dialogs the keyboard-only journeys go through."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QWidget

from support.qt import open_window


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


def reachable(root: QWidget) -> list[QWidget]:
    """The controls Tab stops at (a spin box's inner line edit passes focus to its box)."""
    return [
        w
        for w in [root, *root.findChildren(QWidget)]
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology gets for ``widget`` (Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def has_buddy(widget: QWidget) -> bool:
    return any(label.buddy() is widget for label in widget.window().findChildren(QLabel))


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
        for w in reachable(root)
        if not (w.accessibleName() or has_buddy(w) or spoken_name(w))
    ]


def test_every_control_of_the_main_window_and_its_panels_has_a_name(qtbot, window):
    assert window.canvas.accessibleName() == "Map"  # the names given before are kept
    assert window.find_box.accessibleName() == "Find"
    missing = set(unnamed(window))
    for dock in window.findChildren(QDockWidget):  # the panels behind tabs too
        dock.show()
        dock.raise_()
        qtbot.waitUntil(dock.widget().isVisible)
        missing |= set(unnamed(dock))
    assert not missing


def test_the_typed_location_dialog_names_its_controls(qtbot, window):
    from assetmap.qt.window.keyboard_place import TEXTS, LocationDialog

    dialog = LocationDialog(window.session, TEXTS["add_title"], window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    assert dialog.edit.accessibleName() == "Postcode or coordinates"
    assert has_buddy(dialog.edit)


def test_the_export_dialog_names_its_controls(qtbot, window):
    from assetmap.qt.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for key in ("pdf", "html", "csv"):
        dialog.set_kind(key)
        QApplication.processEvents()
        assert unnamed(dialog) == [], key
    dialog.reject()


def test_the_asset_form_names_its_controls(qtbot, window):
    from assetmap.qt.dialogs.asset_form import AssetForm

    form = AssetForm.for_new(window.session, window.canvas.view.cx, window.canvas.view.cy, window)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert unnamed(form) == []
    form.reject()
