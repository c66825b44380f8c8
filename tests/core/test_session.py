"""The session model runs edits, undo and the selection with no GUI: what a CLI, a script
or a server holding the Trafford map would do, checked on the demo project."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assetmap.core import assets
from assetmap.core.commands import AddAsset, DeleteAsset, EditAsset, MoveAsset
from assetmap.core.layers import MapLayers
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.session import MapSession

STRETFORD = (379_480.0, 396_110.0)  # Stretford Library, British National Grid


class Heard:
    """Every event the session announced, in order, with its payload."""

    def __init__(self, session: MapSession) -> None:
        self.events: list[tuple[str, dict[str, object]]] = []
        for name in (
            "assets_changed",
            "categories_changed",
            "area_sets_changed",
            "layers_changed",
            "selection_changed",
            "history_changed",
            "closing",
        ):
            getattr(session.events, name).connect(
                lambda n=name, **payload: self.events.append((n, payload))
            )

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def clear(self) -> None:
        self.events.clear()


@pytest.fixture
def session(demo_copy: Path) -> Iterator[MapSession]:
    model = MapSession(Project.open(demo_copy))
    yield model
    model.close()


def lunch_club() -> Asset:
    return Asset(
        uuid=new_uuid(),
        name="Tuesday lunch club",
        category="community_centres",
        x=STRETFORD[0],
        y=STRETFORD[1],
    )


def placed(session: MapSession, uuid: str) -> bool:
    return uuid in set(session.points()["uuid"])


def some_assets(session: MapSession, n: int) -> list[str]:
    return [str(u) for u in session.points()["uuid"].iloc[:n]]


def test_the_demo_opens_with_its_assets_areas_and_layers(session):
    points = session.points()
    assert len(points) == assets.count(session.project, "deleted = 0 AND geom IS NOT NULL")
    assert len(points) >= 500
    assert session.layers.visible_area_sets()  # the demo opens showing its neighbourhoods
    west, south, east, north = session.full_extent()
    # Trafford lies around 370-385 km east and 385-400 km north of the grid's origin.
    assert 365_000 < west < STRETFORD[0] < east < 390_000
    assert 380_000 < south < STRETFORD[1] < north < 400_000
    assert session.point_index().nearest(*points[["x", "y"]].iloc[0], within=1.0) == 0


def test_an_added_asset_is_on_the_map_until_undone_and_back_on_redo(session):
    heard = Heard(session)
    club = lunch_club()
    before = len(session.points())
    version = session.points_version

    session.push(AddAsset(club))

    assert placed(session, club.uuid) and len(session.points()) == before + 1
    assert session.points_version > version
    assert ("assets_changed", {"uuids": (club.uuid,), "kind": "added"}) in heard.events
    assert "history_changed" in heard.names()
    assert session.stack.undo_text

    session.undo()
    assert not placed(session, club.uuid) and len(session.points()) == before
    session.redo()
    assert placed(session, club.uuid)
    row = session.points().set_index("uuid").loc[club.uuid]
    assert (row["x"], row["y"]) == STRETFORD


def test_an_edit_shows_in_the_points_without_rereading_the_rest(session):
    uuid = some_assets(session, 1)[0]
    heard = Heard(session)
    session.push(EditAsset(uuid, {"name": "Stretford Hub"}))
    names = session.points().set_index("uuid")["name"]
    assert names[uuid] == "Stretford Hub"
    assert heard.events[0] == ("assets_changed", {"uuids": (uuid,), "kind": "changed"})
    session.undo()
    assert session.points().set_index("uuid")["name"][uuid] != "Stretford Hub"


def test_a_moved_asset_is_found_where_it_now_is(session):
    uuid = some_assets(session, 1)[0]
    session.push(MoveAsset(uuid, *STRETFORD))
    row = session.point_index().nearest(*STRETFORD, within=1.0)
    assert row is not None
    assert session.point_index().frame["uuid"].iloc[row] == uuid


def test_a_deleted_asset_leaves_the_selection_and_the_others_stay(session):
    gone, kept = some_assets(session, 2)
    session.set_selection({gone, kept})
    heard = Heard(session)

    session.push(DeleteAsset(gone))

    assert session.selection == {kept}
    assert not placed(session, gone)
    # The selection is pruned before views hear of the deletion, so none acts on it.
    assert heard.names()[:2] == ["selection_changed", "assets_changed"]
    heard.clear()
    session.undo()
    assert placed(session, gone)
    assert session.selection == {kept}  # an undo does not choose for the user
    assert "selection_changed" not in heard.names()


def test_an_edit_keeps_the_selection(session):
    chosen = set(some_assets(session, 3))
    session.set_selection(chosen)
    heard = Heard(session)
    session.push(EditAsset(sorted(chosen)[0], {"name": "Renamed"}))
    assert session.selection == chosen
    assert "selection_changed" not in heard.names()


def test_choosing_the_same_selection_again_says_nothing(session):
    heard = Heard(session)
    uuids = some_assets(session, 2)
    session.set_selection(uuids)
    session.set_selection(reversed(uuids))
    assert heard.names() == ["selection_changed"]
    session.set_selection(())
    assert session.selection == frozenset()


def test_hidden_categories_leave_the_visible_points_and_are_saved(session, demo_copy):
    category = str(session.points()["category"].value_counts().index[0])
    shown = int(session.visible_point_mask().sum())
    heard = Heard(session)

    session.layers.set_categories_visible([category], False)

    hidden = int((session.points()["category"] == category).sum())
    assert int(session.visible_point_mask().sum()) == shown - hidden
    assert heard.names() == ["layers_changed"] and session.layers_dirty
    session.save_layers()
    assert not session.layers_dirty
    session.close()
    with Project.open(demo_copy) as again:
        assert not MapLayers.load(again).category_style(category).visible


def test_closing_announces_it_saves_the_layers_and_closes_once(session, demo_copy):
    heard = Heard(session)
    session.layers.set_assets(asset_opacity=0.5)
    session.close()
    session.close()
    assert heard.names().count("closing") == 1
    assert not session.is_open
    with Project.open(demo_copy) as again:
        assert MapLayers.load(again).asset_opacity == 0.5


def test_a_background_commit_rereads_points_and_areas(session, demo_copy):
    name = session.layers.visible_area_sets()[0]
    geometries = session.area_geometries(name)
    versions = session.points_version, session.areas_version
    uuid = some_assets(session, 1)[0]
    with Project.open(demo_copy) as worker:  # another connection, as a worker opens
        MapSession(worker).push(EditAsset(uuid, {"name": "Written elsewhere"}))
    heard = Heard(session)

    session.after_background_commit()

    assert session.points().set_index("uuid")["name"][uuid] == "Written elsewhere"
    assert session.points_version > versions[0] and session.areas_version > versions[1]
    assert session.area_geometries(name) is not geometries  # views rebuild their shapes
    assert len(session.area_geometries(name)) == len(geometries)
    assert heard.names()[-3:] == ["categories_changed", "area_sets_changed", "assets_changed"]
    assert heard.events[-1][1] == {"uuids": None, "kind": "reset"}


def test_the_session_model_runs_where_qt_cannot_be_imported(demo_copy):
    """A server or the CLI has no PySide6: a meta-path hook refuses every Qt import."""
    code = f"""
import sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'qtpy'):
            raise ImportError('Qt is not installed here')
sys.meta_path.insert(0, NoQt())
from assetmap.core.commands import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.session import MapSession
session = MapSession(Project.open({str(demo_copy)!r}))
before = len(session.points())
club = Asset(uuid=new_uuid(), name='Lunch club', category='community_centres',
             x=379480.0, y=396110.0)
session.push(AddAsset(club))
session.set_selection({{club.uuid}})
added = len(session.points())
session.undo()
print(before, added, len(session.points()), sorted(session.selection) == [club.uuid])
session.close()
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    before, added, after, still_selected = result.stdout.split()
    assert int(added) == int(before) + 1 and int(after) == int(before)
    # Undoing an add removes the asset, so it leaves the selection too.
    assert still_selected == "False"
