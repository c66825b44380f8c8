"""The asset import's choices in the user's words, shown beside the check's report.

Every step's choice is read back as a sentence (which column is the name, how rows are placed,
which category they get, how they are matched again), so the user checks them all in one place
before pressing Import.
"""

from __future__ import annotations

from pathlib import Path

from pyproj import CRS
from pyproj.exceptions import CRSError

from assetmap.core.io import preview as pv
from assetmap.core.io.asset_import import UNKNOWN_NEW, PreparedAssets
from assetmap.core.taxonomy import UNCATEGORISED
from assetmap.qt.dialogs.imports.asset_category import CategoryStep
from assetmap.qt.dialogs.imports.asset_columns import ColumnsStep, field_label
from assetmap.qt.dialogs.imports.asset_location import LocationStep
from assetmap.qt.dialogs.imports.report_view import SummaryRow, listed
from assetmap.qt.i18n import translate


def asset_choices(
    columns: ColumnsStep,
    location: LocationStep,
    category: CategoryStep,
    preview: pv.Preview | None,
    prepared: object,
) -> list[SummaryRow]:
    """The summary's rows for the three steps, and what the check keeps of the file."""
    mapping = columns.fields.mapping()
    rows: list[SummaryRow] = [(translate("ImportDialog", "Name"), _quoted(mapping.get("name")))]
    others = _other_columns_text(mapping, preview)
    if others:
        rows.append((translate("ImportDialog", "Other columns"), others))
    assert preview is not None
    rows += [
        (translate("ImportDialog", "Location"), _location_text(location, preview)),
        (
            translate("ImportDialog", "Postcodes"),
            _postcode_text(location, mapping.get("postcode")),
        ),
        (translate("ImportDialog", "Category"), _category_text(category)),
        (translate("ImportDialog", "Matched again by"), columns.match_key().describe()),
    ]
    if isinstance(prepared, PreparedAssets):
        kept = [name for name, _label, _type in prepared.field_defs]
        rows.append(
            (
                translate("ImportDialog", "Kept as extra fields"),
                listed(kept) or translate("ImportDialog", "none"),
            )
        )
        if prepared.ignored_fields:
            rows.append(
                (
                    translate("ImportDialog", "Not kept (map styling)"),
                    listed(prepared.ignored_fields),
                )
            )
    if columns.personal_check.isChecked():
        rows.append(
            (
                translate("ImportDialog", "Personal data"),
                translate("ImportDialog", "yes: kept out of exports unless chosen"),
            )
        )
    return rows


def _other_columns_text(mapping: dict[str, str], preview: pv.Preview | None) -> str:
    parts = [
        f"{field_label(key)}: '{column}'"
        for key, column in mapping.items()
        if key not in ("name", "postcode")
    ]
    if preview is not None and "address" not in mapping and preview.address_parts:
        parts.append(
            translate("ImportDialog", "Address: built from {columns}").format(
                columns=listed(preview.address_parts)
            )
        )
    days = preview.opening_days if preview is not None else []
    if "opening_hours" not in mapping and days:
        parts.append(
            translate("ImportDialog", "Opening hours: from {n} day columns").format(n=len(days))
        )
    return "; ".join(parts)


def _location_text(location: LocationStep, preview: pv.Preview) -> str:
    source, columns = location.source(), location.coordinate_fields()
    if source == pv.GEOMETRY:
        return translate("ImportDialog", "the file's own {kind} geometry, in {crs}").format(
            kind=preview.geometry_type or "",
            crs=preview.crs or translate("ImportDialog", "an unknown CRS"),
        )
    if source == pv.LAT_LON:
        return translate("ImportDialog", "latitude {lat}, longitude {lon} (WGS 84)").format(
            lat=_quoted(columns.get("lat")), lon=_quoted(columns.get("lon"))
        )
    if source == pv.XY:
        return translate("ImportDialog", "X {x}, Y {y}, in {crs}").format(
            x=_quoted(columns.get("x")),
            y=_quoted(columns.get("y")),
            crs=_crs_words(location.xy_crs_edit.text()),
        )
    if source == pv.WKT:
        return translate("ImportDialog", "WKT geometry in {column}, in {crs}").format(
            column=_quoted(columns.get("wkt")), crs=_crs_words(location.wkt_crs_edit.text())
        )
    return translate("ImportDialog", "by postcode only")


def _postcode_text(location: LocationStep, column: str | None) -> str:
    if column is None:
        return translate(
            "ImportDialog", "no postcode column: rows without coordinates stay unplaced"
        )
    index = location.postcode_index()
    where = (
        Path(index).name
        if index
        else translate("ImportDialog", "the postcodes the project already holds")
    )
    return translate(
        "ImportDialog", "'{column}', for rows without coordinates, looked up in {where}"
    ).format(column=column, where=where)


def _category_text(category: CategoryStep) -> str:
    if not category.category_from_column.isChecked():
        if category.category_combo.key() == UNCATEGORISED:
            return translate("ImportDialog", "Uncategorised for every asset: none was chosen")
        return translate("ImportDialog", "{category} for every asset").format(
            category=category.category_combo.currentText()
        )
    column = category.category_column.column()
    table = category.values_table
    values = len(table.value_rows)
    matched = values - len(table.unmatched())
    by_hand = sum(1 for e in table.value_rows if e.by_hand)
    unknown = (
        translate("ImportDialog", "a new category for each")
        if category.unknown_rule() == UNKNOWN_NEW
        else translate("ImportDialog", "Uncategorised")
    )
    yours = (
        " " + translate("ImportDialog", "({n} chosen by you)").format(n=by_hand) if by_hand else ""
    )
    return translate(
        "ImportDialog",
        "from column '{column}': {matched} of {values} values go to a category{yours}; "
        "the others get {unknown}",
    ).format(column=column, matched=matched, values=values, yours=yours, unknown=unknown)


def _quoted(column: str | None) -> str:
    return f"'{column}'" if column else translate("ImportDialog", "none")


def _crs_words(text: str) -> str:
    """'EPSG:27700 (British National Grid)': the code as typed, with its name when known."""
    text = text.strip()
    if not text:
        return translate("ImportDialog", "an unknown coordinate system")
    try:
        return f"{text} ({CRS.from_user_input(text).name})"
    except CRSError:
        return text
