"""`assetmap duplicates`: list the assets that are probably the same place twice."""

from __future__ import annotations

import argparse
from pathlib import Path

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.i18n import translated


def add_duplicates(sub: argparse._SubParsersAction) -> None:
    from assetmap.core.duplicates import NAME_THRESHOLD, WITHIN_M

    p = command(
        sub,
        "duplicates",
        translated(
            "list likely duplicate assets: the same identifier, the same name nearby, or the "
            "same postcode and a similar name"
        ),
        cmd_duplicates,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument(
        "--csv", type=Path, metavar="FILE", help=translated("write the pairs to a CSV file")
    )
    p.add_argument(
        "--within",
        type=float,
        default=WITHIN_M,
        metavar="M",
        help=translated("the same name counts within this many metres (default %(default).0f)"),
    )
    p.add_argument(
        "--threshold",
        type=float,
        default=NAME_THRESHOLD,
        metavar="N",
        help=translated(
            "how alike two names at one postcode must be, 0-100 (token-set similarity; "
            "default %(default)s)"
        ),
    )


def cmd_duplicates(options: argparse.Namespace) -> int:
    from assetmap.core import duplicates
    from assetmap.core.project import Project

    progress = TerminalProgress()
    with Project.open(options.project) as project:
        pairs = duplicates.find_duplicates(
            project,
            within_m=options.within,
            name_threshold=options.threshold,
            progress=progress,
        )
    progress.done()
    if options.csv is not None:
        duplicates.write_csv(pairs, options.csv)
        wrote = translated("Wrote {n} likely duplicate pairs to {file}")
        print(wrote.format(n=len(pairs), file=options.csv))
        return EXIT_OK
    print(_pairs_text(pairs, options.within, options.threshold))
    return EXIT_OK


def _pairs_text(pairs: list, within: float, threshold: float) -> str:
    head = translated(
        "{n} likely duplicate pairs (the same name within {within:.0f} m; "
        "names at one postcode {threshold:.0f}% alike or more)"
    )
    lines = [head.format(n=len(pairs), within=within, threshold=threshold)]
    for p in pairs:
        apart = (
            translated("unplaced")
            if p.distance_m is None
            else translated("{d:.0f} m apart").format(d=p.distance_m)
        )
        lines += [
            "",
            f"  {p.name_a} ({p.category_a})",
            f"  {p.name_b} ({p.category_b})",
            f"    {apart}; {p.rule_words}",
        ]
    return "\n".join(lines)
