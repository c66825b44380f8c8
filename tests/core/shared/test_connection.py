"""Database addresses as people type them, and passwords kept out of everything shown."""

from __future__ import annotations

import pytest

from assetmap.core.errors import BadInputError

pytest.importorskip("psycopg", reason="PostGIS support needs: pip install 'assetmap[postgis]'")

from assetmap.core.shared.connection import parse_target, redact  # noqa: E402


def test_a_password_in_a_url_is_kept_apart_from_what_is_stored() -> None:
    target = parse_target("postgresql://ann:pa55@db.council.gov.uk:5433/maps")
    assert target.stored == "postgresql://ann@db.council.gov.uk:5433/maps"
    assert target.password == "pa55" and "pa55" not in target.conninfo + repr(target)
    assert target.keyring_user == "ann@db.council.gov.uk:5433/maps"


def test_a_password_in_the_query_string_is_stripped_too() -> None:
    target = parse_target("postgresql://ann@host/maps?password=pa55&sslmode=require")
    assert target.stored == "postgresql://ann@host/maps?sslmode=require"
    assert target.password == "pa55"


def test_a_service_name_is_stored_as_given() -> None:
    assert parse_target("service=council_maps").stored == "service=council_maps"


def test_anything_else_is_refused_with_the_forms_that_work() -> None:
    with pytest.raises(BadInputError, match="postgresql://USER@HOST"):
        parse_target("mysql://ann:pa55@host/db")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://ann:pa55@host/db", "postgresql://ann:***@host/db"),
        ("postgres://ann:p%40ss@host:5432/db failed", "postgres://ann:***@host:5432/db failed"),
        ("host=h user=ann password=pa55 dbname=db", "host=h user=ann password=*** dbname=db"),
        ("postgresql://ann@host/db?password=pa55", "postgresql://ann@host/db?password=***"),
        ("postgresql://ann@host/db", "postgresql://ann@host/db"),
    ],
)
def test_redact_hides_every_password(text: str, shown: str) -> None:
    assert redact(text) == shown


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        ("postgresql://ann@db.council.gov.uk:5433/maps", "assetmap on db.council.gov.uk"),
        ("postgresql:///maps?host=%2Fvar%2Frun%2Fpostgresql", "assetmap on this computer"),
        ("postgresql:///maps?host=/tmp/pg-sock", "assetmap on this computer"),
        ("postgresql:///maps?host=gis.local", "assetmap on gis.local"),
        ("postgresql:///maps", "assetmap on localhost"),
    ],
)
def test_reports_name_the_server_a_person_would_recognise(stored, words):
    """A local socket's folder means nothing to a reader: it is 'this computer'."""
    from assetmap.core.shared.sync import where_words

    assert where_words(stored, "assetmap") == words
