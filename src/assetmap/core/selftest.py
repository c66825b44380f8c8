"""The Qt-free half of `assetmap --self-test`: the checks of written files, the analysis.

A standalone build can start and still be broken (a data file PyInstaller left behind shows
only when an export reads it), so the self-test does what a new user does first and checks
each result the way a reader would: a PDF has pages, a PNG has its size, an HTML map carries
Leaflet with it. The Qt half (assetmap.qt.selftest) opens the window and draws; this half
must not import Qt, so the checks here also serve the command line and the tests.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assetmap.core import areas
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.inputs import choose_categories
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.project import Project

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
LEAFLET_MARKER = "L.map("  # the call that makes the map, in the page's own script
LEAFLET_HEADER = "a JS library for interactive maps"  # leaflet.js's licence header, kept inlined


class CheckFailed(Exception):
    """A self-test check did not pass; the message says what was found instead."""


@dataclass(frozen=True)
class CheckLine:
    name: str
    ok: bool
    detail: str

    def __str__(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


class Checklist:
    """Runs checks one by one, printing a line each, and remembers the first failure."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.lines: list[CheckLine] = []

    def run(self, name: str, check: Callable[[], str]) -> bool:
        """Run ``check`` (which returns what it found); any exception fails it, by name."""
        try:
            detail = check()
        except Exception as exc:  # a self-test reports every failure, whatever its kind
            line = CheckLine(name, False, f"{type(exc).__name__}: {exc}")
        else:
            line = CheckLine(name, True, detail)
        self.lines.append(line)
        self.say(str(line))
        return line.ok

    @property
    def failed(self) -> list[CheckLine]:
        return [line for line in self.lines if not line.ok]


def check_pdf(path: Path) -> str:
    data = _read_nonempty(path)
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"{path.name} does not start with a PDF header")
    if b"%%EOF" not in data[-1024:]:
        raise CheckFailed(f"{path.name} is cut short (no %%EOF at its end)")
    pages = len(_PDF_PAGE.findall(data))
    if pages < 1:
        raise CheckFailed(f"{path.name} has no pages")
    return f"{path.name}: {pages} page(s), {len(data):,} bytes"


def png_size(path: Path) -> tuple[int, int]:
    data = _read_nonempty(path)
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise CheckFailed(f"{path.name} is not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def check_png(path: Path, min_width: int, min_height: int) -> str:
    width, height = png_size(path)
    if width < min_width or height < min_height:
        raise CheckFailed(
            f"{path.name} is {width}×{height} px, expected at least {min_width}×{min_height}"
        )
    return f"{path.name}: {width}×{height} px"


def check_html_map(path: Path) -> str:
    """The map and Leaflet are in the page itself, or Leaflet's files are beside it."""
    text = _read_nonempty(path).decode("utf-8")
    if LEAFLET_MARKER not in text:
        raise CheckFailed(f"{path.name} has no Leaflet map in it")
    beside = path.parent / "leaflet.js"
    inlined = LEAFLET_HEADER in text
    if not inlined and not beside.is_file():
        raise CheckFailed(f"{path.name} neither inlines Leaflet nor has leaflet.js beside it")
    where = "inlined" if inlined else "beside it"
    return f"{path.name}: a Leaflet map, Leaflet {where}, {len(text):,} characters"


def check_package_files() -> str:
    """The files the app reads besides its code: what a standalone build most easily misses."""
    from assetmap.core.export.html_web import LIBRARIES
    from assetmap.core.io.osm_tag_rules import DEFAULT_RULES_FILE
    from assetmap.core.workshop.web_files import PAGE_DIR

    web = Path(__file__).resolve().parent / "export" / "web"
    wanted = [web / lib.licence for lib in LIBRARIES]
    wanted += [web / name for lib in LIBRARIES for name in (*lib.scripts, *lib.styles)]
    wanted += [PAGE_DIR / "index.html", PAGE_DIR / "app.js", DEFAULT_RULES_FILE]
    missing = [str(path) for path in wanted if not path.is_file()]
    if missing:
        raise CheckFailed(f"{len(missing)} file(s) missing: {', '.join(missing)}")
    return f"{len(wanted)} files (Leaflet and its plugins, the workshop page, OSM tag mapping)"


def small_analysis(project: Project) -> tuple[AnalysisResult, str]:
    """A gap analysis of the first area set for every category with assets, kept as a run."""
    sets = areas.list_sets(project)
    if not sets:
        raise CheckFailed(f"{project.path.name} has no area set to analyse")
    area_set = sets[0].name
    counted = choose_categories(project, None).keys  # as the command line's default
    if not counted:
        raise CheckFailed(f"{project.path.name} has no assets to count")
    columns = {i.column for i in areas.indicators(project, area_set)}
    params = AnalysisParams(
        area_set=area_set,
        categories=counted,
        population_field="population" if "population" in columns else None,
    )
    result = analyse(project, params)
    if result.table.empty:
        raise CheckFailed(f"the analysis of {area_set} gave no rows")
    gaps = int(result.table["gap"].sum()) if "gap" in result.table else 0
    detail = (
        f"run {result.run_id}: {area_set}, {len(counted)} categories, "
        f"{len(result.table):,} rows, {gaps:,} gaps"
    )
    return result, detail


def _read_nonempty(path: Path) -> bytes:
    if not path.is_file():
        raise CheckFailed(f"{path.name} was not written")
    data = path.read_bytes()
    if not data:
        raise CheckFailed(f"{path.name} is empty")
    return data
