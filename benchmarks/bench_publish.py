"""Scenario `publish`: the national project published to a local PostGIS server.

`assetmap publish` of the national project (34,753 LSOAs, 200,000 assets) into a fresh
database of a throwaway PostgreSQL + PostGIS cluster (the tests' one: `tests/support/
pg_server.py`, started as `nobody` in a temporary directory), timed as the command a GIS
officer types, start-up included — target under 60 s. The project copy is opened (and
migrated) once before timing, so only the publish is measured. Needs Debian's `postgresql`
and `postgresql-15-postgis-3` and `pip install '.[postgis]'`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from data import national_project  # noqa: E402
from harness import Context, Result  # noqa: E402
from support.pg_server import DATABASE, running_server  # noqa: E402

TITLE = "Publishing the national project to PostGIS"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()
PUBLISH_TARGET_S = 60.0


def _migrated_copy(ctx: Context, folder: Path) -> Path:
    work = folder / "national.gpkg"
    shutil.copy(national_project(ctx), work)
    code = (
        "import sys\nfrom assetmap.core.project import Project\nProject.open(sys.argv[1]).close()"
    )
    subprocess.run([ctx.python, "-c", code, str(work)], check=True)
    return work


def run(ctx: Context) -> list[Result]:
    wall, inside = [], []
    with running_server() as server, tempfile.TemporaryDirectory(prefix="assetmap-pub-") as tmp:
        for i in range(ctx.repeat):
            name = f"bench_{i}"
            server.psql(f"CREATE DATABASE {name} TEMPLATE {DATABASE}", database="postgres")
            work = _migrated_copy(ctx, Path(tmp))
            started = time.perf_counter()
            done = subprocess.run(
                [ctx.python, "-m", "assetmap", "publish", str(work), server.url(database=name)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            wall.append(time.perf_counter() - started)
            found = re.search(r" in ([0-9.]+) s:", done.stdout)
            inside.append(float(found.group(1)) if found else wall[-1])
            ctx.log(
                f"  repeat {i + 1}/{ctx.repeat}: {wall[-1]:.1f} s ({inside[-1]:.1f} s publishing)"
            )
            work.unlink()
    return [
        Result("**publish, command line (200,000 assets, 34,753 areas)**", wall,
               target=PUBLISH_TARGET_S, note="start-up included"),
        Result("publish itself (connect to commit)", inside),
    ]  # fmt: skip
