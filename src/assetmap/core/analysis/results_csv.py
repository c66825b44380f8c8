"""Writing a run's results for an analyst: units in the headers, sensible decimals, the
method beside the figures, and cells that cannot run as formulas."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from assetmap.core.analysis.engine import AnalysisResult
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
        "bivariate": "Need-provision class",
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
            "bivariate": t["bivariate"],
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


def write(result: AnalysisResult, path: str | Path, need_label: str | None = None) -> Path:
    """The CSV, and ``<name>.method.txt`` beside it with the method statement."""
    path = Path(path)
    frame = display_frame(result, need_label)
    if result.run_id is not None:
        frame["Run"] = result.run_id
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(frame.columns)
        for row in frame.itertuples(index=False, name=None):
            writer.writerow([neutralise(v) for v in row])
    tmp.replace(path)
    method_path(path).write_text(
        f"{result.method}\n\nRun {result.run_id or '-'} made {result.created_at}.\n",
        encoding="utf-8",
    )
    return path


def method_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.method.txt")
