"""Assets with no place on the map yet (no coordinates, unknown postcode): pick one and
click the map to place it. Nothing an import could not place is ever dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import assets
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session


class UnplacedPanel(QWidget):
    placeRequested = Signal(str)
    countChanged = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("Unplaced", "Unplaced assets"))
        self.list.itemActivated.connect(self._place)
        self.list.itemDoubleClicked.connect(self._place)
        self.place_button = QPushButton(translate("Unplaced", "Place on map"))
        self.place_button.setAccessibleName(
            translate("Unplaced", "Place the chosen asset on the map")
        )
        self.place_button.clicked.connect(self._place_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.place_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.set_session(session)

    def set_session(self, session: Session) -> None:
        self.session = session
        session.assetsChanged.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        frame = assets.frame(
            self.session.project,
            columns=("uuid", "name", "postcode", "address"),
            where="geom IS NULL",
        )
        self.list.clear()
        for row in frame.sort_values("name").itertuples():
            detail = ", ".join(str(v) for v in (row.address, row.postcode) if v)
            item = QListWidgetItem(f"{row.name}" + (f" — {detail}" if detail else ""))
            item.setData(Qt.ItemDataRole.UserRole, row.uuid)
            self.list.addItem(item)
        n = len(frame)
        self.heading.setText(_heading(n))
        self.place_button.setEnabled(n > 0)
        self.countChanged.emit(n)

    def _place_current(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self._place(item)

    def _place(self, item: QListWidgetItem) -> None:
        self.placeRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))


def _heading(n: int) -> str:
    if n == 0:
        return translate("Unplaced", "Every asset has a place on the map.")
    if n == 1:
        return translate(
            "Unplaced",
            "1 asset is not on the map yet. Press “Place on map”, then click where it is.",
        )
    return translate(
        "Unplaced",
        "{n} assets not on the map yet. Choose one, press “Place on map”, then click where it is.",
    ).format(n=n)
