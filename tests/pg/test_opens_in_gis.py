"""The published layers open in desktop GIS as they are: GDAL's PostgreSQL driver (which
QGIS's browser and ogr2ogr use) lists them with their geometry type and CRS, and reads them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from assetmap.core.project import Project
from assetmap.core.shared.publish import publish
from support.pg_server import SUPERUSER, PgServer

SYSTEM_PYTHON = Path("/usr/bin/python3")
READ_LAYERS = """
import json, sys
from osgeo import ogr
ogr.UseExceptions()
ds = ogr.Open(sys.argv[1])
layers = {}
for i in range(ds.GetLayerCount()):
    layer = ds.GetLayerByIndex(i)
    srs = layer.GetSpatialRef()
    layers[layer.GetName()] = [
        ogr.GeometryTypeToName(layer.GetGeomType()),
        srs.GetAuthorityCode(None) if srs else None,
        layer.GetFeatureCount(),
    ]
print(json.dumps(layers))
"""


def gdal_layers(db: PgServer) -> dict[str, list]:
    source = (
        f"PG:dbname={db.database} host={db.socket_dir} port={db.port} user={SUPERUSER} "
        "schemas=assetmap"
    )
    done = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", READ_LAYERS, source], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(
    subprocess.run([str(SYSTEM_PYTHON), "-c", "import osgeo"], capture_output=True).returncode,
    reason="GDAL's Python bindings are missing (Debian package python3-gdal; .ci/run installs it)",
)
def test_gdal_lists_and_reads_the_published_layers(pg_db: PgServer, demo_copy) -> None:
    with Project.open(demo_copy) as project:
        publish(project, pg_db.url())
        libraries = project.conn.execute(
            "SELECT count(*) FROM assets WHERE category = 'libraries' AND deleted = 0"
        ).fetchone()[0]
    layers = gdal_layers(pg_db)
    assert layers["assets"] == ["Point", "27700", 501]
    assert layers["assets_libraries"] == ["Point", "27700", libraries]
    assert layers["areas"] == ["Multi Polygon", "27700", 160]
    assert layers["areas_neighbourhoods_lsoa_2021"] == ["Multi Polygon", "27700", 139]
    assert layers["asset_footprints"] == ["Multi Polygon", "27700", 107]
