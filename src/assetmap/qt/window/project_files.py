"""File ▸ New, Open, Open Demo Project, Save a Copy, Save a copy for the field and Merge a
copy: which project the window shows, and which copy of it the title bar names.

It acts on the window (``window.switch_to`` shows another project); the dialogs
themselves are in ``assetmap.qt.dialogs``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from assetmap.core import copies
from assetmap.core.errors import AssetmapError, UnrelatedProjectError
from assetmap.core.project import Project
from assetmap.qt import file_dialogs
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from assetmap.core.merge import MergePlan
    from assetmap.qt.dialogs.new_place_project import NewPlaceProjectDialog
    from assetmap.qt.main_window import MainWindow

# File ▸ Open Demo Project's entries (qt.paths.DEMOS), marked here for translation.
DEMO_LABELS = {
    "trafford.gpkg": QT_TRANSLATE_NOOP(
        "ProjectFiles", "&Trafford: 501 assets, 139 neighbourhoods, gap analysis"
    ),
    "rutland.gpkg": QT_TRANSLATE_NOOP(
        "ProjectFiles", "&Rutland: works offline, with streets and places"
    ),
}


class ProjectFiles:
    """Creating, opening and copying project files for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def new_project(self) -> None:
        from assetmap.qt.dialogs.new_project import NewProjectWizard

        wizard = NewProjectWizard(self.window)
        if not wizard.exec():
            return
        try:
            project = Project.create(wizard.project_path, name=wizard.project_name, crs=wizard.crs)
        except AssetmapError as exc:
            show_error(self.window, translate("ProjectFiles", "Could not create the project"), exc)
            return
        self.window.switch_to(project)
        if wizard.areas_path is not None:
            self._import_first_areas(wizard.areas_path, wizard.areas_name)

    def new_place_project(self) -> None:
        """File ▸ New project for a place…: made from the starter pack, then opened."""
        from assetmap.qt.dialogs.new_place_project import NewPlaceProjectDialog

        try:
            dialog = NewPlaceProjectDialog(self.window)
        except AssetmapError as exc:
            show_error(
                self.window, translate("ProjectFiles", "Could not read the starter pack"), exc
            )
            return
        self.place_dialog = dialog  # tests drive it; the window opens what it made
        dialog.accepted.connect(lambda: self._open_place_project(dialog))
        dialog.open()

    def _open_place_project(self, dialog: NewPlaceProjectDialog) -> None:
        made = dialog.made
        if made is None or not self.open_path(made.path):
            return
        self.window.zoom_to_all()
        words = translate(
            "ProjectFiles", "{place}: {areas} neighbourhoods, {postcodes:,} postcodes"
        ).format(place=made.place.name, areas=made.areas, postcodes=made.postcodes)
        self.window.statusBar().showMessage(" ".join([words, *made.notes]), 15000)

    def _import_first_areas(self, path: Path, name: str) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportAreasDialog

        dialog = ImportAreasDialog(self.window.session, self.window, path=path)
        dialog.set_area_set_name(name)
        dialog.exec()
        self.window.zoom_to_all()

    def open_dialog(self) -> None:
        start = QSettings().value("paths/projects", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("ProjectFiles", "Open project"),
            str(start),
            translate("ProjectFiles", "assetmap projects (*.gpkg);;All files (*)"),
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Show the project at ``path`` (a shipped demo opens as the user's own copy)."""
        from assetmap.qt.app import private_copy_if_demo

        try:
            project = Project.open(private_copy_if_demo(path))
        except AssetmapError as exc:
            show_error(self.window, translate("ProjectFiles", "Could not open the project"), exc)
            return False
        self.window.switch_to(project)
        return True

    def fill_demo_menu(self, menu: QMenu) -> None:
        from assetmap.qt.paths import DEMOS, shipped_demo

        for name, label in DEMOS.items():
            path = shipped_demo(name)
            action = menu.addAction(translate("ProjectFiles", DEMO_LABELS.get(name, label)))
            action.setEnabled(path is not None)
            action.setStatusTip(
                translate(
                    "ProjectFiles", "Opens your own copy: the demo as shipped stays as it is."
                )
            )
            if path is not None:
                action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    def save_copy(self) -> None:
        from assetmap.qt import file_dialogs

        project = self.window.session.project
        chosen = file_dialogs.save_file_name(
            self.window,
            translate("ProjectFiles", "Save a copy"),
            file_dialogs.PROJECTS,
            translate("ProjectFiles", "{name} copy.gpkg").format(name=project.path.stem),
            translate("ProjectFiles", "assetmap project (*.gpkg)"),
        )
        if chosen is None:
            return
        target = str(chosen)
        if not target.lower().endswith(".gpkg"):
            target += ".gpkg"
        label = copies.identity(project).copy_label  # the same copy, as far as people see
        try:
            copies.save_copy(project, Path(target), label=label)
        except (AssetmapError, OSError) as exc:
            show_error(self.window, translate("ProjectFiles", "Could not save the copy"), exc)
            return
        self.window.statusBar().showMessage(
            translate("ProjectFiles", "Copy saved to {path}").format(path=target), 6000
        )

    def add_field_copy_action(self, menu: QMenu) -> QAction:
        """File ▸ Save a copy for the field…, placed by the window after Save a Copy, and
        Merge a copy… right after it (the way that copy comes back)."""
        action = QAction(translate("ProjectFiles", "Save a copy for the &field…"), self.window)
        tip = translate(
            "ProjectFiles",
            "a copy to hand out and merge back later, without personal data if you wish",
        )
        action.setStatusTip(tip)
        action.setToolTip(
            translate("ProjectFiles", "Save a copy for the field — {tip}").format(tip=tip)
        )
        action.triggered.connect(self.save_field_copy)
        menu.addAction(action)
        self.act_save_field_copy = action
        self.add_merge_action(menu)
        return action

    def add_merge_action(self, menu: QMenu) -> QAction:
        action = QAction(translate("ProjectFiles", "&Merge a copy…"), self.window)
        tip = translate(
            "ProjectFiles",
            "bring in the work done in another copy of this project; you choose on conflicts",
        )
        action.setStatusTip(tip)
        action.setToolTip(translate("ProjectFiles", "Merge a copy — {tip}").format(tip=tip))
        action.triggered.connect(self.merge_copy)
        menu.addAction(action)
        self.act_merge_copy = action
        return action

    def merge_copy(self) -> None:
        """Ask for the copy, then show what merging it would change (MergeCopyDialog)."""
        from assetmap.qt.dialogs.merge_copy import MergeCopyDialog, choose_copy, merged_words

        path = choose_copy(self.window)
        if path is None:
            return
        file_dialogs.remember_folder(file_dialogs.PROJECTS, path)
        self.merge_dialog = MergeCopyDialog(
            self.window.session,
            path,
            self.window,
            on_unrelated=self.import_unrelated,
            on_merged=lambda plan: self.window.statusBar().showMessage(merged_words(plan), 15000),
        )
        self.merge_dialog.open()

    def import_unrelated(self, path: Path, error: UnrelatedProjectError) -> None:
        """Another project chosen to merge: offer to import its assets as new ones, then
        list the likely duplicates between them and the assets already here."""
        from assetmap.qt.dialogs.merge_copy import MergeCopyDialog, ask_import_unrelated

        if not ask_import_unrelated(self.window, path, error):
            return
        self.merge_dialog = MergeCopyDialog(
            self.window.session,
            path,
            self.window,
            unrelated=True,
            on_merged=self._imported,
        )
        self.merge_dialog.open()

    def _imported(self, plan: MergePlan) -> None:
        from assetmap.qt.dialogs.duplicates import DuplicatesDialog

        n = len(plan.added)
        words = (
            translate("ProjectFiles", "Imported 1 asset from {name}")
            if n == 1
            else translate("ProjectFiles", "Imported {n} assets from {name}")
        )
        self.window.statusBar().showMessage(words.format(n=n, name=plan.other_path.name), 15000)
        brought = frozenset(a.uuid for a in plan.added)
        self.duplicates_dialog = DuplicatesDialog(
            self.window.session, self.window, self.window.zoom.show_assets, imported=brought
        )
        self.duplicates_dialog.open()

    def save_field_copy(self) -> None:
        from assetmap.qt.dialogs.field_copy import FieldCopyDialog

        FieldCopyDialog(self.window.session.project, self.window).exec()

    def window_title(self) -> str:
        """ "Trafford — Field copy for Jo, 7 December 2026 — assetmap": which copy is open."""
        project = self.window.session.project
        label = copies.identity(project).copy_label
        return " — ".join(part for part in (project.name, label, "assetmap") if part)
