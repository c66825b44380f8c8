"""Where raster tiles come from: a URL template, its attribution and its usage policy.

A ``TileSource`` says what may be done with a provider's tiles. OpenStreetMap's own
servers (tile.openstreetmap.org) are run by volunteers; their tile usage policy
(https://operations.osmfoundation.org/policies/tiles/) allows an application to show and
cache tiles as the user looks at the map, with a valid User-Agent and the attribution on
the map, and forbids bulk downloading ("prefetching") areas for offline use. Any source
whose template points at those servers is refused bulk download, whatever it claims.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from assetmap import __version__
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated

HOMEPAGE = "https://github.com/assetmap/assetmap"
USER_AGENT = f"assetmap/{__version__} (+{HOMEPAGE}; community asset mapping desktop app)"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
OSM_POLICY_URL = "https://operations.osmfoundation.org/policies/tiles/"
# Hosts whose operators forbid bulk download, so no custom source can get round it.
NO_BULK_HOSTS = ("tile.openstreetmap.org", "tile.osm.org")
_PLACEHOLDER = re.compile(r"\{([a-z-]+)\}")
_KNOWN = {"z", "x", "y", "s", "-y"}


@dataclass(frozen=True)
class TileSource:
    """A provider of 256-pixel XYZ tiles, or a read-only MBTiles file (``mbtiles_path``)."""

    name: str
    url_template: str
    attribution: str
    max_zoom: int = 19
    bulk_download_allowed: bool = False
    user_agent: str = USER_AGENT
    key: str = ""
    min_zoom: int = 0
    policy_url: str = ""
    subdomains: tuple[str, ...] = ("a", "b", "c")
    mbtiles_path: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", _slug(self))

    @property
    def is_file(self) -> bool:
        """Tiles from a file the user added: never fetched, never written."""
        return bool(self.mbtiles_path)

    @property
    def host(self) -> tuple[str, int]:
        """Host and port the tiles come from (the network badge probes it)."""
        parts = urlsplit(
            self.url_template.replace("{s}", self.subdomains[0] if self.subdomains else "a")
        )
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return parts.hostname or "", port

    @property
    def forbids_bulk_download(self) -> bool:
        host = self.host[0].lower()
        on_osm = any(host == h or host.endswith("." + h) for h in NO_BULK_HOSTS)
        return on_osm or not self.bulk_download_allowed

    def url(self, z: int, x: int, y: int) -> str:
        values = {
            "z": str(z),
            "x": str(x),
            "y": str(y),
            "-y": str(2**z - 1 - y),
            "s": self.subdomains[(x + y) % len(self.subdomains)] if self.subdomains else "a",
        }
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), self.url_template)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "url_template": self.url_template,
            "attribution": self.attribution,
            "max_zoom": self.max_zoom,
            "bulk_download_allowed": self.bulk_download_allowed,
            "mbtiles_path": self.mbtiles_path,
        }


OPENSTREETMAP = TileSource(
    name="OpenStreetMap (standard)",
    url_template="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    attribution=OSM_ATTRIBUTION,
    max_zoom=19,
    bulk_download_allowed=False,
    key="osm",
    policy_url=OSM_POLICY_URL,
    subdomains=(),
)

PRESETS: dict[str, TileSource] = {OPENSTREETMAP.key: OPENSTREETMAP}


def preset(key: str) -> TileSource:
    try:
        return PRESETS[key]
    except KeyError:
        raise BadInputError(
            translated("there is no tile source called '{name}'").format(name=key),
            field="tile source",
            hint=translated("choose one of {names}, or give a URL template").format(
                names=", ".join(PRESETS)
            ),
        ) from None


def custom_source(
    url_template: str,
    attribution: str,
    *,
    name: str = "",
    max_zoom: int = 19,
    bulk_download_allowed: bool = False,
) -> TileSource:
    """A provider the user names: the template must be http(s) with {z}, {x} and {y}, and
    the attribution its terms require must be given (it is drawn on every map)."""
    url_template = url_template.strip()
    attribution = attribution.strip()
    parts = urlsplit(url_template)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInputError(
            translated("a tile URL template starts with https:// (or http://) and names a server"),
            field="URL template",
            hint=translated("for example https://tiles.example.org/{z}/{x}/{y}.png"),
        )
    names = set(_PLACEHOLDER.findall(url_template))
    if not {"z", "x"} <= names or not ({"y", "-y"} & names):
        raise BadInputError(
            translated("a tile URL template needs {z}, {x} and {y} where the tile numbers go"),
            field="URL template",
            hint=translated("for example https://tiles.example.org/{z}/{x}/{y}.png"),
        )
    unknown = names - _KNOWN
    if unknown:
        raise BadInputError(
            translated("the URL template has placeholders assetmap does not fill: {names}").format(
                names=", ".join("{" + u + "}" for u in sorted(unknown))
            ),
            field="URL template",
            hint=translated("write an API key into the template itself"),
        )
    if not attribution:
        raise BadInputError(
            translated(
                "say whose tiles these are: the attribution is shown on the map and in exports"
            ),
            field="attribution",
            hint=translated(
                "copy it from the provider's terms, e.g. '© OpenStreetMap contributors, © …'"
            ),
        )
    if not 0 <= int(max_zoom) <= 24:
        raise BadInputError(
            translated("the maximum zoom is between 0 and 24"), field="maximum zoom"
        )
    source = TileSource(
        name=name.strip() or (parts.hostname or translated("Custom tiles")),
        url_template=url_template,
        attribution=attribution,
        max_zoom=int(max_zoom),
        bulk_download_allowed=bool(bulk_download_allowed),
    )
    return replace(source, policy_url=OSM_POLICY_URL if source.forbids_bulk_download and
                   _on_osm(source) else "")  # fmt: skip


def from_json(data: dict[str, object] | None) -> TileSource | None:
    """A source saved with ``to_json`` (None when it cannot be read: it is only a view)."""
    if not isinstance(data, dict):
        return None
    try:
        if data.get("mbtiles_path"):
            from assetmap.core.tiles.mbtiles import file_source

            return file_source(str(data["mbtiles_path"]))
        template = str(data.get("url_template", ""))
        if template == OPENSTREETMAP.url_template:
            return OPENSTREETMAP
        return custom_source(
            template,
            str(data.get("attribution", "")),
            name=str(data.get("name", "")),
            max_zoom=int(str(data.get("max_zoom", 19))),
            bulk_download_allowed=bool(data.get("bulk_download_allowed", False)),
        )
    except (BadInputError, ValueError, TypeError, OSError):
        return None


def _on_osm(source: TileSource) -> bool:
    host = source.host[0].lower()
    return any(host == h or host.endswith("." + h) for h in NO_BULK_HOSTS)


def _slug(source: TileSource) -> str:
    """A short stable name for the source's cache file."""
    basis = source.mbtiles_path or source.url_template
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:8]
    stem = Path(source.mbtiles_path).stem if source.mbtiles_path else source.host[0]
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:24] or "tiles"
    return f"{stem}-{digest}"
