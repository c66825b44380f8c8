"""Bringing in the assets of another project, not a copy of this one, when asked (issue 12).

A merge weighs copies of one project field by field from the history they share; another
project shares none, so weighing would be wrong. Its live assets come in as new ones, the
way an import does, and the likely duplicates between them and the assets already here are
listed for a person to review (``core.duplicates``). The plan is an ordinary ``MergePlan``
holding additions only, so ``MergeCopy`` applies it as one undoable command, one entry in
the feed.

An asset whose uuid is already here (live or deleted) is not brought in again and never
overwritten: a uuid names one asset, so it is the same one, imported by an earlier run or
shared through common history (a project that once imported this one). Importing the same
project twice therefore adds nothing the second time, and an asset deleted here after an
import stays deleted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from assetmap.core import areas, categories, gpkg
from assetmap.core.copies import identity
from assetmap.core.duplicates import DuplicatePair, find_duplicates
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.merge import base
from assetmap.core.merge.area_sets import SetCopy
from assetmap.core.merge.area_sets import plan as plan_area_sets
from assetmap.core.merge.outlines import stored_outlines
from assetmap.core.merge.plan import CategoryChange, MergePlan, NewAsset, stored_photos, stored_rows
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import UNCATEGORISED, Category

__all__ = [
    "ANOTHER_PROJECT",
    "ImportPlan",
    "duplicates_if_imported",
    "imported_duplicates",
    "plan_unrelated",
]

ANOTHER_PROJECT = "another project"  # Divergence.how of a plan that imports, not merges
_CHUNK = 500


@dataclass
class ImportPlan(MergePlan):
    """A MergePlan that only adds. ``already_here``: live assets of the other project whose
    uuid this one has (not brought in again); ``matched``: the other's category key -> this
    project's key, for categories matched by label, not key."""

    already_here: int = 0
    matched: dict[str, str] = field(default_factory=dict)

    def report_lines(self, resolutions: Mapping[tuple[str, str], Any] | None = None) -> list[str]:
        return import_lines(self)


def plan_unrelated(this: Project, other_path: str | Path) -> MergePlan:
    """What importing every live asset of the project at ``other_path`` would add here;
    reads both, writes neither."""
    other_path = Path(other_path)
    if other_path.resolve() == this.path.resolve():
        itself = translated("is the project itself; choose another project")
        raise BadInputError(itself, file=other_path)
    with base.open_other(other_path) as other:
        return _plan(this, other, other_path)


def _plan(this: Project, other: sqlite3.Connection, other_path: Path) -> ImportPlan:
    theirs_id = base.identity_of(other, other_path)
    if theirs_id.project_id == identity(this).project_id:
        raise BadInputError(
            translated(
                "is a copy of this project, not another project: merge it as a copy (without "
                "--unrelated), so its edits and deletions are taken too; nothing was changed"
            ),
            file=other_path,
        )
    _check_same_crs(this, other, other_path)
    mine_seq, theirs_seq = base.latest_seq(this.conn), base.latest_seq(other)
    plan = ImportPlan(
        this.path,
        other_path,
        theirs_id,
        base.Divergence(mine_seq, theirs_seq, ANOTHER_PROJECT),
        mine_seq,
        theirs_seq,
        base.feed_mark(other, theirs_seq),
    )
    plan.area_sets, plan.indicators = plan_area_sets(this.conn, other)
    live = _live_uuids(other)
    here = {u for (u,) in this.conn.execute(f"SELECT uuid FROM {ASSETS_TABLE}")}
    wanted = [u for u in live if u not in here]
    plan.already_here = len(live) - len(wanted)
    rows = stored_rows(other, wanted)
    keys = _plan_categories(plan, this, other, {str(rows[u]["category"]) for u in wanted})
    plan.added = _new_assets(this, other, other_path.name, wanted, rows, keys, plan.area_sets)
    return plan


def _check_same_crs(this: Project, other: sqlite3.Connection, other_path: Path) -> None:
    """Points are copied as stored, so both projects must use one coordinate system."""
    mine, theirs = _crs_code(this.conn), _crs_code(other)
    if mine != theirs:
        message = translated(
            "is in {theirs}, this project in {mine}: assets can only be imported from a "
            "project in the same coordinate system; nothing was changed"
        )
        raise BadInputError(message.format(theirs=theirs, mine=mine), file=other_path)


def _crs_code(conn: sqlite3.Connection) -> str:
    row = conn.execute(
        "SELECT s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns g "
        "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name = ?",
        (ASSETS_TABLE,),
    ).fetchone()
    if row is None:
        return translated("an unknown coordinate system")
    return f"{row[0]}:{row[1]}".upper()


def _live_uuids(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(f"SELECT uuid FROM {ASSETS_TABLE} WHERE deleted = 0 ORDER BY fid")
    return [str(u) for (u,) in rows]


# ---- categories ---------------------------------------------------------------------
def _plan_categories(
    plan: ImportPlan, this: Project, other: sqlite3.Connection, used: set[str]
) -> dict[str, Category]:
    """The category here for each key the imported assets use: the same key, else the same
    label (case aside), else the other's category, added after this project's own."""
    mine = categories.by_key(this)
    by_label = {_label_key(c.label): c for c in mine.values()}
    theirs = {c.key: c for c in categories.read_all(other)}
    order = max((c.sort_order for c in mine.values()), default=0)
    out: dict[str, Category] = {}
    for key in sorted(used):
        found = mine.get(key)
        if found is None and key in theirs:
            found = by_label.get(_label_key(theirs[key].label))
            if found is not None:
                plan.matched[key] = found.key
        if found is None and key in theirs:
            order += 1
            found = replace(theirs[key], sort_order=order)
            plan.categories.append(CategoryChange(key, None, found))
        out[key] = found if found is not None else mine[UNCATEGORISED]
    return out


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


# ---- assets -------------------------------------------------------------------------
def _new_assets(
    this: Project,
    other: sqlite3.Connection,
    other_name: str,
    uuids: list[str],
    rows: dict[str, dict[str, Any]],
    keys: dict[str, Category],
    new_sets: list[SetCopy],
) -> list[NewAsset]:
    """The other's rows as this project stores them: its category keys, a personal-data
    category's flag (never less private than here), out-of-area against the areas this
    project will have (its own and the sets the import adds), and as their origin the
    other project's file, as an import records it ("Imported from rutland.gpkg"): the file
    and row they came from there mean nothing here, and would make a later import of that
    file here take them for its own."""
    outlines = stored_outlines(other, uuids)
    photos = stored_photos(other, uuids)
    points = gpkg.decode([rows[u]["geom"] for u in uuids])
    outside = areas.points_outside(_area_tree(this, new_sets), points)
    added = []
    for uuid, out_of_area in zip(uuids, outside.tolist(), strict=True):
        row = dict(rows[uuid])
        geom = row.pop("geom")
        category = keys[str(row["category"])]
        row["category"] = category.key
        row["personal_data"] = int(bool(row["personal_data"]) or category.personal_data)
        row["out_of_area"] = int(out_of_area)
        row.update(origin_kind="import", origin_ref=other_name, origin_row=None, origin_key=None)
        kept = tuple(p for p in photos.get(uuid, []) if not p.deleted)
        added.append(NewAsset(uuid, str(row["name"]), row, geom, outlines.get(uuid), kept))
    return added


def _area_tree(this: Project, new_sets: list[SetCopy]) -> shapely.STRtree:
    if not new_sets:
        return areas.area_tree(this)
    added = [gpkg.decode(s.frame["geom"].tolist()) for s in new_sets]
    polygons = np.concatenate([areas.all_polygons(this), *added])
    return shapely.STRtree(polygons[~shapely.is_missing(polygons)])


# ---- after the import -------------------------------------------------------------
def imported_duplicates(
    project: Project,
    plan: MergePlan,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[DuplicatePair]:
    """Likely duplicates between the assets the import brought and those already here (the
    pairs within either side were there before the import, and are not its doing)."""
    brought = {a.uuid for a in plan.added}
    pairs = find_duplicates(project, progress=progress, cancelled=cancelled)
    return [p for p in pairs if (p.uuid_a in brought) != (p.uuid_b in brought)]


class _NotKept(Exception):
    """Raised inside ``duplicates_if_imported``'s transaction so the import is rolled back."""


def duplicates_if_imported(
    project: Project,
    plan: MergePlan,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[DuplicatePair]:
    """The pairs the import would make, for a dry run or a preview: the plan is applied in a
    transaction that is then rolled back, so the file is left exactly as it was (it is
    locked for writing meanwhile) and no event is sent. Refused (ConflictError) like the
    real run when the project changed after the plan was made."""
    from assetmap.core.merge.apply import MergeCopy

    pairs: list[DuplicatePair] = []
    try:
        with project.transaction():
            MergeCopy(plan).apply(project)
            pairs = imported_duplicates(project, plan, progress=progress, cancelled=cancelled)
            raise _NotKept
    except _NotKept:
        pass
    return pairs


# ---- in words -----------------------------------------------------------------------
def import_lines(plan: ImportPlan) -> list[str]:
    """The plan as the CLI prints it and a dialog may show it: a merge report's sections
    under a heading that says this is an import, plus what was matched or left alone."""
    from assetmap.core.merge.report import report_lines

    head = translated(
        "Importing the assets of {other} (another project, project id {project_id}) into "
        "{this} as new assets"
    ).format(
        other=plan.other_path.name,
        project_id=plan.other.project_id[:8],
        this=plan.this_path.name,
    )
    if plan.is_empty:
        nothing = translated("Nothing to import: every asset of {file} is already here.")
        lines = [head, nothing.format(file=plan.other_path.name)]
    else:
        lines = [head, *report_lines(plan, {})[1:]]
    if plan.matched:
        lines.append(translated("Categories matched by name: {n}").format(n=len(plan.matched)))
        matched = translated("  = {theirs} there is {mine} here")
        lines += [matched.format(theirs=t, mine=m) for t, m in plan.matched.items()]
    if plan.already_here == 1:
        lines.append(translated("Already here, not brought in again: {n} asset").format(n=1))
    elif plan.already_here:
        again = translated("Already here, not brought in again: {n} assets")
        lines.append(again.format(n=plan.already_here))
    return lines
