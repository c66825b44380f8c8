"""Scenario `merge`: merging a copy for the field back into the national project (issue 12).

Target: merging a copy with 10,000 changed assets into a 200,000-asset project takes under
10 s. The office project is a copy of `.cache/national.gpkg` (34,753 LSOAs, 200,000 assets);
a copy for the field is saved from it with `core.copies.save_copy`, and in that copy 10,000
assets are changed through the app's own commands, one command each as a worker makes them
(so the change feed is as a user's): 5,000 names and descriptions edited (`EditAsset`), 3,000
assets moved up to 200 m (`MoveAsset`), 1,000 deleted (`DeleteAsset`) and 1,000 added
(`AddAsset`, near existing ones). Meanwhile the office edits 200 other assets' phone numbers
and 20 of the field's edited ones differently (20 conflicts, resolved with `prefer="mine"` as
`assetmap merge --prefer mine` would). Both files are made once (seeded) and kept as
`.cache/merge_office.gpkg` and `.cache/merge_field.gpkg`.

Each repeat copies the office file and, in a fresh child process, opens it and times
`plan_merge` (reading both files, the feeds since the copies diverged, weighing every touched
asset), then `MergeCopy` pushed on a `CommandStack` (apply, change feed, commit: one undoable
command), reported as **plan**, **apply** and the **total**, which is judged. Then the
merge is undone on the same stack (Edit ▸ Undo), timed as an informative row.

To see where the time goes (pyinstrument if installed, else cProfile):

```sh
cp benchmarks/.cache/merge_office.gpkg /tmp/office.gpkg   # the merge writes into it
python benchmarks/bench_merge.py --child /tmp/office.gpkg benchmarks/.cache/merge_field.gpkg \\
  --profile /tmp/merge-profile.html
```
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import national_project  # noqa: E402
from harness import Context, Result, Stopwatch, emit, run_child  # noqa: E402

TITLE = "Merging a copy with 10,000 changed assets into the national project"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()
TARGET_S = 10.0
OFFICE = "merge_office.gpkg"
FIELD = "merge_field.gpkg"
SEED = 12
EDITS, MOVES, DELETES, ADDS = 5_000, 3_000, 1_000, 1_000
OFFICE_EDITS, CONFLICTS = 200, 20


def run(ctx: Context) -> list[Result]:
    office, field = merge_inputs(ctx)
    plan_s, apply_s, total_s, undo_s, rss = [], [], [], [], []
    counts: dict[str, int] = {}
    for i in range(ctx.repeat):
        with tempfile.TemporaryDirectory(prefix="assetmap-bench-merge-") as tmp:
            work = Path(tmp) / "office.gpkg"
            shutil.copy(office, work)  # each repeat merges into a pristine office file
            ctx.log(f"  repeat {i + 1}/{ctx.repeat}")
            out = run_child(ctx, [Path(__file__), "--child", work, field], label="merge")
        plan_s.append(out["plan"])
        apply_s.append(out["apply"])
        total_s.append(out["plan"] + out["apply"])
        undo_s.append(out["undo"])
        rss.append(out["peak_rss_mb"])
        counts = out["counts"]
        ctx.log(
            f"    plan {out['plan']:.2f} s, apply {out['apply']:.2f} s, "
            f"undo {out['undo']:.2f} s; {counts}"
        )
    what = ", ".join(f"{v:,} {k}" for k, v in counts.items())
    return [
        Result("plan_merge (read both, weigh)", plan_s, peak_rss_mb=rss),
        Result("MergeCopy (apply, feed, commit)", apply_s),
        Result("**merge, total**", total_s, target=TARGET_S, note=what),
        Result("Edit ▸ Undo of the merge (informative)", undo_s),
    ]


# ---- inputs ---------------------------------------------------------------------------
def merge_inputs(ctx: Context) -> tuple[Path, Path]:
    """The office project and its copy for the field with 10,000 changes, made once."""
    office, field = ctx.cache_dir / OFFICE, ctx.cache_dir / FIELD
    if office.is_file() and field.is_file():
        return office, field
    source = national_project(ctx)
    ctx.log(f"preparing {office.name} and {field.name} (10,000 edits through commands)")
    started = time.perf_counter()
    run_child(ctx, [Path(__file__), "--prepare", source, office, field], label="prepare")
    ctx.log(f"  prepared in {time.perf_counter() - started:.0f} s")
    return office, field


def prepare(source: Path, office: Path, field: Path) -> None:
    """Write both files under temporary names, then move them into place together."""
    from assetmap.core import copies
    from assetmap.core.project import Project

    office_tmp, field_tmp = office.with_suffix(".partial.gpkg"), field.with_suffix(".partial.gpkg")
    for path in (office_tmp, field_tmp):
        path.unlink(missing_ok=True)
    shutil.copy(source, office_tmp)
    with Project.open(office_tmp) as project:  # migrates the cached project if it is older
        copies.save_copy(project, field_tmp, label="Field survey")
        picked = _pick(project)
    _edit_field_copy(field_tmp, picked)
    _edit_office(office_tmp, picked)
    office_tmp.replace(office)
    field_tmp.replace(field)
    # Opening an older cached project upgrades it and keeps a copy from before, not needed here.
    shutil.rmtree(office_tmp.with_name(f"{office_tmp.stem}.backups"), ignore_errors=True)
    emit({})


def _pick(project) -> dict[str, list]:
    """Seeded, disjoint groups of live placed assets, with their points."""
    rows = project.conn.execute(
        "SELECT uuid FROM assets WHERE deleted = 0 AND geom IS NOT NULL ORDER BY uuid"
    ).fetchall()
    uuids = [r[0] for r in rows]
    random.Random(SEED).shuffle(uuids)
    sizes = {
        "edit": EDITS,
        "move": MOVES,
        "delete": DELETES,
        "near": ADDS,
        "office": OFFICE_EDITS,
    }
    out, at = {}, 0
    for name, n in sizes.items():
        out[name] = uuids[at : at + n]
        at += n
    return out


def _edit_field_copy(path: Path, picked: dict[str, list]) -> None:
    import uuid as uuids

    from assetmap.core import assets
    from assetmap.core.commands import CommandStack, EditAsset
    from assetmap.core.commands.assets import AddAsset, DeleteAsset, MoveAsset
    from assetmap.core.model import Asset
    from assetmap.core.project import Project

    rng = random.Random(SEED + 1)
    with Project.open(path) as project:
        stack = CommandStack(project)
        for n, uuid in enumerate(picked["edit"]):
            current = assets.get(project, uuid)
            values = (
                {"name": f"{current.name} (checked)"}
                if n % 2
                else {"description": f"Visited on the walk, stop {n}: open mornings"}
            )
            stack.push(EditAsset(uuid, values))
        for uuid in picked["move"]:
            current = assets.get(project, uuid)
            dx, dy = rng.uniform(-200, 200), rng.uniform(-200, 200)
            stack.push(MoveAsset(uuid, current.x + dx, current.y + dy))
        for uuid in picked["delete"]:
            stack.push(DeleteAsset(uuid))
        for n, uuid in enumerate(picked["near"]):
            near = assets.get(project, uuid)
            new = Asset(
                uuids.UUID(int=rng.getrandbits(128), version=4).hex,
                f"New group {n:04d}",
                near.category,
                description="Found on the walk",
                x=near.x + rng.uniform(-300, 300),
                y=near.y + rng.uniform(-300, 300),
            )
            stack.push(AddAsset(new))


def _edit_office(path: Path, picked: dict[str, list]) -> None:
    """Phone numbers of other assets, and the first CONFLICTS edited assets' descriptions
    (the field rewrote those too: conflicts)."""
    from assetmap.core.commands import CommandStack, EditAsset
    from assetmap.core.project import Project

    with Project.open(path) as project:
        stack = CommandStack(project)
        for n, uuid in enumerate(picked["office"]):
            stack.push(EditAsset(uuid, {"phone": f"0161 555 {n:04d}"}))
        described = [u for n, u in enumerate(picked["edit"]) if n % 2 == 0]
        for uuid in described[:CONFLICTS]:
            stack.push(EditAsset(uuid, {"description": "Phoned: closed on Fridays"}))


# ---- the measured child ---------------------------------------------------------------
def child(project_path: Path, other: Path, profile: Path | None) -> None:
    from assetmap.core.commands import CommandStack
    from assetmap.core.merge import MergeCopy, plan_merge
    from assetmap.core.project import Project

    watch = Stopwatch()

    def work() -> dict[str, int]:
        with Project.open(project_path) as project:
            with watch.lap("plan"):
                plan = plan_merge(project, other, prefer="mine")
            stack = CommandStack(project)
            with watch.lap("apply"):
                stack.push(MergeCopy(plan))
            with watch.lap("undo"):
                stack.undo()
            return {
                "added": len(plan.added),
                "updated fields": len(plan.updated),
                "deleted": len(plan.deleted),
                "conflicts": len(plan.conflicts),
            }

    counts = _profiled(work, profile) if profile else work()
    emit({**watch.laps, "counts": counts})


def _profiled(work, out: Path):
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(work)
        profiler.dump_stats(out)
        return result
    profiler = Profiler()
    profiler.start()
    result = work()
    profiler.stop()
    out.write_text(profiler.output_html())
    print(profiler.output_text(unicode=False, color=False, show_all=False), file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--child", nargs=2, type=Path, metavar=("PROJECT", "OTHER"))
    parser.add_argument("--prepare", nargs=3, type=Path, metavar=("SOURCE", "OFFICE", "FIELD"))
    parser.add_argument("--profile", type=Path, help="write a profile of the child here")
    args = parser.parse_args(argv)
    if args.prepare:
        prepare(*args.prepare)
    elif args.child:
        child(*args.child, args.profile)
    else:
        ctx = Context(repeat=1)
        for row in run(ctx):
            print(row.name, [round(v, 2) for v in row.values], row.verdict)


if __name__ == "__main__":
    main()
