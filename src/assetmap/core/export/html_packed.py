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
from typing import Any

import folium
import numpy as np
import pandas as pd
from folium.template import Template

#: Rebuilds the GeoJSON FeatureCollection from ``pack``'s output, in the browser.
UNPACK_JS = """
function amUnpack(p) {
  var feats = [];
  for (var f = 0; f < p.g.length; f++) {
    var polys = p.g[f].map(function (poly) {
      return poly.map(function (ring) {
        var out = [], x = 0, y = 0;
        for (var j = 0; j < ring.length; j += 2) {
          x += ring[j]; y += ring[j + 1]; out.push([x / p.k, y / p.k]);
        }
        return out;
      });
    });
    var props = {};
    for (var c = 0; c < p.n.length; c++) { props[p.n[c]] = p.v[c][p.c[c] ? p.c[c][f] : f]; }
    feats.push({type: "Feature", id: p.i ? p.i[f] : f, properties: props,
                geometry: {type: "MultiPolygon", coordinates: polys}});
  }
  return {type: "FeatureCollection", features: feats};
}
"""

_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def pack(features: list[dict[str, Any]], decimals: int) -> dict[str, Any]:
    """GeoJSON polygon features (ids, properties, geometry) in the packed form."""
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
        "g": [_polygons(f["geometry"], scale) for f in features],
        "n": names,
        "v": values,
        "c": codes,
    }


def _counting(values: np.ndarray) -> bool:
    """0, 1, 2, ...: written as nothing (a column of names, say, all different)."""
    return bool(np.array_equal(values, np.arange(len(values))))


def _polygons(geometry: dict[str, Any], scale: int) -> list[list[list[int]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [[_steps(ring, scale) for ring in polygon] for polygon in polygons]


def _steps(ring: list[list[float]], scale: int) -> list[int]:
    whole = np.rint(np.asarray(ring, dtype=float)[:, :2] * scale).astype(np.int64)
    whole[1:] -= whole[:-1].copy()
    return [int(v) for v in whole.ravel()]


def script_text(value: object) -> str:
    """Compact JSON that is safe inside a script element (as Jinja's ``tojson`` makes it)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).translate(_HTML_SAFE)


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


class PackedGeoJson(folium.GeoJson):
    """folium's GeoJson layer whose data goes into the page packed (``pack``), and is
    unpacked by ``UNPACK_JS`` there; folium still reads the full features for its styles."""

    _template = Template(
        _folium_template().replace(
            _EMBED, UNPACK_JS + "{{ this.get_name() }}_add(amUnpack({{ this.packed }}));"
        )
    )

    def __init__(self, data: dict[str, Any], decimals: int, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.packed = script_text(pack(data["features"], decimals))


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The FeatureCollection ``UNPACK_JS`` rebuilds in the browser (for checks and tests)."""
    scale = packed["k"]

    def ring(steps: list[int]) -> list[list[float]]:
        whole = np.cumsum(np.asarray(steps, dtype=np.int64).reshape(-1, 2), axis=0)
        return [[float(x) / scale, float(y) / scale] for x, y in whole]

    features = [
        {
            "type": "Feature",
            "id": f if packed["i"] is None else packed["i"][f],
            "properties": {
                name: packed["v"][c][f if packed["c"][c] is None else packed["c"][c][f]]
                for c, name in enumerate(packed["n"])
            },
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[ring(r) for r in polygon] for polygon in geometry],
            },
        }
        for f, geometry in enumerate(packed["g"])
    ]
    return {"type": "FeatureCollection", "features": features}
