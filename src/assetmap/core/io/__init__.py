"""Reading and writing files: importers and (later) exporters, shared by CLI and GUI."""
