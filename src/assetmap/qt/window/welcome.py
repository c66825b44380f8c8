"""The welcome page: shown in the main window, in place of the map, the first time assetmap
starts and whenever Help ▸ Welcome is chosen. It is a page, not a dialog: every way to begin
is one click on it (the two demos, a project for a place, a project from your own boundary
file, a file, a recent project), the three jobs are explained beside them, and the map is one
click away (Escape, or "Go to the map").

When it shows: ``assetmap`` with no project still opens the last project or, the first time,
the user's copy of the Trafford demo (the command-line contract); on that first start the
welcome page is put over it, so a new user sees what they can do before they see a map of a
place they may not know. Leaving the page remembers the open project, so the next start
opens it straight away, as for everyone who has opened a project before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.icons import icon
from assetmap.qt.paths import shipped_demo
from assetmap.qt.window.recent import last_project, recent_projects, remember_project

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow

# The page's words, in one place for the translation pass.
TITLE = QT_TRANSLATE_NOOP("Welcome", "Welcome to assetmap")
SUBTITLE = QT_TRANSLATE_NOOP(
    "Welcome",
    "Map a neighbourhood's community assets, find the places far from what they need, and "
    "gather what people know in a workshop. Everything works offline.",
)
START = QT_TRANSLATE_NOOP("Welcome", "Start")
RECENT = QT_TRANSLATE_NOOP("Welcome", "Recent projects")
NO_RECENT = QT_TRANSLATE_NOOP("Welcome", "Projects you open will be listed here.")
JOBS_TITLE = QT_TRANSLATE_NOOP("Welcome", "Three jobs assetmap does")
JOBS = (
    (
        "add",
        QT_TRANSLATE_NOOP("Welcome", "Map assets"),
        QT_TRANSLATE_NOOP(
            "Welcome",
            "Choose <b>Add asset</b> (A) and click the map, or import a spreadsheet of services "
            "(File ▸ Import ▸ Assets: postcodes are enough). Click an asset to see and edit it.",
        ),
    ),
    (
        "find_gaps",
        QT_TRANSLATE_NOOP("Welcome", "Find gaps"),
        QT_TRANSLATE_NOOP(
            "Welcome",
            "Press <b>Find gaps</b> (Ctrl+G), choose the categories and the distance (800 m is "
            "about a ten-minute walk): the areas far from them are ranked, weighted by need.",
        ),
    ),
    (
        "workshop",
        QT_TRANSLATE_NOOP("Welcome", "Run a workshop"),
        QT_TRANSLATE_NOOP(
            "Welcome",
            "Workshop ▸ New session shares the map with phones on the room's network (no "
            "internet); you approve each pin people drop, and View ▸ Present puts it on a "
            "projector.",
        ),
    ),
)
GUIDE_LINK = QT_TRANSLATE_NOOP("Welcome", "Read the user guide (F1)")
TO_MAP = QT_TRANSLATE_NOOP("Welcome", "Go to the map: {name}")
# button key, icon, label, what it does
CHOICES = (
    ("trafford", "demo", QT_TRANSLATE_NOOP("Welcome", "Open the Trafford demo"),
     QT_TRANSLATE_NOOP("Welcome", "501 assets in 139 neighbourhoods, ready for a gap analysis")),
    ("rutland", "offline_demo", QT_TRANSLATE_NOOP("Welcome", "Open the Rutland demo"),
     QT_TRANSLATE_NOOP("Welcome", "streets and places drawn offline: no network needed")),
    ("place", "new_place", QT_TRANSLATE_NOOP("Welcome", "New project for a place…"),
     QT_TRANSLATE_NOOP("Welcome",
                       "any local authority in England or Wales, in one step")),
    ("new", "new", QT_TRANSLATE_NOOP("Welcome", "New project from your boundary file…"),
     QT_TRANSLATE_NOOP("Welcome",
                       "your own neighbourhoods, from a GeoPackage, GeoJSON or Shapefile")),
    ("open", "open", QT_TRANSLATE_NOOP("Welcome", "Open a project file…"),
     QT_TRANSLATE_NOOP("Welcome", "an assetmap project (.gpkg) on this computer")),
)  # fmt: skip
PAGE_WIDTH = 1180
DEMO_FILES = {"trafford": "trafford.gpkg", "rutland": "rutland.gpkg"}


def shows_on_start(requested: Path | None) -> bool:
    """The first start: no project named on the command line, and none opened before."""
    return requested is None and last_project() is None


class WelcomePage(QWidget):
    """The page itself: choices, recent projects and the three jobs. ``act`` runs a choice
    by its key; ``open_recent`` opens a recent project; ``to_map`` leaves the page."""

    def __init__(
        self,
        act: Callable[[str], object],
        open_recent: Callable[[Path], object],
        to_map: Callable[[], object],
        guide: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAccessibleName(translate("Welcome", TITLE))
        self._open_recent = open_recent
        self.buttons: dict[str, QPushButton] = {}
        title = QLabel(f"<h1>{translate('Welcome', TITLE)}</h1>")
        subtitle = QLabel(translate("Welcome", SUBTITLE))
        subtitle.setWordWrap(True)
        self.map_button = QPushButton(icon("demo"), "")
        self.map_button.setAccessibleName(translate("Welcome", "Go to the map"))
        self.map_button.clicked.connect(to_map)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(self._start_column(act), 1)
        columns.addLayout(self._jobs_column(guide), 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(40, 28, 40, 28)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(header)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(columns)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body.setMaximumWidth(PAGE_WIDTH)  # lines a reader can follow on a wide screen
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _start_column(self, act: Callable[[str], object]) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        column.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(QLabel(f"<h3>{translate('Welcome', START)}</h3>"))
        for key, icon_name, label, tip in CHOICES:
            button = QPushButton(icon(icon_name), translate("Welcome", label))
            tip = translate("Welcome", tip)
            button.setIconSize(QSize(22, 22))
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
            button.setStyleSheet("text-align: left; padding: 6px 10px;")
            button.clicked.connect(lambda _=False, k=key: act(k))
            if key in DEMO_FILES and shipped_demo(DEMO_FILES[key]) is None:
                button.setEnabled(False)  # an install without its demos
            column.addWidget(button)
            self.buttons[key] = button
        column.addSpacing(8)
        column.addWidget(QLabel(f"<h3>{translate('Welcome', RECENT)}</h3>"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(translate("Welcome", RECENT))
        self.recent.setMaximumHeight(170)
        self.recent.itemActivated.connect(self._recent_chosen)
        column.addWidget(self.recent)
        self.no_recent = QLabel(translate("Welcome", NO_RECENT))
        self.no_recent.setStyleSheet("color: #57606a")
        column.addWidget(self.no_recent)
        return column

    def _jobs_column(self, guide: Callable[[], object]) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(QLabel(f"<h3>{translate('Welcome', JOBS_TITLE)}</h3>"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(14)
        for row, (icon_name, name, words) in enumerate(JOBS):
            picture = QLabel()
            picture.setPixmap(icon(icon_name).pixmap(28, 28))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(
                f"<b>{row + 1}. {translate('Welcome', name)}</b><br>{translate('Welcome', words)}"
            )
            text.setWordWrap(True)
            grid.addWidget(picture, row, 0)
            grid.addWidget(text, row, 1)
        column.addLayout(grid)
        self.guide_button = QPushButton(icon("guide"), translate("Welcome", GUIDE_LINK))
        self.guide_button.clicked.connect(guide)
        column.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignLeft)
        return column

    def refresh(self, project_name: str) -> None:
        """Read the recent list afresh and name the project the map shows."""
        self.recent.clear()
        for path in recent_projects():
            item = QListWidgetItem(icon("recent"), f"{path.stem}    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.no_recent.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)
        self.map_button.setText(translate("Welcome", TO_MAP).format(name=project_name))

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self._open_recent(Path(str(item.data(Qt.ItemDataRole.UserRole))))


class Welcome(QObject):
    """Puts the page in the window's middle, in a stack with the map, and the Help ▸
    Welcome action that brings it back."""

    def __init__(self, window: MainWindow, guide: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self._layout: QByteArray | None = None
        window.installEventFilter(self)
        self.page = WelcomePage(self.choose, self.open_recent, self.to_map, guide)
        self.stack = QStackedWidget(window)
        self.stack.addWidget(window.canvas)
        self.stack.addWidget(self.page)
        window.setCentralWidget(self.stack)
        self.action = QAction(icon("welcome"), translate("Welcome", "&Welcome page"), window)
        self.action.setStatusTip(
            translate("Welcome", "the ways to begin, recent projects and the three jobs")
        )
        self.action.setToolTip(
            translate("Welcome", "Welcome page — the ways to begin and the three jobs")
        )
        self.action.triggered.connect(self.show)
        self.page.installEventFilter(self)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.page)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.to_map)

    @property
    def showing(self) -> bool:
        return self.stack.currentWidget() is self.page

    def show(self) -> None:
        """The page in the middle, with the window's whole width: the docks step aside."""
        self.page.refresh(self.window.session.project.name)
        if not self.showing:
            self._layout = self.window.saveState()
            for dock in self.window.findChildren(QDockWidget):
                dock.hide()
        self.stack.setCurrentWidget(self.page)
        self.window.statusBar().clearMessage()  # the map tool's hint means nothing here
        self.page.buttons["trafford"].setFocus()

    def to_map(self) -> None:
        """Back to the map; the project shown is the one the next start opens."""
        if self.showing:
            remember_project(self.window.session.project.path)
        self.leave()

    def leave(self) -> None:
        if self.showing and self._layout is not None:
            self.window.restoreState(self._layout)
        self.stack.setCurrentWidget(self.window.canvas)
        self.window.canvas.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closed from the page: the docks come back first, so the layout the window saves
        for the next start is the user's, not the page's. A key that would act on the hidden
        map (a tool's letter, Delete, Home) is kept from its shortcut while the page shows."""
        if event.type() == QEvent.Type.Close and self.showing and self._layout is not None:
            self.window.restoreState(self._layout)
        if (
            watched is self.page
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._acts_on_the_map(QKeySequence(event.keyCombination()))
        ):
            event.accept()
            return True
        return False

    def _acts_on_the_map(self, keys: QKeySequence) -> bool:
        w = self.window
        actions = [*w.tool_actions.values(), w.act_delete, w.act_zoom_all, w.act_zoom_selection]
        actions += [w.act_select_none, w.checking.act_mark, w.keys.act_edit]
        return any(keys.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                   for a in actions for s in a.shortcuts())  # fmt: skip

    def choose(self, key: str) -> None:
        if key in DEMO_FILES:
            path = shipped_demo(DEMO_FILES[key])
            if path is not None and self.window.open_path(path):
                self.leave()
        elif key == "place":
            self.window.act_new_place.trigger()
        elif key == "new":
            self.window.act_new.trigger()
        elif key == "open":
            self.window.act_open.trigger()

    def open_recent(self, path: Path) -> None:
        if self.window.open_path(path):
            self.leave()
