"""The import dialogs' old home, kept so existing imports work: the code is in ``imports/``."""

from assetmap.qt.dialogs.imports.areas import VECTOR_FILES as VECTOR_FILES
from assetmap.qt.dialogs.imports.areas import ImportAreasDialog
from assetmap.qt.dialogs.imports.assets import ASSET_FIELD_LABELS as ASSET_FIELD_LABELS
from assetmap.qt.dialogs.imports.assets import COORDINATE_LABELS as COORDINATE_LABELS
from assetmap.qt.dialogs.imports.assets import SETTING_POSTCODE_INDEX as SETTING_POSTCODE_INDEX
from assetmap.qt.dialogs.imports.assets import ImportAssetsDialog
from assetmap.qt.dialogs.imports.base import ALL_FILES as ALL_FILES
from assetmap.qt.dialogs.imports.base import FILE_TITLE as FILE_TITLE
from assetmap.qt.dialogs.imports.base import REPORT_TITLE as REPORT_TITLE
from assetmap.qt.dialogs.imports.base import SETTING_FOLDER as SETTING_FOLDER
from assetmap.qt.dialogs.imports.base import STEP_FILE as STEP_FILE
from assetmap.qt.dialogs.imports.base import STEP_MAP as STEP_MAP
from assetmap.qt.dialogs.imports.base import ImportDialog
from assetmap.qt.dialogs.imports.base import nothing_importable as nothing_importable
from assetmap.qt.dialogs.imports.base import problem_text as problem_text
from assetmap.qt.dialogs.imports.base import settings as settings
from assetmap.qt.dialogs.imports.category_combo import CategoryCombo as CategoryCombo
from assetmap.qt.dialogs.imports.category_combo import category_icon as category_icon
from assetmap.qt.dialogs.imports.field_mapping import GUESSED_TEXT as GUESSED_TEXT
from assetmap.qt.dialogs.imports.field_mapping import NONE_TEXT as NONE_TEXT
from assetmap.qt.dialogs.imports.field_mapping import ColumnCombo as ColumnCombo
from assetmap.qt.dialogs.imports.field_mapping import FieldMapper as FieldMapper
from assetmap.qt.dialogs.imports.indicators import TABLE_FILES as TABLE_FILES
from assetmap.qt.dialogs.imports.indicators import ImportIndicatorsDialog
from assetmap.qt.dialogs.imports.preview import PREVIEW_ROWS as PREVIEW_ROWS
from assetmap.qt.dialogs.imports.preview import PreviewTable as PreviewTable
from assetmap.qt.dialogs.imports.report_csv import write_report_csv
from assetmap.qt.dialogs.imports.report_view import REPORT_ROWS as REPORT_ROWS
from assetmap.qt.dialogs.imports.report_view import ReportPage as ReportPage
from assetmap.qt.dialogs.imports.report_view import RowLabel as RowLabel
from assetmap.qt.dialogs.imports.style import DIMMED as DIMMED
from assetmap.qt.dialogs.imports.style import ERROR_STYLE as ERROR_STYLE
from assetmap.qt.dialogs.imports.style import GUESSED_STYLE as GUESSED_STYLE
from assetmap.qt.dialogs.imports.style import HIGHLIGHT as HIGHLIGHT
from assetmap.qt.dialogs.imports.style import HINT_STYLE as HINT_STYLE
from assetmap.qt.dialogs.imports.style import NOTE_STYLE as NOTE_STYLE
from assetmap.qt.dialogs.imports.style import note_label as note_label
from assetmap.qt.dialogs.imports.workers import Prepare as Prepare
from assetmap.qt.dialogs.imports.workers import dry_run_work as dry_run_work

__all__ = [
    "ImportAreasDialog",
    "ImportAssetsDialog",
    "ImportDialog",
    "ImportIndicatorsDialog",
    "write_report_csv",
]
