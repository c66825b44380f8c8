"""Model events: the core announces changes; views (Qt or not) subscribe.

This is the napari pattern without Qt: the Qt layer wraps these emitters in
signals so redraws happen on the GUI thread, and core tests can listen too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

Callback = Callable[..., Any]


class EventEmitter:
    """A named list of callbacks called with keyword arguments."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, **payload: Any) -> None:
        # A failing listener must not undo a committed edit or starve other listeners.
        for callback in list(self._callbacks):
            try:
                callback(**payload)
            except Exception:
                log.exception("listener %r of %s failed", callback, self.name)


@dataclass
class ProjectEvents:
    """Everything a view may want to redraw after."""

    # uuids: tuple[str, ...] | None (None = many/unknown), kind: "added"|"changed"|"removed"|"reset"
    assets_changed: EventEmitter = field(default_factory=lambda: EventEmitter("assets_changed"))
    categories_changed: EventEmitter = field(
        default_factory=lambda: EventEmitter("categories_changed")
    )
    # name: str, kind: "added"|"removed"|"changed"
    area_sets_changed: EventEmitter = field(
        default_factory=lambda: EventEmitter("area_sets_changed")
    )
    settings_changed: EventEmitter = field(default_factory=lambda: EventEmitter("settings_changed"))
    # name: str, the extra field whose label changed
    fields_changed: EventEmitter = field(default_factory=lambda: EventEmitter("fields_changed"))
    # first: int, last: int: the change feed's sequence numbers this connection just
    # committed (a watcher skips them: their own events were emitted already)
    feed_written: EventEmitter = field(default_factory=lambda: EventEmitter("feed_written"))
