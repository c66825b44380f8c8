"""The moderation queue: what participants sent, newest first, each with its decisions.

Each submission is a card: its kind (asset or need) and category with the map's symbol, its
name, note, who sent it and when, and four buttons (Approve, Edit…, Reject, and All from
this person when the phone sent more than one). Cards that arrived since the facilitator
last looked are tinted and marked "New" (no sound: a room is listening to someone); the
tint goes once they act on the queue or press the "new" badge.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.gpkg import local_time
from assetmap.core.taxonomy import Category
from assetmap.core.workshop.contributions import Contribution
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.dialogs.asset_form.category_combo import category_icon
from assetmap.qt.i18n import translate

SHOWN_CARDS = 150  # more than a room sends between two looks; the count says the rest
NEW_TINT = "#FFF4CC"
NEED_COLOUR = "#8250DF"
ASSET_COLOUR = "#0969DA"
MUTED = "#57606A"


class QueueCard(QFrame):
    """One submission and its buttons."""

    decided = Signal(str, str)  # action, uuid

    def __init__(
        self,
        item: Contribution,
        category: Category | None,
        more_from_sender: int,
        new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.uuid = item.uuid
        self.new = new
        self.setObjectName("queueCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(
            translate("WorkshopQueue", "Submission: {name}").format(name=item.name)
        )
        self._paint_tint()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(self._head(item, category))
        if item.note:
            note = QLabel(item.note)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(note)
        by = QLabel(_who_and_when(item))
        by.setTextFormat(Qt.TextFormat.PlainText)
        by.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(by)
        layout.addLayout(self._buttons(item, more_from_sender))

    def _head(self, item: Contribution, category: Category | None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        icon = QLabel()
        if category is not None and item.kind == "need":  # the map's need pin, hollow with "!"
            dpr = icon.devicePixelRatioF()
            image = sprite(category.symbol, category.colour, 18, dpr, need=True)
            icon.setPixmap(QPixmap.fromImage(image))
        elif category is not None:
            icon.setPixmap(category_icon(category, 16).pixmap(QSize(16, 16)))
        row.addWidget(icon)
        kind = (
            translate("WorkshopQueue", "Need")
            if item.kind == "need"
            else translate("WorkshopQueue", "Asset")
        )
        colour = NEED_COLOUR if item.kind == "need" else ASSET_COLOUR
        label = category.label if category is not None else item.category
        title = QLabel(
            f"<span style='color:{colour}; font-weight:600'>{kind}</span>"
            f" · {html.escape(label)}<br><b>{html.escape(item.name)}</b>"
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        row.addWidget(title, 1)
        self.badge = QLabel(translate("WorkshopQueue", "New"))
        self.badge.setStyleSheet(
            "background: #BF8700; color: white; border-radius: 8px; padding: 1px 7px;"
            " font-weight: 600;"
        )
        self.badge.setVisible(self.new)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _buttons(self, item: Contribution, more_from_sender: int) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.approve = self._button(
            translate("WorkshopQueue", "Approve"),
            "approve",
            translate("WorkshopQueue", "Show it on the map for everyone"),
        )
        self.edit = self._button(
            translate("WorkshopQueue", "Edit…"),
            "edit",
            translate("WorkshopQueue", "Correct it in the asset form, then approve"),
        )
        self.reject = self._button(
            translate("WorkshopQueue", "Reject"),
            "reject",
            translate("WorkshopQueue", "Keep it off the map"),
        )
        self.approve.setStyleSheet("font-weight: 600;")
        for button in (self.approve, self.edit, self.reject):
            row.addWidget(button)
        who = item.contributor or translate("WorkshopQueue", "this phone")
        self.all_from = self._button(
            translate("WorkshopQueue", "All {n} from {who}").format(n=more_from_sender, who=who),
            "all_from",
            translate("WorkshopQueue", "Approve every submission waiting from {who}").format(
                who=who
            ),
        )
        self.all_from.setVisible(item.device is not None and more_from_sender > 1)
        row.addWidget(self.all_from)
        row.addStretch(1)
        return row

    def _button(self, text: str, action: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(
            translate("WorkshopQueue", "{action} {card}").format(
                action=text.rstrip("…"), card=self.accessibleName()
            )
        )
        button.setMinimumHeight(30)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda: self.decided.emit(action, self.uuid))
        return button

    def mark_seen(self) -> None:
        self.new = False
        self.badge.hide()
        self._paint_tint()

    def _paint_tint(self) -> None:
        background = NEW_TINT if self.new else "palette(base)"
        self.setStyleSheet(
            f"QFrame#queueCard {{ background: {background}; border: 1px solid #D0D7DE;"
            " border-radius: 6px; }"
        )


class QueueList(QListWidget):
    """The cards, newest first. ``show_items`` keeps which ones are new."""

    decided = Signal(str, str)  # action, uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("WorkshopQueue", "Submissions waiting for review"))
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setSpacing(3)
        self.setFrameShape(QFrame.Shape.NoFrame)
        viewport = self.viewport()
        if viewport is not None:  # the cards on the panel's own background
            viewport.setAutoFillBackground(False)
        self._cards: dict[str, QueueCard] = {}
        self._shown: tuple[Contribution, ...] = ()
        self._seen: set[str] = set()
        self._first = True

    @property
    def new_count(self) -> int:
        return sum(1 for card in self._cards.values() if card.new)

    def card(self, uuid: str) -> QueueCard | None:
        return self._cards.get(uuid)

    def uuids(self) -> list[str]:
        return [item.uuid for item in self._shown]

    def show_items(
        self, items: Sequence[Contribution], category_of: Callable[[str], Category | None]
    ) -> int:
        """Show ``items`` (newest first); returns how many arrived since the last call."""
        items = tuple(items[:SHOWN_CARDS])
        arrived = [i.uuid for i in items if i.uuid not in self._seen]
        if self._first:  # what was waiting when the panel opened is not news
            self._seen.update(arrived)
            arrived, self._first = [], False
        elif items == self._shown:
            return 0
        new = {u for u, card in self._cards.items() if card.new} | set(arrived)
        self._seen.update(arrived)
        senders: dict[str, int] = {}
        for i in items:
            if i.device is not None:
                senders[i.device] = senders.get(i.device, 0) + 1
        self.clear()
        self._cards.clear()
        for i in items:
            more = senders.get(i.device, 0) if i.device is not None else 0
            card = QueueCard(i, category_of(i.category), more, i.uuid in new)
            card.decided.connect(self.decided)
            row = QListWidgetItem(self)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled)
            row.setSizeHint(card.sizeHint())
            self.setItemWidget(row, card)
            self._cards[i.uuid] = card
        self._shown = items
        self._fit_cards()
        return len(arrived)

    def mark_all_seen(self) -> None:
        for card in self._cards.values():
            card.mark_seen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """Cards as wide as the list, each row as tall as its wrapped words need."""
        width = max(self.viewport().width() - 2 * self.spacing(), 120)
        for row in range(self.count()):
            item = self.item(row)
            card = self.itemWidget(item)
            if card is None:
                continue
            card.setFixedWidth(width)
            layout = card.layout()
            assert layout is not None  # every card has its layout
            layout.activate()
            height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
            item.setSizeHint(QSize(width, max(height, layout.totalSizeHint().height())))


def _who_and_when(item: Contribution) -> str:
    if item.contributor:
        who = item.contributor
    elif item.device is None:
        who = translate("WorkshopQueue", "the facilitator")
    else:
        who = translate("WorkshopQueue", "someone")
    return translate("WorkshopQueue", "from {who}, {time}").format(
        who=who, time=_clock(item.submitted_at)
    )


def _clock(iso: str) -> str:
    """ "2026-12-07T10:32:05.123Z" -> "10:32" in local time (the text itself if not a time)."""
    when = local_time(iso)
    return iso if when is None else when.strftime("%H:%M")
