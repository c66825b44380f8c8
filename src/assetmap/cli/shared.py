"""The publish and sync subcommands: put a project on a PostGIS server as the team's shared
map, then keep each laptop and the server in step (issue 13)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated

if TYPE_CHECKING:
    from assetmap.core.shared.sync import SyncResult


def add_publish(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "publish",
        translated("publish a project to a PostGIS database as the shared map"),
        cmd_publish,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "target",
        metavar="TARGET",
        help=translated(
            "postgresql://USER@HOST:PORT/DATABASE or service=NAME; the password comes from "
            "the keyring, PGPASSWORD or ~/.pgpass (one typed in the address is used, never kept)"
        ),
    )
    p.add_argument(
        "--schema", default="assetmap", help=translated("PostgreSQL schema (default: assetmap)")
    )
    p.add_argument("--include-personal-data", action="store_true",
                   help=translated("publish assets holding personal data too"))  # fmt: skip


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


def add_sync(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "sync",
        translated(
            "send this laptop's changes to the shared map it was published to and "
            "bring everyone else's here; the same field changed on both sides is a conflict"
        ),
        cmd_sync,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help=translated(
            "resolve every conflict by keeping this laptop's value (mine) or "
            "taking the server's (theirs); without it conflicts stop the sync, "
            "changing nothing"
        ),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=translated("say what would go each way, and change nothing"),
    )
    p.add_argument(
        "--report",
        type=Path,
        metavar="F.csv",
        help=translated(
            "also write every change each way, and how each conflict was resolved, to a CSV"
        ),
    )


def cmd_sync(options: argparse.Namespace) -> int:
    from assetmap.core.project import Project
    from assetmap.core.shared.errors import SyncConflictError
    from assetmap.core.shared.sync import plan_sync, sync
    from assetmap.core.shared.sync_plan import all_chosen
    from assetmap.core.shared.sync_report import sync_lines, write_csv

    with Project.open(options.project) as project:
        if options.dry_run:
            plan = plan_sync(project, prefer=options.prefer)
            chosen = all_chosen(plan.pull, None) if options.prefer is None else {}
            if options.report is not None:
                write_csv(plan.pull, plan.push, chosen, options.report, "--report")
            print("\n".join(sync_lines(plan.pull, plan.push, {}, can_push=plan.can_push)))
            open_conflicts = plan.pull.unresolved()
            if open_conflicts:
                stops = translated("{n} conflicts: a real sync stops until you choose "
                                   "with --prefer mine or --prefer theirs")  # fmt: skip
                print(stops.format(n=len(open_conflicts)))
            print(translated("Dry run: nothing was changed."))
            return EXIT_OK
        progress = TerminalProgress()
        try:
            result = sync(project, prefer=options.prefer, progress=progress)
        except SyncConflictError as exc:
            progress.done()
            for c in exc.conflicts:
                conflict = translated("  ! '{name}' {field}: mine {mine!r}, theirs {theirs!r}")
                print(conflict.format(name=c.name, field=c.field, mine=c.mine, theirs=c.theirs))
            raise
        progress.done()
        assert result.plan is not None
        if options.report is not None:
            write_csv(result.plan.pull, result.plan.push, {}, options.report, "--report")
        print("\n".join(sync_lines(result.plan.pull, result.plan.push, {},
                                   can_push=result.plan.can_push)))  # fmt: skip
    print(_sync_text(result))
    return EXIT_OK


def _sync_text(result: SyncResult) -> str:
    synced = translated(
        "Synced with {target}, schema {schema} in {seconds:.1f} s: {sent} sent, {received} received"
    )
    lines = [
        synced.format(
            target=result.target,
            schema=result.schema,
            seconds=result.seconds,
            sent=_changes(result.pushed),
            received=_changes(result.pulled),
        )  # fmt: skip
    ]
    if result.new_copy_id:
        lines.append(translated(
            "  this file was a copy of another laptop's file (copied by hand): it now "
            "has a copy id of its own, so neither laptop's changes are taken for the other's"
        ))  # fmt: skip
    if result.recovered:
        lines.append(translated(
            "  the last sync was cut short after the server had its changes: finished now"
        ))  # fmt: skip
    if result.push_skipped:
        lines.append(f"  {result.push_skipped}")
    return "\n".join(lines)


def _changes(count: int) -> str:
    words = translated("{n} change") if count == 1 else translated("{n} changes")
    return words.format(n=count)
