"""The asset import's Columns step: which columns fill the asset's fields, and the match key.

The key is how a row is found again when the same file (or an updated copy) is imported again;
it is proposed from the file (an identifier column, else name and postcode) and the user may
choose another. The personal-data tick box sits here too, though the Category step may force it
(a category that holds personal data flags its rows whatever the box says).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from assetmap.core.io import identity
from assetmap.core.io import preview as pv
from assetmap.core.io.fields import is_identifier_name, styling_columns
from assetmap.core.project import Project
from assetmap.qt.dialogs.imports.counting import counted
from assetmap.qt.dialogs.imports.field_mapping import FieldMapper
from assetmap.qt.dialogs.imports.style import note_label
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

# Marked here, translated where shown (``field_label``).
ASSET_FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name"),
    "description": QT_TRANSLATE_NOOP("ImportDialog", "Description"),
    "address": QT_TRANSLATE_NOOP("ImportDialog", "Address"),
    "postcode": QT_TRANSLATE_NOOP("ImportDialog", "Postcode"),
    "contact": QT_TRANSLATE_NOOP("ImportDialog", "Contact (email)"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "website": QT_TRANSLATE_NOOP("ImportDialog", "Website"),
    "opening_hours": QT_TRANSLATE_NOOP("ImportDialog", "Opening hours"),
    "audience": QT_TRANSLATE_NOOP("ImportDialog", "Who it is for"),
    "status": QT_TRANSLATE_NOOP("ImportDialog", "Status"),
    "verified_date": QT_TRANSLATE_NOOP("ImportDialog", "Last verified"),
}


def field_label(key: str) -> str:
    """An asset field's name in the app's language."""
    return translate("ImportDialog", ASSET_FIELD_LABELS[key])


MatchChoice = tuple[str, Any]  # ("key", field keys) or ("id", a column)


class ColumnsStep(QWidget):
    """The fields, the match key and the personal-data box; ``changed`` after any change."""

    changed = Signal()

    def __init__(self, project: Project, preview: Callable[[], pv.Preview | None]) -> None:
        super().__init__()
        self._project = project
        self._preview = preview
        self._match_choices: list[MatchChoice] = []
        self.match_chosen_by_user = False
        self._personal_own = False  # the user's choice, where the category leaves it to them
        layout = QVBoxLayout(self)
        self.fields = FieldMapper([(k, field_label(k)) for k in ASSET_FIELD_LABELS], columns=2)
        self.fields.changed.connect(self._on_fields_changed)
        layout.addWidget(self.fields)
        self.columns_note = note_label()
        layout.addWidget(self.columns_note)
        layout.addLayout(self._build_match_row())
        layout.addLayout(self._build_replaces_row())
        self.match_note = note_label()
        layout.addWidget(self.match_note)
        self.personal_check = QCheckBox(
            translate(
                "ImportDialog",
                "These assets are &personal data (a person's skills): keep them out of exports",
            )
        )
        self.personal_check.clicked.connect(self._personal_clicked)
        layout.addWidget(self.personal_check)
        layout.addStretch(1)

    def _build_match_row(self) -> QHBoxLayout:
        """How a row is found again when this file (or an updated copy) is imported again."""
        row = QHBoxLayout()
        label = QLabel(translate("ImportDialog", "&Match rows again by:"))
        self.match_combo = QComboBox()
        self.match_combo.setAccessibleName(translate("ImportDialog", "Match rows again by"))
        self.match_combo.setToolTip(
            translate(
                "ImportDialog",
                "Importing this file again updates the assets it made instead of adding them "
                "twice: an identifier column (a URN, an ODS code) is best; else name and postcode",
            )
        )
        self.match_combo.currentIndexChanged.connect(self._on_match_chosen)
        label.setBuddy(self.match_combo)
        row.addWidget(label)
        row.addWidget(self.match_combo, 1)
        return row

    def _build_replaces_row(self) -> QHBoxLayout:
        """An updated file often comes with a new name (libraries_2026.csv): the user says
        which earlier file it replaces, so its rows match that file's assets."""
        row = QHBoxLayout()
        self.replaces_label = QLabel(translate("ImportDialog", "This file &replaces:"))
        self.replaces_combo = QComboBox()
        self.replaces_combo.setAccessibleName(translate("ImportDialog", "This file replaces"))
        self.replaces_combo.setToolTip(
            translate(
                "ImportDialog",
                "Choose the file this one is a newer version of: its rows then update the "
                "assets that file made instead of adding them again",
            )
        )
        self.replaces_combo.currentIndexChanged.connect(self._on_replaces_chosen)
        self.replaces_label.setBuddy(self.replaces_combo)
        row.addWidget(self.replaces_label)
        row.addWidget(self.replaces_combo, 1)
        return row

    def fill_replaces_choices(self) -> None:
        """The files assets were imported from, under other names; hidden when none."""
        preview = self._preview()
        name = preview.path.name if preview is not None else ""
        others = [f for f in identity.imported_files(self._project) if f != name]
        self.replaces_combo.blockSignals(True)
        self.replaces_combo.clear()
        self.replaces_combo.addItem(
            translate("ImportDialog", "Nothing: a new file, or one of the same name")
        )
        for file_name in others:
            self.replaces_combo.addItem(file_name, file_name)
        self.replaces_combo.blockSignals(False)
        self.replaces_label.setVisible(bool(others))
        self.replaces_combo.setVisible(bool(others))

    def replaces(self) -> str | None:
        value = self.replaces_combo.currentData()
        return value if isinstance(value, str) else None

    # ---- filling from the preview
    def fill(self, result: pv.Preview) -> None:
        """The file's columns offered, its known fields chosen."""
        self.fields.set_columns(result.columns, result.fields)

    def propose_key(self) -> None:
        """Once every step is filled: the notes, and the match key proposed afresh."""
        self.update_columns_note()
        self.match_chosen_by_user = False
        self.fill_replaces_choices()
        self.fill_match_choices()

    def fill_match_choices(self) -> None:
        """Field keys, then each column as an identifier; the proposed one marked and chosen
        unless the user has chosen another."""
        preview = self._preview()
        if preview is None:
            return
        current = self._match_choice() if self.match_chosen_by_user else None
        proposed = self._proposed_key(preview)
        choices: list[tuple[str, MatchChoice]] = [
            (identity.ImportKey(parts).describe().capitalize(), ("key", parts))
            for parts in (identity.NAME_POSTCODE, identity.NAME_POSITION, ("name", "address"))
        ]
        identifier = translate("ImportDialog", "Identifier column '{column}'")
        choices += [(identifier.format(column=c), ("id", c)) for c in preview.columns]
        self.match_combo.blockSignals(True)
        self.match_combo.clear()
        for text, data in choices:
            shown = (
                translate("ImportDialog", "{choice} (proposed)").format(choice=text)
                if data == proposed
                else text
            )
            self.match_combo.addItem(shown)
        self._match_choices = [data for _text, data in choices]
        wanted = current if current is not None else proposed
        found = self._match_choices.index(wanted) if wanted in self._match_choices else 0
        self.match_combo.setCurrentIndex(found)
        self.match_combo.blockSignals(False)
        self._update_match_note()

    def _proposed_key(self, preview: pv.Preview) -> MatchChoice:
        """An identifier-like column whose values differ in every previewed row, else the
        default key (name and postcode, or name and position without postcodes)."""
        frame = preview.frame
        for column in preview.columns:
            values = frame[column].dropna().astype(str).str.strip()
            values = values[values != ""]
            if is_identifier_name(column) and len(values) == len(frame) and values.is_unique:
                return ("id", column)
        return ("key", identity.default_key(self.fields.mapping()).parts)

    # ---- what the user chose
    def _match_choice(self) -> MatchChoice | None:
        """The chosen key as (kind, value), kept in Python: Qt turns tuples into lists."""
        index = self.match_combo.currentIndex()
        choices = self._match_choices
        return choices[index] if 0 <= index < len(choices) else None

    def match_key(self) -> identity.ImportKey:
        choice = self._match_choice()
        if choice is None:
            preview = self._preview()
            assert preview is not None
            choice = self._proposed_key(preview)
        kind, value = choice
        return identity.ImportKey(id_column=value) if kind == "id" else identity.ImportKey(value)

    def force_personal(self, forced: bool, tooltip: str) -> None:
        """Ticked and fixed while the rows go to a personal-data category; else the user's."""
        self.personal_check.setChecked(True if forced else self._personal_own)
        self.personal_check.setEnabled(not forced)
        self.personal_check.setToolTip(tooltip)

    # ---- reacting
    @Slot()
    def _on_fields_changed(self) -> None:
        self.update_columns_note()
        self.fill_match_choices()
        self.changed.emit()

    @Slot(int)
    def _on_match_chosen(self, _index: int) -> None:
        self.match_chosen_by_user = True
        self._update_match_note()
        self.changed.emit()

    @Slot(int)
    def _on_replaces_chosen(self, _index: int) -> None:
        self._update_match_note()
        self.changed.emit()

    @Slot(bool)
    def _personal_clicked(self, checked: bool) -> None:
        self._personal_own = checked

    def _update_match_note(self) -> None:
        preview = self._preview()
        if preview is None:
            return
        name = self.replaces() or preview.path.name
        earlier = identity.earlier_assets(self._project, name)
        live = int((earlier["deleted"] == 0).sum()) if len(earlier) else 0
        key = self.match_key().describe()
        if live:
            text = translate(
                "ImportDialog",
                "{assets} came from a file named {file}: this import updates them where {key} "
                "match, adds the new rows, and lists (and keeps) those no longer in the file.",
            ).format(assets=counted(live, "asset"), file=name, key=key)
        else:
            text = translate(
                "ImportDialog",
                "Importing {file} again later will update these assets where {key} match.",
            ).format(file=name, key=key)
        self.match_note.setText(text)

    def update_columns_note(self) -> None:
        preview = self._preview()
        if preview is None:
            return
        mapping = self.fields.mapping()
        notes = []
        if "address" not in mapping and preview.address_parts:
            notes.append(
                translate("ImportDialog", "Address is built from {columns}.").format(
                    columns=", ".join(preview.address_parts)
                )
            )
        if "opening_hours" not in mapping and preview.opening_days:
            notes.append(
                translate("ImportDialog", "Opening hours come from {n} day columns.").format(
                    n=len(preview.opening_days)
                )
            )
        notes.append(
            translate(
                "ImportDialog",
                "Columns not used here are kept with each asset as extra fields; nothing is lost.",
            )
        )
        styling = [c for c in styling_columns(preview.frame) if c not in mapping.values()]
        if styling:
            notes.append(
                translate(
                    "ImportDialog",
                    "Not kept: {columns}, which only say how another map program drew the points.",
                ).format(columns=", ".join(styling))
            )
        self.columns_note.setText(" ".join(notes))
