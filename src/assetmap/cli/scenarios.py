"""The scenarios subcommand: each saved what-if compared with today (gaps, people in gaps,
coverage and agreed outcomes), its question run now with and without its proposals."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated

if TYPE_CHECKING:
    from assetmap.core.project import Project
    from assetmap.core.scenarios.evaluate import Comparison
    from assetmap.core.scenarios.model import Scenario


def add_scenarios(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "scenarios",
        translated(
            "the what-if scenarios saved in Find gaps, each compared with today: gap areas, "
            "people in gaps, coverage and the agreed outcomes met, with and without its "
            "proposed assets"
        ),
        cmd_scenarios,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--csv", type=Path, metavar="F.csv", help=translated("also write one row per figure")
    )
    p.add_argument(
        "--delete", metavar="NAME", help=translated("delete a saved scenario (and list the rest)")
    )
    p.add_argument("--quiet", action="store_true", help=translated("no progress output"))


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
            print(translated("No scenarios yet; save one from Find gaps ▸ What if… in the app"))
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
        print(translated("Scenarios: {file}").format(file=options.csv))
    return EXIT_OK


def _delete(project: Project, name: str) -> None:
    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.scenarios import DeleteScenario
    from assetmap.core.errors import BadInputError
    from assetmap.core.scenarios.store import all_scenarios, by_name

    found = by_name(project, name)
    if found is None:
        names = ", ".join(f"'{s.name}'" for s in all_scenarios(project)) or translated("none")
        missing = translated("there is no scenario '{name}' (saved: {names})")
        raise BadInputError(missing.format(name=name, names=names), field="--delete")
    CommandStack(project).push(DeleteScenario(found))
    print(translated("Deleted scenario: {name}").format(name=name))


def _lines(number: int, scenario: Scenario, comparison: Comparison) -> str:
    from assetmap.core.scenarios.table import comparison_rows

    params = scenario.params
    place = translated("{label} ({category}) at {x:,.0f}, {y:,.0f}")
    places = "; ".join(
        place.format(label=p.label or translated("proposed"), category=p.category, x=p.x, y=p.y)
        for p in scenario.proposals
    )
    head = translated("{number}. {name}: {n} proposed ({places}), {area_set} within {distance:g} m")
    lines = [
        head.format(
            number=number,
            name=scenario.name,
            n=len(scenario.proposals),
            places=places or translated("none"),
            area_set=params.area_set,
            distance=params.distance_m,
        ),  # fmt: skip
        translated("   today -> with the proposals"),
    ]
    for row in comparison_rows(comparison):
        lines.append(f"   {row.measure} ({row.of}): {row.today} -> {row.after} ({row.change})")
    return "\n".join(lines)
