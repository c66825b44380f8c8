"""Errors the user can act on, kept apart from programming errors.

The CLI maps these to exit code 3 and the GUI to a plain dialog, so each one
carries enough context (file, row, field) to tell the user what to fix.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from assetmap.core.i18n import translatable, translated

# Where in a file a problem is, by what the file is made of (``row_noun``).
_ROW_WORDS = {
    "row": translatable("row {row}"),
    "line": translatable("line {row}"),
    "feature": translatable("feature {row}"),
    "record": translatable("record {row}"),
}


def place_in_file(
    file: str | None, row: int | None, field: str | None, row_noun: str = "row"
) -> str:
    """Where a problem is, as a message starts: "assets.csv, row 12, field 'postcode'" ("" when
    nothing is known); shared by errors and the import report's lines."""
    where = [file] if file else []
    if row is not None:
        pattern = _ROW_WORDS.get(row_noun)
        where.append(
            f"{row_noun} {row}" if pattern is None else translated(pattern).format(row=row)
        )
    if field:
        where.append(translated("field '{field}'").format(field=field))
    return ", ".join(where)


class AssetmapError(Exception):
    """Base class for errors that are reported to the user as a message."""


class BadInputError(AssetmapError):
    """An input file or argument cannot be used; nothing was changed."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        field: str | None = None,
        hint: str | None = None,
        row_noun: str = "row",
    ) -> None:
        self.message = message
        self.file = Path(file).name if file is not None else None
        self.row = row
        self.field = field
        self.hint = hint
        self.row_noun = row_noun
        super().__init__(str(self))

    def __str__(self) -> str:
        where = place_in_file(self.file, self.row, self.field, self.row_noun)
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class UnrelatedProjectError(BadInputError):
    """The file to merge is another project, not a copy of this one: merging it field by field
    would be wrong, so it is refused unless the user asks to import its assets as new ones."""


class ProjectFileError(AssetmapError):
    """The project file is missing, corrupt, locked or from a newer assetmap."""


class ConflictError(AssetmapError):
    """Another program (or another window) changed the project in a way this edit or undo
    would overwrite; nothing was changed."""


class Cancelled(AssetmapError):
    """The user cancelled a long operation; nothing was changed."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            translated("Cancelled; nothing was changed.") if message is None else message
        )


_UNDECODABLE = re.compile(
    r"Could not decode to UTF-8 column '(?P<field>.*?)' with text '(?P<text>.*)'"
)


def undecodable_text(error: BaseException, file: str | Path | None = None) -> BadInputError | None:
    """SQLite's refusal to read text another program wrote in another encoding (a project
    file edited elsewhere), as a message naming the field and the text; None for any other
    error. Reading every text through a forgiving decoder would slow every read by half."""
    found = _UNDECODABLE.match(str(error))
    if not isinstance(error, sqlite3.OperationalError) or found is None:
        return None
    return BadInputError(
        translated(
            "holds text that is not UTF-8 (“{text}”): another program wrote it in another "
            "encoding, and assetmap cannot read it"
        ).format(text=found["text"]),
        file=file,
        field=found["field"],
        hint=translated("correct that text in the program that wrote it, or save it as UTF-8"),
    )
