"""The phone page in a real browser: Debian's chromium, headless, 360 x 740 with touch.

Driven through playwright's Python API pointed at the system chromium (never
``playwright install``); skipped, with the reason shown, when either is missing.
A participant taps the map, fills the form with the page's own controls and sends; the
pin is then checked in the project file, approved from the desk, and withdrawn.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assetmap.core import assets
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.review import SetReview
from assetmap.core.project import Project
from assetmap.core.workshop.contributions import contributions
from support.workshop_http import Phone

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}


def _browser_or_skip() -> Any:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("the browser test needs Debian's chromium at /usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the browser test needs playwright (pip install playwright)")
    return sync_playwright


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[Any]:
    """A fresh phone: a new browser context (no stored secret), touch, 360 px wide."""
    sync_playwright = _browser_or_skip()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            headless=True,
            args=["--no-sandbox"],  # tests may run as root in CI containers
        )
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
        )
        page = context.new_page()
        page.problems = []  # type: ignore[attr-defined]  # collected for the test to assert on
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.on(
            "console",
            lambda msg: page.problems.append(msg.text) if msg.type == "error" else None,
        )
        page.on("dialog", lambda dialog: dialog.accept())
        try:
            yield page
        finally:
            context.close()
            browser.close()


def solid_png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A real PNG of one colour, written by hand: the core tests use no imaging library."""
    row = b"\x00" + bytes(rgb) * size
    raw = zlib.compress(row * size)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def open_page(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='true']")
    # Functions, not expression strings: the page's CSP forbids eval, which strings need.
    page.wait_for_function("() => document.querySelectorAll('.leaflet-interactive').length > 400")


# A point of the map with no pin under it (a tap on a pin opens the pin, not the form),
# searched from ``top`` down (the lower half: the map's middle; the upper part stays in sight
# above an open form), at least 60 px from ``away`` when given.
_FREE_POINT_FROM = """([top, away]) => {
  const box = document.getElementById("map").getBoundingClientRect();
  for (let fy = top; fy < 0.9; fy += 0.03) {
    for (let fx = 0.3; fx < 0.8; fx += 0.03) {
      const x = box.left + box.width * fx, y = box.top + box.height * fy;
      const found = document.elementFromPoint(x, y);
      const taken = found && found.closest(".leaflet-interactive, .leaflet-control");
      const far = !away || Math.hypot(x - away[0], y - away[1]) > 60;
      if (found && found.closest("#map") && !taken && far) {
        return [x, y];
      }
    }
  }
  return null;
}"""


def free_point(page: Any, top: float = 0.45, away: list[float] | None = None) -> Any:
    return page.evaluate(_FREE_POINT_FROM, [top, away])


def tap_map(page: Any) -> None:
    point = free_point(page)
    assert point is not None, "no empty spot on the map to tap"
    page.touchscreen.tap(point[0], point[1])


def test_a_participant_taps_the_map_and_sends_a_pin(
    phone: Any, serve: Any, workshop_file: tuple[Path, str], tmp_path: Path
) -> None:
    path, workshop_id = workshop_file
    server = serve()
    open_page(phone, server.url)
    assert phone.locator("#title").inner_text().startswith("Stretford evening")
    # Outlines only (no tiles): the areas are drawn as SVG paths on a plain background.
    assert phone.locator("img.leaflet-tile").count() == 0

    tap_map(phone)
    phone.wait_for_selector("#form-panel:not([hidden])")
    phone.locator("label.choice", has_text="missing here").tap()
    phone.select_option("#category", "mental_health")
    phone.locator("#name").fill("Somewhere to talk")
    phone.locator("#note").fill("Nothing open after 5pm")
    phone.locator("#contributor").fill("Ana")
    phone.screenshot(path=str(tmp_path / "form.png"))
    phone.locator("#send-button").tap()
    phone.wait_for_selector("#toast:has-text('Thank you')")
    assert phone.locator("#form-panel").is_hidden()

    with Project.open(path) as project:
        found = contributions(project, workshop_id)
        assert len(found) == 1
        pin = found[0]
        assert (pin.kind, pin.category, pin.name) == ("need", "mental_health", "Somewhere to talk")
        assert (pin.note, pin.contributor, pin.review) == (
            "Nothing open after 5pm",
            "Ana",
            "pending",
        )
        config = server.service.grid.bounds()
        assert config[0] < pin.x < config[2] and config[1] < pin.y < config[3]

    # Own pins: listed as waiting; once the facilitator approves, the page says so.
    phone.wait_for_selector("#mine-count:has-text('1')")
    phone.locator("#mine-button").tap()
    phone.wait_for_selector("#mine-list li:has-text('waiting for the facilitator')")
    with Project.open(path) as project:
        CommandStack(project).push(SetReview((pin.uuid,), "approved"))
    phone.wait_for_selector("#mine-list li:has-text('on the map')")
    phone.screenshot(path=str(tmp_path / "mine.png"))

    # Withdraw through the page's own button.
    phone.locator("#mine-list button", has_text="Withdraw").tap()
    phone.wait_for_selector("#mine-count:has-text('0')")
    with Project.open(path) as project:
        assert assets.get(project, pin.uuid).deleted
    assert phone.problems == []


def test_a_participant_moves_their_pin_by_tapping_the_map_while_changing_it(
    phone: Any, serve: Any, workshop_file: tuple[Path, str]
) -> None:
    """Change your pin, tap elsewhere: the pin moves there and keeps what was typed."""
    path, workshop_id = workshop_file
    server = serve()
    open_page(phone, server.url)
    first = free_point(phone)
    phone.touchscreen.tap(first[0], first[1])
    phone.wait_for_selector("#form-panel:not([hidden])")
    phone.select_option("#category", "food_banks")
    phone.locator("#name").fill("Pantry at the church")
    phone.locator("#send-button").tap()
    phone.wait_for_selector("#mine-count:has-text('1')")
    with Project.open(path) as project:
        (before,) = contributions(project, workshop_id)

    phone.locator("#mine-button").tap()
    phone.locator("#mine-list button", has_text="Change").tap()
    phone.wait_for_selector("#form-panel:not([hidden])")
    assert phone.locator("[data-w='tap_to_move']").is_visible()
    phone.locator("#note").fill("Tuesdays")
    there = free_point(phone, top=0.08, away=first)
    assert there is not None, "no second empty spot on the map"
    phone.touchscreen.tap(there[0], there[1])
    assert phone.locator("#form-panel").is_visible()  # the form stays, with what was typed
    assert phone.locator("#name").input_value() == "Pantry at the church"
    phone.locator("#send-button").tap()
    phone.wait_for_selector("#toast:has-text('Saved')")
    with Project.open(path) as project:
        (after,) = contributions(project, workshop_id)
    assert after.uuid == before.uuid and after.name == "Pantry at the church"
    assert after.note == "Tuesdays"
    assert (after.x, after.y) != (before.x, before.y)  # moved where the second tap was
    assert phone.problems == []


def test_the_page_shows_the_servers_refusal_in_plain_words(phone: Any, serve: Any) -> None:
    open_page(phone, serve().url)
    tap_map(phone)
    assert phone.locator("#category").input_value() == ""  # nothing chosen for them
    phone.locator("#send-button").tap()
    assert "choose the kind of place" in phone.locator("#form-error").inner_text()
    phone.select_option("#category", "mental_health")
    phone.locator("#send-button").tap()  # no name yet
    assert "give it a name" in phone.locator("#form-error").inner_text()
    phone.locator("#name").fill("<b>shouting</b>")
    phone.locator("#send-button").tap()
    phone.wait_for_selector("#form-error:has-text('not')")
    assert "<b>" not in phone.locator("#form-error").inner_html()
    assert phone.locator("#form-panel").is_visible()


def test_new_approved_pins_appear_without_reloading(
    phone: Any, serve: Any, workshop_file: tuple[Path, str]
) -> None:
    path = workshop_file[0]
    server = serve()
    open_page(phone, server.url)
    before = phone.locator(".leaflet-interactive").count()
    uuid = Phone(server).submit(name="Someone else's pin").json()["uuid"]
    with Project.open(path) as project:
        CommandStack(project).push(SetReview((uuid,), "approved"))
    phone.wait_for_function(
        "n => document.querySelectorAll('.leaflet-interactive').length > n",
        arg=before,
    )


def test_the_page_draws_served_tiles_under_the_outlines(
    phone: Any, serve: Any, tmp_path: Path
) -> None:
    tile = solid_png((200, 225, 200))
    server = serve(render_tile=lambda z, x, y: tile)
    open_page(phone, server.url)
    phone.wait_for_function(
        "() => Array.from(document.querySelectorAll('img.leaflet-tile'))"
        ".some(i => i.complete && i.naturalWidth === 256)"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=str(tmp_path / "tiles.png"))
    assert phone.problems == []


def test_use_my_location_zooms_in_and_puts_the_pin_there(
    serve: Any, workshop_file: tuple[Path, str]
) -> None:
    sync_playwright = _browser_or_skip()
    path, workshop_id = workshop_file
    server = serve()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            headless=True,
            args=["--no-sandbox"],
        )
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2,
            geolocation={"latitude": 53.4456, "longitude": -2.3093}, permissions=["geolocation"],
        )  # fmt: skip
        page = context.new_page()
        try:
            open_page(page, server.url)
            page.locator("#locate-button").tap()
            page.wait_for_selector("#form-panel:not([hidden])")
            page.select_option("#category", "community_centres")
            page.locator("#name").fill("Church hall lunch club")
            page.locator("#send-button").tap()
            page.wait_for_selector("#toast:has-text('Thank you')")
        finally:
            context.close()
            browser.close()
    with Project.open(path) as project:
        (pin,) = contributions(project, workshop_id)
    assert 379_000 < pin.x < 381_000 and 394_000 < pin.y < 396_000  # Stretford, in the grid


def test_the_page_speaks_the_apps_language(
    phone: Any, serve: Any, workshop_file: tuple[Path, str], tmp_path: Path
) -> None:
    """Run from the Welsh app, the page greets phones in Welsh (the Welsh needs the lead's
    filled catalogue)."""
    from assetmap.core import i18n

    with i18n.using_language("cy"):
        server = serve()
        open_page(phone, server.url)
        phone.screenshot(path=str(tmp_path / "welsh.png"))
        assert phone.evaluate("() => document.documentElement.lang") == "cy"
        assert phone.locator("#hint").inner_text().startswith("Tapiwch y map")
        tap_map(phone)
        phone.wait_for_selector("#form-panel:not([hidden])")
        phone.screenshot(path=str(tmp_path / "welsh-form.png"))
        assert phone.locator("#form-title").inner_text() == "Ychwanegu pin"
        assert phone.locator("#send-button").inner_text() == "Anfon"
