"""The workshop's two dialogs: a new session's details, and a submission's edit-then-approve.

Edit-then-approve is the ordinary asset form whose OK pushes the edit and the approval as
one command, so one Undo takes both back and the change feed shows them together.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import assets
from assetmap.core.commands import SetReview
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.errors import BadInputError
from assetmap.qt.dialogs.asset_form import AssetForm
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session

NAME_MAX = 120


class NewSessionDialog(QDialog):
    """A session's name (required), place, date (today) and facilitator (the project's
    author to start with)."""

    def __init__(self, facilitator: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("WorkshopSession", "New workshop session"))
        self.setAccessibleName(self.windowTitle())
        self.name_edit = self._line(
            translate("WorkshopSession", "Session name"),
            translate("WorkshopSession", "e.g. Stretford food and wellbeing"),
        )
        self.place_edit = self._line(
            translate("WorkshopSession", "Place"),
            translate("WorkshopSession", "e.g. Stretford Library, community room"),
        )
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName(translate("WorkshopSession", "Date"))
        self.facilitator_edit = self._line(
            translate("WorkshopSession", "Facilitator"),
            translate("WorkshopSession", "who runs the session"),
        )
        self.facilitator_edit.setText(facilitator)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B42318;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(translate("WorkshopSession", "Name"), self.name_edit)
        form.addRow(translate("WorkshopSession", "Place"), self.place_edit)
        form.addRow(translate("WorkshopSession", "Date"), self.date_edit)
        form.addRow(translate("WorkshopSession", "Facilitator"), self.facilitator_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(translate("WorkshopSession", "Start the session"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        intro = QLabel(
            translate(
                "WorkshopSession",
                "Everything added in this session is kept with its name, so it can be "
                "reviewed, counted and exported on its own. Sharing starts only when you "
                "press Start sharing.",
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(NAME_MAX)
        return edit

    def values(self) -> dict[str, str]:
        """name, place, date (yyyy-mm-dd), facilitator: what ``CreateWorkshop`` takes."""
        return {
            "name": self.name_edit.text().strip(),
            "place": self.place_edit.text().strip(),
            "date": self.date_edit.date().toString("yyyy-MM-dd"),
            "facilitator": self.facilitator_edit.text().strip(),
        }

    def accept(self) -> None:
        if not self.values()["name"]:
            self.error.setText(translate("WorkshopSession", "Give the session a name."))
            self.error.show()
            self.name_edit.setFocus()
            return
        super().accept()


class ApproveForm(AssetForm):
    """The asset form for one submission; OK saves the edits and approves, as one step."""

    def __init__(self, session: Session, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(session, assets.get(session.project, uuid), None, parent)
        self.setWindowTitle(translate("WorkshopReview", "Edit, then approve"))
        self.setAccessibleName(self.windowTitle())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(translate("WorkshopReview", "Save and approve"))

    def accept(self) -> None:
        self._clear_errors()
        try:
            values = self.values()
            self._check(values)
            self.session.push(self.approval(values))
        except BadInputError as error:
            self._show_error(error)
            return
        QDialog.accept(self)

    def approval(self, values: dict[str, Any]) -> Command:
        """The form's edit (if anything changed) and the approval, as one command."""
        assert self.original is not None
        approve = SetReview((self.original.uuid,), "approved")
        edit = self._command(values)
        if edit is None:
            return approve
        return CommandGroup(
            [edit, approve],
            translate("WorkshopReview", "Edit and approve '{name}'").format(name=values["name"]),
        )
