"""The app's icons: one bundled set (Lucide, ISC licence, resources/icons/), so the toolbar
looks the same on every desktop and works without a system icon theme (Windows, a council
laptop's locked-down Linux)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from assetmap.qt import paths

# What each command is drawn with (resources/icons/<file>.svg).
ICONS: dict[str, str] = {
    "select": "mouse-pointer-2",
    "pan": "hand",
    "add": "map-pin-plus",
    "move": "move",
    "zoom_all": "scan",
    "undo": "undo-2",
    "redo": "redo-2",
    "find_gaps": "radar",
    "demo": "map",
    "offline_demo": "wifi-off",
    "new_place": "map-plus",
    "new": "file-plus",
    "open": "folder-open",
    "recent": "clock",
    "guide": "book-open",
    "workshop": "users",
    "welcome": "house",
    "help": "circle-help",
    "about": "info",
}


def icon(name: str) -> QIcon:
    """The icon for a command named in ICONS (an empty icon if the file is missing, so a
    broken install still shows the words)."""
    path = paths.resource(f"icons/{ICONS[name]}.svg")
    return QIcon(str(path)) if path is not None else QIcon()
