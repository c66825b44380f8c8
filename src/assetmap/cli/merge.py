"""`assetmap merge`: bring another copy of the project (a copy for the field, a colleague's
copy) into this one, field by field, with conflicts resolved by --prefer or refused; or, with
--unrelated, import the assets of another project as new ones and list the likely
duplicates that made."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, command
from assetmap.core.i18n import translated

if TYPE_CHECKING:
    from assetmap.core.duplicates import DuplicatePair


def add_merge(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "merge",
        translated(
            "merge another copy of the project into this one: changes made on one side only are "
            "taken, the same field changed on both sides is a conflict"
        ),
        cmd_merge,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "other",
        type=Path,
        metavar="OTHER.gpkg",
        help=translated("the copy to merge from (read, never written)"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=translated("say what would change, and change nothing"),
    )
    p.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help=translated(
            "resolve every conflict by keeping this project's value (mine) or "
            "taking the other copy's (theirs); without it conflicts stop the "
            "merge"
        ),
    )
    p.add_argument(
        "--unrelated",
        action="store_true",
        help=translated(
            "OTHER is another project, not a copy of this one: import its assets "
            "as new ones (categories matched by name) and list the likely duplicates "
            "between them and yours"
        ),
    )
    p.add_argument(
        "--report",
        type=Path,
        metavar="F.csv",
        help=translated("also write every change, and how each conflict was resolved, to a CSV"),
    )


def cmd_merge(options: argparse.Namespace) -> int:
    from assetmap.core.commands import CommandStack
    from assetmap.core.errors import UnrelatedProjectError
    from assetmap.core.merge import MergeCopy, plan_merge
    from assetmap.core.merge.report import write_csv
    from assetmap.core.project import Project

    if options.unrelated:
        return _import_unrelated(options)
    with Project.open(options.project) as project:
        try:
            plan = plan_merge(project, options.other, prefer=options.prefer)
        except UnrelatedProjectError as exc:
            raise UnrelatedProjectError(
                exc.message,
                file=options.other,
                hint=translated("to import its assets as new ones, run again with --unrelated"),
            ) from exc
        if options.report is not None:
            write_csv(plan, {}, options.report, "--report")
        for line in plan.report_lines():
            print(line)
        if options.dry_run:
            plan.check_resolved()
            print(translated("Dry run: nothing was changed."))
            return EXIT_OK
        if plan.is_empty:
            return EXIT_OK
        CommandStack(project).push(MergeCopy(plan))
    merged = translated("Merged {other} into {project}.")
    print(merged.format(other=options.other.name, project=options.project.name))
    return EXIT_OK


def _import_unrelated(options: argparse.Namespace) -> int:
    """--unrelated: the other project's assets come in as new ones; afterwards (or, in a dry
    run, as if they had) the likely duplicates between them and this project's are listed."""
    from assetmap.core.commands import CommandStack
    from assetmap.core.errors import BadInputError
    from assetmap.core.merge import MergeCopy
    from assetmap.core.merge.report import write_csv
    from assetmap.core.merge.unrelated import (
        duplicates_if_imported,
        imported_duplicates,
        plan_unrelated,
    )
    from assetmap.core.project import Project

    if options.prefer is not None:
        raise BadInputError(
            translated(
                "has no meaning with --unrelated: importing another project's assets as new "
                "ones makes no conflicts to resolve; leave out --prefer"
            ),
            field="--prefer",
        )
    with Project.open(options.project) as project:
        plan = plan_unrelated(project, options.other)
        if options.report is not None:
            write_csv(plan, {}, options.report, "--report")
        for line in plan.report_lines():
            print(line)
        if plan.is_empty:
            return EXIT_OK
        if options.dry_run:
            pairs = duplicates_if_imported(project, plan)
            print(_duplicates_text(pairs, options.project, True))
            print(translated("Dry run: nothing was changed."))
            return EXIT_OK
        CommandStack(project).push(MergeCopy(plan))
        pairs = imported_duplicates(project, plan)
    count = len(plan.added)
    imported = (
        translated("Imported {n} asset of {other} into {project}.")
        if count == 1
        else translated("Imported {n} assets of {other} into {project}.")
    )
    print(imported.format(n=count, other=options.other.name, project=options.project.name))
    print(_duplicates_text(pairs, options.project, False))
    return EXIT_OK


_LISTED = 10  # pairs printed before "and N more"


def _duplicates_text(pairs: list[DuplicatePair], project: Path, dry_run: bool) -> str:
    if not pairs:
        return translated("No likely duplicates between the imported assets and yours.")
    lines = [_duplicates_head(len(pairs), dry_run).format(n=len(pairs), project=project)]
    for p in pairs[:_LISTED]:
        apart = (
            translated("unplaced")
            if p.distance_m is None
            else translated("{d:.0f} m apart").format(d=p.distance_m)
        )
        lines.append(f"  {p.name_a} ({p.category_a}) / {p.name_b} ({p.category_b}): "
                     f"{apart}; {p.rule_words}")  # fmt: skip
    if len(pairs) > _LISTED:
        lines.append(translated("  ... and {n} more").format(n=len(pairs) - _LISTED))
    return "\n".join(lines)


def _duplicates_head(count: int, dry_run: bool) -> str:
    """One whole sentence for each number and mood, so a translation need not build one."""
    if dry_run:
        if count == 1:
            return translated(
                "{n} likely duplicate would be between the imported assets and yours: review "
                "them with `assetmap duplicates {project}` or Tools ▸ Find duplicates…"
            )
        return translated(
            "{n} likely duplicates would be between the imported assets and yours: review "
            "them with `assetmap duplicates {project}` or Tools ▸ Find duplicates…"
        )
    if count == 1:
        return translated(
            "{n} likely duplicate is between the imported assets and yours: review "
            "them with `assetmap duplicates {project}` or Tools ▸ Find duplicates…"
        )
    return translated(
        "{n} likely duplicates are between the imported assets and yours: review "
        "them with `assetmap duplicates {project}` or Tools ▸ Find duplicates…"
    )
