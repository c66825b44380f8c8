"""Scenario `exports`: exports of the national project, as a user runs them.

Each export is the command line a planner would type (`assetmap export ...`), timed as a
whole process, start-up included:

- **A3 PDF** with the gap map (coverage of the first category within 800 m, from a kept
  analysis run) over 34,753 LSOAs and 200,000 assets — target under 10 s;
- **interactive HTML** of the same map: time and file size (the page must stay usable in a
  browser: simplified areas, clustered markers);
- **GeoPackage** of the same (assets, areas, one gap layer per category): time and size.

The project is `.cache/national_analysis.gpkg` (the analysis scenario's: population and
need joined) with one stored run for a single category, kept as
`.cache/national_exports.gpkg` so repeats reuse it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analysis import analysis_project  # noqa: E402
from harness import Context, Result  # noqa: E402

TITLE = "Exports of the national project"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()
EXPORTS_PROJECT = "national_exports.gpkg"
PDF_TARGET_S = 10.0


def exports_project(ctx: Context) -> Path:
    """The analysis project plus one kept run (mental health, 800 m), made once."""
    out = ctx.cache_dir / EXPORTS_PROJECT
    if out.is_file():
        return out
    source = analysis_project(ctx)
    work = out.with_suffix(".partial.gpkg")
    shutil.copy(source, work)
    ctx.log(f"adding a gap analysis run to {out.name}")
    code = (
        "import sys\n"
        "from assetmap.core.project import Project\n"
        "from assetmap.core.analysis.api import analyse\n"
        "from assetmap.core.analysis.params import AnalysisParams\n"
        "with Project.open(sys.argv[1]) as p:\n"
        "    analyse(p, AnalysisParams('LSOA 2011', ('mental_health',), 800.0, 'population',"
        " 'imd_need'))\n"
    )
    subprocess.run([sys.executable, "-c", code, str(work)], check=True)
    work.replace(out)
    return out


def _timed_export(ctx: Context, project: Path, out: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            ctx.python,
            "-m",
            "assetmap",
            "export",
            str(project),
            "--out",
            str(out),
            "--quiet",
            *extra,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started


def run(ctx: Context) -> list[Result]:
    source = exports_project(ctx)
    pdf, html, gpkg = [], [], []
    sizes: dict[str, float] = {}
    for i in range(ctx.repeat):
        with tempfile.TemporaryDirectory(prefix="assetmap-bench-exports-") as tmp:
            work = Path(tmp) / "national.gpkg"
            shutil.copy(source, work)
            ctx.log(f"  repeat {i + 1}/{ctx.repeat}")
            out = Path(tmp) / "gaps_a3.pdf"
            pdf.append(
                _timed_export(
                    ctx,
                    work,
                    out,
                    "--page",
                    "A3",
                    "--analysis",
                    "latest",
                    "--title",
                    "Mental health support within 800 m",
                )
            )
            sizes["pdf"] = out.stat().st_size / 1e6
            out = Path(tmp) / "gaps.html"
            html.append(_timed_export(ctx, work, out, "--analysis", "latest"))
            sizes["html"] = out.stat().st_size / 1e6
            out = Path(tmp) / "gaps.gpkg"
            gpkg.append(_timed_export(ctx, work, out, "--analysis", "latest"))
            sizes["gpkg"] = out.stat().st_size / 1e6
            ctx.log(
                f"    PDF {pdf[-1]:.1f} s ({sizes['pdf']:.1f} MB), HTML {html[-1]:.1f} s "
                f"({sizes['html']:.1f} MB), GeoPackage {gpkg[-1]:.1f} s ({sizes['gpkg']:.0f} MB)"
            )
    return [
        Result(
            "**A3 PDF with the gap map (command line)**",
            pdf,
            target=PDF_TARGET_S,
            note=f"{sizes['pdf']:.1f} MB",
        ),
        Result(
            "interactive HTML (command line)",
            html,
            note=f"{sizes['html']:.1f} MB; clustered markers, simplified areas",
        ),
        Result("GeoPackage (command line)", gpkg, note=f"{sizes['gpkg']:.0f} MB"),
    ]
