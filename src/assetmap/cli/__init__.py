"""The command-line interface over the core (BRIEF section 5; kept stable).

Exit codes: 0 done, 2 usage error, 3 bad input (the message on stderr names
the file, row and field and what to do), 130 interrupted.

This module parses and dispatches; the subcommands live by what they do: cli.project
(new, info), cli.imports (import-areas, import-assets, join-indicators, import-basemap,
import-osm-assets, import-openreferral), cli.analyse, cli.export, cli.copies (copy),
cli.merge (merge), cli.shared (publish, sync), cli.outcomes (outcomes) and cli.scenarios
(scenarios).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assetmap import __version__
from assetmap.cli import (
    analyse,
    copies,
    duplicates,
    export,
    imports,
    merge,
    outcomes,
    project,
    scenarios,
    shared,
)
from assetmap.cli.parser import TranslatedParser
from assetmap.cli.terminal import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from assetmap.core import i18n as core_i18n

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

COMMANDS = (
    "new", "import-areas", "import-assets", "join-indicators", "import-basemap",
    "import-osm-assets", "import-openreferral", "analyse", "export", "info", "copy",
    "duplicates", "merge", "publish", "sync", "outcomes", "scenarios",
)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = _take_language(list(sys.argv[1:] if argv is None else argv))
    core_i18n.set_language(core_i18n.language_from_environment())
    if not args or (args[0] not in COMMANDS and not args[0].startswith("-")):
        return _open_app(args)
    parser = build_parser()
    options = parser.parse_args(args)
    if options.self_test:
        if options.command is not None:
            parser.error("--self-test takes no command")
        return _self_test()
    if options.command is None:
        parser.print_help()
        return EXIT_USAGE
    return _run(options.handler, options)


def _take_language(args: list[str]) -> list[str]:
    """``--lang cy`` (or ``--lang=cy``) before anything else: the app's language for this
    session, passed on as ASSETMAP_LANG (assetmap.qt.i18n reads it when the app starts; the
    commands' words from the core, and their PDF and PNG exports, follow it too)."""
    if args and args[0].startswith("--lang="):
        os.environ["ASSETMAP_LANG"] = args[0].split("=", 1)[1]
        return args[1:]
    if len(args) >= 2 and args[0] == "--lang":
        os.environ["ASSETMAP_LANG"] = args[1]
        return args[2:]
    return args


def _run(handler: Callable[[argparse.Namespace], int], options: argparse.Namespace) -> int:
    from assetmap.core.errors import AssetmapError, Cancelled, undecodable_text

    try:
        return handler(options)
    except Cancelled as exc:
        print(f"assetmap: {exc}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        interrupted = core_i18n.translated("interrupted; nothing was changed")
        print(f"assetmap: {interrupted}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        sys.stderr.close()
        return EXIT_OK
    except AssetmapError as exc:
        return _bad_input(exc)
    except sqlite3.OperationalError as exc:
        unreadable = undecodable_text(exc, getattr(options, "project", None))
        if unreadable is None:
            raise
        return _bad_input(unreadable)


def _bad_input(exc: Exception) -> int:
    error = core_i18n.translated("assetmap: error: {message}")
    print(error.format(message=exc), file=sys.stderr)
    return EXIT_BAD_INPUT


def _self_test() -> int:
    """Open the window offscreen on each demo, draw, analyse and export (qt.selftest)."""
    from assetmap.qt.selftest import run_self_test

    return run_self_test()


def _open_app(args: list[str]) -> int:
    parser = TranslatedParser(prog="assetmap")
    parser.add_argument("project", nargs="?", type=Path)
    options = parser.parse_args(args)
    from assetmap.qt.app import run_app

    return run_app(options.project)


def build_parser() -> argparse.ArgumentParser:
    parser = TranslatedParser(
        prog="assetmap",
        description=core_i18n.translated(
            "Map a neighbourhood's community assets, find the gaps, export the maps. "
            "Run 'assetmap [PROJECT.gpkg]' to open the desktop app (the demo project if none)."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"assetmap {__version__}",
        help=core_i18n.translated("show program's version number and exit"),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=core_i18n.translated(
            "the language for this session, of the desktop app and of the gap analysis's "
            "words and the PDF and PNG exports of the commands: cy (Cymraeg) or en; must come "
            "first, as in 'assetmap --lang cy [PROJECT.gpkg]' (or set ASSETMAP_LANG)"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=core_i18n.translated(
            "check this installation with no display: open each demo, draw the map, analyse, "
            "export PDF, PNG and HTML; prints a line per check and exits 0 when all pass"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    project.add_new(sub)
    imports.add_import_areas(sub)
    imports.add_import_assets(sub)
    imports.add_join_indicators(sub)
    imports.add_import_basemap(sub)
    imports.add_import_osm_assets(sub)
    imports.add_import_openreferral(sub)
    analyse.add_analyse(sub)
    export.add_export(sub)
    project.add_info(sub)
    copies.add_copy(sub)
    duplicates.add_duplicates(sub)
    merge.add_merge(sub)
    shared.add_publish(sub)
    shared.add_sync(sub)
    outcomes.add_outcomes(sub)
    scenarios.add_scenarios(sub)
    return parser
