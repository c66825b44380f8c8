"""The subcommands about the project file itself: create one (new) and describe one (info)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assetmap.cli.terminal import EXIT_OK, command
from assetmap.core.i18n import translated


def add_new(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "new", translated("create a new, empty project file"), cmd_new)
    p.add_argument("project", type=Path, metavar="PROJECT.gpkg")
    p.add_argument("--name", help=translated("the project's name (default: the file name)"))
    p.add_argument(
        "--crs",
        default="EPSG:27700",
        help=translated(
            "metric coordinate system for distances and areas (default EPSG:27700, British "
            "National Grid; elsewhere use the local UTM zone)"
        ),
    )
    p.add_argument("--force", action="store_true", help=translated("replace an existing file"))
    p.add_argument(
        "--place",
        metavar="NAME_OR_CODE",
        help=translated(
            'start from a local authority of England or Wales (e.g. "Leicester" or '
            "E06000016): its neighbourhoods (LSOA 2011), population, IMD 2019 and postcodes, from "
            "the starter pack shipped with assetmap (offline)"
        ),
    )


def cmd_new(options: argparse.Namespace) -> int:
    from assetmap.core import categories
    from assetmap.core.project import Project

    if options.place is not None:
        return _new_for_place(options)
    with Project.create(
        options.project, name=options.name, crs=options.crs, overwrite=options.force
    ) as project:
        count = len(categories.all_categories(project))
        created = translated("Created {path} ({crs}, {n} categories)")
        print(created.format(path=options.project, crs=project.crs.name, n=count))
    return EXIT_OK


def _new_for_place(options: argparse.Namespace) -> int:
    from assetmap.cli.terminal import TerminalProgress
    from assetmap.core.places import new_project_for_place

    if options.crs != "EPSG:27700":
        ignored = translated("--place projects use EPSG:27700; --crs ignored")
        print(f"assetmap: {ignored}", file=sys.stderr)
    progress = TerminalProgress()
    try:
        made = new_project_for_place(
            options.project,
            options.place,
            name=options.name,
            overwrite=options.force,
            progress=progress,
        )
    finally:
        progress.done()
    figures = ", ".join(made.indicators) or translated("no population or deprivation figures")
    created = translated(
        "Created {path} for {place} ({code}, {country}): {areas} neighbourhoods (LSOA 2011) "
        "with {figures}; {postcodes:,} postcodes"
    )
    place = made.place
    print(
        created.format(
            path=made.path,
            place=place.name,
            code=place.code,
            country=place.country,
            areas=made.areas,
            figures=figures,
            postcodes=made.postcodes,
        )  # fmt: skip
    )
    for note in made.notes:
        print(translated("Note: {note}").format(note=note))
    return EXIT_OK


def add_info(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "info", translated("describe a project: layers, counts, sources"), cmd_info)
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--json", action="store_true", help=translated("machine-readable output"))


def cmd_info(options: argparse.Namespace) -> int:

    from assetmap.core.copies import identity
    from assetmap.core.places import place_notes
    from assetmap.core.project import Project
    from assetmap.core.summary import summary

    with Project.open(options.project) as project:
        info = summary(project)
        who = identity(project)
        info["notes"] = place_notes(project)
        info["remote"] = _remote_info(project)
    info["identity"] = {
        "project_id": who.project_id, "copy_id": who.copy_id, "copy_label": who.copy_label,
        "copied_from": who.copied_from, "copied_at_seq": who.copied_at_seq,
        "left_out": list(who.left_out),
    }  # fmt: skip
    if options.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(_info_text(info))
    return EXIT_OK


def _info_text(info: dict) -> str:
    a = info["assets"]
    crs = translated("  coordinate system: {crs_name} ({crs}); project schema {schema_version}")
    assets = translated(
        "  assets: {total} ({active} active, {closed} closed, {proposed} proposed); "
        "{unplaced} unplaced, {out_of_area} out of area, {deleted} deleted"
    )
    lines = [
        f"{info['name']} — {info['file']}",
        crs.format(**info),
        assets.format(**a),
        *_identity_lines(info["identity"]),
        *_remote_lines(info.get("remote")),
    ]
    used = [c for c in info["categories"] if c["assets"]]
    for c in sorted(used, key=lambda c: -c["assets"]):
        lines.append(f"    {c['assets']:>6}  {c['label']} ({c['group']})")
    lines.append(translated("  area sets: {n}").format(n=len(info["area_sets"])))
    area_set = translated("    {name}: {areas} areas (layer {layer}, from {source})")
    for s in info["area_sets"]:
        lines.append(area_set.format(**s))
        if s["indicators"]:
            names = ", ".join(i["column"] for i in s["indicators"])
            lines.append(translated("      indicators: {names}").format(names=names))
    if info["postcodes"]:
        postcodes = translated("  postcode index: {n} postcodes")
        lines.append(postcodes.format(n=info["postcodes"]))
    basemap = translated("  basemap: {rows:,} features from {file}")
    for source in info["sources"]:
        if source["kind"] == "basemap":
            lines.append(basemap.format(**source))
    lines += ["  " + translated("note: {note}").format(note=note) for note in info.get("notes", [])]
    if info["attributions"]:
        lines.append(translated("  data attributions:"))
        lines += [f"    {line}" for line in info["attributions"]]
    return "\n".join(lines)


def _identity_lines(who: dict) -> list[str]:
    """Which project and which copy: what a merge of copies goes by."""
    lines = [
        translated("  project id: {project_id}").format(**who),
        translated("  copy id: {copy_id}").format(**who),
    ]
    if who["copy_label"]:
        lines.append(translated("  copy: {copy_label}").format(**who))
    if who["copied_from"]:
        copied = translated("  copied from copy {copied_from} at change {copied_at_seq}")
        lines.append(copied.format(**who))
    if who["left_out"]:
        left_out = ", ".join(who["left_out"]).replace("_", " ")
        lines.append(translated("  left out of this copy: {names}").format(names=left_out))
    return lines


def _remote_info(project: Any) -> dict[str, Any] | None:
    """The shared map the project was published to, without any password."""
    from assetmap.core.shared.remote import remotes
    from assetmap.core.shared.sync import waiting_changes

    found = remotes(project)
    if not found:
        return None
    one = found[0]
    return {
        "target": one.target, "schema": one.schema_name, "last_sync_at": one.last_sync_at,
        "published_at": one.published_at, "waiting": waiting_changes(project, one),
    }  # fmt: skip


def _remote_lines(remote: dict[str, Any] | None) -> list[str]:
    if remote is None:
        return []
    never = translated("never (published {published_at})")
    when = remote["last_sync_at"] or never.format(**remote)
    shared = translated(
        "  shared map: {target}, schema {schema}; last sync: {when}; "
        "{waiting} changes waiting to go up"
    )
    return [shared.format(when=when, **remote)]
