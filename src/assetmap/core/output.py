"""Files written for the user (exports, analysis results, import reports): the place is
checked before any work, each file is written under a hidden name beside its place, and
moved there only when complete.

A full disk, a read-only or missing folder, or a folder where the file should be must end
in a message naming the file, with no half-written file and no temporary file left behind,
and with any older file at the target as it was. Writers (GDAL, openpyxl, Qt, csv) report
such failures in their own words, or not at all, so every such file is written through here.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import secrets
import shutil
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from assetmap.core.errors import BadInputError

# Files SQLite (inside GDAL) may make beside a GeoPackage while writing it.
SIDE_FILES = ("-journal", "-wal", "-shm")
FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)
PROBE_BYTES = 256 * 1024  # enough to meet a full disk or a file size limit


def check_target(
    path: str | Path, field: str | None = "--out", *, not_one_of: tuple[Path, ...] = ()
) -> Path:
    """``path`` if a file can be written there; else a BadInputError naming it.

    ``not_one_of`` are the command's own files (the project, an input): writing over one of
    them would destroy what the command reads. Permission bits do not tell whether a folder
    takes a file (root ignores them; network shares have their own rules), so a probe file
    is made and removed.
    """
    path = Path(path)
    if any(_same_file(path, Path(other)) for other in not_one_of):
        raise BadInputError(
            "is one of the command's own files (the project or an input); nothing was changed",
            file=path, field=field, hint="choose another name",
        )  # fmt: skip
    folder = path.parent
    if not folder.exists():
        raise BadInputError(
            f"the folder {folder} does not exist", file=path, field=field,
            hint="create it first, or choose another folder",
        )  # fmt: skip
    if not folder.is_dir():
        raise BadInputError(f"{folder} is not a folder", file=path, field=field)
    if path.is_dir():
        raise BadInputError(
            "is a folder, not a file", file=path, field=field, hint="give a file name in it"
        )
    probe = temporary_name(path, "probe")
    try:
        probe.touch(exist_ok=False)
    except OSError as exc:
        raise write_error(exc, path, field) from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def temporary_name(path: Path, kind: str = "partial") -> Path:
    """A hidden name beside ``path`` that no other export of the same file is using."""
    return path.with_name(f".{path.stem}.{os.getpid()}.{kind}{path.suffix}")


@contextlib.contextmanager
def replacing(path: str | Path, field: str | None = "--out") -> Iterator[Path]:
    """A temporary path to write; moved over ``path`` if the block succeeds, removed (with
    any SQLite side files) if it fails. OS errors become a BadInputError naming ``path``."""
    path = Path(path)
    tmp = temporary_name(path)
    try:
        yield tmp
        if not tmp.exists():
            raise BadInputError("could not be written", file=path, field=field)
        os.replace(tmp, path)
    except OSError as exc:
        raise write_error(exc, path, field) from exc
    finally:
        remove_partial(tmp)


class Staged:
    """Files written in full under hidden names beside their places, waiting to be renamed:
    a command writes them before it commits its change to the project, and renames them
    after, so a file that cannot be written stops the change, and a change that fails leaves
    no file."""

    def __init__(self, field: str | None = "--out") -> None:
        self.field = field
        self._moves: list[tuple[Path, Path]] = []  # (written, final place)

    def open(self, final: str | Path, mode: str = "w", **text: Any) -> IO[Any]:
        """A new hidden file beside ``final`` with the user's usual permissions (unlike
        mkstemp's owner-only files), in the same folder so the rename is atomic."""
        final = Path(final)
        written = final.with_name(f".{final.name}.{secrets.token_hex(4)}.partial")
        try:
            handle = written.open(mode.replace("w", "x"), **text)
        except OSError as exc:
            raise write_error(exc, final, self.field) from exc
        self._moves.append((written, final))
        return handle

    def commit(self) -> None:
        """Rename into place, the last staged first: a main file (a CSV) never appears
        without the companion staged after it (its method note)."""
        try:
            for written, final in reversed(self._moves):
                os.replace(written, final)
        except OSError as exc:
            final = self._moves[0][1]
            self.discard()
            raise write_error(exc, final, self.field) from exc
        self._moves.clear()

    def discard(self) -> None:
        for written, _final in self._moves:
            remove_partial(written)
        self._moves.clear()


@contextlib.contextmanager
def replacing_folder(path: str | Path, field: str = "--out") -> Iterator[Path]:
    """A private folder beside ``path`` for a writer that makes several files (a CSV and
    its method note): each file made in it is moved beside ``path`` if the block succeeds;
    the folder goes whatever happens."""
    path = Path(path)
    folder = temporary_name(path, "partial").with_suffix("")
    try:
        folder.mkdir()
        yield folder
        for made in sorted(folder.iterdir()):
            os.replace(made, path.with_name(made.name))
    except OSError as exc:
        raise write_error(exc, path, field) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def letting_go_quietly() -> Iterator[None]:
    """Around a writer whose half-made objects fail once more when thrown away after a
    failure (openpyxl's worksheet streams, writing to a full disk again as they close):
    on failure they are let go of here, quietly, not later as a traceback on stderr."""
    try:
        yield
    except BaseException as exc:
        hook = sys.unraisablehook
        sys.unraisablehook = lambda _unraisable: None
        try:
            error: BaseException | None = exc
            while error is not None:
                traceback.clear_frames(error.__traceback__)
                error = error.__context__
            gc.collect()
        finally:
            sys.unraisablehook = hook
        raise


def write_bytes(path: str | Path, data: bytes, field: str = "--out") -> Path:
    with replacing(path, field) as tmp, tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return Path(path)


def remove_partial(tmp: Path) -> None:
    for name in (tmp, *(tmp.with_name(tmp.name + side) for side in SIDE_FILES)):
        with contextlib.suppress(OSError):
            name.unlink()


def write_error(exc: OSError, path: Path, field: str | None = "--out") -> BadInputError:
    """What went wrong writing ``path``, in words a user can act on."""
    if exc.errno in FULL:
        return BadInputError(
            "could not be written: the disk is full (or the file would be larger than this "
            "system allows)", file=path, field=field,
            hint="free some space or choose another place; nothing was written",
        )  # fmt: skip
    if exc.errno in DENIED:
        return BadInputError(
            f"could not be written: the folder {path.parent} cannot be written to",
            file=path, field=field, hint="choose another folder; nothing was written",
        )  # fmt: skip
    if exc.errno == errno.ENOENT:
        return BadInputError(f"the folder {path.parent} does not exist", file=path, field=field)
    if exc.errno == errno.EISDIR:
        return BadInputError("is a folder, not a file", file=path, field=field)
    reason = exc.strerror or str(exc)
    return BadInputError(f"could not be written ({reason})", file=path, field=field,
                         hint="nothing was written")  # fmt: skip


def failed_writer(exc: Exception, path: Path, field: str | None = "--out") -> BadInputError:
    """A writer (GDAL, Qt) failed without saying why in terms of the file system: if the
    folder cannot take more data now, say so; else pass on the writer's own words."""
    probe = temporary_name(path, "probe")
    try:
        with probe.open("wb") as fh:
            fh.write(b"\0" * PROBE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as full:
        return write_error(full, path, field)
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return BadInputError(f"could not be written ({exc})", file=path, field=field,
                         hint="nothing was written")  # fmt: skip
