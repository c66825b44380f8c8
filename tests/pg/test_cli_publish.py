"""`assetmap publish` as a council's GIS officer types it: what was published, how to open
it in QGIS, and exit code 3 with a plain sentence when it cannot be done."""

from __future__ import annotations

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from support.pg_server import PgServer


def add_a_person(demo_copy) -> None:
    with Project.open(demo_copy) as project:
        person = Asset(uuid=new_uuid(), name="Sam's bike repairs", category="individual_skills",
                       x=379_480.0, y=396_110.0, personal_data=True)  # fmt: skip
        CommandStack(project).push(AddAsset(person))


def test_publish_says_what_went_and_how_to_open_it(pg_db: PgServer, demo_copy, capsys) -> None:
    add_a_person(demo_copy)
    assert main(["publish", str(demo_copy), pg_db.url()]) == EXIT_OK
    out = capsys.readouterr().out
    assert "501 assets (107 with a site outline), 37 categories" in out
    assert "2 area sets with 160 areas, 0 photos and attachments" in out
    assert "left out: 1 assets holding personal data" in out
    assert "Add PostGIS Layers" in out and "schema 'assetmap'" in out
    assert "assetmap sync PROJECT" in out


def test_personal_data_goes_only_when_asked(pg_db: PgServer, demo_copy, capsys) -> None:
    add_a_person(demo_copy)
    argv = ["publish", str(demo_copy), pg_db.url(), "--include-personal-data"]
    assert main([*argv, "--schema", "everyone"]) == EXIT_OK
    assert "502 assets" in capsys.readouterr().out
    assert pg_db.psql("SELECT count(*) FROM everyone.assets WHERE personal_data = 1") == "1"


def test_bad_targets_and_schemas_exit_3_with_a_reason(pg_db: PgServer, demo_copy, capsys):
    assert main(["publish", str(demo_copy), "mysql://ann:pw@host/db"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "not a database address: mysql://ann:***@host/db" in err and ":pw@" not in err
    assert main(["publish", str(demo_copy), pg_db.url(), "--schema", "1st map"]) == (EXIT_BAD_INPUT)
    assert "'1st map' cannot be a schema name" in capsys.readouterr().err
    pg_db.psql("CREATE TABLE public.assets (id integer)")
    assert main(["publish", str(demo_copy), pg_db.url(), "--schema", "public"]) == (EXIT_BAD_INPUT)
    assert "already has a table 'assets' that assetmap did not make" in capsys.readouterr().err
