"""One call per export, by file type; the print formats are drawn by the Qt layer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from assetmap.core import areas, output
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.wording import need_label as need_label
from assetmap.core.errors import BadInputError
from assetmap.core.export import analysis_source, data
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import (
    HTML_COLUMNS,
    ChosenAssets,
    choose_assets,
)
from assetmap.core.i18n import translated
from assetmap.core.layers import MapLayers
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

DATA_FORMATS = (".gpkg", ".geojson", ".csv", ".xlsx")
MAP_FORMATS = (".pdf", ".png", ".svg")
HTML_FORMATS = (".html", ".htm")
ALL_FORMATS = DATA_FORMATS + HTML_FORMATS + MAP_FORMATS


@dataclass
class ExportReport:
    path: Path
    assets: int
    notice: str  # what was left out, in a sentence ("" when nothing)

    @property
    def size_bytes(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0


def check_format(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in ALL_FORMATS:
        raise BadInputError(
            translated("cannot export to '{what}'; choose one of {formats}").format(
                what=suffix or path.name, formats=", ".join(ALL_FORMATS)
            ),
            file=path,
            field="--out",
        )
    return suffix


def check_output(path: str | Path) -> str:
    """The format of ``path``, once it is known that a file of that format can be written
    there: called before any work, so a bad path changes nothing."""
    suffix = check_format(Path(path))
    output.check_target(path)
    return suffix


def chosen_area_sets(project: Project, options: ExportOptions) -> list[str]:
    if options.area_set is not None:
        return [areas.get_set(project, options.area_set).name]
    return MapLayers.load(project).visible_area_sets()


def export_data(
    project: Project,
    path: str | Path,
    options: ExportOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ExportReport:
    path = Path(path)
    suffix = check_output(path)
    if suffix in MAP_FORMATS:
        raise BadInputError(
            translated("maps (PDF, PNG, SVG) are drawn by assetmap.qt.export"), file=path
        )
    steps = Steps(progress)
    steps(0.05, translated("Choosing what to export"))
    html = suffix in HTML_FORMATS
    result = analysis_source.resolve(project, options.analysis)
    measured = None
    if html and options.categories is None and result is not None:
        measured = tuple(result.params.categories)
    chosen = choose_assets(
        project, options, HTML_COLUMNS if html else None, for_map=html, measured=measured
    )
    sets = chosen_area_sets(project, options)
    check_cancelled(cancelled)
    steps(0.2, translated("Writing {file}").format(file=path.name))
    nuls = 0
    need = need_label(project, result)
    if suffix == ".gpkg":
        nuls = data.write_gpkg(project, path, chosen, sets, result)
    elif suffix == ".geojson":
        frame = _geojson_frame(project, options, chosen, sets, result)
        nuls = data.write_geojson(project, path, frame)
    elif suffix == ".csv":
        data.write_csv(project, path, chosen, result, need)
    elif suffix == ".xlsx":
        title = options.title or project.name
        data.write_xlsx(project, path, chosen, sets, result, title, need)
    else:
        from assetmap.core.export.html import write_html

        write_html(project, path, options, chosen, sets, result, steps.sub(0.2, 1.0), cancelled)
    steps(1.0, translated("Done"))
    return ExportReport(path, len(chosen.frame), _notice(chosen.notice(), nuls, suffix))


def _notice(left_out: str, nuls: int, suffix: str) -> str:
    if not nuls:
        return left_out
    fmt = "GeoPackage" if suffix == ".gpkg" else "GeoJSON"
    if nuls == 1:
        pattern = translated(
            "{n:,} text value held a NUL character, which {format} cannot hold: it is written "
            "as the replacement character �."
        )
    else:
        pattern = translated(
            "{n:,} text values held a NUL character, which {format} cannot hold: it is "
            "written as the replacement character �."
        )
    return f"{left_out} {pattern.format(n=nuls, format=fmt)}".strip()


def _geojson_frame(
    project: Project,
    options: ExportOptions,
    chosen: ChosenAssets,
    sets: list[str],
    result: AnalysisResult | None,
) -> gpd.GeoDataFrame:
    """GeoJSON holds one layer: the gap results, else the chosen area set, else the assets."""
    if result is not None:
        key = options.analysis_category or result.params.categories[0]
        return data.gap_table(project, result, key)
    if options.area_set is not None:
        return data.area_table(project, sets[0])
    return data.asset_table(project, chosen)
