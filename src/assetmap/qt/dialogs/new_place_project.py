"""File ▸ New project for a place…: pick a local authority, pick the file, and the project is
made from the starter pack (its neighbourhoods, population, deprivation and postcodes), offline.

The work runs off the GUI thread with progress and Cancel; the window opens the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.errors import AssetmapError
from assetmap.core.io.starter import Place, StarterPack, UnknownPlaceError
from assetmap.core.places import PlaceProject, new_project_for_place, welsh_note
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.qt import file_dialogs
from assetmap.qt.i18n import translate
from assetmap.qt.workers import BackgroundJob

_PLACE = Qt.ItemDataRole.UserRole


class NewPlaceProjectDialog(QDialog):
    """A searchable list of places and a file name; ``made`` holds the result once accepted."""

    def __init__(self, parent: QWidget | None = None, pack: StarterPack | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NewPlaceProject", "New project for a place"))
        self.resize(620, 560)
        self.pack = pack or StarterPack()
        self.made: PlaceProject | None = None
        self._replace_confirmed: Path | None = None
        intro = QLabel(
            translate(
                "NewPlaceProject",
                "Choose a local authority of England or Wales. Its neighbourhoods (LSOA 2011), "
                "their population and deprivation (IMD 2019, England only) and its postcodes "
                "come from the starter pack shipped with assetmap: no network and no file to find.",
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("NewPlaceProject", "Type a name or code, e.g. Leicester or E06000016")
        )
        self.search.setAccessibleName(translate("NewPlaceProject", "Search places"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("NewPlaceProject", "Places"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(translate("NewPlaceProject", "About the chosen place"))
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(translate("NewPlaceProject", "Project file"))
        browse = QPushButton(translate("NewPlaceProject", "Choose…"))
        browse.setAccessibleName(
            translate("NewPlaceProject", "Choose where to save the project file")
        )
        browse.clicked.connect(self._choose_file)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(translate("NewPlaceProject", "Create project"))
        self.buttons.accepted.connect(self.make_project)
        self.buttons.rejected.connect(self._cancel_or_close)
        self.stop_button = QPushButton(translate("NewPlaceProject", "Stop"))
        self.job = BackgroundJob(
            self, progress=self.progress, cancel_button=self.stop_button, say=self.status.setText
        )
        self.job.busyChanged.connect(self._show_busy)
        self._layout(intro, browse)
        self._fill_list()
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._place_chosen)
        self.search.installEventFilter(self)
        self.file_edit.textChanged.connect(self._update_create)
        self._update_create()

    def _layout(self, intro: QLabel, browse: QPushButton) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("NewPlaceProject", "Save as"), file_row)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addLayout(busy_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # ---- the list ---------------------------------------------------------------------
    def _fill_list(self) -> None:
        for place in self.pack.places:
            item = QListWidgetItem(
                translate(
                    "NewPlaceProject", "{name}  ({code}, {country}, {n} neighbourhoods)"
                ).format(name=place.name, code=place.code, country=place.country, n=place.lsoas)
            )
            item.setData(_PLACE, place)
            self.list.addItem(item)

    def _filter(self, text: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            place: Place = item.data(_PLACE)
            item.setHidden(not place.matches(text))
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._choose_first_shown()
        self._update_create()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Down or Enter in the search box go to the list (Enter does not create yet: the
        list is where the choice is seen), so the dialog is used from the keyboard alone."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_first_shown()
                self.list.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _choose_first_shown(self) -> None:
        shown = [self.list.item(r) for r in range(self.list.count())]
        first = next((i for i in shown if not i.isHidden()), None)
        if first is not None:
            self.list.setCurrentItem(first)
        elif self.search.text().strip():
            self._no_match(self.search.text())

    def _no_match(self, text: str) -> None:
        try:
            self.pack.find(text)
        except UnknownPlaceError as exc:
            closest = ", ".join(p.name for p in exc.suggestions) or translate(
                "NewPlaceProject", "none"
            )
            self.note.setText(
                translate(
                    "NewPlaceProject", "No place matches “{text}”. Closest: {closest}."
                ).format(text=text.strip(), closest=closest)
            )

    @property
    def place(self) -> Place | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(_PLACE)

    def select(self, query: str) -> None:
        """Choose the place named or coded ``query`` (as `--place` takes it)."""
        place = self.pack.find(query)
        for row in range(self.list.count()):
            if self.list.item(row).data(_PLACE) == place:
                self.search.clear()
                self.list.setCurrentRow(row)
                return

    def _place_chosen(self) -> None:
        place = self.place
        if place is None:
            self.note.clear()
        elif place.has_imd:
            self.note.setText(
                translate(
                    "NewPlaceProject",
                    "{name}: {n} neighbourhoods with population (mid-2015) and "
                    "IMD 2019 rank, decile and need, and the postcodes within 5 km.",
                ).format(name=place.name, n=place.lsoas)
            )
        else:
            self.note.setText(welsh_note(place))
        self._suggest_file()
        self._update_create()

    # ---- the file ---------------------------------------------------------------------
    def _suggest_file(self) -> None:
        place = self.place
        if place is None or self.file_edit.isModified():
            return
        slug = "".join(c if c.isalnum() else "_" for c in place.name.lower()).strip("_")
        folder = file_dialogs.start_folder(file_dialogs.PROJECTS)
        self.file_edit.setText(str(folder / f"{slug}_assets.gpkg"))

    def _choose_file(self) -> None:
        chosen = file_dialogs.save_file_name(
            self,
            translate("NewPlaceProject", "Save the new project as"),
            file_dialogs.PROJECTS,
            Path(self.file_edit.text() or "project.gpkg").name,
            translate("NewPlaceProject", "assetmap project (*.gpkg)"),
        )
        if chosen is not None:
            text = str(chosen)
            text = text if text.lower().endswith(".gpkg") else text + ".gpkg"
            self.file_edit.setText(text)
            self.file_edit.setModified(True)
            self._replace_confirmed = Path(text)  # the save dialog asked about replacing it
            self._update_create()

    def _update_create(self) -> None:
        ready = self.place is not None and bool(self.file_edit.text().strip())
        self.create_button.setEnabled(ready and not self.job.busy)

    # ---- making it --------------------------------------------------------------------
    def make_project(self) -> None:
        place = self.place
        path = Path(self.file_edit.text().strip())
        if place is None or not path.name:
            return

        overwrite = self._replace_confirmed == path

        def work(progress: ProgressFn, cancelled: CancelledFn) -> PlaceProject:
            return new_project_for_place(
                path,
                place,
                pack=self.pack,
                overwrite=overwrite,
                progress=progress,
                cancelled=cancelled,
            )

        self.job.start(
            work,
            self._done,
            self._failed,
            lambda: self.status.setText(
                translate("NewPlaceProject", "Stopped; no project was made.")
            ),
            message=translate("NewPlaceProject", "Making a project for {name}…").format(
                name=place.name
            ),
        )

    def _done(self, made: PlaceProject) -> None:
        self.made = made
        self.accept()

    def _failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, AssetmapError):
            self.status.setText(
                translate("NewPlaceProject", "Could not make the project: {error}").format(
                    error=error
                )
            )
        else:
            self.status.setText(
                translate("NewPlaceProject", "Something went wrong: {error}").format(error=error)
            )

    def _show_busy(self, busy: bool) -> None:
        for widget in (self.search, self.list, self.file_edit):
            widget.setEnabled(not busy)
        self._update_create()

    def _cancel_or_close(self) -> None:
        if self.job.busy:
            self.job.cancel()
        else:
            self.reject()

    def done(self, result: int) -> None:
        """Closing while the work runs stops it (the pack stays open for it to finish)."""
        super().done(result)
        if self.job.busy:
            self.job.cancel()
        else:
            self.pack.close()
