"""Sharing's messages follow the app's language: a mistyped database address, and the sync
report's words. Needs the Welsh of these words in the core's catalogue."""

from __future__ import annotations

import pytest

from assetmap.core import i18n
from assetmap.core.errors import BadInputError
from assetmap.core.shared.server_schema import check_schema_name


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def test_a_bad_schema_name_is_refused_in_welsh() -> None:
    with i18n.using_language("cy"), pytest.raises(BadInputError) as raised:
        check_schema_name("pg_maps")
    assert "mae 'pg_maps' wedi'i gadw gan PostgreSQL" in str(raised.value)


def test_a_mistyped_address_is_refused_in_welsh() -> None:
    pytest.importorskip("psycopg", reason="PostGIS support needs: pip install 'assetmap[postgis]'")
    from assetmap.core.shared.connection import parse_target

    with i18n.using_language("cy"), pytest.raises(BadInputError) as raised:
        parse_target("mysql://ann@host/maps")
    assert "nid yw'n gyfeiriad cronfa ddata: mysql://ann@host/maps" in str(raised.value)
    assert "rhowch postgresql://USER@HOST:PORT/DATABASE" in str(raised.value.hint or "")
