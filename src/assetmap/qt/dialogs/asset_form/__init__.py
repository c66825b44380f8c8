"""The form to add an asset where the user clicked, or to edit one (``AssetForm``).

- ``form``: the dialog: its fields, what it checks, how it reacts
- ``rows``: each field with its error line, by the names the core's errors use
- ``saving``: the commands OK pushes (one undo step with the photos; only what changed)
- ``category_combo``: the searchable category picker with map symbols
- ``custom_rows``: "More fields", the extra columns imports brought
- ``photos``: the photo rows, checked as chosen and saved with the asset
"""

from assetmap.qt.dialogs.asset_form.category_combo import CategoryCombo
from assetmap.qt.dialogs.asset_form.form import AssetForm

__all__ = ["AssetForm", "CategoryCombo"]
