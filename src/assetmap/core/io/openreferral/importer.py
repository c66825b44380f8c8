"""Preparing an Open Referral directory's services as assets, through the asset import.

The directory is flattened to one row per service at a location (records.py) and handed to
``prepare_table``: placement (coordinates, else the postcode index), category matching,
the import key (the service_at_location id, so importing the directory again updates its
assets) and the report are the spreadsheet import's own. ImportAssets commits the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from assetmap.core.i18n import translatable, translated
from assetmap.core.io.asset_categories import UNKNOWN_NEW
from assetmap.core.io.asset_import import (
    AssetImportOptions,
    PreparedAssets,
    prepare_table,
)
from assetmap.core.io.openreferral.directory import Directory
from assetmap.core.io.openreferral.reading import read_directory
from assetmap.core.io.openreferral.records import (
    IGNORED,
    KEY,
    TERMS,
    BadCoordinates,
    service_records,
)
from assetmap.core.io.openreferral.taxonomy_map import primary_terms, split_terms, term_categories
from assetmap.core.io.preview import Preview, cell_text
from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.core.io.table import Table
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

TERM = "Taxonomy term"  # the term that chose the category
# The asset fields records.py fills, each from the column of its own name.
_FIELDS: tuple[str, ...] = ("description", "address", "contact", "phone", "website")
_FIELDS += ("opening_hours", "audience", "status")


@dataclass
class OpenReferralOptions:
    # taxonomy term -> category key (or NEW_CATEGORY); other terms: the defaults, then matching
    category_map: dict[str, str] = field(default_factory=dict)
    unknown_categories: str = UNKNOWN_NEW
    postcode_index: str | Path | None = None
    source: str | None = None


@dataclass(frozen=True)
class TermUse:
    """A taxonomy term and how many services it decides the category of (for the dialog)."""

    term: str
    services: int
    category: str | None  # the key the mapping gives it, None: left to matching


def default_category(project: Project, term: str) -> str | None:
    """The category the shipped mapping gives a term in this project, if any."""
    return term_categories(project, [term]).get(term)


def read_terms(
    project: Project, path: str | Path, cancelled: CancelledFn | None = None
) -> tuple[Directory, list[TermUse]]:
    """The directory and its deciding terms with their default categories, commonest first,
    for the dialog to show and let the user change before importing."""
    directory = read_directory(path, cancelled)
    frame = service_records(directory).frame
    every = [t for text in frame[TERMS] for t in split_terms(text)]
    mapped = term_categories(project, every)
    chosen = primary_terms(project, frame[TERMS], mapped)
    counts: dict[str, int] = {}
    for term in chosen:
        counts[term] = counts.get(term, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    return directory, [TermUse(t, n, mapped.get(t)) for t, n in ordered]


def directory_preview(
    project: Project, path: str | Path, rows: int, cancelled: CancelledFn | None = None
) -> Preview:
    """The directory as the import dialog previews a file: its assets' first rows, with the
    term that decides each one's category in the category column."""
    directory = read_directory(path, cancelled)
    records = service_records(directory)
    frame = records.frame
    every = [t for text in frame[TERMS] for t in split_terms(text)]
    frame.insert(0, TERM, primary_terms(project, frame[TERMS], term_categories(project, every)))
    table = _table(directory, frame)
    head = frame.head(rows)
    return Preview(
        path=directory.path,
        kind="assets",
        layers=[],
        layer=None,
        columns=[str(c) for c in frame.columns],
        rows=[[cell_text(v) for v in record] for record in head.itertuples(index=False)],
        row_numbers=[int(n) for n in table.row_numbers[:rows]],
        row_noun="record",
        row_count=len(frame),
        geometry_type=None,
        crs=None,
        notes=list(table.notes),
        fields={f: f for f in ("name", "postcode", *_FIELDS)},
        category_column=TERM,
        table=table,
    )


def _table(directory: Directory, frame: pd.DataFrame) -> Table:
    return Table(
        frame=frame,
        geometry=None,
        crs=None,
        path=directory.path,
        layer=None,
        row_numbers=np.arange(1, len(frame) + 1),
        row_noun="record",
        encoding=None,
        notes=[_summary(directory, len(frame))],
    )


def prepare_openreferral(
    project: Project,
    path: str | Path,
    options: OpenReferralOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedAssets:
    steps = Steps(progress)
    steps(0.0, translated("Reading the directory"))
    directory = read_directory(path, cancelled)
    check_cancelled(cancelled)
    steps(0.25, translated("Joining services, locations and organisations"))
    records = service_records(directory)
    frame = records.frame
    every = [t for text in frame[TERMS] for t in split_terms(text)]
    mapped = term_categories(project, every, options.category_map)
    frame.insert(0, TERM, primary_terms(project, frame[TERMS], mapped))
    table = _table(directory, frame)
    prepared = prepare_table(
        project,
        table,
        _asset_options(options, mapped),
        progress=steps.sub(0.3, 1.0),
        cancelled=cancelled,
    )
    _report_coordinates(prepared.report, records.bad_coordinates)
    return prepared


def _asset_options(options: OpenReferralOptions, mapped: dict[str, str]) -> AssetImportOptions:
    return AssetImportOptions(
        category_field=TERM,
        category_map=mapped,
        unknown_categories=options.unknown_categories,
        name_field="name",
        lat_field="latitude",
        lon_field="longitude",
        postcode_field="postcode",
        postcode_index=options.postcode_index,
        field_map={f: f for f in _FIELDS},
        source=options.source,
        id_field=KEY,
    )


# How many records of each HSDS table were read, as the summary counts them.
_TABLE_COUNTS = {
    "organization": translatable("{n:,} organization"),
    "service": translatable("{n:,} service"),
    "location": translatable("{n:,} location"),
    "service_at_location": translatable("{n:,} service at location"),
}


def _summary(directory: Directory, rows: int) -> str:
    counts = ", ".join(
        translated(pattern).format(n=directory.count(table))
        for table, pattern in _TABLE_COUNTS.items()
    )
    if rows == 1:
        pattern = translated(
            "Read as an Open Referral {form} ({counts}): 1 asset, one per service at a location"
        )
    else:
        pattern = translated(
            "Read as an Open Referral {form} ({counts}): {n:,} assets, one per service at a "
            "location"
        )
    return pattern.format(form=translated(directory.form), counts=counts, n=rows)


def _report_coordinates(report: ImportReport, bad: list[BadCoordinates]) -> None:
    """A location's impossible coordinates (the HSDS examples' latitude 100) named with its
    record: the asset is left unplaced, or placed by its postcode when it has one."""
    for problem in bad:
        generic = next((i for i in report.unplaced if i.row == problem.record), None)
        if generic is not None:
            report.unplaced.remove(generic)
        rejected = any(i.row == problem.record for i in report.rejected)
        if generic is not None or rejected or _reported(report.unplaced, problem):
            target = report.rejected if rejected else report.unplaced
            target.append(
                RowIssue(
                    problem.record,
                    problem.field,
                    translated("{problem}; not placed").format(problem=problem.message),
                    "record",
                )
            )
        else:
            report.repaired.append(
                RowIssue(
                    problem.record,
                    problem.field,
                    translated("{problem}; placed by its postcode").format(problem=problem.message),
                    "record",
                )
            )


def _reported(issues: list[RowIssue], problem: BadCoordinates) -> bool:
    """Whether this row's other coordinate was already reported unplaced (both were bad)."""
    ignored = translated(IGNORED)
    return any(i.row == problem.record and ignored in i.message for i in issues)
