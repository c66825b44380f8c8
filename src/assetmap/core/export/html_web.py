"""The web side of the HTML export: the vendored libraries, inlined, and the offline checks.

folium's templates link Leaflet, jQuery, Bootstrap and Font Awesome from CDNs; a map made
for a community centre with no Wi-Fi cannot. The folium classes used here are subclassed
with no CDN links, and the three libraries the map needs (web/README.md) are inlined, so a
written map is one self-contained file.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import FeatureGroupSubGroup, MarkerCluster
from folium.template import Template


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str  # path of the licence file under web/
    scripts: tuple[str, ...]
    styles: tuple[str, ...] = ()


LIBRARIES = (
    Library(
        "Leaflet", "1.9.4", "leaflet/LICENSE", ("leaflet/leaflet.js",), ("leaflet/leaflet.css",)
    ),
    Library(
        "Leaflet.markercluster",
        "1.5.3",
        "leaflet.markercluster/MIT-LICENCE.txt",
        ("leaflet.markercluster/leaflet.markercluster.js",),
        (
            "leaflet.markercluster/MarkerCluster.css",
            "leaflet.markercluster/MarkerCluster.Default.css",
        ),
    ),
    Library(
        "Leaflet.FeatureGroup.SubGroup",
        "1.0.2",
        "leaflet.featuregroup.subgroup/LICENSE",
        ("leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js",),
    ),
)

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[A-Za-z0-9._-]+\.png)\1\)")
# An address another computer serves: "//host/..." or "scheme://host/...".
_REMOTE = r"""(?:[a-z][a-z0-9+.-]*:)?//"""
# What fetches a file from CSS or from markup written by a script.
REMOTE_RESOURCE = re.compile(
    rf"""<script[^>]*\ssrc\s*=\s*["']?\s*{_REMOTE}"""
    rf"""|<link[^>]*\shref\s*=\s*["']?\s*{_REMOTE}"""
    rf"""|@import\s+(?:url\()?\s*["']?\s*{_REMOTE}"""
    rf"""|url\(\s*["']?\s*{_REMOTE}""",
    re.IGNORECASE,
)
_REMOTE_ADDRESS = re.compile(rf"\s*{_REMOTE}", re.IGNORECASE)
# Attributes that make a browser fetch what they name (a link's href waits for a click).
_FETCHING = {"src", "href", "srcset", "poster", "data", "background", "xlink:href", "manifest",
             "imagesrcset"}  # fmt: skip
_LINKS = {"a", "area"}
# A script's string literals: where its data (and every user's text) lives.
_STRINGS = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")


def _web_file(path: str) -> resources.abc.Traversable:
    return resources.files("assetmap.core.export").joinpath("web", *path.split("/"))


@cache
def _text(path: str) -> str:
    return _web_file(path).read_text(encoding="utf-8")


@cache
def inline_script(path: str) -> str:
    code = _SOURCE_MAP.sub("", _text(path))
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        raise ValueError(f"{path} cannot be inlined in a <script> element")
    return code


@cache
def inline_style(path: str) -> str:
    """A stylesheet with the images it names as data: URIs (no file or network look-ups)."""
    folder = path.rsplit("/", 1)[0]

    def data_uri(match: re.Match[str]) -> str:
        image = _web_file(f"{folder}/{match.group(2)}").read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(image).decode('ascii')})"

    css = _CSS_URL.sub(data_uri, _text(path))
    if re.search(r"</style", css, re.IGNORECASE):
        raise ValueError(f"{path} cannot be inlined in a <style> element")
    return css


def licence_comment(libraries: tuple[Library, ...] = LIBRARIES) -> str:
    """The libraries' licences travel with the code they cover (their terms ask for it)."""
    parts = ["The interactive map below includes:"]
    for lib in libraries:
        parts.append(f"\n==== {lib.name} {lib.version} ====\n{_text(lib.licence).strip()}")
    text = "\n".join(parts).replace("--", "- -")
    return f"<!--\n{text}\n-->"


def escaped(text: str, escapes: dict[str, str]) -> str:
    """``text`` with each of ``escapes``' characters replaced: str.translate looks up every
    character of a national map's 6 MB of JSON in Python; this is one C pass per character
    present."""
    for char, escape in escapes.items():
        if char in text:
            text = text.replace(char, escape)
    return text


class Raw(Element):
    """Markup placed in the page as it is. branca's Element(text) would compile the text as a
    Jinja template, running any "{{ ... }}" in a user's title or in a library's code."""

    _template = Template("{{ this.markup }}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.markup = markup


class VerbatimParts(MacroElement):
    """A MacroElement whose rendered header, html and script go into the page as they are.

    branca puts each part into an Element(text), which compiles it as a Jinja template once
    more: for a national map's area data and markers (megabytes of JSON) that lexing took
    seconds, and it would run any "{{ ... }}" in the data. Listed after the folium class in a
    subclass's bases, it takes MacroElement's place in the chain of ``render`` calls.
    """

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise RuntimeError(f"{type(self).__name__} is rendered only inside a page")
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = macros.get(part)
            if macro is not None:
                target = getattr(figure, part)
                target.add_child(Raw(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
        return ""  # the parts are in the page; nothing to put where the element stands


def add_libraries(figure: Figure, clustered: bool) -> None:
    """Put the libraries into the page's <head>, before anything that uses them (the two
    clustering plugins only when the markers are clustered)."""
    used = LIBRARIES if clustered else LIBRARIES[:1]
    figure.header.add_child(Raw(licence_comment(used)), name="am_licences")
    for lib in used:
        for path in lib.styles:
            figure.header.add_child(Raw(f"<style>{inline_style(path)}</style>"), name=path)
        for path in lib.scripts:
            figure.header.add_child(Raw(f"<script>{inline_script(path)}</script>"), name=path)


def remote_resources(html: str) -> list[str]:
    """What in ``html`` would fetch a file from another computer: a remote address in an
    attribute that loads it (links in <a> are fine), in a stylesheet or style attribute, or
    in a script's code. Only the page's code is read, never its text or its scripts' data:
    a place called "url(http://…)" is a name, not a request."""
    code = _PageCode()
    code.feed(html)
    code.close()
    return code.found


class _PageCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._element: str | None = None
        self._content: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self._css(value)
            elif name in _FETCHING and tag not in _LINKS and _is_remote(name, value):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("script", "style"):
            self._element, self._content = tag, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._element = None

    def handle_data(self, data: str) -> None:
        if self._element is not None:
            self._content.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._element:
            return
        content = "".join(self._content)
        if tag == "script" and _may_fetch(content) and content not in _library_scripts():
            content = _STRINGS.sub('""', content)  # the data goes; vendored code is read whole
        self._css(content)
        self._element = None

    def _css(self, code: str) -> None:
        if _may_fetch(code):  # a quick look first: a national map's data is 30 MB
            self.found += [m.group(0) for m in REMOTE_RESOURCE.finditer(code)]


def _may_fetch(code: str) -> bool:
    if "(" not in code and "@" not in code and "<" not in code:
        return False  # the map's data, whose JSON escapes all three: no lowered 6 MB copy
    low = code.lower()
    return any(word in low for word in ("url(", "@import", "<script", "<link"))


def _is_remote(name: str, value: str) -> bool:
    parts = value.split(",") if name.endswith("srcset") else [value]
    return any(_REMOTE_ADDRESS.match(part) for part in parts)


@cache
def _library_scripts() -> frozenset[str]:
    return frozenset(inline_script(path) for lib in LIBRARIES for path in lib.scripts)


# ---- folium classes without CDN links -----------------------------------------------------
class OfflineMap(folium.Map):
    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


class OfflineMarkerCluster(MarkerCluster):
    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


class OfflineSubGroup(FeatureGroupSubGroup):
    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []
