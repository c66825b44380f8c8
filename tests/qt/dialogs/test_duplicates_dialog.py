"""Tools ▸ Find duplicates… on the Trafford demo, driven as a user would (the pairs are
checked by hand in tests/core/test_duplicates.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from assetmap.core import assets
from assetmap.core.duplicates import find_duplicates
from assetmap.qt.dialogs.duplicates import DuplicatesDialog


def _open(qtbot, session, shown=None):
    dialog = DuplicatesDialog(session, show_pair=(shown.append if shown is not None else None))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.job.busy and bool(dialog.pairs), timeout=20_000)
    return dialog


def _select(dialog, a: str, b: str) -> None:
    row = next(n for n, p in enumerate(dialog.pairs) if {p.name_a, p.name_b} == {a, b})
    dialog.pair_list.setCurrentRow(row)


def _table(dialog) -> dict[str, tuple[str, str]]:
    t = dialog.table
    return {
        t.item(r, 0).text(): (t.item(r, 1).text(), t.item(r, 2).text()) for r in range(t.rowCount())
    }


def test_merge_a_pair_choosing_the_other_name_then_undo(qtbot, session, tmp_path):
    shown: list[set[str]] = []
    dialog = _open(qtbot, session, shown)
    assert len(dialog.pairs) == 6
    assert "6 likely duplicate pairs" in dialog.status.text()
    _select(dialog, "Coppice Library", "Coppice Library and Wellbeing Centre")
    pair = dialog.current
    assert shown[-1] == {pair.uuid_a, pair.uuid_b}  # the map was zoomed to the pair
    rows = _table(dialog)
    if rows["Name"][0] != "Coppice Library":
        dialog.swap_button.click()
        rows = _table(dialog)
    assert rows["Name"] == ("Coppice Library", "Coppice Library and Wellbeing Centre")
    assert rows["Phone"] == ("", "0161 912 3560")
    # name, category, website and source differ: highlighted, with a choice each
    combos = {
        dialog.table.cellWidget(r, 3).property("field"): dialog.table.cellWidget(r, 3)
        for r in range(dialog.table.rowCount())
        if isinstance(dialog.table.cellWidget(r, 3), QComboBox)
    }
    assert set(combos) == {"name", "category", "website", "source"}
    combos["name"].setCurrentIndex(1)  # the other's: the longer name
    dialog.resize(1100, 620)
    dialog.grab().save(str(tmp_path / "duplicates.png"))
    keep, other = dialog._keep_other()

    dialog.merge_button.click()

    assert assets.get(session.project, keep).name == "Coppice Library and Wellbeing Centre"
    assert assets.get(session.project, keep).phone == "0161 912 3560"
    assert assets.get(session.project, other).deleted
    assert len(dialog.pairs) == 5
    session.undo()
    assert assets.get(session.project, keep).name == "Coppice Library"
    assert not assets.get(session.project, other).deleted


def test_not_a_duplicate_is_remembered_and_skip_moves_on(qtbot, session):
    dialog = _open(qtbot, session)
    dialog.pair_list.setCurrentRow(0)
    dialog.skip_button.click()
    assert dialog.pair_list.currentRow() == 1
    _select(dialog, "Altrincham Grammar School for Boys", "The Grammar")
    dialog.not_button.click()
    assert len(dialog.pairs) == 5
    names = [{p.name_a, p.name_b} for p in find_duplicates(session.project)]
    assert {"Altrincham Grammar School for Boys", "The Grammar"} not in names
    again = _open(qtbot, session)
    assert len(again.pairs) == 5
    assert session.stack.undo_text == "Mark as not a duplicate"
