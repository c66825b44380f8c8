"""A project holding the text an older assetmap or another program may have stored: control
characters (NUL, vertical tab, escape, DEL), bidirectional marks, line and paragraph
separators, and strings that look like markup, scripts, formulas or remote resources.

It is written straight into the file with SQLite, as another program would, so nothing in
assetmap's own commands or importers gets the chance to clean it first.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

# Each string is placed in several kinds of text the project holds.
CONTROL = "Lunch\x00club\x0bon\x1bFridays\x7f"  # NUL, vertical tab, escape, delete
BIDI = "Caf\u00e9 \u202eevil\u202c \u200fמרכז\u200e"  # override, RTL/LTR marks, Hebrew
SEPARATORS = "Line\u2028two\u2029three\u0085four"
REMOTE = "Hall url(http://x.example/a.png) url(//x.example/b.css)"
MARKUP = "</script><script>alert(1)</script> <img src=x onerror=alert(2)>"
SCRIPTY = "javascript:alert(3) @import 'http://x.example/c.css'; \\\"quoted\\' {{ 7*7 }}"
FORMULA = '=HYPERLINK("http://x.example")'
TAB_AND_NEWLINE = "Tab\there\nand a new line"
LOOKS_ESCAPED = "Room _x0041_ and _x001B_"  # how XLSX escapes characters, as plain text

ASSET_NAMES = (
    CONTROL, BIDI, SEPARATORS, REMOTE, MARKUP, SCRIPTY, FORMULA, TAB_AND_NEWLINE, LOOKS_ESCAPED,
)  # fmt: skip
CATEGORY_LABEL = "Clubs url(//x.example/d.png) \x1b\x00"
AREA_NAME = "Ward url(http://x.example/e.png) \x0b\u2028</style>"
INDICATOR_LABEL = "Need score url(//x.example) \x1b"
PROJECT_NAME = "Hostile \x00 url(//x.example/f) </title><script>alert(4)</script>"
ATTRIBUTION = "Data \x1b url(http://x.example/g) © somebody"
AREA_SET = "Neighbourhoods (LSOA 2021)"
WARDS = "Wards (2023)"


def hostile_project(repo_root: Path, folder: Path) -> Path:
    """A copy of the Trafford demo with the strings above in its assets, a category, area
    names, an indicator label, the project's name and a data source's attribution."""
    path = folder / "hostile.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO am_categories (key, label, group_name, colour, symbol, sort_order) "
            "VALUES ('clubs_x', ?, ?, '#117733', 'circle', 999)",
            (CATEGORY_LABEL, "Voluntary and community \x0b"),
        )
        uuids = [r[0] for r in conn.execute("SELECT uuid FROM assets WHERE geom IS NOT NULL "
                                             "AND personal_data = 0 ORDER BY fid LIMIT ?",
                                             (len(ASSET_NAMES),))]  # fmt: skip
        for uuid, name in zip(uuids, ASSET_NAMES, strict=True):
            conn.execute(
                "UPDATE assets SET name = ?, address = ?, description = ?, website = ?, "
                "custom = ?, category = 'clubs_x' WHERE uuid = ?",
                (name, name, name, SCRIPTY, json.dumps({"Note": name}), uuid),
            )
        for table in ("areas_neighbourhoods_lsoa_2021", "areas_wards_2023"):
            conn.execute(f'UPDATE "{table}" SET name = ? || name WHERE fid <= 3', (AREA_NAME,))
        conn.execute(
            "UPDATE am_indicators SET label = ? WHERE column_name = 'imd_score'",
            (INDICATOR_LABEL,),
        )
        conn.execute(
            "UPDATE am_settings SET value = ? WHERE key = 'name'", (json.dumps(PROJECT_NAME),)
        )
        conn.execute("UPDATE am_sources SET attribution = ? WHERE id = "
                     "(SELECT min(id) FROM am_sources)", (ATTRIBUTION,))  # fmt: skip
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path
