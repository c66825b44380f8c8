"""The side-by-side conflict dialog of File ▸ Merge a copy…: 500 conflicts from two copies of
the Trafford demo that both rewrote 250 assets' phone numbers and descriptions, chosen in
bulk and row by row; values shown as people read them; a deletion against an edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLineEdit, QMessageBox

from assetmap.core import assets, copies
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.assets import DeleteAsset
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.merge import Conflict, plan_merge
from assetmap.core.project import Project
from assetmap.qt.dialogs.merge_conflicts import EDITABLE, ConflictsDialog, field_label, readable
from assetmap.qt.dialogs.merge_copy import MergeCopyDialog
from support.qt import when_modal

SHOTS = Path("/tmp/mergeui")


def live_uuids(path: Path, n: int) -> list[str]:
    with Project.open(path) as project:
        rows = project.conn.execute(
            "SELECT uuid FROM assets WHERE deleted = 0 ORDER BY name LIMIT ?", (n,)
        ).fetchall()
    return [r[0] for r in rows]


def rewrite(path: Path, uuids: list[str], who: str) -> None:
    """Phone and description of every asset in ``uuids``, as one undo step."""
    edits: list[Command] = [
        EditAsset(u, {"phone": f"0161 {who} {i:04d}", "description": f"Checked by {who}"})
        for i, u in enumerate(uuids)
    ]
    with Project.open(path) as project:
        CommandStack(project).push(CommandGroup(edits, f"Rewrite by {who}"))


@pytest.fixture
def five_hundred(demo_path: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    with Project.open(demo_path) as project:
        other = copies.save_copy(project, tmp_path / "survey.gpkg", label="Survey").path
    uuids = live_uuids(demo_path, 250)
    rewrite(demo_path, uuids, "office")
    rewrite(other, uuids, "survey")
    return other, uuids


def test_five_hundred_conflicts_chosen_in_bulk_and_by_row(qtbot, session, five_hundred):
    other, uuids = five_hundred
    plan = plan_merge(session.project, other)
    assert len(plan.conflicts) == 500
    dialog = ConflictsDialog(plan.conflicts, other.name, category_label=None)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    table = dialog.table
    assert table.model().rowCount() == 500
    assert table.indexWidget(table.model().index(0, 5)) is None  # rows drawn, not widgets
    assert dialog.count.text() == "500 of 500 still to choose"
    qtbot.mouseClick(dialog.all_theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.count.text() == "All 500 resolved"
    # Keep mine for rows 10 to 19: shift-click selection, as a user would.
    table.selectRow(10)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    for row in range(11, 20):
        table.selectionModel().select(
            table.model().index(row, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    chosen = dialog.resolutions()
    assert len(chosen) == 500
    kept = [c for c in plan.conflicts if chosen[c.key] == "mine"]
    assert kept == plan.conflicts[10:20]
    table.scrollTo(table.model().index(499, 0))
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "merge_500_conflicts.png"))

    preview = MergeCopyDialog(session, other)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=60_000)
    preview.set_resolutions(chosen)
    assert preview.merge_button.isEnabled()
    qtbot.mouseClick(preview.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.merged, timeout=60_000)
    project = session.project
    for conflict in plan.conflicts[:30]:
        value = getattr(assets.get(project, conflict.uuid), conflict.field)
        expected = conflict.mine if conflict in kept else conflict.theirs
        assert value == expected, conflict


def test_a_deletion_against_an_edit_is_one_side_or_the_other(qtbot, session, demo_path, tmp_path):
    with Project.open(demo_path) as project:
        other = copies.save_copy(project, tmp_path / "walk.gpkg", label="Walk").path
    (gone,) = live_uuids(demo_path, 1)
    with Project.open(other) as project:
        CommandStack(project).push(DeleteAsset(gone))
    session.push(EditAsset(gone, {"phone": "0161 000 1111"}))
    plan = plan_merge(session.project, other)
    (conflict,) = plan.conflicts
    assert conflict.field == "deleted"
    dialog = ConflictsDialog(plan.conflicts, other.name)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    texts = [model.index(0, c).data() for c in range(6)]
    assert texts[1:] == ["Deleted", "kept", "kept", "deleted", "Choose…"]
    assert not dialog.edit_button.isEnabled()
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.resolutions() == {(gone, "deleted"): "theirs"}


def test_values_read_as_people_read_them():
    assert readable("phone", None) == "(empty)"
    assert readable("position", (373922.44, 394746.5)) == "easting 373,922, northing 394,746"
    assert readable("position", None) == "(not on the map)"
    assert readable("deleted", True) == "deleted" and readable("deleted", False) == "kept"
    assert readable("audience", ("older people", "carers")) == "older people, carers"
    assert readable("status", "closed") == "Closed"
    assert readable("category", "food", lambda key: "Food support") == "Food support"
    assert field_label("opening_hours") == "Opening hours"
    assert field_label("audience") == "Who is it for?"


def test_a_category_name_conflict_can_be_edited(qtbot):
    conflict = Conflict("category:food", "Food", "label", "Food", "Food banks", "Food support")
    assert "label" in EDITABLE and "position" not in EDITABLE
    dialog = ConflictsDialog([conflict], "walk.gpkg")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.index(0, 1).data() == "Category name"
    assert dialog.edit_button.isEnabled()


def test_the_choice_cell_is_a_drop_down_per_row(qtbot):
    position = Conflict("u1", "Sale library", "position", (1.0, 2.0), (3.0, 4.0), (5.0, 6.0))
    phone = Conflict("u2", "Sale library", "phone", None, "0161 1", "0161 2")
    dialog = ConflictsDialog([position, phone], "walk.gpkg")
    qtbot.addWidget(dialog)
    dialog.show()
    table, model = dialog.table, dialog.model

    def pick_next(row: int) -> list[str]:
        """Open row's drop-down and move one item down, as the keyboard does."""
        table.setCurrentIndex(model.index(row, 5))
        table.edit(model.index(row, 5))
        box = table.indexWidget(model.index(row, 5))
        items = [box.itemText(i) for i in range(box.count())]
        qtbot.keyClick(box, Qt.Key.Key_Down)
        return items

    assert pick_next(0) == ["Keep mine", "Keep theirs"]  # nothing chosen: Down is the first
    assert dialog.resolutions() == {("u1", "position"): "mine"}
    qtbot.waitUntil(lambda: table.indexWidget(model.index(0, 5)) is None)  # closed on choosing
    pick_next(0)
    assert dialog.resolutions() == {("u1", "position"): "theirs"}
    assert model.index(0, 5).data() == "Keep theirs"
    assert pick_next(1) == ["Keep mine", "Keep theirs", "Edit…"]


def test_edit_a_one_line_field_and_a_name_cannot_be_emptied(qtbot):
    phone = Conflict("u2", "Sale library", "phone", None, "0161 1", "0161 2")
    name = Conflict("u3", "Sale library", "name", "Sale library", "Sale Library", "Sale library.")
    dialog = ConflictsDialog([phone, name], "walk.gpkg")
    qtbot.addWidget(dialog)
    dialog.show()
    answers: list[str] = []

    def type_in(text: str):
        def act(box) -> None:
            if isinstance(box, QInputDialog):
                edit = box.findChild(QLineEdit)
                answers.append(edit.text())
                edit.setText(text)
                box.accept()
                when_modal(lambda m: m.accept() if isinstance(m, QMessageBox) else None)

        return act

    dialog.table.selectRow(0)
    when_modal(type_in(" 0161 3 "))
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert answers == ["0161 1"] and dialog.resolutions() == {("u2", "phone"): "0161 3"}
    dialog.table.selectRow(1)
    when_modal(type_in("  "))
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert ("u3", "name") not in dialog.resolutions()  # refused, said so, left to choose
