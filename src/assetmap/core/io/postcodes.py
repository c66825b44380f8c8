"""Place assets by UK postcode from a file on disk, so it works with no network.

Most council asset lists have a postcode and no coordinates. A postcode index is read from OS
Code-Point Open (as published, free under the OGL) or from any table of postcodes with lat/lon
or easting/northing, such as the ONS Postcode Directory.
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd
import pyproj

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io import archives, limits
from assetmap.core.io.numbers import parse_numbers
from assetmap.core.io.readers import decode_text, read_table
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_INWARD = r"[0-9][A-Z]{2}"
#: A full unit postcode with its spaces removed, e.g. "M160PQ"; GIR 0AA is Girobank's.
COMPACT_POSTCODE = rf"(?:{_OUTWARD}{_INWARD}|GIR0AA)"
#: The one form stored in an index and compared: outward code, one space, inward code.
NORMALISED_POSTCODE = rf"(?:{_OUTWARD} {_INWARD}|GIR 0AA)"
# Spreadsheets pasted from web pages carry no-break spaces; regex engines disagree on whether
# "\s" covers them, so they are named.
_SPACES = "[\\s\u00a0\u2007\u202f]+"
_SPACES_RE = re.compile(_SPACES)
_COMPACT_RE = re.compile(COMPACT_POSTCODE)
_PARTIAL_RE = re.compile(rf"{_OUTWARD}(?: [0-9][A-Z]?)?")

_HAS_PYARROW = importlib.util.find_spec("pyarrow") is not None

BNG = pyproj.CRS.from_epsg(27700)
WGS84 = pyproj.CRS.from_epsg(4326)

_CODEPOINT_HEADERS = "doc/code-point_open_column_headers.csv"
_CODEPOINT_COLUMNS = ("PC", "PQ", "EA", "NO")
_NO_COORDINATES_QUALITY = 90
_CODEPOINT_ATTRIBUTION = (
    "Contains OS data © Crown copyright and {right}. "
    "Contains Royal Mail data © Royal Mail copyright and {right}. "
    "Contains National Statistics data © Crown copyright and {right}."
)

_POSTCODE_NAMES = ("postcode", "pcds", "pcd", "pcd2", "pcd7", "pcd8", "postcodeunit", "pc")
_LAT_NAMES = ("lat", "latitude")
_LON_NAMES = ("lon", "lng", "long", "longitude")
_EASTING_NAMES = ("easting", "eastings", "oseast1m", "x")
_NORTHING_NAMES = ("northing", "northings", "osnrth1m", "y")


def normalise_postcode(text: object) -> str | None:
    """One spelling per postcode, so lookups match however the spreadsheet wrote it."""
    if not isinstance(text, str):
        return None
    compact = _SPACES_RE.sub("", text).upper()
    if not _COMPACT_RE.fullmatch(compact):
        return None
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_postcodes(values: pd.Series) -> pd.Series:
    """Vectorised normalise_postcode: same results (None where not a full postcode)."""
    text = values.astype("str")
    # Most cells are already written the standard way; only the others need rework.
    done = text.str.fullmatch(NORMALISED_POSTCODE).fillna(False).to_numpy(dtype=bool)
    if done.all():
        return pd.Series(text.to_numpy(dtype=object), index=values.index, dtype=object)
    if done.any():
        out = pd.Series(text.to_numpy(dtype=object), index=values.index, dtype=object)
        out[~done] = _normalise_slowly(text[~done]).to_numpy(dtype=object)
        return out
    return _normalise_slowly(text)


def _normalise_slowly(text: pd.Series) -> pd.Series:
    compact = text.str.replace(_SPACES, "", regex=True).str.upper()
    valid = compact.str.fullmatch(COMPACT_POSTCODE).fillna(False).to_numpy(dtype=bool)
    normalised = compact.str[:-3] + " " + compact.str[-3:]
    # numpy's stub for where() does not take None as the fill value
    kept = np.where(valid, normalised.to_numpy(dtype=object), None)  # type: ignore[call-overload]
    return pd.Series(kept, index=text.index, dtype=object)


def is_partial_postcode(text: object) -> bool:
    """Outward codes ("M31") and sectors ("M33 7") locate an area, not an address.

    Telling them apart from typos lets the report say "postcode incomplete" rather than "invalid".
    """
    if not isinstance(text, str):
        return False
    spaced = _SPACES_RE.sub(" ", text.strip().upper())
    return bool(_PARTIAL_RE.fullmatch(spaced))


@dataclass
class PostcodeIndex:
    """Postcode -> point, read once and looked up many times."""

    frame: pd.DataFrame
    crs: pyproj.CRS
    source: str
    attribution: str

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        *,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> PostcodeIndex:
        """Read Code-Point Open as published, or a CSV/XLSX of postcodes with coordinates."""
        path = Path(path)
        members = _codepoint_members(path) if path.suffix.lower() == ".zip" else None
        if members is not None:
            return _read_codepoint(path, members, Steps(progress), cancelled)
        table = read_table(path, progress=progress, cancelled=cancelled)
        return _index_from_table(table.frame, path)

    def lookup(self, postcodes: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        """x and y per input postcode (NaN where not found); input may be unnormalised."""
        # get_indexer takes any array-like; pandas-stubs asks for an Index
        positions = self.frame.index.get_indexer(normalise_postcodes(postcodes))  # type: ignore[arg-type]
        found = positions >= 0
        x = np.full(len(positions), np.nan)
        y = np.full(len(positions), np.nan)
        x[found] = self.frame["x"].to_numpy()[positions[found]]
        y[found] = self.frame["y"].to_numpy()[positions[found]]
        return x, y

    def to_crs(self, crs: object) -> PostcodeIndex:
        target = pyproj.CRS.from_user_input(crs)
        if target == self.crs:
            return self
        transformer = pyproj.Transformer.from_crs(self.crs, target, always_xy=True)
        x, y = transformer.transform(self.frame["x"].to_numpy(), self.frame["y"].to_numpy())
        frame = pd.DataFrame({"x": x, "y": y}, index=self.frame.index)
        return PostcodeIndex(frame, target, self.source, self.attribution)

    def within(self, bounds: tuple[float, float, float, float]) -> PostcodeIndex:
        """Keep the postcodes of the project's area, so a national index costs little memory."""
        min_x, min_y, max_x, max_y = bounds
        x = self.frame["x"]
        y = self.frame["y"]
        inside = x.between(min_x, max_x) & y.between(min_y, max_y)
        return PostcodeIndex(self.frame[inside], self.crs, self.source, self.attribution)

    def __len__(self) -> int:
        return len(self.frame)


# --- OS Code-Point Open -------------------------------------------------------------------------


def _codepoint_members(path: Path) -> tuple[str, list[str]] | None:
    """The header file and data CSVs when the zip has Code-Point Open's published layout."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return None
    headers = [name for name in names if name.lower().endswith(_CODEPOINT_HEADERS)]
    data = [
        name
        for name in names
        if name.lower().endswith(".csv")
        and PurePosixPath(name).parent.name.lower() == "csv"
        and PurePosixPath(name).parent.parent.name.lower() == "data"
    ]
    return (headers[0], sorted(data)) if headers and data else None


def _read_codepoint(
    path: Path, members: tuple[str, list[str]], steps: Steps, cancelled: CancelledFn | None
) -> PostcodeIndex:
    """Unzip every area's CSV into one buffer, then parse it in one call.

    One parse of the whole of GB is several times faster than 120 small ones, and with pyarrow
    it runs on every core. Cancel checks fall between the areas being unzipped.
    """
    headers_name, data_names = members
    archives.check_zip_directory(path, limits.MAX_TABLE_BYTES)  # all of GB: 162 MB
    with zipfile.ZipFile(path) as archive:
        short_names = _codepoint_short_names(archive, headers_name, path)
        attribution = _CODEPOINT_ATTRIBUTION.format(right=_database_right(archive))
        data = _unzip_codepoint_csvs(archive, data_names, path, steps.sub(0.0, 0.5), cancelled)
    steps(0.5, translated("Reading postcodes from {file}").format(file=path.name))
    frame = _parse_codepoint_csv(data, short_names, path)
    check_cancelled(cancelled)
    frame = _clean_codepoint(frame)
    steps(1.0, translated("Read {n:,} postcodes from {file}").format(n=len(frame), file=path.name))
    return PostcodeIndex(frame, BNG, path.name, attribution)


def _codepoint_short_names(archive: zipfile.ZipFile, headers_name: str, path: Path) -> list[str]:
    """Column names from the header file, not hard-coded: OS has changed the layout before."""
    first_line = decode_text(archive.read(headers_name))[0].splitlines()[0]
    short_names = [name.strip().upper() for name in first_line.split(",")]
    missing = [name for name in _CODEPOINT_COLUMNS if name not in short_names]
    if missing:
        raise BadInputError(
            translated("the Code-Point Open column headers lack {columns}").format(
                columns=", ".join(missing)
            ),
            file=path,
            hint=translated("found {columns}").format(columns=", ".join(short_names)),
        )
    return short_names


def _database_right(archive: zipfile.ZipFile) -> str:
    """The licence asks for the release's copyright year; without one, none is invented."""
    for name in archive.namelist():
        if PurePosixPath(name).name.lower() in ("licence.txt", "metadata.txt"):
            text = decode_text(archive.read(name))[0]
            match = re.search(r"database right (\d{4})|COPYRIGHT DATE: (\d{4})", text)
            if match:
                return f"database right {match.group(1) or match.group(2)}"
    return "database right"


def _unzip_codepoint_csvs(
    archive: zipfile.ZipFile,
    names: list[str],
    path: Path,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> io.BytesIO:
    buffer = io.BytesIO()
    for number, name in enumerate(names, start=1):
        check_cancelled(cancelled)
        try:
            data = archive.read(name)
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as error:
            message = translated("{name} cannot be unzipped ({error})")
            raise BadInputError(message.format(name=name, error=error), file=path) from None
        buffer.write(data if data.endswith(b"\n") or not data else data + b"\n")
        area = PurePosixPath(name).stem.upper()
        steps(number / len(names), translated("Unzipped postcode area {area}").format(area=area))
    buffer.seek(0)
    return buffer


def _parse_codepoint_csv(data: io.BytesIO, short_names: list[str], path: Path) -> pd.DataFrame:
    """Postcode, quality, x, y: only the columns needed, to keep the whole of GB cheap."""
    try:
        if _HAS_PYARROW:
            frame = _parse_with_pyarrow(data, short_names)
        else:  # pragma: no cover - pyarrow is installed wherever the tests run
            positions = [short_names.index(name) for name in _CODEPOINT_COLUMNS]
            frame = pd.read_csv(data, header=None, names=short_names, usecols=positions)
    except (ValueError, pd.errors.ParserError) as error:  # ArrowInvalid is a ValueError
        message = translated("the postcode CSVs cannot be read ({error})").format(error=error)
        raise BadInputError(message, file=path) from None
    frame = frame[list(_CODEPOINT_COLUMNS)]
    return frame.set_axis(["postcode", "quality", "x", "y"], axis=1)


def _parse_with_pyarrow(data: io.BytesIO, short_names: list[str]) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    table = pa_csv.read_csv(
        data,
        read_options=pa_csv.ReadOptions(column_names=short_names),
        convert_options=pa_csv.ConvertOptions(
            include_columns=list(_CODEPOINT_COLUMNS),
            column_types={"PC": pa.string()},
        ),
    )
    frame: pd.DataFrame = table.to_pandas()
    return frame


def _clean_codepoint(frame: pd.DataFrame) -> pd.DataFrame:
    """Quality 90 and zero coordinates mean "no location": such postcodes stay unplaced."""
    placed = (frame["quality"] != _NO_COORDINATES_QUALITY) & (frame["x"] > 0) & (frame["y"] > 0)
    if not placed.all():
        frame = frame[placed]
    postcodes = _normalised_fast(frame["postcode"])
    return _index_frame(postcodes, frame["x"].to_numpy(float), frame["y"].to_numpy(float))


def _normalised_fast(postcodes: pd.Series) -> pd.Series:
    """Code-Point is already normalised; only the odd exception pays for normalising."""
    ok = postcodes.str.fullmatch(NORMALISED_POSTCODE).fillna(False)
    if ok.all():
        return postcodes
    fixed = postcodes.astype(object)
    fixed[~ok] = normalise_postcodes(postcodes[~ok])
    return fixed


def _index_frame(postcodes: pd.Series, x: np.ndarray, y: np.ndarray) -> pd.DataFrame:
    """Keep the first of any repeated postcode.

    Finding repeats builds the index's hash table, so the first lookup afterwards is instant.
    """
    index = pd.Index(postcodes.to_numpy() if postcodes.dtype == object else postcodes)
    frame = pd.DataFrame({"x": x, "y": y}, index=index.rename("postcode"))
    usable = frame.index.notna() & np.isfinite(x) & np.isfinite(y)
    if not usable.all():
        frame = frame[usable]
    repeated = frame.index.duplicated(keep="first")
    return frame[~repeated] if repeated.any() else frame


# --- any table of postcodes with coordinates ---------------------------------------------------


def _index_from_table(frame: pd.DataFrame, path: Path) -> PostcodeIndex:
    postcode = _find_column(frame, _POSTCODE_NAMES)
    lat, lon = _find_column(frame, _LAT_NAMES), _find_column(frame, _LON_NAMES)
    east, north = _find_column(frame, _EASTING_NAMES), _find_column(frame, _NORTHING_NAMES)
    if postcode is not None and lat is not None and lon is not None:
        x, y, crs = _numbers(frame[lon]), _numbers(frame[lat]), WGS84
        usable = (np.abs(y) <= 90) & (np.abs(x) <= 180) & ((x != 0) | (y != 0))
    elif postcode is not None and east is not None and north is not None:
        x, y, crs = _numbers(frame[east]), _numbers(frame[north]), BNG
        usable = (x > 0) & (y > 0)
    else:
        raise BadInputError(
            translated("cannot find a postcode column with lat/lon or easting/northing columns"),
            file=path,
            hint=translated("columns found: {columns}").format(
                columns=", ".join(map(str, frame.columns))
            ),
        )
    usable &= np.isfinite(x) & np.isfinite(y)
    postcodes = normalise_postcodes(frame[postcode])[usable]
    return PostcodeIndex(_index_frame(postcodes, x[usable], y[usable]), crs, path.name, "")


def _find_column(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    """First column whose name, ignoring case, spaces and punctuation, is one of names."""
    keys: dict[str, str] = {}
    for column in frame.columns:
        keys.setdefault(re.sub(r"[^a-z0-9]", "", str(column).lower()), column)
    return next((keys[name] for name in names if name in keys), None)


def _numbers(values: pd.Series) -> np.ndarray:
    return parse_numbers(values)[0]
