"""Writing a run's results for an analyst: units in the headers, sensible decimals, the
method beside the figures, and cells that cannot run as formulas."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from assetmap.core import output
from assetmap.core.analysis.classify import need_provision_words
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.wording import need_heading
from assetmap.core.io.safe_cells import neutralise


def headers(result: AnalysisResult, need_label: str | None = None) -> dict[str, str]:
    d = f"{result.params.distance_m:g} m"
    return {
        "area_code": "Area code",
        "area_name": "Area name",
        "category_label": "Category",
        "assets": "Assets (count)",
        "needs_raised": "Needs raised (pins)",
        "population": "Population",
        "per_1000": "Assets per 1,000 people",
        "area_km2": "Area (km²)",
        "density_km2": "Assets per km²",
        "nearest_m": "Nearest asset (m)",
        "coverage": f"Area within {d} of an asset (%)",
        "gap": "Gap",
        "need": need_heading(result, need_label),
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
            "needs_raised": t["needs_raised"],
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
    if not result.params.include_needs:
        out = out.drop(columns=["needs_raised"])
    names = headers(result, need_label)
    return out.rename(columns={k: v for k, v in names.items() if k in out.columns})


def _rounded(values: pd.Series, places: int) -> list[object]:
    return [
        "" if pd.isna(v) else (f"{v:.{places}f}" if places else f"{round(v):d}")
        for v in values.to_numpy(dtype=float)
    ]


def _trimmed(values: pd.Series, places: int) -> list[object]:
    """As many decimals as the source figure has, up to ``places`` (32.498, 19.7, 12)."""
    out: list[object] = []
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
    """Refuse a place the files cannot go, before anything is computed or kept."""
    own = (project_path,) if project_path is not None else ()
    for target in (path, method_path(path)):
        output.check_target(target, field, not_one_of=own)


def stage(
    result: AnalysisResult,
    path: Path,
    need_label: str | None = None,
    *,
    field: str | None = None,
) -> output.Staged:
    """Write the CSV and the method file under temporary names; ``commit`` puts them in place.

    A failure part way (a full disk, a file-size limit) removes what was written and raises
    BadInputError naming the file, so nothing half-written is ever left behind.
    """
    staged = output.Staged(field)
    try:
        with staged.open(path, newline="", encoding="utf-8-sig") as fh:
            _write_rows(fh, result, need_label)
        with staged.open(method_path(path), encoding="utf-8") as fh:
            fh.write(f"{result.method}\n\nRun {result.run_id or '-'} made {result.created_at}.\n")
    except OSError as exc:
        staged.discard()
        raise output.write_error(exc, path, field) from exc
    except BaseException:  # Ctrl+C while writing: no hidden half-file either
        staged.discard()
        raise
    return staged


def _write_rows(fh: IO[str], result: AnalysisResult, need_label: str | None) -> None:
    frame = display_frame(result, need_label)
    if result.run_id is not None:
        frame["Run"] = result.run_id
    writer = csv.writer(fh)
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([neutralise(v) for v in row])


def method_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.method.txt")
