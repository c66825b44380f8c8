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
from assetmap.qt.dialogs.imports.asset_columns import ASSET_FIELD_LABELS, ColumnsStep
from assetmap.qt.dialogs.imports.asset_location import LocationStep
from assetmap.qt.dialogs.imports.report_view import SummaryRow, listed


def asset_choices(
    columns: ColumnsStep,
    location: LocationStep,
    category: CategoryStep,
    preview: pv.Preview | None,
    prepared: object,
) -> list[SummaryRow]:
    """The summary's rows for the three steps, and what the check keeps of the file."""
    mapping = columns.fields.mapping()
    rows: list[SummaryRow] = [("Name", _quoted(mapping.get("name")))]
    others = _other_columns_text(mapping, preview)
    if others:
        rows.append(("Other columns", others))
    assert preview is not None
    rows.append(("Location", _location_text(location, preview)))
    rows.append(("Postcodes", _postcode_text(location, mapping.get("postcode"))))
    rows.append(("Category", _category_text(category)))
    rows.append(("Matched again by", columns.match_key().describe()))
    if isinstance(prepared, PreparedAssets):
        kept = [name for name, _label, _type in prepared.field_defs]
        rows.append(("Kept as extra fields", listed(kept) or "none"))
        if prepared.ignored_fields:
            rows.append(("Not kept (map styling)", listed(prepared.ignored_fields)))
    if columns.personal_check.isChecked():
        rows.append(("Personal data", "yes: kept out of exports unless chosen"))
    return rows


def _other_columns_text(mapping: dict[str, str], preview: pv.Preview | None) -> str:
    parts = [
        f"{ASSET_FIELD_LABELS[key]}: '{column}'"
        for key, column in mapping.items()
        if key not in ("name", "postcode")
    ]
    if preview is not None and "address" not in mapping and preview.address_parts:
        parts.append("Address: built from " + listed(preview.address_parts))
    days = preview.opening_days if preview is not None else []
    if "opening_hours" not in mapping and days:
        parts.append(f"Opening hours: from {len(days)} day columns")
    return "; ".join(parts)


def _location_text(location: LocationStep, preview: pv.Preview) -> str:
    source, columns = location.source(), location.coordinate_fields()
    if source == pv.GEOMETRY:
        kind = preview.geometry_type or "geometry"
        return f"the file's own {kind} geometry, in {preview.crs or 'an unknown CRS'}"
    if source == pv.LAT_LON:
        lat, lon = _quoted(columns.get("lat")), _quoted(columns.get("lon"))
        return f"latitude {lat}, longitude {lon} (WGS 84)"
    if source == pv.XY:
        x, y = _quoted(columns.get("x")), _quoted(columns.get("y"))
        return f"X {x}, Y {y}, in {_crs_words(location.xy_crs_edit.text())}"
    if source == pv.WKT:
        wkt = _quoted(columns.get("wkt"))
        return f"WKT geometry in {wkt}, in {_crs_words(location.wkt_crs_edit.text())}"
    return "by postcode only"


def _postcode_text(location: LocationStep, column: str | None) -> str:
    if column is None:
        return "no postcode column: rows without coordinates stay unplaced"
    index = location.postcode_index()
    where = Path(index).name if index else "the postcodes the project already holds"
    return f"'{column}', for rows without coordinates, looked up in {where}"


def _category_text(category: CategoryStep) -> str:
    if not category.category_from_column.isChecked():
        if category.category_combo.key() == UNCATEGORISED:
            return "Uncategorised for every asset: none was chosen"
        return f"{category.category_combo.currentText()} for every asset"
    column = category.category_column.column()
    table = category.values_table
    values = len(table.value_rows)
    matched = values - len(table.unmatched())
    by_hand = sum(1 for e in table.value_rows if e.by_hand)
    unknown = (
        "a new category for each" if category.unknown_rule() == UNKNOWN_NEW else "Uncategorised"
    )
    yours = f" ({by_hand} chosen by you)" if by_hand else ""
    return (
        f"from column '{column}': {matched} of {values} values go to a category{yours}; "
        f"the others get {unknown}"
    )


def _quoted(column: str | None) -> str:
    return f"'{column}'" if column else "none"


def _crs_words(text: str) -> str:
    """'EPSG:27700 (British National Grid)': the code as typed, with its name when known."""
    text = text.strip()
    if not text:
        return "an unknown coordinate system"
    try:
        return f"{text} ({CRS.from_user_input(text).name})"
    except CRSError:
        return text
