"""argparse's own words in the chosen language: "usage:", the section titles, the help
option's text and the error line's prefix.

argparse takes these from stdlib gettext's process-wide default domain and the system
locale, not from ``--lang``; this parser passes the handful that every ``--help`` and
usage error shows through the core's catalogue instead (the commands' own help texts are
``translated`` where they are written). argparse's error messages themselves ("the
following arguments are required: ...") stay English. Subcommands' parsers are made of
the same class (argparse's add_parser uses the parent's class), so they follow too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from assetmap.core.i18n import translated


class TranslatedHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, translated("usage: ") if prefix is None else prefix
        )


class TranslatedParser(argparse.ArgumentParser):
    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self.add_help = add_help
        # argparse made these groups with its own words; the titles are only read when printed.
        self._positionals.title = translated("positional arguments")
        self._optionals.title = translated("options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=translated("show this help message and exit"),
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        error = translated("{prog}: error: {message}")
        self.exit(2, error.format(prog=self.prog, message=message) + "\n")
