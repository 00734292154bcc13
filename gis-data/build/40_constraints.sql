-- A schematic SAMPLE constraint layer (生态保护红线, ecological red line) so the compliance review
-- can be tried. NO official red line is available here: these are two smooth ellipses at places
-- a red line typically protects (a forest park, a drinking-water reservoir), with illustrative
-- sizes and approximate positions. Shown everywhere as 示意，不具法律效力 (schematic, no legal effect).
-- Requires 01_lib.sql and 10_zones.sql (the city mask m('city')).
\set ON_ERROR_STOP on

drop table if exists cgeom;
create table cgeom (id text primary key, geom geometry(MultiPolygon, 4326));
-- around the 净月潭 forest (≈125.47E 43.78N), inside the 净月 zone; about 40 km², illustrative
insert into cgeom values ('jingyuetan-forest', sch_finish(sch_fit(125.470, 43.780, 5.0, 3.5, 20, 40, m('city'))));
-- around the 新立城 reservoir south of the city (position approximate); about 25 km², illustrative
insert into cgeom values ('xinlicheng-reservoir', sch_finish(sch_fit(125.345, 43.655, 4.5, 2.5, 60, 25, m('city'))));
