"""The Find box: type a place, an asset, an area code or a postcode; Enter jumps there."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from assetmap.core import search
from assetmap.core.search import Hit
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session

KIND_LABELS = {"asset": "Asset", "area": "Area", "postcode": "Postcode", "place": "Place"}


class FindBox(QLineEdit):
    hitChosen = Signal(object)  # Hit
    notFound = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setPlaceholderText(translate("Find", "Find a place, asset, area or postcode…"))
        self.setAccessibleName(translate("Find", "Find"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(280)
        self._hits: list[Hit] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        # PySide6's stub has no indexing of a signal by its overload
        self._completer.activated[str].connect(self._choose_text)  # type: ignore[index]
        self.setCompleter(self._completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._go)

    def set_session(self, session: Session) -> None:
        self.session = session
        self.clear()

    def _search(self) -> None:
        if self.session.project.conn is None:  # the project was closed meanwhile
            return
        self._hits = search.find(self.session.project, self.text())

        self._model.setStringList([self._display(h) for h in self._hits])
        if self._hits and self.hasFocus():
            self._completer.complete()

    @staticmethod
    def _display(hit: Hit) -> str:
        return f"{hit.label}  —  {hit.detail}"

    def _choose_text(self, text: str) -> None:
        for hit in self._hits:
            if self._display(hit) == text:
                self.setText(hit.label)
                self.hitChosen.emit(hit)
                return

    def _go(self) -> None:
        """Enter with no list choice: take the best match."""
        popup = self._completer.popup()
        if popup is not None and popup.isVisible():
            return
        hits = search.find(self.session.project, self.text())
        if hits:
            self.hitChosen.emit(hits[0])
        else:
            self.notFound.emit(self.text())
