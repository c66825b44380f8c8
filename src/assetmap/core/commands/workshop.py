"""Workshop commands: sessions, and the pins participants add, change and withdraw.

Every one is undoable and logged in the change feed like any edit. A participant's pin is
an ordinary asset row, so approving or rejecting it is the ordinary ``SetReview``. Only the
phone that submitted a pin may change or withdraw it (``NotYourPin`` otherwise); the phone
is known by the hash of its secret (``contributions.device_hash``).
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from dataclasses import asdict
from typing import Any, ClassVar

from assetmap.core import assets, categories, gpkg
from assetmap.core.changelog import Change, Origin
from assetmap.core.commands.assets import _AssetStamps, _outside
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.workshop import contributions as contrib
from assetmap.core.workshop import sessions
from assetmap.core.workshop.contributions import NotYourPin
from assetmap.core.workshop.sessions import Workshop
from assetmap.core.workshop.submission import Submission

__all__ = [
    "AddContribution",
    "CreateWorkshop",
    "EditContribution",
    "EndWorkshop",
    "NotYourPin",
    "SetAutoApprove",
    "WithdrawContribution",
]

NAME_MAX = 120  # a session's name, place or facilitator


def _target(workshop_id: str) -> str:
    return f"workshop:{workshop_id}"


def _workshop_changed(project: Project) -> None:
    project.notify(project.events.settings_changed, key="workshop")


def _assets_changed(project: Project, uuid: str, kind: str) -> None:
    project.notify(project.events.assets_changed, uuids=(uuid,), kind=kind)


def _get(project: Project, workshop_id: str) -> Workshop:
    found = sessions.find_workshop(project, workshop_id)
    if found is None:
        raise BadInputError(translated("that workshop session no longer exists"), field="workshop")
    return found


# One sentence per field, so each reads naturally in Welsh too.
_TOO_LONG = {
    "name": translatable("the name is too long (at most {n} characters)"),
    "place": translatable("the place is too long (at most {n} characters)"),
    "facilitator": translatable("the facilitator is too long (at most {n} characters)"),
}


def _clean_field(value: str, field_name: str, *, required: bool = False) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise BadInputError(translated("a workshop session needs a name"), field=field_name)
    if len(text) > NAME_MAX:
        message = translated(_TOO_LONG[field_name]).format(n=NAME_MAX)
        raise BadInputError(message, field=field_name)
    return text


def _iso_date(value: str) -> str:
    text = (value or "").strip()
    if not text:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        message = translated("'{value}' is not a date; write it as yyyy-mm-dd, e.g. 2026-03-14")
        raise BadInputError(message.format(value=text), field="date") from None


# ---- sessions --------------------------------------------------------------------------
class CreateWorkshop(Command):
    """A new session. ``name`` is the session's name (the command's own name, which the feed
    logs, stays ``create_workshop``); an empty date means today."""

    name: ClassVar[str] = "create_workshop"

    def __init__(self, name: str, place: str = "", date: str = "", facilitator: str = "") -> None:
        self.title = name
        self.place = place
        self.date = date
        self.facilitator = facilitator
        self.workshop_id = new_uuid()
        self._created: Workshop | None = None

    @property
    def text(self) -> str:
        return translated("New workshop session '{name}'").format(name=self.title.strip())

    def apply(self, project: Project) -> list[Change]:
        if self._created is None:
            self._created = Workshop(
                id=self.workshop_id,
                name=_clean_field(self.title, "name", required=True),
                place=_clean_field(self.place, "place"),
                date=_iso_date(self.date),
                facilitator=_clean_field(self.facilitator, "facilitator"),
                created_at=gpkg.utc_now(),
                ended_at=None,
                auto_approve=False,
            )
        sessions.insert(project, self._created)
        _workshop_changed(project)
        return [Change(_target(self.workshop_id), None, self._created.as_row())]

    def revert(self, project: Project) -> list[Change]:
        before = sessions.get_workshop(project, self.workshop_id).as_row()
        sessions.delete(project, self.workshop_id)
        _workshop_changed(project)
        return [Change(_target(self.workshop_id), before, None)]


class _SetWorkshopValues(Command):
    """Change some of a session's stored values; undo puts the previous ones back."""

    def __init__(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id
        self._before: dict[str, Any] = {}
        self._label = ""

    @abstractmethod
    def values(self, current: Workshop) -> dict[str, Any]:
        """The stored values this change sets (each subclass says which)."""

    def apply(self, project: Project) -> list[Change]:
        current = _get(project, self.workshop_id)
        self._label = current.name
        after = self.values(current)
        self._before = {k: current.as_row()[k] for k in after}
        return self._write(project, self._before, after)

    def revert(self, project: Project) -> list[Change]:
        current = sessions.get_workshop(project, self.workshop_id).as_row()
        return self._write(project, {k: current[k] for k in self._before}, self._before)

    def _write(
        self, project: Project, before: dict[str, Any], after: dict[str, Any]
    ) -> list[Change]:
        sessions.update(project, self.workshop_id, after)
        _workshop_changed(project)
        return [Change(_target(self.workshop_id), before, after)]


class EndWorkshop(_SetWorkshopValues):
    """End a session: sharing stops, and phones can add no more to it."""

    name: ClassVar[str] = "end_workshop"

    @property
    def text(self) -> str:
        if self._label:
            return translated("End workshop session '{name}'").format(name=self._label)
        return translated("End workshop session")

    def values(self, current: Workshop) -> dict[str, Any]:
        if current.ended:
            raise BadInputError(
                translated("the session '{name}' has already ended").format(name=current.name)
            )
        return {"ended_at": gpkg.utc_now()}


class SetAutoApprove(_SetWorkshopValues):
    """Approve every new contribution as it arrives (or stop doing so)."""

    name: ClassVar[str] = "set_auto_approve"

    def __init__(self, workshop_id: str, on: bool) -> None:
        super().__init__(workshop_id)
        self.on = on

    @property
    def text(self) -> str:
        if self.on:
            return translated("Approve contributions automatically")
        return translated("Stop approving automatically")

    def values(self, current: Workshop) -> dict[str, Any]:
        return {"auto_approve": int(self.on)}


# ---- contributions ---------------------------------------------------------------------
def _check_category(project: Project, key: str) -> None:
    found = categories.by_key(project).get(key)
    if found is None:
        raise BadInputError(
            translated("there is no category '{key}'").format(key=key), field="category"
        )
    if found.personal_data:
        message = translated("'{name}' holds personal data, which a workshop never collects")
        raise BadInputError(message.format(name=found.label), field="category")


def _workshop_origin(
    command: Command, workshop_id: str, contributor: str | None, by_default: str
) -> Origin:
    """Where the feed says a contribution came from: the stack's origin when the service
    pushed it, else this workshop, by the contributor (or the facilitator at the desk)."""
    return command.origin or Origin("workshop", by=contributor or by_default, session=workshop_id)


def _logged(
    command: Command,
    uuid: str,
    before: Any,
    after: Any,
    points: tuple[bytes | None, bytes | None],
    origin: Origin,
) -> list[Change]:
    return [
        Change(
            f"asset:{uuid}",
            before,
            after,
            geom_before=points[0],
            geom_after=points[1],
            origin=origin,
        )
    ]


class AddContribution(_AssetStamps, Command):
    """A pin from a phone (``device``: the hash of its secret) or from the facilitator
    (``device`` None). Pending unless ``review`` says otherwise or the session approves
    automatically."""

    name: ClassVar[str] = "add_contribution"

    def __init__(
        self,
        workshop_id: str,
        submission: Submission,
        device: str | None,
        review: str | None = None,
    ) -> None:
        self.workshop_id = workshop_id
        self.submission = submission
        self.device = device
        self.review = review
        self.uuid = new_uuid()
        self._asset: Asset | None = None

    @property
    def text(self) -> str:
        if self.submission.kind == "need":
            return translated("Add workshop need '{name}'").format(name=self.submission.name)
        return translated("Add workshop pin '{name}'").format(name=self.submission.name)

    def apply(self, project: Project) -> list[Change]:
        if self._asset is None:
            self._asset = self._new_asset(project)
        assets.insert_asset(project, self._asset, now=gpkg.utc_now())
        if self.device is not None:
            contrib.record_device(
                project, self.uuid, self.workshop_id, self.device, str(self._asset.created_at)
            )
        _assets_changed(project, self.uuid, "added")
        self._stamp_applied(project)
        after = asdict(assets.get(project, self.uuid))
        point = assets.point_blob(project, self.uuid)
        return _logged(self, self.uuid, None, after, (None, point), self._origin(project))

    def revert(self, project: Project) -> list[Change]:
        before = asdict(assets.get(project, self.uuid))
        point = assets.point_blob(project, self.uuid)
        assets.purge(project, self.uuid)
        contrib.forget_device(project, self.uuid)
        _assets_changed(project, self.uuid, "removed")
        self._stamp_reverted(project)
        return _logged(self, self.uuid, before, None, (point, None), self._origin(project))

    def _origin(self, project: Project) -> Origin:
        by = "participant" if self.device is not None else project.author
        return _workshop_origin(self, self.workshop_id, self.submission.contributor, by)

    def _new_asset(self, project: Project) -> Asset:
        workshop = _get(project, self.workshop_id)
        if workshop.ended:
            ended = translated("the workshop session '{name}' has ended; no more pins can be added")
            raise BadInputError(ended.format(name=workshop.name))
        _check_category(project, self.submission.category)
        review = self.review or ("approved" if workshop.auto_approve else "pending")
        if review not in ("approved", "pending", "rejected"):
            message = translated("'{value}' is not a review state").format(value=review)
            raise BadInputError(message, field="review")
        now = gpkg.utc_now()
        s = self.submission
        approved_by = project.author if self.review else f"{project.author} (automatically)"
        return Asset(
            uuid=self.uuid,
            name=s.name,
            category=s.category,
            description=s.note or None,
            source=f"Workshop: {workshop.name}",
            status="active",
            x=s.x,
            y=s.y,
            created_at=now,
            review=review,
            out_of_area=_outside(project, s.x, s.y),
            origin_kind="workshop",
            origin_ref=self.workshop_id,
            reviewed_by=approved_by if review != "pending" else None,
            reviewed_at=now if review != "pending" else None,
            pin_kind=s.kind,
            workshop_id=self.workshop_id,
            contributor=s.contributor,
        )


def _owned_contribution(project: Project, uuid: str, device: str | None) -> Asset:
    """The pin, if this phone submitted it and it is still there."""
    current = assets.find(project, uuid)
    if current is None or current.workshop_id is None:
        raise BadInputError(translated("that pin is no longer on the map"))
    if device is None or not contrib.owned_by(project, uuid, device):
        raise NotYourPin()
    if current.deleted:
        raise BadInputError(translated("that pin has been withdrawn"))
    return current


_EDITED = ("name", "category", "description", "contributor", "pin_kind", "review")


class EditContribution(_AssetStamps, Command):
    """A participant changes their own pin. An approved (or rejected) pin goes back to
    awaiting review, unless the session approves automatically."""

    name: ClassVar[str] = "edit_contribution"

    def __init__(self, uuid: str, device: str | None, submission: Submission) -> None:
        self.uuid = uuid
        self.device = device
        self.submission = submission
        self._before: dict[str, Any] = {}
        self._after: dict[str, Any] = {}
        self._workshop_id = ""

    @property
    def text(self) -> str:
        return translated("Change workshop pin '{name}'").format(name=self.submission.name)

    def apply(self, project: Project) -> list[Change]:
        current = _owned_contribution(project, self.uuid, self.device)
        if not self._after:
            self._workshop_id = str(current.workshop_id)
            self._after = self._values(project, current)
            self._before = {k: getattr(current, k) for k in _EDITED if k in self._after}
            self._before.update(x=current.x, y=current.y)
            if "reviewed_by" in self._after:
                self._before.update(
                    reviewed_by=current.reviewed_by, reviewed_at=current.reviewed_at
                )
        changes = self._write(project, self._before, self._after)
        self._stamp_applied(project)
        return changes

    def revert(self, project: Project) -> list[Change]:
        changes = self._write(project, self._after, self._before)
        self._stamp_reverted(project)
        return changes

    def _values(self, project: Project, current: Asset) -> dict[str, Any]:
        s = self.submission
        _check_category(project, s.category)
        values: dict[str, Any] = {
            "name": s.name,
            "category": s.category,
            "description": s.note or None,
            "contributor": s.contributor,
            "pin_kind": s.kind,
            "x": s.x,
            "y": s.y,
        }
        auto = _get(project, self._workshop_id).auto_approve
        review = "approved" if auto else "pending"
        if current.review != review:
            now = gpkg.utc_now() if auto else None
            values.update(review=review, reviewed_by=_auto_by(project) if auto else None)
            values["reviewed_at"] = now
        return values

    def _write(
        self, project: Project, before: dict[str, Any], after: dict[str, Any]
    ) -> list[Change]:
        point_before = assets.point_blob(project, self.uuid)
        now = gpkg.utc_now()
        fields = {k: v for k, v in after.items() if k not in ("x", "y")}
        assets.update(project, self.uuid, fields, now=now)
        assets.set_point(project, self.uuid, after["x"], after["y"], now=now)
        assets.set_out_of_area(project, [self.uuid], [_outside(project, after["x"], after["y"])])
        _assets_changed(project, self.uuid, "changed")
        point = assets.point_blob(project, self.uuid)
        origin = _workshop_origin(
            self, self._workshop_id, self.submission.contributor, "participant"
        )
        return _logged(self, self.uuid, before, after, (point_before, point), origin)


def _auto_by(project: Project) -> str:
    return f"{project.author} (automatically)"


class WithdrawContribution(_AssetStamps, Command):
    """A participant takes back their own pin; it stays as a tombstone, as deletes do."""

    name: ClassVar[str] = "withdraw_contribution"

    def __init__(self, uuid: str, device: str | None) -> None:
        self.uuid = uuid
        self.device = device
        self._label = ""
        self._workshop_id = ""
        self._contributor: str | None = None

    @property
    def text(self) -> str:
        if self._label:
            return translated("Withdraw workshop pin '{name}'").format(name=self._label)
        return translated("Withdraw workshop pin")

    def apply(self, project: Project) -> list[Change]:
        current = _owned_contribution(project, self.uuid, self.device)
        self._label, self._workshop_id = current.name, str(current.workshop_id)
        self._contributor = current.contributor
        changes = self._set_deleted(project, True)
        self._stamp_applied(project)
        return changes

    def revert(self, project: Project) -> list[Change]:
        changes = self._set_deleted(project, False)
        self._stamp_reverted(project)
        return changes

    def _set_deleted(self, project: Project, deleted: bool) -> list[Change]:
        assets.update(project, self.uuid, {"deleted": deleted}, now=gpkg.utc_now())
        _assets_changed(project, self.uuid, "removed" if deleted else "added")
        point = assets.point_blob(project, self.uuid)
        origin = _workshop_origin(self, self._workshop_id, self._contributor, "participant")
        before, after = {"deleted": not deleted}, {"deleted": deleted}
        return _logged(self, self.uuid, before, after, (point, point), origin)
