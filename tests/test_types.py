"""The type check is part of the tests, so the README's test command checks types too.

mypy runs with the project's own config (``[tool.mypy]`` in pyproject.toml: strict on
``assetmap.core``, the default checks plus untyped bodies on the rest) and its cache in
``.mypy_cache``: about half a minute the first time, seconds after (``.ci/run`` runs it just
before the tests, so in CI this one is warm).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "assetmap"
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<after>.*)$")


@pytest.mark.skipif(
    sys.version_info < (3, 11), reason="pandas-stubs, which the check needs, needs Python 3.11"
)
def test_mypy_finds_no_type_errors() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed: pip install '.[test]'")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-color-output", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, f"mypy reports type errors:\n{run.stdout}{run.stderr}"


def test_every_type_ignore_names_its_error_and_why() -> None:
    """``# type: ignore[code]`` and a reason, after it or on the line above: an ignore
    nobody can explain hides the next real error on that line."""
    unexplained = []
    for path in sorted(SOURCE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            found = IGNORE.search(line)
            if found is None:
                continue
            reason = found["after"].strip().lstrip("#").strip()
            above = lines[number - 2].strip() if number > 1 else ""
            if not found["codes"] or not (reason or above.startswith("#")):
                unexplained.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not unexplained, "type: ignore without an error code or a reason:\n" + "\n".join(
        unexplained
    )
