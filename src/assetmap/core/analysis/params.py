"""What a gap analysis is asked: which areas, which assets, how far, which figures."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from assetmap.core.i18n import translated

PROVISION_MEASURES = ("per_1000", "coverage")
ALL_CHOSEN = "*"  # the pseudo-category "any of the chosen categories"


@dataclass(frozen=True)
class AnalysisParams:
    area_set: str
    categories: tuple[str, ...]  # category keys (groups already expanded)
    distance_m: float = 800.0
    population_field: str | None = None
    need_field: str | None = None
    provision: str = "coverage"  # per_1000 or coverage: split into terciles against need
    gap_coverage_threshold: float = 0.5
    # Count contributions awaiting review as well as approved assets (never rejected ones).
    include_pending: bool = False
    # Count workshop need pins ("this is missing here") in each area as "needs raised"; they
    # are never provision, whether this is on or not.
    include_needs: bool = False
    groups: tuple[str, ...] = field(default=())  # the group names the user chose, for the record
    # Categories of those groups (or of all, by default) left out for having no assets to count.
    skipped: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.categories:
            raise ValueError(translated("choose at least one category"))
        if self.distance_m <= 0:
            raise ValueError(translated("the distance must be more than 0 metres"))
        if self.provision not in PROVISION_MEASURES:
            raise ValueError(
                translated("provision must be one of {measures}").format(
                    measures=", ".join(PROVISION_MEASURES)
                )
            )
        if not 0 < self.gap_coverage_threshold <= 1:
            raise ValueError(translated("the coverage threshold is a share between 0 and 1"))

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> AnalysisParams:
        """Runs kept by older versions lack newer fields; a newer version's extra ones are
        ignored, so a shared project's runs stay readable both ways."""
        data: dict[str, Any] = json.loads(text)
        known = {f.name for f in fields(cls)}
        if "include_unverified" in data:  # the name runs kept before schema 9 used
            data.setdefault("include_pending", data.pop("include_unverified"))
        data = {k: v for k, v in data.items() if k in known}
        for name in ("categories", "groups", "skipped"):
            data[name] = tuple(data.get(name, ()))
        return cls(**data)
