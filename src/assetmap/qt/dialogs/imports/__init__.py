"""Import dialogs for areas, assets and indicators: choose a file, map its columns, check, import.

Nothing is written until the user has read the dry run's report and pressed Import (see
``base``). The mapping step starts from the guesses the CLI would make (core.io.preview), so a
plain import needs no more than Next, Check and Import.

The main window opens them modally: ``ImportAssetsDialog(session, window).exec()``; a dropped
file is passed as ``path=``.

- ``base``: the three-step dialog the imports share (``ImportDialog``)
- ``areas``, ``assets``, ``indicators``: one dialog per kind of import, each its step 2
- ``field_mapping``, ``category_combo``, ``preview``: the widgets step 2 is made of
- ``report_view``, ``report_csv``: step 3's report, on screen and saved
- ``workers``: the dry run and the import, on worker threads
- ``style``: colours and notes
"""

from assetmap.qt.dialogs.imports.areas import ImportAreasDialog
from assetmap.qt.dialogs.imports.assets import ImportAssetsDialog
from assetmap.qt.dialogs.imports.base import ImportDialog
from assetmap.qt.dialogs.imports.indicators import ImportIndicatorsDialog
from assetmap.qt.dialogs.imports.report_csv import write_report_csv

__all__ = [
    "ImportAreasDialog",
    "ImportAssetsDialog",
    "ImportDialog",
    "ImportIndicatorsDialog",
    "write_report_csv",
]
