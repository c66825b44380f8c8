"""The scenarios subcommand: each saved what-if compared with today (gaps, people in gaps,
coverage and agreed outcomes), its question run now with and without its proposals."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command

if TYPE_CHECKING:
    from assetmap.core.project import Project
    from assetmap.core.scenarios.evaluate import Comparison
    from assetmap.core.scenarios.model import Scenario


def add_scenarios(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "scenarios",
        "the what-if scenarios saved in Find gaps, each compared with today: gap areas, "
        "people in gaps, coverage and the agreed outcomes met, with and without its "
        "proposed assets",
        cmd_scenarios,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--csv", type=Path, metavar="F.csv", help="also write one row per figure")
    p.add_argument("--delete", metavar="NAME", help="delete a saved scenario (and list the rest)")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def cmd_scenarios(options: argparse.Namespace) -> int:
    from assetmap.core.project import Project
    from assetmap.core.scenarios.evaluate import compare_saved
    from assetmap.core.scenarios.store import all_scenarios
    from assetmap.core.scenarios.table import write_csv

    if options.csv is not None:
        from assetmap.core import output

        output.check_target(options.csv, "--csv", not_one_of=(options.project,))
    named: list[tuple[str, Comparison]] = []
    with Project.open(options.project) as project:
        if options.delete is not None:
            _delete(project, options.delete)
        kept = all_scenarios(project)
        if not kept:
            print("No scenarios yet; save one from Find gaps ▸ What if… in the app")
        for i, scenario in enumerate(kept, 1):
            progress = None if options.quiet else TerminalProgress()
            try:
                found = compare_saved(project, scenario.params, scenario.proposals, progress)
            finally:
                if progress:
                    progress.done()
            named.append((scenario.name, found.comparison))
            print(_lines(i, scenario, found.comparison))
    if options.csv is not None and kept:
        write_csv(named, options.csv)
        print(f"Scenarios: {options.csv}")
    return EXIT_OK


def _delete(project: Project, name: str) -> None:
    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.scenarios import DeleteScenario
    from assetmap.core.errors import BadInputError
    from assetmap.core.scenarios.store import all_scenarios, by_name

    found = by_name(project, name)
    if found is None:
        names = ", ".join(f"'{s.name}'" for s in all_scenarios(project)) or "none"
        raise BadInputError(f"there is no scenario '{name}' (saved: {names})", field="--delete")
    CommandStack(project).push(DeleteScenario(found))
    print(f"Deleted scenario: {name}")


def _lines(number: int, scenario: Scenario, comparison: Comparison) -> str:
    from assetmap.core.scenarios.table import comparison_rows

    params = scenario.params
    places = "; ".join(
        f"{p.label or 'proposed'} ({p.category}) at {p.x:,.0f}, {p.y:,.0f}"
        for p in scenario.proposals
    )
    lines = [
        f"{number}. {scenario.name}: {len(scenario.proposals)} proposed "
        f"({places or 'none'}), {params.area_set} within {params.distance_m:g} m",
        "   today -> with the proposals",
    ]
    for row in comparison_rows(comparison):
        lines.append(f"   {row.measure} ({row.of}): {row.today} -> {row.after} ({row.change})")
    return "\n".join(lines)
