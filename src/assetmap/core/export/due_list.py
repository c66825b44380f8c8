"""The due-for-checking list, as CSV or XLSX, for a phone round: who to ring, on what
number, and how long it has been. Most overdue first, so a short round does the worst."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from assetmap.core import categories, output
from assetmap.core.errors import BadInputError
from assetmap.core.export import characters
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.project import Project
from assetmap.core.review_due import LAST_CHECKED_SQL, due_mask, due_since
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import DEFAULT_REVIEW_MONTHS, Category

# Headings people read: the frame keeps them in English (code sorts by them); the file has
# them in the language the app is in.
COLUMNS = (
    translatable("Name"),
    translatable("Category"),
    translatable("Address"),
    translatable("Postcode"),
    translatable("Phone"),
    translatable("Last checked"),
    translatable("Due since"),
)
FORMATS = (".csv", ".xlsx")


def due_frame(project: Project, today: date | None = None) -> pd.DataFrame:
    """Live assets due for checking (need pins, closed and rejected ones aside: nobody rings
    those), longest overdue first."""
    today = today or date.today()
    rows = project.conn.execute(
        f"SELECT name, category, address, postcode, phone, {LAST_CHECKED_SQL} "
        f"FROM {ASSETS_TABLE} WHERE deleted = 0 AND status != 'closed' "
        "AND review != 'rejected' AND coalesce(pin_kind, 'asset') != 'need' ORDER BY fid"
    ).fetchall()
    frame = pd.DataFrame.from_records(
        rows, columns=["name", "category", "address", "postcode", "phone", "last_checked"]
    )
    known = categories.all_categories(project)
    due = frame[due_mask(frame["category"], frame["last_checked"], known, today)]
    return _for_people(due, known)


def _for_people(due: pd.DataFrame, known: list[Category]) -> pd.DataFrame:
    labels = {c.key: c.label for c in known}
    months = {c.key: c.review_months for c in known}
    since = [
        due_since(checked, months.get(key, DEFAULT_REVIEW_MONTHS))
        for key, checked in zip(due["category"], due["last_checked"], strict=True)
    ]
    out = pd.DataFrame(
        {
            "Name": due["name"].to_numpy(),
            "Category": [labels.get(k, k) for k in due["category"]],
            "Address": due["address"].fillna("").to_numpy(),
            "Postcode": due["postcode"].fillna("").to_numpy(),
            "Phone": due["phone"].fillna("").to_numpy(),
            "Last checked": due["last_checked"].fillna("").to_numpy(),
            "Due since": since,
        },
        columns=list(COLUMNS),
    )
    return out.sort_values(["Due since", "Name"], kind="stable").reset_index(drop=True)


def write_due_list(project: Project, path: str | Path, today: date | None = None) -> int:
    """Write the list to ``path`` (.csv or .xlsx); returns how many assets it holds."""
    target = output.check_target(path, not_one_of=(project.path,))
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise BadInputError(
            translated("{file}: the due list is written as .csv or .xlsx, not '{suffix}'").format(
                file=target.name, suffix=suffix
            ),
            field="--out",
        )
    frame = due_frame(project, today).rename(columns={c: translated(c) for c in COLUMNS})
    if suffix == ".csv":
        with output.replacing(target) as tmp:
            _cleaned(frame, characters.encodable).to_csv(tmp, index=False, encoding="utf-8-sig")
    else:
        with (
            output.replacing(target) as tmp,
            output.letting_go_quietly(),
            pd.ExcelWriter(tmp, engine="openpyxl") as book,
        ):
            _cleaned(frame, characters.for_xlsx).to_excel(
                book, sheet_name=translated("Due"), index=False
            )
    return len(frame)


def _cleaned(frame: pd.DataFrame, clean: Callable[[str], str]) -> pd.DataFrame:
    """No cell may run as a formula in a spreadsheet, and text must be writable."""

    def cell(value: object) -> object:
        value = neutralise(value)
        return clean(value) if isinstance(value, str) else value

    cleaned: pd.DataFrame = frame.apply(lambda column: column.map(cell))
    return cleaned
