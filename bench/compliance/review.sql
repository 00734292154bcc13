-- The review of every site in bench_site in one SQL statement on PostGIS, by the same rules as the
-- service (gis-data/rules.json, loaded by rules_sql.py): the areas each site overlaps (area on the
-- spheroid, share of the site; no overlay where the area covers the site), the share of it in areas
-- meant for its city, the restrictions and constraint lines that fire, the general rules, the
-- distance to the nearest area meant for its city when it lies in none (in Changchun's Gauss-Kruger
-- projection, from area geometries projected once), the projects it overlaps, and the verdict. One
-- row per site, in id order.
WITH site AS (
  SELECT site_id AS id, city, industry, geom, ST_Area(geom::geography) AS m2 FROM bench_site
), piece AS (
  SELECT s.id, a.layer, a.feature,
         CASE WHEN ST_CoveredBy(s.geom, a.geom) THEN s.geom
              ELSE ST_CollectionExtract(ST_Intersection(s.geom, a.geom), 3) END AS geom
  FROM site s JOIN bench_area a ON ST_Intersects(s.geom, a.geom)
), hit AS (
  SELECT p.id, p.layer, p.feature, p.geom, ST_Area(p.geom::geography) AS m2 FROM piece p
), share AS (
  SELECT h.id, h.layer, h.feature, h.geom, h.m2, least(100, 100 * h.m2 / s.m2) AS pct, s.city, s.industry
  FROM hit h JOIN site s USING (id) WHERE h.m2 > 0
), serving AS (
  SELECT sh.id,
         CASE WHEN bool_or(sh.pct >= 100 - 1e-9) THEN 100
              WHEN count(*) = 1 THEN min(sh.pct)
              ELSE least(100, 100 * ST_Area(ST_Union(sh.geom)::geography) / min(s.m2)) END AS pct,
         bool_or(sh.industry = ANY (p.industries)) AS industry_listed
  FROM share sh JOIN site s USING (id)
  JOIN bench_purpose p ON p.layer = sh.layer AND p.feature = sh.feature AND s.city = ANY (p.cities)
  GROUP BY sh.id
), nearest AS (
  SELECT s.id, min(ST_Distance(ST_Transform(s.geom, 4530), a.geom_gk)) AS metres
  FROM site s JOIN bench_purpose p ON s.city = ANY (p.cities)
  JOIN bench_area a ON a.layer = p.layer AND a.feature = p.feature
  WHERE NOT EXISTS (SELECT 1 FROM serving sv WHERE sv.id = s.id)
  GROUP BY s.id
), project AS (
  SELECT s.id, count(*) AS n
  FROM site s JOIN bench_project pr ON ST_Intersects(s.geom, pr.geom)
  WHERE ST_Dimension(pr.geom) < 2 OR ST_Area(ST_Intersection(s.geom, pr.geom)::geography) > 0
  GROUP BY s.id
), fired AS (
  SELECT sh.id, r.level FROM share sh
  JOIN bench_restriction r ON r.layer = sh.layer AND r.feature = sh.feature AND sh.industry = ANY (r.industries)
  UNION ALL
  SELECT DISTINCT sh.id, c.inside FROM share sh JOIN bench_constraint c ON c.layer = sh.layer
  WHERE c.inside IS NOT NULL AND NOT coalesce(sh.industry = ANY (c.permitted), false)
  UNION ALL
  SELECT s.id, g.level FROM site s, bench_general g WHERE g.rule = 'city_undeclared' AND s.city IS NULL
  UNION ALL
  SELECT s.id, g.level FROM site s, bench_general g
  WHERE g.rule = 'city_outside' AND s.city IS NOT NULL AND NOT EXISTS (SELECT 1 FROM serving sv WHERE sv.id = s.id)
  UNION ALL
  SELECT sv.id, g.level FROM serving sv, bench_general g WHERE g.rule = 'city_partly_outside' AND sv.pct < 99.9
  UNION ALL
  SELECT sv.id, g.level FROM serving sv JOIN site s USING (id), bench_general g
  WHERE g.rule = 'industry_not_listed' AND s.industry IS NOT NULL AND NOT sv.industry_listed
)
SELECT s.id,
       CASE WHEN bool_or(f.level = 'conflict') THEN 'non-compliant'
            WHEN bool_or(f.level = 'condition') THEN 'conditional' ELSE 'compliant' END AS verdict,
       round(coalesce(sv.pct, 0)::numeric, 3) AS city_share_pct, count(f.level) AS rules,
       round(n.metres::numeric, 1) AS nearest_m, coalesce(pj.n, 0) AS projects
FROM site s
LEFT JOIN fired f USING (id) LEFT JOIN serving sv USING (id) LEFT JOIN nearest n USING (id) LEFT JOIN project pj USING (id)
GROUP BY s.id, sv.pct, n.metres, pj.n
ORDER BY s.id
