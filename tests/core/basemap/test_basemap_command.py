"""A basemap import is one undoable command; a re-import replaces the basemap whole."""

from __future__ import annotations

import sqlite3

import pyogrio
import pytest

from assetmap.core import schema, summary
from assetmap.core.basemap import BasemapOptions, import_basemap, store
from assetmap.core.commands.base import CommandStack


def _state(project):
    return {
        "info": store.info(project),
        "counts": store.counts(project.conn),
        "streets": project.conn.execute("SELECT * FROM am_basemap_streets ORDER BY id").fetchall(),
        "sources": project.conn.execute("SELECT * FROM am_sources ORDER BY id").fetchall(),
        "roads": project.conn.execute("SELECT * FROM basemap_roads ORDER BY fid").fetchall()
        if store.has_basemap(project)
        else None,
    }


def test_new_projects_have_the_basemap_tables_of_schema_5(project):
    assert project.schema_version() == schema.CURRENT_VERSION >= 5
    tables = {r[0] for r in project.conn.execute("SELECT name FROM sqlite_master")}
    assert {"am_basemap", "am_basemap_streets"} <= tables
    assert not tables & set(store.TABLES)  # feature tables come with an import
    listed = {r[0] for r in pyogrio.list_layers(project.path)}
    assert not listed & set(store.TABLES)


def test_reimport_replaces_the_basemap_in_one_go(project, stretford_osm, levenshulme_osm):
    import_basemap(project, stretford_osm)
    first = store.info(project)
    report = import_basemap(project, levenshulme_osm)
    second = store.info(project)
    assert second.id != first.id and second.source_file == levenshulme_osm.name
    assert store.counts(project.conn) == report.layers
    roads = set(store.layer(project, "basemap_roads")["name"].dropna())
    assert "Stockport Road" in roads and "Kingsway" not in roads
    streets = {r[0] for r in project.conn.execute("SELECT name FROM am_basemap_streets")}
    assert "Kingsway" not in streets
    # one row per import, the replaced one marked; only the current one is a source
    rows = project.conn.execute("SELECT id, replaced_at FROM am_basemap ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [first.id, second.id]
    assert rows[0][1] is not None and rows[1][1] is None
    kinds = [s["kind"] for s in summary.summary(project)["sources"]]
    assert kinds.count("basemap") == 1


def test_undo_and_redo_of_an_import_and_a_reimport(project, stretford_osm, levenshulme_osm):
    stack = CommandStack(project)
    events = []
    project.events.settings_changed.connect(lambda **kw: events.append(kw))
    empty = _state(project)
    import_basemap(project, stretford_osm, stack=stack)
    after_first = _state(project)
    import_basemap(project, levenshulme_osm, stack=stack)
    after_second = _state(project)
    assert stack.undo_text.startswith("Import basemap from manchester_levenshulme")

    stack.undo()
    assert _state(project) == after_first  # the previous basemap back, exactly
    stack.undo()
    assert _state(project) == empty
    assert not store.has_basemap(project)
    listed = {r[0] for r in pyogrio.list_layers(project.path)}
    assert not listed & set(store.TABLES)

    stack.redo()
    stack.redo()
    redone = _state(project)
    assert redone["counts"] == after_second["counts"]
    assert redone["roads"] == after_second["roads"]
    assert redone["info"].source_file == levenshulme_osm.name
    assert events and all(e == {"key": "basemap"} for e in events)
    log = project.conn.execute(
        "SELECT action FROM am_change_log WHERE command = 'import_basemap' ORDER BY id"
    ).fetchall()
    assert [a for (a,) in log] == ["do", "do", "undo", "undo", "redo", "redo"]


def test_a_failed_write_leaves_the_old_basemap(project, stretford_osm, levenshulme_osm):
    from assetmap.core.basemap import prepare_basemap
    from assetmap.core.basemap.command import ImportBasemap

    import_basemap(project, stretford_osm)
    before = _state(project)
    prepared = prepare_basemap(project, levenshulme_osm, BasemapOptions())
    # class is NOT NULL: the roads insert fails after the old basemap was dropped
    prepared.frames["basemap_roads"]["class"] = None
    with pytest.raises(sqlite3.IntegrityError):
        CommandStack(project).push(ImportBasemap(prepared))
    assert _state(project) == before
