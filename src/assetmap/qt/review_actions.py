"""Approve or reject the selection: one action, offered by the asset card and the table."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from assetmap.core.commands import SetReview
from assetmap.core.errors import AssetmapError
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session


def review_selection(parent: QWidget, session: Session, state: str) -> None:
    """Set ``state`` on every selected asset as one undoable step; a refusal (someone else
    changed them meanwhile) is shown, never raised."""
    chosen = tuple(sorted(session.selection))
    if not chosen:
        return
    try:
        session.push(SetReview(chosen, state))
    except AssetmapError as error:
        show_error(parent, translate("Review", "Could not change the review"), error)
