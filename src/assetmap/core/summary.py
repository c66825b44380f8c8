"""What is in a project, for `assetmap info`, the About box and export footers."""

from __future__ import annotations

from typing import Any

from assetmap.core import areas, categories, postcode_store
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


def attributions(project: Project) -> list[str]:
    """Distinct attribution lines of every imported source, in import order."""
    seen: list[str] = []
    for (text,) in project.conn.execute(
        "SELECT attribution FROM am_sources WHERE attribution IS NOT NULL ORDER BY id"
    ):
        for line in str(text).splitlines():
            line = line.strip()
            if line and line not in seen:
                seen.append(line)
    return seen


def asset_counts(project: Project) -> dict[str, int]:
    row = project.conn.execute(
        f"""SELECT
              sum(deleted = 0),
              sum(deleted = 0 AND status = 'active'),
              sum(deleted = 0 AND status = 'closed'),
              sum(deleted = 0 AND status = 'proposed'),
              sum(deleted = 0 AND geom IS NULL),
              sum(deleted = 0 AND out_of_area = 1),
              sum(deleted = 0 AND personal_data = 1),
              sum(deleted = 0 AND review = 'pending'),
              sum(deleted = 1)
            FROM {ASSETS_TABLE}"""
    ).fetchone()
    keys = (
        "total",
        "active",
        "closed",
        "proposed",
        "unplaced",
        "out_of_area",
        "personal_data",
        "pending_review",
        "deleted",
    )
    return {k: int(v or 0) for k, v in zip(keys, row, strict=False)}


def by_category(project: Project) -> list[dict[str, Any]]:
    """Live pins per category: ``assets`` counts every pin (what moves when a category is
    merged or deleted), ``needs`` those that say something is missing (workshop needs)."""
    rows = project.conn.execute(
        f"SELECT category, count(*), sum(pin_kind = 'need') FROM {ASSETS_TABLE} "
        "WHERE deleted = 0 GROUP BY category"
    ).fetchall()
    counts = {key: (int(total), int(needs or 0)) for key, total, needs in rows}
    return [
        {
            "key": c.key,
            "label": c.label,
            "group": c.group,
            "assets": counts.get(c.key, (0, 0))[0],
            "needs": counts.get(c.key, (0, 0))[1],
        }
        for c in categories.all_categories(project)
    ]


def summary(project: Project) -> dict[str, Any]:
    return {
        "name": project.name,
        "file": str(project.path),
        "crs": project.crs.to_string(),
        "crs_name": project.crs.name,
        "schema_version": project.schema_version(),
        "created_at": project.setting("created_at"),
        "assets": asset_counts(project),
        "categories": by_category(project),
        "area_sets": [
            {
                "name": info.name,
                "layer": info.table,
                "areas": areas.count(project, info.name),
                "source": info.source,
                "code_field": info.code_field,
                "name_field": info.name_field,
                "indicators": [
                    {"column": i.column, "label": i.label, "numeric": i.numeric, "source": i.source}
                    for i in areas.indicators(project, info.name)
                ],
            }
            for info in areas.list_sets(project)
        ],
        "postcodes": postcode_store.count(project),
        "sources": [
            {"file": f, "kind": k, "target": t, "rows": r, "imported_at": at}
            for f, k, t, r, at in project.conn.execute(
                "SELECT file_name, kind, target, rows, imported_at FROM am_sources ORDER BY id"
            )
        ],
        "attributions": attributions(project),
        "changes_logged": int(
            project.conn.execute("SELECT count(*) FROM am_change_log").fetchone()[0]
        ),
    }
