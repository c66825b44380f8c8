"""The Qt Session is an adapter: whatever changes the core session model (a command, an
undo, the selection, a layer tick) reaches the panels as the signals they listen to."""

from __future__ import annotations

from assetmap.core.commands import DeleteAsset, EditAsset
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project


def test_an_edit_made_through_the_model_reaches_the_panels_as_signals(qtbot, session):
    uuid = str(session.points()["uuid"].iloc[0])
    heard: list[tuple[object, str]] = []
    session.assetsChanged.connect(lambda uuids, kind: heard.append((uuids, kind)))
    with qtbot.waitSignal(session.historyChanged):
        session.model.push(EditAsset(uuid, {"name": "Stretford Hub"}))
    assert heard == [((uuid,), "changed")]
    assert session.points().set_index("uuid")["name"][uuid] == "Stretford Hub"
    assert session.stack is session.model.stack and session.project is session.model.project


def test_a_deletion_prunes_the_selection_the_window_shows(qtbot, session):
    gone, kept = (str(u) for u in session.points()["uuid"].iloc[:2])
    session.set_selection({gone, kept})
    assert session.model.selection == {gone, kept}
    with qtbot.waitSignals([session.selectionChanged, session.assetsChanged], order="strict"):
        session.push(DeleteAsset(gone))
    assert session.selection == {kept}


def test_a_layer_tick_is_saved_a_moment_later_without_closing(qtbot, session, demo_path):
    with qtbot.waitSignal(session.layersChanged):
        session.layers.set_assets(asset_labels=False)
    qtbot.waitUntil(lambda: not session.model.layers_dirty, timeout=5000)
    with Project.open(demo_path) as other:
        assert MapLayers.load(other).asset_labels is False


def test_closing_is_announced_once_and_the_project_closes(qtbot, session):
    with qtbot.waitSignal(session.closing):
        session.close()
    assert not session.is_open and not session.model.is_open
    session.close()  # twice is harmless (the window and a test may both close it)
