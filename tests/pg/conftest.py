"""The server fixtures (pg_server, pg_db) are in tests/support/pg_fixtures.py, loaded by
tests/conftest.py, so the Qt tests can use the same server."""
