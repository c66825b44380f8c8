"""The PySide6 desktop app: windows, canvas, panels and workers over the core."""
