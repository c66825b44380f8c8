"""The Help menu: the welcome page again, the user guide (bundled HTML, read offline in the
app, or in the web browser) and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assetmap.qt.i18n import QT_TRANSLATE_NOOP, LanguageMenu, translate
from assetmap.qt.icons import icon
from assetmap.qt.paths import resource

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow

GUIDE = "guide/index.html"
GUIDE_TITLE = QT_TRANSLATE_NOOP("Help", "assetmap user guide")
GUIDE_MISSING = QT_TRANSLATE_NOOP(
    "Help",
    "<h2>The user guide is not installed</h2><p>It is part of assetmap's resources "
    "(resources/guide/index.html); reinstalling assetmap brings it back.</p>",
)


class UserGuide(QDialog):
    """The bundled guide in a window of its own, beside the app (not modal: you read it and
    try things at the same time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", GUIDE_TITLE))
        self.resize(860, 720)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(translate("Help", GUIDE_TITLE))
        self.browser.setOpenExternalLinks(True)
        self.path = resource(GUIDE)
        if self.path is None:
            self.browser.setHtml(translate("Help", GUIDE_MISSING))
        else:
            self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.in_browser = QPushButton(translate("Help", "Open in your web browser"))
        self.in_browser.setEnabled(self.path is not None)
        self.in_browser.clicked.connect(self.open_in_browser)
        buttons.addButton(self.in_browser, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def open_in_browser(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


class HelpMenu:
    """Help ▸ Welcome page, User guide, Language, About assetmap, for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.guide: UserGuide | None = None
        self.act_guide = QAction(icon("guide"), translate("Help", "User &guide"), window)
        self.act_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.act_guide.setStatusTip(
            translate("Help", "how to map assets, find gaps and run a workshop (offline)")
        )
        self.act_guide.setToolTip(
            translate("Help", "User guide — how to do the three jobs, readable offline")
        )
        self.act_guide.triggered.connect(self.show_guide)
        self.act_about = QAction(icon("about"), translate("Help", "&About assetmap"), window)
        self.act_about.setStatusTip(
            translate("Help", "the version and where the open project's data comes from")
        )
        self.act_about.setToolTip(
            translate("Help", "About assetmap — version, and the data's sources")
        )
        self.act_about.triggered.connect(self.about)

    def fill(self, menu: QMenu, welcome: QAction) -> None:
        menu.addActions([welcome, self.act_guide])
        menu.addSeparator()
        self.language_menu = LanguageMenu(self.window)  # Help ▸ Language, for the next start
        menu.addMenu(self.language_menu)
        menu.addSeparator()
        menu.addAction(self.act_about)

    def show_guide(self) -> None:
        if self.guide is None:
            self.guide = UserGuide(self.window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def about(self) -> None:
        from assetmap.qt.dialogs.about import AboutDialog

        AboutDialog(self.window.session, self.window).exec()
