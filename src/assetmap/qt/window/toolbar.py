"""The main toolbar: the map tools with icons and words, the commands with icons alone
(their tooltips say what they do), then the Find box.

Undo and redo are icon-only because their words change with each edit ("Undo Add asset
“Lunch club”"): a button that grew with them would push every button after it along, and
off the end of a small screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from assetmap.qt.find import FindBox
from assetmap.qt.i18n import translate
from assetmap.qt.icons import icon

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow


def build_toolbar(window: MainWindow) -> tuple[QToolBar, FindBox]:
    bar = window.addToolBar(translate("Toolbar", "Tools"))
    bar.setObjectName("toolsToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name, act in window.tool_actions.items():
        act.setIcon(icon(name))
        bar.addAction(act)
    bar.addSeparator()
    for name, act in (
        ("zoom_all", window.act_zoom_all),
        ("undo", window.act_undo),
        ("redo", window.act_redo),
    ):
        act.setIcon(icon(name))
        bar.addAction(act)
        _icon_only(bar, act)
    bar.addSeparator()
    window.act_find_gaps.setIcon(icon("find_gaps"))
    bar.addAction(window.act_find_gaps)
    bar.addSeparator()
    find_box = FindBox(window.session, window)
    find_box.hitChosen.connect(lambda hit: window.zoom.to_hit(hit))
    find_box.notFound.connect(
        lambda text: window.statusBar().showMessage(
            translate("Toolbar", "Nothing found for “{text}”").format(text=text), 4000
        )
    )
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(find_box)
    return bar, find_box


def _icon_only(bar: QToolBar, action: QAction) -> None:
    button = bar.widgetForAction(action)
    if isinstance(button, QToolButton):
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
