"""The publish subcommand: put a project on a PostGIS server as the team's shared map
(issue 13). Sync comes next and lives here too."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command

if TYPE_CHECKING:
    from assetmap.core.shared.publish import PublishResult


def add_publish(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub, "publish", "publish a project to a PostGIS database as the shared map", cmd_publish
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "target",
        metavar="TARGET",
        help="postgresql://USER@HOST:PORT/DATABASE or service=NAME; the password comes from "
        "the keyring, PGPASSWORD or ~/.pgpass (one typed in the address is used, never kept)",
    )
    p.add_argument("--schema", default="assetmap", help="PostgreSQL schema (default: assetmap)")
    p.add_argument("--include-personal-data", action="store_true",
                   help="publish assets holding personal data too")  # fmt: skip


def cmd_publish(options: argparse.Namespace) -> int:
    from assetmap.core.project import Project
    from assetmap.core.shared.publish import publish

    progress = TerminalProgress()
    with Project.open(options.project) as project:
        result = publish(
            project, options.target, schema=options.schema,
            include_personal=options.include_personal_data, progress=progress,
        )  # fmt: skip
    progress.done()
    print(_report_text(result))
    return EXIT_OK


def _report_text(result: PublishResult) -> str:
    lines = [
        f"Published to {result.target}, schema {result.schema} in {result.seconds:.1f} s:",
        f"  {result.assets} assets ({result.footprints} with a site outline), "
        f"{result.categories} categories",
        f"  {result.area_sets} area sets with {result.areas} areas, "
        f"{result.attachments} photos and attachments",
    ]
    if result.personal_left_out:
        lines.append(
            f"  left out: {result.personal_left_out} assets holding personal data "
            "(--include-personal-data publishes them)"
        )
    lines += [
        "Open it in QGIS: Layer > Add Layer > Add PostGIS Layers, connect to the same database, "
        f"and add the layers of schema '{result.schema}' (assets, areas, or one layer per "
        "category: assets_<category>).",
        "Keep this laptop and the server in step with: assetmap sync PROJECT",
    ]
    return "\n".join(lines)
