"""What went wrong reading, checking or importing a file, in the user's words."""

from __future__ import annotations

from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.qt.i18n import translate


def problem_text(error: BaseException) -> str:
    """BadInputError already names file, row and field; anything else is a bug, said plainly."""
    if isinstance(error, AssetmapError):
        return str(error)
    return translate("ImportDialog", "Something went wrong ({error}). Nothing was changed.").format(
        error=f"{type(error).__name__}: {error}"
    )


def nothing_importable(error: BaseException) -> bool:
    """The importers' 'every row was rejected' and 'no key matched' errors."""
    text = getattr(error, "message", "")
    starts = ("no row could be imported", "no feature could be imported", "none of the")
    return isinstance(error, BadInputError) and text.startswith(starts)
