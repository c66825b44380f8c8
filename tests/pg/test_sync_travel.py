"""What travels through the shared map: deletions, photos, new categories; and what never
leaves the laptop: assets holding personal data, unless the map was published with them."""

from __future__ import annotations

import shapely

from assetmap.core import assets, attachments, gpkg
from assetmap.core.changelog import Change
from assetmap.core.commands import (
    AddAsset,
    AddAttachment,
    AddCategory,
    Command,
    CommandStack,
    DeleteAsset,
    RemoveAttachment,
)
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.shared.sync import sync
from assetmap.core.taxonomy import Category
from support.pg_server import PgServer
from support.sync_laptops import edit, field_of, laptops, live_uuids, state_of_file

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def sync_all(*paths) -> None:
    for path in paths:
        with Project.open(path) as project:
            sync(project)


def photos(path, uuid) -> list[tuple[str, bytes]]:
    with Project.open(path) as project:
        return [(p.file_name, attachments.data(project, p.id))
                for p in attachments.list_for(project, uuid)]  # fmt: skip


def test_deletions_and_photos_travel(pg_db: PgServer, demo_copy) -> None:
    a, b, c = laptops(pg_db, demo_copy)
    gone, pictured = live_uuids(a, 2)
    with Project.open(a) as project:
        stack = CommandStack(project)
        stack.push(DeleteAsset(gone))
        stack.push(AddAttachment(pictured, "front.png", PNG))
    sync_all(a, b, c)
    assert field_of(b, gone, "deleted") == field_of(c, gone, "deleted") == 1
    assert photos(b, pictured) == photos(c, pictured) == [("front.png", PNG)]
    assert pg_db.psql("SELECT deleted FROM assetmap.assets WHERE uuid = '" + gone + "'") == "1"

    with Project.open(c) as project:
        (photo,) = attachments.list_for(project, pictured)
        CommandStack(project).push(RemoveAttachment(photo.id))
    sync_all(c, a)
    assert photos(a, pictured) == []
    assert pg_db.psql("SELECT deleted FROM assetmap.am_attachments") == "1"


def test_a_category_added_on_one_laptop_reaches_the_others(pg_db, demo_copy) -> None:
    a, b, c = laptops(pg_db, demo_copy)
    choirs = Category(key="choirs", label="Community choirs", group="Culture",
                      colour="#884488", symbol="circle")  # fmt: skip
    singers = Asset(uuid=new_uuid(), name="Sale Singers", category="choirs",
                    x=378_500.0, y=390_500.0)  # fmt: skip
    with Project.open(b) as project:
        stack = CommandStack(project)
        stack.push(AddCategory(choirs))
        stack.push(AddAsset(singers))
    sync_all(b, a, c)
    for path in (a, c):
        with Project.open(path) as project:
            label = project.conn.execute(
                "SELECT label FROM am_categories WHERE key = 'choirs'"
            ).fetchone()
        assert label == ("Community choirs",)
        assert field_of(path, singers.uuid, "category") == "choirs"
    assert pg_db.psql("SELECT count(*) FROM assetmap.assets_choirs") == "1"


def test_personal_data_stays_on_the_laptop(pg_db: PgServer, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    person = Asset(uuid=new_uuid(), name="Jo's carpentry", category="individual_skills",
                   x=379_480.0, y=396_110.0, personal_data=True)  # fmt: skip
    with Project.open(a) as project:
        CommandStack(project).push(AddAsset(person))
    sync_all(a)
    edit(a, person.uuid, phone="07700 900000")
    sync_all(a, b)
    assert pg_db.psql(f"SELECT count(*) FROM assetmap.assets WHERE uuid = '{person.uuid}'") == "0"
    assert pg_db.psql(f"SELECT count(*) FROM assetmap.am_feed WHERE uuid = '{person.uuid}'") == "0"
    assert field_of(b, person.uuid, "name") is None
    assert field_of(a, person.uuid, "phone") == "07700 900000"


def test_personal_data_travels_when_published_with_it(pg_db, demo_copy) -> None:
    from assetmap.core import copies
    from assetmap.core.shared.publish import publish

    with Project.open(demo_copy) as project:
        publish(project, pg_db.url(), include_personal=True)
        copies.save_copy(project, demo_copy.parent / "b.gpkg", label="B")
    person = Asset(uuid=new_uuid(), name="Jo's carpentry", category="individual_skills",
                   x=379_480.0, y=396_110.0, personal_data=True)  # fmt: skip
    with Project.open(demo_copy) as project:
        CommandStack(project).push(AddAsset(person))
    sync_all(demo_copy, demo_copy.parent / "b.gpkg")
    assert field_of(demo_copy.parent / "b.gpkg", person.uuid, "name") == "Jo's carpentry"


def test_days_offline_thousands_of_changes(pg_db: PgServer, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    uuids = live_uuids(a, 400)
    with Project.open(a) as project:
        stack = CommandStack(project)
        from assetmap.core.commands import EditAsset, MoveAsset

        for i, uuid in enumerate(uuids):
            stack.push(EditAsset(uuid, {"description": f"Checked on visit {i}"}))
            stack.push(EditAsset(uuid, {"phone": f"0161 555 {i:04d}"}))
            stack.push(MoveAsset(uuid, 380_000.0 + i, 390_000.0 + i))
    sync_all(a, b)
    assert state_of_file(a) == state_of_file(b)
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed WHERE command = 'sync'") == "400"


def test_a_category_changed_on_one_laptop_changes_on_the_others(pg_db, demo_copy) -> None:
    from assetmap.core.commands import EditCategory

    a, b = laptops(pg_db, demo_copy, 2)
    with Project.open(a) as project:
        CommandStack(project).push(EditCategory("libraries", {"colour": "#112233"}))
    sync_all(a, b)
    with Project.open(b) as project:
        colour = project.conn.execute(
            "SELECT colour FROM am_categories WHERE key = 'libraries'"
        ).fetchone()
    assert colour == ("#112233",)


class ReplaceOutline(Command):
    """A site's outline redrawn (as a re-import or a merge replaces one), logged as they do."""

    name = "replace_outline"

    def __init__(self, uuid: str, blob: bytes | None) -> None:
        self.uuid, self.blob, self.was = uuid, blob, None

    @property
    def text(self) -> str:
        return "Redraw the outline"

    def apply(self, project: Project) -> list[Change]:
        self.was = assets.footprint_blob(project, self.uuid)
        assets.set_footprint_blob(project, self.uuid, self.blob)
        return [Change(f"footprint:{self.uuid}", None, None, uuid=self.uuid,
                       geom_before=self.was, geom_after=self.blob)]  # fmt: skip

    def revert(self, project: Project) -> list[Change]:
        assets.set_footprint_blob(project, self.uuid, self.was)
        return [Change(f"footprint:{self.uuid}", None, None, uuid=self.uuid,
                       geom_before=self.blob, geom_after=self.was)]  # fmt: skip


def test_a_redrawn_outline_travels(pg_db: PgServer, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    with Project.open(a) as project:
        uuid = project.conn.execute("SELECT asset_uuid FROM asset_footprints LIMIT 1").fetchone()[0]
        square = shapely.MultiPolygon([shapely.box(378_000, 389_000, 378_050, 389_050)])
        blob = gpkg.encode([square], project.srs_id)[0]
        CommandStack(project).push(ReplaceOutline(uuid, blob))
    sync_all(a, b)
    with Project.open(b) as project:
        outline = assets.footprint(project, uuid)
    assert outline is not None and outline.equals(square)
    area = pg_db.psql(
        f"SELECT ST_Area(geom) FROM assetmap.asset_footprints WHERE asset_uuid = '{uuid}'"
    )
    assert float(area) == 2500.0


def test_a_category_removed_here_stays_removed(pg_db: PgServer, demo_copy) -> None:
    from assetmap.core.commands import MergeCategories

    a, b = laptops(pg_db, demo_copy, 2)
    with Project.open(a) as project:
        unused = project.conn.execute(
            "SELECT key FROM am_categories WHERE key NOT IN (SELECT category FROM assets)"
        ).fetchone()[0]
        CommandStack(project).push(MergeCategories(unused, "libraries"))
    sync_all(a, b, a, a)
    with Project.open(a) as project:
        assert project.conn.execute(
            "SELECT count(*) FROM am_categories WHERE key = ?", (unused,)
        ).fetchone() == (0,)
