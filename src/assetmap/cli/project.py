"""The subcommands about the project file itself: create one (new) and describe one (info)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assetmap.cli.terminal import EXIT_OK, command


def add_new(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "new", "create a new, empty project file", cmd_new)
    p.add_argument("project", type=Path, metavar="PROJECT.gpkg")
    p.add_argument("--name", help="the project's name (default: the file name)")
    p.add_argument(
        "--crs",
        default="EPSG:27700",
        help="metric coordinate system for distances and areas (default EPSG:27700, British "
        "National Grid; elsewhere use the local UTM zone)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument(
        "--place",
        metavar="NAME_OR_CODE",
        help='start from a local authority of England or Wales (e.g. "Leicester" or '
        "E06000016): its neighbourhoods (LSOA 2011), population, IMD 2019 and postcodes, from "
        "the starter pack shipped with assetmap (offline)",
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
        print(f"Created {options.project} ({project.crs.name}, {count} categories)")
    return EXIT_OK


def _new_for_place(options: argparse.Namespace) -> int:
    from assetmap.cli.terminal import TerminalProgress
    from assetmap.core.places import new_project_for_place

    if options.crs != "EPSG:27700":
        print("assetmap: --place projects use EPSG:27700; --crs ignored", file=sys.stderr)
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
    figures = ", ".join(made.indicators) or "no population or deprivation figures"
    print(
        f"Created {made.path} for {made.place.name} ({made.place.code}, {made.place.country}): "
        f"{made.areas} neighbourhoods (LSOA 2011) with {figures}; {made.postcodes:,} postcodes"
    )
    for note in made.notes:
        print(f"Note: {note}")
    return EXIT_OK


def add_info(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "info", "describe a project: layers, counts, sources", cmd_info)
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--json", action="store_true", help="machine-readable output")


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
    lines = [
        f"{info['name']} — {info['file']}",
        f"  coordinate system: {info['crs_name']} ({info['crs']}); "
        f"project schema {info['schema_version']}",
        f"  assets: {a['total']} ({a['active']} active, {a['closed']} closed, "
        f"{a['proposed']} proposed); {a['unplaced']} unplaced, {a['out_of_area']} out of area, "
        f"{a['deleted']} deleted",
        *_identity_lines(info["identity"]),
        *_remote_lines(info.get("remote")),
    ]
    used = [c for c in info["categories"] if c["assets"]]
    for c in sorted(used, key=lambda c: -c["assets"]):
        lines.append(f"    {c['assets']:>6}  {c['label']} ({c['group']})")
    lines.append(f"  area sets: {len(info['area_sets'])}")
    for s in info["area_sets"]:
        lines.append(
            f"    {s['name']}: {s['areas']} areas (layer {s['layer']}, from {s['source']})"
        )
        if s["indicators"]:
            lines.append("      indicators: " + ", ".join(i["column"] for i in s["indicators"]))
    if info["postcodes"]:
        lines.append(f"  postcode index: {info['postcodes']} postcodes")
    for source in info["sources"]:
        if source["kind"] == "basemap":
            lines.append(f"  basemap: {source['rows']:,} features from {source['file']}")
    lines += [f"  note: {note}" for note in info.get("notes", [])]
    if info["attributions"]:
        lines.append("  data attributions:")
        lines += [f"    {line}" for line in info["attributions"]]
    return "\n".join(lines)


def _identity_lines(who: dict) -> list[str]:
    """Which project and which copy: what a merge of copies goes by."""
    lines = [f"  project id: {who['project_id']}", f"  copy id: {who['copy_id']}"]
    if who["copy_label"]:
        lines.append(f"  copy: {who['copy_label']}")
    if who["copied_from"]:
        lines.append(f"  copied from copy {who['copied_from']} at change {who['copied_at_seq']}")
    if who["left_out"]:
        lines.append("  left out of this copy: " + ", ".join(who["left_out"]).replace("_", " "))
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
    when = remote["last_sync_at"] or f"never (published {remote['published_at']})"
    return [
        f"  shared map: {remote['target']}, schema {remote['schema']}; last sync: {when}; "
        f"{remote['waiting']} changes waiting to go up"
    ]
