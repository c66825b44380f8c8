"""Imports as undoable commands: the prepared data is written in one transaction."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import shapely

from assetmap.core import areas, assets, categories, changelog, gpkg, postcode_store
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import ConflictError
from assetmap.core.i18n import translated
from assetmap.core.io import identity
from assetmap.core.io.area_import import PreparedAreas
from assetmap.core.io.asset_import import PreparedAssets
from assetmap.core.io.indicator_import import PreparedIndicators
from assetmap.core.io.reimport_report import describe_plan
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE, FOOTPRINTS_TABLE


def _record_source(
    project: Project, file_name: str, kind: str, target: str, rows: int, attribution: str | None
) -> int:
    cursor = project.conn.execute(
        "INSERT INTO am_sources (file_name, kind, target, rows, imported_at, attribution) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (file_name, kind, target, rows, gpkg.utc_now(), attribution),
    )
    return int(cursor.lastrowid or 0)


def _forget_source(project: Project, source_id: int) -> None:
    project.conn.execute("DELETE FROM am_sources WHERE id = ?", (source_id,))


def refresh_out_of_area(project: Project) -> None:
    """Re-flag every asset against the current area sets (after areas change)."""
    frame = assets.points_xy(project)
    if not len(frame):
        return
    points = shapely.points(frame["x"].to_numpy(), frame["y"].to_numpy())
    outside = areas.outside_all(project, np.asarray(points, dtype=object))
    assets.set_out_of_area(project, frame["uuid"].tolist(), outside.tolist())
    project.notify(project.events.assets_changed, uuids=None, kind="changed")


@dataclass
class ImportAreaSet(Command):
    prepared: PreparedAreas
    attribution: str | None = None
    name: ClassVar[str] = "import_areas"
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        p = self.prepared
        pattern = translated("Import {n} areas as '{name}' from {file}")
        return pattern.format(n=len(p.codes), name=p.info.name, file=p.info.source)

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        # Checked again here, inside the transaction: another program may have added a set
        # of this name (or a table of this name) since the file was read.
        if p.info.name in {i.name for i in areas.list_sets(project)}:
            clash = translated(
                "Another program added an area set named '{name}' to {project} while {file} "
                "was being read. Nothing was imported; import it again under another name."
            )
            raise ConflictError(
                clash.format(name=p.info.name, project=project.path.name, file=p.info.source)
            )
        p.info = replace(p.info, table=areas.unique_table_name(project, p.info.name))
        areas.create(project, p.info, p.codes, p.names, p.extra, p.polygons)
        self._source_id = _record_source(
            project, p.info.source or "", "areas", p.info.name, len(p.codes), self.attribution
        )
        project.invalidate()
        refresh_out_of_area(project)
        project.notify(project.events.area_sets_changed, name=p.info.name, kind="added")
        return [Change(f"area_set:{p.info.name}", None, self._described())]

    def _described(self) -> dict[str, object]:
        """The feed's one row for the whole set (areas are not assets): what was added."""
        p = self.prepared
        return {
            "areas": len(p.codes),
            "file": p.info.source,
            "table": p.info.table,
            "columns": list(p.extra.columns),
        }

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        areas.drop(project, p.info.name)
        _forget_source(project, self._source_id)
        project.invalidate()
        refresh_out_of_area(project)
        project.notify(project.events.area_sets_changed, name=p.info.name, kind="removed")
        return [Change(f"area_set:{p.info.name}", self._described(), None)]


@dataclass
class ImportAssets(Command):
    prepared: PreparedAssets
    attribution: str | None = None
    name: ClassVar[str] = "import_assets"
    _source_id: int = field(default=0, repr=False)
    _added: list[str] = field(default_factory=list, repr=False)
    _restore: list[_Saved] = field(default_factory=list, repr=False)
    _updated: dict[str, Any] = field(default_factory=dict, repr=False)  # uuid -> stamp after
    _new_fields: list[str] = field(default_factory=list, repr=False)  # extra fields it described

    @property
    def text(self) -> str:
        p = self.prepared
        if p.report.reimport:
            again = translated("Import {file} again ({added} added, {updated} updated)")
            return again.format(file=p.source_file, added=p.report.added, updated=p.report.updated)
        return translated("Import {n} assets from {file}").format(n=len(p.rows), file=p.source_file)

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        rows = self._rows_with_final_categories(project)
        # Matched again inside the transaction: another program may have changed the assets.
        earlier = p.earlier_file or p.source_file
        matched = (earlier, *p.also_match_files)
        plan = identity.plan(project, p.key, rows, p.points, matched, p.owned)
        describe_plan(p.report, plan, rows, rows["origin_row"].to_numpy())
        added = plan.added
        # A first import adds every row: no copy of 200,000 rows to take them all.
        new_rows = rows if len(added) == len(rows) else rows.iloc[added].reset_index(drop=True)
        written = assets.insert_frame(project, new_rows, p.points[added])
        numbers = p.row_numbers if p.row_numbers is not None else np.arange(1, len(rows) + 1)
        changelog.record_imported_assets(
            project, new_rows, written, np.asarray(numbers)[added].tolist(), p.source_file
        )
        sites = added[~shapely.is_missing(p.footprints[added])]
        if len(sites):
            site_uuids = rows["uuid"].to_numpy()[sites].tolist()
            assets.insert_footprints(project, site_uuids, p.footprints[sites])
            changelog.record_footprints(
                project,
                "a.uuid IN (SELECT value FROM json_each(?))",
                (json.dumps(site_uuids),),
                removing=False,
                origin=changelog.Origin("import", file=p.source_file),
            )
        changes = self._update_matched(project, rows, plan)
        if p.postcodes is not None and len(p.postcodes):
            postcode_store.save(
                project,
                p.postcodes,
                source=p.postcode_source or p.source_file,
                attribution=p.attribution or "",
            )
        self._new_fields = _save_field_defs(project, p.field_defs, p.source_file)
        attribution = "\n".join(a for a in (self.attribution, p.attribution) if a) or None
        self._source_id = _record_source(
            project, p.source_file, "assets", ASSETS_TABLE, len(p.rows), attribution
        )
        project.invalidate()
        if self._added:
            project.notify(project.events.categories_changed)
        project.notify(project.events.assets_changed, uuids=None, kind="added")
        summary = Change(
            f"import:{p.batch}",
            None,
            {"assets": len(added), "updated": len(plan.changed), "file": p.source_file},
            origin=changelog.Origin("import", file=p.source_file),
        )
        fields_made = [Change(f"field:{n}", None, {"name": n}) for n in self._new_fields]
        return [summary, *self._categories_added(project), *fields_made, *changes]

    def _categories_added(self, project: Project) -> list[Change]:
        found = categories.by_key(project)
        return [Change(f"category:{k}", None, asdict(found[k])) for k in self._added]

    def _update_matched(
        self, project: Project, rows: pd.DataFrame, plan: identity.Plan
    ) -> list[Change]:
        """Write the changed rows over the assets they matched (which then carry this import's
        batch), and every matched row's new place in the file; remember what was there."""
        p = self.prepared
        self._restore = []
        self._updated = {}
        changes: list[Change] = []
        for i in plan.changed:
            uuid = str(plan.matching.existing[i])
            values: dict[str, Any] = dict(plan.updates.get(i, {}))
            values.update(_place_in_file(rows, i), import_batch=p.batch)
            values["updated_at"] = rows["updated_at"].iloc[i]
            before = _saved(project, uuid, [*values, "geom"])
            if i in plan.moves:
                point = np.array([p.points[i]], dtype=object)
                values["geom"] = gpkg.encode(point, project.srs_id)[0]
            self._restore.append(before)
            _write(project, uuid, values)
            self._updated[uuid] = assets.content_stamp(project, uuid)
            changes.append(_update_change(before, values, p.source_file, rows, i))
            if not shapely.is_missing(p.footprints[i]):
                _replace_footprint(project, uuid, p.footprints[i])
                origin = changelog.Origin(
                    "import",
                    file=p.source_file,
                    row=_row_number(_stored_value(rows["origin_row"].iloc[i])),
                )
                changes.append(_footprint_change(project, uuid, before.footprint, origin))
        for i in plan.unchanged:
            uuid = str(plan.matching.existing[i])
            values = _place_in_file(rows, i)
            self._restore.append(_saved(project, uuid, list(values)))
            _write(project, uuid, values)
        if self._updated:
            gpkg.expand_extent(project.conn, ASSETS_TABLE, p.points[plan.changed])
        return changes

    @property
    def updated_uuids(self) -> list[str]:
        """The assets this import changed; they carry its import_batch until it is undone."""
        return list(self._updated)

    def _rows_with_final_categories(self, project: Project) -> pd.DataFrame:
        """Add the import's new categories, unless another program added them meanwhile.

        The categories were chosen when the file was read; by now another import may have
        made the same one (same key, or another key with the same name). Reuse it instead of
        failing, and flag rows whose category holds personal data, whatever made it so.
        """
        p = self.prepared
        existing = {c.key: c for c in categories.all_categories(project)}
        by_label = {categories.slug(c.label): c.key for c in existing.values()}
        renamed: dict[str, str] = {}
        self._added = []
        for category in p.new_categories:
            same = by_label.get(categories.slug(category.label))
            if same is not None:
                renamed[category.key] = same
                continue
            if category.key in existing:
                fresh = categories.unique_key(project, category.label)
                renamed[category.key] = fresh
                category = replace(category, key=fresh)
            categories.insert(project, category)
            existing[category.key] = category
            self._added.append(category.key)
        project.invalidate()
        rows = p.rows
        if renamed:
            rows = rows.assign(category=rows["category"].map(lambda k: renamed.get(k, k)))
        personal = {key for key, c in existing.items() if c.personal_data}
        in_personal = rows["category"].isin(personal).to_numpy()
        if in_personal.any():
            flags = np.where(in_personal, 1, rows["personal_data"].to_numpy(dtype=int))
            rows = rows.assign(personal_data=flags.astype(object))
        return rows

    def undo_conflict(self, project: Project) -> str | None:
        """Assets of this import edited since (elsewhere: this window's own later edits are
        undone first) would be lost by deleting the import or restoring what it updated."""
        p = self.prepared
        edited = project.conn.execute(
            f"SELECT uuid FROM {ASSETS_TABLE} WHERE import_batch = ? AND updated_at != ?",
            (p.batch, p.rows["updated_at"].iloc[0] if len(p.rows) else ""),
        ).fetchall()
        changed = [
            u
            for (u,) in edited
            if (
                assets.content_stamp(project, u) != self._updated[u]
                if u in self._updated
                else self._content_differs(project, u)
            )
        ]
        if not changed:
            return None
        name = assets.get(project, changed[0]).name
        if len(changed) > 1:
            pattern = translated(
                "Cannot undo the import of {file}: {n} of its assets ('{name}' and others) "
                "have been changed since in another window or program sharing {project}. "
                "Nothing was removed."
            )
        else:
            pattern = translated(
                "Cannot undo the import of {file}: {n} of its assets ('{name}') have been "
                "changed since in another window or program sharing {project}. Nothing was "
                "removed."
            )
        return pattern.format(
            file=p.source_file, n=len(changed), name=name, project=project.path.name
        )

    def _content_differs(self, project: Project, uuid: str) -> bool:
        """Compare the stored row with what this import wrote: an edit undone in this window
        leaves it as imported, an edit made elsewhere does not."""
        p = self.prepared
        matches = np.flatnonzero(p.rows["uuid"].to_numpy() == uuid)
        if not len(matches):
            return True
        i = int(matches[0])
        compared = [c for c in assets.COLUMNS if c in p.rows.columns and c not in _NOT_COMPARED]
        stored = project.conn.execute(
            f"SELECT {', '.join(compared)}, geom FROM {ASSETS_TABLE} WHERE uuid = ?", (uuid,)
        ).fetchone()
        imported = [_stored_value(p.rows[c].iloc[i]) for c in compared]
        point = p.points[i]
        blob = gpkg.encode(np.array([point], dtype=object), project.srs_id)[0]
        return list(stored[:-1]) != imported or stored[-1] != blob

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        # The assets it updated go back first (and take their old batch back), so the feed's
        # removals by batch name only the assets this import added.
        restored = self._restore_updated(project)
        changelog.record_removed_assets(project, "a.import_batch = ?", (p.batch,))
        changelog.record_footprints(project, "a.import_batch = ?", (p.batch,), removing=True)
        added = self._categories_added(project)
        removed = assets.delete_batch(project, p.batch)
        for key in self._added:
            categories.delete(project, key)
        fields_gone = _forget_field_defs(project, self._new_fields)
        for name in self._new_fields:
            project.notify(project.events.fields_changed, name=name)
        _forget_source(project, self._source_id)
        project.invalidate()
        if self._added:
            project.notify(project.events.categories_changed)
        project.notify(project.events.assets_changed, uuids=None, kind="removed")
        gone = [Change(c.target, c.after, None) for c in added]
        return [
            Change(f"import:{p.batch}", {"assets": removed, "file": p.source_file}, None),
            *gone,
            *fields_gone,
            *restored,
        ]

    def _restore_updated(self, project: Project) -> list[Change]:
        """Put back what an import again overwrote; one feed row per asset it had changed."""
        changes: list[Change] = []
        for saved in reversed(self._restore):
            if saved.uuid in self._updated:
                now = _saved(project, saved.uuid, list(saved.values))
                changes.append(_restore_change(now, saved))
            _write(project, saved.uuid, saved.values)
            if saved.uuid in self._updated:
                now_site = assets.footprint_blob(project, saved.uuid)
                assets.set_footprint_blob(project, saved.uuid, saved.footprint)
                if now_site != saved.footprint:
                    changes.append(_footprint_change(project, saved.uuid, now_site))
        return changes


@dataclass
class _Saved:
    """An asset's stored values (and site outline) before an import again changed them."""

    uuid: str
    values: dict[str, Any]
    footprint: bytes | None


def _update_change(
    before: _Saved, values: dict[str, Any], file: str, rows: pd.DataFrame, i: int
) -> Change:
    """The feed row of an asset an import again changed: fields and point before and after,
    and the file and row the new values came from."""
    shown = {k: v for k, v in values.items() if k != "geom"}
    point_before = before.values.get("geom")
    row = _stored_value(rows["origin_row"].iloc[i])
    return Change(
        f"asset:{before.uuid}",
        {k: before.values[k] for k in shown},
        shown,
        geom_before=point_before,
        geom_after=values.get("geom", point_before),
        origin=changelog.Origin("import", file=file, row=_row_number(row)),
    )


def _row_number(value: object) -> int | None:
    """The file row as a number ("12", 12 or 12.0 as stored), else None."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        return int(value)
    return None


def _restore_change(now: _Saved, saved: _Saved) -> Change:
    fields = {k: v for k, v in saved.values.items() if k != "geom"}
    return Change(
        f"asset:{saved.uuid}",
        {k: now.values[k] for k in fields},
        fields,
        geom_before=now.values.get("geom"),
        geom_after=saved.values.get("geom", now.values.get("geom")),
    )


def _place_in_file(rows: pd.DataFrame, i: int) -> dict[str, Any]:
    """A matched asset's file, row and key in this file (the file is new when this one
    replaces an earlier file of another name: the next import of it matches them)."""
    return {"origin_ref": _stored_value(rows["origin_ref"].iloc[i]),
            "origin_row": _stored_value(rows["origin_row"].iloc[i]),
            "origin_key": _stored_value(rows["origin_key"].iloc[i])}  # fmt: skip


def _saved(project: Project, uuid: str, columns: list[str]) -> _Saved:
    columns = list(dict.fromkeys([*columns, "updated_at"]))
    row = project.conn.execute(
        f"SELECT {', '.join(columns)} FROM {ASSETS_TABLE} WHERE uuid = ?", (uuid,)
    ).fetchone()
    return _Saved(uuid, dict(zip(columns, row, strict=True)), assets.footprint_blob(project, uuid))


def _write(project: Project, uuid: str, values: dict[str, Any]) -> None:
    """Stored values as they are (no conversion: they came from the file or the table)."""
    names = list(values)
    project.conn.execute(
        f"UPDATE {ASSETS_TABLE} SET {', '.join(f'{n} = ?' for n in names)} WHERE uuid = ?",
        (*(values[n] for n in names), uuid),
    )


def _footprint_change(
    project: Project, uuid: str, before: bytes | None, origin: changelog.Origin | None = None
) -> Change:
    """The feed row of a site outline replaced (or put back): outline before and after."""
    return Change(
        f"{changelog.FOOTPRINT_PREFIX}{uuid}",
        None,
        None,
        uuid=uuid,
        geom_before=before,
        geom_after=assets.footprint_blob(project, uuid),
        origin=origin,
    )


def _replace_footprint(project: Project, uuid: str, polygon: Any) -> None:
    project.conn.execute(f"DELETE FROM {FOOTPRINTS_TABLE} WHERE asset_uuid = ?", (uuid,))
    assets.insert_footprints(project, [uuid], np.array([polygon], dtype=object))


# Columns an import does not own: timestamps move on every write, out_of_area follows the
# area sets and personal_data follows the category.
_NOT_COMPARED = ("updated_at", "out_of_area", "personal_data")


def _stored_value(value: object) -> object:
    # pandas-stubs has no pd.isna overload for object
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[call-overload]
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _save_field_defs(project: Project, defs: list[tuple[str, str, str]], source: str) -> list[str]:
    """Describe the extra fields the project did not have yet; returns their names (the
    import's undo takes them out again)."""
    known = {name for (name,) in project.conn.execute("SELECT name FROM am_field_defs")}
    new = [d for d in defs if d[0] not in known]
    project.conn.executemany(
        "INSERT INTO am_field_defs (name, label, type, source) VALUES (?, ?, ?, ?)",
        ((name, label, kind, source) for name, label, kind in new),
    )
    return [name for name, _label, _kind in new]


def _forget_field_defs(project: Project, names: list[str]) -> list[Change]:
    """Field descriptions an import made, once its rows are gone (no other asset holds them:
    they were new to the project)."""
    project.conn.executemany("DELETE FROM am_field_defs WHERE name = ?", ((n,) for n in names))
    return [Change(f"field:{n}", {"name": n}, None) for n in names]


@dataclass
class JoinIndicators(Command):
    prepared: PreparedIndicators
    attribution: str | None = None
    name: ClassVar[str] = "join_indicators"
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        p = self.prepared
        pattern = translated("Join {n} indicators from {file} to '{area_set}'")
        return pattern.format(n=len(p.values.columns), file=p.source_file, area_set=p.area_set)

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        table = areas.get_set(project, p.area_set).table
        clash = set(p.values.columns) & set(areas.table_columns(project, table))
        if clash:
            message = translated(
                "Another program added the column(s) {columns} to '{area_set}' while {file} "
                "was being read. Nothing was joined; join it again."
            )
            raise ConflictError(
                message.format(
                    columns=", ".join(sorted(clash)), area_set=p.area_set, file=p.source_file
                )
            )
        areas.add_indicator_columns(
            project, p.area_set, p.values, p.labels, p.numeric, p.source_file
        )
        self._source_id = _record_source(
            project, p.source_file, "indicators", p.area_set, p.matched, self.attribution
        )
        project.notify(project.events.area_sets_changed, name=p.area_set, kind="changed")
        return [Change(f"area_set:{p.area_set}", *self._columns(before=(), after=self._joined()))]

    def _joined(self) -> tuple[str, ...]:
        return tuple(self.prepared.values.columns)

    def _columns(
        self, *, before: tuple[str, ...], after: tuple[str, ...]
    ) -> tuple[dict[str, object], dict[str, object]]:
        """The feed's one row for a join (areas are not assets): the set's indicator
        columns before and after, and the file and areas matched."""
        p = self.prepared
        common = {"file": p.source_file, "matched": p.matched}
        return {**common, "columns": list(before)}, {**common, "columns": list(after)}

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        areas.drop_indicator_columns(project, p.area_set, list(p.values.columns))
        _forget_source(project, self._source_id)
        project.notify(project.events.area_sets_changed, name=p.area_set, kind="changed")
        return [Change(f"area_set:{p.area_set}", *self._columns(before=self._joined(), after=()))]
