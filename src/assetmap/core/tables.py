"""The names of the GeoPackage layers assets live in, for every module that reads them."""

ASSETS_TABLE = "assets"
FOOTPRINTS_TABLE = "asset_footprints"
