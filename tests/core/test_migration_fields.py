"""Projects imported before fields had labels are upgraded in the file itself, so QGIS and
exports read them as the app shows them: human labels, codes as the text the source wrote."""

from __future__ import annotations

import json
import shutil
import sqlite3

from assetmap.core import assets
from assetmap.core.project import Project


def test_an_old_project_gets_labels_and_codes_as_text(tmp_path, repo_root):
    path = tmp_path / "old.gpkg"
    shutil.copy(repo_root / "tests" / "data" / "project_schema_v1.gpkg", path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executemany(
        "INSERT INTO am_field_defs (name, label, type, source) VALUES (?, ?, ?, 'schools.csv')",
        [
            ("organisation_data_service_code", "organisation_data_service_code", "text"),
            ("Establishment number", "Establishment number", "integer"),
            ("capacity", "Places for pupils", "integer"),
            ("marker-color", "marker-color", "text"),
        ],
    )
    uuid = conn.execute("SELECT uuid FROM assets ORDER BY fid LIMIT 1").fetchone()[0]
    custom = {"Establishment number": 3005.0, "capacity": 420, "marker-color": "#7e7e7e"}
    conn.execute("UPDATE assets SET custom = ? WHERE uuid = ?", (json.dumps(custom), uuid))
    conn.close()

    with Project.open(path) as project:
        defs = {
            name: (label, kind)
            for name, label, kind in project.conn.execute(
                "SELECT name, label, type FROM am_field_defs"
            )
        }
        upgraded = assets.get(project, uuid).custom
    assert defs["organisation_data_service_code"] == ("Organisation data service code", "text")
    assert defs["Establishment number"] == ("Establishment number", "text")
    assert defs["capacity"] == ("Places for pupils", "integer")  # a count stays a number
    assert upgraded == {"Establishment number": "3005", "capacity": 420, "marker-color": "#7e7e7e"}
