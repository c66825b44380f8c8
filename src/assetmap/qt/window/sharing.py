"""File ▸ Share: the team's shared map on a PostGIS server (issue 13): publishing this
project there, and keeping this laptop in step with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from assetmap.qt.dialogs.publish import PublishDialog
    from assetmap.qt.main_window import MainWindow


class Sharing:
    """The Share menu of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.publish_dialog: PublishDialog | None = None

    def add_menu(self, file_menu: QMenu) -> QMenu:
        menu = file_menu.addMenu("S&hare")
        self.act_publish = QAction("&Publish to a database…", self.window)
        self.act_publish.setStatusTip(
            "Put this project on a PostgreSQL/PostGIS server as the team's shared map"
        )
        self.act_publish.triggered.connect(self.publish)
        menu.addAction(self.act_publish)
        self.menu = menu
        return menu

    def publish(self) -> None:
        from assetmap.qt.dialogs.publish import PublishDialog

        self.publish_dialog = PublishDialog(self.window.session, self.window)
        self.publish_dialog.open()
