"""The dialog that merges one category into another, saying exactly what will happen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands import MergeCategories
from assetmap.core.errors import BadInputError
from assetmap.qt.dialogs.category_manager.error_label import error_label
from assetmap.qt.dialogs.category_manager.listing import category_counts, ordered_categories
from assetmap.qt.dialogs.category_manager.pickers import symbol_icon
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session


class MergeDialog(QDialog):
    """Choose where a category's assets go; the sentence says exactly what will happen."""

    def __init__(self, session: Session, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source = session.category(source) or categories.get(session.project, source)
        self.counts = category_counts(session)
        self.setWindowTitle(
            translate("MergeCategory", "Merge “{category}”").format(category=self.source.label)
        )
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName(translate("MergeCategory", "Merge into"))
        self.target_combo.setIconSize(QSize(18, 18))
        for cat in ordered_categories(session.categories()):
            if cat.key != source:
                icon = symbol_icon(cat.symbol, cat.colour, 14)
                self.target_combo.addItem(icon, f"{cat.label} — {cat.group}", cat.key)
        same_group = [
            c.key for c in session.categories() if c.group == self.source.group and c.key != source
        ]
        if same_group:
            self.target_combo.setCurrentIndex(self.target_combo.findData(same_group[0]))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("MergeCategory", "What will happen"))
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("MergeCategory", "&Merge")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout()
        label = QLabel(translate("MergeCategory", "Merge &into:"))
        label.setBuddy(self.target_combo)
        form.addRow(label, self.target_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.target_combo.currentIndexChanged.connect(self._update_message)
        self._update_message()
        self.setMinimumWidth(420)
        self.target_combo.setFocus()

    def target(self) -> str:
        return str(self.target_combo.currentData())

    def _update_message(self) -> None:
        target = self.session.category(self.target())
        n = self.counts.get(self.source.key, 0)
        if n == 1:
            pattern = translate(
                "MergeCategory", "Move 1 asset from {source} to {target} and remove {source}?"
            )
        else:
            pattern = translate(
                "MergeCategory", "Move {n} assets from {source} to {target} and remove {source}?"
            )
        question = pattern.format(
            n=n, source=self.source.label, target=target.label if target else "?"
        )
        self.message.setText(question + "\n" + translate("MergeCategory", "You can undo this."))

    def accept(self) -> None:
        try:
            self.session.push(MergeCategories(self.source.key, self.target()))
        except BadInputError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
