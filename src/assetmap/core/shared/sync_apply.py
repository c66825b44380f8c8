"""The laptop's half of a sync: the pulled changes as one undoable command.

It is a merge of the server's copy (``MergeCopy`` writes, logs and undoes exactly as for a
merge) with two differences: its origin is "sync", so its rows are known as having come
from the server and are not pushed back, and instead of recording a merge it records
where the sync left off (am_remote) and then commits the server's transaction, all inside
the command's own local transaction. The server commits only once the laptop's changes are
written and only the local COMMIT is left; if that never happens (the process killed
between the two), the next sync recognises its own push on the server (``am_clients``) and
converges: see ``core.shared.sync``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from assetmap.core.changelog import Origin
from assetmap.core.i18n import translated
from assetmap.core.merge.apply import MergeCopy
from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.sync_plan import SYNC_KIND


@dataclass
class SyncCommand(MergeCopy):
    """Bring the server's changes here; on its first run also record the sync and call
    ``finish`` (the server's COMMIT) as the last step before the local commit."""

    where: str = ""  # "<schema> on <host>"
    new_remote: remote.Remote | None = None
    finish: Callable[[], None] | None = field(default=None, repr=False)
    name: ClassVar[str] = "sync"
    _finished: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        self.origin = Origin(SYNC_KIND, file=self.plan.other_path.name, session=self.where)

    @property
    def text(self) -> str:
        return translated("Sync with {where}").format(where=self.where)

    def _record(self, project: Project, this_seq: int) -> None:
        if self._finished:
            return
        finish_locally(project, self.new_remote, self.finish)
        self._finished = True


def finish_locally(
    project: Project, new_remote: remote.Remote | None, finish: Callable[[], None] | None
) -> None:
    """Record where the sync left off, then commit the server: the last step before the
    caller's local transaction commits."""
    if new_remote is not None:
        remote.remember(project.conn, new_remote)
    if finish is not None:
        finish()
