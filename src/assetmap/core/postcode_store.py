"""The project's own postcode index (am_postcodes), so postcode placement and Find
work offline without the big national file."""

from __future__ import annotations

import pandas as pd

from assetmap.core.i18n import translated
from assetmap.core.io.postcodes import PostcodeIndex
from assetmap.core.project import Project, write_settings


def load(project: Project) -> PostcodeIndex | None:
    return cached_index(project)


def cached_index(project: Project) -> PostcodeIndex | None:
    def build() -> PostcodeIndex | None:
        frame = pd.read_sql_query(
            "SELECT postcode, x, y FROM am_postcodes", project.conn, index_col="postcode"
        )
        if frame.empty:
            return None
        source = project.setting("postcode_source", translated("project postcode index"))
        attribution = project.setting("postcode_attribution", "")
        return PostcodeIndex(frame=frame, crs=project.crs, source=source, attribution=attribution)

    return project.cached("postcodes", build)


def save(project: Project, frame: pd.DataFrame, *, source: str, attribution: str) -> int:
    """Add postcodes (postcode, x, y in the project CRS) inside the caller's transaction."""
    project.conn.executemany(
        "INSERT OR REPLACE INTO am_postcodes (postcode, x, y) VALUES (?, ?, ?)",
        frame[["postcode", "x", "y"]].itertuples(index=False, name=None),
    )
    write_settings(project.conn, {"postcode_source": source, "postcode_attribution": attribution})
    project.invalidate()
    return len(frame)


def count(project: Project) -> int:
    return int(project.conn.execute("SELECT count(*) FROM am_postcodes").fetchone()[0])
