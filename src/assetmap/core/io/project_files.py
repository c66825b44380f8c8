"""Telling an assetmap project from a plain GeoPackage layer, before anything is imported.

Importing another project's assets as a plain layer would copy them as new assets with no
history: a second import of the same copy duplicates them, and its edits and deletions are
lost. Bringing a copy back belongs to merging, so such a file is refused with a pointer there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated

_SQLITE_HEADER = b"SQLite format 3\x00"
MERGE_HINT = translatable(
    "merging projects (bringing a colleague's copy and its edits into this one) is coming; "
    "until then, open that project in assetmap and work there, or export its assets "
    "(Export ▸ GeoJSON) and import that file"
)


def is_assetmap_project(path: str | Path) -> bool:
    """Whether ``path`` is an SQLite file holding assetmap's schema table (read-only look)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return False
    except OSError:
        return False
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            found = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'am_schema'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return found is not None


def refuse_assetmap_project(path: str | Path) -> None:
    if is_assetmap_project(path):
        raise BadInputError(
            translated(
                "is an assetmap project, not a layer of assets: importing it would copy its "
                "assets without their history, and doing it twice would duplicate them"
            ),
            file=Path(path),
            hint=translated(MERGE_HINT),
        )
