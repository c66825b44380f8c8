"""The participants' service over real HTTP on 127.0.0.1: what a phone may see and send."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assetmap.core import assets, symbols
from assetmap.core.commands.assets import AddAsset
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.review import SetReview
from assetmap.core.commands.workshop import EndWorkshop
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.workshop.messages import CSP
from assetmap.core.workshop.service import Limits
from support.workshop_http import STRETFORD, FakeClock, Phone, submission


def facilitator(path: Path, command: Any) -> None:
    """The desktop app's own connection making an edit (approve, end the session...)."""
    with Project.open(path) as project:
        CommandStack(project).push(command)


def approve(path: Path, *uuids: str) -> None:
    facilitator(path, SetReview(uuids, "approved"))


def stored(path: Path, uuid: str) -> Asset:
    with Project.open(path) as project:
        return assets.get(project, uuid)


# ---- token and headers ----------------------------------------------------------------
def test_the_page_and_its_files_are_served_under_the_token(server: Any) -> None:
    phone = Phone(server)
    page = phone.request("GET", "")
    assert page.status == 200 and b"<title>Workshop map</title>" in page.body
    for name in ("app.js", "app.css", "leaflet.js", "leaflet.css", "images/layers.png"):
        assert phone.request("GET", f"static/{name}").status == 200, name
    assert server.url.startswith("http://127.0.0.1:") and server.url.endswith(
        f"/w/{server.service.token}/"
    )


@pytest.mark.parametrize(
    "path",
    ["/", "/w/", "/w/wrong-token/", "/w/wrong-token/api/config", "/static/app.js", "/w//api/pins"],
)
def test_a_wrong_or_missing_token_is_refused(server: Any, path: str) -> None:
    reply = Phone(server).request("GET", path, prefix="")
    assert reply.status == 403
    assert b"not a workshop page" in reply.body
    assert b"libraries" not in reply.body


def test_a_wrong_token_cannot_submit(server: Any) -> None:
    reply = Phone(server).request("POST", "/w/nope/api/pins", submission(), prefix="")
    assert reply.status == 403


def test_every_response_carries_the_security_headers(server: Any) -> None:
    phone = Phone(server)
    replies = [
        phone.request("GET", ""),
        phone.request("GET", "api/config"),
        phone.request("GET", "static/app.js"),
        phone.request("GET", "nothing-here"),
        phone.request("GET", "/elsewhere", prefix=""),
        phone.request("POST", "api/pins", raw=b"{"),
    ]
    for reply in replies:
        assert reply.headers["Content-Security-Policy"] == CSP
        assert reply.headers["Referrer-Policy"] == "no-referrer"
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert "http" not in CSP and "*" not in CSP
    assert replies[1].headers["Cache-Control"] == "no-store"


def test_a_path_cannot_reach_other_files(server: Any) -> None:
    phone = Phone(server)
    for path in ("static/../service.py", "static/%2e%2e/service.py", "static/index.html"):
        assert phone.request("GET", path).status == 404, path


def test_a_new_service_has_a_new_token(serve: Any) -> None:
    first, second = serve(), serve()
    assert first.service.token != second.service.token
    assert len(first.service.token) >= 20
    assert Phone(second).request("GET", "api/config", prefix=first.service.prefix).status == 403


# ---- the config -----------------------------------------------------------------------
def test_config_names_the_workshop_and_shares_no_personal_data_category(server: Any) -> None:
    config = Phone(server).request("GET", "api/config").json()
    assert config["workshop"]["name"] == "Stretford evening"
    assert config["workshop"]["place"] == "Stretford Library"
    assert config["crs"] == "EPSG:27700"
    keys = {c["key"] for c in config["categories"]}
    assert "libraries" in keys and "individual_skills" not in keys
    assert {"key", "label", "group", "colour", "shape", "outline"} <= set(config["categories"][0])
    # Each category's shape as the map draws it, so phones tell them apart without colour.
    for category in config["categories"]:
        drawn = symbols.outline(category["shape"], 2.0)
        if drawn is None:
            assert category["outline"] is None
        else:
            assert category["outline"] == [[round(x, 3), round(y, 3)] for x, y in drawn]
    assert any(c["outline"] for c in config["categories"])
    assert [a["name"] for a in config["areas"]] == ["Neighbourhoods (LSOA 2021)", "Wards (2023)"]
    assert len(config["areas"][0]["geojson"]["features"]) == 139
    assert config["has_tiles"] is False
    left, bottom, right, top = config["grid"]["bounds"]
    assert left < STRETFORD[0] < right and bottom < STRETFORD[1] < top


# ---- submitting -----------------------------------------------------------------------
def test_a_submission_is_stored_pending_with_its_session_and_contributor(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    path, workshop_id = workshop_file
    reply = Phone(server).submit(kind="need", category="mental_health", name="Drop-in café")
    assert reply.status == 201
    asset = stored(path, reply.json()["uuid"])
    assert (asset.name, asset.category, asset.pin_kind) == ("Drop-in café", "mental_health", "need")
    assert asset.review == "pending" and asset.workshop_id == workshop_id
    assert asset.contributor == "Ana" and asset.description == "Open late on Thursdays"
    assert (asset.x, asset.y) == pytest.approx(STRETFORD)


def test_a_pin_placed_from_a_phones_location_is_moved_into_the_project_crs(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    reply = Phone(server).submit(position={"lat": 53.4456, "lon": -2.3093})
    assert reply.status == 201
    asset = stored(workshop_file[0], reply.json()["uuid"])
    assert 379_000 < asset.x < 381_000 and 394_000 < asset.y < 396_000


def test_use_my_location_is_answered_in_the_maps_own_coordinates(server: Any) -> None:
    phone = Phone(server)
    here = phone.request("GET", "api/locate?lat=53.4456&lon=-2.3093")
    assert here.status == 200
    assert 379_000 < here.json()["x"] < 381_000 and 394_000 < here.json()["y"] < 396_000
    paris = phone.request("GET", "api/locate?lat=48.85&lon=2.35")
    assert paris.status == 400 and "outside the area this map covers" in paris.json()["message"]
    for query in ("lat=north&lon=-2.3", "lat=95&lon=-2.3", "lon=-2.3", ""):
        reply = phone.request("GET", "api/locate?" + query)
        assert reply.status == 400 and reply.json()["message"], query


def test_a_body_over_16_kb_is_refused_unread(server: Any) -> None:
    big = submission(note="x" * 20_000)
    reply = Phone(server).request("POST", "api/pins", raw=json.dumps(big).encode())
    assert reply.status == 413
    assert "too much" in reply.json()["message"]


def test_a_body_that_is_not_json_gets_a_plain_message(server: Any) -> None:
    phone = Phone(server)
    for raw in (b"{not json", b"\xff\xfe", b"[1, 2]", b"null", b""):
        reply = phone.request("POST", "api/pins", raw=raw)
        assert reply.status == 400, raw
        assert reply.json()["message"], raw


def test_pins_outside_the_project_are_refused(server: Any) -> None:
    phone = Phone(server)
    far = phone.submit(position={"x": 530_000, "y": 180_000})  # London
    assert far.status == 400 and far.json()["field"] == "position"
    nonsense = phone.submit(position={"x": "NaN", "y": 1e308})
    assert nonsense.status == 400
    paris = phone.submit(position={"lat": 48.85, "lon": 2.35})
    assert paris.status == 400


def test_unknown_and_personal_data_categories_are_refused(server: Any) -> None:
    phone = Phone(server)
    for category in ("no_such_thing", "individual_skills", "", None):
        reply = phone.submit(category=category)
        assert reply.status == 400, category
        assert reply.json()["field"] == "category"


def test_markup_in_a_name_is_refused_and_ordinary_punctuation_kept(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    phone = Phone(server)
    for name in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
    ):
        reply = phone.submit(name=name)
        assert reply.status == 400 and reply.json()["field"] == "name", name
    for field in ("note", "contributor"):
        assert phone.submit(**{field: "<b>bold</b>"}).status == 400
    kept = phone.submit(name='Tom & Jerry\'s "café" > 3 rooms')
    assert kept.status == 201
    assert stored(workshop_file[0], kept.json()["uuid"]).name == 'Tom & Jerry\'s "café" > 3 rooms'


def test_markup_already_in_the_project_is_served_escaped(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    """A desk-made asset named with markup reaches phones as JSON text that can close no
    tag; the page puts it in with textContent."""
    path = workshop_file[0]
    evil = Asset(
        new_uuid(),
        "</script><script>alert(1)</script>",
        "libraries",
        x=STRETFORD[0],
        y=STRETFORD[1],
    )
    facilitator(path, AddAsset(evil))
    reply = Phone(server).request("GET", "api/pins")
    assert b"<" not in reply.body
    names = [p["name"] for p in reply.json()["pins"]]
    assert "</script><script>alert(1)</script>" in names
    assert reply.headers["Content-Type"].startswith("application/json")


def test_a_device_without_a_proper_secret_cannot_submit(server: Any) -> None:
    for secret in ("", "short", "has spaces in it that are long", "x" * 200):
        reply = Phone(server, secret=secret).submit()
        assert reply.status == 400, secret


# ---- limits ---------------------------------------------------------------------------
def test_more_than_six_submissions_a_minute_from_one_phone_are_refused(serve: Any) -> None:
    clock = FakeClock()
    phone = Phone(serve(clock=clock))
    assert [phone.submit(name=f"Pin {i}").status for i in range(6)] == [201] * 6
    refused = phone.submit(name="Pin 7")
    assert refused.status == 429
    assert "Wait a minute" in refused.json()["message"]
    assert Phone(phone.server).submit(name="Another phone").status == 201
    clock.now += 61
    assert phone.submit(name="A minute later").status == 201


def test_more_than_thirty_a_minute_from_one_address_are_refused(serve: Any) -> None:
    server = serve()
    statuses = [Phone(server).submit(name=f"Phone {i}").status for i in range(31)]
    assert statuses == [201] * 30 + [429]
    assert Phone(server, source="127.0.0.2").submit().status == 201


def test_the_workshops_total_is_capped(serve: Any) -> None:
    server = serve(limits=Limits(max_submissions=3))
    phone = Phone(server)
    assert [phone.submit(name=f"Pin {i}").status for i in range(3)] == [201] * 3
    full = Phone(server).submit(name="One too many")
    assert full.status == 429 and "all the pins" in full.json()["message"]


def test_an_ended_workshop_takes_no_more_pins(server: Any, workshop_file: tuple[Path, str]) -> None:
    path, workshop_id = workshop_file
    facilitator(path, EndWorkshop(workshop_id))
    reply = Phone(server).submit()
    assert reply.status == 403 and "ended" in reply.json()["message"]


# ---- own pins: change and withdraw ------------------------------------------------------
def test_only_the_phone_that_sent_a_pin_may_change_or_withdraw_it(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    path = workshop_file[0]
    mine, other = Phone(server), Phone(server)
    uuid = mine.submit(name="Our pantry").json()["uuid"]
    changed = submission(name="Somebody else's words")
    assert other.request("PUT", f"api/pins/{uuid}", changed).status == 403
    refused = other.request("DELETE", f"api/pins/{uuid}")
    assert refused.status == 403 and "your own" in refused.json()["message"]
    assert stored(path, uuid).name == "Our pantry" and not stored(path, uuid).deleted

    assert mine.request("PUT", f"api/pins/{uuid}", submission(name="Our food pantry")).status == 200
    assert stored(path, uuid).name == "Our food pantry"
    assert mine.request("DELETE", f"api/pins/{uuid}").status == 200
    assert stored(path, uuid).deleted


def test_an_asset_that_no_phone_sent_cannot_be_withdrawn(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    path = workshop_file[0]
    desk = Asset(new_uuid(), "Library", "libraries", x=STRETFORD[0], y=STRETFORD[1])
    facilitator(path, AddAsset(desk))
    assert Phone(server).request("DELETE", f"api/pins/{desk.uuid}").status == 403
    assert Phone(server).request("DELETE", "api/pins/not-a-uuid").status == 404
    assert Phone(server).request("DELETE", f"api/pins/{new_uuid()}").status == 403
    assert not stored(path, desk.uuid).deleted


# ---- what phones see ------------------------------------------------------------------
def test_phones_see_approved_pins_and_only_their_own_pending_ones(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    path = workshop_file[0]
    mine, other = Phone(server), Phone(server)
    uuid = mine.submit(name="Knit and natter").json()["uuid"]
    own = {p["uuid"]: p for p in mine.pins()["pins"]}
    assert own[uuid]["review"] == "pending" and own[uuid]["mine"] is True
    assert own[uuid]["note"] == "Open late on Thursdays"
    theirs = {p["uuid"]: p for p in other.pins()["pins"]}
    assert uuid not in theirs
    assert all("note" not in p and "contributor" not in p for p in theirs.values())
    approve(path, uuid)
    assert uuid in {p["uuid"] for p in other.pins()["pins"]}


def test_personal_data_assets_are_never_served(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    path = workshop_file[0]
    flagged = Asset(new_uuid(), "Zed Quayle's spare room", "libraries", personal_data=True,
                    x=STRETFORD[0], y=STRETFORD[1])  # fmt: skip
    skills = Asset(
        new_uuid(), "Zed Quayle fixes bikes", "individual_skills", x=STRETFORD[0], y=STRETFORD[1]
    )
    facilitator(path, AddAsset(flagged))
    facilitator(path, AddAsset(skills))
    phone = Phone(server)
    before = phone.pins()
    body = phone.request("GET", "api/pins").body.decode()
    assert "Zed Quayle" not in body
    assert len(before["pins"]) > 400  # the demo's ordinary assets are there
    again = phone.pins(since=before["seq"] - 2)
    assert {p["uuid"] for p in again["pins"]}.isdisjoint({flagged.uuid, skills.uuid})


def test_polling_with_since_returns_only_what_changed(
    server: Any, workshop_file: tuple[Path, str]
) -> None:
    path = workshop_file[0]
    watcher, sender = Phone(server), Phone(server)
    first = watcher.pins()
    assert first["full"] is True and first["removed"] == []
    nothing = watcher.pins(since=first["seq"])
    assert nothing == {"seq": first["seq"], "pins": [], "removed": [], "full": False}

    uuid = sender.submit(name="Repair café").json()["uuid"]
    pending = watcher.pins(since=first["seq"])
    assert pending["pins"] == [] and pending["removed"] == [uuid]  # not visible to others
    approve(path, uuid)
    after = watcher.pins(since=pending["seq"])
    assert [p["uuid"] for p in after["pins"]] == [uuid] and after["full"] is False
    assert after["pins"][0]["name"] == "Repair café" and after["pins"][0]["mine"] is False

    assert sender.request("DELETE", f"api/pins/{uuid}").status == 200
    gone = watcher.pins(since=after["seq"])
    assert gone["removed"] == [uuid] and gone["pins"] == []


def test_a_since_beyond_the_feed_sends_everything_again(server: Any) -> None:
    phone = Phone(server)
    reply = phone.pins(since=10**9)
    assert reply["full"] is True and len(reply["pins"]) > 400
    for query in ("-1", "abc", ""):
        assert phone.request("GET", f"api/pins?since={query}").json()["full"] is True


# ---- tiles ----------------------------------------------------------------------------
def test_tiles_come_from_the_injected_renderer_inside_the_grid(serve: Any) -> None:
    asked: list[tuple[int, int, int]] = []

    def render(z: int, x: int, y: int) -> bytes | None:
        asked.append((z, x, y))
        return b"\x89PNG fake" if x == 0 else None

    server = serve(render_tile=render)
    phone = Phone(server)
    assert phone.request("GET", "api/config").json()["has_tiles"] is True
    tile = phone.request("GET", "tiles/1/0/1.png")
    assert tile.status == 200 and tile.headers["Content-Type"] == "image/png"
    assert phone.request("GET", "tiles/1/1/1.png").status == 404  # nothing drawn there
    assert phone.request("GET", "tiles/1/2/0.png").status == 404  # outside the grid
    assert phone.request("GET", "tiles/40/0/0.png").status == 404
    assert asked == [(1, 0, 1), (1, 1, 1)]


def test_without_a_renderer_there_are_no_tiles(server: Any) -> None:
    assert Phone(server).request("GET", "tiles/0/0/0.png").status == 404


def test_stopping_the_server_closes_the_port(serve: Any) -> None:
    server = serve()
    assert Phone(server).request("GET", "").status == 200
    server.stop()
    with pytest.raises(OSError):
        Phone(server).request("GET", "")


def test_a_body_of_unknown_length_and_unknown_methods_are_refused(server: Any) -> None:
    phone = Phone(server)
    chunked = phone.request("POST", "api/pins", raw=b"{}", headers={"Transfer-Encoding": "chunked"})
    assert chunked.status == 411
    assert phone.request("PUT", "api/pins").status == 405
    assert phone.request("POST", "api/config", submission()).status == 405


def test_the_facilitator_can_share_on_this_computer_first() -> None:
    from assetmap.core.workshop.server import network_addresses

    found = network_addresses()
    assert found[0] == ("This computer only", "127.0.0.1")
    assert len({address for _, address in found}) == len(found)
