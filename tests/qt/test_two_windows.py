"""Two windows (or another program) on one project file: undo in one never silently
reverts a later edit made in the other; it says so in a plain dialog."""

from __future__ import annotations

from assetmap.core import assets
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.project import Project
from support.qt import open_window, when_modal


def test_undo_refuses_to_overwrite_an_edit_made_in_another_window(qtbot, session):
    window = open_window(qtbot, session)
    uuid = str(assets.frame(session.project, where="category = 'libraries'")["uuid"].iloc[0])
    session.push(EditAsset(uuid, {"name": "Renamed in this window"}))
    with Project.open(session.project.path) as elsewhere:
        CommandStack(elsewhere).push(EditAsset(uuid, {"phone": "0161 912 0000"}))
    seen = {}

    def read_and_close(box) -> None:
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        box.accept()

    when_modal(read_and_close)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: "text" in seen, timeout=10_000)
    assert seen["title"] == "Nothing was undone"
    assert "changed since, in another window" in seen["text"]
    kept = assets.get(session.project, uuid)
    assert (kept.name, kept.phone) == ("Renamed in this window", "0161 912 0000")
