"""What is under the cursor: the nearest shown asset within a few pixels, or the area."""

from __future__ import annotations

import html
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from assetmap.core import areas
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.tools import PICK_RADIUS_PX
from assetmap.qt.session import Session


@dataclass(frozen=True)
class AreaHit:
    """An area under a point: its set, its code and its outline."""

    set_name: str
    code: str
    name: str
    geometry: BaseGeometry


class Picker:
    """Finds assets and areas on the map as shown (hidden categories are not picked)."""

    def __init__(self, session: Session, canvas: MapCanvas) -> None:
        self.session = session
        self.canvas = canvas

    def asset_at(self, sx: float, sy: float) -> str | None:
        """The shown asset nearest the screen point, if one is within the pick radius."""
        view = self.canvas.view
        x, y = view.to_world(sx, sy)
        index = self.session.point_index()
        row = index.nearest(
            x, y, PICK_RADIUS_PX * view.scale, allowed=self.session.visible_point_mask()
        )
        return None if row is None else str(index.frame["uuid"].iloc[row])

    def asset_xy(self, uuid: str) -> tuple[float, float] | None:
        """Where the asset is on the map (None: not placed)."""
        points = self.session.points()
        rows = points[points["uuid"] == uuid]
        return None if not len(rows) else (float(rows["x"].iloc[0]), float(rows["y"].iloc[0]))

    def area_at(self, x: float, y: float) -> AreaHit | None:
        """The area drawn on top at a map point, among the shown area sets."""
        point = shapely.Point(x, y)
        for name in reversed(self.session.layers.visible_area_sets()):
            frame = areas.frame(self.session.project, name)
            hits = frame[frame.geometry.contains(point)]
            if len(hits):
                row = hits.iloc[0]
                return AreaHit(name, str(row["code"]), str(row["name"] or ""), row.geometry)
        return None

    def tooltip_at(self, sx: float, sy: float) -> str | None:
        """The hover text for the asset at a screen point: its name and category."""
        uuid = self.asset_at(sx, sy)
        if uuid is None:
            return None
        row = self.session.points().set_index("uuid").loc[uuid]
        category = self.session.category(str(row["category"]))
        label = category.label if category else row["category"]
        return f"<b>{html.escape(str(row['name']))}</b><br>{html.escape(str(label))}"
