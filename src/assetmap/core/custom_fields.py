"""The project's extra fields: the source columns an import kept with each asset.

Each has a row in am_field_defs (name, label, type, source). The name is the key in each
asset's ``custom`` JSON and the column name in exports, so it never changes; the label is what
people read on the card, in the form and in the table, and they may rename it (``RenameField``).
Projects imported before labels were made hold the raw name as the label, numbers for codes
(an establishment number typed 'integer') and map styling kept as fields (marker-color); reading
them through here shows a label made from the name, codes as text and no styling, without
rewriting the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from assetmap.core.io.fields import is_identifier_name, is_styling_name, shown_label
from assetmap.core.project import Project

NUMERIC_TYPES = frozenset({"integer", "number", "real", "float", "int"})


@dataclass(frozen=True)
class FieldDef:
    name: str  # the key in each asset's custom values; stable
    label: str  # what the user reads
    type: str  # text | integer | number | boolean; codes and identifiers are always text
    source: str | None = None
    stored_label: str | None = None  # as am_field_defs holds it (None: no definition yet)

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES


def all_defs(project: Project) -> list[FieldDef]:
    """Every extra field people see, in the order imports added them (the source's order);
    map styling an older import kept (marker-color) is left out."""
    rows = project.conn.execute(
        "SELECT name, label, type, source FROM am_field_defs ORDER BY rowid"
    ).fetchall()
    return [
        _field_def(str(name), label, kind, source)
        for name, label, kind, source in rows
        if not is_styling_name(str(name))
    ]


def is_hidden(name: str) -> bool:
    """Styling values older imports kept with assets: stored, never shown."""
    return is_styling_name(name)


def by_name(project: Project) -> dict[str, FieldDef]:
    return {d.name: d for d in all_defs(project)}


def get(project: Project, name: str) -> FieldDef:
    """The field's definition; a key typed on one asset in the form has none, and shows as
    typed."""
    row = project.conn.execute(
        "SELECT label, type, source FROM am_field_defs WHERE name = ?", (name,)
    ).fetchone()
    if row is None:
        return FieldDef(name, name, "text")
    return _field_def(name, *row)


def label_of(defs: dict[str, FieldDef], name: str) -> str:
    found = defs.get(name)
    return found.label if found is not None else name


def _field_def(name: str, label: str | None, kind: str | None, source: str | None) -> FieldDef:
    shown_type = "text" if is_identifier_name(name) else (kind or "text").lower()
    return FieldDef(name, shown_label(name, label), shown_type, source, label)


def set_label(project: Project, name: str, label: str | None) -> None:
    """Store ``label`` (None: forget the definition of a field that had none before)."""
    if label is None:
        project.conn.execute("DELETE FROM am_field_defs WHERE name = ?", (name,))
        return
    cursor = project.conn.execute(
        "UPDATE am_field_defs SET label = ? WHERE name = ?", (label, name)
    )
    if cursor.rowcount == 0:
        project.conn.execute(
            "INSERT INTO am_field_defs (name, label, type, source) VALUES (?, ?, 'text', NULL)",
            (name, label),
        )
