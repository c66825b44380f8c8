"""The OpenStreetMap tag -> category mapping: which features become assets, in which category.

Kept as a plain CSV (tag, value, category, label) so a user can read, edit and share it, and
so the shipped default is the same mapping the Rutland demo was built with. The category is
a name as a person would write it ("Libraries"): it goes through the same matching to the
project's categories as a spreadsheet's category column (case, plurals, other names).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated

DEFAULT_RULES_FILE = Path(__file__).with_name("osm_tag_categories.csv")
COLUMNS = ("tag", "value", "category", "label")


@dataclass(frozen=True)
class TagRule:
    """A feature tagged ``tag=value`` is an asset of ``category``; an unnamed one is called
    ``label`` (with the nearest place's name when the project has a basemap)."""

    tag: str
    value: str
    category: str
    label: str = ""

    @property
    def shown_label(self) -> str:
        return self.label or self.value.replace("_", " ").capitalize()


def read_rules(path: str | Path) -> list[TagRule]:
    """The mapping in a CSV file; a row missing its tag, value or category is named."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS[:3] if c not in (reader.fieldnames or [])]
            if missing:
                raise BadInputError(
                    translated(
                        "has no column '{column}' (a tag mapping has columns {columns})"
                    ).format(column=missing[0], columns=", ".join(COLUMNS)),
                    file=path,
                )
            return [_rule(row, number, path) for number, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise BadInputError(
            translated("cannot be read ({error})").format(error=exc.strerror), file=path
        ) from exc
    except UnicodeDecodeError as exc:
        raise BadInputError(translated("is not UTF-8 text"), file=path) from exc


def _rule(row: Mapping[str, str | None], number: int, path: Path) -> TagRule:
    values = {c: (row.get(c) or "").strip() for c in COLUMNS}
    for column in COLUMNS[:3]:
        if not values[column]:
            raise BadInputError(
                translated("has no {column}").format(column=column),
                file=path,
                row=number,
                field=column,
            )
    return TagRule(values["tag"], values["value"], values["category"], values["label"])


def default_rules() -> list[TagRule]:
    return read_rules(DEFAULT_RULES_FILE)


def write_rules(path: str | Path, rules: Iterable[TagRule]) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for rule in rules:
            writer.writerow([rule.tag, rule.value, rule.category, rule.label])


def first_match(rules: list[TagRule], tags: Mapping[str, str]) -> TagRule | None:
    """The first rule the tags meet: the mapping lists the more specific rules first (a food
    bank is also an amenity=social_facility)."""
    for rule in rules:
        if tags.get(rule.tag) == rule.value:
            return rule
    return None


def tag_keys(rules: Iterable[TagRule]) -> list[str]:
    return list(dict.fromkeys(rule.tag for rule in rules))


__all__ = [
    "DEFAULT_RULES_FILE",
    "TagRule",
    "default_rules",
    "first_match",
    "read_rules",
    "tag_keys",
    "write_rules",
]
