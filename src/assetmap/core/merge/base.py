"""The other copy, read without being written, and where the two copies diverged.

A merge never writes the file it merges from: it is opened read-only (a copy saved by an
older assetmap is upgraded in a temporary copy first). The divergence point is a change-feed
sequence number on each side; every change after it is something one side did that the other
may not have. It comes from the last merge of the same copy (table ``am_merges``), else from
one file having been copied from the other, else from the longest stretch the two feeds share.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assetmap.core import gpkg, schema
from assetmap.core.changelog import TABLE as FEED_TABLE
from assetmap.core.copies import ProjectIdentity, read_identity
from assetmap.core.errors import BadInputError
from assetmap.core.feed import FeedChange
from assetmap.core.i18n import translated
from assetmap.core.project import Project, read_only_uri

__all__ = [
    "MERGES_TABLE",
    "Divergence",
    "MergeRecord",
    "divergence",
    "feed_mark",
    "feed_since",
    "latest_seq",
    "open_other",
    "read_record",
    "write_record",
]

MERGES_TABLE = "am_merges"
_CHUNK = 5000  # feed rows compared at a time when looking for the shared stretch


@dataclass(frozen=True)
class Divergence:
    """The last change each side had in common with the other, and how that was known."""

    this_seq: int
    other_seq: int
    how: str  # "last merge", "their last merge", "copied from this", "copied from it",
    # "shared history"

    @property
    def theirs_ahead(self) -> bool:
        """The other copy, where it stood, already held this one's state (it merged this copy
        last): a field neither side touched since then takes the other's value."""
        return self.how == "their last merge"


@dataclass(frozen=True)
class MergeRecord:
    copy_id: str
    other_seq: int
    this_seq: int
    other_mark: str  # see feed_mark
    file_name: str | None
    merged_at: str


@contextlib.contextmanager
def open_other(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the copy to merge from. A copy of an older schema is
    upgraded in a temporary copy, so the file handed in is never changed."""
    if not path.is_file():
        raise BadInputError(translated("there is no such file"), file=path, field="OTHER")
    version = _version(path)
    if version > schema.CURRENT_VERSION:
        newer = translated(
            "was saved by a newer assetmap (schema {version}); update assetmap to merge it"
        )
        raise BadInputError(newer.format(version=version), file=path, field="OTHER")
    if version == schema.CURRENT_VERSION:
        conn = _read_only(path)
        try:
            yield conn
        finally:
            conn.close()
        return
    with tempfile.TemporaryDirectory(prefix="assetmap-merge-") as folder:
        upgraded = Path(folder) / path.name
        shutil.copyfile(path, upgraded)
        Project.open(upgraded).close()
        conn = _read_only(upgraded)
        try:
            yield conn
        finally:
            conn.close()


def _read_only(path: Path) -> sqlite3.Connection:
    # The project's own read-only URI: a file at rest is read as immutable, so not even a
    # -wal or -shm file appears beside the copy being merged from.
    return sqlite3.connect(read_only_uri(path), uri=True)


def _version(path: Path) -> int:
    try:
        conn = _read_only(path)
        try:
            found = schema.version_of(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        not_one = translated("is not a project file ({error})").format(error=exc)
        raise BadInputError(not_one, file=path, field="OTHER") from exc
    if found is None:
        raise BadInputError(translated("is not an assetmap project"), file=path, field="OTHER")
    return found


def identity_of(conn: sqlite3.Connection, path: Path) -> ProjectIdentity:
    try:
        return read_identity(conn)
    except (sqlite3.Error, KeyError) as exc:
        raise BadInputError(
            translated("has no project identity to match it with"), file=path, field="OTHER"
        ) from exc


def latest_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {FEED_TABLE}").fetchone()[0])


def feed_since(conn: sqlite3.Connection, seq: int) -> list[FeedChange]:
    """``core.feed.changes_since`` for a bare connection (the other copy is not a Project)."""
    sql = (
        "SELECT id, at, who, action, command, description, target, uuid, geom_before, "
        f"geom_after, before, after, origin FROM {FEED_TABLE} WHERE id > ? ORDER BY id"
    )
    return [FeedChange(*row) for row in conn.execute(sql, (seq,))]


def read_record(conn: sqlite3.Connection, copy_id: str) -> MergeRecord | None:
    row = conn.execute(
        f"SELECT copy_id, other_seq, this_seq, other_mark, file_name, merged_at "
        f"FROM {MERGES_TABLE} WHERE copy_id = ?",
        (copy_id,),
    ).fetchone()
    if row is None:
        return None
    return MergeRecord(row[0], int(row[1]), int(row[2]), row[3], row[4], row[5])


def write_record(conn: sqlite3.Connection, record: MergeRecord | None, copy_id: str) -> None:
    """Put ``record`` in place of the copy's row (None: no row, as before a first merge)."""
    conn.execute(f"DELETE FROM {MERGES_TABLE} WHERE copy_id = ?", (copy_id,))
    if record is not None:
        conn.execute(
            f"INSERT INTO {MERGES_TABLE} "
            "(copy_id, other_seq, this_seq, other_mark, file_name, merged_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                record.copy_id,
                record.other_seq,
                record.this_seq,
                record.other_mark,
                record.file_name,
                record.merged_at or gpkg.utc_now(),
            ),
        )


def divergence(
    this: sqlite3.Connection,
    mine: ProjectIdentity,
    other: sqlite3.Connection,
    theirs: ProjectIdentity,
) -> Divergence:
    ours = _checked(read_record(this, theirs.copy_id), other)
    theirs_record = _checked(_their_record(other, mine.copy_id), this)
    if theirs_record is not None and (ours is None or _later(theirs_record, ours)):
        return Divergence(theirs_record.other_seq, theirs_record.this_seq, "their last merge")
    if ours is not None:
        return Divergence(ours.this_seq, ours.other_seq, "last merge")
    return first_divergence(this, mine, other, theirs)


def first_divergence(
    this: sqlite3.Connection,
    mine: ProjectIdentity,
    other: sqlite3.Connection,
    theirs: ProjectIdentity,
) -> Divergence:
    """Where the two copies parted before any merge between them: an asset either side
    changed since may differ, even if a merge has brought some of it across since."""
    if theirs.copied_from and theirs.copied_from == mine.copy_id:
        return Divergence(theirs.copied_at_seq, theirs.copied_at_seq, "copied from this")
    if mine.copied_from and mine.copied_from == theirs.copy_id:
        return Divergence(mine.copied_at_seq, mine.copied_at_seq, "copied from it")
    shared = _shared_prefix(this, other)
    return Divergence(shared, shared, "shared history")


def _checked(record: MergeRecord | None, merged_from: sqlite3.Connection) -> MergeRecord | None:
    """The record if it was made with this very file (copies made by copying a file share a
    copy id; the feed row it names tells them apart)."""
    if record is None or feed_mark(merged_from, record.other_seq) != record.other_mark:
        return None
    return record


def _their_record(other: sqlite3.Connection, copy_id: str) -> MergeRecord | None:
    try:
        return read_record(other, copy_id)
    except sqlite3.OperationalError:  # no am_merges: a copy that never merged anything
        return None


def _later(theirs: MergeRecord, ours: MergeRecord) -> bool:
    """Their merge of this copy came after this copy's last merge of theirs: it took in
    everything this copy had then (and what ours brought from them)."""
    return theirs.other_seq >= ours.this_seq and theirs.this_seq >= ours.other_seq


def feed_mark(conn: sqlite3.Connection, seq: int) -> str:
    """The time and target of change ``seq``: which copy a recorded merge was made with, when
    copies made by copying the file share a copy id (their feeds part at their first edit)."""
    row = conn.execute(f"SELECT at, target FROM {FEED_TABLE} WHERE id = ?", (seq,)).fetchone()
    return "" if row is None else f"{row[0]}|{row[1] or ''}"


def _shared_prefix(this: sqlite3.Connection, other: sqlite3.Connection) -> int:
    """The last sequence number up to which both feeds hold the same rows (same number,
    time and target): two copies of one file (siblings, or copied by hand) share it."""
    sql = f"SELECT id, at, target FROM {FEED_TABLE} WHERE id > ? ORDER BY id LIMIT {_CHUNK}"
    last = 0
    while True:
        mine = this.execute(sql, (last,)).fetchall()
        theirs = other.execute(sql, (last,)).fetchall()
        for a, b in zip(mine, theirs, strict=False):
            if tuple(a) != tuple(b):
                return last
            last = int(a[0])
        if len(mine) < _CHUNK or len(theirs) < _CHUNK:
            return last
