"""The shared team map on a PostGIS server (issue 13): connections, the server's schema,
publishing a project; sync builds on these. Needs the optional extra
``assetmap[postgis]`` (psycopg 3), imported only when a server is used."""
