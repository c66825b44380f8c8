"""Which form a directory came in, and reading it."""

from __future__ import annotations

from pathlib import Path

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io.openreferral.directory import Directory
from assetmap.core.io.openreferral.json_form import is_json, read_json
from assetmap.core.io.openreferral.tabular import is_tabular, read_tabular
from assetmap.core.progress import CancelledFn


def read_directory(path: str | Path, cancelled: CancelledFn | None = None) -> Directory:
    path = Path(path)
    if not path.exists():
        raise BadInputError(translated("does not exist"), file=path)
    if is_tabular(path):
        return read_tabular(path, cancelled)
    if is_json(path):
        return read_json(path, cancelled)
    raise BadInputError(
        translated(
            "is not an Open Referral directory: give the data package (a folder or zip with "
            "datapackage.json and its CSVs, or datapackage.json itself) or HSDS JSON (a file of "
            "service records, or a folder of the pages an API returned)"
        ),
        file=path,
    )
