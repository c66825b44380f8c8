"""Turning the session's model (layers, styles, points) into a canvas Scene snapshot.

The model-to-view registry of the napari pattern, kept small: each layer kind
has one adapter here, and arrays are rebuilt only when their inputs change.
"""

from __future__ import annotations

import numpy as np
import shapely

from assetmap.core import areas
from assetmap.qt.canvas.scene import AreaLayer, AssetLayer, Scene
from assetmap.qt.session import Session


class SceneBuilder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._labels: dict[str, tuple[list[str], np.ndarray]] = {}
        self._assets_key: tuple | None = None
        self._assets: AssetLayer | None = None
        session.areaSetsChanged.connect(self._labels.clear)

    def scene(self) -> Scene:
        if not self.session.is_open:  # a render timer outlived the project
            return Scene()
        return Scene(areas=self._area_layers(), assets=self._asset_layer())

    # ---- areas -----------------------------------------------------------------------
    def _area_layers(self) -> list[AreaLayer]:
        layers = []
        model = self.session.layers
        for name in model.visible_area_sets():
            style = model.area_style(name)
            polygons = self.session.polygon_set(name)
            labels, points = self._area_labels(name) if style.labels else (None, None)
            layers.append(
                AreaLayer(
                    name=name,
                    polygons=polygons,
                    classes=np.zeros(len(polygons), dtype=int),
                    class_colours=[style.fill or ""],
                    classes_version=0,
                    outline=style.outline,
                    outline_width=style.outline_width,
                    opacity=style.opacity,
                    labels=labels,
                    label_points=points,
                )
            )
        return layers

    def _area_labels(self, name: str) -> tuple[list[str], np.ndarray]:
        if name not in self._labels:
            frame = areas.frame(self.session.project, name)
            texts = [
                str(n) if n else str(c) for n, c in zip(frame["name"], frame["code"], strict=True)
            ]
            spots = shapely.point_on_surface(frame.geometry.to_numpy())
            points = np.column_stack([shapely.get_x(spots), shapely.get_y(spots)])
            self._labels[name] = (texts, points)
        return self._labels[name]

    # ---- assets ------------------------------------------------------------------------
    def _asset_layer(self) -> AssetLayer | None:
        model = self.session.layers
        if not model.assets_visible:
            return None
        points = self.session.points()
        cats = self.session.categories()
        styles = tuple((c.key, c.symbol, c.colour, model.category_style(c.key)) for c in cats)
        key = (self.session.points_version, styles, model.asset_opacity, model.asset_labels)

        if key != self._assets_key:
            position = {c.key: i for i, c in enumerate(cats)}
            index = points["category"].map(position).fillna(-1).to_numpy(dtype=int)
            shown = np.array([model.category_style(c.key).visible for c in cats] + [False])
            self._assets = AssetLayer(
                x=points["x"].to_numpy(dtype=float),
                y=points["y"].to_numpy(dtype=float),
                category_index=np.where(index < 0, len(cats), index),
                names=points["name"].to_numpy(dtype=object),
                categories=[(c.symbol, c.colour, model.category_style(c.key).size) for c in cats]
                + [("circle", "#7F7F7F", 8.0)],
                visible=shown[np.where(index < 0, len(cats), index)],
                opacity=model.asset_opacity,
                labels=model.asset_labels,
            )
            self._assets_key = key
        return self._assets
