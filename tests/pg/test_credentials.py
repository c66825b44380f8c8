"""Who may publish, and passwords: a password reaches the server but never the project file
or the screen, and a role without rights gets a sentence saying what it needs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core.errors import BadInputError
from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.errors import NoRightsError
from assetmap.core.shared.publish import publish
from support.pg_server import PASSWORD, PASSWORD_ROLE, PgServer


def file_bytes(project_file: Path) -> bytes:
    """The project and its WAL companions, as a thief copying the folder would get them."""
    parts = [project_file, *project_file.parent.glob(project_file.name + "-*")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def test_a_password_in_the_address_is_used_but_never_kept(pg_db: PgServer, demo_copy) -> None:
    with Project.open(demo_copy) as project:
        result = publish(project, pg_db.tcp_url())
        remembered = remote.remotes(project)
    assert result.target == pg_db.tcp_url(password=None)
    assert [r.target for r in remembered] == [pg_db.tcp_url(password=None)]
    assert PASSWORD.encode() not in file_bytes(demo_copy)
    assert pg_db.psql("SELECT published_by FROM assetmap.am_project") == PASSWORD_ROLE


def test_the_command_line_never_prints_the_password(pg_db: PgServer, demo_copy, capsys) -> None:
    assert main(["publish", str(demo_copy), pg_db.tcp_url(), "--schema", "team"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "Published to" in out and "501 assets" in out and PASSWORD not in out + err
    assert main(["publish", str(demo_copy), pg_db.tcp_url(), "--schema", "team"]) == (
        EXIT_BAD_INPUT
    )
    out, err = capsys.readouterr()
    assert "already published" in err and "use sync" in err and PASSWORD not in out + err
    assert PASSWORD.encode() not in file_bytes(demo_copy)


def test_a_wrong_password_is_refused_without_showing_it(pg_db: PgServer, demo_copy) -> None:
    wrong = "Not-The-Password-42"
    with Project.open(demo_copy) as project, pytest.raises(BadInputError) as refused:
        publish(project, pg_db.tcp_url(password=wrong))
    message = str(refused.value)
    assert "cannot connect" in message and "password" in message and wrong not in message


def test_pgpassword_is_used_when_the_address_has_none(pg_db: PgServer, demo_copy, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    with Project.open(demo_copy) as project:
        assert publish(project, pg_db.tcp_url(password=None)).assets == 501


def test_a_role_without_create_rights_is_told_what_it_needs(pg_db: PgServer, demo_copy):
    role = f"field_worker_{pg_db.database}"  # roles belong to the whole server
    pg_db.psql(f"CREATE ROLE {role} LOGIN")
    with Project.open(demo_copy) as project:
        with pytest.raises(NoRightsError) as refused:
            publish(project, pg_db.url(user=role))
        assert remote.remotes(project) == []
    message = str(refused.value)
    assert f"role '{role}' may not create schema 'assetmap'" in message
    assert f"GRANT CREATE ON DATABASE {pg_db.database} TO {role}" in message


def test_a_role_without_rights_in_an_existing_schema_is_told_too(pg_db: PgServer, demo_copy):
    role = f"viewer_{pg_db.database}"
    pg_db.psql(f"CREATE ROLE {role} LOGIN; CREATE SCHEMA shared")
    pg_db.psql(f"GRANT USAGE ON SCHEMA shared TO {role}")
    with Project.open(demo_copy) as project, pytest.raises(NoRightsError) as refused:
        publish(project, pg_db.url(user=role), schema="shared")
    assert f"role '{role}' may not create tables in schema 'shared'" in str(refused.value)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps its secrets in this process, standing in for the desktop's."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch, tmp_path) -> Iterator[MemoryKeyring]:
    """Only the keyring knows the password: no PGPASSWORD, no ~/.pgpass."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def test_the_password_comes_from_the_keyring(pg_db: PgServer, demo_copy, memory_keyring):
    user = f"{PASSWORD_ROLE}@127.0.0.1:{pg_db.port}/{pg_db.database}"
    memory_keyring.set_password("assetmap", user, PASSWORD)
    with Project.open(demo_copy) as project:
        assert publish(project, pg_db.tcp_url(password=None)).assets == 501
    assert PASSWORD.encode() not in file_bytes(demo_copy)


def test_a_service_name_is_enough(
    pg_db: PgServer, demo_copy, memory_keyring, tmp_path, monkeypatch
):
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[council_maps]\nhost=127.0.0.1\nport={pg_db.port}\n"
        f"dbname={pg_db.database}\nuser={PASSWORD_ROLE}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    memory_keyring.set_password("assetmap", "service=council_maps", PASSWORD)
    with Project.open(demo_copy) as project:
        result = publish(project, "service=council_maps")
        assert [r.target for r in remote.remotes(project)] == ["service=council_maps"]
    assert result.target == "service=council_maps" and result.assets == 501
