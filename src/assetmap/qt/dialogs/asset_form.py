"""The form to add an asset where the user clicked, or to edit one.

OK turns the form into core commands (one undo step: the asset with its photos), so the
GUI, the CLI and the tests change data the same way. Refusals from the core are shown
next to the field they name and the form stays open, so nothing typed is lost.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas, assets, custom_fields
from assetmap.core import attachments as photo_store
from assetmap.core.commands import AddAsset, EditAsset
from assetmap.core.commands.attachments import AddAttachment, RemoveAttachment
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.errors import BadInputError
from assetmap.core.io.postcodes import normalise_postcode
from assetmap.core.model import STATUSES, Asset, new_uuid, split_audience
from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.items import box_layout, cell
from assetmap.qt.session import Session

KEY_ROLE = Qt.ItemDataRole.UserRole
ERROR_COLOUR = "#B00020"
WARNING_COLOUR = "#8A5300"
NOTE_COLOUR = "#555555"
PERSONAL_NOTE = "Kept out of exports unless you choose to include it."
THUMB_PX = 88
PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.webp *.gif);;All files (*)"
STATUS_LABELS = {"active": "Active", "closed": "Closed", "proposed": "Proposed"}

# The last category chosen in each session: adding a run of similar assets stays quick.
_last_category: weakref.WeakKeyDictionary[Session, str] = weakref.WeakKeyDictionary()


def category_icon(category: Category, size: int = 14, dpr: float = 2.0) -> QIcon:
    """The symbol the map draws for a category, so the list and the map agree."""
    return QIcon(QPixmap.fromImage(sprite(category.symbol, category.colour, size, dpr)))


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


def field_defs(session: Session) -> list[tuple[str, str]]:
    """(name, type) of the project's custom fields, in the order importers added them;
    codes and identifiers are text, so '007' stays '007'."""
    return [(d.name, d.type) for d in custom_fields.all_defs(session.project)]


def custom_text(value: Any) -> str:
    """A stored extra value as the user reads and edits it (160.0 shows as 160)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _clean(value: Any) -> Any:
    """How the store will keep a value (stripped text, empty as None), for comparisons."""
    if isinstance(value, str):
        return value.strip() or None
    return value


class CategoryCombo(QComboBox):
    """Categories under their group names, each with its map symbol; typing filters the list
    by any part of a name ("food" finds "Food banks and pantries")."""

    def __init__(self, categories: list[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_label = {c.label.casefold(): c for c in categories}
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(18)
        self.setModel(self._grouped_model(categories))
        self.setCompleter(self._search_completer(categories))
        edit = self.lineEdit()
        assert edit is not None  # an editable combo has its line edit
        edit.setPlaceholderText("Type to search, or pick from the list")
        edit.editingFinished.connect(self._settle)
        self.setCurrentIndex(-1)

    def _grouped_model(self, categories: list[Category]) -> QStandardItemModel:
        model = QStandardItemModel(self)
        group = None
        for category in categories:
            if category.group != group:
                group = category.group
                model.appendRow(self._group_header(group))
            item = QStandardItem(category_icon(category), category.label)
            item.setData(category.key, KEY_ROLE)
            item.setToolTip(category.group)
            model.appendRow(item)
        return model

    @staticmethod
    def _group_header(group: str) -> QStandardItem:
        header = QStandardItem(group.upper())
        header.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, never chosen
        font = QFont()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        header.setFont(font)
        header.setForeground(QColor("#5A5A5A"))
        return header

    def _search_completer(self, categories: list[Category]) -> QCompleter:
        model = QStandardItemModel(self)
        for category in categories:
            model.appendRow(QStandardItem(category_icon(category), category.label))
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # PySide6's stub has no indexing of a signal by its overload
        completer.activated[str].connect(self._choose_label)  # type: ignore[index]
        return completer

    def _choose_label(self, label: str) -> None:
        category = self._by_label.get(label.casefold())
        if category is not None:
            self.set_key(category.key)

    def _settle(self) -> None:
        """Show the full name of what a partial entry will save, or leave it for the error."""
        category = self.chosen()
        if category is not None and self.currentText() != category.label:
            self.set_key(category.key)

    def chosen(self) -> Category | None:
        """The category the text names: an exact name, or the only name containing it."""
        text = self.currentText().strip().casefold()
        if not text:
            return None
        if text in self._by_label:
            return self._by_label[text]
        matches = [c for label, c in self._by_label.items() if text in label]
        return matches[0] if len(matches) == 1 else None

    def key(self) -> str | None:
        category = self.chosen()
        return category.key if category else None

    def set_key(self, key: str | None) -> None:
        index = self.findData(key, KEY_ROLE) if key else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")


@dataclass
class PendingPhoto:
    """A photo chosen in this form but not yet in the project."""

    file_name: str
    data: bytes


class AssetForm(QDialog):
    """Add or edit one asset. After a successful OK, ``uuid`` names the asset saved."""

    def __init__(
        self,
        session: Session,
        asset: Asset | None,
        xy: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.original = asset
        self.xy = xy
        self.uuid: str | None = asset.uuid if asset else None
        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self._field_defs = custom_fields.by_name(session.project)
        self._field_types = {name: d.type for name, d in self._field_defs.items()}
        self._custom_before: dict[str, Any] = dict(asset.custom) if asset else {}
        # Map styling an older import kept (marker-color): not shown, kept as it was.
        self._custom_hidden = {
            k: v for k, v in self._custom_before.items() if custom_fields.is_hidden(k)
        }
        self._verified_touched = False
        self._removed_photos: list[int] = []
        self.setWindowTitle("Edit asset" if asset else "Add an asset")
        self.setAccessibleName(self.windowTitle())
        self._build()
        self._load(asset)
        self.custom_table.itemChanged.connect(lambda _item: self._update_custom_toggle())
        self._fit_to_screen()
        self.name_edit.setFocus()

    def _fit_to_screen(self) -> None:
        """As tall as the fields need, but never taller than a 1280×720 screen allows."""
        page = self.scroll_area.widget()
        assert page is not None  # set in _build
        for widget in reversed(page.findChildren(QWidget)):  # drop sizes cached before
            if (layout := widget.layout()) is not None:  # some fields were hidden
                layout.invalidate()
            widget.updateGeometry()
        self.form.invalidate()
        if (layout := page.layout()) is not None:
            layout.invalidate()
        wanted = page.sizeHint().height() + self.buttons.sizeHint().height() + 40
        screen = self.screen().availableGeometry().height() if self.screen() else 720
        self.resize(640, max(420, min(wanted, 680, screen - 40)))

    # ---- constructors -----------------------------------------------------------------
    @classmethod
    def for_new(
        cls, session: Session, x: float, y: float, parent: QWidget | None = None
    ) -> AssetForm:
        return cls(session, None, (float(x), float(y)), parent)

    @classmethod
    def for_edit(cls, session: Session, uuid: str, parent: QWidget | None = None) -> AssetForm:
        return cls(session, assets.get(session.project, uuid), None, parent)

    # ---- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(6)
        self._build_identity_rows()
        self._build_contact_rows()
        self._build_status_rows()
        self._build_custom_rows()
        self._build_photo_rows()
        self.general_error = self._message_label(ERROR_COLOUR)
        self._errors[""] = self.general_error
        self.form.addRow(self.general_error)

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(self._intro_label())
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add asset" if self.original is None else "Save changes")
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setDefault(True)  # only once inside the dialog, or Qt picks another
        self._set_tab_order()

    def _intro_label(self) -> QLabel:
        if self.original is not None:
            text = "Change what you need, then save. Undo takes the whole change back."
        else:
            text = (
                "A new asset where you clicked on the map. Only a name and a category are needed."
            )
            if self.xy is not None and self._outside_areas(*self.xy):
                text += "\nThis spot is outside the project's areas."
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {NOTE_COLOUR};")
        return label

    def _outside_areas(self, x: float, y: float) -> bool:
        if not areas.list_sets(self.session.project):
            return False
        point = np.array([shapely.points(x, y)], dtype=object)
        return bool(areas.outside_all(self.session.project, point)[0])

    def _build_identity_rows(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("e.g. Tuesday lunch club")
        self.name_edit.setMaxLength(300)
        self._add_row("name", "&Name", self.name_edit, "Name (required)")
        self.category_combo = CategoryCombo(self.session.categories())
        self.category_combo.currentIndexChanged.connect(self._category_picked)
        self._add_row("category", "&Category", self.category_combo, "Category")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText("What happens here, and when")
        _show_lines(self.description_edit, 4)
        self._add_row("description", "&Description", self.description_edit, "Description")

    def _build_contact_rows(self) -> None:
        specs = (
            ("address", "&Address", "Address", "Street address"),
            ("postcode", "&Postcode", "Postcode", "e.g. M32 0TH"),
            ("contact", "Con&tact", "Contact person", "Who to ask for"),
            ("phone", "P&hone", "Phone", "e.g. 0161 912 2000"),
            ("website", "&Website", "Website", "e.g. www.example.org"),
        )
        self.text_edits: dict[str, QLineEdit] = {}
        for key, label, accessible, placeholder in specs:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.text_edits[key] = edit
            self._add_row(key, label, edit, accessible)
        self.address_edit = self.text_edits["address"]
        self.postcode_edit = self.text_edits["postcode"]
        self.postcode_edit.setMaximumWidth(160)
        self.contact_edit = self.text_edits["contact"]
        self.phone_edit = self.text_edits["phone"]
        self.website_edit = self.text_edits["website"]
        self.hours_edit = QPlainTextEdit()
        self.hours_edit.setTabChangesFocus(True)
        self.hours_edit.setPlaceholderText("e.g. Mon-Fri 09:00-17:00\nSat 10:00-12:00")
        _show_lines(self.hours_edit, 3)
        self.hours_edit.setToolTip("One line per day or period")
        self._add_row("opening_hours", "&Opening hours", self.hours_edit, "Opening hours")
        self.postcode_warning = self._message_label(WARNING_COLOUR)
        box_layout(self._container("postcode")).addWidget(self.postcode_warning)
        self.postcode_edit.editingFinished.connect(self.tidy_postcode)
        self.postcode_edit.textEdited.connect(lambda _text: self.postcode_warning.hide())

    def _build_status_rows(self) -> None:
        self.audience_edit = QLineEdit()
        self.audience_edit.setPlaceholderText("e.g. older people, carers, families")
        self._add_row("audience", "Who is it &for?", self.audience_edit, "Who is it for?")
        self.audience_edit.setToolTip("Separate groups with commas")
        self.status_combo = QComboBox()
        for status in STATUSES:
            self.status_combo.addItem(STATUS_LABELS.get(status, status.title()), status)
        self.status_combo.setMinimumWidth(160)
        self.status_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._add_row("status", "&Status", self.status_combo, "Status")
        self._build_verified_row()
        self.personal_check = QCheckBox("This is about a person (e.g. someone's skills)")
        self.personal_check.setAccessibleName("Personal data")
        self.personal_check.clicked.connect(self._personal_clicked)
        self._personal_own = False  # the user's choice, where the category leaves it to them
        personal = self._add_row("personal_data", "Personal data", self.personal_check, "")
        self.personal_note = QLabel(PERSONAL_NOTE)
        self.personal_note.setWordWrap(True)
        self.personal_note.setAccessibleName("About personal data")
        self.personal_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        box_layout(personal).insertWidget(1, self.personal_note)

    def _build_verified_row(self) -> None:
        self.verified_date = QDateEdit()
        self.verified_date.setCalendarPopup(True)
        self.verified_date.setDisplayFormat("d MMM yyyy")
        self.verified_date.setDate(QDate.currentDate())
        self.verified_date.setMaximumDate(QDate.currentDate().addDays(1))
        self.verified_date.setAccessibleName("Verified on date")
        self.verified_check = QCheckBox("Not verified yet")
        self.verified_check.setAccessibleName("Not verified yet")
        self.verified_check.toggled.connect(self._verified_toggled)
        self.verified_date.dateChanged.connect(self._touch_verified)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.verified_date)
        line.addWidget(self.verified_check)
        line.addStretch(1)
        self._add_row("verified_date", "&Verified on", row, "", buddy=self.verified_date)

    def _build_custom_rows(self) -> None:
        self.custom_toggle = QToolButton()
        self.custom_toggle.setCheckable(True)
        self.custom_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.custom_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.custom_toggle.setAutoRaise(True)
        self.custom_toggle.toggled.connect(self._show_custom)
        self.custom_table = QTableWidget(0, 2)
        self.custom_table.setHorizontalHeaderLabels(["Field", "Value"])
        self.custom_table.setAccessibleName("Other fields")
        self.custom_table.verticalHeader().hide()
        self.custom_table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().lineSpacing() + 10
        )
        self.custom_table.setTabKeyNavigation(False)
        self.custom_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.custom_table.horizontalHeader().setStretchLastSection(True)
        self.custom_table.setEditTriggers(
            QTableWidget.EditTrigger.AllEditTriggers & ~QTableWidget.EditTrigger.CurrentChanged
        )
        self.custom_table.setMinimumHeight(170)
        self.add_field_button = QPushButton("Add field")
        self.add_field_button.setAccessibleName("Add a field")
        self.add_field_button.clicked.connect(self.add_custom_row)
        box = self._add_row("custom", "", self.custom_toggle, "More fields")
        box_layout(box).addWidget(self.custom_table)
        box_layout(box).addWidget(self.add_field_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_photo_rows(self) -> None:
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.photo_list.setGridSize(QSize(THUMB_PX + 28, THUMB_PX + 30))
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setFixedHeight(THUMB_PX + 52)
        self.photo_list.setAccessibleName("Photos")
        self.photo_list.currentItemChanged.connect(lambda *_: self._update_photo_buttons())
        self.add_photo_button = QPushButton("Add photo…")
        self.add_photo_button.setAccessibleName("Add photo")
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.remove_photo_button = QPushButton("R&emove photo")
        self.remove_photo_button.setAccessibleName("Remove the chosen photo")
        self.remove_photo_button.clicked.connect(self.remove_current_photo)
        self.photo_note = QLabel("No photos yet. JPEG, PNG, WebP or GIF, up to 10 MB each.")
        self.photo_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_photo_button)
        buttons.addWidget(self.remove_photo_button)
        buttons.addWidget(self.photo_note, 1)
        row = QWidget()
        row.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        box = self._add_row("photos", "Photos", row, "", buddy=self.add_photo_button)
        box_layout(box).insertWidget(1, self.photo_list)

    def _add_row(
        self, key: str, label: str, widget: QWidget, accessible: str, buddy: QWidget | None = None
    ) -> QWidget:
        """A field with its error line underneath, so refusals appear where the eye is."""
        if accessible:
            widget.setAccessibleName(accessible)
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._message_label(ERROR_COLOUR)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(buddy or widget)
        self.form.addRow(caption, container)
        self._errors[key] = error
        self._inputs[key] = buddy or widget
        return container

    def _container(self, key: str) -> QWidget:
        container = self._errors[key].parentWidget()
        assert container is not None  # _add_row put the error line in it
        return container

    @staticmethod
    def _message_label(colour: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {colour};")
        label.hide()
        return label

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_edit,
            self.category_combo,
            self.description_edit,
            *self.text_edits.values(),
            self.hours_edit,
            self.audience_edit,
            self.status_combo,
            self.verified_date,
            self.verified_check,
            self.personal_check,
            self.custom_toggle,
            self.custom_table,
            self.add_field_button,
            self.photo_list,
            self.add_photo_button,
            self.remove_photo_button,
            self.ok_button,
            self.cancel_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ---- filling in -------------------------------------------------------------------
    def _load(self, asset: Asset | None) -> None:
        if asset is None:
            self.category_combo.set_key(_last_category.get(self.session))
            self._category_picked()
            self.verified_check.setChecked(True)
            self._load_custom({})
            self._update_photo_buttons()
            return
        self.name_edit.setText(asset.name)
        self.category_combo.set_key(asset.category)
        self.description_edit.setPlainText(asset.description or "")
        for key, edit in self.text_edits.items():
            edit.setText(getattr(asset, key) or "")
            edit.setCursorPosition(0)  # long addresses show their start
        hours = _hours_lines(asset.opening_hours)
        self.hours_edit.setPlainText("\n".join(hours))
        _show_lines(self.hours_edit, min(7, max(3, len(hours))))
        self.audience_edit.setText(", ".join(asset.audience))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(asset.status)))
        self._load_verified(asset.verified_date)
        self._personal_own = asset.personal_data
        self._follow_category_for_personal_data()
        self._load_custom(asset.custom)
        self._load_photos(asset.uuid)

    def _load_verified(self, text: str | None) -> None:
        date = QDate.fromString((text or "")[:10], Qt.DateFormat.ISODate)
        if date.isValid():
            self.verified_date.setDate(date)
        self.verified_check.setChecked(not date.isValid())
        if text and not date.isValid():
            self.verified_check.setToolTip(f"Stored as “{text}”, kept unless you change it")
        self._verified_touched = False

    def _load_custom(self, custom: dict[str, Any]) -> None:
        """The project's fields in the source's order, then any this asset alone has."""
        keys = [name for name in self._field_types if name in custom]
        keys += [n for n in custom if n not in self._field_types and not custom_fields.is_hidden(n)]
        keys += [name for name in self._field_types if name not in custom]
        for key in keys:
            self._append_custom_row(key, custom.get(key), key_editable=False)
        self._update_custom_toggle()

    def _append_custom_row(self, key: str, value: Any, *, key_editable: bool) -> int:
        """Existing fields show their label and keep their name (the stored key) behind it."""
        row = self.custom_table.rowCount()
        self.custom_table.insertRow(row)
        label = custom_fields.label_of(self._field_defs, key) if key else key
        key_item = QTableWidgetItem(label)
        if not key_editable:
            key_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            key_item.setData(KEY_ROLE, key)
            if label != key:
                key_item.setToolTip(f"From the column '{key}'")
        self.custom_table.setItem(row, 0, key_item)
        self.custom_table.setItem(row, 1, QTableWidgetItem(custom_text(value)))
        return row

    def _load_photos(self, uuid: str) -> None:
        project = self.session.project
        for info in photo_store.list_for(project, uuid):
            icon = photo_thumbnail(photo_store.data(project, info.id))
            item = QListWidgetItem(icon, info.file_name)
            item.setData(KEY_ROLE, info.id)
            item.setToolTip(f"{info.file_name} ({_size_text(info.size)})")
            self.photo_list.addItem(item)
        self._update_photo_buttons()

    # ---- reacting -----------------------------------------------------------------------
    def _category_picked(self, *_args: object) -> None:
        self._follow_category_for_personal_data()
        if self.category_combo.chosen() is not None:
            self._errors["category"].hide()

    def _personal_clicked(self, checked: bool) -> None:
        self._personal_own = checked

    def _follow_category_for_personal_data(self) -> None:
        """A personal-data category always flags its assets (the store does the same): the box
        is ticked and locked there, and says why; elsewhere it is the user's own choice."""
        category = self.category_combo.chosen()
        forced = category is not None and category.personal_data
        self.personal_check.setChecked(True if forced else self._personal_own)
        self.personal_check.setEnabled(not forced)
        if forced:
            assert category is not None
            text = f"Always ticked: “{category.label}” holds personal data. {PERSONAL_NOTE}"
        else:
            text = PERSONAL_NOTE
        self.personal_note.setText(text)
        self.personal_check.setToolTip(text)

    def _verified_toggled(self, not_verified: bool) -> None:
        self.verified_date.setEnabled(not not_verified)
        self._touch_verified()

    def _touch_verified(self, *_args: object) -> None:
        self._verified_touched = True

    def tidy_postcode(self) -> None:
        """Write the postcode the standard way, and warn (never refuse) when it isn't one."""
        text = self.postcode_edit.text().strip()
        normalised = normalise_postcode(text)
        if normalised:
            self.postcode_edit.setText(normalised)
        show = bool(text) and normalised is None
        self.postcode_warning.setText(
            f"“{text}” is not a full UK postcode (like M32 0TH). You can still save it as typed."
        )
        self.postcode_warning.setVisible(show)

    def _show_custom(self, shown: bool) -> None:
        self.custom_table.setVisible(shown)
        self.add_field_button.setVisible(shown)
        self.custom_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _update_custom_toggle(self) -> None:
        filled = sum(1 for value in self._custom_values().values() if value is not None)
        text = "&More fields"
        if filled:
            text += f" ({filled} filled in)"
        self.custom_toggle.setText(text)
        self._show_custom(self.custom_toggle.isChecked())

    def add_custom_row(self) -> None:
        """A new key the project has not used yet; the user types its name first."""
        self.custom_toggle.setChecked(True)
        row = self._append_custom_row("", None, key_editable=True)
        self.custom_table.setCurrentCell(row, 0)
        self.custom_table.setFocus()
        self.custom_table.editItem(cell(self.custom_table, row, 0))

    def choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add photos", str(Path.home()), PHOTO_FILTER)
        self.add_photo_files([Path(p) for p in paths])

    def add_photo_files(self, paths: list[Path]) -> None:
        """Check each photo now, so a refusal comes while the user still has the folder open."""
        self._errors["photos"].hide()
        refused: list[str] = []
        for path in paths:
            try:
                data = path.read_bytes()
                photo_store.check_image(path.name, data)
            except OSError as error:
                refused.append(f"'{path.name}' could not be read ({error.strerror})")
                continue
            except BadInputError as error:
                refused.append(error.message)
                continue
            self._add_pending_photo(PendingPhoto(path.name, data))
        if refused:
            self._set_error("photos", "; ".join(refused))
        self._update_photo_buttons()

    def _add_pending_photo(self, photo: PendingPhoto) -> None:
        item = QListWidgetItem(photo_thumbnail(photo.data), photo.file_name)
        item.setData(KEY_ROLE, photo)
        item.setToolTip(f"{photo.file_name} ({_size_text(len(photo.data))}), not saved yet")
        self.photo_list.addItem(item)
        self.photo_list.setCurrentItem(item)

    def remove_current_photo(self) -> None:
        item = self.photo_list.currentItem()
        if item is None:
            return
        stored = item.data(KEY_ROLE)
        if isinstance(stored, int):
            self._removed_photos.append(stored)
        self.photo_list.takeItem(self.photo_list.row(item))
        self._update_photo_buttons()

    def _update_photo_buttons(self) -> None:
        has_photos = self.photo_list.count() > 0
        self.photo_list.setVisible(has_photos)
        self.photo_note.setVisible(not has_photos)
        self.remove_photo_button.setVisible(has_photos)
        self.remove_photo_button.setEnabled(self.photo_list.currentItem() is not None)

    # ---- reading the form ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every field as the store keeps it (text stripped, empty as None)."""
        self.tidy_postcode()
        category = self.category_combo.key()
        values: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "category": category,
            "description": _clean(self.description_edit.toPlainText()),
            **{key: _clean(edit.text()) for key, edit in self.text_edits.items()},
            "opening_hours": self._hours_value(),
            "audience": split_audience(self.audience_edit.text()),
            "status": self.status_combo.currentData(),
            "verified_date": self._verified_value(),
            "personal_data": self.personal_check.isChecked(),
            "custom": {**self._custom_hidden, **self._custom_values(drop_empty=True)},
        }
        return values

    def _hours_value(self) -> str | None:
        """Lines are stored '; '-joined as imports write them; untouched text stays as it was."""
        lines = _hours_lines(self.hours_edit.toPlainText().replace("\n", ";"))
        before = self.original.opening_hours if self.original else None
        if before and _hours_lines(before) == lines:
            return _clean(before)
        return "; ".join(lines) or None

    def _verified_value(self) -> str | None:
        if self.original is not None and not self._verified_touched:
            return self.original.verified_date
        if self.verified_check.isChecked():
            return None
        return self.verified_date.date().toString(Qt.DateFormat.ISODate)

    def _custom_values(self, drop_empty: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for row in range(self.custom_table.rowCount()):
            key, value_item = self._custom_key(row), self.custom_table.item(row, 1)
            text = value_item.text().strip() if value_item else ""
            if not key or (drop_empty and not text):
                continue
            out[key] = self._custom_value(key, text) if text else None
        return out

    def _custom_key(self, row: int) -> str:
        """The stored name of the row's field (a new row's is what the user typed)."""
        item = self.custom_table.item(row, 0)
        if item is None:
            return ""
        key = item.data(KEY_ROLE)
        return str(key) if key else item.text().strip()

    def _custom_value(self, key: str, text: str) -> Any:
        """Keep the original value (and its number type) unless the user changed its text."""
        before = self._custom_before.get(key)
        if before is not None and custom_text(before) == text:
            return before
        kind = self._field_types.get(key, "text")
        try:
            if kind == "integer":
                return int(text)
            if kind == "number":
                number = float(text)
                return number if math.isfinite(number) else text
        except ValueError:
            return text
        return text

    def _check(self, values: dict[str, Any]) -> None:
        """What the form can tell before asking the core, in the form's own words."""
        if not values["name"]:
            raise BadInputError("Give the asset a name.", field="name")
        if values["category"] is None:
            typed = self.category_combo.currentText().strip()
            message = (
                f"No single category matches “{typed}”: pick one from the list."
                if typed
                else "Choose a category."
            )
            raise BadInputError(message, field="category")
        keys = [self._custom_key(row) for row in range(self.custom_table.rowCount())]
        named = [k for k in keys if k]
        if len(named) != len(set(named)):
            raise BadInputError("Two of the other fields have the same name.", field="custom")

    # ---- saving ------------------------------------------------------------------------
    def accept(self) -> None:
        self._clear_errors()
        try:
            values = self.values()
            self._check(values)
            command = self._command(values)
            if command is not None:
                self.session.push(command)
        except BadInputError as error:
            self._show_error(error)
            return
        if isinstance(command, (AddAsset, CommandGroup)) and self.original is None:
            self.uuid = _added_uuid(command)
        _last_category[self.session] = values["category"]
        super().accept()

    def _command(self, values: dict[str, Any]) -> Command | None:
        if self.original is None:
            return self._new_asset_command(values)
        return self._edit_command(values)

    def _new_asset_command(self, values: dict[str, Any]) -> Command:
        assert self.xy is not None
        uuid = new_uuid()
        asset = Asset(uuid=uuid, x=self.xy[0], y=self.xy[1], **values)
        photos = [AddAttachment(uuid, p.file_name, p.data) for p in self._pending_photos()]
        if not photos:
            return AddAsset(asset)
        label = f"Add asset '{asset.name}' with {_count(len(photos), 'photo')}"
        return CommandGroup([AddAsset(asset), *photos], label)

    def _edit_command(self, values: dict[str, Any]) -> Command | None:
        assert self.original is not None
        uuid = self.original.uuid
        changed = self.changed_values(values)
        commands: list[Command] = [EditAsset(uuid, changed)] if changed else []
        commands += [RemoveAttachment(i) for i in self._removed_photos]
        commands += [AddAttachment(uuid, p.file_name, p.data) for p in self._pending_photos()]
        if len(commands) <= 1:
            return commands[0] if commands else None
        return CommandGroup(commands, f"Edit '{values['name']}'")

    def changed_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Only what the user changed, so the change log and merges see just that."""
        assert self.original is not None
        return {
            key: value
            for key, value in values.items()
            if _clean(getattr(self.original, key)) != value
        }

    def _pending_photos(self) -> list[PendingPhoto]:
        items = (self.photo_list.item(i) for i in range(self.photo_list.count()))
        return [d for d in (i.data(KEY_ROLE) for i in items) if isinstance(d, PendingPhoto)]

    # ---- errors ------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()

    def _show_error(self, error: BadInputError) -> None:
        key = error.field if error.field in self._errors else ""
        text = error.message[:1].upper() + error.message[1:]
        if error.hint:
            text += f" ({error.hint})"
        self._set_error(key, text)
        widget = self._inputs.get(key)
        if widget is not None:
            widget.setFocus()
            self.scroll_area.ensureWidgetVisible(widget)
        if key == "custom":
            self.custom_toggle.setChecked(True)

    def _set_error(self, key: str, text: str) -> None:
        label = self._errors[key]
        label.setText(text)
        label.setAccessibleName(f"Problem: {text}")
        label.show()

    def error_text(self, key: str) -> str:
        """The message shown next to a field ('' when none): what tests and screen readers see."""
        label = self._errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""


def _show_lines(edit: QPlainTextEdit, lines: int) -> None:
    """Exactly ``lines`` lines tall, so no line shows cut in half."""
    margin = edit.document().documentMargin()
    height = lines * edit.fontMetrics().lineSpacing() + 2 * margin + 2 * edit.frameWidth()
    edit.setFixedHeight(math.ceil(height) + 2)


def _hours_lines(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def _added_uuid(command: Command) -> str:
    first = command.commands[0] if isinstance(command, CommandGroup) else command
    assert isinstance(first, AddAsset)
    return first.asset.uuid


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
