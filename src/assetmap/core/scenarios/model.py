"""A proposal (a hypothetical asset, such as a proposed hub) and a named scenario of them."""

from __future__ import annotations

import json
import math
import uuid as uuidlib
from dataclasses import asdict, dataclass, field
from typing import Any

from assetmap.core import gpkg
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated

MAX_NAME = 200
MAX_LABEL = 200
# Proposal uuids are kept apart from real assets' in an analysis's counted assets.
PROPOSAL_PREFIX = "proposal:"


@dataclass(frozen=True)
class Proposal:
    """A point where an asset of ``category`` might be, in the project's CRS."""

    label: str
    category: str
    x: float
    y: float
    uuid: str = field(default_factory=lambda: uuidlib.uuid4().hex)

    def __post_init__(self) -> None:
        if not (math.isfinite(self.x) and math.isfinite(self.y)):
            raise BadInputError(translated("a proposal needs a place on the map"), field="x")
        if not self.category:
            raise BadInputError(translated("a proposal needs a category"), field="category")
        if len(self.label) > MAX_LABEL:
            raise BadInputError(
                translated("the label is longer than {n} characters").format(n=MAX_LABEL),
                field="label",
            )


@dataclass(frozen=True)
class Scenario:
    """Proposals kept under a name with the Find gaps question they were made for."""

    name: str
    params: AnalysisParams
    proposals: tuple[Proposal, ...]
    created: str = field(default_factory=gpkg.utc_now)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise BadInputError(translated("a scenario needs a name"), field="name")
        if len(self.name) > MAX_NAME:
            raise BadInputError(
                translated("the name is longer than {n} characters").format(n=MAX_NAME),
                field="name",
            )


def proposals_to_json(proposals: tuple[Proposal, ...]) -> str:
    return json.dumps([asdict(p) for p in proposals])


def proposals_from_json(text: str) -> tuple[Proposal, ...]:
    """Keys a newer version added are ignored, so its scenarios stay readable."""
    known = set(Proposal.__dataclass_fields__)
    items: list[dict[str, Any]] = json.loads(text or "[]")
    return tuple(Proposal(**{k: v for k, v in item.items() if k in known}) for item in items)


def described(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain values, as the change feed records it."""
    return {
        "name": scenario.name,
        "created": scenario.created,
        "params": json.loads(scenario.params.to_json()),
        "proposals": [asdict(p) for p in scenario.proposals],
    }
