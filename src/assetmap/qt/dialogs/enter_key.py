"""Enter in a field finishes that field; it never presses a button the user has not moved to.

QDialog presses its default button (Next, Check, Import) on Enter from any field. A new user
typed a path into a field, pressed Enter to "confirm" it and found the import running with
later choices never seen; the wizard-like dialogs route Enter through here instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDialog

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def enter_presses_only_its_button(dialog: QDialog, event: QKeyEvent) -> bool:
    """Deal with Enter for ``dialog`` (True when it was Enter): a focused button is pressed,
    anything else is left alone; the caller passes other keys on to QDialog."""
    if event.key() not in ENTER_KEYS:
        return False
    focused = dialog.focusWidget()
    if isinstance(focused, QAbstractButton) and focused.isEnabled():
        focused.click()
    event.accept()
    return True
