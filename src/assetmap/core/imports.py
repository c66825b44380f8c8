"""One call per import for the CLI, the GUI workers and scripts: prepare, then commit.

Preparing never touches the project; committing is one undoable command in
one transaction, so a failure or a kill at any point leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from assetmap.core.commands.base import Command, CommandStack
from assetmap.core.commands.imports import ImportAreaSet, ImportAssets, JoinIndicators
from assetmap.core.i18n import translated
from assetmap.core.io.area_import import AreaImportOptions, prepare_areas
from assetmap.core.io.asset_import import AssetImportOptions, prepare_assets
from assetmap.core.io.indicator_import import IndicatorOptions, prepare_indicators
from assetmap.core.io.openreferral import OpenReferralOptions, prepare_openreferral
from assetmap.core.io.osm_assets import ATTRIBUTION as OSM_ATTRIBUTION
from assetmap.core.io.osm_assets import OsmAssetOptions, prepare_osm_assets
from assetmap.core.io.report import ImportReport
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

# Called with the checked report just before the import is committed.
BeforeCommit = Callable[[ImportReport], None]


class _Prepared(Protocol):
    """What every ``prepare_*`` returns: the work done, and its report."""

    @property
    def report(self) -> ImportReport: ...


def import_areas(
    project: Project,
    path: str | Path,
    options: AreaImportOptions,
    *,
    stack: CommandStack | None = None,
    attribution: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    before_commit: BeforeCommit | None = None,
) -> ImportReport:
    return _run(
        project,
        path,
        options,
        prepare_areas,
        ImportAreaSet,
        stack,
        attribution,
        progress,
        cancelled,
        before_commit,
    )


def import_assets(
    project: Project,
    path: str | Path,
    options: AssetImportOptions,
    *,
    stack: CommandStack | None = None,
    attribution: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    before_commit: BeforeCommit | None = None,
) -> ImportReport:
    return _run(
        project,
        path,
        options,
        prepare_assets,
        ImportAssets,
        stack,
        attribution,
        progress,
        cancelled,
        before_commit,
    )


def import_osm_assets(
    project: Project,
    path: str | Path,
    options: OsmAssetOptions,
    *,
    stack: CommandStack | None = None,
    attribution: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    before_commit: BeforeCommit | None = None,
) -> ImportReport:
    """OpenStreetMap features as assets; the project records OSM's attribution (ODbL)."""
    return _run(
        project,
        path,
        options,
        prepare_osm_assets,
        ImportAssets,
        stack,
        "\n".join(a for a in (OSM_ATTRIBUTION, attribution) if a),
        progress,
        cancelled,
        before_commit,
    )


def join_indicators(
    project: Project,
    path: str | Path,
    options: IndicatorOptions,
    *,
    stack: CommandStack | None = None,
    attribution: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    before_commit: BeforeCommit | None = None,
) -> ImportReport:
    return _run(
        project,
        path,
        options,
        prepare_indicators,
        JoinIndicators,
        stack,
        attribution,
        progress,
        cancelled,
        before_commit,
    )


def _run(
    project: Project,
    path: str | Path,
    options: Any,
    prepare: Callable[..., _Prepared],
    command: Callable[[Any, str | None], Command],
    stack: CommandStack | None,
    attribution: str | None,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
    before_commit: BeforeCommit | None,
) -> ImportReport:
    steps = Steps(progress)
    prepared = prepare(project, path, options, progress=steps.sub(0, 0.8), cancelled=cancelled)
    check_cancelled(cancelled)
    if before_commit is not None:
        before_commit(prepared.report)  # e.g. write the report file; raising stops the import
    steps(0.85, translated("Writing to the project"))
    # Commit through ``project``'s connection; the GUI passes its stack for undo.
    (stack or CommandStack(project)).push(command(prepared, attribution), project=project)
    prepared.report.committed = True
    steps(1.0, translated("Done"))
    return prepared.report


def import_openreferral(
    project: Project,
    path: str | Path,
    options: OpenReferralOptions,
    *,
    stack: CommandStack | None = None,
    attribution: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    before_commit: BeforeCommit | None = None,
) -> ImportReport:
    """An Open Referral directory's services as assets, through the asset import's command
    (undo, Import again and the report work as for a spreadsheet)."""
    return _run(
        project,
        path,
        options,
        prepare_openreferral,
        ImportAssets,
        stack,
        attribution,
        progress,
        cancelled,
        before_commit,
    )
