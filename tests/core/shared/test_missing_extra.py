"""Without the postgis extra the app still runs, and asking for a server says what to install."""

from __future__ import annotations

import sys

import pytest

from assetmap.cli import EXIT_BAD_INPUT, main
from assetmap.core.shared.connection import MissingExtraError, require_psycopg


@pytest.fixture
def no_psycopg(monkeypatch) -> None:
    """psycopg as on a computer without the extra: importing it fails."""
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)


def test_the_core_names_the_extra(no_psycopg) -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'assetmap\[postgis\]'"):
        require_psycopg()


def test_publish_exits_3_naming_the_extra(no_psycopg, demo_copy, capsys) -> None:
    code = main(["publish", str(demo_copy), "postgresql://ann:Secr3t-Pw@localhost/maps"])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "PostGIS support needs: pip install 'assetmap[postgis]'" in err
    assert "Secr3t-Pw" not in err
