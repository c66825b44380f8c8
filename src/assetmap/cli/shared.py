"""The publish subcommand: put a project on a PostGIS server as the team's shared map
(issue 13). Sync comes next and lives here too."""

from __future__ import annotations

import argparse
from pathlib import Path

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command


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
    from assetmap.core.shared.publish import publish, report_text

    progress = TerminalProgress()
    with Project.open(options.project) as project:
        result = publish(
            project, options.target, schema=options.schema,
            include_personal=options.include_personal_data, progress=progress,
        )  # fmt: skip
    progress.done()
    print(report_text(result))
    return EXIT_OK
