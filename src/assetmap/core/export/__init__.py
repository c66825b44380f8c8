"""Exports: what leaves the project for other people and other tools.

Data exports (GeoPackage, GeoJSON, CSV, XLSX) and the interactive HTML map are
Qt-free and live here; the print layouts (PDF, PNG, SVG) draw with Qt and live
in assetmap.qt.export. All share ExportOptions and the same choice of assets:
what the map shows, without personal data unless asked.
"""
