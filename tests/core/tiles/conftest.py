from __future__ import annotations

import pytest


@pytest.fixture
def local_source(tile_server):
    from assetmap.core.tiles import custom_source

    return custom_source(
        tile_server.url,
        "© Test tiles, © OpenStreetMap contributors",
        name="Local test tiles",
        max_zoom=18,
        bulk_download_allowed=True,
    )
