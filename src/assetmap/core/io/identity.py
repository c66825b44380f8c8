"""Stable identity on import: which rows of a file are assets an earlier import of it made.

Importing a file again (or an updated copy, under the same name or naming the file it
replaces) must update the assets it made, not duplicate them. A row is matched, among the
live and deleted assets imported from a file of that name, by an identifier column the
user names (a URN, an ODS code), or else by a key made of the asset's name and its
postcode (or, without a postcode column, its position to the metre). Each imported asset
keeps its key in origin_key, so a later edit of its name here does not break the match;
assets imported before keys were kept are keyed from their stored values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely

from assetmap.core import assets
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.postcodes import normalise_postcode
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

NAME_POSTCODE = ("name", "postcode")
NAME_POSITION = ("name", "position")
KEY_PARTS = ("name", "postcode", "position", "address")
_PART_WORDS = {
    "name": translatable("name"),
    "postcode": translatable("postcode"),
    "position": translatable("position"),
    "address": translatable("address"),
}


@dataclass(frozen=True)
class ImportKey:
    """What matches a row to the asset made from it: an identifier column, or asset fields."""

    parts: tuple[str, ...] = NAME_POSTCODE
    id_column: str | None = None

    @property
    def tag(self) -> str:
        """Stored before the key's value, so keys made another way never match by accident."""
        return f"id={self.id_column}" if self.id_column else "+".join(self.parts)

    def describe(self) -> str:
        if self.id_column:
            return translated("the identifier column '{column}'").format(column=self.id_column)
        return " + ".join(translated(_PART_WORDS[p]) for p in self.parts)


def default_key(mapping: dict[str, str]) -> ImportKey:
    """Name and postcode when the file has postcodes; else name and position."""
    return ImportKey(NAME_POSTCODE if "postcode" in mapping else NAME_POSITION)


def chosen_key(
    columns: list[str],
    mapping: dict[str, str],
    id_field: str | None,
    match_key: Sequence[str] | None,
    file: Path,
) -> ImportKey:
    """The key the user asked for (an identifier column, or asset fields), else the default;
    an identifier column the file lacks is named with the columns it has."""
    if id_field:
        if id_field not in columns:
            raise BadInputError(
                translated("has no field '{field}' (fields: {fields})").format(
                    field=id_field, fields=", ".join(map(str, columns))
                ),
                file=file,
                field="--id-field",
            )
        return ImportKey(id_column=id_field)
    if match_key:
        return ImportKey(tuple(match_key))
    return default_key(mapping)


def parse_key(text: str) -> ImportKey:
    """'name+postcode' (the CLI's --match-key) as a key; each part one of KEY_PARTS."""
    parts = tuple(p.strip().lower() for p in text.replace(",", "+").split("+") if p.strip())
    unknown = [p for p in parts if p not in KEY_PARTS]
    if not parts or unknown:
        raise ValueError(
            translated("'{text}' is not a key: join {parts} with '+', e.g. name+postcode").format(
                text=text, parts=", ".join(KEY_PARTS)
            )
        )
    return ImportKey(parts)


# ---- making keys ---------------------------------------------------------------------------
def _name(values: pd.Series) -> list[str]:
    # split() and re's \s agree on what whitespace is; split/join is the faster of the two.
    return [" ".join(str(v).split()).casefold() if v else "" for v in values]


def _postcode(values: pd.Series) -> list[str]:
    """A postcode with its spaces removed, in capitals: 'ec4n 1se' and 'EC4N1SE' match."""
    texts = values.tolist()
    plain = [str(v or "").replace(" ", "").upper() for v in texts]
    # Only text with other spacing (tabs, no-break spaces) can normalise to something else.
    return [
        p if p.isalnum() or not isinstance(v, str) else _spaced_postcode(v, p)
        for p, v in zip(plain, texts, strict=True)
    ]


def _spaced_postcode(value: str, plain: str) -> str:
    normal = normalise_postcode(value)
    return normal.replace(" ", "") if normal is not None else plain


def _position(points: np.ndarray) -> list[str]:
    """The point to the metre; '-' when unplaced."""
    points = np.asarray(points, dtype=object)
    placed = np.array([p is not None for p in points], dtype=bool)
    placed[placed] = ~shapely.is_empty(points[placed])
    x = np.zeros(len(points))
    y = np.zeros(len(points))
    x[placed] = shapely.get_x(points[placed])
    y[placed] = shapely.get_y(points[placed])
    # np.round halves to even as round() does; int64 keeps the text free of ".0"
    xs = np.round(x).astype(np.int64).tolist()
    ys = np.round(y).astype(np.int64).tolist()
    return [f"{a},{b}" if ok else "-" for a, b, ok in zip(xs, ys, placed.tolist(), strict=True)]


def row_keys(
    key: ImportKey, rows: pd.DataFrame, points: np.ndarray, id_values: pd.Series | None
) -> list[str]:
    """Each prepared row's key text (tag, then value): empty identifiers give ''."""
    if key.id_column:
        assert id_values is not None
        values = [str(v).strip() if v is not None and not _blank(v) else "" for v in id_values]
        tag = f"{key.tag}:"
        return [tag + v if v else "" for v in values]
    pieces = [_part(part, rows, points) for part in key.parts]
    tag = f"{key.tag}:"
    return [tag + "|".join(p) for p in zip(*pieces, strict=True)]


def _part(part: str, rows: pd.DataFrame, points: np.ndarray) -> list[str]:
    if part == "position":
        return _position(points)
    if part == "postcode":
        return _postcode(rows["postcode"])
    return _name(rows[part])


def _blank(value: Any) -> bool:
    return (not isinstance(value, str) and bool(pd.isna(value))) or str(value).strip() == ""


# ---- matching ------------------------------------------------------------------------------
@dataclass
class Missing:
    """An asset an earlier import of the file made whose row is no longer in it: kept."""

    uuid: str
    name: str
    row: int | None


@dataclass
class Matching:
    key: ImportKey
    existing: np.ndarray  # per prepared row: the uuid it matched, or None (a new asset)
    deleted: np.ndarray  # per prepared row: it matched an asset deleted here (left out)
    missing: list[Missing] = field(default_factory=list)
    repeated: int = 0  # rows whose key another row of the file has too
    earlier: int = 0  # assets an earlier import of this file made

    @property
    def any_earlier(self) -> bool:
        return self.earlier > 0


def earlier_assets(project: Project, file_name: str | Sequence[str]) -> pd.DataFrame:
    """Every asset imported from a file of this name (or of these names), deleted ones too,
    oldest first."""
    names = [file_name] if isinstance(file_name, str) else list(dict.fromkeys(file_name))
    frame = assets.frame(
        project,
        include_deleted=True,
        where=f"origin_kind = 'import' AND origin_ref IN ({', '.join('?' * len(names))})",
        params=tuple(names),
    )
    return frame


def imported_files(project: Project) -> list[str]:
    """The names of the files assets were imported from, most recent import first."""
    rows = project.conn.execute(
        f"SELECT origin_ref FROM {ASSETS_TABLE} WHERE origin_kind = 'import' "
        "AND origin_ref IS NOT NULL GROUP BY origin_ref ORDER BY max(fid) DESC"
    ).fetchall()
    return [r[0] for r in rows]


def earlier_file(project: Project, replaces: str | None, file_name: str) -> str:
    """The file name whose earlier assets an import matches: its own, or the one it
    replaces, which must be a file the project has imported assets from (else a typo)."""
    if not replaces or replaces == file_name:
        return file_name
    known = imported_files(project)
    if replaces not in known:
        listed = ", ".join(known) if known else translated("none yet")
        raise BadInputError(
            translated(
                "no assets were imported from a file named '{file}' (files assets were imported "
                "from: {files})"
            ).format(file=replaces, files=listed),
            field="replaces",
        )
    return replaces


def stored_keys(key: ImportKey, earlier: pd.DataFrame) -> list[str]:
    """The key of each earlier asset: as kept at its import, else made from what is stored."""
    kept = earlier["origin_key"].tolist()
    made = (
        _stored_id_keys(key, earlier)
        if key.id_column
        else row_keys(key, earlier, earlier.geometry.to_numpy(), None)
    )
    return [
        k if isinstance(k, str) and k.startswith(f"{key.tag}:") else m
        for k, m in zip(kept, made, strict=True)
    ]


def _stored_id_keys(key: ImportKey, earlier: pd.DataFrame) -> list[str]:
    out = []
    for text in earlier["custom"].tolist():
        custom = json.loads(text) if isinstance(text, str) and text else {}
        value = custom.get(key.id_column) if isinstance(custom, dict) else None
        out.append(f"{key.tag}:{str(value).strip()}" if value not in (None, "") else "")
    return out


def match(key: ImportKey, keys: list[str], earlier: pd.DataFrame) -> Matching:
    """Pair each row's key with an earlier asset's; rows with a repeated key pair in order."""
    pool: dict[str, list[int]] = {}
    for i, k in enumerate(stored_keys(key, earlier)):
        if k:
            pool.setdefault(k, []).append(i)
    seen = Counter(k for k in keys if k)
    existing = np.full(len(keys), None, dtype=object)
    deleted = np.zeros(len(keys), dtype=bool)
    uuids = earlier["uuid"].tolist()
    gone = [bool(d) for d in earlier["deleted"].tolist()]
    used: set[int] = set()
    if pool:  # a first import has nothing to pair: skip the walk over its rows
        for row, k in enumerate(keys):
            candidates = pool.get(k) if k else None
            if not candidates:
                continue
            i = candidates.pop(0)
            used.add(i)
            existing[row] = uuids[i]
            deleted[row] = gone[i]
    columns = zip(
        uuids, earlier["name"].tolist(), earlier["origin_row"].tolist(), gone, strict=True
    )
    missing = [
        Missing(str(uuid), str(name), _row_number(row))
        for i, (uuid, name, row, gone_here) in enumerate(columns)
        if i not in used and not gone_here
    ]
    repeated = sum(n for n in seen.values() if n > 1)
    live = int((earlier["deleted"] == 0).sum())
    return Matching(key, existing, deleted, missing, repeated, live)


# ---- what changed ------------------------------------------------------------------------
def changes(
    prepared_row: dict[str, Any], stored: dict[str, Any], owned: tuple[str, ...]
) -> dict[str, Any]:
    """The stored values a matched row changes. A blank cell never erases a value kept here
    (someone may have filled it in since); extra fields are merged, the file's winning."""
    out: dict[str, Any] = {}
    for column in owned:
        new = _plain(prepared_row.get(column))
        old = _plain(stored.get(column))
        if column == "custom":
            merged = _merged_custom(old, new)
            if merged is not None:
                out[column] = merged
        elif new is not None and new != old:
            out[column] = new
    return out


def _merged_custom(old: Any, new: Any) -> str | None:
    before = json.loads(old) if isinstance(old, str) and old else {}
    extra = json.loads(new) if isinstance(new, str) and new else {}
    merged = {**before, **extra}
    if merged == before:
        return None
    return json.dumps(merged, ensure_ascii=False, sort_keys=True)


def moved(new: Any, old: Any) -> bool:
    """A placed row whose point is more than a centimetre from the stored one."""
    if new is None or getattr(new, "is_empty", True):
        return False
    if old is None or getattr(old, "is_empty", True):
        return True
    return bool(abs(new.x - old.x) > 0.01 or abs(new.y - old.y) > 0.01)


def _plain(value: Any) -> Any:
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _row_number(value: Any) -> int | None:
    return None if value is None or _blank(value) else int(value)


def _is_matched(existing: np.ndarray) -> np.ndarray:
    return np.asarray(pd.notna(existing), dtype=bool)


@dataclass
class Plan:
    """What importing the rows again does: per row, add, update (with the values to write),
    leave unchanged, or leave out (deleted here); and the earlier assets no longer in it."""

    matching: Matching
    updates: dict[int, dict[str, Any]]  # row -> stored values it changes
    moves: set[int]  # rows whose point moved

    @property
    def added(self) -> np.ndarray:
        return np.flatnonzero(~_is_matched(self.matching.existing))

    @property
    def changed(self) -> list[int]:
        return sorted(set(self.updates) | self.moves)

    @property
    def unchanged(self) -> list[int]:
        matched = np.flatnonzero(_is_matched(self.matching.existing) & ~self.matching.deleted)
        changed = set(self.changed)
        return [int(i) for i in matched if int(i) not in changed]

    @property
    def left_out(self) -> list[int]:
        return [int(i) for i in np.flatnonzero(self.matching.deleted)]


def plan(
    project: Project,
    key: ImportKey,
    rows: pd.DataFrame,
    points: np.ndarray,
    file_name: str | Sequence[str],
    owned: tuple[str, ...],
) -> Plan:
    earlier = earlier_assets(project, file_name)
    matching = match(key, rows["origin_key"].tolist(), earlier)
    by_uuid = {u: i for i, u in enumerate(earlier["uuid"].tolist())}
    updates: dict[int, dict[str, Any]] = {}
    moves: set[int] = set()
    geometry = earlier.geometry.to_numpy()
    matched = np.flatnonzero(_is_matched(matching.existing) & ~matching.deleted)
    if not len(matched):
        return Plan(matching, updates, moves)
    # Only the owned columns are compared: take them as lists once, not a Series per row.
    stored_columns = {c: earlier[c].tolist() for c in owned if c in earlier.columns}
    new_columns = {c: rows[c].tolist() for c in owned if c in rows.columns}
    for row in matched:
        i = by_uuid[matching.existing[row]]
        stored = {c: values[i] for c, values in stored_columns.items()}
        new = {c: values[row] for c, values in new_columns.items()}
        changed = changes(new, stored, owned)
        if changed:
            updates[int(row)] = changed
        if moved(points[row], geometry[i]):
            moves.add(int(row))
    return Plan(matching, updates, moves)


__all__ = [
    "ImportKey",
    "Matching",
    "Missing",
    "Plan",
    "changes",
    "default_key",
    "earlier_assets",
    "chosen_key",
    "earlier_file",
    "imported_files",
    "match",
    "moved",
    "parse_key",
    "plan",
    "row_keys",
]
