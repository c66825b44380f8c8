"""The analyse subcommand: a gap analysis of an area set, written as results and method."""

from __future__ import annotations

import argparse
from pathlib import Path

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated


def add_analyse(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "analyse",
        translated("find gaps: counts, distances, coverage and need versus provision per area"),
        cmd_analyse,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--set", required=True, dest="set_name", metavar="NAME", help=translated("the area set")
    )
    p.add_argument(
        "--category",
        action="append",
        metavar="C",
        help=translated(
            "category key or name, or a taxonomy group (repeatable; default: every category "
            "with assets to count; a group brings in those of its categories that have assets)"
        ),
    )
    p.add_argument(
        "--distance",
        type=float,
        default=800.0,
        metavar="M",
        help=translated(
            "walking-distance proxy in metres, straight line (default 800, about 10 minutes)"
        ),
    )
    p.add_argument(
        "--population", metavar="FIELD", help=translated("area field with the population")
    )
    p.add_argument(
        "--need",
        metavar="FIELD",
        help=translated("area field with need, higher = more (e.g. IMD score)"),
    )
    p.add_argument(
        "--provision",
        choices=("coverage", "per_1000"),
        default="coverage",
        help=translated(
            "provision measure set against need (default coverage; per_1000 needs --population)"
        ),
    )
    p.add_argument(
        "--include-pending",
        "--include-unverified",  # its name before review and verification were told apart
        dest="include_pending",
        action="store_true",
        help=translated(
            "also count assets awaiting review (approved assets always count, rejected never)"
        ),
    )
    p.add_argument(
        "--include-needs",
        action="store_true",
        help=translated(
            "also report the workshop need pins in each area as 'needs raised' "
            "(they never count as assets)"
        ),
    )
    p.add_argument("--out", required=True, type=Path, metavar="RESULTS.csv")
    p.add_argument("--quiet", action="store_true", help=translated("no progress output"))


def cmd_analyse(options: argparse.Namespace) -> int:
    from assetmap.core import categories
    from assetmap.core.analysis import results_csv, summary
    from assetmap.core.analysis.api import analyse
    from assetmap.core.analysis.inputs import choose_categories
    from assetmap.core.analysis.params import AnalysisParams
    from assetmap.core.errors import BadInputError
    from assetmap.core.project import Project

    if options.provision == "per_1000" and not options.population:
        raise BadInputError("--provision per_1000 needs --population", field="--provision")
    results_csv.check_out(options.out, options.project, field="--out")  # before any change
    progress = None if options.quiet else TerminalProgress()
    with Project.open(options.project) as project:
        choice = choose_categories(project, options.category, options.include_pending)
        labels = {c.key: c.label for c in categories.all_categories(project)}
        try:
            params = AnalysisParams(
                area_set=options.set_name,
                categories=choice.keys,
                distance_m=options.distance,
                population_field=options.population,
                need_field=options.need,
                provision=options.provision,
                include_pending=options.include_pending,
                include_needs=options.include_needs,
                groups=choice.groups,
                skipped=choice.skipped,
            )
        except ValueError as exc:
            raise BadInputError(str(exc)) from exc
        try:
            result = analyse(project, params, progress=progress, out=options.out)
        finally:
            if progress:
                progress.done()
    method = results_csv.method_path(options.out)
    headline = summary.headline(result)
    print(translated("Run {run}: {headline}.").format(run=result.run_id, headline=headline))
    if params.skipped:
        print(
            translated("{left_out} (all listed in {file}).").format(
                left_out=summary.left_out(result, labels), file=method.name
            )
        )
    for key in summary.without_assets(result):
        print(
            translated("No {category} assets to count: every area is a gap in it.").format(
                category=labels.get(key, key)
            )
        )
    done = translated("Results: {results}; method: {method}")
    print(done.format(results=options.out, method=method))
    return EXIT_OK
