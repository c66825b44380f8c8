"""Reading OpenStreetMap extracts (.osm.pbf, .osm XML) through GDAL's OSM driver (pyogrio).

GDAL does the hard parts: node indexing (in memory, spilling to a temporary file), building
lines and multipolygons, skipping relations whose members the extract lacks. This module only
chooses what to ask for: our own ``osmconf.ini`` (the tags we need as columns; the rest as JSON)
passed as a dataset *open option*, so no process-wide GDAL setting changes and other imports
are not affected; a lon/lat spatial filter, so a country-size extract is parsed but only the
project's neighbourhood is materialised; and an attribute filter per layer.

GDAL's driver reads a whole file per layer opened, so an import makes one pass per layer it
needs (points, lines, multipolygons). Each pass streams Arrow batches so a long read reports
progress and can be cancelled between batches.
"""

from __future__ import annotations

import re
import struct
import tempfile
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors
import shapely

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled

# Keys before any [section] are general settings. GDAL >= 3.10 also accepts a "[general]"
# header, but older GDAL (pyogrio >= 0.9 wheels ship 3.8) would take it as a layer, so none.
OSMCONF = """\
# assetmap's configuration of GDAL's OSM driver (written to a temporary file per import)
closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,historic,landuse,\
leisure,military,natural,office,place,shop,sport,tourism,water,wetland,healthcare,\
highway=platform,public_transport=platform,waterway=riverbank,waterway=dock
tags_format=json

[points]
osm_id=yes
osm_version=no
osm_timestamp=no
osm_uid=no
osm_user=no
osm_changeset=no
attributes=name,place,population,amenity,leisure,shop,tourism,healthcare,social_facility
unsignificant=created_by,converted_by,source,time,ele,attribution
ignore=created_by,converted_by,source,time,ele,note,todo,openGeoDB:,fixme,FIXME

[lines]
osm_id=yes
osm_version=no
osm_timestamp=no
osm_uid=no
osm_user=no
osm_changeset=no
attributes=name,highway,railway,waterway,ref
ignore=created_by,converted_by,source,time,ele,note,todo,openGeoDB:,fixme,FIXME
other_tags=no

[multipolygons]
osm_id=yes
osm_version=no
osm_timestamp=no
osm_uid=no
osm_user=no
osm_changeset=no
attributes=name,type,building,landuse,leisure,natural,amenity,water,waterway,wetland,place,\
population,tourism,healthcare,social_facility,shop
ignore=area,created_by,converted_by,source,time,ele,note,todo,openGeoDB:,fixme,FIXME

[multilinestrings]
osm_id=yes
attributes=name,type
other_tags=no

[other_relations]
osm_id=yes
attributes=name,type
other_tags=no
"""

OSM_SUFFIXES = (".osm.pbf", ".pbf", ".osm")
BATCH_ROWS = 20_000
# Nodes are kept in memory up to this many MB before GDAL spills them to a temporary file;
# node compression pays off on country-size extracts.
MAX_TMPFILE_MB = 256
COMPRESS_NODES_ABOVE_BYTES = 200_000_000


@dataclass(frozen=True)
class ExtractInfo:
    """What the file says about itself before any feature is read."""

    path: Path
    size: int
    bounds: tuple[float, float, float, float] | None  # lon/lat from the header, if any
    extract_date: str | None  # ISO 8601 UTC, from the PBF header or the XML <meta>


@contextmanager
def osm_config() -> Iterator[dict[str, str]]:
    """Open options for GDAL's OSM driver, valid inside the ``with`` block."""
    with tempfile.TemporaryDirectory(prefix="assetmap-osm-") as tmp:
        conf = Path(tmp) / "osmconf.ini"
        conf.write_text(OSMCONF, encoding="utf-8")
        yield {"CONFIG_FILE": str(conf), "MAX_TMPFILE_SIZE": str(MAX_TMPFILE_MB)}


def inspect_extract(path: str | Path) -> ExtractInfo:
    """Check that ``path`` is an OSM extract GDAL can read; BadInputError otherwise."""
    path = Path(path)
    if not path.exists():
        raise BadInputError(translated("does not exist"), file=path)
    if path.is_dir():
        raise BadInputError(translated("is a folder, not an OpenStreetMap extract"), file=path)
    hint = translated(
        "use an OpenStreetMap extract: .osm.pbf as published by extract services, or .osm XML"
    )
    try:
        with warnings.catch_warnings():  # other formats' quirks ("GPX schema unknown")
            warnings.simplefilter("ignore")
            driver = pyogrio.read_info(str(path), layer=0).get("driver")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise BadInputError(
            translated("is not an OpenStreetMap extract (GDAL cannot read it)"),
            file=path,
            hint=hint,
        ) from exc
    if driver != "OSM":
        raise BadInputError(
            translated("is not an OpenStreetMap extract (GDAL reads it as {driver})").format(
                driver=driver
            ),
            file=path,
            hint=hint,
        )
    info = pyogrio.read_info(str(path), layer="lines")
    total = info.get("total_bounds")
    bounds = None
    if total is not None:
        west, south, east, north = (float(b) for b in total)
        bounds = (west, south, east, north)
    return ExtractInfo(path, path.stat().st_size, bounds, extract_date(path))


def open_options(info: ExtractInfo, base: dict[str, str]) -> dict[str, str]:
    options = dict(base)
    if info.size > COMPRESS_NODES_ABOVE_BYTES:
        options["COMPRESS_NODES"] = "YES"
    return options


def read_layer(
    path: str | Path,
    layer: str,
    options: dict[str, str],
    *,
    where: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    columns: list[str] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> pd.DataFrame:
    """One OSM layer as a DataFrame with a ``geometry`` column of shapely objects (lon/lat).

    Streams Arrow batches: ``cancelled`` is checked and ``progress`` told between them.
    Features whose geometry GDAL could not build whole (nodes missing from the extract) are
    left out and counted in ``frame.attrs["broken"]``.
    """
    frames: list[pd.DataFrame] = []
    rows = skipped = 0
    # mypy matches **options (GDAL's open options, all text) against every keyword parameter
    with pyogrio.open_arrow(  # type: ignore[call-overload]
        str(path),
        layer=layer,
        columns=columns,
        where=where,
        bbox=bbox,
        batch_size=BATCH_ROWS,
        use_pyarrow=True,
        **options,
    ) as (meta, reader):
        geometry_name = meta["geometry_name"] or "wkb_geometry"
        schema = reader.schema
        for batch in reader:
            check_cancelled(cancelled)
            frame = _objects(batch.to_pandas())
            wkb = frame.pop(geometry_name).to_numpy(dtype=object)
            # A way whose nodes the extract lacks can come out as a ring of two points.
            geometry = shapely.from_wkb(wkb, on_invalid="ignore")
            # numpy's stub for not_equal() does not take None
            broken = shapely.is_missing(geometry) & np.not_equal(wkb, None)  # type: ignore[call-overload]
            if broken.any():
                skipped += int(broken.sum())
                frame, geometry = frame[~broken].reset_index(drop=True), geometry[~broken]
            frame["geometry"] = geometry
            frames.append(frame)
            rows += len(frame)
            if progress is not None:
                progress(0.5, translated("{n:,} {layer} read").format(n=rows, layer=layer))
    check_cancelled(cancelled)
    if frames:
        result = pd.concat(frames, ignore_index=True)
    else:
        result = _objects(schema.empty_table().to_pandas()).drop(columns=[geometry_name])
        result["geometry"] = np.array([], dtype=object)
    result.attrs["broken"] = skipped
    result.attrs["layer"] = layer
    return result


def _objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as plain objects with None for missing (pandas 3 makes them Arrow strings)."""
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.StringDtype):
            # pandas-stubs lacks na_value=None, which pandas accepts
            values = frame[column].to_numpy(dtype=object, na_value=None)  # type: ignore[call-overload]
            frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def data_bounds(path: str | Path) -> tuple[float, float, float, float] | None:
    """Lon/lat bounds of the file's lines and points (a full read: only for error messages)."""
    boxes = []
    for layer in ("points", "lines"):
        try:
            _, bounds = pyogrio.read_bounds(str(path), layer=layer)
        except pyogrio.errors.DataLayerError:  # pragma: no cover - both layers always exist
            continue
        if bounds.shape[1]:
            boxes.append((bounds[0].min(), bounds[1].min(), bounds[2].max(), bounds[3].max()))
    if not boxes:
        return None
    b = np.asarray(boxes)
    return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())


def tags(value: object) -> dict[str, str]:
    """The ``other_tags`` value as a dict (pyogrio parses GDAL's JSON fields; older ones don't)."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value:
        import json

        try:
            parsed = json.loads(value)
        except ValueError:
            return {}
        return parsed if isinstance(parsed, dict) else {}
    return {}


# ---- when the extract was made ----------------------------------------------------------
_XML_BASE = re.compile(rb'<meta[^>]*\bosm_base="([^"]+)"')
_XML_TIMESTAMP = re.compile(rb'<osm\b[^>]*\btimestamp="([^"]+)"')


def extract_date(path: Path) -> str | None:
    """The date of the data, when the file states it: the PBF header's replication timestamp
    (as written by Geofabrik and osmium) or an Overpass XML file's ``osm_base``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65_536)
    except OSError:
        return None
    if head.lstrip().startswith(b"<"):
        found = _XML_BASE.search(head) or _XML_TIMESTAMP.search(head)
        return found.group(1).decode("ascii", "replace") if found else None
    try:
        seconds = _pbf_replication_timestamp(head)
    except (ValueError, IndexError, struct.error, zlib.error):
        return None
    if not seconds:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pbf_replication_timestamp(head: bytes) -> int | None:
    """Field 32 (osmosis_replication_timestamp) of the PBF's first block, the OSMHeader.

    The OSM PBF format: a 4-byte big-endian length, a BlobHeader message (type "OSMHeader"),
    then a Blob whose zlib data is the HeaderBlock. Only the few fields needed are decoded.
    """
    (header_len,) = struct.unpack(">i", head[:4])
    blob_header = _fields(head[4 : 4 + header_len])
    if blob_header.get(1) != b"OSMHeader":
        return None
    size = int(blob_header.get(3, 0))
    start = 4 + header_len
    blob = _fields(head[start : start + size])
    stored, compressed = blob.get(1), blob.get(3)
    if isinstance(stored, bytes):
        block = stored
    elif isinstance(compressed, bytes):
        block = zlib.decompress(compressed)
    else:
        return None  # another compression (lzma, zstd): the date stays unknown
    value = _fields(block).get(32)
    return int(value) if isinstance(value, int) else None


def _fields(data: bytes) -> dict[int, int | bytes]:
    """The first value of each field of a protobuf message (varint and bytes fields)."""
    out: dict[int, int | bytes] = {}
    i = 0
    while i < len(data):
        key, i = _varint(data, i)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 2:
            length, i = _varint(data, i)
            value, i = data[i : i + length], i + length
        elif wire == 1:
            value, i = int.from_bytes(data[i : i + 8], "little"), i + 8
        elif wire == 5:
            value, i = int.from_bytes(data[i : i + 4], "little"), i + 4
        else:
            raise ValueError(f"unexpected protobuf wire type {wire}")
        out.setdefault(number, value)
    return out


def _varint(data: bytes, i: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, i
        shift += 7
