"""Assets for the HTML map: one switchable layer per category, clustered when there are many.

Each asset travels as a compact row of escaped strings inside one JSON document, not as a
folium Marker each: 200,000 folium markers would be 100 MB of generated script. A small
script (PAGE_SCRIPT) makes the markers, and builds a popup or tooltip only when one is
first opened. Every string in a row is HTML-escaped here; the script only joins them
with fixed markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from assetmap.core import categories
from assetmap.core.export.html_areas import text
from assetmap.core.export.html_symbols import RING_PAD, safe_colour, symbol_svg
from assetmap.core.export.html_web import escaped
from assetmap.core.i18n import translatable, translated
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.core.symbols import need_pad

CLUSTER_ABOVE = 500  # placed assets; more than this and the markers cluster
COORD_DECIMALS = 6  # about 0.1 m

# The order of the values in a row after latitude and longitude, with their popup labels.
POPUP_FIELDS = (
    ("name", None),
    ("address", translatable("Address")),
    ("postcode", translatable("Postcode")),
    ("phone", translatable("Phone")),
    ("website", translatable("Website")),
    ("opening_hours", translatable("Opening hours")),
    ("audience", translatable("Audience")),
)
# Its place in the popup's fields: the page links a website that is a web address.
WEBSITE_FIELD = [name for name, _ in POPUP_FIELDS].index("website")
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")
_WEB = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


@dataclass
class CategoryLayer:
    key: str
    label: str  # plain text
    group: str
    colour: str
    symbol: str
    size: float
    rows: list[list[object]]
    pending: list[int]  # positions in ``rows`` of the assets awaiting review
    needs: list[int] = field(default_factory=list)  # positions of need pins in ``rows``

    @property
    def icon(self) -> str:
        return symbol_svg(self.symbol, self.colour, self.size)

    @property
    def pending_icon(self) -> str:
        """The marker with the map's dashed ring round it."""
        return symbol_svg(self.symbol, self.colour, self.size, pending=True)

    @property
    def need_icon(self) -> str:
        """A need pin's marker: hollow, with an exclamation mark."""
        return symbol_svg(self.symbol, self.colour, self.size, need=True)

    @property
    def pending_need_icon(self) -> str:
        return symbol_svg(self.symbol, self.colour, self.size, need=True, pending=True)

    def legend_icon(self) -> str:
        return symbol_svg(self.symbol, self.colour, 12)


def marker_size(style_size: float) -> float:
    """A little larger than on screen in the app: browsers are used on phones too."""
    return float(round(max(10.0, min(style_size * 1.4, 28.0))))


def website(value: object) -> tuple[str, bool]:
    """The escaped website text and whether it may be a link (http or https only)."""
    raw = "" if value is None or value != value else str(value).strip()
    return text(raw), bool(_WEB.fullmatch(raw))


def category_layers(project: Project, frame: gpd.GeoDataFrame) -> tuple[list[CategoryLayer], int]:
    """The placed assets by category, in the project's category order, and how many assets
    have no place (they cannot be drawn)."""
    placed = ~(frame.geometry.isna() | frame.geometry.is_empty)
    unplaced = int((~placed).sum())
    frame = frame[placed]
    if not len(frame):
        return [], unplaced
    lonlat = frame.geometry.to_crs(4326)
    lon = np.round(lonlat.x.to_numpy(), COORD_DECIMALS)
    lat = np.round(lonlat.y.to_numpy(), COORD_DECIMALS)
    review = frame["review"] if "review" in frame else pd.Series("approved", index=frame.index)
    pending = (review == "pending").to_numpy()
    kind = frame["pin_kind"] if "pin_kind" in frame else pd.Series("asset", index=frame.index)
    need = (kind == "need").to_numpy()
    cats = categories.by_key(project)
    styles = MapLayers.load(project)
    order = {c.key: i for i, c in enumerate(categories.all_categories(project))}
    layers = []
    keys = pd.unique(frame["category"].astype(str))
    for key in sorted(keys, key=lambda k: (order.get(k, len(order)), k)):
        mask = (frame["category"].astype(str) == key).to_numpy()
        cat = cats.get(key)
        waiting = np.flatnonzero(pending[mask]).tolist()
        layers.append(
            CategoryLayer(
                key=key,
                label=cat.label if cat else key,
                group=cat.group if cat else "",
                colour=safe_colour(cat.colour if cat else None),
                symbol=cat.symbol if cat else "circle",
                size=marker_size(styles.category_style(key).size),
                rows=_rows(frame[mask], lat[mask], lon[mask]),
                pending=waiting,
                needs=np.flatnonzero(need[mask]).tolist(),
            )
        )
    return layers, unplaced


def _escaped(values: pd.Series) -> list[str | None]:
    """``text`` over a column, done once per distinct value (None for blanks)."""
    out: list[str | None] = [None] * len(values)
    cache: dict[object, str | None] = {}
    for i, value in enumerate(values.tolist()):
        if value is None or value != value:  # None or NaN
            continue
        if value not in cache:
            cache[value] = text(value) or None
        out[i] = cache[value]
    return out


def _rows(frame: pd.DataFrame, lat: np.ndarray, lon: np.ndarray) -> list[list[object]]:
    columns = [_escaped(frame[name]) for name, _ in POPUP_FIELDS]
    links = [website(v)[1] for v in frame["website"].tolist()]
    rows: list[list[object]] = []
    for i, (y, x) in enumerate(zip(lat.tolist(), lon.tolist(), strict=True)):
        values: list[object] = [y, x, *(column[i] for column in columns)]
        values.append(1 if links[i] else None)
        while values[-1] is None:
            values.pop()
        rows.append(values)
    return rows


# Characters JSON keeps only as escapes inside a script: markup ("</script>", "<!--"),
# CSS-like text ("url(", "@import") and the line separators old browsers end a string at.
# JSON's own syntax uses none of them, so only characters inside strings change.
_SCRIPT_ESCAPES = {c: f"\\u{ord(c):04x}" for c in "<>&'(@\u2028\u2029"}


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element and inside a folium element (no "{{",
    "{%" or "{#", which branca would run as a Jinja template; JSON's own braces are never
    followed by those, so only braces inside strings change)."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return escaped(_JINJA_OPEN.sub(r"\\u007b", encoded), _SCRIPT_ESCAPES)


def payload(layers: list[CategoryLayer]) -> dict[str, object]:
    return {
        "fields": [label and text(translated(label)) for _, label in POPUP_FIELDS],
        "website": WEBSITE_FIELD,
        "words": {
            "noName": text(translated("(no name)")),
            "need": text(translated("Need: something missing here")),
            "pending": text(translated("Awaiting review")),
            "category": text(translated("Category")),
        },
        "groups": [
            {
                "key": layer.key,
                "label": text(layer.label),
                "icon": layer.icon,
                "size": layer.size + 4,
                "rows": layer.rows,
                "pending": layer.pending,
                "pendingIcon": layer.pending_icon if layer.pending else None,
                "pendingSize": layer.size + 2 * RING_PAD,
                "needs": layer.needs,
                "needIcon": layer.need_icon if layer.needs else None,
                "pendingNeedIcon": layer.pending_need_icon if layer.needs else None,
                "needSize": layer.size + 2 * (need_pad(layer.size) + 1.0),
            }
            for layer in layers
        ],
    }


# The page's own script: markers, lazy popups and tooltips, the legend and notes as Leaflet
# controls, and `window.assetmap` for tests and curious users. Placeholders are filled with
# script_json() output and folium's variable names only.
PAGE_SCRIPT = """
(function () {
  var map = __MAP__;
  var data = __DATA__;
  var groups = [__GROUPS__];
  var cluster = __CLUSTER__;
  var areaLayers = [__AREAS__];
  var areaNames = __AREA_NAMES__;
  var markers = [];

  function row(label, value) {
    return '<tr><th>' + label + '</th><td>' + value + '</td></tr>';
  }
  function popupHtml(m) {
    var r = m.amRow, g = m.amGroup, f = data.fields;
    var out = '<div class="am-popup"><div class="am-popup-name">' +
      (r[2] || data.words.noName) + '</div>' +
      (m.amNeed ? '<div class="am-popup-review">' + data.words.need + '</div>' : '') +
      (m.amPending ? '<div class="am-popup-review">' + data.words.pending + '</div>' : '') +
      '<table>' + row(data.words.category, g.label);
    for (var i = 3; i < 2 + f.length && i < r.length; i++) {
      if (r[i] === null || r[i] === undefined) continue;
      var value = r[i];
      if (i - 2 === data.website && r[2 + f.length] === 1) {
        value = '<a href="' + r[i] + '" target="_blank" rel="noopener noreferrer">' + r[i] + '</a>';
      }
      out += row(f[i - 2], value);
    }
    return out + '</table></div>';
  }
  function details(m) {
    if (!m.getPopup()) {
      m.bindPopup(popupHtml(m), {maxWidth: 320});
      m.bindTooltip(m.amRow[2] || data.words.noName,
                    {direction: 'top', offset: [0, -m.amGroup.half]});
    }
    return m;
  }
  data.groups.forEach(function (g, gi) {
    var layer = groups[gi];
    var half = Math.round(g.size / 2);
    g.half = half;
    var icon = L.divIcon({className: 'am-marker', html: g.icon, iconSize: [g.size, g.size],
                          iconAnchor: [half, half]});
    var ringed = null, waiting = {};
    if (g.pending.length) {
      var ph = Math.round(g.pendingSize / 2);
      ringed = L.divIcon({className: 'am-marker am-pending', html: g.pendingIcon,
                          iconSize: [g.pendingSize, g.pendingSize], iconAnchor: [ph, ph]});
      g.pending.forEach(function (i) { waiting[i] = true; });
    }
    var needIcon = null, needRinged = null, needs = {};
    if (g.needs.length) {
      var nh = Math.round(g.needSize / 2);
      needIcon = L.divIcon({className: 'am-marker am-need', html: g.needIcon,
                            iconSize: [g.needSize, g.needSize], iconAnchor: [nh, nh]});
      var rh = Math.round(g.pendingSize / 2);
      needRinged = L.divIcon({className: 'am-marker am-need am-pending',
                              html: g.pendingNeedIcon, iconSize: [g.pendingSize, g.pendingSize],
                              iconAnchor: [rh, rh]});
      g.needs.forEach(function (i) { needs[i] = true; });
    }
    var onMap = map.hasLayer(layer);
    if (onMap) { map.removeLayer(layer); }
    g.rows.forEach(function (r, ri) {
      var pending = waiting[ri] === true, need = needs[ri] === true;
      var shown = need ? (pending ? needRinged : needIcon) : (pending ? ringed : icon);
      var m = L.marker([r[0], r[1]], {icon: shown, keyboard: false, riseOnHover: true,
                                      zIndexOffset: need ? 1000 : 0});
      m.amRow = r;
      m.amGroup = g;
      m.amPending = pending;
      m.amNeed = need;
      layer.addLayer(m);
      markers.push(m);
    });
    layer.on('mouseover', function (e) {
      if (!e.layer.getTooltip()) { details(e.layer).openTooltip(); }
    });
    layer.on('click', function (e) {
      if (!e.layer.getPopup()) { details(e.layer).openPopup(); }
    });
    if (onMap) { layer.addTo(map); }
  });

  function control(id, position) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var c = L.control({position: position});
    c.onAdd = function () {
      var div = L.DomUtil.create('div', 'am-control leaflet-bar');
      div.appendChild(node);
      node.hidden = false;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    c.addTo(map);
  }
  control('am-legend', 'bottomright');
  control('am-about', 'bottomleft');

  var areaCounts = {};
  areaLayers.forEach(function (layer, i) { areaCounts[areaNames[i]] = layer.getLayers().length; });
  window.assetmap = {
    map: map,
    cluster: cluster,
    groups: groups,
    markers: markers,
    areaLayers: areaLayers,
    areaCounts: areaCounts,
    details: details,
    shownAssets: function () {
      // Assets drawn now: single markers, plus the assets inside each drawn cluster.
      if (!cluster) {
        return groups.reduce(function (n, layer) {
          return n + (map.hasLayer(layer) ? layer.getLayers().length : 0);
        }, 0);
      }
      var n = 0;
      cluster._featureGroup.eachLayer(function (l) {
        n += l.getChildCount ? l.getChildCount() : 1;
      });
      return n;
    }
  };
})();
"""


def page_script(
    map_name: str,
    layers: list[CategoryLayer],
    group_names: list[str],
    cluster_name: str | None,
    area_names: list[str],
    area_labels: list[str],
) -> str:
    names = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
    for name in [map_name, *group_names, *area_names, *([cluster_name] if cluster_name else [])]:
        if not names.fullmatch(name):
            raise ValueError(f"not a script variable name: {name!r}")
    values = {
        "MAP": map_name,
        "GROUPS": ", ".join(group_names),
        "CLUSTER": cluster_name or "null",
        "AREAS": ", ".join(area_names),
        "AREA_NAMES": script_json(area_labels),
        "DATA": script_json(payload(layers)),
    }
    # One pass, so text inside the data can never be taken for a placeholder.
    return re.sub(r"__(MAP|DATA|GROUPS|CLUSTER|AREAS|AREA_NAMES)__",
                  lambda m: values[m.group(1)], PAGE_SCRIPT)  # fmt: skip
