"""Scenario `new_place`: a project for a place from the starter pack (issue 15, item 2).

Target: `assetmap new PROJECT --place NAME` makes the project in under 10 s, offline. Each
repeat runs a fresh child process per place that loads its libraries first and times only
`core.places.new_project_for_place` (reading the pack, the area import, the indicator join
and the postcode index, writing the file): Rutland (23 LSOAs, the smallest English
authority), Leicester (192), Newport (95, Wales: boundaries and postcodes only) and
Birmingham (639, the largest). The pack is `src/assetmap/data/starter/starter.sqlite`
(read-only); nothing is read from the network. Interpreter start-up and imports are not
timed: a cold `assetmap new --place` adds about 2-3 s of imports on this machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Context, Result, emit, run_child  # noqa: E402

TITLE = "A project for a place from the starter pack"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()
TARGET_S = 10.0
PLACES = ("Rutland", "Leicester", "Newport", "Birmingham")


def run(ctx: Context) -> list[Result]:
    rows = []
    for place in PLACES:
        took, rss, note = [], [], ""
        for i in range(ctx.repeat):
            with tempfile.TemporaryDirectory(prefix="assetmap-bench-place-") as tmp:
                ctx.log(f"  {place}: repeat {i + 1}/{ctx.repeat}")
                out = run_child(
                    ctx, [Path(__file__), "--child", place, Path(tmp) / "p.gpkg"], label=place
                )
            took.append(out["seconds"])
            rss.append(out["peak_rss_mb"])
            note = f"{out['areas']} LSOAs, {out['postcodes']:,} postcodes"
        rows.append(
            Result(f"new --place {place}", took, peak_rss_mb=rss, target=TARGET_S, note=note)
        )
    return rows


def child(place: str, path: Path) -> None:
    from assetmap.core.places import new_project_for_place

    started = time.perf_counter()
    made = new_project_for_place(path, place)
    seconds = time.perf_counter() - started
    emit({"seconds": seconds, "areas": made.areas, "postcodes": made.postcodes})


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("PLACE", "PROJECT"), required=True)
    args = parser.parse_args()
    child(args.child[0], Path(args.child[1]))
