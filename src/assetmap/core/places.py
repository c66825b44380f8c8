"""A project for a place in one step, offline: "New project for a place" and
`assetmap new PROJECT --place NAME`.

The place's LSOAs, population and IMD come from the starter pack (core.io.starter) and go in
through the ordinary imports (area set, indicator joins, postcode index), so the project is
exactly what importing those files by hand would make, sources and attributions included.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from assetmap.core import postcode_store
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.postcodes import AddPostcodes
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.imports import import_areas, join_indicators
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.indicator_import import IndicatorOptions
from assetmap.core.io.starter import Place, StarterPack
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

# The area set a new project for a place gets, named in the language it is made in.
AREA_SET = translatable("Neighbourhoods (LSOA 2011)")


def area_set_name() -> str:
    return translated(AREA_SET)


CRS = "EPSG:27700"
POSTCODE_MARGIN_M = 5_000.0  # around the place's neighbourhoods, as the demos keep
SETTING = "place"


@dataclass
class PlaceProject:
    """What was made: the place, its counts and the notes to show the user."""

    path: Path
    place: Place
    areas: int
    postcodes: int
    indicators: list[str]
    notes: list[str] = field(default_factory=list)


def welsh_note(place: Place) -> str:
    return translated(
        "{place} is in Wales. The English Indices of Deprivation 2019 cover England only, "
        "so this project has no deprivation (IMD) figures; the Welsh Index of Multiple "
        "Deprivation is published separately by the Welsh Government and can be joined with "
        "Import ▸ Indicators. The starter pack has no population figures for Wales either."
    ).format(place=place.name)


def new_project_for_place(
    path: str | Path,
    place: str | Place,
    *,
    name: str | None = None,
    overwrite: bool = False,
    pack: StarterPack | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PlaceProject:
    """Write a project for ``place`` (a name, a code or a Place) at ``path``.

    It is built under a temporary name beside ``path`` and moved there only when complete,
    so a failure or a Cancel leaves no half-made project (and an existing file untouched).
    """
    path = Path(path)
    _check_target(path, overwrite)
    steps = Steps(progress)
    own_pack = pack is None
    pack = pack or StarterPack()
    try:
        chosen = place if isinstance(place, Place) else pack.find(place)
        part = path.with_name(f".{path.stem}.building-{os.getpid()}.gpkg")
        try:
            made = _build(part, chosen, name, pack, steps, cancelled)
            _move_into_place(part, path)
        finally:
            for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
                leftover.unlink(missing_ok=True)
    finally:
        if own_pack:
            pack.close()
    made.path = path
    return made


def _check_target(path: Path, overwrite: bool) -> None:
    if path.suffix.lower() != ".gpkg":
        raise BadInputError(translated("a project file name must end in .gpkg"), file=path)
    if path.exists() and not overwrite:
        raise BadInputError(
            translated("a file with this name already exists"),
            file=path,
            hint=translated("choose another name"),
        )


def _build(
    part: Path,
    place: Place,
    name: str | None,
    pack: StarterPack,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> PlaceProject:
    steps(
        0.0,
        translated("Reading {place}'s neighbourhoods from the starter pack").format(
            place=place.name
        ),
    )
    lsoas = pack.lsoas(place)
    check_cancelled(cancelled)
    title = name or translated("{place} community assets").format(place=place.name)
    with (
        Project.create(part, name=title, crs=CRS, overwrite=True) as project,
        tempfile.TemporaryDirectory(prefix="assetmap-place-") as tmp,
    ):
        stack = CommandStack(project)
        folder = Path(tmp)
        _import_areas(project, stack, place, lsoas, pack, folder, steps.sub(0.05, 0.6), cancelled)
        joined = _join_figures(project, stack, place, lsoas, pack, folder, steps.sub(0.6, 0.85))
        check_cancelled(cancelled)
        steps(0.85, translated("Keeping the postcodes around the place"))
        count = _add_postcodes(project, stack, lsoas, pack)
        notes = [] if place.has_imd else [welsh_note(place)]
        project.set_setting(SETTING, _place_setting(place, notes))
        steps(1.0, translated("Done"))
    return PlaceProject(part, place, len(lsoas), count, joined, notes)


def _slug(place: Place) -> str:
    return "".join(c if c.isalnum() else "_" for c in place.name.lower()).strip("_")


def _import_areas(
    project: Project,
    stack: CommandStack,
    place: Place,
    lsoas: gpd.GeoDataFrame,
    pack: StarterPack,
    folder: Path,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> None:
    file = folder / f"{_slug(place)}_lsoa2011_bsc.gpkg"
    boundaries = lsoas[["code", "name", "geometry"]].rename(
        columns={"code": "LSOA11CD", "name": "LSOA11NM"}
    )
    boundaries.to_file(file, driver="GPKG", layer="lsoa2011")
    import_areas(
        project,
        file,
        AreaImportOptions(area_set_name(), code_field="LSOA11CD", name_field="LSOA11NM"),
        stack=stack,
        attribution=pack.meta["attribution_boundaries"],
        progress=steps,
        cancelled=cancelled,
    )


def _join_figures(
    project: Project,
    stack: CommandStack,
    place: Place,
    lsoas: gpd.GeoDataFrame,
    pack: StarterPack,
    folder: Path,
    steps: Steps,
) -> list[str]:
    """Population and IMD 2019 (rank, decile, and ``imd_need``: the rank turned round into
    a 0-100 percentile, higher meaning more deprived, as in the Rutland demo; the IMD score
    itself is in File 5, which the pack does not hold). England only."""
    if not place.has_imd:
        return []
    england = int(pack.meta["england_lsoas"])
    figures = pd.DataFrame(
        {
            "lsoa11cd": lsoas["code"],
            "population": lsoas["population"],
            "imd_rank": lsoas["imd_rank"],
            "imd_decile": lsoas["imd_decile"],
            "imd_need": np.round((england - lsoas["imd_rank"].to_numpy(float)) / england * 100, 2),
        }
    )
    file = folder / f"{_slug(place)}_imd2019_population.csv"
    figures.to_csv(file, index=False, lineterminator="\n")
    columns = [c for c in figures.columns if c != "lsoa11cd"]
    join_indicators(
        project,
        file,
        IndicatorOptions(area_set_name(), "lsoa11cd", columns),
        stack=stack,
        attribution=pack.meta["attribution_imd"],
        progress=steps,
    )
    return columns


def _add_postcodes(
    project: Project, stack: CommandStack, lsoas: gpd.GeoDataFrame, pack: StarterPack
) -> int:
    min_x, min_y, max_x, max_y = lsoas.total_bounds
    m = POSTCODE_MARGIN_M
    postcodes = pack.postcodes_within((min_x - m, min_y - m, max_x + m, max_y + m))
    source = "OS Code-Point Open (assetmap starter pack)"
    stack.push(AddPostcodes(postcodes, source, pack.meta["attribution_postcodes"]))
    return postcode_store.count(project)


def _place_setting(place: Place, notes: list[str]) -> dict[str, Any]:
    return {
        "code": place.code,
        "name": place.name,
        "country": place.country,
        "area_set": area_set_name(),
        "notes": notes,
    }


def _move_into_place(part: Path, path: Path) -> None:
    """The finished file replaces ``path`` in one step (its log folded in first)."""
    with Project.open(part) as project:
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(part, path)


def place_notes(project: Project) -> list[str]:
    """The notes a project made for a place carries (e.g. that Wales has no English IMD)."""
    value = project.setting(SETTING)
    if not isinstance(value, dict):
        return []
    return [str(n) for n in value.get("notes", [])]
