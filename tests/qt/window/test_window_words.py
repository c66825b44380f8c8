"""The main window's sentences, made from translatable patterns (issue 15 item 6): they
still read as good English (one asset, several assets), and the typed-place dialog says
what core accepts."""

from __future__ import annotations

from assetmap.core.shared.sync import SyncResult
from assetmap.core.typed_location import HINT
from assetmap.qt.window.keyboard_place import TEXTS, LocationDialog, text
from assetmap.qt.window.sharing import sync_words
from support.qt import open_window


def result(pulled: int, conflicts: int) -> SyncResult:
    return SyncResult(
        target="db.example.org/assets", schema="assetmap_trafford", pushed=2, pulled=pulled,
        conflicts=conflicts, push_skipped=None, waiting=0, new_copy_id=False, recovered=False,
        last_pulled_feed_id=7, seconds=1.25,
    )  # fmt: skip


def test_the_sync_sentence_counts_one_change_and_several(qapp):
    assert sync_words(result(1, 0)) == (
        "Synced with assetmap_trafford in 1.2 s: 1 change brought here, 2 sent."
    )
    assert sync_words(result(3, 2)) == (
        "Synced with assetmap_trafford in 1.2 s: 3 changes brought here, 2 sent; "
        "2 conflicts resolved."
    )


def test_the_place_dialog_explains_what_core_accepts(qtbot, session):
    """Its help is written out for translation; it must not drift from core's hint."""
    assert text("where_help") == f"Type {HINT}."
    dialog = LocationDialog(session, text("go_title"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == TEXTS["go_title"] == "Go to…"


def test_a_box_selection_says_how_many(qtbot, session):
    window = open_window(qtbot, session)
    said: list[str] = []
    window.selection.message.connect(said.append)
    points = session.points()
    one = points.iloc[0]
    x, y = float(one["x"]), float(one["y"])
    window.selection.select_in_box((x - 0.01, y - 0.01, x + 0.01, y + 0.01), False)
    window.selection.select_in_box(window.canvas.view.bounds(), False)
    assert said[0] == "1 asset selected"
    assert said[1] == f"{len(session.selection)} assets selected" and len(session.selection) > 1
