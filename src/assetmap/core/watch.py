"""Noticing what other connections committed to the project file, and telling views.

A worker thread, another window or another program may write to the same file. SQLite's
``PRAGMA data_version`` changes for a connection only when *another* connection commits,
so checking it costs one pragma and says nothing about our own writes. When it moves, the
watcher forgets the project's cached data, reads the change feed from the last sequence
number it saw, and emits the same ``project.events`` a command would have emitted here:
views update only what changed, and keep their selection and view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from assetmap.core import feed
from assetmap.core.feed import FeedChange, FeedTarget
from assetmap.core.project import Project

# A change as read whole (FeedChange) or by name only (FeedTarget): both say seq, target,
# uuid, kind and is_asset.
_Change = TypeVar("_Change", FeedChange, FeedTarget)

# More changed assets than this are announced as "many" (uuids=None): views reload once
# instead of patching each row, and SQLite's parameter limit is never reached.
BULK = 1_000

# Targets (kind:name) that views hear about; imports' own summary rows ("import:<batch>")
# add nothing to the rows of their assets.
_KINDS = ("category", "area_set", "field", "basemap", "workshop")


class ChangeWatcher:
    """Call ``poll()`` every few hundred milliseconds; it returns what others changed."""

    def __init__(self, project: Project, *, bulk: int = BULK) -> None:
        self.project = project
        self.bulk = bulk
        self.seq = feed.latest_seq(project)
        self._data_version = _data_version(project)
        # Sequence numbers this connection wrote that lie beyond ``seq`` (after someone
        # else's not yet polled): their events were emitted when they committed.
        self._own: list[tuple[int, int]] = []
        project.events.feed_written.connect(self._on_own_write)

    def close(self) -> None:
        self.project.events.feed_written.disconnect(self._on_own_write)

    def poll(self) -> list[FeedChange]:
        """Changes other connections committed since the last poll (already announced),
        whole: for a reader that replays them."""
        return self._poll(feed.changes_since)

    def notice(self) -> None:
        """Announce what other connections committed, reading only which records changed:
        what an app's timer calls, on its GUI thread."""
        self._poll(feed.targets_since)

    def _poll(self, read: Callable[[Project, int], list[_Change]]) -> list[_Change]:
        if self.project.conn is None or self.project.in_transaction:
            return []  # closed, or mid-write on another thread: the next poll will see it
        version = _data_version(self.project)
        if version == self._data_version:
            return []
        self._data_version = version
        self.project.invalidate()
        found = read(self.project, self.seq)
        theirs = [c for c in found if not self._is_own(c.seq)]
        if found:
            self.seq = max(self.seq, found[-1].seq)
            self._own = [r for r in self._own if r[1] > self.seq]
        announce(self.project, theirs, bulk=self.bulk)
        return theirs

    def _on_own_write(self, first: int = 0, last: int = 0, **_: Any) -> None:
        if first == self.seq + 1:
            self.seq = last  # nothing of anyone else's in between: no need to remember it
        else:
            self._own.append((first, last))

    def _is_own(self, seq: int) -> bool:
        return any(first <= seq <= last for first, last in self._own)


def announce(project: Project, changes: Iterable[_Change], *, bulk: int = BULK) -> None:
    """Emit the events that tell views about ``changes`` (made by another connection)."""
    assets: dict[str, str] = {}  # uuid -> its latest kind
    categories = False
    area_sets: dict[str, str] = {}
    field_names: dict[str, None] = {}
    settings: dict[str, None] = {}
    for change in changes:
        kind, name = change.kind, _name(change.target)
        if change.uuid is not None:
            assets[change.uuid] = kind if change.is_asset else "changed"
        elif name is None:
            continue
        elif name[0] == "category":
            categories = True
        elif name[0] == "area_set":
            area_sets[name[1]] = kind
        elif name[0] == "field":
            field_names[name[1]] = None
        elif name[0] == "basemap":
            settings["basemap"] = None
        elif name[0] == "workshop":  # a session created, ended or set to approve itself
            settings["workshop"] = None
    events = project.events
    if categories:
        events.categories_changed.emit()
    for set_name, kind in area_sets.items():
        events.area_sets_changed.emit(name=set_name, kind=kind)
    for field_name in field_names:
        events.fields_changed.emit(name=field_name)
    if any(kind != "changed" for kind in area_sets.values()):
        # Adding or removing areas re-flags every asset in or out of them.
        assets_changed(project, None, "changed")
    _announce_assets(project, assets, bulk)
    for key in settings:
        events.settings_changed.emit(key=key)


def _name(target: str | None) -> tuple[str, str] | None:
    """("category", key), ("area_set", name), ("field", name), ("basemap", ""),
    ("workshop", id) or None."""
    if target is None:
        return None
    kind, _, name = target.partition(":")
    return (kind, name) if kind in _KINDS else None


def _announce_assets(project: Project, assets: dict[str, str], bulk: int) -> None:
    if not assets:
        return
    kinds = set(assets.values())
    if len(assets) > bulk:
        assets_changed(project, None, kinds.pop() if len(kinds) == 1 else "changed")
        return
    for kind in ("added", "changed", "removed"):
        uuids = tuple(u for u, k in assets.items() if k == kind)
        if uuids:
            assets_changed(project, uuids, kind)


def assets_changed(project: Project, uuids: tuple[str, ...] | None, kind: str) -> None:
    project.events.assets_changed.emit(uuids=uuids, kind=kind)


def _data_version(project: Project) -> int:
    return int(project.conn.execute("PRAGMA data_version").fetchone()[0])
