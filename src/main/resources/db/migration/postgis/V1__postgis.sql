-- The postgis/postgis image and the test cluster create the extension already; this keeps a
-- bare PostgreSQL database with the PostGIS packages installed working too.
CREATE EXTENSION IF NOT EXISTS postgis;
