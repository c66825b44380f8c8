"""A place typed as text: a postcode from the project's index, or coordinates.

Someone who cannot point at the map types where an asset is instead. Coordinates are read
as latitude and longitude when both fit (that is what phones and web maps show), otherwise
as the project's own easting and northing (what council GIS exports use). Either way the
answer is in the project's coordinate system.
"""

from __future__ import annotations

import re

from pyproj import Transformer

from assetmap.core import postcode_store
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.postcodes import normalise_postcode
from assetmap.core.project import Project

FIELD = "location"
_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_PAIR_RE = re.compile(rf"^\s*({_NUMBER})\s*[,;\s]\s*({_NUMBER})\s*$")
HINT = translatable(
    "a postcode such as M32 0TA, latitude and longitude such as 53.45, -2.31, "
    "or easting and northing such as 379500, 394200"
)


def locate(project: Project, text: str) -> tuple[float, float]:
    """Where ``text`` is, in the project's coordinates; a clear message when it is not
    a place the project can find."""
    pair = _PAIR_RE.match(text)
    if pair is not None:
        return _from_numbers(project, float(pair.group(1)), float(pair.group(2)))
    postcode = normalise_postcode(text)
    if postcode is None:
        raise BadInputError(
            translated("“{text}” is not a postcode or coordinates").format(text=text.strip()),
            field=FIELD,
            hint=translated(HINT),
        )
    return _from_postcode(project, postcode)


def _from_postcode(project: Project, postcode: str) -> tuple[float, float]:
    index = postcode_store.load(project)
    if index is None:
        raise BadInputError(
            translated("this project has no postcode index"),
            field=FIELD,
            hint=translated("type coordinates, or import postcodes first"),
        )
    if postcode not in index.frame.index:
        raise BadInputError(
            translated("{postcode} is not in this project's postcode index").format(
                postcode=postcode
            ),
            field=FIELD,
        )
    x, y = index.frame.loc[postcode, ["x", "y"]].to_numpy(dtype=float)
    return float(x), float(y)


def _from_numbers(project: Project, first: float, second: float) -> tuple[float, float]:
    if abs(first) <= 90 and abs(second) <= 180:
        to_project = Transformer.from_crs("EPSG:4326", project.crs, always_xy=True)
        x, y = to_project.transform(second, first)
        return float(x), float(y)
    return first, second
