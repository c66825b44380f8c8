"""Finding assets that are probably the same place entered twice (issue 12).

Two lists of one area overlap (the GP list and the council's directory both hold a surgery),
and a project built from both holds the place twice. Three rules find such pairs, each cheap
enough for a national project: the same external identifier (an ODS code, a URN, a CQC id);
the same name, normalised, within a short distance; the same postcode and names alike by
token-set similarity (rapidfuzz), which forgives words one list adds ("Coppice Library" and
"Coppice Library and Wellbeing Centre"). Pairs a person has marked as not duplicates
(``am_not_duplicates``) are left out, so they are asked about once.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import shapely
from rapidfuzz import fuzz

from assetmap.core import assets, categories, gpkg, output
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.fields import human_label, is_identifier_name
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.model import EDITABLE_FIELDS, Asset
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled, no_progress
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

NOT_DUPLICATES = "am_not_duplicates"
WITHIN_M = 50.0
NAME_THRESHOLD = 90
# An identifier column counts only when it names single assets: a column whose values
# repeat (a ward code, a local authority code, an OS feature class) says where or what an
# asset is, not which one, and would pair every asset in a ward.
_DISTINCT_SHARE = 0.9
_SMALL_WORDS = {"the", "and"}
_NOT_WORD = re.compile(r"[^\w\s]|_")
T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """One reason two assets look alike, in words a person can check."""

    kind: str  # "identifier", "name", "postcode"
    words: str
    score: float


@dataclass(frozen=True)
class DuplicatePair:
    """Two live assets that may be one; ``uuid_a`` < ``uuid_b``, each pair reported once."""

    uuid_a: str
    uuid_b: str
    name_a: str
    name_b: str
    category_a: str  # the category's label, as people read it
    category_b: str
    distance_m: float | None
    rules: tuple[Rule, ...]

    @property
    def score(self) -> float:
        return max(r.score for r in self.rules)

    @property
    def rule_words(self) -> str:
        return "; ".join(r.words for r in self.rules)


def normalised_name(name: str | None) -> str:
    """'The Coppice Library & Wellbeing Centre' and 'Coppice Library and Wellbeing Centre.'
    read the same: case, punctuation and the small words lists disagree on are dropped."""
    text = _NOT_WORD.sub(" ", str(name or "").casefold().replace("&", " and "))
    return " ".join(w for w in text.split() if w not in _SMALL_WORDS)


def normalised_postcode(postcode: str | None) -> str:
    return re.sub(r"[^0-9A-Z]", "", str(postcode or "").upper())


def normalised_identifier(value: object) -> str:
    """'P91004 ', 'p91004' and 12345.0 read the same as 'P91004' and '12345'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", "", str(value)).casefold()


@dataclass
class _Assets:
    uuids: list[str]
    names: list[str]
    categories: list[str]
    postcodes: list[str]
    customs: list[dict[str, object]]
    x: np.ndarray
    y: np.ndarray


def _read(project: Project) -> _Assets:
    rows = project.conn.execute(
        f"SELECT uuid, name, category, postcode, custom, geom FROM {ASSETS_TABLE} "
        "WHERE deleted = 0 AND pin_kind = 'asset' ORDER BY fid"
    ).fetchall()
    labels = {key: c.label for key, c in categories.by_key(project).items()}
    x = np.full(len(rows), np.nan)
    y = np.full(len(rows), np.nan)
    placed = [i for i, r in enumerate(rows) if r[5] is not None]
    if placed:
        px, py = assets.decode_points([rows[i][5] for i in placed])
        x[placed], y[placed] = px, py
    return _Assets(
        uuids=[r[0] for r in rows],
        names=[r[1] or "" for r in rows],
        categories=[labels.get(r[2], r[2] or "") for r in rows],
        postcodes=[normalised_postcode(r[3]) for r in rows],
        customs=[_custom(r[4]) for r in rows],
        x=x,
        y=y,
    )


def _custom(text: str | None) -> dict[str, object]:
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}


def _identifier_pairs(data: _Assets) -> Iterator[tuple[int, int, Rule]]:
    """Compared across columns too: one list's 'ods_code' is another's
    'organisation_data_service_code'. Values shorter than 4 characters ('1', '12') are too
    common to say anything."""
    by_field: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row, custom in enumerate(data.customs):
        for name, value in custom.items():
            if value not in (None, "") and is_identifier_name(name):
                by_field[name][normalised_identifier(value)].append(row)
    by_value: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name, rows_by_value in by_field.items():
        held = sum(len(rows) for rows in rows_by_value.values())
        if len(rows_by_value) >= _DISTINCT_SHARE * held:
            for value, rows in rows_by_value.items():
                by_value[value] += [(row, name) for row in rows]
    for value, held_by in by_value.items():
        if len(value) < 4:
            continue
        for (a, field_a), (b, field_b) in _each_pair(held_by):
            shown = data.customs[a][field_a]
            fields = " / ".join(dict.fromkeys(human_label(f) for f in (field_a, field_b)))
            yield a, b, Rule("identifier", _same(fields, shown), 100.0)


def _same(fields: str, value: object) -> str:
    return translated("same {fields} {value}").format(fields=fields, value=value)


def _near_name_pairs(data: _Assets, within_m: float) -> Iterator[tuple[int, int, Rule]]:
    # Only names held more than once can match: the tree is built over those alone.
    names = [normalised_name(n) for n in data.names]
    held = Counter(names)
    shared = np.array([bool(n) and held[n] > 1 for n in names], dtype=bool)
    placed = np.flatnonzero(np.isfinite(data.x) & shared)
    if len(placed) < 2:
        return
    points = np.asarray(shapely.points(data.x[placed], data.y[placed]))
    tree = shapely.STRtree(points)
    left, right = tree.query(points, predicate="dwithin", distance=within_m)
    keep = left < right
    for i, j in zip(placed[left[keep]], placed[right[keep]], strict=True):
        if names[i] == names[j]:
            d = float(np.hypot(data.x[i] - data.x[j], data.y[i] - data.y[j]))
            yield (
                int(i),
                int(j),
                Rule("name", translated("same name {d:.0f} m apart").format(d=d), 100.0),
            )


def _postcode_pairs(data: _Assets, threshold: float) -> Iterator[tuple[int, int, Rule]]:
    by_postcode: dict[str, list[int]] = defaultdict(list)
    for row, postcode in enumerate(data.postcodes):
        if postcode:
            by_postcode[postcode].append(row)
    for rows in by_postcode.values():
        for a, b in _each_pair(rows):
            alike = fuzz.token_set_ratio(
                normalised_name(data.names[a]), normalised_name(data.names[b])
            )
            if alike >= threshold:
                words = translated(
                    "same postcode, names {alike:.0f}% alike (threshold {threshold:.0f}%)"
                ).format(alike=alike, threshold=threshold)
                yield a, b, Rule("postcode", words, float(alike))


def _each_pair(rows: list[T]) -> Iterator[tuple[T, T]]:
    for n, a in enumerate(rows):
        for b in rows[n + 1 :]:
            yield a, b


def not_duplicates(project: Project) -> set[tuple[str, str]]:
    return {
        (str(a), str(b))
        for a, b in project.conn.execute(f"SELECT uuid_a, uuid_b FROM {NOT_DUPLICATES}")
    }


def ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def find_duplicates(
    project: Project,
    *,
    within_m: float = WITHIN_M,
    name_threshold: float = NAME_THRESHOLD,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[DuplicatePair]:
    """Likely duplicate pairs among live assets, placed or not, most certain first.

    Distances are in the project's CRS units, which are metres for the projected CRSs
    assetmap makes projects in.
    """
    report = progress or no_progress
    report(0.0, translated("Reading assets"))
    data = _read(project)
    found: dict[tuple[int, int], list[Rule]] = defaultdict(list)
    steps: tuple[tuple[str, Callable[[], Iterator[tuple[int, int, Rule]]]], ...] = (
        (translatable("Comparing identifiers"), lambda: _identifier_pairs(data)),
        (translatable("Comparing names nearby"), lambda: _near_name_pairs(data, within_m)),
        (
            translatable("Comparing postcodes and names"),
            lambda: _postcode_pairs(data, name_threshold),
        ),
    )
    for n, (message, rule_pairs) in enumerate(steps):
        check_cancelled(cancelled)
        report((n + 1) / (len(steps) + 1), translated(message))
        _collect(found, rule_pairs(), data)
    check_cancelled(cancelled)
    skip = not_duplicates(project)
    pairs = [_pair(data, a, b, rules) for (a, b), rules in found.items()]
    pairs = [p for p in pairs if (p.uuid_a, p.uuid_b) not in skip]
    report(1.0, translated("{n} likely duplicates").format(n=len(pairs)))
    return sorted(pairs, key=_most_certain_first)


def _most_certain_first(pair: DuplicatePair) -> tuple[float, int, str, str]:
    return (-pair.score, -len(pair.rules), pair.name_a.casefold(), pair.name_b.casefold())


def _collect(
    found: dict[tuple[int, int], list[Rule]],
    pairs: Iterable[tuple[int, int, Rule]],
    data: _Assets,
) -> None:
    for a, b, rule in pairs:
        key = (a, b) if data.uuids[a] < data.uuids[b] else (b, a)
        if rule not in found[key]:
            found[key].append(rule)


def _pair(data: _Assets, a: int, b: int, rules: list[Rule]) -> DuplicatePair:
    d = float(np.hypot(data.x[a] - data.x[b], data.y[a] - data.y[b]))
    return DuplicatePair(
        uuid_a=data.uuids[a],
        uuid_b=data.uuids[b],
        name_a=data.names[a],
        name_b=data.names[b],
        category_a=data.categories[a],
        category_b=data.categories[b],
        distance_m=d if np.isfinite(d) else None,
        rules=tuple(rules),
    )


# ---- writing (inside a project transaction; only commands call these) -----------------
def remember_not_duplicate(project: Project, a: str, b: str, *, by: str | None) -> None:
    project.conn.execute(
        f"INSERT OR REPLACE INTO {NOT_DUPLICATES} VALUES (?, ?, ?, ?)",
        (*ordered(a, b), by, gpkg.utc_now()),
    )


def forget_not_duplicate(project: Project, a: str, b: str) -> None:
    project.conn.execute(
        f"DELETE FROM {NOT_DUPLICATES} WHERE uuid_a = ? AND uuid_b = ?", ordered(a, b)
    )


# ---- merging two assets' fields ---------------------------------------------------
# Fields a merge fills from the other asset; review and provenance stay the kept asset's.
MERGED_FIELDS = tuple(f for f in EDITABLE_FIELDS if f not in ("custom", "review"))


def is_empty(value: object) -> bool:
    return value is None or value is False or (isinstance(value, str | tuple) and not value)


def differing_fields(keep: Asset, other: Asset) -> list[str]:
    """Fields both assets fill, differently: where a merge needs the user's choice. Extra
    fields are named by their own names."""
    differing = [f for f in MERGED_FIELDS if _both_differ(getattr(keep, f), getattr(other, f))]
    return differing + [
        k
        for k, v in other.custom.items()
        if k not in MERGED_FIELDS and _both_differ(keep.custom.get(k), v)
    ]


def _both_differ(mine: object, theirs: object) -> bool:
    return not is_empty(mine) and not is_empty(theirs) and mine != theirs


def merged_values(keep: Asset, other: Asset, choices: dict[str, object]) -> dict[str, object]:
    """The kept asset's edits: the other's value where it has none, the user's choice
    ("keep", "other" or a value) where both differ (the kept one's when not chosen)."""
    values: dict[str, object] = {}
    for name in MERGED_FIELDS:
        value = _merged(getattr(keep, name), getattr(other, name), choices.get(name, "keep"))
        if value != getattr(keep, name):
            values[name] = value
    custom = dict(keep.custom)
    for key, theirs in other.custom.items():
        custom[key] = _merged(custom.get(key), theirs, choices.get(key, "keep"))
    if custom != keep.custom:
        values["custom"] = custom
    return values


def _merged(mine: object, theirs: object, choice: object) -> object:
    if is_empty(theirs) or mine == theirs:
        return mine
    if is_empty(mine) or choice == "other":
        return theirs
    return mine if choice == "keep" else choice


# ---- the list as a spreadsheet ----------------------------------------------------
CSV_COLUMNS = (
    "score", "name_a", "category_a", "uuid_a", "name_b", "category_b", "uuid_b",
    "distance_m", "rules",
)  # fmt: skip


def write_csv(pairs: list[DuplicatePair], path: str | Path) -> Path:
    """One row a pair; cells a spreadsheet would run as formulas are neutralised (an
    asset's name comes from someone else's file)."""
    target = Path(path)
    with output.replacing(target) as tmp, tmp.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_COLUMNS)
        for p in pairs:
            distance = "" if p.distance_m is None else f"{p.distance_m:.0f}"
            row = (f"{p.score:.0f}", p.name_a, p.category_a, p.uuid_a, p.name_b)
            rest = (p.category_b, p.uuid_b, distance, p.rule_words)
            writer.writerow([neutralise(v) for v in (*row, *rest)])
    return target
