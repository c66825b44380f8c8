"""What a participant's phone sends, checked before anything is written.

A phone is not trusted: every field is bounded, text is cleaned of control characters and
refused when it holds markup (it is shown on the projector, in the panel and in exports),
the category must be one the workshop offers (never a personal-data one), and the pin must
fall inside the project's extent plus a margin. Messages are plain words a phone can show.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pyproj import CRS, Transformer

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.model import PIN_KINDS

Extent = tuple[float, float, float, float]  # min x, min y, max x, max y (project CRS)

NAME_MAX = 120
NOTE_MAX = 1000
CONTRIBUTOR_MAX = 60
# Markup the page, the panel or an export could ever mistake for HTML or a script link.
_MARKUP = re.compile(r"<\s*[a-z!/?]|javascript\s*:|vbscript\s*:|data\s*:\s*text/html", re.I)


@dataclass(frozen=True)
class Submission:
    kind: str  # "asset" or "need"
    category: str
    name: str
    note: str
    contributor: str | None
    x: float  # project CRS
    y: float


class SubmissionError(BadInputError):
    """A submission that cannot be used; ``message`` is what the phone shows."""

    field: str

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message, field=field)


def parse_submission(
    payload: object,
    *,
    categories: Collection[str],
    extent: Extent,
    crs: str,
    margin_m: float = 2000.0,
    personal: Collection[str] = (),
) -> Submission:
    """The checked submission from a phone's decoded JSON.

    ``categories`` are the keys a participant may choose; ``personal`` (optional) names
    personal-data categories, refused with their own message rather than "unknown".
    Position: ``{"x", "y"}`` in the project CRS or ``{"lat", "lon"}`` (WGS84), either
    under ``"position"`` or at the top level.
    """
    if not isinstance(payload, Mapping):
        raise SubmissionError(
            translated("The form was not sent properly. Please try again."), field="body"
        )
    kind = payload.get("kind", "asset")
    if kind not in PIN_KINDS:
        raise SubmissionError(
            translated("Choose whether this is here or missing here."), field="kind"
        )
    category = _category(payload.get("category"), categories, personal)
    name = _text(payload.get("name"), "name", NAME_MAX, required=True)
    note = _text(payload.get("note"), "note", NOTE_MAX, multiline=True)
    contributor = _text(payload.get("contributor"), "contributor", CONTRIBUTOR_MAX) or None
    x, y = _position(payload, crs)
    _check_inside(x, y, extent, margin_m)
    return Submission(str(kind), category, name, note, contributor, x, y)


def _category(value: Any, categories: Collection[str], personal: Collection[str]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SubmissionError(translated("Choose a category."), field="category")
    key = value.strip()
    if key in personal:
        raise SubmissionError(
            translated("That category holds personal details and cannot be added here."),
            field="category",
        )
    if key not in categories:
        raise SubmissionError(
            translated("That category is not one of this map's."), field="category"
        )
    return key


# One sentence per field and fault: Welsh words its subject differently from one to the next.
_MUST_BE_TEXT = {
    "name": translatable("The name must be text."),
    "note": translatable("The note must be text."),
    "contributor": translatable("Your name must be text."),
}
_NEEDED = {
    "name": translatable("The name is needed."),
    "note": translatable("The note is needed."),
    "contributor": translatable("Your name is needed."),
}
_TOO_LONG = {
    "name": translatable("The name is too long: at most {limit} characters, please."),
    "note": translatable("The note is too long: at most {limit} characters, please."),
    "contributor": translatable("Your name is too long: at most {limit} characters, please."),
}
_MARKUP_REFUSED = {
    "name": translatable(
        "The name cannot contain web code such as <tags>. Please use plain words."
    ),
    "note": translatable(
        "The note cannot contain web code such as <tags>. Please use plain words."
    ),
    "contributor": translatable(
        "Your name cannot contain web code such as <tags>. Please use plain words."
    ),
}


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Stripped, without control or format characters (new lines kept in a note)."""
    kept = []
    for ch in value:
        if ch in "\n\t" and multiline:
            kept.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(" " if ch in "\n\r\t" else "")
        else:
            kept.append(ch)
    return "".join(kept).replace("\r", "").strip()


def _text(
    value: Any, field: str, limit: int, *, required: bool = False, multiline: bool = False
) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise SubmissionError(translated(_MUST_BE_TEXT[field]), field=field)
    text = clean_text(value, multiline=multiline)
    if required and not text:
        raise SubmissionError(translated(_NEEDED[field]), field=field)
    if len(text) > limit:
        raise SubmissionError(translated(_TOO_LONG[field]).format(limit=limit), field=field)
    if _MARKUP.search(text):
        raise SubmissionError(
            translated(_MARKUP_REFUSED[field]),
            field=field,
        )
    return text


def locate(
    query: Mapping[str, Any], *, extent: Extent, crs: str, margin_m: float = 2000.0
) -> tuple[float, float]:
    """A phone's own location (``lat``, ``lon`` as sent) in the project CRS, inside the map:
    the page shows the pin there, on the map, before anything is sent."""
    where = {k: _number_text(query.get(k)) for k in ("lat", "lon")}
    x, y = _position(where, crs)
    _check_inside(x, y, extent, margin_m)
    return x, y


def _number_text(value: Any) -> Any:
    """A number sent in a query string arrives as text."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return value


def _position(payload: Mapping[str, Any], crs: str) -> tuple[float, float]:
    where = payload.get("position", payload)
    if not isinstance(where, Mapping):
        where = {}
    if "lat" in where or "lon" in where:
        lat, lon = _number(where.get("lat")), _number(where.get("lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise SubmissionError(translated("Your location could not be read."), field="position")
        x, y = _from_wgs84(crs).transform(lon, lat)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise SubmissionError(translated("Your location could not be read."), field="position")
        return float(x), float(y)
    x, y = _number(where.get("x")), _number(where.get("y"))
    if x is None or y is None:
        raise SubmissionError(translated("Tap the map to say where."), field="position")
    return x, y


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


@lru_cache(maxsize=8)
def _from_wgs84(crs: str) -> Transformer:
    return Transformer.from_crs(CRS.from_epsg(4326), CRS.from_user_input(crs), always_xy=True)


def _check_inside(x: float, y: float, extent: Extent, margin_m: float) -> None:
    min_x, min_y, max_x, max_y = extent
    inside = min_x - margin_m <= x <= max_x + margin_m and min_y - margin_m <= y <= max_y + margin_m
    if not inside:
        raise SubmissionError(
            translated(
                "That place is outside the area this map covers. Move the pin onto the map."
            ),
            field="position",
        )
