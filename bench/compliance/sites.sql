-- :sites generated sites for the compliance benchmark, inside Changchun (the union of the districts):
-- octagons (radius 150–1,500 m) and rectangles (300–2,500 m a side) around seeded random points, each
-- with a city (5 % none) and an industry (about one in seven none), as a GIS department might deliver
-- a layer of proposed sites. Deterministic for one seed.
SELECT setseed(0.20261206);
CREATE TABLE bench_site_src AS
WITH city AS (SELECT ST_Union(geom) AS geom FROM bench_area WHERE layer = 'districts'),
     centres AS (SELECT (ST_Dump(ST_GeneratePoints(geom, :sites, 20261206))).geom AS centre FROM city),
     numbered AS (SELECT row_number() OVER (ORDER BY ST_X(centre), ST_Y(centre)) AS n, centre FROM centres),
     drawn AS (
       SELECT n, centre, random() AS shape, 150 + random() * 1350 AS radius, 300 + random() * 2200 AS width,
              300 + random() * 2200 AS height, random() AS c, random() AS i FROM numbered ORDER BY n)
SELECT lpad(n::text, 5, '0') AS site_id,
       CASE WHEN c < 0.05 THEN NULL ELSE (ARRAY['automobile','agriculture','dual-carbon','sci-tech','consumption',
            'culture'])[1 + floor((c - 0.05) / 0.95 * 6)::int] END AS city,
       (ARRAY['新能源','新装备','新材料','新农业','新旅游','新电商', NULL])[1 + floor(i * 7)::int] AS industry,
       CASE WHEN shape < 0.5 THEN ST_Buffer(centre::geography, radius, 'quad_segs=2')::geometry
            ELSE ST_MakeEnvelope(ST_X(centre) - width / 2 / (111320 * cos(radians(ST_Y(centre)))),
                                 ST_Y(centre) - height / 2 / 111132, ST_X(centre) + width / 2 / (111320 * cos(radians(ST_Y(centre)))),
                                 ST_Y(centre) + height / 2 / 111132, 4326) END AS geom
FROM drawn;
