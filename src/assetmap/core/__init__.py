"""The Qt-free application core: model, project store, importers, commands, analysis.

Nothing under this package may import Qt; tests/core/test_no_qt.py and the
import-linter contract in pyproject.toml check it.
"""
