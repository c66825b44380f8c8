"""The subcommands that bring data into a project: area boundaries, assets, indicators and
an OpenStreetMap basemap, each reporting what it repaired, left unplaced or rejected.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated


def add_import_areas(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "import-areas",
        translated("import neighbourhood boundaries as an area set"),
        cmd_import_areas,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=translated("GeoJSON, GeoPackage or Shapefile (.shp or .zip)"),
    )
    p.add_argument(
        "--set",
        required=True,
        dest="set_name",
        metavar="NAME",
        help=translated("name of the new area set, e.g. 'LSOA 2021'"),
    )
    p.add_argument(
        "--code-field",
        metavar="F",
        help=translated("field holding the area code (guessed if not given)"),
    )
    p.add_argument(
        "--name-field",
        metavar="F",
        help=translated("field holding the area name (guessed if not given)"),
    )
    p.add_argument(
        "--layer",
        metavar="L",
        help=translated("layer to read from a GeoPackage or zip with several"),
    )
    _add_accept_crs(p)
    _add_common_import(p)


def add_import_assets(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "import-assets", translated("import assets from a file"), cmd_import_assets)
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=translated("GeoJSON, GeoPackage, Shapefile, CSV or XLSX"),
    )
    cat = p.add_mutually_exclusive_group()
    cat.add_argument(
        "--category",
        metavar="C",
        help=translated("category of every asset (its name, key or another name it goes by)"),
    )
    cat.add_argument(
        "--category-field",
        metavar="F",
        help=translated(
            "field whose values name each asset's category; each value is matched to the "
            "project's categories ignoring case, punctuation and plurals, through each category's "
            "other names (e.g. 'GP surgery' -> GP and primary care), and the mapping is printed"
        ),
    )
    p.add_argument(
        "--unknown-categories",
        choices=("new", "uncategorised"),
        default="new",
        help=translated(
            "what to do with category values that match no category, or more than one: make "
            "new categories (default) or file them under 'Uncategorised'"
        ),
    )
    p.add_argument("--name-field", metavar="F")
    p.add_argument("--lat-field", metavar="F")
    p.add_argument("--lon-field", metavar="F")
    p.add_argument("--x-field", metavar="F", help=translated("easting/x field (with --y-field)"))
    p.add_argument("--y-field", metavar="F", help=translated("northing/y field (with --x-field)"))
    p.add_argument(
        "--crs",
        metavar="EPSG:N",
        help=translated("coordinate system of --x-field/--y-field or WKT"),
    )
    p.add_argument("--wkt-field", metavar="F", help=translated("field holding WKT geometry"))
    p.add_argument("--postcode-field", metavar="F")
    p.add_argument(
        "--postcode-index",
        metavar="FILE",
        type=Path,
        help=translated(
            "places rows without coordinates: OS Code-Point Open zip as published, or a CSV "
            "of postcode,lat,lon (or easting,northing)"
        ),
    )
    p.add_argument(
        "--skip-fields",
        metavar="F1,F2",
        help=translated("source fields not to keep as custom fields (e.g. styling columns)"),
    )
    p.add_argument("--layer", metavar="L", help=translated("layer or sheet to read"))
    p.add_argument(
        "--source", metavar="TEXT", help=translated("where the data came from (default: file name)")
    )
    key = p.add_mutually_exclusive_group()
    key.add_argument(
        "--id-field",
        metavar="F",
        help=translated(
            "field that identifies each row (a URN, an ODS code): importing a file of the same "
            "name again updates the assets whose identifier matches instead of adding them again"
        ),
    )
    key.add_argument(
        "--match-key",
        metavar="PARTS",
        help=translated(
            "without --id-field, what matches a row to the asset an earlier import of a file "
            "of the same name made: asset fields joined with '+' from name, postcode, position, "
            "address (default: name+postcode when the file has postcodes, else name+position, "
            "position to the metre). The key used is printed"
        ),
    )
    p.add_argument(
        "--replaces",
        metavar="FILE",
        help=translated(
            "this file is an updated version of one imported before under another name "
            "(e.g. libraries_2025.csv): match its rows to the assets that file made"
        ),
    )
    p.add_argument(
        "--personal-data",
        action="store_true",
        help=translated(
            "these assets are personal data (a person's skills): kept out of exports by "
            "default. Assets in a personal-data category (Individuals' skills) always are"
        ),
    )
    _add_accept_crs(p)
    _add_common_import(p)


def add_join_indicators(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "join-indicators",
        translated("join indicators (population, deprivation) to an area set"),
        cmd_join_indicators,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file", type=Path, metavar="CSV", help=translated("CSV or XLSX, one row per area")
    )
    p.add_argument("--set", required=True, dest="set_name", metavar="NAME")
    p.add_argument(
        "--key-field", required=True, metavar="F", help=translated("field holding the area code")
    )
    p.add_argument(
        "--fields",
        metavar="F1,F2",
        help=translated(
            "fields to join (default all); 'source:name' renames, e.g. all_ages:population"
        ),
    )
    p.add_argument(
        "--where",
        action="append",
        metavar="FIELD=VALUE",
        help=translated(
            "use only rows where FIELD equals VALUE (repeatable), e.g. --where sex=Persons"
        ),
    )
    p.add_argument("--layer", metavar="SHEET", help=translated("sheet of an XLSX file"))
    _add_common_import(p)


def add_import_basemap(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "import-basemap",
        translated(
            "import an OpenStreetMap extract as the project's offline basemap (streets, railways, "
            "water, green spaces, place names; replaces any basemap the project has)"
        ),
        cmd_import_basemap,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE.osm.pbf",
        help=translated(
            "an OpenStreetMap extract: .osm.pbf as published by extract services, or .osm XML"
        ),
    )
    p.add_argument(
        "--margin",
        type=float,
        default=2000.0,
        metavar="M",
        help=translated(
            "metres kept around the project's area sets (default 2000); a project without "
            "area sets gets the whole extract"
        ),
    )
    p.add_argument(
        "--buildings", action="store_true", help=translated("also import building outlines")
    )
    p.add_argument("--quiet", action="store_true", help=translated("no progress output"))


def add_import_osm_assets(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "import-osm-assets",
        translated(
            "import community assets (amenities, parks, places of worship...) from an "
            "OpenStreetMap extract, within the project's areas; importing again updates them"
        ),
        cmd_import_osm_assets,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file",
        type=Path,
        metavar="EXTRACT.osm.pbf",
        help=translated(
            "an OpenStreetMap extract: .osm.pbf as published by extract services, or .osm XML"
        ),
    )
    p.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE.csv",
        help=translated(
            "tag -> category mapping, a CSV of tag,value,category[,label] (first matching row "
            "wins; default: the shipped mapping the Rutland demo uses)"
        ),
    )
    p.add_argument(
        "--unknown-categories",
        choices=("new", "uncategorised"),
        default="new",
        help=translated(
            "categories of the mapping that match none of the project's: make new ones "
            "(default) or file them under 'Uncategorised'"
        ),
    )
    _add_common_import(p)


def add_import_openreferral(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "import-openreferral",
        translated(
            "import an Open Referral (HSDS 3.0 / Open Referral UK) service directory: one asset "
            "per service at a location, keeping the organisation and service details"
        ),
        cmd_import_openreferral,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "file",
        type=Path,
        metavar="SOURCE",
        help=translated(
            "the tabular data package (a folder or .zip with datapackage.json and its CSVs, or "
            "datapackage.json) or HSDS JSON (a file of service records or an API's page of them, "
            "or a folder of saved pages)"
        ),
    )
    p.add_argument(
        "--category-map",
        action="append",
        metavar="TERM=CATEGORY",
        help=translated(
            "the category of services with this taxonomy term (repeatable), e.g. "
            "'Debt advice=Charities'; other terms go by the default mapping of Open Referral UK "
            "service types, then by name, plural and synonym, and the mapping used is printed"
        ),
    )
    p.add_argument(
        "--unknown-categories",
        choices=("new", "uncategorised"),
        default="new",
        help=translated(
            "terms that match no category: make new categories (default) or file them under "
            "'Uncategorised'"
        ),
    )
    p.add_argument(
        "--postcode-index",
        metavar="FILE",
        type=Path,
        help=translated(
            "places locations without coordinates by their postcode: OS Code-Point Open zip, "
            "or a CSV of postcode,lat,lon (default: the project's postcode index)"
        ),
    )
    p.add_argument(
        "--source", metavar="TEXT", help=translated("where the data came from (default: its name)")
    )
    _add_common_import(p)


def cmd_import_openreferral(options: argparse.Namespace) -> int:
    from assetmap.core.imports import import_openreferral
    from assetmap.core.io.openreferral import OpenReferralOptions

    import_options = OpenReferralOptions(
        category_map=_term_map(options.project, options.category_map or []),
        unknown_categories=options.unknown_categories,
        postcode_index=options.postcode_index,
        source=options.source,
    )
    return _import(options, import_openreferral, import_options)


def _term_map(project_path: Path, pairs: list[str]) -> dict[str, str]:
    """TERM=CATEGORY pairs as term -> category key; a category named by label, key or synonym."""
    from assetmap.core import categories
    from assetmap.core.errors import BadInputError
    from assetmap.core.project import Project

    if not pairs:
        return {}
    out = {}
    with Project.open(project_path) as project:
        for pair in pairs:
            term, sep, name = pair.partition("=")
            category = categories.resolve(project, name.strip()) if sep else None
            if category is None:
                raise BadInputError(
                    translated(
                        "'{pair}' is not TERM=CATEGORY with a category of the project"
                    ).format(pair=pair),
                    field="--category-map",
                )
            out[term.strip()] = category.key
    return out


def _add_accept_crs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--accept-crs",
        action="store_true",
        help=translated(
            "import even when the coordinates do not fit their coordinate system (e.g. "
            "longitude/latitude in a file labelled British National Grid); without it such a "
            "file is refused with the coordinate system the values look like"
        ),
    )


def _add_common_import(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--attribution",
        metavar="TEXT",
        help=translated("attribution line for this data (shown in About and exports)"),
    )
    p.add_argument(
        "--report",
        metavar="FILE.csv",
        type=Path,
        help=translated("write every repaired, unplaced and rejected row to a CSV"),
    )
    p.add_argument("--quiet", action="store_true", help=translated("no progress output"))


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
        replaces=options.replaces,
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


def cmd_import_osm_assets(options: argparse.Namespace) -> int:
    from assetmap.core.imports import import_osm_assets
    from assetmap.core.io.osm_assets import OsmAssetOptions
    from assetmap.core.io.osm_tag_rules import read_rules

    osm_options = OsmAssetOptions(
        rules=read_rules(options.mapping) if options.mapping else None,
        unknown_categories=options.unknown_categories,
    )
    return _import(options, import_osm_assets, osm_options)


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

    progress = None if options.quiet else TerminalProgress()
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
                exc.hint = translated("if the coordinates are right after all, add --accept-crs")
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
        print(translated("Full report written to {file}").format(file=options.report))
    return EXIT_OK


def cmd_import_basemap(options: argparse.Namespace) -> int:
    from assetmap.core.basemap import BasemapOptions, import_basemap
    from assetmap.core.project import Project

    progress = None if options.quiet else TerminalProgress()
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
    print(translated("Imported in {seconds:.1f} s.").format(seconds=report.seconds))
    return EXIT_OK
