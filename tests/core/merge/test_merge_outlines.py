"""Site outlines in a merge of two copies of the Trafford demo: a hospital's or a church's
building outline redrawn in one copy reaches the other; redrawn differently in both, it is a
conflict resolved like any field; undo puts the outline back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
import shapely

from assetmap.core import assets, gpkg
from assetmap.core.changelog import FOOTPRINT_PREFIX, Change
from assetmap.core.commands import CommandStack
from assetmap.core.commands.base import Command
from assetmap.core.feed import changes_since, latest_seq
from assetmap.core.merge import MergeCopy, plan_merge
from assetmap.core.project import Project


@dataclass
class RedrawOutline(Command):
    """A site outline replaced, logged as an import run again logs it (footprint row)."""

    uuid: str
    scale: float
    name: ClassVar[str] = "redraw_outline"
    _before: bytes | None = None

    @property
    def text(self) -> str:
        return "Redraw outline"

    def apply(self, project: Project) -> list[Change]:
        self._before = assets.footprint_blob(project, self.uuid)
        shape = shapely.affinity.scale(gpkg.decode([self._before])[0], self.scale, self.scale)
        blob = gpkg.encode(np.array([shape], dtype=object), project.srs_id)[0]
        assets.set_footprint_blob(project, self.uuid, blob)
        return [self._change(project, self._before)]

    def revert(self, project: Project) -> list[Change]:
        now = assets.footprint_blob(project, self.uuid)
        assets.set_footprint_blob(project, self.uuid, self._before)
        return [self._change(project, now)]

    def _change(self, project: Project, before: bytes | None) -> Change:
        return Change(
            f"{FOOTPRINT_PREFIX}{self.uuid}",
            None,
            None,
            uuid=self.uuid,
            geom_before=before,
            geom_after=assets.footprint_blob(project, self.uuid),
        )


def a_site(path: Path) -> str:
    with Project.open(path) as project:
        (uuid,) = project.conn.execute(
            "SELECT asset_uuid FROM asset_footprints ORDER BY asset_uuid LIMIT 1"
        ).fetchone()
    return uuid


def area(path: Path, uuid: str) -> float:
    with Project.open(path) as project:
        return round(gpkg.decode([assets.footprint_blob(project, uuid)])[0].area, 1)


def redraw(path: Path, uuid: str, scale: float) -> None:
    with Project.open(path) as project:
        CommandStack(project).push(RedrawOutline(uuid, scale))


def test_an_outline_redrawn_in_the_field_reaches_the_office_and_undo_puts_it_back(
    office, field_copy
):
    site = a_site(office)
    before = area(office, site)
    redraw(field_copy, site, 1.5)
    with Project.open(office) as project:
        stack = CommandStack(project)
        seq = latest_seq(project)
        plan = plan_merge(project, field_copy)
        assert [o.uuid for o in plan.outlines] == [site] and plan.conflicts == []
        assert any("Site outlines replaced: 1" in line for line in plan.report_lines())
        stack.push(MergeCopy(plan))
        logged = [c for c in changes_since(project, seq) if c.target == f"footprint:{site}"]
        assert len(logged) == 1
        stack.undo()
        assert round(gpkg.decode([assets.footprint_blob(project, site)])[0].area, 1) == before
        stack.redo()
    assert area(office, site) == area(field_copy, site) == pytest.approx(before * 2.25, rel=1e-3)
    with Project.open(office) as project:
        assert plan_merge(project, field_copy).is_empty  # merging again brings nothing
    redraw(office, site, 1.0)  # an unchanged outline written again is not a change
    with Project.open(field_copy) as project:
        assert plan_merge(project, office).outlines == []


@pytest.mark.parametrize(("prefer", "scale"), [("mine", 1.2), ("theirs", 0.8)])
def test_an_outline_redrawn_differently_on_both_sides_is_a_conflict(
    office, field_copy, prefer, scale
):
    site = a_site(office)
    before = area(office, site)
    redraw(office, site, 1.2)
    redraw(field_copy, site, 0.8)
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
        assert [(c.uuid, c.field) for c in plan.conflicts] == [(site, "outline")]
        words = [line for line in plan.report_lines() if "outline" in line and "m²" in line]
        assert words, plan.report_lines()
        CommandStack(project).push(MergeCopy(plan, {(site, "outline"): prefer}))
    assert area(office, site) == pytest.approx(before * scale * scale, rel=1e-3)
