"""The Find gaps panel's parts; the panel itself is ``assetmap.qt.panels.analysis_panel``.

- ``category_tree``: the kinds of asset to look for, ticked by group or one by one
- ``map_options``: the "Show on the map" box, turned into a ``ThematicStyle``
- ``ranked_page``: the ranked gaps table and Export
- ``wording``: a run's title time and summary sentence
"""
