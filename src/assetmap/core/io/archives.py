"""Zip and gzip files checked before any reader unpacks them, and tables unpacked with bounds.

A compressed file can hold a thousand times its size (a decompression bomb), and a zip's
directory can lie about its members' sizes. Python's zipfile stops at the declared size, so for
the readers that use it (openpyxl, the Code-Point Open reader) checking the declared sizes is
enough. GDAL's /vsizip/ unpacks a member to the end of its data whatever the directory says (a
200 KB zip declaring 1,000 bytes made GDAL read 200 MB), so a zip or gzip GDAL will read is
unpacked here once, counting bytes and discarding them, and refused at the first bound it
passes (core.io.limits). That answer is remembered per file version, so listing layers and then
reading one pays once. A CSV is unpacked here too, into memory, within the same bounds.
"""

from __future__ import annotations

import gzip
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io import limits
from assetmap.core.progress import CancelledFn, check_cancelled

_CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_JSON_SUFFIXES = (".geojson", ".json")
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer around deflate data
_CHECKED: dict[tuple[str, int, int, int], Unpacked] = {}
_CHECKED_KEPT = 16
NUL_ESCAPE = b"\\u0000"
"""How JSON writes a NUL character; GDAL ends the text there (see readers)."""


@dataclass(frozen=True)
class Unpacked:
    """What checking a compressed file found besides its size."""

    nul_escapes: dict[str, int]  # JSON members holding \\u0000 ("" for a gzip) -> their size


def read_table_bytes(path: Path, *, gzipped: bool, cancelled: CancelledFn | None) -> bytearray:
    """A CSV's bytes, unpacked from gzip when asked, within the table bounds.

    Lines are counted as the bytes arrive, so a flood of newlines stops at MAX_ROWS lines
    without being parsed; a gzip is also judged on its ratio as it unpacks.
    """
    size = path.stat().st_size
    if not gzipped and size > limits.MAX_TABLE_BYTES:
        raise _too_many_bytes(path, size, limits.MAX_TABLE_BYTES, unpacked=False)
    data = bytearray()
    lines = 0
    with path.open("rb") as raw:
        for chunk in _gunzip(path, raw, limits.MAX_TABLE_BYTES) if gzipped else _chunks(raw):
            check_cancelled(cancelled)
            data += chunk
            lines += chunk.count(b"\n")
            if lines > limits.MAX_ROWS:
                raise limits.too_big(
                    path,
                    translated("has more than {n:,} lines").format(n=limits.MAX_ROWS),
                    "rows",
                    translated("reads at most {n:,} rows").format(n=limits.MAX_ROWS),
                    hint=translated("split it into smaller files, or remove the blank lines"),
                )
    return data


def check_gzip(path: Path, cancelled: CancelledFn | None = None) -> Unpacked:
    """Unpack a gzip GDAL will read (a .geojson.gz) once, within the bounds."""
    key = _cache_key(path, limits.MAX_UNPACKED_BYTES)
    if key not in _CHECKED:
        finder = _NulFinder()
        size = 0
        with path.open("rb") as raw:
            for chunk in _gunzip(path, raw, limits.MAX_UNPACKED_BYTES):
                check_cancelled(cancelled)
                finder.feed(chunk)
                size += len(chunk)
        _remember(key, Unpacked({"": size} if finder.found else {}))
    return _CHECKED[key]


def check_zip(path: Path, cancelled: CancelledFn | None = None) -> Unpacked:
    """Check a zip GDAL will read: its directory, then every member unpacked once.

    GDAL unpacks to the end of a member's data, so the sizes the directory declares are
    checked against what really comes out.
    """
    key = _cache_key(path, limits.MAX_UNPACKED_BYTES)
    if key not in _CHECKED:
        _remember(key, _checked_zip(path, cancelled))
    return _CHECKED[key]


def check_zip_directory(path: Path, max_bytes: int = limits.MAX_TABLE_BYTES) -> None:
    """Check the sizes a zip declares, for readers that use Python's zipfile (openpyxl for a
    workbook, the Code-Point Open reader): it stops at the declared size, so a directory that
    lies only makes it read less. ``max_bytes`` is the most all members may unpack to."""
    _check_directory(path, _zip_infos(path), max_bytes)


def read_member(path: Path, member: str) -> bytes:
    """A member already passed by check_zip: its size is known to be within the bounds."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(member)


def read_gzip(path: Path) -> bytes:
    """A gzip already passed by check_gzip."""
    with gzip.open(path, "rb") as stream:
        return stream.read()


# --- gzip --------------------------------------------------------------------------------------


def _gunzip(path: Path, raw: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Unpack chunk by chunk, judging size and ratio on the input really consumed.

    zlib is driven directly (not through GzipFile, which reads ahead) so a bomb is caught
    after a few MB of output whatever the read-ahead. Concatenated members are one file, as
    gzip itself treats them.
    """
    inflater = zlib.decompressobj(_GZIP_WBITS)
    fed = produced = 0
    data = b""
    try:
        while True:
            if not data:
                data = raw.read(_CHUNK)
                fed += len(data)
            if not data:  # the end of the file: what zlib still holds is a few bytes at most
                if out := inflater.flush():
                    yield out
                break
            out = inflater.decompress(data, _CHUNK)
            data = inflater.unconsumed_tail
            if inflater.eof:
                data = inflater.unused_data + data
            produced += len(out)
            _check_unpacked(path, produced, fed - len(data), max_bytes)
            if out:
                yield out
            if inflater.eof:
                if not data:
                    data = raw.read(_CHUNK)
                    fed += len(data)
                if not data.strip(b"\0"):  # nothing, or zero padding, after the last member
                    break
                inflater = zlib.decompressobj(_GZIP_WBITS)
        if not inflater.eof:
            raise zlib.error(translated("the file ends before the end of its compressed data"))
    except zlib.error as error:
        raise BadInputError(
            translated("the file is not a complete gzip file ({error})").format(error=error),
            file=path,
        ) from None


def _chunks(raw: BinaryIO) -> Iterator[bytes]:
    while chunk := raw.read(_CHUNK):
        yield chunk


# --- zip ---------------------------------------------------------------------------------------


def _checked_zip(path: Path, cancelled: CancelledFn | None) -> Unpacked:
    max_bytes = limits.MAX_UNPACKED_BYTES
    size = path.stat().st_size
    members = _zip_infos(path)
    _check_directory(path, members, max_bytes)
    found: dict[str, int] = {}
    unpacked = 0
    with path.open("rb") as raw:
        for info in members:
            finder = _NulFinder() if info.filename.lower().endswith(_JSON_SUFFIXES) else None
            unpacked += _unpack_member(path, raw, info, finder, max_bytes, cancelled)
            _check_unpacked(path, unpacked, size, max_bytes)
            if finder is not None and finder.found:
                found[info.filename] = info.file_size
    return Unpacked(found)


def _check_directory(path: Path, members: list[zipfile.ZipInfo], max_bytes: int) -> None:
    """The declared sizes: of each member (a bomb inside a big real zip) and of all of them
    against the archive (many entries sharing one compressed block, the overlapping bomb)."""
    for info in members:
        _check_unpacked(path, info.file_size, info.compress_size, max_bytes)
    _check_unpacked(path, sum(info.file_size for info in members), path.stat().st_size, max_bytes)


def _cache_key(path: Path, max_bytes: int) -> tuple[str, int, int, int]:
    """A file's check holds until it changes (a new size or modification time)."""
    stat = path.stat()
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns, max_bytes


def _remember(key: tuple[str, int, int, int], result: Unpacked) -> None:
    if len(_CHECKED) >= _CHECKED_KEPT:
        _CHECKED.pop(next(iter(_CHECKED)))
    _CHECKED[key] = result


def _zip_infos(path: Path) -> list[zipfile.ZipInfo]:
    try:
        with zipfile.ZipFile(path) as archive:
            return [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError) as error:
        raise BadInputError(
            translated("the file is not a readable zip archive ({error})").format(error=error),
            file=path,
        ) from None


def _unpack_member(
    path: Path,
    raw: BinaryIO,
    info: zipfile.ZipInfo,
    finder: _NulFinder | None,
    max_bytes: int,
    cancelled: CancelledFn | None,
) -> int:
    """Bytes a member really unpacks to, stopping as soon as it passes what it declares."""
    if info.flag_bits & 0x1:
        raise BadInputError(
            translated("{member} is password-protected").format(member=info.filename),
            file=path,
            hint=translated("unzip it and zip it again"),
        )
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise _damaged(path, info.filename)
    _, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    raw.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise _lying(path, info)
        _feed_stored(raw, info.file_size, finder)
        return info.file_size
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise BadInputError(
            translated(
                "{member} is compressed in a way assetmap cannot check (method {method})"
            ).format(member=info.filename, method=info.compress_type),
            file=path,
            hint=translated("unzip it and zip it again with a standard zip tool"),
        )
    return _inflate(path, raw, info, finder, max_bytes, cancelled)


def _inflate(
    path: Path,
    raw: BinaryIO,
    info: zipfile.ZipInfo,
    finder: _NulFinder | None,
    max_bytes: int,
    cancelled: CancelledFn | None,
) -> int:
    """Inflate to the end of the data, not to the declared size: that is what GDAL does."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = fed = 0
    try:
        while not inflater.eof:
            data = raw.read(_CHUNK)
            if not data:
                raise _damaged(path, info.filename)
            fed += len(data)
            while data and not inflater.eof:
                check_cancelled(cancelled)
                out = inflater.decompress(data, _CHUNK)
                data = inflater.unconsumed_tail
                produced += len(out)
                if produced > info.file_size:
                    raise _lying(path, info)
                _check_unpacked(path, produced, fed - len(data), max_bytes)
                if finder is not None:
                    finder.feed(out)
    except zlib.error:
        raise _damaged(path, info.filename) from None
    return produced


def _feed_stored(raw: BinaryIO, size: int, finder: _NulFinder | None) -> None:
    if finder is None:
        return
    left = size
    while left > 0 and (data := raw.read(min(_CHUNK, left))):
        finder.feed(data)
        left -= len(data)


# --- shared --------------------------------------------------------------------------------


def _check_unpacked(path: Path, unpacked: int, packed: int, max_bytes: int) -> None:
    """Refuse past ``max_bytes``, or past MAX_RATIO once enough has come out to judge."""
    if unpacked > max_bytes:
        raise _too_many_bytes(path, unpacked, max_bytes, unpacked=True)
    if unpacked > limits.MIN_RATIO_BYTES and unpacked > limits.MAX_RATIO * max(packed, 1):
        raise limits.too_big(
            path,
            translated(
                "unpacks to more than {n} times its size, as a decompression bomb does"
            ).format(n=limits.MAX_RATIO),
            "ratio",
            translated("unpacks at most {n} times a file's size").format(n=limits.MAX_RATIO),
            hint=translated("real data compresses 3 to 30 times; check where the file came from"),
        )


def _too_many_bytes(path: Path, size: int, most: int, *, unpacked: bool) -> limits.LimitError:
    if unpacked:
        found = translated("unpacks to more than {size}")
        verb = translated("unpacks at most {size} from one file")
    else:
        found = translated("is {size}")
        verb = translated("reads at most {size} from one file")
    return limits.too_big(
        path,
        found.format(size=limits.size_text(size)),
        "bytes",
        verb.format(size=limits.size_text(most)),
        hint=translated("split it into smaller files, or keep only the rows and columns you need"),
    )


def _lying(path: Path, info: zipfile.ZipInfo) -> BadInputError:
    return BadInputError(
        translated(
            "{member} holds more data than the zip's directory says ({size}): the archive is "
            "damaged or made to mislead"
        ).format(member=info.filename, size=limits.size_text(info.file_size)),
        file=path,
        hint=translated("unzip it and zip it again with a standard zip tool"),
    )


def _damaged(path: Path, member: str) -> BadInputError:
    return BadInputError(
        translated("{member} cannot be unzipped: the archive is damaged or incomplete").format(
            member=member
        ),
        file=path,
    )


class _NulFinder:
    """Finds JSON's \\u0000 in a stream of chunks, including one split across two chunks."""

    def __init__(self) -> None:
        self.found = False
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        if self.found:
            return
        self.found = NUL_ESCAPE in self._tail + chunk[: len(NUL_ESCAPE)] or NUL_ESCAPE in chunk
        self._tail = chunk[-(len(NUL_ESCAPE) - 1) :]


def json_has_nul(path: Path) -> bool:
    """Whether a plain JSON file holds \\u0000, read in chunks."""
    finder = _NulFinder()
    with path.open("rb") as raw:
        for chunk in _chunks(raw):
            finder.feed(chunk)
            if finder.found:
                return True
    return False
