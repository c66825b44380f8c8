"""File ▸ Import ▸ OpenStreetMap assets…: an extract, the tag -> category mapping as an
editable table, a check that shows the import report, then one undoable import.

The check and the import are the CLI's (core.io.osm_assets through ImportAssets): the check
runs off the GUI thread with progress and Cancel on its own connection; the import is pushed
on the session's stack, so Edit ▸ Undo takes it out and importing again updates.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.commands.imports import ImportAssets
from assetmap.core.errors import AssetmapError
from assetmap.core.io.asset_import import PreparedAssets
from assetmap.core.io.osm_assets import ATTRIBUTION, OsmAssetOptions, prepare_osm_assets
from assetmap.core.io.osm_tag_rules import TagRule, default_rules, read_rules, write_rules
from assetmap.core.taxonomy import Category
from assetmap.qt.dialogs.imports.category_combo import CategoryNameDelegate
from assetmap.qt.dialogs.imports.workers import dry_run_work
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob

EXTRACT_FILTER = QT_TRANSLATE_NOOP("ImportOsm", "OpenStreetMap extracts (*.osm.pbf *.pbf *.osm)")
MAPPING_FILTER = QT_TRANSLATE_NOOP("ImportOsm", "Tag mapping (*.csv)")
HEADERS = (
    QT_TRANSLATE_NOOP("ImportOsm", "Tag"),
    QT_TRANSLATE_NOOP("ImportOsm", "Value"),
    QT_TRANSLATE_NOOP("ImportOsm", "Category"),
)


class TagMappingTable(QTableWidget):
    """The mapping, one rule a row; the first matching row wins. An unnamed feature's label
    rides along with its row, unseen."""

    def __init__(self, cats: Sequence[Category] = (), parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels([translate("ImportOsm", h) for h in HEADERS])
        # the category column: the project's categories to pick from, or a new name to type
        self.setItemDelegateForColumn(2, CategoryNameDelegate(cats, self))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)

    def set_rules(self, rules: list[TagRule]) -> None:
        self.setRowCount(0)
        for rule in rules:
            self.add_rule(rule)

    def add_rule(self, rule: TagRule | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        values = (rule.tag, rule.value, rule.category) if rule else ("amenity", "", "")
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            if column == 0 and rule is not None:
                item.setData(256, rule.label)  # Qt.UserRole
            self.setItem(row, column, item)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def rules(self) -> list[TagRule]:
        """The complete rows (tag, value and category all filled in)."""
        out = []
        for row in range(self.rowCount()):
            texts = [self._text(row, c) for c in range(len(HEADERS))]
            if all(texts):
                first = self.item(row, 0)
                label = first.data(256) if first is not None else ""
                tag, value, category = texts
                out.append(TagRule(tag, value, category, str(label or "")))
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""


class ImportOsmAssetsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prepared: PreparedAssets | None = None
        self.setWindowTitle(translate("ImportOsm", "Import assets from OpenStreetMap"))
        self.resize(640, 620)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(translate("ImportOsm", "an extract: .osm.pbf or .osm"))
        self.file_edit.textChanged.connect(self._forget_check)
        browse = QPushButton(translate("ImportOsm", "&Browse…"))
        browse.clicked.connect(self._browse)
        self.table = TagMappingTable(session.categories())
        self.table.set_rules(default_rules())
        self.table.itemChanged.connect(self._forget_check)
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(translate("ImportOsm", "Cancel"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.job = BackgroundJob(
            self, progress=self.progress, cancel_button=self.cancel_button, say=self.status.setText
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(
            translate("ImportOsm", "&Check"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            translate("ImportOsm", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        self.job.busyChanged.connect(self._busy)
        self._lay_out(browse)

    def _lay_out(self, browse: QPushButton) -> None:
        file_row = QHBoxLayout()
        label = QLabel(translate("ImportOsm", "&Extract:"))
        label.setBuddy(self.file_edit)
        file_row.addWidget(label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        rule_buttons = QHBoxLayout()
        for text, slot in (
            (translate("ImportOsm", "&Add row"), lambda: self.table.add_rule()),
            (translate("ImportOsm", "&Remove row"), self.table.remove_selected),
            (
                translate("ImportOsm", "Default &mapping"),
                lambda: self.table.set_rules(default_rules()),
            ),
            (translate("ImportOsm", "&Load…"), self._load_mapping),
            (translate("ImportOsm", "&Save…"), self._save_mapping),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)
        explain = QLabel(
            translate(
                "ImportOsm",
                "Features within the project's areas that carry a tag below become assets in its "
                "category (the first matching row wins). Categories are matched to the project's "
                "by name, plural and other names; others become new categories. Importing the "
                "same features again (by OpenStreetMap id) updates them.",
            )
        )
        explain.setWordWrap(True)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(explain)
        layout.addWidget(self.table, 2)
        layout.addLayout(rule_buttons)
        layout.addWidget(self.report_text, 1)
        layout.addLayout(busy_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # ---- choosing
    def set_extract(self, path: str | Path) -> None:
        self.file_edit.setText(str(path))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportOsm", "OpenStreetMap extract"),
            "",
            translate("ImportOsm", EXTRACT_FILTER),
        )
        if path:
            self.set_extract(path)

    def _load_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ImportOsm", "Tag mapping"), "", translate("ImportOsm", MAPPING_FILTER)
        )
        if path:
            try:
                self.table.set_rules(read_rules(path))
            except AssetmapError as exc:
                self.status.setText(str(exc))

    def _save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("ImportOsm", "Tag mapping"),
            "osm_tags.csv",
            translate("ImportOsm", MAPPING_FILTER),
        )
        if path:
            write_rules(path, self.table.rules())

    def options(self) -> OsmAssetOptions:
        return OsmAssetOptions(rules=self.table.rules())

    # ---- checking, then importing
    def check(self) -> None:
        path = Path(self.file_edit.text().strip())
        self._forget_check()
        work = dry_run_work(self.session.project.path, path, self.options(), prepare_osm_assets)
        reading = translate("ImportOsm", "Reading the extract…")
        self.job.start(work, self._checked, self._failed, message=reading)

    def _checked(self, prepared: Any) -> None:
        self.prepared = prepared
        report = prepared.report
        self.report_text.setPlainText("\n".join(report.lines(limit=30)))
        self.status.setText(
            translate(
                "ImportOsm", "Checked: press Import to add the assets (Edit ▸ Undo takes them out)."
            )
        )
        self.import_button.setText(
            translate("ImportOsm", "&Import again")
            if report.reimport
            else translate("ImportOsm", "&Import")
        )
        self.import_button.setEnabled(True)

    def _failed(self, error: BaseException, _trace: str) -> None:
        self.report_text.setPlainText(str(error))
        self.status.setText(translate("ImportOsm", "Nothing can be imported: see above."))

    def commit(self) -> None:
        if self.prepared is None:
            return
        try:
            self.session.push(ImportAssets(self.prepared, attribution=ATTRIBUTION))
        except AssetmapError as exc:
            self.report_text.setPlainText(str(exc))
            return
        self.accept()

    def _forget_check(self, *_args: object) -> None:
        self.prepared = None
        self.import_button.setEnabled(False)

    def _busy(self, busy: bool) -> None:
        for widget in (self.check_button, self.table, self.file_edit):
            widget.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
