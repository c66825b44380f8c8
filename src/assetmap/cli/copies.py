"""The copy subcommand: write a copy of a project to hand out, which a later merge knows as a
copy of the same project (issue 12)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.cli.terminal import EXIT_OK, TerminalProgress, command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated

if TYPE_CHECKING:
    from assetmap.core.copies import CopyReport


def add_copy(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "copy",
        translated("save a copy of a project to hand out, to be merged back later"),
        cmd_copy,
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("out", type=Path, metavar="OUT.gpkg")
    p.add_argument("--label", help=translated("what the copy is called on its title bar "
                   "(default: 'Field copy, <today's date>')"))  # fmt: skip
    p.add_argument("--no-personal", action="store_true",
                   help=translated("leave out assets holding personal data"))  # fmt: skip
    p.add_argument("--no-attachments", action="store_true",
                   help=translated("leave out photos and other attachments"))  # fmt: skip
    p.add_argument("--force", action="store_true", help=translated("replace an existing OUT file"))


def cmd_copy(options: argparse.Namespace) -> int:
    from assetmap.core import copies
    from assetmap.core.project import Project

    out: Path = options.out
    if out.suffix.lower() != ".gpkg":
        raise BadInputError(
            translated("a project file name must end in .gpkg"), file=out, field="OUT"
        )
    if out.exists() and not options.force:
        raise BadInputError(
            translated("a file with this name already exists; nothing was written"),
            file=out, field="OUT", hint=translated("choose another name, or add --force"),
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
    saved = translated("Saved {path} ({size:.1f} MB): {assets} assets")
    ids = translated(
        "  project id: {project_id}; copy id: {copy_id} (copied from {copied_from} "
        "at change {copied_at_seq})"
    )
    lines = [
        saved.format(path=report.path, size=report.size_bytes / 1024 / 1024, assets=report.assets),
        translated("  label: {label}").format(label=who.copy_label or translated("(none)")),
        ids.format(
            project_id=who.project_id,
            copy_id=who.copy_id,
            copied_from=who.copied_from,
            copied_at_seq=who.copied_at_seq,
        ),  # fmt: skip
    ]
    from assetmap.core.copies import left_out_words

    left_out = translated("  left out: {words}")
    lines += [left_out.format(words=words) for words in left_out_words(report)]
    return "\n".join(lines)
