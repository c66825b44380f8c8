"""Why a shared-map operation was refused, as types the window can act on (offer sync
instead of publish, say whom to ask for rights). All are bad input: exit code 3."""

from __future__ import annotations

from assetmap.core.errors import BadInputError


class AlreadyPublishedError(BadInputError):
    """The schema already holds this project: publishing again would overwrite others' work."""


class OtherProjectError(BadInputError):
    """The schema holds a different project; a project is published to a schema of its own."""


class NoRightsError(BadInputError):
    """The database role may not do what was asked; nothing was changed on the server."""
