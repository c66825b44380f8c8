"""`assetmap merge`: bring another copy of the project (a copy for the field, a colleague's
copy) into this one, field by field, with conflicts resolved by --prefer or refused."""

from __future__ import annotations

import argparse
from pathlib import Path

from assetmap.cli.terminal import EXIT_OK, command


def add_merge(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "merge",
        "merge another copy of the project into this one: changes made on one side only are "
        "taken, the same field changed on both sides is a conflict",
        cmd_merge,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("other", type=Path, metavar="OTHER.gpkg", help="the copy to merge from "
                   "(read, never written)")  # fmt: skip
    p.add_argument("--dry-run", action="store_true",
                   help="say what would change, and change nothing")  # fmt: skip
    p.add_argument("--prefer", choices=("mine", "theirs"),
                   help="resolve every conflict by keeping this project's value (mine) or "
                   "taking the other copy's (theirs); without it conflicts stop the "
                   "merge")  # fmt: skip
    p.add_argument("--report", type=Path, metavar="F.csv",
                   help="also write every change, and how each conflict was resolved, "
                   "to a CSV")  # fmt: skip


def cmd_merge(options: argparse.Namespace) -> int:
    from assetmap.core.commands import CommandStack
    from assetmap.core.merge import MergeCopy, plan_merge
    from assetmap.core.merge.report import write_csv
    from assetmap.core.project import Project

    with Project.open(options.project) as project:
        plan = plan_merge(project, options.other, prefer=options.prefer)
        if options.report is not None:
            write_csv(plan, {}, options.report, "--report")
        for line in plan.report_lines():
            print(line)
        if options.dry_run:
            plan.check_resolved()
            print("Dry run: nothing was changed.")
            return EXIT_OK
        if plan.is_empty:
            return EXIT_OK
        CommandStack(project).push(MergeCopy(plan))
    print(f"Merged {options.other.name} into {options.project.name}.")
    return EXIT_OK
