"""The dialog for the other names a category goes by in imported files."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands import EditCategory
from assetmap.core.errors import BadInputError
from assetmap.qt.dialogs.category_manager.error_label import error_label
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session


class SynonymsDialog(QDialog):
    """The other names a category goes by in imported files, one per line."""

    def __init__(self, session: Session, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.category = session.category(key) or categories.get(session.project, key)
        self.setWindowTitle(
            translate("CategoryNames", "Other names for “{category}”").format(
                category=self.category.label
            )
        )
        intro = QLabel(
            translate(
                "CategoryNames",
                "When a file being imported names an asset's category with one of these, it goes "
                "to {category}. Capitals, punctuation and plurals do not matter: "
                "“GP surgery” also matches “GP Surgeries”. One name per line.",
            ).format(category=self.category.label)
        )
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit("\n".join(self.category.synonyms))
        self.edit.setAccessibleName(translate("CategoryNames", "Other names, one per line"))
        self.edit.setTabChangesFocus(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 380)
        self.edit.setFocus()

    def names(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def accept(self) -> None:
        names = self.names()
        if tuple(names) != self.category.synonyms:
            try:
                self.session.push(EditCategory(self.category.key, {"synonyms": names}))
            except BadInputError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        super().accept()
