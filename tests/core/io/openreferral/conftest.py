"""The Open Referral HSDS 3.0 examples (fictional records, CC BY-SA 4.0 © Open Referral; see
sample_data/sources/open_referral/*/SOURCE.txt) and variants of them a test changes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def hsds_csv(sources: Path) -> Path:
    return sources / "open_referral" / "hsds3_examples_csv"


@pytest.fixture(scope="session")
def hsds_json(sources: Path) -> Path:
    return sources / "open_referral" / "hsds3_examples_json"


@pytest.fixture(scope="session")
def hsds_schema(repo_root: Path) -> Path:
    """The published HSDS 3.0 data package descriptor, kept apart from the shipped copy."""
    return repo_root / "tests" / "data" / "hsds3" / "datapackage.json"


@pytest.fixture
def package_copy(hsds_csv: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "directory"
    shutil.copytree(hsds_csv, folder)
    return folder


@pytest.fixture
def edit_csv():
    return _edit_csv


def _edit_csv(path: Path, changes: dict[str, str], row: int = 0) -> None:
    """Change fields of one record of a package's CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    rows[row].update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
