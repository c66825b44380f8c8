"""Property: for edits that do not conflict, merging three copies of the Trafford demo gives
the same project whatever the order (office <- A <- B, office <- B <- A, or A <- B first and
the office <- A), no conflict is ever reported, and merging a copy again changes nothing.

The edits are random: each of six assets' phone, description and position is edited by at
most one copy (or by none), an asset may be deleted by the one copy that touches it, and
each copy may add new assets."""

from __future__ import annotations

import shutil
import tempfile
import uuid as uuids
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from assetmap.core import assets, copies
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.assets import AddAsset, DeleteAsset, MoveAsset
from assetmap.core.merge import MergeCopy, plan_merge
from assetmap.core.model import Asset
from assetmap.core.project import Project

REPO = Path(__file__).resolve().parents[3]
COPIES = ("office", "a", "b")
FIELDS = ("phone", "description", "position")
POOL = 6

slot_owner = st.sampled_from((None, *COPIES))
edit = st.tuples(slot_owner, st.integers(0, 999))
asset_plan = st.fixed_dictionaries(
    {"fields": st.tuples(edit, edit, edit), "deleted_by": slot_owner}
)
edits = st.fixed_dictionaries(
    {
        "assets": st.lists(asset_plan, min_size=POOL, max_size=POOL),
        "added": st.fixed_dictionaries({c: st.integers(0, 2) for c in COPIES}),
    }
)


def live(path: Path) -> dict[str, tuple]:
    with Project.open(path) as project:
        frame = assets.frame(project)
        return {
            r.uuid: (
                r.name,
                r.phone,
                r.description,
                None if r.geometry is None else (round(r.geometry.x, 6), round(r.geometry.y, 6)),
            )
            for r in frame.itertuples()
        }


def merged(into: Path, other: Path) -> None:
    with Project.open(into) as project:
        plan = plan_merge(project, other)
        assert plan.conflicts == [], plan.report_lines()
        if not plan.is_empty:
            CommandStack(project).push(MergeCopy(plan))


def make_edits(path: Path, who: str, pool: list[Asset], drawn: dict) -> None:
    with Project.open(path) as project:
        stack = CommandStack(project)
        for asset, planned in zip(pool, drawn["assets"], strict=True):
            owners = {owner for owner, _ in planned["fields"]} - {None}
            deleter = planned["deleted_by"]
            if deleter is not None and owners - {deleter}:
                deleter = None  # a deletion by one copy and an edit by another would conflict
            for name, (owner, n) in zip(FIELDS, planned["fields"], strict=True):
                if owner != who:
                    continue
                if name == "position":
                    stack.push(MoveAsset(asset.uuid, asset.x + n, asset.y - n))
                else:
                    stack.push(EditAsset(asset.uuid, {name: f"{who} {name} {n}"}))
            if deleter == who:
                stack.push(DeleteAsset(asset.uuid))
        for i in range(drawn["added"][who]):
            new = Asset(
                uuids.uuid4().hex, f"{who} new {i}", pool[i].category, x=pool[i].x, y=pool[i].y
            )
            stack.push(AddAsset(new))


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    # each example copies and merges real projects: shrinking would take minutes
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(drawn=edits)
def test_non_conflicting_edits_merge_to_one_result_in_any_order(drawn):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        office = root / "office.gpkg"
        shutil.copy(REPO / "sample_data" / "trafford.gpkg", office)
        with Project.open(office) as project:
            rows = project.conn.execute(
                "SELECT uuid FROM assets WHERE deleted = 0 AND geom IS NOT NULL "
                "ORDER BY name LIMIT ?",
                (POOL,),
            ).fetchall()
            pool = [assets.get(project, r[0]) for r in rows]
            paths = {"office": office}
            for who in ("a", "b"):
                paths[who] = copies.save_copy(project, root / f"{who}.gpkg", label=who).path
        for who in COPIES:
            make_edits(paths[who], who, pool, drawn)
        first, second, third = (root / f"office{n}.gpkg" for n in (1, 2, 3))
        for path in (first, second, third):
            shutil.copy(office, path)

        merged(first, paths["a"])
        merged(first, paths["b"])
        merged(second, paths["b"])
        merged(second, paths["a"])
        merged(paths["a"], paths["b"])
        merged(third, paths["a"])

        result = live(first)
        assert live(second) == result
        assert live(third) == result
        with Project.open(first) as project:
            assert plan_merge(project, paths["a"]).is_empty
            assert plan_merge(project, paths["b"]).is_empty
