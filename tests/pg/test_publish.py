"""Publishing the Trafford demo to a real PostGIS server: what QGIS and sync will find there
is what the project holds, no more (personal data stays home) and no less."""

from __future__ import annotations

import shutil
import threading

import pytest
import shapely

from assetmap.core import attachments, gpkg
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.commands.attachments import AddAttachment
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.errors import AlreadyPublishedError, OtherProjectError
from assetmap.core.shared.publish import publish
from support.hostile_text import ASSET_NAMES, hostile_project
from support.pg_server import PgServer

PNG = (  # a 1x1 PNG, enough for the attachment checks
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def add_personal_and_photo(project: Project) -> tuple[str, str]:
    """A person's skills (personal data) and a photo of an existing asset."""
    stack = CommandStack(project)
    person = Asset(uuid=new_uuid(), name="Jo's carpentry", category="individual_skills",
                   x=379_480.0, y=396_110.0, personal_data=True)  # fmt: skip
    stack.push(AddAsset(person))
    library = project.conn.execute(
        "SELECT uuid FROM assets WHERE category = 'libraries' AND deleted = 0 LIMIT 1"
    ).fetchone()[0]
    stack.push(AddAttachment(library, "front.png", PNG))
    return person.uuid, library


def live_points(project: Project, *, personal: bool = False) -> dict[str, bytes]:
    rows = project.conn.execute(
        "SELECT uuid, geom FROM assets WHERE deleted = 0"
        + ("" if personal else " AND personal_data = 0")
    ).fetchall()
    geoms = gpkg.decode([g for _, g in rows])
    return {u: shapely.to_wkb(g) for (u, _), g in zip(rows, geoms, strict=True)}


def test_the_demo_on_the_server_is_the_project(pg_db: PgServer, demo_copy) -> None:
    with Project.open(demo_copy) as project:
        person, library = add_personal_and_photo(project)
        result = publish(project, pg_db.url())
        points = live_points(project)
        lsoa_population = project.conn.execute(
            'SELECT code, population FROM "areas_neighbourhoods_lsoa_2021" ORDER BY code LIMIT 1'
        ).fetchone()
        in_libraries = project.conn.execute(
            "SELECT count(*) FROM assets WHERE category = 'libraries' AND deleted = 0"
        ).fetchone()[0]
        indicators = project.conn.execute(
            "SELECT area_set, column_name, label FROM am_indicators ORDER BY 1, 2"
        ).fetchall()
        photo_id = attachments.list_for(project, library)[0].id
        photo = attachments.data(project, photo_id)

    assert result.assets == len(points) == 501 and result.personal_left_out == 1
    server = dict(
        line.split("|")
        for line in pg_db.psql(
            "SELECT uuid, encode(ST_AsBinary(geom), 'hex') FROM assetmap.assets"
        ).splitlines()
    )
    assert person not in server
    assert {u: bytes.fromhex(h) if h else None for u, h in server.items()} == points
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_categories") == "37"
    assert pg_db.psql("SELECT name FROM assetmap.am_area_sets ORDER BY name").splitlines() == [
        "Neighbourhoods (LSOA 2021)", "Wards (2023)",
    ]  # fmt: skip
    assert pg_db.psql("SELECT area_set, count(*) FROM assetmap.areas GROUP BY 1 ORDER BY 1") == (
        "Neighbourhoods (LSOA 2021)|139\nWards (2023)|21"
    )
    code, population = lsoa_population
    assert (
        float(
            pg_db.psql(
                f"SELECT indicators->>'population' FROM assetmap.areas WHERE code = '{code}'"
            )
        )
        == population
    )
    assert (
        float(
            pg_db.psql(
                f"SELECT population FROM assetmap.areas_neighbourhoods_lsoa_2021 "
                f"WHERE code = '{code}'"
            )  # fmt: skip
        )
        == population
    )
    assert pg_db.psql(
        "SELECT area_set, column_name, label FROM assetmap.am_indicators ORDER BY 1, 2"
    ).splitlines() == ["|".join(row) for row in indicators]
    stored = pg_db.psql(
        f"SELECT file_name, encode(data, 'hex') FROM assetmap.am_attachments "
        f"WHERE asset_uuid = '{library}'"
    )
    assert stored == f"front.png|{photo.hex()}"
    assert pg_db.psql("SELECT count(*) FROM assetmap.assets_libraries") == str(in_libraries)


def test_layers_are_typed_indexed_and_versioned(pg_db: PgServer, demo_copy) -> None:
    with Project.open(demo_copy) as project:
        publish(project, pg_db.url())
    layers = pg_db.psql(
        "SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = 'assetmap' "
        "AND f_table_name IN ('assets', 'asset_footprints', 'areas', 'assets_libraries') "
        "ORDER BY 1"
    ).splitlines()
    assert layers == [
        "areas|MULTIPOLYGON|27700", "asset_footprints|MULTIPOLYGON|27700",
        "assets|POINT|27700", "assets_libraries|POINT|27700",
    ]  # fmt: skip
    gist = pg_db.psql(
        "SELECT tablename FROM pg_indexes WHERE schemaname = 'assetmap' "
        "AND indexdef ILIKE '%USING gist%' ORDER BY 1"
    ).splitlines()
    assert gist == ["areas", "asset_footprints", "assets"]
    assert pg_db.psql("SELECT version FROM assetmap.am_schema_version ORDER BY 1") == "1\n2"
    feed = pg_db.psql("SELECT action, project_id, copy_id FROM assetmap.am_feed").split("|")
    with Project.open(demo_copy) as project:
        from assetmap.core.copies import identity

        who = identity(project)
        remembered = remote.remotes(project)
    assert feed == ["publish", who.project_id, who.copy_id]
    assert [(r.target, r.schema_name, r.project_id) for r in remembered] == [
        (pg_db.url(), "assetmap", who.project_id)
    ]


def test_personal_data_is_published_only_when_asked(pg_db: PgServer, demo_copy) -> None:
    with Project.open(demo_copy) as project:
        person, _ = add_personal_and_photo(project)
        result = publish(project, pg_db.url(), include_personal=True)
    assert result.assets == 502 and result.personal_left_out == 0
    assert pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{person}'") == (
        "Jo's carpentry"
    )


def test_publishing_twice_is_refused_and_points_to_sync(pg_db: PgServer, demo_copy, project):
    with Project.open(demo_copy) as demo:
        publish(demo, pg_db.url())
        with pytest.raises(AlreadyPublishedError, match="already published .*use sync"):
            publish(demo, pg_db.url())
    with pytest.raises(OtherProjectError, match="already holds another project"):
        publish(project, pg_db.url())
    assert publish(project, pg_db.url(), schema="second_map").assets == 0
    assert pg_db.psql("SELECT count(*) FROM assetmap.assets") == "501"


def test_a_cancelled_publish_leaves_no_trace(pg_db: PgServer, demo_copy) -> None:
    seen: list[str] = []
    with Project.open(demo_copy) as project:
        with pytest.raises(Cancelled):
            publish(
                project, pg_db.url(), progress=lambda _f, message: seen.append(message),
                cancelled=lambda: any(m.startswith("Publishing areas") for m in seen),
            )  # fmt: skip
        assert remote.remotes(project) == []
    assert pg_db.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'assetmap'") == "0"


def test_text_another_program_stored_arrives_as_written(pg_db: PgServer, repo_root, tmp_path):
    """Control characters, bidi marks, markup and quotes arrive unchanged; only NUL, which
    PostgreSQL text cannot hold, is dropped."""
    path = hostile_project(repo_root, tmp_path)
    with Project.open(path) as project:
        publish(project, pg_db.url())
        names = {
            str(n).replace("\x00", "")
            for (n,) in project.conn.execute("SELECT name FROM assets WHERE deleted = 0")
        }
    on_server = pg_db.psql(
        "SELECT string_agg(encode(convert_to(name, 'UTF8'), 'hex'), ',') FROM assetmap.assets"
    )
    assert {bytes.fromhex(h).decode() for h in on_server.split(",")} == names
    assert {n.replace("\x00", "") for n in ASSET_NAMES} <= names


def test_two_laptops_publishing_at_once_get_one_map(pg_db: PgServer, demo_copy, tmp_path):
    """Two copies of one project published together: one publishes, the other is told to
    sync; the server holds one project, whole."""
    other = tmp_path / "other_laptop.gpkg"
    shutil.copy(demo_copy, other)
    outcomes: list[str] = []

    def publish_from(path) -> None:
        with Project.open(path) as project:
            try:
                publish(project, pg_db.url())
                outcomes.append("published")
            except AlreadyPublishedError:
                outcomes.append("use sync")

    laptops = [threading.Thread(target=publish_from, args=(p,)) for p in (demo_copy, other)]
    for laptop in laptops:
        laptop.start()
    for laptop in laptops:
        laptop.join()
    assert sorted(outcomes) == ["published", "use sync"]
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_project") == "1"
    assert pg_db.psql("SELECT count(*) FROM assetmap.assets") == "501"


def test_a_connection_lost_mid_way_leaves_no_trace(pg_db: PgServer, demo_copy) -> None:
    def cut_the_cable(_fraction: float, message: str) -> None:
        if message.startswith("Publishing areas"):
            pg_db.psql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'assetmap'"
            )

    with Project.open(demo_copy) as project:
        with pytest.raises(BadInputError, match="connection .* was lost while publishing"):
            publish(project, pg_db.url(), progress=cut_the_cable)
        assert remote.remotes(project) == []
        assert publish(project, pg_db.url()).assets == 501  # and it can simply be run again
