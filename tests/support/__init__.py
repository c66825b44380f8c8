"""Helpers shared by the core and Qt tests (real servers and files, never mocks)."""
