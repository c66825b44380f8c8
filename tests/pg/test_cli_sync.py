"""`assetmap sync` as a community team's coordinator types it: what went each way, conflicts
named with how to choose, a dry run that changes nothing, and `assetmap info` showing the
shared map and what waits to go up."""

from __future__ import annotations

import csv

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from support.pg_server import PgServer
from support.sync_laptops import edit, field_of, laptops, live_uuids


def test_sync_says_what_went_each_way(pg_db: PgServer, demo_copy, capsys) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    one, two = live_uuids(a, 2)
    edit(a, one, name="Renamed on A")
    assert main(["sync", str(a)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "changed assets: 1" in out and "'Renamed on A': name" in out
    assert "1 change sent, 0 changes received" in out

    edit(b, two, phone="0161 222 2222")
    assert main(["sync", str(b), "--dry-run", "--report", str(b.parent / "r.csv")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "name: " in out and "Dry run: nothing was changed." in out
    rows = list(csv.reader((b.parent / "r.csv").open(encoding="utf-8")))
    assert [r[0] for r in rows[1:]] == ["updated", "sent"]
    assert field_of(b, one, "name") != "Renamed on A"
    assert main(["sync", str(b)]) == EXIT_OK
    assert field_of(b, one, "name") == "Renamed on A"


def test_a_conflict_exits_3_naming_it_and_prefer_settles_it(pg_db, demo_copy, capsys) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="Named on A")
    edit(b, one, name="Named on B")
    assert main(["sync", str(a)]) == EXIT_OK
    capsys.readouterr()
    assert main(["sync", str(b)]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert "'Named on B' name: mine 'Named on B', theirs 'Named on A'" in captured.out
    assert "1 conflict with assetmap on" in captured.err and "--prefer mine" in captured.err
    assert main(["sync", str(b), "--prefer", "theirs"]) == EXIT_OK
    assert field_of(b, one, "name") == "Named on A"


def test_info_shows_the_shared_map_and_what_waits(pg_db, demo_copy, capsys) -> None:
    (a,) = laptops(pg_db, demo_copy, 1)
    one, two = live_uuids(a, 2)
    edit(a, one, name="Waiting 1")
    edit(a, two, name="Waiting 2")
    assert main(["info", str(a)]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"shared map: {pg_db.url()}, schema assetmap; last sync: never" in out
    assert "2 changes waiting to go up" in out
    main(["sync", str(a)])
    capsys.readouterr()
    main(["info", str(a)])
    assert "0 changes waiting to go up" in capsys.readouterr().out


def test_a_project_never_published_is_told_to_publish(demo_copy, capsys) -> None:
    assert main(["sync", str(demo_copy)]) == EXIT_BAD_INPUT
    assert "not published: use assetmap publish" in capsys.readouterr().err


def test_without_the_postgis_extra_sync_names_it_and_info_still_works(
    pg_db, demo_copy, capsys, monkeypatch
) -> None:
    import sys

    (a,) = laptops(pg_db, demo_copy, 1)
    capsys.readouterr()
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    assert main(["sync", str(a)]) == EXIT_BAD_INPUT
    assert "PostGIS support needs: pip install 'assetmap[postgis]'" in capsys.readouterr().err
    assert main(["info", str(a)]) == EXIT_OK
    assert "changes waiting to go up" in capsys.readouterr().out
