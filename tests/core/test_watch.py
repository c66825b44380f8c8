"""The watcher: what another connection or process commits reaches this project's
listeners as the events a local edit would have sent; our own edits are not repeated."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import defaultdict

import pytest

from assetmap.core import assets, categories, custom_fields, feed
from assetmap.core.commands import (
    AddAsset,
    AddCategory,
    CommandStack,
    DeleteAsset,
    EditAsset,
    MoveAsset,
    RenameField,
)
from assetmap.core.imports import import_areas, import_assets
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category
from assetmap.core.watch import ChangeWatcher

SALE = (377_200.0, 391_800.0)


class Heard:
    """Every event a project emitted, by name."""

    def __init__(self, project: Project) -> None:
        self.events: dict[str, list[dict]] = defaultdict(list)
        for name in ("assets_changed", "categories_changed", "area_sets_changed"):
            getattr(project.events, name).connect(self._listener(name))
        project.events.fields_changed.connect(self._listener("fields_changed"))

    def _listener(self, name):
        def heard(**payload):
            self.events[name].append(payload)

        return heard

    def clear(self) -> None:
        self.events.clear()


@pytest.fixture
def here(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


@pytest.fixture
def there(here):
    """Another connection to the same file: another window, a worker, a server thread."""
    with Project.open(here.path) as project:
        yield project


def two_assets(project: Project) -> tuple[str, str]:
    rows = project.conn.execute("SELECT uuid FROM assets ORDER BY fid LIMIT 2").fetchall()
    return rows[0][0], rows[1][0]


def test_edits_from_another_connection_reach_listeners_with_their_assets(here, there):
    watcher = ChangeWatcher(here)
    heard = Heard(here)
    renamed, moved = two_assets(there)
    stack = CommandStack(there)
    stack.push(EditAsset(renamed, {"name": "Stretford Library (renamed)"}))
    stack.push(MoveAsset(moved, *SALE))
    assert heard.events == {}  # nothing until we look

    changes = watcher.poll()
    assert [c.uuid for c in changes] == [renamed, moved]
    assert heard.events["assets_changed"] == [{"uuids": (renamed, moved), "kind": "changed"}]
    assert assets.get(here, renamed).name == "Stretford Library (renamed)"
    assert watcher.poll() == []  # each change is announced once


def test_the_app_hears_the_same_as_a_full_reader_without_reading_contents(here, there):
    """The app's timer reads only which records changed (notice); a replaying reader reads
    them whole (poll). Both must tell views the same thing."""
    with Project.open(here.path) as third:
        noticing, polling = ChangeWatcher(here), ChangeWatcher(third)
        noticed, polled = Heard(here), Heard(third)
        start = feed.latest_seq(there)
        club = Asset(
            uuid=new_uuid(), name="Lunch club", category="mutual_aid", x=SALE[0], y=SALE[1]
        )
        renamed, gone = two_assets(there)
        stack = CommandStack(there)
        stack.push(AddAsset(club))
        stack.push(EditAsset(renamed, {"name": "Renamed"}))
        stack.push(DeleteAsset(gone))
        stack.undo()  # the deleted asset comes back
        stack.push(
            AddCategory(Category("repair", "Repair cafés", "Local economy", "#009E73", "circle"))
        )

        whole = [(c.seq, c.target, c.uuid, c.kind) for c in feed.changes_since(here, start)]
        names = [(c.seq, c.target, c.uuid, c.kind) for c in feed.targets_since(here, start)]
        assert names == whole
        assert [k for *_, k in whole] == ["added", "changed", "removed", "added", "added"]
        noticing.notice()
        polling.poll()
        assert noticed.events["assets_changed"] and noticed.events["categories_changed"]
        assert noticed.events == polled.events


def test_an_added_and_a_removed_asset_say_so(here, there):
    watcher = ChangeWatcher(here)
    heard = Heard(here)
    club = Asset(uuid=new_uuid(), name="Lunch club", category="mutual_aid", x=SALE[0], y=SALE[1])
    stack = CommandStack(there)
    stack.push(AddAsset(club))
    watcher.poll()
    stack.undo()
    watcher.poll()
    assert heard.events["assets_changed"] == [
        {"uuids": (club.uuid,), "kind": "added"},
        {"uuids": (club.uuid,), "kind": "removed"},
    ]


def test_categories_fields_and_area_sets_from_elsewhere_are_announced(here, there, trafford):
    watcher = ChangeWatcher(here)
    categories.all_categories(here)  # cached here before the other connection writes
    heard = Heard(here)
    stack = CommandStack(there)
    stack.push(
        AddCategory(Category("repair_cafes", "Repair cafés", "Local economy", "#009E73", "circle"))
    )
    field = custom_fields.all_defs(there)[0]
    stack.push(RenameField(field.name, "Code of the source"))
    import_areas(
        there,
        trafford / "boundaries" / "trafford_msoa2021_generalised.geojson",
        AreaImportOptions("MSOA 2021"),
        stack=stack,
    )

    watcher.poll()
    assert heard.events["categories_changed"] == [{}]
    assert "repair_cafes" in {c.key for c in categories.all_categories(here)}
    assert heard.events["fields_changed"] == [{"name": field.name}]
    assert heard.events["area_sets_changed"] == [{"name": "MSOA 2021", "kind": "added"}]
    # New areas re-flag which assets are out of every area: the map redraws them all.
    assert {"uuids": None, "kind": "changed"} in heard.events["assets_changed"]


def test_our_own_edits_are_not_announced_again(here, there):
    watcher = ChangeWatcher(here)
    mine, theirs = two_assets(here)
    CommandStack(here).push(EditAsset(mine, {"name": "Mine"}))
    heard = Heard(here)
    assert watcher.poll() == []

    # Interleaved: theirs, then mine, then we look: only theirs comes back.
    CommandStack(there).push(EditAsset(theirs, {"name": "Theirs"}))
    CommandStack(here).push(EditAsset(mine, {"name": "Mine again"}))
    heard.clear()
    changes = watcher.poll()
    assert [c.uuid for c in changes] == [theirs]
    assert heard.events["assets_changed"] == [{"uuids": (theirs,), "kind": "changed"}]


def test_a_large_import_elsewhere_is_one_event_for_many(here, there, trafford):
    watcher = ChangeWatcher(here, bulk=3)
    heard = Heard(here)
    import_assets(
        there,
        trafford / "assets" / "trafford_community_hubs.csv",
        AssetImportOptions(
            category="mutual_aid", name_field="community_hub", lon_field="lon", lat_field="lat"
        ),
    )
    changes = watcher.poll()
    assert len([c for c in changes if c.uuid]) == 6
    assert heard.events["assets_changed"] == [{"uuids": None, "kind": "added"}]


def test_a_huge_write_elsewhere_is_noticed_without_reading_its_asset_rows(here, there, trafford):
    watcher = ChangeWatcher(here, many=5)
    heard = Heard(here)
    import_assets(
        there,
        trafford / "assets" / "trafford_community_hubs.csv",
        AssetImportOptions(
            category_field="community_hub", name_field="community_hub", lon_field="lon",
            lat_field="lat", unknown_categories="new",
        ),
    )  # fmt: skip
    latest = feed.latest_seq(there)
    assert latest - watcher.seq > 5
    watcher.notice()
    assert heard.events["assets_changed"] == [{"uuids": None, "kind": "changed"}]
    assert heard.events["categories_changed"]  # the import's new categories are still heard
    assert watcher.seq == latest
    heard.clear()
    watcher.notice()
    assert not heard.events


def test_another_process_writing_is_seen(here):
    watcher = ChangeWatcher(here)
    heard = Heard(here)
    renamed, _ = two_assets(here)
    script = textwrap.dedent(
        f"""
        from assetmap.core.commands import CommandStack, EditAsset
        from assetmap.core.project import Project
        with Project.open({str(here.path)!r}) as project:
            CommandStack(project).push(EditAsset({renamed!r}, {{"name": "From elsewhere"}}))
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)

    (change,) = watcher.poll()
    assert change.uuid == renamed and change.fields_after == {"name": "From elsewhere"}
    assert heard.events["assets_changed"] == [{"uuids": (renamed,), "kind": "changed"}]
