"""Imports as undoable commands: the prepared data is written in one transaction."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import ClassVar

import numpy as np
import pandas as pd
import shapely

from assetmap.core import areas, assets, categories, changelog, gpkg, postcode_store
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import ConflictError
from assetmap.core.io.area_import import PreparedAreas
from assetmap.core.io.asset_import import PreparedAssets
from assetmap.core.io.indicator_import import PreparedIndicators
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


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
        return f"Import {len(p.codes)} areas as '{p.info.name}' from {p.info.source}"

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        # Checked again here, inside the transaction: another program may have added a set
        # of this name (or a table of this name) since the file was read.
        if p.info.name in {i.name for i in areas.list_sets(project)}:
            raise ConflictError(
                f"Another program added an area set named '{p.info.name}' to "
                f"{project.path.name} while {p.info.source} was being read. Nothing was "
                "imported; import it again under another name."
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

    @property
    def text(self) -> str:
        return f"Import {len(self.prepared.rows)} assets from {self.prepared.source_file}"

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        rows = self._rows_with_final_categories(project)
        written = assets.insert_frame(project, rows, p.points)
        numbers = p.row_numbers if p.row_numbers is not None else np.arange(1, len(rows) + 1)
        changelog.record_imported_assets(project, rows, written, numbers.tolist(), p.source_file)
        sites = np.flatnonzero(~shapely.is_missing(p.footprints))
        if len(sites):
            assets.insert_footprints(
                project, p.rows["uuid"].to_numpy()[sites].tolist(), p.footprints[sites]
            )
        if p.postcodes is not None and len(p.postcodes):
            postcode_store.save(
                project,
                p.postcodes,
                source=p.postcode_source or p.source_file,
                attribution=p.attribution or "",
            )
        _save_field_defs(project, p.field_defs, p.source_file)
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
            {"assets": len(p.rows), "file": p.source_file},
            origin=changelog.Origin("import", file=p.source_file),
        )
        return [summary, *self._categories_added(project)]

    def _categories_added(self, project: Project) -> list[Change]:
        found = categories.by_key(project)
        return [Change(f"category:{k}", None, asdict(found[k])) for k in self._added]

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
        undone first) would be lost by deleting the import."""
        p = self.prepared
        edited = project.conn.execute(
            f"SELECT uuid FROM {ASSETS_TABLE} WHERE import_batch = ? AND updated_at != ?",
            (p.batch, p.rows["updated_at"].iloc[0] if len(p.rows) else ""),
        ).fetchall()
        changed = [u for (u,) in edited if self._content_differs(project, u)]
        if not changed:
            return None
        name = assets.get(project, changed[0]).name
        return (
            f"Cannot undo the import of {p.source_file}: {len(changed)} of its assets "
            f"('{name}'{' and others' if len(changed) > 1 else ''}) have been changed since in "
            f"another window or program sharing {project.path.name}. Nothing was removed."
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
        changelog.record_removed_assets(project, "a.import_batch = ?", (p.batch,))
        added = self._categories_added(project)
        removed = assets.delete_batch(project, p.batch)
        for key in self._added:
            categories.delete(project, key)
        _forget_source(project, self._source_id)
        project.invalidate()
        if self._added:
            project.notify(project.events.categories_changed)
        project.notify(project.events.assets_changed, uuids=None, kind="removed")
        gone = [Change(c.target, c.after, None) for c in added]
        return [
            Change(f"import:{p.batch}", {"assets": removed, "file": p.source_file}, None),
            *gone,
        ]


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


def _save_field_defs(project: Project, defs: list[tuple[str, str, str]], source: str) -> None:
    project.conn.executemany(
        "INSERT OR IGNORE INTO am_field_defs (name, label, type, source) VALUES (?, ?, ?, ?)",
        ((name, label, kind, source) for name, label, kind in defs),
    )


@dataclass
class JoinIndicators(Command):
    prepared: PreparedIndicators
    attribution: str | None = None
    name: ClassVar[str] = "join_indicators"
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        p = self.prepared
        return f"Join {len(p.values.columns)} indicators from {p.source_file} to '{p.area_set}'"

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        table = areas.get_set(project, p.area_set).table
        clash = set(p.values.columns) & set(areas.table_columns(project, table))
        if clash:
            raise ConflictError(
                f"Another program added the column(s) {', '.join(sorted(clash))} to "
                f"'{p.area_set}' while {p.source_file} was being read. Nothing was joined; "
                "join it again."
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
