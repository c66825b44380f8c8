"""What every subcommand shares: its exit codes, how it is registered with the parser, and
the progress line it draws on a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 2, 3, 130


def command(
    sub: argparse._SubParsersAction, name: str, help_text: str, handler: Callable
) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.set_defaults(handler=handler)
    return p


class TerminalProgress:
    """A one-line progress display on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self._last = ""

    def __call__(self, fraction: float, message: str) -> None:
        if not self.active:
            return
        line = f"\r[{fraction * 100:3.0f}%] {message}"[:100]
        if line != self._last:
            sys.stderr.write(line.ljust(len(self._last)))
            sys.stderr.flush()
            self._last = line

    def done(self) -> None:
        if self.active and self._last:
            sys.stderr.write("\r" + " " * len(self._last) + "\r")
            sys.stderr.flush()
