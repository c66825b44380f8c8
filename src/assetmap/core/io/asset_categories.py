"""Which category each imported value goes to: the dialog's choices, a match by name, plural
or synonym, a category this import already made, else a new one or Uncategorised. Kept apart
from the rest of the import because the dialog's Category step asks exactly this question."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from assetmap.core import categories
from assetmap.core.category_match import same_name
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import joined, translatable, translated
from assetmap.core.io.report import CategoryUse, ImportReport
from assetmap.core.io.values import text_objects
from assetmap.core.project import Project
from assetmap.core.taxonomy import UNCATEGORISED, Category

if TYPE_CHECKING:
    from assetmap.core.io.asset_import import AssetImportOptions

__all__ = [
    "NEW_CATEGORY",
    "UNKNOWN_NEW",
    "UNKNOWN_UNCATEGORISED",
    "choose_categories",
    "personal_data_note",
]

UNKNOWN_NEW = "new"
UNKNOWN_UNCATEGORISED = "uncategorised"
# In a category map: make a new category for this value even if it matches one (the dialog's
# "New category" choice). Keys are slugs, so this can never be a category's key.
NEW_CATEGORY = "<new>"


def choose_categories(
    project: Project, frame: pd.DataFrame, options: AssetImportOptions, report: ImportReport
) -> tuple[pd.Series, list[Category]]:
    """Each row's category key, the categories this import makes, and the mapping reported.

    A value goes, in order: where the category map sends it (the dialog's choices), to the
    category it matches by name, plural or synonym (core.category_match), to a category this
    import already made for a value of the same name, else to a new category or to
    Uncategorised, as ``unknown_categories`` says.
    """
    if options.category:
        text = pd.Series([options.category.strip()] * len(frame), dtype=object)
    elif options.category_field:
        text = text_objects(frame[options.category_field]).fillna("")
    else:
        report.notes.append(
            translated("no category given; assets are 'Uncategorised' (use --category)")
        )
        return pd.Series([UNCATEGORISED] * len(frame)), []
    chooser = _CategoryChooser(project, options)
    counts = text.value_counts(sort=False)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0]).lower()))
    uses = [chooser.choose(str(value), int(rows)) for value, rows in ordered]
    report.categories = uses
    _category_notes(project, chooser, uses, report)
    keys = {use.value: use.key for use in uses}
    return text.map(keys).reset_index(drop=True), list(chooser.new.values())


class _CategoryChooser:
    """Decides one value's category and says why, making new categories as needed."""

    def __init__(self, project: Project, options: AssetImportOptions) -> None:
        self.project = project
        self.options = options
        self.known = categories.by_key(project)
        self.matcher = categories.matcher(project)
        self.new: dict[str, Category] = {}
        self.ambiguous: list[tuple[str, tuple[str, ...]]] = []

    def choose(self, value: str, rows: int) -> CategoryUse:
        mapped = self.options.category_map.get(value)
        if mapped:
            return self._mapped(value, rows, mapped)
        if not value:
            return self._use(value, rows, UNCATEGORISED, "blank")
        found = self.matcher.match(value)
        if found.key is not None:
            return self._use(value, rows, found.key, found.how)
        if found.ambiguous:
            if self.options.category:
                labels = joined(
                    [f"'{self.known[k].label}'" for k in found.candidates], alternatives=True
                )
                raise BadInputError(
                    translated(
                        "'{value}' could be {labels}; give the category's name or key exactly"
                    ).format(value=value, labels=labels),
                    field="--category",
                )
            self.ambiguous.append((value, found.candidates))
        how = translatable("could be more than one") if found.ambiguous else ""
        return self._unknown(value, rows, how)

    def _mapped(self, value: str, rows: int, mapped: str) -> CategoryUse:
        if mapped == NEW_CATEGORY:
            return self._new(value, rows)
        if mapped not in self.known:
            raise BadInputError(
                translated("category map points '{value}' at unknown category '{key}'").format(
                    value=value, key=mapped
                )
            )
        return self._use(value, rows, mapped, translatable("chosen by hand"))

    def _unknown(self, value: str, rows: int, why: str) -> CategoryUse:
        if self.options.unknown_categories == UNKNOWN_UNCATEGORISED:
            return self._use(value, rows, UNCATEGORISED, why or "no match")
        return self._new(value, rows)

    def _new(self, value: str, rows: int) -> CategoryUse:
        """One new category per name: "Studio" and "Studios" share it."""
        pending = next((c for c in self.new.values() if same_name(c.label, value)), None)
        if pending is None:
            pending = _unique_against(categories.new_category(self.project, value), self.new)
            self.new[pending.key] = pending
        return CategoryUse(value, rows, pending.key, pending.label, "new category", new=True)

    def _use(self, value: str, rows: int, key: str, how: str) -> CategoryUse:
        return CategoryUse(value, rows, key, self.known[key].label, how)


def _category_notes(
    project: Project, chooser: _CategoryChooser, uses: list[CategoryUse], report: ImportReport
) -> None:
    if chooser.new:
        labels = ", ".join(f"'{c.label}'" for c in chooser.new.values())
        report.notes.append(
            translated("new categories made for values not in the taxonomy: {labels}").format(
                labels=labels
            )
        )
    for value, keys in chooser.ambiguous:
        labels = joined([f"'{chooser.known[k].label}'" for k in keys], alternatives=True)
        report.notes.append(
            translated(
                "'{value}' could be {labels}, so it was not matched to either; choose its "
                "category in the import dialog, or with a category map"
            ).format(value=value, labels=labels)
        )
    unmatched = [u.value for u in uses if u.key == UNCATEGORISED and u.how == "no match"]
    if unmatched:
        report.notes.append(
            translated("values with no matching category went to 'Uncategorised': {values}").format(
                values=", ".join(unmatched)
            )
        )
    personal: dict[str, int] = {}
    for use in uses:
        category = chooser.known.get(use.key)
        if category is not None and category.personal_data:
            personal[category.label] = personal.get(category.label, 0) + use.rows
    for label, rows in personal.items():
        report.notes.append(personal_data_note(label, rows))


def personal_data_note(label: str, rows: int) -> str:
    if rows == 1:
        pattern = translated(
            "1 asset is in '{label}', which holds personal data: they are flagged and left out "
            "of exports unless personal data is included (--include-personal)"
        )
    else:
        pattern = translated(
            "{n:,} assets are in '{label}', which holds personal data: they are flagged and left "
            "out of exports unless personal data is included (--include-personal)"
        )
    return pattern.format(n=rows, label=label)


def _unique_against(category: Category, pending: dict[str, Category]) -> Category:
    key, n = category.key, 2
    while key in pending:
        key, n = f"{category.key}_{n}", n + 1
    order = category.sort_order + len(pending)
    return Category(
        key,
        category.label,
        category.group,
        category.colour,
        category.symbol,
        category.personal_data,
        order,
        category.description,
    )
