"""The form to add an asset where the user clicked, or to edit one.

OK turns the form into core commands (one undo step: the asset with its photos), so the
GUI, the CLI and the tests change data the same way. Refusals from the core are shown
next to the field they name and the form stays open, so nothing typed is lost.

Its parts are modules of their own: the rows with their error lines (``rows``), the commands
OK pushes (``saving``), the category picker, the extra fields and the photos.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas, assets
from assetmap.core.commands import AddAsset
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.errors import BadInputError
from assetmap.core.io.postcodes import normalise_postcode
from assetmap.core.model import STATUSES, Asset, split_audience
from assetmap.qt.dialogs.asset_form.category_combo import CategoryCombo
from assetmap.qt.dialogs.asset_form.custom_rows import CustomRows
from assetmap.qt.dialogs.asset_form.photos import PhotoRows
from assetmap.qt.dialogs.asset_form.rows import (
    CONTACT_FIELDS,
    NOTE_COLOUR,
    WARNING_COLOUR,
    FieldRows,
    message_label,
    show_lines,
)
from assetmap.qt.dialogs.asset_form.saving import (
    added_uuid,
    changed_values,
    clean,
    edit_command,
    hours_lines,
    new_asset_command,
)
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.items import box_layout
from assetmap.qt.session import Session

PERSONAL_NOTE = QT_TRANSLATE_NOOP(
    "AssetForm", "Kept out of exports unless you choose to include it."
)
STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("AssetForm", "Active"),
    "closed": QT_TRANSLATE_NOOP("AssetForm", "Closed"),
    "proposed": QT_TRANSLATE_NOOP("AssetForm", "Proposed"),
}

# The last category chosen in each session: adding a run of similar assets stays quick.
_last_category: weakref.WeakKeyDictionary[Session, str] = weakref.WeakKeyDictionary()


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
        self._verified_touched = False
        self.setWindowTitle(
            translate("AssetForm", "Edit asset")
            if asset
            else translate("AssetForm", "Add an asset")
        )
        self.setAccessibleName(self.windowTitle())
        self._build()
        self._load(asset)
        self.custom_table.itemChanged.connect(lambda _item: self.custom.update_toggle())
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
        self.rows = FieldRows(self.form)
        self._build_identity_rows()
        self._build_contact_rows()
        self._build_status_rows()
        self._build_custom_rows()
        self._build_photo_rows()
        self.general_error = self.rows.add_general_error()

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(self._intro_label())
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(translate("AssetForm", "Asset details"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(
            translate("AssetForm", "Add asset")
            if self.original is None
            else translate("AssetForm", "Save changes")
        )
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(translate("AssetForm", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setDefault(True)  # only once inside the dialog, or Qt picks another
        self._set_tab_order()

    def _intro_label(self) -> QLabel:
        if self.original is not None:
            text = translate(
                "AssetForm", "Change what you need, then save. Undo takes the whole change back."
            )
        else:
            text = translate(
                "AssetForm",
                "A new asset where you clicked on the map. Only a name and a category are needed.",
            )
            if self.xy is not None and self._outside_areas(*self.xy):
                text += "\n" + translate("AssetForm", "This spot is outside the project's areas.")
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
        self.name_edit.setPlaceholderText(translate("AssetForm", "e.g. Tuesday lunch club"))
        self.name_edit.setMaxLength(300)
        self.rows.add(
            "name",
            translate("AssetForm", "&Name"),
            self.name_edit,
            translate("AssetForm", "Name (required)"),
        )
        self.category_combo = CategoryCombo(self.session.categories())
        self.category_combo.currentIndexChanged.connect(self._category_picked)
        self.rows.add(
            "category",
            translate("AssetForm", "&Category"),
            self.category_combo,
            translate("AssetForm", "Category"),
        )
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(
            translate("AssetForm", "What happens here, and when")
        )
        show_lines(self.description_edit, 4)
        self.rows.add(
            "description",
            translate("AssetForm", "&Description"),
            self.description_edit,
            translate("AssetForm", "Description"),
        )

    def _build_contact_rows(self) -> None:
        self.text_edits: dict[str, QLineEdit] = {}
        for key, label, accessible, placeholder in CONTACT_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(translate("AssetForm", placeholder))
            self.text_edits[key] = edit
            self.rows.add(
                key, translate("AssetForm", label), edit, translate("AssetForm", accessible)
            )
        self.address_edit = self.text_edits["address"]
        self.postcode_edit = self.text_edits["postcode"]
        self.postcode_edit.setMaximumWidth(160)
        self.contact_edit = self.text_edits["contact"]
        self.phone_edit = self.text_edits["phone"]
        self.website_edit = self.text_edits["website"]
        self.hours_edit = QPlainTextEdit()
        self.hours_edit.setTabChangesFocus(True)
        self.hours_edit.setPlaceholderText(
            translate("AssetForm", "e.g. Mon-Fri 09:00-17:00\nSat 10:00-12:00")
        )
        show_lines(self.hours_edit, 3)
        self.hours_edit.setToolTip(translate("AssetForm", "One line per day or period"))
        self.rows.add(
            "opening_hours",
            translate("AssetForm", "&Opening hours"),
            self.hours_edit,
            translate("AssetForm", "Opening hours"),
        )
        self.postcode_warning = message_label(WARNING_COLOUR)
        box_layout(self.rows.container("postcode")).addWidget(self.postcode_warning)
        self.postcode_edit.editingFinished.connect(self.tidy_postcode)
        self.postcode_edit.textEdited.connect(lambda _text: self.postcode_warning.hide())

    def _build_status_rows(self) -> None:
        self.audience_edit = QLineEdit()
        self.audience_edit.setPlaceholderText(
            translate("AssetForm", "e.g. older people, carers, families")
        )
        self.rows.add(
            "audience",
            translate("AssetForm", "Who is it &for?"),
            self.audience_edit,
            translate("AssetForm", "Who is it for?"),
        )
        self.audience_edit.setToolTip(translate("AssetForm", "Separate groups with commas"))
        self.status_combo = QComboBox()
        for status in STATUSES:
            label = STATUS_LABELS.get(status)
            shown = translate("AssetForm", label) if label else status.title()
            self.status_combo.addItem(shown, status)
        self.status_combo.setMinimumWidth(160)
        self.status_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.rows.add(
            "status",
            translate("AssetForm", "&Status"),
            self.status_combo,
            translate("AssetForm", "Status"),
        )
        self._build_verified_row()
        self.personal_check = QCheckBox(
            translate("AssetForm", "This is about a person (e.g. someone's skills)")
        )
        self.personal_check.setAccessibleName(translate("AssetForm", "Personal data"))
        self.personal_check.clicked.connect(self._personal_clicked)
        self._personal_own = False  # the user's choice, where the category leaves it to them
        personal = self.rows.add(
            "personal_data", translate("AssetForm", "Personal data"), self.personal_check, ""
        )
        self.personal_note = QLabel(translate("AssetForm", PERSONAL_NOTE))
        self.personal_note.setWordWrap(True)
        self.personal_note.setAccessibleName(translate("AssetForm", "About personal data"))
        self.personal_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        box_layout(personal).insertWidget(1, self.personal_note)

    def _build_verified_row(self) -> None:
        self.verified_date = QDateEdit()
        self.verified_date.setCalendarPopup(True)
        self.verified_date.setDisplayFormat("d MMM yyyy")
        self.verified_date.setDate(QDate.currentDate())
        self.verified_date.setMaximumDate(QDate.currentDate().addDays(1))
        self.verified_date.setAccessibleName(translate("AssetForm", "Verified on date"))
        self.verified_check = QCheckBox(translate("AssetForm", "Not verified yet"))
        self.verified_check.setAccessibleName(translate("AssetForm", "Not verified yet"))
        self.verified_check.toggled.connect(self._verified_toggled)
        self.verified_date.dateChanged.connect(self._touch_verified)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.verified_date)
        line.addWidget(self.verified_check)
        line.addStretch(1)
        self.rows.add(
            "verified_date",
            translate("AssetForm", "&Verified on"),
            row,
            "",
            buddy=self.verified_date,
        )

    def _build_custom_rows(self) -> None:
        before = dict(self.original.custom) if self.original else {}
        self.custom = CustomRows(self.session, before, self)
        self.custom_toggle = self.custom.custom_toggle
        self.custom_table = self.custom.custom_table
        self.add_field_button = self.custom.add_field_button
        box = self.rows.add("custom", "", self.custom_toggle, translate("AssetForm", "More fields"))
        box_layout(box).addWidget(self.custom_table)
        box_layout(box).addWidget(self.add_field_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_photo_rows(self) -> None:
        self.photos = PhotoRows(
            self.session,
            self,
            refuse=lambda text: self.rows.set_error("photos", text),
            clear_refusal=lambda: self.rows.hide_error("photos"),
        )
        self.photo_list = self.photos.photo_list
        self.add_photo_button = self.photos.add_photo_button
        self.remove_photo_button = self.photos.remove_photo_button
        self.photo_note = self.photos.photo_note
        buttons = self.photos.buttons_row
        box = self.rows.add(
            "photos", translate("AssetForm", "Photos"), buttons, "", buddy=self.add_photo_button
        )
        box_layout(box).insertWidget(1, self.photo_list)

    def _container(self, key: str) -> QWidget:
        return self.rows.container(key)

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
            self.custom.load({})
            self.photos.update_buttons()
            return
        self.name_edit.setText(asset.name)
        self.category_combo.set_key(asset.category)
        self.description_edit.setPlainText(asset.description or "")
        for key, edit in self.text_edits.items():
            edit.setText(getattr(asset, key) or "")
            edit.setCursorPosition(0)  # long addresses show their start
        hours = hours_lines(asset.opening_hours)
        self.hours_edit.setPlainText("\n".join(hours))
        show_lines(self.hours_edit, min(7, max(3, len(hours))))
        self.audience_edit.setText(", ".join(asset.audience))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(asset.status)))
        self._load_verified(asset.verified_date)
        self._personal_own = asset.personal_data
        self._follow_category_for_personal_data()
        self.custom.load(asset.custom)
        self.photos.load(asset.uuid)

    def _load_verified(self, text: str | None) -> None:
        date = QDate.fromString((text or "")[:10], Qt.DateFormat.ISODate)
        if date.isValid():
            self.verified_date.setDate(date)
        self.verified_check.setChecked(not date.isValid())
        if text and not date.isValid():
            self.verified_check.setToolTip(
                translate("AssetForm", "Stored as “{text}”, kept unless you change it").format(
                    text=text
                )
            )
        self._verified_touched = False

    # ---- reacting -----------------------------------------------------------------------
    def _category_picked(self, *_args: object) -> None:
        self._follow_category_for_personal_data()
        if self.category_combo.chosen() is not None:
            self.rows.hide_error("category")

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
            text = translate(
                "AssetForm", "Always ticked: “{category}” holds personal data. {note}"
            ).format(category=category.label, note=translate("AssetForm", PERSONAL_NOTE))
        else:
            text = translate("AssetForm", PERSONAL_NOTE)
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
            translate(
                "AssetForm",
                "“{text}” is not a full UK postcode (like M32 0TH). You can still save it as typed.",  # noqa: E501 (one literal, for lupdate)
            ).format(text=text)
        )
        self.postcode_warning.setVisible(show)

    def add_custom_row(self) -> None:
        self.custom.add_row()

    def add_photo_files(self, paths: list[Path]) -> None:
        self.photos.add_photo_files(paths)

    def remove_current_photo(self) -> None:
        self.photos.remove_current_photo()

    # ---- reading the form ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every field as the store keeps it (text stripped, empty as None)."""
        self.tidy_postcode()
        category = self.category_combo.key()
        values: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "category": category,
            "description": clean(self.description_edit.toPlainText()),
            **{key: clean(edit.text()) for key, edit in self.text_edits.items()},
            "opening_hours": self._hours_value(),
            "audience": split_audience(self.audience_edit.text()),
            "status": self.status_combo.currentData(),
            "verified_date": self._verified_value(),
            "personal_data": self.personal_check.isChecked(),
            "custom": {**self.custom.hidden, **self.custom.values(drop_empty=True)},
        }
        return values

    def _hours_value(self) -> str | None:
        """Lines are stored '; '-joined as imports write them; untouched text stays as it was."""
        lines = hours_lines(self.hours_edit.toPlainText().replace("\n", ";"))
        before = self.original.opening_hours if self.original else None
        if before and hours_lines(before) == lines:
            return clean(before)
        return "; ".join(lines) or None

    def _verified_value(self) -> str | None:
        if self.original is not None and not self._verified_touched:
            return self.original.verified_date
        if self.verified_check.isChecked():
            return None
        return self.verified_date.date().toString(Qt.DateFormat.ISODate)

    def _check(self, values: dict[str, Any]) -> None:
        """What the form can tell before asking the core, in the form's own words."""
        if not values["name"]:
            raise BadInputError(translate("AssetForm", "Give the asset a name."), field="name")
        if values["category"] is None:
            typed = self.category_combo.currentText().strip()
            message = (
                translate(
                    "AssetForm", "No single category matches “{typed}”: pick one from the list."
                ).format(typed=typed)
                if typed
                else translate("AssetForm", "Choose a category.")
            )
            raise BadInputError(message, field="category")
        named = [k for k in self.custom.names() if k]
        if len(named) != len(set(named)):
            raise BadInputError(
                translate("AssetForm", "Two of the other fields have the same name."),
                field="custom",
            )

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
            self.uuid = added_uuid(command)
        _last_category[self.session] = values["category"]
        super().accept()

    def _command(self, values: dict[str, Any]) -> Command | None:
        pending = self.photos.pending()
        if self.original is None:
            assert self.xy is not None
            return new_asset_command(self.xy, values, pending)
        return edit_command(self.original, values, self.photos.removed, pending)

    def changed_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Only what the user changed, so the change log and merges see just that."""
        assert self.original is not None
        return changed_values(self.original, values)

    # ---- errors ------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        self.rows.clear()

    def _show_error(self, error: BadInputError) -> None:
        key = error.field if error.field in self.rows.errors else ""
        text = error.message[:1].upper() + error.message[1:]
        if error.hint:
            text += f" ({error.hint})"
        self.rows.set_error(key, text)
        widget = self.rows.inputs.get(key)
        if widget is not None:
            widget.setFocus()
            self.scroll_area.ensureWidgetVisible(widget)
        if key == "custom":
            self.custom_toggle.setChecked(True)

    def _custom_key(self, row: int) -> str:
        return self.custom.key(row)

    def error_text(self, key: str) -> str:
        """The message shown next to a field ('' when none): what tests and screen readers see."""
        return self.rows.error_text(key)
