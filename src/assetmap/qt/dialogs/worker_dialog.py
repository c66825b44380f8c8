"""What a dialog that runs long work shares once the work is done: Start and Cancel become
Close. (The work itself runs through ``assetmap.qt.workers.BackgroundJob``.)"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox


def offer_close(dialog: QDialog, buttons: QDialogButtonBox, start: QAbstractButton) -> None:
    """Done: Close instead of Start and Cancel (hidden, not deleted: the dialog's state
    updates still reach them)."""
    start.hide()
    buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.clicked.connect(dialog.accept)
    close.setDefault(True)
