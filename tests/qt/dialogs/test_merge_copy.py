"""File ▸ Merge a copy… on the Trafford demo: an office copy and a copy for the field edited
apart (an asset added there, a phone changed there, a description changed on both sides, a
surgery moved on both sides, a group deleted there), previewed, resolved each way, merged and
undone; Cancel while the plan is worked out; an unrelated project; a project that moved on."""

from __future__ import annotations

import uuid as uuids
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QPlainTextEdit

from assetmap.core import assets, copies
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.assets import AddAsset, DeleteAsset, MoveAsset
from assetmap.core.merge import plan_merge
from assetmap.core.merge.base import latest_seq
from assetmap.core.model import Asset
from assetmap.core.project import Project
from assetmap.qt import committing
from assetmap.qt.dialogs.merge_conflicts import ConflictsDialog
from assetmap.qt.dialogs.merge_copy import MergeCopyDialog
from support.qt import open_window, when_modal

SHOTS = Path("/tmp/mergeui")


@pytest.fixture
def field_copy(demo_path: Path, tmp_path: Path) -> Path:
    with Project.open(demo_path) as project:
        return copies.save_copy(project, tmp_path / "field-copy.gpkg", label="Sale ward walk").path


def pick(path: Path, n: int) -> list[Asset]:
    with Project.open(path) as project:
        rows = project.conn.execute(
            "SELECT uuid FROM assets WHERE deleted = 0 AND geom IS NOT NULL ORDER BY name LIMIT ?",
            (n,),
        ).fetchall()
        return [assets.get(project, r[0]) for r in rows]


@pytest.fixture
def edited_apart(demo_path: Path, field_copy: Path) -> dict[str, Asset]:
    """The field worker adds a community fridge, corrects a phone number, rewrites a
    description, moves a surgery and deletes a closed group; the office rewrites the same
    description its own way and moves the same surgery elsewhere: two conflicts."""
    a, b, c, d = pick(demo_path, 4)
    fridge = Asset(uuids.uuid4().hex, "Sale Moor community fridge", a.category, x=a.x + 40, y=a.y)
    with Project.open(field_copy) as project:
        stack = CommandStack(project)
        stack.push(AddAsset(fridge))
        stack.push(EditAsset(a.uuid, {"phone": "0161 912 0000"}))
        stack.push(EditAsset(b.uuid, {"description": "Lunch club, Tuesdays (field)"}))
        stack.push(MoveAsset(d.uuid, d.x + 120.0, d.y - 35.0))
        stack.push(DeleteAsset(c.uuid))
    with Project.open(demo_path) as project:
        stack = CommandStack(project)
        stack.push(EditAsset(b.uuid, {"description": "Lunch club on Tuesdays (office)"}))
        stack.push(MoveAsset(d.uuid, d.x - 50.0, d.y + 10.0))
    return {"a": a, "b": b, "c": c, "d": d, "fridge": fridge}


def open_preview(qtbot, session, other: Path, **kwargs) -> MergeCopyDialog:
    dialog = MergeCopyDialog(session, other, **kwargs)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 680)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.job.busy, timeout=30_000)
    return dialog


def resolve(qtbot, dialog: MergeCopyDialog, act) -> ConflictsDialog:
    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    conflicts = dialog.findChild(ConflictsDialog)
    assert conflicts is not None and conflicts.isVisible()
    act(conflicts)
    qtbot.mouseClick(
        conflicts.buttons.button(conflicts.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    return conflicts


def keep_all(qtbot, side: str):
    def click(conflicts: ConflictsDialog) -> None:
        button = conflicts.all_mine_button if side == "mine" else conflicts.all_theirs_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    return click


def row_of(conflicts: ConflictsDialog, field: str) -> int:
    return next(i for i, c in enumerate(conflicts.model.conflicts) if c.field == field)


def when_message_box(act) -> None:
    """Run ``act(box)`` on the next message box (the merge dialog is modal before it)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            act(box)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def merge_now(qtbot, dialog: MergeCopyDialog) -> None:
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merged, timeout=30_000)


def test_menu_item_opens_the_preview_with_the_plans_counts(
    qtbot, session, field_copy, edited_apart, monkeypatch
):
    window = open_window(qtbot, session)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    merge_at = texts.index("&Merge a copy…")
    assert texts[merge_at - 1] == "Save a copy for the &field…"
    assert "another copy" in file_menu.actions()[merge_at].toolTip()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(field_copy), ""))
    file_menu.actions()[merge_at].trigger()
    dialog = window.files.merge_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    plan = plan_merge(session.project, field_copy)
    words = [(c.text(), w.text()) for c, w in dialog.count_labels]
    assert words[0] == ("1 asset", "new in field-copy.gpkg, to be added here")
    assert words[1] == ("1 asset", "changed in field-copy.gpkg, to be updated here")
    assert words[2] == ("1 asset", "deleted in field-copy.gpkg, to be deleted here")
    assert words[6][0] == "2 conflicts" == f"{len(plan.conflicts)} conflicts"
    lines = [dialog.lines.item(i).text() for i in range(dialog.lines.count())]
    assert lines == plan.report_lines()
    assert not dialog.merge_button.isEnabled()
    assert dialog.resolve_button.text() == "&Resolve conflicts… (2 to resolve)"
    assert "2 conflicts still to resolve" in dialog.message.text()
    SHOTS.mkdir(exist_ok=True)
    button = dialog.resolve_button
    qtbot.waitUntil(lambda: button.width() >= button.sizeHint().width())  # laid out again
    dialog.grab().save(str(SHOTS / "merge_preview.png"))
    dialog.reject()


def test_keep_mine_and_theirs_then_merge_and_undo(qtbot, session, field_copy, edited_apart):
    b, c, d, fridge = (edited_apart[k] for k in ("b", "c", "d", "fridge"))
    project = session.project
    before = assets.get(project, d.uuid)
    merged: list[str] = []
    dialog = open_preview(qtbot, session, field_copy, on_merged=lambda p: merged.append(p))

    def choose(conflicts: ConflictsDialog) -> None:
        conflicts.table.selectRow(row_of(conflicts, "description"))
        qtbot.mouseClick(conflicts.theirs_button, Qt.MouseButton.LeftButton)
        assert not dialog.merge_button.isEnabled()  # one left
        conflicts.table.selectRow(row_of(conflicts, "position"))
        assert not conflicts.edit_button.isEnabled()  # a position is one side or the other
        qtbot.mouseClick(conflicts.mine_button, Qt.MouseButton.LeftButton)
        assert conflicts.count.text() == "All 2 resolved"

    resolve(qtbot, dialog, choose)
    assert dialog.merge_button.isEnabled()
    merge_now(qtbot, dialog)
    assert assets.get(project, b.uuid).description == "Lunch club, Tuesdays (field)"
    assert (assets.get(project, d.uuid).x, assets.get(project, d.uuid).y) == (before.x, before.y)
    assert assets.get(project, c.uuid).deleted
    assert assets.find(project, fridge.uuid) is not None
    assert fridge.uuid in set(session.points()["uuid"])  # the map's points include it
    assert session.stack.undo_text == "Merge field-copy.gpkg"
    session.undo()
    assert assets.find(project, fridge.uuid) is None
    assert not assets.get(project, c.uuid).deleted
    assert assets.get(project, b.uuid).description == "Lunch club on Tuesdays (office)"
    assert len(merged) == 1


def test_status_bar_says_what_was_merged(qtbot, session, field_copy, edited_apart, monkeypatch):
    window = open_window(qtbot, session)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(field_copy), ""))
    window.files.act_merge_copy.trigger()
    dialog = window.files.merge_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    resolve(qtbot, dialog, keep_all(qtbot, "theirs"))
    merge_now(qtbot, dialog)
    assert window.statusBar().currentMessage() == (
        "Merged field-copy.gpkg: 1 added, 1 updated, 1 deleted, 2 conflicts resolved"
    )


def test_edit_a_third_value_and_keep_all_mine(qtbot, session, field_copy, edited_apart):
    b, d = edited_apart["b"], edited_apart["d"]
    project = session.project
    before = assets.get(project, d.uuid)
    dialog = open_preview(qtbot, session, field_copy)

    def choose(conflicts: ConflictsDialog) -> None:
        qtbot.mouseClick(conflicts.all_mine_button, Qt.MouseButton.LeftButton)
        conflicts.table.selectRow(row_of(conflicts, "description"))

        def type_value(box) -> None:
            assert isinstance(box, QInputDialog)
            edit = box.findChild(QPlainTextEdit)  # a description has lines, as in the form
            assert edit.toPlainText() == "Lunch club on Tuesdays (office)"  # prefilled: mine
            edit.setPlainText("Lunch club, Tuesdays 12-2")
            box.accept()

        when_modal(type_value)
        qtbot.mouseClick(conflicts.edit_button, Qt.MouseButton.LeftButton)
        row = row_of(conflicts, "description")
        shown = conflicts.model.index(row, 5).data()
        assert shown == "Edited: Lunch club, Tuesdays 12-2"
        SHOTS.mkdir(exist_ok=True)
        conflicts.grab().save(str(SHOTS / "merge_conflicts.png"))

    resolve(qtbot, dialog, choose)
    merge_now(qtbot, dialog)
    assert assets.get(project, b.uuid).description == "Lunch club, Tuesdays 12-2"
    assert (assets.get(project, d.uuid).x, assets.get(project, d.uuid).y) == (before.x, before.y)


def test_a_big_merge_is_written_from_a_worker_and_undone_in_one_step(
    qtbot, session, field_copy, edited_apart, monkeypatch
):
    monkeypatch.setattr(committing, "WRITE_IN_GUI_THREAD", 0)  # this merge counts as big
    fridge = edited_apart["fridge"]
    dialog = open_preview(qtbot, session, field_copy)
    resolve(qtbot, dialog, keep_all(qtbot, "theirs"))
    merge_now(qtbot, dialog)
    assert assets.find(session.project, fridge.uuid) is not None
    assert fridge.uuid in set(session.points()["uuid"])
    session.undo()
    assert assets.find(session.project, fridge.uuid) is None


def test_saved_report_holds_the_chosen_resolutions(
    qtbot, session, field_copy, edited_apart, tmp_path, monkeypatch
):
    dialog = open_preview(qtbot, session, field_copy)
    resolve(qtbot, dialog, keep_all(qtbot, "mine"))
    out = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert text.count("kept mine") == 2 and "Sale Moor community fridge" in text
    assert str(out) in dialog.message.text()


def test_nothing_to_merge_says_already_up_to_date(qtbot, session, field_copy):
    dialog = open_preview(qtbot, session, field_copy)
    assert dialog.heading.text() == "Already up to date: nothing to bring in from field-copy.gpkg"
    assert dialog.close_button.isVisible()
    assert not dialog.merge_button.isVisible() and not dialog.cancel_button.isVisible()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "merge_up_to_date.png"))


def test_cancel_while_planning_changes_nothing(qtbot, session, field_copy, edited_apart):
    seq, count = latest_seq(session.project.conn), len(assets.frame(session.project))
    dialog = MergeCopyDialog(session, field_copy)
    qtbot.addWidget(dialog)
    dialog.show()
    task = dialog.job.task
    assert task is not None and dialog.progress.isVisible()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.plan is None
    assert latest_seq(session.project.conn) == seq
    assert len(assets.frame(session.project)) == count
    assert not session.stack.can_undo


def another_project(path: Path, demo_path: Path) -> tuple[Path, Asset]:
    """A project of its own (not a copy of the demo) with one of the demo's assets mapped
    again by hand, at the same place, and one the demo lacks."""
    (twin,) = pick(demo_path, 1)
    with Project.create(path, name="Elsewhere") as other:
        stack = CommandStack(other)
        stack.push(AddAsset(Asset(uuids.uuid4().hex, twin.name, twin.category, x=twin.x, y=twin.y)))
        stack.push(AddAsset(Asset(uuids.uuid4().hex, "Stretford seed library", twin.category,
                                  x=twin.x + 900, y=twin.y)))  # fmt: skip
    return path, twin


def test_an_unrelated_project_is_refused_unless_asked_to_import_it(
    qtbot, session, demo_path, tmp_path, monkeypatch
):
    other, _ = another_project(tmp_path / "elsewhere.gpkg", demo_path)
    window = open_window(qtbot, session)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    before = latest_seq(session.project.conn)
    said: list[str] = []

    def answer(box) -> None:
        said.append(box.text() + box.detailedText())
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_message_box(answer)
    window.files.act_merge_copy.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert "elsewhere.gpkg is another project, not a copy of this one" in said[0]
    assert "is a different project" in said[0]  # the error itself, under Show Details
    assert not window.files.merge_dialog.isVisible()
    assert latest_seq(session.project.conn) == before


def test_an_unrelated_project_imported_as_new_assets_lists_the_duplicates_it_made(
    qtbot, session, demo_path, tmp_path, monkeypatch
):
    other, twin = another_project(tmp_path / "elsewhere.gpkg", demo_path)
    window = open_window(qtbot, session)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    live = "SELECT count(*) FROM assets WHERE deleted = 0"
    count = session.project.conn.execute(live).fetchone()[0]

    def import_it(box) -> None:
        (button,) = [b for b in box.buttons() if b.text() == "Import its assets…"]
        button.click()

    when_message_box(import_it)
    window.files.act_merge_copy.trigger()
    qtbot.waitUntil(lambda: window.files.merge_dialog.unrelated, timeout=30_000)
    dialog = window.files.merge_dialog
    qtbot.waitUntil(
        lambda: dialog.plan is not None and dialog.merge_button.isEnabled(), timeout=30_000
    )
    assert dialog.windowTitle() == "Import the assets of elsewhere.gpkg"
    assert dialog.merge_button.text() == "&Import"
    assert [a.name for a in dialog.plan.added] == [twin.name, "Stretford seed library"]
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: getattr(window.files, "duplicates_dialog", None) is not None, timeout=30_000
    )
    found = window.files.duplicates_dialog
    qtbot.waitUntil(lambda: not found.job.busy, timeout=30_000)
    assert found.windowTitle() == "Likely duplicates among imported assets"
    assert [(p.name_a, p.name_b) for p in found.pairs] == [(twin.name, twin.name)]
    assert session.project.conn.execute(live).fetchone()[0] == count + 2
    found.close()
    assert window.files.window.session.stack.undo_text == "Import the assets of elsewhere.gpkg"
    session.stack.undo()
    assert session.project.conn.execute(live).fetchone()[0] == count


def test_a_project_changed_since_the_plan_offers_to_work_it_out_again(
    qtbot, session, field_copy, edited_apart
):
    a = edited_apart["a"]
    dialog = open_preview(qtbot, session, field_copy)
    resolve(qtbot, dialog, keep_all(qtbot, "mine"))
    with Project.open(session.project.path) as elsewhere:  # another window edits meanwhile
        CommandStack(elsewhere).push(EditAsset(a.uuid, {"website": "https://example.org"}))
    asked: list[str] = []

    def again(box) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_message_box(again)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and dialog.plan is not None, timeout=30_000)
    assert "has changed since the merge was worked out" in asked[0]
    assert not dialog.merged and dialog.resolutions == {}
    assert dialog.resolve_button.text() == "&Resolve conflicts… (2 to resolve)"


def test_the_project_itself_cannot_be_merged(qtbot, session):
    dialog = open_preview(qtbot, session, session.project.path)
    assert dialog.heading.text() == "trafford.gpkg cannot be merged"
    assert dialog.message.text() == (
        "trafford.gpkg: is the project itself; choose another copy. Nothing was changed."
    )
    assert dialog.close_button.isVisible() and not dialog.lines.isVisible()


def test_an_error_that_already_says_nothing_was_changed_says_it_once_in_welsh(welsh):
    from assetmap.qt.dialogs.merge_words import nothing_changed

    said = "Nid oedd modd darllen y copi. Ni newidiwyd dim."
    assert nothing_changed(said) == said
    assert nothing_changed("Nid oedd modd darllen y copi") == (
        "Nid oedd modd darllen y copi. Ni newidiwyd dim."
    )
