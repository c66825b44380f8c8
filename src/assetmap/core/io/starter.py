"""The England and Wales starter pack shipped inside the package (data/starter/starter.sqlite).

It lets a project for any local authority be made with no network and no file to find: the
LSOA 2011 boundaries, their population and IMD 2019 (England), and the postcodes around them.
packaging/starter/build_starter.py builds it and documents its tables.
"""

from __future__ import annotations

import difflib
import io
import re
import sqlite3
import zlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated

PACK_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "starter" / "starter.sqlite"
_SUGGESTIONS = 6


@dataclass(frozen=True)
class Place:
    """A local authority of the pack: England's 2019 districts and Wales's 22 principal areas."""

    code: str
    name: str
    country: str
    lsoas: int

    @property
    def has_imd(self) -> bool:
        """The English Indices of Deprivation cover England only."""
        return self.country == "England"

    def matches(self, text: str) -> bool:
        """Whether a search box's text is part of this place's name or code."""
        wanted = _normalised(text)
        return wanted in self.code.casefold() or any(wanted in k for k in _name_keys(self.name))

    @property
    def label(self) -> str:
        return translated("{name} ({code}, {country}, {n} neighbourhoods)").format(
            name=self.name, code=self.code, country=translated(self.country), n=self.lsoas
        )


# The pack's country names, as a place's label shows them.
_COUNTRIES = (translatable("England"), translatable("Wales"))


class UnknownPlaceError(BadInputError):
    """No place of that name or code; ``suggestions`` are the closest ones, best first."""

    def __init__(self, message: str, suggestions: list[Place]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class StarterPack:
    """The pack, opened read-only; each method reads only what it needs."""

    def __init__(self, path: Path = PACK_PATH) -> None:
        if not path.is_file():
            raise BadInputError(
                translated("the starter pack is missing from this installation"),
                file=path,
                hint=translated(
                    "reinstall assetmap, or build it with packaging/starter/build_starter.py"
                ),
            )
        self.path = path
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StarterPack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def meta(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self.conn.execute("SELECT key, value FROM meta")}

    @cached_property
    def places(self) -> list[Place]:
        rows = self.conn.execute("SELECT code, name, country, lsoas FROM places ORDER BY name")
        return [Place(str(c), str(n), str(k), int(count)) for c, n, k, count in rows]

    def find(self, query: str) -> Place:
        """The place named or coded ``query`` ("Leicester", "leicester", "E06000016",
        "Bristol" for "Bristol, City of"); otherwise an error listing the closest places."""
        wanted = _normalised(query)
        if not wanted:
            raise UnknownPlaceError(translated("no place given"), self.places[:_SUGGESTIONS])
        for place in self.places:
            if wanted == place.code.casefold() or wanted in _name_keys(place.name):
                return place
        raise self._unknown(query, wanted)

    def _unknown(self, query: str, wanted: str) -> UnknownPlaceError:
        suggestions = self.suggestions(wanted)
        former = self._former_names().get(wanted)
        if former is not None:
            text = translated(
                "'{query}' is not a local authority since 2019: it is part of {name} ({code})"
            ).format(query=query.strip(), name=former.name, code=former.code)
            suggestions = [former, *(s for s in suggestions if s != former)]
        else:
            text = translated("no local authority in England or Wales is called '{query}'").format(
                query=query.strip()
            )
        listed = "; ".join(s.label for s in suggestions) or translated("none")
        message = translated("{problem}. Closest: {places}").format(problem=text, places=listed)
        return UnknownPlaceError(message, suggestions[:_SUGGESTIONS])

    def suggestions(self, wanted: str) -> list[Place]:
        """Places whose name contains the words asked for, then names that look alike."""
        by_key = {key: p for p in self.places for key in _name_keys(p.name)}
        found = [p for key, p in by_key.items() if wanted in key]
        for key in difflib.get_close_matches(wanted, list(by_key), n=_SUGGESTIONS, cutoff=0.6):
            found.append(by_key[key])
        return list(dict.fromkeys(found))[:_SUGGESTIONS]

    def _former_names(self) -> dict[str, Place]:
        """Pre-2019 district names still in the LSOA names ("Poole 001A"), by their place."""
        by_code = {p.code: p for p in self.places}
        out: dict[str, Place] = {}
        for name, code in self.conn.execute("SELECT DISTINCT name, place FROM lsoas"):
            district = _normalised(str(name).rsplit(" ", 1)[0])
            out.setdefault(district, by_code[str(code)])
        return out

    def lsoas(self, place: Place) -> gpd.GeoDataFrame:
        """The place's LSOAs with their figures, in EPSG:27700 (IMD columns empty in Wales)."""
        frame = pd.read_sql_query(
            "SELECT code, name, population, imd_rank, imd_decile, geom FROM lsoas "
            "WHERE place = ? ORDER BY code",
            self.conn,
            params=(place.code,),
        )
        blobs = [zlib.decompress(b) for b in frame.pop("geom")]
        geometry = shapely.from_wkb(np.array(blobs, dtype=object))
        return gpd.GeoDataFrame(frame, geometry=geometry, crs=self.meta["crs"])

    def postcodes_within(self, bounds: tuple[float, float, float, float]) -> pd.DataFrame:
        """postcode, x, y of every postcode inside ``bounds`` (EPSG:27700 metres)."""
        cell = int(self.meta["postcode_cell_m"])
        min_x, min_y, max_x, max_y = bounds
        rows = self.conn.execute(
            "SELECT data FROM postcode_cells WHERE cell_e BETWEEN ? AND ? "
            "AND cell_n BETWEEN ? AND ? ORDER BY cell_e, cell_n",
            (int(min_x // cell), int(max_x // cell), int(min_y // cell), int(max_y // cell)),
        )
        text = b"".join(zlib.decompress(data) for (data,) in rows)
        if not text:
            return pd.DataFrame({"postcode": [], "x": [], "y": []})
        frame = pd.read_csv(
            io.BytesIO(text), header=None, names=["postcode", "x", "y"], dtype={"postcode": str}
        )
        inside = frame["x"].between(min_x, max_x) & frame["y"].between(min_y, max_y)
        return frame[inside].astype({"x": float, "y": float}).reset_index(drop=True)


def _normalised(text: str) -> str:
    """One spelling for comparing names: case, '&', dots, commas, hyphens and spaces."""
    text = text.casefold().replace("&", " and ").replace(".", " ").replace(",", " ")
    text = re.sub(r"[\s\-'’]+", " ", text).strip()
    return text.removeprefix("the ")


def _name_keys(name: str) -> set[str]:
    """'Bristol, City of' is also 'Bristol' and 'City of Bristol'."""
    keys = {_normalised(name)}
    base, sep, kind = name.rpartition(", ")
    if sep and kind.casefold() in ("city of", "county of"):
        keys |= {_normalised(base), _normalised(f"{kind} {base}")}
    return keys
