"""File ▸ Import ▸ Service directory…: the taxonomy terms with their categories, changeable
before the import, then the shared check, report and undoable import."""

from __future__ import annotations

import csv
import shutil

from PySide6.QtCore import Qt

from assetmap.core import assets
from assetmap.qt.dialogs.imports.category_values import CATEGORY, VALUE, WHY
from assetmap.qt.dialogs.imports.openreferral import DEFAULT_WHY, ImportServiceDirectoryDialog

WAIT_MS = 60_000
SERVICE = "ac148810-d857-441c-9679-408f346de14b"


def _edit(path, changes):
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    rows[0].update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _counselling_in_trafford(sources, tmp_path):
    """The HSDS example, its service typed 'Counselling' and at a Trafford postcode."""
    folder = tmp_path / "directory"
    shutil.copytree(sources / "open_referral" / "hsds3_examples_csv", folder)
    _edit(folder / "taxonomy_terms.csv", {"name": "Counselling"})
    _edit(folder / "attributes.csv", {"link_id": SERVICE})
    _edit(folder / "addresses.csv", {"postal_code": "M32 0TH"})
    return folder / "datapackage.json"


def _next(qtbot, dialog):
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def test_terms_are_shown_with_their_categories_changed_and_imported(
    qtbot, session, sources, tmp_path
):
    path = _counselling_in_trafford(sources, tmp_path)
    before = len(assets.frame(session.project))
    dialog = ImportServiceDirectoryDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    assert "Read 1 record from" in dialog.status.text()  # one, not "1 records"
    _next(qtbot, dialog)
    table = dialog.values_table
    assert table.item(0, VALUE).text() == "Counselling"
    assert table.item(0, CATEGORY).text() == "Mental health"
    assert table.item(0, WHY).text() == DEFAULT_WHY
    dialog.grab().save("/tmp/service_directory_categories.png")
    table.choose("Counselling", "charities")
    assert table.category_map() == {"Counselling": "charities"}
    _next(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.busy, timeout=WAIT_MS)
    report = dialog.report
    assert report.imported == 1
    assert any("latitude 100" in issue.message for issue in report.repaired)
    dialog.grab().save("/tmp/service_directory_report.png")
    _next(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=WAIT_MS)
    frame = assets.frame(session.project)
    assert len(frame) == before + 1
    added = frame[frame["name"] == "Community Counselling"].iloc[0]
    assert added["category"] == "charities"
    assert added.geometry is not None  # placed by its postcode, its latitude 100 ignored
    session.undo()
    assert len(assets.frame(session.project)) == before
