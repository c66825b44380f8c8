"""Read vector files (GeoJSON, GeoPackage, shapefiles, zipped or gzipped) through GDAL, with
the types GDAL gives, geometries decoded one by one where GEOS refuses some, and GDAL's
errors and warnings said in the user's terms.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import pyogrio.errors
import pyproj

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io import archives, limits
from assetmap.core.io.damaged_geometry import GeometryIssues, decode
from assetmap.core.io.geojson_position import first_broken_feature
from assetmap.core.io.read_bounds import check_cells, check_columns, check_rows, cleaned
from assetmap.core.io.table import LayerInfo, Table, file_suffix, rows_read, unique_column_names
from assetmap.core.progress import CancelledFn, Steps, check_cancelled

_VECTOR_IN_ZIP = (".gpkg", ".geojson", ".json")
_JSON_SOURCES = (".geojson", ".json", ".geojson.gz", ".json.gz")
_VECTOR_BATCH_ROWS = 65_536
_GDAL_ADVICE = re.compile(r";?\s*It might help to specify the correct driver.*$", re.DOTALL)
_JSON_NUL = re.compile(rb"(?<!\\)((?:\\\\)*)\\u0000")  # a \u0000 whose backslash is not escaped
_JSON_NUL_STAND_IN = rb"\1\\udbff\\udffd"  # control_chars.NUL_STAND_IN, as JSON writes it
_REPORTED_PER_FEATURE = ("Non closed ring detected",)  # GDAL warnings the report says per row
_GDAL_ERRORS = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.GeometryError,
    pyogrio.errors.FieldError,
    pyogrio.errors.FeatureError,
    pyogrio.errors.CRSError,
)


def gdal_path(path: str | Path) -> str:
    """A path GDAL can open without unpacking archives to disk.

    For a zip holding several shapefiles this is the folder holding them, which GDAL opens as
    one dataset with a layer per shapefile.
    """
    path = Path(path)
    suffix = file_suffix(path)
    if suffix.endswith(".gz"):
        return f"/vsigzip/{path.as_posix()}"
    if suffix != ".zip":
        return str(path)
    shapefiles = zip_shapefiles(path)
    if len(shapefiles) == 1:
        return vsizip(path, next(iter(shapefiles.values())))
    if shapefiles:
        folder = PurePosixPath(next(iter(shapefiles.values()))).parent
        return vsizip(path, "" if str(folder) == "." else str(folder))
    return vsizip(path, _zip_vector_member(path))


def vsizip(path: Path, member: str) -> str:
    base = f"/vsizip/{path.resolve().as_posix()}"
    return f"{base}/{member}" if member else base


def _zip_members(path: Path) -> list[str]:
    """File names in a zip, without the folders and macOS '._' files zip tools add."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        raise BadInputError(
            translated("the file is not a readable zip archive ({error})").format(error=error),
            file=path,
        ) from None
    return [
        name
        for name in names
        if not name.endswith("/")
        and not name.startswith("__MACOSX/")
        and not PurePosixPath(name).name.startswith("._")
    ]


def zip_shapefiles(path: Path) -> dict[str, str]:
    """Layer name -> member path for each shapefile in a zip, in archive order."""
    members = [name for name in _zip_members(path) if name.lower().endswith(".shp")]
    stems = [PurePosixPath(name).stem for name in members]
    unique = len(set(stems)) == len(stems)
    return {
        (stem if unique else name[:-4]): name for stem, name in zip(stems, members, strict=True)
    }


def _zip_vector_member(path: Path) -> str:
    for name in _zip_members(path):
        if name.lower().endswith(_VECTOR_IN_ZIP):
            return name
    raise BadInputError(
        translated("the zip holds no shapefile (.shp) or other file assetmap can read"),
        file=path,
        hint=translated("a zipped shapefile needs its .shp, .shx, .dbf and .prj files"),
    )


def check_archive(path: Path, cancelled: CancelledFn | None) -> archives.Unpacked | None:
    """Unpack a zip or gzip once within the bounds before GDAL opens it (core.io.archives)."""
    suffix = file_suffix(path)
    if suffix == ".zip":
        return archives.check_zip(path, cancelled=cancelled)
    if suffix.endswith(".gz"):
        return archives.check_gzip(path, cancelled=cancelled)
    return None


def read_zipped_shapefile(
    path: Path, layer: str | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    shapefiles = zip_shapefiles(path)
    if layer is None and len(shapefiles) > 1:
        raise _choose_layer_error(path, list(shapefiles))
    name = layer if layer is not None else next(iter(shapefiles))
    if name not in shapefiles:
        raise _missing_layer_error(path, name, list(shapefiles))
    table = read_vector(path, vsizip(path, shapefiles[name]), None, None, steps, cancelled)
    table.layer = name
    return table


def read_vector(
    path: Path,
    source: str,
    layer: str | None,
    unpacked: archives.Unpacked | None,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> Table:
    """Read through GDAL's Arrow stream, checking the file's width before any feature.

    GDAL's cost grows with the square of a GeoJSON's properties (100,000 took 8 minutes
    to read, 1.5 s to open), so the width is checked on opening; rows are counted batch by
    batch, which is also where a cancel is noticed.
    """
    if file_suffix(source) == ".gpkg":
        layer = _chosen_gpkg_layer(path, source, layer)
    steps(0.0, translated("Reading {file}").format(file=path.name))
    patched, nul_notes = _json_with_nul_stand_ins(path, source, unpacked)
    try:
        with warnings.catch_warnings(record=True) as gdal_warnings:
            warnings.simplefilter("always", RuntimeWarning)
            with pyogrio.open_arrow(
                source if patched is None else patched,
                layer=layer,
                use_pyarrow=True,
                batch_size=_VECTOR_BATCH_ROWS,
            ) as (meta, reader):
                check_columns(path, len(meta["fields"]))
                arrow = _arrow_batches(path, reader, len(meta["fields"]), steps, cancelled)
    except (*_GDAL_ERRORS, pa.ArrowInvalid, pa.ArrowIOError) as error:  # damaged mid-stream
        raise _gdal_error(path, source, error) from None
    geometry_name = meta["geometry_name"] or "wkb_geometry"
    geometry, issues = None, GeometryIssues()
    if geometry_name in arrow.column_names:
        # One by one where GEOS refuses a geometry: the others are kept (damaged_geometry).
        with warnings.catch_warnings():  # NaN coordinates: numpy's "invalid value" warning
            warnings.simplefilter("ignore", RuntimeWarning)
            geometry, issues = decode(_wkb_values(arrow.column(geometry_name)))
        arrow = arrow.drop_columns([geometry_name])
    try:
        frame = arrow.to_pandas(self_destruct=True)
    except UnicodeDecodeError:
        raise BadInputError(
            translated("its text is not in UTF-8 and does not say which encoding it uses"),
            file=path,
            hint=translated(
                "for a shapefile, add a .cpg file naming the encoding (e.g. UTF-8 or 1252)"
            ),
        ) from None
    crs = pyproj.CRS.from_user_input(meta["crs"]) if meta["crs"] else None
    table = _vector_table(frame, geometry, crs, path, layer)
    table.geometry_issues = issues
    table.notes += nul_notes + _gdal_warning_notes(gdal_warnings)
    return cleaned(table, nul_stand_in=patched is not None)


def _gdal_warning_notes(gdal_warnings: list[warnings.WarningMessage]) -> list[str]:
    """GDAL's warnings (a geometry it could not parse and left empty) go in the report, not
    stderr."""
    said = dict.fromkeys(
        str(w.message)
        for w in gdal_warnings
        if w.category is RuntimeWarning
        and "pyogrio" in w.filename
        and not str(w.message).startswith(_REPORTED_PER_FEATURE)
    )
    return [f"GDAL: {message}" for message in list(said)[:5]]


def _json_with_nul_stand_ins(
    path: Path, source: str, unpacked: archives.Unpacked | None
) -> tuple[bytes | None, list[str]]:
    """A GeoJSON holding \\u0000, with a stand-in for each NUL; None for any other file.

    GDAL ends a text at a NUL, silently losing the rest of the value (and of a property's
    name). The stand-in survives GDAL; cleaning then removes it and reports it as the NUL it
    was. Only files that hold a NUL pay for the copy in memory, and only up to
    MAX_TABLE_BYTES; a bigger one is read as it is, with a note.
    """
    if not source.lower().endswith(_JSON_SOURCES):
        return None, []
    if unpacked is None:
        found = {"": path.stat().st_size} if archives.json_has_nul(path) else {}
    else:
        found = unpacked.nul_escapes
    member = next((m for m in found if m == "" or source.endswith(f"/{m}")), None)
    if member is None:
        return None, []
    if found[member] > limits.MAX_TABLE_BYTES:
        lost = translated(
            "text after a NUL character (\\u0000) is lost: the file is too big to keep it"
        )
        return None, [lost]
    if unpacked is None:
        data = path.read_bytes()
    elif member == "":
        data = archives.read_gzip(path)
    else:
        data = archives.read_member(path, member)
    return _JSON_NUL.sub(_JSON_NUL_STAND_IN, data), []


def _arrow_batches(
    path: Path,
    reader: pa.RecordBatchReader,
    width: int,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> pa.Table:
    batches = []
    rows = 0
    for batch in reader:
        check_cancelled(cancelled)
        rows += batch.num_rows
        check_rows(path, rows)
        check_cells(path, rows, width)
        batches.append(batch)
        steps(0.5, rows_read(rows, "feature", path.name))
    return pa.Table.from_batches(batches, schema=reader.schema)


def _wkb_values(column: pa.ChunkedArray) -> np.ndarray:
    """GDAL's WKB as bytes (None where missing), from tagged or plain binary."""
    if isinstance(column.type, pa.ExtensionType):
        storage = [chunk.storage for chunk in column.chunks]
        column = pa.chunked_array(storage, column.type.storage_type)
    values: np.ndarray = column.to_numpy(zero_copy_only=False)
    return values


def _vector_table(
    frame: pd.DataFrame,
    geometry: np.ndarray | None,
    crs: pyproj.CRS | None,
    path: Path,
    layer: str | None,
) -> Table:
    notes = _geometry_notes(geometry, crs) if geometry is not None else []
    names, name_notes = unique_column_names([str(name).strip() for name in frame.columns])
    frame = frame.set_axis(names, axis=1) if names != list(frame.columns) else frame
    frame = frame.reset_index(drop=True)
    row_numbers = np.arange(1, len(frame) + 1)
    return Table(
        frame, geometry, crs, path, layer, row_numbers, "feature", None, notes + name_notes
    )


def _geometry_notes(geometry: np.ndarray, crs: pyproj.CRS | None) -> list[str]:
    notes = []
    if crs is None:
        notes.append(translated("the file does not say which coordinate reference system it uses"))
    missing = int(pd.isna(geometry).sum())
    if missing:
        notes.append(translated("{n:,} features have no geometry").format(n=missing))
    return notes


def gdal_layer_names(path: Path, source: str) -> list[str]:
    try:
        return [str(name) for name in pyogrio.list_layers(source)[:, 0]]
    except _GDAL_ERRORS as error:
        raise _gdal_error(path, source, error) from None


def _chosen_gpkg_layer(path: Path, source: str, layer: str | None) -> str:
    names = gdal_layer_names(path, source)
    if layer is None:
        if len(names) == 1:
            return names[0]
        raise _choose_layer_error(path, names)
    if layer not in names:
        raise _missing_layer_error(path, layer, names)
    return layer


def vector_layer_info(path: Path, source: str, layer: str | None, name: str) -> LayerInfo:
    try:
        info = pyogrio.read_info(source, layer=layer)
    except _GDAL_ERRORS as error:
        raise _gdal_error(path, source, error) from None
    count = int(info["features"])
    return LayerInfo(name, info["geometry_type"], count if count >= 0 else None)


def _choose_layer_error(path: Path, names: list[str]) -> BadInputError:
    return BadInputError(
        translated("the file has {n} layers; choose one").format(n=len(names)),
        file=path,
        hint=_layers(names),
    )


def _missing_layer_error(path: Path, layer: str, names: list[str]) -> BadInputError:
    return BadInputError(
        translated("there is no layer called '{layer}'").format(layer=layer),
        file=path,
        hint=_layers(names),
    )


def _layers(names: list[str]) -> str:
    return translated("layers: {names}").format(names=", ".join(names))


def _gdal_error(path: Path, source: str, error: Exception) -> BadInputError:
    """GDAL's reason, without its driver advice and with the file's name instead of a /vsi path."""
    reason = _GDAL_ADVICE.sub("", str(error)).strip()
    reason = reason.replace(f"'{source}'", "it").replace(source, path.name).rstrip(".")
    geojson = file_suffix(path) in (".geojson", ".geojson.gz", ".json", ".json.gz")
    return BadInputError(
        translated("GDAL cannot read it: {reason}").format(reason=reason),
        file=path,
        row=first_broken_feature(path) if geojson else None,
        row_noun="feature",
        hint=translated("check that the file is complete and in the format its name says"),
    )
