"""Read every file the importers accept into one shape, so each importer is written once.

Tabular files (CSV, XLSX) come back as text only: guessing types here would turn postcodes,
codes and phone numbers with leading zeros into numbers and lose them. Vector files come back
with the types GDAL gives. Every row carries the number the user sees in their own software, so
a report can point at the right line.

Reading is bounded (core.io.limits: bytes unpacked, ratio, rows, columns, cells, characters per
value), so a hostile or broken file is refused in seconds, and every value and column name is
cleaned of control characters (core.io.control_chars), with a note, before any importer sees it.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from assetmap.core.io import csv_reader, xlsx_reader
from assetmap.core.io.csv_reader import decode_text
from assetmap.core.io.read_bounds import check_field_lengths, chosen_columns
from assetmap.core.io.table import (
    CSV_SUFFIXES,
    SUPPORTED_SUFFIXES,
    XLSX_SUFFIXES,
    LayerInfo,
    Table,
    checked_path,
    file_suffix,
    is_vector,
    rows_read,
    single_layer_name,
    unique_column_names,
)
from assetmap.core.io.vector_reader import (
    check_archive,
    gdal_layer_names,
    gdal_path,
    read_vector,
    read_zipped_shapefile,
    vector_layer_info,
    vsizip,
    zip_shapefiles,
)
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LayerInfo",
    "Table",
    "decode_text",
    "file_suffix",
    "gdal_path",
    "is_vector",
    "list_layers",
    "read_table",
    "unique_column_names",
]


def list_layers(path: str | Path) -> list[LayerInfo]:
    """What the user can choose from: layers, sheets, or the CSV itself."""
    path = checked_path(path)
    suffix = file_suffix(path)
    if suffix in CSV_SUFFIXES:
        return [LayerInfo(single_layer_name(path), None, None)]
    if suffix in XLSX_SUFFIXES:
        return xlsx_reader.xlsx_layers(path)
    check_archive(path, None)
    shapefiles = zip_shapefiles(path) if suffix == ".zip" else {}
    if shapefiles:
        return [
            vector_layer_info(path, vsizip(path, member), None, name)
            for name, member in shapefiles.items()
        ]
    source = gdal_path(path)
    return [vector_layer_info(path, source, name, name) for name in gdal_layer_names(path, source)]


def read_table(
    path: str | Path,
    *,
    layer: str | None = None,
    columns: Collection[str] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Table:
    """Read a whole file, or raise BadInputError saying what is wrong with it.

    ``columns``, when given, are the only columns wanted: the others of a CSV or workbook are
    skipped unread and do not count against MAX_COLUMNS (a Census table of 2,500 columns can
    give the three a user joins). Names the file lacks are left for the caller to report.
    Every value and column name comes back without control characters (core.io.control_chars).
    """
    path = checked_path(path)
    check_cancelled(cancelled)
    steps = Steps(progress)
    suffix = file_suffix(path)
    wanted = None if columns is None else frozenset(columns)
    if suffix in CSV_SUFFIXES:
        table = csv_reader.read_csv(path, wanted, steps, cancelled)
    elif suffix in XLSX_SUFFIXES:
        table = xlsx_reader.read_xlsx(path, layer, wanted, steps, cancelled)
    else:
        unpacked = check_archive(path, cancelled)
        if suffix == ".zip" and zip_shapefiles(path):
            table = read_zipped_shapefile(path, layer, steps, cancelled)
        else:
            table = read_vector(path, gdal_path(path), layer, unpacked, steps, cancelled)
        table = chosen_columns(table, wanted)
    check_field_lengths(table)
    steps(1.0, rows_read(len(table), table.row_noun, path.name))
    return table
