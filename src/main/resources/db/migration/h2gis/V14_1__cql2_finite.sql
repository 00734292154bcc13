-- CQL2 arithmetic: a double result that is infinite or NaN is an SQLSTATE 22003 error, as in PostgreSQL
-- (see SpatialDialect.finiteNumber).
CREATE ALIAS IF NOT EXISTS CQL2_FINITE DETERMINISTIC FOR "org.changchun.layout.store.h2gis.H2gisFunctions.finite";
