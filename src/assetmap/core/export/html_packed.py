"""Area layers written small: the HTML map's areas as whole numbers and shared values.

A national gap map is 34,753 areas; written as GeoJSON they were two thirds of a 32 MB page
(each coordinate as text with five decimals, each area's dozen tooltip values as text in
full, "lowest third of need, middle of provision" thirty thousand times). Here each ring is
a list of whole-number steps from the point before (in 1e-5 degrees: the same metre the
page rounded to), and each tooltip column is its distinct values once plus an index per
area. A few lines of script in the page rebuild the very same GeoJSON before Leaflet sees
it, so folium's styling and tooltips work unchanged.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import folium
import numpy as np
import pandas as pd
import shapely
from folium.template import Template
from folium.utilities import get_obj_in_upper_tree

from assetmap.core.export.html_web import VerbatimParts, escaped

#: Rebuilds the GeoJSON FeatureCollection from ``pack``'s output, in the browser.
UNPACK_JS = """
function amUnpack(p) {
  var feats = [], g = p.g, at = 0, ri = 0, pi = 0;
  for (var f = 0; f < g.m.length; f++) {
    var polys = [];
    for (var a = 0; a < g.m[f]; a++, pi++) {
      var rings = [];
      for (var b = 0; b < g.p[pi]; b++, ri++) {
        var out = [], x = 0, y = 0;
        for (var j = 0; j < g.r[ri]; j++, at += 2) {
          x += g.s[at]; y += g.s[at + 1]; out.push([x / p.k, y / p.k]);
        }
        rings.push(out);
      }
      polys.push(rings);
    }
    var props = {};
    for (var c = 0; c < p.n.length; c++) { props[p.n[c]] = p.v[c][p.c[c] ? p.c[c][f] : f]; }
    feats.push({type: "Feature", id: p.i ? p.i[f] : f, properties: props,
                geometry: {type: "MultiPolygon", coordinates: polys}});
  }
  return {type: "FeatureCollection", features: feats};
}
"""

_HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def pack(features: list[dict[str, Any]], shapes: np.ndarray, decimals: int) -> dict[str, Any]:
    """Features (ids and properties) and their (multi)polygons in the packed form."""
    scale = 10**decimals
    names = sorted({key for f in features for key in (f.get("properties") or {})})
    values, codes = [], []
    for name in names:
        column = pd.Series([(f.get("properties") or {}).get(name) for f in features], dtype=object)
        code, found = pd.factorize(column, use_na_sentinel=False)
        distinct = found.to_numpy()
        if 2 * len(distinct) > len(column):  # mostly different (names, codes): as they are
            code, distinct = np.arange(len(column)), column.to_numpy()
        values.append([None if pd.isna(v) else v for v in distinct])
        codes.append(None if _counting(code) else code.tolist())
    ids = [f["id"] for f in features]
    return {
        "k": scale,
        "i": None if _counting(np.asarray(ids)) else ids,
        "g": _shapes(shapes, scale),
        "n": names,
        "v": values,
        "c": codes,
    }


def _counting(values: np.ndarray) -> bool:
    """0, 1, 2, ...: written as nothing (a column of names, say, all different)."""
    return bool(np.array_equal(values, np.arange(len(values))))


def _shapes(shapes: np.ndarray, scale: int) -> dict[str, list[int]]:
    """Every ring's points as whole-number steps (the first from 0), all in one list "s",
    with points per ring "r", rings per polygon "p" and polygons per shape "m"."""
    if not len(shapes):
        return {"s": [], "r": [], "p": [], "m": []}
    kind, coords, found = shapely.to_ragged_array(shapes)
    offsets: list[np.ndarray] = [np.asarray(o) for o in found]
    if kind == shapely.GeometryType.POLYGON:  # every shape one polygon
        offsets.append(np.arange(len(shapes) + 1))
    rings, polygons, multi = offsets
    whole = np.rint(np.asarray(coords)[:, :2] * scale).astype(np.int64)
    steps = whole.copy()
    steps[1:] -= whole[:-1]
    starts = np.asarray(rings[:-1])[np.diff(rings) > 0]
    steps[starts] = whole[starts]
    return {
        "s": steps.ravel().tolist(),
        "r": np.diff(rings).tolist(),
        "p": np.diff(polygons).tolist(),
        "m": np.diff(multi).tolist(),
    }


def script_text(value: object) -> str:
    """Compact JSON that is safe inside a script element (as Jinja's ``tojson`` makes it)."""
    return escaped(json.dumps(value, separators=(",", ":"), ensure_ascii=False), _HTML_SAFE)


_EMBED = "{{ this.get_name() }}_add({{ this.data|tojson }});"


def _folium_template() -> str:
    """folium's GeoJson template text (jinja keeps no source), read from folium itself, so
    everything but the data line stays folium's own."""
    code = inspect.getsource(folium.GeoJson)
    start = code.index('"""', code.index("_template = Template(")) + 3
    source = code[start : code.index('"""', start)]
    if _EMBED not in source:
        raise RuntimeError(f"folium {folium.__version__}: its GeoJson template has changed")
    return source


class PackedGeoJson(folium.GeoJson, VerbatimParts):
    """folium's GeoJson layer whose data goes into the page packed (``pack``), and is
    unpacked by ``UNPACK_JS`` there; folium still reads the full features for its styles.

    The style and highlight functions must return plain values (no folium elements); the
    same dict returned for many areas is turned into the page's style key once."""

    _template = Template(
        _folium_template().replace(
            _EMBED,
            UNPACK_JS + "{{ this.get_name() }}_add(amUnpack({{ this.packed }}));",
        )
    )

    def __init__(
        self, data: dict[str, Any], shapes: np.ndarray, decimals: int, **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        self.packed = script_text(pack(data["features"], shapes, decimals))

    def render(self, **kwargs: Any) -> str:
        """folium's GeoJson.render, with the style maps made by ``style_map``."""
        # folium declares parent_map None until it renders
        self.parent_map = get_obj_in_upper_tree(self, folium.Map)  # type: ignore[assignment]
        features = self.data["features"]
        if features and self.style:
            self.style_map = style_map(features, self.style_function)
        if features and self.highlight:
            self.highlight_map = style_map(features, self.highlight_function)
        # what GeoJson.render goes on to; folium has no annotations
        return super(folium.GeoJson, self).render(**kwargs)  # type: ignore[no-untyped-call,no-any-return]


def style_map(
    features: list[dict[str, Any]], look: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    """What folium's GeoJsonStyleMapper makes (each style as JSON, the ids that have it, the
    commonest as "default"), with each distinct dict encoded once, not once per area."""
    keys: dict[int, tuple[dict[str, Any], str]] = {}  # the dict is held so its id stays its own
    mapping: dict[str, Any] = {}
    for feature in features:
        content = look(feature)
        held = keys.get(id(content))
        if held is None:
            held = keys[id(content)] = (content, json.dumps(content, sort_keys=True))
        mapping.setdefault(held[1], []).append(feature["id"])
    commonest = max(mapping, key=lambda key: len(mapping[key]))
    mapping["default"] = commonest
    del mapping[commonest]
    return mapping


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The FeatureCollection ``UNPACK_JS`` rebuilds in the browser (for checks and tests)."""
    scale, g = packed["k"], packed["g"]
    points = np.cumsum([0, *g["r"]])
    steps = np.asarray(g["s"], dtype=np.int64).reshape(-1, 2)
    rings = [
        (np.cumsum(steps[a:b], axis=0) / scale).tolist()
        for a, b in zip(points[:-1], points[1:], strict=True)
    ]
    polygon_ends = np.cumsum([0, *g["p"]])
    polygons = [rings[a:b] for a, b in zip(polygon_ends[:-1], polygon_ends[1:], strict=True)]
    shape_ends = np.cumsum([0, *g["m"]])
    features = [
        {
            "type": "Feature",
            "id": f if packed["i"] is None else packed["i"][f],
            "properties": {
                name: packed["v"][c][f if packed["c"][c] is None else packed["c"][c][f]]
                for c, name in enumerate(packed["n"])
            },
            "geometry": {"type": "MultiPolygon", "coordinates": polygons[a:b]},
        }
        for f, (a, b) in enumerate(zip(shape_ends[:-1], shape_ends[1:], strict=True))
    ]
    return {"type": "FeatureCollection", "features": features}
