"""Writing RESULTS.md: one section per scenario, replaced in place when that scenario is re-run.

Sections sit between ``<!-- scenario:NAME -->`` and ``<!-- /scenario:NAME -->`` markers, so
re-running one scenario leaves the others' sections (and their dates and machines) untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import re
import statistics
import sys
from pathlib import Path

from harness import Result

HEADER = """\
# assetmap benchmarks: results

Written by `python benchmarks/run.py` (see benchmarks/README.md); each scenario's section is
replaced when that scenario is re-run. Timings are the median of N repeats with min and max;
targets come from docs BRIEF §7.
"""


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    info = {
        "cores": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "memory": _memory(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
    try:
        import geopandas
        import pyogrio

        info["GDAL"] = pyogrio.__gdal_version_string__
        info["pyogrio"] = pyogrio.__version__
        info["geopandas"] = geopandas.__version__
    except ImportError:  # pragma: no cover - both are assetmap dependencies
        pass
    for name in ("shapely", "pandas", "pyproj", "assetmap"):
        with contextlib.suppress(ImportError, AttributeError):
            info[name] = __import__(name).__version__
    return info


def code_version(root: Path) -> str:
    """The git commit measured, plus a digest of src/ (the working tree may differ from it)."""
    import hashlib
    import subprocess

    digest = hashlib.sha256()
    for path in sorted((root / "src").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    return f"commit {commit or 'none'}, src digest {digest.hexdigest()[:12]}"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return "?"
    return f"{pages * size / 2**30:.1f} GiB"


def render_section(
    name: str,
    title: str,
    description: str,
    results: list[Result],
    *,
    repeat: int,
    when: dt.datetime | None = None,
    machine_info: dict[str, str] | None = None,
    load: tuple[float, float] | None = None,
    code: str | None = None,
) -> str:
    when = when or dt.datetime.now().astimezone()
    info = machine_info or machine()
    lines = [
        f"<!-- scenario:{name} -->",
        f"## {title}",
        "",
        f"- **date**: {when:%Y-%m-%d %H:%M %Z}",
        "- **machine**: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        *([f"- **code**: {code}"] if code else []),
        f"- **repeats**: {repeat} (`python {' '.join(_command(name, repeat))}`)",
        *(
            [f"- **load average** (1 min) before/after: {load[0]:.2f} / {load[1]:.2f}"]
            if load
            else []
        ),
        "",
        description.strip(),
        "",
        "| measure | median | min | max | peak RSS | target | result | notes |",
        "|---|---:|---:|---:|---:|---:|:---:|---|",
    ]
    for r in results:
        rss = f"{statistics.median(r.peak_rss_mb):,.0f} MB" if r.peak_rss_mb else ""
        target = f"≤ {_fmt(r.target, r.unit)}" if r.target is not None else ""
        verdict = f"**{r.verdict}**" if r.verdict else ""
        lines.append(
            f"| {r.name} | {_fmt(r.value, r.unit)} | {_fmt(min(r.values), r.unit)} | "
            f"{_fmt(max(r.values), r.unit)} | {rss} | {target} | {verdict} | {r.note} |"
        )
    lines += ["", f"<!-- /scenario:{name} -->"]
    return "\n".join(lines)


def _command(name: str, repeat: int) -> list[str]:
    return ["benchmarks/run.py", "--only", name, "--repeat", str(repeat)]


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:.3g} {unit}"


def write_section(path: Path, name: str, section: str) -> None:
    """Put ``section`` in RESULTS.md, replacing the scenario's old section if there is one."""
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    pattern = re.compile(
        rf"<!-- scenario:{re.escape(name)} -->.*?<!-- /scenario:{re.escape(name)} -->",
        re.DOTALL,
    )
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    if not text.endswith("\n"):
        text += "\n"
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def print_table(results: list[Result], out=sys.stdout) -> None:
    width = max(len(r.name) for r in results)
    for r in results:
        verdict = f"  target ≤ {_fmt(r.target, r.unit)}: {r.verdict}" if r.target else ""
        print(
            f"  {r.name.replace('**', ''):<{width}}  {_fmt(r.value, r.unit):>9}  "
            f"[{_fmt(min(r.values), r.unit)} .. {_fmt(max(r.values), r.unit)}]{verdict}",
            file=out,
        )
