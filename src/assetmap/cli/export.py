"""The export subcommand: maps (drawn with Qt, headless), the gap report, and data files."""

from __future__ import annotations

import argparse
from pathlib import Path

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated


def add_export(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "export",
        translated(
            "export a map (PDF, PNG, SVG), an interactive map (HTML) or data (GeoPackage, "
            "GeoJSON, CSV, XLSX)"
        ),
        cmd_export,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help=translated(
            "the file to write; its ending chooses the format: .pdf .png .svg .html .gpkg "
            ".geojson .csv .xlsx"
        ),
    )
    p.add_argument(
        "--format",
        choices=("openreferral",),
        help=translated(
            "openreferral: the assets as an Open Referral (HSDS 3.0) service directory, a "
            "tabular data package in a .zip (personal-data assets are never included)"
        ),
    )
    p.add_argument(
        "--set", dest="set_name", metavar="NAME", help=translated("the area set to show or export")
    )
    p.add_argument("--title", metavar="TEXT", help=translated("title of the map or report"))
    p.add_argument("--subtitle", metavar="TEXT")
    p.add_argument(
        "--analysis",
        metavar="RESULTS-OR-RUN",
        help=translated(
            "a gap analysis to show: a run number, 'latest', or a CSV written by analyse"
        ),
    )
    p.add_argument(
        "--category", metavar="C", help=translated("which category of the analysis to map")
    )
    p.add_argument(
        "--measure",
        metavar="M",
        help=translated(
            "figure to map: coverage, per_1000, density_km2, nearest_m, assets, gap, bivariate"
        ),
    )
    p.add_argument(
        "--include-personal",
        action="store_true",
        help=translated("include assets flagged as personal data (left out by default)"),
    )
    p.add_argument(
        "--include-rejected",
        action="store_true",
        help=translated(
            "data exports (.gpkg .geojson .csv .xlsx): include assets rejected in review "
            "(left out by default); maps never draw them"
        ),
    )
    p.add_argument(
        "--include-names",
        action="store_true",
        help=translated(
            "data exports: keep the display names workshop participants gave with their pins "
            "(the contributor column is left empty by default)"
        ),
    )
    p.add_argument(
        "--page", choices=("A4", "A3"), default="A4", help=translated("page size (maps)")
    )
    p.add_argument(
        "--orientation",
        choices=("landscape", "portrait"),
        default="landscape",
        help=translated("(maps)"),
    )
    p.add_argument(
        "--dpi", type=int, default=200, help=translated("resolution of a PNG (default 200)")
    )
    p.add_argument("--author", metavar="NAME", help=translated("shown with the date on maps"))
    p.add_argument(
        "--report",
        action="store_true",
        help=translated(
            "write the gap report (.pdf or .html): the gap map, the method, a summary per "
            "category and the gaps to look at first (the analysis: --analysis, else the map's)"
        ),
    )
    p.add_argument("--quiet", action="store_true", help=translated("no progress output"))


def cmd_export(options: argparse.Namespace) -> int:
    from assetmap.core.errors import BadInputError
    from assetmap.core.export.api import MAP_FORMATS, ExportReport, check_output, export_data
    from assetmap.core.export.options import ExportOptions, PrintLayout
    from assetmap.core.project import Project

    if options.format == "openreferral":
        return _export_openreferral(options)
    suffix = check_output(options.out)  # before anything is read or drawn
    if options.report and suffix not in (".pdf", ".html", ".htm"):
        raise BadInputError(translated("a gap report is written as .pdf or .html"), field="--out")
    export_options = ExportOptions(
        title=options.title,
        subtitle=options.subtitle,
        area_set=options.set_name,
        analysis=options.analysis,
        analysis_category=options.category,
        measure=options.measure,
        include_personal=options.include_personal,
        include_rejected=options.include_rejected,
        include_names=options.include_names,
        author=options.author,
    )
    progress = None if options.quiet else TerminalProgress()
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
    print(translated("Wrote {file} ({n:,} assets).").format(file=report.path, n=report.assets))
    if report.notice:
        print(report.notice)
    return EXIT_OK


def _export_openreferral(options: argparse.Namespace) -> int:
    from assetmap.core.errors import BadInputError
    from assetmap.core.export.options import ExportOptions
    from assetmap.core.io.openreferral.writer import export_openreferral
    from assetmap.core.project import Project

    if options.include_personal:
        raise BadInputError(
            translated(
                "an Open Referral directory is published: personal-data assets are never in it"
            ),
            field="--include-personal",
        )
    export_options = ExportOptions(
        area_set=options.set_name, include_rejected=options.include_rejected
    )
    progress = None if options.quiet else TerminalProgress()
    with Project.open(options.project) as project:
        try:
            report = export_openreferral(project, options.out, export_options, progress=progress)
        finally:
            if progress:
                progress.done()
    wrote = translated("Wrote {file} ({n:,} assets as Open Referral services).")
    print(wrote.format(file=report.path, n=report.assets))
    if report.notice:
        print(report.notice)
    return EXIT_OK
