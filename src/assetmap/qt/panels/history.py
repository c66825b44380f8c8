"""The undo history: every edit of this session, newest last; click one to go back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from assetmap.qt.i18n import translate
from assetmap.qt.session import Session


class HistoryPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("History", "Undo history"))
        self.list.itemActivated.connect(self._go_to)
        self.list.itemClicked.connect(self._go_to)
        hint = QLabel(
            translate(
                "History", "Click an entry to undo back to it. Every change is already saved."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        self.set_session(session)

    def set_session(self, session: Session) -> None:
        self.session = session
        session.historyChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        start = QListWidgetItem(translate("History", "Project opened"))
        start.setData(Qt.ItemDataRole.UserRole, 0)
        self.list.addItem(start)
        done_count = 0
        for position, item in enumerate(self.session.stack.history(), start=1):
            entry = QListWidgetItem(item.text)
            entry.setData(Qt.ItemDataRole.UserRole, position)
            if item.done:
                done_count = position
            else:
                entry.setForeground(QColor("#8c959f"))
                font = QFont(entry.font())
                font.setItalic(True)
                entry.setFont(font)
                entry.setToolTip(translate("History", "Undone: click to redo up to here"))
            self.list.addItem(entry)
        current = self.list.item(done_count)
        font = QFont(current.font())
        font.setBold(True)
        current.setFont(font)
        self.list.setCurrentRow(done_count)

    def _go_to(self, item: QListWidgetItem) -> None:
        target = int(item.data(Qt.ItemDataRole.UserRole))
        done = sum(1 for h in self.session.stack.history() if h.done)
        while done > target and self.session.stack.can_undo:
            self.session.undo()
            done -= 1
        while done < target and self.session.stack.can_redo:
            self.session.redo()
            done += 1
