"""Print exports: maps on paper (PDF, SVG, PNG) and the gap report (PDF, HTML).

Drawn with QPainter straight onto the output device, so PDF and SVG stay vector (areas
and symbols as paths, words as text). The page is laid out in logical pixels of 1/96
inch whatever the device; the map itself is the canvas's own scene (``SceneBuilder``)
and legend (``legend_entries``), built from the project, the map layers and the assets
an export may carry (``core.export.selection.choose_assets``).
"""

from assetmap.qt.export.map_export import MapExportReport, export_map, render_preview
from assetmap.qt.export.report import export_gap_report

__all__ = ["MapExportReport", "export_gap_report", "export_map", "render_preview"]
