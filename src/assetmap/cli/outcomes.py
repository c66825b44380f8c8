"""The outcomes subcommand: list and evaluate the project's agreed outcomes, add or remove one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated

if TYPE_CHECKING:
    from assetmap.core.outcomes.current import OutcomeStatus
    from assetmap.core.outcomes.model import Outcome
    from assetmap.core.project import Project


def add_outcomes(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "outcomes",
        translated(
            "the agreed outcomes: how many areas and people meet each now, the change since "
            "the previous run, and the failing areas, most need first; or add or remove one"
        ),
        cmd_outcomes,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--csv", type=Path, metavar="F.csv", help=translated("also write one row per outcome")
    )
    p.add_argument(
        "--list", action="store_true", help=translated("list the outcomes without evaluating")
    )
    p.add_argument(
        "--add", metavar="TITLE", help=translated("add an outcome with this agreed title")
    )
    p.add_argument("--remove", metavar="TITLE-OR-NUMBER", help=translated("remove an outcome"))
    p.add_argument(
        "--category",
        metavar="C",
        help=translated("(with --add) a category key or name, or a group"),
    )
    p.add_argument(
        "--set", dest="set_name", metavar="NAME", help=translated("(with --add) the area set")
    )
    p.add_argument(
        "--distance", type=float, default=800.0, metavar="M", help=translated("default 800")
    )
    p.add_argument(
        "--threshold", type=float, default=0.5, metavar="SHARE",
        help=translated("share of an area that must be within the distance (default 0.5)"),
    )  # fmt: skip
    p.add_argument(
        "--need-band", type=int, metavar="1-5",
        help=translated("only the fifth of areas by need: 1 the most in need"),
    )  # fmt: skip
    p.add_argument(
        "--population-share", type=float, metavar="SHARE",
        help=translated(
            "only the most deprived areas home to this share of the people (0.2: a fifth)"
        ),
    )  # fmt: skip
    p.add_argument(
        "--population", metavar="FIELD", help=translated("default: the set's population field")
    )
    p.add_argument(
        "--need", metavar="FIELD", help=translated("default: the set's IMD or deprivation score")
    )
    p.add_argument(
        "--target", metavar="YYYY-MM-DD", help=translated("the date it should be met by")
    )
    p.add_argument("--quiet", action="store_true", help=translated("no progress output"))


def cmd_outcomes(options: argparse.Namespace) -> int:
    from assetmap.core.errors import BadInputError
    from assetmap.core.project import Project

    if options.add and options.remove:
        raise BadInputError(translated("give --add or --remove, not both"), field="--add")
    if options.add and not options.category:
        raise BadInputError(translated("--add needs --category"), field="--category")
    if options.csv is not None:
        from assetmap.core import output

        output.check_target(options.csv, "--csv", not_one_of=(options.project,))
    with Project.open(options.project) as project:
        if options.add:
            _add(project, options)
        elif options.remove:
            _remove(project, options.remove)
        if options.list:
            _print_list(project)
        elif not (options.add or options.remove) or options.csv is not None:
            _evaluate(project, options)
    return EXIT_OK


def _add(project: Project, options: argparse.Namespace) -> None:
    from assetmap.core import categories
    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.outcomes import AddOutcome
    from assetmap.core.errors import BadInputError
    from assetmap.core.outcomes import defaults
    from assetmap.core.outcomes.model import Outcome

    area_set = options.set_name or defaults.area_set(project)
    if area_set is None:
        raise BadInputError(
            translated("the project has no area set; import one first"), field="--set"
        )
    found = categories.resolve(project, options.category)
    target = found.key if found is not None else options.category
    outcome = Outcome(
        title=options.add,
        target=target,
        area_set=area_set,
        distance_m=options.distance,
        threshold=options.threshold,
        need_band=options.need_band,
        population_share=options.population_share,
        population_field=options.population or defaults.population_field(project, area_set),
        need_field=options.need or defaults.need_field(project, area_set),
        target_date=options.target,
    )
    _check_target_exists(project, outcome)
    CommandStack(project).push(AddOutcome(outcome))
    print(translated("Added outcome: {title}").format(title=outcome.title))


def _check_target_exists(project: Project, outcome: Outcome) -> None:
    from assetmap.core import areas, categories
    from assetmap.core.errors import BadInputError

    groups = {c.group for c in categories.all_categories(project)}
    if categories.resolve(project, outcome.target) is None and outcome.target not in groups:
        raise BadInputError(
            translated("there is no category or group '{name}'").format(name=outcome.target),
            field="--category",
            hint=translated("assetmap info PROJECT lists them"),
        )
    areas.get_set(project, outcome.area_set)


def _remove(project: Project, which: str) -> None:
    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.outcomes import RemoveOutcome
    from assetmap.core.errors import BadInputError
    from assetmap.core.outcomes.store import all_outcomes

    known = all_outcomes(project)
    chosen = [o for i, o in enumerate(known, 1) if which in (o.title, str(i))]
    if not chosen:
        raise BadInputError(
            translated("there is no outcome '{name}'").format(name=which), field="--remove",
            hint=translated("assetmap outcomes PROJECT --list numbers them"),
        )  # fmt: skip
    CommandStack(project).push(RemoveOutcome(chosen[0]))
    print(translated("Removed outcome: {title}").format(title=chosen[0].title))


def _print_list(project: Project) -> None:
    from assetmap.core.outcomes.model import applies_to_words
    from assetmap.core.outcomes.store import all_outcomes

    known = all_outcomes(project)
    if not known:
        print(translated("No outcomes yet; add one with --add TITLE --category C"))
    line = translated(
        "{number}. {title}: {target} within {distance:g} m (coverage at least {threshold:.0%}), "
        "{applies_to} of {area_set}{by}"
    )
    for i, o in enumerate(known, 1):
        by = translated(", by {date}").format(date=o.target_date) if o.target_date else ""
        print(
            line.format(
                number=i,
                title=o.title,
                target=o.target,
                distance=o.distance_m,
                threshold=o.threshold,
                applies_to=applies_to_words(o),
                area_set=o.area_set,
                by=by,
            )  # fmt: skip
        )


def _evaluate(project: Project, options: argparse.Namespace) -> None:
    from assetmap.core import categories
    from assetmap.core.outcomes.current import all_statuses
    from assetmap.core.outcomes.table import write_csv

    progress = None if options.quiet else TerminalProgress()
    try:
        statuses = all_statuses(project, progress=progress)
    finally:
        if progress:
            progress.done()
    if not statuses:
        print(translated("No outcomes yet; add one with --add TITLE --category C"))
    for i, status in enumerate(statuses, 1):
        print(_status_lines(i, status))
    if options.csv is not None:
        labels = {c.key: c.label for c in categories.all_categories(project)}
        write_csv(statuses, options.csv, labels)
        print(translated("Outcomes: {file}").format(file=options.csv))


def _status_lines(number: int, status: OutcomeStatus) -> str:
    from assetmap.core.outcomes.table import change_words

    now = status.now
    head = f"{number}. {status.outcome.title}"
    if now is None:
        failed = translated("   could not be evaluated: {problem}")
        return f"{head}\n" + failed.format(problem=status.problem)
    meeting = translated("   {meeting} of {areas} areas meet it (run {run})")
    lines = [head, meeting.format(meeting=now.areas_meeting, areas=now.areas, run=now.run_id)]
    if now.people is not None and now.people_meeting is not None:
        people = translated("   {meeting:,.0f} of {people:,.0f} people")
        lines.append(people.format(meeting=now.people_meeting, people=now.people))
    change = change_words(status)
    if change:
        lines.append(translated("   since the previous run: {change}").format(change=change))
    if not status.failing.empty:
        first = status.failing.iloc[0]
        failing = translated("   {n} failing; most need first: {area}")
        area = first["area_name"] or first["area_code"]
        lines.append(failing.format(n=len(status.failing), area=area))
    return "\n".join(lines)
