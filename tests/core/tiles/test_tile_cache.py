"""Raster tiles: fetched from a real local server into a spec-conformant MBTiles cache,
read back offline, planned and bulk-downloaded only where the provider allows it."""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.tiles import (
    OPENSTREETMAP,
    USER_AGENT,
    BulkDownloadRefused,
    MBTilesCache,
    TileFetcher,
    TilePlanner,
    cache_path_for,
    custom_source,
    download,
    file_source,
    open_cache,
    plan_download,
)
from assetmap.core.tiles.mercator import tile_lonlat_bounds
from support.tile_server import png, tile_colour

# Oakham, Rutland, and a zoom-15 tile over it.
OAKHAM = (-0.7280, 52.6700)
Z, X, Y = 15, 16317, 10723


def osm_wiki_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The formula on wiki.openstreetmap.org/wiki/Slippy_map_tilenames, written out again."""
    n = 2.0**z
    x = int((lon + 180.0) / 360.0 * n)
    r = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(r)) / math.pi) / 2.0 * n)
    return x, y


def test_the_test_tile_is_over_oakham():
    assert osm_wiki_tile(*OAKHAM, Z) == (X, Y)


def test_fetching_fills_a_spec_conformant_mbtiles_cache(tmp_path, tile_server, local_source):
    cache = open_cache(tmp_path / "project.gpkg", local_source)
    path = cache_path_for(tmp_path / "project.gpkg", local_source)
    assert path.name.startswith("project.tiles.127-0-0-1-") and path.suffix == ".mbtiles"
    assert cache is not None and cache.path == path
    fetcher = TileFetcher(local_source, cache)

    data = fetcher.get(Z, X, Y)
    assert data == png(256, 256, tile_colour(Z, X, Y))
    assert tile_server.requests[0][0] == f"/{Z}/{X}/{Y}.png"
    # Asked again: from the cache, not the server.
    assert fetcher.get(Z, X, Y) == data
    assert tile_server.count() == 1
    cache.close()

    # Read the file as any MBTiles reader would: metadata rows, TMS rows counted from the south.
    conn = sqlite3.connect(path)
    meta = dict(conn.execute("SELECT name, value FROM metadata"))
    assert meta["name"] == "Local test tiles"
    assert meta["format"] == "png"
    assert "© Test tiles" in meta["attribution"]
    assert meta["type"] == "baselayer"
    rows = conn.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles").fetchall()
    assert [(z, c, r) for z, c, r, _ in rows] == [(Z, X, 2**Z - 1 - Y)]
    assert bytes(rows[0][3]) == data
    columns = [r[1] for r in conn.execute("PRAGMA table_info(tiles)")]
    assert columns == ["zoom_level", "tile_column", "tile_row", "tile_data"]
    conn.close()


def test_a_descriptive_user_agent_is_sent(tmp_path, tile_server, local_source):
    fetcher = TileFetcher(local_source, MBTilesCache(tmp_path / "c.mbtiles"))
    fetcher.get(Z, X, Y)
    agent = tile_server.requests[-1][1]
    assert agent == USER_AGENT
    assert agent.startswith("assetmap/") and "(+https://" in agent
    assert "Python-urllib" not in agent


def test_a_missing_tile_is_asked_for_once(tmp_path, tile_server, local_source):
    tile_server.missing.add((Z, X + 1, Y))
    fetcher = TileFetcher(local_source, MBTilesCache(tmp_path / "c.mbtiles"))
    assert fetcher.get(Z, X + 1, Y) is None
    assert fetcher.get(Z, X + 1, Y) is None
    assert tile_server.count() == 1
    assert not fetcher.offline  # a 404 is an answer: the server is there


def test_with_the_server_stopped_the_cache_is_read_and_nothing_raises(
    tmp_path, tile_server, local_source
):
    cache = MBTilesCache(tmp_path / "c.mbtiles")
    fetcher = TileFetcher(local_source, cache, timeout=2)
    cached = fetcher.get(Z, X, Y)
    assert cached is not None and not fetcher.offline
    tile_server.stop()

    assert fetcher.get(Z, X, Y + 1) is None  # not cached, and the server is gone
    assert fetcher.offline and fetcher.unreachable
    assert "cannot be reached" in fetcher.last_error
    attempts = fetcher.requests
    # Offline: the cache still answers, and nothing else is tried (no retry storm).
    assert fetcher.get(Z, X, Y) == cached
    for dy in range(2, 30):
        assert fetcher.get(Z, X, Y + dy) is None
    assert fetcher.requests == attempts


def test_the_back_off_ends_and_a_returning_server_is_used_again(tmp_path, local_source):
    from support.tile_server import TileServer

    server = TileServer()
    port = server.port
    server.stop()
    now = [1000.0]
    source = custom_source(f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png", "© Test")
    fetcher = TileFetcher(source, MBTilesCache(tmp_path / "c.mbtiles"), clock=lambda: now[0])
    assert fetcher.get(Z, X, Y) is None and fetcher.offline
    now[0] += 16  # the first back-off is 15 s
    assert not fetcher.offline
    assert fetcher.get(Z, X, Y) is None  # still down: a longer back-off
    now[0] += 16
    assert fetcher.offline
    now[0] += 16
    assert not fetcher.offline


def test_forced_offline_reads_only_the_cache(tmp_path, tile_server, local_source):
    fetcher = TileFetcher(local_source, MBTilesCache(tmp_path / "c.mbtiles"), offline=True)
    assert fetcher.get(Z, X, Y) is None
    assert tile_server.count() == 0


def test_plan_download_counts_tiles_for_a_known_box():
    # One zoom-10 tile's own box: 1 tile at z10, 4 at z11, 16 at z12.
    box = tile_lonlat_bounds(10, 511, 340)
    assert plan_download(box, [10]).tiles == 1
    assert plan_download(box, range(10, 13)).tiles == 1 + 4 + 16
    # Rutland at zooms 10-14, against the OSM wiki formula.
    rutland = (-0.8230, 52.5235, -0.4276, 52.7611)
    expected = 0
    for z in range(10, 15):
        x0, y0 = osm_wiki_tile(rutland[0], rutland[3], z)
        x1, y1 = osm_wiki_tile(rutland[2], rutland[1], z)
        expected += (x1 - x0 + 1) * (y1 - y0 + 1)
    tiles, megabytes = plan_download(rutland, range(10, 15))
    assert tiles == expected
    assert megabytes == pytest.approx(tiles * 18 / 1024, abs=0.05)
    at_14 = plan_download(rutland, [14])
    assert plan_download(rutland, [14], average_tile_kb=36).megabytes == pytest.approx(
        at_14.tiles * 36 / 1024, abs=0.05
    )
    with pytest.raises(BadInputError):
        plan_download((1.0, 52.0, 0.5, 53.0), [10])


def test_download_refuses_openstreetmap_citing_its_policy(tmp_path):
    cache = MBTilesCache(tmp_path / "c.mbtiles")
    with pytest.raises(BulkDownloadRefused) as caught:
        download(OPENSTREETMAP, cache, (-0.8, 52.5, -0.4, 52.8), [10, 11])
    message = str(caught.value)
    assert "tile usage policy" in message
    assert "https://operations.osmfoundation.org/policies/tiles/" in message
    assert "Import OSM extract" in message
    assert cache.count() == 0
    # A custom template on OSM's servers cannot get round it by claiming bulk is fine.
    sneaky = custom_source(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "© OpenStreetMap contributors",
        bulk_download_allowed=True,
    )
    with pytest.raises(BulkDownloadRefused, match="tile usage policy"):
        download(sneaky, cache, (-0.8, 52.5, -0.4, 52.8), [10])
    # And a provider not marked as allowing it is refused too.
    unmarked = custom_source("https://tiles.example.org/{z}/{x}/{y}.png", "© Example")
    with pytest.raises(BulkDownloadRefused, match="not marked as allowing bulk download"):
        download(unmarked, cache, (-0.8, 52.5, -0.4, 52.8), [10])


def test_download_fetches_the_area_with_progress_and_records_it(
    tmp_path, tile_server, local_source
):
    cache = MBTilesCache(tmp_path / "c.mbtiles")
    box = tile_lonlat_bounds(12, 2040, 1360)
    steps = []
    report = download(local_source, cache, box, [12, 13, 14],
                      progress=lambda f, m: steps.append((f, m)))  # fmt: skip
    assert report.fetched == 1 + 4 + 16 and report.failed == 0 and not report.offline
    assert cache.count() == 21
    assert steps[-1][0] == pytest.approx(1.0)
    meta = cache.metadata()
    assert (meta["minzoom"], meta["maxzoom"]) == ("12", "14")
    west, south, east, north = (float(v) for v in meta["bounds"].split(","))
    assert west == pytest.approx(box[0], abs=1e-5) and north == pytest.approx(box[3], abs=1e-5)
    # Again: everything is cached, nothing is fetched.
    before = tile_server.count()
    again = download(local_source, cache, box, [12, 13, 14])
    assert again.fetched == 0 and again.already_cached == 21
    assert tile_server.count() == before


def test_download_can_be_cancelled_and_stops_when_the_network_goes(
    tmp_path, tile_server, local_source
):
    cache = MBTilesCache(tmp_path / "c.mbtiles")
    box = tile_lonlat_bounds(12, 2040, 1360)
    with pytest.raises(Cancelled):
        download(local_source, cache, box, [12, 13, 14], cancelled=lambda: cache.count() >= 3)
    assert 3 <= cache.count() < 21
    tile_server.stop()
    report = download(local_source, cache, box, [12, 13, 14, 15])
    assert report.offline and report.fetched == 0


def test_an_existing_mbtiles_file_is_read(tmp_path):
    # Written the way GDAL, QGIS or MapTiler write them: TMS rows, HTML attribution. The
    # folder's name has the characters a file: URI would otherwise cut at.
    folder = tmp_path / "maps #2 (50% done?)"
    folder.mkdir()
    path = folder / "rutland.mbtiles"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE metadata (name text, value text);"
        "CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer,"
        " tile_data blob);"
    )
    conn.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [
            ("name", "Rutland offline"),
            ("format", "png"),
            ("minzoom", "10"),
            ("maxzoom", "15"),
            ("attribution", '<a href="https://osm.org/copyright">&copy; OpenStreetMap</a> '
                            "contributors"),
        ],
    )  # fmt: skip
    tile = png(256, 256, (10, 200, 30))
    conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (Z, X, 2**Z - 1 - Y, tile))
    conn.commit()
    conn.close()

    source = file_source(path)
    assert source.name == "Rutland offline"
    assert source.attribution == "© OpenStreetMap contributors"
    assert (source.min_zoom, source.max_zoom) == (10, 15) and source.is_file
    cache = open_cache(tmp_path / "project.gpkg", source)
    assert cache.read_only and cache.path == path
    assert cache.get(Z, X, Y) == tile
    assert cache.get(Z, X, 2**Z - 1 - Y) is None  # the row is flipped, not taken as it is
    with pytest.raises(PermissionError):
        cache.put(Z, X, Y + 1, tile)
    # Never fetched: a file source has no server.
    assert TileFetcher(source, cache).get(Z, X, Y + 1) is None
    with pytest.raises(BulkDownloadRefused, match="already offline"):
        download(source, cache, (-0.8, 52.5, -0.4, 52.8), [12])


def test_a_file_that_is_not_mbtiles_is_refused_clearly(tmp_path):
    other = tmp_path / "notes.mbtiles"
    other.write_text("hello")
    with pytest.raises(BadInputError, match="not an MBTiles file"):
        file_source(other)
    gpkg = tmp_path / "other.mbtiles"
    sqlite3.connect(gpkg).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(BadInputError, match="no 'metadata' and 'tiles' tables"):
        file_source(gpkg)


@pytest.mark.parametrize(
    ("template", "attribution", "words"),
    [
        ("tiles.example.org/{z}/{x}/{y}.png", "© X", "starts with https://"),
        ("https://tiles.example.org/{z}/{x}.png", "© X", "needs {z}, {x} and {y}"),
        ("https://tiles.example.org/{z}/{x}/{y}.png?k={key}", "© X", "{key}"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "  ", "attribution"),
    ],
)
def test_a_custom_source_is_checked(template, attribution, words):
    with pytest.raises(BadInputError, match=words.replace("{", r"\{").replace("}", r"\}")):
        custom_source(template, attribution)


def test_url_templates_fill_subdomains_and_tms_rows():
    source = custom_source("https://{s}.tiles.example.org/{z}/{x}/{-y}.png", "© X")
    assert source.url(3, 1, 2) == "https://a.tiles.example.org/3/1/5.png"
    assert source.host == ("a.tiles.example.org", 443)


def test_a_view_in_british_national_grid_gets_the_tiles_over_it():
    planner = TilePlanner("EPSG:27700")
    from pyproj import Transformer

    ex, ny = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True).transform(*OAKHAM)
    bounds = (ex - 300, ny - 200, ex + 300, ny + 200)
    plan = planner.plan(bounds, metres_per_px=3.0)
    assert plan.zoom == 15  # 2.9 m per tile pixel at z15 at this latitude
    keys = [tuple(k) for k in plan.keys.tolist()]
    assert (Z, X, Y) in keys
    corners = plan.corners[keys.index((Z, X, Y))]
    # The tile is a square of about 740 m on the ground, a little rotated in the grid.
    assert corners[:, 0].min() < ex < corners[:, 0].max()
    assert corners[:, 1].min() < ny < corners[:, 1].max()
    side = math.dist(corners[0], corners[1])
    assert 700 < side < 780
    # Neighbours share their corners exactly: no seams.
    right = keys.index((Z, X + 1, Y)) if (Z, X + 1, Y) in keys else None
    if right is not None:
        assert (plan.corners[right][0] == corners[1]).all()


def open_descriptors(path) -> int:
    """How many of this process's file descriptors are on ``path`` (Linux's /proc)."""
    target = str(path.resolve())
    count = 0
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            count += os.readlink(fd) == target
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
def test_reads_from_many_short_lived_threads_keep_few_connections_open(tmp_path):
    """The map reads the cache from a pooled render thread whose Python thread state is made
    afresh for every render: one connection per render would run the process out of file
    descriptors in a long session."""
    path = tmp_path / "tiles.mbtiles"
    cache = MBTilesCache(path)
    cache.put(Z, X, Y, b"tile")
    for _ in range(40):
        reader = threading.Thread(target=lambda: cache.get(Z, X, Y))
        reader.start()
        reader.join()
    assert open_descriptors(path) <= 2
    cache.close()
    assert open_descriptors(path) == 0


def test_a_closed_cache_reads_as_empty_and_opens_nothing(tmp_path):
    """A render still under way when its project is closed reads nothing, quietly."""
    path = tmp_path / "tiles.mbtiles"
    cache = MBTilesCache(path)
    cache.put(Z, X, Y, b"tile")
    cache.close()
    reader = threading.Thread(target=lambda: seen.append(cache.get(Z, X, Y)))
    seen: list[bytes | None] = []
    reader.start()
    reader.join()
    assert seen == [None] and cache.count() == 0 and not cache.has(Z, X, Y)
    if Path("/proc/self/fd").is_dir():
        assert open_descriptors(path) == 0
