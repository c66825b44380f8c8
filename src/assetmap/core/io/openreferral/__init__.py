"""Open Referral (HSDS 3.0 / Open Referral UK) service directories in and out.

Reading: the tabular data package (datapackage.json + CSVs, a folder or zip) and the JSON
form (full records, or the paginated lists an API returns). Every service at a location
becomes an asset through the asset import (importer.py); the export (writer.py) writes the
project's assets back as an HSDS 3.0 tabular data package in a zip.
"""

from assetmap.core.io.openreferral.directory import Directory
from assetmap.core.io.openreferral.importer import (
    OpenReferralOptions,
    TermUse,
    default_category,
    directory_preview,
    prepare_openreferral,
    read_terms,
)
from assetmap.core.io.openreferral.reading import read_directory

__all__ = [
    "Directory",
    "OpenReferralOptions",
    "TermUse",
    "default_category",
    "directory_preview",
    "prepare_openreferral",
    "read_directory",
    "read_terms",
]
