"""Workshop test helpers: a copy of the Trafford demo (migrated on open) with one session
running, two phones, and a participant's pin. Conftests import the fixtures."""

from __future__ import annotations

import pytest

from assetmap.core.commands import CommandStack
from assetmap.core.commands.workshop import CreateWorkshop
from assetmap.core.project import Project
from assetmap.core.workshop.contributions import device_hash
from assetmap.core.workshop.submission import Submission

STRETFORD = (379_480.0, 396_110.0)  # inside Trafford, in British National Grid


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


@pytest.fixture
def stack(demo):
    return CommandStack(demo)


@pytest.fixture
def workshop_id(stack):
    create = CreateWorkshop("Stretford residents", "Stretford Library", "2026-03-14", "Amira")
    stack.push(create)
    stack.clear()  # tests undo their own commands, not the session's creation
    return create.workshop_id


@pytest.fixture
def phone() -> str:
    return device_hash("phone-secret-one")


@pytest.fixture
def other_phone() -> str:
    return device_hash("phone-secret-two")


def pin(name: str = "Tuesday lunch club", **changes) -> Submission:
    values = dict(
        kind="asset",
        category="community_groups",
        name=name,
        note="Upstairs at the library",
        contributor="Jo",
        x=STRETFORD[0],
        y=STRETFORD[1],
    )
    values.update(changes)
    return Submission(**values)
