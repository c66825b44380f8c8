"""Locally agreed outcomes (issue 16): what a partnership promised, checked against the gap
analysis run after run."""
