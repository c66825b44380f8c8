"""The files the phone page is made of, read once and served from memory.

Only these names are served: a path from a request never reaches the file system.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
PAGE_DIR = _HERE / "web"
LEAFLET_DIR = _HERE.parent / "export" / "web" / "leaflet"

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


def _sources() -> dict[str, Path]:
    files = {
        "app.js": PAGE_DIR / "app.js",
        "app.css": PAGE_DIR / "app.css",
        "leaflet.js": LEAFLET_DIR / "leaflet.js",
        "leaflet.css": LEAFLET_DIR / "leaflet.css",
    }
    # leaflet.css names its images relative to itself: static/images/<name>.
    for image in sorted((LEAFLET_DIR / "images").glob("*.png")):
        files[f"images/{image.name}"] = image
    return files


def load_static() -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, content type) for every file under static/."""
    return {name: (path.read_bytes(), _TYPES[path.suffix]) for name, path in _sources().items()}


def load_page() -> bytes:
    return (PAGE_DIR / "index.html").read_bytes()
