"""Finding the asset under the cursor, and the assets inside a rubber band, fast."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely


class PointIndex:
    """An STRtree over asset points (project CRS) with the rows they came from."""

    def __init__(self, points: pd.DataFrame) -> None:
        self.frame = points.reset_index(drop=True)
        xs = self.frame["x"].to_numpy(dtype=float) if len(self.frame) else np.array([])
        ys = self.frame["y"].to_numpy(dtype=float) if len(self.frame) else np.array([])
        self.geometries = (
            np.asarray(shapely.points(xs, ys)) if len(xs) else np.array([], dtype=object)
        )
        self.tree = shapely.STRtree(self.geometries)

    def __len__(self) -> int:
        return len(self.frame)

    def nearest(
        self, x: float, y: float, within: float, allowed: np.ndarray | None = None
    ) -> int | None:
        """Row of the nearest point within ``within`` map units (among ``allowed`` rows)."""
        if not len(self.frame):
            return None
        box = shapely.box(x - within, y - within, x + within, y + within)
        candidates = self.tree.query(box)
        if allowed is not None:
            candidates = candidates[allowed[candidates]]
        if not len(candidates):
            return None
        dx = self.frame["x"].to_numpy()[candidates] - x
        dy = self.frame["y"].to_numpy()[candidates] - y
        d = np.hypot(dx, dy)
        best = int(np.argmin(d))
        return int(candidates[best]) if d[best] <= within else None

    def in_box(
        self, bounds: tuple[float, float, float, float], allowed: np.ndarray | None = None
    ) -> np.ndarray:
        if not len(self.frame):
            return np.array([], dtype=int)
        rows = np.sort(self.tree.query(shapely.box(*bounds)))
        return rows[allowed[rows]] if allowed is not None else rows
