"""File › Export…: previews the page, exports through a worker with progress, says where the
file went and what it left out, and carries the map's view, layers and table filter."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.qt.dialogs import export_dialog
from assetmap.qt.dialogs.export_dialog import ExportDialog

WAIT_MS = 60_000
LSOA = "Neighbourhoods (LSOA 2021)"


@pytest.fixture
def dialog(qtbot, session):
    session.push(
        AddAsset(
            Asset(
                new_uuid(),
                "Someone's skills",
                "individual_skills",
                x=379_600.0,
                y=396_100.0,
                personal_data=True,
            )
        )
    )
    d = ExportDialog(session, view_extent=(376_000.0, 390_000.0, 380_000.0, 393_000.0))
    qtbot.addWidget(d)
    d.show()
    return d


def distinct_colours(image, step: int = 7) -> int:
    return len(
        {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_preview_draws_the_page_and_follows_the_options(qtbot, dialog):
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        dialog.schedule_preview()
    image = dialog.preview_image
    assert image is not None and not image.isNull()
    assert distinct_colours(image) > 20  # a map, a legend and words, not a blank page
    assert image.width() > image.height()  # landscape
    dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("portrait"))
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        pass
    assert dialog.preview_image.height() > dialog.preview_image.width()
    dialog.set_kind("csv")
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        pass
    assert dialog.preview_image is None and "No page" in dialog.preview_label.text()
    assert not dialog.page_box.isEnabled()


def test_exports_a_pdf_through_the_worker_and_says_what_was_left_out(qtbot, dialog, tmp_path):
    dialog.title_edit.setText("Assets near the Metrolink")
    dialog.extent_combo.setCurrentIndex(dialog.extent_combo.findData(export_dialog.CURRENT_VIEW))
    out = tmp_path / "map.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        task = dialog.export_to(out)
        assert dialog.busy and task is dialog.task
    report = done.args[0]
    assert report.path == out and out.exists()
    assert "personal data" in report.notice
    assert dialog.message is not None and str(out) in dialog.message.text()
    assert report.notice in dialog.message.text()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Assets near the Metrolink" in text
    # The current view was the extent, not the whole borough.
    minx, miny, maxx, maxy = report.view.bounds()
    assert maxx - minx < 6_000 and maxy - miny < 6_000
    dialog.message.close()


def test_personal_data_goes_in_only_when_ticked(qtbot, dialog, tmp_path):
    dialog.personal_check.setChecked(True)
    assert dialog.options().include_personal
    dialog.set_kind("csv")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        dialog.export_to(tmp_path / "assets.csv")
    assert "Someone's skills" in (tmp_path / "assets.csv").read_text(encoding="utf-8-sig")
    assert "personal data" not in done.args[0].notice


def test_participants_names_go_into_a_data_file_only_when_ticked(qtbot, dialog, session, tmp_path):
    from assetmap.core.commands.workshop import AddContribution, CreateWorkshop
    from assetmap.core.workshop.submission import Submission

    create = CreateWorkshop("Stretford evening", "Library", "2026-12-09", "Ann")
    session.push(create)
    pin = Submission("asset", "food_banks", "Community fridge", "", "Priya", 379_480.0, 396_110.0)
    session.push(AddContribution(str(create.workshop_id), pin, None, review="approved"))
    dialog.set_kind("pdf")
    assert not dialog.names_check.isEnabled()
    dialog.set_kind("csv")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.export_to(tmp_path / "plain.csv")
    assert "Priya" not in (tmp_path / "plain.csv").read_text(encoding="utf-8-sig")
    qtbot.mouseClick(dialog.names_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.export_to(tmp_path / "named.csv")
    assert "Priya" in (tmp_path / "named.csv").read_text(encoding="utf-8-sig")


def test_rejected_assets_go_into_a_data_file_only_when_ticked(qtbot, dialog, session, tmp_path):
    from assetmap.core.commands.review import SetReview

    library = session.points().query("category == 'libraries'")["uuid"].iloc[0]
    session.push(SetReview((library,), "rejected"))
    dialog.set_kind("pdf")
    assert not dialog.rejected_check.isEnabled()
    dialog.rejected_check.setChecked(True)
    assert not dialog.options().include_rejected  # a map never draws them
    dialog.set_kind("csv")
    assert dialog.rejected_check.isEnabled() and dialog.options().include_rejected
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        dialog.export_to(tmp_path / "all.csv")
    assert library in (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
    assert "rejected" not in done.args[0].notice
    dialog.rejected_check.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        dialog.export_to(tmp_path / "approved.csv")
    assert library not in (tmp_path / "approved.csv").read_text(encoding="utf-8-sig")
    assert "1 rejected asset" in done.args[0].notice


def test_hidden_categories_and_the_table_filter_go_into_the_options(qtbot, session):
    session.layers.set_categories_visible(["schools"], False)
    chosen = frozenset(session.points()["uuid"].head(5))
    d = ExportDialog(session, asset_uuids=chosen)
    qtbot.addWidget(d)
    options = d.options()
    assert "schools" not in options.categories and "libraries" in options.categories
    assert options.asset_uuids == chosen
    assert "table's filter" in d.scope_label.text()


def test_gap_map_and_report_follow_the_map(qtbot, session, tmp_path):
    from assetmap.core.layers import ThematicStyle

    result = analyse(session.project, AnalysisParams(LSOA, ("mental_health",), 800.0))
    session.layers.set_thematic(ThematicStyle(LSOA, result.run_id, "mental_health", mode="gaps"))
    d = ExportDialog(session)
    qtbot.addWidget(d)
    options = d.options()
    assert options.analysis == str(result.run_id) and options.measure == "gap"
    d.set_kind("report_pdf")
    assert d.kind.group == "report"
    with qtbot.waitSignal(d.previewed, timeout=WAIT_MS):
        pass
    assert d.preview_image is not None
    with qtbot.waitSignal(d.exported, timeout=WAIT_MS) as done:
        d.export_to(tmp_path / "report.pdf")
    assert done.args[0].pages >= 2
    d.message.close()


def test_report_and_html_choices_are_disabled_with_a_reason(qtbot, session, monkeypatch):
    monkeypatch.setattr(export_dialog, "HTML_AVAILABLE", False)
    d = ExportDialog(session)  # the demo has no analysis run yet
    qtbot.addWidget(d)
    model = d.kind_combo.model()
    for key in ("html", "report_pdf", "report_html"):
        item = model.item(d.kind_combo.findData(key))
        assert not item.isEnabled() and item.toolTip()


def test_file_menu_export_opens_the_dialog_with_the_view_and_filter(qtbot, session, monkeypatch):
    from assetmap.qt.main_window import MainWindow

    opened = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.table.proxy.set_category("libraries")
    window.act_export.trigger()
    assert len(opened) == 1
    d = opened[0]
    libraries = set(session.points().query("category == 'libraries'")["uuid"])
    assert d.asset_uuids is not None and libraries <= set(d.asset_uuids)
    assert d.view_extent is not None
    assert d.extent_combo.findData(export_dialog.CURRENT_VIEW) >= 0  # offered, not the default
    assert d.extent_combo.currentData() is None  # everything the map shows


def test_by_default_the_page_shows_the_whole_place_not_the_screen(qtbot, dialog, tmp_path):
    """The screen may show the place small (after an import) or in part: a printed map
    shows all of its neighbourhoods unless the user asks for the current view."""
    dialog.author_edit.setText("Trafford Community Partnership")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        dialog.export_to(tmp_path / "map.pdf")
    report = done.args[0]
    minx, miny, maxx, maxy = report.view.bounds()
    assert maxx - minx > 15_000 and maxy - miny > 10_000  # the borough, not the 4 km view
    assert minx < 370_000 and maxx > 383_000 and miny < 385_000 and maxy > 397_000
    info = pypdf.PdfReader(tmp_path / "map.pdf").metadata
    assert info.author == "Trafford Community Partnership"
    assert info.title == dialog.session.project.name
    dialog.message.close()


@pytest.fixture
def demo_copy_session(qtbot, tmp_path, monkeypatch):
    """The app's private copy of the demo (under data_dir(), as the Demo menu opens it),
    with a home folder holding Documents."""
    from assetmap.core.project import Project
    from assetmap.qt.paths import data_dir, private_copy, shipped_demo
    from assetmap.qt.session import Session

    home = tmp_path / "user"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    copy = private_copy(shipped_demo())
    assert copy.is_relative_to(data_dir())
    s = Session(Project.open(copy))
    yield s
    s.close()


def save_dialog_folder(qtbot, dialog, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    """Click Export…, read the folder the Save dialog opened in, and cancel it."""
    from PySide6.QtWidgets import QFileDialog

    from assetmap.qt import file_dialogs
    from support.qt import when_modal

    monkeypatch.setattr(file_dialogs, "OPTIONS", QFileDialog.Option.DontUseNativeDialog)
    seen: list[str] = []

    def read_and_cancel(box) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(box, QFileDialog)
        seen.append(box.directory().absolutePath())
        box.reject()

    when_modal(read_and_cancel)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert not dialog.busy  # cancelled: nothing exported
    return seen[0]


def test_the_save_dialog_starts_in_documents_or_the_last_folder_never_beside_the_demo_copy(
    qtbot, demo_copy_session, tmp_path, monkeypatch
):
    from PySide6.QtCore import QSettings

    from assetmap.qt import file_dialogs
    from assetmap.qt.paths import data_dir

    d = ExportDialog(demo_copy_session)
    qtbot.addWidget(d)
    d.show()
    documents = str(tmp_path / "user" / "Documents")
    assert file_dialogs.start_folder(file_dialogs.EXPORTS) == Path(documents)
    assert save_dialog_folder(qtbot, d, monkeypatch) == documents
    # A folder the app keeps to itself is never offered, even if it was last used...
    QSettings().setValue(file_dialogs.EXPORTS, str(data_dir() / "demo"))
    assert save_dialog_folder(qtbot, d, monkeypatch) == documents
    # ...but the user's own last folder is.
    maps = tmp_path / "maps"
    maps.mkdir()
    file_dialogs.remember_folder(file_dialogs.EXPORTS, maps / "last.pdf")
    assert save_dialog_folder(qtbot, d, monkeypatch) == str(maps)
