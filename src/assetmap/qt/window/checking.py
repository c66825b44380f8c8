"""Keeping the map true, in the main window: "Mark as checked today" on the selection, the
due-for-checking list exported for a phone round, and a count of due assets in the status
bar. Which assets are due is core's (``core.review_due``); this only offers it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from assetmap.core.commands.checked import MarkChecked
from assetmap.core.errors import AssetmapError
from assetmap.core.export.due_list import write_due_list
from assetmap.core.review_due import due_in_points
from assetmap.qt.errors import show_error
from assetmap.qt.file_dialogs import save_file_name
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session

if TYPE_CHECKING:
    from collections.abc import Callable

WORDS = {
    "mark": QT_TRANSLATE_NOOP("Checking", "Mark as &checked today"),
    "mark_tip": QT_TRANSLATE_NOOP(
        "Checking", "set “Verified on” of the selected assets to today (one Undo step)"
    ),
    "export": QT_TRANSLATE_NOOP("Checking", "Export &due-for-checking list…"),
    "export_tip": QT_TRANSLATE_NOOP(
        "Checking", "the assets due for checking, with phone numbers, as CSV or XLSX"
    ),
    "export_caption": QT_TRANSLATE_NOOP("Checking", "Export the due-for-checking list"),
    "filters": QT_TRANSLATE_NOOP("Checking", "Spreadsheet (*.xlsx);;CSV (*.csv)"),
    "none_due": QT_TRANSLATE_NOOP("Checking", "Nothing due for checking"),
    "count": QT_TRANSLATE_NOOP("Checking", "{n:,} due for checking"),
    "count_tip": QT_TRANSLATE_NOOP(
        "Checking", "assets last checked longer ago than their category's review interval"
    ),
    "written": QT_TRANSLATE_NOOP("Checking", "Wrote {n:,} assets due for checking to {name}"),
    "failed_mark": QT_TRANSLATE_NOOP("Checking", "Could not mark as checked"),
    "failed_export": QT_TRANSLATE_NOOP("Checking", "Could not export the due list"),
}


def word(key: str) -> str:
    """One of WORDS in the app's language."""
    return translate("Checking", WORDS[key])


class Checking(QObject):
    """The window's "keeping the map true" part: two actions and a status read-out."""

    def __init__(
        self,
        window: QWidget,
        session: Callable[[], Session],
        status: QStatusBar,
        say: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._say = say
        self.act_mark = QAction(word("mark"), window)
        self.act_mark.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.act_mark.setStatusTip(word("mark_tip"))
        self.act_mark.triggered.connect(self.mark_selection)
        self.act_export = QAction(word("export"), window)
        self.act_export.setStatusTip(word("export_tip"))
        self.act_export.triggered.connect(self.ask_and_export)
        self.due_label = QLabel()
        self.due_label.setAccessibleName(translate("Checking", "Assets due for checking"))
        self.due_label.setToolTip(word("count_tip"))
        self.due_label.setContentsMargins(8, 0, 8, 0)
        widest = self.due_label.fontMetrics().horizontalAdvance(word("none_due"))
        self.due_label.setMinimumWidth(widest + 20)
        status.addPermanentWidget(self.due_label)

    def follow(self, session: Session) -> None:
        """Keep the count and the action up to date with ``session`` (a new one after the
        window opens another project)."""
        session.assetsChanged.connect(self.update_count)
        session.categoriesChanged.connect(self.update_count)
        session.selectionChanged.connect(self._update_action)
        self.update_count()
        self._update_action()

    def due_count(self) -> int:
        session = self._session()
        points = session.points()
        return int(due_in_points(points, session.categories(), date.today()).sum())

    def update_count(self, *_: object) -> None:
        n = self.due_count()
        self.due_label.setText(word("count").format(n=n) if n else word("none_due"))

    def _update_action(self) -> None:
        self.act_mark.setEnabled(bool(self._session().selection))

    def mark_selection(self) -> None:
        """Every selected asset checked today, as one undoable step."""
        session = self._session()
        chosen = tuple(sorted(session.selection))
        if not chosen:
            return
        try:
            session.push(MarkChecked(chosen))
        except AssetmapError as error:
            show_error(self._window, word("failed_mark"), error)

    def ask_and_export(self) -> None:
        session = self._session()
        name = translate("Checking", "{project} due for checking.xlsx").format(
            project=session.project.path.stem
        )
        path = save_file_name(
            self._window, word("export_caption"), "due-list", name, word("filters")
        )
        if path is None:
            return
        try:
            n = write_due_list(session.project, path)
        except AssetmapError as error:
            show_error(self._window, word("failed_export"), error)
            return
        self._say(word("written").format(n=n, name=path.name), 6000)
