"""The one shape every reader returns (Table), the formats it knows by suffix, and the
checks on a file and its column names that do not depend on its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyproj

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.damaged_geometry import GeometryIssues

CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz")
XLSX_SUFFIXES = (".xlsx",)
VECTOR_SUFFIXES = (".geojson", ".geojson.gz", ".json", ".json.gz", ".gpkg", ".shp", ".zip")
SUPPORTED_SUFFIXES: tuple[str, ...] = CSV_SUFFIXES + XLSX_SUFFIXES + VECTOR_SUFFIXES
# A table's row_noun after a count ("608 rows"; Welsh keeps the noun singular there).
_ROWS = {
    "row": translatable("rows"),
    "line": translatable("lines"),
    "feature": translatable("features"),
    "record": translatable("records"),
}


def rows_read(count: int, row_noun: str, file: str | None = None) -> str:
    """The progress message once a file is read: "Read 608 rows from assets.csv"."""
    things = translated(_ROWS[row_noun]) if row_noun in _ROWS else f"{row_noun}s"
    if file is None:
        return translated("Read {n:,} {things}").format(n=count, things=things)
    return translated("Read {n:,} {things} from {file}").format(n=count, things=things, file=file)


@dataclass(frozen=True)
class LayerInfo:
    """One layer, sheet or (for CSV) the whole file, as offered to the user to choose from."""

    name: str
    geometry_type: str | None
    feature_count: int | None


@dataclass
class Table:
    """A file's rows, attributes and (for vector files) geometries, ready for an importer.

    CSV row numbers follow records, not physical lines: a quoted value that spans lines is one
    row, as it is when the file is opened in a spreadsheet. `layer` is the sheet, GeoPackage
    layer or zipped shapefile read, and None for single-layer files read without naming one
    (asking GDAL for a GeoJSON's layer name would parse the whole file a second time).
    `file_columns` names every column of the file, also those not read when only some were
    asked for.
    """

    frame: pd.DataFrame
    geometry: np.ndarray | None
    crs: pyproj.CRS | None
    path: Path
    layer: str | None
    row_numbers: np.ndarray
    row_noun: str
    encoding: str | None
    notes: list[str] = field(default_factory=list)
    geometry_issues: GeometryIssues = field(default_factory=GeometryIssues)
    file_columns: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.file_columns:
            self.file_columns = [str(name) for name in self.frame.columns]

    def __len__(self) -> int:
        return len(self.frame)


def file_suffix(path: str | Path) -> str:
    """The suffix that decides the format, including '.gz' where it wraps another one."""
    name = Path(path).name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return "".join(Path(name).suffixes[-2:]) if name.endswith(".gz") else Path(name).suffix


def is_vector(path: str | Path) -> bool:
    """Vector files carry their own geometry; tables need coordinates or postcodes."""
    return file_suffix(path) in VECTOR_SUFFIXES


def unique_column_names(names: list[str]) -> tuple[list[str], list[str]]:
    """Give blank and repeated column names a usable name, and say so in the report."""
    taken = {name for name in names if name}
    result: list[str] = []
    used: set[str] = set()
    notes: list[str] = []
    for position, name in enumerate(names, start=1):
        if not name:
            new = _free_name(f"column_{position}", taken)
            notes.append(
                translated("column {position} has no name; it is called '{new}'").format(
                    position=position, new=new
                )
            )
        elif name in used:
            new = _free_name(name, taken)
            notes.append(
                translated(
                    "more than one column is called '{name}'; column {position} is '{new}'"
                ).format(name=name, position=position, new=new)
            )
        else:
            new = name
        taken.add(new)
        used.add(new)
        result.append(new)
    return result, notes


def _free_name(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"


def checked_path(path: str | Path) -> Path:
    """Fail early, naming the file, for the mistakes a user makes when picking one."""
    path = Path(path)
    if not path.exists():
        raise BadInputError(
            translated("the file does not exist"),
            file=path,
            hint=translated("looked in {folder}").format(folder=path.parent),
        )
    if path.is_dir():
        raise BadInputError(translated("this is a folder, not a file"), file=path)
    suffix = file_suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise BadInputError(
            translated("assetmap cannot read '{suffix}' files").format(
                suffix=suffix or translated("extension-less")
            ),
            file=path,
            hint=translated("it reads {suffixes}").format(suffixes=", ".join(SUPPORTED_SUFFIXES)),
        )
    if path.stat().st_size == 0:
        raise BadInputError(translated("the file is empty"), file=path)
    return path


def single_layer_name(path: Path) -> str:
    """A CSV's one pseudo-layer is named after the file."""
    return path.name[: -len(file_suffix(path))] or path.name


def drop_blank_rows(
    frame: pd.DataFrame, row_numbers: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Blank records are spreadsheet padding, not data; the survivors keep their numbers."""
    keep = ~frame.isna().all(axis=1).to_numpy()
    if keep.all():
        return frame, row_numbers
    return frame[keep].reset_index(drop=True), row_numbers[keep]
