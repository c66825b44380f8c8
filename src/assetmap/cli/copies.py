"""The copy subcommand: write a copy of a project to hand out, which a later merge knows as a
copy of the same project (issue 12)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.errors import BadInputError

if TYPE_CHECKING:
    from assetmap.core.copies import CopyReport


def add_copy(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub, "copy", "save a copy of a project to hand out, to be merged back later", cmd_copy
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("out", type=Path, metavar="OUT.gpkg")
    p.add_argument("--label", help="what the copy is called on its title bar "
                   "(default: 'Field copy, <today's date>')")  # fmt: skip
    p.add_argument("--no-personal", action="store_true",
                   help="leave out assets holding personal data")  # fmt: skip
    p.add_argument("--no-attachments", action="store_true",
                   help="leave out photos and other attachments")  # fmt: skip
    p.add_argument("--force", action="store_true", help="replace an existing OUT file")


def cmd_copy(options: argparse.Namespace) -> int:
    from assetmap.core import copies
    from assetmap.core.project import Project

    out: Path = options.out
    if out.suffix.lower() != ".gpkg":
        raise BadInputError("a project file name must end in .gpkg", file=out, field="OUT")
    if out.exists() and not options.force:
        raise BadInputError(
            "a file with this name already exists; nothing was written",
            file=out, field="OUT", hint="choose another name, or add --force",
        )  # fmt: skip
    label = options.label if options.label is not None else copies.default_label()
    progress = TerminalProgress()
    with Project.open(options.project) as project:
        report = copies.save_copy(
            project, out, label=label, personal_data=not options.no_personal,
            attachments=not options.no_attachments, progress=progress,
        )  # fmt: skip
    progress.done()
    print(_report_text(report))
    return EXIT_OK


def _report_text(report: CopyReport) -> str:
    who = report.identity
    lines = [
        f"Saved {report.path} ({report.size_bytes / 1024 / 1024:.1f} MB): {report.assets} assets",
        f"  label: {who.copy_label or '(none)'}",
        f"  project id: {who.project_id}; copy id: {who.copy_id} (copied from {who.copied_from} "
        f"at change {who.copied_at_seq})",
    ]
    from assetmap.core.copies import left_out_words

    lines += [f"  left out: {words}" for words in left_out_words(report)]
    return "\n".join(lines)
