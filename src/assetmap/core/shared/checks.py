"""What is checked on the server before anything is written to it, so that a refusal comes
as a sentence naming the role, the database and what to ask for, not as a server error
half-way through."""

from __future__ import annotations

from typing import Any

from assetmap.core.i18n import translated
from assetmap.core.shared import server_schema
from assetmap.core.shared.connection import require_psycopg
from assetmap.core.shared.errors import AlreadyPublishedError, NoRightsError, OtherProjectError


def check_can_publish(conn: Any, schema: str, project_id: str, project_name: str) -> None:
    """Refuse before writing: no PostGIS, no rights, or a schema that holds a project."""
    server_schema.lock_schema(conn, schema)
    ensure_postgis(conn)
    check_create_rights(conn, schema)
    check_schema_free(conn, schema, project_id, project_name)


def ensure_postgis(conn: Any) -> None:
    """PostGIS enabled in the database, enabling it when this role may."""
    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        return
    database, role = conn.info.dbname, conn.info.user
    available = conn.execute(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
    ).fetchone()
    if not available:
        raise NoRightsError(
            translated("PostGIS is not installed on the server of database '{database}'").format(
                database=database
            ),
            field="TARGET",
            hint=translated(
                "the server's administrator installs it (Debian: postgresql-15-postgis-3)"
            ),
        )
    psycopg = require_psycopg()
    try:
        with conn.transaction():
            conn.execute("CREATE EXTENSION postgis")
    except psycopg.errors.InsufficientPrivilege as exc:
        message = translated(
            "PostGIS is not enabled in database '{database}' and role '{role}' may not enable it"
        )
        hint = translated(
            "ask the database's owner to run: CREATE EXTENSION postgis; in '{database}'"
        )
        raise NoRightsError(
            message.format(database=database, role=role),
            field="TARGET",
            hint=hint.format(database=database),
        ) from exc


def check_create_rights(conn: Any, schema: str) -> None:
    role, database = conn.info.user, conn.info.dbname
    if server_schema.schema_exists(conn, schema):
        row = conn.execute("SELECT has_schema_privilege(%s, 'CREATE')", (schema,)).fetchone()
        if not row[0]:
            message = translated(
                "role '{role}' may not create tables in schema '{schema}' of database '{database}'"
            )
            hint = translated(
                "publishing needs CREATE on the schema: GRANT CREATE ON SCHEMA {schema} TO "
                "{role}; or publish as the schema's owner"
            )
            raise NoRightsError(
                message.format(role=role, schema=schema, database=database),
                field="TARGET",
                hint=hint.format(schema=schema, role=role),
            )
        return
    row = conn.execute("SELECT has_database_privilege(current_database(), 'CREATE')").fetchone()
    if not row[0]:
        message = translated(
            "role '{role}' may not create schema '{schema}' in database '{database}'"
        )
        hint = translated(
            "publishing needs CREATE on the database: GRANT CREATE ON DATABASE {database} TO "
            "{role}; or publish as a role that has it"
        )
        raise NoRightsError(
            message.format(role=role, schema=schema, database=database),
            field="TARGET",
            hint=hint.format(database=database, role=role),
        )


def check_schema_free(conn: Any, schema: str, project_id: str, project_name: str) -> None:
    if server_schema.installed_version(conn, schema) == 0:
        check_no_clashing_tables(conn, schema)
        return
    sql = require_psycopg().sql
    row = conn.execute(
        sql.SQL("SELECT project_id, name FROM {}.am_project LIMIT 1").format(sql.Identifier(schema))
    ).fetchone()
    if row is None:
        return
    if row[0] == project_id:
        message = translated("'{name}' is already published in schema '{schema}'; use sync")
        raise AlreadyPublishedError(
            message.format(name=project_name, schema=schema),
            field="TARGET",
            hint=translated("assetmap sync PROJECT brings both up to date"),
        )
    message = translated("schema '{schema}' already holds another project ('{name}')")
    raise OtherProjectError(
        message.format(schema=schema, name=row[1]),
        field="--schema",
        hint=translated("publish into another schema: --schema NAME"),
    )


def check_no_clashing_tables(conn: Any, schema: str) -> None:
    """A schema assetmap did not make may be used only if none of its tables would be
    overwritten (publishing into ``public`` beside other tables is fine)."""
    ours = list(server_schema.TABLE_NAMES)
    row = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
        "AND table_name = ANY(%s) ORDER BY table_name LIMIT 1",
        (schema, ours),
    ).fetchone()
    if row is not None:
        message = translated(
            "schema '{schema}' already has a table '{table}' that assetmap did not make"
        )
        raise OtherProjectError(
            message.format(schema=schema, table=row[0]),
            field="--schema",
            hint=translated("publish into another schema: --schema NAME"),
        )
