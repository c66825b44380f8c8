"""Writing a run's results for an analyst: units in the headers, sensible decimals, the
method beside the figures, and cells that cannot run as formulas."""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
import pandas as pd

from assetmap.core.analysis.classify import need_provision_words
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.errors import BadInputError
from assetmap.core.io.safe_cells import neutralise


def headers(result: AnalysisResult, need_label: str | None = None) -> dict[str, str]:
    d = f"{result.params.distance_m:g} m"
    need = need_label or result.params.need_field or "need"
    return {
        "area_code": "Area code",
        "area_name": "Area name",
        "category_label": "Category",
        "assets": "Assets (count)",
        "population": "Population",
        "per_1000": "Assets per 1,000 people",
        "area_km2": "Area (km²)",
        "density_km2": "Assets per km²",
        "nearest_m": "Nearest asset (m)",
        "coverage": f"Area within {d} of an asset (%)",
        "gap": "Gap",
        "need": f"Need ({need})",
        "need_tercile": "Need third (3 = most need)",
        "provision_tercile": "Provision third (1 = least)",
        "bivariate": "Need and provision",
        "priority": "Priority (1 = first)",
        "note": "Note",
    }


def display_frame(result: AnalysisResult, need_label: str | None = None) -> pd.DataFrame:
    """The table as a planner reads it: rounded, yes/no, blanks instead of NaN."""
    t = result.table
    out = pd.DataFrame(
        {
            "area_code": t["area_code"],
            "area_name": t["area_name"],
            "category_label": t["category_label"],
            "assets": t["assets"],
            "population": _rounded(t["population"], 0),
            "per_1000": _rounded(t["per_1000"], 2),
            "area_km2": _rounded(t["area_km2"], 3),
            "density_km2": _rounded(t["density_km2"], 2),
            "nearest_m": _rounded(t["nearest_m"], 0),
            "coverage": _rounded(t["coverage"] * 100, 1),
            "gap": np.where(t["gap"], "yes", "no"),
            "need": _trimmed(t["need"], 3),
            "need_tercile": _blank_zero(t["need_tercile"]),
            "provision_tercile": _blank_zero(t["provision_tercile"]),
            "bivariate": [
                need_provision_words(int(n), int(p))
                for n, p in zip(t["need_tercile"], t["provision_tercile"], strict=True)
            ],
            "priority": _blank_zero(t["priority"]),
            "note": t["note"],
        }
    )
    if result.params.need_field is None:
        out = out.drop(
            columns=["need", "need_tercile", "provision_tercile", "bivariate", "priority"]
        )
    if result.params.population_field is None:
        out = out.drop(columns=["population", "per_1000"])
    names = headers(result, need_label)
    return out.rename(columns={k: v for k, v in names.items() if k in out.columns})


def _rounded(values: pd.Series, places: int) -> list[object]:
    return [
        "" if pd.isna(v) else (f"{v:.{places}f}" if places else f"{round(v):d}")
        for v in values.to_numpy(dtype=float)
    ]


def _trimmed(values: pd.Series, places: int) -> list[object]:
    """As many decimals as the source figure has, up to ``places`` (32.498, 19.7, 12)."""
    out = []
    for v in values.to_numpy(dtype=float):
        out.append("" if np.isnan(v) else f"{v:.{places}f}".rstrip("0").rstrip("."))
    return out


def _blank_zero(values: pd.Series) -> list[object]:

    return ["" if v == 0 else int(v) for v in values]


def write(
    result: AnalysisResult,
    path: str | Path,
    need_label: str | None = None,
    *,
    field: str | None = None,
) -> Path:
    """The CSV, and ``<name>.method.txt`` beside it with the method statement; all or nothing."""
    path = Path(path)
    check_out(path, field=field)
    stage(result, path, need_label, field=field).commit()
    return path


def check_out(path: Path, project_path: Path | None = None, *, field: str | None = None) -> None:
    """Refuse a place the files cannot go, before anything is computed or kept.

    A probe file is created and removed, since permission bits do not tell (root ignores
    them; a read-only disk or a network share has its own rules).
    """
    for target in (path, method_path(path)):
        if target.is_dir():
            raise BadInputError(
                f"{target} is a folder",
                file=path,
                field=field,
                hint="give a file name such as gaps.csv",
            )
    folder = path.absolute().parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise BadInputError(f"the folder {folder} {what}", file=path, field=field)
    if project_path is not None and any(
        _same_file(target, project_path) for target in (path, method_path(path))
    ):
        raise BadInputError(
            "that is the project file itself", file=path, field=field, hint="choose another name"
        )
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".probe"):
            pass
    except OSError as exc:
        raise BadInputError(
            f"cannot write in the folder {folder} ({exc.strerror or exc})", file=path, field=field
        ) from exc


@dataclass
class StagedFiles:
    """Files written in full under hidden names beside their places, waiting to be renamed."""

    path: Path  # the CSV, for messages
    moves: list[tuple[Path, Path]]  # (written, final place)
    field: str | None = None

    def commit(self) -> None:
        """Rename into place, the method first: a CSV never appears without its method."""
        try:
            for written, final in reversed(self.moves):
                os.replace(written, final)
        except OSError as exc:
            self.discard()
            raise _write_error(self.path, exc, self.field) from exc

    def discard(self) -> None:
        for written, _final in self.moves:
            with contextlib.suppress(OSError):
                written.unlink(missing_ok=True)


def stage(
    result: AnalysisResult,
    path: Path,
    need_label: str | None = None,
    *,
    field: str | None = None,
) -> StagedFiles:
    """Write the CSV and the method file under temporary names; ``commit`` puts them in place.

    A failure part way (a full disk, a file-size limit) removes what was written and raises
    BadInputError naming the file, so nothing half-written is ever left behind.
    """
    staged = StagedFiles(path, [], field)
    try:
        with _open_beside(path, staged, newline="", encoding="utf-8-sig") as fh:
            _write_rows(fh, result, need_label)
        with _open_beside(method_path(path), staged, encoding="utf-8") as fh:
            fh.write(f"{result.method}\n\nRun {result.run_id or '-'} made {result.created_at}.\n")
    except OSError as exc:
        staged.discard()
        raise _write_error(path, exc, field) from exc
    except BaseException:  # Ctrl+C while writing: no hidden half-file either
        staged.discard()
        raise
    return staged


def _write_rows(fh: TextIO, result: AnalysisResult, need_label: str | None) -> None:
    frame = display_frame(result, need_label)
    if result.run_id is not None:
        frame["Run"] = result.run_id
    writer = csv.writer(fh)
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([neutralise(v) for v in row])


def _open_beside(final: Path, staged: StagedFiles, **text: str) -> TextIO:
    """A new file under a hidden name in the same folder (so the rename is atomic), with the
    user's usual permissions (unlike mkstemp's owner-only files)."""
    written = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
    fh = written.open("x", **text)  # type: ignore[call-overload]
    staged.moves.append((written, final))
    return fh


def _write_error(path: Path, exc: OSError, field: str | None) -> BadInputError:
    full = exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
    return BadInputError(
        f"could not be written ({exc.strerror or exc}); nothing was saved",
        file=path,
        field=field,
        hint="free some disk space, or choose another place" if full else None,
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def method_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.method.txt")
