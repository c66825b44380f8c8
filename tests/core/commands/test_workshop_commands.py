"""Workshop sessions and contributions: undoable, logged in the feed with their workshop,
and a phone may change or withdraw only its own pins."""

from __future__ import annotations

import pytest
import shapely

from assetmap.core import assets, feed
from assetmap.core.changelog import Origin
from assetmap.core.commands import CommandStack, SetReview
from assetmap.core.commands.workshop import (
    AddContribution,
    CreateWorkshop,
    EditContribution,
    EndWorkshop,
    SetAutoApprove,
    WithdrawContribution,
)
from assetmap.core.errors import BadInputError, ConflictError
from assetmap.core.project import Project
from assetmap.core.workshop.contributions import (
    NotYourPin,
    contributions,
    owned_by,
    pending_from_device,
)
from assetmap.core.workshop.sessions import current_workshop, get_workshop, list_workshops
from support.workshop import STRETFORD, pin


def participant(workshop_id: str, by: str = "Jo") -> Origin:
    return Origin("workshop", by=by, session=workshop_id)


def test_a_session_is_created_ended_and_undone(demo, stack):
    assert demo.schema_version() >= 10
    create = CreateWorkshop("  Sale Moor  evening ", "Sale Moor Community Centre", "", "Amira")
    stack.push(create)
    made = get_workshop(demo, create.workshop_id)
    assert made.name == "Sale Moor evening" and made.place == "Sale Moor Community Centre"
    assert len(made.date) == 10 and made.facilitator == "Amira" and not made.ended
    assert current_workshop(demo) == made
    stack.push(SetAutoApprove(create.workshop_id, True))
    assert get_workshop(demo, create.workshop_id).auto_approve
    stack.push(EndWorkshop(create.workshop_id))
    assert get_workshop(demo, create.workshop_id).ended and current_workshop(demo) is None
    with pytest.raises(BadInputError, match="already ended"):
        stack.push(EndWorkshop(create.workshop_id))
    stack.undo()
    assert current_workshop(demo) is not None
    stack.undo()
    assert not get_workshop(demo, create.workshop_id).auto_approve
    stack.undo()
    assert list_workshops(demo) == []
    stack.redo()
    assert get_workshop(demo, create.workshop_id) == made  # the same session again


def test_sessions_are_listed_newest_first(demo, stack):
    for name in ("First", "Second", "Third"):
        stack.push(CreateWorkshop(name, "Stretford", "2026-03-14", "Amira"))
    assert [w.name for w in list_workshops(demo)] == ["Third", "Second", "First"]
    stack.push(EndWorkshop(list_workshops(demo)[0].id))
    assert current_workshop(demo).name == "Second"


@pytest.mark.parametrize(
    ("args", "field"),
    [(("", "Hall", "2026-03-14", "Amira"), "name"), (("Evening", "Hall", "14/03/26", ""), "date")],
)
def test_a_session_needs_a_name_and_a_real_date(stack, args, field):
    with pytest.raises(BadInputError) as caught:
        stack.push(CreateWorkshop(*args))
    assert caught.value.field == field


def test_a_phone_pin_arrives_pending_with_its_session_and_contributor(
    demo, stack, workshop_id, phone
):
    add = AddContribution(workshop_id, pin(), phone)
    stack.push(add, origin=participant(workshop_id))
    asset = assets.get(demo, add.uuid)
    assert asset.review == "pending" and asset.reviewed_by is None
    assert asset.workshop_id == workshop_id and asset.origin_kind == "workshop"
    assert asset.origin_ref == workshop_id and asset.contributor == "Jo"
    assert asset.source == "Workshop: Stretford residents"
    assert asset.description == "Upstairs at the library" and asset.pin_kind == "asset"
    assert (asset.x, asset.y) == STRETFORD and not asset.out_of_area
    (got,) = contributions(demo, workshop_id)
    assert (got.uuid, got.device, got.review, got.kind) == (add.uuid, phone, "pending", "asset")
    assert owned_by(demo, add.uuid, phone)
    assert pending_from_device(demo, workshop_id, phone) == [add.uuid]


def test_adding_is_logged_in_the_feed_as_the_workshop_and_undone(demo, stack, workshop_id, phone):
    since = feed.latest_seq(demo)
    add = AddContribution(workshop_id, pin(kind="need", category="food_banks"), phone)
    stack.push(add, origin=participant(workshop_id))
    (change,) = feed.changes_since(demo, since)
    assert change.uuid == add.uuid and change.kind == "added"
    assert change.origin == participant(workshop_id)
    assert change.fields_after["pin_kind"] == "need"
    assert change.fields_after["review"] == "pending"
    assert shapely.get_coordinates(change.shape_after()).tolist() == [list(STRETFORD)]
    stack.undo()
    assert assets.find(demo, add.uuid) is None
    assert contributions(demo, workshop_id) == [] and not owned_by(demo, add.uuid, phone)
    undo = feed.changes_since(demo, since)[-1]
    assert (undo.action, undo.kind, undo.origin.kind) == ("undo", "removed", "workshop")
    stack.redo()
    assert assets.get(demo, add.uuid).name == "Tuesday lunch club"
    assert owned_by(demo, add.uuid, phone)


def test_the_facilitators_pin_is_approved_and_logged_as_the_workshop(demo, stack, workshop_id):
    since = feed.latest_seq(demo)
    add = AddContribution(workshop_id, pin(contributor="Amira"), None, review="approved")
    stack.push(add)
    asset = assets.get(demo, add.uuid)
    assert asset.review == "approved" and asset.reviewed_by == demo.author
    (got,) = contributions(demo, workshop_id)
    assert got.device is None
    (change,) = feed.changes_since(demo, since)
    assert change.origin == participant(workshop_id, "Amira")


def test_auto_approve_approves_new_pins(demo, stack, workshop_id, phone):
    stack.push(SetAutoApprove(workshop_id, True))
    add = AddContribution(workshop_id, pin(), phone)
    stack.push(add)
    asset = assets.get(demo, add.uuid)
    assert asset.review == "approved" and "automatically" in asset.reviewed_by


def test_an_ended_session_takes_no_more_pins(stack, workshop_id, phone):
    stack.push(EndWorkshop(workshop_id))
    with pytest.raises(BadInputError, match="has ended"):
        stack.push(AddContribution(workshop_id, pin(), phone))


@pytest.mark.parametrize(
    ("category", "words"),
    [("dragons", "no category"), ("individual_skills", "personal data")],
)
def test_unknown_and_personal_data_categories_are_refused(
    demo, stack, workshop_id, phone, category, words
):
    before = assets.count(demo)
    with pytest.raises(BadInputError, match=words) as caught:
        stack.push(AddContribution(workshop_id, pin(category=category), phone))
    assert caught.value.field == "category"
    assert assets.count(demo) == before


def test_approving_is_the_ordinary_review_and_editing_sends_it_back(
    demo, stack, workshop_id, phone
):
    add = AddContribution(workshop_id, pin(), phone)
    stack.push(add)
    stack.push(SetReview((add.uuid,), "approved"))
    since = feed.latest_seq(demo)
    moved = pin("Tuesday lunch club (moved)", x=STRETFORD[0] + 50, y=STRETFORD[1], kind="need")
    stack.push(EditContribution(add.uuid, phone, moved), origin=participant(workshop_id))
    asset = assets.get(demo, add.uuid)
    assert asset.name == "Tuesday lunch club (moved)" and asset.review == "pending"
    assert asset.pin_kind == "need" and asset.x == STRETFORD[0] + 50
    (change,) = feed.changes_since(demo, since)
    assert change.origin.kind == "workshop" and change.fields_after["review"] == "pending"
    assert shapely.get_x(change.shape_before()) == STRETFORD[0]
    stack.undo()
    asset = assets.get(demo, add.uuid)
    assert asset.review == "approved" and asset.name == "Tuesday lunch club"
    assert (asset.x, asset.y) == STRETFORD and asset.pin_kind == "asset"


def test_a_phone_changes_and_withdraws_only_its_own_pins(
    demo, stack, workshop_id, phone, other_phone
):
    add = AddContribution(workshop_id, pin(), phone)
    stack.push(add)
    facilitator = AddContribution(workshop_id, pin("Food bank"), None, review="approved")
    stack.push(facilitator)
    for uuid in (add.uuid, facilitator.uuid):
        with pytest.raises(NotYourPin):
            stack.push(EditContribution(uuid, other_phone, pin("Hijacked")))
        with pytest.raises(NotYourPin):
            stack.push(WithdrawContribution(uuid, other_phone))
    with pytest.raises(NotYourPin):
        stack.push(WithdrawContribution(facilitator.uuid, None))
    assert assets.get(demo, add.uuid).name == "Tuesday lunch club"
    assert not assets.get(demo, facilitator.uuid).deleted
    since = feed.latest_seq(demo)
    stack.push(WithdrawContribution(add.uuid, phone), origin=participant(workshop_id))
    assert assets.get(demo, add.uuid).deleted  # a tombstone
    assert [c.uuid for c in contributions(demo, workshop_id)] == [facilitator.uuid]
    assert len(contributions(demo, workshop_id, include_withdrawn=True)) == 2
    (change,) = feed.changes_since(demo, since)
    assert change.kind == "removed" and change.origin.kind == "workshop"
    with pytest.raises(BadInputError, match="withdrawn"):
        stack.push(WithdrawContribution(add.uuid, phone))
    stack.undo()
    assert not assets.get(demo, add.uuid).deleted


def test_contributions_are_newest_first_and_filter_by_review(demo, stack, workshop_id, phone):
    uuids = []
    for name in ("One", "Two", "Three"):
        add = AddContribution(workshop_id, pin(name), phone)
        stack.push(add)
        uuids.append(add.uuid)
    stack.push(SetReview((uuids[0],), "approved"))
    assert [c.name for c in contributions(demo, workshop_id)] == ["Three", "Two", "One"]
    assert [c.name for c in contributions(demo, workshop_id, review="pending")] == ["Three", "Two"]
    assert pending_from_device(demo, workshop_id, phone) == uuids[1:]


def test_undo_is_refused_when_another_window_changed_the_pin(
    demo_copy, demo, stack, workshop_id, phone
):
    add = AddContribution(workshop_id, pin(), phone)
    stack.push(add)
    with Project.open(demo_copy) as other:
        CommandStack(other).push(SetReview((add.uuid,), "approved"))
    with pytest.raises(ConflictError):
        stack.undo()
    assert assets.get(demo, add.uuid).review == "approved"


def test_a_pin_added_through_another_connection_reaches_the_feed_reader(
    demo_copy, demo, workshop_id, phone
):
    since = feed.latest_seq(demo)
    with Project.open(demo_copy) as server:
        CommandStack(server).push(
            AddContribution(workshop_id, pin(), phone), origin=participant(workshop_id)
        )
    (change,) = feed.changes_since(demo, since)
    assert change.origin.session == workshop_id and change.kind == "added"


def test_a_session_started_elsewhere_is_announced_to_this_window(demo_copy, demo):
    from assetmap.core.watch import ChangeWatcher

    watcher = ChangeWatcher(demo)
    heard = []
    demo.events.settings_changed.connect(lambda **kw: heard.append(kw))
    with Project.open(demo_copy) as other:
        CommandStack(other).push(CreateWorkshop("Sale Moor evening", "Sale", "", "Amira"))
    watcher.poll()
    assert {"key": "workshop"} in heard and current_workshop(demo).name == "Sale Moor evening"
    watcher.close()
