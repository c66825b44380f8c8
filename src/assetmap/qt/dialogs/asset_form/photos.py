"""The asset form's photo rows: stored photos and ones chosen but not yet saved.

Photos are checked as they are chosen, so a refusal comes while the user still has the folder
open; they reach the project only when the form's OK turns them into AddAttachment commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from assetmap.core import attachments as photo_store
from assetmap.core.errors import BadInputError
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session

KEY_ROLE = Qt.ItemDataRole.UserRole
NOTE_COLOUR = "#555555"
THUMB_PX = 88
PHOTO_FILTER = QT_TRANSLATE_NOOP(
    "AssetForm", "Photos (*.jpg *.jpeg *.png *.webp *.gif);;All files (*)"
)


def photo_thumbnail(data: bytes, size: int = THUMB_PX) -> QIcon:
    image = QImage.fromData(data)
    if image.isNull():
        return QIcon()
    return QIcon(
        QPixmap.fromImage(
            image.scaled(
                size,
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
    )


@dataclass
class PendingPhoto:
    """A photo chosen in this form but not yet in the project."""

    file_name: str
    data: bytes


class PhotoRows:
    """The thumbnails (``photo_list``) and the row of buttons under them (``buttons_row``).

    ``refuse`` shows why chosen files were turned away, and ``clear_refusal`` hides it: the
    form puts that message under its Photos row like every other field's.
    """

    def __init__(
        self,
        session: Session,
        parent: QWidget,
        refuse: Callable[[str], None],
        clear_refusal: Callable[[], None],
    ) -> None:
        self.session = session
        self._parent = parent
        self._refuse = refuse
        self._clear_refusal = clear_refusal
        self.removed: list[int] = []
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.photo_list.setGridSize(QSize(THUMB_PX + 28, THUMB_PX + 30))
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setFixedHeight(THUMB_PX + 52)
        self.photo_list.setAccessibleName(translate("AssetForm", "Photos"))
        self.photo_list.currentItemChanged.connect(lambda *_: self.update_buttons())
        self.add_photo_button = QPushButton(translate("AssetForm", "Add photo…"))
        self.add_photo_button.setAccessibleName(translate("AssetForm", "Add photo"))
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.remove_photo_button = QPushButton(translate("AssetForm", "R&emove photo"))
        self.remove_photo_button.setAccessibleName(
            translate("AssetForm", "Remove the chosen photo")
        )
        self.remove_photo_button.clicked.connect(self.remove_current_photo)
        self.photo_note = QLabel(
            translate("AssetForm", "No photos yet. JPEG, PNG, WebP or GIF, up to 10 MB each.")
        )
        self.photo_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_photo_button)
        buttons.addWidget(self.remove_photo_button)
        buttons.addWidget(self.photo_note, 1)
        self.buttons_row = QWidget()
        self.buttons_row.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)

    def load(self, uuid: str) -> None:
        project = self.session.project
        for info in photo_store.list_for(project, uuid):
            icon = photo_thumbnail(photo_store.data(project, info.id))
            item = QListWidgetItem(icon, info.file_name)
            item.setData(KEY_ROLE, info.id)
            item.setToolTip(f"{info.file_name} ({size_text(info.size)})")
            self.photo_list.addItem(item)
        self.update_buttons()

    def choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            translate("AssetForm", "Add photos"),
            str(Path.home()),
            translate("AssetForm", PHOTO_FILTER),
        )
        self.add_photo_files([Path(p) for p in paths])

    def add_photo_files(self, paths: list[Path]) -> None:
        """Check each photo now, so a refusal comes while the user still has the folder open."""
        self._clear_refusal()
        refused: list[str] = []
        for path in paths:
            try:
                data = path.read_bytes()
                photo_store.check_image(path.name, data)
            except OSError as error:
                refused.append(
                    translate("AssetForm", "'{name}' could not be read ({reason})").format(
                        name=path.name, reason=error.strerror
                    )
                )
                continue
            except BadInputError as error:
                refused.append(error.message)
                continue
            self._add_pending_photo(PendingPhoto(path.name, data))
        if refused:
            self._refuse("; ".join(refused))
        self.update_buttons()

    def _add_pending_photo(self, photo: PendingPhoto) -> None:
        item = QListWidgetItem(photo_thumbnail(photo.data), photo.file_name)
        item.setData(KEY_ROLE, photo)
        item.setToolTip(
            translate("AssetForm", "{name} ({size}), not saved yet").format(
                name=photo.file_name, size=size_text(len(photo.data))
            )
        )
        self.photo_list.addItem(item)
        self.photo_list.setCurrentItem(item)

    def remove_current_photo(self) -> None:
        item = self.photo_list.currentItem()
        if item is None:
            return
        stored = item.data(KEY_ROLE)
        if isinstance(stored, int):
            self.removed.append(stored)
        self.photo_list.takeItem(self.photo_list.row(item))
        self.update_buttons()

    def update_buttons(self) -> None:
        has_photos = self.photo_list.count() > 0
        self.photo_list.setVisible(has_photos)
        self.photo_note.setVisible(not has_photos)
        self.remove_photo_button.setVisible(has_photos)
        self.remove_photo_button.setEnabled(self.photo_list.currentItem() is not None)

    def pending(self) -> list[PendingPhoto]:
        items = (self.photo_list.item(i) for i in range(self.photo_list.count()))
        return [d for d in (i.data(KEY_ROLE) for i in items) if isinstance(d, PendingPhoto)]


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
