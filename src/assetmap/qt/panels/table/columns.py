"""The table's columns: the standard asset fields, then the project's extra (custom) fields.

Each column knows the SQL that reads it, so the row cache reads every standard column in one
``SELECT`` and the column cache reads any one column for all assets.
"""

from __future__ import annotations

from dataclasses import dataclass

from assetmap.core import custom_fields
from assetmap.core.project import Project
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class Column:
    """One column of the table: where its values come from and how they are shown."""

    key: str  # store column name, or "custom:<field name>"
    title: str
    width: int
    kind: str = "text"  # text | category | status | review | origin | number | date | bool | placed
    editable: bool = False
    sql: str = ""  # expression read for the column cache (defaults to the key)
    tip: str = ""

    @property
    def custom_name(self) -> str | None:
        return self.key[len("custom:") :] if self.key.startswith("custom:") else None

    @property
    def heading(self) -> str:
        """The title in the app's language; an extra field's label is the project's own."""
        return self.title if self.custom_name else translate("AssetTable", self.title)

    @property
    def hint(self) -> str:
        """The header's tooltip in the app's language (the title when there is no tip)."""
        if self.custom_name:
            return self.tip or self.title
        return translate("AssetTable", self.tip or self.title)

    @property
    def expression(self) -> str:
        return self.sql or self.key


STANDARD = (
    Column("name", QT_TRANSLATE_NOOP("AssetTable", "Name"), 240, editable=True),
    Column("category", QT_TRANSLATE_NOOP("AssetTable", "Category"), 200, "category", editable=True),
    Column("status", QT_TRANSLATE_NOOP("AssetTable", "Status"), 100, "status", editable=True),
    Column("postcode", QT_TRANSLATE_NOOP("AssetTable", "Postcode"), 84, editable=True),
    Column("address", QT_TRANSLATE_NOOP("AssetTable", "Address"), 220, editable=True),
    Column("phone", QT_TRANSLATE_NOOP("AssetTable", "Phone"), 116, editable=True),
    Column("website", QT_TRANSLATE_NOOP("AssetTable", "Website"), 180, editable=True),
    Column("opening_hours", QT_TRANSLATE_NOOP("AssetTable", "Opening hours"), 150, editable=True),
    Column(
        "verified_date", QT_TRANSLATE_NOOP("AssetTable", "Verified on"), 96, "date", editable=True
    ),
    Column("source", QT_TRANSLATE_NOOP("AssetTable", "Source"), 200, editable=True),
    Column(
        "placed",
        QT_TRANSLATE_NOOP("AssetTable", "Placed"),
        96,
        "placed",
        sql="geom IS NOT NULL",
        tip=QT_TRANSLATE_NOOP("AssetTable", "Whether the asset has a location on the map"),
    ),
    Column(
        "out_of_area",
        QT_TRANSLATE_NOOP("AssetTable", "Out of area"),
        86,
        "bool",
        tip=QT_TRANSLATE_NOOP("AssetTable", "Placed outside every imported area"),
    ),
    Column(
        "personal_data",
        QT_TRANSLATE_NOOP("AssetTable", "Personal data"),
        104,
        "bool",
        tip=QT_TRANSLATE_NOOP(
            "AssetTable", "About a person: left out of exports unless you opt in"
        ),
    ),
    Column("contact", QT_TRANSLATE_NOOP("AssetTable", "Contact"), 150, editable=True),
    Column("description", QT_TRANSLATE_NOOP("AssetTable", "Description"), 260, editable=True),
    Column(
        "review",
        QT_TRANSLATE_NOOP("AssetTable", "Review"),
        84,
        "review",
        editable=True,
        tip=QT_TRANSLATE_NOOP(
            "AssetTable",
            "Whether the asset is approved into the map; workshop pins wait until approved",
        ),
    ),
    Column(
        "origin_kind",
        QT_TRANSLATE_NOOP("AssetTable", "Origin"),
        96,
        "origin",
        tip=QT_TRANSLATE_NOOP("AssetTable", "How the asset came into the project"),
    ),
    Column(
        "origin_ref",
        QT_TRANSLATE_NOOP("AssetTable", "Came from"),
        180,
        tip=QT_TRANSLATE_NOOP(
            "AssetTable", "The file (and its row), the person, workshop session, copy or database"
        ),
        sql="origin_ref || coalesce(', row ' || origin_row, '')",
    ),
)

# What the row cache reads for each asset; custom JSON comes last, parsed.
ROW_FIELDS = ("uuid", *(c.key for c in STANDARD))
ROW_SQL = ", ".join(c.expression for c in STANDARD)
FIELD_AT = {name: i for i, name in enumerate(ROW_FIELDS)}
SEARCH_SQL = " || char(10) || ".join(
    f"coalesce({name}, '')" for name in ("name", "address", "postcode", "description")
)


def custom_columns(project: Project) -> list[Column]:
    """One column per extra field the project defines, under its label; numbers shown and
    sorted as numbers, codes and identifiers as text."""
    columns = []
    for field in custom_fields.all_defs(project):
        name = field.name
        path = '$."' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        sql = "json_extract(custom, '" + path.replace("'", "''") + "')"
        kind = "number" if field.numeric else "text"
        tip = (
            translate("AssetTable", "From the column '{name}' from {source}")
            if field.source
            else translate("AssetTable", "From the column '{name}'")
        ).format(name=name, source=field.source)
        columns.append(Column(f"custom:{name}", field.label, 120, kind, True, sql, tip))
    return columns
