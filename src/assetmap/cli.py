"""The command-line interface over the core (BRIEF section 5; kept stable).

Exit codes: 0 done, 2 usage error, 3 bad input (the message on stderr names
the file, row and field and what to do), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assetmap import __version__

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 2, 3, 130

COMMANDS = (
    "new", "import-areas", "import-assets", "join-indicators", "import-basemap", "analyse",
    "export", "info",
)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and not args[0].startswith("-")):
        return _open_app(args)
    parser = build_parser()
    options = parser.parse_args(args)
    if options.command is None:
        parser.print_help()
        return EXIT_USAGE
    return _run(options.handler, options)


def _run(handler: Callable[[argparse.Namespace], int], options: argparse.Namespace) -> int:
    from assetmap.core.errors import AssetmapError, Cancelled

    try:
        return handler(options)
    except Cancelled as exc:
        print(f"assetmap: {exc}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print("assetmap: interrupted; nothing was changed", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        sys.stderr.close()
        return EXIT_OK
    except AssetmapError as exc:
        print(f"assetmap: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _open_app(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="assetmap")
    parser.add_argument("project", nargs="?", type=Path)
    options = parser.parse_args(args)
    from assetmap.qt.app import run_app

    return run_app(options.project)


# ---- the parser ------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assetmap",
        description=(
            "Map a neighbourhood's community assets, find the gaps, export the maps. "
            "Run 'assetmap [PROJECT.gpkg]' to open the desktop app (the demo project if none)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"assetmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_new(sub)
    _add_import_areas(sub)
    _add_import_assets(sub)
    _add_join_indicators(sub)
    _add_import_basemap(sub)
    _add_analyse(sub)
    _add_export(sub)
    _add_info(sub)
    return parser


def _command(
    sub: argparse._SubParsersAction, name: str, help_text: str, handler: Callable
) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.set_defaults(handler=handler)
    return p


def _add_new(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "new", "create a new, empty project file", cmd_new)
    p.add_argument("project", type=Path, metavar="PROJECT.gpkg")
    p.add_argument("--name", help="the project's name (default: the file name)")
    p.add_argument(
        "--crs",
        default="EPSG:27700",
        help="metric coordinate system for distances and areas (default EPSG:27700, British "
        "National Grid; elsewhere use the local UTM zone)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")


def _add_import_areas(sub: argparse._SubParsersAction) -> None:
    p = _command(
        sub, "import-areas", "import neighbourhood boundaries as an area set", cmd_import_areas
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file", type=Path, metavar="FILE", help="GeoJSON, GeoPackage or Shapefile (.shp or .zip)"
    )
    p.add_argument(
        "--set",
        required=True,
        dest="set_name",
        metavar="NAME",
        help="name of the new area set, e.g. 'LSOA 2021'",
    )
    p.add_argument(
        "--code-field", metavar="F", help="field holding the area code (guessed if not given)"
    )
    p.add_argument(
        "--name-field", metavar="F", help="field holding the area name (guessed if not given)"
    )
    p.add_argument(
        "--layer", metavar="L", help="layer to read from a GeoPackage or zip with several"
    )
    _add_accept_crs(p)
    _add_common_import(p)


def _add_import_assets(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "import-assets", "import assets from a file", cmd_import_assets)
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file", type=Path, metavar="FILE", help="GeoJSON, GeoPackage, Shapefile, CSV or XLSX"
    )
    cat = p.add_mutually_exclusive_group()
    cat.add_argument(
        "--category",
        metavar="C",
        help="category of every asset (its name, key or another name it goes by)",
    )
    cat.add_argument(
        "--category-field",
        metavar="F",
        help="field whose values name each asset's category; each value is matched to the "
        "project's categories ignoring case, punctuation and plurals, through each category's "
        "other names (e.g. 'GP surgery' -> GP and primary care), and the mapping is printed",
    )
    p.add_argument(
        "--unknown-categories",
        choices=("new", "uncategorised"),
        default="new",
        help="what to do with category values that match no category, or more than one: make "
        "new categories (default) or file them under 'Uncategorised'",
    )
    p.add_argument("--name-field", metavar="F")
    p.add_argument("--lat-field", metavar="F")
    p.add_argument("--lon-field", metavar="F")
    p.add_argument("--x-field", metavar="F", help="easting/x field (with --y-field)")
    p.add_argument("--y-field", metavar="F", help="northing/y field (with --x-field)")
    p.add_argument(
        "--crs", metavar="EPSG:N", help="coordinate system of --x-field/--y-field or WKT"
    )
    p.add_argument("--wkt-field", metavar="F", help="field holding WKT geometry")
    p.add_argument("--postcode-field", metavar="F")
    p.add_argument(
        "--postcode-index",
        metavar="FILE",
        type=Path,
        help="places rows without coordinates: OS Code-Point Open zip as published, or a CSV "
        "of postcode,lat,lon (or easting,northing)",
    )
    p.add_argument(
        "--skip-fields",
        metavar="F1,F2",
        help="source fields not to keep as custom fields (e.g. styling columns)",
    )
    p.add_argument("--layer", metavar="L", help="layer or sheet to read")
    p.add_argument("--source", metavar="TEXT", help="where the data came from (default: file name)")
    key = p.add_mutually_exclusive_group()
    key.add_argument(
        "--id-field",
        metavar="F",
        help="field that identifies each row (a URN, an ODS code): importing a file of the same "
        "name again updates the assets whose identifier matches instead of adding them again",
    )
    key.add_argument(
        "--match-key",
        metavar="PARTS",
        help="without --id-field, what matches a row to the asset an earlier import of a file "
        "of the same name made: asset fields joined with '+' from name, postcode, position, "
        "address (default: name+postcode when the file has postcodes, else name+position, "
        "position to the metre). The key used is printed",
    )
    p.add_argument(
        "--personal-data",
        action="store_true",
        help="these assets are personal data (a person's skills): kept out of exports by "
        "default. Assets in a personal-data category (Individuals' skills) always are",
    )
    _add_accept_crs(p)
    _add_common_import(p)


def _add_join_indicators(sub: argparse._SubParsersAction) -> None:
    p = _command(
        sub,
        "join-indicators",
        "join indicators (population, deprivation) to an area set",
        cmd_join_indicators,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("file", type=Path, metavar="CSV", help="CSV or XLSX, one row per area")
    p.add_argument("--set", required=True, dest="set_name", metavar="NAME")
    p.add_argument("--key-field", required=True, metavar="F", help="field holding the area code")
    p.add_argument(
        "--fields",
        metavar="F1,F2",
        help="fields to join (default all); 'source:name' renames, e.g. all_ages:population",
    )
    p.add_argument(
        "--where",
        action="append",
        metavar="FIELD=VALUE",
        help="use only rows where FIELD equals VALUE (repeatable), e.g. --where sex=Persons",
    )
    p.add_argument("--layer", metavar="SHEET", help="sheet of an XLSX file")
    _add_common_import(p)


def _add_import_basemap(sub: argparse._SubParsersAction) -> None:
    p = _command(
        sub,
        "import-basemap",
        "import an OpenStreetMap extract as the project's offline basemap (streets, railways, "
        "water, green spaces, place names; replaces any basemap the project has)",
        cmd_import_basemap,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE.osm.pbf",
        help="an OpenStreetMap extract: .osm.pbf as published by extract services, or .osm XML",
    )
    p.add_argument(
        "--margin",
        type=float,
        default=2000.0,
        metavar="M",
        help="metres kept around the project's area sets (default 2000); a project without "
        "area sets gets the whole extract",
    )
    p.add_argument("--buildings", action="store_true", help="also import building outlines")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def _add_accept_crs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--accept-crs",
        action="store_true",
        help="import even when the coordinates do not fit their coordinate system (e.g. "
        "longitude/latitude in a file labelled British National Grid); without it such a "
        "file is refused with the coordinate system the values look like",
    )


def _add_common_import(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--attribution",
        metavar="TEXT",
        help="attribution line for this data (shown in About and exports)",
    )
    p.add_argument(
        "--report",
        metavar="FILE.csv",
        type=Path,
        help="write every repaired, unplaced and rejected row to a CSV",
    )
    p.add_argument("--quiet", action="store_true", help="no progress output")


def _add_analyse(sub: argparse._SubParsersAction) -> None:
    p = _command(
        sub,
        "analyse",
        "find gaps: counts, distances, coverage and need versus provision per area",
        cmd_analyse,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--set", required=True, dest="set_name", metavar="NAME", help="the area set")
    p.add_argument(
        "--category",
        action="append",
        metavar="C",
        help="category key or name, or a taxonomy group (repeatable; default: every category "
        "with assets to count; a group brings in those of its categories that have assets)",
    )
    p.add_argument(
        "--distance",
        type=float,
        default=800.0,
        metavar="M",
        help="walking-distance proxy in metres, straight line (default 800, about 10 minutes)",
    )
    p.add_argument("--population", metavar="FIELD", help="area field with the population")
    p.add_argument(
        "--need", metavar="FIELD", help="area field with need, higher = more (e.g. IMD score)"
    )
    p.add_argument(
        "--provision",
        choices=("coverage", "per_1000"),
        default="coverage",
        help="provision measure set against need (default coverage; per_1000 needs --population)",
    )
    p.add_argument(
        "--include-pending",
        "--include-unverified",  # its name before review and verification were told apart
        dest="include_pending",
        action="store_true",
        help="also count assets awaiting review (approved assets always count, rejected never)",
    )
    p.add_argument("--out", required=True, type=Path, metavar="RESULTS.csv")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = _command(
        sub,
        "export",
        "export a map (PDF, PNG, SVG), an interactive map (HTML) or data (GeoPackage, "
        "GeoJSON, CSV, XLSX)",
        cmd_export,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="the file to write; its ending chooses the format: .pdf .png .svg .html .gpkg "
        ".geojson .csv .xlsx",
    )
    p.add_argument("--set", dest="set_name", metavar="NAME", help="the area set to show or export")
    p.add_argument("--title", metavar="TEXT", help="title of the map or report")
    p.add_argument("--subtitle", metavar="TEXT")
    p.add_argument(
        "--analysis",
        metavar="RESULTS-OR-RUN",
        help="a gap analysis to show: a run number, 'latest', or a CSV written by analyse",
    )
    p.add_argument("--category", metavar="C", help="which category of the analysis to map")
    p.add_argument(
        "--measure",
        metavar="M",
        help="figure to map: coverage, per_1000, density_km2, nearest_m, assets, gap, bivariate",
    )
    p.add_argument(
        "--include-personal",
        action="store_true",
        help="include assets flagged as personal data (left out by default)",
    )
    p.add_argument(
        "--include-rejected",
        action="store_true",
        help="data exports (.gpkg .geojson .csv .xlsx): include assets rejected in review "
        "(left out by default); maps never draw them",
    )
    p.add_argument("--page", choices=("A4", "A3"), default="A4", help="page size (maps)")
    p.add_argument(
        "--orientation", choices=("landscape", "portrait"), default="landscape", help="(maps)"
    )
    p.add_argument("--dpi", type=int, default=200, help="resolution of a PNG (default 200)")
    p.add_argument("--author", metavar="NAME", help="shown with the date on maps")
    p.add_argument(
        "--report",
        action="store_true",
        help="write the gap report (.pdf or .html): the gap map, the method, a summary per "
        "category and the gaps to look at first (the analysis: --analysis, else the map's)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress output")


def _add_info(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "info", "describe a project: layers, counts, sources", cmd_info)
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--json", action="store_true", help="machine-readable output")


# ---- commands ---------------------------------------------------------------------------
def cmd_new(options: argparse.Namespace) -> int:
    from assetmap.core import categories
    from assetmap.core.project import Project

    with Project.create(
        options.project, name=options.name, crs=options.crs, overwrite=options.force
    ) as project:
        count = len(categories.all_categories(project))
        print(f"Created {options.project} ({project.crs.name}, {count} categories)")
    return EXIT_OK


def cmd_import_areas(options: argparse.Namespace) -> int:
    from assetmap.core.imports import import_areas
    from assetmap.core.io.area_import import AreaImportOptions

    area_options = AreaImportOptions(
        set_name=options.set_name,
        code_field=options.code_field,
        name_field=options.name_field,
        layer=options.layer,
        accept_crs=options.accept_crs,
    )
    return _import(options, import_areas, area_options)


def cmd_import_assets(options: argparse.Namespace) -> int:
    from assetmap.core.imports import import_assets
    from assetmap.core.io.asset_import import AssetImportOptions

    asset_options = AssetImportOptions(
        category=options.category,
        category_field=options.category_field,
        unknown_categories=options.unknown_categories,
        name_field=options.name_field,
        lat_field=options.lat_field,
        lon_field=options.lon_field,
        x_field=options.x_field,
        y_field=options.y_field,
        crs=options.crs,
        wkt_field=options.wkt_field,
        postcode_field=options.postcode_field,
        postcode_index=options.postcode_index,
        layer=options.layer,
        source=options.source,
        personal_data=options.personal_data,
        accept_crs=options.accept_crs,
        skip_fields=[f.strip() for f in (options.skip_fields or "").split(",") if f.strip()],
        id_field=options.id_field,
        match_key=_match_key(options.match_key),
    )
    return _import(options, import_assets, asset_options)


def _match_key(text: str | None) -> tuple[str, ...] | None:
    from assetmap.core.errors import BadInputError
    from assetmap.core.io.identity import parse_key

    if not text:
        return None
    try:
        return parse_key(text).parts
    except ValueError as exc:
        raise BadInputError(str(exc), field="--match-key") from exc


def cmd_join_indicators(options: argparse.Namespace) -> int:
    from assetmap.core.imports import join_indicators
    from assetmap.core.io.indicator_import import IndicatorOptions

    fields = [f for f in (options.fields or "").split(",") if f.strip()] or None
    indicator_options = IndicatorOptions(
        area_set=options.set_name,
        key_field=options.key_field,
        fields=fields,
        where=options.where,
        layer=options.layer,
    )
    return _import(options, join_indicators, indicator_options)


def _import(options: argparse.Namespace, run: Callable, run_options: object) -> int:
    """Check where the report goes before the project is touched; write it before committing.

    The report is written to a temporary file beside its destination once the import is
    checked and renamed into place once it is committed, so a report that cannot be written
    stops the import, and a failed import leaves no report behind.
    """
    from assetmap.core import output
    from assetmap.core.io import report_csv
    from assetmap.core.io.crs_check import CrsMismatchError
    from assetmap.core.io.report import ImportReport
    from assetmap.core.project import Project

    staged = output.Staged("--report")
    if options.report:
        output.check_target(options.report, "--report", not_one_of=(options.project, options.file))

    def write_report(report: ImportReport) -> None:
        if options.report:
            with staged.open(options.report, newline="", encoding="utf-8") as handle:
                report_csv.write_rows(handle, report)

    progress = None if options.quiet else _TerminalProgress()
    try:
        with Project.open(options.project) as project:
            try:
                report = run(
                    project,
                    options.file,
                    run_options,
                    attribution=options.attribution,
                    progress=progress,
                    before_commit=write_report,
                )
            except CrsMismatchError as exc:
                exc.hint = "if the coordinates are right after all, add --accept-crs"
                raise
            finally:
                if progress:
                    progress.done()
        staged.commit()
    finally:
        staged.discard()
    for line in report.lines():
        print(line)
    if options.report:
        print(f"Full report written to {options.report}")
    return EXIT_OK


def cmd_import_basemap(options: argparse.Namespace) -> int:
    from assetmap.core.basemap import BasemapOptions, import_basemap
    from assetmap.core.project import Project

    progress = None if options.quiet else _TerminalProgress()
    with Project.open(options.project) as project:
        try:
            report = import_basemap(
                project,
                options.file,
                BasemapOptions(margin_m=options.margin, buildings=options.buildings),
                progress=progress,
            )
        finally:
            if progress:
                progress.done()
    for line in report.lines():
        print(line)
    print(f"Imported in {report.seconds:.1f} s.")
    return EXIT_OK


def cmd_analyse(options: argparse.Namespace) -> int:
    from assetmap.core import categories
    from assetmap.core.analysis import results_csv, summary
    from assetmap.core.analysis.api import analyse
    from assetmap.core.analysis.inputs import choose_categories
    from assetmap.core.analysis.params import AnalysisParams
    from assetmap.core.errors import BadInputError
    from assetmap.core.project import Project

    if options.provision == "per_1000" and not options.population:
        raise BadInputError("--provision per_1000 needs --population", field="--provision")
    results_csv.check_out(options.out, options.project, field="--out")  # before any change
    progress = None if options.quiet else _TerminalProgress()
    with Project.open(options.project) as project:
        choice = choose_categories(project, options.category, options.include_pending)
        labels = {c.key: c.label for c in categories.all_categories(project)}
        try:
            params = AnalysisParams(
                area_set=options.set_name,
                categories=choice.keys,
                distance_m=options.distance,
                population_field=options.population,
                need_field=options.need,
                provision=options.provision,
                include_pending=options.include_pending,
                groups=choice.groups,
                skipped=choice.skipped,
            )
        except ValueError as exc:
            raise BadInputError(str(exc)) from exc
        try:
            result = analyse(project, params, progress=progress, out=options.out)
        finally:
            if progress:
                progress.done()
    method = results_csv.method_path(options.out)
    print(f"Run {result.run_id}: {summary.headline(result)}.")
    if params.skipped:
        print(f"{summary.left_out(result, labels)} (all listed in {method.name}).")
    for key in summary.without_assets(result):
        print(f"No {labels.get(key, key)} assets to count: every area is a gap in it.")
    print(f"Results: {options.out}; method: {method}")
    return EXIT_OK


def cmd_export(options: argparse.Namespace) -> int:
    from assetmap.core.errors import BadInputError
    from assetmap.core.export.api import MAP_FORMATS, ExportReport, check_output, export_data
    from assetmap.core.export.options import ExportOptions, PrintLayout
    from assetmap.core.project import Project

    suffix = check_output(options.out)  # before anything is read or drawn
    if options.report and suffix not in (".pdf", ".html", ".htm"):
        raise BadInputError("a gap report is written as .pdf or .html", field="--out")
    export_options = ExportOptions(
        title=options.title,
        subtitle=options.subtitle,
        area_set=options.set_name,
        analysis=options.analysis,
        analysis_category=options.category,
        measure=options.measure,
        include_personal=options.include_personal,
        include_rejected=options.include_rejected,
        author=options.author,
    )
    progress = None if options.quiet else _TerminalProgress()
    report: ExportReport
    with Project.open(options.project) as project:
        try:
            if options.report:
                from assetmap.qt.export.report import export_gap_report

                layout = PrintLayout(options.page, options.orientation)
                report = export_gap_report(
                    project, options.out, export_options, layout, progress=progress
                )
            elif suffix in MAP_FORMATS:
                try:
                    layout = PrintLayout(options.page, options.orientation, options.dpi)
                except ValueError as exc:
                    raise BadInputError(str(exc), field="--dpi") from exc
                from assetmap.qt.export.map_export import export_map

                report = export_map(project, options.out, export_options, layout, progress=progress)
            else:
                report = export_data(project, options.out, export_options, progress=progress)
        finally:
            if progress:
                progress.done()
    print(f"Wrote {report.path} ({report.assets:,} assets).")
    if report.notice:
        print(report.notice)
    return EXIT_OK


def cmd_info(options: argparse.Namespace) -> int:

    from assetmap.core.project import Project
    from assetmap.core.summary import summary

    with Project.open(options.project) as project:
        info = summary(project)
    if options.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(_info_text(info))
    return EXIT_OK


def _info_text(info: dict) -> str:
    a = info["assets"]
    lines = [
        f"{info['name']} — {info['file']}",
        f"  coordinate system: {info['crs_name']} ({info['crs']}); "
        f"project schema {info['schema_version']}",
        f"  assets: {a['total']} ({a['active']} active, {a['closed']} closed, "
        f"{a['proposed']} proposed); {a['unplaced']} unplaced, {a['out_of_area']} out of area, "
        f"{a['deleted']} deleted",
    ]
    used = [c for c in info["categories"] if c["assets"]]
    for c in sorted(used, key=lambda c: -c["assets"]):
        lines.append(f"    {c['assets']:>6}  {c['label']} ({c['group']})")
    lines.append(f"  area sets: {len(info['area_sets'])}")
    for s in info["area_sets"]:
        lines.append(
            f"    {s['name']}: {s['areas']} areas (layer {s['layer']}, from {s['source']})"
        )
        if s["indicators"]:
            lines.append("      indicators: " + ", ".join(i["column"] for i in s["indicators"]))
    if info["postcodes"]:
        lines.append(f"  postcode index: {info['postcodes']} postcodes")
    for source in info["sources"]:
        if source["kind"] == "basemap":
            lines.append(f"  basemap: {source['rows']:,} features from {source['file']}")
    if info["attributions"]:
        lines.append("  data attributions:")
        lines += [f"    {line}" for line in info["attributions"]]
    return "\n".join(lines)


class _TerminalProgress:
    """A one-line progress display on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self._last = ""

    def __call__(self, fraction: float, message: str) -> None:
        if not self.active:
            return
        line = f"\r[{fraction * 100:3.0f}%] {message}"[:100]
        if line != self._last:
            sys.stderr.write(line.ljust(len(self._last)))
            sys.stderr.flush()
            self._last = line

    def done(self) -> None:
        if self.active and self._last:
            sys.stderr.write("\r" + " " * len(self._last) + "\r")
            sys.stderr.flush()
