"""Copies of a project that know they are copies: which project a file is, which copy of it,
and writing a copy to hand out (issue 12).

Every copy of one project shares its ``project_id``; each copy the app saves gets a
``copy_id`` of its own, and records the copy it came from and the change-feed sequence number
at the moment of copying, where the two copies start to differ. Merging copies back (later)
reads exactly this. A copy for the field may leave out personal-data assets and photos, to be
small and safe to carry; the source file is never written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from assetmap.core import output
from assetmap.core.date_words import day_in_words
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.i18n import translated
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

__all__ = [
    "TABLE",
    "CopyReport",
    "ProjectIdentity",
    "default_label",
    "identity",
    "left_out_words",
    "read_identity",
    "save_copy",
]

TABLE = "am_identity"
LEFT_OUT_PERSONAL = "personal_data"
LEFT_OUT_ATTACHMENTS = "attachments"
PAGES_PER_STEP = 2048  # SQLite pages copied between progress reports (8 MB at 4 KB pages)
# What a change-feed row about a left-out asset still says: that something changed, not what.
LEFT_OUT_DESCRIPTION = "A change to an asset with personal data (left out of this copy)"


@dataclass(frozen=True)
class ProjectIdentity:
    """Which project a file is and which copy of it. ``copied_from`` is empty for the
    original; ``left_out`` names what a copy for the field was saved without
    ("personal_data", "attachments"), so a merge does not read their absence as deletions."""

    project_id: str
    copy_id: str
    copy_label: str = ""
    copied_from: str = ""
    copied_at_seq: int = 0
    left_out: tuple[str, ...] = ()

    @property
    def is_copy(self) -> bool:
        return bool(self.copied_from)


def left_out_words(report: CopyReport) -> list[str]:
    """What a copy was saved without, in words ("1 personal-data asset", "3 photos and
    attachments"), for the CLI and the dialog alike."""
    words = []
    if LEFT_OUT_PERSONAL in report.identity.left_out:
        count = report.personal_left_out
        if count == 1:
            words.append(translated("{n} personal-data asset").format(n=count))
        else:
            words.append(translated("{n} personal-data assets").format(n=count))
    if LEFT_OUT_ATTACHMENTS in report.identity.left_out:
        count = report.attachments_left_out
        if count == 1:
            words.append(translated("{n} photo and attachments").format(n=count))
        else:
            words.append(translated("{n} photos and attachments").format(n=count))
    return words


@dataclass(frozen=True)
class CopyReport:
    """What a saved copy holds: its assets (deleted ones apart), what was left out, its size."""

    path: Path
    identity: ProjectIdentity
    assets: int
    personal_left_out: int
    attachments_left_out: int
    size_bytes: int


def identity(project: Project) -> ProjectIdentity:
    return read_identity(project.conn)


def read_identity(conn: sqlite3.Connection) -> ProjectIdentity:
    values = dict(conn.execute(f"SELECT key, value FROM {TABLE}").fetchall())
    left_out = values.get("left_out", "")
    return ProjectIdentity(
        project_id=values["project_id"],
        copy_id=values["copy_id"],
        copy_label=values.get("copy_label", ""),
        copied_from=values.get("copied_from", ""),
        copied_at_seq=int(values.get("copied_at_seq") or 0),
        left_out=tuple(part for part in left_out.split(",") if part),
    )


def default_label(today: date | None = None) -> str:
    """ "Field copy, 7 December 2026": the date in words, as people write it."""
    return translated("Field copy, {date}").format(date=day_in_words(today or date.today()))


def save_copy(
    project: Project,
    target: str | Path,
    *,
    label: str,
    personal_data: bool = True,
    attachments: bool = True,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> CopyReport:
    """Write a copy of ``project`` at ``target`` that a later merge recognises.

    The copy is made with SQLite's backup API from a read-only connection of its own (a
    consistent snapshot even while the app writes, and the source cannot be written), then
    changed and compacted under a hidden name beside ``target``, checked to open as a
    project, and only then moved into place: a failure or Cancel leaves nothing behind and
    any older file at ``target`` as it was.
    """
    target = output.check_target(Path(target), None, not_one_of=(project.path,))
    steps = Steps(progress)
    with output.replacing(target, field=None) as tmp:
        _backup(project.path, tmp, Steps(steps.report, 0.0, 0.6).report, cancelled)
        check_cancelled(cancelled)
        steps.report(0.6, translated("Marking the copy"))
        personal, photos = _make_copy(tmp, label, personal_data, attachments)
        check_cancelled(cancelled)
        steps.report(0.7, translated("Compacting the copy"))
        _compact(tmp)
        check_cancelled(cancelled)
        steps.report(0.9, translated("Checking the copy opens"))
        copy_identity, live = _check_opens(tmp, target)
        size = tmp.stat().st_size
    steps.report(1.0, translated("Copy saved"))
    return CopyReport(target, copy_identity, live, personal, photos, size)


def _backup(source: Path, tmp: Path, progress: ProgressFn, cancelled: CancelledFn | None) -> None:
    def report(_status: int, remaining: int, total: int) -> None:
        progress((total - remaining) / max(total, 1), translated("Copying the project"))
        if cancelled is not None and cancelled():
            raise Cancelled()

    uri = f"{source.resolve().as_uri()}?mode=ro"
    reader = sqlite3.connect(uri, uri=True)
    dest = sqlite3.connect(tmp)
    try:
        reader.backup(dest, pages=PAGES_PER_STEP, progress=report)
    finally:
        dest.close()
        reader.close()


def _make_copy(tmp: Path, label: str, personal_data: bool, attachments: bool) -> tuple[int, int]:
    """Give the copy its own identity and leave out what was asked; returns how many
    personal-data assets and attachments were left out."""
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("BEGIN")
        personal = 0 if personal_data else _leave_out_personal(conn)
        photos = 0 if attachments else _leave_out_attachments(conn)
        left_out = [LEFT_OUT_PERSONAL] * (not personal_data)
        left_out += [LEFT_OUT_ATTACHMENTS] * (not attachments)
        _mark_as_copy(conn, label, left_out)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return personal, photos


def _mark_as_copy(conn: sqlite3.Connection, label: str, left_out: list[str]) -> None:
    source = read_identity(conn)
    seq = conn.execute("SELECT coalesce(max(id), 0) FROM am_change_log").fetchone()[0]
    conn.executemany(
        f"INSERT INTO {TABLE} (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [
            ("copy_id", uuid.uuid4().hex),
            ("copy_label", label.strip()),
            ("copied_from", source.copy_id),
            ("copied_at_seq", str(int(seq))),
            ("left_out", ",".join(sorted({*source.left_out, *left_out}))),
        ],
    )


def _leave_out_personal(conn: sqlite3.Connection) -> int:
    """Personal-data assets go entirely: their rows, footprints, photos, workshop records
    and the positions analysis runs kept. Their change-feed rows stay (the sequence must
    not have holes a merge would trip over) but say nothing about them any more."""
    conn.execute("CREATE TEMP TABLE left_out AS SELECT uuid FROM assets WHERE personal_data = 1")
    count = int(conn.execute("SELECT count(*) FROM temp.left_out").fetchone()[0])
    inside = "IN (SELECT uuid FROM temp.left_out)"
    for sql in (
        f"DELETE FROM asset_footprints WHERE asset_uuid {inside}",
        f"DELETE FROM am_attachments WHERE asset_uuid {inside}",
        f"DELETE FROM am_workshop_pins WHERE uuid {inside}",
        f"DELETE FROM am_analysis_assets WHERE uuid {inside}",
        f"DELETE FROM assets WHERE uuid {inside}",
    ):
        conn.execute(sql)
    conn.execute(
        "UPDATE am_change_log SET before = NULL, after = NULL, geom_before = NULL, "
        f"geom_after = NULL, description = ? WHERE uuid {inside}",
        (LEFT_OUT_DESCRIPTION,),
    )
    conn.execute("DROP TABLE temp.left_out")
    return count


def _leave_out_attachments(conn: sqlite3.Connection) -> int:
    return int(conn.execute("DELETE FROM am_attachments").rowcount)


def _compact(tmp: Path) -> None:
    """VACUUM, so the space of what was left out is really gone from the file (a deleted
    photo's bytes would otherwise stay in free pages, readable with a hex editor)."""
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def _check_opens(tmp: Path, target: Path) -> tuple[ProjectIdentity, int]:
    """The copy must open as a project here, or it is not handed out."""
    try:
        with Project.open(tmp) as copy:
            live = copy.conn.execute("SELECT count(*) FROM assets WHERE deleted = 0").fetchone()
            return identity(copy), int(live[0])
    except (sqlite3.Error, KeyError) as exc:
        raise BadInputError(
            translated(
                "the copy could not be opened as a project ({error}); nothing was saved"
            ).format(error=exc),
            file=target,
        ) from exc
    finally:
        for side in output.SIDE_FILES:
            with contextlib.suppress(OSError):
                os.unlink(f"{tmp}{side}")
