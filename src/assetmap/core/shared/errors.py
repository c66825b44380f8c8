"""Why a shared-map operation was refused, as types the window can act on (offer sync
instead of publish, say whom to ask for rights). All are bad input: exit code 3."""

from __future__ import annotations

from typing import Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated


class AlreadyPublishedError(BadInputError):
    """The schema already holds this project: publishing again would overwrite others' work."""


class OtherProjectError(BadInputError):
    """The schema holds a different project; a project is published to a schema of its own."""


class NoRightsError(BadInputError):
    """The database role may not do what was asked; nothing was changed on the server."""


class SyncConflictError(BadInputError):
    """The same field was changed here and on the server since the last sync, to different
    values, and nobody chose which to keep: nothing was changed on either side. Carries the
    conflicts (``core.merge.Conflict``) for the merge's conflict dialog; call sync again with
    ``resolutions`` or ``prefer``."""

    def __init__(self, conflicts: list[Any], where: str) -> None:
        named = "; ".join(f"'{c.name}' {c.field}" for c in conflicts[:3])
        if len(conflicts) > 3:
            named = translated("{named} and {n} more").format(named=named, n=len(conflicts) - 3)
        super().__init__(
            _conflicts_pattern(len(conflicts)).format(n=len(conflicts), where=where, named=named),
            hint=translated(
                "choose with --prefer mine (keep this laptop's values) or --prefer theirs "
                "(take the server's), or resolve each one in the Sync dialog"
            ),
        )
        self.conflicts = list(conflicts)


def _conflicts_pattern(n: int) -> str:
    if n == 1:
        return translated(
            "{n} conflict with {where} ({named}): the same field was changed here and on the "
            "server since the last sync; nothing was changed"
        )
    return translated(
        "{n} conflicts with {where} ({named}): the same field was changed here and on the "
        "server since the last sync; nothing was changed"
    )
