"""The change feed across processes: another program edits the open project, and the app
shows it by itself, within a second, keeping the user's selection and view."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from assetmap.core import assets
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.project import Project
from assetmap.qt.change_watch import ChangeWatch, catch_up, watch_changes
from support.qt import open_window

SALE = (377_200.0, 391_800.0)


def table_name_of(window, uuid: str) -> str | None:
    model = window.table.model
    column = model.column_of("name")
    for row in range(model.rowCount()):
        if model.uuid_at(row) == uuid:
            return model.data(model.index(row, column))
    return None


def point_of(session, uuid: str) -> tuple[float, float] | None:
    points = session.points()
    found = points[points["uuid"] == uuid]
    return None if found.empty else (float(found["x"].iloc[0]), float(found["y"].iloc[0]))


def libraries(session) -> list[str]:
    frame = assets.frame(session.project, where="category = 'libraries'")
    return frame["uuid"].tolist()


def test_another_process_edits_and_the_window_shows_it_keeping_selection(qtbot, session):
    window = open_window(qtbot, session)
    selected, moved = libraries(session)[:2]
    session.set_selection({selected})
    view = window.canvas.view
    points_before = session.points_version
    script = textwrap.dedent(
        f"""
        from assetmap.core.commands import CommandStack, EditAsset, MoveAsset
        from assetmap.core.project import Project
        with Project.open({str(session.project.path)!r}) as project:
            stack = CommandStack(project)
            stack.push(EditAsset({selected!r}, {{"name": "Library renamed elsewhere"}}))
            stack.push(MoveAsset({moved!r}, {SALE[0]!r}, {SALE[1]!r}))
        """
    )
    other = subprocess.Popen([sys.executable, "-c", script])
    qtbot.waitUntil(lambda: other.poll() is not None, timeout=120_000)
    assert other.returncode == 0

    # Seen by polling, within a second (a few allowed for a loaded test machine).
    qtbot.waitUntil(
        lambda: table_name_of(window, selected) == "Library renamed elsewhere", timeout=3_000
    )
    qtbot.waitUntil(lambda: point_of(session, moved) == SALE, timeout=3_000)
    assert window.card.asset is not None and window.card.asset.name == "Library renamed elsewhere"
    assert session.selection == {selected}
    assert window.canvas.view == view
    assert session.points_version > points_before
    assert not session.stack.can_undo  # their edits are theirs to undo, not ours


def test_a_worker_import_is_shown_through_the_feed_not_a_reload(qtbot, session, trafford):
    window = open_window(qtbot, session)
    kept = libraries(session)[0]
    session.set_selection({kept})
    categories_before = len(session.categories())
    with Project.open(session.project.path) as worker:
        report = import_assets(
            worker,
            trafford / "assets" / "trafford_community_hubs.csv",
            AssetImportOptions(
                category_field="community_hub",
                name_field="community_hub",
                lon_field="lon",
                lat_field="lat",
            ),
            stack=session.stack,
        )
    catch_up(session)  # what the import dialog calls when its worker is done
    imported = set(
        assets.frame(session.project, where="source = 'trafford_community_hubs.csv'")["uuid"]
    )
    assert len(imported) == report.imported == 6
    assert imported <= set(session.points()["uuid"])
    assert len(session.categories()) > categories_before  # the hubs' names as new categories
    assert session.selection == {kept}
    assert all(table_name_of(window, u) for u in imported)


def test_the_watch_stops_when_the_session_closes(qtbot, session):
    watch = watch_changes(session)
    assert watch_changes(session) is watch and session.findChild(ChangeWatch) is watch
    assert watch.timer.isActive()
    session.close()
    assert not watch.timer.isActive()
